//! Big inputs: every hostile kind at 1 MB, the worst as 10 MB lines,
//! inputs longer than the scan window, text dense with terms, and a 50 MB
//! batch.

use super::inputs::{abuse_strings, big_inputs, fill, ordinary, planted_line, Rng};
use super::invariants::{assert_normalized_sound, assert_report_sound, detector};
use super::{watchdog, MB};

/// Every hostile kind at 1 MB: sound spans, idempotent, sound report.
#[test]
fn megabyte_inputs_of_every_hostile_kind_hold() {
    for (kind, input) in big_inputs(MB) {
        watchdog(&format!("1 MB of {kind}"), move || {
            let norm = detector().normalizer();
            let once = norm.normalize(&input);
            assert_normalized_sound(&input, &once);
            let twice = norm.normalize(once.text());
            assert!(twice.text() == once.text(), "{kind}: not idempotent");
            let r = detector().scan(&input);
            assert_report_sound(detector(), &input, &r);
        });
    }
}

/// The worst kinds as one 10 MB line, normalized whole (the normalizer
/// has no windows) and scanned (in windows).
#[test]
fn ten_megabyte_lines_hold() {
    let worst = [
        "letters, no space",
        "combining-mark storm",
        "spaced letters",
        "spaced with dots",
        "mixed script",
        "one hashtag",
    ];
    for (kind, input) in big_inputs(10 * MB) {
        if !worst.contains(&kind) {
            continue;
        }
        assert!(input.len() >= 10 * MB - 4, "{kind}");
        watchdog(&format!("10 MB of {kind}"), move || {
            let n = detector().normalizer().normalize(&input);
            assert_normalized_sound(&input, &n);
            drop(n);
            let r = detector().scan(&input);
            assert_report_sound(detector(), &input, &r);
        });
    }
}

#[test]
fn a_ten_megabyte_line_finds_every_planted_term_in_place() {
    let (input, planted) = planted_line(&mut Rng::new(11), 10 * MB);
    let r = detector().scan(&input);
    assert_report_sound(detector(), &input, &r);
    let found: Vec<(usize, &str)> = r.matches.iter().map(|m| (m.start(), m.text())).collect();
    assert_eq!(found.len(), planted.len());
    assert!(found == planted, "first difference at {:?}", {
        let i = found.iter().zip(&planted).position(|(a, b)| a != b);
        i.map(|i| (found[i], planted[i]))
    });
}

/// A window cut falls at the last space before [`vigil::SCAN_WINDOW`]; a
/// phrase lying across that space must still be found. Every alignment of
/// the phrase against the cut is tried.
#[test]
fn a_phrase_across_a_window_cut_is_found() {
    let phrase = "Islamic State ";
    for shift in 0..phrase.len() {
        let mut input = "x".repeat(shift + 1) + " ";
        input.push_str(&fill("ab ", vigil::SCAN_WINDOW - 300 - input.len()));
        input.push_str(&phrase.repeat(40));
        input.push_str(&fill("ab ", 200_000));
        let r = detector().scan(&input);
        assert_report_sound(detector(), &input, &r);
        let found = r
            .matches
            .iter()
            .filter(|m| m.text() == "Islamic State")
            .count();
        assert_eq!(
            found, 40,
            "shift {shift}: a phrase split by the window cut was lost"
        );
    }
}

/// A URL longer than a scan window is one URL in every window it spans,
/// as it is in the first: the words of its path are never read as terms
/// (they were, from the second window on), and the text after it is read
/// as usual. The stream reading agrees, cut for cut.
#[test]
fn a_url_longer_than_a_window_stays_one_url() {
    // The embedded lexicon: its group names written in the URL.
    let d = &vigil::Detector::default();
    // Every place of the cuts in the unit: after `/`, inside a word,
    // after a `.` the URL gives back (were it the URL's end).
    for unit in ["al-Qaeda/", "al-Qaeda.", "Islamic-State-"] {
        for pad in 0..unit.len() {
            let head = format!("https://x.com/{}", "a".repeat(pad));
            let url = head + &fill(unit, 5 * vigil::SCAN_WINDOW / 2);
            let input = format!("{url} Islamic State attack");
            let r = d.scan(&input);
            assert_report_sound(d, &input, &r);
            let found: Vec<(usize, &str)> =
                r.matches.iter().map(|m| (m.start(), m.text())).collect();
            assert_eq!(
                found.get(..2.min(found.len())),
                Some(&[(url.len() + 1, "Islamic State")][..]),
                "{unit} {pad}: {} matches",
                found.len()
            );
            let streamed = d.scan_reader(input.as_bytes()).unwrap();
            assert_eq!(streamed, r, "{unit} {pad}");
        }
    }
}

/// The verdict must not compare every match with every other: text dense
/// with terms (one match a token) is the cheapest way to make a scanner
/// quadratic. Linear, this takes well under a second; the bound only
/// catches a scan that would otherwise run for hours. The report lists the
/// first [`vigil::MAX_MATCHES`] and says it stopped.
#[test]
fn text_dense_with_terms_scans_in_linear_time() {
    let input = fill("Islamic State ", MB);
    let expected = input.matches("Islamic State").count();
    assert!(expected > vigil::MAX_MATCHES);
    let r = watchdog(&format!("1 MB with {expected} matches"), move || {
        let r = detector().scan(&input);
        assert_report_sound(detector(), &input, &r);
        r
    });
    assert!(r.truncated);
    assert_eq!(r.matches.len(), vigil::MAX_MATCHES);
    assert!(r.matches.iter().all(|m| m.text() == "Islamic State"));
}

#[test]
fn lines_longer_than_the_scan_window_lose_no_term() {
    // Newline-separated: windows are cut at line breaks.
    let mut rng = Rng::new(5);
    let mut input = String::new();
    let mut planted = 0;
    while input.len() < 5 * MB {
        let n = rng.len(200, 3000);
        input.push_str(&ordinary(&mut rng, n));
        input.push_str(rng.pick(&[
            "Islamic State",
            "Tehrik-i-Taliban Pakistan",
            "الدولة الإسلامية",
        ]));
        input.push('\n');
        planted += 1;
    }
    let r = detector().scan(&input);
    assert_report_sound(detector(), &input, &r);
    assert_eq!(r.matches.len(), planted);
}

#[test]
fn a_fifty_megabyte_batch_equals_sequential_scans() {
    let mut rng = Rng::new(42);
    let abuse = abuse_strings();
    let mut batch: Vec<String> = Vec::new();
    let mut total = 0;
    while total < 50 * MB {
        let text = match rng.below(100) {
            0 => {
                let n = rng.len(MB, MB);
                planted_line(&mut rng, n).0
            }
            1..=10 => {
                let s = &abuse[rng.below(abuse.len())];
                format!("{s} {}", ordinary(&mut rng, 500))
            }
            11..=40 => format!(
                "{} long live ISIS {}",
                ordinary(&mut rng, 400),
                ordinary(&mut rng, 400)
            ),
            _ => {
                let n = rng.len(200, 1800);
                ordinary(&mut rng, n)
            }
        };
        total += text.len();
        batch.push(text);
    }
    let reports = detector().scan_batch(&batch);
    assert_eq!(reports.len(), batch.len());
    // A sample keeps the sequential half of the comparison cheap.
    for i in (0..batch.len()).step_by(7) {
        assert_report_sound(detector(), &batch[i], &reports[i]);
        assert_eq!(reports[i], detector().scan(&batch[i]), "text {i}");
    }
}

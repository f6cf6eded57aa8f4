//! Matching and verdict rules, on a small lexicon written here so the rules
//! are tested independently of the embedded data.

use vigil::{Category, Detector, Disguises, Lexicon, Report, Verdict};

const LEXICON: &str = "\
Tehrik-i-Taliban Pakistan\tttp\torg\ten\thigh\tany\ttest
Tehrik-i-Taliban\tttp\torg\ten\thigh\tany\ttest
TTP\tttp\torg\ten\thigh\tany\ttest
Islamic State\tisis\torg\ten\thigh\tany\ttest
ISIS\tisis\torg\ten\thigh\tany\ttest
Islamic State Khorasan Province\tiskp\torg\ten\thigh\tany\ttest
BLA\tbla\torg\ten\thigh\tcaps\ttest
Balochistan Liberation Army\tbla\torg\ten\thigh\tany\ttest
LeT\tlet\torg\ten\thigh\tcaps\ttest
Lashkar-e-Taiba\tlet\torg\ten\thigh\tany\ttest
Al-Qaeda\tal-qaeda\torg\ten\thigh\tany\ttest
baqiyah wa tatamaddad\tisis\tslogan\tar\thigh\tany\ttest
istishhadi\t-\tingroup\tmul\thigh\tany\ttest
murtadd army\t-\tingroup\ten\thigh\tany\ttest
Fitna al-Khawarij\tttp\tlabel\ten\tmedium\tany\ttest
zindabad\t-\tpraise\tur-Latn\tmedium\tany\ttest
long live\t-\tpraise\ten\tmedium\tany\ttest
join the caravan\t-\trecruit\ten\tmedium\tany\ttest
condemned\t-\tcounter\ten\tlow\tany\ttest
police said\t-\tcounter\ten\tlow\tany\ttest
bla bla\t-\tallow\ten\tlow\tany\ttest
let it be\t-\tallow\ten\tlow\tany\ttest
";

fn detector() -> Detector {
    let lexicon = Lexicon::from_tsv(LEXICON.as_bytes()).unwrap();
    Detector::builder().lexicon(lexicon).build().unwrap()
}

/// The (original text, group) of every group-evidence match.
fn found(r: &Report) -> Vec<(&str, &str)> {
    r.matches
        .iter()
        .filter(|m| m.category().is_group_evidence())
        .map(|m| (m.text(), m.group().unwrap_or("-")))
        .collect()
}

#[test]
fn spans_point_into_the_original_text() {
    let d = detector();
    let input = "Ｎews: ａｂｃ T\u{200B}T\u{200B}P and #TehrikITaliban 🔥";
    let r = d.scan(input);
    for m in &r.matches {
        assert_eq!(&input[m.start()..m.end()], m.text());
    }
    assert_eq!(
        found(&r),
        [("T\u{200B}T\u{200B}P", "ttp"), ("TehrikITaliban", "ttp")]
    );
    assert!(r.matches[0].disguises().contains(Disguises::INVISIBLE));
}

#[test]
fn multi_word_terms_match_whatever_separates_their_words() {
    let d = detector();
    for text in [
        "Tehrik-i-Taliban Pakistan",
        "tehrik i taliban pakistan",
        "#TehrikITalibanPakistan",
        "TEHRIK_I_TALIBAN_PAKISTAN",
        "tehrikitalibanpakistan",
    ] {
        let r = d.scan(text);
        assert_eq!(found(&r), [(text.trim_start_matches('#'), "ttp")], "{text}");
        assert_eq!(r.matches[0].term(), "Tehrik-i-Taliban Pakistan");
    }
    // A sentence break is not a separator inside a term.
    assert_eq!(found(&d.scan("Tehrik. I Taliban")), []);
}

#[test]
fn leftmost_longest_prefers_the_whole_name() {
    let d = detector();
    let r = d.scan("Islamic State Khorasan Province claimed it");
    assert_eq!(found(&r), [("Islamic State Khorasan Province", "iskp")]);
    let r = d.scan("Islamic State fighters");
    assert_eq!(found(&r), [("Islamic State", "isis")]);
}

#[test]
fn ordinary_words_never_match() {
    let d = detector();
    for text in [
        "the crisis deepens",
        "see http://example.com/ttp for details",
        "bla bla bla, whatever",
        "Bla. I said bla.",
        "let it be",
        "Let me know. LET IT BE!",
        "we need 512 MB of memory",
        "the lashkar of volunteers arrived",
        "I love the BLAST album",
        "WE WANT FREE EDUCATION FOR ALL AND BLA IS NOT OUR CONCERN",
    ] {
        let r = d.scan(text);
        assert_eq!(found(&r), [], "{text}");
        assert_eq!(r.verdict, Verdict::Clean, "{text}");
    }
}

#[test]
fn ambiguous_acronyms_need_capitals_disguise_or_context() {
    let d = detector();
    assert_eq!(found(&d.scan("The BLA claimed it")), [("BLA", "bla")]);
    assert_eq!(found(&d.scan("#BLAzindabad")), [("BLA", "bla")]);
    assert_eq!(found(&d.scan("the b.l.a is back")), [("b.l.a", "bla")]);
    assert_eq!(found(&d.scan("LeT and JeM")), [("LeT", "let")]);
    assert_eq!(found(&d.scan("bla is back")), []);
    assert_eq!(
        found(&d.scan("the Balochistan Liberation Army (bla) said")),
        [("Balochistan Liberation Army", "bla"), ("bla", "bla")]
    );
}

#[test]
fn news_and_condemnation_are_mentions() {
    let d = detector();
    for text in [
        "Police said the TTP claimed the attack.",
        "The TTP attack was condemned by all parties.",
        "Fitna al-Khawarij terrorists were killed; long live Pakistan",
        "Al-Qaeda was founded in 1988.",
    ] {
        assert_eq!(d.scan(text).verdict, Verdict::Mention, "{text}");
    }
}

#[test]
fn promotion_is_support() {
    let d = detector();
    for text in [
        "TTP zindabad",
        "Long live the Islamic State!",
        "Join the caravan of Lashkar-e-Taiba",
        "baqiyah wa tatamaddad",
        "an istishhadi struck the murtadd army",
        "T4l1b4n... no: T.T.P zindabad",
    ] {
        let r = d.scan(text);
        assert_eq!(r.verdict, Verdict::Support, "{text}: {r:?}");
        assert!(r.score > 0.5 && r.score <= 1.0);
    }
    // A cue in another sentence does not attach to the group.
    let r = d.scan("The TTP attacked a school. Long live our brave teachers");
    assert_eq!(r.verdict, Verdict::Mention);
    assert!(r.score > 0.0 && r.score <= 0.5);
}

#[test]
fn cues_alone_are_clean() {
    let d = detector();
    let r = d.scan("Pakistan zindabad! Join the caravan of volunteers");
    assert_eq!(r.verdict, Verdict::Clean);
    assert_eq!(r.score, 0.0);
    assert!(r.matches.iter().all(|m| m.category().is_support_cue()));
    assert!(r.matches.iter().all(|m| m.category() != Category::Allow));
}

#[test]
fn batch_equals_sequential_in_input_order() {
    let d = detector();
    let texts: Vec<String> = (0..500)
        .map(|i| match i % 4 {
            0 => format!("post {i}: TTP zindabad"),
            1 => format!("post {i}: the weather"),
            2 => format!("police said ISIS attacked {i}"),
            _ => format!("#BLA{i} بلا"),
        })
        .collect();
    let batch = d.scan_batch(&texts);
    let seq: Vec<Report> = texts.iter().map(|t| d.scan(t)).collect();
    assert_eq!(batch, seq);
}

#[test]
fn detector_is_send_sync_and_cheap_to_clone() {
    fn assert_send_sync<T: Send + Sync + Clone>() {}
    assert_send_sync::<Detector>();
    assert_send_sync::<Lexicon>();
    assert_send_sync::<Report>();
}

#[test]
fn glued_words_that_meet_on_one_letter_still_match() {
    // The repeat fold collapses `aA` across the glue: `fitnalkhawarij`.
    let d = detector();
    let r = d.scan("#FitnaAlKhawarij strikes again");
    assert_eq!(found(&r), [("FitnaAlKhawarij", "ttp")]);
}

#[test]
fn reports_list_at_most_the_cap_and_say_when_they_are_truncated() {
    let d = Detector::builder().max_matches(3).build().unwrap();
    let r = d.scan("TTP TTP TTP TTP TTP");
    assert_eq!(r.matches.len(), 3);
    assert!(r.truncated);
    // At the cap exactly nothing is lost.
    let r = d.scan("TTP TTP TTP");
    assert_eq!(r.matches.len(), 3);
    assert!(!r.truncated);
    let json = serde_json::to_value(d.scan("TTP TTP TTP TTP")).unwrap();
    assert_eq!(json["truncated"], true);
    // Reports serialised before the flag existed still read.
    let mut old = serde_json::to_value(detector().scan("TTP")).unwrap();
    old.as_object_mut().unwrap().remove("truncated");
    let back: Report = serde_json::from_value(old).unwrap();
    assert!(!back.truncated);
}

#[test]
fn the_verdict_counts_matches_beyond_the_cap() {
    // The support cue comes after the cap: the verdict still sees it.
    let text = format!("{} TTP zindabad", "TTP ".repeat(20));
    let capped = Detector::builder()
        .max_matches(5)
        .build()
        .unwrap()
        .scan(&text);
    let full = Detector::default().scan(&text);
    assert!(capped.truncated && !full.truncated);
    assert_eq!(capped.verdict, Verdict::Support);
    assert_eq!((capped.verdict, capped.score), (full.verdict, full.score));
    assert_eq!(capped.matches[..], full.matches[..5]);
}

#[test]
fn huge_term_dense_inputs_stay_within_the_cap_across_windows() {
    let text = "Islamic State ".repeat((vigil::SCAN_WINDOW * 2) / 14 + 7);
    let r = detector().scan(&text);
    assert_eq!(r.matches.len(), vigil::MAX_MATCHES);
    assert!(r.truncated);
    assert_eq!(r.verdict, Verdict::Mention);
    for m in &r.matches {
        assert_eq!(&text[m.start()..m.end()], m.text());
    }
}

#[test]
fn batch_equals_sequential_with_a_cap_and_on_huge_inputs() {
    let d = Detector::builder().max_matches(4).build().unwrap();
    let mut texts: Vec<String> = (0..300)
        .map(|i| match i % 3 {
            0 => format!("{i} TTP TTP TTP TTP TTP zindabad"),
            1 => format!("#TehrikITaliban {i} weather"),
            _ => format!("Daesh {i} claimed, officials condemned"),
        })
        .collect();
    texts.push("Join ISIS now. ".repeat(vigil::SCAN_WINDOW / 10));
    let batch = d.scan_batch(&texts);
    let seq: Vec<Report> = texts.iter().map(|t| d.scan(t)).collect();
    assert_eq!(batch, seq);
}

/// Reads its bytes out in uneven pieces, and scans a post of its own on
/// the same thread between reads (its buffers are in use then).
struct Uneven<'a> {
    bytes: &'a [u8],
    step: usize,
    detector: &'a Detector,
}

impl std::io::Read for Uneven<'_> {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        assert_eq!(
            self.detector.scan("long live the TTP").verdict,
            Verdict::Support
        );
        let n = self.step.min(out.len()).min(self.bytes.len());
        out[..n].copy_from_slice(&self.bytes[..n]);
        self.bytes = &self.bytes[n..];
        self.step = self.step * 7 % 100_003 + 1;
        Ok(n)
    }
}

#[test]
fn a_streamed_text_gets_the_report_of_the_whole_text() {
    let d = Detector::builder().max_matches(100_000).build().unwrap();
    let samples = std::fs::read_to_string("examples/data/sample_posts.txt").unwrap();
    // Three windows and more: terms on both sides of each cut, an Arabic
    // stretch without a space, a post at the very end.
    let mut long = String::new();
    while long.len() < 3 * vigil::SCAN_WINDOW {
        long.push_str(&samples);
        long.push_str(&"تحریک طالبان پاکستان ".repeat(3000));
        long.push_str(&"ق".repeat(40_000));
    }
    long.push_str("Long live the T.T.P!");
    for text in ["", "Join ISIS now.", samples.as_str(), long.as_str()] {
        let want = d.scan(text);
        let whole = d.scan_reader(text.as_bytes()).unwrap();
        assert_eq!(whole, want);
        let uneven = Uneven {
            bytes: text.as_bytes(),
            step: 1,
            detector: &d,
        };
        assert_eq!(d.scan_reader(uneven).unwrap(), want);
        for m in &whole.matches {
            assert_eq!(&text[m.span()], m.text());
        }
    }
    let mut bad = long.into_bytes();
    let at = bad.len() - 5;
    bad[at] = 0xC3; // a lead byte before ASCII: not UTF-8
    let err = d.scan_reader(&bad[..]).unwrap_err();
    assert!(
        matches!(&err, vigil::Error::Io { error, .. }
        if error.kind() == std::io::ErrorKind::InvalidData),
        "{err}"
    );
    assert!(err.to_string().contains(&format!("byte {at}")), "{err}");
}

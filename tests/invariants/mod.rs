//! What must hold for every input, shared by `tests/robustness.rs`,
//! `tests/hostile.rs` and the fuzz targets (`fuzz/src/lib.rs`): a small test
//! lexicon and the invariant checks.
//!
//! The checks are plain assertions; proptest turns their panics into
//! failing (and shrunk) cases.

// Each test crate uses a different part of this module.
#![allow(dead_code)]

use std::sync::OnceLock;
use vigil::{Category, Detector, Lexicon, Normalized, Report, Sep, Verdict};

/// A lexicon written here, so the invariants exercise matching in every
/// script the crate targets whatever the embedded data holds.
pub const LEXICON: &str = "\
Tehrik-i-Taliban Pakistan\tttp\torg\ten\thigh\tany\ttest
TTP\tttp\torg\ten\thigh\tcaps\ttest
Taliban\ttaliban\torg\ten\thigh\tany\ttest
Islamic State\tisis\torg\ten\thigh\tany\ttest
ISIS\tisis\torg\ten\thigh\tany\ttest
Daesh\tisis\torg\ten\thigh\tany\ttest
داعش\tisis\torg\tar\thigh\tany\ttest
الدولة الإسلامية\tisis\torg\tar\thigh\tany\ttest
تحریک طالبان پاکستان\tttp\torg\tur\thigh\tany\ttest
Umar Media\tttp\tmedia\ten\thigh\tany\ttest
baqiyah wa tatamaddad\tisis\tslogan\tar\thigh\tany\ttest
istishhadi\t-\tingroup\tmul\thigh\tany\ttest
zindabad\t-\tpraise\tur-Latn\tmedium\tany\ttest
long live\t-\tpraise\ten\tmedium\tany\ttest
join the caravan\t-\trecruit\ten\tmedium\tany\ttest
condemned\t-\tcounter\ten\tlow\tany\ttest
isis flower\t-\tallow\ten\tlow\tany\ttest
";

/// Terms of [`LEXICON`] with the `any` rule, and their group.
pub const PLANTABLE: &[(&str, &str)] = &[
    ("Tehrik-i-Taliban Pakistan", "ttp"),
    ("Taliban", "taliban"),
    ("Islamic State", "isis"),
    ("ISIS", "isis"),
    ("Daesh", "isis"),
    ("داعش", "isis"),
    ("الدولة الإسلامية", "isis"),
    ("تحریک طالبان پاکستان", "ttp"),
    ("Umar Media", "ttp"),
];

/// One detector over [`LEXICON`], shared by every test of a crate.
pub fn detector() -> &'static Detector {
    static D: OnceLock<Detector> = OnceLock::new();
    D.get_or_init(|| {
        let lexicon = Lexicon::from_tsv(LEXICON.as_bytes()).expect("test lexicon");
        Detector::builder()
            .lexicon(lexicon)
            .build()
            .expect("detector")
    })
}

/// A short, escaped look at a possibly huge input, for failure messages.
pub fn preview(s: &str) -> String {
    let head: String = s.chars().take(40).collect();
    format!("{head:?}… ({} bytes)", s.len())
}

/// Every token lies in the canonical text, in order, and maps back to a
/// non-empty span of the input on `char` boundaries, in order; only the
/// first token has `Sep::Start`; `source_span` stays inside the input for
/// any range at all.
pub fn assert_normalized_sound(input: &str, n: &Normalized) {
    let canon = n.text();
    assert_eq!(n.original_len(), input.len());
    let (mut prev_end, mut prev_src) = (0, 0);
    for (i, t) in n.tokens().iter().enumerate() {
        let r = t.range();
        assert!(
            r.start < r.end && r.start >= prev_end && r.end <= canon.len(),
            "token {i} {t:?} of {}",
            preview(input)
        );
        assert!(canon.is_char_boundary(r.start) && canon.is_char_boundary(r.end));
        assert_eq!(n.token_text(t), &canon[r.clone()]);
        assert_eq!(t.sep == Sep::Start, i == 0, "token {i} {t:?}");
        let src = n.source_span(r.clone());
        assert!(
            src.start < src.end && src.end <= input.len() && src.start >= prev_src,
            "token {i} {t:?} maps to {src:?} in {}",
            preview(input)
        );
        assert!(input.is_char_boundary(src.start) && input.is_char_boundary(src.end));
        prev_end = r.end;
        prev_src = src.start;
    }
    let len = canon.len();
    #[allow(clippy::reversed_empty_ranges)]
    let probes = [
        0..0,
        0..len,
        len / 2..len,
        len / 3..len / 2 + 1,
        1..2,
        len.saturating_sub(1)..len + 1,
        len + 5..len + 9,
        usize::MAX - 1..usize::MAX,
        len..0,
    ];
    for probe in probes {
        let src = n.source_span(probe.clone());
        assert!(
            src.start <= src.end && src.end <= input.len(),
            "source_span({probe:?}) = {src:?} outside {}",
            preview(input)
        );
        assert!(input.is_char_boundary(src.start) && input.is_char_boundary(src.end));
    }
}

/// Spans cover their text on `char` boundaries, in input order; allow
/// entries are never reported; fields agree with the lexicon entry;
/// verdict and score agree with each other.
pub fn assert_report_sound(d: &Detector, input: &str, r: &Report) {
    let at = || preview(input);
    assert!(
        r.score.is_finite() && (0.0..=1.0).contains(&r.score),
        "score {} for {}",
        r.score,
        at()
    );
    match r.verdict {
        Verdict::Clean => assert_eq!(r.score, 0.0, "{}", at()),
        Verdict::Mention => assert!(r.score > 0.1 && r.score <= 0.5, "mention {}", r.score),
        Verdict::Support => assert!(r.score > 0.5, "support {}", r.score),
    }
    let evidence = r.matches.iter().any(|m| m.category().is_group_evidence());
    assert_eq!(r.verdict == Verdict::Clean, !evidence, "{}", at());
    let mut prev = 0;
    for m in &r.matches {
        assert!(
            m.start() < m.end() && m.end() <= input.len() && m.start() >= prev,
            "span {}..{} in {}",
            m.start(),
            m.end(),
            at()
        );
        assert!(input.is_char_boundary(m.start()) && input.is_char_boundary(m.end()));
        assert_eq!(&input[m.start()..m.end()], m.text());
        assert_ne!(m.category(), Category::Allow, "{m:?}");
        let e = d.lexicon().get(m.entry()).expect("a match names an entry");
        assert_eq!(
            (e.key, e.term, e.group, e.category, e.lang, e.severity),
            (
                m.key(),
                m.term(),
                m.group(),
                m.category(),
                m.lang(),
                m.severity()
            )
        );
        prev = m.start();
    }
}

/// Normalizes and scans `input` with [`detector`], checks every invariant
/// and that the canonical text is a fixed point; returns the report.
pub fn assert_holds(input: &str) -> Report {
    let norm = detector().normalizer();
    let n = norm.normalize(input);
    assert_normalized_sound(input, &n);
    let again = norm.normalize(n.text());
    assert!(
        again.text() == n.text(),
        "not idempotent on {}: {} -> {}",
        preview(input),
        preview(n.text()),
        preview(again.text())
    );
    let r = detector().scan(input);
    assert_report_sound(detector(), input, &r);
    r
}

//! Properties that hold for any input, checked over random and hostile
//! strings: nothing panics, every span lies on `char` boundaries and covers
//! what it claims, normalization is idempotent, batches equal sequential
//! scans, bad data becomes a typed error, and mirror scores are symmetric
//! and in `[0, 1]`.
//!
//! Case counts are modest so the suite stays fast; the fuzz targets in
//! `fuzz/` run the same checks for as long as one cares to let them.
//! Failures are not written to `proptest-regressions/`: an input that once
//! failed is kept as a named test in `robustness/regressions.rs`.

mod invariants;
#[path = "robustness/lexicon.rs"]
mod lexicon;
#[path = "robustness/mirror.rs"]
mod mirror;
#[path = "robustness/regressions.rs"]
mod regressions;
mod seed;
#[path = "robustness/strategies.rs"]
mod strategies;

use invariants::{assert_normalized_sound, assert_report_sound, detector, PLANTABLE};
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::Config;
use strategies::{any_text, hostile_text};
use vigil::{Detector, Lexicon, Normalizer, Verdict};

/// See [`seed::proptest_config`]: a fixed seed unless
/// `PROPTEST_RNG_SEED` is set; no failure files (failures found here are
/// kept as named tests in `robustness/regressions.rs`).
pub fn config(cases: u32) -> Config {
    Config {
        failure_persistence: None,
        ..seed::proptest_config(cases)
    }
}

// ---------------------------------------------------------------------------
// Normalizer
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn normalize_spans_are_sound(text in any_text()) {
        let n = Normalizer::default().normalize(&text);
        assert_normalized_sound(&text, &n);
    }

    #[test]
    fn normalize_is_idempotent(text in any_text()) {
        let norm = Normalizer::default();
        let once = norm.normalize(&text);
        let twice = norm.normalize(once.text());
        prop_assert_eq!(twice.text(), once.text(), "input {:?}", text);
    }
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn normalize_into_reuses_buffers_without_leaking_state(a in any_text(), b in any_text()) {
        let norm = Normalizer::default();
        let mut buf = norm.normalize(&a);
        norm.normalize_into(&b, &mut buf);
        prop_assert_eq!(&buf, &norm.normalize(&b));
    }

    #[test]
    fn every_option_set_is_sound_and_idempotent(text in hostile_text(), bits in 0u8..128) {
        let opts = vigil::NormalizerOptions::from_bits(bits).expect("seven bits");
        let norm = Normalizer::builder().options(opts).build();
        let once = norm.normalize(&text);
        assert_normalized_sound(&text, &once);
        let twice = norm.normalize(once.text());
        prop_assert_eq!(twice.text(), once.text(), "options {:?}", opts);
    }
}

// ---------------------------------------------------------------------------
// Detector
// ---------------------------------------------------------------------------

proptest! {
    #![proptest_config(config(512))]

    #[test]
    fn scan_spans_are_sound(text in any_text()) {
        let d = detector();
        let r = d.scan(&text);
        assert_report_sound(d, &text, &r);
        prop_assert_eq!(&d.scan(&text), &r, "scanning is not deterministic");
    }
}

proptest! {
    #![proptest_config(config(128))]

    #[test]
    fn scan_batch_equals_scans_one_by_one(texts in vec(any_text(), 0..24)) {
        let d = detector();
        let batch = d.scan_batch(&texts);
        let one_by_one: Vec<_> = texts.iter().map(|t| d.scan(t)).collect();
        prop_assert_eq!(batch, one_by_one);
    }

    #[test]
    fn embedded_lexicon_spans_are_sound(text in any_text()) {
        let d = Detector::default();
        let r = d.scan(&text);
        assert_report_sound(&d, &text, &r);
    }

    #[test]
    fn empty_lexicon_finds_nothing(text in any_text()) {
        let d = Detector::builder().lexicon(Lexicon::empty()).build().unwrap();
        let r = d.scan(&text);
        prop_assert_eq!(r.verdict, Verdict::Clean);
        prop_assert_eq!(r.score, 0.0);
        prop_assert!(r.matches.is_empty());
    }
}

proptest! {
    #![proptest_config(config(256))]

    /// Noise on other lines cannot hide a term or move its span.
    #[test]
    fn a_term_on_its_own_line_is_found_whatever_surrounds_it(
        before in hostile_text(),
        after in hostile_text(),
        planted in select(PLANTABLE),
    ) {
        let (term, group) = planted;
        let input = format!("{before}\n{term}\n{after}");
        let at = before.len() + 1;
        let r = detector().scan(&input);
        assert_report_sound(detector(), &input, &r);
        prop_assert!(
            r.matches.iter().any(|m| m.start() == at && m.text() == term && m.group() == Some(group)),
            "{:?} at {} not found in {:?}: {:?}", term, at, input, r.matches
        );
    }
}

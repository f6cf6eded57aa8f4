//! Inputs the properties once failed on, kept as named tests.

use super::invariants::detector;
use vigil::Normalizer;

/// A Greek or Cyrillic look-alike under a combining mark was folded to
/// Latin after diacritics were stripped, so the mark survived the first
/// pass and was stripped by the second.
#[test]
fn regression_look_alike_under_a_combining_mark_is_idempotent() {
    let norm = Normalizer::default();
    for input in ["Ά\u{300}", "Һ\u{300}", "ΆΆ\u{300}\u{301}", "Ι\u{301}SIS"] {
        let once = norm.normalize(input);
        assert_eq!(norm.normalize(once.text()).text(), once.text(), "{input:?}");
    }
}

/// Spaced letters were joined across a line break when the next line
/// continued the pattern, so two spaced terms on consecutive lines became
/// one unknown word and neither was found.
#[test]
fn regression_spaced_terms_on_consecutive_lines_are_both_found() {
    for input in [
        "I.S.I.S.\nI.S.I.S.",
        "I S I S\nI S I S\n",
        "I-S-I-S-\nI-S-I-S",
    ] {
        let r = detector().scan(input);
        let found: Vec<&str> = r.matches.iter().map(|m| m.text()).collect();
        assert_eq!(found.len(), 2, "{input:?}: {found:?}");
        assert!(
            found.iter().all(|t| !t.contains('\n')),
            "{input:?}: {found:?}"
        );
    }
}

/// Found by `cargo fuzz run normalize` (minimized): with diacritics kept,
/// letters between U+FFFD and a combining mark were left spread out by the
/// first pass and joined by the second.
#[test]
fn regression_fuzz_normalize_spread_letters_with_marks_are_idempotent() {
    let input = String::from_utf8_lossy(b"s\x00\xcc\x81\x87e\x87e");
    let opts = vigil::NormalizerOptions {
        strip_diacritics: false,
        arabic_variants: false,
        ..vigil::NormalizerOptions::default()
    };
    for norm in [
        Normalizer::builder().options(opts).build(),
        Normalizer::default(),
    ] {
        let once = norm.normalize(&input);
        assert_eq!(
            norm.normalize(once.text()).text(),
            once.text(),
            "{:?}",
            norm.options()
        );
    }
}

/// Found by the fuzz bodies (`fuzz/examples/smoke.rs`, minimized): the
/// first pass collapses a doubled letter or reads only some digits as
/// letters, and the second pass then reads the remaining digit as a
/// letter (`ll3` -> `l3` -> `le`, `5an9` -> `san9` -> `sang`).
#[test]
fn regression_fuzz_leetspeak_after_folding_is_idempotent() {
    let norm = Normalizer::default();
    for input in ["ll3", "tt0", "TT1", "5an9", "0um7", "0ia0 ", "0aa0🌀"] {
        let once = norm.normalize(input);
        let twice = norm.normalize(once.text());
        assert_eq!(twice.text(), once.text(), "{input:?}");
    }
    // `cargo fuzz run normalize`, with only leetspeak and joining on.
    let opts = vigil::NormalizerOptions {
        confusables: false,
        leetspeak: true,
        arabic_variants: false,
        strip_diacritics: false,
        collapse_repeats: false,
        join_spaced_letters: true,
        split_glued_words: true,
    };
    let norm = Normalizer::builder().options(opts).build();
    let once = norm.normalize("a\0\u{30a}0");
    assert_eq!(norm.normalize(once.text()).text(), once.text());
}

/// Found by a local stress run over all option sets: a camel-case cut
/// between two equal letters kept them both when a combining mark the
/// emitter drops stood between them, and the second pass collapsed them;
/// and digits on both sides of a hashtag's `_` (which the canonical text
/// does not write) were judged as two numbers, then as one.
#[test]
fn regression_unwritten_characters_between_letters_and_digits_are_idempotent() {
    let all = |bits: u8| vigil::NormalizerOptions::from_bits(bits).expect("seven bits");
    for input in [
        "zAoe\u{200b}\u{301}Em",
        "#7_\u{663}amth",
        "#1aug_zhD",
        "@ohi_th7W1",
        "#8_0\u{422}p",
        "@0_5mIa",
    ] {
        for bits in 0..128 {
            let norm = Normalizer::builder().options(all(bits)).build();
            let once = norm.normalize(input);
            assert_eq!(
                norm.normalize(once.text()).text(),
                once.text(),
                "{input:?} {:?}",
                norm.options()
            );
        }
    }
}

/// Found by `fuzz/examples/smoke.rs` (seed 23, minimized): with
/// confusables on and diacritics kept, `Ƒ` (U+0191) has no Latin
/// look-alike (its skeleton drops a hook mark) but its lowercase `ƒ`
/// (U+0192), which the canonical text writes, does, so the second pass
/// folds it to `f`. The confusable table (`build.rs`) now gives a letter
/// without a look-alike of its own the one of its lowercase.
#[test]
fn regression_fuzz_uppercase_look_alike_with_a_hook_is_idempotent() {
    let opts = vigil::NormalizerOptions {
        strip_diacritics: false,
        ..vigil::NormalizerOptions::default()
    };
    let norm = Normalizer::builder().options(opts).build();
    let once = norm.normalize("\u{191}");
    assert_eq!(norm.normalize(once.text()).text(), once.text());
}

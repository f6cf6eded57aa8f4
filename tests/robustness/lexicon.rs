//! Lexicon data: bad source lines are reported where they are, random
//! sources never panic, compiled lexicons round-trip, and any damage to
//! compiled bytes is rejected with a typed error.

use super::config;
use super::invariants::{detector, LEXICON};
use super::strategies::hostile_text;
use proptest::collection::vec;
use proptest::prelude::*;
use vigil::{Category, Error, Field, Lexicon, Rule};

/// A TSV line that is wrong in one field, and the field it is wrong in.
fn bad_line() -> impl Strategy<Value = (String, Field)> {
    prop_oneof![
        Just(("ISKP\n".to_string(), Field::Group)),
        Just(("ISKP\tiskp\torg\n".to_string(), Field::Lang)),
        Just(("\tiskp\torg\ten\thigh\tany\tUN\n".to_string(), Field::Term)),
        Just((
            "ISKP\tIS KP\torg\ten\thigh\tany\tUN\n".to_string(),
            Field::Group
        )),
        Just((
            "ISKP\tiskp\torganisation\ten\thigh\tany\tUN\n".to_string(),
            Field::Category
        )),
        Just((
            "ISKP\tiskp\torg\ten\tsevere\tany\tUN\n".to_string(),
            Field::Severity
        )),
        Just((
            "ISKP\tiskp\torg\ten\thigh\tsometimes\tUN\n".to_string(),
            Field::Rule
        )),
        Just((
            "ISKP\tiskp\torg\ten\thigh\tany\tUN\textra\n".to_string(),
            Field::Line
        )),
    ]
}

/// The lines of [`LEXICON`], which are all valid.
fn good_lines() -> Vec<String> {
    LEXICON.lines().map(|l| format!("{l}\n")).collect()
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn a_bad_line_is_reported_at_its_line_and_field(at in 0usize..17, bad in bad_line()) {
        let (line, field) = bad;
        let mut lines = good_lines();
        let at = at.min(lines.len());
        lines.insert(at, line);
        match Lexicon::from_tsv(lines.concat().as_bytes()) {
            Err(Error::Lexicon { line, field: f, .. }) => {
                prop_assert_eq!(line, at + 1);
                prop_assert_eq!(f, field);
            }
            other => prop_assert!(false, "expected a lexicon error, got {:?}", other),
        }
    }

    #[test]
    fn a_non_utf8_line_is_reported_at_its_line(
        at in 0usize..17,
        stray in 0x80u8..0xC0, // a continuation byte after ASCII is never UTF-8
        junk in vec(128u8..=255, 0..8),
    ) {
        let mut lines: Vec<Vec<u8>> = good_lines().into_iter().map(String::into_bytes).collect();
        let at = at.min(lines.len());
        let mut bad = b"ISKP".to_vec();
        bad.push(stray);
        bad.extend_from_slice(&junk);
        bad.extend_from_slice(b"\tiskp\torg\ten\thigh\tany\tUN\n");
        lines.insert(at, bad);
        match Lexicon::from_tsv(lines.concat().as_slice()) {
            Err(Error::Lexicon { line, field, .. }) => {
                prop_assert_eq!(line, at + 1);
                prop_assert_eq!(field, Field::Line);
            }
            other => prop_assert!(false, "expected a lexicon error, got {:?}", other),
        }
    }

    /// Random bytes are either a lexicon or an error, never a panic; a
    /// lexicon error names a line that exists.
    #[test]
    fn random_tsv_never_panics(lines in vec(vec(prop_oneof![
        4 => any::<u8>(),
        4 => Just(b'\t'),
        1 => Just(b'\n'),
        1 => Just(b'#'),
    ], 0..64), 0..12)) {
        let src: Vec<u8> = lines.join(&b'\n');
        let n_lines = src.split(|&b| b == b'\n').count();
        if let Err(Error::Lexicon { line, .. }) = Lexicon::from_tsv(src.as_slice()) {
            prop_assert!(line >= 1 && line <= n_lines, "line {} of {}", line, n_lines);
        }
    }

    /// Entries survive compile, write and load; each term looks up itself.
    #[test]
    fn compiled_lexicon_round_trips(terms in vec(hostile_text(), 1..12), rule_caps in any::<bool>()) {
        let mut b = Lexicon::builder();
        for (i, term) in terms.iter().enumerate() {
            let entry = vigil::Entry {
                term: term.clone(),
                group: Some(format!("g{i}")),
                category: Category::ALL[i % Category::ALL.len()],
                lang: "mul".into(),
                severity: vigil::Severity::Medium,
                rule: if rule_caps { Rule::Caps } else { Rule::Any },
                source: "proptest".into(),
            };
            // Hostile terms may be rejected (tabs, nothing left to match):
            // that must be an error, not a panic.
            if b.add(entry).is_err() {
                return Ok(());
            }
        }
        let Ok(lexicon) = b.build() else { return Ok(()) };
        let again = Lexicon::from_bytes(lexicon.as_bytes()).expect("own bytes load");
        prop_assert_eq!(again.as_bytes(), lexicon.as_bytes());
        let a: Vec<_> = lexicon.iter().map(|e| e.to_entry()).collect();
        let b: Vec<_> = again.iter().map(|e| e.to_entry()).collect();
        prop_assert_eq!(a, b);
        for e in again.iter() {
            let found = again.lookup(e.term);
            prop_assert_eq!(found.map(|f| f.id), Some(e.id), "{:?} does not look itself up", e.term);
        }
    }

    /// Any change to a compiled lexicon is rejected with a typed error.
    #[test]
    fn damaged_compiled_lexicon_is_rejected(
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
        cut in any::<prop::sample::Index>(),
        tail in vec(any::<u8>(), 1..16),
    ) {
        let good = detector().lexicon().to_bytes();
        let mut flipped = good.clone();
        flipped[at.index(good.len())] ^= flip;
        let truncated = &good[..cut.index(good.len())];
        let mut extended = good.clone();
        extended.extend_from_slice(&tail);
        for (what, bytes) in [("flip", &flipped[..]), ("truncate", truncated), ("extend", &extended[..])] {
            match Lexicon::from_bytes(bytes) {
                Err(Error::Corrupt { what: w, .. }) | Err(Error::Version { what: w, .. }) => {
                    prop_assert!(w.contains("lexicon"), "{}: error names {:?}", what, w);
                }
                other => prop_assert!(false, "{}: expected Corrupt or Version, got {:?}", what, other.map(|l| l.len())),
            }
        }
    }
}

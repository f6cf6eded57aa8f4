//! The lexicon's source format, compiled form and error reporting.

use vigil::{Category, Detector, Entry, Error, Field, Lexicon, Rule, Severity, Verdict};

const SMALL: &str = "\
# term\tgroup\tcategory\tlang\tseverity\trule\tsource
Tehrik-i-Taliban Pakistan\tttp\torg\ten\thigh\tany\tUN 1267 QDe.132
تحریک طالبان پاکستان\tttp\torg\tur\thigh\tany\tUN 1267 QDe.132

BLA\tbla\torg\ten\thigh\tcaps\tUK proscription
zindabad\t-\tpraise\tur-Latn\tmedium\tany\tresearch
bla bla\t-\tallow\ten\tlow\tany\tScunthorpe guard
";

#[test]
fn parses_entries_and_looks_them_up_by_any_spelling() {
    let lex = Lexicon::from_tsv(SMALL.as_bytes()).unwrap();
    assert_eq!(lex.len(), 5);
    let e = lex.lookup("TEHRIK-I-TALIBAN   pakistan").unwrap();
    assert_eq!(e.group, Some("ttp"));
    assert_eq!(e.category, Category::Org);
    assert_eq!(e.source, "UN 1267 QDe.132");
    assert_eq!(lex.lookup("BLA").unwrap().rule, Rule::Caps);
    assert!(lex.lookup("Tehrik").is_none());
    assert_eq!(lex.groups().collect::<Vec<_>>(), ["bla", "ttp"]);
}

#[test]
fn a_malformed_line_names_its_line_and_field() {
    let bad = format!("{SMALL}ISKP\tiskp\torg\ten\tsevere\tany\tUN\n");
    match Lexicon::from_tsv(bad.as_bytes()) {
        Err(Error::Lexicon {
            line,
            field,
            message,
            ..
        }) => {
            assert_eq!((line, field), (8, Field::Severity));
            assert!(message.contains("severe"), "{message}");
        }
        other => panic!("{other:?}"),
    }
    let mut b = Lexicon::builder();
    let err = b
        .add_tsv("extra.tsv", "x\tttp\torg\n".as_bytes())
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "extra.tsv:1: field `lang`: missing (3 of 7 fields present)"
    );
    let err = Lexicon::from_tsv(&b"ok\tttp\torg\ten\thigh\tany\ts\n\xff\xfe\n"[..]).unwrap_err();
    assert!(
        matches!(
            err,
            Error::Lexicon {
                line: 2,
                field: Field::Line,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn duplicates_and_conflicts_are_errors_naming_both_places() {
    let dup = format!("{SMALL}TEHRIK I TALIBAN PAKISTAN\tttp\torg\ten\thigh\tany\tnews\n");
    match Lexicon::from_tsv(dup.as_bytes()) {
        Err(Error::Conflict {
            first,
            second,
            what,
            ..
        }) => {
            assert_eq!(first, "<tsv>:2");
            assert_eq!(second, "<tsv>:8");
            assert_eq!(what, "is listed twice");
        }
        other => panic!("{other:?}"),
    }
    let conflict = format!("{SMALL}bla\tblf\torg\ten\thigh\tcaps\tnews\n");
    let err = Lexicon::from_tsv(conflict.as_bytes()).unwrap_err();
    assert!(
        err.to_string()
            .contains("is listed for bla/org and for blf/org"),
        "{err}"
    );
}

#[test]
fn builder_validates_programmatic_entries_like_file_entries() {
    let mut entry = Entry {
        term: "Umar Media".into(),
        group: Some("TTP".into()),
        category: Category::Media,
        lang: "en".into(),
        severity: Severity::High,
        rule: Rule::Any,
        source: "pointraiser.com".into(),
    };
    let err = Lexicon::builder()
        .add(entry.clone())
        .map(|_| ())
        .unwrap_err();
    assert!(
        matches!(
            err,
            Error::Lexicon {
                field: Field::Group,
                ..
            }
        ),
        "{err}"
    );
    entry.group = Some("ttp".into());
    entry.term = "Umar\tMedia".into();
    assert!(Lexicon::builder().add(entry.clone()).is_err());
    entry.term = "Umar Media".into();
    let lex = Lexicon::builder()
        .add(entry.clone())
        .unwrap()
        .build()
        .unwrap();
    assert_eq!(lex.get(0).unwrap().to_entry(), entry);
    // A term that folds to nothing cannot match anything: refuse it.
    entry.term = "\u{200B}!!".into();
    let err = Lexicon::builder().add(entry).unwrap().build().unwrap_err();
    assert!(
        matches!(
            err,
            Error::Lexicon {
                field: Field::Term,
                ..
            }
        ),
        "{err}"
    );
}

#[test]
fn compiled_bytes_round_trip_in_place() {
    let lex = Lexicon::from_tsv(SMALL.as_bytes()).unwrap();
    let bytes = lex.to_bytes();
    let copy = Lexicon::from_bytes(&bytes).unwrap();
    let shared = Lexicon::from_shared(std::sync::Arc::<[u8]>::from(bytes.clone())).unwrap();
    for other in [&copy, &shared] {
        assert_eq!(other.as_bytes(), lex.as_bytes());
        let a: Vec<_> = lex.iter().map(|e| e.to_entry()).collect();
        let b: Vec<_> = other.iter().map(|e| e.to_entry()).collect();
        assert_eq!(a, b);
    }
    let d = Detector::builder().lexicon(shared).build().unwrap();
    assert_eq!(d.scan("BLA zindabad").verdict, Verdict::Support);
}

#[test]
fn corrupt_truncated_and_mismatched_bytes_are_rejected() {
    let lex = Lexicon::from_tsv(SMALL.as_bytes()).unwrap();
    let bytes = lex.to_bytes();
    for n in [0, 1, 8, 39, 40, 41, bytes.len() / 2, bytes.len() - 1] {
        let err = Lexicon::from_bytes(&bytes[..n]).unwrap_err();
        assert!(
            matches!(err, Error::Corrupt { .. }),
            "truncated to {n}: {err}"
        );
    }
    // Every single-bit flip anywhere is caught.
    for i in 0..bytes.len() {
        let mut bad = bytes.clone();
        bad[i] ^= 0x10;
        assert!(Lexicon::from_bytes(&bad).is_err(), "flip at byte {i}");
    }
    let mut other_version = bytes.clone();
    other_version[8] = other_version[8].wrapping_add(1);
    assert!(matches!(
        Lexicon::from_bytes(&other_version),
        Err(Error::Version {
            what: "lexicon",
            ..
        })
    ));
    let mut longer = bytes.clone();
    longer.push(0);
    assert!(Lexicon::from_bytes(&longer).is_err());
}

#[test]
fn an_empty_lexicon_scans_everything_clean() {
    let empty = Lexicon::empty();
    assert!(empty.is_empty());
    let again = Lexicon::from_bytes(empty.as_bytes()).unwrap();
    let d = Detector::builder().lexicon(again).build().unwrap();
    let r = d.scan("Long live the TTP! #ISIS Daesh");
    assert_eq!((r.verdict, r.matches.len()), (Verdict::Clean, 0));
    assert!(Lexicon::from_tsv("# only comments\n\n".as_bytes())
        .unwrap()
        .is_empty());
}

#[test]
fn the_embedded_lexicon_builds_and_covers_the_required_groups() {
    let lex = Lexicon::embedded();
    let groups: Vec<&str> = lex.groups().collect();
    for g in [
        "ttp",
        "iskp",
        "isis",
        "al-qaeda",
        "bla",
        "blf",
        "lej",
        "jem",
        "let",
        "jua",
        "majeed-brigade",
    ] {
        assert!(groups.contains(&g), "group {g} missing from {groups:?}");
    }
    for e in lex.iter() {
        assert!(!e.source.is_empty(), "{} has no source", e.term);
    }
    let langs: std::collections::BTreeSet<&str> = lex.iter().map(|e| e.lang).collect();
    for l in ["en", "ur", "ar", "ps", "fa", "ur-Latn"] {
        assert!(langs.contains(l), "no {l} entries");
    }
}

//! The search against itself: with and without the start filter, the
//! decoded trie and the reuse of a repeated start's candidates.

use super::*;
use crate::lexicon::{LexiconBuilder, Severity};
use crate::Entry;

/// Finds with and without the start filter, and without reusing the
/// candidates of a repeated start, on `texts`; panics on any
/// difference.
fn same_with_and_without_filter(lexicon: &Lexicon, texts: &[String]) -> usize {
    same_with_and_without(lexicon, lexicon.starts(), texts)
}

/// [`same_with_and_without_filter`] with the given start tables.
fn same_with_and_without(lexicon: &Lexicon, starts: &Starts, texts: &[String]) -> usize {
    let (mut s, mut a, mut b) = (Scratch::default(), Vec::new(), Vec::new());
    let mut c = Vec::new();
    let mut norm = Normalized::default();
    let mut total = 0;
    for t in texts {
        lexicon.normalizer().normalize_into(t, &mut norm);
        let trie = lexicon.trie();
        let probe = Some(starts.probe());
        find_inner(lexicon, trie, probe, t, &norm, &mut s, &mut a);
        find_inner(lexicon, trie, None, t, &norm, &mut s, &mut b);
        s.repeat.off = true;
        find_inner(lexicon, trie, probe, t, &norm, &mut s, &mut c);
        s.repeat.off = false;
        assert_eq!(a, b, "{t:?}");
        assert_eq!(a, c, "reused: {t:?}");
        total += a.len();
    }
    total
}

/// Lexicon terms written the ways that exercise the scanner's epsilon
/// moves: glued, hashtagged, camel-cased, letters doubled or shared.
fn disguised_texts(lexicon: &Lexicon, seed: u64) -> Vec<String> {
    let mut x = seed;
    let mut next = move |n: usize| {
        x = x
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        ((x >> 33) as usize) % n.max(1)
    };
    let terms: Vec<String> = lexicon.iter().map(|e| e.term.to_string()).collect();
    let mut out = Vec::new();
    for _ in 0..3000 {
        let mut s = String::new();
        for _ in 0..1 + next(4) {
            let t = &terms[next(terms.len())];
            let w = match next(6) {
                0 => t.replace([' ', '-'], ""),
                1 => format!("#{}", t.replace([' ', '-'], "")),
                2 => t
                    .split([' ', '-'])
                    .map(|w| {
                        let mut c = w.chars();
                        c.next()
                            .map(|f| f.to_uppercase().chain(c).collect::<String>())
                            .unwrap_or_default()
                    })
                    .collect(),
                3 => t.chars().flat_map(|c| [c, c]).collect(),
                4 => t.to_uppercase(),
                _ => t.clone(),
            };
            s.push_str(&w);
            s.push_str(["", " ", " x ", "\n", "ab"][next(5)]);
        }
        out.push(s);
    }
    out
}

#[test]
fn start_filter_never_changes_what_is_found() {
    let lexicon = Lexicon::embedded();
    let found = same_with_and_without_filter(lexicon, &disguised_texts(lexicon, 1));
    assert!(found > 1000, "{found}");
}

/// Texts that repeat a few disguised terms (`#ISIS#ISIS…`, `Islamic
/// State Islamic State …`), some with one repetition changed, find
/// with the candidates of a repeated start reused what fresh walks
/// find.
#[test]
fn repeated_starts_find_what_fresh_walks_find() {
    let lexicon = Lexicon::embedded();
    let units = disguised_texts(lexicon, 7);
    let mut x = 0x9e37_79b9_7f4a_7c15u64;
    let mut next = move |n: usize| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        (x % n.max(1) as u64) as usize
    };
    let texts: Vec<String> = (0..2000)
        .map(|k| {
            let unit = &units[k % units.len()];
            let unit: String = unit.chars().take(1 + next(40)).collect();
            let mut s = String::new();
            for r in 0..2 + next(6) {
                if r == 3 && next(2) == 0 {
                    s.push('x');
                }
                s.push_str(&unit);
                s.push_str(["", " ", "#", ". ", "_", "\n"][next(6)]);
            }
            s
        })
        .collect();
    let found = same_with_and_without_filter(lexicon, &texts);
    assert!(found > 3000, "{found}");
}

/// Every shape the start tables can take (a lexicon too big for long
/// words or for long prefixes gets a smaller one): none stops a match.
#[test]
fn start_filter_of_any_depth_never_changes_what_is_found() {
    let lexicon = Lexicon::embedded();
    let fst = Fst::new(lexicon.fst().as_bytes()).unwrap();
    let texts = disguised_texts(lexicon, 4);
    for plan in [(8, 16), (8, 12), (8, 8), (4, 16), (4, 4), (2, 2), (1, 1)] {
        let starts = Starts::with_plan(&fst, &[plan]);
        let found = same_with_and_without(lexicon, &starts, &texts);
        assert!(found > 1000, "{plan:?}: {found}");
    }
    // No tables at all: every token is searched.
    let none = Starts::with_plan(&fst, &[]);
    assert!(same_with_and_without(lexicon, &none, &texts) > 1000);
}

/// Nodes beyond the trie's budget are read from the fst: any budget,
/// down to none, finds the same.
#[test]
fn trie_budget_never_changes_what_is_found() {
    let lexicon = Lexicon::embedded();
    let fst = Fst::new(lexicon.fst().as_bytes()).unwrap();
    let texts = disguised_texts(lexicon, 3);
    let (mut s, mut want, mut got) = (Scratch::default(), Vec::new(), Vec::new());
    let mut norm = Normalized::default();
    for budget in [0, 1, 40, 400, 4000] {
        let trie = Trie::with_budget(&fst, budget);
        let mut total = 0;
        for t in &texts {
            lexicon.normalizer().normalize_into(t, &mut norm);
            let starts = Some(lexicon.starts().probe());
            find_inner(lexicon, lexicon.trie(), starts, t, &norm, &mut s, &mut want);
            find_inner(lexicon, &trie, starts, t, &norm, &mut s, &mut got);
            assert_eq!(want, got, "budget {budget}: {t:?}");
            total += got.len();
        }
        assert!(total > 1000, "{total}");
    }
}

#[test]
fn start_filter_is_conservative_for_keys_sharing_letters_and_spaces() {
    // Keys whose words meet on one letter, repeat it, or hold runs of
    // one-letter words: the epsilon closure's hard cases.
    let mut b = LexiconBuilder::new();
    for (i, t) in [
        "as sahab",
        "al a a a qaeda",
        "a a a a a a a a a a a a",
        "s s s s s s",
        "ab b b ba",
        "x",
        "xy z",
        "دولة الاسلامية",
        "tehrik i taliban",
    ]
    .iter()
    .enumerate()
    {
        b.add(Entry {
            term: t.to_string(),
            group: Some(format!("g{i}")),
            category: crate::Category::Org,
            lang: "en".into(),
            severity: Severity::High,
            rule: Rule::Any,
            source: "test".into(),
        })
        .unwrap();
    }
    let lexicon = b.build().unwrap();
    let mut texts = disguised_texts(&lexicon, 2);
    texts.extend(
        [
            "#AsSahab",
            "assahab",
            "alaaaqaeda",
            "aaaaaaa",
            "sssss",
            "abbba",
            "abba",
            "x",
            "xyz",
            "#XyZ",
            "دولةالاسلامية",
            "TehrikITaliban",
        ]
        .map(String::from),
    );
    let found = same_with_and_without_filter(&lexicon, &texts);
    assert!(found > 1000, "{found}");
}

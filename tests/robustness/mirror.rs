//! Mirror accounts: similarity is symmetric and in `[0, 1]`, the index
//! keeps its promises before and after a save and load, and damaged index
//! bytes are rejected with a typed error.

use super::config;
use super::strategies::hostile_text;
use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;
use vigil::Error;

use vigil::mirror::{Account, MirrorIndex, MirrorScorer};

/// Handles as evaders write them: a base, look-alikes, separators, affixes.
fn handle() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => (
            select(vec!["umar", "urnar", "um4r", "uмar", "ali", "al1", "الدولة", "vv", "rn", ""]),
            select(vec!["_", ".", "", "-", "__", "\u{200b}"]),
            select(vec!["media", "rnedia", "med1a", "khan", "news", "مدیا", ""]),
            select(vec!["", "2", "_official", "real_", "_backup", "tv", "99999999"]),
        )
            .prop_map(|(a, s, b, x)| format!("{a}{s}{b}{x}")),
        1 => hostile_text(),
    ]
}

fn link() -> impl Strategy<Value = String> {
    prop_oneof![
        select(vec![
            "https://t.me/umarmedia",
            "t.me/s/UmarMedia",
            "https://chat.whatsapp.com/AbC",
            "whatsapp.com/channel/abc",
            "http://example.com/a?b=c#d",
            "example.com",
            "https://",
            "",
            "t.me/",
            "https://xn--mgbh0fb.example/",
        ])
        .prop_map(str::to_string),
        hostile_text(),
    ]
}

fn account(id: usize) -> impl Strategy<Value = Account> {
    (
        handle(),
        prop_oneof![
            hostile_text(),
            select(vec!["Umar Media", "Ali Khan", "دَاعِش 🔥", ""]).prop_map(str::to_string)
        ],
        hostile_text(),
        vec(link(), 0..4),
        vec(hostile_text(), 0..4),
    )
        .prop_map(move |(handle, display_name, bio, links, posts)| Account {
            id: format!("a{id}"),
            handle,
            display_name,
            bio,
            links,
            posts,
        })
}

fn accounts(n: std::ops::Range<usize>) -> impl Strategy<Value = Vec<Account>> {
    vec(any::<u8>(), n).prop_flat_map(|ids| {
        ids.iter()
            .enumerate()
            .map(|(i, _)| account(i))
            .collect::<Vec<_>>()
    })
}

fn check_mirror_matches(
    index: &MirrorIndex,
    found: &[vigil::MirrorMatch],
) -> Result<(), TestCaseError> {
    let cfg = index.config();
    prop_assert!(found.len() <= cfg.max_matches);
    for w in found.windows(2) {
        prop_assert!(w[0].score >= w[1].score, "not best first: {:?}", found);
    }
    for m in found {
        prop_assert!(
            m.score.is_finite() && (0.0..=1.0).contains(&m.score),
            "{:?}",
            m
        );
        prop_assert!(m.score >= cfg.min_score, "{:?} below min_score", m);
        prop_assert_eq!(m.is_mirror, m.score >= cfg.threshold);
    }
    Ok(())
}

proptest! {
    #![proptest_config(config(256))]

    #[test]
    fn similarity_is_symmetric_and_in_range(a in account(0), b in account(1)) {
        let scorer = MirrorScorer::default();
        let ab = scorer.similarity(&a, &b);
        let ba = scorer.similarity(&b, &a);
        prop_assert!(ab.score.is_finite() && (0.0..=1.0).contains(&ab.score), "{:?}", ab);
        prop_assert_eq!(ab.score, ba.score);
        prop_assert_eq!(ab.is_mirror, ba.is_mirror);
        prop_assert_eq!(ab.is_mirror, ab.score >= scorer.config().threshold);
        for s in [&ab.signals.handle, &ab.signals.display_name, &ab.signals.bio, &ab.signals.links, &ab.signals.posts]
            .into_iter()
            .flatten()
        {
            prop_assert!(s.score.is_finite() && (0.0..=1.0).contains(&s.score), "{:?}", s);
        }
        let aa = scorer.similarity(&a, &a);
        prop_assert!(aa.score.is_finite() && (0.0..=1.0).contains(&aa.score));
    }

    #[test]
    fn account_json_round_trips(a in account(0)) {
        let json = serde_json::to_string(&a).unwrap();
        let back: Account = serde_json::from_str(&json).unwrap();
        prop_assert_eq!(back, a);
    }
}

proptest! {
    #![proptest_config(config(64))]

    /// Queries agree with the index's promises, with the exhaustive scan's
    /// scores for what both report, in batches, and after a save and load.
    #[test]
    fn mirror_index_answers_within_its_promises(banned in accounts(0..12), queries in accounts(1..6)) {
        let mut index = MirrorIndex::from_accounts(&banned).unwrap();
        let one_by_one: Vec<_> = queries.iter().map(|q| index.find_mirrors(q)).collect();
        for found in &one_by_one {
            check_mirror_matches(&index, found)?;
        }
        prop_assert_eq!(&index.find_mirrors_batch(&queries), &one_by_one);
        let loaded = MirrorIndex::from_bytes(&index.to_bytes()).unwrap();
        prop_assert_eq!(loaded.len(), index.len());
        let again: Vec<_> = queries.iter().map(|q| loaded.find_mirrors(q)).collect();
        prop_assert_eq!(&again, &one_by_one);
        for q in &queries {
            index.insert(q).unwrap();
        }
        prop_assert_eq!(index.len(), banned.len() + queries.len());
        for q in &queries {
            check_mirror_matches(&index, &index.find_mirrors(q))?;
        }
    }

    #[test]
    fn damaged_mirror_index_is_rejected(
        banned in accounts(1..6),
        at in any::<prop::sample::Index>(),
        flip in 1u8..=255,
        cut in any::<prop::sample::Index>(),
    ) {
        let good = MirrorIndex::from_accounts(&banned).unwrap().to_bytes();
        let mut flipped = good.clone();
        flipped[at.index(good.len())] ^= flip;
        let truncated = &good[..cut.index(good.len())];
        let extended = [&good[..], b"\0"].concat();
        for (what, bytes) in [("flip", &flipped[..]), ("truncate", truncated), ("extend", &extended[..])] {
            match MirrorIndex::from_bytes(bytes) {
                Err(Error::Corrupt { what: w, .. }) | Err(Error::Version { what: w, .. }) => {
                    prop_assert!(w.contains("mirror index"), "{}: error names {:?}", what, w);
                }
                other => prop_assert!(false, "{}: expected Corrupt or Version, got {:?}", what, other.map(|i| i.len())),
            }
        }
    }
}

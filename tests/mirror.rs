//! Mirror accounts: the scorer, the index, its serialized form, and a small
//! run of the evaluation (`examples/mirror_eval.rs`) held to the floors.

#[path = "../benches/mirror_gen/mod.rs"]
mod mirror_gen;
mod seed;

use proptest::prelude::*;
use vigil::{Account, Error, MirrorConfig, MirrorIndex, MirrorMatch, MirrorScorer};

fn banned() -> Vec<Account> {
    vec![
        Account::new("b1")
            .handle("umar_media")
            .display_name("Umar Media")
            .bio("Official media office of the brothers. Statements, videos and news from the front.")
            .link("https://t.me/umarmedia")
            .post("The new video release from the media office is out now, share it with everyone")
            .post("Statement on the operation in the north district, read and spread the word"),
        Account::new("b2")
            .handle("ali_khan")
            .display_name("Ali Khan")
            .bio("Student. Cricket."),
        Account::new("b3")
            .handle("khorasan_voice")
            .display_name("صدائے خراسان")
            .bio("صدائے خراسان کا سرکاری چینل، بیانات اور ویڈیوز")
            .link("https://www.khorasan-voice.net/about"),
        Account::new("b4").handle("abu").display_name("Abu"),
    ]
}

fn index() -> MirrorIndex {
    MirrorIndex::from_accounts(&banned()).unwrap()
}

fn top(index: &MirrorIndex, a: &Account) -> Option<MirrorMatch> {
    index.find_mirrors(a).into_iter().next()
}

#[test]
fn evasive_handles_with_one_more_trait_are_mirrors_of_the_right_account() {
    let index = index();
    for handle in [
        "umar.media2",
        "umar_media_official",
        "real_umarmedia",
        "urnar_rnedia",
        "um4r_media",
        "umаr_media", // Cyrillic а
        "UMAR_MEDIA_TV",
    ] {
        let suspect = Account::new("s").handle(handle).bio(
            "Statements, videos and news from the front. Official media office of the brothers!",
        );
        let m = top(&index, &suspect).unwrap_or_else(|| panic!("{handle}: no match"));
        assert_eq!(m.banned_id, "b1", "{handle}");
        assert!(m.is_mirror, "{handle}: {m:?}");
        assert!(m.signals.handle.is_some() && m.signals.bio.is_some());
    }
}

#[test]
fn a_shared_channel_or_reposted_posts_are_enough_alone() {
    let index = index();
    let channel = Account::new("s")
        .handle("brand_new_name")
        .link("http://telegram.me/UmarMedia");
    let m = top(&index, &channel).unwrap();
    assert_eq!(m.banned_id, "b1");
    assert!(m.is_mirror);
    assert!(m
        .signals
        .links
        .as_ref()
        .unwrap()
        .detail
        .contains("telegram:umarmedia"));

    let reposts = Account::new("s")
        .handle("xyz_987")
        .post("statement on the operation in the north district - read and spread the word!")
        .post("The new video release from the media office is out now, share it with everyone");
    let m = top(&index, &reposts).unwrap();
    assert_eq!(m.banned_id, "b1");
    assert!(m.is_mirror, "{m:?}");
}

#[test]
fn urdu_bios_and_own_sites_are_compared_too() {
    let suspect = Account::new("s")
        .handle("khorasan.voice.2")
        .bio("صدائے خراسان کا سرکاری چینل - بیانات اور ویڈیوز")
        .link("khorasan-voice.net");
    let m = top(&index(), &suspect).unwrap();
    assert_eq!(m.banned_id, "b3");
    assert!(m.is_mirror);
    assert_eq!(
        m.signals.links.unwrap().detail,
        "same site khorasan-voice.net"
    );
}

#[test]
fn namesakes_and_short_handles_are_not_accused() {
    let index = index();
    for user in [
        Account::new("u")
            .handle("ali.khan.92")
            .display_name("Ali Khan")
            .bio("Engineer | Lahore"),
        Account::new("u")
            .handle("alikhan")
            .display_name("Ali Khan 🇵🇰"),
        Account::new("u").handle("abu_1").display_name("Abu"),
        Account::new("u").handle("ab_u"),
        Account::new("u").display_name("Umar Media"),
    ] {
        assert!(
            index.find_mirrors(&user).iter().all(|m| !m.is_mirror),
            "{user:?}"
        );
    }
    let s = MirrorScorer::default().similarity(&banned()[1], &Account::new("u").handle("alikhan"));
    assert!(!s.is_mirror);
    assert!(s.signals.handle.unwrap().detail.contains("generic"));
}

#[test]
fn similarity_is_symmetric_and_missing_fields_give_no_signal() {
    let scorer = MirrorScorer::default();
    let b = banned();
    let suspect = Account::new("s")
        .handle("umar_media_backup")
        .display_name("Umar Media");
    for x in &b {
        let (ab, ba) = (
            scorer.similarity(x, &suspect),
            scorer.similarity(&suspect, x),
        );
        assert_eq!(ab.score, ba.score);
        assert_eq!(ab.is_mirror, ba.is_mirror);
        assert!((0.0..=1.0).contains(&ab.score));
    }
    let s = scorer.similarity(&b[0], &suspect);
    assert!(s.signals.bio.is_none() && s.signals.links.is_none() && s.signals.posts.is_none());
    let nothing = scorer.similarity(&Account::new("x"), &Account::new("y"));
    assert_eq!(nothing.score, 0.0);
    assert_eq!(nothing.signals, vigil::Signals::default());
}

#[test]
fn batch_search_equals_one_by_one_in_input_order() {
    let banned = mirror_gen::banned(3, 2_000);
    let index = MirrorIndex::from_accounts(&banned).unwrap();
    let queries: Vec<Account> = mirror_gen::Gen::new(4)
        .queries(&banned, 300, 50, 25)
        .into_iter()
        .map(|(a, _)| a)
        .collect();
    let one_by_one: Vec<Vec<MirrorMatch>> = queries.iter().map(|q| index.find_mirrors(q)).collect();
    assert_eq!(index.find_mirrors_batch(&queries), one_by_one);
    assert!(one_by_one.iter().any(|m| !m.is_empty()));
}

#[test]
fn inserted_accounts_are_found_as_if_built_together() {
    let banned = mirror_gen::banned(5, 1_500);
    let full = MirrorIndex::from_accounts(&banned).unwrap();
    let mut grown = MirrorIndex::from_accounts(&banned[..500]).unwrap();
    for a in &banned[500..] {
        grown.insert(a).unwrap();
    }
    let mut empty = MirrorIndex::new(MirrorConfig::default()).unwrap();
    for a in &banned {
        empty.insert(a).unwrap();
    }
    assert_eq!(grown.len(), full.len());
    let queries = mirror_gen::Gen::new(6).queries(&banned, 200, 60, 20);
    for (q, _) in &queries {
        let want = full.find_mirrors(q);
        assert_eq!(grown.find_mirrors(q), want);
        assert_eq!(empty.find_mirrors(q), want);
    }
    // Inserted accounts survive a round trip through bytes.
    let loaded = MirrorIndex::from_bytes(&grown.to_bytes()).unwrap();
    for (q, _) in &queries {
        assert_eq!(loaded.find_mirrors(q), full.find_mirrors(q));
    }
}

#[test]
fn bytes_round_trip_and_damage_is_an_error_never_a_panic() {
    let index = index();
    let bytes = index.to_bytes();
    let loaded = MirrorIndex::from_bytes(&bytes).unwrap();
    assert_eq!(loaded.config(), index.config());
    let q = Account::new("q")
        .handle("urnar_media")
        .link("t.me/umarmedia");
    assert_eq!(loaded.find_mirrors(&q), index.find_mirrors(&q));

    for n in 0..bytes.len() {
        assert!(
            MirrorIndex::from_bytes(&bytes[..n]).is_err(),
            "truncated to {n}"
        );
    }
    for i in 0..bytes.len() {
        for bit in 0..8 {
            let mut bad = bytes.clone();
            bad[i] ^= 1 << bit;
            assert!(
                MirrorIndex::from_bytes(&bad).is_err(),
                "bit {bit} of byte {i}"
            );
        }
    }
    let mut other_version = bytes.clone();
    other_version[8] = other_version[8].wrapping_add(1);
    assert!(matches!(
        MirrorIndex::from_bytes(&other_version),
        Err(Error::Version {
            what: "mirror index",
            ..
        })
    ));
    assert!(matches!(
        MirrorIndex::from_bytes(b"not an index at all, just some bytes of text"),
        Err(Error::Corrupt { .. })
    ));
    assert!(MirrorIndex::from_bytes(&[]).is_err());
}

#[test]
fn configuration_is_checked() {
    let bad = [
        MirrorConfig {
            threshold: 0.0,
            ..MirrorConfig::default()
        },
        MirrorConfig {
            threshold: f32::NAN,
            ..MirrorConfig::default()
        },
        MirrorConfig {
            min_score: -0.1,
            ..MirrorConfig::default()
        },
        MirrorConfig {
            max_matches: 0,
            ..MirrorConfig::default()
        },
        MirrorConfig {
            weights: vigil::Weights {
                links: 1.5,
                ..vigil::Weights::default()
            },
            ..MirrorConfig::default()
        },
    ];
    for config in bad {
        assert!(
            matches!(MirrorIndex::new(config), Err(Error::Config(_))),
            "{config:?}"
        );
        assert!(MirrorScorer::new(config).is_err());
    }
    let mut index = index();
    let strict = MirrorConfig {
        threshold: 0.99,
        ..MirrorConfig::default()
    };
    index.set_config(strict).unwrap();
    let q = Account::new("q")
        .handle("umar.media2")
        .bio("Official media office of the brothers.");
    assert!(index.find_mirrors(&q).iter().all(|m| !m.is_mirror));
}

#[test]
fn accounts_read_from_json_with_missing_or_null_fields() {
    let a: Account = serde_json::from_str(r#"{"id":"1","handle":null,"extra":true}"#).unwrap();
    assert_eq!(a, Account::new("1"));
    assert!(serde_json::from_str::<Account>(r#"{"handle":"x"}"#).is_err());
    let m = top(
        &index(),
        &Account::new("q")
            .handle("umar.media")
            .link("t.me/umarmedia"),
    )
    .unwrap();
    let json = serde_json::to_value(&m).unwrap();
    assert_eq!(json["banned_id"], "b1");
    assert!(json["signals"]["handle"]["detail"]
        .as_str()
        .unwrap()
        .contains("umarmedla"));
    assert!(json["signals"].get("posts").is_none());
    let back: MirrorMatch = serde_json::from_value(json).unwrap();
    assert_eq!(back, m);
}

#[test]
fn hostile_accounts_are_bounded_and_never_panic() {
    let huge = "x".repeat(10 << 20);
    let marks = format!("a{}", "\u{0301}".repeat(1_000_000));
    let hostile = Account {
        id: huge.clone(),
        handle: marks.clone(),
        display_name: "\u{202E}\u{200B}\0\u{7}".repeat(10_000),
        bio: huge.clone(),
        links: vec![huge.clone(), marks.clone(), "://".into(), "t.me/".into()],
        posts: vec![huge.clone(); 100],
    };
    let index = index();
    let _ = index.find_mirrors(&hostile);
    let _ = MirrorScorer::default().similarity(&hostile, &banned()[0]);
    let mut grown = index.clone();
    grown.insert(&hostile).unwrap();
    let loaded = MirrorIndex::from_bytes(&grown.to_bytes()).unwrap();
    assert_eq!(loaded.len(), 5);
    let _ = loaded.find_mirrors_exhaustive(&hostile);
}

proptest! {
    #![proptest_config(seed::proptest_config(64))]

    #[test]
    fn any_text_scores_in_range_symmetrically(
        h1 in "\\PC{0,24}", h2 in "\\PC{0,24}",
        n1 in "\\PC{0,30}", n2 in "\\PC{0,30}",
        b1 in "\\PC{0,80}", b2 in "\\PC{0,80}",
        l1 in "\\PC{0,30}", l2 in "\\PC{0,30}",
    ) {
        let a = Account { id: "a".into(), handle: h1, display_name: n1, bio: b1.clone(), links: vec![l1], posts: vec![b1] };
        let b = Account { id: "b".into(), handle: h2, display_name: n2, bio: b2.clone(), links: vec![l2], posts: vec![b2] };
        let scorer = MirrorScorer::default();
        let (ab, ba) = (scorer.similarity(&a, &b), scorer.similarity(&b, &a));
        prop_assert!((0.0..=1.0).contains(&ab.score));
        prop_assert_eq!(ab.score, ba.score);
        prop_assert_eq!(ab.is_mirror, ba.is_mirror);
        let own = scorer.similarity(&a, &a);
        if let Some(h) = own.signals.handle {
            prop_assert!(h.score > 0.0, "a handle matches itself: {:?}", h);
        }
    }
}

#[test]
fn a_small_evaluation_meets_the_floors() {
    let banned = mirror_gen::banned(11, 3_000);
    let config = MirrorConfig {
        min_score: 0.0,
        max_matches: 10,
        ..MirrorConfig::default()
    };
    let index = MirrorIndex::build(config, &banned).unwrap();
    let queries = mirror_gen::Gen::new(12).queries(&banned, 1_200, 40, 25);
    let accounts: Vec<Account> = queries.iter().map(|(a, _)| a.clone()).collect();
    let results = index.find_mirrors_batch(&accounts);
    let m = mirror_gen::evaluate(&banned, &queries, &results, MirrorConfig::DEFAULT_THRESHOLD);
    assert!(
        m.mirrors > 300 && m.lookalikes > 200 && m.ordinary > 300,
        "{m:?}"
    );
    assert!(m.precision() >= 0.97, "{}", m.table());
    assert!(m.recall() >= 0.90, "{}", m.table());
    assert!(m.auc >= 0.98, "{}", m.table());
}

#[test]
fn types_are_send_and_sync() {
    fn check<T: Send + Sync + Clone + std::fmt::Debug>() {}
    check::<MirrorIndex>();
    check::<MirrorScorer>();
    check::<MirrorMatch>();
    check::<Account>();
    check::<vigil::Similarity>();
    check::<MirrorConfig>();
}

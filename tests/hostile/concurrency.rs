//! One detector shared by many threads: the same results as sequential
//! scans under load for a bounded time, nested parallel batches, and
//! banning accounts while others scan and assess.

use super::inputs::{abuse_strings, ordinary, planted_line, Rng, WORDS};
use super::invariants::detector;
use super::MB;
use std::time::{Duration, Instant};
use vigil::{Detector, Report};

/// Texts of every kind, one of them longer than the scan window.
pub fn concurrency_corpus() -> Vec<String> {
    let mut rng = Rng::new(3);
    let mut corpus: Vec<String> = abuse_strings()
        .into_iter()
        .filter(|s| s.len() < 4096)
        .collect();
    for _ in 0..300 {
        corpus.push(format!(
            "{} {} {}",
            ordinary(&mut rng, 100),
            rng.pick(&[
                "long live ISIS",
                "TTP zindabad",
                "police said Daesh was condemned",
                "join the caravan of the Islamic State",
                "دولة",
                ""
            ]),
            ordinary(&mut rng, 100)
        ));
    }
    corpus.push(planted_line(&mut rng, MB + MB / 2).0);
    corpus
}

#[test]
fn one_detector_shared_by_many_threads_under_load_matches_sequential_scans() {
    let d = detector();
    let corpus = concurrency_corpus();
    let expected: Vec<Report> = corpus.iter().map(|t| d.scan(t)).collect();
    let deadline = Instant::now() + Duration::from_secs(2);
    let n = corpus.len();
    std::thread::scope(|s| {
        let mut handles = Vec::new();
        for k in 0..6usize {
            let (corpus, expected) = (&corpus, &expected);
            // Half of the threads scan through a clone: clones share state.
            let d = if k % 2 == 0 { d.clone() } else { (*d).clone() };
            handles.push(s.spawn(move || {
                let mut scans = 0usize;
                let mut i = k;
                while scans < n || Instant::now() < deadline {
                    assert!(d.scan(&corpus[i]) == expected[i], "thread {k}, text {i}");
                    i = (i + 2 * k + 1) % n;
                    scans += 1;
                }
                scans
            }));
        }
        // Batches from another thread at the same time, in parallel inside.
        handles.push(s.spawn(|| {
            let mut rounds = 0;
            while rounds == 0 || Instant::now() < deadline {
                let lo = rounds % 50;
                assert!(
                    d.scan_batch(&corpus[lo..]) == expected[lo..],
                    "batch from {lo}"
                );
                rounds += 1;
            }
            rounds
        }));
        for h in handles {
            assert!(h.join().expect("a scanning thread panicked") > 0);
        }
    });
}

#[test]
fn batches_nested_in_a_parallel_loop_match_sequential_scans() {
    use rayon::prelude::*;
    let d = detector();
    let corpus = concurrency_corpus();
    let expected: Vec<Report> = corpus.iter().map(|t| d.scan(t)).collect();
    let chunks: Vec<&[String]> = corpus.chunks(17).collect();
    let got: Vec<Vec<Report>> = chunks.par_iter().map(|c| d.scan_batch(c)).collect();
    assert!(got.concat() == expected);
}

/// Banned accounts for the concurrency test: distinct handles, bios and
/// links, so each finds itself first.
fn banned_accounts(n: usize) -> Vec<vigil::Account> {
    let mut rng = Rng::new(13);
    (0..n)
        .map(|i| {
            let words: Vec<&str> = (0..12).map(|_| rng.pick(WORDS)).collect();
            vigil::Account::new(format!("b{i}"))
                .handle(format!(
                    "{}_{}{i}",
                    rng.pick(&["umar", "khalid", "noor"]),
                    rng.pick(&["media", "news"])
                ))
                .display_name(format!("Channel {i}"))
                .bio(format!("{} {i}", words.join(" ")))
                .link(format!("https://t.me/channel{i}"))
        })
        .collect()
}

/// Accounts are banned one by one while other threads scan and assess:
/// scans are unaffected, assessments never fail, and once banned an
/// account is found as its own mirror by every thread.
#[test]
fn banning_while_many_threads_scan_and_assess() {
    let d = Detector::builder()
        .lexicon(detector().lexicon().clone())
        .build()
        .unwrap();
    let corpus = concurrency_corpus();
    let expected: Vec<Report> = corpus.iter().map(|t| d.scan(t)).collect();
    let banned = banned_accounts(200);
    let done = std::sync::atomic::AtomicBool::new(false);
    std::thread::scope(|s| {
        for k in 0..3usize {
            let (d, corpus, expected, banned, done) = (&d, &corpus, &expected, &banned, &done);
            s.spawn(move || {
                let mut i = k;
                while !done.load(std::sync::atomic::Ordering::Acquire) {
                    let t = i % corpus.len();
                    assert!(d.scan(&corpus[t]) == expected[t], "thread {k}, text {t}");
                    let a = d.assess(&banned[i % banned.len()]);
                    assert!(a.score.is_finite() && (0.0..=1.0).contains(&a.score));
                    i += 1;
                }
            });
        }
        for a in &banned {
            d.ban(a).unwrap();
            // Visible as soon as `ban` returns.
            let first = d.assess(a).mirrors.first().map(|m| m.banned_id.clone());
            assert_eq!(first.as_deref(), Some(a.id.as_str()));
        }
        done.store(true, std::sync::atomic::Ordering::Release);
    });
    let found = d.assess_batch(&banned);
    for (a, assessment) in banned.iter().zip(&found) {
        assert!(
            assessment
                .mirrors
                .first()
                .is_some_and(|m| m.banned_id == a.id),
            "{} is not its own best mirror: {:?}",
            a.id,
            assessment.mirrors.first()
        );
    }
}

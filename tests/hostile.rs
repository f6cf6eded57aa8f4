//! The worst text and data a platform will feed `vigil`: the Unicode abuse
//! strings testers collect, a 10 MB line, a 50 MB batch, damaged compiled
//! lexicons, and one detector shared by many threads under load.
//!
//! Sizes are chosen for `cargo test --release` (what CI runs): each big
//! test takes a second or two there. Nothing here measures speed; the
//! throughput on the same kinds of input is in `benches/hostile.rs`.

#[path = "hostile/big.rs"]
mod big;
#[path = "hostile/concurrency.rs"]
mod concurrency;
#[path = "hostile/corrupt.rs"]
mod corrupt;
#[path = "hostile/inputs.rs"]
mod inputs;
mod invariants;

use inputs::{abuse_strings, fill};
use invariants::{assert_holds, detector, preview};
use std::time::Duration;
use vigil::{Detector, Lexicon, Normalizer, Verdict, MAX_MATCHES};

pub const MB: usize = 1 << 20;

/// A bound on one input's work that only runaway (super-linear) work can
/// reach: linear work on the biggest input here takes about a second in
/// release builds. This catches a scan that would run for hours; it does
/// not measure speed (that is `benches/hostile.rs`).
const WATCHDOG: Duration = Duration::from_secs(if cfg!(debug_assertions) { 600 } else { 60 });

/// Runs `f` on its own thread and fails, naming `what`, if it is still
/// running after [`WATCHDOG`]. A panic inside `f` fails the test as usual.
pub fn watchdog<T: Send + 'static>(what: &str, f: impl FnOnce() -> T + Send + 'static) -> T {
    let (tx, rx) = std::sync::mpsc::channel();
    let worker = std::thread::spawn(move || {
        let _ = tx.send(f());
    });
    match rx.recv_timeout(WATCHDOG) {
        Ok(v) => v,
        Err(std::sync::mpsc::RecvTimeoutError::Disconnected) => match worker.join() {
            Err(panic) => std::panic::resume_unwind(panic),
            Ok(()) => unreachable!("the worker sends before it ends"),
        },
        Err(std::sync::mpsc::RecvTimeoutError::Timeout) => {
            panic!("{what}: still running after {WATCHDOG:?}; time is not linear in the input")
        }
    }
}

#[test]
fn abuse_strings_hold_every_invariant() {
    for s in abuse_strings() {
        assert_holds(&s);
        // Repeated and glued to itself: the same text at scale.
        let big = fill(&s, 64 * 1024);
        watchdog(&format!("64 KB of {}", preview(&s)), move || {
            assert_holds(&big);
        });
    }
}

#[test]
fn abuse_on_neighbouring_lines_cannot_hide_a_term() {
    let terms = ["ISIS", "داعش", "Islamic State", "Tehrik-i-Taliban Pakistan"];
    for s in abuse_strings() {
        for term in terms {
            let input = format!("{s}\n{term}\n{s}");
            let at = s.len() + 1;
            let what = format!("{term} between lines of {}", preview(&s));
            let r = watchdog(&what, move || assert_holds(&input));
            if r.truncated {
                // More than MAX_MATCHES terms in the abuse itself: the
                // list stops at the cap, the verdict still counts the term
                // (see `padding_past_the_match_cap_cannot_hide_support`).
                assert_eq!(r.matches.len(), MAX_MATCHES, "{what}");
                assert_ne!(r.verdict, Verdict::Clean, "{what}");
                continue;
            }
            assert!(
                r.matches
                    .iter()
                    .any(|m| m.start() == at && m.text() == term),
                "{term:?} after {} not found: {:?}",
                preview(&s),
                r.matches
            );
        }
    }
}

/// A post padded with more terms than a report lists still gets the
/// verdict of everything in it: the cap bounds memory, not evidence.
#[test]
fn padding_past_the_match_cap_cannot_hide_support() {
    let pad = "Taliban ".repeat(MAX_MATCHES + 10);
    for tail in [
        "long live the Islamic State, join the caravan",
        "TTP zindabad",
        "baqiyah wa tatamaddad",
    ] {
        let input = format!("{pad}\n{tail}");
        let r = detector().scan(&input);
        assert!(r.truncated, "{tail}");
        assert_eq!(r.matches.len(), MAX_MATCHES, "{tail}");
        assert_eq!(r.verdict, Verdict::Support, "{tail}");
        let unpadded = detector().scan(&format!("Taliban\n{tail}"));
        assert_eq!(unpadded.verdict, Verdict::Support, "{tail}");
        assert!(!unpadded.truncated);
    }
}

#[test]
fn the_empty_lexicon_sees_nothing_in_any_abuse_string() {
    let empties = [
        Lexicon::empty(),
        Lexicon::from_tsv("".as_bytes()).unwrap(),
        Lexicon::from_tsv("# only a comment\n\n   \n".as_bytes()).unwrap(),
        Lexicon::from_bytes(Lexicon::empty().as_bytes()).unwrap(),
    ];
    for lexicon in empties {
        assert!(lexicon.is_empty());
        let d = Detector::builder().lexicon(lexicon).build().unwrap();
        for s in abuse_strings() {
            let r = d.scan(&s);
            assert_eq!(
                (r.verdict, r.score, r.matches.len()),
                (Verdict::Clean, 0.0, 0)
            );
        }
    }
}

#[test]
fn normalize_directly_on_hostile_input_matches_the_detector_normalizer() {
    // The detector folds with its lexicon's normalizer; with default
    // options that is the default normalizer.
    let a = Normalizer::default();
    for s in abuse_strings() {
        assert_eq!(a.normalize(&s), detector().normalize(&s));
    }
}

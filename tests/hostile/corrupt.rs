//! Damaged compiled lexicons: every truncation and every bit flip is
//! rejected with a typed error pointing inside the data; other files and
//! noise are rejected; a reloaded lexicon scans identically.

use super::concurrency::concurrency_corpus;
use super::inputs::Rng;
use super::invariants::{detector, LEXICON};
use vigil::{Detector, Error, Lexicon};

/// The error of loading damaged bytes must be typed and point inside them.
fn assert_rejected(bytes: &[u8], what: &str) {
    match Lexicon::from_bytes(bytes) {
        Err(Error::Corrupt {
            offset, message, ..
        }) => {
            assert!(
                offset <= bytes.len(),
                "{what}: offset {offset} of {}",
                bytes.len()
            );
            assert!(!message.is_empty(), "{what}");
        }
        Err(Error::Version { .. }) => {}
        other => panic!(
            "{what}: expected Corrupt or Version, got {:?}",
            other.map(|l| l.len())
        ),
    }
}

#[test]
fn every_truncation_and_every_bit_flip_is_rejected() {
    let good = detector().lexicon().to_bytes();
    for n in 0..good.len() {
        assert_rejected(&good[..n], &format!("truncated to {n}"));
    }
    let mut bad = good.clone();
    for i in 0..good.len() {
        for bit in 0..8 {
            bad[i] ^= 1 << bit;
            assert_rejected(&bad, &format!("bit {bit} of byte {i} flipped"));
            bad[i] ^= 1 << bit;
        }
    }
    for extra in [&b"\0"[..], b"garbage", &[0xFF; 4096]] {
        assert_rejected(&[&good[..], extra].concat(), "with trailing bytes");
    }
    let mut newer = good.clone();
    newer[8..12].copy_from_slice(&(vigil::lexicon::FORMAT_VERSION + 1).to_le_bytes());
    match Lexicon::from_bytes(&newer) {
        Err(Error::Version {
            expected, found, ..
        }) => {
            assert_eq!(
                (expected, found),
                (
                    vigil::lexicon::FORMAT_VERSION,
                    vigil::lexicon::FORMAT_VERSION + 1
                )
            );
        }
        other => panic!("expected a version error, got {:?}", other.map(|l| l.len())),
    }
}

#[test]
fn other_files_and_noise_are_rejected() {
    let mut rng = Rng::new(9);
    for len in [0, 1, 39, 40, 41, 64, 4096] {
        let noise: Vec<u8> = (0..len).map(|_| rng.next_u64() as u8).collect();
        assert_rejected(&noise, &format!("{len} random bytes"));
    }
    assert_rejected(LEXICON.as_bytes(), "a TSV source");
    assert_rejected(&[0u8; 4096], "zeros");
    // A plausible header over nothing.
    let good = detector().lexicon().to_bytes();
    assert_rejected(&good[..40], "header only");
}

#[test]
fn scanning_with_a_reloaded_lexicon_gives_identical_reports() {
    let reloaded = Lexicon::from_bytes(detector().lexicon().as_bytes()).unwrap();
    let d2 = Detector::builder().lexicon(reloaded).build().unwrap();
    for s in concurrency_corpus() {
        assert_eq!(d2.scan(&s), detector().scan(&s));
    }
}

/// Re-seals damaged bytes so the damage reaches the checks behind the
/// checksum.
fn reseal(bytes: &mut [u8]) {
    assert!(vigil::fuzzing::reseal(bytes));
}

/// Found by `cargo fuzz run lexicon_from_bytes`: a damaged fst section
/// behind a valid checksum loaded, then panicked inside `fst` on the first
/// lookup. Every byte of the payload is damaged in turn; each forged
/// lexicon must be rejected, or load and work without a panic.
#[test]
fn forged_damage_behind_a_valid_checksum_is_rejected_or_harmless() {
    let good = detector().lexicon().to_bytes();
    let mut copy = good.clone();
    reseal(&mut copy);
    assert!(copy == good, "re-sealing intact bytes changes nothing");
    let terms: Vec<String> = detector()
        .lexicon()
        .iter()
        .map(|e| e.term.to_string())
        .collect();
    let sample = LEXICON.replace('\t', " ");
    for at in 40..good.len() {
        for flip in [0x01, 0x80, 0xFF] {
            let mut bad = good.clone();
            bad[at] ^= flip;
            reseal(&mut bad);
            let Ok(lexicon) = Lexicon::from_bytes(&bad) else {
                continue;
            };
            let used = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                for t in &terms {
                    let _ = lexicon.lookup(t);
                }
                let _ = lexicon.iter().count();
                let d = Detector::builder()
                    .lexicon(lexicon.clone())
                    .build()
                    .unwrap();
                d.scan(&sample)
            }));
            assert!(
                used.is_ok(),
                "byte {at} ^ {flip:#x}: a forged lexicon loaded, then panicked when used"
            );
        }
    }
}

/// A pool string forged not to be UTF-8 (behind a valid checksum) loads,
/// as the load does not read the pool, and reads as empty both in
/// `Lexicon::get` and in a match: matches check an entry's strings in one
/// pass with their text, and fall back to one string at a time.
#[test]
fn a_forged_string_that_is_not_utf8_reads_as_empty_in_a_match() {
    let tsv = "Jaish Media Wing\tjm\tmedia\ten\thigh\tany\tnote\n";
    let good = Lexicon::from_tsv(tsv.as_bytes()).unwrap().to_bytes();
    let at = good
        .windows(5)
        .position(|w| w == b"Media")
        .expect("the term is in the pool");
    let mut bad = good.clone();
    bad[at] = 0xFF;
    reseal(&mut bad);
    let lexicon = Lexicon::from_bytes(&bad).expect("the pool is not read at load");
    let entry = lexicon.get(0).unwrap();
    assert_eq!(
        (entry.term, entry.key, entry.group, entry.lang),
        ("", "jaish media wing", Some("jm"), "en")
    );
    let d = Detector::builder().lexicon(lexicon).build().unwrap();
    // One match alone in its text, and two that share their strings.
    for (input, n) in [
        ("the Jaish Media Wing said", 1),
        ("the Jaish Media Wing said: jaish media wing", 2),
    ] {
        let report = d.scan(input);
        assert_eq!(report.matches.len(), n);
        let texts = ["Jaish Media Wing", "jaish media wing"];
        for (m, text) in report.matches.iter().zip(texts) {
            assert_eq!(
                (m.text(), m.term(), m.key(), m.group(), m.lang()),
                (text, "", "jaish media wing", Some("jm"), "en")
            );
        }
    }
}

//! The bodies of vigil's fuzz targets, and the invariants they check.
//!
//! Each `fuzz_targets/*.rs` calls one function here, so the same bodies can
//! also be driven without libFuzzer (see `examples/smoke.rs`). A body
//! panics only when vigil breaks a promise: a panic inside vigil, a span
//! off a `char` boundary or not covering its text, a non-idempotent
//! normalization, a score outside `[0, 1]`, or an error of the wrong kind.

use std::sync::OnceLock;
use vigil::mirror::{Account, MirrorIndex, MirrorScorer};
use vigil::{Detector, Error, Lexicon, Normalizer, NormalizerOptions};

#[path = "../../tests/invariants/mod.rs"]
mod invariants;

// The invariants are the ones the property and hostile-input tests check.
use invariants::{assert_normalized_sound, assert_report_sound};
pub use invariants::{detector, LEXICON};

/// Text that meets every entry of [`LEXICON`], scanned with fuzzed
/// lexicons.
pub const SAMPLE: &str = "Long live the T.T.P! ISIS zindabad, داعش. \
    Tehrik-i-Taliban Pakistan condemned; #IslamicState istishhadi \
    baqiyah wa tatamaddad تحریک طالبان پاکستان isis flower. Taliban, \
    Daesh, الدولة الإسلامية and Umar Media: join the caravan";

/// Fuzz input as text: valid UTF-8 as is, anything else repaired.
pub fn text(data: &[u8]) -> std::borrow::Cow<'_, str> {
    String::from_utf8_lossy(data)
}

// ---------------------------------------------------------------------------
// Compiled data: getting past the checksum
// ---------------------------------------------------------------------------

/// Rewrites the payload length and checksum of a vigil file in place, so
/// that only the structure behind the header can reject it.
pub fn reseal(bytes: &mut [u8]) {
    vigil::fuzzing::reseal(bytes);
}

/// The input itself when its first byte is odd (only the header checks
/// can reject it); else `good` damaged as the input says and re-sealed, so
/// the damage reaches the structure checks behind the checksum.
fn raw_or_forged(good: &[u8], data: &[u8]) -> Vec<u8> {
    if data.first().is_some_and(|b| b & 1 == 1) {
        return data.to_vec();
    }
    let mut b = damage(good, data);
    reseal(&mut b);
    b
}

/// Checks that [`reseal`] still matches vigil's format: re-sealing a file
/// vigil wrote must not change it.
fn assert_reseal_matches(good: &[u8]) {
    let mut copy = good.to_vec();
    reseal(&mut copy);
    assert!(
        copy == good,
        "fuzz/src/lib.rs: reseal() no longer matches src/codec.rs"
    );
}

/// Damages `base` as `data` says: the first two bytes choose a new length
/// (truncate or extend), then each (offset u16, xor u8) triple flips bits.
pub fn damage(base: &[u8], data: &[u8]) -> Vec<u8> {
    let mut out = base.to_vec();
    let Some((len, rest)) = data.split_first_chunk::<2>() else {
        return out;
    };
    let len = u16::from_le_bytes(*len) as usize;
    if len < out.len() && len.is_multiple_of(7) {
        out.truncate(len);
    } else if len.is_multiple_of(11) {
        out.extend(std::iter::repeat_n(0xA5, len % 64));
    }
    for patch in rest.chunks_exact(3) {
        if out.is_empty() {
            break;
        }
        let at = u16::from_le_bytes([patch[0], patch[1]]) as usize % out.len();
        out[at] ^= patch[2];
    }
    out
}

fn assert_typed(err: &Error, what: &str) {
    match err {
        Error::Corrupt { what: w, .. } | Error::Version { what: w, .. } => {
            assert!(
                w.contains(what),
                "error names {w:?}, expected {what:?}: {err}"
            )
        }
        other => panic!("expected Corrupt or Version for {what}, got {other:?}"),
    }
}

// ---------------------------------------------------------------------------
// Target bodies
// ---------------------------------------------------------------------------

/// `normalize`: spans sound, output idempotent, buffers reused cleanly, for
/// the default options and an option set chosen by the first byte.
pub fn normalize(data: &[u8]) {
    let input = text(data);
    let norm = Normalizer::default();
    let once = norm.normalize(&input);
    assert_normalized_sound(&input, &once);
    let twice = norm.normalize(once.text());
    assert_eq!(twice.text(), once.text(), "not idempotent");
    let mut reused = twice;
    norm.normalize_into(&input, &mut reused);
    assert!(reused == once, "normalize_into differs from normalize");

    let bits = data.first().copied().unwrap_or(0) & 0x7F;
    let opts = NormalizerOptions::from_bits(bits).expect("seven bits");
    let custom = Normalizer::builder().options(opts).build();
    let once = custom.normalize(&input);
    assert_normalized_sound(&input, &once);
    assert_eq!(
        custom.normalize(once.text()).text(),
        once.text(),
        "{opts:?}"
    );
}

/// `scan`: report invariants with the fuzz lexicon and the embedded one;
/// a batch of the input's lines equals scanning them one by one.
pub fn scan(data: &[u8]) {
    let input = text(data);
    let d = detector();
    let r = d.scan(&input);
    assert_report_sound(d, &input, &r);
    let embedded = Detector::default();
    assert_report_sound(&embedded, &input, &embedded.scan(&input));
    let lines: Vec<&str> = input.split('\n').collect();
    let batch = d.scan_batch(&lines);
    for (line, report) in lines.iter().zip(&batch) {
        assert!(*report == d.scan(line), "batch differs on {line:?}");
    }
    // The raw bytes streamed: the report of the text when they are UTF-8,
    // an I/O error when they are not.
    match (std::str::from_utf8(data), d.scan_reader(data)) {
        (Ok(s), Ok(streamed)) => assert!(streamed == d.scan(s), "the stream differs"),
        (Err(_), Err(e)) => assert!(matches!(e, vigil::Error::Io { .. }), "{e}"),
        (text, streamed) => panic!(
            "UTF-8: {}, but scan_reader: {:?}",
            text.is_ok(),
            streamed.map(|_| ())
        ),
    }
}

/// `lexicon_from_bytes`: raw bytes, and damaged-then-resealed copies of a
/// real compiled lexicon, load or fail with a typed error; a lexicon that
/// loads can be used.
pub fn lexicon_from_bytes(data: &[u8]) {
    static GOOD: OnceLock<Vec<u8>> = OnceLock::new();
    let good = GOOD.get_or_init(|| {
        let bytes = detector().lexicon().to_bytes();
        assert_reseal_matches(&bytes);
        bytes
    });
    let bytes = raw_or_forged(good, data);
    match Lexicon::from_bytes(&bytes) {
        Err(e) => assert_typed(&e, "lexicon"),
        Ok(lexicon) => {
            for e in lexicon.iter() {
                let _ = lexicon.lookup(e.term);
            }
            let _ = lexicon.groups().count();
            let d = Detector::builder()
                .lexicon(lexicon)
                .build()
                .expect("detector");
            let r = d.scan(SAMPLE);
            assert_report_sound(&d, SAMPLE, &r);
        }
    }
}

/// `lexicon_from_tsv`: any source compiles or names a line that exists;
/// a compiled result round-trips and scans its own source.
pub fn lexicon_from_tsv(data: &[u8]) {
    match Lexicon::from_tsv(data) {
        Err(Error::Lexicon { line, .. }) => {
            let lines = data.split(|&b| b == b'\n').count();
            assert!(line >= 1 && line <= lines, "line {line} of {lines}");
        }
        Err(Error::Conflict { first, second, .. }) => assert_ne!(first, second),
        Err(other) => panic!("unexpected error from a TSV source: {other:?}"),
        Ok(lexicon) => {
            let again = Lexicon::from_bytes(lexicon.as_bytes()).expect("own bytes load");
            assert_eq!(again.as_bytes(), lexicon.as_bytes());
            for e in again.iter() {
                assert_eq!(
                    again.lookup(e.term).map(|f| f.id),
                    Some(e.id),
                    "{:?}",
                    e.term
                );
            }
            let d = Detector::builder()
                .lexicon(again)
                .build()
                .expect("detector");
            let input = text(data);
            assert_report_sound(&d, &input, &d.scan(&input));
        }
    }
}

fn banned() -> &'static [Account] {
    static B: OnceLock<Vec<Account>> = OnceLock::new();
    B.get_or_init(|| {
        vec![
            Account::new("b1")
                .handle("umar_media")
                .display_name("Umar Media")
                .bio("Official media office. Statements, videos, news from the front.")
                .link("https://t.me/umarmedia")
                .post("New statement from the brothers, share widely"),
            Account::new("b2")
                .handle("ali_khan")
                .display_name("Ali Khan"),
            Account::new("b3")
                .handle("الدولة")
                .display_name("دَاعِش 🔥")
                .bio("باقية وتتمدد")
                .link("whatsapp.com/channel/abc"),
            Account::new("b4"),
        ]
    })
}

fn check_matches(index: &MirrorIndex, query: &Account) {
    let found = index.find_mirrors(query);
    assert!(found.len() <= index.config().max_matches);
    for w in found.windows(2) {
        assert!(w[0].score >= w[1].score, "not best first");
    }
    for m in &found {
        assert!(
            m.score.is_finite() && (0.0..=1.0).contains(&m.score),
            "{m:?}"
        );
        assert_eq!(m.is_mirror, m.score >= index.config().threshold, "{m:?}");
    }
}

/// `mirror_index_from_bytes`: raw bytes, and damaged-then-resealed copies
/// of a real index, load or fail with a typed error; an index that loads
/// answers queries within its promises.
pub fn mirror_index_from_bytes(data: &[u8]) {
    static GOOD: OnceLock<Vec<u8>> = OnceLock::new();
    let good = GOOD.get_or_init(|| {
        let bytes = MirrorIndex::from_accounts(banned())
            .expect("index")
            .to_bytes();
        assert_reseal_matches(&bytes);
        bytes
    });
    let bytes = raw_or_forged(good, data);
    match MirrorIndex::from_bytes(&bytes) {
        Err(e) => assert_typed(&e, "mirror index"),
        Ok(mut index) => {
            for q in banned() {
                check_matches(&index, q);
            }
            index.insert(&banned()[0]).expect("insert");
            check_matches(&index, &banned()[0]);
            let _ = index.to_bytes();
        }
    }
}

/// `account_json`: any JSON that parses as an [`Account`] compares with
/// itself and others symmetrically within `[0, 1]`, and can be searched
/// for and indexed.
pub fn account_json(data: &[u8]) {
    let Ok(account) = serde_json::from_slice::<Account>(data) else {
        return;
    };
    let scorer = MirrorScorer::default();
    for other in banned().iter().chain(std::iter::once(&account)) {
        let ab = scorer.similarity(&account, other);
        let ba = scorer.similarity(other, &account);
        assert!(
            ab.score.is_finite() && (0.0..=1.0).contains(&ab.score),
            "{ab:?}"
        );
        assert_eq!(ab.score, ba.score, "not symmetric with {}", other.id);
        assert_eq!(ab.is_mirror, ab.score >= scorer.config().threshold);
    }
    static INDEX: OnceLock<MirrorIndex> = OnceLock::new();
    let index = INDEX.get_or_init(|| MirrorIndex::from_accounts(banned()).expect("index"));
    check_matches(index, &account);
    let mut own = MirrorIndex::from_accounts(banned()).expect("index");
    own.insert(&account).expect("insert");
    check_matches(&own, &account);
    let json = serde_json::to_vec(&account).expect("serialize");
    let back: Account = serde_json::from_slice(&json).expect("round trip");
    assert_eq!(back, account);
}

//! The binary form of a [`MirrorIndex`]: the crate's checksummed header,
//! then the configuration and the flat arrays of the store and postings,
//! little-endian.
//!
//! ```text
//! header   magic "VIGILMIR", FORMAT_VERSION, meta = [normalizer version, FEATURES_VERSION]
//! config   5 weights, threshold, min_score (f32); max_matches, max_postings (u64)
//! counts   accounts, arena bytes, sketches, links, postings (u64 each)
//! arena    UTF-8 strings
//! accounts 99 bytes each (spans, core range, masks, flags, weights, sketch spans, link range)
//! sketches u32 hashes, back to back
//! links    u64 hash each, then (u32 offset, u32 length) text span each
//! postings u64 (key << 32 | account) each, strictly ascending
//! ```
//!
//! Loading checks the header (magic, version, length, checksum) and then
//! every internal reference, so damaged or forged bytes give an
//! [`Error`], never a panic or an out-of-range read later.

use super::index::MirrorIndex;
use super::postings::Postings;
use super::score::{MirrorConfig, Weights};
use super::store::{Rec, Span, Store};
use crate::codec::{self, Header, Reader, HEADER_LEN};
use crate::error::{Error, Result};
use crate::normalize::Normalizer;

const MAGIC: &[u8; 8] = b"VIGILMIR";
const WHAT: &str = "mirror index";

/// Version of the byte layout (2: the four-lane header checksum).
pub(crate) const FORMAT_VERSION: u32 = 2;

/// Version of the feature extraction (skeleton folds, affix lists, name
/// list, shingling, link parsing, blocking keys). Bump it whenever stored
/// features of the same account could change.
pub(crate) const FEATURES_VERSION: u32 = 1;

const REC_LEN: usize = 99;

impl MirrorIndex {
    /// Serializes the index, configuration included.
    ///
    /// Cost: linear in the index size (about 700 bytes per account).
    ///
    /// # Example
    ///
    /// ```
    /// use vigil::mirror::{Account, MirrorIndex};
    ///
    /// let index = MirrorIndex::from_accounts(&[Account::new("b1").handle("umar_media")])?;
    /// let bytes = index.to_bytes();
    /// let loaded = MirrorIndex::from_bytes(&bytes)?;
    /// assert_eq!(loaded.find_mirrors(&Account::new("q").handle("umar.media")).len(), 1);
    ///
    /// let mut damaged = bytes.clone();
    /// damaged[50] ^= 1;
    /// assert!(MirrorIndex::from_bytes(&damaged).is_err());
    /// # Ok::<(), vigil::Error>(())
    /// ```
    pub fn to_bytes(&self) -> Vec<u8> {
        let s = &self.store;
        let entries = self.postings.sorted_entries();
        let mut out = Vec::with_capacity(
            128 + s.arena.len()
                + s.recs.len() * REC_LEN
                + s.sigs.len() * 4
                + s.link_hashes.len() * 16
                + entries.len() * 8,
        );
        let c = &self.config;
        let w = &c.weights;
        for f in [
            w.handle,
            w.display_name,
            w.bio,
            w.links,
            w.posts,
            c.threshold,
            c.min_score,
        ] {
            out.extend_from_slice(&f.to_le_bytes());
        }
        for n in [
            c.max_matches,
            c.max_postings,
            s.recs.len(),
            s.arena.len(),
            s.sigs.len(),
            s.link_hashes.len(),
            entries.len(),
        ] {
            out.extend_from_slice(&(n as u64).to_le_bytes());
        }
        out.extend_from_slice(s.arena.as_bytes());
        for r in &s.recs {
            for span in [r.id, r.skel] {
                put_span(&mut out, span);
            }
            out.extend_from_slice(&[r.core.0, r.core.1]);
            put_span(&mut out, r.light);
            for m in [r.core_mask, r.name_chars, r.name_words] {
                out.extend_from_slice(&m.to_le_bytes());
            }
            out.push(r.flags);
            out.extend_from_slice(&r.specificity.to_le_bytes());
            put_span(&mut out, r.name);
            out.extend_from_slice(&r.name_info.to_le_bytes());
            put_span(&mut out, r.bio);
            out.extend_from_slice(&r.bio_n.to_le_bytes());
            put_span(&mut out, r.posts);
            out.extend_from_slice(&r.posts_n.to_le_bytes());
            put_span(&mut out, r.links);
        }
        for v in &s.sigs {
            out.extend_from_slice(&v.to_le_bytes());
        }
        for h in &s.link_hashes {
            out.extend_from_slice(&h.to_le_bytes());
        }
        for span in &s.link_texts {
            put_span(&mut out, *span);
        }
        for e in entries.iter() {
            out.extend_from_slice(&e.to_le_bytes());
        }
        codec::seal(
            Header {
                magic: *MAGIC,
                version: FORMAT_VERSION,
                meta: [Normalizer::default().version(), FEATURES_VERSION],
            },
            &out,
        )
    }

    /// Loads an index written by [`MirrorIndex::to_bytes`].
    ///
    /// Cost: one pass over the bytes (checksum, then parsing and checking
    /// every record); no features are recomputed.
    ///
    /// # Errors
    ///
    /// [`Error::Version`] if the bytes come from another format version or
    /// from a build whose normalizer or feature extraction differs (rebuild
    /// the index from the accounts); [`Error::Corrupt`] naming the byte
    /// offset if they are truncated, damaged or inconsistent.
    pub fn from_bytes(bytes: &[u8]) -> Result<MirrorIndex> {
        let (meta, range) = codec::open(WHAT, MAGIC, FORMAT_VERSION, bytes)?;
        let normalizer = Normalizer::default();
        if meta[0] != normalizer.version() {
            return Err(Error::Version {
                what: "mirror index normalizer",
                expected: normalizer.version(),
                found: meta[0],
            });
        }
        if meta[1] != FEATURES_VERSION {
            return Err(Error::Version {
                what: "mirror index features",
                expected: FEATURES_VERSION,
                found: meta[1],
            });
        }
        let payload = bytes.get(range).unwrap_or(&[]);
        let mut r = Reader::new(WHAT, payload).with_base(HEADER_LEN);
        let mut f = [0f32; 7];
        for x in &mut f {
            *x = f32::from_le_bytes(r.u32()?.to_le_bytes());
        }
        let mut counts = [0usize; 7];
        for n in &mut counts {
            let at = HEADER_LEN + r.pos();
            *n = usize::try_from(r.u64()?).map_err(|_| corrupt(at, "count does not fit"))?;
        }
        let [max_matches, max_postings, n_recs, arena_len, n_sigs, n_links, n_entries] = counts;
        let config = MirrorConfig {
            weights: Weights {
                handle: f[0],
                display_name: f[1],
                bio: f[2],
                links: f[3],
                posts: f[4],
            },
            threshold: f[5],
            min_score: f[6],
            max_matches,
            max_postings,
        };
        config
            .validate()
            .map_err(|e| corrupt(HEADER_LEN, &format!("stored configuration: {e}")))?;

        let at = HEADER_LEN + r.pos();
        let arena = String::from_utf8(r.bytes(arena_len)?.to_vec()).map_err(|e| {
            corrupt(
                at + e.utf8_error().valid_up_to(),
                "string arena is not UTF-8",
            )
        })?;
        let recs_at = HEADER_LEN + r.pos();
        let raw = table(&mut r, n_recs, REC_LEN)?;
        let mut recs = Vec::with_capacity(n_recs);
        for chunk in raw.chunks_exact(REC_LEN) {
            let mut c = Reader::new(WHAT, chunk);
            recs.push(Rec {
                id: span(&mut c)?,
                skel: span(&mut c)?,
                core: (c.u8()?, c.u8()?),
                light: span(&mut c)?,
                core_mask: c.u64()?,
                name_chars: c.u64()?,
                name_words: c.u64()?,
                flags: c.u8()?,
                specificity: f32::from_le_bytes(c.u32()?.to_le_bytes()),
                name: span(&mut c)?,
                name_info: f32::from_le_bytes(c.u32()?.to_le_bytes()),
                bio: span(&mut c)?,
                bio_n: c.u32()?,
                posts: span(&mut c)?,
                posts_n: c.u32()?,
                links: span(&mut c)?,
            });
        }
        let sigs = table(&mut r, n_sigs, 4)?
            .chunks_exact(4)
            .map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        let link_hashes = table(&mut r, n_links, 8)?
            .chunks_exact(8)
            .map(le_u64)
            .collect();
        let link_texts = table(&mut r, n_links, 8)?
            .chunks_exact(8)
            .map(|c| Span {
                off: u32::from_le_bytes([c[0], c[1], c[2], c[3]]),
                len: u32::from_le_bytes([c[4], c[5], c[6], c[7]]),
            })
            .collect();
        let entries_at = HEADER_LEN + r.pos();
        let entries: Vec<u64> = table(&mut r, n_entries, 8)?
            .chunks_exact(8)
            .map(le_u64)
            .collect();
        if r.pos() != payload.len() {
            return Err(corrupt(
                HEADER_LEN + r.pos(),
                "bytes left over after the postings",
            ));
        }
        let store = Store {
            arena,
            recs,
            sigs,
            link_hashes,
            link_texts,
        };
        store.validate(recs_at)?;
        for (i, pair) in entries.windows(2).enumerate() {
            if pair[0] >= pair[1] {
                return Err(corrupt(
                    entries_at + 8 * (i + 1),
                    "postings are not in order",
                ));
            }
        }
        if let Some(i) = entries.iter().position(|&e| e as u32 as usize >= n_recs) {
            return Err(corrupt(
                entries_at + 8 * i,
                "posting names a missing account",
            ));
        }
        Ok(MirrorIndex {
            config,
            normalizer,
            store,
            postings: Postings::from_sorted(entries),
        })
    }
}

fn corrupt(offset: usize, message: &str) -> Error {
    Error::Corrupt {
        what: WHAT,
        offset,
        message: message.to_string(),
    }
}

fn put_span(out: &mut Vec<u8>, s: Span) {
    out.extend_from_slice(&s.off.to_le_bytes());
    out.extend_from_slice(&s.len.to_le_bytes());
}

fn span(r: &mut Reader<'_>) -> Result<Span> {
    Ok(Span {
        off: r.u32()?,
        len: r.u32()?,
    })
}

fn le_u64(c: &[u8]) -> u64 {
    let mut w = [0u8; 8];
    w.copy_from_slice(c);
    u64::from_le_bytes(w)
}

/// The next `n` items of `size` bytes, checking the count against the bytes
/// left before anything is allocated.
fn table<'a>(r: &mut Reader<'a>, n: usize, size: usize) -> Result<&'a [u8]> {
    let len = n
        .checked_mul(size)
        .ok_or_else(|| r.corrupt(format!("table of {n} items is too large")))?;
    r.bytes(len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mirror::Account;

    fn index() -> MirrorIndex {
        MirrorIndex::from_accounts(&[
            Account::new("b1")
                .handle("umar_media")
                .display_name("Umar Media")
                .bio("official media office statements and videos")
                .link("https://t.me/umarmedia")
                .post("the new video release from the media office is out now"),
            Account::new("b2").handle("ali_khan"),
        ])
        .unwrap()
    }

    /// Serializes `index` after `damage`, with a valid checksum: what a
    /// forged or buggy writer could produce.
    fn forged(damage: impl FnOnce(&mut MirrorIndex)) -> Result<MirrorIndex> {
        let mut index = index();
        damage(&mut index);
        MirrorIndex::from_bytes(&index.to_bytes())
    }

    fn is_corrupt(r: Result<MirrorIndex>) -> bool {
        matches!(r, Err(Error::Corrupt { what: WHAT, .. }))
    }

    #[test]
    fn consistent_checksums_do_not_hide_inconsistent_contents() {
        assert!(forged(|_| {}).is_ok());
        assert!(is_corrupt(
            forged(|i| i.store.recs[0].id.off = u32::MAX - 1)
        ));
        assert!(is_corrupt(forged(|i| i.store.recs[1].skel.len = 10_000)));
        assert!(is_corrupt(forged(|i| i.store.recs[0].core = (3, 200))));
        assert!(is_corrupt(forged(|i| i.store.recs[0].flags = 0x80)));
        assert!(is_corrupt(forged(
            |i| i.store.recs[0].specificity = f32::NAN
        )));
        assert!(is_corrupt(forged(|i| i.store.recs[0].bio.len = 1_000)));
        assert!(is_corrupt(forged(|i| i.store.sigs.reverse())));
        assert!(is_corrupt(forged(|i| i.store.recs[0].links.off = 7)));
        assert!(is_corrupt(forged(|i| i.store.link_texts[0].len = 99_999)));
        assert!(is_corrupt(forged(|i| i.config.weights.bio = 2.0)));
        assert!(is_corrupt(forged(|i| {
            i.postings = Postings::from_sorted(vec![1 << 32 | 5]);
        })));
        assert!(is_corrupt(forged(|i| {
            i.postings = Postings::from_sorted(vec![2 << 32, 1 << 32]);
        })));
        // A string cut inside a character.
        assert!(is_corrupt(forged(|i| {
            i.store.arena.push('ق');
            let end = i.store.arena.len() as u32;
            i.store.recs[0].name = Span {
                off: end - 1,
                len: 1,
            };
        })));
    }

    #[test]
    fn payload_bytes_are_checked_as_well() {
        let bytes = index().to_bytes();
        let payload = bytes[HEADER_LEN..].to_vec();
        let reseal = |p: &[u8]| {
            codec::seal(
                Header {
                    magic: *MAGIC,
                    version: FORMAT_VERSION,
                    meta: [Normalizer::default().version(), FEATURES_VERSION],
                },
                p,
            )
        };
        assert!(MirrorIndex::from_bytes(&reseal(&payload)).is_ok());
        // Every truncation of the payload, resealed, is caught by the parser.
        for n in 0..payload.len() {
            assert!(
                MirrorIndex::from_bytes(&reseal(&payload[..n])).is_err(),
                "{n}"
            );
        }
        // A count promising more items than there are bytes.
        let mut huge = payload.clone();
        huge[7 * 4 + 2 * 8..7 * 4 + 3 * 8].copy_from_slice(&u64::MAX.to_le_bytes());
        assert!(is_corrupt(MirrorIndex::from_bytes(&reseal(&huge))));
        // Invalid UTF-8 in the string arena (it starts after the counts).
        let mut bad = payload.clone();
        bad[7 * 4 + 7 * 8] = 0xFF;
        assert!(is_corrupt(MirrorIndex::from_bytes(&reseal(&bad))));
        // A normalizer of another version made the features.
        let other = codec::seal(
            Header {
                magic: *MAGIC,
                version: FORMAT_VERSION,
                meta: [Normalizer::default().version() + 1, FEATURES_VERSION],
            },
            &payload,
        );
        assert!(matches!(
            MirrorIndex::from_bytes(&other),
            Err(Error::Version {
                what: "mirror index normalizer",
                ..
            })
        ));
    }
}

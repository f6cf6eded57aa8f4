//! Near-duplicate text: word shingles summarised by bottom-k MinHash.
//!
//! A bio is cut into overlapping word pairs, a post history into word
//! triples, of its normalized words (so case, look-alikes, diacritics,
//! leetspeak, Arabic-script variants, emoji and punctuation do not matter,
//! in any script that separates words). Moving sentences around or editing
//! a word changes only the shingles at the seams, so the sets stay close;
//! and unlike character shingles, two texts merely written with the same
//! vocabulary share almost none.
//!
//! Each set is summarised by a [`Sketch`]: the [`K`] smallest 32-bit hashes
//! of its shingles (all of them for a set of at most `K`, which is most
//! bios, so those compare exactly). Of the `K` smallest hashes of the union
//! of two sets, the share found in both estimates their Jaccard similarity;
//! with the set sizes it also estimates containment, which is what
//! re-posting part of an old history looks like.

use crate::normalize::{Normalized, Normalizer};

/// Hashes kept per sketch.
pub(crate) const K: usize = 64;

/// Words per shingle of a bio and of posts.
pub(crate) const BIO_GRAM: usize = 2;
pub(crate) const POST_GRAM: usize = 3;

/// Only this many bytes of a bio, or of one post, are read.
pub(crate) const MAX_TEXT: usize = 4096;

/// LSH over bios: `BANDS` bands of `ROWS` independent minima each. A pair
/// of bios with Jaccard similarity `j` shares a band with probability
/// `1 - (1 - j^3)^24`: 0.90 at 0.45, 0.96 at 0.5, 0.99 at 0.6; two bios
/// sharing a word pair or two by chance almost never do.
pub(crate) const BANDS: usize = 24;
const ROWS: usize = 3;

/// A bottom-k sketch of a shingle set.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Sketch {
    /// The smallest shingle hashes, ascending, at most [`K`].
    pub mins: Vec<u32>,
    /// Number of distinct shingles.
    pub n: u32,
}

/// Collects shingle hashes of one or more texts and turns them into a
/// sketch. Reused across texts to avoid allocation.
#[derive(Debug, Default)]
pub(crate) struct Shingler {
    /// The shingle hashes added since the last `finish`.
    grams: Vec<u64>,
    /// Hashes of the words of the text being added.
    words: Vec<u64>,
    norm: Normalized,
}

impl Shingler {
    /// Adds the word `n`-gram shingles of `text` (its first [`MAX_TEXT`]
    /// bytes; a text of fewer words is one shingle), returning two
    /// independent minima over its word trigrams, used as the text's
    /// anchors, and how many words it had.
    pub(crate) fn add(
        &mut self,
        normalizer: &Normalizer,
        text: &str,
        n: usize,
    ) -> (u64, u64, usize) {
        let text = &text[..super::handle::floor_boundary(text, MAX_TEXT)];
        normalizer.normalize_into(text, &mut self.norm);
        self.words.clear();
        for w in super::names::words(self.norm.text()) {
            let h = w.chars().fold(0x9FB2_1C65_1E98_DF25u64, |h, c| {
                (h ^ c as u64)
                    .rotate_left(23)
                    .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            });
            self.words.push(mix(h));
        }
        let n_words = self.words.len();
        let (mut a1, mut a2) = (u64::MAX, u64::MAX);
        // Anchors are minima over word trigrams: a run of three words is
        // rare, so texts sharing one usually share the sentence.
        for t in self.words.windows(3) {
            let t = mix(t[0] ^ t[1].rotate_left(21) ^ t[2].rotate_left(42));
            a1 = a1.min(t);
            a2 = a2.min(mix(t ^ 0xA076_1D64_78BD_642F));
        }
        if n_words > 0 {
            let n = n.clamp(1, n_words);
            for gram in self.words.windows(n) {
                let h = gram
                    .iter()
                    .enumerate()
                    .fold(n as u64, |h, (k, &w)| h ^ w.rotate_left(17 * k as u32));
                self.grams.push(mix(h));
            }
        }
        (a1, a2, n_words)
    }

    /// LSH band keys of everything added since the last `finish`: each the
    /// hash of [`ROWS`] minima under independent hash functions. Cost:
    /// `BANDS * ROWS` hashes per shingle.
    pub(crate) fn bands(&self) -> [u64; BANDS] {
        let mut out = [0u64; BANDS];
        for (b, key) in out.iter_mut().enumerate() {
            let mut h = b as u64;
            for r in 0..ROWS {
                // Shingle hashes are already mixed: xor and an odd
                // multiplier give each row its own order cheaply.
                let salt = mix(((b * ROWS + r) as u64) ^ 0x2D35_8DCC_AA6C_78A5);
                let odd = salt | 1;
                let min = self
                    .grams
                    .iter()
                    .map(|&g| (g ^ salt).wrapping_mul(odd))
                    .min()
                    .unwrap_or(0);
                h = mix(h ^ min);
            }
            *key = h;
        }
        out
    }

    /// The sketch of everything added since the last call, or `None` if
    /// nothing was; clears the shingler. Cost: sorting the shingle hashes.
    pub(crate) fn finish(&mut self) -> Option<Sketch> {
        if self.grams.is_empty() {
            return None;
        }
        let mut hashes: Vec<u32> = self.grams.iter().map(|&g| (g >> 32) as u32).collect();
        self.grams.clear();
        hashes.sort_unstable();
        hashes.dedup();
        let n = hashes.len().min(u32::MAX as usize) as u32;
        hashes.truncate(K);
        Some(Sketch { mins: hashes, n })
    }
}

/// Estimated Jaccard similarity of two sets from their sketches (exact when
/// both sets have at most [`K`] shingles). Cost: one merge of at most `2K`
/// values.
pub(crate) fn jaccard(a: &[u32], b: &[u32]) -> f32 {
    let (both, taken) = jaccard_parts(a, b);
    both as f32 / taken.max(1) as f32
}

/// How many of the union's smallest hashes (at most [`K`]) are in both
/// sketches, and how many were looked at.
pub(crate) fn jaccard_parts(a: &[u32], b: &[u32]) -> (usize, usize) {
    let (mut i, mut j, mut taken, mut both) = (0, 0, 0usize, 0usize);
    while taken < K {
        match (a.get(i), b.get(j)) {
            (Some(x), Some(y)) if x == y => {
                both += 1;
                i += 1;
                j += 1;
            }
            (Some(x), Some(y)) if x < y => i += 1,
            (Some(_), Some(_)) | (None, Some(_)) => j += 1,
            (Some(_), None) => i += 1,
            (None, None) => break,
        }
        taken += 1;
    }
    (both, taken)
}

/// Estimated share of the smaller set found in the larger one.
pub(crate) fn containment(j: f32, na: u32, nb: u32) -> f32 {
    let small = na.min(nb).max(1) as f32;
    let inter = j / (1.0 + j) * (na as f32 + nb as f32);
    (inter / small).min(1.0)
}

/// A 64-bit finaliser (from MurmurHash3): every input bit reaches every
/// output bit.
pub(crate) fn mix(mut h: u64) -> u64 {
    h ^= h >> 33;
    h = h.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    h ^= h >> 33;
    h = h.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    h ^ (h >> 33)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sketch(texts: &[&str]) -> Sketch {
        let n = Normalizer::default();
        let mut s = Shingler::default();
        for t in texts {
            s.add(
                &n,
                t,
                if texts.len() == 1 {
                    BIO_GRAM
                } else {
                    POST_GRAM
                },
            );
        }
        s.finish().unwrap()
    }

    const BIO: &str = "Official channel of the media wing. News from the front lines, \
                       daily reports and statements. Share with the brothers.";

    #[test]
    fn edited_and_reordered_bios_stay_close_unrelated_ones_do_not() {
        let a = sketch(&[BIO]).mins;
        let edited = sketch(&[
            "News from the front lines, daily reports and statements! Official channel \
             of the media wing. Share with all brothers.",
        ])
        .mins;
        let other =
            sketch(&["Cricket lover, student at Punjab University, Lahore. Chai > coffee."]).mins;
        assert!(jaccard(&a, &edited) > 0.5, "{}", jaccard(&a, &edited));
        assert!(jaccard(&a, &other) < 0.1, "{}", jaccard(&a, &other));
        assert_eq!(jaccard(&a, &a), 1.0);
    }

    #[test]
    fn case_and_punctuation_do_not_matter() {
        assert_eq!(sketch(&["Hello, World!!"]), sketch(&["hello world"]));
    }

    #[test]
    fn a_reposted_part_of_a_history_is_contained() {
        let old = [
            "first statement about the operation in the north, read and share",
            "second statement: the brothers are steadfast, victory is near",
            "third statement with the new video release from the media office",
            "fourth statement, a long message about patience and the road ahead",
        ];
        let a = sketch(&old);
        let b = sketch(&[
            old[1],
            old[3],
            "a new post on the new account, follow us here",
        ]);
        let j = jaccard(&a.mins, &b.mins);
        assert!(containment(j, a.n, b.n) > 0.4, "{j}");
    }

    #[test]
    fn empty_and_tiny_texts() {
        let n = Normalizer::default();
        let mut s = Shingler::default();
        assert_eq!(s.add(&n, "", 2).2, 0);
        assert_eq!(s.add(&n, "!!! ...", 2).2, 0);
        assert!(s.finish().is_none());
        assert_eq!(s.add(&n, "ab", 2).2, 1);
        assert_eq!(s.finish().map(|s| s.n), Some(1));
        assert_eq!(s.add(&n, "ab cd", 3).0, u64::MAX); // no trigram, no anchor
        assert_ne!(s.add(&n, "ab cd ef", 3).0, u64::MAX);
    }
}

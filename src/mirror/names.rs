//! Personal names so common that sharing them says little about who is
//! behind an account, and the measure of how much of a name is left once
//! they are set aside.
//!
//! A banned account called `Ali Khan` and an ordinary user called `Ali Khan`
//! are not the same person: millions of people carry these names. The list
//! below (given names, family names and name particles of Pakistan,
//! Afghanistan and the Arab world, in the Latin spellings people type and in
//! Arabic script, in `common_names.txt`) lets the scorer discount such
//! names and such handles (`alikhan92`). It is deliberately short: only
//! names common enough to collide by chance across a large platform.

use std::sync::OnceLock;

use crate::normalize::{Normalized, Normalizer};
use std::cell::RefCell;
use std::hash::{BuildHasherDefault, Hasher};

/// A set of words with a fast hash: these sets are looked up hundreds of
/// times per account, and the keys are not attacker-chosen in bulk.
pub(crate) type WordSet = std::collections::HashSet<String, BuildHasherDefault<WordHasher>>;

/// A multiply-rotate hash over eight bytes at a time.
#[derive(Default)]
pub(crate) struct WordHasher(u64);

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            self.0 = (self.0.rotate_left(5) ^ u64::from_le_bytes(w))
                .wrapping_mul(0x51_7C_C1_B7_27_22_0A_95);
        }
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

/// The list, one or more names a line, `#` comments.
const COMMON: &str = include_str!("common_names.txt");

fn common() -> impl Iterator<Item = &'static str> {
    COMMON
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .flat_map(str::split_whitespace)
}

/// The common names, normalized the way display names are.
fn folded() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let n = Normalizer::default();
        common()
            .flat_map(|w| {
                words(n.normalize(w).text())
                    .map(str::to_string)
                    .collect::<Vec<_>>()
            })
            .collect()
    })
}

/// The common names folded to handle skeletons (see `handle.rs`).
pub(crate) fn skeletons() -> &'static WordSet {
    static SET: OnceLock<WordSet> = OnceLock::new();
    SET.get_or_init(|| {
        let n = Normalizer::default();
        common()
            .map(|w| super::handle::skeleton(&n, w))
            .filter(|s| s.chars().count() >= 2)
            .collect()
    })
}

/// True if the folded display-name word `w` is a common name.
pub(crate) fn is_common_word(w: &str) -> bool {
    folded().contains(w)
}

/// Bytes of a display name that are read, and kept after folding.
const MAX_NAME: usize = 256;
const MAX_FOLDED: usize = 128;

/// Words evaders add to a display name (`Umar Media (backup)`), left out
/// of comparisons like digits-only words.
const NAME_AFFIXES: &[&str] = &[
    "official", "offical", "oficial", "backup", "bkp", "new", "real", "original", "account", "acc",
    "alt", "main", "returns", "reborn", "again", "back",
];

/// A folded display name.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct FoldedName {
    /// Normalized words joined by single spaces (emoji, punctuation,
    /// digits-only words and stock affix words dropped).
    pub text: String,
    /// How informative it is, in `[0.25, 1]`: 0.25 for a name made only of
    /// common names, 1 once eight or more of its characters are not common
    /// names.
    pub info: f32,
    /// A stock affix word or number was dropped.
    pub affix: bool,
}

/// Folds a display name (its first 256 bytes).
pub(crate) fn fold_name(normalizer: &Normalizer, raw: &str) -> FoldedName {
    let raw = &raw[..super::handle::floor_boundary(raw, MAX_NAME)];
    NORM.with(|cell| {
        let mut fresh = Normalized::default();
        let mut held = cell.try_borrow_mut();
        let norm = held.as_deref_mut().unwrap_or(&mut fresh);
        normalizer.normalize_into(raw, norm);
        fold_words(norm.text())
    })
}

thread_local! {
    /// Reused so folding a name allocates only what it returns.
    static NORM: RefCell<Normalized> = RefCell::new(Normalized::default());
}

fn fold_words(text: &str) -> FoldedName {
    let mut out = FoldedName::default();
    let mut rare = 0usize;
    for w in words(text) {
        if w.chars().all(|c| c.is_ascii_digit()) || NAME_AFFIXES.contains(&w) {
            out.affix = true;
            continue;
        }
        if out.text.len() + w.len() + 1 > MAX_FOLDED {
            break;
        }
        if !out.text.is_empty() {
            out.text.push(' ');
        }
        out.text.push_str(w);
        if !is_common_word(w) {
            rare += w.chars().count();
        }
    }
    out.info = 0.25 + 0.75 * (rare as f32 / 8.0).min(1.0);
    out
}

/// A folded display name with the masks [`name_similarity`] uses to skip
/// most comparisons: its characters without spaces (see
/// [`char_mask`](super::edit::char_mask)) and its words (a hash of each,
/// modulo 64).
#[derive(Debug, Clone, Copy)]
pub(crate) struct NameSide<'a> {
    pub text: &'a str,
    pub chars: u64,
    pub words: u64,
}

/// The two masks of a [`NameSide`].
pub(crate) fn name_masks(text: &str) -> (u64, u64) {
    let chars = super::edit::char_mask(text) & !(1 << (' ' as u32 % 64));
    let words = text
        .split(' ')
        .fold(0u64, |m, w| m | 1 << (word_hash(w) % 64));
    (chars, words)
}

fn word_hash(w: &str) -> u64 {
    w.bytes().fold(0xCBF2_9CE4_8422_2325u64, |h, b| {
        (h ^ b as u64).wrapping_mul(0x100_0000_01B3)
    })
}

/// How alike two folded display names are, in `[0, 1]`: 1 if equal, 0.95
/// if the same words in another order, else the larger of the share of
/// characters in words found in both and one minus the edit distance (at
/// most two) over the length of the names without spaces. Symmetric.
///
/// Cost: two mask tests for names with nothing in common, which is almost
/// every pair; otherwise linear in the names' length.
pub(crate) fn name_similarity(a: NameSide<'_>, b: NameSide<'_>) -> f32 {
    if a.text.is_empty() || b.text.is_empty() {
        return 0.0;
    }
    if a.text == b.text {
        return 1.0;
    }
    let glued_len = |s: &str| super::edit::char_len(s) - s.bytes().filter(|&c| c == b' ').count();
    let (ga, gb) = (glued_len(a.text), glued_len(b.text));
    let may_edit =
        ga.max(gb) >= 8 && ga.abs_diff(gb) <= 2 && super::edit::may_be_within(a.chars, b.chars, 2);
    if a.words & b.words == 0 && !may_edit {
        return 0.0;
    }
    let (mut shared, mut total) = (0usize, 0usize);
    let mut reordered = true;
    for (x, y) in [(a.text, b.text), (b.text, a.text)] {
        for w in x.split(' ') {
            let n = super::edit::char_len(w);
            total += n;
            if y.split(' ').any(|v| v == w) {
                shared += n;
            } else {
                reordered = false;
            }
        }
    }
    if reordered {
        return 0.95;
    }
    let dice = shared as f32 / total.max(1) as f32;
    let edit = if may_edit {
        let mut buf_a = [0u8; MAX_FOLDED];
        let mut buf_b = [0u8; MAX_FOLDED];
        match (glue(a.text, &mut buf_a), glue(b.text, &mut buf_b)) {
            (Some(x), Some(y)) => super::edit::bounded_osa(x, y, 2)
                .map_or(0.0, |d| 1.0 - d as f32 / ga.max(gb) as f32),
            _ => 0.0,
        }
    } else {
        0.0
    };
    dice.max(edit)
}

/// `text` without its spaces, in `buf`.
fn glue<'b>(text: &str, buf: &'b mut [u8; MAX_FOLDED]) -> Option<&'b str> {
    let mut n = 0;
    for &b in text.as_bytes().iter().filter(|&&b| b != b' ') {
        *buf.get_mut(n)? = b;
        n += 1;
    }
    // Removing ASCII spaces from UTF-8 leaves UTF-8.
    std::str::from_utf8(&buf[..n]).ok()
}

/// The words of a folded text: maximal runs of letters and digits.
pub(crate) fn words(text: &str) -> impl Iterator<Item = &str> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
}

/// How many characters of `s` are *not* covered by common names, when `s` is
/// cut into pieces as favourably to the names as possible (`alikhan` -> 0,
/// `umarmedia` -> 5). Quadratic in a length capped by the caller.
pub(crate) fn uncommon_chars(s: &str, dict: &WordSet) -> usize {
    let bounds: Vec<usize> = s
        .char_indices()
        .map(|(i, _)| i)
        .chain(std::iter::once(s.len()))
        .collect();
    let n = bounds.len() - 1;
    // best[i]: fewest uncovered chars in the first i chars.
    let mut best = vec![usize::MAX; n + 1];
    best[0] = 0;
    for end in 1..=n {
        let mut b = best[end - 1].saturating_add(1);
        for start in end.saturating_sub(12)..end.saturating_sub(1) {
            if best[start] < b && dict.contains(&s[bounds[start]..bounds[end]]) {
                b = best[start];
            }
        }
        best[end] = b;
    }
    best[n]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_names_fold_and_compare() {
        let n = Normalizer::default();
        let a = fold_name(&n, "Umar Media 🔥");
        assert_eq!((a.text.as_str(), a.affix), ("umar media", false));
        assert!(a.info > 0.6);
        let backup = fold_name(&n, "Umar Media 2 (Backup)");
        assert_eq!((backup.text.as_str(), backup.affix), ("umar media", true));
        let b = fold_name(&n, "Ali Khan");
        assert_eq!(b.info, 0.25);
        assert_eq!(a.text, "umar media");
        let side = |t: &'static str| {
            let (chars, words) = name_masks(t);
            NameSide {
                text: t,
                chars,
                words,
            }
        };
        let (a, b) = (side("umar media"), side("ali khan"));
        assert_eq!(name_similarity(a, a), 1.0);
        assert_eq!(name_similarity(a, side("media umar")), 0.95);
        let cell = name_similarity(a, side("umar media cell"));
        assert!(cell > 0.7 && cell < 0.95, "{cell}");
        let typo = side("umar madia");
        assert_eq!(name_similarity(a, typo), name_similarity(typo, a));
        assert!(name_similarity(a, typo) > 0.85);
        assert!(name_similarity(a, b) < 0.2);
        assert_eq!(name_similarity(side(""), b), 0.0);
    }

    #[test]
    fn common_names_cover_generic_handles_but_not_specific_ones() {
        let d = skeletons();
        let skel = |s: &str| {
            super::super::handle::Handle::new(&Normalizer::default(), s)
                .skeleton()
                .to_string()
        };
        assert_eq!(uncommon_chars(&skel("alikhan"), d), 0);
        assert_eq!(uncommon_chars(&skel("muhammadbilal"), d), 0);
        assert_eq!(uncommon_chars(&skel("umarmedia"), d), 5);
        assert_eq!(uncommon_chars("", d), 0);
    }
}

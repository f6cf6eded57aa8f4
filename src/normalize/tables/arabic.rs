//! The fast path's table of the Arabic block (U+0600..U+06FF): what each
//! two-byte character is to an Arabic-script word.

use super::{folded, info, Class, BOUNDARY, FOLD_ARABIC, FOLD_DIACRITIC, NFKC_YES};
use std::sync::OnceLock;
use unicode_normalization::char::decompose_compatible;

/// In [`arabic_block`]: a mark the fold deletes and that can follow a
/// letter on the fast path.
pub(crate) const ARABIC_MARK: u16 = 1;
/// In [`arabic_block`]: punctuation (`،` `؛` `؟` `۔`), which ends a word
/// and is a gap of its own, as ASCII punctuation is.
pub(crate) const ARABIC_PUNCT: u16 = 2;

/// Where [`arabic_block`] keeps the two-byte character `b0 b1` (a lead
/// byte 0xD8..0xDB).
#[inline(always)]
pub(crate) fn block_index(b0: u8, b1: u8) -> usize {
    usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F)
}

/// The character U+0600..U+06FF at `at` of `bytes` (a lead byte
/// 0xD8..0xDB and its continuation), read from the two bytes alone.
#[inline]
pub(crate) fn block_char(bytes: &[u8], at: usize) -> Option<char> {
    match bytes.get(at..at + 2) {
        Some(&[b0 @ 0xD8..=0xDB, b1 @ 0x80..=0xBF]) => {
            char::from_u32(0x600 + block_index(b0, b1) as u32)
        }
        _ => None,
    }
}

/// What `table` (an [`arabic_block`]) says of the character at `at` of
/// `bytes`: 0 for one outside the block, as for one the fast path leaves.
#[inline]
pub(crate) fn block_unit(table: &[u16; 256], bytes: &[u8], at: usize) -> u16 {
    match bytes.get(at..at + 2) {
        Some(&[b0 @ 0xD8..=0xDB, b1]) => table[block_index(b0, b1)],
        _ => 0,
    }
}

/// For the fast path: the fold of each character U+0600..U+06FF (the
/// two-byte UTF-8 sequences starting 0xD8..0xDB) under `keep_mask` (see
/// `Config`), when it is a plain letter (an NFKC boundary, unchanged by NFKC,
/// not deleted by the fold) folding to another two-byte character;
/// [`ARABIC_MARK`] for a mark the fold deletes (the harakat) that composes
/// with nothing in the block, so that a letter and the marks after it are
/// the letter alone whatever NFKC does (it can only reorder such marks);
/// [`ARABIC_PUNCT`] for punctuation; 0 when the fast path must leave it to
/// the general one. The marks that compose (hamza above and below, madda:
/// `ا` + `ٔ` is `أ`) are left to it.
pub(crate) fn arabic_block(keep_mask: u8) -> &'static [u16; 256] {
    static TABLES: [OnceLock<[u16; 256]>; 4] = [
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
        OnceLock::new(),
    ];
    let k = usize::from(keep_mask & FOLD_DIACRITIC != 0)
        | usize::from(keep_mask & FOLD_ARABIC != 0) << 1;
    TABLES[k].get_or_init(|| {
        let mut t = [0u16; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let Some(c) = char::from_u32(0x600 + i as u32) else {
                continue;
            };
            let inf = info(c);
            let plain = inf.flags & (BOUNDARY | NFKC_YES) == BOUNDARY | NFKC_YES;
            let f = folded(c, keep_mask);
            if plain && inf.class == Class::Letter && f != '\0' && f.len_utf8() == 2 {
                *e = f as u16;
            } else if plain && inf.class == Class::Punct && f != '\0' {
                *e = ARABIC_PUNCT;
            }
        }
        // As `Folder::mark` decides: a mark the fold deletes is absorbed
        // into the letter before it when Arabic-script folds are on.
        let block = || (0x600..0x700).filter_map(char::from_u32);
        for c in block() {
            let inf = info(c);
            let deleted = inf.class == Class::Mark
                && inf.fold == '\0'
                && keep_mask & FOLD_ARABIC == 0
                && inf.flags & NFKC_YES != 0;
            let inert = || {
                block().all(|d| {
                    unicode_normalization::char::compose(d, c).is_none()
                        && unicode_normalization::char::compose(c, d).is_none()
                })
            };
            if deleted && decompose_len(c) == 1 && inert() {
                t[c as usize - 0x600] = ARABIC_MARK;
            }
        }
        t
    })
}

/// How many characters the compatibility decomposition of `c` has.
fn decompose_len(c: char) -> usize {
    let mut n = 0;
    decompose_compatible(c, |_| n += 1);
    n
}

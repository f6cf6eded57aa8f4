//! Arabic-script words and hashtags on the fast path.

use super::ends_piece;
use crate::normalize::emit::{Batch, Emitter};
use crate::normalize::tables::ARABIC_MARK;

/// What Arabic-script words need of the options, fetched once per run.
#[derive(Clone, Copy)]
pub(super) struct Arabic {
    /// `tables::arabic_block` for the options.
    pub table: &'static [u16; 256],
    pub collapse: bool,
}

/// Arabic-script letters (two-byte UTF-8, U+0600..U+06FF), each folded to
/// another two-byte letter and followed by any harakat: a word, or a
/// hashtag if `sigil`.
/// Words that follow, each after one space, are written too, as
/// `fast::run` would write them: Arabic-script text is mostly words of
/// five letters in a row, and a turn of that loop for each cost as much as
/// the word's letters.
pub(super) fn arabic_word(
    bytes: &[u8],
    mut pos: usize,
    sigil: Option<usize>,
    em: &mut Emitter<'_>,
    ar: &Arabic,
    batch: &mut Batch,
) -> usize {
    loop {
        let j = one_word(bytes, pos, sigil, em, ar, batch);
        if j == pos
            || sigil.is_some()
            || bytes.get(j) != Some(&b' ')
            || !matches!(bytes.get(j + 1), Some(0xD8..=0xDB))
            || !batch.joins_at(j)
        {
            return j;
        }
        // Where the next word cannot be written here, `fast::run` finds
        // the space taken and tries the word again.
        batch.take_space();
        pos = j + 1;
    }
}

/// One word of [`arabic_word`].
#[inline(always)]
fn one_word(
    bytes: &[u8],
    pos: usize,
    sigil: Option<usize>,
    em: &mut Emitter<'_>,
    ar: &Arabic,
    batch: &mut Batch,
) -> usize {
    let bail = sigil.unwrap_or(pos);
    let table = ar.table;
    // Which letters fold (bit `k % 64` for letter `k`). Two equal letters
    // in a row are rare: only then is the word looked at again, for one
    // letter repeated or a run of three.
    let (mut folds, mut k, mut pair, mut last) = (0u64, 0u32, false, 0u16);
    // Harakat after a letter: they belong to it, and the word is written
    // letter by letter.
    let mut marks = false;
    let mut rest = bytes.get(pos..).unwrap_or(&[]);
    while let [b0 @ 0xD8..=0xDB, b1, tail @ ..] = rest {
        let i = usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F);
        let f = table[i];
        if f <= ARABIC_MARK {
            if f == ARABIC_MARK && k > 0 {
                marks = true;
                rest = tail;
                continue;
            }
            return bail;
        }
        folds |= u64::from(usize::from(f) != 0x600 + i) << (k & 63);
        k = k.wrapping_add(1);
        pair |= f == last;
        last = f;
        rest = tail;
    }
    let folded = folds != 0 || marks;
    let j = bytes.len() - rest.len();
    if j == pos || !(bytes.get(j) == Some(&b' ') || ends_piece(bytes, j)) {
        return bail;
    }
    let n = k as usize;
    let (mut same, mut run3) = (n == 1, false);
    if pair {
        let mut letters = bytes[pos..j]
            .chunks_exact(2)
            .map(|u| table[usize::from(u[0] & 3) << 6 | usize::from(u[1] & 0x3F)])
            .filter(|&f| f != ARABIC_MARK);
        let first = letters.next().unwrap_or(0);
        let (mut a, mut b) = (first, 0);
        same = true;
        for l in letters {
            same &= l == first;
            run3 |= l == a && l == b;
            (b, a) = (a, l);
        }
    }
    if sigil.is_none() && same && (n == 1 || (ar.collapse && n >= 3)) {
        // One letter once collapsed: may be part of a spread-out word.
        return pos;
    }
    if !(marks || ar.collapse && run3) {
        // The commonest case: copied (and folded) with the batch.
        em.plain_arabic_raw(
            batch,
            table,
            pos as u32..j as u32,
            sigil.map(|s| s as u32),
            folds,
        );
        return j;
    }
    em.plain_arabic(
        batch,
        table,
        pos as u32..j as u32,
        sigil.map(|s| s as u32),
        folded,
        ar.collapse,
    );
    j
}

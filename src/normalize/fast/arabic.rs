//! Arabic-script words and hashtags on the fast path.

use super::ends_piece;
use crate::normalize::emit::{Batch, Emitter};
use crate::normalize::tables::{self, ARABIC_MARK, ARABIC_PUNCT};

/// What Arabic-script words need of the options, fetched once per run.
#[derive(Clone, Copy)]
pub(super) struct Arabic {
    /// `tables::arabic_block` for the options.
    pub table: &'static [u16; 256],
    pub collapse: bool,
    /// `Config::keep_mask`: how punctuation folds.
    pub keep_mask: u8,
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
    if sigil.is_none() {
        if let Some(end) = punct(bytes, pos, em, ar, batch) {
            return end;
        }
    }
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
    let (mut marks, mut stop) = (false, false);
    let mut rest = bytes.get(pos..).unwrap_or(&[]);
    while let [b0 @ 0xD8..=0xDB, b1, tail @ ..] = rest {
        let i = usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F);
        let f = table[i];
        if f <= ARABIC_PUNCT {
            if f == ARABIC_MARK && k > 0 {
                marks = true;
                rest = tail;
                continue;
            }
            if f == ARABIC_PUNCT {
                // Ends the word (`کیا۔`), and is read next as a gap.
                stop = true;
                break;
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
    if j == pos || !(stop || bytes.get(j) == Some(&b' ') || ends_piece(bytes, j)) {
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

/// Arabic-script punctuation at `pos` (`،` `؛` `؟` `۔`), written to the gap
/// as its fold (`۔` is a full stop), when what follows starts a piece of
/// its own: whitespace, the end, or an Arabic-script letter or punctuation.
/// `None` for anything else, which the general path reads with it.
fn punct(
    bytes: &[u8],
    pos: usize,
    em: &mut Emitter<'_>,
    ar: &Arabic,
    batch: &mut Batch,
) -> Option<usize> {
    let unit = |at: usize| match bytes.get(at..at + 2)? {
        &[b0 @ 0xD8..=0xDB, b1] => {
            Some(ar.table[usize::from(b0 & 3) << 6 | usize::from(b1 & 0x3F)])
        }
        _ => None,
    };
    if unit(pos)? != ARABIC_PUNCT {
        return None;
    }
    let next = match bytes.get(pos + 2) {
        None | Some(b' ' | b'\t' | b'\n' | b'\r') => true,
        Some(_) => unit(pos + 2).is_some_and(|f| f > ARABIC_MARK),
    };
    if !next {
        return None;
    }
    let c = std::str::from_utf8(&bytes[pos..pos + 2])
        .ok()?
        .chars()
        .next()?;
    em.batch_end(batch);
    em.punct_plain(tables::folded(c, ar.keep_mask));
    Some(pos + 2)
}

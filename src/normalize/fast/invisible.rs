//! Words of ASCII letters with invisible characters between them
//! (`T\u{200b}a\u{200c}liban`) on the fast path: the classic way past a
//! keyword filter, and the general path took five times as long for them
//! as for the word without.

use super::letters::{self, Letters};
use crate::normalize::emit::{Batch, Emitter};
use crate::normalize::tables::{self, Class};

/// True if the character at `j` is one [`invisible_word`] reads.
#[inline]
pub(super) fn at(text: &str, j: usize) -> bool {
    // Mostly ASCII punctuation follows a word: no decoding for that.
    len(text.as_bytes(), j) != 0
}

/// Length in bytes of the character at `j` of `bytes` (UTF-8, `j` on a
/// character boundary) if it is one the normalizer removes without a
/// trace (zero-width, joiners, bidi controls, BOM...) and an NFKC boundary
/// it leaves alone, so that removing it is all the general path would do;
/// 0 otherwise.
#[inline]
pub(super) fn len(bytes: &[u8], j: usize) -> usize {
    let n = match bytes.get(j) {
        Some(0xC0..=0xDF) => 2,
        Some(0xE0..=0xEF) => 3,
        Some(0xF0..) => 4,
        _ => return 0,
    };
    let Some(c) = bytes
        .get(j..j + n)
        .and_then(|b| std::str::from_utf8(b).ok())
        .and_then(|s| s.chars().next())
    else {
        return 0;
    };
    let inf = tables::info(c);
    let need = tables::BOUNDARY | tables::NFKC_YES;
    if inf.class == Class::Invisible && inf.flags & need == need {
        n
    } else {
        0
    }
}

/// From `pos`, where the ASCII letters `first` start: a word of ASCII
/// letters with invisible characters between them and after them, in
/// lower, upper or title case, with no repeats to collapse (when
/// `collapse`), then a space or the end of the text. Writes it and returns
/// where it ends, or returns `pos` for the general path to take (anything
/// else: a digit, a mark, camel case...).
pub(super) fn invisible_word(
    text: &str,
    pos: usize,
    first: Letters,
    collapse: bool,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
) -> usize {
    let bytes = text.as_bytes();
    let (mut j, mut upper, mut n) = (first.end, first.upper, (first.end - pos) as u32);
    let mut repeats = first.runs != n;
    let (mut inner, mut k) = (false, j);
    loop {
        while let w @ 1.. = len(bytes, k) {
            k += w;
        }
        if k == j || !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
        let l = letters::scan(bytes, k);
        let m = (l.end - k) as u32;
        // The invisible characters go, so letters meet across them.
        repeats |= l.runs != m || bytes[j - 1] | 0x20 == bytes[k] | 0x20;
        upper += l.upper;
        n += m;
        (inner, j, k) = (true, l.end, l.end);
    }
    let simple = upper == 0 || upper == n || (upper == 1 && bytes[pos].is_ascii_uppercase());
    let ends = matches!(bytes.get(k), Some(b' ') | None);
    if n < 2 || !simple || !ends || (collapse && repeats) {
        return pos;
    }
    em.plain_word_invisible(batch, pos as u32..j as u32, n, upper, inner);
    if k > j && k < bytes.len() {
        // As the general path has it: the gap after the word holds an
        // invisible character. (Only letters spread out look at that, and
        // only between two of them, which a word never is.)
        em.gap_invisible();
    }
    k
}

/// From `pos`, where an invisible character ([`at`]) is: invisible
/// characters, then a word [`invisible_word`] writes (the characters
/// before it go without a trace). Returns where the word ends, or `pos`.
pub(super) fn leading(
    text: &str,
    pos: usize,
    collapse: bool,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
) -> usize {
    let bytes = text.as_bytes();
    let mut k = pos;
    while let w @ 1.. = len(bytes, k) {
        k += w;
    }
    if !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
        return pos;
    }
    let l = letters::scan(bytes, k);
    match invisible_word(text, k, l, collapse, em, batch) {
        end if end == k => pos,
        end => end,
    }
}

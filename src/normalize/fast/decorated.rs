//! ASCII words decorated with what the normalizer removes: invisible
//! characters in and around them (`T\u{200b}a\u{200c}liban`, the classic
//! way past a keyword filter) and combining marks on their letters
//! (`T\u{334}a\u{35c}liban`, Zalgo). The general path took five times as
//! long for them as for the words without.

use super::arabic::{self, Arabic};
use super::letters::{self, Letters};
use crate::normalize::emit::{Batch, Emitter};
use crate::normalize::tables::{self, Class};
use crate::normalize::token::Disguises;
use crate::normalize::Config;

/// True if the character at `j` is an invisible one [`word`] reads, or,
/// with `strip` (diacritics stripped), a mark it reads on a letter.
#[inline]
pub(super) fn at(text: &str, j: usize, strip: bool) -> bool {
    // Mostly ASCII punctuation follows a word: no decoding for that.
    match decoration(text.as_bytes(), j) {
        Some((_, Kind::Invisible)) => true,
        Some((_, Kind::Mark)) => strip,
        None => false,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Invisible,
    Mark,
}

/// The length in bytes of the character at `j` of `bytes` (UTF-8, `j` on
/// a character boundary) and its kind, if it is a decoration:
///
/// * invisible: one the normalizer removes without a trace (zero-width,
///   joiners, bidi controls, BOM...) and an NFKC boundary it leaves alone,
///   so that removing it is all the general path does;
/// * mark: a combining mark with no compatibility form, not deleted by
///   the Arabic-script folds, that starts no NFKC segment or is one NFKC
///   leaves alone (an enclosing mark, `◌҉`): after an ASCII letter, with
///   diacritics stripped, the general path strips it from the letter (see
///   `Folder::stripped_anyway`), whatever NFKC does to the marks.
#[inline]
fn decoration(bytes: &[u8], j: usize) -> Option<(usize, Kind)> {
    let n = match bytes.get(j)? {
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        0xF0.. => 4,
        _ => return None,
    };
    // `bytes` is UTF-8 (a `str`'s): the code point from its bits alone.
    let b = bytes.get(j..j + n)?;
    let cp = b[1..].iter().fold(u32::from(b[0]) & (0x7F >> n), |cp, &x| {
        cp << 6 | u32::from(x & 0x3F)
    });
    let c = char::from_u32(cp)?;
    let inf = tables::info(c);
    let need = tables::BOUNDARY | tables::NFKC_YES;
    match inf.class {
        Class::Invisible if inf.flags & need == need => Some((n, Kind::Invisible)),
        Class::Mark
            if inf.flags & tables::COMPAT == 0
                && inf.fold != '\0'
                && (inf.flags & tables::BOUNDARY == 0 || inf.flags & tables::NFKC_YES != 0) =>
        {
            Some((n, Kind::Mark))
        }
        _ => None,
    }
}

/// Length in bytes of the invisible character at `j` (see [`decoration`]),
/// 0 if there is none.
#[inline]
pub(super) fn invisible_len(bytes: &[u8], j: usize) -> usize {
    match decoration(bytes, j) {
        Some((n, Kind::Invisible)) => n,
        _ => 0,
    }
}

/// From `pos`, where the ASCII letters `first` start: a word of ASCII
/// letters with invisible characters between them and after them, and
/// (with `strip`) combining marks on them, in lower, upper or title case,
/// with no repeats to collapse (when `collapse`), then a space or the end
/// of the text, or an Arabic-script word glued on that ends the piece
/// (`\u{202e}ISIS\u{202c}\u{2067}داعش\u{2069}`: bidi controls around each
/// script; see `arabic::glued_word`). Writes it and
/// returns where it ends, or returns `pos` for the general path to take
/// (anything else: a digit, a mark after an invisible character, camel
/// case...).
pub(super) fn word(
    bytes: &[u8],
    pos: usize,
    first: Letters,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
    cfg: &Config,
) -> usize {
    let (collapse, strip) = (cfg.collapse_repeats, cfg.strip_diacritics);
    let (mut j, mut upper, mut n) = (first.end, first.upper, (first.end - pos) as u32);
    let mut repeats = first.runs != n;
    let (mut d, mut k) = (Disguises::NONE, j);
    loop {
        // What decorates the letters before `k`; a mark only on a letter
        // or a mark.
        let mut on_letter = true;
        while let Some((w, kind)) = decoration(bytes, k) {
            match kind {
                Kind::Invisible => on_letter = false,
                Kind::Mark if strip && on_letter => d |= Disguises::DIACRITIC,
                Kind::Mark => return pos,
            }
            k += w;
        }
        if !bytes.get(k).is_some_and(u8::is_ascii_alphabetic) {
            break;
        }
        let l = letters::scan(bytes, k);
        let m = (l.end - k) as u32;
        // What was between them goes, so letters meet across it.
        repeats |= l.runs != m || bytes[j - 1] | 0x20 == bytes[k] | 0x20;
        if !on_letter {
            d |= Disguises::INVISIBLE;
        }
        upper += l.upper;
        n += m;
        (j, k) = (l.end, l.end);
    }
    let simple = upper == 0 || upper == n || (upper == 1 && bytes[pos].is_ascii_uppercase());
    let glued = matches!(bytes.get(k), Some(0xD8..=0xDB));
    let ends = glued || matches!(bytes.get(k), Some(b' ') | None);
    if n < 2 || !simple || !ends || (collapse && repeats) {
        return pos;
    }
    // The word ends with its last letter's marks; invisible characters
    // after them are in the gap.
    let mut end = j;
    while let Some((w, Kind::Mark)) = decoration(bytes, end) {
        end += w;
    }
    let src = pos as u32..end as u32;
    // Letters only (what decorates them is around them): written as a
    // plain word, copied with the batch.
    let letters_only = end - pos == n as usize;
    let first_upper = bytes[pos].is_ascii_uppercase();
    let write = |em: &mut Emitter<'_>, batch: &mut Batch| {
        if letters_only {
            em.plain_word(batch, src.start, n, upper, first_upper);
        } else {
            em.plain_word_decorated(batch, src, n, upper, d);
        }
    };
    if glued {
        let ar = Arabic::new(cfg);
        return arabic::glued_word(bytes, k, k > end, em, &ar, batch, write).unwrap_or(pos);
    }
    write(em, batch);
    if k > end && k < bytes.len() {
        // As the general path has it: the gap after the word holds an
        // invisible character. (Only letters spread out look at that, and
        // only between two of them, which a word never is.)
        em.gap_invisible();
    }
    k
}

/// From `pos`, where an invisible character is: invisible characters, then
/// a word [`word`] writes, or an Arabic-script word (the characters before
/// it go without a trace). Returns where the word ends, or `pos`.
pub(super) fn leading(
    text: &str,
    pos: usize,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
    cfg: &Config,
) -> usize {
    let bytes = text.as_bytes();
    let mut k = pos;
    while let w @ 1.. = invisible_len(bytes, k) {
        k += w;
    }
    if k == pos {
        return pos;
    }
    let end = match bytes.get(k) {
        Some(b) if b.is_ascii_alphabetic() => {
            let l = letters::scan(bytes, k);
            word(bytes, k, l, em, batch, cfg)
        }
        Some(0xD8..=0xDB) => arabic::arabic_word(bytes, k, None, em, &Arabic::new(cfg), batch),
        _ => k,
    };
    if end == k {
        pos
    } else {
        end
    }
}

//! Arabic-script words and hashtags on the fast path.

use super::{decorated, ends_piece, is_space};
use crate::normalize::emit::{arabic_letters, Batch, Emitter, Single};
use crate::normalize::fold::{flag, FChar};
use crate::normalize::tables::{
    self, block_char, block_index, block_unit, ARABIC_MARK, ARABIC_PUNCT,
};
use crate::normalize::token::{Disguises, TokenKind};
use crate::normalize::word;
use crate::normalize::Config;

/// What Arabic-script words need, fetched once per run.
#[derive(Clone, Copy)]
pub(super) struct Arabic<'c> {
    /// `tables::arabic_block` for the options.
    pub table: &'static [u16; 256],
    pub cfg: &'c Config,
    /// `cfg.collapse_repeats`, which every word reads: loaded through
    /// `cfg` it cost the scan bench's corpus 0.6% more instructions.
    pub collapse: bool,
}

impl<'c> Arabic<'c> {
    pub(super) fn new(cfg: &'c Config) -> Arabic<'c> {
        Arabic {
            table: tables::arabic_block(cfg.keep_mask),
            cfg,
            collapse: cfg.collapse_repeats,
        }
    }
}

/// A word of one letter (`و`, Persian's 'and'), with any harakat, from
/// `pos` to `end`: held back, as the general path holds it, for it may be
/// part of a spread-out word.
#[cold]
fn single(
    bytes: &[u8],
    pos: usize,
    end: usize,
    em: &mut Emitter<'_>,
    ar: &Arabic<'_>,
    batch: &mut Batch,
) {
    let Some(c) = block_char(bytes, pos) else {
        return;
    };
    let inf = tables::info(c);
    let mut f = FChar::folded(
        &inf,
        pos as u32,
        end as u32,
        flag::script(inf.script),
        ar.cfg,
    );
    if end > pos + 2 {
        // As `Folder::mark` leaves the harakat it removes.
        f.flags |= flag::ARABIC;
    }
    em.batch_end(batch);
    em.single(Single::new(&[f], f.c, f.script()));
}

/// Arabic-script letters (two-byte UTF-8, U+0600..U+06FF), each folded to
/// another two-byte letter, with any harakat and invisible characters
/// (see [`decorated_word`]): a word, or a hashtag if `sigil`; or else
/// Arabic-script punctuation (see [`punct`]). Words that follow, each
/// after one space, are written too, as `fast::run` would write them:
/// Arabic-script text is mostly words of five letters in a row, and a turn
/// of that loop for each cost as much as the word's letters.
pub(super) fn arabic_word(
    bytes: &[u8],
    mut pos: usize,
    sigil: Option<usize>,
    em: &mut Emitter<'_>,
    ar: &Arabic<'_>,
    batch: &mut Batch,
) -> usize {
    let start = pos;
    loop {
        let j = one_word(bytes, pos, sigil, em, ar, batch);
        if j == start && sigil.is_none() {
            // Not a word: maybe punctuation.
            return punct(bytes, pos, em, ar, batch).unwrap_or(j);
        }
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
    ar: &Arabic<'_>,
    batch: &mut Batch,
) -> usize {
    let bail = sigil.unwrap_or(pos);
    let table = ar.table;
    // Which letters fold (bit `k % 64` for letter `k`). Two equal letters
    // in a row are rare: only then is the word looked at again, for one
    // letter repeated or a run of three.
    let (mut folds, mut k, mut pair, mut last) = (0u64, 0u32, false, 0u16);
    // Letters only: anything else in the block ends the loop, and is
    // looked at once after it (kept in the loop, the harakat cost every
    // word 2%).
    let mut rest = bytes.get(pos..).unwrap_or(&[]);
    while let [b0 @ 0xD8..=0xDB, b1, tail @ ..] = rest {
        let i = block_index(*b0, *b1);
        let f = table[i];
        if f <= ARABIC_PUNCT {
            break;
        }
        folds |= fold_bit(f, i, k);
        k = k.wrapping_add(1);
        pair |= f == last;
        last = f;
        rest = tail;
    }
    let j = bytes.len() - rest.len();
    // Punctuation ends the word (`کیا۔`) and is read next as a gap;
    // harakat or the Arabic letter mark (invisible) are read by another
    // function.
    // (Before any letter, `decorated_word` would give up on them too.)
    if j == pos {
        return bail;
    }
    // Read from `rest` (no bounds check): `block_unit` here cost 0.2%.
    let punct =
        matches!(rest, [b0 @ 0xD8..=0xDB, b1, ..] if table[block_index(*b0, *b1)] == ARABIC_PUNCT);
    if !(punct || bytes.get(j) == Some(&b' ') || ends_piece(bytes, j)) {
        return decorated_word(bytes, pos, sigil, em, ar, batch);
    }
    let n = k as usize;
    let (same, run3) = if pair {
        repeats(&bytes[pos..j], table)
    } else {
        (n == 1, false)
    };
    if sigil.is_none() && same && (n == 1 || (ar.collapse && n >= 3)) {
        if n == 1 {
            single(bytes, pos, j, em, ar, batch);
            return j;
        }
        // One letter once collapsed: may be part of a spread-out word.
        return pos;
    }
    if !(ar.collapse && run3) {
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
    let d = if folds != 0 {
        Disguises::ARABIC_VARIANT
    } else {
        Disguises::NONE
    };
    let src = pos as u32..j as u32;
    em.plain_arabic(
        batch,
        table,
        src,
        sigil.map(|s| s as u32),
        d,
        ar.collapse,
        false,
    );
    j
}

/// Bit `k % 64` set if letter `k` of a word, U+0600 + `i`, is not its own
/// fold `f`: what `Emitter::plain_arabic_raw` reads to know which letters
/// to write folded.
#[inline(always)]
fn fold_bit(f: u16, i: usize, k: u32) -> u64 {
    u64::from(usize::from(f) != 0x600 + i) << (k & 63)
}

/// Whether the two-byte letters of `word` (folded by `table`) are all one
/// letter, and whether three equal letters follow each other (a run that
/// collapses). Each question stops at its answer: words with a letter
/// twice are common (`الله`). Inlined: in `one_word`'s frame it costs
/// nothing on the common way.
#[inline(always)]
fn repeats(word: &[u8], table: &[u16; 256]) -> (bool, bool) {
    let letter = |k: usize| table[block_index(word[2 * k], word[2 * k + 1])];
    let n = word.len() / 2;
    let first = letter(0);
    let same = (1..n).all(|k| letter(k) == first);
    let run3 = (2..n).any(|k| letter(k) == letter(k - 1) && letter(k) == letter(k - 2));
    (same, run3)
}

/// What [`read`] found of an Arabic-script word.
struct Read {
    /// Where its letters (and their harakat) end.
    j: usize,
    /// Where the invisible characters after them end.
    end: usize,
    /// Letters: more than one, all the same letter.
    same: bool,
    /// The disguises of its letters: folded, invisible characters between.
    d: Disguises,
    letters: u32,
}

/// Reads an Arabic-script word at `pos`: two-byte letters, harakat after
/// them, invisible characters between them or after them, then what ends
/// a piece. `None` if no letter is there or the piece goes on.
fn read(bytes: &[u8], pos: usize, ar: &Arabic<'_>) -> Option<Read> {
    let unit = |o: usize| block_unit(ar.table, bytes, o);
    let (mut o, mut n, mut folded, mut inner) = (pos, 0, false, false);
    // Where the letters end, and after them any invisible characters.
    let (j, end) = loop {
        let f = unit(o);
        if f > ARABIC_PUNCT {
            folded |= usize::from(f) != 0x600 + block_index(bytes[o], bytes[o + 1]);
            (o, n) = (o + 2, n + 1);
            while unit(o) == ARABIC_MARK {
                (o, folded) = (o + 2, true);
            }
            continue;
        }
        let mut q = o;
        while let w @ 1.. = decorated::invisible_len(bytes, q) {
            q += w;
        }
        if q > o && n > 0 && unit(q) > ARABIC_PUNCT {
            // Between two letters: they go, and are a disguise.
            (o, inner) = (q, true);
            continue;
        }
        break (o, q);
    };
    let ends = if end > j {
        matches!(bytes.get(end), Some(b' ') | None)
    } else {
        unit(j) == ARABIC_PUNCT || bytes.get(j) == Some(&b' ') || ends_piece(bytes, j)
    };
    if n == 0 || !ends {
        return None;
    }
    let mut letters = arabic_letters(&bytes[pos..j], ar.table).map(|(f, ..)| f);
    let first = letters.next();
    let same = letters.all(|f| Some(f) == first);
    let mut d = Disguises::NONE;
    if folded {
        d |= Disguises::ARABIC_VARIANT;
    }
    if inner {
        d |= Disguises::INVISIBLE;
    }
    Some(Read {
        j,
        end,
        same,
        d,
        letters: n,
    })
}

/// [`one_word`] for a word with more than letters: harakat after them
/// (`اَلدَّوْلَة`), invisible characters between them (a Persian word's
/// ZWNJ, `می‌شود`) or after them, then what ends a piece. Read again,
/// letter by letter, out of the common loop; returns where the word ends,
/// or where the general path must start.
#[cold]
#[inline(never)]
fn decorated_word(
    bytes: &[u8],
    pos: usize,
    sigil: Option<usize>,
    em: &mut Emitter<'_>,
    ar: &Arabic<'_>,
    batch: &mut Batch,
) -> usize {
    let Some(r) = read(bytes, pos, ar) else {
        return sigil.unwrap_or(pos);
    };
    let n = r.letters;
    if sigil.is_none() && r.same && (n == 1 || (ar.collapse && n >= 3)) {
        if n == 1 && r.end == r.j {
            single(bytes, pos, r.j, em, ar, batch);
            return r.j;
        }
        return pos;
    }
    write(bytes, pos, sigil, r, em, ar, batch, false)
}

/// Writes the word [`read`] found at `pos` (glued to the last token if
/// `glued`), and returns where it ends.
#[allow(clippy::too_many_arguments)]
fn write(
    bytes: &[u8],
    pos: usize,
    sigil: Option<usize>,
    r: Read,
    em: &mut Emitter<'_>,
    ar: &Arabic<'_>,
    batch: &mut Batch,
    glued: bool,
) -> usize {
    let src32 = pos as u32..r.j as u32;
    let word = bytes.get(pos..r.j).unwrap_or(&[]);
    let sigil = sigil.map(|s| s as u32);
    if word.len() == 2 * r.letters as usize && !(ar.collapse && repeats(word, ar.table).1) {
        // Letters only (invisible characters after them): copied with the
        // batch, as `one_word` copies a plain word.
        let folds = word.chunks_exact(2).zip(0..).fold(0u64, |m, (l, k)| {
            let i = block_index(l[0], l[1]);
            m | fold_bit(ar.table[i], i, k)
        });
        em.plain_arabic_raw_cold(batch, ar.table, src32, sigil, folds, glued, r.d);
    } else {
        em.plain_arabic(batch, ar.table, src32, sigil, r.d, ar.collapse, glued);
    }
    if r.end > r.j && r.end < bytes.len() {
        // As the general path has it (see `decorated::word`).
        em.gap_invisible();
    }
    r.end
}

/// An Arabic-script word at `pos` glued to the ASCII word before it
/// (`ISISداعش`, `ISIS\u{202c}\u{2067}داعش`: `between`, the invisible
/// characters that part them, are a disguise of the Arabic token), which
/// ends the piece: `write` is called first (it writes the ASCII word),
/// then the Arabic word is written as a token glued to it. Returns where
/// it ends, or `None` (nothing written) for the general path: a word of
/// one letter repeated, which may be read as spread-out letters.
pub(super) fn glued_word(
    bytes: &[u8],
    pos: usize,
    between: bool,
    em: &mut Emitter<'_>,
    ar: &Arabic<'_>,
    batch: &mut Batch,
    write_first: impl FnOnce(&mut Emitter<'_>, &mut Batch),
) -> Option<usize> {
    let mut r = read(bytes, pos, ar)?;
    if r.same {
        return None;
    }
    if between {
        r.d |= Disguises::INVISIBLE;
    }
    write_first(em, batch);
    Some(write(bytes, pos, None, r, em, ar, batch, true))
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
    if block_unit(ar.table, bytes, pos) != ARABIC_PUNCT {
        return None;
    }
    let next = is_space(bytes.get(pos + 2)) || block_unit(ar.table, bytes, pos + 2) > ARABIC_MARK;
    if !next {
        return None;
    }
    let c = block_char(bytes, pos)?;
    em.batch_end(batch);
    em.punct_plain(tables::folded(c, ar.cfg.keep_mask));
    Some(pos + 2)
}

/// True if an Arabic-Indic or Persian digit (`٢`, `۲`: U+0660..U+0669,
/// U+06F0..U+06F9) is at `j`.
#[inline]
pub(super) fn arabic_digit(bytes: &[u8], j: usize) -> bool {
    matches!(
        (bytes.get(j), bytes.get(j + 1)),
        (Some(0xD9), Some(0xA0..=0xA9)) | (Some(0xDB), Some(0xB0..=0xB9))
    )
}

/// A number in Arabic-Indic or Persian digits at `pos` (`۱۴۰۳`, `٢٠٢٦`)
/// standing on its own, followed by whitespace or by `.` `,` `!` `?` `)`
/// and whitespace: the general word analysis, fed directly, writes it
/// (each digit folds to its ASCII digit, two bytes to one). Returns where
/// it ended, or `pos` for anything else (digits in a word, number
/// punctuation between digits, `٢٠٢٦.com`): the general path.
#[cold]
pub(super) fn arabic_number(
    text: &str,
    pos: usize,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut super::FastScratch<'_>,
    batch: &mut Batch,
) -> usize {
    let bytes = text.as_bytes();
    let mut j = pos;
    while arabic_digit(bytes, j) {
        j += 2;
    }
    let ends = match bytes.get(j) {
        Some(b'.' | b',' | b'!' | b'?' | b')') => is_space(bytes.get(j + 1)),
        b => is_space(b),
    };
    if j == pos || !ends {
        return pos;
    }
    em.batch_end(batch);
    sc.fchars.clear();
    for (at, c) in text[pos..j].char_indices() {
        let inf = tables::info(c);
        let src = (pos + at) as u32;
        let f = FChar::folded(&inf, src, src + 2, flag::script(inf.script), cfg);
        sc.fchars.push(f);
    }
    word::emit(sc.fchars, TokenKind::Word, None, em, cfg, sc.spans);
    j
}

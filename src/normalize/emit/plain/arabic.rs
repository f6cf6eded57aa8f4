//! The fast path's writers for Arabic-script words and hashtags.

use super::Batch;
use crate::normalize::emit::Emitter;
use crate::normalize::tables::{block_index, block_unit, ARABIC_MARK, ARABIC_PUNCT};
use crate::normalize::token::{Case, Disguises, Script, Sep, TokenKind};
use std::ops::Range;

impl Emitter<'_> {
    /// Writes a plain Arabic-script word or hashtag with no run of three
    /// letters to collapse, in the batch. Bit `k % 64` of `folds` is set if
    /// letter `k` is not its own fold by `table` (`tables::arabic_block`);
    /// past 64 letters, each is looked at again.
    #[inline(always)]
    pub fn plain_arabic_raw(
        &mut self,
        b: &mut Batch,
        table: &[u16; 256],
        src: Range<u32>,
        sigil: Option<u32>,
        folds: u64,
    ) {
        let first = sigil.unwrap_or(src.start);
        let Some(sep) = self.batch_piece(b, first, (src.end - src.start) as usize) else {
            return;
        };
        self.raw_letters(b, table, src, sigil, folds, (sep, Disguises::NONE));
    }

    /// [`Emitter::plain_arabic_raw`] for a word off the common path (see
    /// `fast::arabic::write`): `glued` to the last token (see
    /// `Emitter::batch_glued`), with `extra` disguises found around its
    /// letters.
    #[allow(clippy::too_many_arguments)]
    #[inline(never)]
    pub fn plain_arabic_raw_cold(
        &mut self,
        b: &mut Batch,
        table: &[u16; 256],
        src: Range<u32>,
        sigil: Option<u32>,
        folds: u64,
        glued: bool,
        extra: Disguises,
    ) {
        let first = sigil.unwrap_or(src.start);
        let len = (src.end - src.start) as usize;
        let sep = if glued {
            self.batch_glued(b, first, len)
        } else {
            self.batch_piece(b, first, len)
        };
        if let Some(sep) = sep {
            self.raw_letters(b, table, src, sigil, folds, (sep, extra));
        }
    }

    /// The letters of [`Emitter::plain_arabic_raw`] once the piece has
    /// started (`sep`), and its token (with `extra` disguises).
    #[inline(always)]
    fn raw_letters(
        &mut self,
        b: &mut Batch,
        table: &[u16; 256],
        src: Range<u32>,
        sigil: Option<u32>,
        folds: u64,
        (sep, extra): (Sep, Disguises),
    ) {
        let start = self.text.len() as u32 + (src.start - b.from);
        b.to = src.end;
        let folded = folds != 0;
        if folded {
            // The folded letters are written now, what is before each
            // copied: they keep their length, so the alignment stays linear
            // and waits for the batch's end.
            if src.end - src.start <= 128 {
                let mut m = folds;
                while m != 0 {
                    let k = m.trailing_zeros();
                    m &= m - 1;
                    self.fold_letter(b, table, src.start + 2 * k);
                }
            } else {
                for at in (src.start..src.end).step_by(2) {
                    self.fold_letter(b, table, at);
                }
            }
        }
        let kind = if sigil.is_some() {
            TokenKind::Hashtag
        } else {
            TokenKind::Word
        };
        let d = if folded {
            Disguises::ARABIC_VARIANT | extra
        } else {
            extra
        };
        let t = start + (src.end - src.start);
        self.push_token(start, t, kind, sep, Case::Uncased, d, Script::Arabic);
        self.prev_end = src.end;
    }

    /// Writes the Arabic-script letter at original offset `at` (in the
    /// batch) folded by `table` if it is not its own fold: what the batch
    /// holds before it is copied first.
    #[inline]
    fn fold_letter(&mut self, b: &mut Batch, table: &[u16; 256], at: u32) {
        let Some(&[b0, b1]) = self.src.get(at as usize..at as usize + 2) else {
            return;
        };
        let i = block_index(b0, b1);
        let f = table[i];
        if usize::from(f) != 0x600 + i {
            self.batch_copy(b, at);
            self.text.push(char::from_u32(u32::from(f)).unwrap_or('\0'));
            b.from = at + 2;
        }
    }

    /// Writes a plain Arabic-script word or hashtag (the fast path) that
    /// cannot be copied with the batch: three equal letters follow each
    /// other and collapse, harakat follow letters, or invisible characters
    /// stand between them. The two-byte letters at `src`, folded by
    /// `table` (`tables::arabic_block`), each mapped to itself and its
    /// harakat; `d`, the disguises found; runs of three collapse if
    /// `collapse`. `glued`: a token glued to the last one, what lies
    /// between them dropped (see `Emitter::batch_glued`).
    #[allow(clippy::too_many_arguments)]
    pub fn plain_arabic(
        &mut self,
        b: &mut Batch,
        table: &[u16; 256],
        src: Range<u32>,
        sigil: Option<u32>,
        mut d: Disguises,
        collapse: bool,
        glued: bool,
    ) {
        let word = self
            .src
            .get(src.start as usize..src.end as usize)
            .unwrap_or(&[]);
        let first = sigil.unwrap_or(src.start);
        let sep = if glued {
            self.batch_glued(b, first, word.len())
        } else {
            self.batch_piece(b, first, word.len())
        };
        let Some(sep) = sep else {
            return;
        };
        let (src, end) = (src.start, src.end);
        self.batch_flush(b, src);
        let start = self.text.len() as u32;
        let at = |o: usize| src + o as u32;
        let mut letters = arabic_letters(word, table).peekable();
        while let Some((f, s, e)) = letters.next() {
            // A run of one letter (a letter alone without `collapse`): each
            // mapped to its own original with its harakat, or, three or
            // more, written once for them all.
            let c = char::from_u32(u32::from(f)).unwrap_or('\0');
            let (mut last, mut n, mut second) = (e, 1, (0, 0));
            while let Some(&(_, s2, e2)) = letters.peek().filter(|l| collapse && l.0 == f) {
                letters.next();
                if n == 1 {
                    second = (s2, e2);
                }
                (last, n) = (e2, n + 1);
            }
            self.text.push(c);
            if n >= 3 {
                self.align.map(2, at(s), at(last));
                d |= Disguises::REPEAT;
            } else {
                self.align.map(2, at(s), at(e));
                if n == 2 {
                    self.text.push(c);
                    self.align.map(2, at(second.0), at(second.1));
                }
            }
        }
        b.skip_to(end);
        let kind = if sigil.is_some() {
            TokenKind::Hashtag
        } else {
            TokenKind::Word
        };
        let t = self.text.len() as u32 + (b.to - b.from);
        self.push_token(start, t, kind, sep, Case::Uncased, d, Script::Arabic);
        self.prev_end = end;
    }
}

/// The letters of an Arabic-script word the fast path took (from its first
/// letter to the end of its last, two-byte letters folded by `table`, with
/// harakat and invisible characters among them): each letter's fold, and
/// where it starts and ends in `word`, its harakat included (an invisible
/// character belongs to no letter).
pub(crate) fn arabic_letters<'w>(
    word: &'w [u8],
    table: &'w [u16; 256],
) -> impl Iterator<Item = (u16, usize, usize)> + 'w {
    let unit = move |o: usize| block_unit(table, word, o);
    let mut o = 0;
    std::iter::from_fn(move || {
        // Anything but a letter here is an invisible character.
        while o < word.len() && unit(o) <= ARABIC_PUNCT {
            o += match word[o] {
                0..=0x7F => 1,
                0x80..=0xDF => 2,
                0xE0..=0xEF => 3,
                _ => 4,
            };
        }
        let s = o;
        let f = unit(s);
        if f <= ARABIC_PUNCT {
            return None;
        }
        o += 2;
        while unit(o) == ARABIC_MARK {
            o += 2;
        }
        Some((f, s, o))
    })
}

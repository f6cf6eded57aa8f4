//! The fast path's writers: whole plain pieces in one go.
//!
//! Plain pieces separated by single spaces are written as one stretch
//! ([`Batch`]): where the canonical text is the input lowercased (plain
//! words, numbers, URLs, hashtags, Arabic-script words), the input is
//! copied in one go when the stretch ends, with one alignment segment,
//! instead of piece by piece; only the tokens are recorded one by one.
//! Arabic-script letters that fold (to letters of the same length) are
//! written on their own, what precedes each copied, and the stretch's
//! alignment still waits for its end. The result is the one writing piece
//! by piece would give: the space between two pieces maps linearly to the
//! original space, the pieces linearly to themselves, so their segments
//! would merge anyway. A collapsed repeat (`attack`) needs segments of its
//! own: the stretch is aligned up to it, and goes on after it.

use super::{CaseAcc, Emitter, LIMIT};
use crate::normalize::tables::{self, Class};
use crate::normalize::token::{Case, Disguises, Script, Sep, Token, TokenKind};
use std::ops::Range;

mod arabic;
pub(crate) use arabic::arabic_letters;

/// An ASCII piece for [`Emitter::plain_ascii`]: a word (of letters), number,
/// URL, `#hashtag` or `@handle`.
pub(crate) struct AsciiPiece<'w> {
    /// Original offset and length of the piece (after the sigil).
    pub src: u32,
    pub len: u32,
    pub kind: TokenKind,
    /// Original offset of the `#` or `@`.
    pub sigil: Option<u32>,
    pub upper: u32,
    pub lower: u32,
    pub first_upper: bool,
    /// Two equal letters (ignoring case) meet and collapse: a word or
    /// hashtag, with `collapse_repeats` on.
    pub doubled: bool,
    /// Where camel-case tokens after the first start (offsets in the
    /// piece); empty for one token. Only a piece of letters has splits.
    pub splits: &'w [u32],
}

/// A stretch of plain pieces, each after one space, not yet copied.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Batch {
    open: bool,
    /// The canonical text written since original offset `mapped` (folded
    /// Arabic-script words, see `Emitter::plain_arabic_raw`) has the length
    /// of the input from `mapped` to `from`, to which it maps linearly: the
    /// alignment is recorded when the batch is flushed.
    mapped: u32,
    /// The input from `from` to `to` is still to be written at the end of
    /// the canonical text, lowercased.
    from: u32,
    to: u32,
    /// It may have capitals: lowercase it when writing.
    upper: bool,
    /// The space at `to` was read: it joins the next piece, or goes to the
    /// gap if that cannot join.
    space: bool,
}

impl Batch {
    /// True if the space at `p` may join the next piece to the stretch.
    #[inline]
    pub fn joins_at(&self, p: usize) -> bool {
        self.open && !self.space && self.to as usize == p
    }

    /// Reads the space at `to` (see [`Batch::joins_at`]).
    #[inline]
    pub fn take_space(&mut self) {
        self.space = true;
    }

    /// Empties the batch: what it held up to `to` is written and aligned.
    #[inline]
    fn skip_to(&mut self, to: u32) {
        self.mapped = to;
        self.from = to;
        self.to = to;
        self.upper = false;
    }
}

/// The case of ASCII letters (a camel-case piece of a word, hashtag or
/// handle: letters only).
fn letters_case(b: &[u8]) -> CaseAcc {
    let upper = b.iter().filter(|&&c| c < 0x60).count() as u32;
    CaseAcc {
        upper,
        lower: b.len() as u32 - upper,
        first_upper: b.first().map(|&c| c < 0x60),
    }
}

impl Emitter<'_> {
    /// Marks an invisible character in the gap (fast path).
    #[inline]
    pub fn gap_invisible(&mut self) {
        self.gap.invis = true;
    }

    /// Starts a plain word on the fast path; false if the text is full.
    #[inline]
    fn begin_plain(&mut self, src: u32, len: usize) -> Option<(Sep, usize)> {
        // Checked here so the common case (nothing pending) costs no call.
        if self.joined.is_some() || self.singles[0].is_some() {
            self.flush_singles();
        }
        if self.cur.is_some() {
            self.close();
        }
        let sep = self.take_sep();
        if self.full || self.text.len() + 2 * len + 1 >= LIMIT {
            self.full = true;
            return None;
        }
        self.write_space(src);
        Some((sep, self.text.len()))
    }

    /// Writes what the batch still holds and closes it; a space it read
    /// goes to the gap.
    #[inline]
    pub fn batch_end(&mut self, b: &mut Batch) {
        if !b.open {
            return;
        }
        self.batch_flush(b, b.to);
        b.open = false;
        if b.space {
            b.space = false;
            self.space_plain(false);
        }
    }

    /// Writes the batch's input up to `to` (which may take in the space
    /// and sigil after it).
    #[inline]
    fn batch_flush(&mut self, b: &mut Batch, to: u32) {
        self.batch_copy(b, to);
        if to > b.mapped {
            self.align.map(to - b.mapped, b.mapped, to);
        }
        b.skip_to(to);
    }

    /// Writes the batch's input up to `to`, leaving the alignment for
    /// later.
    #[inline]
    fn batch_copy(&mut self, b: &mut Batch, to: u32) {
        if to > b.from {
            let start = self.text.len();
            self.text
                .push_str(self.input.get(b.from as usize..to as usize).unwrap_or(""));
            if b.upper {
                if let Some(t) = self.text.get_mut(start..) {
                    t.make_ascii_lowercase();
                }
            }
        }
        b.from = to;
        b.upper = false;
    }

    /// Starts a piece of `len` bytes whose first original byte (sigil
    /// included) is `first`: in the batch after its space, or after what
    /// `begin_plain` writes. None if the text is full.
    #[inline]
    fn batch_piece(&mut self, b: &mut Batch, first: u32, len: usize) -> Option<Sep> {
        let pending = (b.to - b.from) as usize;
        if b.space && b.to + 1 == first && self.text.len() + pending + 2 * len + 1 < LIMIT {
            // The space maps to itself, as `write_space` would map it.
            b.space = false;
            b.to = first;
            return Some(Sep::Space);
        }
        self.batch_start(b, first, len)
    }

    /// Ends the batch and starts a new one (see `batch_piece`).
    #[inline(never)]
    fn batch_start(&mut self, b: &mut Batch, first: u32, len: usize) -> Option<Sep> {
        self.batch_end(b);
        let (sep, _) = self.begin_plain(first, len)?;
        *b = Batch {
            open: true,
            mapped: first,
            from: first,
            to: first,
            upper: false,
            space: false,
        };
        Some(sep)
    }

    /// Starts a piece glued to the last token (`ISISداعش`): no space, and
    /// the input between them (invisible characters) unwritten and
    /// unmapped. None if the text is full.
    #[cold]
    fn batch_glued(&mut self, b: &mut Batch, first: u32, len: usize) -> Option<Sep> {
        self.batch_flush(b, b.to);
        if self.full || self.text.len() + 2 * len + 1 >= LIMIT {
            self.full = true;
            return None;
        }
        b.skip_to(first);
        Some(Sep::Glued)
    }

    /// Collapses each run of one letter (ignoring case) in `word`, ASCII
    /// letters at original offset `src` in the batch: letters that do not
    /// repeat stay in it, a run is copied up to its first letter, which is
    /// mapped to the whole run. REPEAT if a run has three letters or more.
    /// `capitals`: the batch may still hold capitals after a run.
    fn collapse_in_batch(
        &mut self,
        b: &mut Batch,
        src: u32,
        word: &[u8],
        capitals: bool,
    ) -> Disguises {
        let mut d = Disguises::NONE;
        let mut k = 1;
        while let Some(&c) = word.get(k) {
            let c = c | 0x20;
            if word[k - 1] | 0x20 != c {
                k += 1;
                continue;
            }
            // A run from `k - 1` to `j`.
            let mut j = k + 1;
            while word.get(j).is_some_and(|&x| x | 0x20 == c) {
                j += 1;
            }
            let (at, to) = (src + k as u32 - 1, src + j as u32);
            self.batch_copy(b, at + 1);
            if at > b.mapped {
                self.align.map(at - b.mapped, b.mapped, at);
            }
            self.align.map(1, at, to);
            b.mapped = to;
            b.from = to;
            b.upper = capitals;
            if j - k >= 2 {
                d = Disguises::REPEAT;
            }
            k = j + 1;
        }
        d
    }

    /// Writes a plain word of `n` ASCII letters at `src`, in lower, upper
    /// or title case, with no repeats to collapse: the commonest piece.
    #[inline]
    pub fn plain_word(&mut self, b: &mut Batch, src: u32, n: u32, upper: u32, first_upper: bool) {
        let len = n as usize + 1;
        let sep = if b.space
            && b.to + 1 == src
            && self.text.len() + (b.to - b.from) as usize + 2 * len + 1 < LIMIT
        {
            b.space = false;
            Sep::Space
        } else {
            match self.batch_piece(b, src, len) {
                Some(sep) => sep,
                None => return,
            }
        };
        let start = self.text.len() as u32 + (src - b.from);
        b.to = src + n;
        b.upper |= upper > 0;
        let case = if upper == 0 {
            Case::Lower
        } else if upper == n {
            Case::Upper
        } else if upper == 1 && first_upper {
            Case::Title
        } else {
            Case::Mixed
        };
        let d = Disguises::NONE;
        self.push_token(
            start,
            start + n,
            TokenKind::Word,
            sep,
            case,
            d,
            Script::Latin,
        );
        self.prev_end = src + n;
    }

    /// Like [`Emitter::plain_word`], for a word whose repeated letters
    /// collapse: letters that do not repeat stay in the batch, each run is
    /// written as one letter mapped to the whole run.
    pub fn plain_word_collapsed(
        &mut self,
        b: &mut Batch,
        src: u32,
        n: u32,
        upper: u32,
        first_upper: bool,
    ) {
        let Some(sep) = self.batch_piece(b, src, n as usize + 1) else {
            return;
        };
        let end = src + n;
        let input = self.src;
        let word = input.get(src as usize..end as usize).unwrap_or(&[]);
        let start = (self.text.len() + (src - b.from) as usize) as u32;
        b.to = end;
        // What the batch holds is lowercased when written (the whole
        // canonical stretch is lowercase, so this is always right).
        let capitals = upper > 0;
        b.upper |= capitals;
        let d = self.collapse_in_batch(b, src, word, capitals);
        let case = CaseAcc {
            upper,
            lower: n - upper,
            first_upper: Some(first_upper),
        };
        let t = (self.text.len() + (b.to - b.from) as usize) as u32;
        self.push_token(
            start,
            t,
            TokenKind::Word,
            sep,
            case.case(),
            d,
            Script::Latin,
        );
        self.prev_end = end;
    }

    /// Writes a word of `n` ASCII letters in lower, upper or title case
    /// with invisible characters between them and combining marks on them
    /// (`d`, the disguises they are), `src` in the original (from its first
    /// letter to its last letter's marks): each letter is mapped to itself
    /// and its marks, the invisible characters go.
    pub fn plain_word_decorated(
        &mut self,
        b: &mut Batch,
        src: Range<u32>,
        n: u32,
        upper: u32,
        d: Disguises,
    ) {
        let Some(sep) = self.batch_piece(b, src.start, n as usize + 1) else {
            return;
        };
        self.batch_flush(b, src.start);
        let start = self.text.len();
        let word = self
            .src
            .get(src.start as usize..src.end as usize)
            .unwrap_or(&[]);
        let mut k = 0;
        while k < word.len() {
            if !word[k].is_ascii_alphabetic() {
                // An invisible character (the marks go with their letter).
                k += 1;
                continue;
            }
            self.text.push(word[k].to_ascii_lowercase() as char);
            // The marks on the letter, up to the next letter or invisible
            // character.
            let mut e = k + 1;
            let rest = |e: usize| self.input.get(src.start as usize + e..src.end as usize);
            while let Some(m) = rest(e).and_then(|s| s.chars().next()) {
                if tables::info(m).class != Class::Mark {
                    break;
                }
                e += m.len_utf8();
            }
            self.align
                .map(1, src.start + k as u32, src.start + e as u32);
            k = e;
        }
        b.skip_to(src.end);
        let case = CaseAcc {
            upper,
            lower: n - upper,
            first_upper: word.first().map(u8::is_ascii_uppercase),
        };
        self.push_token(
            start as u32,
            self.text.len() as u32,
            TokenKind::Word,
            sep,
            case.case(),
            d,
            Script::Latin,
        );
        self.prev_end = src.end;
    }

    /// Writes an ASCII piece that `plain_word` does not take: a hashtag,
    /// handle, URL or number, a camel-case word, a word before punctuation.
    pub fn plain_ascii(&mut self, b: &mut Batch, p: &AsciiPiece<'_>) {
        let first = p.sigil.unwrap_or(p.src);
        let Some(sep) = self.batch_piece(b, first, p.len as usize + 1) else {
            return;
        };
        let (src, n) = (p.src, p.len);
        let end = src + n;
        let bytes = self.src.get(src as usize..end as usize).unwrap_or(&[]);
        let glued = !p.splits.is_empty();
        let base = if glued {
            Disguises::GLUED
        } else {
            Disguises::NONE
        };
        let whole = CaseAcc {
            upper: p.upper,
            lower: p.lower,
            first_upper: (p.upper + p.lower > 0).then_some(p.first_upper),
        };
        // Token `k` covers piece bytes `bounds(k)`.
        let count = p.splits.len() + 1;
        let bounds = |k: usize| {
            let a = if k == 0 { 0 } else { p.splits[k - 1] as usize };
            let e = p.splits.get(k).map_or(bytes.len(), |&e| e as usize);
            (a.min(e), e.min(bytes.len()))
        };
        let case = |seg: &[u8]| if glued { letters_case(seg) } else { whole }.case();
        if !p.doubled {
            // Copied with the batch: canonical offsets are known already.
            let start = (self.text.len() + (src - b.from) as usize) as u32;
            b.to = end;
            b.upper |= p.upper > 0;
            for k in 0..count {
                let (a, e) = bounds(k);
                let sep = if k == 0 { sep } else { Sep::Glued };
                let (s, t) = (start + a as u32, start + e as u32);
                self.push_token(s, t, p.kind, sep, case(&bytes[a..e]), base, Script::Latin);
            }
        } else {
            // Repeats collapse (letters only), in the batch as in
            // `plain_word_collapsed`. No run crosses a camel-case split
            // (`fast::camel_splits`), so each token's ends are where the
            // batch stands when its letters are reached and done.
            b.to = end;
            let capitals = p.upper > 0;
            b.upper |= capitals;
            let at = |em: &Self, b: &Batch, i: usize| {
                (em.text.len() + (src + i as u32 - b.from) as usize) as u32
            };
            for k in 0..count {
                let (a, e) = bounds(k);
                let seg = &bytes[a..e];
                let start = at(self, b, a);
                let d = base | self.collapse_in_batch(b, src + a as u32, seg, capitals);
                let sep = if k == 0 { sep } else { Sep::Glued };
                let t = at(self, b, e);
                self.push_token(start, t, p.kind, sep, case(seg), d, Script::Latin);
            }
        }
        self.prev_end = end;
    }

    /// Writes a hashtag of `n` ASCII letters after the `#` at original
    /// offset `sigil`, in lower, upper or title case, no letter repeated
    /// (`#ISIS`, `#Pakistan`): what [`Emitter::plain_ascii`] writes for
    /// such a piece, without its splits and repeats. `upper` of the
    /// letters are capitals, the first if `first_upper`.
    #[inline]
    pub fn plain_hashtag(
        &mut self,
        b: &mut Batch,
        sigil: u32,
        n: u32,
        upper: u32,
        first_upper: bool,
    ) {
        let pending = self.cur.is_some() || self.joined.is_some() || self.singles[0].is_some();
        let sep = if b.joins_at(sigil as usize) && !pending {
            // Glued on to the piece before (`#ISIS#ISIS`): what
            // `batch_start` does when nothing else is pending.
            self.batch_flush(b, sigil);
            let sep = self.take_sep();
            if self.full || self.text.len() + 2 * n as usize + 3 >= LIMIT {
                self.full = true;
                b.open = false;
                return;
            }
            self.write_space(sigil);
            sep
        } else {
            let Some(sep) = self.batch_piece(b, sigil, n as usize + 1) else {
                return;
            };
            sep
        };
        let end = sigil + 1 + n;
        let start = (self.text.len() + (sigil + 1 - b.from) as usize) as u32;
        b.to = end;
        b.upper |= upper > 0;
        let case = CaseAcc {
            upper,
            lower: n - upper,
            first_upper: (n > 0).then_some(first_upper),
        };
        let kind = TokenKind::Hashtag;
        self.push_token(
            start,
            start + n,
            kind,
            sep,
            case.case(),
            Disguises::NONE,
            Script::Latin,
        );
        self.prev_end = end;
    }

    /// Writes the digits glued to a handle (`@user_123`) just written: the
    /// `_` at original offset `at` is dropped, the `digits` after it are an
    /// uncased handle token.
    pub fn plain_handle_digits(&mut self, b: &mut Batch, at: u32, digits: u32) {
        let pending = (b.to - b.from) as usize;
        if self.full || self.text.len() + pending + 2 * digits as usize + 1 >= LIMIT {
            self.full = true;
            return;
        }
        self.batch_flush(b, at);
        // The `_` maps to nothing: the batch goes on after it.
        let (src, end) = (at + 1, at + 1 + digits);
        b.skip_to(src);
        b.to = end;
        let start = self.text.len() as u32;
        self.push_token(
            start,
            start + digits,
            TokenKind::Handle,
            Sep::Glued,
            Case::Uncased,
            Disguises::NONE,
            Script::Latin,
        );
        self.prev_end = end;
    }

    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn push_token(
        &mut self,
        start: u32,
        end: u32,
        kind: TokenKind,
        sep: Sep,
        case: Case,
        disguises: Disguises,
        script: Script,
    ) {
        self.tokens.push(Token {
            start,
            end,
            kind,
            case,
            sep,
            script,
            disguises,
        });
    }
}

//! The fast path's writers: whole plain pieces in one go.

use super::{CaseAcc, Emitter, LIMIT};
use crate::normalize::token::{Disguises, Script, Sep, Token, TokenKind};

/// An ASCII piece for [`Emitter::plain_ascii`]: a plain word, number,
/// URL or `#hashtag` that needs no splitting.
pub(crate) struct AsciiPiece<'w> {
    pub text: &'w str,
    /// Original offset of `text`.
    pub src: u32,
    pub kind: TokenKind,
    /// Original offset of the `#` of a hashtag.
    pub sigil: Option<u32>,
    pub upper: u32,
    pub lower: u32,
    pub first_upper: bool,
    /// Repeated letters collapse (words and hashtags).
    pub collapse: bool,
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
        self.flush_singles();
        self.close();
        let sep = self.take_sep();
        if self.full || self.text.len() + 2 * len + 1 >= LIMIT {
            self.full = true;
            return None;
        }
        self.write_space(src);
        Some((sep, self.text.len()))
    }

    /// Records a plain word written on the fast path.
    #[allow(clippy::too_many_arguments)]
    #[inline]
    fn end_plain(
        &mut self,
        start: usize,
        kind: TokenKind,
        sep: Sep,
        case: CaseAcc,
        d: Disguises,
        script: Script,
        end: u32,
    ) {
        self.tokens.push(Token {
            start: start as u32,
            end: self.text.len() as u32,
            kind,
            case: case.case(),
            sep,
            script,
            disguises: d,
        });
        self.prev_end = end;
    }

    /// Writes a plain ASCII piece in one go: the fast path's common case.
    pub fn plain_ascii(&mut self, p: &AsciiPiece<'_>) {
        let first = p.sigil.unwrap_or(p.src);
        let Some((sep, start)) = self.begin_plain(first, p.text.len() + 1) else {
            return;
        };
        if let Some(s) = p.sigil {
            let c = self.src.get(s as usize).map_or('#', |&b| b as char);
            self.text.push(c);
            self.align.map(1, s, s + 1);
        }
        let start = if p.sigil.is_some() { start + 1 } else { start };
        let (src, b) = (p.src, p.text.as_bytes());
        let n = b.len() as u32;
        let doubled = p.collapse
            && self.cfg.collapse_repeats
            && b.windows(2).any(|w| w[0].eq_ignore_ascii_case(&w[1]));
        let mut d = Disguises::NONE;
        if !doubled {
            self.text.push_str(p.text);
            self.text[start..].make_ascii_lowercase();
            self.align.map(n, src, src + n);
        } else {
            let mut i = 0;
            while i < b.len() {
                let mut j = i + 1;
                while j < b.len() && b[j].eq_ignore_ascii_case(&b[i]) {
                    j += 1;
                }
                self.text.push(b[i].to_ascii_lowercase() as char);
                self.align.map(1, src + i as u32, src + j as u32);
                if j - i >= 3 {
                    d |= Disguises::REPEAT;
                }
                i = j;
            }
        }
        let case = CaseAcc {
            upper: p.upper,
            lower: p.lower,
            first_upper: (p.upper + p.lower > 0).then_some(p.first_upper),
        };
        self.end_plain(start, p.kind, sep, case, d, Script::Latin, src + n);
    }

    /// Writes a plain Arabic-script word in one go (the fast path):
    /// `chars` are its folded letters, each two bytes like the original
    /// letter at `src + 2 * i`.
    /// `original` is the word as written, copied as is when nothing was
    /// folded.
    pub fn plain_arabic(&mut self, chars: &[char], original: &str, src: u32, folded: bool) {
        let n = chars.len() as u32;
        let Some((sep, start)) = self.begin_plain(src, 2 * chars.len()) else {
            return;
        };
        let collapse = self.cfg.collapse_repeats;
        let mut d = Disguises::NONE;
        if !collapse || !chars.windows(3).any(|w| w[0] == w[1] && w[1] == w[2]) {
            if folded {
                self.text.extend(chars);
            } else {
                self.text.push_str(original);
            }
            self.align.map(2 * n, src, src + 2 * n);
        } else {
            let mut i = 0;
            while i < chars.len() {
                let c = chars[i];
                let mut j = i + 1;
                while j < chars.len() && chars[j] == c {
                    j += 1;
                }
                let (s, e) = (src + 2 * i as u32, src + 2 * j as u32);
                if j - i >= 3 {
                    self.text.push(c);
                    self.align.map(2, s, e);
                    d |= Disguises::REPEAT;
                } else {
                    self.text.extend(&chars[i..j]);
                    self.align.map(e - s, s, e);
                }
                i = j;
            }
        }
        if folded {
            d |= Disguises::ARABIC_VARIANT;
        }
        self.end_plain(
            start,
            TokenKind::Word,
            sep,
            CaseAcc::default(),
            d,
            Script::Arabic,
            src + 2 * n,
        );
    }
}

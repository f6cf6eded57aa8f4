//! Writes canonical tokens: separators, sigils, repeated letters collapsed,
//! letters spread out with separators joined, case and disguises recorded,
//! and the alignment back to the original kept up to date.

use super::align::Alignment;
use super::fold::{flag, FChar};
use super::tables::{is_sentence_end, is_spacing_punct, ARABIC, LATIN};
use super::token::{Case, Disguises, Script, Sep, Token, TokenKind};
use super::Config;
use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{is_nfc_quick, IsNormalized, UnicodeNormalization};

mod plain;
mod spaced;

pub(crate) use plain::{arabic_letters, AsciiPiece, Batch};
pub(crate) use spaced::Single;

/// Canonical text never grows past this, so every offset fits a `u32`.
pub(crate) const LIMIT: usize = u32::MAX as usize - (1 << 20);

/// What lies between the previous piece and the next.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Gap {
    ws: bool,
    brk: bool,
    /// A sentence-ending mark waits for whitespace to become a break.
    sent: bool,
    tight: u8,
    other: bool,
    invis: bool,
    /// A line break: ends a run of spread-out letters (see `spaced.rs`).
    nl: bool,
}

impl Gap {
    /// Exactly one `.`/`-`/`_`-like character and nothing else: `T.T`.
    fn tight(&self) -> bool {
        !self.ws && !self.brk && !self.other && self.tight == 1
    }
}

/// How a run of one repeated letter collapses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Collapse {
    /// Not at all (digits, marks, other scripts).
    Never,
    /// Any run to one letter (Latin: `Tehreek` meets `Tehrek`).
    Any,
    /// Runs of three or more to one letter (Arabic script).
    Three,
}

#[derive(Clone, Copy, Debug, Default)]
struct CaseAcc {
    upper: u32,
    lower: u32,
    first_upper: Option<bool>,
}

impl CaseAcc {
    #[inline]
    fn add(&mut self, flags: u32) {
        if flags & flag::UPPER != 0 {
            self.upper += 1;
            self.first_upper.get_or_insert(true);
        } else if flags & flag::LOWER != 0 {
            self.lower += 1;
            self.first_upper.get_or_insert(false);
        }
    }
    fn case(&self) -> Case {
        match (self.upper, self.lower) {
            (0, 0) => Case::Uncased,
            (0, _) => Case::Lower,
            (_, 0) => Case::Upper,
            (1, _) if self.first_upper == Some(true) => Case::Title,
            _ => Case::Mixed,
        }
    }
}

/// The token being written.
#[derive(Clone, Copy, Debug)]
struct Cur {
    start: usize,
    kind: TokenKind,
    sep: Sep,
    case: CaseAcc,
    flags: u32,
    disguises: Disguises,
    arabic: bool,
    other: bool,
    /// Last letter written, its collapse mode and how often it repeated.
    last: char,
    mode: Collapse,
    run: u32,
    /// Original range of the last character written, not yet in the
    /// alignment: collapsing a repeat widens it.
    map: (u32, u32, u32),
    second: (u32, u32),
}

/// Writes into the output buffers of a `Normalized`.
pub(crate) struct Emitter<'a> {
    pub text: &'a mut String,
    pub tokens: &'a mut Vec<Token>,
    pub align: &'a mut Alignment,
    pub src: &'a [u8],
    /// The input, of which `src` are the bytes.
    input: &'a str,
    pub cfg: &'a Config,
    gap: Gap,
    /// Original end of the last token written (where its gap starts).
    prev_end: u32,
    cur: Option<Cur>,
    singles: [Option<Single>; 2],
    joined: Option<u8>,
    full: bool,
}

impl<'a> Emitter<'a> {
    pub fn new(
        text: &'a mut String,
        tokens: &'a mut Vec<Token>,
        align: &'a mut Alignment,
        input: &'a str,
        cfg: &'a Config,
    ) -> Self {
        Emitter {
            text,
            tokens,
            align,
            src: input.as_bytes(),
            input,
            cfg,
            gap: Gap::default(),
            prev_end: 0,
            cur: None,
            singles: [None, None],
            joined: None,
            full: false,
        }
    }

    // ---- gaps --------------------------------------------------------

    #[inline]
    pub fn space(&mut self, f: &FChar, newline: bool) {
        self.space_plain(newline);
        self.gap.invis |= f.has(flag::INVIS_BEFORE);
    }

    #[inline]
    pub fn space_plain(&mut self, newline: bool) {
        self.gap.ws = true;
        self.gap.nl |= newline;
        if newline || self.gap.sent {
            self.gap.brk = true;
        }
    }

    #[inline]
    pub fn punct(&mut self, f: &FChar) {
        self.punct_plain(f.c);
        self.gap.invis |= f.has(flag::INVIS_BEFORE);
    }

    #[inline]
    pub fn punct_plain(&mut self, c: char) {
        if is_sentence_end(c) {
            self.gap.sent = true;
        }
        if is_spacing_punct(c) {
            self.gap.tight = self.gap.tight.saturating_add(1);
        } else {
            self.gap.other = true;
        }
    }

    /// The separator before a piece starting now; resets the gap.
    #[inline]
    fn take_sep(&mut self) -> Sep {
        let sep = if self.tokens.is_empty() && self.cur.is_none() && self.singles[0].is_none() {
            Sep::Start
        } else if self.gap.brk {
            Sep::Break
        } else {
            Sep::Space
        };
        self.gap = Gap::default();
        sep
    }

    // ---- tokens ------------------------------------------------------

    /// Starts the first token of a piece: flushes pending single letters,
    /// writes the separator and the sigil (`#`, `@`) if any.
    pub fn begin_piece(&mut self, kind: TokenKind, first: &FChar, sigil: Option<&FChar>) {
        self.flush_singles();
        let sep = self.take_sep();
        self.open(kind, sep, first.src, sigil);
    }

    /// Starts a token inside a piece (after a camel-case or letter/digit
    /// boundary, or a separator inside a word).
    pub fn begin_inner(&mut self, kind: TokenKind, sep: Sep, first: &FChar) {
        self.close();
        self.open(kind, sep, first.src, None);
    }

    fn open(&mut self, kind: TokenKind, sep: Sep, src: u32, sigil: Option<&FChar>) {
        if self.cur.is_some() {
            self.close();
        }
        if self.text.len() >= LIMIT {
            self.full = true;
        }
        if self.full {
            return;
        }
        if sep != Sep::Glued {
            self.write_space(sigil.map_or(src, |s| s.src));
        }
        if let Some(s) = sigil {
            self.text.push(s.c);
            self.align.map(s.c.len_utf8() as u32, s.src, s.end);
        }
        self.cur = Some(Cur {
            start: self.text.len(),
            kind,
            sep,
            case: CaseAcc::default(),
            flags: 0,
            disguises: Disguises::NONE,
            arabic: false,
            other: false,
            last: '\0',
            mode: Collapse::Never,
            run: 0,
            map: (0, 0, 0),
            second: (0, 0),
        });
    }

    /// Writes the space before a token whose first original byte is
    /// `first`: mapped to the original space if that is all there was.
    #[inline]
    fn write_space(&mut self, first: u32) {
        if self.text.is_empty() {
            return;
        }
        self.text.push(' ');
        let gap_start = self.prev_end;
        if first == gap_start + 1 && self.src.get(gap_start as usize) == Some(&b' ') {
            self.align.map(1, gap_start, first);
        } else {
            self.align.synthetic(1, gap_start, first.max(gap_start));
        }
    }

    /// Adds a disguise to the token being written.
    pub fn flag(&mut self, d: Disguises) {
        if let Some(cur) = self.cur.as_mut() {
            cur.disguises |= d;
        }
    }

    /// Writes one character of the current token.
    #[inline]
    pub fn push(&mut self, f: &FChar, first: bool) {
        let mode = if f.is_letter() {
            self.letter_mode(f.script())
        } else {
            Collapse::Never
        };
        let own = if first {
            f.flags & !flag::INVIS_BEFORE
        } else {
            f.flags
        };
        self.push_char(f.c, f.src, f.end, mode, 1, own, f.is_letter());
    }

    /// How repeats of a letter of `script` collapse, as the options say.
    #[inline]
    fn letter_mode(&self, script: u8) -> Collapse {
        match (self.cfg.collapse_repeats, script) {
            (true, LATIN) => Collapse::Any,
            (true, ARABIC) => Collapse::Three,
            _ => Collapse::Never,
        }
    }

    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn push_char(
        &mut self,
        c: char,
        src: u32,
        end: u32,
        mode: Collapse,
        count: u32,
        flags: u32,
        letter: bool,
    ) {
        let Some(cur) = self.cur.as_mut() else {
            return;
        };
        cur.flags |= flags;
        if letter {
            match flag::get_script(flags) {
                ARABIC => cur.arabic = true,
                LATIN => {}
                _ if c.is_ascii() => {}
                _ => cur.other = true,
            }
        } else if c.is_ascii() {
            // Digits and number punctuation, folded to ASCII: Latin.
        } else if flag::get_script(flags) == ARABIC {
            cur.arabic = true;
        } else if c.is_alphanumeric() {
            cur.other = true;
        }
        if mode != Collapse::Never && c == cur.last && mode == cur.mode {
            let before = cur.run;
            cur.run += count;
            if mode == Collapse::Three && before == 1 && cur.run == 2 {
                cur.second = (src, end);
            } else {
                cur.map.2 = end;
            }
            if cur.run >= 3 {
                cur.disguises |= Disguises::REPEAT;
            }
            return;
        }
        if flags & flag::NONSTARTER != 0 && !stays_normal(self.text, c) {
            // What kept it apart from its neighbours in the original was
            // removed, and NFC would now combine or reorder it: the
            // canonical text must stay normalized. Rare enough to drop.
            return;
        }
        end_run(self.text, self.align, cur);
        if self.text.len() >= LIMIT {
            self.full = true;
            return;
        }
        let canon = self.text.len() as u32;
        self.text.push(c);
        cur.map = (canon, src, end);
        cur.last = c;
        cur.mode = mode;
        cur.run = count;
        if count >= 3 && mode != Collapse::Never {
            cur.disguises |= Disguises::REPEAT;
        }
    }

    /// Writes one character as it is: no collapsing (URLs, numbers).
    #[inline]
    pub fn push_raw(&mut self, f: &FChar, first: bool) {
        let own = if first {
            f.flags & !flag::INVIS_BEFORE
        } else {
            f.flags
        };
        self.push_char(f.c, f.src, f.end, Collapse::Never, 1, own, false);
    }

    /// Adds original case to the current token (letters only).
    #[inline]
    pub fn case(&mut self, flags: u32) {
        if let Some(cur) = self.cur.as_mut() {
            cur.case.add(flags);
        }
    }

    /// Finishes the current token, if any.
    pub fn close(&mut self) {
        // Read in place: taking the token out would copy it.
        let Some(cur) = self.cur.as_mut() else {
            return;
        };
        end_run(self.text, self.align, cur);
        let end = self.text.len();
        if end != cur.start {
            self.prev_end = self.align.segs.last().map_or(0, |g| g.end);
            let mut d = cur.disguises | disguises(cur.flags);
            if cur.flags & flag::INVIS_BEFORE != 0 {
                d |= Disguises::INVISIBLE;
            }
            let script = if cur.arabic {
                Script::Arabic
            } else if cur.other {
                Script::Other
            } else {
                Script::Latin
            };
            self.tokens.push(Token {
                start: cur.start as u32,
                end: end as u32,
                kind: cur.kind,
                case: cur.case.case(),
                sep: cur.sep,
                script,
                disguises: d,
            });
        }
        self.cur = None;
    }

    /// Writes a URL or e-mail address as one token, as it is.
    pub fn url(&mut self, fcs: &[FChar]) {
        let Some(first) = fcs.first() else {
            return;
        };
        self.begin_piece(TokenKind::Url, first, None);
        for (i, f) in fcs.iter().enumerate() {
            self.push_raw(f, i == 0);
            if f.is_letter() {
                self.case(f.flags);
            }
        }
        self.close();
    }

    /// Ends the text: flushes everything.
    pub fn finish(&mut self) {
        self.flush_singles();
        // Most lines end with nothing open (the fast path closes its own).
        if self.cur.is_some() {
            self.close();
        }
    }
}

/// The run of the last character written ends and goes into the
/// alignment. Inline: it runs for every character written.
#[inline(always)]
fn end_run(text: &mut String, align: &mut Alignment, cur: &mut Cur) {
    if cur.run != 0 {
        let (canon, s, e) = cur.map;
        align.map(text.len() as u32 - canon, s, e);
        if cur.mode == Collapse::Three && cur.run == 2 {
            write_second(text, align, cur);
        }
        cur.run = 0;
        cur.last = '\0';
    }
}

/// An Arabic letter written twice stays twice: its second copy, mapped to
/// its own original.
#[cold]
fn write_second(text: &mut String, align: &mut Alignment, cur: &Cur) {
    let (s2, e2) = cur.second;
    let c = cur.last;
    if text.len() < LIMIT {
        text.push(c);
        align.map(c.len_utf8() as u32, s2, e2);
    }
}

/// True if appending `c` to `text` leaves it in NFC: `c` neither composes
/// with nor sorts before what the text ends with. Looks back to the last
/// true starter, at most 32 characters (beyond that, no).
pub(crate) fn stays_normal(text: &str, c: char) -> bool {
    let mut start = text.len();
    for (n, (i, ch)) in text.char_indices().rev().enumerate() {
        if n >= 32 {
            return false;
        }
        start = i;
        if canonical_combining_class(ch) == 0
            && is_nfc_quick(std::iter::once(ch)) == IsNormalized::Yes
        {
            break;
        }
    }
    let seq = text[start..].chars().chain(std::iter::once(c));
    match is_nfc_quick(seq.clone()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => seq.clone().nfc().eq(seq),
    }
}

/// The disguise bits of `FChar` flags.
pub(crate) fn disguises(flags: u32) -> Disguises {
    let mut d = Disguises::NONE;
    for (f, dis) in [
        (flag::COMPAT, Disguises::COMPATIBILITY),
        (flag::DIACRITIC, Disguises::DIACRITIC),
        (flag::ARABIC, Disguises::ARABIC_VARIANT),
        (flag::LEET, Disguises::LEETSPEAK),
        (flag::HOMOGLYPH, Disguises::HOMOGLYPH),
    ] {
        if flags & f != 0 {
            d |= dis;
        }
    }
    d
}

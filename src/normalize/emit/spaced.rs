//! Letters spread out with separators (`T T P`, `T.T.P`): one-letter
//! words are held back until it is known whether they join.

use super::{Emitter, Gap};
use crate::normalize::fold::{flag, FChar};
use crate::normalize::tables::LATIN;
use crate::normalize::token::{Disguises, Sep, TokenKind};

/// A word of one letter (after collapsing), kept aside because it may be
/// part of a spread-out word (`T T P`, `T.T.P`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Single {
    pub c: char,
    pub script: u8,
    pub src: u32,
    pub end: u32,
    /// How many times the letter was written (`aaa` is one letter).
    pub count: u32,
    pub upper: u32,
    pub lower: u32,
    pub first_upper: bool,
    pub flags: u32,
    sep: Sep,
    gap_tight: bool,
    gap_invis: bool,
}

impl Single {
    pub fn new(fcs: &[FChar], c: char, script: u8) -> Single {
        if let [f] = fcs {
            if f.is_letter() && !f.has(flag::SKIP) {
                // One letter (`T` of `T.T.P`), the commonest: what the loop
                // below finds for it.
                let upper = f.has(flag::UPPER);
                return Single {
                    c,
                    script,
                    src: f.src,
                    end: f.end,
                    count: 1,
                    upper: u32::from(upper),
                    lower: u32::from(!upper && f.has(flag::LOWER)),
                    first_upper: upper,
                    flags: f.flags & !flag::INVIS_BEFORE,
                    sep: Sep::Space,
                    gap_tight: false,
                    gap_invis: f.has(flag::INVIS_BEFORE),
                };
            }
        }
        let (mut upper, mut lower, mut flags, mut first_upper, mut count) = (0, 0, 0u32, None, 0);
        let mut end = 0;
        for (i, f) in fcs.iter().enumerate() {
            if f.has(flag::SKIP) || !f.is_letter() {
                // Apostrophes, and marks that will not be written.
                if i > 0 && f.has(flag::INVIS_BEFORE) {
                    flags |= flag::INVIS_BEFORE;
                }
                continue;
            }
            end = f.end;
            count += 1;
            if f.has(flag::UPPER) {
                upper += 1;
                first_upper.get_or_insert(true);
            } else if f.has(flag::LOWER) {
                lower += 1;
                first_upper.get_or_insert(false);
            }
            let own = if i == 0 {
                f.flags & !flag::INVIS_BEFORE
            } else {
                f.flags
            };
            flags |= own;
        }
        let src = fcs.first().map_or(0, |f| f.src);
        Single {
            c,
            script,
            src,
            end,
            count,
            upper,
            lower,
            first_upper: first_upper.unwrap_or(false),
            flags,
            sep: Sep::Space,
            gap_tight: false,
            gap_invis: fcs.first().is_some_and(|f| f.has(flag::INVIS_BEFORE)),
        }
    }
}

impl Emitter<'_> {
    // ---- single letters ----------------------------------------------

    /// A word that is one letter: joined with its neighbours if they are
    /// single letters too.
    pub fn single(&mut self, mut s: Single) {
        s.gap_tight = self.gap.tight();
        s.gap_invis |= self.gap.invis;
        if !self.cfg.join_spaced_letters {
            self.flush_singles();
            s.sep = self.take_sep();
            self.write_single(&s, true);
            self.close();
            return;
        }
        match self.joined {
            Some(script) if script == s.script && !self.line_ends_run() => {
                self.gap = Gap::default();
                self.write_single(&s, false);
                return;
            }
            Some(_) => self.flush_singles(),
            None => {}
        }
        if self.singles[0].is_some_and(|p| p.script != s.script) {
            self.flush_singles();
        }
        s.sep = self.take_sep();
        match self.singles {
            [None, _] => self.singles[0] = Some(s),
            [Some(_), None] => self.singles[1] = Some(s),
            [Some(a), Some(b)] => {
                self.singles = [None, None];
                self.open_joined(&a, &[b, s]);
            }
        }
    }

    /// [`Emitter::single`] for the ASCII letter `b` at original offset
    /// `at` (the fast path's `T.T.P`): joined straight on when a run of
    /// Latin letters is open and nothing in the gap asks otherwise (the
    /// commonest case of a long run), as `single` would join it, without
    /// building a [`Single`].
    #[inline(always)]
    pub fn single_ascii(&mut self, at: u32, b: u8) {
        let joins = self.cfg.join_spaced_letters
            && self.joined == Some(LATIN)
            && !self.gap.nl
            && !self.gap.invis;
        if !joins {
            let f = FChar::ascii(at, b);
            self.single(Single::new(&[f], f.c, LATIN));
            return;
        }
        // What `FChar::ascii` gives for a letter, without its table.
        let case = if b.is_ascii_uppercase() {
            flag::UPPER
        } else {
            flag::LOWER
        };
        self.gap = Gap::default();
        let mode = self.letter_mode(LATIN);
        let c = char::from(b.to_ascii_lowercase());
        self.push_char(c, at, at + 1, mode, 1, flag::script(LATIN) | case, true);
        if let Some(cur) = self.cur.as_mut() {
            cur.case.add(case);
        }
    }

    /// A line break ends the joined run open before it (`I.S.I.S.` on two
    /// lines is two terms, not `isisisis`). The canonical text writes the
    /// break as a space, so this holds only where the second pass will
    /// agree: the run already reads as a word of two letters or more, which
    /// is no single letter to join again. A run of one letter (`a a a`, or
    /// fewer than three singles still pending) joins across as before.
    fn line_ends_run(&self) -> bool {
        self.gap.nl
            && self
                .cur
                .as_ref()
                .and_then(|c| self.text.get(c.start..))
                .is_some_and(|t| t.chars().nth(1).is_some())
    }

    fn open_joined(&mut self, first: &Single, rest: &[Single]) {
        self.open(TokenKind::Word, first.sep, first.src, None);
        self.flag(Disguises::SPACING);
        self.joined = Some(first.script);
        self.write_single(first, true);
        for s in rest {
            self.write_single(s, false);
        }
    }

    fn write_single(&mut self, s: &Single, first: bool) {
        if first {
            self.open_if_needed(s);
        }
        let mode = self.letter_mode(s.script);
        let mut flags = s.flags;
        if !first && s.gap_invis {
            flags |= flag::INVIS_BEFORE;
        }
        self.push_char(s.c, s.src, s.end, mode, s.count.max(1), flags, true);
        if let Some(cur) = self.cur.as_mut() {
            cur.case.upper += s.upper;
            cur.case.lower += s.lower;
            if s.upper + s.lower > 0 {
                cur.case.first_upper.get_or_insert(s.first_upper);
            }
        }
    }

    fn open_if_needed(&mut self, s: &Single) {
        if self.cur.is_none() {
            self.open(TokenKind::Word, s.sep, s.src, None);
        }
    }

    /// Writes out pending single letters: two joined if only a `.`, `-` or
    /// `_` separated them (`U.S`), otherwise one by one.
    #[inline]
    pub fn flush_singles(&mut self) {
        if self.joined.is_none() && self.singles[0].is_none() {
            return;
        }
        if self.joined.take().is_some() {
            self.close();
            return;
        }
        match std::mem::take(&mut self.singles) {
            [Some(a), Some(b)] if b.gap_tight => {
                self.open_joined(&a, &[b]);
                self.joined = None;
                self.close();
            }
            [a, b] => {
                for s in [a, b].into_iter().flatten() {
                    self.write_single(&s, true);
                    self.close();
                }
            }
        }
    }
}

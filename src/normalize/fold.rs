//! Step one: characters of the input, NFKC-normalized, stripped of invisible
//! characters and diacritics, lowercased and folded, each remembering the
//! original bytes it came from.
//!
//! Input is cut into NFKC segments: a segment starts at a character that
//! nothing before it can combine with (see `tables::BOUNDARY`), so
//! normalizing segment by segment equals normalizing the whole text, and
//! every output character can be traced to the segment it came from. Most
//! segments are one character that is already NFKC; those skip the
//! normalizer entirely.

use super::tables::{self, info, Class, Info, LATIN};
use super::Config;
use unicode_normalization::{is_nfkc_quick, IsNormalized, UnicodeNormalization};

/// `FChar::flags` bits. The disguise bits are mapped to `Disguises` when a
/// token is written.
pub(crate) mod flag {
    /// The original letter was uppercase / lowercase.
    pub const UPPER: u32 = 1 << 0;
    pub const LOWER: u32 = 1 << 1;
    /// An invisible character was removed right before this one.
    pub const INVIS_BEFORE: u32 = 1 << 2;
    pub const COMPAT: u32 = 1 << 3;
    pub const DIACRITIC: u32 = 1 << 4;
    pub const ARABIC: u32 = 1 << 5;
    pub const LEET: u32 = 1 << 6;
    pub const HOMOGLYPH: u32 = 1 << 7;
    // `UPPER` and `LOWER` are the bits of `tables::UPPER` and `LOWER`.
    const _: () = assert!(
        UPPER == super::super::tables::UPPER as u32 && LOWER == super::super::tables::LOWER as u32
    );
    /// A token boundary (camel case) comes before this character.
    pub const SPLIT: u32 = 1 << 8;
    /// Part of a word but not written (an apostrophe between letters).
    pub const SKIP: u32 = 1 << 9;
    /// `.` `,` `:` `/` `-` between two digits: part of a number.
    pub const NUMPUNCT: u32 = 1 << 10;
    /// A separator inside a word run: ends a token, next one is `Sep::Space`.
    pub const GAP: u32 = 1 << 11;
    /// `_` in a hashtag or `_`/`.` in a handle: ends a token, next is Glued.
    pub const JOINT: u32 = 1 << 12;
    const SCRIPT_SHIFT: u32 = 13;
    /// Can combine with a character before it under NFC (a combining mark,
    /// a Hangul vowel jamo): must not land next to one it would combine
    /// with in the canonical text.
    pub const NONSTARTER: u32 = 1 << 15;

    pub const fn script(script: u8) -> u32 {
        (script as u32 & 3) << SCRIPT_SHIFT
    }
    pub const fn get_script(flags: u32) -> u8 {
        ((flags >> SCRIPT_SHIFT) & 3) as u8
    }
    pub const SCRIPT_MASK: u32 = 3 << SCRIPT_SHIFT;
}

/// One character after folding.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct FChar {
    /// The folded character (lowercase; confusables and leetspeak are
    /// applied later, per word).
    pub c: char,
    /// Original byte range.
    pub src: u32,
    pub end: u32,
    pub flags: u32,
    /// ASCII letter this looks like (UTS #39), 0 if none or disabled.
    pub conf: u8,
    pub class: Class,
}

impl FChar {
    /// The character `inf` describes from original bytes `src..end`, as
    /// the options fold it, with `flags` (its script, and what the text
    /// around it says) and the flags of its own: case, the folds taken.
    #[inline(always)]
    pub fn folded(inf: &Info, src: u32, end: u32, mut flags: u32, cfg: &Config) -> FChar {
        if inf.has(tables::UPPER) {
            flags |= flag::UPPER;
        } else if inf.has(tables::LOWER) {
            flags |= flag::LOWER;
        }
        if !inf.has(tables::BOUNDARY) {
            flags |= flag::NONSTARTER;
        }
        let keep = inf.flags & cfg.keep_mask != 0;
        let c = if keep { inf.lower } else { inf.fold };
        if !keep {
            if inf.has(tables::FOLD_DIACRITIC) {
                flags |= flag::DIACRITIC;
            }
            if inf.has(tables::FOLD_ARABIC) {
                flags |= flag::ARABIC;
            }
        }
        let conf = if cfg.confusables
            && (inf.conf & tables::CONF_STRIPS_MARKS == 0 || cfg.strip_diacritics)
        {
            inf.conf & !tables::CONF_STRIPS_MARKS
        } else {
            0
        };
        FChar {
            c,
            src,
            end,
            flags,
            conf,
            class: inf.class,
        }
    }

    /// The character for the ASCII byte `b` at `src`: what
    /// [`FChar::folded`] gives, less what ASCII never has (a fold of an
    /// option, a look-alike, a combining mark). Read by the folder for
    /// every ASCII character, and by the fast path for its one-letter
    /// words (`T.T.P`, `TTTT…`).
    #[inline]
    pub fn ascii(src: u32, b: u8) -> FChar {
        let inf = tables::info(b as char);
        // `tables::UPPER` and `LOWER` are `flag::UPPER` and `LOWER`.
        let case = u32::from(inf.flags & (tables::UPPER | tables::LOWER));
        FChar {
            c: inf.fold,
            src,
            end: src + 1,
            flags: flag::script(inf.script) | case,
            conf: 0,
            class: inf.class,
        }
    }

    #[inline]
    pub fn has(&self, f: u32) -> bool {
        self.flags & f != 0
    }
    #[inline]
    pub fn script(&self) -> u8 {
        flag::get_script(self.flags)
    }
    #[inline]
    pub fn set_script(&mut self, script: u8) {
        self.flags = (self.flags & !flag::SCRIPT_MASK) | flag::script(script);
    }
    #[inline]
    pub fn is_letter(&self) -> bool {
        self.class == Class::Letter
    }
    #[inline]
    pub fn is_digit(&self) -> bool {
        self.class == Class::Digit
    }
    #[inline]
    pub fn is_word(&self) -> bool {
        matches!(self.class, Class::Letter | Class::Digit)
    }
}

/// NFKC of segments of several characters (a letter and its marks), with
/// a small memo kept from one call to the next: running unicode-
/// normalization's iterators costs several hundred instructions a
/// character, and text with diacritics, or Zalgo, repeats its segments.
#[derive(Clone, Debug, Default)]
pub(crate) struct Nfkc {
    /// The form of the last segment asked for, when NFKC changes it.
    out: String,
    memo: Vec<Memo>,
}

#[derive(Clone, Debug, Default)]
struct Memo {
    seg: String,
    /// NFKC leaves `seg` as it is (quick check `Yes`).
    same: bool,
    form: String,
}

impl Nfkc {
    const SLOTS: usize = 64;
    /// Longer segments are normalized every time (a mark storm is one).
    const MAX_SEG: usize = 32;

    /// True if NFKC leaves `seg` alone (quick check `Yes`); otherwise its
    /// NFKC form is left in `self.out`.
    fn form(&mut self, seg: &str) -> bool {
        let compute = |out: &mut String| {
            if is_nfkc_quick(seg.chars()) == IsNormalized::Yes {
                return true;
            }
            out.clear();
            out.extend(seg.nfkc());
            false
        };
        if seg.len() > Self::MAX_SEG {
            return compute(&mut self.out);
        }
        if self.memo.is_empty() {
            self.memo.resize(Self::SLOTS, Memo::default());
        }
        // FNV-1a over the bytes picks the slot.
        let h = seg.bytes().fold(0xcbf2_9ce4_8422_2325u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x100_0000_01b3)
        });
        let m = &mut self.memo[(h % Self::SLOTS as u64) as usize];
        if m.seg != seg {
            m.same = compute(&mut self.out);
            m.seg.clear();
            m.seg.push_str(seg);
            if !m.same {
                m.form.clear();
                m.form.push_str(&self.out);
            }
            return m.same;
        }
        if !m.same {
            self.out.clear();
            self.out.push_str(&m.form);
        }
        m.same
    }
}

/// Folds characters of `text` from `*pos` into `buf` until a whitespace
/// character (included) or the end of `text`, leaving `*pos` after it.
/// `limit` caps how far into `text` it reads.
pub(crate) struct Folder<'a> {
    pub text: &'a str,
    pub limit: usize,
    pub cfg: &'a Config,
    /// Scratch for segments that NFKC changes.
    pub nfkc: &'a mut Nfkc,
    /// An invisible character (or a dropped decoration) waits for the next
    /// character to attach to.
    pending: u32,
    /// Take the shortcuts that skip NFKC where it changes nothing (off
    /// only in tests that check so, as the fast path is).
    shortcuts: bool,
}

impl<'a> Folder<'a> {
    pub fn new(
        text: &'a str,
        limit: usize,
        cfg: &'a Config,
        nfkc: &'a mut Nfkc,
        shortcuts: bool,
    ) -> Self {
        Folder {
            text,
            limit,
            cfg,
            nfkc,
            pending: 0,
            shortcuts,
        }
    }

    /// True if nothing waits to attach to the next character, so the fast
    /// path may take over.
    #[inline]
    pub fn idle(&self) -> bool {
        self.pending == 0
    }

    /// Appends one chunk (up to and including a whitespace character) to
    /// `buf`. Returns false when there is nothing left to read.
    pub fn chunk(&mut self, pos: &mut usize, buf: &mut Vec<FChar>) -> bool {
        let bytes = self.text.as_bytes();
        let limit = self.limit;
        if *pos >= limit {
            return false;
        }
        // The character at `*pos` and its facts when the segment before
        // already decoded it (looking for where that segment ends).
        let mut next: Option<(char, Info)> = None;
        while *pos < limit {
            let start = *pos;
            let b = bytes[start];
            if b < 0x80 && bytes.get(start + 1).map_or(true, |&n| n < 0x80) {
                // A lone ASCII character is its own NFKC segment.
                *pos = start + 1;
                let class = self.push_ascii(buf, b, start as u32);
                if matches!(class, Class::Space | Class::Newline) {
                    break;
                }
                continue;
            }
            let (c, ci) = match next.take() {
                Some(known) => known,
                None => {
                    let Some(c) = self.text.get(start..).and_then(|s| s.chars().next()) else {
                        break;
                    };
                    (c, info(c))
                }
            };
            let mut end = start + c.len_utf8();
            let mut multi = false;
            while end < limit && bytes[end] >= 0x80 {
                let Some(d) = self.text.get(end..).and_then(|s| s.chars().next()) else {
                    break;
                };
                let di = info(d);
                if di.has(tables::BOUNDARY) {
                    next = Some((d, di));
                    break;
                }
                end += d.len_utf8();
                multi = true;
            }
            *pos = end;
            self.segment(buf, c, ci, start, end, multi);
            if buf
                .last()
                .is_some_and(|f| matches!(f.class, Class::Space | Class::Newline))
            {
                break;
            }
        }
        true
    }

    fn segment(
        &mut self,
        buf: &mut Vec<FChar>,
        c: char,
        ci: Info,
        start: usize,
        end: usize,
        multi: bool,
    ) {
        let (s, e) = (start as u32, end as u32);
        if !multi && ci.has(tables::NFKC_YES) {
            self.push(buf, &ci, s, e, 0);
            return;
        }
        if ci.has(tables::KEEP) {
            // A phrase ligature is kept whole (see `tables::is_phrase`);
            // what follows it in the segment is read on its own.
            let next = start + c.len_utf8();
            self.push(buf, &ci, s, next as u32, 0);
            if let Some(d) = self.text[next..end].chars().next() {
                let more = next + d.len_utf8() < end;
                self.segment(buf, d, info(d), next, end, more);
            }
            return;
        }
        if !multi {
            // One character NFKC changes: its form is cached.
            if let Some(form) = tables::nfkc_form(c) {
                self.push_chars(buf, form, s, e, ci.has(tables::COMPAT));
                return;
            }
            // Past plane 1: not cached.
            self.nfkc.out.clear();
            tables::push_nfkc(c, &mut self.nfkc.out);
            self.push_form(buf, s, e, ci.has(tables::COMPAT));
            return;
        }
        let seg = &self.text[start..end];
        if self.stripped_anyway(c, &seg[c.len_utf8()..]) || self.nfkc.form(seg) {
            for (off, ch) in seg.char_indices() {
                let o = s + off as u32;
                self.push(buf, &info(ch), o, o + ch.len_utf8() as u32, 0);
            }
            return;
        }
        let compat = seg.chars().any(|ch| info(ch).has(tables::COMPAT));
        self.push_form(buf, s, e, compat);
    }

    /// True if `marks`, the rest of a segment that starts with the letter
    /// `c`, go whatever NFKC would do with them: `c` is an ASCII letter,
    /// diacritics are stripped, and they are combining marks without a
    /// compatibility form (none has one today; NFKC would then mark the
    /// letter as a compatibility fold). NFKC could only compose some into
    /// `c` (a letter that folds back to `c` as a diacritic, see the test
    /// `ascii_compositions_fold_back`) and reorder the rest, which
    /// `Folder::mark` strips from `c` either way, so the segment can be
    /// read as it is. A Zalgo storm (a letter with thousands of marks)
    /// spent most of its time in NFKC.
    fn stripped_anyway(&self, c: char, marks: &str) -> bool {
        self.shortcuts
            && self.cfg.strip_diacritics
            && c.is_ascii_alphabetic()
            && marks.chars().all(|m| {
                let inf = info(m);
                inf.class == Class::Mark && !inf.has(tables::COMPAT)
            })
    }

    /// Pushes the NFKC form left in `self.nfkc.out`, every character from
    /// the whole segment `s..e`, marked as a compatibility fold if `compat`.
    fn push_form(&mut self, buf: &mut Vec<FChar>, s: u32, e: u32, compat: bool) {
        let out = std::mem::take(&mut self.nfkc.out);
        self.push_chars(buf, &out, s, e, compat);
        self.nfkc.out = out;
    }

    /// Pushes every character of `form`, each from the whole segment
    /// `s..e`, marked as a compatibility fold if `compat`.
    #[inline]
    fn push_chars(&mut self, buf: &mut Vec<FChar>, form: &str, s: u32, e: u32, compat: bool) {
        let extra = if compat { flag::COMPAT } else { 0 };
        for ch in form.chars() {
            self.push(buf, &info(ch), s, e, extra);
        }
    }

    /// `push` for an ASCII character: no mark, no fold, no look-alike, a
    /// boundary; only the controls are invisible.
    #[inline(always)]
    fn push_ascii(&mut self, buf: &mut Vec<FChar>, b: u8, src: u32) -> Class {
        let mut f = FChar::ascii(src, b);
        if f.class == Class::Invisible {
            self.pending |= flag::INVIS_BEFORE;
            return f.class;
        }
        f.flags |= self.pending;
        buf.push(f);
        self.pending = 0;
        f.class
    }

    #[inline(always)]
    fn push(&mut self, buf: &mut Vec<FChar>, inf: &Info, src: u32, end: u32, extra: u32) {
        let cfg = self.cfg;
        match inf.class {
            Class::Invisible => {
                self.pending |= flag::INVIS_BEFORE;
                return;
            }
            Class::Mark if self.mark(buf, inf, end) => return,
            Class::Letter if inf.fold == '\0' && cfg.arabic => {
                // Tatweel and the stray high hamza: decoration, removed.
                match buf.last_mut() {
                    Some(prev) if prev.is_letter() => prev.flags |= flag::ARABIC,
                    _ => self.pending |= flag::ARABIC,
                }
                return;
            }
            _ => {}
        }
        let mut script = inf.script;
        if inf.class == Class::Mark {
            // A kept mark is filed under its letter's script.
            script = buf.last().map_or(script, FChar::script);
        }
        let flags = extra | self.pending | flag::script(script);
        self.pending = 0;
        buf.push(FChar::folded(inf, src, end, flags, cfg));
    }

    /// Handles a combining mark; true if it was absorbed (dropped) rather
    /// than kept as a character of its own.
    fn mark(&mut self, buf: &mut [FChar], inf: &Info, end: u32) -> bool {
        let cfg = self.cfg;
        let Some(prev) = buf.last_mut() else {
            return true;
        };
        if !matches!(prev.class, Class::Letter | Class::Mark) {
            // A mark on a digit, a symbol or nothing: decoration (Zalgo).
            return true;
        }
        if inf.fold == '\0' && cfg.arabic {
            prev.flags |= flag::ARABIC;
        } else if prev.script() == LATIN && cfg.strip_diacritics {
            prev.flags |= flag::DIACRITIC;
        } else {
            return false;
        }
        // The removed mark belongs to its letter's original span.
        prev.end = prev.end.max(end);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::tables::{info, Class, FOLD_DIACRITIC};
    use unicode_normalization::char::decompose_canonical;

    /// Every character whose canonical decomposition is an ASCII letter and
    /// combining marks folds back to that letter, as a diacritic: what
    /// `Folder::stripped_anyway` relies on when it leaves such a segment
    /// to the marks' own folds instead of composing it.
    #[test]
    fn ascii_compositions_fold_back() {
        let mut n = 0;
        for c in (0x80..0x30000).filter_map(char::from_u32) {
            let mut d = Vec::new();
            decompose_canonical(c, |x| d.push(x));
            let [base, marks @ ..] = d.as_slice() else {
                continue;
            };
            let marked = !marks.is_empty() && marks.iter().all(|&m| info(m).class == Class::Mark);
            // Only what composition can give: not a singleton such as
            // the Angstrom sign, which NFC replaces.
            let composed = unicode_normalization::is_nfc(c.encode_utf8(&mut [0; 4]));
            if !base.is_ascii_alphabetic() || !marked || !composed {
                continue;
            }
            let inf = info(c);
            let what = format!("U+{:04X}", c as u32);
            assert_eq!(inf.class, Class::Letter, "{what}");
            assert_eq!(inf.fold, base.to_ascii_lowercase(), "{what}");
            assert_ne!(inf.flags & FOLD_DIACRITIC, 0, "{what}");
            n += 1;
        }
        // Latin-1, Latin Extended and Latin Extended Additional: 488
        // letters in the Unicode version of unicode-normalization 0.1.26.
        assert!(n > 400, "{n}");
    }
}

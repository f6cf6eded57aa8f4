//! Which digits of a Latin word read as leetspeak letters (`T4l1b4n`,
//! `73rr0r`, `H@rk47`, `th3`) and which stay a number (`5kg`, `mp3`,
//! `covid19`, `10pm`, `15aug`, `90sKids`, `g7`).
//!
//! Idempotence shapes every rule. The second pass reads the canonical
//! text, where the word is lowercase, symbols and digits read as letters
//! are plain letters, and repeated letters are collapsed. So a rule may
//! read digits as letters for a reason the second pass no longer sees
//! (capitals, a symbol, another group read as letters): those digits are
//! letters by then. But it may keep a number only for reasons the second
//! pass still sees: the letters, the digits, units.

use crate::normalize::fold::{flag, FChar};
use crate::normalize::tables::{is_leet_symbol, leet, Class, ARABIC, LATIN};

use super::to_letter;

/// A run of digits, across what the canonical text does not write (a
/// hashtag's `_`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Group {
    s: usize,
    e: usize,
    /// How many digits.
    len: usize,
    /// May read as letters: only ASCII digits leetspeak uses, no number
    /// punctuation (`1.5`), at most four.
    ok: bool,
}

/// Words written right after a number (`5kg`, `3days`, `10pm`, `15aug`,
/// `50cent`): the number in front stays a number. Compared with repeats
/// collapsed on both sides (`weeks` is `weks` in the canonical text).
/// Sorted.
const UNITS: &[&str] = &[
    "aed", "am", "bn", "cc", "cent", "cents", "cm", "cr", "crore", "day", "days", "deg", "dollars",
    "euro", "euros", "feet", "fps", "ft", "gb", "gbps", "ghz", "gm", "gms", "hour", "hours", "hp",
    "hr", "hrs", "hz", "inch", "inches", "inr", "kb", "kbps", "kg", "kgs", "km", "kmph", "kms",
    "kw", "kwh", "lac", "lakh", "lb", "lbs", "ltr", "mah", "mb", "mbps", "mg", "mhz", "min",
    "mins", "ml", "mm", "mn", "month", "months", "mp", "mph", "ms", "nights", "off", "oz", "pc",
    "pcs", "pkr", "plus", "pm", "px", "rs", "rupees", "sar", "sec", "secs", "star", "stars", "tb",
    "times", "usd", "wd", "week", "weeks", "year", "years", "yo", "yr", "yrs",
];

/// Months, after a day of the month (`15aug`, `14august`; `0mar` is no
/// date). Sorted.
#[rustfmt::skip]
const MONTHS: &[&str] = &[
    "apr", "april", "aug", "august", "dec", "december", "feb", "february", "jan", "january", "jul",
    "july", "jun", "june", "mar", "march", "may", "nov", "november", "oct", "october", "sep",
    "sept", "september",
];

/// Words that start a longer glued word after a number (`3DayWeekend`,
/// `5starhotel`); full month names do too (`14augustcelebrations`).
const UNIT_PREFIXES: &[&str] = &[
    "day", "hour", "minute", "month", "night", "second", "star", "time", "week", "year",
];

/// Words a number follows directly (`part1`, `day1`, `top5`, `USD5`,
/// `ios7`): the number after them stays a number. Compared with repeats
/// collapsed on both sides. Sorted.
const COUNTED: &[&str] = &[
    "act", "aed", "block", "chapter", "class", "day", "ep", "episode", "eur", "floor", "game",
    "gate", "gbp", "grade", "inr", "ios", "iphone", "level", "match", "mission", "no", "note",
    "page", "part", "pg", "phase", "pixel", "pkr", "platform", "pt", "room", "round", "route",
    "rs", "sar", "scene", "season", "sector", "stage", "step", "test", "top", "usd", "ver",
    "version", "vol", "web", "week", "win", "windows", "year", "zone",
];

/// Consonant clusters that start words (English and Roman Urdu): the
/// consonants before the first vowel of a reading must be one of these,
/// or a single one. `mp`, `ps` (`mp3`, `ps4`) are not.
const ONSETS: &[&str] = &[
    "bh", "bl", "br", "ch", "chh", "chr", "cl", "cr", "dh", "dr", "dw", "fl", "fr", "gh", "gl",
    "gr", "gw", "jh", "kh", "khw", "kl", "kn", "kr", "kw", "ph", "phr", "pl", "pr", "rh", "sc",
    "sch", "scr", "sh", "shr", "sk", "sl", "sm", "sn", "sp", "spl", "spr", "sq", "sr", "st", "str",
    "sw", "th", "thr", "tr", "ts", "tw", "wh", "wr", "zh",
];

/// A sorted list of lowercase words with, for each first letter `a`..`z`,
/// the range of its words: `same_collapsed` only ever matches words with
/// the same first letter, so a lookup reads those few instead of the list
/// (a list scan was most of the cost of reading `7aliban`).
struct Words {
    list: &'static [&'static str],
    by_first: [(u8, u8); 26],
    /// Bit `i`: word `i` has a letter twice in a row (`feet`, `week`).
    doubled: u128,
}

impl Words {
    const fn new(list: &'static [&'static str]) -> Words {
        assert!(list.len() <= 128);
        let mut by_first = [(0u8, 0u8); 26];
        let mut doubled = 0u128;
        let mut i = 0;
        while i < list.len() {
            let w = list[i].as_bytes();
            let k = (w[0] - b'a') as usize;
            if by_first[k].1 == 0 {
                by_first[k].0 = i as u8;
            }
            by_first[k].1 = i as u8 + 1;
            let mut j = 1;
            while j < w.len() {
                if w[j] == w[j - 1] {
                    doubled |= 1 << i;
                }
                j += 1;
            }
            i += 1;
        }
        Words {
            list,
            by_first,
            doubled,
        }
    }

    /// True if a word of the list at least `min` long equals `word` (or,
    /// with `prefix`, starts it) once repeats are collapsed on both sides.
    /// `squeezed`: `word` has no letter twice in a row already, so against
    /// a word of the list without one either, plain equality says it.
    fn find(&self, word: &[u8], squeezed: bool, prefix: bool, min: usize) -> bool {
        self.range(word.first()).any(|i| {
            let Some(u) = self.list.get(i).map(|u| u.as_bytes()) else {
                return false;
            };
            if u.len() < min {
                return false;
            }
            let w = if prefix {
                match word.get(..u.len()) {
                    Some(w) => w,
                    None => return false,
                }
            } else {
                word
            };
            if squeezed && self.doubled >> i & 1 == 0 {
                w == u
            } else {
                same_collapsed(w, u)
            }
        })
    }

    /// The words starting with `b`.
    #[inline]
    fn starting(&self, b: Option<&u8>) -> &'static [&'static str] {
        self.list.get(self.range(b)).unwrap_or(&[])
    }

    /// Where in the list the words starting with `b` are (empty if none).
    #[inline]
    fn range(&self, b: Option<&u8>) -> std::ops::Range<usize> {
        b.and_then(|&b| self.by_first.get(usize::from(b.wrapping_sub(b'a'))))
            .map_or(0..0, |&(s, e)| usize::from(s)..usize::from(e))
    }
}

static UNITS_BY: Words = Words::new(UNITS);
static MONTHS_BY: Words = Words::new(MONTHS);
static UNIT_PREFIXES_BY: Words = Words::new(UNIT_PREFIXES);
static COUNTED_BY: Words = Words::new(COUNTED);

/// Letters that are a unit alone after a digit (`5g`, `4k`, `3d`, `2x`).
const UNIT_LETTERS: &[u8] = b"kmhdswygxb";

fn is_latin(f: &FChar) -> bool {
    f.is_letter() && f.script() != ARABIC
}

/// Reads digit groups as letters where the word is otherwise letters and
/// the reading looks like a word, in order:
///
/// * a word of one letter and one digit (`4l`, `t0`, `0f`): the digit,
///   unless digit-then-unit (`5g`, `4k`) or no vowel (`g7`);
/// * if every group between letters may read (one to three leetable
///   digits, four beside another group: `F0und4710n`), all that may, when
///   the reading looks like a word (`T4l1b4n`, `B0k0`; not `mp3s`);
/// * with none inside: one or two leading digits before two or more
///   letters (`7aliban`, `73rr0r`, `15IL`), unless a unit, a month, an
///   ordinal or a decade follows (`3days`, `10pm`, `15aug`, `4th`, `90s`),
///   or the two read as two vowels (`10`, `14`, `30`: round numbers);
///   then the trailing digit after two or more letters (`Medi4`, `th3`;
///   not `mp3`, `part1`, `top5`), or two or three with a symbol or leading digits read in
///   the word (`H@rk47`, `15lam1`; not `covid19`, `agent47`).
///
/// Capitals alone (`7TP`) skip the look of a word: acronyms have no vowel.
pub(super) fn leet_digits(w: &mut [FChar], groups: &mut Vec<Group>, collapse: bool) {
    groups.clear();
    let mut k = 0;
    while k < w.len() {
        if !w[k].is_digit() {
            k += 1;
            continue;
        }
        let s = k;
        let (mut ok, mut len, mut e) = (true, 0, k);
        let unwritten = flag::SKIP | flag::JOINT;
        while k < w.len() && (w[k].is_digit() || w[k].has(flag::NUMPUNCT | unwritten)) {
            if w[k].is_digit() {
                len += 1;
                e = k + 1;
            }
            ok &= w[k].has(unwritten) || (w[k].c.is_ascii_digit() && leet(w[k].c).is_some());
            k += 1;
        }
        // What follows the last digit is not part of the group.
        k = e;
        groups.push(Group {
            s,
            e,
            len,
            ok: ok && len <= 4,
        });
    }
    if groups.is_empty() {
        return;
    }
    // One pass: where the letters start and end, their case, and whether
    // anything else the canonical text will show is there (`_` of a
    // hashtag, an apostrophe, will not).
    let (mut first, mut last, mut others) = (None, 0, false);
    let (mut upper, mut lower, mut symbols) = (0, 0, false);
    for (k, f) in w.iter().enumerate() {
        if is_latin(f) {
            first.get_or_insert(k);
            last = k;
            if f.has(flag::LEET) {
                symbols = true;
            } else if f.has(flag::UPPER) {
                upper += 1;
            } else if f.has(flag::LOWER) {
                lower += 1;
            }
        } else if !f.has(flag::SKIP | flag::JOINT) && !f.is_digit() {
            others = true;
        }
    }
    let Some(first) = first else {
        return;
    };
    let caps = upper >= 2 && lower == 0;

    // One letter and one digit.
    if let [Group {
        s,
        e,
        len: 1,
        ok: true,
    }] = groups[..]
    {
        if letter_units(w, collapse) == 1 && !others && (s == 0 || e == w.len()) {
            let l = w[last].c;
            let unit = s == 0 && l.is_ascii() && UNIT_LETTERS.contains(&(l as u8));
            if !unit && plausible(w, collapse, groups, |g| g.s == s) {
                fold(w, s, e);
            }
            return;
        }
    }

    let internal = |g: &Group| first < g.s && g.e <= last;
    if groups.iter().any(internal) {
        let beside = symbols || groups.len() >= 2;
        let reads = |g: &Group| g.ok && (g.len <= 3 || beside);
        if groups.iter().filter(|g| internal(g)).all(reads)
            && (caps || plausible(w, collapse, groups, reads))
        {
            for &g in groups.iter().filter(|g| reads(g)) {
                fold(w, g.s, g.e);
            }
        }
        return;
    }

    let mut remaining = groups.len();
    let mut read_leading = false;
    let Group { s, e, len, ok } = groups[0];
    if ok && e <= first && len <= 2 {
        let end = groups.get(1).map_or(w.len(), |g| g.s);
        // Two digits that read as two vowels are a round number, not the
        // start of a word (`10`, `14`, `30`, `40`).
        let vowels = w[s..e]
            .iter()
            .filter(|f| matches!(f.c, '0' | '1' | '3' | '4'))
            .count();
        let round = len == 2 && vowels == 2;
        if !round
            && !number_word(&w[s..e], &w[e..], collapse, true)
            && letter_units(&w[e..end], collapse) >= 2
            && (caps || plausible(w, collapse, groups, |g| g.s == s))
        {
            fold(w, s, e);
            remaining -= 1;
            read_leading = true;
        }
    }

    if let Some(&Group { s, e, len, ok }) = groups.last() {
        if ok
            && len <= 3
            && e == w.len()
            && s > last
            && remaining == 1
            && (len == 1 || symbols || read_leading)
            && letter_units(&w[..s], collapse) >= 2
            && !counted(&w[..s])
            && plausible(w, collapse, groups, |g| g.s == s)
        {
            fold(w, s, e);
        }
    }
}

/// True if the letters that end `w` are a word a number follows
/// (`COUNTED`).
fn counted(w: &[FChar]) -> bool {
    let mut word = [0u8; 16];
    let mut n = 0;
    for f in w.iter().rev().filter(|f| !f.has(flag::SKIP | flag::JOINT)) {
        if !is_latin(f) {
            break;
        }
        if n == word.len() || !f.c.is_ascii() {
            return false;
        }
        word[n] = f.c as u8;
        n += 1;
    }
    word[..n].reverse();
    COUNTED_BY
        .starting(word[..n].first())
        .iter()
        .any(|u| same_collapsed(&word[..n], u.as_bytes()))
}

#[inline]
fn fold(w: &mut [FChar], s: usize, e: usize) {
    for f in w[s..e].iter_mut().filter(|f| f.is_digit()) {
        let l = leet(f.c).unwrap_or(f.c);
        to_letter(f, l);
    }
}

/// Letters of `w` as the canonical text will have them: a run of one
/// Latin letter counts once, since it collapses (`aa4` reads like `a4`).
fn letter_units(w: &[FChar], collapse: bool) -> usize {
    let mut n = 0;
    let mut last = None;
    for f in w.iter().filter(|f| !f.has(flag::SKIP | flag::JOINT)) {
        if !is_latin(f) {
            last = None;
            continue;
        }
        let latin = f.script() == LATIN;
        if !(collapse && latin && last == Some(f.c)) {
            n += 1;
        }
        last = latin.then_some(f.c);
    }
    n
}

/// True if `digits` followed by the letters of `after` read as a number
/// and what it counts: a unit, a date, a word glued after one
/// (`3DayWeekend`), an ordinal (`4th`, `21st`), a decade (`90s`); with
/// `single`, one letter too (`5k`, `4g`). The letters must end the word
/// (`d` in `Cru$4d3r` is no unit). Also asked by the lexer about `@7pm`.
pub(crate) fn number_word(digits: &[FChar], after: &[FChar], collapse: bool, single: bool) -> bool {
    // The letters up to the next non-letter, ASCII, collapsed if the
    // canonical text collapses them.
    let mut word = [0u8; 16];
    let mut n = 0;
    let mut last = None;
    let mut ends = true;
    // `_` in a hashtag (`JOINT`) is not written: the pieces read glued.
    for f in after.iter().filter(|f| !f.has(flag::SKIP | flag::JOINT)) {
        if !is_latin(f) {
            ends = !(f.is_word() || (f.class == Class::Punct && is_leet_symbol(f.c)));
            break;
        }
        if collapse && last == Some(f.c) {
            continue;
        }
        last = Some(f.c);
        if n == word.len() {
            break;
        }
        word[n] = if f.c.is_ascii() { f.c as u8 } else { 0 };
        n += 1;
    }
    let word = &word[..n];
    // With `collapse` the word was read squeezed (a non-ASCII letter, read
    // as 0, matches nothing either way).
    let starts = |list: &Words, min: usize| list.find(word, collapse, true, min);
    let exact = |list: &Words| ends && list.find(word, collapse, false, 0);
    let mut value = 0u32;
    for f in digits.iter().filter(|f| f.is_digit()) {
        value = value
            .saturating_mul(10)
            .saturating_add(f.c.to_digit(10).unwrap_or(0));
    }
    let last_digit = value % 10;
    let teen = value % 100 / 10 == 1;
    let ordinal = ends
        && match word {
            b"th" => true,
            b"st" => last_digit == 1 && !teen,
            b"nd" => last_digit == 2 && !teen,
            b"rd" => last_digit == 3 && !teen,
            _ => false,
        };
    let decade = (10..100).contains(&value) && last_digit == 0 && word.first() == Some(&b's');
    let day = (1..=31).contains(&value);
    ordinal
        || decade
        || (single && ends && n == 1 && UNIT_LETTERS.contains(&word[0]))
        || exact(&UNITS_BY)
        || starts(&UNIT_PREFIXES_BY, 0)
        || (day && (exact(&MONTHS_BY) || starts(&MONTHS_BY, 5)))
}

/// Equal once runs of one letter are collapsed on both sides.
fn same_collapsed(a: &[u8], b: &[u8]) -> bool {
    // The first letter always survives: most words of the lists are told
    // apart by it, without building the iterators.
    if a.first() != b.first() {
        return false;
    }
    fn squeeze(s: &[u8]) -> impl Iterator<Item = u8> + '_ {
        let mut prev = None;
        s.iter()
            .copied()
            .filter(move |&c| prev.replace(c) != Some(c))
    }
    squeeze(a).eq(squeeze(b))
}

/// True if every stretch of letters that takes a digit of a group `pick`
/// chooses looks like a word: it has a vowel, and the consonants it starts
/// with are one, or a cluster words start with. `th3`, `7he`, `51pah`
/// read; `mp3`, `5kg`, `ps4`, `g7`, `gr8` do not.
fn plausible(w: &[FChar], collapse: bool, groups: &[Group], pick: impl Fn(&Group) -> bool) -> bool {
    let mut seg = Reading::default();
    let mut gi = 0;
    for (k, f) in w.iter().enumerate() {
        // Not written (`'`, `_` in a hashtag, dropped marks) or written
        // inside the letters (marks): the reading goes on across them.
        if f.has(flag::SKIP | flag::JOINT) || f.class == Class::Mark {
            continue;
        }
        let c = if is_latin(f) {
            Some(f.c)
        } else if f.is_digit() {
            while groups.get(gi).is_some_and(|g| g.e <= k) {
                gi += 1;
            }
            let taken = groups.get(gi).is_some_and(|g| g.s <= k && pick(g));
            seg.digit |= taken;
            taken.then(|| leet(f.c)).flatten()
        } else {
            None
        };
        match c {
            Some(c) => seg.push(c, collapse),
            None => {
                if !seg.reads() {
                    return false;
                }
                seg = Reading::default();
            }
        }
    }
    seg.reads()
}

/// The start of a stretch of letters, as far as `plausible` needs it.
#[derive(Default)]
struct Reading {
    /// A digit was read as a letter in it: only then is it judged.
    digit: bool,
    vowel: bool,
    onset: [u8; 3],
    consonants: usize,
    last: Option<char>,
}

impl Reading {
    fn push(&mut self, c: char, collapse: bool) {
        if collapse && self.last == Some(c) {
            return;
        }
        self.last = Some(c);
        if self.vowel {
            return;
        }
        // Other letters (`é` kept, `ß`) count as vowels: no judgement.
        if !c.is_ascii() || matches!(c, 'a' | 'e' | 'i' | 'o' | 'u' | 'y') {
            self.vowel = true;
            return;
        }
        if let Some(slot) = self.onset.get_mut(self.consonants) {
            *slot = c as u8;
        }
        self.consonants += 1;
    }

    fn reads(&self) -> bool {
        if !self.digit {
            return true;
        }
        let n = self.consonants;
        self.vowel
            && (n <= 1 || (n <= 3 && ONSETS.iter().any(|o| o.as_bytes() == &self.onset[..n])))
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn lists_sorted() {
        for list in [
            super::UNITS,
            super::MONTHS,
            super::COUNTED,
            super::UNIT_PREFIXES,
            super::ONSETS,
        ] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
            assert!(list.len() < 256 && list.iter().all(|w| w.as_bytes()[0].is_ascii_lowercase()));
        }
        // Every word is found among those of its first letter.
        for words in [
            &super::UNITS_BY,
            &super::MONTHS_BY,
            &super::COUNTED_BY,
            &super::UNIT_PREFIXES_BY,
        ] {
            for w in words.list {
                assert!(words.starting(w.as_bytes().first()).contains(w), "{w}");
            }
        }
    }
}

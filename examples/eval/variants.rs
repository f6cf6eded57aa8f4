//! Disguised variants of one lexicon term, by family, and the families that
//! do not care about the script (invisible characters, spacing, repeated
//! letters, hashtags).

use crate::rng::Rng;
use crate::term::{self, Script};
use crate::{arabic, latin};
use vigil::{EntryRef, Rule};

/// A disguise family: one row of the recall table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Family {
    Plain,
    Case,
    Diacritics,
    Compatibility,
    ZeroWidth,
    Bidi,
    Homoglyph,
    Leetspeak,
    Spacing,
    Repeat,
    Hashtag,
    ArabicVariant,
    ArabicZeroWidth,
}

impl Family {
    pub const ALL: [Family; 13] = [
        Family::Plain,
        Family::Case,
        Family::Diacritics,
        Family::Compatibility,
        Family::ZeroWidth,
        Family::Bidi,
        Family::Homoglyph,
        Family::Leetspeak,
        Family::Spacing,
        Family::Repeat,
        Family::Hashtag,
        Family::ArabicVariant,
        Family::ArabicZeroWidth,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Family::Plain => "plain",
            Family::Case => "case",
            Family::Diacritics => "diacritics",
            Family::Compatibility => "compatibility",
            Family::ZeroWidth => "zero_width",
            Family::Bidi => "bidi",
            Family::Homoglyph => "homoglyph",
            Family::Leetspeak => "leetspeak",
            Family::Spacing => "spacing",
            Family::Repeat => "repeat",
            Family::Hashtag => "hashtag",
            Family::ArabicVariant => "arabic_variant",
            Family::ArabicZeroWidth => "arabic_zero_width",
        }
    }
}

/// One disguised form of a term, ready to plant in a sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Variant {
    pub family: Family,
    /// Which way of the family produced it (`upper`, `zwsp`, `cyrillic`...).
    pub kind: &'static str,
    pub text: String,
    /// Leading bytes a match need not cover: the `#` of a hashtag.
    pub sigil: usize,
    /// False for an acronym with [`Rule::Caps`] written in lowercase or Title
    /// case: by the documented rule it must *not* match without context, so
    /// it is a control, not a recall trial.
    pub expect: bool,
}

/// Builds the variants of one term; the family modules push into it.
pub struct Gen<'a> {
    pub entry: &'a EntryRef<'a>,
    /// The form every family starts from: the term as listed, or in
    /// capitals for a caps-rule acronym listed without any.
    pub base: String,
    pub chars: Vec<char>,
    /// The entry has [`Rule::Caps`]: families keep the listed case.
    pub caps: bool,
    out: Vec<Variant>,
}

impl<'a> Gen<'a> {
    fn new(entry: &'a EntryRef<'a>, script: Script) -> Gen<'a> {
        let caps = entry.rule == Rule::Caps && script == Script::Latin;
        let base = if caps && !entry.term.chars().any(char::is_uppercase) {
            entry.term.to_uppercase()
        } else {
            entry.term.to_string()
        };
        Gen {
            entry,
            chars: base.chars().collect(),
            base,
            caps,
            out: Vec::new(),
        }
    }

    /// A random source for one family of this term, independent of the
    /// other families and of the order entries are visited in.
    pub fn rng(&self, family: Family) -> Rng {
        Rng::seeded(&[self.entry.term, self.entry.lang, family.name()])
    }

    pub fn push(&mut self, family: Family, kind: &'static str, text: String) {
        self.push_full(family, kind, text, 0, true);
    }

    pub fn push_control(&mut self, family: Family, kind: &'static str, text: String) {
        self.push_full(family, kind, text, 0, false);
    }

    pub fn push_full(
        &mut self,
        family: Family,
        kind: &'static str,
        text: String,
        sigil: usize,
        expect: bool,
    ) {
        // A disguise that changed nothing is not a trial of that disguise.
        if family != Family::Plain && text == self.base {
            return;
        }
        if self
            .out
            .iter()
            .any(|v| v.family == family && v.text == text)
        {
            return;
        }
        self.out.push(Variant {
            family,
            kind,
            text,
            sigil,
            expect,
        });
    }
}

/// Every variant of `entry` in the families that apply to its script.
pub fn generate(entry: &EntryRef<'_>) -> (Script, Vec<Variant>) {
    let script = term::script_of(entry.term);
    let mut g = Gen::new(entry, script);
    let base = g.base.clone();
    g.push(Family::Plain, "as listed", base);
    match script {
        Script::Latin => {
            latin::case(&mut g);
            latin::diacritics(&mut g);
            latin::compatibility(&mut g);
            invisible(&mut g, Family::ZeroWidth, LATIN_ZERO_WIDTH);
            invisible(&mut g, Family::Bidi, LATIN_BIDI);
            latin::homoglyph(&mut g);
            latin::leetspeak(&mut g);
            spacing(&mut g, script);
            repeat(&mut g, script);
            latin::hashtag(&mut g);
        }
        Script::Arabic => {
            arabic::presentation_forms(&mut g);
            invisible(&mut g, Family::ZeroWidth, ARABIC_ZERO_WIDTH);
            invisible(&mut g, Family::Bidi, ARABIC_BIDI);
            spacing(&mut g, script);
            repeat(&mut g, script);
            arabic::hashtag(&mut g);
            arabic::letter_variants(&mut g);
            invisible(&mut g, Family::ArabicZeroWidth, ARABIC_ZWNJ);
        }
        Script::Other => {
            invisible(&mut g, Family::ZeroWidth, LATIN_ZERO_WIDTH);
            invisible(&mut g, Family::Bidi, LATIN_BIDI);
        }
    }
    (script, g.out)
}

type Invisibles = &'static [(&'static str, char)];

const LATIN_ZERO_WIDTH: Invisibles = &[
    ("zwsp", '\u{200B}'),
    ("zwj", '\u{200D}'),
    ("zwnj", '\u{200C}'),
    ("wj", '\u{2060}'),
    ("soft_hyphen", '\u{AD}'),
];
/// ZWNJ has its own family for Arabic script, where it is also a legitimate
/// character inside Persian and Urdu words.
const ARABIC_ZERO_WIDTH: Invisibles = &[
    ("zwsp", '\u{200B}'),
    ("zwj", '\u{200D}'),
    ("wj", '\u{2060}'),
    ("soft_hyphen", '\u{AD}'),
];
const ARABIC_ZWNJ: Invisibles = &[("zwnj", '\u{200C}')];
const LATIN_BIDI: Invisibles = &[("lrm", '\u{200E}'), ("rlm", '\u{200F}')];
const ARABIC_BIDI: Invisibles = &[("lrm", '\u{200E}'), ("rlm", '\u{200F}'), ("alm", '\u{61C}')];

/// Each invisible once at a random place inside a word, then a mix of them
/// between every two letters.
fn invisible(g: &mut Gen<'_>, family: Family, set: Invisibles) {
    let gaps = term::interior_gaps(&g.chars);
    if gaps.is_empty() {
        return;
    }
    let mut rng = g.rng(family);
    for &(kind, c) in set {
        let at = *rng.pick(&gaps);
        let text = term::with_inserts(&g.chars, &[(at, c.to_string())]);
        g.push(family, kind, text);
    }
    let every: Vec<(usize, String)> = gaps
        .iter()
        .map(|&i| (i, rng.pick(set).1.to_string()))
        .collect();
    let text = term::with_inserts(&g.chars, &every);
    g.push(family, "every_gap", text);
}

/// `T.T.P`, `t-t-p`, `T T P`, `T_T_P` for short single words; words joined
/// by `-` or `_` for longer terms.
fn spacing(g: &mut Gen<'_>, script: Script) {
    let words = term::words(&g.base);
    if words.len() >= 2 {
        let hyphen = words.join("-");
        let underscore = words.join("_");
        g.push(Family::Spacing, "hyphen_words", hyphen);
        g.push(Family::Spacing, "underscore_words", underscore);
        return;
    }
    let letters: Vec<char> = g.base.chars().collect();
    if !(2..=6).contains(&letters.len()) || !letters.iter().all(|&c| term::is_letter(c)) {
        return;
    }
    let spread = |sep: &str, lower: bool| {
        let parts: Vec<String> = letters
            .iter()
            .map(|c| {
                if lower {
                    c.to_lowercase().collect()
                } else {
                    c.to_string()
                }
            })
            .collect();
        parts.join(sep)
    };
    let latin = script == Script::Latin;
    g.push(Family::Spacing, "dots", spread(".", false));
    g.push(Family::Spacing, "hyphens", spread("-", latin));
    g.push(Family::Spacing, "spaces", spread(" ", false));
    g.push(Family::Spacing, "underscores", spread("_", false));
}

/// One letter written 3 to 5 times in a row: a vowel and a consonant for
/// Latin terms, a random and the last letter for Arabic script.
fn repeat(g: &mut Gen<'_>, script: Script) {
    let mut rng = g.rng(Family::Repeat);
    let letters = term::letters(&g.chars);
    if letters.is_empty() {
        return;
    }
    let mut picks: Vec<(&'static str, usize)> = Vec::new();
    if script == Script::Latin {
        let is_vowel = |c: char| "aeiouAEIOU".contains(c);
        let vowels: Vec<usize> = letters
            .iter()
            .copied()
            .filter(|&i| is_vowel(g.chars[i]))
            .collect();
        let consonants: Vec<usize> = letters
            .iter()
            .copied()
            .filter(|&i| !is_vowel(g.chars[i]))
            .collect();
        if !vowels.is_empty() {
            picks.push(("vowel", *rng.pick(&vowels)));
        }
        if !consonants.is_empty() {
            picks.push(("consonant", *rng.pick(&consonants)));
        }
    } else {
        picks.push(("letter", *rng.pick(&letters)));
        picks.push(("last_letter", letters[letters.len() - 1]));
    }
    for (kind, at) in picks {
        let times = rng.range(3, 5);
        let extra = g.chars[at].to_string().repeat(times - 1);
        let text = term::with_inserts(&g.chars, &[(at + 1, extra)]);
        g.push(Family::Repeat, kind, text);
    }
}

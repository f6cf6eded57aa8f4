//! What the normalizer hands to the matcher: canonical tokens and what was
//! undone to produce them.

use serde::{Deserialize, Serialize};
use std::fmt;

/// One canonical token of a [`Normalized`](super::Normalized) text.
///
/// `start..end` is the token's byte range in [`Normalized::text`]; the
/// sigil of a hashtag or handle (`#`, `@`) is not inside it. Map it back to
/// the original input with [`Normalized::source_span`].
///
/// A hashtag, handle or camel-cased word is split into several tokens at its
/// inner word boundaries; every token after the first has [`Sep::Glued`], so
/// a lexicon phrase can match across them with or without a space.
///
/// [`Normalized::text`]: super::Normalized::text
/// [`Normalized::source_span`]: super::Normalized::source_span
///
/// # Example
///
/// ```
/// use vigil::{Normalizer, Sep, TokenKind};
///
/// let n = Normalizer::default().normalize("#TehrikITaliban");
/// let words: Vec<&str> = n.tokens().iter().map(|t| n.token_text(t)).collect();
/// assert_eq!(words, ["tehrik", "i", "taliban"]);
/// assert!(n.tokens().iter().all(|t| t.kind == TokenKind::Hashtag));
/// assert_eq!(n.tokens()[1].sep, Sep::Glued);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Token {
    /// Start of the token in the canonical text (bytes).
    pub start: u32,
    /// End of the token in the canonical text (bytes, exclusive).
    pub end: u32,
    /// What kind of token this is.
    pub kind: TokenKind,
    /// How its letters were written in the original text.
    pub case: Case,
    /// What separates it from the previous token.
    pub sep: Sep,
    /// The script of its letters after folding.
    pub script: Script,
    /// Which disguises the normalizer undid inside it.
    pub disguises: Disguises,
}

impl Token {
    /// The token's canonical byte range, as `usize`.
    #[inline]
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

/// The kind of a [`Token`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum TokenKind {
    /// A word of letters (leetspeak already folded to letters).
    Word,
    /// Digits, with inner `.`, `,`, `:`, `/` or `-` kept (`3.14`, `1/3`,
    /// `0300-1234567`). Numbers are never read as leetspeak.
    Number,
    /// A piece of a `#hashtag`.
    Hashtag,
    /// A piece of an `@handle`.
    Handle,
    /// A URL or e-mail address, kept whole and lowercased; the lexicon does
    /// not match inside it.
    Url,
}

/// How the letters of a token were written in the original text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Case {
    /// All cased letters lowercase (`taliban`).
    Lower,
    /// All cased letters uppercase (`TTP`, and `T.T.P` once joined).
    Upper,
    /// First letter uppercase, the rest lowercase (`Taliban`).
    Title,
    /// Anything else (`LeT`, `tTp`).
    Mixed,
    /// No cased letters (Arabic script, digits).
    Uncased,
}

/// What separates a [`Token`] from the token before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sep {
    /// The first token of the text.
    Start,
    /// Nothing: an inner boundary of a hashtag, handle or camel-cased word
    /// (`Tehrik|I|Taliban`), or a letter/digit boundary (`covid|19`).
    Glued,
    /// Whitespace, hyphens, underscores, dots or symbols inside a phrase
    /// (`Tehrik-i-Taliban`, `TTP 🔥 zindabad`).
    Space,
    /// A sentence or line break (`.` `!` `?` `؟` `۔` followed by space,
    /// newline): lexicon phrases do not match across it.
    Break,
}

/// The script of a token's letters after folding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Script {
    /// Latin letters (including look-alikes folded to Latin), or digits only.
    Latin,
    /// Arabic script (Arabic, Urdu, Persian, Pashto, Balochi).
    Arabic,
    /// Any other script, left as it is (lowercased).
    Other,
}

/// A set of disguises the normalizer undid, as bit flags.
///
/// Serialises as a list of names, e.g. `["homoglyph", "leetspeak"]`.
///
/// # Example
///
/// ```
/// use vigil::Disguises;
///
/// let d = Disguises::HOMOGLYPH | Disguises::LEETSPEAK;
/// assert!(d.contains(Disguises::LEETSPEAK));
/// assert_eq!(d.names().collect::<Vec<_>>(), ["homoglyph", "leetspeak"]);
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, Hash)]
pub struct Disguises(u16);

impl Disguises {
    /// Nothing was undone.
    pub const NONE: Disguises = Disguises(0);
    /// Unicode compatibility forms folded by NFKC (fullwidth, mathematical,
    /// circled letters, ligatures, Arabic presentation forms).
    pub const COMPATIBILITY: Disguises = Disguises(1 << 0);
    /// Invisible characters removed (zero-width, bidi controls, soft hyphen,
    /// variation selectors, tags).
    pub const INVISIBLE: Disguises = Disguises(1 << 1);
    /// Diacritics removed from Latin letters (`Tālibān`).
    pub const DIACRITIC: Disguises = Disguises(1 << 2);
    /// Letters of other scripts that look Latin folded to Latin (UTS #39).
    pub const HOMOGLYPH: Disguises = Disguises(1 << 3);
    /// Arabic-script letter variants, digits, tatweel or harakat folded.
    pub const ARABIC_VARIANT: Disguises = Disguises(1 << 4);
    /// Digits or symbols inside a word read as letters (`T4l1b4n`).
    pub const LEETSPEAK: Disguises = Disguises(1 << 5);
    /// Letters spread out with separators joined (`T.T.P`, `T a l i b a n`).
    pub const SPACING: Disguises = Disguises(1 << 6);
    /// A run of three or more of one letter collapsed (`Taaaaliban`).
    pub const REPEAT: Disguises = Disguises(1 << 7);
    /// Mixed case used to glue words (`#TehrikITaliban`) was split.
    pub const GLUED: Disguises = Disguises(1 << 8);

    const NAMES: [(Disguises, &'static str); 9] = [
        (Disguises::COMPATIBILITY, "compatibility"),
        (Disguises::INVISIBLE, "invisible"),
        (Disguises::DIACRITIC, "diacritic"),
        (Disguises::HOMOGLYPH, "homoglyph"),
        (Disguises::ARABIC_VARIANT, "arabic_variant"),
        (Disguises::LEETSPEAK, "leetspeak"),
        (Disguises::SPACING, "spacing"),
        (Disguises::REPEAT, "repeat"),
        (Disguises::GLUED, "glued"),
    ];

    /// The raw bits.
    #[inline]
    pub const fn bits(self) -> u16 {
        self.0
    }

    /// True if every flag of `other` is set in `self`.
    #[inline]
    pub const fn contains(self, other: Disguises) -> bool {
        self.0 & other.0 == other.0
    }

    /// True if no flag is set.
    #[inline]
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }

    /// Sets the flags of `other`.
    #[inline]
    pub fn insert(&mut self, other: Disguises) {
        self.0 |= other.0;
    }

    /// The names of the set flags, in a fixed order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        Self::NAMES
            .into_iter()
            .filter(move |(flag, _)| self.contains(*flag))
            .map(|(_, name)| name)
    }

    /// The flag with this name (as [`Disguises::names`] spells it).
    pub fn from_name(name: &str) -> Option<Disguises> {
        Self::NAMES
            .into_iter()
            .find(|(_, n)| *n == name)
            .map(|(flag, _)| flag)
    }
}

impl std::ops::BitOr for Disguises {
    type Output = Disguises;
    #[inline]
    fn bitor(self, rhs: Disguises) -> Disguises {
        Disguises(self.0 | rhs.0)
    }
}

impl std::ops::BitOrAssign for Disguises {
    #[inline]
    fn bitor_assign(&mut self, rhs: Disguises) {
        self.0 |= rhs.0;
    }
}

impl fmt::Debug for Disguises {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}

impl Serialize for Disguises {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.names())
    }
}

impl<'de> Deserialize<'de> for Disguises {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let names: Vec<String> = Vec::deserialize(d)?;
        let mut out = Disguises::NONE;
        for name in names {
            match Disguises::from_name(&name) {
                Some(flag) => out |= flag,
                None => {
                    return Err(serde::de::Error::unknown_variant(
                        &name,
                        &[
                            "compatibility",
                            "invisible",
                            "diacritic",
                            "homoglyph",
                            "arabic_variant",
                            "leetspeak",
                            "spacing",
                            "repeat",
                            "glued",
                        ],
                    ))
                }
            }
        }
        Ok(out)
    }
}

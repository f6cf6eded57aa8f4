//! The vocabulary of a lexicon entry: category, severity, matching rule.

use serde::{Deserialize, Serialize};
use std::fmt;
use std::str::FromStr;

/// What a lexicon entry is evidence of.
///
/// The [`Verdict`](crate::Verdict) rule reads these: `org`, `media`,
/// `ingroup` and `slogan` identify a group or its propaganda; the five cue
/// categories mark promotion; `counter` and `label` mark reporting and
/// condemnation; `allow` entries are never reported and suppress any term
/// they overlap.
///
/// # Example
///
/// ```
/// use vigil::Category;
///
/// let c: Category = "praise".parse().unwrap();
/// assert!(c.is_support_cue());
/// assert_eq!(c.to_string(), "praise");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// A name, alias or acronym of a proscribed organisation.
    Org,
    /// One of its media outlets, magazines or agencies.
    Media,
    /// A propaganda slogan: promotes the group on its own.
    Slogan,
    /// The group's own vocabulary: self-names, "provinces", euphemisms for
    /// attacks and attackers, slurs for its enemies.
    Ingroup,
    /// A name the group's opponents use for it (`Fitna al-Khawarij`):
    /// identifies the group and signals counter-speech.
    Label,
    /// Support cue: praise of a group or its fighters.
    Praise,
    /// Support cue: recruitment.
    Recruit,
    /// Support cue: pledging allegiance.
    Allegiance,
    /// Support cue: fundraising.
    Fundraise,
    /// Support cue: incitement to violence.
    Incite,
    /// Reporting, research or condemnation cue.
    Counter,
    /// Never a match: wins leftmost-longest and hides the terms it overlaps.
    Allow,
}

impl Category {
    /// All categories, in declaration order.
    pub const ALL: [Category; 12] = [
        Category::Org,
        Category::Media,
        Category::Slogan,
        Category::Ingroup,
        Category::Label,
        Category::Praise,
        Category::Recruit,
        Category::Allegiance,
        Category::Fundraise,
        Category::Incite,
        Category::Counter,
        Category::Allow,
    ];

    /// The name used in lexicon files and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Category::Org => "org",
            Category::Media => "media",
            Category::Slogan => "slogan",
            Category::Ingroup => "ingroup",
            Category::Label => "label",
            Category::Praise => "praise",
            Category::Recruit => "recruit",
            Category::Allegiance => "allegiance",
            Category::Fundraise => "fundraise",
            Category::Incite => "incite",
            Category::Counter => "counter",
            Category::Allow => "allow",
        }
    }

    /// True for the five support cues (praise, recruit, allegiance,
    /// fundraise, incite).
    pub const fn is_support_cue(self) -> bool {
        matches!(
            self,
            Category::Praise
                | Category::Recruit
                | Category::Allegiance
                | Category::Fundraise
                | Category::Incite
        )
    }

    /// True for categories that name or speak for a group: org, media,
    /// slogan, ingroup and label.
    pub const fn is_group_evidence(self) -> bool {
        matches!(
            self,
            Category::Org
                | Category::Media
                | Category::Slogan
                | Category::Ingroup
                | Category::Label
        )
    }

    pub(crate) fn from_u8(b: u8) -> Option<Category> {
        Category::ALL.get(b as usize).copied()
    }

    pub(crate) fn to_u8(self) -> u8 {
        self as u8
    }
}

/// How serious a match of an entry is.
///
/// # Example
///
/// ```
/// use vigil::Severity;
/// assert!(Severity::High > Severity::Low);
/// assert_eq!("medium".parse::<Severity>().unwrap(), Severity::Medium);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Weak evidence on its own.
    Low,
    /// Moderate evidence.
    Medium,
    /// Strong evidence.
    High,
}

impl Severity {
    /// The name used in lexicon files and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
        }
    }

    /// The weight of one match of this severity in a report's score.
    pub const fn weight(self) -> f32 {
        match self {
            Severity::Low => 0.3,
            Severity::Medium => 0.55,
            Severity::High => 0.8,
        }
    }

    pub(crate) fn from_u8(b: u8) -> Option<Severity> {
        [Severity::Low, Severity::Medium, Severity::High]
            .get(b as usize)
            .copied()
    }
}

/// When an entry may match.
///
/// Short acronyms are also ordinary words (`bla bla`, `let it be`). An entry
/// with [`Rule::Caps`] matches only if at least one of these holds:
///
/// 1. it is written in capitals (`BLA`, `#BLAzindabad`) or exactly as the
///    lexicon spells it (`LeT`), and the text is not shouting (most of its
///    words in capitals);
/// 2. it is deliberately disguised: spread out (`b.l.a`), homoglyphs,
///    leetspeak or invisible characters inside it;
/// 3. another term of the same group, or any slogan or in-group term, is
///    matched within [`CONTEXT_WINDOW`](crate::scan::CONTEXT_WINDOW) tokens.
///
/// # Example
///
/// ```
/// use vigil::Rule;
/// assert_eq!("caps".parse::<Rule>().unwrap(), Rule::Caps);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Rule {
    /// Matches in any case.
    Any,
    /// An acronym that is also a word: see the type's documentation.
    Caps,
}

impl Rule {
    /// The name used in lexicon files and JSON.
    pub const fn as_str(self) -> &'static str {
        match self {
            Rule::Any => "any",
            Rule::Caps => "caps",
        }
    }

    /// The rule stored as `b` in a compiled lexicon.
    pub(crate) fn from_u8(b: u8) -> Option<Rule> {
        match b {
            0 => Some(Rule::Any),
            1 => Some(Rule::Caps),
            _ => None,
        }
    }

    /// The byte [`Rule::from_u8`] reads back.
    pub(crate) fn to_u8(self) -> u8 {
        match self {
            Rule::Any => 0,
            Rule::Caps => 1,
        }
    }
}

/// The error of parsing a [`Category`], [`Severity`] or [`Rule`] name: the
/// names that are allowed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseNameError {
    /// The names that would have been accepted.
    pub expected: &'static str,
}

impl fmt::Display for ParseNameError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "expected one of: {}", self.expected)
    }
}

impl std::error::Error for ParseNameError {}

impl FromStr for Category {
    type Err = ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Category::ALL
            .into_iter()
            .find(|c| c.as_str() == s)
            .ok_or(ParseNameError {
                expected: "org, media, slogan, ingroup, label, praise, recruit, allegiance, \
                           fundraise, incite, counter, allow",
            })
    }
}

impl FromStr for Severity {
    type Err = ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "low" => Ok(Severity::Low),
            "medium" => Ok(Severity::Medium),
            "high" => Ok(Severity::High),
            _ => Err(ParseNameError {
                expected: "low, medium, high",
            }),
        }
    }
}

impl FromStr for Rule {
    type Err = ParseNameError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s {
            "any" | "-" | "" => Ok(Rule::Any),
            "caps" => Ok(Rule::Caps),
            _ => Err(ParseNameError {
                expected: "any, caps",
            }),
        }
    }
}

macro_rules! display_as_str {
    ($($t:ty),*) => {$(
        impl fmt::Display for $t {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    )*};
}
display_as_str!(Category, Severity, Rule);

//! The verdict rule: clean, mention or support.
//!
//! 1. A text with no group evidence (an `org`, `media`, `ingroup`, `label`
//!    or `slogan` term) is **clean**, whatever cues it has: "join us" or
//!    "condemn" alone say nothing about extremism.
//! 2. It is **support** when it promotes a group and nothing in it reports
//!    or condemns:
//!    - a `slogan` is matched; or
//!    - an `org`, `media` or `ingroup` term and a support cue (`praise`,
//!      `recruit`, `allegiance`, `fundraise`, `incite`) are in the same
//!      sentence, at most [`SUPPORT_WINDOW`] tokens apart; or
//!    - two different `ingroup` terms are matched (pure in-group
//!      propaganda names no group but speaks its language).
//! 3. Otherwise it is a **mention**. A `counter` cue (reporting, research,
//!    condemnation) or a `label` (a name only opponents use, such as
//!    `Fitna al-Khawarij`) anywhere in the text makes it a mention even if
//!    rule 2 would hold: precision over recall for news and counter-speech.
//!
//! The score grows with the number and severity of the matches: 0 for
//! clean, in (0.1, 0.5] for a mention and in (0.5, 1.0] for support.

use crate::lexicon::{Category, Lexicon};
use crate::normalize::{Sep, Token};
use crate::scan::Found;
use serde::{Deserialize, Serialize};
use std::fmt;

/// How many tokens apart a group term and a support cue may be.
pub const SUPPORT_WINDOW: usize = 8;

/// What a text does with respect to proscribed groups.
///
/// Serialises as `"clean"`, `"mention"` or `"support"`.
///
/// # Example
///
/// ```
/// use vigil::{Detector, Verdict};
///
/// let d = Detector::default();
/// assert_eq!(d.scan("The weather is lovely today").verdict, Verdict::Clean);
/// assert_eq!(
///     d.scan("Police said the TTP claimed the attack, which officials condemned.").verdict,
///     Verdict::Mention
/// );
/// assert_eq!(serde_json::to_string(&Verdict::Support).unwrap(), "\"support\"");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Verdict {
    /// No group evidence.
    Clean,
    /// Names a group without promoting it: news, research, condemnation.
    Mention,
    /// Promotes a group: slogans, praise, recruitment, allegiance,
    /// fundraising or incitement.
    Support,
}

impl Verdict {
    /// The lowercase name.
    pub const fn as_str(self) -> &'static str {
        match self {
            Verdict::Clean => "clean",
            Verdict::Mention => "mention",
            Verdict::Support => "support",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Applies the rule to the terms found (allow entries already removed).
pub(crate) fn judge(lexicon: &Lexicon, toks: &[Token], found: &[Found]) -> (Verdict, f32) {
    let cat = |f: &Found| lexicon.get(f.entry).map(|e| e.category);
    if !found
        .iter()
        .any(|f| cat(f).is_some_and(Category::is_group_evidence))
    {
        return (Verdict::Clean, 0.0);
    }
    let counter = found
        .iter()
        .any(|f| matches!(cat(f), Some(Category::Counter | Category::Label)));
    let slogan = found.iter().any(|f| cat(f) == Some(Category::Slogan));
    let mut ingroup: Vec<u32> = found
        .iter()
        .filter(|f| cat(f) == Some(Category::Ingroup))
        .map(|f| f.entry)
        .collect();
    ingroup.sort_unstable();
    ingroup.dedup();
    let promotes = slogan || ingroup.len() >= 2 || cue_near_group(lexicon, toks, found);
    let strength = found
        .iter()
        .filter_map(|f| lexicon.get(f.entry))
        .filter(|e| e.category.is_group_evidence() || e.category.is_support_cue())
        .fold(1.0f32, |keep, e| keep * (1.0 - e.severity.weight()));
    let strength = 1.0 - strength;
    if promotes && !counter {
        (Verdict::Support, 0.5 + 0.5 * strength)
    } else {
        (Verdict::Mention, 0.1 + 0.4 * strength)
    }
}

fn cue_near_group(lexicon: &Lexicon, toks: &[Token], found: &[Found]) -> bool {
    let is =
        |f: &Found, p: fn(Category) -> bool| lexicon.get(f.entry).is_some_and(|e| p(e.category));
    let named = |c: Category| matches!(c, Category::Org | Category::Media | Category::Ingroup);
    found.iter().filter(|g| is(g, named)).any(|g| {
        found
            .iter()
            .filter(|c| is(c, Category::is_support_cue))
            .any(|c| {
                let (lo, hi) = if c.first < g.first {
                    (c.last, g.first)
                } else {
                    (g.last, c.first)
                };
                let gap = hi.saturating_sub(lo);
                gap <= SUPPORT_WINDOW
                    && !toks
                        .get(lo.min(hi) + 1..=hi.max(lo))
                        .unwrap_or(&[])
                        .iter()
                        .any(|t| t.sep == Sep::Break)
            })
    })
}

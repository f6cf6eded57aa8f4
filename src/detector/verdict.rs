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

/// Applies the rule to the terms found (allow entries already removed,
/// `found` in token order and non-overlapping, as `scan::find` returns
/// them).
///
/// Cost: one pass over `found`, each entry's category read once; the
/// support-window test looks at the nearest opposite match only (see
/// [`Near`]), so the rule stays linear however many matches a text has.
pub(crate) fn judge(lexicon: &Lexicon, toks: &[Token], found: &[Found]) -> (Verdict, f32) {
    if found.is_empty() {
        return (Verdict::Clean, 0.0);
    }
    let mut evidence = false;
    let mut counter = false;
    let mut slogan = false;
    let mut first_ingroup = None;
    let mut two_ingroup = false;
    let mut keep = 1.0f32;
    let mut near = Near::new(toks);
    for f in found {
        let Some(m) = lexicon.meta(f.entry) else {
            continue;
        };
        let c = m.category;
        evidence |= c.is_group_evidence();
        counter |= matches!(c, Category::Counter | Category::Label);
        slogan |= c == Category::Slogan;
        if c == Category::Ingroup {
            match first_ingroup {
                None => first_ingroup = Some(f.entry),
                Some(e) => two_ingroup |= e != f.entry,
            }
        }
        if c.is_group_evidence() || c.is_support_cue() {
            keep *= 1.0 - m.severity.weight();
        }
        near.add(f, c);
    }
    if !evidence {
        return (Verdict::Clean, 0.0);
    }
    let promotes = slogan || two_ingroup || near.found;
    let strength = 1.0 - keep;
    if promotes && !counter {
        (Verdict::Support, 0.5 + 0.5 * strength)
    } else {
        (Verdict::Mention, 0.1 + 0.4 * strength)
    }
}

/// Sweeps the matches in order looking for a named group (org, media,
/// ingroup) and a support cue at most [`SUPPORT_WINDOW`] tokens apart with
/// no sentence break between. Matches do not overlap, so for each match
/// the most recent one of the other kind is the nearest, and its span to
/// this match lies inside the span of any earlier one: checking it alone
/// decides the pair test for all of them.
struct Near<'a> {
    toks: &'a [Token],
    last_named: Option<usize>,
    last_cue: Option<usize>,
    found: bool,
}

impl<'a> Near<'a> {
    fn new(toks: &'a [Token]) -> Self {
        Near {
            toks,
            last_named: None,
            last_cue: None,
            found: false,
        }
    }

    fn add(&mut self, f: &Found, c: Category) {
        let named = matches!(c, Category::Org | Category::Media | Category::Ingroup);
        let cue = c.is_support_cue();
        let other = if named {
            self.last_cue
        } else if cue {
            self.last_named
        } else {
            return;
        };
        if let Some(lo) = other {
            self.found |= self.close(lo, f.first);
        }
        if named {
            self.last_named = Some(f.last);
        } else {
            self.last_cue = Some(f.last);
        }
    }

    /// Tokens `lo` (end of the earlier match) and `hi` (start of the later)
    /// are within the window and in one sentence.
    fn close(&self, lo: usize, hi: usize) -> bool {
        hi.saturating_sub(lo) <= SUPPORT_WINDOW
            && !self
                .toks
                .get(lo.min(hi) + 1..=hi.max(lo))
                .unwrap_or(&[])
                .iter()
                .any(|t| t.sep == Sep::Break)
    }
}

//! Turning the five signals into one score.
//!
//! Each signal yields *evidence* in `[0, 1]` (see [`Signals`] for what each
//! one measures). Signals are combined as independent pieces of evidence,
//! a noisy-OR:
//!
//! ```text
//! score = 1 - (1 - w_handle * e_handle) * (1 - w_name * e_name)
//!           * (1 - w_bio * e_bio) * (1 - w_links * e_links) * (1 - w_posts * e_posts)
//! ```
//!
//! so a weight is the score that signal alone gives at full strength. The
//! default weights keep every signal except links and posts below the
//! default threshold on its own: a handle alone, or a display name alone,
//! never makes a mirror.

use super::account::Account;
use super::handle::{self, HandleMatch, HandleMatchKind};
use super::links::LinkKind;
use super::names;
use super::profile::{Profile, View};
use super::signals::{Signal, Signals, Similarity};
use super::text;
use crate::error::{Error, Result};
use crate::normalize::Normalizer;
use serde::{Deserialize, Serialize};

/// The weight of each signal: the score it gives alone at full strength.
///
/// # Example
///
/// ```
/// use vigil::mirror::Weights;
///
/// let w = Weights::default();
/// assert!(w.links > w.display_name);
///
/// // Configurations read from JSON may leave out what they do not change.
/// let config: vigil::MirrorConfig =
///     serde_json::from_str(r#"{"threshold": 0.8, "weights": {"display_name": 0.2}}"#).unwrap();
/// assert_eq!(config.weights.display_name, 0.2);
/// assert_eq!(config.weights.links, w.links);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Weights {
    /// Handle skeleton similarity.
    pub handle: f32,
    /// Display name similarity.
    pub display_name: f32,
    /// Near-duplicate bio.
    pub bio: f32,
    /// Shared URL, channel or site.
    pub links: f32,
    /// Re-posted posts.
    pub posts: f32,
}

impl Default for Weights {
    fn default() -> Self {
        Weights {
            handle: 0.75,
            display_name: 0.4,
            bio: 0.75,
            links: 0.9,
            posts: 0.8,
        }
    }
}

/// Weights, the mirror threshold, and how many matches to report.
///
/// The default threshold, [`MirrorConfig::DEFAULT_THRESHOLD`] (0.7), was
/// calibrated with `examples/mirror_eval.rs` on generated accounts (20,000
/// banned; 6,000 queries: mirrors, look-alikes, ordinary accounts): at 0.7
/// precision is 0.9996 and recall 0.96, ROC AUC 0.99. Below 0.6 precision
/// collapses (0.77 at 0.5): people who share a name with a banned account
/// and whose handle spells it (`daud.orakzai1984`, "Daud Orakzai") score
/// about 0.58, so 0.7 keeps a margin above them. In practice 0.7 takes a
/// handle match plus one more trait (a copied bio, display name, link or
/// posts), or a handle copied with marks of disguise (`um4r_media`,
/// Cyrillic letters), or a shared channel or URL, or re-posted posts.
///
/// [`MirrorConfig::min_score`] (0.45) hides matches on one weak trait: a
/// display name alone never reaches it.
///
/// # Example
///
/// ```
/// use vigil::mirror::{MirrorConfig, MirrorIndex};
///
/// let config = MirrorConfig { threshold: 0.8, ..MirrorConfig::default() };
/// let index = MirrorIndex::new(config)?;
/// assert_eq!(index.config().threshold, 0.8);
///
/// let bad = MirrorConfig { threshold: 1.5, ..MirrorConfig::default() };
/// assert!(MirrorIndex::new(bad).is_err());
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct MirrorConfig {
    /// How much each signal counts.
    pub weights: Weights,
    /// Scores at or above this are mirrors (`is_mirror`).
    pub threshold: f32,
    /// Matches scoring below this are not reported by the index.
    pub min_score: f32,
    /// At most this many matches are reported per account, best first.
    pub max_matches: usize,
    /// A blocking key shared by more banned accounts than this is too
    /// common to select candidates (a very common handle or bio line) and
    /// is skipped when searching; the account's other keys still apply.
    pub max_postings: usize,
}

impl MirrorConfig {
    /// The calibrated default for [`MirrorConfig::threshold`].
    pub const DEFAULT_THRESHOLD: f32 = 0.7;

    /// Checks that every value is in range.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] naming the first value out of range: weights and
    /// `min_score` must be in `[0, 1]`, `threshold` in `(0, 1]`,
    /// `max_matches` and `max_postings` at least 1.
    pub fn validate(&self) -> Result<()> {
        let w = &self.weights;
        for (name, v) in [
            ("weights.handle", w.handle),
            ("weights.display_name", w.display_name),
            ("weights.bio", w.bio),
            ("weights.links", w.links),
            ("weights.posts", w.posts),
            ("min_score", self.min_score),
        ] {
            if !(0.0..=1.0).contains(&v) {
                return Err(Error::Config(format!("{name} = {v} is not in [0, 1]")));
            }
        }
        if !(self.threshold > 0.0 && self.threshold <= 1.0) {
            return Err(Error::Config(format!(
                "threshold = {} is not in (0, 1]",
                self.threshold
            )));
        }
        if self.max_matches == 0 || self.max_postings == 0 {
            return Err(Error::Config(
                "max_matches and max_postings must be at least 1".into(),
            ));
        }
        Ok(())
    }
}

impl Default for MirrorConfig {
    fn default() -> Self {
        MirrorConfig {
            weights: Weights::default(),
            threshold: MirrorConfig::DEFAULT_THRESHOLD,
            min_score: 0.45,
            max_matches: 5,
            max_postings: 1_000,
        }
    }
}

/// Compares two accounts directly, without an index.
///
/// Cheap to clone, `Send + Sync`. Use a [`MirrorIndex`](super::MirrorIndex)
/// to compare one account against many.
///
/// # Example
///
/// ```
/// use vigil::mirror::{Account, MirrorScorer};
///
/// let banned = Account::new("1")
///     .handle("umar_media")
///     .display_name("Umar Media")
///     .link("https://t.me/umarmedia");
/// let suspect = Account::new("2")
///     .handle("urnar_rnedia_official")
///     .display_name("Umar Media 🔥");
/// let s = MirrorScorer::default().similarity(&banned, &suspect);
/// assert!(s.is_mirror);
/// assert!(s.signals.handle.unwrap().detail.contains("umarmedla"));
/// assert!(s.signals.links.is_none()); // the suspect has no links
/// ```
#[derive(Debug, Clone, Default)]
pub struct MirrorScorer {
    config: MirrorConfig,
    normalizer: Normalizer,
}

impl MirrorScorer {
    /// A scorer with this configuration.
    ///
    /// # Errors
    ///
    /// [`Error::Config`] if the configuration is out of range (see
    /// [`MirrorConfig::validate`]).
    pub fn new(config: MirrorConfig) -> Result<MirrorScorer> {
        config.validate()?;
        Ok(MirrorScorer {
            config,
            normalizer: Normalizer::default(),
        })
    }

    /// The configuration in force.
    pub fn config(&self) -> &MirrorConfig {
        &self.config
    }

    /// How likely `b` is a mirror of `a`, and why. Symmetric.
    ///
    /// Cost: linear in the part of the accounts that is read (see
    /// [`Account`]); both accounts are normalized, so comparing one account
    /// against many is much faster with a
    /// [`MirrorIndex`](super::MirrorIndex).
    pub fn similarity(&self, a: &Account, b: &Account) -> Similarity {
        let (pa, pb) = (
            Profile::new(&self.normalizer, a),
            Profile::new(&self.normalizer, b),
        );
        let (ha, hb) = (pa.link_hashes(), pb.link_hashes());
        let (va, vb) = (pa.view(&ha), pb.view(&hb));
        let facts = facts(&va, &vb);
        let score = combine(&self.config.weights, &facts);
        Similarity {
            score,
            is_mirror: score >= self.config.threshold,
            signals: explain(&va, &vb, &facts),
        }
    }
}

/// What each signal found for one pair, before weighting.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Facts {
    handle: Option<HandleFacts>,
    name: Option<(f32, f32)>,
    bio: Option<(f32, f32)>,
    /// (jaccard, containment, evidence)
    posts: Option<(f32, f32, f32)>,
    /// (kind and position in `a.links` of the strongest shared key, evidence)
    links: Option<(Option<(LinkKind, usize)>, f32)>,
}

/// Handle evidence for one core written with marks of disguise (`um4r`,
/// Cyrillic letters), with other look-alikes (`urnar_media`, which can also
/// be chance: `karnal`, `kamal`), with a stock affix (`umar_media_official`),
/// and with only digits, separators or case changed (`umar.media2`), which
/// is also what people who share a name do.
const SAME_DISGUISED: f32 = 1.0;
const SAME_LOOKALIKE: f32 = 0.85;
const SAME_AFFIX: f32 = 0.9;
const SAME_PLAIN: f32 = 0.7;

/// Bios and post histories with fewer shingles than this count for less:
/// short texts are alike by chance.
const BIO_FULL: f32 = 6.0;
const POSTS_FULL: f32 = 15.0;

/// Cores shorter than this are not distinctive even when disguised.
const MIN_DISGUISED_CORE: usize = 6;

/// What is left of display-name evidence when the handle spells the name.
const DERIVED_NAME: f32 = 0.3;

/// How two handles with one core differ.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Same {
    Disguised,
    LookAlike,
    Affix,
    Plain,
}

#[derive(Debug, Clone, Copy)]
struct HandleFacts {
    m: HandleMatch,
    how: Option<Same>,
    /// Disguised on purpose, so specificity is not applied.
    deliberate: bool,
    evidence: f32,
}

fn ramp(x: f32, lo: f32, hi: f32) -> f32 {
    ((x - lo) / (hi - lo)).clamp(0.0, 1.0)
}

/// Computes every signal's evidence. Symmetric in `a` and `b`. Cost: a
/// few hundred nanoseconds; this is the inner loop of every search.
pub(crate) fn facts(a: &View, b: &View) -> Facts {
    let mut f = Facts::default();
    if !a.core.is_empty() && !b.core.is_empty() {
        let m = handle::compare((a.skel, a.core, a.core_mask), (b.skel, b.core, b.core_mask));
        let (how, base) = match m.kind {
            HandleMatchKind::SameSkeleton | HandleMatchKind::SameCore => {
                if handle::disguised(a.light, b.light) {
                    if a.marked || b.marked {
                        (Some(Same::Disguised), SAME_DISGUISED)
                    } else if a.has_affix || b.has_affix {
                        // A namesake may write `rn` where another has `m`;
                        // hardly also with "official" added.
                        (Some(Same::LookAlike), SAME_DISGUISED)
                    } else {
                        (Some(Same::LookAlike), SAME_LOOKALIKE)
                    }
                } else if a.has_affix || b.has_affix {
                    (Some(Same::Affix), SAME_AFFIX)
                } else {
                    (Some(Same::Plain), SAME_PLAIN)
                }
            }
            HandleMatchKind::Extends => (None, 0.5),
            HandleMatchKind::Edits(_) => (None, 0.8 * ramp(m.similarity, 0.8, 0.95)),
            HandleMatchKind::None => (None, 0.0),
        };
        // Chance explains a common name shared, not a disguised copy of a
        // handle long enough to be distinctive.
        let deliberate =
            how == Some(Same::Disguised) && super::edit::char_len(a.core) >= MIN_DISGUISED_CORE;
        let specificity = if deliberate {
            1.0
        } else {
            a.specificity.min(b.specificity)
        };
        f.handle = Some(HandleFacts {
            m,
            how,
            deliberate,
            evidence: base * specificity,
        });
    }
    if !a.name.is_empty() && !b.name.is_empty() {
        let sim = names::name_similarity(name_side(a), name_side(b));
        let mut ev = ramp(sim, 0.6, 1.0) * a.name_info.min(b.name_info);
        // A handle that spells the name already said it.
        if (a.derived || b.derived) && f.handle.is_some_and(|h| h.evidence > 0.0) {
            ev *= DERIVED_NAME;
        }
        f.name = Some((sim, ev));
    }
    if let (Some((sa, na)), Some((sb, nb))) = (a.bio, b.bio) {
        let j = text::jaccard(sa, sb);
        let size = (na.min(nb) as f32 / BIO_FULL).min(1.0);
        f.bio = Some((j, ramp(j, 0.2, 0.6) * size));
    }
    if let (Some((sa, na)), Some((sb, nb))) = (a.posts, b.posts) {
        let (both, taken) = text::jaccard_parts(sa, sb);
        let j = both as f32 / taken.max(1) as f32;
        // A shingle or two in common is what common phrases give by chance.
        let c = if both >= 3 {
            text::containment(j, na, nb)
        } else {
            0.0
        };
        let size = (na.min(nb) as f32 / POSTS_FULL).min(1.0);
        f.posts = Some((j, c, ramp(c, 0.15, 0.5) * size));
    }
    if !a.links.is_empty() && !b.links.is_empty() {
        let mut best: Option<(LinkKind, usize)> = None;
        let (mut i, mut j) = (0, 0);
        while i < a.links.len() && j < b.links.len() {
            match a.links[i].cmp(&b.links[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    let kind = LinkKind::from_bits(a.links[i]);
                    if best.map_or(true, |(k, _)| kind < k) {
                        best = Some((kind, i));
                    }
                    i += 1;
                    j += 1;
                }
            }
        }
        f.links = Some((best, best.map_or(0.0, |(k, _)| k.strength())));
    }
    f
}

fn name_side<'a>(v: &View<'a>) -> names::NameSide<'a> {
    names::NameSide {
        text: v.name,
        chars: v.name_masks.0,
        words: v.name_masks.1,
    }
}

/// The noisy-OR of the weighted evidence.
pub(crate) fn combine(w: &Weights, f: &Facts) -> f32 {
    let mut miss = 1.0f32;
    for (weight, ev) in [
        (w.handle, f.handle.map(|h| h.evidence)),
        (w.display_name, f.name.map(|n| n.1)),
        (w.bio, f.bio.map(|b| b.1)),
        (w.links, f.links.map(|l| l.1)),
        (w.posts, f.posts.map(|p| p.2)),
    ] {
        miss *= 1.0 - weight * ev.unwrap_or(0.0);
    }
    (1.0 - miss).clamp(0.0, 1.0)
}

/// Puts the facts into words.
pub(crate) fn explain(a: &View, b: &View, f: &Facts) -> Signals {
    let handle = f.handle.map(|h| {
        let core = match h.how {
            Some(Same::Disguised) | Some(Same::LookAlike) => format!(
                "written with look-alikes (\"{}\" vs \"{}\")",
                a.light, b.light
            ),
            Some(Same::Affix) => format!(
                "with affixes or digits added (\"{}\" vs \"{}\")",
                a.skel, b.skel
            ),
            Some(Same::Plain) => "(only digits, separators or case differ)".to_string(),
            None => String::new(),
        };
        let mut detail = match h.m.kind {
            HandleMatchKind::SameSkeleton | HandleMatchKind::SameCore => {
                format!("same core \"{}\" {core}", a.core)
            }
            HandleMatchKind::Edits(d) => format!(
                "cores \"{}\" and \"{}\" differ by {d} edit{}",
                a.core,
                b.core,
                if d == 1 { "" } else { "s" }
            ),
            HandleMatchKind::Extends => format!("core \"{}\" extends \"{}\"", a.core, b.core),
            HandleMatchKind::None => format!("cores \"{}\" and \"{}\" differ", a.core, b.core),
        };
        if !h.deliberate && a.specificity.min(b.specificity) < 0.6 {
            detail.push_str(" (generic)");
        }
        Signal {
            score: h.evidence,
            detail,
        }
    });
    let display_name = f.name.map(|(sim, ev)| {
        let common = if a.name_info.min(b.name_info) < 0.5 {
            " (common name)"
        } else {
            ""
        };
        let detail = if sim >= 1.0 {
            format!("same name \"{}\"{common}", a.name)
        } else {
            format!(
                "\"{}\" vs \"{}\" (similarity {sim:.2}){common}",
                a.name, b.name
            )
        };
        Signal { score: ev, detail }
    });
    let bio = f.bio.map(|(j, ev)| Signal {
        score: ev,
        detail: format!("about {:.0}% of the bio text shared", j * 100.0),
    });
    let posts = f.posts.map(|(j, c, ev)| Signal {
        score: ev,
        detail: format!(
            "about {:.0}% of the shorter post history found in the other (Jaccard {j:.2})",
            c * 100.0
        ),
    });
    let links = f.links.map(|(best, ev)| Signal {
        score: ev,
        detail: match best {
            Some((kind, i)) => format!("{} {}", kind.describe(), a.link_texts.get(i)),
            None => "no link in common".to_string(),
        },
    });
    Signals {
        handle,
        display_name,
        bio,
        links,
        posts,
    }
}

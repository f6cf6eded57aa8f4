//! What a comparison found, signal by signal, in words a reviewer can check.

use serde::{Deserialize, Serialize};

/// The evidence one signal gives, and what matched.
///
/// # Example
///
/// ```
/// use vigil::mirror::{Account, MirrorScorer};
///
/// let a = Account::new("1").link("https://t.me/umarmedia");
/// let b = Account::new("2").link("t.me/s/UmarMedia");
/// let s = MirrorScorer::default().similarity(&a, &b);
/// let links = s.signals.links.unwrap();
/// assert_eq!(links.score, 1.0);
/// assert_eq!(links.detail, "same channel telegram:umarmedia");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Signal {
    /// Evidence in `[0, 1]`, before weighting: 0 is nothing in common, 1 is
    /// as strong as this signal gets. Already discounted for common names
    /// and short texts.
    pub score: f32,
    /// What matched, e.g. `same core "umarmedla"`.
    pub detail: String,
}

/// The per-signal breakdown of a comparison. A signal is `None` when either
/// account lacks that field (no handle, no bio, no posts yet, no links), so
/// it neither helps nor hurts.
///
/// - `handle`: the handle skeletons (look-alikes, separators, `rn`/`m`,
///   `vv`/`w`, `l`/`1`/`I` undone; digits and stock affixes such as
///   `official` set aside) compared by edit distance; discounted for short
///   handles and handles made of common names.
/// - `display_name`: exact, reordered or near-exact equality of the folded
///   names; discounted when the name is made of common names (`Ali Khan`).
/// - `bio`: Jaccard similarity of the bios' word pairs (exact for bios of
///   up to 64 pairs, MinHash-estimated beyond), robust to reordering and
///   small edits in any script; discounted for bios of a few words.
/// - `links`: the same URL or channel (full strength) or the same site.
/// - `posts`: estimated share of the shorter post history found in the
///   other one, i.e. re-posted content.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Signals {
    /// Handle skeleton similarity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub handle: Option<Signal>,
    /// Display name similarity.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub display_name: Option<Signal>,
    /// Bio near-duplication.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<Signal>,
    /// Shared links.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub links: Option<Signal>,
    /// Re-posted posts.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub posts: Option<Signal>,
}

/// The result of comparing two accounts with
/// [`MirrorScorer::similarity`](super::MirrorScorer::similarity).
///
/// # Example
///
/// ```
/// use vigil::mirror::{Account, MirrorScorer};
///
/// let a = Account::new("1").handle("ali_khan").display_name("Ali Khan");
/// let b = Account::new("2").handle("ali.khan92").display_name("Ali Khan");
/// let s = MirrorScorer::default().similarity(&a, &b);
/// assert!(!s.is_mirror); // common names prove nothing
/// assert!(s.signals.display_name.unwrap().detail.contains("common name"));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Similarity {
    /// Combined score in `[0, 1]`.
    pub score: f32,
    /// `score >= threshold`.
    pub is_mirror: bool,
    /// What each signal found.
    pub signals: Signals,
}

/// A banned account an account may be a mirror of, from
/// [`MirrorIndex::find_mirrors`](super::MirrorIndex::find_mirrors).
///
/// # Example
///
/// ```
/// use vigil::mirror::{Account, MirrorIndex};
///
/// let index = MirrorIndex::from_accounts(&[
///     Account::new("b1").handle("umar_media").bio("Official media office. Statements and videos."),
/// ])?;
/// let m = &index.find_mirrors(&Account::new("q").handle("umar.media2")
///     .bio("Official media office - statements and videos"))[0];
/// assert_eq!(m.banned_id, "b1");
/// assert!(m.is_mirror);
/// let json = serde_json::to_value(m).unwrap();
/// assert!(json["signals"]["handle"]["detail"].is_string());
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MirrorMatch {
    /// The banned account's id.
    pub banned_id: String,
    /// Combined score in `[0, 1]`.
    pub score: f32,
    /// `score >= threshold`.
    pub is_mirror: bool,
    /// What each signal found.
    pub signals: Signals,
}

//! Assessing an account: the content verdict over its texts, and the banned
//! accounts it mirrors.

use super::{Report, Verdict};
use crate::mirror::{Account, MirrorMatch};
use serde::{Deserialize, Serialize};

/// Which text of an [`Account`] a [`TextReport`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AccountField {
    /// The handle.
    Handle,
    /// The display name.
    DisplayName,
    /// The bio.
    Bio,
    /// One of the posts (see [`TextReport::index`]).
    Post,
}

/// The scan of one text of an account.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TextReport {
    /// Which text.
    pub field: AccountField,
    /// For posts, the post's index in [`Account::posts`]; otherwise 0.
    pub index: usize,
    /// Its report; spans are into that text.
    pub report: Report,
}

/// What [`Detector::assess`](super::Detector::assess) says of an account.
///
/// # Example
///
/// ```
/// use vigil::{Account, Detector, Verdict};
///
/// let banned = Account::new("b1")
///     .handle("umar_media")
///     .bio("Official media office of the TTP. Statements and videos.")
///     .link("https://t.me/umarmedia");
/// let detector = Detector::builder().banned(&[banned])?.build()?;
///
/// let candidate = Account::new("c1")
///     .handle("umar_rnedia2")
///     .bio("Official media office of the TTP - statements and videos")
///     .post("TTP zindabad");
/// let a = detector.assess(&candidate);
/// assert_eq!(a.verdict, Verdict::Support);
/// assert_eq!(a.mirrors[0].banned_id, "b1");
/// assert!(a.is_mirror());
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assessment {
    /// The strongest verdict over all the account's texts.
    pub verdict: Verdict,
    /// The highest score over all the account's texts.
    pub score: f32,
    /// The texts that had any match, in field order.
    pub texts: Vec<TextReport>,
    /// Banned accounts this one resembles, best first (empty when the
    /// detector has no banned accounts).
    pub mirrors: Vec<MirrorMatch>,
}

impl Assessment {
    /// True if any banned account is matched above the mirror threshold.
    pub fn is_mirror(&self) -> bool {
        self.mirrors.iter().any(|m| m.is_mirror)
    }
}

/// The texts of an account, labelled.
pub(crate) fn texts(a: &Account) -> impl Iterator<Item = (AccountField, usize, &str)> {
    [
        (AccountField::Handle, 0, a.handle.as_str()),
        (AccountField::DisplayName, 0, a.display_name.as_str()),
        (AccountField::Bio, 0, a.bio.as_str()),
    ]
    .into_iter()
    .chain(
        a.posts
            .iter()
            .enumerate()
            .map(|(i, p)| (AccountField::Post, i, p.as_str())),
    )
}

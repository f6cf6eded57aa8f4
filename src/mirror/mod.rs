//! Mirror accounts: banned accounts that come back under a new name.
//!
//! When a platform bans an account, its operators open a new one that
//! imitates it so the audience can find it again: the handle gets a digit
//! or a suffix (`umar_media2`, `umar_media_official`), a separator changes
//! (`umar.media`), a letter is swapped for a look-alike (`urnar_media`,
//! `um4r_media`, Cyrillic `о`), the display name and bio are copied or
//! lightly edited, the same Telegram channel or website is linked, old posts
//! are re-posted. This module finds such accounts among millions of banned
//! ones, says why, and does not accuse people who merely share a common
//! name.
//!
//! - [`Account`]: the record compared (id, handle, display name, bio, links,
//!   posts; all but the id optional).
//! - [`MirrorScorer::similarity`]: compares two accounts; a score in
//!   `[0, 1]`, `is_mirror`, and a per-signal breakdown ([`Signals`]).
//! - [`MirrorIndex`]: banned accounts indexed with blocking keys, so
//!   [`MirrorIndex::find_mirrors`] scores only a few candidates;
//!   [`MirrorIndex::insert`] adds newly banned accounts;
//!   [`MirrorIndex::to_bytes`] / [`MirrorIndex::from_bytes`] save and load.
//! - [`MirrorConfig`]: weights, the calibrated threshold, report limits.
//!
//! How each signal is computed is described on [`Signals`]; how they are
//! combined, on [`MirrorConfig`] and [`Weights`].
//!
//! # Example
//!
//! ```
//! use vigil::mirror::{Account, MirrorIndex};
//!
//! let banned = Account::new("b1")
//!     .handle("umar_media")
//!     .display_name("Umar Media")
//!     .bio("Official media office of the brothers. Statements, videos, news from the front.");
//! let index = MirrorIndex::from_accounts(&[banned])?;
//!
//! let suspect = Account::new("s1")
//!     .handle("um4r.media_official")
//!     .display_name("Umar Media 2")
//!     .bio("Statements, videos and news from the front. Official media office of the brothers!");
//! let m = &index.find_mirrors(&suspect)[0];
//! assert!(m.is_mirror);
//! println!("{}", serde_json::to_string_pretty(&m.signals).unwrap());
//! # Ok::<(), vigil::Error>(())
//! ```

mod account;
mod codec;
mod edit;
mod handle;
mod index;
mod links;
mod names;
mod postings;
mod profile;
mod score;
mod signals;
mod store;
mod text;

pub use account::Account;
pub use index::MirrorIndex;
pub use score::{MirrorConfig, MirrorScorer, Weights};
pub use signals::{MirrorMatch, Signal, Signals, Similarity};

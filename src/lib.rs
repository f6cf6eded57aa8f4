//! vigil: finds terrorist and violent-extremist content in social-media text,
//! and mirror accounts of banned accounts.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod codec;
mod detector;
mod error;
pub mod lexicon;
pub mod normalize;
pub mod scan;

pub use detector::{Detector, DetectorBuilder, Report, Verdict, SCAN_WINDOW, SUPPORT_WINDOW};
pub use error::{Error, Field, Result};
pub use lexicon::{Category, Entry, EntryRef, Lexicon, LexiconBuilder, Rule, Severity};
pub use scan::Match;
pub use normalize::{
    Case, Disguises, Normalized, Normalizer, NormalizerBuilder, NormalizerOptions, Script, Sep,
    Token, TokenKind, NORMALIZER_VERSION,
};

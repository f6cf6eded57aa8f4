//! `vigil` finds terrorist and violent-extremist content in social-media
//! text, in English, Urdu, Arabic, Pashto, Persian and Roman Urdu, even when
//! it is disguised; and it finds *mirror accounts*, the look-alike accounts
//! that banned accounts open to come back.
//!
//! ```
//! use vigil::{Detector, Verdict};
//!
//! let detector = Detector::default(); // embedded multilingual lexicon
//!
//! let input = "Long live the T\u{200B}.T.P, join the caravan!";
//! let report = detector.scan(input);
//! assert_eq!(report.verdict, Verdict::Support);
//!
//! // Every match carries its span in the original input.
//! let m = report.matches.iter().find(|m| m.group() == Some("ttp")).unwrap();
//! assert_eq!(&input[m.span()], "T\u{200B}.T.P");
//!
//! // Reporting and condemnation name a group without promoting it.
//! let news = detector.scan("Police said the TTP attack was condemned by all parties.");
//! assert_eq!(news.verdict, Verdict::Mention);
//!
//! // Ordinary words are not acronyms.
//! assert_eq!(detector.scan("bla bla, the crisis at http://x.org").verdict, Verdict::Clean);
//! ```
//!
//! # How it works
//!
//! 1. A [`Normalizer`] folds the text into canonical tokens (NFKC,
//!    invisible characters, case, diacritics, UTS #39 look-alikes in
//!    Latin-looking words, Arabic-script letter variants, leetspeak inside
//!    words, spaced-out letters, repeated letters, hashtags and camelCase)
//!    and keeps an alignment back to the original bytes.
//! 2. A [`Lexicon`] of terms, folded by the same normalizer, is compiled
//!    into an [`fst`](https://docs.rs/fst); the scanner walks it over the
//!    tokens, leftmost-longest, across any separator between a term's words.
//! 3. The [`Verdict`] rule (documented on [`Verdict`]'s module) tells
//!    `clean`, `mention` and `support` apart from the categories matched.
//! 4. Mirror accounts are found by a [`MirrorIndex`] of banned accounts.
//!
//! # Cost and limits
//!
//! Scanning is linear in the input. Inputs above [`SCAN_WINDOW`] (1 MiB)
//! are scanned window by window, so memory stays bounded whatever the input
//! size; [`Detector::scan_reader`] reads them from any `io::Read` without
//! holding the whole text. Nothing panics on any `&str`; loading bad data returns an
//! [`Error`] naming what and where.

#![forbid(unsafe_code)]
#![warn(missing_docs)]

mod codec;
mod detector;
mod error;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod lexicon;
pub mod mirror;
pub mod normalize;
pub mod scan;

pub use detector::{
    AccountField, Assessment, Detector, DetectorBuilder, Report, TextReport, Verdict, MAX_MATCHES,
    SCAN_WINDOW, SUPPORT_WINDOW,
};
pub use error::{Error, Field, Result};
pub use lexicon::{Category, Entry, EntryRef, Lexicon, LexiconBuilder, Rule, Severity};
pub use mirror::{
    Account, MirrorConfig, MirrorIndex, MirrorMatch, MirrorScorer, Signal, Signals, Similarity,
    Weights,
};
pub use normalize::{
    Case, Disguises, Normalized, Normalizer, NormalizerBuilder, NormalizerOptions, Script, Sep,
    Token, TokenKind, NORMALIZER_VERSION,
};
pub use scan::Match;

/// The README's examples, compiled and run as doc-tests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

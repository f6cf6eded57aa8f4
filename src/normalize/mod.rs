//! Turns disguised, multilingual text into canonical tokens, remembering
//! where every piece came from.
//!
//! PLACEHOLDER IMPLEMENTATION: the public surface below is the contract the
//! rest of the crate builds on; the full pipeline replaces the body of
//! `normalize_into`.

mod token;

pub use token::{Case, Disguises, Script, Sep, Token, TokenKind};

use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Version of the canonical form. Bump it whenever `normalize` can produce a
/// different output for the same input: compiled lexicons record it and are
/// rejected when it changes.
pub const NORMALIZER_VERSION: u32 = 1;

/// Which folding steps a [`Normalizer`] applies. All on by default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct NormalizerOptions {
    /// Fold Latin look-alikes from other scripts (UTS #39) in Latin-looking words.
    pub confusables: bool,
    /// Read digits and symbols inside words as letters (`T4l1b4n`).
    pub leetspeak: bool,
    /// Fold Arabic-script letter variants, digits, tatweel and harakat.
    pub arabic_variants: bool,
    /// Strip diacritics from Latin letters.
    pub strip_diacritics: bool,
    /// Collapse repeated letters.
    pub collapse_repeats: bool,
    /// Join letters spread out with separators (`T.T.P`).
    pub join_spaced_letters: bool,
    /// Split hashtags, handles and camelCase at inner word boundaries.
    pub split_glued_words: bool,
}

impl Default for NormalizerOptions {
    fn default() -> Self {
        NormalizerOptions {
            confusables: true,
            leetspeak: true,
            arabic_variants: true,
            strip_diacritics: true,
            collapse_repeats: true,
            join_spaced_letters: true,
            split_glued_words: true,
        }
    }
}

/// Normalizes text into canonical tokens. Cheap to clone, `Send + Sync`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Normalizer {
    opts: NormalizerOptions,
}

/// Configures a [`Normalizer`].
#[derive(Debug, Clone, Default)]
pub struct NormalizerBuilder {
    opts: NormalizerOptions,
}

impl NormalizerBuilder {
    /// Sets every option at once.
    pub fn options(&mut self, opts: NormalizerOptions) -> &mut Self {
        self.opts = opts;
        self
    }
    /// Builds the normalizer.
    pub fn build(&self) -> Normalizer {
        Normalizer { opts: self.opts }
    }
}

impl Normalizer {
    /// A builder starting from the default options.
    pub fn builder() -> NormalizerBuilder {
        NormalizerBuilder::default()
    }

    /// The options in force.
    pub fn options(&self) -> &NormalizerOptions {
        &self.opts
    }

    /// A number that changes whenever this normalizer's output could change.
    pub fn version(&self) -> u32 {
        let o = &self.opts;
        let bits = [
            o.confusables,
            o.leetspeak,
            o.arabic_variants,
            o.strip_diacritics,
            o.collapse_repeats,
            o.join_spaced_letters,
            o.split_glued_words,
        ]
        .iter()
        .enumerate()
        .fold(0u32, |acc, (i, &on)| acc | ((on as u32) << i));
        NORMALIZER_VERSION << 8 | bits
    }

    /// Normalizes `text`.
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(text, &mut out);
        out
    }

    /// Normalizes `text` into `out`, reusing its buffers.
    pub fn normalize_into(&self, text: &str, out: &mut Normalized) {
        out.text.clear();
        out.tokens.clear();
        out.starts.clear();
        out.ends.clear();
        out.original_len = text.len();
        let mut prev_end = None::<usize>;
        for (i, w) in text.split_whitespace().map(|w| {
            let off = w.as_ptr() as usize - text.as_ptr() as usize;
            (off, w)
        }) {
            let _ = prev_end;
            let start = out.text.len();
            if start > 0 {
                out.text.push(' ');
                out.starts.push(i as u32);
                out.ends.push(i as u32);
            }
            let tstart = out.text.len();
            for (j, c) in w.char_indices() {
                for l in c.to_lowercase() {
                    let mut buf = [0u8; 4];
                    let s = l.encode_utf8(&mut buf);
                    for _ in 0..s.len() {
                        out.starts.push((i + j) as u32);
                        out.ends.push((i + j + c.len_utf8()) as u32);
                    }
                    out.text.push(l);
                }
            }
            out.tokens.push(Token {
                start: tstart as u32,
                end: out.text.len() as u32,
                kind: TokenKind::Word,
                case: Case::Lower,
                sep: if out.tokens.is_empty() { Sep::Start } else { Sep::Space },
                script: Script::Latin,
                disguises: Disguises::NONE,
            });
            prev_end = Some(i + w.len());
        }
    }
}

/// The canonical form of a text: canonical text, tokens, and the alignment
/// back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    tokens: Vec<Token>,
    starts: Vec<u32>,
    ends: Vec<u32>,
    original_len: usize,
}

impl Normalized {
    /// The canonical text.
    pub fn text(&self) -> &str {
        &self.text
    }
    /// The canonical tokens, in order.
    pub fn tokens(&self) -> &[Token] {
        &self.tokens
    }
    /// The canonical text of one token.
    pub fn token_text(&self, t: &Token) -> &str {
        self.text.get(t.range()).unwrap_or("")
    }
    /// Length in bytes of the original input.
    pub fn original_len(&self) -> usize {
        self.original_len
    }
    /// Maps a canonical byte range to the original byte range it came from.
    pub fn source_span(&self, canon: Range<usize>) -> Range<usize> {
        if canon.start >= canon.end || canon.end > self.starts.len() {
            return 0..0;
        }
        self.starts[canon.start] as usize..self.ends[canon.end - 1] as usize
    }
}

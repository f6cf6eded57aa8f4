//! Turns disguised, multilingual text into canonical tokens, remembering
//! where every piece came from.
//!
//! One [`Normalizer`] folds both lexicon terms and scanned text, so they
//! meet in one key space. It undoes, in order:
//!
//! 1. Unicode compatibility forms (NFKC: `ＴＴＰ`, `𝐓𝐓𝐏`, `Ⓣ`, `ﬁ`, Arabic
//!    presentation forms `ﻝﺵﮎﺭ`), with a quick-check fast path. Not
//!    expanded: the two ligatures whose NFKC form is a whole formula of
//!    several words (U+FDFA `ﷺ`, U+FDFB `ﷻ`; three bytes would become four
//!    tokens or more). They are kept as symbols; every other expansion is
//!    one word of at most six characters;
//! 2. invisible characters (zero-width, joiners, bidi controls, soft hyphen,
//!    BOM, variation selectors, tags);
//! 3. case (full Unicode lowercase) and diacritics on Latin letters
//!    (`Tālibān`);
//! 4. Latin look-alikes from other scripts (UTS #39: Cyrillic `ТТР`, Greek
//!    `Τaliban`, small capitals), only in Latin-looking words and never in
//!    Arabic script;
//! 5. Arabic-script variants (alef, yeh, kaf, heh, teh marbuta, waw forms,
//!    Arabic-Indic digits, tatweel, harakat);
//! 6. leetspeak inside words (`T4l1b4n`, `D@e$h`, `7aliban`), leaving
//!    numbers alone (`512 MB`, `covid19`, `+92 300 1234567`);
//! 7. letters spread out (`T T P`, `T.T.P`, `t-t-p`, `T a l i b a n`);
//! 8. repeated letters (`Taaaliban`; every Latin run collapses to one
//!    letter, so `Tehreek` and `Tehrek` meet; Arabic runs of three or more);
//! 9. glued words (`#TehrikITaliban`, camelCase), split into
//!    [`Sep::Glued`] tokens.
//!
//! URLs and e-mail addresses stay whole ([`TokenKind::Url`]); hashtags and
//! handles keep their kind; each token records the case its letters had
//! ([`Case`]) and which disguises were undone in it ([`Disguises`]).
//!
//! # The canonical text
//!
//! Tokens in order, one ASCII space between them unless the second is
//! [`Sep::Glued`] (then nothing). A hashtag's first token is preceded by
//! `#`, a handle's by `@` (outside the token's range). Punctuation, emoji
//! and symbols are not in it: they only decide [`Sep::Space`] or
//! [`Sep::Break`]. Normalizing the canonical text again gives the same
//! text.

mod align;
mod emit;
mod fast;
mod fold;
mod lex;
mod tables;
mod token;
mod url;
mod word;

pub use token::{Case, Disguises, Script, Sep, Token, TokenKind};

use align::Alignment;
use emit::{Emitter, LIMIT};
use fold::{FChar, Folder, Nfkc};
use serde::{Deserialize, Serialize};
use std::ops::Range;

/// Version of the canonical form. Bump it whenever `normalize` can produce a
/// different output for the same input: compiled lexicons record it and are
/// rejected when it changes.
pub const NORMALIZER_VERSION: u32 = 4;

/// Which folding steps a [`Normalizer`] applies. All on by default.
///
/// # Example
///
/// ```
/// use vigil::{Normalizer, NormalizerOptions};
///
/// let opts = NormalizerOptions { leetspeak: false, ..NormalizerOptions::default() };
/// let n = Normalizer::builder().options(opts).build();
/// assert_eq!(n.normalize("T4l1b4n").text(), "t4l1b4n");
/// ```
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

impl NormalizerOptions {
    /// The options as seven bits, in field order from bit 0 (`confusables`)
    /// to bit 6 (`split_glued_words`): how compiled lexicons record them.
    ///
    /// ```
    /// use vigil::NormalizerOptions;
    ///
    /// let all = NormalizerOptions::default();
    /// assert_eq!(all.bits(), 0x7F);
    /// assert_eq!(NormalizerOptions::from_bits(all.bits()), Some(all));
    /// assert_eq!(NormalizerOptions::from_bits(0x80), None);
    /// ```
    pub fn bits(&self) -> u8 {
        [
            self.confusables,
            self.leetspeak,
            self.arabic_variants,
            self.strip_diacritics,
            self.collapse_repeats,
            self.join_spaced_letters,
            self.split_glued_words,
        ]
        .iter()
        .enumerate()
        .fold(0, |acc, (i, &on)| acc | (u8::from(on) << i))
    }

    /// The options from [`NormalizerOptions::bits`]; `None` when bit 7 is
    /// set (no such option).
    pub fn from_bits(bits: u8) -> Option<NormalizerOptions> {
        if bits >> 7 != 0 {
            return None;
        }
        let on = |i: u8| bits & (1 << i) != 0;
        Some(NormalizerOptions {
            confusables: on(0),
            leetspeak: on(1),
            arabic_variants: on(2),
            strip_diacritics: on(3),
            collapse_repeats: on(4),
            join_spaced_letters: on(5),
            split_glued_words: on(6),
        })
    }
}

/// The options as the pipeline reads them.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Config {
    /// `tables::Info` flags under which a character keeps its plain
    /// lowercase instead of its fold (a disabled fold).
    keep_mask: u8,
    confusables: bool,
    leetspeak: bool,
    arabic: bool,
    strip_diacritics: bool,
    collapse_repeats: bool,
    join_spaced_letters: bool,
    split_glued_words: bool,
}

impl Config {
    fn new(o: &NormalizerOptions) -> Config {
        let mut keep_mask = 0;
        if !o.strip_diacritics {
            keep_mask |= tables::FOLD_DIACRITIC;
        }
        if !o.arabic_variants {
            keep_mask |= tables::FOLD_ARABIC;
        }
        Config {
            keep_mask,
            confusables: o.confusables,
            leetspeak: o.leetspeak,
            arabic: o.arabic_variants,
            strip_diacritics: o.strip_diacritics,
            collapse_repeats: o.collapse_repeats,
            join_spaced_letters: o.join_spaced_letters,
            split_glued_words: o.split_glued_words,
        }
    }
}

/// Normalizes text into canonical tokens. Cheap to clone, `Send + Sync`.
///
/// `Normalizer::default()` applies every step; it is what the detector
/// uses.
///
/// # Example
///
/// ```
/// use vigil::{Disguises, Normalizer, TokenKind};
///
/// let n = Normalizer::default().normalize("Join Ｔ.Т.Ｐ at #TehrikITaliban https://t.me/x");
/// assert_eq!(n.text(), "join tp at #tehrikitaliban https://t.me/x");
/// let ttp = &n.tokens()[1];
/// assert!(ttp.disguises.contains(Disguises::SPACING | Disguises::HOMOGLYPH));
/// assert_eq!(n.tokens().last().unwrap().kind, TokenKind::Url);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Normalizer {
    opts: NormalizerOptions,
}

/// Configures a [`Normalizer`].
///
/// # Example
///
/// ```
/// use vigil::Normalizer;
///
/// let n = Normalizer::builder().collapse_repeats(false).build();
/// assert_eq!(n.normalize("Tehreek").text(), "tehreek");
/// assert_eq!(Normalizer::default().normalize("Tehreek").text(), "tehrek");
/// ```
#[derive(Debug, Clone, Default)]
pub struct NormalizerBuilder {
    opts: NormalizerOptions,
}

macro_rules! setters {
    ($($(#[$doc:meta])* $name:ident),* $(,)?) => {$(
        $(#[$doc])*
        pub fn $name(&mut self, on: bool) -> &mut Self {
            self.opts.$name = on;
            self
        }
    )*};
}

impl NormalizerBuilder {
    /// Sets every option at once.
    pub fn options(&mut self, opts: NormalizerOptions) -> &mut Self {
        self.opts = opts;
        self
    }

    setters! {
        /// Folds Latin look-alikes from other scripts (see
        /// [`NormalizerOptions::confusables`]).
        confusables,
        /// Reads leetspeak inside words (see [`NormalizerOptions::leetspeak`]).
        leetspeak,
        /// Folds Arabic-script variants (see
        /// [`NormalizerOptions::arabic_variants`]).
        arabic_variants,
        /// Strips Latin diacritics (see [`NormalizerOptions::strip_diacritics`]).
        strip_diacritics,
        /// Collapses repeated letters (see
        /// [`NormalizerOptions::collapse_repeats`]).
        collapse_repeats,
        /// Joins spread-out letters (see
        /// [`NormalizerOptions::join_spaced_letters`]).
        join_spaced_letters,
        /// Splits glued words (see [`NormalizerOptions::split_glued_words`]).
        split_glued_words,
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

    /// A number that changes whenever this normalizer's output could change:
    /// [`NORMALIZER_VERSION`] and the options.
    ///
    /// ```
    /// use vigil::Normalizer;
    ///
    /// let a = Normalizer::default();
    /// let b = Normalizer::builder().leetspeak(false).build();
    /// assert_ne!(a.version(), b.version());
    /// ```
    pub fn version(&self) -> u32 {
        NORMALIZER_VERSION << 8 | u32::from(self.opts.bits())
    }

    /// Normalizes `text`. Allocates a fresh [`Normalized`]; in a loop,
    /// prefer [`Normalizer::normalize_into`].
    ///
    /// Cost: linear in `text`. Never fails and never panics; text beyond
    /// 4 GiB (less 1 MiB) is ignored, since offsets are `u32`.
    ///
    /// ```
    /// use vigil::{Case, Normalizer};
    ///
    /// let n = Normalizer::default().normalize("BLA zindabad, bla bla");
    /// assert_eq!(n.text(), "bla zindabad bla bla");
    /// assert_eq!(n.tokens()[0].case, Case::Upper);
    /// assert_eq!(n.tokens()[2].case, Case::Lower);
    /// ```
    pub fn normalize(&self, text: &str) -> Normalized {
        let mut out = Normalized::default();
        self.normalize_into(text, &mut out);
        out
    }

    /// Normalizes `text` into `out`, reusing its buffers: after a few
    /// calls, normalizing allocates nothing.
    ///
    /// ```
    /// use vigil::{Normalized, Normalizer};
    ///
    /// let norm = Normalizer::default();
    /// let mut out = Normalized::default();
    /// for line in ["D@e$h", "Daeeesh"] {
    ///     norm.normalize_into(line, &mut out);
    ///     assert_eq!(out.text(), "daesh");
    /// }
    /// ```
    pub fn normalize_into(&self, text: &str, out: &mut Normalized) {
        self.run(text, out, true);
    }

    /// Normalizes `text`, a window cut out of a longer text, into `out`;
    /// `url_head`: the window before it ended inside a URL (its last token
    /// a URL reaching its end), so the run of URL characters this one
    /// starts with goes on with that URL and is one URL token, not words.
    /// Without it, a URL of megabytes was read as a URL in its first
    /// window and its path as words in every later one: the two readings
    /// differed, and the second, a word every few bytes, was ten times
    /// slower.
    pub(crate) fn normalize_window(&self, text: &str, out: &mut Normalized, url_head: bool) {
        self.run_from(text, out, true, url_head);
    }

    /// The pipeline; `fast` enables the fast path and the folder's
    /// shortcuts (off only in tests that check they change nothing).
    fn run(&self, text: &str, out: &mut Normalized, fast: bool) {
        self.run_from(text, out, fast, false);
    }

    /// [`Normalizer::run`], the text starting inside a URL if `url_head`
    /// (see [`Normalizer::normalize_window`]).
    fn run_from(&self, text: &str, out: &mut Normalized, fast: bool, url_head: bool) {
        let cfg = Config::new(&self.opts);
        out.text.clear();
        out.tokens.clear();
        out.align.clear();
        out.original_len = text.len();
        let mut limit = text.len().min(LIMIT);
        while !text.is_char_boundary(limit) {
            limit -= 1;
        }
        let Normalized {
            text: canon,
            tokens,
            align,
            scratch,
            ..
        } = out;
        let Scratch {
            buf,
            nfkc,
            spans,
            splits,
        } = &mut scratch.0;
        let mut em = Emitter::new(canon, tokens, align, text, &cfg);
        let mut folder = Folder::new(text, limit, &cfg, nfkc, fast);
        let mut pos = 0;
        let mut after_word = false;
        if url_head {
            pos = fast::url_head(&text.as_bytes()[..limit], &mut em);
            after_word = pos > 0 && text.as_bytes()[pos - 1].is_ascii_alphanumeric();
        }
        let mut try_fast = fast;
        let mut urls = fast::UrlMemo::default();
        loop {
            // Where the fast path stopped, the general path goes on.
            if try_fast && folder.idle() {
                let mut sc = fast::FastScratch {
                    fchars: buf,
                    spans,
                    splits,
                    urls: &mut urls,
                };
                let (n, word) = fast::run(text, pos, limit, &mut em, &cfg, &mut sc);
                if n > 0 {
                    pos += n;
                    after_word = word;
                    try_fast = false;
                    continue;
                }
            }
            // Most lines end on the fast path: nothing left to fold.
            if pos >= limit {
                break;
            }
            try_fast = fast;
            buf.clear();
            if !folder.chunk(&mut pos, buf) {
                break;
            }
            lex::chunk(buf, &mut em, &cfg, spans, after_word);
            after_word = false;
        }
        em.finish();
        // A hostile line can leave a huge buffer behind; don't keep it.
        if buf.capacity() > 1 << 16 {
            *buf = Vec::new();
        }
        if splits.capacity() > 1 << 16 {
            *splits = Vec::new();
        }
    }
}

/// Buffers reused from one call to the next.
#[derive(Clone, Debug, Default)]
struct Scratch {
    buf: Vec<FChar>,
    nfkc: Nfkc,
    spans: word::Spans,
    /// The fast path's camel-case splits of one word.
    splits: Vec<u32>,
}

/// Scratch space: never part of a value's identity.
#[derive(Clone, Default)]
struct ScratchCell(Scratch);

impl PartialEq for ScratchCell {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for ScratchCell {}

impl std::fmt::Debug for ScratchCell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("..")
    }
}

/// The canonical form of a text: canonical text, tokens, and the alignment
/// back to the original.
///
/// Memory: the canonical text, 20 bytes per token, and 16 bytes per
/// alignment segment (one per run of characters that map one to one; a
/// plain ASCII sentence is a single segment), plus scratch kept for reuse:
/// the general path's character buffer (dropped above 64K entries) and a
/// memo of at most 64 NFKC forms of segments up to 32 bytes.
///
/// # Example
///
/// ```
/// use vigil::Normalizer;
///
/// let input = "Long live the Ｔ\u{200B}.T.P!";
/// let n = Normalizer::default().normalize(input);
/// let t = n.tokens().last().unwrap();
/// assert_eq!(n.token_text(t), "tp");
/// assert_eq!(&input[n.source_span(t.range())], "Ｔ\u{200B}.T.P");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Normalized {
    text: String,
    tokens: Vec<Token>,
    align: Alignment,
    original_len: usize,
    scratch: ScratchCell,
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

    /// The canonical text of one token (empty if `t` is not from this
    /// value).
    pub fn token_text(&self, t: &Token) -> &str {
        self.text.get(t.range()).unwrap_or("")
    }

    /// Length in bytes of the original input.
    pub fn original_len(&self) -> usize {
        self.original_len
    }

    /// Maps a canonical byte range to the original byte range it came from:
    /// from the start of the first original character that contributed to
    /// the range's first canonical character, to the end of the last one
    /// that contributed to its last. Removed characters inside the range
    /// (invisibles, separators between joined letters, collapsed repeats,
    /// harakat) are covered; separators the normalizer wrote are not
    /// counted at either end. Always on `char` boundaries of the original.
    ///
    /// Ranges are clamped to the text and snapped outwards to whole
    /// characters; an empty range (or one covering only written
    /// separators) gives an empty range at the matching original position.
    ///
    /// Cost: two binary searches over the alignment segments.
    ///
    /// ```
    /// use vigil::Normalizer;
    ///
    /// let input = "x #TehrikITaliban";
    /// let n = Normalizer::default().normalize(input);
    /// let words: Vec<_> = n.tokens()[1..].to_vec();
    /// let all = words[0].start as usize..words[2].end as usize;
    /// assert_eq!(&input[n.source_span(all)], "TehrikITaliban");
    /// assert_eq!(&input[n.source_span(words[2].range())], "Taliban");
    /// ```
    pub fn source_span(&self, canon: Range<usize>) -> Range<usize> {
        self.align.span(&self.text, canon)
    }

    /// True if the last token is a URL that runs to the end of `text`,
    /// what this was normalized from, but for the punctuation a URL gives
    /// back at its end: a window cut inside a URL, which the next window
    /// goes on with (see [`Normalizer::normalize_window`]).
    pub(crate) fn ends_in_url(&self, text: &str) -> bool {
        use url::Src;
        let Some(t) = self.tokens.last() else {
            return false;
        };
        let end = self.source_span(t.range()).end;
        t.kind == TokenKind::Url && text.as_bytes().url_run(end) == text.len()
    }
}

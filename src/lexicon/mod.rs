//! The lexicon: terms of proscribed organisations, their propaganda and the
//! cues around them, folded by the [`Normalizer`] and compiled into an `fst`.
//!
//! Entries come from plain TSV files (see the README's *Lexicon format*) or
//! are added programmatically with a [`LexiconBuilder`]. A built lexicon is
//! one immutable byte buffer: [`Lexicon::as_bytes`] writes it out and
//! [`Lexicon::from_shared`] reads it back in place (a memory map works), so a
//! service can load a 100,000-term lexicon in about 7 ms: one checksum
//! pass and one validation pass over the records and the fst.

mod builder;
mod compiled;
mod fstcheck;
mod starts;
mod trie;
mod tsv;
mod types;

pub use builder::LexiconBuilder;
pub use compiled::FORMAT_VERSION;
pub use types::{Category, ParseNameError, Rule, Severity};

use crate::error::{Error, Result};
use crate::normalize::{Normalizer, NormalizerOptions, NORMALIZER_VERSION};
use compiled::{Bytes, Compiled};
pub(crate) use compiled::{MatchStrings, Meta};
use serde::{Deserialize, Serialize};
pub(crate) use starts::{Probe, Starts};
use std::fmt;
use std::io::BufRead;
use std::sync::{Arc, OnceLock};
pub(crate) use trie::{Target, Trie};

/// One lexicon entry as written in a source file.
///
/// # Example
///
/// ```
/// use vigil::{Category, Entry, Rule, Severity};
///
/// let e = Entry {
///     term: "Umar Media".into(),
///     group: Some("ttp".into()),
///     category: Category::Media,
///     lang: "en".into(),
///     severity: Severity::High,
///     rule: Rule::Any,
///     source: "pointraiser.com/umar-media-pakistan-taliban".into(),
/// };
/// let lexicon = vigil::Lexicon::builder().add(e)?.build()?;
/// assert_eq!(lexicon.len(), 1);
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Entry {
    /// The term as written, in any script; words separated by spaces or
    /// hyphens.
    pub term: String,
    /// The group id (`ttp`, `iskp`, ...), or `None` for cues and allow
    /// entries that belong to no group.
    pub group: Option<String>,
    /// What the entry is evidence of.
    pub category: Category,
    /// Language tag: `en`, `ur`, `ur-Latn`, `ar`, `ps`, `fa`, `bal`, `mul`.
    pub lang: String,
    /// How serious a match is.
    pub severity: Severity,
    /// When it may match.
    pub rule: Rule,
    /// Where the entry comes from.
    pub source: String,
}

/// A borrowed view of one entry of a compiled [`Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct EntryRef<'a> {
    /// Entry number, stable for a given compiled lexicon.
    pub id: u32,
    /// The canonical key the term folds to.
    pub key: &'a str,
    /// The term as written in the source.
    pub term: &'a str,
    /// The group id, if any.
    pub group: Option<&'a str>,
    /// What the entry is evidence of.
    pub category: Category,
    /// Language tag.
    pub lang: &'a str,
    /// How serious a match is.
    pub severity: Severity,
    /// When it may match.
    pub rule: Rule,
    /// Where the entry comes from.
    pub source: &'a str,
}

impl EntryRef<'_> {
    /// An owned copy of the entry as it was written.
    pub fn to_entry(&self) -> Entry {
        Entry {
            term: self.term.to_string(),
            group: self.group.map(str::to_string),
            category: self.category,
            lang: self.lang.to_string(),
            severity: self.severity,
            rule: self.rule,
            source: self.source.to_string(),
        }
    }
}

/// A compiled, immutable lexicon. Cloning is cheap (reference-counted);
/// `Send + Sync`.
///
/// # Example
///
/// ```
/// use vigil::Lexicon;
///
/// let tsv = "# term\tgroup\tcategory\tlang\tseverity\trule\tsource\n\
///            Tehrik-i-Taliban Pakistan\tttp\torg\ten\thigh\tany\tUN 1267 QDe.132\n";
/// let lexicon = Lexicon::from_tsv(tsv.as_bytes())?;
/// let entry = lexicon.lookup("TEHRIK I  TALIBAN-PAKISTAN").unwrap();
/// assert_eq!(entry.group, Some("ttp"));
///
/// // Compiled bytes round-trip, with a checksum and version header.
/// let again = Lexicon::from_bytes(lexicon.as_bytes())?;
/// assert_eq!(again.len(), 1);
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Clone)]
pub struct Lexicon {
    compiled: Arc<Compiled>,
    normalizer: Normalizer,
}

impl Lexicon {
    /// A builder using the default [`Normalizer`].
    pub fn builder() -> LexiconBuilder {
        LexiconBuilder::new()
    }

    /// Parses and compiles a TSV source (seven tab-separated fields a line:
    /// term, group, category, lang, severity, rule, source; `#` comments).
    ///
    /// Cost: one normalization per entry plus an fst build, about a second
    /// for 100,000 entries.
    ///
    /// # Errors
    ///
    /// [`Error::Lexicon`] for a malformed line (with line number and field),
    /// [`Error::Conflict`] when two entries fold to the same key,
    /// [`Error::Io`] when reading fails.
    pub fn from_tsv<R: BufRead>(reader: R) -> Result<Lexicon> {
        let mut b = LexiconBuilder::new();
        b.add_tsv("<tsv>", reader)?;
        b.build()
    }

    /// Loads a compiled lexicon, copying `bytes` once.
    ///
    /// # Errors
    ///
    /// [`Error::Corrupt`] for truncated or damaged data, [`Error::Version`]
    /// when it was compiled by another format or normalizer version.
    pub fn from_bytes(bytes: &[u8]) -> Result<Lexicon> {
        Lexicon::from_shared(bytes.to_vec())
    }

    /// Loads a compiled lexicon from `'static` bytes without copying (for
    /// `include_bytes!`).
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_bytes`].
    pub fn from_static(bytes: &'static [u8]) -> Result<Lexicon> {
        Lexicon::from_shared(bytes)
    }

    /// Loads a compiled lexicon in place from any owner of bytes: a
    /// `Vec<u8>`, an `Arc<[u8]>`, or a memory map. Nothing is copied; the
    /// cost is one checksum pass, one pass over the entry records and one
    /// over the fst's nodes (about 7 ms for 100,000 entries).
    ///
    /// Integrity is checked (bit flips, truncation, versions). Data forged
    /// to pass the checksum is an error too wherever it could make lookups
    /// fail: every fst node is decoded once, every transition must land on
    /// a node and every output must be an entry number, so no input makes
    /// a later scan panic. What is not checked up front is whether each
    /// string in the pool is UTF-8 on character boundaries (a forged one
    /// reads as empty) and whether each key's summed output is an entry
    /// number (a forged one is skipped when scanning).
    ///
    /// The first scan with a lexicon also builds its search tables: the
    /// text prefixes keys can begin with (so most tokens are skipped
    /// without touching the fst) and the top of the fst decoded into flat
    /// arrays (at most 32,768 transitions, 2 MiB at the very worst). A
    /// one-time cost of about 11 ms for 10,000 entries and 18 ms for
    /// 100,000 (`cargo bench --bench scan` prints both), shared by every
    /// clone and thread.
    ///
    /// # Errors
    ///
    /// As [`Lexicon::from_bytes`].
    pub fn from_shared<B>(bytes: B) -> Result<Lexicon>
    where
        B: AsRef<[u8]> + Send + Sync + 'static,
    {
        let compiled = Compiled::open(Bytes(Arc::new(bytes)))?;
        if compiled.normalizer_version != NORMALIZER_VERSION {
            return Err(Error::Version {
                what: "lexicon normalizer",
                expected: NORMALIZER_VERSION,
                found: compiled.normalizer_version,
            });
        }
        let opts = decode_options(compiled.normalizer_options).ok_or_else(|| Error::Corrupt {
            what: "lexicon",
            offset: 16,
            message: format!(
                "unknown normalizer option bits {:#x}",
                compiled.normalizer_options
            ),
        })?;
        let normalizer = Normalizer::builder().options(opts).build();
        Ok(Lexicon {
            compiled: Arc::new(compiled),
            normalizer,
        })
    }

    /// The embedded multilingual lexicon, built from the repository's
    /// `data/lexicon/*.tsv` on first use and shared afterwards.
    pub fn embedded() -> &'static Lexicon {
        static EMBEDDED: OnceLock<Lexicon> = OnceLock::new();
        EMBEDDED.get_or_init(|| {
            let mut b = LexiconBuilder::new();
            for (name, text) in EMBEDDED_SOURCES {
                if let Err(e) = b.add_tsv(name, text.as_bytes()) {
                    // The embedded data is checked by the test suite; this
                    // cannot fail for a released build.
                    panic!("embedded lexicon {name}: {e}");
                }
            }
            b.build()
                .unwrap_or_else(|e| panic!("embedded lexicon: {e}"))
        })
    }

    /// An empty lexicon: every text scans clean.
    pub fn empty() -> Lexicon {
        // Cannot fail: no entries, no conflicts.
        LexiconBuilder::new()
            .build()
            .unwrap_or_else(|e| panic!("empty lexicon: {e}"))
    }

    /// The compiled bytes, ready to be written to a file.
    pub fn as_bytes(&self) -> &[u8] {
        self.compiled.bytes.as_slice()
    }

    /// An owned copy of [`Lexicon::as_bytes`].
    pub fn to_bytes(&self) -> Vec<u8> {
        self.as_bytes().to_vec()
    }

    /// Number of entries (allow entries included).
    pub fn len(&self) -> usize {
        self.compiled.n_entries
    }

    /// True if the lexicon has no entries.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The normalizer the keys were folded with; text must be scanned with
    /// the same one.
    pub fn normalizer(&self) -> &Normalizer {
        &self.normalizer
    }

    /// The entry with this number.
    pub fn get(&self, id: u32) -> Option<EntryRef<'_>> {
        let c = &*self.compiled;
        let r = c.record(id as usize)?;
        Some(EntryRef {
            id,
            key: c.str(r.key),
            term: c.str(r.term),
            group: c.group(r.group),
            category: r.category,
            lang: c.lang(r.lang),
            severity: r.severity,
            rule: r.rule,
            source: c.str(r.source),
        })
    }

    /// What a match reports of an entry as raw pool bytes, for the
    /// scanner's hot path (see [`Match`](crate::Match)'s construction for
    /// why raw).
    #[inline]
    pub(crate) fn match_strings(&self, id: u32) -> Option<MatchStrings<'_>> {
        self.compiled.match_strings(id as usize)
    }

    /// All entries, in key order.
    pub fn iter(&self) -> impl Iterator<Item = EntryRef<'_>> + '_ {
        (0..self.len() as u32).filter_map(move |i| self.get(i))
    }

    /// The group ids that occur in the lexicon, sorted.
    pub fn groups(&self) -> impl Iterator<Item = &str> + '_ {
        self.compiled.groups()
    }

    /// The entry whose key `term` folds to exactly, if any. Costs one
    /// normalization and one fst lookup.
    pub fn lookup(&self, term: &str) -> Option<EntryRef<'_>> {
        let key = builder::key_of(&self.normalizer, term)?;
        let id = self.compiled.fst.get(key.as_bytes())?;
        self.get(u32::try_from(id.value()).ok()?)
    }

    pub(crate) fn fst(&self) -> &fst::raw::Fst<impl AsRef<[u8]>> {
        &self.compiled.fst
    }

    /// Category, severity, rule and group of an entry, without decoding
    /// strings.
    #[inline]
    pub(crate) fn meta(&self, id: u32) -> Option<Meta> {
        self.compiled.meta(id as usize)
    }

    /// The term of an entry as written, without decoding its other strings.
    pub(crate) fn term(&self, id: u32) -> Option<&str> {
        let c = &*self.compiled;
        c.record(id as usize).map(|r| c.str(r.term))
    }

    /// [`Lexicon::term`] as raw bytes, for comparing with text: nothing is
    /// decoded or validated.
    pub(crate) fn term_bytes(&self, id: u32) -> Option<&[u8]> {
        self.compiled.term_bytes(id as usize)
    }

    /// The scanner's start-of-key tables (built on first use).
    pub(crate) fn starts(&self) -> &Starts {
        self.compiled.starts()
    }

    /// The top of the fst decoded for the scanner (built on first use).
    pub(crate) fn trie(&self) -> &Trie {
        self.compiled.trie()
    }
}

impl Default for Lexicon {
    /// The [embedded](Lexicon::embedded) lexicon.
    fn default() -> Self {
        Lexicon::embedded().clone()
    }
}

impl fmt::Debug for Lexicon {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Lexicon")
            .field("entries", &self.len())
            .field("bytes", &self.as_bytes().len())
            .field("normalizer", &self.normalizer)
            .finish()
    }
}

/// The repository's lexicon data, compiled into the binary.
const EMBEDDED_SOURCES: &[(&str, &str)] = &[
    (
        "data/lexicon/organisations.tsv",
        include_str!("../../data/lexicon/organisations.tsv"),
    ),
    (
        "data/lexicon/media.tsv",
        include_str!("../../data/lexicon/media.tsv"),
    ),
    (
        "data/lexicon/ingroup.tsv",
        include_str!("../../data/lexicon/ingroup.tsv"),
    ),
    (
        "data/lexicon/cues.tsv",
        include_str!("../../data/lexicon/cues.tsv"),
    ),
    (
        "data/lexicon/allow.tsv",
        include_str!("../../data/lexicon/allow.tsv"),
    ),
];

pub(crate) fn encode_options(o: &NormalizerOptions) -> u32 {
    u32::from(o.bits())
}

fn decode_options(bits: u32) -> Option<NormalizerOptions> {
    u8::try_from(bits)
        .ok()
        .and_then(NormalizerOptions::from_bits)
}

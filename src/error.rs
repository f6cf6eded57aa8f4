//! The crate's one error type.

use std::fmt;

/// A specialised `Result` whose error is [`vigil::Error`](Error).
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `vigil`.
///
/// Every variant carries enough context to find the problem: the source and
/// line of a bad lexicon entry, the byte offset and section of a corrupt
/// compiled lexicon or index. Scanning text never fails: only loading data
/// does.
///
/// # Example
///
/// ```
/// use vigil::{Error, Lexicon};
///
/// let tsv = "ttp\tttp\torg\ten\thigh\tany\tnews\n\
///            broken line without tabs\n";
/// match Lexicon::from_tsv(tsv.as_bytes()) {
///     Err(Error::Lexicon { line, field, .. }) => {
///         assert_eq!(line, 2);
///         assert_eq!(field, vigil::Field::Group);
///     }
///     other => panic!("expected a lexicon error, got {other:?}"),
/// }
/// ```
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A line of a lexicon source file is malformed.
    #[error("{source_name}:{line}: field `{field}`: {message}")]
    Lexicon {
        /// Name of the source (a file name, or `<tsv>` for an unnamed reader).
        source_name: String,
        /// 1-based line number.
        line: usize,
        /// The field that is wrong.
        field: Field,
        /// What is wrong with it.
        message: String,
    },
    /// Two entries of a lexicon fold to the same key and disagree, or repeat
    /// each other. Both places are named.
    #[error("{first} and {second}: term `{term}` (key `{key}`) {what}")]
    Conflict {
        /// The term as written at the second place.
        term: String,
        /// The canonical key both entries fold to.
        key: String,
        /// Where the first entry is (`source:line`).
        first: String,
        /// Where the second entry is (`source:line`).
        second: String,
        /// `"is listed twice"` or what the entries disagree on.
        what: String,
    },
    /// A compiled lexicon or mirror index is corrupt, truncated, or was made
    /// by an incompatible version.
    #[error("corrupt {what} at byte {offset}: {message}")]
    Corrupt {
        /// What was being read (`"lexicon"`, `"mirror index"`).
        what: &'static str,
        /// Byte offset where the problem was found.
        offset: usize,
        /// What is wrong.
        message: String,
    },
    /// Compiled data was made by another format or normalizer version.
    #[error("{what} version mismatch: data has {found}, this build reads {expected}")]
    Version {
        /// What was being read.
        what: &'static str,
        /// The version this build of vigil reads.
        expected: u32,
        /// The version found in the data.
        found: u32,
    },
    /// An input exceeds a documented limit.
    #[error("{what} is {len} bytes, above the limit of {limit}")]
    TooLarge {
        /// What was too large.
        what: &'static str,
        /// Its size.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// A configuration value is out of range.
    #[error("invalid configuration: {0}")]
    Config(String),
    /// Reading a source failed.
    #[error("I/O error reading {source_name}: {error}")]
    Io {
        /// Name of the source being read.
        source_name: String,
        /// The underlying error.
        #[source]
        error: std::io::Error,
    },
}

/// A field of a lexicon source line, named in [`Error::Lexicon`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Field {
    /// The whole line (wrong number of fields, bad encoding).
    Line,
    /// Column 1: the term.
    Term,
    /// Column 2: the group id.
    Group,
    /// Column 3: the category.
    Category,
    /// Column 4: the language tag.
    Lang,
    /// Column 5: the severity.
    Severity,
    /// Column 6: the matching rule.
    Rule,
    /// Column 7: the source of the entry.
    Source,
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Field::Line => "line",
            Field::Term => "term",
            Field::Group => "group",
            Field::Category => "category",
            Field::Lang => "lang",
            Field::Severity => "severity",
            Field::Rule => "rule",
            Field::Source => "source",
        })
    }
}

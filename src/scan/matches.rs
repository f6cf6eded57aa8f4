//! [`Match`]: one term found, with its original span and its entry's
//! fields.

use crate::lexicon::{Category, MatchStrings, Meta, Severity};
use crate::normalize::Disguises;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::ops::Range;

/// One lexicon term found in a text.
///
/// [`start()`](Match::start)`..`[`end()`](Match::end) is the byte span in
/// the original input (on `char` boundaries), and [`text()`](Match::text)
/// is exactly `&input[start..end]`. The other fields come from the lexicon
/// entry that matched.
///
/// A match owns one allocation for all its strings (the matched text, the
/// term, its key, group and language): a report of `n` matches costs
/// `n + 1` allocations, which is what a batch scan's caller pays back when
/// it drops the reports. It serializes as an object with the fields
/// `start`, `end`, `text`, `term`, `key`, `group` (null when the term
/// belongs to no group), `category`, `lang`, `severity`, `disguises` and
/// `entry`, and deserializes from the same.
///
/// # Example
///
/// ```
/// use vigil::{Category, Detector};
///
/// let input = "Long live the T.T.P!";
/// let report = Detector::default().scan(input);
/// let m = report.matches.iter().find(|m| m.category() == Category::Org).unwrap();
/// assert_eq!(&input[m.span()], "T.T.P");
/// assert_eq!(m.text(), "T.T.P");
/// assert_eq!(m.group(), Some("ttp"));
/// assert!(m.disguises().contains(vigil::Disguises::SPACING));
/// ```
#[derive(Clone, PartialEq, Eq, Hash, Deserialize)]
#[serde(from = "Fields<String>")]
pub struct Match {
    start: usize,
    end: usize,
    /// `text`, `term`, `key`, `group` and `lang`, back to back.
    strings: Box<str>,
    /// Where `term`, `key`, `group` and `lang` begin in `strings`.
    cuts: [usize; 4],
    has_group: bool,
    category: Category,
    severity: Severity,
    disguises: Disguises,
    entry: u32,
}

/// The five strings of a match one after the other, and where the last
/// four start.
fn concat(parts: [&[u8]; 5]) -> (Vec<u8>, [usize; 4]) {
    let mut buf = Vec::with_capacity(parts.iter().map(|p| p.len()).sum());
    let mut cuts = [0; 4];
    for (k, p) in parts.iter().enumerate() {
        if k > 0 {
            cuts[k - 1] = buf.len();
        }
        buf.extend_from_slice(p);
    }
    (buf, cuts)
}

impl Match {
    /// A match of entry `id` over `span` of the input, whose text is
    /// `text`. The entry's strings come as raw pool bytes: they are copied
    /// with the text into the match's one buffer and checked to be UTF-8
    /// there, in one pass, instead of one check per string before the copy
    /// (a third of a match's cost). A lexicon whose strings are all UTF-8,
    /// any lexicon not forged, never takes the slow way.
    pub(crate) fn new(
        span: Range<usize>,
        text: &str,
        (id, meta, s): (u32, Meta, &MatchStrings<'_>),
        d: Disguises,
    ) -> Match {
        let fields = (meta.category, meta.severity, d, id);
        let parts = [
            text.as_bytes(),
            s.term,
            s.key,
            s.group.unwrap_or(&[]),
            s.lang,
        ];
        let (buf, cuts) = concat(parts);
        match String::from_utf8(buf) {
            Ok(strings) => Match::assemble(span, strings, cuts, s.group.is_some(), fields),
            Err(_) => Match::forged(span, text, s, fields),
        }
    }

    /// [`Match::new`] for an entry with a string that is not UTF-8: each
    /// string checked alone, and one that fails reads as empty, as
    /// [`Lexicon::get`](crate::Lexicon::get) gives it.
    #[cold]
    fn forged(
        span: Range<usize>,
        text: &str,
        s: &MatchStrings<'_>,
        fields: (Category, Severity, Disguises, u32),
    ) -> Match {
        let utf8 = |b: &[u8]| -> String { std::str::from_utf8(b).unwrap_or("").to_string() };
        let group = s.group.map(utf8);
        Match::join(
            span,
            [
                text,
                &utf8(s.term),
                &utf8(s.key),
                group.as_deref().unwrap_or(""),
                &utf8(s.lang),
            ],
            group.is_some(),
            fields,
        )
    }

    fn join(
        span: Range<usize>,
        parts: [&str; 5],
        has_group: bool,
        fields: (Category, Severity, Disguises, u32),
    ) -> Match {
        let (buf, cuts) = concat(parts.map(str::as_bytes));
        // Whole strings joined: still UTF-8.
        let s = String::from_utf8(buf).unwrap_or_default();
        Match::assemble(span, s, cuts, has_group, fields)
    }

    fn assemble(
        span: Range<usize>,
        strings: String,
        cuts: [usize; 4],
        has_group: bool,
        (category, severity, disguises, entry): (Category, Severity, Disguises, u32),
    ) -> Match {
        Match {
            start: span.start,
            end: span.end,
            strings: strings.into_boxed_str(),
            cuts,
            has_group,
            category,
            severity,
            disguises,
            entry,
        }
    }

    fn part(&self, k: usize) -> &str {
        let from = if k == 0 { 0 } else { self.cuts[k - 1] };
        let to = self.cuts.get(k).copied().unwrap_or(self.strings.len());
        self.strings.get(from..to).unwrap_or("")
    }

    /// Start of the span in the original input (bytes).
    pub fn start(&self) -> usize {
        self.start
    }

    /// End of the span in the original input (bytes, exclusive).
    pub fn end(&self) -> usize {
        self.end
    }

    /// `start()..end()`: index the input with it to highlight or redact.
    pub fn span(&self) -> Range<usize> {
        self.start..self.end
    }

    /// The original text of the span.
    pub fn text(&self) -> &str {
        self.part(0)
    }

    /// The lexicon term as written in its source.
    pub fn term(&self) -> &str {
        self.part(1)
    }

    /// The canonical key that matched.
    pub fn key(&self) -> &str {
        self.part(2)
    }

    /// The group id, for terms that belong to a group.
    pub fn group(&self) -> Option<&str> {
        self.has_group.then(|| self.part(3))
    }

    /// What the term is evidence of.
    pub fn category(&self) -> Category {
        self.category
    }

    /// The term's language tag.
    pub fn lang(&self) -> &str {
        self.part(4)
    }

    /// The term's severity.
    pub fn severity(&self) -> Severity {
        self.severity
    }

    /// Which disguises were undone to find it.
    pub fn disguises(&self) -> Disguises {
        self.disguises
    }

    /// The lexicon entry number ([`Lexicon::get`](crate::Lexicon::get)).
    pub fn entry(&self) -> u32 {
        self.entry
    }

    fn fields(&self) -> Fields<&str> {
        Fields {
            start: self.start,
            end: self.end,
            text: self.text(),
            term: self.term(),
            key: self.key(),
            group: self.group(),
            category: self.category,
            lang: self.lang(),
            severity: self.severity,
            disguises: self.disguises,
            entry: self.entry,
        }
    }
}

/// A match's fields as plain values: its serialized form.
#[derive(Serialize, Deserialize)]
struct Fields<S> {
    start: usize,
    end: usize,
    text: S,
    term: S,
    key: S,
    group: Option<S>,
    category: Category,
    lang: S,
    severity: Severity,
    disguises: Disguises,
    entry: u32,
}

impl From<Fields<String>> for Match {
    fn from(f: Fields<String>) -> Match {
        let group = f.group.as_deref();
        Match::join(
            f.start..f.end,
            [&f.text, &f.term, &f.key, group.unwrap_or(""), &f.lang],
            group.is_some(),
            (f.category, f.severity, f.disguises, f.entry),
        )
    }
}

impl Serialize for Match {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.fields().serialize(s)
    }
}

impl fmt::Debug for Match {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let x = self.fields();
        f.debug_struct("Match")
            .field("start", &x.start)
            .field("end", &x.end)
            .field("text", &x.text)
            .field("term", &x.term)
            .field("key", &x.key)
            .field("group", &x.group)
            .field("category", &x.category)
            .field("lang", &x.lang)
            .field("severity", &x.severity)
            .field("disguises", &x.disguises)
            .field("entry", &x.entry)
            .finish()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(group: Option<&str>) -> Match {
        Match::join(
            3..8,
            ["T.T.P", "TTP", "ttp", group.unwrap_or(""), "en"],
            group.is_some(),
            (Category::Org, Severity::High, Disguises::SPACING, 7),
        )
    }

    #[test]
    fn each_string_comes_back_whole() {
        let m = sample(Some("ttp"));
        assert_eq!(
            (m.text(), m.term(), m.key(), m.group(), m.lang()),
            ("T.T.P", "TTP", "ttp", Some("ttp"), "en")
        );
        assert_eq!((m.span(), m.entry()), (3..8, 7));
        // An empty group id is still a group; no group is None.
        assert_eq!(sample(Some("")).group(), Some(""));
        assert_eq!(sample(None).group(), None);
    }

    #[test]
    fn serde_keeps_the_field_names_and_round_trips() {
        for m in [sample(Some("ttp")), sample(None)] {
            let json = serde_json::to_string(&m).unwrap();
            let names = [
                "start",
                "end",
                "text",
                "term",
                "key",
                "group",
                "category",
                "lang",
                "severity",
                "disguises",
                "entry",
            ];
            let at: Vec<usize> = names
                .iter()
                .map(|n| json.find(&format!("\"{n}\":")).unwrap())
                .collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{json}");
            let value: serde_json::Value = serde_json::from_str(&json).unwrap();
            assert_eq!(value["group"].as_str(), m.group());
            let back: Match = serde_json::from_str(&json).unwrap();
            assert_eq!(back, m);
            assert_eq!(format!("{back:?}"), format!("{m:?}"));
        }
    }
}

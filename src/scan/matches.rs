//! [`Match`]: one term found, with its original span and its entry's
//! fields.

use crate::lexicon::{Category, MatchStrings, Meta, Severity};
use crate::normalize::Disguises;
use serde::{Deserialize, Serialize, Serializer};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

mod arena;

pub(crate) use arena::MatchArena;

/// One lexicon term found in a text.
///
/// [`start()`](Match::start)`..`[`end()`](Match::end) is the byte span in
/// the original input (on `char` boundaries), and [`text()`](Match::text)
/// is exactly `&input[start..end]`. The other fields come from the lexicon
/// entry that matched.
///
/// The matches of one scan share one allocation for all their strings
/// (each one's matched text, term, key, group and language; one per
/// 1 MiB window of a longer text), reference-counted: a report of `n`
/// matches costs two allocations, not `n + 1`. A match kept after its
/// report is dropped keeps those strings alive. (A match alone in its
/// window owns its strings: gathering and counting would cost more than
/// they save.) It serializes as an object with the fields `start`, `end`,
/// `text`, `term`, `key`, `group` (null when the term belongs to no
/// group), `category`, `lang`, `severity`, `disguises` and `entry`, and
/// deserializes from the same. Two matches are equal when those fields
/// are.
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
#[derive(Clone, Deserialize)]
#[serde(from = "Fields<String>")]
pub struct Match {
    start: usize,
    end: usize,
    /// The strings of this match, and of the other matches of its scan
    /// window.
    strings: Strings,
    /// Where `text` begins and ends in `strings`, then where `term`,
    /// `key`, `group` and `lang` (back to back) begin, and `lang` ends.
    cuts: [u32; 7],
    has_group: bool,
    category: Category,
    severity: Severity,
    disguises: Disguises,
    entry: u32,
}

/// The one allocation of a match's strings: its own, or shared with the
/// other matches of its scan window.
#[derive(Clone)]
enum Strings {
    Own(Box<str>),
    Shared(Arc<str>),
}

impl Strings {
    fn as_str(&self) -> &str {
        match self {
            Strings::Own(s) => s,
            Strings::Shared(s) => s,
        }
    }
}

/// An offset into a match's strings, saturated: past 4 GiB a string
/// reads as empty.
fn cut(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// An entry's four strings in a match's order: term, key, group, lang.
fn entry_parts<'a>(s: &MatchStrings<'a>) -> [&'a [u8]; 4] {
    [s.term, s.key, s.group.unwrap_or(&[]), s.lang]
}

/// Appends an entry's four strings to `buf` back to back: where each
/// begins, and where the last ends.
fn append_entry(buf: &mut Vec<u8>, parts: [&[u8]; 4]) -> [u32; 5] {
    let mut at = [0; 5];
    for (k, p) in parts.iter().enumerate() {
        at[k] = cut(buf.len());
        buf.extend_from_slice(p);
    }
    at[4] = cut(buf.len());
    at
}

/// A match's strings on their own: its text, then its entry's strings,
/// and the cuts between them.
fn laid_out(text: &[u8], parts: [&[u8]; 4]) -> (Vec<u8>, [u32; 7]) {
    let len = text.len() + parts.map(<[u8]>::len).iter().sum::<usize>();
    let mut buf = Vec::with_capacity(len);
    buf.extend_from_slice(text);
    let mut cuts = [0; 7];
    cuts[1] = cut(buf.len());
    cuts[2..].copy_from_slice(&append_entry(&mut buf, parts));
    (buf, cuts)
}

impl Match {
    /// The one match of its scan window (most posts that have any), with
    /// strings of its own: copied with its text into one buffer and
    /// checked to be UTF-8 there, in one pass; a string of a forged
    /// lexicon that is not reads as empty, as in [`MatchArena::finish`].
    pub(crate) fn alone(
        span: Range<usize>,
        text: &str,
        (id, meta, s): (u32, Meta, &MatchStrings<'_>),
        d: Disguises,
    ) -> Match {
        let parts = entry_parts(s);
        let (buf, cuts) = laid_out(text.as_bytes(), parts);
        let fields = (meta.category, meta.severity, d, id);
        let has_group = s.group.is_some();
        match String::from_utf8(buf) {
            Ok(strings) => Match::own(span, strings, cuts, has_group, fields),
            Err(_) => {
                let [term, key, group, lang] = parts.map(|b| std::str::from_utf8(b).unwrap_or(""));
                Match::join(span, [text, term, key, group, lang], has_group, fields)
            }
        }
    }

    /// A match that owns its strings alone (deserialized, or from a forged
    /// lexicon).
    fn join(
        span: Range<usize>,
        [text, term, key, group, lang]: [&str; 5],
        has_group: bool,
        fields: (Category, Severity, Disguises, u32),
    ) -> Match {
        let parts = [term, key, group, lang].map(str::as_bytes);
        let (buf, cuts) = laid_out(text.as_bytes(), parts);
        // Whole strings laid out: still UTF-8.
        let strings = String::from_utf8(buf).unwrap_or_default();
        Match::own(span, strings, cuts, has_group, fields)
    }

    /// A match over `span` that owns `strings`, cut at `cuts`.
    fn own(
        span: Range<usize>,
        strings: String,
        cuts: [u32; 7],
        has_group: bool,
        (category, severity, disguises, entry): (Category, Severity, Disguises, u32),
    ) -> Match {
        Match {
            start: span.start,
            end: span.end,
            strings: Strings::Own(strings.into_boxed_str()),
            cuts,
            has_group,
            category,
            severity,
            disguises,
            entry,
        }
    }

    /// String `k`: the text, term, key, group, lang.
    fn part(&self, k: usize) -> &str {
        let a = if k == 0 { 0 } else { k + 1 };
        self.strings
            .as_str()
            .get(self.cuts[a] as usize..self.cuts[a + 1] as usize)
            .unwrap_or("")
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

/// A match's fields as plain values: its serialized form, and what
/// equality and hashing compare.
#[derive(PartialEq, Eq, Hash, Serialize, Deserialize)]
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

impl PartialEq for Match {
    fn eq(&self, other: &Match) -> bool {
        self.fields() == other.fields()
    }
}

impl Eq for Match {}

impl Hash for Match {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.fields().hash(state);
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

    fn shared(a: &Match, b: &Match) -> bool {
        match (&a.strings, &b.strings) {
            (Strings::Shared(x), Strings::Shared(y)) => Arc::ptr_eq(x, y),
            _ => false,
        }
    }

    /// Matches gathered in one arena, entries repeated and entries that
    /// share a slot of its memo (ids 16 apart), with and without a group:
    /// each keeps its own strings, in one allocation for all.
    #[test]
    fn matches_of_one_window_share_strings_and_keep_their_own() {
        let meta = |category| Meta {
            category,
            severity: Severity::High,
            rule: crate::lexicon::Rule::Any,
            group: 0,
        };
        let entries: [(u32, &str, Option<&str>); 3] = [
            (3, "TTP", Some("ttp")),
            (19, "داعش", None),
            (35, "BLA", Some("bla")),
        ];
        let mut arena = MatchArena::default();
        let mut out = Vec::new();
        let mut want = Vec::new();
        for (round, pick) in [0, 0, 1, 0, 2, 2, 1, 1, 2, 0].into_iter().enumerate() {
            let (id, term, group) = entries[pick];
            let key = term.to_lowercase();
            let strings = MatchStrings {
                term: term.as_bytes(),
                key: key.as_bytes(),
                group: group.map(str::as_bytes),
                lang: b"xx",
            };
            let text = format!("{term}{round}");
            arena.add(
                round..round + 1,
                &text,
                (id, meta(Category::Org), || Some(strings)),
                Disguises::NONE,
                &mut out,
            );
            want.push((text, term, key, group, id));
        }
        arena.finish(&mut out);
        assert_eq!(out.len(), want.len());
        for (m, (text, term, key, group, id)) in out.iter().zip(&want) {
            assert_eq!(
                (m.text(), m.term(), m.key(), m.group(), m.lang(), m.entry()),
                (text.as_str(), *term, key.as_str(), *group, "xx", *id)
            );
            assert!(shared(m, &out[0]));
        }
        // The arena starts over: the next window's matches have strings of
        // their own, an entry seen before included.
        let strings = MatchStrings {
            term: b"TTP",
            key: b"ttp",
            group: Some(b"ttp"),
            lang: b"en",
        };
        arena.add(
            0..3,
            "T.T.P",
            (3, meta(Category::Org), || Some(strings)),
            Disguises::NONE,
            &mut out,
        );
        arena.finish(&mut out);
        let m = out.last().unwrap();
        assert_eq!(
            (m.text(), m.term(), m.key(), m.group(), m.lang()),
            ("T.T.P", "TTP", "ttp", Some("ttp"), "en")
        );
        assert!(!shared(m, &out[0]));
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

//! What the generators need to know about a term's characters: its script,
//! where its words are, and where a character can be slipped inside a word.

/// The script a term is written in, which decides the disguise families
/// that apply to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Script {
    Latin,
    Arabic,
    /// Neither (digits, symbols): only script-neutral families apply.
    Other,
}

impl Script {
    pub fn name(self) -> &'static str {
        match self {
            Script::Latin => "Latin",
            Script::Arabic => "Arabic script",
            Script::Other => "other",
        }
    }
}

/// Combining marks of the Latin and Arabic blocks the generators add or meet.
pub fn is_mark(c: char) -> bool {
    matches!(c,
        '\u{300}'..='\u{36F}'
        | '\u{1AB0}'..='\u{1AFF}'
        | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}'
        | '\u{FE20}'..='\u{FE2F}'
        | '\u{610}'..='\u{61A}'
        | '\u{64B}'..='\u{65F}'
        | '\u{670}'
        | '\u{6D6}'..='\u{6DC}'
        | '\u{6DF}'..='\u{6E4}'
        | '\u{6E7}'..='\u{6E8}'
        | '\u{6EA}'..='\u{6ED}')
}

pub fn is_arabic(c: char) -> bool {
    matches!(c,
        '\u{600}'..='\u{6FF}'
        | '\u{750}'..='\u{77F}'
        | '\u{8A0}'..='\u{8FF}'
        | '\u{FB50}'..='\u{FDFF}'
        | '\u{FE70}'..='\u{FEFF}')
}

/// A letter: alphabetic, not a combining mark (Arabic harakat are
/// `Other_Alphabetic`), not the tatweel.
pub fn is_letter(c: char) -> bool {
    c.is_alphabetic() && !is_mark(c) && c != '\u{640}'
}

pub fn script_of(term: &str) -> Script {
    if term.chars().any(|c| is_letter(c) && is_arabic(c)) {
        Script::Arabic
    } else if term
        .chars()
        .any(|c| is_letter(c) && c.is_ascii_alphabetic())
        || term
            .chars()
            .any(|c| is_letter(c) && ('\u{C0}'..='\u{24F}').contains(&c))
    {
        Script::Latin
    } else {
        Script::Other
    }
}

/// Indices `i` such that `chars[i - 1]` and `chars[i]` are both letters:
/// inserting before `chars[i]` puts something inside a word.
pub fn interior_gaps(chars: &[char]) -> Vec<usize> {
    (1..chars.len())
        .filter(|&i| is_letter(chars[i - 1]) && is_letter(chars[i]))
        .collect()
}

/// Indices of letters.
pub fn letters(chars: &[char]) -> Vec<usize> {
    (0..chars.len()).filter(|&i| is_letter(chars[i])).collect()
}

/// Maximal runs of letters (and the marks riding on them), as char index
/// ranges.
pub fn word_spans(chars: &[char]) -> Vec<std::ops::Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &c) in chars.iter().enumerate() {
        let inside = is_letter(c) || (start.is_some() && (is_mark(c) || c == '\u{640}'));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..chars.len());
    }
    out
}

/// The words of a term as written: split at spaces and hyphens, the
/// separators a lexicon term uses between its words.
pub fn words(term: &str) -> Vec<&str> {
    term.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| !w.is_empty())
        .collect()
}

/// `chars` with `insert[k].1` inserted before `chars[insert[k].0]`;
/// positions may repeat and must be sorted.
pub fn with_inserts(chars: &[char], insert: &[(usize, String)]) -> String {
    let mut out = String::new();
    let mut k = 0;
    for (i, &c) in chars.iter().enumerate() {
        while k < insert.len() && insert[k].0 == i {
            out.push_str(&insert[k].1);
            k += 1;
        }
        out.push(c);
    }
    for (_, s) in &insert[k..] {
        out.push_str(s);
    }
    out
}

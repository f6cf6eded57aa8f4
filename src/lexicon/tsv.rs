//! The plain-text lexicon format: one entry a line, seven tab-separated
//! fields, `#` comments and blank lines allowed.

use super::{Category, Entry, Rule, Severity};
use crate::error::{Error, Field, Result};
use std::io::BufRead;

/// Reads every entry of a TSV source, calling `each` with the entry and its
/// 1-based line number.
pub(crate) fn read<R: BufRead>(
    source_name: &str,
    mut reader: R,
    mut each: impl FnMut(Entry, usize) -> Result<()>,
) -> Result<()> {
    let mut buf = Vec::new();
    let mut line_no = 0usize;
    loop {
        buf.clear();
        let n = reader
            .read_until(b'\n', &mut buf)
            .map_err(|error| Error::Io {
                source_name: source_name.to_string(),
                error,
            })?;
        if n == 0 {
            return Ok(());
        }
        line_no += 1;
        let line = std::str::from_utf8(&buf).map_err(|e| Error::Lexicon {
            source_name: source_name.to_string(),
            line: line_no,
            field: Field::Line,
            message: format!("not UTF-8 (at byte {} of the line)", e.valid_up_to()),
        })?;
        if let Some(entry) = parse_line(source_name, line_no, line)? {
            each(entry, line_no)?;
        }
    }
}

/// Parses one line; `Ok(None)` for comments and blank lines.
pub(crate) fn parse_line(source_name: &str, line_no: usize, line: &str) -> Result<Option<Entry>> {
    let line = line.strip_suffix('\n').unwrap_or(line);
    let line = line.strip_suffix('\r').unwrap_or(line);
    let line = line.strip_prefix('\u{FEFF}').unwrap_or(line);
    if line.trim().is_empty() || line.trim_start().starts_with('#') {
        return Ok(None);
    }
    let err = |field: Field, message: String| Error::Lexicon {
        source_name: source_name.to_string(),
        line: line_no,
        field,
        message,
    };
    const ORDER: [Field; 7] = [
        Field::Term,
        Field::Group,
        Field::Category,
        Field::Lang,
        Field::Severity,
        Field::Rule,
        Field::Source,
    ];
    let fields: Vec<&str> = line.split('\t').map(str::trim).collect();
    if fields.len() > ORDER.len() {
        return Err(err(
            Field::Line,
            format!("{} tab-separated fields, expected 7", fields.len()),
        ));
    }
    // A short line is reported at its first missing field.
    if let Some(&missing) = ORDER.get(fields.len()) {
        return Err(err(
            missing,
            format!("missing ({} of 7 fields present)", fields.len()),
        ));
    }
    let [term, group, category, lang, severity, rule, source] = [
        fields[0], fields[1], fields[2], fields[3], fields[4], fields[5], fields[6],
    ];
    if term.is_empty() {
        return Err(err(Field::Term, "empty".into()));
    }
    let group = match group {
        "-" => None,
        g if is_id(g) => Some(g.to_string()),
        g => {
            return Err(err(
                Field::Group,
                format!("`{g}` is not `-` or an id of [a-z0-9-]"),
            ))
        }
    };
    let category: Category = category
        .parse()
        .map_err(|e| err(Field::Category, format!("`{category}`: {e}")))?;
    if !is_lang(lang) {
        return Err(err(
            Field::Lang,
            format!("`{lang}` is not a language tag like `en`, `ur`, `ur-Latn`"),
        ));
    }
    let severity: Severity = severity
        .parse()
        .map_err(|e| err(Field::Severity, format!("`{severity}`: {e}")))?;
    let rule: Rule = rule
        .parse()
        .map_err(|e| err(Field::Rule, format!("`{rule}`: {e}")))?;
    if source.is_empty() {
        return Err(err(
            Field::Source,
            "empty: every entry names its source".into(),
        ));
    }
    Ok(Some(Entry {
        term: term.to_string(),
        group,
        category,
        lang: lang.to_string(),
        severity,
        rule,
        source: source.to_string(),
    }))
}

fn is_id(s: &str) -> bool {
    !s.is_empty()
        && s.len() <= 64
        && s.bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn is_lang(s: &str) -> bool {
    // BCP 47-ish: a 2-3 letter primary tag, optional subtags of 2-8 alphanumerics.
    let mut parts = s.split('-');
    let primary = parts.next().unwrap_or("");
    (2..=3).contains(&primary.len())
        && primary.bytes().all(|b| b.is_ascii_lowercase())
        && parts.all(|p| (2..=8).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_alphanumeric()))
}

/// Writes an entry as one TSV line (without the newline).
pub(crate) fn format_line(e: &Entry) -> String {
    format!(
        "{}\t{}\t{}\t{}\t{}\t{}\t{}",
        e.term,
        e.group.as_deref().unwrap_or("-"),
        e.category,
        e.lang,
        e.severity,
        e.rule,
        e.source
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_the_field_that_is_wrong() {
        let cases = [
            ("x\tttp\torg\ten\thigh\tany", Field::Source),
            ("x\tTTP\torg\ten\thigh\tany\ts", Field::Group),
            ("x\tttp\torganisation\ten\thigh\tany\ts", Field::Category),
            ("x\tttp\torg\tenglish\thigh\tany\ts", Field::Lang),
            ("x\tttp\torg\ten\t5\tany\ts", Field::Severity),
            ("x\tttp\torg\ten\thigh\tupper\ts", Field::Rule),
            ("x\tttp\torg\ten\thigh\tany\t", Field::Source),
            ("\tttp\torg\ten\thigh\tany\ts", Field::Term),
            ("x\tttp\torg\ten\thigh\tany\ts\textra", Field::Line),
            ("just a term", Field::Group),
        ];
        for (line, want) in cases {
            match parse_line("t.tsv", 7, line) {
                Err(Error::Lexicon { line, field, .. }) => {
                    assert_eq!((line, field), (7, want), "{line:?}")
                }
                other => panic!("{line:?}: {other:?}"),
            }
        }
    }

    #[test]
    fn comments_blank_lines_and_crlf() {
        assert!(parse_line("t", 1, "# note").unwrap().is_none());
        assert!(parse_line("t", 1, "   \r\n").unwrap().is_none());
        let e = parse_line("t", 1, "BLA\tbla\torg\ten\thigh\tcaps\tsrc\r\n")
            .unwrap()
            .unwrap();
        assert_eq!(e.source, "src");
        assert_eq!(e.rule, Rule::Caps);
        assert_eq!(parse_line("t", 1, &format_line(&e)).unwrap().unwrap(), e);
    }
}

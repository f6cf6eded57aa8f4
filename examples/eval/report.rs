//! The evaluation as Markdown: the tables for the README, then the
//! evidence (false matches, misses by family) the lexicon and normalizer
//! authors work from.

use crate::evaluation::{Evaluation, RECALL_FLOOR};
use crate::precision::Section;
use crate::recall::{Outcome, Tally, Trial};
use crate::sentences::Lang;
use crate::term::Script;
use crate::variants::Family;
use std::collections::BTreeMap;
use std::fmt::Write;

const SCRIPTS: [Script; 3] = [Script::Latin, Script::Arabic, Script::Other];

/// Renders everything; `examples` bounds the misses shown per family and
/// the cue and control lines listed.
pub fn markdown(ev: &Evaluation, examples: usize) -> String {
    let mut s = String::new();
    let r = &ev.recall;
    let p = &ev.precision;
    let total = p.total();
    let _ = writeln!(s, "# vigil evaluation\n");
    let _ = writeln!(
        s,
        "Lexicon: {} entries ({} evaluated, {} allow entries skipped). \
         {} disguised variants planted in neutral sentences; clean corpus of {} lines \
         ({:.2} MB). Took {:.1} s.\n",
        ev.lexicon_entries,
        r.entries,
        r.allow_skipped,
        r.overall().total,
        total.lines,
        mb(total.bytes),
        ev.elapsed.as_secs_f64()
    );
    verdict(&mut s, ev);
    family_table(&mut s, ev);
    tally_table(
        &mut s,
        "Recall by entry language",
        "lang",
        r.by_lang.iter().map(|(k, t)| (k.clone(), *t)),
    );
    tally_table(
        &mut s,
        "Recall by sentence language",
        "sentence",
        r.by_sentence_lang
            .iter()
            .map(|(k, t)| (k.name().to_string(), *t)),
    );
    tally_table(
        &mut s,
        "Recall by category",
        "category",
        r.by_category.iter().map(|(k, t)| (k.to_string(), *t)),
    );
    clean_tables(&mut s, ev);
    false_matches(&mut s, ev);
    cues(&mut s, ev, examples);
    controls(&mut s, ev, examples);
    misses(&mut s, ev, examples);
    s
}

fn mb(bytes: usize) -> f64 {
    bytes as f64 / 1e6
}

fn pct(t: &Tally) -> String {
    t.recall().map_or("–".into(), |r| format!("{r:.4}"))
}

fn verdict(s: &mut String, ev: &Evaluation) {
    let failures = ev.failures();
    if failures.is_empty() {
        let _ = writeln!(
            s,
            "**Floors met**: recall ≥ {RECALL_FLOOR} in every family, no false group match.\n"
        );
    } else {
        let _ = writeln!(s, "**Floors not met**:\n");
        for f in failures {
            let _ = writeln!(s, "- {f}");
        }
        s.push('\n');
    }
}

fn family_table(s: &mut String, ev: &Evaluation) {
    let r = &ev.recall;
    let _ = writeln!(s, "## Recall by disguise family\n");
    let _ = writeln!(
        s,
        "| family | Latin | Arabic script | other | all | recall |\n|---|---:|---:|---:|---:|---:|"
    );
    for family in Family::ALL {
        let all = r.family(family);
        if all.total == 0 {
            continue;
        }
        let mut row = format!("| {} ", family.name());
        for script in SCRIPTS {
            let cell = r
                .by_family
                .get(&(family, script))
                .map_or("–".into(), |t| format!("{}/{}", t.hits, t.total));
            let _ = write!(row, "| {cell} ");
        }
        let mark = match all.recall() {
            Some(x) if x < RECALL_FLOOR => " ✗",
            _ => "",
        };
        let _ = writeln!(row, "| {}/{} | {}{mark} |", all.hits, all.total, pct(&all));
        s.push_str(&row);
    }
    let o = r.overall();
    let _ = writeln!(
        s,
        "| **all** | | | | **{}/{}** | **{}** |\n",
        o.hits,
        o.total,
        pct(&o)
    );
}

fn tally_table(
    s: &mut String,
    title: &str,
    key: &str,
    rows: impl Iterator<Item = (String, Tally)>,
) {
    let _ = writeln!(
        s,
        "## {title}\n\n| {key} | hits/variants | recall |\n|---|---:|---:|"
    );
    for (k, t) in rows {
        let _ = writeln!(s, "| {k} | {}/{} | {} |", t.hits, t.total, pct(&t));
    }
    s.push('\n');
}

fn clean_tables(s: &mut String, ev: &Evaluation) {
    let p = &ev.precision;
    let count = |f: &dyn Fn(Section, Lang) -> bool, list: &[crate::precision::Found]| {
        list.iter().filter(|m| f(m.section, m.lang)).count()
    };
    let _ = writeln!(s, "## False matches on the clean corpus\n");
    let _ = writeln!(
        s,
        "Group evidence (org, media, slogan, ingroup, label) in clean text is a false match; \
         support and counter cues (`zindabad`, `long live`, ...) are allowed and counted apart.\n"
    );
    let _ = writeln!(
        s,
        "| section | lines | MB | false group matches | cue matches |\n|---|---:|---:|---:|---:|"
    );
    for section in [Section::Ordinary, Section::Templates, Section::Traps] {
        let v = p
            .volume
            .iter()
            .filter(|((sec, _), _)| *sec == section)
            .fold((0, 0), |a, (_, v)| (a.0 + v.lines, a.1 + v.bytes));
        let is = |sec: Section, _: Lang| sec == section;
        let _ = writeln!(
            s,
            "| {} | {} | {:.2} | {} | {} |",
            section.name(),
            v.0,
            mb(v.1),
            count(&is, &p.false_matches),
            count(&is, &p.cues)
        );
    }
    let t = p.total();
    let _ = writeln!(
        s,
        "| **all** | **{}** | **{:.2}** | **{}** | **{}** |\n",
        t.lines,
        mb(t.bytes),
        p.false_matches.len(),
        p.cues.len()
    );
    let _ = writeln!(
        s,
        "| language | lines | MB | false group matches | cue matches |\n|---|---:|---:|---:|---:|"
    );
    for lang in Lang::ALL {
        let v = p
            .volume
            .iter()
            .filter(|((_, l), _)| *l == lang)
            .fold((0, 0), |a, (_, v)| (a.0 + v.lines, a.1 + v.bytes));
        let is = |_: Section, l: Lang| l == lang;
        let _ = writeln!(
            s,
            "| {} | {} | {:.2} | {} | {} |",
            lang.name(),
            v.0,
            mb(v.1),
            count(&is, &p.false_matches),
            count(&is, &p.cues)
        );
    }
    s.push('\n');
}

fn false_matches(s: &mut String, ev: &Evaluation) {
    let list = &ev.precision.false_matches;
    if list.is_empty() {
        return;
    }
    let _ = writeln!(s, "### False group matches\n");
    let _ = writeln!(
        s,
        "| section | language | matched | term (group, category) | line | trap for |\n|---|---|---|---|---|---|"
    );
    // Ordinary lines repeat; one row per distinct (line, text) is enough.
    let mut seen = BTreeMap::new();
    for m in list {
        *seen
            .entry((m.line.as_str(), m.text.as_str()))
            .or_insert(0usize) += 1;
    }
    let mut shown = std::collections::BTreeSet::new();
    for m in list {
        if !shown.insert((m.line.as_str(), m.text.as_str())) {
            continue;
        }
        let times = seen[&(m.line.as_str(), m.text.as_str())];
        let times = if times > 1 {
            format!(" (×{times})")
        } else {
            String::new()
        };
        let _ = writeln!(
            s,
            "| {} | {} | `{}` | {} ({}, {}) | {}{times} | {} |",
            m.section.name(),
            m.lang.name(),
            cell(&m.text),
            cell(&m.term),
            m.group,
            m.category,
            cell(&m.line),
            cell(m.note)
        );
    }
    s.push('\n');
}

fn cues(s: &mut String, ev: &Evaluation, examples: usize) {
    let list = &ev.precision.cues;
    if list.is_empty() {
        return;
    }
    let mut by_term: BTreeMap<(&str, String), (usize, &str)> = BTreeMap::new();
    for m in list {
        let e = by_term
            .entry((m.term.as_str(), m.category.to_string()))
            .or_insert((0, m.line.as_str()));
        e.0 += 1;
    }
    let _ = writeln!(s, "### Cue matches (allowed)\n");
    let _ = writeln!(
        s,
        "| cue | category | count | example line |\n|---|---|---:|---|"
    );
    for ((term, cat), (n, line)) in by_term.iter().take(examples.max(1) * 3) {
        let _ = writeln!(s, "| {} | {cat} | {n} | {} |", cell(term), cell(line));
    }
    s.push('\n');
}

fn controls(s: &mut String, ev: &Evaluation, examples: usize) {
    let r = &ev.recall;
    if r.controls.total == 0 {
        return;
    }
    let _ = writeln!(s, "## Caps-rule controls\n");
    let _ = writeln!(
        s,
        "Acronyms with rule `caps` written in lowercase, Title or mixed case in a neutral \
         sentence, with no context: by the documented rule they must not match, so they are \
         not recall trials. {} planted, {} matched.\n",
        r.controls.total,
        r.controls.total - r.controls.hits
    );
    trial_rows(s, r.controls_matched.iter().take(examples));
}

fn misses(s: &mut String, ev: &Evaluation, examples: usize) {
    let r = &ev.recall;
    if !r.bad_spans.is_empty() {
        let _ = writeln!(s, "## Matches whose text is not the input at their span\n");
        for (sentence, m) in r.bad_spans.iter().take(examples) {
            let _ = writeln!(
                s,
                "- `{}`: {}..{} text `{}`",
                cell(sentence),
                m.start(),
                m.end(),
                cell(m.text())
            );
        }
        s.push('\n');
    }
    if r.misses.is_empty() {
        return;
    }
    let _ = writeln!(s, "## Misses by family\n");
    for family in Family::ALL {
        let list: Vec<&Trial> = r.misses.iter().filter(|t| t.family == family).collect();
        if list.is_empty() {
            continue;
        }
        let kinds: Vec<String> = r
            .by_kind
            .iter()
            .filter(|((f, _), t)| *f == family && t.hits < t.total)
            .map(|((_, k), t)| format!("{k} {}/{}", t.total - t.hits, t.total))
            .collect();
        let _ = writeln!(
            s,
            "### {} — {} misses (by kind: {})\n",
            family.name(),
            list.len(),
            kinds.join(", ")
        );
        // Spread the examples over the kinds and languages.
        let mut picked: Vec<&Trial> = Vec::new();
        let mut seen = std::collections::BTreeSet::new();
        for t in &list {
            if picked.len() < examples && seen.insert((t.kind, t.lang.as_str())) {
                picked.push(t);
            }
        }
        for t in &list {
            if picked.len() >= examples {
                break;
            }
            if !picked.iter().any(|p| std::ptr::eq(*p, *t)) {
                picked.push(t);
            }
        }
        trial_rows(s, picked.into_iter());
    }
}

fn trial_rows<'a>(s: &mut String, trials: impl Iterator<Item = &'a Trial>) {
    let _ = writeln!(
        s,
        "| kind | script | lang | term (group, category) | planted | outcome |\n|---|---|---|---|---|---|"
    );
    for t in trials {
        let outcome = match &t.outcome {
            Outcome::Hit => "hit".to_string(),
            Outcome::Nothing => "no match".to_string(),
            Outcome::WrongSpan { text } => {
                format!("wrong span `{}` in «{}»", cell(text), cell(&t.sentence))
            }
            Outcome::OtherEntry {
                text,
                term,
                group,
                category,
            } => format!(
                "`{}` → {} ({group}, {category}) in «{}»",
                cell(text),
                cell(term),
                cell(&t.sentence)
            ),
        };
        let _ = writeln!(
            s,
            "| {} | {} | {} | {} ({}, {}) | `{}` | {outcome} |",
            t.kind,
            t.script.name(),
            t.lang,
            cell(&t.term),
            t.group,
            t.category,
            cell(&t.variant)
        );
    }
    s.push('\n');
}

/// Text safe inside a Markdown table cell, with invisible characters
/// spelled out.
pub fn cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '|' => out.push_str("\\|"),
            '`' => out.push('\''),
            '\n' | '\r' => out.push(' '),
            '\u{AD}'
            | '\u{61C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}' => {
                let _ = write!(out, "<U+{:04X}>", c as u32);
            }
            _ => out.push(c),
        }
    }
    out
}

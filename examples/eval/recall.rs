//! Recall: every variant of every lexicon entry, planted in a neutral
//! sentence, scanned, and judged against the span it was planted at.

use crate::rng::Rng;
use crate::sentences::{self, Lang};
use crate::term::Script;
use crate::variants::{self, Family, Variant};
use std::collections::BTreeMap;
use std::ops::Range;
use vigil::{Category, Detector, EntryRef, Match};

/// Hits out of trials.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Tally {
    pub hits: usize,
    pub total: usize,
}

impl Tally {
    pub fn add(&mut self, hit: bool) {
        self.total += 1;
        self.hits += usize::from(hit);
    }

    pub fn recall(&self) -> Option<f64> {
        (self.total > 0).then(|| self.hits as f64 / self.total as f64)
    }
}

/// Why a trial failed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Hit,
    /// Nothing matched the planted text.
    Nothing,
    /// The right entry matched, but over a different span.
    WrongSpan {
        text: String,
    },
    /// Another entry matched over the planted text.
    OtherEntry {
        text: String,
        term: String,
        group: String,
        category: Category,
    },
}

/// One trial, kept when it is a miss or a control that matched.
#[derive(Debug, Clone)]
pub struct Trial {
    pub family: Family,
    pub kind: &'static str,
    pub script: Script,
    pub lang: String,
    pub category: Category,
    pub term: String,
    pub group: String,
    pub variant: String,
    pub sentence: String,
    pub outcome: Outcome,
}

#[derive(Debug, Default)]
pub struct Recall {
    /// Entries evaluated (allow entries excluded) and skipped.
    pub entries: usize,
    pub allow_skipped: usize,
    pub by_family: BTreeMap<(Family, Script), Tally>,
    pub by_kind: BTreeMap<(Family, &'static str), Tally>,
    pub by_lang: BTreeMap<String, Tally>,
    pub by_sentence_lang: BTreeMap<Lang, Tally>,
    pub by_category: BTreeMap<Category, Tally>,
    pub misses: Vec<Trial>,
    /// Lowercase / Title forms of caps-rule acronyms: expected not to match.
    pub controls: Tally,
    pub controls_matched: Vec<Trial>,
    /// Matches whose `text` is not `&sentence[start..end]`: a bug in the
    /// span mapping, whatever the family.
    pub bad_spans: Vec<(String, Match)>,
}

impl Recall {
    pub fn family(&self, f: Family) -> Tally {
        self.by_family
            .iter()
            .filter(|((fam, _), _)| *fam == f)
            .fold(Tally::default(), |acc, (_, t)| Tally {
                hits: acc.hits + t.hits,
                total: acc.total + t.total,
            })
    }

    pub fn overall(&self) -> Tally {
        self.by_family
            .values()
            .fold(Tally::default(), |acc, t| Tally {
                hits: acc.hits + t.hits,
                total: acc.total + t.total,
            })
    }
}

struct Planted<'a> {
    entry: EntryRef<'a>,
    script: Script,
    lang: Lang,
    variant: Variant,
    sentence: String,
    span: Range<usize>,
}

/// Scans every variant of every non-allow entry of the detector's lexicon.
pub fn evaluate(detector: &Detector) -> Recall {
    let lexicon = detector.lexicon();
    let mut recall = Recall::default();
    let mut planted = Vec::new();
    for entry in lexicon.iter() {
        if entry.category == Category::Allow {
            recall.allow_skipped += 1;
            continue;
        }
        recall.entries += 1;
        let (script, vars) = variants::generate(&entry);
        let mut rng = Rng::seeded(&[entry.term, entry.lang, "sentence"]);
        for variant in vars {
            let lang = sentences::lang_for(entry.lang, script, &mut rng);
            let template = *rng.pick(lang.templates());
            let (sentence, span) = sentences::plant(template, &variant.text);
            planted.push(Planted {
                entry,
                script,
                lang,
                variant,
                sentence,
                span,
            });
        }
    }
    // Batches keep memory flat and let rayon use every core.
    for chunk in planted.chunks(4096) {
        let texts: Vec<&str> = chunk.iter().map(|p| p.sentence.as_str()).collect();
        let reports = detector.scan_batch(&texts);
        for (p, report) in chunk.iter().zip(reports) {
            for m in &report.matches {
                if p.sentence.get(m.start()..m.end()) != Some(m.text()) {
                    recall.bad_spans.push((p.sentence.clone(), m.clone()));
                }
            }
            let outcome = judge(p, &report.matches);
            record(&mut recall, p, outcome);
        }
    }
    recall
}

/// Same entry, or one of the same group and category (leftmost-longest may
/// pick a longer or differently spelled alias), over exactly the planted
/// text (a hashtag's `#` may be left out).
fn judge(p: &Planted<'_>, matches: &[Match]) -> Outcome {
    let e = &p.entry;
    let accepted =
        |m: &Match| m.key() == e.key || (m.group() == e.group && m.category() == e.category);
    let core = p.span.start + p.variant.sigil..p.span.end;
    let exact =
        |m: &Match| (m.start() == p.span.start || m.start() == core.start) && m.end() == core.end;
    let overlaps = |m: &Match| m.start() < p.span.end && p.span.start < m.end();
    if matches.iter().any(|m| accepted(m) && exact(m)) {
        return Outcome::Hit;
    }
    if let Some(m) = matches.iter().find(|m| accepted(m) && overlaps(m)) {
        return Outcome::WrongSpan {
            text: m.text().to_string(),
        };
    }
    if let Some(m) = matches.iter().find(|m| overlaps(m)) {
        return Outcome::OtherEntry {
            text: m.text().to_string(),
            term: m.term().to_string(),
            group: m.group().map(str::to_string).unwrap_or_else(|| "-".into()),
            category: m.category(),
        };
    }
    Outcome::Nothing
}

fn record(recall: &mut Recall, p: &Planted<'_>, outcome: Outcome) {
    let hit = outcome == Outcome::Hit;
    let trial = || Trial {
        family: p.variant.family,
        kind: p.variant.kind,
        script: p.script,
        lang: p.entry.lang.to_string(),
        category: p.entry.category,
        term: p.entry.term.to_string(),
        group: p.entry.group.unwrap_or("-").to_string(),
        variant: p.variant.text.clone(),
        sentence: p.sentence.clone(),
        outcome: outcome.clone(),
    };
    if !p.variant.expect {
        // A control "hits" when it stays unmatched.
        let matched = !matches!(outcome, Outcome::Nothing);
        recall.controls.add(!matched);
        if matched {
            recall.controls_matched.push(trial());
        }
        return;
    }
    recall
        .by_family
        .entry((p.variant.family, p.script))
        .or_default()
        .add(hit);
    recall
        .by_kind
        .entry((p.variant.family, p.variant.kind))
        .or_default()
        .add(hit);
    recall
        .by_lang
        .entry(p.entry.lang.to_string())
        .or_default()
        .add(hit);
    recall.by_sentence_lang.entry(p.lang).or_default().add(hit);
    recall
        .by_category
        .entry(p.entry.category)
        .or_default()
        .add(hit);
    if !hit {
        recall.misses.push(trial());
    }
}

//! False matches: the clean corpus (ordinary lines, the bare neutral
//! templates and the Scunthorpe traps) scanned line by line.

use crate::corpus;
use crate::sentences::{self, Lang};
use crate::traps::TRAPS;
use std::collections::BTreeMap;
use vigil::{Category, Detector};

/// Which part of the clean corpus a line comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Section {
    Ordinary,
    Templates,
    Traps,
}

impl Section {
    pub fn name(self) -> &'static str {
        match self {
            Section::Ordinary => "ordinary posts",
            Section::Templates => "neutral templates",
            Section::Traps => "Scunthorpe traps",
        }
    }
}

/// One match in the clean corpus.
#[derive(Debug, Clone)]
pub struct Found {
    pub section: Section,
    pub lang: Lang,
    pub line: String,
    pub text: String,
    pub term: String,
    pub group: String,
    pub category: Category,
    /// For traps: the word it was chosen to resemble.
    pub note: &'static str,
}

#[derive(Debug, Clone, Copy, Default)]
pub struct Volume {
    pub lines: usize,
    pub bytes: usize,
}

#[derive(Debug, Default)]
pub struct Precision {
    pub volume: BTreeMap<(Section, Lang), Volume>,
    /// Group evidence (org, media, slogan, ingroup, label): false matches.
    pub false_matches: Vec<Found>,
    /// Support and counter cues: allowed, counted apart.
    pub cues: Vec<Found>,
}

impl Precision {
    pub fn total(&self) -> Volume {
        self.volume.values().fold(Volume::default(), |a, v| Volume {
            lines: a.lines + v.lines,
            bytes: a.bytes + v.bytes,
        })
    }
}

/// Scans `ordinary_lines` generated lines plus every template and trap.
pub fn evaluate(detector: &Detector, ordinary_lines: usize) -> Precision {
    let mut lines: Vec<(Section, Lang, String, &'static str)> = corpus::ordinary(ordinary_lines)
        .into_iter()
        .map(|(lang, text)| (Section::Ordinary, lang, text, ""))
        .collect();
    for lang in Lang::ALL {
        for t in lang.templates() {
            let (s, _) = sentences::plant(t, lang.filler());
            lines.push((Section::Templates, lang, s, ""));
        }
    }
    for &(lang, text, note) in TRAPS {
        lines.push((Section::Traps, lang, text.to_string(), note));
    }

    let mut out = Precision::default();
    for chunk in lines.chunks(4096) {
        let texts: Vec<&str> = chunk.iter().map(|l| l.2.as_str()).collect();
        let reports = detector.scan_batch(&texts);
        for ((section, lang, line, note), report) in chunk.iter().zip(reports) {
            let v = out.volume.entry((*section, *lang)).or_default();
            v.lines += 1;
            v.bytes += line.len() + 1;
            for m in report.matches {
                let found = Found {
                    section: *section,
                    lang: *lang,
                    line: line.clone(),
                    text: m.text().to_string(),
                    term: m.term().to_string(),
                    group: m.group().unwrap_or("-").to_string(),
                    category: m.category(),
                    note,
                };
                if found.category.is_group_evidence() {
                    out.false_matches.push(found);
                } else {
                    out.cues.push(found);
                }
            }
        }
    }
    out
}

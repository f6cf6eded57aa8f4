//! The whole evaluation: recall over the lexicon's disguised variants,
//! false matches over the clean corpus, and the floors they must meet.

use crate::precision::{self, Precision};
use crate::recall::{self, Recall};
use crate::variants::Family;
use std::time::{Duration, Instant};
use vigil::Detector;

/// Minimum recall of every disguise family.
pub const RECALL_FLOOR: f64 = 0.98;

/// Generated ordinary lines in the clean corpus by default (about 2 MB
/// with the rest of it).
pub const ORDINARY_LINES: usize = 30_000;

#[derive(Debug)]
pub struct Evaluation {
    pub lexicon_entries: usize,
    pub recall: Recall,
    pub precision: Precision,
    pub elapsed: Duration,
}

pub fn run(detector: &Detector, ordinary_lines: usize) -> Evaluation {
    let start = Instant::now();
    let recall = recall::evaluate(detector);
    let precision = precision::evaluate(detector, ordinary_lines);
    Evaluation {
        lexicon_entries: detector.lexicon().len(),
        recall,
        precision,
        elapsed: start.elapsed(),
    }
}

impl Evaluation {
    /// Every floor that is not met, in words; empty when all are.
    pub fn failures(&self) -> Vec<String> {
        let mut out = Vec::new();
        if self.recall.entries == 0 {
            out.push("the lexicon has no entries to evaluate".to_string());
        }
        for family in Family::ALL {
            let t = self.recall.family(family);
            if let Some(r) = t.recall() {
                if r < RECALL_FLOOR {
                    out.push(format!(
                        "{}: recall {r:.4} ({}/{}) < {RECALL_FLOOR}",
                        family.name(),
                        t.hits,
                        t.total
                    ));
                }
            }
        }
        let n = self.precision.false_matches.len();
        if n > 0 {
            out.push(format!("{n} false group matches in the clean corpus"));
        }
        if !self.recall.bad_spans.is_empty() {
            out.push(format!(
                "{} matches whose text is not the input at their span",
                self.recall.bad_spans.len()
            ));
        }
        out
    }
}

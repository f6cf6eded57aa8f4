//! The evaluation of `examples/eval` (the same code, included by path) run
//! on the embedded lexicon, holding it to the floors the README promises:
//! recall of at least 0.98 in every disguise family, and no group-evidence
//! match anywhere in the clean multilingual corpus.
//!
//! `cargo run --release --example eval` prints the full tables.

#[path = "../examples/eval/arabic.rs"]
mod arabic;
#[path = "../examples/eval/corpus.rs"]
mod corpus;
#[path = "../examples/eval/evaluation.rs"]
mod evaluation;
#[path = "../examples/eval/latin.rs"]
mod latin;
#[path = "../examples/eval/precision.rs"]
mod precision;
#[path = "../examples/eval/recall.rs"]
mod recall;
#[path = "../examples/eval/report.rs"]
mod report;
#[path = "../examples/eval/rng.rs"]
mod rng;
#[path = "../examples/eval/sentences.rs"]
mod sentences;
#[path = "../examples/eval/term.rs"]
mod term;
#[path = "../examples/eval/traps.rs"]
mod traps;
#[path = "../examples/eval/variants.rs"]
mod variants;

use evaluation::{Evaluation, RECALL_FLOOR};
use std::sync::OnceLock;
use variants::Family;
use vigil::Detector;

/// One evaluation shared by the tests (they run on parallel threads; the
/// second waits for the first).
fn evaluation() -> &'static Evaluation {
    static EVAL: OnceLock<Evaluation> = OnceLock::new();
    EVAL.get_or_init(|| evaluation::run(&Detector::default(), evaluation::ORDINARY_LINES))
}

#[test]
fn every_disguise_family_meets_the_recall_floor() {
    let ev = evaluation();
    assert!(
        ev.recall.entries > 0,
        "the embedded lexicon has no entries to evaluate"
    );
    let below: Vec<String> = Family::ALL
        .into_iter()
        .filter_map(|f| {
            let t = ev.recall.family(f);
            let r = t.recall()?;
            (r < RECALL_FLOOR).then(|| format!("{} {r:.4} ({}/{})", f.name(), t.hits, t.total))
        })
        .collect();
    assert!(
        below.is_empty() && ev.recall.bad_spans.is_empty(),
        "families below {RECALL_FLOOR}: {below:?}; {} matches with a wrong text\n\n{}",
        ev.recall.bad_spans.len(),
        report::markdown(ev, 5)
    );
}

#[test]
fn clean_corpus_has_no_false_group_match() {
    let ev = evaluation();
    let n = ev.precision.false_matches.len();
    assert!(
        n == 0,
        "{n} false group matches in {} clean lines\n\n{}",
        ev.precision.total().lines,
        report::markdown(ev, 5)
    );
}

//! Precision, recall and ROC AUC of mirror matches against the
//! generator's truth.

use super::Kind;
use vigil::Account;

/// Quality of mirror detection on generated queries.
#[derive(Debug, Clone, Default)]
pub struct Metrics {
    pub mirrors: usize,
    pub hard_mirrors: usize,
    pub lookalikes: usize,
    pub ordinary: usize,
    /// Mirrors flagged as mirrors of the right banned account.
    pub true_positives: usize,
    pub hard_true_positives: usize,
    /// Flags on look-alikes, on ordinary accounts, and on mirrors naming
    /// the wrong banned account.
    pub fp_lookalike: usize,
    pub fp_ordinary: usize,
    pub fp_wrong_account: usize,
    pub auc: f64,
}

impl Metrics {
    pub fn false_positives(&self) -> usize {
        self.fp_lookalike + self.fp_ordinary + self.fp_wrong_account
    }
    pub fn precision(&self) -> f64 {
        let flagged = self.true_positives + self.false_positives();
        if flagged == 0 {
            1.0
        } else {
            self.true_positives as f64 / flagged as f64
        }
    }
    pub fn recall(&self) -> f64 {
        self.true_positives as f64 / self.mirrors.max(1) as f64
    }
    pub fn hard_recall(&self) -> f64 {
        self.hard_true_positives as f64 / self.hard_mirrors.max(1) as f64
    }

    /// The results as a markdown table.
    pub fn table(&self) -> String {
        let mut t = String::from("| measure | value |\n|---|---|\n");
        let mut row = |k: &str, v: String| t.push_str(&format!("| {k} | {v} |\n"));
        row(
            "queries (mirrors / look-alikes / ordinary)",
            format!("{} / {} / {}", self.mirrors, self.lookalikes, self.ordinary),
        );
        row("precision", format!("{:.4}", self.precision()));
        row("recall", format!("{:.4}", self.recall()));
        row("ROC AUC", format!("{:.4}", self.auc));
        row(
            "recall, hard cases (no posts, no links, new display name)",
            format!("{:.4} of {}", self.hard_recall(), self.hard_mirrors),
        );
        row(
            "false positives: look-alikes",
            format!("{} of {}", self.fp_lookalike, self.lookalikes),
        );
        row(
            "false positives: ordinary accounts",
            format!("{} of {}", self.fp_ordinary, self.ordinary),
        );
        row(
            "false positives: mirror flagged against the wrong account",
            self.fp_wrong_account.to_string(),
        );
        t
    }
}

/// Scores `results` (one list of matches per query, as the index returns
/// them) against the generator's truth, calling a match a mirror when its
/// score is at least `threshold` (pass the configured threshold to get the
/// index's own `is_mirror` decisions).
///
/// A mirror counts as found if the banned account it was made from is
/// among its mirror matches. For the ROC AUC a mirror's score is its
/// source's score (0 if not returned), any other account's score its best
/// match's (0 if none).
pub fn evaluate(
    banned: &[Account],
    queries: &[(Account, Kind)],
    results: &[Vec<vigil::MirrorMatch>],
    threshold: f32,
) -> Metrics {
    let mut m = Metrics::default();
    let mut pos: Vec<f32> = Vec::new();
    let mut neg: Vec<f32> = Vec::new();
    for ((_, kind), found) in queries.iter().zip(results) {
        let flagged = found.iter().any(|x| x.score >= threshold);
        let top = found.first().map_or(0.0, |x| x.score);
        match *kind {
            Kind::Mirror { of, hard } => {
                let src = &banned[of].id;
                m.mirrors += 1;
                m.hard_mirrors += hard as usize;
                let right = found
                    .iter()
                    .any(|x| x.score >= threshold && &x.banned_id == src);
                if right {
                    m.true_positives += 1;
                    m.hard_true_positives += hard as usize;
                } else if flagged {
                    m.fp_wrong_account += 1;
                }
                pos.push(
                    found
                        .iter()
                        .find(|x| &x.banned_id == src)
                        .map_or(0.0, |x| x.score),
                );
            }
            Kind::LookAlike { .. } => {
                m.lookalikes += 1;
                m.fp_lookalike += flagged as usize;
                neg.push(top);
            }
            Kind::Ordinary => {
                m.ordinary += 1;
                m.fp_ordinary += flagged as usize;
                neg.push(top);
            }
        }
    }
    m.auc = auc(&pos, &neg);
    m
}

/// Probability that a random positive outscores a random negative (ties
/// count half).
fn auc(pos: &[f32], neg: &[f32]) -> f64 {
    if pos.is_empty() || neg.is_empty() {
        return 1.0;
    }
    let mut neg = neg.to_vec();
    neg.sort_by(f32::total_cmp);
    let mut sum = 0.0f64;
    for &p in pos {
        let below = neg.partition_point(|&n| n < p);
        let equal = neg[below..].partition_point(|&n| n <= p);
        sum += below as f64 + 0.5 * equal as f64;
    }
    sum / (pos.len() as f64 * neg.len() as f64)
}

//! Measures mirror detection on generated accounts: precision and recall at
//! the default threshold, and ROC AUC, as a markdown table.
//!
//! ```sh
//! cargo run --release --example mirror_eval [BANNED] [QUERIES] [SEED]
//! ```
//!
//! Defaults: 20,000 banned accounts, 6,000 queries (40% mirrors, 25%
//! look-alikes, 35% ordinary accounts), seed 7. The generator is in
//! `benches/mirror_gen/`.

#[path = "../benches/mirror_gen/mod.rs"]
mod mirror_gen;

use std::time::Instant;
use vigil::{MirrorConfig, MirrorIndex};

fn arg(i: usize, default: u64) -> u64 {
    std::env::args()
        .nth(i)
        .and_then(|a| a.replace('_', "").parse().ok())
        .unwrap_or(default)
}

fn main() -> Result<(), vigil::Error> {
    let (n, q, seed) = (arg(1, 20_000) as usize, arg(2, 6_000) as usize, arg(3, 7));
    let t = Instant::now();
    let banned = mirror_gen::banned(seed, n);
    // Matches below the default report floor still rank accounts: keep
    // them all for the ROC AUC. `is_mirror` does not depend on the floor.
    let config = MirrorConfig {
        min_score: 0.0,
        max_matches: 10,
        ..MirrorConfig::default()
    };
    let index = MirrorIndex::build(config, &banned)?;
    let mut gen = mirror_gen::Gen::new(seed ^ 0x5EED);
    let queries = mirror_gen::Gen::queries(&mut gen, &banned, q, 40, 25);
    let accounts: Vec<_> = queries.iter().map(|(a, _)| a.clone()).collect();
    let results = index.find_mirrors_batch(&accounts);
    let threshold = MirrorConfig::DEFAULT_THRESHOLD;
    let m = mirror_gen::evaluate(&banned, &queries, &results, threshold);
    // Written at once, so a closed pipe (`| head`) is an error, not a panic.
    let mut out = String::new();
    macro_rules! outln {
        ($($arg:tt)*) => {{
            out.push_str(&format!($($arg)*));
            out.push('\n');
        }};
    }
    outln!(
        "{n} banned accounts, {q} queries, seed {seed}, threshold {} ({:.1} s)\n",
        MirrorConfig::DEFAULT_THRESHOLD,
        t.elapsed().as_secs_f64()
    );
    out.push_str(&m.table());
    outln!("\nOther thresholds (same matches):\n");
    outln!("| threshold | precision | recall | hard-case recall |\n|---|---|---|---|");
    for t in [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9] {
        let m = mirror_gen::evaluate(&banned, &queries, &results, t);
        outln!(
            "| {t:.2} | {:.4} | {:.4} | {:.4} |",
            m.precision(),
            m.recall(),
            m.hard_recall()
        );
    }
    if std::env::var_os("VIGIL_EVAL_VERBOSE").is_some() {
        for ((a, kind), found) in queries.iter().zip(&results) {
            let (bad, src) = match *kind {
                mirror_gen::Kind::Mirror { of, .. } => (
                    !found
                        .iter()
                        .any(|x| x.is_mirror && x.banned_id == banned[of].id),
                    Some(of),
                ),
                _ => (found.iter().any(|x| x.is_mirror), None),
            };
            if bad {
                outln!("\n{kind:?}\n  query  {a:?}");
                if let Some(of) = src {
                    outln!("  source {:?}", banned[of]);
                }
                for f in found.iter().take(2) {
                    outln!("  match {} {:.3} {:?}", f.banned_id, f.score, f.signals);
                }
            }
        }
    }
    use std::io::Write;
    match std::io::stdout().lock().write_all(out.as_bytes()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(vigil::Error::Io {
            source_name: "<stdout>".into(),
            error: e,
        }),
        _ => Ok(()),
    }
}

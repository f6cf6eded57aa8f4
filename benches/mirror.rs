//! Mirror index at scale: build time, memory, query latency on one thread,
//! batch throughput on all cores, load time, and whether the index's top
//! match agrees with an exhaustive scan of every banned account.
//!
//! ```sh
//! cargo bench --bench mirror                          # 1,000,000 banned accounts
//! VIGIL_BENCH_ACCOUNTS=50000 cargo bench --bench mirror
//! ```
//!
//! `VIGIL_BENCH_QUERIES` sets the number of agreement queries (default
//! 1,000). Accounts come from `benches/mirror_gen/`; queries are 50%
//! mirrors, 25% look-alikes and 25% ordinary accounts.
//!
//! Agreement: for each query, the best score the index reports equals the
//! best score of an exhaustive scan (ties between equally scored accounts
//! count as agreement), or neither reports anything at or above the report
//! floor (`MirrorConfig::min_score`).

#[path = "mirror_gen/mod.rs"]
mod mirror_gen;

use std::hint::black_box;
use std::time::{Duration, Instant};
use vigil::{Account, MirrorIndex};

const RUNS: usize = 3;

fn env(name: &str, default: usize) -> usize {
    std::env::var(name)
        .ok()
        .and_then(|v| v.replace('_', "").parse().ok())
        .unwrap_or(default)
}

/// Resident memory of this process, from /proc (0 where unavailable).
fn resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

fn mib(bytes: usize) -> f64 {
    bytes as f64 / (1 << 20) as f64
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

fn check(ok: bool) -> &'static str {
    if ok {
        "ok"
    } else {
        "BELOW FLOOR"
    }
}

fn main() {
    let n = env("VIGIL_BENCH_ACCOUNTS", 1_000_000);
    let n_agree = env("VIGIL_BENCH_QUERIES", 1_000);
    let threads = rayon::current_num_threads();
    println!("mirror index bench: {n} banned accounts, {threads} threads\n");

    let t = Instant::now();
    let banned = mirror_gen::banned(42, n);
    println!(
        "generated accounts      {:>10.1} s",
        t.elapsed().as_secs_f64()
    );

    let before = resident_bytes();
    let t = Instant::now();
    let index = MirrorIndex::from_accounts(&banned).expect("index builds");
    let build = t.elapsed();
    let resident = resident_bytes().saturating_sub(before);
    println!(
        "build                   {:>10.1} s   ({:.1} µs per account; floor 60 s: {})",
        build.as_secs_f64(),
        build.as_secs_f64() * 1e6 / n.max(1) as f64,
        check(build.as_secs_f64() < 60.0)
    );
    println!(
        "memory                  {:>10.0} MiB resident growth, {:.0} MiB counted by the index ({:.0} bytes per account)",
        mib(resident),
        mib(index.heap_bytes()),
        index.heap_bytes() as f64 / n.max(1) as f64
    );

    let t = Instant::now();
    let bytes = index.to_bytes();
    let save = t.elapsed();
    let t = Instant::now();
    let loaded = MirrorIndex::from_bytes(&bytes).expect("index loads");
    let load = t.elapsed();
    assert_eq!(loaded.len(), index.len());
    drop(loaded);
    println!(
        "serialized              {:>10.0} MiB, to_bytes {:.2} s, from_bytes {:.2} s",
        mib(bytes.len()),
        save.as_secs_f64(),
        load.as_secs_f64()
    );
    drop(bytes);

    let mut gen = mirror_gen::Gen::new(4242);
    let queries: Vec<Account> = gen
        .queries(&banned, n_agree.max(2_000), 50, 25)
        .into_iter()
        .map(|(a, _)| a)
        .collect();

    // Latency on one thread: each query timed RUNS times, its median kept.
    let mut latencies: Vec<Duration> = queries
        .iter()
        .map(|q| {
            median(
                (0..RUNS)
                    .map(|_| {
                        let t = Instant::now();
                        black_box(index.find_mirrors(q));
                        t.elapsed()
                    })
                    .collect(),
            )
        })
        .collect();
    latencies.sort();
    let (p50, p99) = (percentile(&latencies, 0.5), percentile(&latencies, 0.99));
    println!(
        "query latency, 1 thread {:>10.3} ms p50 (floor 1 ms: {}), {:.3} ms p99 (floor 5 ms: {}), {:.3} ms max",
        p50.as_secs_f64() * 1e3,
        check(p50.as_secs_f64() < 1e-3),
        p99.as_secs_f64() * 1e3,
        check(p99.as_secs_f64() < 5e-3),
        latencies[latencies.len() - 1].as_secs_f64() * 1e3
    );
    let mut touched: Vec<usize> = queries.iter().map(|q| index.candidate_count(q)).collect();
    touched.sort_unstable();
    println!(
        "candidates scored       {:>10} p50, {} p99 ({:.4}% of the index at p99)",
        touched[touched.len() / 2],
        touched[touched.len() * 99 / 100],
        touched[touched.len() * 99 / 100] as f64 * 100.0 / n.max(1) as f64
    );

    let batch = median(
        (0..RUNS)
            .map(|_| {
                let t = Instant::now();
                black_box(index.find_mirrors_batch(&queries));
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "batch, {threads} threads        {:>10.0} queries/s",
        queries.len() as f64 / batch.as_secs_f64()
    );

    // Agreement with an exhaustive scan, queries spread over all cores.
    use rayon::prelude::*;
    let t = Instant::now();
    let sample = &queries[..n_agree.min(queries.len())];
    let disagreements: Vec<(usize, Option<f32>, Option<f32>)> = sample
        .par_iter()
        .enumerate()
        .filter_map(|(i, q)| {
            let fast = index.find_mirrors(q).first().map(|m| m.score);
            let full = index.find_mirrors_exhaustive(q).first().map(|m| m.score);
            let same = match (fast, full) {
                (None, None) => true,
                (Some(a), Some(b)) => (a - b).abs() < 1e-6,
                _ => false,
            };
            (!same).then_some((i, fast, full))
        })
        .collect();
    let agreement = 1.0 - disagreements.len() as f64 / sample.len().max(1) as f64;
    println!(
        "top-match agreement     {:>10.4} on {} queries (floor 0.99: {}; exhaustive scan took {:.0} s)",
        agreement,
        sample.len(),
        check(agreement >= 0.99),
        t.elapsed().as_secs_f64()
    );
    for (i, fast, full) in disagreements.iter().take(5) {
        println!(
            "  disagreement on query {i}: index {fast:?}, exhaustive {full:?}: {:?}",
            sample[*i]
        );
    }
}

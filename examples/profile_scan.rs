//! A fixed scanning workload for instruction counts: the scan bench's
//! corpus and 10,000-term lexicon, scanned one post at a time, with the
//! one-time search tables built before the measured part.
//!
//! ```text
//! cargo build --release --example profile_scan
//! valgrind --tool=callgrind --collect-atstart=no \
//!     --toggle-collect='profile_scan::scan_all' \
//!     target/release/examples/profile_scan 1 4
//! ```
//!
//! Arguments: corpus size in MiB (default 1) and passes over it (default
//! 4). Prints MB/s and the number of matches (the same on every run). The
//! figures in the comment at the top of `benches/scan.rs` come from this.

#[path = "../benches/common/corpus.rs"]
mod corpus;

use std::hint::black_box;
use vigil::Detector;

/// The measured part: every post scanned `passes` times.
#[inline(never)]
fn scan_all(detector: &Detector, lines: &[String], passes: usize) -> usize {
    let mut found = 0;
    for _ in 0..passes {
        for line in lines {
            found += black_box(detector.scan(line)).matches.len();
        }
    }
    found
}

fn main() {
    let mut args = std::env::args().skip(1).map(|a| a.parse::<usize>().ok());
    let mib = args.next().flatten().unwrap_or(1);
    let passes = args.next().flatten().unwrap_or(4);
    let lines = corpus::corpus(42, mib << 20);
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let lexicon = corpus::build_lexicon(&corpus::lexicon_entries(10_000, 7));
    let detector = Detector::builder()
        .lexicon(lexicon)
        .build()
        .expect("detector");
    // Builds the start filter and the decoded trie outside the count.
    black_box(detector.scan("warm up"));
    let t = std::time::Instant::now();
    let found = scan_all(&detector, &lines, passes);
    let secs = t.elapsed().as_secs_f64();
    println!(
        "{:.1} MB/s, {found} matches",
        (bytes * passes) as f64 / (1 << 20) as f64 / secs
    );
}

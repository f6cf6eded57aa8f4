//! One huge text through `Detector::scan`: time, and peak resident memory
//! above the input itself (scanning in windows keeps it flat).
//!
//! Run: `cargo bench --bench huge` (1 GiB of `examples/data/sample_posts.txt`
//! repeated; `VIGIL_BENCH_HUGE_MB` sets the size in MiB). Linux only for
//! the memory figure (it reads `VmHWM` from /proc).

use std::time::Instant;
use vigil::Detector;

/// Peak resident memory of this process in bytes (0 where unavailable).
fn peak_resident_bytes() -> usize {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            let line = s.lines().find(|l| l.starts_with("VmHWM:"))?;
            line.split_whitespace().nth(1)?.parse::<usize>().ok()
        })
        .map_or(0, |kib| kib * 1024)
}

fn main() {
    let mib: usize = std::env::var("VIGIL_BENCH_HUGE_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(1024);
    let sample = include_str!("../examples/data/sample_posts.txt");
    let mut text = String::with_capacity(mib << 20);
    while text.len() + sample.len() <= mib << 20 {
        text.push_str(sample);
    }
    let detector = Detector::default();
    let _ = detector.scan(sample); // the embedded lexicon is compiled here
    let before = peak_resident_bytes();
    let t = Instant::now();
    let report = detector.scan(&text);
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_resident_bytes();
    let m = |b: usize| b as f64 / (1 << 20) as f64;
    println!(
        "{:.0} MiB scanned in {secs:.1} s ({:.1} MB/s, 1 thread): {:?}, {} matches listed, truncated: {}",
        m(text.len()),
        text.len() as f64 / 1e6 / secs,
        report.verdict,
        report.matches.len(),
        report.truncated
    );
    println!(
        "peak resident {:.0} MiB; {:.0} MiB above the input and the process before the scan",
        m(peak),
        m(peak.saturating_sub(before))
    );
}

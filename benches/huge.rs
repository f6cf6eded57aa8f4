//! One huge text through `Detector::scan_reader` (streamed, never held)
//! and then through `Detector::scan` (in memory): time, and peak resident
//! memory (scanning in windows keeps it flat).
//!
//! Run: `cargo bench --bench huge` (1 GiB of `examples/data/sample_posts.txt`
//! repeated; `VIGIL_BENCH_HUGE_MB` sets the size in MiB). Linux only for
//! the memory figure (it reads `VmHWM` from /proc).

use std::io::Read;
use std::time::Instant;
use vigil::Detector;

/// `sample` repeated to `len` bytes (whole copies only), made as it is
/// read.
struct Repeat {
    sample: &'static [u8],
    at: usize,
    left: usize,
}

impl Read for Repeat {
    fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
        let n = out.len().min(self.left).min(self.sample.len() - self.at);
        out[..n].copy_from_slice(&self.sample[self.at..self.at + n]);
        self.at = (self.at + n) % self.sample.len();
        self.left -= n;
        Ok(n)
    }
}

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
    let len = (mib << 20) / sample.len() * sample.len();
    let detector = Detector::default();
    let _ = detector.scan(sample); // the embedded lexicon is compiled here
    let m = |b: usize| b as f64 / (1 << 20) as f64;

    let before = peak_resident_bytes();
    let t = Instant::now();
    let stream = Repeat {
        sample: sample.as_bytes(),
        at: 0,
        left: len,
    };
    let streamed = detector.scan_reader(stream).expect("the sample is UTF-8");
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_resident_bytes();
    println!(
        "streamed: {:.0} MiB scanned in {secs:.1} s ({:.1} MB/s, 1 thread): {:?}, {} matches listed",
        m(len),
        len as f64 / 1e6 / secs,
        streamed.verdict,
        streamed.matches.len(),
    );
    println!(
        "streamed: peak resident {:.0} MiB, {:.0} MiB above the process before the scan",
        m(peak),
        m(peak.saturating_sub(before))
    );

    let mut text = String::with_capacity(mib << 20);
    while text.len() + sample.len() <= mib << 20 {
        text.push_str(sample);
    }
    let before = peak_resident_bytes();
    let t = Instant::now();
    let report = detector.scan(&text);
    let secs = t.elapsed().as_secs_f64();
    let peak = peak_resident_bytes();
    assert_eq!(report, streamed, "streamed and in-memory reports differ");
    println!(
        "in memory: {:.0} MiB scanned in {secs:.1} s ({:.1} MB/s, 1 thread): {:?}, {} matches listed, truncated: {}",
        m(text.len()),
        text.len() as f64 / 1e6 / secs,
        report.verdict,
        report.matches.len(),
        report.truncated
    );
    println!(
        "in memory: peak resident {:.0} MiB; {:.0} MiB above the input and the process before the scan",
        m(peak),
        m(peak.saturating_sub(before))
    );
}

//! Scanning throughput against an aho-corasick baseline, and lexicon build
//! and load times.
//!
//! `cargo bench --bench scan` (set `VIGIL_BENCH_MB` to change the corpus
//! size, default 20).
//!
//! # Where the time goes (perf, `scan` on this corpus, 10,000 terms)
//!
//! Before the start tables (2026-11-24): `scan::find` 36% of samples,
//! `fst` `Node::new` 10% and `Node::find_input` 3% (a DFS from the root at
//! every token, the root decoded each time), `Lexicon::get` and UTF-8
//! checks of entry strings 4% (categories decoded per candidate and per
//! verdict pair), the normalizer about 40%.
//!
//! After: the normalizer is about 55% (`normalize_into`, `plain_ascii`,
//! `ascii_word`, `plain_arabic`, `write_space`: not this bench's code);
//! `scan::find` 19%, of which about two fifths is the prefix-set bit test
//! (a cache miss into a 256 KB set) and the rest the DFS; `fst` node
//! decoding 7%; malloc and free 2.5% (the `Match` strings); entry
//! decoding 1%. 18% of tokens pass the start filter (with this synthetic
//! lexicon of short syllables many short words are real key prefixes:
//! `was` begins `wa sahab`), 2% start a match. What is left to gain after
//! normalization is mostly the DFS itself: a decoded-node cache or a
//! flat automaton for the first levels of the fst.
//!
//! Root children decoded once in the start tables (2026-11-24, callgrind,
//! instructions under `Detector::scan_with`, a 1 MiB corpus scanned four
//! times): 520.8 M before, 513.6 M after (-1.4%). Of those, the normalizer
//! is 266 M (52%) and `scan::find` with the DFS about 195 M (38%; its
//! inclusive count also holds the one-time start-table build, 32 M), of
//! which `Node::new` is still 27 M: the nodes below the first level.
//! `to_match` (the `Match` strings) is 9 M; posts without a match allocate
//! nothing. A two-byte prefix bit set (8 KB, in L1) in front of the hashed
//! prefix set was tried and made no measurable difference.
//!
//! The top of the fst decoded into flat arrays (`lexicon/trie.rs`, up to
//! 32,768 transitions), laid out depth first (D1 misses on a term-dense
//! text 3.4 M -> 1.5 M), the step inlined, a state walking its token in
//! place, the prefix read as one 8-byte load. Measured with
//! `examples/profile_scan.rs` (its doc gives the callgrind command; the
//! same 1 MiB corpus and lexicon scanned four times, one-time builds left
//! out), 044d384 against 2026-11-25's main: 486.6 M instructions in all
//! before, 349.3 M after; `scan::find` 196.5 M -> 97.0 M, the normalizer
//! 267.4 M -> 229.6 M (its own work, same day). The normalizer is now 66%,
//! the search 28%: about 170 instructions per token, where 19% of tokens
//! pass the start filter and take 5.8 steps each.
//!
//! Later the same day (normalizer fast path and URL reading, general path,
//! a narrow trie node's search stopping early, matches not decoding the
//! source note): 349.3 M -> 333.2 M; the normalizer 229.6 M -> 216.7 M
//! (half of what is left is Arabic-script words, a third of that the
//! letters that fold: each breaks the batch copy), `scan::find` 97.0 M ->
//! 95.1 M, `to_match` 9.4 M -> 8.2 M.

#[path = "common/corpus.rs"]
mod corpus;

use aho_corasick::{AhoCorasick, MatchKind};
use std::hint::black_box;
use std::time::{Duration, Instant};
use vigil::{Detector, Lexicon};

const RUNS: usize = 5;

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn time<T>(runs: usize, mut f: impl FnMut() -> T) -> Duration {
    median(
        (0..runs)
            .map(|_| {
                let t = Instant::now();
                black_box(f());
                t.elapsed()
            })
            .collect(),
    )
}

fn main() {
    let mb: usize = std::env::var("VIGIL_BENCH_MB")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(20);
    let lines = corpus::corpus(42, mb << 20);
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    let mbs = |d: Duration| bytes as f64 / (1 << 20) as f64 / d.as_secs_f64();
    let posts = |d: Duration| lines.len() as f64 / d.as_secs_f64();
    println!(
        "corpus: {} lines, {:.1} MiB; threads: {}",
        lines.len(),
        bytes as f64 / (1 << 20) as f64,
        rayon::current_num_threads()
    );

    let entries = corpus::lexicon_entries(10_000, 7);
    let lexicon = corpus::build_lexicon(&entries);
    let detector = Detector::builder().lexicon(lexicon).build().unwrap();

    let single = time(RUNS, || {
        lines
            .iter()
            .map(|l| detector.scan(l).matches.len())
            .sum::<usize>()
    });
    let batch = time(RUNS, || detector.scan_batch(&lines).len());
    let found: usize = lines.iter().map(|l| detector.scan(l).matches.len()).sum();

    let terms: Vec<&str> = entries.iter().map(|e| e.term.as_str()).collect();
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .ascii_case_insensitive(true)
        .build(&terms)
        .unwrap();
    let ac_time = time(RUNS, || {
        lines
            .iter()
            .map(|l| ac.find_iter(l.as_str()).count())
            .sum::<usize>()
    });
    let ac_found: usize = lines.iter().map(|l| ac.find_iter(l.as_str()).count()).sum();

    println!();
    println!(
        "| what ({} terms) | MB/s | posts/s | matches |",
        entries.len()
    );
    println!("|---|---:|---:|---:|");
    println!(
        "| vigil `scan`, 1 thread | {:.0} | {:.0} | {found} |",
        mbs(single),
        posts(single)
    );
    println!(
        "| vigil `scan_batch`, {} threads | {:.0} | {:.0} | {found} |",
        rayon::current_num_threads(),
        mbs(batch),
        posts(batch)
    );
    println!(
        "| aho-corasick 1.x, LeftmostLongest, ascii_case_insensitive, 1 thread | {:.0} | {:.0} | {ac_found} |",
        mbs(ac_time),
        posts(ac_time)
    );
    println!(
        "\nscan vs aho-corasick: {:.2}x; scan_batch vs scan: {:.2}x",
        ac_time.as_secs_f64() / single.as_secs_f64(),
        single.as_secs_f64() / batch.as_secs_f64()
    );

    let big = corpus::lexicon_entries(100_000, 11);
    let build_time = time(3, || corpus::build_lexicon(&big).len());
    let compiled = corpus::build_lexicon(&big).to_bytes();
    let load_time = time(RUNS, || Lexicon::from_bytes(&compiled).unwrap().len());
    let shared: std::sync::Arc<[u8]> = compiled.clone().into();
    let load_shared = time(RUNS, || Lexicon::from_shared(shared.clone()).unwrap().len());
    // The first scan with a freshly loaded lexicon builds the search
    // tables (start filter, decoded trie): a service's cold-start cost.
    let first_scan = median(
        (0..RUNS)
            .map(|_| {
                let lexicon = Lexicon::from_shared(shared.clone()).unwrap();
                let detector = Detector::builder().lexicon(lexicon).build().unwrap();
                let t = Instant::now();
                black_box(detector.scan("first post"));
                t.elapsed()
            })
            .collect(),
    );
    println!(
        "\n{}-term lexicon: compiled in {:.0} ms ({:.1} MiB); loaded from bytes in {:.2} ms (copying), {:.2} ms (in place); first scan (builds the search tables) {:.1} ms",
        big.len(),
        build_time.as_secs_f64() * 1e3,
        compiled.len() as f64 / (1 << 20) as f64,
        load_time.as_secs_f64() * 1e3,
        load_shared.as_secs_f64() * 1e3,
        first_scan.as_secs_f64() * 1e3,
    );
}

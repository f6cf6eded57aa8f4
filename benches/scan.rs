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
//!
//! 2026-11-25, later: 333.2 M -> 284.5 M. The start filter lets a token of
//! up to sixteen bytes through only if it is one of a key's words (or the
//! next token is glued on): short words such as `the`, `hai`, `ja` begin
//! many keys but are none of their words, and `پاکستان`, the commonest
//! Urdu word, begins `پاکستانی طالبان`. Tokens searched fell from 32,632
//! to 17,956 per 4 MiB; `scan::find` 95.1 M -> 62.0 M, of which the filter
//! loop over every token (`next_start`) is 37.6 M. An Arabic-script word
//! goes on to the next one in the same call: the normalizer 216.7 M ->
//! 201.8 M. The per-script table this bench prints puts Latin lines at
//! 1.00-1.06x aho-corasick's speed on them, Urdu at 0.83-0.90x and Arabic
//! at 0.84-0.91x (over six builds).
//! On Arabic lines 14% of the instructions are the letters that fold (one
//! a word: `ي` `ك` `ة` `أ`), each a copy of the batch so far and a pushed
//! character. Written over the batch's copy instead (an `unsafe` write
//! into the `String`, tried and not kept), Arabic lines scanned 5% faster
//! and the whole corpus 2% (`profile_scan`): not enough to give up
//! `#![forbid(unsafe_code)]`.
//!
//! 2026-11-25, next session: a `Match` holds its five strings in one
//! allocation (six allocations a match before): `scan_batch` went from
//! 1.80-1.82x `scan` to 1.89-1.90x, the reports' free on the calling
//! thread from 5.9 ms to 2.7 ms. Tried and not kept, each slower in wall
//! time on same-length binary paths even where it ran fewer instructions:
//! four Arabic letters read per step (a word's end found in one branch
//! per four letters; Arabic lines 5% slower); the folds of Arabic letters
//! left to the scanner (the normalizer copies the word as written and
//! keeps its first sixteen folded bytes for the start filter; more
//! instructions in all, Arabic lines 3% slower); a start filter with
//! fewer words per key (4x smaller: 7% slower, more searches) or more (no
//! change). A short post costs about 60 ns before its first byte (the
//! thread's buffers, the window, the normalizer's and the search's set-up).

#[path = "common/corpus.rs"]
mod corpus;

use aho_corasick::{AhoCorasick, MatchKind};
use std::hint::black_box;
use std::time::{Duration, Instant};
use vigil::{Detector, Lexicon};

const RUNS: usize = 5;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Script {
    Latin,
    Urdu,
    Arabic,
}

/// A line's main script: Arabic or Urdu by the letters only one of them
/// uses (`ي ك ة` against `ی ک ہ ے`), else Latin.
fn script_of(line: &str) -> Script {
    let (mut arabic, mut urdu, mut latin) = (0, 0, 0);
    for c in line.chars() {
        match c {
            'ي' | 'ك' | 'ة' | 'ى' => arabic += 1,
            'ی' | 'ک' | 'ہ' | 'ے' | 'ں' | 'ٹ' | 'گ' => urdu += 1,
            'a'..='z' | 'A'..='Z' => latin += 1,
            _ => {}
        }
    }
    if latin > 2 * (arabic + urdu) {
        Script::Latin
    } else if arabic > urdu {
        Script::Arabic
    } else {
        Script::Urdu
    }
}

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
    // The first scan builds the lexicon's search tables, once.
    let t = Instant::now();
    black_box(detector.scan("first post"));
    let first_small = t.elapsed();

    let single = time(RUNS, || {
        lines
            .iter()
            .map(|l| detector.scan(l).matches.len())
            .sum::<usize>()
    });
    let batch = time(RUNS, || detector.scan_batch(&lines).len());
    // How much of that is freeing the reports on this thread (their
    // strings were allocated on the workers).
    let reports = detector.scan_batch(&lines);
    let t = Instant::now();
    drop(black_box(reports));
    let free = t.elapsed();
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
        "\nscan vs aho-corasick: {:.2}x; scan_batch vs scan: {:.2}x ({:.2}x before the reports are freed: {:.1} of its {:.1} ms)",
        ac_time.as_secs_f64() / single.as_secs_f64(),
        single.as_secs_f64() / batch.as_secs_f64(),
        single.as_secs_f64() / batch.saturating_sub(free).as_secs_f64(),
        free.as_secs_f64() * 1e3,
        batch.as_secs_f64() * 1e3
    );

    // The same comparison on the lines of each script: where the gap is.
    println!("\n| lines by script | MB of the corpus | `scan` MB/s | aho-corasick MB/s | ratio |");
    println!("|---|---:|---:|---:|---:|");
    for script in [Script::Latin, Script::Urdu, Script::Arabic] {
        let some: Vec<&String> = lines.iter().filter(|l| script_of(l) == script).collect();
        let n: usize = some.iter().map(|l| l.len()).sum();
        let per = |d: Duration| n as f64 / (1 << 20) as f64 / d.as_secs_f64();
        let ours = time(RUNS, || {
            some.iter()
                .map(|l| detector.scan(l).matches.len())
                .sum::<usize>()
        });
        let theirs = time(RUNS, || {
            some.iter()
                .map(|l| ac.find_iter(l.as_str()).count())
                .sum::<usize>()
        });
        println!(
            "| {script:?} | {:.1} | {:.0} | {:.0} | {:.2}x |",
            n as f64 / (1 << 20) as f64,
            per(ours),
            per(theirs),
            theirs.as_secs_f64() / ours.as_secs_f64()
        );
    }

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
    println!(
        "{}-term lexicon: first scan {:.1} ms",
        entries.len(),
        first_small.as_secs_f64() * 1e3
    );
}

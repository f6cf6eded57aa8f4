//! Runs the fuzz target bodies without libFuzzer, on a stable toolchain:
//! seeded random and mutated inputs for a fixed time per target.
//!
//! `cargo run --release --example smoke -- [TARGET...] [--seconds N] [--seed S]`
//!
//! Not coverage-guided, so far weaker than `cargo fuzz run`; it exists so
//! the bodies can be exercised where nightly Rust is not available. Inputs
//! start from the seed corpus in `seeds/` and are mutated with byte
//! flips, insertions of hostile characters, splices and truncations.

use std::panic;
use std::time::{Duration, Instant};

type Body = fn(&[u8]);

const TARGETS: &[(&str, Body)] = &[
    ("normalize", vigil_fuzz::normalize),
    ("scan", vigil_fuzz::scan),
    ("lexicon_from_bytes", vigil_fuzz::lexicon_from_bytes),
    ("lexicon_from_tsv", vigil_fuzz::lexicon_from_tsv),
    (
        "mirror_index_from_bytes",
        vigil_fuzz::mirror_index_from_bytes,
    ),
    ("account_json", vigil_fuzz::account_json),
];

/// Fragments that stress text handling, spliced into inputs.
const HOSTILE: &[&str] = &[
    "\u{200b}",
    "\u{202e}",
    "\u{301}",
    "\u{64b}",
    "ـ",
    "ﷺ",
    "﷽",
    "İ",
    "ß",
    "👨\u{200d}👩\u{200d}👧",
    "\u{fe0f}",
    "\u{e0067}",
    "I.S.I.S",
    "T T P",
    "#TehrikITaliban",
    "@umar_media",
    "https://t.me/x",
    "a@b.co",
    "\n",
    "\t",
    " ",
    ".",
    "-",
    "_",
    "#",
    "@",
    "1$1$",
    "داعش",
    "Іѕіѕ",
    "𝐈𝐒𝐈𝐒",
    "\"",
    "{",
    "}",
    "[",
    "]",
    ":",
    ",",
    "null",
    "\\u0000",
    "\\ud800",
];

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, input: &mut Vec<u8>, pool: &[Vec<u8>]) {
    for _ in 0..1 + rng.below(4) {
        let at = rng.below(input.len() + 1);
        match rng.below(6) {
            0 if !input.is_empty() => {
                let i = rng.below(input.len());
                input[i] ^= 1 << rng.below(8);
            }
            1 => {
                let s = HOSTILE[rng.below(HOSTILE.len())].as_bytes();
                input.splice(at..at, s.iter().copied());
            }
            2 => {
                let other = &pool[rng.below(pool.len())];
                let from = rng.below(other.len() + 1);
                let to = from + rng.below(other.len() - from + 1);
                input.splice(at..at, other[from..to].iter().copied());
            }
            3 if !input.is_empty() => {
                let end = at + rng.below(input.len() - at.min(input.len()) + 1);
                input.drain(at.min(input.len())..end.min(input.len()));
            }
            4 => {
                let b = rng.next() as u8;
                input.insert(at, b);
            }
            _ => {
                let unit = HOSTILE[rng.below(HOSTILE.len())].as_bytes().to_vec();
                for _ in 0..rng.below(200) {
                    input.splice(at..at, unit.iter().copied());
                }
            }
        }
    }
    input.truncate(1 << 16);
}

fn seeds(target: &str) -> Vec<Vec<u8>> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("seeds")
        .join(target);
    let mut out: Vec<Vec<u8>> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| std::fs::read(e.path()).ok())
        .collect();
    out.push(Vec::new());
    out.push(vigil_fuzz::SAMPLE.as_bytes().to_vec());
    out.push(vigil_fuzz::LEXICON.as_bytes().to_vec());
    out
}

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str, default: u64| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    let seconds = flag("--seconds", 30);
    let seed = flag("--seed", 1);
    let chosen: Vec<&str> = args
        .iter()
        .enumerate()
        .filter(|(i, a)| !a.starts_with("--") && (*i == 0 || !args[i - 1].starts_with("--")))
        .map(|(_, a)| a.as_str())
        .collect();
    let mut failed = false;
    for &(name, body) in TARGETS {
        if !chosen.is_empty() && !chosen.contains(&name) {
            continue;
        }
        let mut pool = seeds(name);
        let mut rng = Rng(seed ^ name.len() as u64);
        let deadline = Instant::now() + Duration::from_secs(seconds);
        let mut runs = 0u64;
        while Instant::now() < deadline {
            let mut input = pool[rng.below(pool.len())].clone();
            mutate(&mut rng, &mut input, &pool);
            let result = panic::catch_unwind(|| body(&input));
            runs += 1;
            if result.is_err() {
                let path = format!("smoke-crash-{name}-{runs}.bin");
                let _ = std::fs::write(&path, &input);
                eprintln!("{name}: crash after {runs} runs, input saved to {path}");
                failed = true;
                break;
            }
            if pool.len() < 4096 && rng.below(8) == 0 {
                pool.push(input);
            }
        }
        println!("{name}: {runs} inputs in {seconds} s");
    }
    if failed {
        std::process::exit(1);
    }
}

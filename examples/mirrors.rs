//! Finds mirror accounts: reads banned accounts (one JSON `Account` a line)
//! from a file, candidate accounts from stdin, and writes one JSON line per
//! candidate, in order, with its best matches.
//!
//! ```sh
//! cargo run --release --example mirrors -- examples/data/banned.jsonl < examples/data/candidates.jsonl
//! ```
//!
//! Output: `{"id": ..., "matches": [{"banned_id": ..., "score": ..., "is_mirror": ...,
//! "signals": {...}}, ...]}`: every mirror found plus the nearest other
//! accounts, best first (at most `MirrorConfig::max_matches`, each scoring
//! at least `MirrorConfig::min_score`). A line that is not a valid account
//! is reported on stderr with its line number and skipped.

use std::io::{BufRead, BufWriter, Write};
use vigil::{Account, MirrorIndex, MirrorMatch};

/// One output line.
#[derive(serde::Serialize)]
struct Line<'a> {
    id: &'a str,
    matches: &'a [MirrorMatch],
}

/// Candidates are searched in parallel, this many at a time.
const BATCH: usize = 4096;

/// Parses JSON lines from `reader`, reporting bad ones as `name:line: error`.
fn accounts(
    name: &str,
    reader: impl BufRead,
    mut each: impl FnMut(Account),
) -> std::io::Result<()> {
    for (i, line) in reader.lines().enumerate() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        match serde_json::from_str::<Account>(&line) {
            Ok(a) => each(a),
            Err(e) => eprintln!("{name}:{}: skipped: {e}", i + 1),
        }
    }
    Ok(())
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: mirrors BANNED.jsonl < CANDIDATES.jsonl");
        std::process::exit(2);
    };
    let file = std::fs::File::open(&path).map_err(|e| format!("{path}: {e}"))?;
    let mut banned = Vec::new();
    accounts(&path, std::io::BufReader::new(file), |a| banned.push(a))?;
    let index = MirrorIndex::from_accounts(&banned)?;
    drop(banned);

    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut pending: Vec<Account> = Vec::with_capacity(BATCH);
    let flush = |pending: &mut Vec<Account>, out: &mut BufWriter<_>| -> std::io::Result<()> {
        for (a, matches) in pending.iter().zip(index.find_mirrors_batch(pending)) {
            let line = Line {
                id: &a.id,
                matches: &matches,
            };
            serde_json::to_writer(&mut *out, &line)?;
            writeln!(out)?;
        }
        pending.clear();
        Ok(())
    };
    let stdin = std::io::stdin();
    let mut result = Ok(());
    accounts("<stdin>", stdin.lock(), |a| {
        pending.push(a);
        if pending.len() == BATCH && result.is_ok() {
            result = flush(&mut pending, &mut out);
        }
    })?;
    result?;
    flush(&mut pending, &mut out)?;
    out.flush()?;
    Ok(())
}

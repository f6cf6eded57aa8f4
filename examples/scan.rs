//! Scans one text per line from stdin and writes one JSON object per line.
//!
//! ```text
//! cargo run --release --example scan < examples/data/sample_posts.txt
//! cargo run --release --example scan -- --lexicon my_terms.tsv < posts.txt
//! ```
//!
//! A custom lexicon is a TSV file (see README) or a compiled lexicon (as
//! written by `Lexicon::as_bytes`). A bad lexicon exits with status 2 and
//! the error on stderr.

use std::io::{self, BufRead, BufWriter, Write};
use std::process::ExitCode;
use vigil::{Detector, Lexicon};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("scan: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut builder = Detector::builder();
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--lexicon" => {
                let path = args.next().ok_or("--lexicon needs a file")?;
                builder.lexicon(load(&path)?);
            }
            "-h" | "--help" => {
                println!("usage: scan [--lexicon FILE] < posts.txt");
                return Ok(());
            }
            other => return Err(format!("unknown argument `{other}`").into()),
        }
    }
    let detector = builder.build()?;
    let stdin = io::stdin().lock();
    let mut out = BufWriter::new(io::stdout().lock());
    for line in stdin.split(b'\n') {
        let line = line?;
        // Invalid UTF-8 is scanned lossily rather than dropped.
        let text = String::from_utf8_lossy(&line);
        let text = text.strip_suffix('\r').unwrap_or(&text);
        serde_json::to_writer(&mut out, &detector.scan(text))?;
        out.write_all(b"\n")?;
    }
    out.flush()?;
    Ok(())
}

fn load(path: &str) -> Result<Lexicon, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if bytes.starts_with(b"VIGILLEX") {
        return Ok(Lexicon::from_shared(bytes)?);
    }
    let mut b = Lexicon::builder();
    b.add_tsv(path, bytes.as_slice())?;
    Ok(b.build()?)
}

//! Measures recall per disguise family and false matches on a clean
//! multilingual corpus, and prints the result as Markdown.
//!
//! ```text
//! cargo run --release --example eval
//! cargo run --release --example eval -- --examples 20 --misses-out misses.tsv
//! cargo run --release --example eval -- --lexicon my_terms.tsv --check
//! ```
//!
//! Every entry of the lexicon (allow entries excepted) is disguised in every
//! family that applies to its script, planted in a neutral sentence of a
//! fitting language and scanned; a trial is a hit when a match of that
//! entry (or of another of its group and category) covers exactly the
//! planted text. The clean corpus is generated ordinary text plus curated
//! Scunthorpe traps; any group-evidence match in it is a false match.
//!
//! Acronyms with rule `caps` are planted as listed (or in capitals) in every
//! family; their lowercase, Title and mixed-case forms are *controls* that
//! must not match without context (the documented `Rule::Caps` behaviour)
//! and are reported apart, not counted as misses. Spread-out lowercase
//! letters (`b-l-a`) are a deliberate disguise under that rule, so they are
//! trials like any other.
//! `tests/eval.rs` runs the same code and asserts the floors.

mod arabic;
mod corpus;
mod evaluation;
mod latin;
mod precision;
mod recall;
mod report;
mod rng;
mod sentences;
mod term;
mod traps;
mod variants;

use std::io::Write;
use std::process::ExitCode;
use vigil::{Detector, Lexicon};

const USAGE: &str = "usage: eval [--lexicon FILE] [--lines N] [--examples N] \
                     [--misses-out FILE] [--check]";

fn main() -> ExitCode {
    match run() {
        Ok(code) => code,
        Err(e) => {
            eprintln!("eval: {e}");
            ExitCode::from(2)
        }
    }
}

fn run() -> Result<ExitCode, Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let mut builder = Detector::builder();
    let mut lines = evaluation::ORDINARY_LINES;
    let mut examples = 8;
    let mut misses_out = None;
    let mut check = false;
    while let Some(arg) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match arg.as_str() {
            "--lexicon" => {
                builder.lexicon(load(&value("--lexicon")?)?);
            }
            "--lines" => lines = value("--lines")?.parse()?,
            "--examples" => examples = value("--examples")?.parse()?,
            "--misses-out" => misses_out = Some(value("--misses-out")?),
            "--check" => check = true,
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(ExitCode::SUCCESS);
            }
            other => return Err(format!("unknown argument `{other}`\n{USAGE}").into()),
        }
    }
    let detector = builder.build()?;
    let ev = evaluation::run(&detector, lines);
    print!("{}", report::markdown(&ev, examples));
    if let Some(path) = misses_out {
        write_misses(&path, &ev)?;
    }
    Ok(if check && !ev.failures().is_empty() {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn load(path: &str) -> Result<Lexicon, Box<dyn std::error::Error>> {
    let bytes = std::fs::read(path).map_err(|e| format!("{path}: {e}"))?;
    if bytes.starts_with(b"VIGILLEX") {
        return Ok(Lexicon::from_shared(bytes)?);
    }
    Ok(Lexicon::from_tsv(bytes.as_slice()).map_err(|e| format!("{path}: {e}"))?)
}

/// Every miss and every false match as TSV, for the authors of the lexicon
/// and the normalizer to work through.
fn write_misses(path: &str, ev: &evaluation::Evaluation) -> std::io::Result<()> {
    let mut out = std::io::BufWriter::new(std::fs::File::create(path)?);
    writeln!(
        out,
        "# what\tfamily/section\tkind/lang\tlang\tterm\tgroup\tcategory\tplanted/matched\toutcome\tsentence"
    )?;
    for t in &ev.recall.misses {
        writeln!(
            out,
            "miss\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{:?}\t{}",
            t.family.name(),
            t.kind,
            t.lang,
            t.term,
            t.group,
            t.category,
            report::cell(&t.variant),
            t.outcome,
            report::cell(&t.sentence)
        )?;
    }
    for m in &ev.precision.false_matches {
        writeln!(
            out,
            "false\t{}\t{}\t-\t{}\t{}\t{}\t{}\t{}\t{}",
            m.section.name(),
            m.lang.name(),
            m.term,
            m.group,
            m.category,
            report::cell(&m.text),
            m.note,
            report::cell(&m.line)
        )?;
    }
    out.flush()
}

//! The smallest useful program: scan a few posts with the embedded lexicon.
//!
//! `cargo run --release --example quickstart`

use vigil::{Detector, Verdict};

fn main() {
    let detector = Detector::default();
    let posts = [
        "Traffic on the motorway is terrible today, bla bla.",
        "Police said the TTP claimed the attack, which officials condemned.",
        "Long live the T.T.P! Join the caravan, brothers.",
    ];
    for post in posts {
        let report = detector.scan(post);
        println!("{:<8} {:.2}  {post}", report.verdict.as_str(), report.score);
        for m in &report.matches {
            println!(
                "         {:?} at {}..{} -> {} ({}, {})",
                m.text(),
                m.start(),
                m.end(),
                m.group().unwrap_or("-"),
                m.category(),
                m.disguises().names().collect::<Vec<_>>().join("+"),
            );
        }
        if report.verdict == Verdict::Support {
            println!("         -> send to review");
        }
    }
}

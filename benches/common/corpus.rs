//! Deterministic generated social-media text and lexicon terms for the
//! benches. Included with `#[path]` so every bench measures the same data.

#![allow(dead_code)]

#[path = "rng.rs"]
mod rng;
pub use rng::Rng;

use std::collections::HashSet;
use vigil::{Category, Entry, Lexicon, LexiconBuilder, Normalizer, Rule, Severity};

const EN: &[&str] = &[
    "the",
    "match",
    "was",
    "great",
    "today",
    "and",
    "we",
    "are",
    "going",
    "to",
    "market",
    "after",
    "work",
    "prices",
    "keep",
    "rising",
    "in",
    "lahore",
    "karachi",
    "weather",
    "rain",
    "cricket",
    "team",
    "won",
    "against",
    "new",
    "phone",
    "battery",
    "traffic",
    "jam",
    "again",
    "school",
    "exam",
    "results",
    "announced",
    "congrats",
    "everyone",
    "crisis",
    "assessment",
    "let",
    "it",
    "be",
    "bla",
    "http",
    "update",
    "video",
    "watch",
    "live",
    "stream",
    "family",
];
const ROMAN_UR: &[&str] = &[
    "yaar",
    "kya",
    "haal",
    "hai",
    "bohat",
    "acha",
    "nahi",
    "mein",
    "ghar",
    "ja",
    "raha",
    "hun",
    "kal",
    "milte",
    "hain",
    "bhai",
    "shukriya",
    "mausam",
    "garmi",
    "chai",
    "peeni",
    "chahiye",
    "match",
    "dekha",
    "kamaal",
    "zabardast",
    "inshallah",
    "mashallah",
    "sab",
    "theek",
];
const URDU: &[&str] = &[
    "آج",
    "موسم",
    "بہت",
    "اچھا",
    "ہے",
    "میں",
    "بازار",
    "جا",
    "رہا",
    "ہوں",
    "کرکٹ",
    "میچ",
    "جیت",
    "گئے",
    "پاکستان",
    "زندہ",
    "باد",
    "خبریں",
    "لاہور",
    "کراچی",
    "بارش",
    "شکریہ",
    "دوست",
    "گھر",
    "امتحان",
    "نتیجہ",
    "مبارک",
    "ہو",
    "سب",
    "کو",
];
const ARABIC: &[&str] = &[
    "اليوم",
    "الطقس",
    "جميل",
    "جدا",
    "ذهبت",
    "إلى",
    "السوق",
    "مع",
    "أصدقائي",
    "مباراة",
    "كرة",
    "القدم",
    "رائعة",
    "شكرا",
    "لكم",
    "الحمد",
    "لله",
    "على",
    "كل",
    "حال",
    "أخبار",
];
const EMOJI: &[&str] = &["🔥", "😂", "👍", "❤️", "🇵🇰", "🙏", "💯", "😢"];
const URLS: &[&str] = &[
    "https://example.com/news/2026/11/24/story.html",
    "http://t.co/AbC123xyz",
    "www.youtube.com/watch?v=dQw4w9WgXcQ",
];
/// Disguised terms planted in about 1% of words.
pub const DISGUISED: &[&str] = &[
    "T.T.P",
    "Ｔ\u{200B}Ｔ\u{200B}Ｐ",
    "ТТР",
    "T4l1b4n",
    "D@e$h",
    "#TehrikITalibanPakistan",
    "Daeeesh",
    "داعش",
    "تحریک طالبان پاکستان",
    "ٹی ٹی پی",
    "I.S.K.P",
    "BLA",
    "l4shkar e t4iba",
    "Al-Qaida",
];

/// One social-media line of 5 to 30 words in a mix of languages.
pub fn line(rng: &mut Rng) -> String {
    let lang = rng.below(4);
    let words = 5 + rng.below(26);
    let mut s = String::new();
    for i in 0..words {
        if i > 0 {
            s.push(' ');
        }
        let vocab = match (lang + (rng.chance(10) as usize)) % 4 {
            0 => EN,
            1 => ROMAN_UR,
            2 => URDU,
            _ => ARABIC,
        };
        match rng.below(100) {
            0 => s.push_str(rng.pick(DISGUISED)),
            1..=3 => s.push_str(rng.pick(EMOJI)),
            4 if i + 1 == words => s.push_str(rng.pick(URLS)),
            5 => {
                s.push('#');
                s.push_str(rng.pick(vocab));
            }
            6 => s.push_str(&format!("{}", rng.below(100_000))),
            7 if lang < 2 => {
                let w = rng.pick(vocab);
                let mut cs = w.chars();
                if let Some(c) = cs.next() {
                    s.extend(c.to_uppercase());
                    s.push_str(cs.as_str());
                }
            }
            _ => s.push_str(rng.pick(vocab)),
        }
    }
    s
}

/// Lines until at least `bytes` bytes are generated.
pub fn corpus(seed: u64, bytes: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        let l = line(&mut rng);
        total += l.len() + 1;
        out.push(l);
    }
    out
}

const SYLLABLES: &[&str] = &[
    "ta", "ri", "kh", "ja", "ma", "at", "ul", "la", "sh", "kar", "ha", "ra", "ka", "tul", "mu",
    "ja", "hi", "deen", "ans", "ar", "fur", "qan", "zai", "nab", "bri", "gade", "liw", "wa", "jun",
    "dul", "lah", "sip", "ah", "sa", "hab", "fi", "da", "yeen", "tah", "reek",
];
const AR_SYLLABLES: &[&str] = &[
    "تح", "ری", "ک", "جما", "عت", "لش", "کر", "حر", "کت", "مجا", "ہد", "ین", "ان", "صار", "فر",
    "قان", "لوا", "جند", "اللہ", "سپا", "صحا", "بہ",
];

/// `n` distinct synthetic lexicon terms of one to three made-up words,
/// Latin and Arabic script mixed, written as lexicon TSV lines.
pub fn synthetic_terms(seed: u64, n: usize) -> Vec<String> {
    let mut rng = Rng::new(seed);
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::with_capacity(n);
    while out.len() < n {
        let arabic = rng.chance(30);
        let words = 1 + rng.below(3);
        let mut term = String::new();
        for w in 0..words {
            if w > 0 {
                term.push(' ');
            }
            let parts = 2 + rng.below(3);
            for _ in 0..parts {
                term.push_str(if arabic {
                    rng.pick(AR_SYLLABLES)
                } else {
                    rng.pick(SYLLABLES)
                });
            }
        }
        // Keys fold repeated letters; dedupe on a folded form so the
        // lexicon builder sees no duplicates.
        let mut folded: Vec<char> = term.chars().collect();
        folded.dedup();
        let folded: String = folded.into_iter().collect();
        if folded.chars().filter(|c| c.is_alphabetic()).count() < 6 || !seen.insert(folded) {
            continue;
        }
        out.push(term);
    }
    out
}

/// The embedded lexicon's entries plus synthetic terms, `n` entries in all.
pub fn lexicon_entries(n: usize, seed: u64) -> Vec<Entry> {
    let normalizer = Normalizer::default();
    let key = |t: &str| normalizer.normalize(t).text().to_string();
    let mut entries: Vec<Entry> = Lexicon::embedded().iter().map(|e| e.to_entry()).collect();
    let mut seen: HashSet<String> = entries.iter().map(|e| key(&e.term)).collect();
    let mut extra = synthetic_terms(seed, n * 2).into_iter();
    while entries.len() < n {
        let Some(term) = extra.next() else { break };
        if !seen.insert(key(&term)) {
            continue;
        }
        entries.push(Entry {
            term,
            group: Some("synthetic".into()),
            category: Category::Org,
            lang: "en".into(),
            severity: Severity::High,
            rule: Rule::Any,
            source: "benches/common/corpus.rs".into(),
        });
    }
    entries
}

/// A lexicon of `entries` (the benches' own, known valid).
pub fn build_lexicon(entries: &[Entry]) -> Lexicon {
    let mut b = LexiconBuilder::new();
    for e in entries {
        b.add(e.clone()).expect("valid entry");
    }
    b.build().expect("lexicon builds")
}

//! Throughput of `Normalizer::normalize_into`, one line at a time, on a
//! deterministic 24 MB corpus of mixed English / Roman Urdu / Urdu / Arabic
//! social-media lines with emoji, URLs, hashtags and about 1% disguised
//! terms; next to plain `unicode-normalization` NFKC + lowercase on the same
//! lines for scale (the faster of two ways of writing it, see `main`).
//!
//! Run: `cargo bench --bench normalize`. Prints the median MB/s of 5 runs.

use std::hint::black_box;
use std::time::{Duration, Instant};

use unicode_normalization::UnicodeNormalization;
use vigil::{Normalized, Normalizer};

const CORPUS_BYTES: usize = 24 << 20;
const RUNS: usize = 5;

/// xorshift64*: small, seeded, good enough to pick words.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ENGLISH: &[&str] = &[
    "the",
    "police",
    "said",
    "attack",
    "market",
    "government",
    "people",
    "today",
    "news",
    "video",
    "watch",
    "share",
    "breaking",
    "killed",
    "injured",
    "protest",
    "election",
    "cricket",
    "match",
    "team",
    "win",
    "love",
    "happy",
    "birthday",
    "friends",
    "weather",
    "traffic",
    "school",
    "students",
    "and",
    "of",
    "to",
    "in",
    "is",
    "was",
    "for",
    "on",
    "with",
    "they",
    "this",
    "that",
    "what",
    "Great",
    "Amazing",
    "Thank",
    "you",
    "so",
    "much",
    "Prime",
    "Minister",
    "announced",
    "new",
    "policy",
    "prices",
    "rise",
    "again",
    "city",
    "Lahore",
    "Karachi",
    "Islamabad",
    "streets",
    "flooded",
    "rain",
    "heavy",
    "tonight",
];
const ROMAN_URDU: &[&str] = &[
    "yaar",
    "kya",
    "hai",
    "nahi",
    "acha",
    "bhai",
    "sab",
    "log",
    "kal",
    "aaj",
    "mein",
    "ke",
    "liye",
    "bohat",
    "zabardast",
    "Pakistan",
    "zindabad",
    "sahi",
    "baat",
    "hum",
    "tum",
    "ghar",
    "chalo",
    "dekho",
    "khabar",
    "shukriya",
    "InshAllah",
    "MashAllah",
    "kaisay",
    "ho",
    "theek",
    "hain",
    "janab",
    "waqai",
    "mehngai",
    "barh",
    "gayi",
    "hukoomat",
    "awam",
    "pareshan",
    "cricket",
    "jeet",
    "gaye",
    "mubarak",
    "ho",
    "sabko",
];
const URDU: &[&str] = &[
    "یہ",
    "ہے",
    "کیا",
    "نہیں",
    "پاکستان",
    "زندہ",
    "باد",
    "لوگ",
    "آج",
    "کل",
    "خبر",
    "حکومت",
    "پولیس",
    "کے",
    "میں",
    "اور",
    "سے",
    "بہت",
    "اچھا",
    "شکریہ",
    "دیکھو",
    "ویڈیو",
    "کرکٹ",
    "ٹیم",
    "جیت",
    "گئی",
    "مبارک",
    "ہو",
    "عوام",
    "مہنگائی",
    "بارش",
    "شہر",
    "لاہور",
    "کراچی",
    "وزیراعظم",
    "نے",
    "اعلان",
    "کیا",
    "گیا",
];
const ARABIC: &[&str] = &[
    "هذا",
    "في",
    "من",
    "على",
    "الشرطة",
    "الحكومة",
    "اليوم",
    "خبر",
    "عاجل",
    "فيديو",
    "شاهد",
    "الناس",
    "مباراة",
    "فريق",
    "شكرا",
    "إن",
    "شاء",
    "الله",
    "مع",
    "كل",
    "المدينة",
    "الأمطار",
    "رئيس",
    "الوزراء",
    "أعلن",
    "جديدة",
    "الأسعار",
    "مبروك",
    "للجميع",
    "عليكم",
    "السلام",
];
const EMOJI: &[&str] = &["🔥", "😂", "❤️", "👍", "🇵🇰", "🙏", "😍", "💯", "😢", "👇"];
const EXTRAS: &[&str] = &[
    "https://t.co/Ab3xYz9",
    "https://www.youtube.com/watch?v=abc123XYZ",
    "bit.ly/3xYzQ",
    "www.dawn.com/news/1479742",
    "#Pakistan",
    "#CricketWorldCup",
    "#BreakingNews",
    "#PTI",
    "#لاہور",
    "@user_123",
    "@DawnNews",
    "2026",
    "512",
    "0300-1234567",
    "1/3",
    "12:30",
    "!!",
    "...",
    "?",
    ",",
];
const DISGUISED: &[&str] = &[
    "T4l1b4n",
    "Ｔ.Ｔ.Ｐ",
    "ТТР",
    "D@e$h",
    "T a l i b a n",
    "Taaaaliban",
    "لشكر طيبة",
    "طالبان",
    "#TehrikITaliban",
    "B.L.A",
    "Tāli\u{200B}bān",
    "𝐓𝐓𝐏",
    "داعش",
    "ﻝﺵﮎﺭ",
    "7aliban",
];

fn corpus() -> Vec<String> {
    let mut rng = Rng(0x05EE_D0F7_1611);
    let mut lines = Vec::new();
    let mut total = 0;
    while total < CORPUS_BYTES {
        let vocab = match rng.below(100) {
            0..=34 => ENGLISH,
            35..=64 => ROMAN_URDU,
            65..=84 => URDU,
            _ => ARABIC,
        };
        let words = 8 + rng.below(18);
        let mut line = String::new();
        for i in 0..words {
            if i > 0 {
                line.push(' ');
            }
            let r = rng.below(100);
            let w = if r == 0 {
                rng.pick(DISGUISED)
            } else if r < 6 {
                rng.pick(EMOJI)
            } else if r < 12 {
                rng.pick(EXTRAS)
            } else {
                rng.pick(vocab)
            };
            line.push_str(w);
        }
        total += line.len() + 1;
        lines.push(line);
    }
    lines
}

fn median(mut xs: Vec<Duration>) -> Duration {
    xs.sort();
    xs[xs.len() / 2]
}

fn mbs(bytes: usize, t: Duration) -> f64 {
    bytes as f64 / t.as_secs_f64() / 1e6
}

fn main() {
    let lines = corpus();
    let bytes: usize = lines.iter().map(|l| l.len()).sum();
    println!(
        "corpus: {} lines, {:.1} MB (seeded, deterministic), single thread",
        lines.len(),
        bytes as f64 / 1e6
    );

    let norm = Normalizer::default();
    let mut out = Normalized::default();
    // Warm up the lazily built tables and the buffers.
    for l in lines.iter().take(1000) {
        norm.normalize_into(l, &mut out);
    }
    let mut buf = String::new();
    // The baseline is plain NFKC + lowercase, written the two obvious ways:
    // collecting NFKC then lowercasing the string (`str::to_lowercase` has
    // an ASCII fast path), and lowercasing char by char into one reused
    // buffer. Both are timed and the faster one is the printed baseline, so
    // the comparison is with the best plain pass, not a slow one.
    let whole = |lines: &[String], sink: &mut usize| {
        for l in lines {
            let s = l.nfkc().collect::<String>().to_lowercase();
            *sink += s.len();
        }
    };
    let per_char = |lines: &[String], buf: &mut String, sink: &mut usize| {
        for l in lines {
            buf.clear();
            for c in l.nfkc() {
                buf.extend(c.to_lowercase());
            }
            *sink += buf.len();
        }
    };
    // The three are timed in turns, so a busy machine slows them alike.
    let (mut ours, mut plain_whole, mut plain_chars) = (Vec::new(), Vec::new(), Vec::new());
    let mut sink = 0usize;
    for _ in 0..RUNS {
        let t = Instant::now();
        for l in &lines {
            norm.normalize_into(l, &mut out);
            sink += out.tokens().len();
        }
        ours.push(t.elapsed());

        let t = Instant::now();
        whole(&lines, &mut sink);
        plain_whole.push(t.elapsed());

        let t = Instant::now();
        per_char(&lines, &mut buf, &mut sink);
        plain_chars.push(t.elapsed());
    }
    black_box(sink);
    let (ours, plain_whole, plain_chars) = (median(ours), median(plain_whole), median(plain_chars));
    let (plain, how) = if plain_whole <= plain_chars {
        (plain_whole, "nfkc().collect::<String>().to_lowercase()")
    } else {
        (plain_chars, "nfkc() + char::to_lowercase per char")
    };
    println!(
        "{:<46} {:8.1} MB/s  (median of {RUNS}, {ours:.2?})",
        "vigil Normalizer::normalize_into, per line",
        mbs(bytes, ours)
    );
    println!(
        "{:<46} {:8.1} MB/s  (median of {RUNS}, {plain:.2?}; the faster of the two below)",
        "baseline: unicode-normalization NFKC + lower",
        mbs(bytes, plain)
    );
    println!(
        "  {:<44} {:8.1} MB/s",
        "nfkc().collect::<String>().to_lowercase()",
        mbs(bytes, plain_whole)
    );
    println!(
        "  {:<44} {:8.1} MB/s",
        "nfkc() + char::to_lowercase per char",
        mbs(bytes, plain_chars)
    );
    println!("baseline used: {how}");
    println!(
        "ratio: {:.2}x the plain NFKC + lowercase pass",
        plain.as_secs_f64() / ours.as_secs_f64()
    );
}

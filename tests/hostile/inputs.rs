//! Deterministic hostile inputs: the Unicode abuse strings testers
//! collect, big inputs of every hostile kind, and ordinary text with terms
//! planted at known places.

#[path = "../../benches/common/rng.rs"]
mod rng;
pub use rng::Rng;

/// Ordinary words: none is a lexicon term, none a single letter.
pub const WORDS: &[&str] = &[
    "the",
    "weather",
    "cricket",
    "match",
    "today",
    "was",
    "lovely",
    "and",
    "people",
    "went",
    "market",
    "buy",
    "mangoes",
    "school",
    "teacher",
    "said",
    "train",
    "late",
    "again",
    "yaar",
    "bohat",
    "acha",
    "kal",
    "milte",
    "hain",
    "السلام",
    "عليكم",
    "شكرا",
    "کرکٹ",
    "بہت",
    "اچھا",
    "news",
    "report",
    "video",
    "photo",
    "friends",
    "family",
    "wedding",
    "dinner",
    "tomorrow",
];

/// Repeats `unit` until `len` bytes are reached (cut on a char boundary).
pub fn fill(unit: &str, len: usize) -> String {
    let mut s = unit.repeat(len / unit.len().max(1) + 1);
    let mut cut = len.min(s.len());
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    s.truncate(cut);
    s
}

/// Ordinary words separated by spaces, `len` bytes, with sentence breaks.
pub fn ordinary(rng: &mut Rng, len: usize) -> String {
    let mut s = String::with_capacity(len + 16);
    while s.len() < len {
        s.push_str(rng.pick(WORDS));
        s.push_str(if rng.below(12) == 0 { ". " } else { " " });
    }
    s
}

/// Puts one base letter under `n` combining marks per letter of `word`.
pub fn zalgo(word: &str, n: usize) -> String {
    let marks = [
        '\u{301}', '\u{334}', '\u{322}', '\u{35c}', '\u{489}', '\u{36f}', '\u{315}',
    ];
    let mut s = String::new();
    for c in word.chars() {
        s.push(c);
        for i in 0..n {
            s.push(marks[i % marks.len()]);
        }
    }
    s
}

/// The Unicode abuse strings testers collect, by what they break.
pub fn abuse_strings() -> Vec<String> {
    let mut v: Vec<String> = [
        // Empty, whitespace and control characters.
        "",
        " ",
        "\t",
        "\n",
        "\r\n",
        "\r",
        "\u{0}",
        "\u{0}\u{0}\u{0}ISIS\u{0}",
        "\u{7f}",
        "\u{85}\u{a0}\u{1680}\u{2000}\u{2001}\u{2028}\u{2029}\u{202f}\u{205f}\u{3000}",
        "\u{1b}[31mISIS\u{1b}[0m",
        "\u{8}\u{8}\u{8}",
        "\u{b}\u{c}",
        // Zero-width and invisible characters, alone and inside words.
        "\u{200b}",
        "\u{feff}ISIS",
        "I\u{200b}S\u{200c}I\u{200d}S",
        "\u{2060}\u{2061}\u{2062}\u{2063}\u{2064}",
        "\u{ad}\u{34f}\u{180e}\u{115f}\u{1160}\u{3164}\u{ffa0}",
        "Tal\u{ad}iban",
        "دا\u{200c}عش",
        // Bidirectional overrides and isolates, balanced and not.
        "\u{202e}ISIS\u{202c}",
        "\u{202e}",
        "\u{202b}داعش\u{202c}",
        "\u{2067}ISIS\u{2069}",
        "\u{2066}\u{2067}\u{2068}",
        "\u{200f}\u{200e}\u{61c}",
        "\u{202d}\u{202e}\u{202d}\u{202e}abc",
        "ثم نفس سقطت وبالتحديد،, جزيرتي باستخدام أن دنو. إذ هنا؟ الستار وتنصيب كان.",
        // Emoji: ZWJ sequences, modifiers, flags, keycaps, tag sequences.
        "👨\u{200d}👩\u{200d}👧\u{200d}👦",
        "🏳\u{fe0f}\u{200d}🌈",
        "👩🏽\u{200d}🚒",
        "🇵🇰🇦🇫🇮🇶",
        "🇦",
        "1\u{fe0f}\u{20e3}#\u{fe0f}\u{20e3}",
        "🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}",
        "🔥ISIS🔥",
        "\u{fe0f}\u{fe0f}",
        "\u{1f3fb}\u{1f3ff}",
        "🧑🏿\u{200d}🤝\u{200d}🧑🏻",
        // Two-byte, three-byte and four-byte characters; specials.
        "ÀÁÂÃÄÅÆÇÈÉ",
        "ß ẞ",
        "𝕿𝖆𝖑𝖎𝖇𝖆𝖓",
        "𝐈𝐒𝐈𝐒",
        "𠜎𠜱𠝹𠱓",
        "\u{10ffff}\u{fffe}\u{ffff}\u{fffd}",
        "\u{e000}\u{f8ff}\u{f0000}",
        "\u{fff9}ISIS\u{fffa}isis\u{fffb}",
        "\u{fffc}",
        // Characters that grow under case mapping or compatibility folding.
        "İİİİ",
        "ŉΐǰ\u{345}",
        "ﬃﬄﬀ",
        "ﷺ ﷻ ﷽",
        "㍱㌀㋿",
        "¼½¾⅟",
        "⑳⒇⓴",
        "℡™℻",
        "ǅǈǋ",
        "Ωℌℑ",
        // Look-alikes from other scripts, mixed inside one word.
        "Іѕіѕ",
        "Тalibаn",
        "ΙЅΙЅ",
        "ISIS\u{0406}",
        "تalبan",
        "IS\u{fe8d}IS",
        // Arabic script: harakat, tatweel, variants, digits.
        "دَاعِشٌ",
        "داـــــــعش",
        "الدَّوْلَةُ الإِسْلَامِيَّةُ",
        "٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹",
        "ك ک ي ی ى ہ ه ة ۃ",
        "\u{64b}\u{64b}\u{64b}",
        "\u{670}\u{654}\u{655}",
        // Other scripts with combining structure.
        "क्षत्रिय",
        "ภาษาไทย",
        "한국어",
        "ᄀᄀᄀ\u{1160}",
        "ʇǝɯɐ ʇıs ɹolop",
        // Leetspeak and symbol soup.
        "1$1$",
        "!5!5",
        "7|-|3 5|_|!(!|)3",
        "/\\/\\|_|j4h1d33n",
        "4 7 3 1 0 5",
        "@$!$",
        // Markup and injection strings (must be plain text to vigil).
        "<script>alert('ISIS')</script>",
        "'; DROP TABLE posts; --",
        "%s%s%n%x",
        "{{7*7}}",
        "${jndi:ldap://x/a}",
        "../../../etc/passwd",
        "\\u202e\\x00",
        // URLs, handles and hashtags at their edges.
        "https://ISIS.example/ISIS?q=ISIS#ISIS",
        "http://",
        "www.",
        "a@b",
        "@",
        "#",
        "@@@@",
        "##",
        "#ISIS#ISIS#ISIS",
        "@_@_@",
        "#TehrikITaliban",
        "@UmarMedia_Official",
        "https://",
        // Only separators.
        ".....",
        "- - - -",
        "_ _ _ _",
        "# # #",
        "!!!???",
        "،،،",
        "۔۔۔",
        "...\n...\n",
        "|/\\|",
        // Spaced, repeated and glued letters.
        "I S I S",
        "T . T . P",
        "T-T-P",
        "I.S.I.S.",
        "I  S  I  S",
        "Taaaaaaaaaaaaliban",
        "ISSSSSSSSIS",
        "DaeshDaeshDaesh",
        "isisisisisis",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    v.push(zalgo("ISIS", 30));
    v.push(zalgo("Taliban", 3));
    v.push(zalgo("داعش", 12));
    v.push("a".repeat(100_000));
    v.push("Taliban".repeat(20_000));
    v.push("ـ".repeat(50_000));
    v.push("\u{301}".repeat(100_000));
    v.push("#".repeat(10_000) + "ISIS");
    v.push(format!("https://{}", "a".repeat(100_000)));
    v.push("I ".repeat(50_000));
    v
}

/// Builds a 10 MB line of one hostile kind.
pub fn big_inputs(len: usize) -> Vec<(&'static str, String)> {
    let mut rng = Rng::new(7);
    let mut leet = String::new();
    while leet.len() < len {
        leet.push_str(rng.pick(&["7", "4", "1", "$", "@", "3", "0", "|", "!", "5"]));
        leet.push_str(rng.pick(&["", "", " ", ".", "-"]));
    }
    let mut mixed = String::new();
    while mixed.len() < len {
        mixed.push_str(rng.pick(&["a", "а", "ɑ", "α", "ا", "𝐚", "ａ", "1", "ı", "і"]));
        if rng.below(9) == 0 {
            mixed.push(' ');
        }
    }
    vec![
        ("letters, no space", fill("a", len)),
        (
            "combining-mark storm",
            format!("a{}", fill("\u{301}\u{334}", len)),
        ),
        (
            "zero-width run",
            format!("I{}SIS", fill("\u{200b}\u{200d}\u{feff}", len)),
        ),
        (
            "spaced letters",
            fill("a b c d e f g h i j k l m n o p q r s t u v w x y z ", len),
        ),
        ("spaced with dots", fill("I.S.I.S.", len)),
        ("letters and hyphens", fill("a-b-c-d-", len)),
        // A URL mark at the end of a long stretch: every hyphen before it
        // could start a URL that reaches the mark.
        (
            "hyphenated words, then a dot",
            fill("al-Qaeda-", len.saturating_sub(4)) + ".com",
        ),
        ("letters and underscores", fill("a_b_c_d_", len)),
        ("dotted words", fill("is.is.", len)),
        ("leetspeak soup", leet),
        ("mixed script", mixed),
        ("only separators", fill("- . _ # @ ! ? ، ۔ ", len)),
        ("arabic with harakat", fill("اَلدَّوْلَةُِ", len)),
        ("tatweel run", format!("دا{}عش", fill("ـ", len))),
        ("one hashtag", format!("#{}", fill("TehrikITaliban", len))),
        ("one url", format!("https://x.com/{}", fill("ISIS/", len))),
        ("newlines", fill("\n", len)),
        ("emoji zwj", fill("👨\u{200d}👩\u{200d}👧\u{fe0f}", len)),
        ("repeated letter", fill("T", len)),
    ]
}

/// Ordinary text with a single-word term every few kilobytes, as one line
/// (no newline) of `len` bytes; returns the text and where each term is.
pub fn planted_line(rng: &mut Rng, len: usize) -> (String, Vec<(usize, &'static str)>) {
    let mut s = String::with_capacity(len + 64);
    let mut at = Vec::new();
    while s.len() < len {
        let n = rng.len(1000, 9000);
        s.push_str(&ordinary(rng, n));
        let term = rng.pick(&["ISIS", "داعش", "Daesh", "Taliban"]);
        at.push((s.len(), term));
        s.push_str(term);
        s.push(' ');
    }
    (s, at)
}

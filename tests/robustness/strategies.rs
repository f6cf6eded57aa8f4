//! Hostile text for the property tests: characters that break text
//! processing, and words and disguises that meet the lexicon.

use proptest::collection::vec;
use proptest::prelude::*;
use proptest::sample::select;

/// Single characters that break text processing, by what they stress.
pub fn hostile_char() -> impl Strategy<Value = char> {
    use proptest::char::range;
    prop_oneof![
        8 => range(' ', '~'),
        3 => select(vec![' ', '\n', '\t', '\r', '\u{a0}', '\u{85}', '\u{2028}', '\u{3000}', '\u{1680}', '\u{b}']),
        3 => range('\u{300}', '\u{36f}'),                 // combining marks
        4 => range('\u{600}', '\u{6ff}'),                 // Arabic, Urdu, Persian, Pashto
        1 => range('\u{750}', '\u{77f}'),
        1 => range('\u{8a0}', '\u{8ff}'),
        2 => select(vec![
            '\u{200b}', '\u{200c}', '\u{200d}', '\u{200e}', '\u{200f}', '\u{2060}', '\u{2061}',
            '\u{2064}', '\u{feff}', '\u{ad}', '\u{34f}', '\u{180e}', '\u{61c}', '\u{115f}',
            '\u{1160}', '\u{3164}', '\u{ffa0}', '\u{640}',
        ]),                                                 // invisibles, tatweel
        2 => select(vec![
            '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
            '\u{2068}', '\u{2069}',
        ]),                                                 // bidi controls
        1 => range('\u{fe00}', '\u{fe0f}'),               // variation selectors
        1 => range('\u{e0000}', '\u{e007f}'),             // tags
        1 => range('\u{e0100}', '\u{e01ef}'),
        2 => range('\u{370}', '\u{4ff}'),                 // Greek, Cyrillic look-alikes
        1 => range('\u{ff01}', '\u{ff5e}'),               // fullwidth
        1 => range('\u{1d400}', '\u{1d7ff}'),             // mathematical letters
        1 => range('\u{2460}', '\u{24ff}'),               // circled, parenthesised
        1 => range('\u{fb00}', '\u{fdff}'),               // ligatures, Arabic presentation
        1 => range('\u{fe70}', '\u{feff}'),
        2 => range('\u{1f300}', '\u{1faff}'),             // emoji
        1 => range('\u{1f1e6}', '\u{1f1ff}'),             // regional indicators
        1 => select(vec!['\u{20e3}', '\u{1f3fb}', '\u{1f3ff}', '\u{2640}', '\u{2642}']),
        1 => range('\u{0}', '\u{1f}'),                    // controls
        1 => range('\u{7f}', '\u{9f}'),
        2 => select(vec![
            'ﷺ', '﷽', 'ﷻ', 'ﬃ', 'ß', 'İ', 'ı', 'ǅ', 'ŉ', 'ΐ', '\u{345}', '¼', '㍱', '㌀',
            '⑳', '⒇', '℡', '™', 'Ω', 'K', 'Å', 'ẞ', 'ﭐ', 'ﻼ', '\u{fb1d}', 'ﷰ', '\u{1e9b}',
            '\u{2126}', 'ǰ', 'ﬀ', '\u{f900}', '\u{2fa1d}', '\u{fffd}', '\u{fffe}', '\u{ffff}',
            '\u{10ffff}', '\u{e000}', '\u{f8ff}', '\u{1fffe}',
        ]),                                                 // case and NFKC expanders
        1 => range('\u{900}', '\u{97f}'),                 // Devanagari with virama
        1 => range('\u{e00}', '\u{e7f}'),                 // Thai
        1 => range('\u{ac00}', '\u{ac20}'),               // Hangul syllables
        1 => range('\u{1100}', '\u{11ff}'),               // Hangul jamo
        1 => range('\u{4e00}', '\u{4e40}'),               // CJK
        1 => any::<char>(),
    ]
}

/// Whole words and disguises, so that random text also meets the lexicon.
pub const VOCAB: &[&str] = &[
    "ISIS",
    "isis",
    "I.S.I.S",
    "I S I S",
    "1S1S",
    "ＩＳＩＳ",
    "Іѕіѕ",
    "I\u{200b}S\u{200b}I\u{200b}S",
    "T.T.P",
    "TTP",
    "ttp",
    "T T P",
    "Tehrik-i-Taliban",
    "#TehrikITaliban",
    "@umar_media",
    "Taaaaliban",
    "T4l1b4n",
    "Tālibān",
    "𝐓𝐚𝐥𝐢𝐛𝐚𝐧",
    "داعش",
    "دَاعِش",
    "دا\u{640}\u{640}عش",
    "الدولة الإسلامية",
    "تحریک طالبان",
    "پاکستان",
    "zindabad",
    "long live",
    "Daesh",
    "baqiyah wa tatamaddad",
    "istishhadi",
    "condemned",
    "isis flower",
    "Umar Media",
    "https://t.me/umar_media",
    "a@b.co",
    "www.example.com/ISIS",
    "3.14",
    "0300-1234567",
    "covid19",
    "camelCaseWord",
    "ALLCAPS",
    " ",
    "\n",
    "\r\n",
    ". ",
    "! ",
    "؟ ",
    "۔ ",
    "#",
    "@",
    "-",
    "_",
    ".",
    "...",
    "://",
    "😀",
    "👨\u{200d}👩\u{200d}👧",
    "🏳\u{fe0f}\u{200d}🌈",
    "1\u{fe0f}\u{20e3}",
    "🇵🇰",
    "\u{202e}",
    "Z\u{334}\u{322}a\u{335}l\u{338}g\u{336}o\u{337}",
    "a b c d e f g",
    "l33t 5p34k",
    "₁₂₃",
    "¹²³",
    "٠١٢٣",
    "۴۵۶",
    "ﷺ",
    "﷽",
];

pub fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => vec(hostile_char(), 1..8).prop_map(String::from_iter),
        3 => select(VOCAB).prop_map(str::to_string),
        1 => (hostile_char(), 1..64usize).prop_map(|(c, n)| std::iter::repeat(c).take(n).collect()),
        2 => leet_word(),
    ]
}

/// Short mixes of letters, digits and symbols that leetspeak reading,
/// repeat collapsing and look-alike folding all want a say in.
pub fn leet_word() -> impl Strategy<Value = String> {
    vec(
        select(vec![
            'a', 'e', 'i', 'l', 'o', 's', 't', 'n', 'g', 'T', 'S', 'I', '0', '1', '3', '4', '5',
            '7', '9', '$', '@', '!', '|', 'і', 'о', '.',
        ]),
        1..7,
    )
    .prop_map(String::from_iter)
}

/// Text built from hostile characters, runs of them and disguised terms.
pub fn hostile_text() -> impl Strategy<Value = String> {
    vec(piece(), 0..24).prop_map(|ps| ps.concat())
}

/// Any text at all: proptest's own strings plus the hostile mix.
pub fn any_text() -> impl Strategy<Value = String> {
    prop_oneof![3 => hostile_text(), 1 => any::<String>()]
}

//! The fast path against the general path.

use crate::{Normalized, Normalizer};

/// A seeded xorshift: `rnd(n)` is below `n`.
pub(in crate::normalize) fn xorshift(mut seed: u64) -> impl FnMut(usize) -> usize {
    move |n| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    }
}

/// Normalizes `s` with and without the fast path; panics unless the text,
/// the tokens and every span (prefixes, suffixes, short and out-of-range
/// ranges) agree. `what` names the case in a failure.
fn same_both_ways(norm: &Normalizer, s: &str, what: &str) {
    let (mut a, mut b) = (Normalized::default(), Normalized::default());
    norm.run(s, &mut a, true);
    norm.run(s, &mut b, false);
    assert_eq!(a.text(), b.text(), "{s:?} {what}");
    assert_eq!(a.tokens(), b.tokens(), "{s:?} {what}");
    let len = a.text().len();
    for i in 0..=len + 1 {
        assert_eq!(a.source_span(0..i), b.source_span(0..i), "{s:?} 0..{i}");
        assert_eq!(a.source_span(i..len), b.source_span(i..len), "{s:?} {i}..");
        for k in 0..3 {
            assert_eq!(
                a.source_span(i..i + k),
                b.source_span(i..i + k),
                "{s:?} {i}+{k} {what}"
            );
        }
    }
}

/// Runs `f` with a normalizer for each of the 128 option sets, and a name
/// for the set to put in a failure.
fn in_every_option_set(mut f: impl FnMut(&Normalizer, &str)) {
    use crate::NormalizerOptions;
    for bits in 0..128u8 {
        let norm = Normalizer::builder()
            .options(NormalizerOptions::from_bits(bits).unwrap())
            .build();
        f(&norm, &format!("options {bits}"));
    }
}

/// The fast path gives exactly what the general path gives: text,
/// tokens and spans.
#[test]
fn fast_path_changes_nothing() {
    let words = [
        "Taliban",
        "TTP",
        "ttp",
        "aa",
        "Aa",
        "bla",
        "BLA",
        "Bla",
        "LeT",
        "zindabad",
        "Daeeesh",
        "طالبان",
        "ممم",
        "بب",
        "لشكر",
        "يا",
        "و",
        "T",
        "a",
        "x-y",
        "covid19",
        "🔥",
        "#tag",
        "T4l1b4n",
        "ТТР",
        "hello,",
        "end.",
        "why?",
        "wow!",
        "(x)",
        "\"q\"",
        "Ab:",
        "جِهاد",
        "#Pakistan",
        "#TTP",
        "#aa",
        "#a",
        "#TehrikITaliban",
        "#x_y",
        "2026",
        "1/3",
        "3.14",
        "0300-1234567",
        "12:30",
        "4G",
        "https://t.co/Ab3",
        "www.x.com/a",
        "bit.ly/Q",
        "a@b.com",
        "x.org",
        "❤️",
        "🇵🇰",
        "👍🏽",
        "...",
        "!!",
        "@user",
        "$100",
        "|x",
        "e.g.",
        "U.S.",
        "1.",
        "3-",
        "T.",
        "a-",
        "'",
        "don't",
        "#",
        "#1",
        "🔥x",
        "x🔥",
        "ا\u{653}",
        "http://x.org/پ",
        "InshAllah",
        "MashHour",
        "TehrikITaliban",
        "aBcDe",
        "abcDE",
        "#CricketWorldCup",
        "@DawnNews",
        "@user",
        "@a",
        "#لاہور",
        "#ب",
        "yaar",
        "Allah",
        "ﻝﺵﮎﺭ",
        // Camel case whose letters collapse; URL-like pieces.
        "#AllahHuAkbar",
        "@DaawnNeews",
        "MashAllahh",
        "1:2",
        "x1:y",
        "a:b",
        "http://x.org/a_(b)).",
        "HTTP://X.Y/Z?Q=(1)",
        "mailto:x@y.com",
        "a.b.c.de/f",
        "x.comm/a",
        "ab@cd",
        // Punctuation before what starts no NFKC segment.
        "=\u{1161}",
        ".\u{301}",
        // Leetspeak symbols alone: punctuation.
        "@",
        "$",
        "|",
        "|\n",
    ];
    let seps = [
        " ", "  ", "\n", ". ", ", ", "", "\u{200B}", " . ", "-", "\t", ".", "_",
    ];
    let mut rnd = xorshift(0x1234_5678_9abc_def1u64);
    let normalizers = [
        Normalizer::default(),
        Normalizer::builder()
            .collapse_repeats(false)
            .arabic_variants(false)
            .build(),
    ];
    for norm in normalizers {
        for _ in 0..30_000 {
            let mut s = String::new();
            for _ in 0..rnd(8) {
                s.push_str(words[rnd(words.len())]);
                s.push_str(seps[rnd(seps.len())]);
                if rnd(4) == 0 {
                    let base = [0x20, 0x600, 0x2000, 0x1F000][rnd(4)];
                    s.extend(char::from_u32(base + rnd(0x300) as u32));
                }
            }
            same_both_ways(&norm, &s, "");
        }
    }
}

/// Arabic-script words with folded letters past the 64 the fast path
/// keeps track of, in stretches with ASCII words in all cases.
#[test]
fn long_folded_arabic_words() {
    let parts = ["کیا", "یہ", "پاکستان", "الأمطار", "شکریہ", "من"];
    let mut rnd = xorshift(0x9e37_79b9_7f4a_7c15u64);
    for _ in 0..300 {
        let mut s = String::from("Hello WORLD ");
        for _ in 0..1 + rnd(3) {
            for _ in 0..rnd(60) {
                s.push_str(parts[rnd(parts.len())]);
            }
            s.push_str([" ", " Abc ", " yaar ", "  "][rnd(4)]);
        }
        let norm = Normalizer::default();
        same_both_ways(&norm, &s, "");
    }
}

/// Arabic-script words with harakat (one or several after a letter, in
/// and out of canonical order, on repeated letters, at a word's start)
/// and invisible characters (a Persian ZWNJ, the Arabic letter mark, RLM,
/// zero-width space: between letters, after them, before a mark), beside
/// marks that compose (`ا` + hamza above is `أ`) or stay, tatweel and
/// folded letters, in every option set.
#[test]
fn arabic_words_with_harakat_and_invisibles() {
    let letters = ["ا", "د", "ل", "ة", "ی", "ك", "ہ", "م", "و", "ي"];
    let marks = [
        "\u{64e}",
        "\u{650}",
        "\u{651}",
        "\u{652}",
        "\u{64b}",
        "\u{651}\u{64e}",
        "\u{64e}\u{651}",
        "\u{654}",
        "\u{655}",
        "\u{653}",
        "\u{670}",
        "\u{656}",
        "ـ",
        "\u{301}",
        "\u{200c}",
        "\u{61c}",
        "\u{200f}",
        "\u{200b}\u{64e}",
        "\u{651}\u{200c}",
    ];
    let mut rnd = xorshift(0x6a09_e667_f3bc_c908);
    in_every_option_set(|norm, what| {
        for round in 0..40 {
            let mut s = String::from(["", "#", "ok ", "\u{64e}", "\u{200c}"][rnd(5)]);
            let most = if round % 8 == 0 { 80 } else { 7 };
            for _ in 0..1 + rnd(most) {
                let l = letters[rnd(letters.len())];
                for _ in 0..[1, 1, 1, 2, 3][rnd(5)] {
                    s.push_str(l);
                    // Mostly the marks that go, some that stay or compose.
                    match rnd(8) {
                        0..=2 => s.push_str(marks[rnd(7)]),
                        3..=4 => s.push_str(marks[rnd(marks.len())]),
                        _ => {}
                    }
                }
                if rnd(6) == 0 {
                    s.push(' ');
                }
            }
            s.push_str(["", " ", " end", "!"][rnd(4)]);
            same_both_ways(norm, &s, what);
        }
    });
}

/// ASCII words with invisible characters inside, before and after them
/// (zero-width, joiners, bidi controls, BOM, soft hyphen, variation
/// selector, tag) and combining marks on their letters, letters that meet
/// across them, in every option set.
#[test]
fn words_with_invisible_characters() {
    let letters = [
        "T", "a", "l", "i", "b", "n", "A", "S", "s", "ab", "Ab", "AB", "aa", "x",
    ];
    let invisible = [
        "\u{200b}",
        "\u{200c}",
        "\u{200d}",
        "\u{2060}",
        "\u{feff}",
        "\u{202e}",
        "\u{2067}",
        "\u{ad}",
        "\u{fe0f}",
        "\u{e0041}",
        "\u{200b}\u{200d}",
        "\u{61c}",
        "\u{180e}",
        "\u{34f}",
        // Marks on the letter, with invisible characters before or after.
        "\u{301}",
        "\u{334}\u{322}",
        "\u{489}",
        "\u{64e}",
        "\u{301}\u{200b}",
        "\u{200b}\u{301}",
    ];
    let after = ["", " ", " end", "!", "1", "#x", "\u{301}", "—", " a b"];
    let mut rnd = xorshift(0xbb67_ae85_84ca_a73b);
    in_every_option_set(|norm, what| {
        for round in 0..40 {
            let mut s = String::from(["", "ok ", "#", "\u{200b}", "T "][rnd(5)]);
            let most = if round % 8 == 0 { 40 } else { 6 };
            for _ in 0..1 + rnd(most) {
                s.push_str(letters[rnd(letters.len())]);
                if rnd(4) > 0 {
                    s.push_str(invisible[rnd(invisible.len())]);
                }
                if rnd(8) == 0 {
                    s.push(' ');
                    if rnd(2) == 0 {
                        s.push_str(invisible[rnd(invisible.len())]);
                    }
                }
            }
            s.push_str(after[rnd(after.len())]);
            same_both_ways(norm, &s, what);
        }
    });
}

/// ASCII letters with combining marks (Zalgo, a storm of marks, marks
/// that compose with the letter or not, out of canonical order, with a
/// compatibility form, a haraka, an enclosing mark), which the folder
/// reads without NFKC when diacritics go: the same as with NFKC, in every
/// option set.
#[test]
fn letters_with_combining_marks() {
    let letters = ["a", "t", "I", "S", "e", "A", "o", "ab", "1", "ا", "а"];
    let marks = [
        "\u{301}",
        "\u{334}",
        "\u{322}",
        "\u{35c}",
        "\u{36f}",
        "\u{315}",
        "\u{308}",
        "\u{304}",
        "\u{307}",
        "\u{30a}",
        "\u{340}",
        "\u{344}",
        "\u{345}",
        "\u{489}",
        "\u{64e}",
        "\u{20dd}",
        "\u{1ab0}",
        "\u{fe20}",
        "\u{327}\u{301}",
        "\u{f77}",
    ];
    let mut rnd = xorshift(0x510e_527f_ade6_82d1);
    in_every_option_set(|norm, what| {
        for round in 0..40 {
            let mut s = String::from(["", "#", "ok ", "\u{301}"][rnd(4)]);
            let most = if round % 8 == 0 { 30 } else { 5 };
            for _ in 0..1 + rnd(most) {
                s.push_str(letters[rnd(letters.len())]);
                for _ in 0..rnd(4) {
                    s.push_str(marks[rnd(marks.len())]);
                }
                if rnd(4) == 0 {
                    s.push(' ');
                }
            }
            s.push_str(["", " ", " end", "!"][rnd(4)]);
            same_both_ways(norm, &s, what);
        }
    });
}

/// Camel case with any number of parts (more than eight, longer than 255
/// bytes: `TalibanTaliban...`, `#ThisIsTheLongestHashtagEver...`), with
/// capitals in a row (`TehrikITaliban`, `BLAzindabad`) and parts that meet
/// on equal letters, in every option set.
#[test]
fn long_camel_case_words() {
    let parts = [
        "Taliban", "Is", "A", "Nn", "news", "Dawn", "Ttp", "Xx", "Kk", "o", "IT", "BLA", "TTP",
        "PTI", "TT", "I", "ab", "AB", "Aa", "aA", "zindabad",
    ];
    let mut rnd = xorshift(0x51_7cc1_b727_220a);
    in_every_option_set(|norm, what| {
        for round in 0..40 {
            let mut s = String::from(["", "#", "@", "ok "][rnd(4)]);
            let most = if round % 8 == 0 { 90 } else { 6 };
            for _ in 0..1 + rnd(most) {
                s.push_str(parts[rnd(parts.len())]);
            }
            s.push_str(["", " ", " end", "!"][rnd(4)]);
            same_both_ways(norm, &s, what);
        }
    });
}

/// Handles with digits after `_` (`@user_123`), camel case with equal
/// letters at a boundary (`DawnNews`), in every option set and many
/// shapes: the fast path takes some, the general path the rest.
#[test]
fn handles_with_digits() {
    let names = [
        "user", "User", "USER", "yaar", "Yaar", "ab", "a", "DawnNews", "dawnNews", "aaa", "xY",
        "ii", "Tt", "us_er",
    ];
    let tails = [
        "_123",
        "_12",
        "_1",
        "_0300",
        "_123abc",
        "_12_3",
        "_",
        "__12",
        "_12.",
        "_12,",
        "_12\n",
        "_12 ",
        "_99@",
        "_12#x",
        "_٣٣",
        "_12\u{301}",
        "_12_",
        "",
        "",
        "",
        " ",
        ". ",
        "!",
        "1",
    ];
    let befores = ["", "x ", "x", "#", "@", "hi  ", "ok. ", "طالبان "];
    let sigils = ["@", "#", ""];
    let afters = ["", " ", " bla", " @user_12", "  x", " طالبان"];
    let mut rnd = xorshift(0x2545_f491_4f6c_dd1du64);
    in_every_option_set(|norm, what| {
        for _ in 0..150 {
            let s = format!(
                "{}{}{}{}{}",
                befores[rnd(befores.len())],
                sigils[rnd(sigils.len())],
                names[rnd(names.len())],
                tails[rnd(tails.len())],
                afters[rnd(afters.len())]
            );
            same_both_ways(norm, &s, what);
        }
    });
}

/// The fast path asks `url_at` only where `url_marks_until_space` finds a
/// mark: it must never say "none" where `url_at` finds a URL.
#[test]
fn url_marks_never_hide_a_url() {
    let pieces = [
        "a", "co", "www", ".", ":", "//", "@", "-", "/", "x1", "C", "12", "http", "ly", "_", "%",
    ];
    let mut rnd = xorshift(0x5eed_0f0a_1100_77aau64);
    let mut urls = 0;
    for _ in 0..400_000 {
        let s: String = (0..1 + rnd(8)).map(|_| pieces[rnd(pieces.len())]).collect();
        let bytes = s.as_bytes();
        for pos in 0..bytes.len() {
            if crate::normalize::url::url_at(bytes, pos).is_none() {
                continue;
            }
            urls += 1;
            let j = pos
                + bytes[pos..]
                    .iter()
                    .take_while(|b| b.is_ascii_alphanumeric())
                    .count();
            let scheme = bytes[pos].is_ascii_alphabetic();
            assert_eq!(
                super::url::url_marks_until_space(bytes, j, scheme),
                Some(true),
                "{s:?} at {pos}"
            );
        }
    }
    assert!(urls > 5_000, "{urls}");
}

/// `UrlMemo::dotted_clear`, asked at every position in order with one
/// memo (as the fast path asks, at single letters), never says "clear"
/// where `url_at` finds a URL.
#[test]
fn dotted_clear_never_hides_a_url() {
    let pieces = [
        "a", "T", "co", "www", "W", ".", ".", ":", "//", "@", "-", "/", "x1", "12", " ", "ly", "_",
        "\u{ff0e}",
    ];
    let mut rnd = xorshift(0x3c6e_f372_fe94_f82bu64);
    let (mut urls, mut clear) = (0, 0);
    for _ in 0..200_000 {
        let s: String = (0..1 + rnd(10))
            .map(|_| pieces[rnd(pieces.len())])
            .collect();
        let bytes = s.as_bytes();
        let mut memo = super::UrlMemo::default();
        for pos in 0..bytes.len() {
            if !bytes[pos].is_ascii_alphabetic() || bytes[pos] == b' ' {
                continue;
            }
            let said = memo.dotted_clear(bytes, pos);
            clear += usize::from(said);
            if crate::normalize::url::url_at(bytes, pos).is_some() {
                urls += 1;
                assert!(!said, "{s:?} at {pos}");
            }
        }
    }
    assert!(urls > 5_000 && clear > 50_000, "{urls} {clear}");
}

/// Arabic-script words and punctuation (`،` `؛` `؟` `۔`, the Afghani
/// sign, the end of an ayah) next to each other and to what the general
/// path reads with them (marks, digits, ASCII letters and symbols, `@`,
/// `#`, a URL), in every option set: the folds make `۔` a full stop.
#[test]
fn arabic_punctuation() {
    let pieces = [
        "کیا",
        "ہاں",
        "طالبان",
        "د",
        "الدَّوْلَة",
        "۔",
        "،",
        "؛",
        "؟",
        "؋",
        "\u{6dd}",
        "٫",
        "۱۲",
        "12",
        "ab",
        "@x",
        "#x",
        "x.com",
        "\u{64e}",
        "\u{654}",
        "!",
        ".",
        "$",
        "\u{200b}",
    ];
    let mut rnd = xorshift(0x3c6e_f372_fe94_f82c);
    in_every_option_set(|norm, what| {
        for _ in 0..40 {
            let mut s = String::from(["", "#", "ok ", "۔"][rnd(4)]);
            for _ in 0..1 + rnd(10) {
                s.push_str(pieces[rnd(pieces.len())]);
                s.push_str(["", "", " ", "\n"][rnd(4)]);
            }
            same_both_ways(norm, &s, what);
        }
    });
}

/// The marks the fast path drops with their letter: the harakat and the
/// other marks the fold deletes, never those that compose with a letter
/// (madda, hamza above and below), and none when Arabic-script folds are
/// off (the marks stay).
#[test]
fn arabic_marks_the_fast_path_drops() {
    use crate::normalize::tables::{arabic_block, ARABIC_MARK, FOLD_ARABIC};
    let marks = |keep: u8| -> Vec<u32> {
        let t = arabic_block(keep);
        (0..256u32)
            .filter(|&i| t[i as usize] == ARABIC_MARK)
            .map(|i| 0x600 + i)
            .collect()
    };
    let on = marks(0);
    for c in (0x64B..=0x652).chain([0x670]) {
        assert!(on.contains(&c), "U+{c:04X}");
    }
    for c in [0x653, 0x654, 0x655, 0x640, 0x627] {
        assert!(!on.contains(&c), "U+{c:04X}");
    }
    assert_eq!(marks(FOLD_ARABIC), Vec::<u32>::new());
}

mod joined;

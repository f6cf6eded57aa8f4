//! The fast path against the general path on texts of pieces joined by
//! separators: glued hashtags, hyphens, underscores, dots, numbers.

use super::{in_every_option_set, same_both_ways, xorshift};

/// Texts of one of `starts`, then one to six of `pieces` each followed by
/// one of `seps`, then a last piece, drawn from `seed`: both ways in every
/// option set, 40 texts each.
fn joined_both_ways(seed: u64, starts: &[&str], pieces: &[&str], seps: &[&str]) {
    let mut rnd = xorshift(seed);
    in_every_option_set(|norm, what| {
        for _ in 0..40 {
            let mut s = String::from(starts[rnd(starts.len())]);
            for _ in 0..1 + rnd(6) {
                s.push_str(pieces[rnd(pieces.len())]);
                s.push_str(seps[rnd(seps.len())]);
            }
            s.push_str(pieces[rnd(pieces.len())]);
            same_both_ways(norm, &s, what);
        }
    });
}

/// Pieces with a hashtag glued on (`#ISIS#ISIS`, `word#tag`, `@user#tag`,
/// `12#x`, `طالبان#x`), in every option set.
#[test]
fn glued_hashtags() {
    let pieces = [
        "ISIS",
        "isis",
        "TehrikITaliban",
        "a",
        "12",
        "x1",
        "طالبان",
        "ab_",
        "e.g",
        "x.org",
        "",
        "T4l1b4n",
        "#",
        "@",
        "!",
        "-",
    ];
    joined_both_ways(
        0x3c6e_f372_fe94_f82b,
        &["", "#", "@", "ok "],
        &pieces,
        &["#", "#", " #", "##"],
    );
}

/// Words joined by hyphens (`al-Qaeda`, `Tehrik-i-Taliban`, `T-T-P`),
/// which the fast path reads as words with punctuation between, next to
/// what keeps a hyphen out of the gap (digits, URLs, leetspeak, sigils,
/// a hyphen doubled or at an end), in every option set.
#[test]
fn hyphenated_words() {
    let pieces = [
        "al",
        "Qaeda",
        "Tehrik",
        "i",
        "Taliban",
        "T",
        "TTP",
        "ISIS",
        "K",
        "ul",
        "e",
        "aa",
        "Laaashkar",
        "1",
        "x2",
        "T4l1b4n",
        "$",
        "@",
        "#tag",
        "@user",
        "www.x.com",
        "a.b",
        "b.com/x",
        "طالبان",
        "ü",
        "",
    ];
    joined_both_ways(
        0x1f83_d9ab_fb41_bd6c,
        &["", "-", "#", "@", "ok "],
        &pieces,
        &["-", "-", "-", "--", " -", "- ", "-."],
    );
}

/// Words joined by underscores (`according_to_police`), which the fast
/// path reads as words with punctuation between; hashtags and handles,
/// where an underscore joins (`#East_Turkestan`, `@chai_lover`), in
/// every option set.
#[test]
fn underscored_words() {
    let pieces = [
        // A hashtag or handle after a word in one stretch: the word's URL
        // check has read past them.
        "ab-cd#East",
        "ab-cd@chai",
        "according",
        "to",
        "police",
        "T",
        "TTP",
        "East",
        "Turkestan",
        "tt",
        "x",
        "1",
        "a1",
        "_",
        "com",
        "x.org",
        "#tag",
        "@user",
        "طالبان",
        "",
    ];
    joined_both_ways(
        0x9b05_688c_2b3e_6c1f,
        &["", "_", "#", "@", "ok "],
        &pieces,
        &["_", "_", "_", "__", " _", "_ ", "-_"],
    );
}

/// Numbers in Arabic-Indic and Persian digits (`٢٠٢٦`, `۱۴۰۳`), which the
/// fast path writes when they stand alone, next to what keeps them with
/// the general path (number punctuation, letters, a TLD after a dot), in
/// every option set.
#[test]
fn arabic_indic_numbers() {
    let pieces = [
        "٢٠٢٦",
        "۱۴۰۳",
        "۲",
        "٠٠",
        "12",
        "x",
        "ب",
        "سال",
        "com",
        "٢٠٢٦x",
        "۱۲۳٤",
        "",
    ];
    joined_both_ways(
        0x3c6e_f372_fe94_f82d,
        &["", "(", "-", "ok ", "#", "@"],
        &pieces,
        &[
            " ", " ", ". ", ", ", ")", "!", ".", ",", "/", ":", "-", "،", "۔", "\n",
        ],
    );
}

/// Words joined by dots (`end.Next`, `Taliban.ISIS`), which the fast
/// path reads as words with punctuation between where no URL starts,
/// next to domains, e-mail addresses, schemes, abbreviations (`e.g`,
/// `U.S.`) and numbers, in every option set.
#[test]
fn dotted_words() {
    let pieces = [
        "end",
        "Next",
        "T",
        "e",
        "g",
        "x",
        "org",
        "com",
        "co",
        "ly",
        "www",
        "http",
        "ab",
        "Taliban",
        "ISIS",
        "1",
        "a1",
        "#tag",
        "@user",
        "mail",
        "aa",
        "طالبان",
        "",
    ];
    joined_both_ways(
        0x1f83_d9ab_fb41_bd6b,
        &["", ".", "ok ", "a@"],
        &pieces,
        &[".", ".", ".", "..", ". ", "@", "://", "/", "-"],
    );
}

/// Letters spread out with dots (`T.T.P.I.S`, `U.S. `), which the fast
/// path takes one by one where no URL starts in their stretch, next to
/// what makes one (`t.co`, `www.`, `@`, `:`), hyphens, line breaks,
/// invisible characters, digits, capitals and letters that are not ASCII,
/// in every option set.
#[test]
fn letters_spread_with_dots() {
    let pieces = [
        "T", "T", "t", "P", "I", "s", "x", "a", "co", "com", "www", "w", "1", "ab", "é", "@x", ":",
        "ISIS",
    ];
    joined_both_ways(
        0x6d2b_79f5_0c1e_a3b7,
        &["", "T.", "ok "],
        &pieces,
        &[
            ".",
            ".",
            ".",
            ". ",
            "-",
            "_",
            "..",
            " ",
            "\n",
            "\u{200b}",
            "\u{200b} ",
        ],
    );
}

/// ASCII words glued to Arabic-script words, with or without invisible
/// characters between (bidi controls around each script, `ISIS\u{200b}داعش`),
/// and invisible characters before and after either: in every option set.
#[test]
fn latin_glued_to_arabic() {
    let pieces = [
        "ISIS",
        "Taliban",
        "ab",
        "T",
        "isis\u{301}",
        "\u{202e}ISIS",
        "داعش",
        "طالبان",
        "و",
        "الله",
        "ددد",
        "دَاعِش",
        "كتاب",
        "\u{2067}داعش\u{2069}",
        "داعش\u{200c}",
        "x1",
    ];
    joined_both_ways(
        0x510e_527f_ade6_82d1,
        &["", "ok ", "\u{202e}", "\u{2067}", "#"],
        &pieces,
        &[
            "",
            "",
            "\u{200b}",
            "\u{202c}\u{2067}",
            "\u{2069}",
            "\u{301}",
            "\u{200b}\u{301}",
            " ",
            "\u{202c} ",
            "!",
        ],
    );
}

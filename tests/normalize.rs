//! The normalizer's behaviour, step by step, in English, Roman Urdu and
//! Arabic script; the alignment back to the original; hostile inputs; and
//! idempotence as a property.

mod seed;

use proptest::prelude::*;
use vigil::{Case, Disguises, Normalized, Normalizer, Script, Sep, TokenKind};

fn norm(s: &str) -> Normalized {
    Normalizer::default().normalize(s)
}

fn text(s: &str) -> String {
    norm(s).text().to_string()
}

fn words(s: &str) -> Vec<String> {
    let n = norm(s);
    n.tokens()
        .iter()
        .map(|t| n.token_text(t).to_string())
        .collect()
}

/// The original text each token came from.
fn sources(s: &str) -> Vec<String> {
    let n = norm(s);
    n.tokens()
        .iter()
        .map(|t| s[n.source_span(t.range())].to_string())
        .collect()
}

/// Asserts that `disguised` folds to the same canonical text as `plain`,
/// and that the undone disguise is recorded on every token.
fn same(disguised: &str, plain: &str, flag: Disguises) {
    let n = norm(disguised);
    assert_eq!(n.text(), text(plain), "{disguised:?} vs {plain:?}");
    for t in n.tokens() {
        assert!(
            t.disguises.contains(flag),
            "{disguised:?}: token {:?} lacks {flag:?}: {:?}",
            n.token_text(t),
            t.disguises
        );
    }
}

// ---- 1. compatibility forms ---------------------------------------------

#[test]
fn nfkc_folds_compatibility_forms() {
    same("ＴＴＰ", "TTP", Disguises::COMPATIBILITY);
    same("𝐓𝐓𝐏", "TTP", Disguises::COMPATIBILITY);
    same("ⓉⓉⓅ", "TTP", Disguises::COMPATIBILITY);
    same("ﬁdayeen", "fidayeen", Disguises::COMPATIBILITY);
    // Roman Urdu.
    same(
        "ｍｕｊａｈｉｄｅｅｎ",
        "mujahideen",
        Disguises::COMPATIBILITY,
    );
    // Arabic presentation forms: لشکر.
    same("ﻝﺵﮎﺭ", "لشکر", Disguises::COMPATIBILITY);
    assert_eq!(
        norm("TTP").tokens()[0].disguises,
        Disguises::NONE,
        "plain text has nothing undone"
    );
}

#[test]
fn phrase_ligatures_stay_symbols() {
    // NFKC would make `ﷺ` four words and `ﷻ` two: kept as symbols (no
    // token), like `﷽`, which has no decomposition at all.
    for s in ["\u{FDFA}", "\u{FDFB}", "\u{FDFD}", "\u{FDFA}\u{301}\u{64E}"] {
        let n = norm(s);
        assert_eq!(n.text(), "", "{s:?}");
        assert!(n.tokens().is_empty(), "{s:?}");
    }
    let n = norm("Muhammad \u{FDFA} said");
    assert_eq!(n.text(), "muhamad said");
    assert_eq!(n.tokens()[1].sep, Sep::Space);
    // Ordinary expanders still fold: one word each.
    assert_eq!(norm("\u{FDF2}").text(), "الله");
    assert_eq!(
        norm("ﬁdayeen ＴＴＰ ﻻ ㌖").text(),
        "fidayen tp لا キロメートル"
    );
    assert!(norm("\u{FDF2}").tokens()[0]
        .disguises
        .contains(Disguises::COMPATIBILITY));
}

// ---- 2. invisible characters --------------------------------------------

#[test]
fn invisible_characters_are_removed() {
    same("Tali\u{200B}ban", "Taliban", Disguises::INVISIBLE);
    same("Ta\u{00AD}li\u{200D}ban", "Taliban", Disguises::INVISIBLE);
    same("T\u{2060}T\u{FEFF}P", "TTP", Disguises::INVISIBLE);
    // Roman Urdu with bidi controls and a variation selector.
    same(
        "jih\u{202E}a\u{202C}d\u{FE0F}",
        "jihad",
        Disguises::INVISIBLE,
    );
    same("muja\u{E0041}hid", "mujahid", Disguises::INVISIBLE);
    // Arabic script with ZWNJ, LRM/RLM and the Arabic letter mark.
    same("طال\u{200C}بان", "طالبان", Disguises::INVISIBLE);
    same("طا\u{200F}لبا\u{061C}ن", "طالبان", Disguises::INVISIBLE);
    // Around a word they are removed too, but nothing was hidden inside.
    let n = norm("\u{202E}TTP\u{202C}");
    assert_eq!(n.text(), "tp");
    assert!(!n.tokens()[0].disguises.contains(Disguises::INVISIBLE));
}

// ---- 3. case and diacritics ---------------------------------------------

#[test]
fn case_is_folded_and_recorded() {
    let n = norm("BLA bla Bla LeT");
    assert_eq!(n.text(), "bla bla bla let");
    let cases: Vec<Case> = n.tokens().iter().map(|t| t.case).collect();
    assert_eq!(cases, [Case::Upper, Case::Lower, Case::Title, Case::Mixed]);
    // Full Unicode lowercase, not ASCII only.
    assert_eq!(text("ΤΑΛΙΜΠΑΝ"), text("ταλιμπαν"));
    assert_eq!(text("İSTANBUL"), "istanbul");
    // Roman Urdu and Arabic script (no case).
    assert_eq!(norm("JIHAD").tokens()[0].case, Case::Upper);
    assert_eq!(norm("جہاد").tokens()[0].case, Case::Uncased);
    assert_eq!(norm("T.T.P").tokens()[0].case, Case::Upper);
    assert_eq!(norm("T T P").tokens()[0].case, Case::Upper);
}

#[test]
fn latin_diacritics_are_stripped() {
    same("Tālibān", "Taliban", Disguises::DIACRITIC);
    // Decomposed: base letters followed by combining marks.
    same("Ta\u{304}liba\u{304}n", "Taliban", Disguises::DIACRITIC);
    same("mujāhidīn", "mujahidin", Disguises::DIACRITIC);
    same("Z̸̢a̷l̵g̶o", "Zalgo", Disguises::DIACRITIC);
    // Arabic-script marks are not Latin diacritics (they are harakat).
    assert!(!norm("لشکرِ").tokens()[0]
        .disguises
        .contains(Disguises::DIACRITIC));
}

// ---- 4. look-alikes -------------------------------------------------------

#[test]
fn latin_lookalikes_fold_in_latin_looking_words() {
    // Cyrillic ТТР, all letters look Latin.
    same("ТТР", "TTP", Disguises::HOMOGLYPH);
    // A Greek Tau in a Latin word.
    same("Τaliban", "Taliban", Disguises::HOMOGLYPH);
    // Small capitals.
    same("ᴛᴀʟɪʙᴀɴ", "taliban", Disguises::HOMOGLYPH);
    // Roman Urdu with Cyrillic а and о.
    same("jihаd zindаbаd", "jihad zindabad", Disguises::HOMOGLYPH);
    assert_eq!(norm("ТТР").tokens()[0].script, Script::Latin);
    assert_eq!(norm("ТТР").tokens()[0].case, Case::Upper);
}

#[test]
fn other_scripts_and_arabic_stay_themselves() {
    // A Cyrillic word with letters that look like nothing Latin.
    let n = norm("Привет");
    assert_eq!(n.text(), "привет");
    assert_eq!(n.tokens()[0].script, Script::Other);
    // Arabic script never goes through the visual skeleton: ه and ا are
    // not o and l, پ and ث stay apart.
    assert_eq!(text("هلا"), "هلا");
    assert_ne!(text("پاک"), text("ثاک"));
    assert_eq!(norm("طالبان").tokens()[0].script, Script::Arabic);
}

// ---- 5. Arabic-script variants ---------------------------------------------

#[test]
fn arabic_script_variants_meet() {
    let v = Disguises::ARABIC_VARIANT;
    // Arabic kaf and yeh vs Urdu keheh and Farsi yeh: لشكر طيبة / لشکر طیبہ.
    assert_eq!(text("لشكر طيبة"), text("لشکر طیبہ"));
    same("لشكر", "لشکر", v);
    // Alef variants, alef maksura, teh marbuta.
    assert_eq!(text("أسامة"), text("اسامه"));
    assert_eq!(text("إسلامی"), text("اسلامى"));
    // Harakat and tatweel.
    same("جِهَاد", "جهاد", v);
    same("جـــهـاد", "جهاد", v);
    // Pashto ring letters and Urdu retroflexes.
    assert_eq!(text("ټوپک"), text("ٹوپک"));
    // Digits: Arabic-Indic and Extended Arabic-Indic are ASCII digits.
    assert_eq!(text("٢٠٢٦"), "2026");
    assert_eq!(text("۲۰۲۶"), "2026");
    assert_eq!(norm("۲۰۲۶").tokens()[0].kind, TokenKind::Number);
    assert_eq!(text("٣٫١٤"), "3.14");
}

#[test]
fn combining_hamza_and_madda_go_after_composition() {
    // ا + madda composes to آ, which folds to ا; ی + hamza does not compose
    // and the hamza is dropped: both end as the bare letter.
    assert_eq!(text("ا\u{653}"), "ا");
    assert_eq!(text("آ"), "ا");
    assert_eq!(text("ی\u{654}"), "ی");
    // The span of the letter covers the removed mark.
    let s = "xx جِہاد";
    let n = norm(s);
    assert_eq!(&s[n.source_span(n.tokens()[1].range())], "جِہاد");
}

// ---- 6. leetspeak -----------------------------------------------------------

#[test]
fn leetspeak_inside_words() {
    same("T4l1b4n", "Taliban", Disguises::LEETSPEAK);
    same("D@e$h", "Daesh", Disguises::LEETSPEAK);
    same("7aliban", "Taliban", Disguises::LEETSPEAK);
    same("1SIS", "ISIS", Disguises::LEETSPEAK);
    same("B0k0 H4r4m", "Boko Haram", Disguises::LEETSPEAK);
    // Roman Urdu.
    same("j1h4d", "jihad", Disguises::LEETSPEAK);
    same("zind4b4d", "zindabad", Disguises::LEETSPEAK);
    same("mujah1d33n", "mujahideen", Disguises::LEETSPEAK);
    // At a word's edge, and as the connector of a hyphenated name.
    same("ISI$", "ISIS", Disguises::LEETSPEAK);
    same("Fitn@", "Fitna", Disguises::LEETSPEAK);
    same("L3T", "LeT", Disguises::LEETSPEAK);
    assert_eq!(words("Tehrik-1-Taliban"), ["tehrik", "i", "taliban"]);
    assert_eq!(words("Lashkar-3-Taiba"), ["lashkar", "e", "taiba"]);
    // Arabic-script words are never read as leetspeak.
    assert_eq!(words("طالبان7"), ["طالبان", "7"]);
    // Leading digits on short words and runs of two (`7he`, `73rr0r`).
    for (leet, plain) in [
        ("7he", "the"),
        ("4nd", "and"),
        ("0f", "of"),
        ("th3", "the"),
        ("73rr0r", "terror"),
        ("73rror", "terror"),
        ("74liban", "taliban"),
        ("51pah", "sipah"),
        ("53nd", "send"),
        ("15IL", "ISIL"),
        ("37IM", "ETIM"),
        ("47t@ck", "attack"),
        ("15lam1", "islami"),
        ("7TP", "TTP"),
        ("ISI5", "ISIS"),
    ] {
        same(leet, plain, Disguises::LEETSPEAK);
    }
    // Trailing digits and symbols in a word already in leetspeak; a group
    // of four beside another; `$` and `@` closing a word after a digit.
    for (leet, plain) in [
        ("H@rk47", "harkat"),
        ("W1lay@7", "wilayat"),
        ("H@rk@7", "harkat"),
        ("F0und4710n", "foundation"),
        ("Lib3r@710n", "liberation"),
        ("Med1@", "media"),
        ("N3w$", "news"),
        ("0ffic14l$", "officials"),
        ("L4bb@1k", "labbaik"),
        ("Cru$4d3r", "crusader"),
        ("0m@r", "omar"),
    ] {
        same(leet, plain, Disguises::LEETSPEAK);
    }
    // In a hashtag, across the `_` the canonical text does not write.
    assert_eq!(text("#T4l1b4n_zind4b4d"), "#talibanzindabad");
}

#[test]
fn numbers_stay_numbers() {
    let n = norm("512 MB in 2026, 1/3 of +92 300 1234567 for $100 on 4G after covid19");
    let got: Vec<(&str, TokenKind)> = n
        .tokens()
        .iter()
        .map(|t| (n.token_text(t), t.kind))
        .collect();
    use TokenKind::{Number as N, Word as W};
    assert_eq!(
        got,
        [
            ("512", N),
            ("mb", W),
            ("in", W),
            ("2026", N),
            ("1/3", N),
            ("of", W),
            ("92", N),
            ("300", N),
            ("1234567", N),
            ("for", W),
            ("100", N),
            ("on", W),
            ("4", N),
            ("g", W),
            ("after", W),
            ("covid", W),
            ("19", N),
        ]
    );
    assert_eq!(n.tokens()[16].sep, Sep::Glued);
    // Roman Urdu and Urdu numbers.
    assert_eq!(
        text("0300-1234567 pe call karo"),
        "0300-1234567 pe cal karo"
    );
    assert_eq!(text("3days 10mins"), "3days 10mins");
    assert_eq!(text("1st 3rd 4th 5G"), "1st 3rd 4th 5g");
    assert_eq!(words("۵۰۰ روپے"), ["500", "روپے"]);
    // Glued to letters: units, ordinals, times, dates, decades, versions,
    // model numbers, counts and prices keep their digits.
    let glued = "\
        5kg 50kg 5KG 3weeks 45mins 15yo 48mp 50cent 4wd 5star 1st 21st 11th 13th 31st 53rd 4x4 \
        1v1 24x7 3D 4G 10pm 7pm 11am 3am 15aug 14August 5may 90s 90sKids 1990s 10things \
        99problems 18plus 3DayWeekend mp3 MP3 mp4 mp3s ps4 ps5 g7 G7 g20 covid19 COVID19 \
        agent47 ak47 iphone14 win10 area51 rtx4090ti gtx1080ti boeing737 gr8 l8r a2z y2k 100k \
        1080p 24h part1 day1 top5 level5 USD5 Rs5 ios7";
    for s in glued.split_whitespace() {
        let n = norm(s);
        let digits = |t: &str| t.chars().filter(char::is_ascii_digit).count();
        assert_eq!(digits(n.text()), digits(s), "{s:?} -> {:?}", n.text());
        assert!(
            n.tokens()
                .iter()
                .all(|t| !t.disguises.contains(Disguises::LEETSPEAK)),
            "{s:?}"
        );
    }
    // `@` before a time or a number is "at", not a letter.
    assert_eq!(words("meet@7pm"), ["met", "7", "pm"]);
    assert_eq!(words("meet@7"), ["met", "7"]);
    assert_eq!(text("$5k"), "5k");
}

#[test]
fn at_sign_starts_a_handle() {
    let n = norm("@D43sh_official");
    assert!(n.tokens().iter().all(|t| t.kind == TokenKind::Handle));
    assert_eq!(words("@D43sh_official"), ["daesh", "oficial"]);
    assert_eq!(n.text(), "@daeshoficial");
}

// ---- 7. spread-out letters --------------------------------------------------

#[test]
fn spaced_letters_join() {
    for s in ["T T P", "T.T.P", "t-t-p", "T_T_P", "T . T . P", "T. T. P."] {
        let n = norm(s);
        assert_eq!(n.text(), text("TTP"), "{s:?}");
        assert_eq!(n.tokens().len(), 1, "{s:?}");
        assert!(
            n.tokens()[0].disguises.contains(Disguises::SPACING),
            "{s:?}"
        );
        assert_eq!(sources(s), [s.trim_end_matches('.')], "{s:?}");
    }
    same("T a l i b a n", "Taliban", Disguises::SPACING);
    assert_eq!(norm("T a l i b a n").tokens()[0].case, Case::Title);
    // Roman Urdu and Arabic script.
    same("j i h a d", "jihad", Disguises::SPACING);
    same("ط ا ل ب ا ن", "طالبان", Disguises::SPACING);
    // Two letters join only when tightly separated.
    assert_eq!(text("U.S"), "us");
    assert_eq!(words("a b"), ["a", "b"]);
}

#[test]
fn single_letter_words_stay_apart() {
    assert_eq!(words("Tehrik i Taliban"), ["tehrik", "i", "taliban"]);
    assert_eq!(words("Tehreek-e-Taliban"), ["tehrek", "e", "taliban"]);
    assert_eq!(words("Lashkar-e-Taiba"), ["lashkar", "e", "taiba"]);
    assert_eq!(words("لشکر ِ طیبہ"), ["لشکر", "طیبه"]);
}

// ---- 8. repeated letters ----------------------------------------------------

#[test]
fn repeated_letters_collapse() {
    same("Taaaaliban", "Taliban", Disguises::REPEAT);
    same("Daeeesh", "Daesh", Disguises::REPEAT);
    // Every Latin run collapses, so spellings meet; runs of two are not
    // flagged as a disguise.
    assert_eq!(text("Tehreek"), text("Tehrek"));
    assert!(norm("Tehreek").tokens()[0].disguises.is_empty());
    same("zindaaaabaaad", "zindabad", Disguises::REPEAT);
    // Arabic script: runs of three or more collapse, doubles stay.
    same("جہاااااد", "جہاد", Disguises::REPEAT);
    assert_eq!(text("ممکن"), "ممکن");
    // The span of a collapsed run covers all of it.
    assert_eq!(sources("x Daeeeesh"), ["x", "Daeeeesh"]);
}

// ---- 9. glued words ---------------------------------------------------------

#[test]
fn hashtags_and_camel_case_split() {
    let n = norm("#TehrikITalibanPakistan");
    assert_eq!(
        words("#TehrikITalibanPakistan"),
        ["tehrik", "i", "taliban", "pakistan"]
    );
    assert_eq!(n.text(), "#tehrikitalibanpakistan");
    assert!(n.tokens().iter().all(|t| t.kind == TokenKind::Hashtag));
    assert_eq!(n.tokens()[0].sep, Sep::Start);
    assert!(n.tokens()[1..].iter().all(|t| t.sep == Sep::Glued));
    assert!(n
        .tokens()
        .iter()
        .all(|t| t.disguises.contains(Disguises::GLUED)));
    // An upper-case run before lower case: both readings.
    assert_eq!(words("#BLAzindabad"), ["bl", "a", "zindabad"]);
    assert_eq!(words("PTIPakistan"), ["pti", "p", "akistan"]);
    assert_eq!(words("HTMLParser"), ["html", "p", "arser"]);
    let cases: Vec<Case> = norm("#BLAzindabad")
        .tokens()
        .iter()
        .map(|t| t.case)
        .collect();
    assert_eq!(cases, [Case::Upper, Case::Upper, Case::Lower]);
    // Roman Urdu camelCase, underscores in hashtags.
    assert_eq!(words("LashkarETaiba"), ["lashkar", "e", "taiba"]);
    assert_eq!(words("#ttp_zindabad"), ["tp", "zindabad"]);
    // Arabic-script hashtags split at underscores.
    assert_eq!(words("#تحریک_طالبان"), ["تحریک", "طالبان"]);
    // Short acronyms with a lowercase connector stay whole.
    assert_eq!(words("LeT JeM HuJI"), ["let", "jem", "huji"]);
    // The sigil is in the text, outside the token.
    let h = norm("go #TTP");
    assert_eq!(h.text(), "go #tp");
    assert_eq!(h.token_text(&h.tokens()[1]), "tp");
}

// ---- URLs, breaks -------------------------------------------------------------

#[test]
fn urls_and_emails_stay_whole() {
    let s = "See HTTPS://Example.com/TTP_Video, www.x.org and bit.ly/Abc or Mail@Site.pk.";
    let n = norm(s);
    let urls: Vec<&str> = n
        .tokens()
        .iter()
        .filter(|t| t.kind == TokenKind::Url)
        .map(|t| n.token_text(t))
        .collect();
    assert_eq!(
        urls,
        [
            "https://example.com/ttp_video",
            "www.x.org",
            "bit.ly/abc",
            "mail@site.pk"
        ]
    );
    // A bare domain without a path is words.
    assert_eq!(words("example.com"), ["example", "com"]);
    assert_eq!(text("(http://x.org/a_(b))"), "http://x.org/a_(b)");
}

#[test]
fn sentence_breaks() {
    let n = norm("TTP attack. Police said\nnothing! Why? کیوں؟ نہیں۔ bas; end");
    let seps: Vec<Sep> = n.tokens().iter().map(|t| t.sep).collect();
    use Sep::{Break as B, Space as S, Start};
    assert_eq!(seps, [Start, S, B, S, B, B, B, B, B, B]);
    // Punctuation inside a word is no break.
    assert_eq!(norm("a.m. 3.14").tokens().len(), 2);
    assert_eq!(norm("x 🔥 y").tokens()[1].sep, Sep::Space);
}

// ---- source spans -------------------------------------------------------------

#[test]
fn source_spans_are_exact() {
    let s = "go Ｔ\u{200B}Ｔ.Ｐ now";
    let n = norm(s);
    let t = n
        .tokens()
        .iter()
        .find(|t| n.token_text(t) == "tp")
        .expect("a ttp token");
    assert_eq!(&s[n.source_span(t.range())], "Ｔ\u{200B}Ｔ.Ｐ");
    assert_eq!(
        sources("Long live T4l1b4n!! and #TehrikITaliban 🔥"),
        ["Long", "live", "T4l1b4n", "and", "Tehrik", "I", "Taliban"]
    );
    assert_eq!(sources("  جِهاد\u{200B}  ہے "), ["جِهاد", "ہے"]);
    // A range over several tokens spans from the first to the last.
    let s = "a  ТТР   zindabad!!";
    let n = norm(s);
    let all = 0..n.text().len();
    assert_eq!(&s[n.source_span(all)], "a  ТТР   zindabad");
    // Each character of a linear run maps to itself.
    let s = "help world";
    let n = norm(s);
    assert_eq!(n.source_span(5..8), 5..8);
    assert_eq!(n.source_span(3..3), 3..3);
}

#[test]
fn spans_on_char_boundaries_everywhere() {
    let s = "Ｔ\u{200B}ａ l i b a n ﷽ جِہاد ᴛᴛᴘ #ΤΤΡ x\u{301}\u{302}y";
    let n = norm(s);
    let canon = n.text();
    for a in 0..=canon.len() {
        for b in a..=canon.len() {
            let r = n.source_span(a..b);
            assert!(r.start <= r.end && r.end <= s.len(), "{a}..{b} -> {r:?}");
            assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
        }
    }
}

// ---- options ----------------------------------------------------------------

#[test]
fn options_switch_steps_off() {
    let off = |f: fn(&mut vigil::NormalizerBuilder) -> &mut vigil::NormalizerBuilder, s: &str| {
        f(&mut Normalizer::builder())
            .build()
            .normalize(s)
            .text()
            .to_string()
    };
    assert_eq!(off(|b| b.leetspeak(false), "T4l1b4n"), "t4l1b4n");
    assert_eq!(off(|b| b.confusables(false), "ТТР"), "ттр");
    assert_eq!(off(|b| b.strip_diacritics(false), "Tālibān"), "tālibān");
    assert_eq!(off(|b| b.arabic_variants(false), "لشكر"), "لشكر");
    assert_eq!(off(|b| b.collapse_repeats(false), "Taaliban"), "taaliban");
    assert_eq!(off(|b| b.join_spaced_letters(false), "T T P"), "t t p");
    let n = Normalizer::builder()
        .split_glued_words(false)
        .build()
        .normalize("#TehrikITaliban");
    assert_eq!(n.tokens().len(), 1);
}

// ---- hostile input ------------------------------------------------------------

#[test]
fn ten_megabyte_line_without_spaces() {
    let s = "T4l1b4nزندهباد🔥".repeat(10 << 20 >> 5);
    let n = norm(&s);
    assert!(!n.tokens().is_empty());
    let last = n.tokens().last().expect("tokens");
    assert!(n.source_span(last.range()).end <= s.len());
}

#[test]
fn hundred_thousand_combining_marks() {
    let s = format!("a{}b", "\u{301}".repeat(100_000));
    let n = norm(&s);
    assert_eq!(n.text(), "ab");
    assert_eq!(n.source_span(0..2), 0..s.len());
    let s = format!("ب{} ok", "\u{64E}".repeat(100_000));
    assert_eq!(text(&s), "ب ok");
    // Marks with no base at all.
    assert_eq!(text(&"\u{301}".repeat(100_000)), "");
}

#[test]
fn only_invisible_characters() {
    let s = "\u{200B}\u{200C}\u{200D}\u{2060}\u{FEFF}\u{00AD}\u{202E}\u{2066}\u{FE0F}\u{E0001}";
    let n = norm(s);
    assert_eq!(n.text(), "");
    assert!(n.tokens().is_empty());
    assert_eq!(n.source_span(0..0), 0..0);
}

#[test]
fn every_separator_at_once() {
    let seps: String = (0u32..0x3100)
        .filter_map(char::from_u32)
        .filter(|c| c.is_whitespace() || c.is_ascii_punctuation() || c.is_control())
        .collect();
    let s = format!("a{seps}b{seps}c{seps}");
    let n = norm(&s);
    assert_eq!(n.text(), "abc");
    assert_eq!(text(&seps), "");
}

#[test]
fn lone_control_characters() {
    for c in (0u32..0x20).chain(0x7F..0xA0).filter_map(char::from_u32) {
        let s = format!("TTP{c}zindabad{c}");
        let n = norm(&s);
        assert!(n.text().starts_with("tp"), "{c:?}: {}", n.text());
        assert_eq!(text(&c.to_string()), "");
    }
}

// ---- idempotence --------------------------------------------------------------

fn hostile_char() -> impl Strategy<Value = char> {
    prop::sample::select(vec![
        'a', 'A', 'b', 'T', 't', 'P', 'i', 'I', 'l', 'e', 'E', 'z', '0', '1', '3', '4', '7', '9',
        '2', ' ', ' ', ' ', '\n', '.', ',', '-', '_', '@', '#', '$', '!', '?', '|', '\'', '/', ':',
        'ا', 'ب', 'ی', 'ي', 'ك', 'ک', 'ہ', 'ة', 'آ', '\u{653}', '\u{654}', '\u{64E}', 'ـ', '٣',
        '۔', '؟', 'Т', 'Р', 'а', 'о', 'Τ', 'ᴛ', 'Ｔ', '𝐓', 'ﬁ', 'ﻝ', '\u{200B}', '\u{200D}',
        '\u{202E}', '\u{00AD}', '\u{301}', '\u{304}', '🔥', '\u{FE0F}', 'ß', 'İ', 'ǅ', '﷽',
        '\u{3000}', '\u{A0}', '¨', '\u{FF9E}', 'ㄱ', '가', '\u{1161}', '\u{0}', '\u{85}', '∩',
    ])
}

fn assert_idempotent(s: &str) -> Result<(), TestCaseError> {
    let once = norm(s);
    let twice = norm(once.text());
    prop_assert_eq!(twice.text(), once.text(), "input {:?}", s);
    for t in once.tokens() {
        let r = once.source_span(t.range());
        prop_assert!(r.start <= r.end && r.end <= s.len());
        prop_assert!(s.is_char_boundary(r.start) && s.is_char_boundary(r.end));
    }
    Ok(())
}

proptest! {
    #![proptest_config(seed::proptest_config(1500))]

    #[test]
    fn idempotent_on_hostile_strings(chars in prop::collection::vec(hostile_char(), 0..40)) {
        let s: String = chars.into_iter().collect();
        assert_idempotent(&s)?;
    }

    #[test]
    fn idempotent_on_random_strings(s in any::<String>()) {
        assert_idempotent(&s)?;
    }

    #[test]
    fn idempotent_on_word_salad(ws in prop::collection::vec(prop::sample::select(vec![
        "T", "t", "T4l1b4n", "#TehrikITaliban", "@ttp_x", "https://t.me/a", "a.b@x.com",
        "512", "1/3", "covid19", "Ｔ", "ТТР", "طالبان", "ب", "ببب", "e.g.", "U.S", "x-y", "🔥",
        "BLAzindabad", "4G", "1SIS", "Da'esh", "Taaliban", ",", ".", "!", "\n", "٣٫١٤",
    ]), 0..12), seps in prop::collection::vec(prop::sample::select(vec![" ", "", ".", "-", " . ", "\n"]), 12)) {
        let mut s = String::new();
        for (w, sep) in ws.iter().zip(&seps) {
            s.push_str(w);
            s.push_str(sep);
        }
        assert_idempotent(&s)?;
    }
}

//! Disguise families of Latin-script terms: case, diacritics, compatibility
//! characters, homoglyphs, leetspeak and `#CamelCase` hashtags.

use crate::term::{self, is_letter};
use crate::variants::{Family, Gen};
use unicode_normalization::UnicodeNormalization;

/// UPPER, Title and rAnDoM case. A caps-rule acronym is expected to match
/// only in capitals (or as listed): its other forms are controls.
pub fn case(g: &mut Gen<'_>) {
    let mut rng = g.rng(Family::Case);
    let upper = g.base.to_uppercase();
    let title = title_case(&g.base);
    let lower = g.base.to_lowercase();
    let mut random: String = g
        .chars
        .iter()
        .map(|&c| {
            if rng.coin() {
                c.to_uppercase().collect::<String>()
            } else {
                c.to_lowercase().collect()
            }
        })
        .collect();
    // A random draw that came out all one case is not mixed case.
    if random == upper || random == lower {
        random = g
            .chars
            .iter()
            .enumerate()
            .map(|(i, &c)| {
                if i % 2 == 0 {
                    c.to_uppercase().collect::<String>()
                } else {
                    c.to_lowercase().collect()
                }
            })
            .collect();
    }
    g.push(Family::Case, "upper", upper);
    if g.caps {
        g.push_control(Family::Case, "title", title);
        g.push_control(Family::Case, "lower", lower);
        g.push_control(Family::Case, "random", random);
    } else {
        g.push(Family::Case, "title", title);
        g.push(Family::Case, "random", random);
    }
}

fn title_case(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut at_start = true;
    for c in s.chars() {
        if is_letter(c) {
            if at_start {
                out.extend(c.to_uppercase());
            } else {
                out.extend(c.to_lowercase());
            }
            at_start = false;
        } else {
            out.push(c);
            at_start = !(term::is_mark(c) || c == '\'' || c == '\u{2019}');
        }
    }
    out
}

const MARKS: [char; 10] = [
    '\u{301}', '\u{300}', '\u{308}', '\u{304}', '\u{303}', '\u{302}', '\u{30C}', '\u{327}',
    '\u{323}', '\u{306}',
];

/// Combining marks after some letters, precomposed accented letters (`ā`),
/// and stacks of marks (Zalgo text).
pub fn diacritics(g: &mut Gen<'_>) {
    let mut rng = g.rng(Family::Diacritics);
    let letters = term::letters(&g.chars);
    if letters.is_empty() {
        return;
    }
    let some = |rng: &mut crate::rng::Rng| {
        let k = rng.range(1, letters.len().div_ceil(2));
        rng.choose(&letters, k)
    };

    let picked = some(&mut rng);
    let inserts: Vec<(usize, String)> = picked
        .iter()
        .map(|&i| (i + 1, rng.pick(&MARKS).to_string()))
        .collect();
    g.push(
        Family::Diacritics,
        "combining",
        term::with_inserts(&g.chars, &inserts),
    );

    let composable: Vec<usize> = letters
        .iter()
        .copied()
        .filter(|&i| MARKS.iter().any(|&m| compose(g.chars[i], m).is_some()))
        .collect();
    if !composable.is_empty() {
        let k = rng.range(1, composable.len().div_ceil(2));
        let picked = rng.choose(&composable, k);
        let mut chars = g.chars.clone();
        for i in picked {
            let mut marks = MARKS;
            rng.shuffle(&mut marks);
            if let Some(c) = marks.iter().find_map(|&m| compose(chars[i], m)) {
                chars[i] = c;
            }
        }
        g.push(
            Family::Diacritics,
            "precomposed",
            chars.into_iter().collect(),
        );
    }

    let k = rng.range(1, 2.min(letters.len()));
    let picked = rng.choose(&letters, k);
    let inserts: Vec<(usize, String)> = picked
        .iter()
        .map(|&i| {
            let n = rng.range(2, 4);
            let stack: String = (0..n).map(|_| *rng.pick(&MARKS)).collect();
            (i + 1, stack)
        })
        .collect();
    g.push(
        Family::Diacritics,
        "stacked",
        term::with_inserts(&g.chars, &inserts),
    );
}

/// The precomposed form of `c` + `mark`, if Unicode has one.
fn compose(c: char, mark: char) -> Option<char> {
    let mut it = [c, mark].into_iter().nfc();
    let first = it.next()?;
    (it.next().is_none() && first != c).then_some(first)
}

/// Fullwidth, mathematical bold and circled letters: what NFKC folds back.
pub fn compatibility(g: &mut Gen<'_>) {
    let map = |f: fn(char) -> Option<char>| -> String {
        g.chars.iter().map(|&c| f(c).unwrap_or(c)).collect()
    };
    let fullwidth = map(|c| match c {
        ' ' => Some('\u{3000}'),
        '!'..='~' => char::from_u32(c as u32 + 0xFEE0),
        _ => None,
    });
    let bold = map(|c| match c {
        'A'..='Z' => char::from_u32(0x1D400 + (c as u32 - 'A' as u32)),
        'a'..='z' => char::from_u32(0x1D41A + (c as u32 - 'a' as u32)),
        '0'..='9' => char::from_u32(0x1D7CE + (c as u32 - '0' as u32)),
        _ => None,
    });
    let circled = map(|c| match c {
        'A'..='Z' => char::from_u32(0x24B6 + (c as u32 - 'A' as u32)),
        'a'..='z' => char::from_u32(0x24D0 + (c as u32 - 'a' as u32)),
        '1'..='9' => char::from_u32(0x2460 + (c as u32 - '1' as u32)),
        '0' => Some('\u{24EA}'),
        _ => None,
    });
    g.push(Family::Compatibility, "fullwidth", fullwidth);
    g.push(Family::Compatibility, "math_bold", bold);
    g.push(Family::Compatibility, "circled", circled);
}

/// UTS #39 look-alikes (checked against its confusables data) for the
/// Latin letters that have one.
const CYRILLIC: &[(char, char)] = &[
    ('a', 'а'),
    ('c', 'с'),
    ('d', 'ԁ'),
    ('e', 'е'),
    ('h', 'һ'),
    ('i', 'і'),
    ('j', 'ј'),
    ('o', 'о'),
    ('p', 'р'),
    ('q', 'ԛ'),
    ('s', 'ѕ'),
    ('w', 'ԝ'),
    ('x', 'х'),
    ('y', 'у'),
    ('A', 'А'),
    ('B', 'В'),
    ('C', 'С'),
    ('E', 'Е'),
    ('H', 'Н'),
    ('I', 'І'),
    ('J', 'Ј'),
    ('K', 'К'),
    ('M', 'М'),
    ('O', 'О'),
    ('P', 'Р'),
    ('S', 'Ѕ'),
    ('T', 'Т'),
    ('X', 'Х'),
    ('Y', 'Ү'),
];
const GREEK: &[(char, char)] = &[
    ('a', 'α'),
    ('i', 'ι'),
    ('o', 'ο'),
    ('p', 'ρ'),
    ('u', 'υ'),
    ('v', 'ν'),
    ('y', 'γ'),
    ('A', 'Α'),
    ('B', 'Β'),
    ('E', 'Ε'),
    ('H', 'Η'),
    ('I', 'Ι'),
    ('K', 'Κ'),
    ('M', 'Μ'),
    ('N', 'Ν'),
    ('O', 'Ο'),
    ('P', 'Ρ'),
    ('T', 'Τ'),
    ('X', 'Χ'),
    ('Y', 'Υ'),
    ('Z', 'Ζ'),
];

/// Some letters swapped for Cyrillic, some for Greek, and every letter that
/// has a Cyrillic twin swapped.
pub fn homoglyph(g: &mut Gen<'_>) {
    let mut rng = g.rng(Family::Homoglyph);
    for (kind, table, all) in [
        ("cyrillic", CYRILLIC, false),
        ("greek", GREEK, false),
        ("cyrillic_all", CYRILLIC, true),
    ] {
        let twin = |c: char| table.iter().find(|p| p.0 == c).map(|p| p.1);
        let cands: Vec<usize> = (0..g.chars.len())
            .filter(|&i| twin(g.chars[i]).is_some())
            .collect();
        if cands.is_empty() {
            continue;
        }
        let picked = if all {
            cands
        } else {
            let k = rng.range(1, cands.len().div_ceil(2));
            rng.choose(&cands, k)
        };
        let mut chars = g.chars.clone();
        for i in picked {
            chars[i] = twin(chars[i]).unwrap_or(chars[i]);
        }
        g.push(Family::Homoglyph, kind, chars.into_iter().collect());
    }
}

fn leet_options(c: char) -> &'static [char] {
    match c.to_ascii_lowercase() {
        'a' => &['4', '@'],
        'e' => &['3'],
        'i' => &['1'],
        'o' => &['0'],
        's' => &['5', '$'],
        't' => &['7'],
        _ => &[],
    }
}

/// One letter, then about half the letters, read as digits or symbols;
/// every word keeps at least one letter (a word of digits is a number).
/// `@` and `$` never start a word, where they would make a handle or a price.
pub fn leetspeak(g: &mut Gen<'_>) {
    let mut rng = g.rng(Family::Leetspeak);
    let mut per_word: Vec<(usize, Vec<usize>)> = Vec::new();
    for span in term::word_spans(&g.chars) {
        let letters: Vec<usize> = span.clone().filter(|&i| is_letter(g.chars[i])).collect();
        let budget = (letters.len() / 2)
            .max(1)
            .min(letters.len().saturating_sub(1));
        let cands: Vec<usize> = letters
            .into_iter()
            .filter(|&i| !leet_options(g.chars[i]).is_empty())
            .collect();
        if budget > 0 && !cands.is_empty() {
            per_word.push((budget, cands));
        }
    }
    if per_word.is_empty() {
        return;
    }
    let starts: Vec<bool> = (0..g.chars.len())
        .map(|i| i == 0 || !is_letter(g.chars[i - 1]))
        .collect();

    let (_, cands) = rng.pick(&per_word).clone();
    let at = *rng.pick(&cands);
    let mut chars = g.chars.clone();
    chars[at] = leet_options(chars[at])[0];
    g.push(Family::Leetspeak, "one_letter", chars.into_iter().collect());

    let mut chars = g.chars.clone();
    for (budget, cands) in &per_word {
        let k = rng.range(1, (*budget).min(cands.len()));
        for i in rng.choose(cands, k) {
            let opts: Vec<char> = leet_options(chars[i])
                .iter()
                .copied()
                .filter(|&d| d.is_ascii_digit() || !starts[i])
                .collect();
            chars[i] = *rng.pick(&opts);
        }
    }
    g.push(
        Family::Leetspeak,
        "some_letters",
        chars.into_iter().collect(),
    );
}

/// `#CamelCaseGlued` (acronyms kept in capitals) and `#camelCaseGlued`; a
/// caps-rule acronym is glued as listed.
pub fn hashtag(g: &mut Gen<'_>) {
    let cleaned: String = g
        .base
        .chars()
        .filter(|&c| !matches!(c, '\'' | '\u{2019}' | '\u{2BC}'))
        .collect();
    let words: Vec<&str> = cleaned
        .split(|c: char| !c.is_alphanumeric() && !term::is_mark(c))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() {
        return;
    }
    if g.caps {
        let text = format!("#{}", words.concat());
        g.push_full(Family::Hashtag, "as_listed", text, 1, true);
        return;
    }
    let camel: Vec<String> = words
        .iter()
        .map(|w| {
            let acronym = w.chars().count() >= 2 && !w.chars().any(char::is_lowercase);
            if acronym {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect();
    let upper_camel = format!("#{}", camel.concat());
    g.push_full(Family::Hashtag, "camel", upper_camel, 1, true);
    if words.len() >= 2 {
        let mut first = camel[0].to_lowercase();
        first.push_str(&camel[1..].concat());
        g.push_full(Family::Hashtag, "lower_camel", format!("#{first}"), 1, true);
    }
}

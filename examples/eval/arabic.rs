//! Disguise families of Arabic-script terms: presentation forms, letter
//! variants (yeh, kaf, heh, teh marbuta, alef forms), tatweel, harakat,
//! digits, and `#word_word` hashtags.

use crate::term::{self, is_letter, is_mark};
use crate::variants::{Family, Gen};

const YEH_AR: char = '\u{64A}';
const YEH_FA: char = '\u{6CC}';
const ALEF_MAKSURA: char = '\u{649}';
const KAF_AR: char = '\u{643}';
const KEHEH: char = '\u{6A9}';
const HEH: char = '\u{647}';
const HEH_GOAL: char = '\u{6C1}';
const TEH_MARBUTA: char = '\u{629}';
const ALEF: char = '\u{627}';
const LAM: char = '\u{644}';
const TATWEEL: char = '\u{640}';
const ALEF_FORMS: [char; 4] = ['\u{623}', '\u{625}', '\u{622}', '\u{671}'];
const HARAKAT: [char; 7] = [
    '\u{64E}', '\u{650}', '\u{64F}', '\u{652}', '\u{651}', '\u{64B}', '\u{64D}',
];

/// Letter, first presentation form (isolated), number of forms (isolated,
/// final, initial, medial in that order), from the Unicode data.
const FORMS: &[(char, u32, u32)] = &[
    ('\u{621}', 0xFE80, 1),
    ('\u{622}', 0xFE81, 2),
    ('\u{623}', 0xFE83, 2),
    ('\u{624}', 0xFE85, 2),
    ('\u{625}', 0xFE87, 2),
    ('\u{626}', 0xFE89, 4),
    ('\u{627}', 0xFE8D, 2),
    ('\u{628}', 0xFE8F, 4),
    ('\u{629}', 0xFE93, 2),
    ('\u{62A}', 0xFE95, 4),
    ('\u{62B}', 0xFE99, 4),
    ('\u{62C}', 0xFE9D, 4),
    ('\u{62D}', 0xFEA1, 4),
    ('\u{62E}', 0xFEA5, 4),
    ('\u{62F}', 0xFEA9, 2),
    ('\u{630}', 0xFEAB, 2),
    ('\u{631}', 0xFEAD, 2),
    ('\u{632}', 0xFEAF, 2),
    ('\u{633}', 0xFEB1, 4),
    ('\u{634}', 0xFEB5, 4),
    ('\u{635}', 0xFEB9, 4),
    ('\u{636}', 0xFEBD, 4),
    ('\u{637}', 0xFEC1, 4),
    ('\u{638}', 0xFEC5, 4),
    ('\u{639}', 0xFEC9, 4),
    ('\u{63A}', 0xFECD, 4),
    ('\u{641}', 0xFED1, 4),
    ('\u{642}', 0xFED5, 4),
    ('\u{643}', 0xFED9, 4),
    ('\u{644}', 0xFEDD, 4),
    ('\u{645}', 0xFEE1, 4),
    ('\u{646}', 0xFEE5, 4),
    ('\u{647}', 0xFEE9, 4),
    ('\u{648}', 0xFEED, 2),
    ('\u{64A}', 0xFEF1, 4),
    ('\u{671}', 0xFB50, 2),
    ('\u{679}', 0xFB66, 4),
    ('\u{67E}', 0xFB56, 4),
    ('\u{686}', 0xFB7A, 4),
    ('\u{688}', 0xFB88, 2),
    ('\u{691}', 0xFB8C, 2),
    ('\u{698}', 0xFB8A, 2),
    ('\u{6A4}', 0xFB6A, 4),
    ('\u{6A9}', 0xFB8E, 4),
    ('\u{6AD}', 0xFBD3, 4),
    ('\u{6AF}', 0xFB92, 4),
    ('\u{6BA}', 0xFB9E, 2),
    ('\u{6BE}', 0xFBAA, 4),
    ('\u{6C0}', 0xFBA4, 2),
    ('\u{6C1}', 0xFBA6, 4),
    ('\u{6CC}', 0xFBFC, 4),
    ('\u{6D0}', 0xFBE4, 4),
    ('\u{6D2}', 0xFBAE, 2),
    ('\u{6D3}', 0xFBB0, 2),
];

/// Lam-alef ligatures: the alef, then the isolated form (the final form
/// follows it).
const LAM_ALEF: &[(char, u32)] = &[
    ('\u{622}', 0xFEF5),
    ('\u{623}', 0xFEF7),
    ('\u{625}', 0xFEF9),
    ('\u{627}', 0xFEFB),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Joining {
    None,
    Right,
    Dual,
    Transparent,
}

fn joining(c: char) -> Joining {
    const RIGHT: &str = "اآأإٱٲٳٵدذرزژڈڑوؤةۀےۓډړږۇۆۈۋۅۉۃڌڍڎۏۍٶٷ";
    if is_mark(c) {
        Joining::Transparent
    } else if c == '\u{621}' || !term::is_arabic(c) {
        Joining::None
    } else if RIGHT.contains(c) {
        Joining::Right
    } else if is_letter(c) || c == TATWEEL {
        Joining::Dual
    } else {
        Joining::None
    }
}

/// The term as a PDF or an old keyboard writes it: Arabic Presentation
/// Forms, contextually shaped (with lam-alef ligatures) or all isolated.
pub fn presentation_forms(g: &mut Gen<'_>) {
    g.push(
        Family::Compatibility,
        "contextual_forms",
        shape(&g.chars, true),
    );
    g.push(
        Family::Compatibility,
        "isolated_forms",
        shape(&g.chars, false),
    );
}

fn shape(chars: &[char], contextual: bool) -> String {
    let neighbour = |from: usize, step: isize| -> Option<char> {
        let mut i = from as isize + step;
        while i >= 0 && (i as usize) < chars.len() {
            let c = chars[i as usize];
            if joining(c) != Joining::Transparent {
                return Some(c);
            }
            i += step;
        }
        None
    };
    let mut out = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let joins_prev = contextual
            && joining(c) != Joining::None
            && neighbour(i, -1).is_some_and(|p| joining(p) == Joining::Dual);
        if c == LAM {
            if let Some(&(_, iso)) = chars
                .get(i + 1)
                .and_then(|a| LAM_ALEF.iter().find(|l| l.0 == *a))
            {
                out.extend(char::from_u32(iso + u32::from(joins_prev)));
                i += 2;
                continue;
            }
        }
        let joins_next = contextual
            && joining(c) == Joining::Dual
            && neighbour(i, 1)
                .is_some_and(|n| matches!(joining(n), Joining::Dual | Joining::Right));
        let form = match (joins_prev, joins_next) {
            (false, false) => 0,
            (true, false) => 1,
            (false, true) => 2,
            (true, true) => 3,
        };
        let shaped = FORMS
            .iter()
            .find(|f| f.0 == c)
            .filter(|f| form < f.2)
            .and_then(|f| char::from_u32(f.1 + form));
        out.push(shaped.unwrap_or(c));
        i += 1;
    }
    out
}

/// `#word_word`, the way Arabic-script hashtags join words.
pub fn hashtag(g: &mut Gen<'_>) {
    let words = term::words(&g.base);
    if words.is_empty() {
        return;
    }
    let text = format!("#{}", words.join("_"));
    g.push_full(Family::Hashtag, "underscore", text, 1, true);
}

/// The spellings Arabic, Urdu, Persian and Pashto keyboards and habits
/// produce for the same word (the L1 folds of the reference table).
pub fn letter_variants(g: &mut Gen<'_>) {
    let mut rng = g.rng(Family::ArabicVariant);
    let chars = g.chars.clone();
    let spans = term::word_spans(&chars);
    let word_final = |i: usize| spans.iter().any(|s| s.end == i + 1);
    let swap = |from: &[(char, char)]| -> String {
        chars
            .iter()
            .map(|&c| from.iter().find(|p| p.0 == c).map_or(c, |p| p.1))
            .collect()
    };
    g.push(
        Family::ArabicVariant,
        "yeh",
        swap(&[(YEH_AR, YEH_FA), (YEH_FA, YEH_AR), (ALEF_MAKSURA, YEH_FA)]),
    );
    let maksura: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if (c == YEH_AR || c == YEH_FA) && word_final(i) {
                ALEF_MAKSURA
            } else {
                c
            }
        })
        .collect();
    g.push(Family::ArabicVariant, "alef_maksura", maksura);
    g.push(
        Family::ArabicVariant,
        "kaf",
        swap(&[(KAF_AR, KEHEH), (KEHEH, KAF_AR)]),
    );
    g.push(
        Family::ArabicVariant,
        "heh",
        swap(&[(HEH, HEH_GOAL), (HEH_GOAL, HEH)]),
    );
    let marbuta: String = chars
        .iter()
        .enumerate()
        .map(|(i, &c)| match c {
            TEH_MARBUTA if word_final(i) => HEH,
            HEH | HEH_GOAL if word_final(i) => TEH_MARBUTA,
            _ => c,
        })
        .collect();
    g.push(Family::ArabicVariant, "teh_marbuta", marbuta);

    let alefs: Vec<usize> = (0..chars.len()).filter(|&i| chars[i] == ALEF).collect();
    if !alefs.is_empty() {
        let k = rng.range(1, alefs.len().min(2));
        let mut v = chars.clone();
        for i in rng.choose(&alefs, k) {
            v[i] = *rng.pick(&ALEF_FORMS);
        }
        g.push(Family::ArabicVariant, "alef_hamza", v.into_iter().collect());
    }
    g.push(
        Family::ArabicVariant,
        "alef_bare",
        chars
            .iter()
            .map(|&c| if ALEF_FORMS.contains(&c) { ALEF } else { c })
            .collect(),
    );

    // Tatweel stretches a joint: after a letter that joins forward, before
    // another letter of the same word.
    let joints: Vec<usize> = term::interior_gaps(&chars)
        .into_iter()
        .filter(|&i| joining(chars[i - 1]) == Joining::Dual)
        .collect();
    if !joints.is_empty() {
        let k = rng.range(1, joints.len().min(2));
        let inserts: Vec<(usize, String)> = rng
            .choose(&joints, k)
            .into_iter()
            .map(|i| (i, TATWEEL.to_string().repeat(rng.range(1, 3))))
            .collect();
        g.push(
            Family::ArabicVariant,
            "tatweel",
            term::with_inserts(&chars, &inserts),
        );
    }

    let letters = term::letters(&chars);
    if !letters.is_empty() {
        let k = rng.range(1, letters.len().div_ceil(2));
        let inserts: Vec<(usize, String)> = rng
            .choose(&letters, k)
            .into_iter()
            .map(|i| (i + 1, rng.pick(&HARAKAT).to_string()))
            .collect();
        g.push(
            Family::ArabicVariant,
            "harakat",
            term::with_inserts(&chars, &inserts),
        );
    }

    if chars.iter().any(|&c| digit_value(c).is_some()) {
        for (kind, zero) in [("digits_arabic_indic", 0x660), ("digits_persian", 0x6F0)] {
            let v: String = chars
                .iter()
                .map(|&c| {
                    digit_value(c)
                        .and_then(|d| char::from_u32(zero + d))
                        .unwrap_or(c)
                })
                .collect();
            g.push(Family::ArabicVariant, kind, v);
        }
    }
}

/// The value of an ASCII, Arabic-Indic or Persian digit.
fn digit_value(c: char) -> Option<u32> {
    let c = c as u32;
    [0x30, 0x660, 0x6F0]
        .into_iter()
        .find(|&zero| (zero..zero + 10).contains(&c))
        .map(|zero| c - zero)
}

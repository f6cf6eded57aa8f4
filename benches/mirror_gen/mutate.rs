//! What evaders do to a handle, a name or a text.

use super::Rng;

const CYRILLIC: &[(char, char)] = &[
    ('a', 'а'),
    ('e', 'е'),
    ('o', 'о'),
    ('p', 'р'),
    ('c', 'с'),
    ('x', 'х'),
];

pub fn swap_lookalike(r: &mut Rng, s: &str) -> String {
    let swaps: &[(&str, &str)] = &[
        ("m", "rn"),
        ("w", "vv"),
        ("l", "1"),
        ("i", "l"),
        ("o", "0"),
        ("l", "I"),
    ];
    let start = r.below(swaps.len());
    for k in 0..swaps.len() {
        let (from, to) = swaps[(start + k) % swaps.len()];
        if let Some(at) = s.find(from) {
            return format!("{}{to}{}", &s[..at], &s[at + from.len()..]);
        }
    }
    format!("{s}_")
}

pub fn leet(r: &mut Rng, s: &str) -> String {
    let map = [('a', '4'), ('e', '3'), ('o', '0'), ('i', '1'), ('s', '5')];
    let chars: Vec<char> = s.chars().collect();
    // Only letters between letters, as people write leetspeak in names.
    let spots: Vec<usize> = (1..chars.len().saturating_sub(1))
        .filter(|&i| {
            map.iter().any(|(c, _)| *c == chars[i])
                && chars[i - 1].is_alphabetic()
                && chars[i + 1].is_alphabetic()
        })
        .collect();
    if spots.is_empty() {
        return swap_lookalike(r, s);
    }
    let at = spots[r.below(spots.len())];
    chars
        .iter()
        .enumerate()
        .map(|(i, &c)| {
            if i == at {
                map.iter().find(|(f, _)| *f == c).map_or(c, |m| m.1)
            } else {
                c
            }
        })
        .collect()
}

pub fn cyrillic(r: &mut Rng, s: &str) -> String {
    let spots: Vec<usize> = s
        .char_indices()
        .filter(|(_, c)| CYRILLIC.iter().any(|(l, _)| l == c))
        .map(|(i, _)| i)
        .collect();
    if spots.is_empty() {
        return swap_lookalike(r, s);
    }
    let at = spots[r.below(spots.len())];
    s.char_indices()
        .map(|(i, c)| {
            if i == at {
                CYRILLIC.iter().find(|(l, _)| *l == c).map_or(c, |x| x.1)
            } else {
                c
            }
        })
        .collect()
}

pub fn typo(r: &mut Rng, s: &str) -> String {
    let mut chars: Vec<char> = s.chars().collect();
    if chars.len() < 3 {
        chars.push('x');
        return chars.into_iter().collect();
    }
    let at = 1 + r.below(chars.len() - 2);
    match r.below(3) {
        0 => {
            let c = chars[at];
            chars.insert(at, c);
        }
        1 => {
            chars.remove(at);
        }
        _ => chars.swap(at, at - 1),
    }
    chars.into_iter().collect()
}

/// Light edits: a word dropped, added or replaced, sentences reordered.
pub fn edit_text(r: &mut Rng, s: &str) -> String {
    let mut words: Vec<String> = s.split_whitespace().map(str::to_string).collect();
    if words.len() < 4 {
        return format!("{s} 🔥");
    }
    for _ in 0..1 + r.below(2) {
        let at = r.below(words.len());
        match r.below(4) {
            0 => {
                words.remove(at);
            }
            1 => words.insert(at, "new".into()),
            2 => words[at] = words[at].to_uppercase(),
            _ => {
                let half = words.len() / 2;
                words.rotate_left(half);
            }
        }
    }
    words.join(" ")
}

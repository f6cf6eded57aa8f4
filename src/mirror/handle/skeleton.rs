//! Steps 1 to 3 of a handle's folding (see the parent module): the
//! skeleton, and where word boundaries were in it.

use super::{trim, MAX_CHARS, MAX_INPUT};
use crate::normalize::{Normalized, Normalizer};
use std::cell::RefCell;

/// Steps 1 to 3 of the module docs: the skeleton without affixes split off.
pub(crate) fn skeleton(normalizer: &Normalizer, raw: &str) -> String {
    fold_handle(normalizer, raw).0
}

pub(super) fn fold_handle(normalizer: &Normalizer, raw: &str) -> (String, Vec<usize>) {
    let raw = trim(raw);
    // `vv` is read as `w` before the normalizer collapses the pair.
    let mut pre = String::with_capacity(raw.len());
    let mut chars = raw.chars().peekable();
    while let Some(c) = chars.next() {
        if matches!(c, 'v' | 'V') && chars.next_if(|n| matches!(n, 'v' | 'V')).is_some() {
            pre.push('w');
        } else {
            pre.push(c);
        }
    }
    NORM.with(|cell| {
        let mut fresh = Normalized::default();
        let mut held = cell.try_borrow_mut();
        let norm = held.as_deref_mut().unwrap_or(&mut fresh);
        normalizer.normalize_into(&pre, norm);
        let starts: Vec<usize> = norm.tokens().iter().map(|t| t.start as usize).collect();
        fold(norm.text(), &starts)
    })
}

thread_local! {
    /// Reused so folding a handle allocates only what it returns.
    static NORM: RefCell<Normalized> = RefCell::new(Normalized::default());
}

/// The skeleton of text already normalized (a folded display name), to
/// compare with handle cores.
pub(crate) fn skeleton_of_normalized(text: &str) -> String {
    fold(text, &[]).0
}

/// Steps 2 and 3 of the module docs on normalized text whose tokens
/// start at `token_starts`. Returns the skeleton and the byte offsets in it
/// where a word boundary was (a separator, a token start, a letter/digit
/// change), which decide where affixes may be split off.
fn fold(text: &str, token_starts: &[usize]) -> (String, Vec<usize>) {
    // Letters, digits and the symbols leetspeak uses, each with whether a
    // word boundary comes before it.
    let mut chars: Vec<(char, bool)> = Vec::with_capacity(text.len().min(MAX_INPUT));
    let mut boundary = false;
    let mut tok = token_starts.iter().peekable();
    for (at, c) in text.char_indices() {
        while tok.next_if(|&&t| t < at).is_some() {}
        if tok.next_if(|&&t| t == at).is_some() {
            boundary = true;
        }
        if c.is_alphanumeric() || matches!(c, '@' | '$' | '|' | '!') {
            for l in c.to_lowercase() {
                chars.push((l, boundary));
                boundary = false;
            }
        } else {
            boundary = true;
        }
    }
    // Runs of at most two digits/symbols between letters are letters.
    let is_letter = |c: char| c.is_alphabetic();
    let mut i = 0;
    while i < chars.len() {
        if is_letter(chars[i].0) {
            i += 1;
            continue;
        }
        let start = i;
        while i < chars.len() && !is_letter(chars[i].0) {
            i += 1;
        }
        let inside = start > 0 && i < chars.len() && i - start <= 2;
        for c in &mut chars[start..i] {
            if let Some(l) = leet(c.0).filter(|_| inside) {
                c.0 = l;
            }
        }
    }
    let mut out = String::with_capacity(chars.len());
    let mut bounds = Vec::new();
    let mut count = 0;
    let mut last: Option<char> = None;
    let mut pending = false;
    let mut i = 0;
    while i < chars.len() && count < MAX_CHARS {
        let (c, b) = chars[i];
        pending |= b;
        let next = chars.get(i + 1).map(|n| n.0);
        let folded = match (c, next) {
            ('r', Some('n')) | ('v', Some('v')) => {
                i += 1;
                if c == 'r' {
                    'm'
                } else {
                    'w'
                }
            }
            ('i', _) => 'l',
            _ if c.is_alphanumeric() => c,
            _ => {
                i += 1;
                continue;
            }
        };
        i += 1;
        if last == Some(folded) {
            continue;
        }
        let kind_change = last.is_some_and(|l| l.is_ascii_digit() != folded.is_ascii_digit());
        if !out.is_empty() && (pending || kind_change) {
            bounds.push(out.len());
        }
        pending = false;
        out.push(folded);
        count += 1;
        last = Some(folded);
    }
    (out, bounds)
}

fn leet(c: char) -> Option<char> {
    Some(match c {
        '0' => 'o',
        '1' | '|' | '!' => 'l',
        '3' => 'e',
        '4' | '@' => 'a',
        '5' | '$' => 's',
        '7' => 't',
        '8' => 'b',
        '9' => 'g',
        _ => return None,
    })
}

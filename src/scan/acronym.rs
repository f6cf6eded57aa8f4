//! The acronym rule: a term with [`Rule::Caps`](crate::Rule::Caps) counts
//! when written in capitals (or as the lexicon spells it), when disguised
//! on purpose, or when a confirmed term of its group is near.

use super::{Found, CONTEXT_WINDOW};
use crate::lexicon::{Category, Lexicon};
use crate::normalize::{Case, Disguises, Normalized, Token, TokenKind};
use unicode_normalization::UnicodeNormalization;

/// Disguises that show a term was hidden on purpose; they satisfy the
/// acronym rule on their own.
const DELIBERATE: u16 = Disguises::SPACING.bits()
    | Disguises::REPEAT.bits()
    | Disguises::HOMOGLYPH.bits()
    | Disguises::LEETSPEAK.bits()
    | Disguises::INVISIBLE.bits()
    | Disguises::COMPATIBILITY.bits();

/// A confirmed match that can vouch for a nearby lowercase acronym.
#[derive(Debug, Clone, Copy)]
pub(super) struct Anchor {
    first: usize,
    last: usize,
    group: Option<u16>,
    /// A slogan or in-group term: vouches for any acronym.
    any: bool,
}

/// Most words in capitals: capitals say nothing about acronyms then.
pub(super) fn is_shouting(toks: &[Token]) -> bool {
    let (mut upper, mut cased) = (0usize, 0usize);
    for t in toks {
        if t.kind == TokenKind::Url || t.end - t.start < 2 {
            continue;
        }
        match t.case {
            Case::Upper => {
                upper += 1;
                cased += 1
            }
            Case::Lower | Case::Title | Case::Mixed => cased += 1,
            Case::Uncased => {}
        }
    }
    cased >= 4 && upper * 5 >= cased * 3
}

pub(super) fn caps_rule_holds(
    lexicon: &Lexicon,
    id: u32,
    input: &str,
    norm: &Normalized,
    toks: &[Token],
    shouting: bool,
) -> bool {
    let disguises = toks.iter().fold(Disguises::NONE, |d, t| d | t.disguises);
    if disguises.bits() & DELIBERATE != 0 {
        return true;
    }
    if shouting {
        return false;
    }
    let (Some(first), Some(last)) = (toks.first(), toks.last()) else {
        return false;
    };
    // No capital at all (`bla bla`, `let it be`): the commonest case by
    // far, and the spelling below has one.
    if toks
        .iter()
        .all(|t| matches!(t.case, Case::Lower | Case::Uncased))
    {
        return false;
    }
    // Capitals are the common case and cheap to see (a token has one, as
    // the check above leaves); the comparison with the term's own spelling
    // below decodes the entry and the source span.
    if toks
        .iter()
        .all(|t| matches!(t.case, Case::Upper | Case::Uncased))
    {
        return true;
    }
    // Written as the lexicon spells it (`LeT`, `JeM`, `Islamic State`):
    // deliberate mixed case is as telling as capitals. Accents and
    // repeated letters on top (`LëT`, `JeeeM`) do not hide it. A spelling
    // without capitals is no sign (and lowercase text returned above).
    let span = norm.source_span(first.start as usize..last.end as usize);
    let written = input.get(span).unwrap_or("");
    if lexicon.term_bytes(id) == Some(written.as_bytes()) {
        // Exactly as listed, the commonest way: one comparison of bytes,
        // nothing decoded.
        return written.chars().any(char::is_uppercase);
    }
    let Some(term) = lexicon.term(id) else {
        return false;
    };
    if !term.chars().any(char::is_uppercase) {
        return false;
    }
    if written.is_ascii() && term.is_ascii() {
        // NFD changes no ASCII text: skip the decomposition, the costly
        // part when a text repeats such a term thousands of times.
        return ascii_shape(written).eq(ascii_shape(term));
    }
    case_shape(written).eq(case_shape(term))
}

/// [`case_shape`] for ASCII text.
fn ascii_shape(s: &str) -> impl Iterator<Item = u8> + '_ {
    let mut prev = None;
    s.bytes().filter(u8::is_ascii_alphabetic).filter(move |&c| {
        let keep = prev != Some(c);
        prev = Some(c);
        keep
    })
}

/// The letters of `s` without marks, runs of one letter collapsed: what
/// "written as listed" compares.
fn case_shape(s: &str) -> impl Iterator<Item = char> + '_ {
    let mut prev = None;
    s.nfd().filter(|c| c.is_alphabetic()).filter(move |&c| {
        let keep = prev != Some(c);
        prev = Some(c);
        keep
    })
}

/// Keeps a provisional (lowercase acronym) match only if a confirmed term of
/// the same group, or any slogan or in-group term, is near it.
pub(super) fn resolve_context(
    lexicon: &Lexicon,
    found: &mut Vec<Found>,
    anchors: &mut Vec<Anchor>,
) {
    if !found.iter().any(|f| f.provisional) {
        return;
    }
    anchors.clear();
    anchors.extend(found.iter().filter(|f| !f.provisional).filter_map(|f| {
        let m = lexicon.meta(f.entry)?;
        Some(Anchor {
            first: f.first,
            last: f.last,
            group: m.group(),
            any: matches!(m.category, Category::Slogan | Category::Ingroup),
        })
    }));
    // Anchors are in token order and do not overlap, so the ones near a
    // provisional match form a run found by binary search: linear overall
    // even when a text is nothing but acronyms.
    found.retain(|f| {
        if !f.provisional {
            return true;
        }
        let group = lexicon.meta(f.entry).and_then(|m| m.group());
        let from = anchors.partition_point(|a| a.last + CONTEXT_WINDOW < f.first);
        anchors[from..]
            .iter()
            .take_while(|a| a.first <= f.last + CONTEXT_WINDOW)
            .any(|a| a.any || (a.group.is_some() && a.group == group))
    });
}

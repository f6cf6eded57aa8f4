//! Step three: reads one word run (`T4l1b4n`, `ТТРzindabad`, the body of
//! `#TehrikITaliban`) and writes its tokens: confusables folded to Latin in
//! Latin-looking words, leetspeak read as letters where digits sit inside
//! letters, and the word cut at camel-case, letter/digit and script
//! boundaries.

use super::emit::{stays_normal, Emitter, Single};
use super::fold::{flag, FChar};
use super::tables::{leet, Class, ARABIC, LATIN};
use super::token::{Disguises, Sep, TokenKind};
use super::Config;

mod digits;

pub(crate) use digits::number_word;

/// Scratch reused across words.
#[derive(Clone, Debug, Default)]
pub(crate) struct Spans {
    spans: Vec<Span>,
    groups: Vec<digits::Group>,
}

#[derive(Clone, Copy, Debug)]
struct Span {
    start: usize,
    end: usize,
    sep: Sep,
    /// A camel-case boundary comes right before this span.
    camel: bool,
}

/// Analyses `run` and writes its tokens. `sigil` is the `#` or `@` in
/// front of a hashtag or handle.
pub(crate) fn emit(
    run: &mut [FChar],
    kind: TokenKind,
    sigil: Option<&FChar>,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut Spans,
) {
    if let [f] = run {
        if kind == TokenKind::Word && f.is_letter() {
            // One letter (`T` of `T.T.P`): all the analysis can do to it is
            // fold a look-alike.
            if cfg.confusables && f.conf != 0 && !f.c.is_ascii() && f.script() != ARABIC {
                f.c = f.conf as char;
                f.set_script(LATIN);
                f.flags |= flag::HOMOGLYPH;
            }
            em.single(Single::new(run, run[0].c, run[0].script()));
            return;
        }
    }
    if run.is_empty() {
        return;
    }
    analyse(run, cfg, &mut sc.groups);
    // Symbols that turned out not to be letters cut the run into pieces,
    // each written as if they had been apart all along (what the canonical
    // text will read as). After the first, they are plain words.
    let mut a = 0;
    let (mut kind, mut sigil) = (kind, sigil);
    while a <= run.len() {
        let b = run[a..]
            .iter()
            .position(|f| f.has(flag::GAP))
            .map_or(run.len(), |p| a + p);
        if b > a {
            emit_part(&mut run[a..b], kind, sigil, em, cfg, sc);
            (kind, sigil) = (TokenKind::Word, None);
        }
        if let Some(g) = run.get(b) {
            em.punct(g);
        }
        a = b + 1;
    }
}

/// Writes the tokens of a run with no `GAP` in it.
fn emit_part(
    run: &mut [FChar],
    kind: TokenKind,
    sigil: Option<&FChar>,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut Spans,
) {
    if cfg.split_glued_words {
        camel(run, kind);
    }
    spans(run, &mut sc.spans);
    if cfg.collapse_repeats {
        merge_repeats(run, &mut sc.spans);
    }
    let spans = &sc.spans;
    if kind == TokenKind::Word && spans.len() == 1 {
        if let Some(single) = single(&run[spans[0].start..spans[0].end], cfg) {
            em.single(single);
            return;
        }
    }
    for (idx, sp) in spans.iter().enumerate() {
        let first = &run[sp.start];
        let tk = if kind == TokenKind::Word && first.is_digit() {
            TokenKind::Number
        } else {
            kind
        };
        if idx == 0 {
            em.begin_piece(tk, first, sigil);
        } else {
            em.begin_inner(tk, sp.sep, first);
        }
        if sp.camel || spans.get(idx + 1).is_some_and(|n| n.camel) {
            em.flag(Disguises::GLUED);
        }
        let inner = idx > 0 && sp.sep == Sep::Glued;
        for (i, f) in run[sp.start..sp.end].iter().enumerate() {
            if f.has(flag::SKIP | flag::JOINT) {
                if i > 0 && f.has(flag::INVIS_BEFORE) {
                    em.flag(Disguises::INVISIBLE);
                }
                continue;
            }
            let first = i == 0 && !inner;
            if f.is_letter() {
                em.case(f.flags);
                em.push(f, first);
            } else {
                em.push_raw(f, first);
            }
        }
    }
    em.close();
}

/// Folds confusables and leetspeak in a run. Decisions are taken on the
/// whole run (across the `_` of a hashtag) because the canonical text
/// glues its pieces back together and must read the same way again.
fn analyse(w: &mut [FChar], cfg: &Config, groups: &mut Vec<digits::Group>) {
    let symbol =
        |f: &FChar| f.class == Class::Punct && !f.has(flag::SKIP | flag::NUMPUNCT | flag::JOINT);
    // One pass says which of the steps below have anything to do: most
    // runs are letters only, often ASCII ones.
    let (mut any, mut latin, mut all_conf) = (false, false, true);
    let (mut foldable, mut marks, mut digits, mut symbols) = (false, false, false, false);
    for f in w.iter() {
        match f.class {
            Class::Letter if f.script() != ARABIC => {
                any = true;
                if f.script() == LATIN {
                    latin = true;
                } else if f.conf == 0 {
                    all_conf = false;
                }
                foldable |= f.conf != 0 && !f.c.is_ascii();
            }
            Class::Mark => marks = true,
            Class::Digit => digits = true,
            Class::Punct => symbols |= symbol(f),
            _ => {}
        }
    }
    // Latin-looking: a Latin letter, or every letter a Latin look-alike.
    let latin = any && (latin || (cfg.confusables && all_conf));
    if cfg.leetspeak && !latin && symbols {
        // Not letters here: the symbols separate words, read one by one.
        for f in w.iter_mut().filter(|f| symbol(f)) {
            f.flags |= flag::GAP;
        }
        let mut a = 0;
        while a < w.len() {
            let b = w[a..]
                .iter()
                .position(|f| f.has(flag::GAP))
                .map_or(w.len(), |p| a + p);
            analyse(&mut w[a..b], cfg, groups);
            a = b + 1;
        }
        return;
    }
    if !latin {
        return;
    }
    if cfg.confusables && foldable {
        let mut folded = None;
        for k in 0..w.len() {
            let f = &mut w[k];
            if f.is_letter() && f.conf != 0 && !f.c.is_ascii() && f.script() != ARABIC {
                f.c = f.conf as char;
                f.set_script(LATIN);
                f.flags |= flag::HOMOGLYPH;
                folded = Some(k);
            } else if f.class == Class::Mark && cfg.strip_diacritics {
                // A mark kept on a letter that is now Latin is a diacritic
                // (`סּ` -> `o`), as it would be on a Latin letter.
                if let Some(base) = folded {
                    f.flags |= flag::SKIP;
                    w[base].flags |= flag::DIACRITIC;
                }
            } else if !f.has(flag::SKIP) {
                folded = None;
            }
        }
    }
    if marks {
        skip_unwritten_marks(w);
    }
    if cfg.leetspeak {
        if symbols {
            for f in w.iter_mut().filter(|f| symbol(f)) {
                let l = leet(f.c).unwrap_or(f.c);
                to_letter(f, l);
            }
        }
        if digits {
            digits::leet_digits(w, groups, cfg.collapse_repeats);
        }
    }
}

/// Marks with `SKIP` the combining marks the emitter will drop because
/// NFC would combine them with the letter now before them (`a`, U+0000,
/// U+030A: the invisible character kept them apart in the original). The
/// leetspeak rules and `merge_repeats` must see the word as the canonical
/// text will show it, or the second pass reads it differently (`a0` ->
/// `ao`; `oe`, U+200B, U+0301, `Em` -> `oeem` -> `oem`).
fn skip_unwritten_marks(w: &mut [FChar]) {
    let mut before = String::new();
    for k in 0..w.len() {
        let f = w[k];
        if f.class != Class::Mark || !f.has(flag::NONSTARTER) || f.has(flag::SKIP | flag::JOINT) {
            continue;
        }
        // What the emitter will have written before it, back to a starter
        // (at most 32 characters, as `stays_normal` looks).
        before.clear();
        let mut back = 0;
        let mut j = k;
        while j > 0 && back < 32 {
            j -= 1;
            let p = &w[j];
            if p.has(flag::SKIP | flag::JOINT) {
                continue;
            }
            back += 1;
            if !p.has(flag::NONSTARTER) {
                break;
            }
        }
        for p in w[j..k].iter().filter(|p| !p.has(flag::SKIP | flag::JOINT)) {
            before.push(p.c);
        }
        if !stays_normal(&before, f.c) {
            w[k].flags |= flag::SKIP;
        }
    }
}

#[inline]
pub(crate) fn to_letter(f: &mut FChar, l: char) {
    f.c = l;
    f.class = Class::Letter;
    f.set_script(LATIN);
    f.flags |= flag::LEET;
}

/// Marks camel-case boundaries with `SPLIT`: lower -> Upper
/// (`Tehrik|Taliban`), and for a run of capitals followed by lowercase both
/// readings, before the last capital and after it (`BL|A|zindabad`,
/// `PTI|P|akistan`) when the run has three or more; the matcher glues
/// tokens back. Plain words under five letters are left whole, so `LeT`
/// and `JeM` stay acronyms.
fn camel(w: &mut [FChar], kind: TokenKind) {
    // A split needs a capital after a lowercase letter, or two capitals:
    // most runs (`T4l1b4n`, `D@e$h`) have neither, found in one light pass.
    let mut lower = false;
    let mut upper = false;
    let may_split = w.iter().any(|f| {
        if f.is_letter() {
            if f.has(flag::UPPER) {
                if lower || upper {
                    return true;
                }
                upper = true;
            } else if f.has(flag::LOWER) {
                lower = true;
            }
        }
        false
    });
    if !may_split {
        return;
    }
    let mut a = 0;
    while a < w.len() {
        if !w[a].is_letter() {
            a += 1;
            continue;
        }
        let arabic = w[a].script() == ARABIC;
        let mut b = a;
        let mut letters = 0;
        while b < w.len()
            && (w[b].has(flag::SKIP)
                || w[b].class == Class::Mark
                || (w[b].is_letter() && (w[b].script() == ARABIC) == arabic))
        {
            letters += w[b].is_letter() as usize;
            b += 1;
        }
        if kind != TokenKind::Word || letters >= 5 {
            camel_segment(&mut w[a..b]);
        }
        a = b.max(a + 1);
    }
}

fn camel_segment(w: &mut [FChar]) {
    let mut prev_lower = false;
    let mut run = 0;
    let mut last_upper = 0;
    for k in 0..w.len() {
        let f = w[k];
        if !f.is_letter() {
            continue;
        }
        if f.has(flag::UPPER) {
            if prev_lower && k > 0 {
                w[k].flags |= flag::SPLIT;
            }
            run += 1;
            last_upper = k;
            prev_lower = false;
        } else if f.has(flag::LOWER) {
            if run >= 2 {
                w[last_upper].flags |= flag::SPLIT;
                if run >= 3 {
                    w[k].flags |= flag::SPLIT;
                }
            }
            run = 0;
            prev_lower = true;
        }
    }
}

/// Cuts a run into token spans at `JOINT` and `GAP` characters, at
/// letter/digit and Arabic/non-Arabic boundaries, and at `SPLIT`.
fn spans(run: &[FChar], out: &mut Vec<Span>) {
    out.clear();
    // The type of a span: a non-Arabic word, an Arabic one, a number.
    const LETTERS: u8 = 0;
    const NUMBER: u8 = 2;
    const NONE: u8 = u8::MAX;
    let letters = |f: &FChar| LETTERS + u8::from(f.script() == ARABIC);
    // The span being read: its start and type (`NONE`: no span open).
    let (mut start, mut ct) = (0, NONE);
    let mut sep = Sep::Space;
    let mut camel = false;
    for (k, f) in run.iter().enumerate() {
        if f.flags & (flag::JOINT | flag::GAP | flag::SKIP) != 0 {
            if f.has(flag::SKIP) && !f.has(flag::JOINT | flag::GAP) {
                continue;
            }
            if ct != NONE {
                out.push(Span {
                    start,
                    end: k,
                    sep,
                    camel,
                });
                ct = NONE;
            }
            sep = if f.has(flag::JOINT) {
                Sep::Glued
            } else {
                Sep::Space
            };
            camel = false;
            continue;
        }
        let t = match f.class {
            Class::Digit => NUMBER,
            Class::Punct if f.has(flag::NUMPUNCT) => NUMBER,
            Class::Mark if ct != NONE => ct,
            _ => letters(f),
        };
        if ct != NONE {
            let split = f.has(flag::SPLIT) && f.is_letter();
            if t != ct || split {
                out.push(Span {
                    start,
                    end: k,
                    sep,
                    camel,
                });
                sep = Sep::Glued;
                camel = split && t == ct;
                ct = NONE;
            }
        }
        if ct == NONE {
            (start, ct) = (k, t);
        }
    }
    if ct != NONE {
        out.push(Span {
            start,
            end: run.len(),
            sep,
            camel,
        });
    }
}

/// Rejoins glued spans that meet on the same letter (`T|Taliban`,
/// `#a_a`): glued tokens read as one word in the canonical text, where the
/// repeat collapses, so they must collapse here too.
fn merge_repeats(run: &[FChar], spans: &mut Vec<Span>) {
    let mut out = 0;
    for i in 0..spans.len() {
        let sp = spans[i];
        if out > 0 && sp.sep == Sep::Glued {
            let prev = &spans[out - 1];
            let a = run[prev.start..prev.end]
                .iter()
                .rev()
                .find(|f| !f.has(flag::SKIP | flag::JOINT));
            let b = &run[sp.start];
            if let Some(a) = a {
                if a.is_letter()
                    && b.is_letter()
                    && a.c == b.c
                    && a.script() == b.script()
                    && matches!(a.script(), LATIN | ARABIC)
                {
                    spans[out - 1].end = sp.end;
                    continue;
                }
            }
        }
        spans[out] = sp;
        out += 1;
    }
    spans.truncate(out);
}

/// A word that is one letter once repeats collapse (`T`, `aaa`, `ببب`).
fn single(w: &[FChar], cfg: &Config) -> Option<Single> {
    let mut units = w.iter().filter(|f| !f.has(flag::SKIP));
    let first = units.next()?;
    if !first.is_letter() {
        return None;
    }
    let mut count = 1;
    // All the emitter writes before a mark here is the letter itself; on
    // the stack, as this runs for every one-letter word (`T.T.P...`).
    let mut utf8 = [0u8; 4];
    let written: &str = first.c.encode_utf8(&mut utf8);
    for f in units {
        if f.class == Class::Mark {
            // Only if it would not be written (see `Emitter::push_char`).
            if !f.has(flag::NONSTARTER) || stays_normal(written, f.c) {
                return None;
            }
            continue;
        }
        if !f.is_letter() || f.c != first.c {
            return None;
        }
        count += 1;
    }
    let script = first.script();
    let one = count == 1
        || (cfg.collapse_repeats && (script == LATIN || (script == ARABIC && count >= 3)));
    one.then(|| Single::new(w, first.c, script))
}

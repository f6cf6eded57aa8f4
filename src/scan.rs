//! Finding lexicon terms in normalized text: leftmost-longest over tokens,
//! with the acronym rule and allow entries applied.

mod acronym;
mod matches;
mod repeat;

pub use matches::Match;
pub(crate) use matches::MatchArena;

#[cfg(test)]
use crate::lexicon::Starts;
use crate::lexicon::{Lexicon, Meta, Probe, Rule, Target, Trie};
use crate::normalize::{Disguises, Normalized, Sep, Token, TokenKind};
use acronym::{caps_rule_holds, is_shouting, resolve_context, Anchor};
use fst::raw::Fst;
use repeat::Repeat;
use std::ops::Range;

/// How many tokens away a group's other term (or any slogan or in-group
/// term) may be for a lowercase acronym with [`Rule::Caps`] to count.
pub const CONTEXT_WINDOW: usize = 6;

/// A cap on the search work from one start token. Real lexicons need a few
/// dozen steps; the cap keeps scanning linear even for a hostile lexicon.
const MAX_STEPS_PER_START: usize = 4096;

/// A term found, in token coordinates; the verdict rule reads these.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Found {
    pub entry: u32,
    pub first: usize,
    pub last: usize,
    /// Lowercase acronym waiting for context.
    pub provisional: bool,
}

/// Reusable buffers for one scanning thread.
#[derive(Debug, Default)]
pub(crate) struct Scratch {
    stack: Vec<State>,
    cands: Vec<(usize, u64)>,
    anchors: Vec<Anchor>,
    repeat: Repeat,
    /// What the last walk read: see [`candidates`].
    reach: usize,
    capped: bool,
}

#[derive(Debug, Clone, Copy)]
struct State {
    at: Target,
    out: u64,
    tok: usize,
    pos: usize,
}

/// A node of the search: decoded in the lexicon's trie, or (beyond its
/// budget) decoded from the fst.
enum View<'a> {
    Flat(&'a Trie, u32),
    Node(fst::raw::Node<'a>),
}

impl View<'_> {
    #[inline]
    fn new<'a>(fst: &'a Fst<&[u8]>, trie: &'a Trie, at: Target) -> View<'a> {
        match at {
            Target::Node(n) => View::Flat(trie, n),
            Target::Addr(a) => View::Node(fst.node(a)),
        }
    }

    #[inline]
    fn final_out(&self) -> Option<u64> {
        match self {
            View::Flat(t, n) => t.final_out(*n),
            View::Node(n) => n.is_final().then(|| n.final_output().value()),
        }
    }

    /// The transition on `b`: (target, output). Inlined: it is the
    /// search's inner step, and as a call its register saves cost as much
    /// as the step itself.
    #[inline(always)]
    fn step(&self, b: u8) -> Option<(Target, u64)> {
        match self {
            View::Flat(t, n) => t.step(*n, b),
            View::Node(n) => fst_step(n, b),
        }
    }
}

/// A step below the decoded trie: long keys only.
#[cold]
#[inline(never)]
fn fst_step(n: &fst::raw::Node<'_>, b: u8) -> Option<(Target, u64)> {
    n.find_input(b).map(|i| {
        let t = n.transition(i);
        (Target::Addr(t.addr), t.out.value())
    })
}

/// Finds leftmost-longest matches of `lexicon` in `norm`, applying the
/// acronym rule, and returns those that survive (allow entries included;
/// the caller drops them).
pub(crate) fn find(
    lexicon: &Lexicon,
    input: &str,
    norm: &Normalized,
    scratch: &mut Scratch,
    out: &mut Vec<Found>,
) {
    let starts = Some(lexicon.starts().probe());
    find_inner(lexicon, lexicon.trie(), starts, input, norm, scratch, out)
}

/// [`find`], with the decoded trie and the start tables given (`None`:
/// every token is searched), so tests can check that neither changes a
/// result (nor reusing the candidates of a repeated start: see
/// [`Repeat`]).
fn find_inner(
    lexicon: &Lexicon,
    trie: &Trie,
    starts: Option<Probe<'_>>,
    input: &str,
    norm: &Normalized,
    scratch: &mut Scratch,
    out: &mut Vec<Found>,
) {
    out.clear();
    let toks = norm.tokens();
    let text = norm.text().as_bytes();
    let mut i = next_start(starts, toks, text, 0);
    if i >= toks.len() {
        // Most posts: no key can start anywhere.
        return;
    }
    // A borrowed view of the lexicon's fst: node decoding then reads a
    // plain slice instead of going through the shared owner's `dyn AsRef`
    // at every node (half the cost of a term-dense text). The bytes were
    // validated at load, so this cannot fail.
    let Ok(fst) = Fst::new(lexicon.fst().as_bytes()) else {
        return;
    };
    // Only needed for a lowercase-acronym candidate: computed on demand.
    let mut shouting = None;
    scratch.repeat.clear();
    while i < toks.len() {
        let repeat = &scratch.repeat;
        if !(repeat.holds() && repeat.reuse(toks, text, i, &mut scratch.cands)) {
            candidates(&fst, trie, toks, text, i, scratch);
            scratch
                .repeat
                .remember(i, scratch.reach, scratch.capped, &scratch.cands);
        }
        // Longest first; the first that passes the rules wins.
        scratch
            .cands
            .sort_unstable_by_key(|c| std::cmp::Reverse(c.0));
        let mut picked = None;
        for &(last, value) in &scratch.cands {
            let Some(id) = u32::try_from(value).ok() else {
                continue;
            };
            let Some(meta) = lexicon.meta(id) else {
                continue;
            };
            let provisional = match meta.rule {
                Rule::Any => false,
                Rule::Caps => {
                    let shouting = *shouting.get_or_insert_with(|| is_shouting(toks));
                    !caps_rule_holds(lexicon, id, input, norm, &toks[i..=last], shouting)
                }
            };
            picked = Some(Found {
                entry: id,
                first: i,
                last,
                provisional,
            });
            break;
        }
        match picked {
            Some(f) => {
                out.push(f);
                i = f.last + 1;
            }
            None => i += 1,
        }
        i = next_start(starts, toks, text, i);
    }
    resolve_context(lexicon, out, &mut scratch.anchors);
}

/// The first token from `i` on where a key may start (`toks.len()` if
/// none). Most tokens start no key: the start tables say so without a
/// single fst node decoded. Not inlined: in its own frame the loop keeps
/// what it reads in registers.
#[inline(never)]
fn next_start(starts: Option<Probe<'_>>, toks: &[Token], text: &[u8], mut i: usize) -> usize {
    let Some(starts) = starts else {
        let rest = toks.get(i..).unwrap_or(&[]);
        return i + rest.iter().take_while(|t| t.kind == TokenKind::Url).count();
    };
    while let Some(tok) = toks.get(i) {
        let glued = toks.get(i + 1).is_some_and(|t| t.sep == Sep::Glued);
        if tok.kind != TokenKind::Url
            && starts.may_start(text, tok.start as usize, tok.end as usize, glued)
        {
            return i;
        }
        i += 1;
    }
    toks.len()
}

/// All (last token, entry) pairs of keys that match from token `i`, into
/// `s.cands`, in order; in `s.reach` the last token the walk read (one
/// past the last it walked into, whose kind and separator it looked at),
/// and in `s.capped` whether it stopped at the step cap. (Kept in the
/// scratch, not in the walk's registers.)
fn candidates(
    fst: &Fst<&[u8]>,
    trie: &Trie,
    toks: &[Token],
    text: &[u8],
    i: usize,
    s: &mut Scratch,
) {
    s.cands.clear();
    s.stack.clear();
    let tok = &toks[i];
    s.stack.push(State {
        at: trie.root(),
        out: 0,
        tok: i,
        pos: tok.start as usize,
    });
    let mut steps = 0;
    (s.reach, s.capped) = (i, false);
    // Depth first. A state walks on through its token's bytes in place,
    // and only the branches (a key's space, the next token) go through the
    // stack: the same states in the same order as one push and pop per
    // byte, for less work.
    'states: while let Some(mut st) = s.stack.pop() {
        // A state keeps its token until it branches: read it once.
        let tok = toks[st.tok];
        let (start, end) = (tok.start as usize, tok.end as usize);
        loop {
            steps += 1;
            if steps > MAX_STEPS_PER_START {
                s.capped = true;
                break 'states;
            }
            if st.pos >= end {
                s.reach = s.reach.max(st.tok + 1);
                let node = View::new(fst, trie, st.at);
                if let Some(fin) = node.final_out() {
                    s.cands.push((st.tok, st.out.wrapping_add(fin)));
                }
                let Some(next) = toks.get(st.tok + 1) else {
                    continue 'states;
                };
                if next.kind == TokenKind::Url || !matches!(next.sep, Sep::Glued | Sep::Space) {
                    continue 'states;
                }
                if let Some((at, out)) = node.step(b' ') {
                    s.stack.push(State {
                        at,
                        out: st.out.wrapping_add(out),
                        tok: st.tok + 1,
                        pos: next.start as usize,
                    });
                }
                if next.sep == Sep::Glued {
                    s.stack.push(State {
                        tok: st.tok + 1,
                        pos: next.start as usize,
                        ..st
                    });
                }
                continue 'states;
            }
            let Some(&b) = text.get(st.pos) else {
                continue 'states;
            };
            // Words glued without a boundary (`alqaeda`, `tehrikitaliban`)
            // meet keys with a space: try the space without consuming
            // input. Never at a token's first byte (the root has no space
            // to take). The byte step is taken on the node at hand, not
            // through a `View`: the walk's commonest step, and the enum
            // kept it in memory rather than in registers.
            let glue = st.pos > start && b & 0xC0 != 0x80;
            let step = match st.at {
                Target::Node(n) => {
                    if trie.links(n) > 1 {
                        // A run of only children, taken at once: no
                        // output on the way and no space to glue on, as a
                        // step per byte would find.
                        let m = trie.follow(n, text.get(st.pos..end).unwrap_or(&[]));
                        if m == 0 {
                            continue 'states;
                        }
                        steps += m - 1;
                        st.at = Target::Node(n + m as u32);
                        st.pos += m;
                        continue;
                    }
                    if glue && trie.has_space(n) {
                        glue_branches(fst, trie, st, text, &mut s.stack);
                    }
                    trie.step(n, b)
                }
                Target::Addr(a) => {
                    if glue {
                        glue_branches(fst, trie, st, text, &mut s.stack);
                    }
                    fst_step(&fst.node(a), b)
                }
            };
            let Some((at, out)) = step else {
                continue 'states;
            };
            st = State {
                at,
                out: st.out.wrapping_add(out),
                pos: st.pos + 1,
                ..st
            };
        }
    }
    s.cands.sort_unstable();
    s.cands.dedup();
}

/// Pushes the states that take a space at `st` without consuming input
/// (words glued without a boundary), if the node has one. Out of line:
/// most steps have no space to take.
#[inline(never)]
fn glue_branches(fst: &Fst<&[u8]>, trie: &Trie, st: State, text: &[u8], stack: &mut Vec<State>) {
    let Some((at, tr_out)) = View::new(fst, trie, st.at).step(b' ') else {
        return;
    };
    let out = st.out.wrapping_add(tr_out);
    stack.push(State { at, out, ..st });
    // Glued words that meet on one letter (`#AsSahab`) had the pair
    // collapsed by the repeat fold: let the key's second copy reuse the
    // text's one.
    let Some(&prev) = text.get(st.pos.wrapping_sub(1)) else {
        return;
    };
    if prev.is_ascii_alphabetic() {
        if let Some((at2, out2)) = View::new(fst, trie, at).step(prev) {
            stack.push(State {
                at: at2,
                out: out.wrapping_add(out2),
                ..st
            });
        }
    }
}

/// What a found term reports but its entry's strings.
struct Reported<'a> {
    /// In the caller's text.
    span: Range<usize>,
    text: &'a str,
    id: u32,
    meta: Meta,
    disguises: Disguises,
}

/// [`Reported`] of `f`, with its original span: `input` is the scanned
/// window, which starts `offset` bytes into the caller's text. `None` if
/// the entry or its tokens are not there.
fn reported<'a>(
    lexicon: &Lexicon,
    norm: &Normalized,
    (input, offset): (&'a str, usize),
    f: &Found,
) -> Option<Reported<'a>> {
    let meta = lexicon.meta(f.entry)?;
    let toks = norm.tokens().get(f.first..=f.last)?;
    let span = norm.source_span(toks.first()?.start as usize..toks.last()?.end as usize);
    let text = input.get(span.clone())?;
    Some(Reported {
        span: span.start + offset..span.end + offset,
        text,
        id: f.entry,
        meta,
        disguises: toks.iter().fold(Disguises::NONE, |d, t| d | t.disguises),
    })
}

/// Adds a found term to `arena` (see [`reported`]); the entry's strings
/// are read only when the arena does not hold them yet, and matches it
/// has gathered may go to `out` first (see [`MatchArena::add`]).
pub(crate) fn add_match(
    lexicon: &Lexicon,
    norm: &Normalized,
    input: (&str, usize),
    f: &Found,
    (arena, out): (&mut MatchArena, &mut Vec<Match>),
) {
    if let Some(r) = reported(lexicon, norm, input, f) {
        let strings = || lexicon.match_strings(r.id);
        arena.add(r.span, r.text, (r.id, r.meta, strings), r.disguises, out);
    }
}

/// The found term alone in its window as a [`Match`] (see [`reported`]).
pub(crate) fn lone_match(
    lexicon: &Lexicon,
    norm: &Normalized,
    input: (&str, usize),
    f: &Found,
) -> Option<Match> {
    let r = reported(lexicon, norm, input, f)?;
    let strings = lexicon.match_strings(r.id)?;
    Some(Match::alone(
        r.span,
        r.text,
        (r.id, r.meta, &strings),
        r.disguises,
    ))
}

#[cfg(test)]
mod tests;

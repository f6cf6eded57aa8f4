//! [`Repeat`]: the candidates of recent start tokens, reused where the
//! tokens read the same again (`#ISIS#ISIS…`, `ISIS ISIS …`,
//! `Islamic State Islamic State …`). A text that repeats a term is the
//! cheapest way to make every token a start of the search, which then
//! walked the same states at every repetition.

use crate::normalize::Token;

/// What `candidates` found from the last two start tokens that found
/// anything (two: a text may alternate two terms, `ISISداعش ISISداعش …`),
/// and how much of the text each walk read to find it.
#[derive(Debug, Default)]
pub(super) struct Repeat {
    slots: [Slot; 2],
    /// The slot the next walk goes to.
    next: usize,
    /// Nothing is reused (tests compare with and without).
    #[cfg(test)]
    pub off: bool,
}

#[derive(Debug, Default)]
struct Slot {
    /// The walk started at token `start` and read tokens up to `reach`
    /// (the one after the last it walked into: its kind and separator
    /// decide whether a key goes on into it). `None`: nothing to reuse.
    span: Option<(usize, usize)>,
    /// The candidates, `(last token - start, entry)`, in the order
    /// `candidates` gives them (which shifting keeps).
    cands: Vec<(usize, u64)>,
}

impl Repeat {
    /// Forgets what was found (a new text).
    pub fn clear(&mut self) {
        for slot in &mut self.slots {
            slot.span = None;
        }
    }

    /// Remembers the candidates `cands` of a walk from token `start` that
    /// read tokens up to `reach`, if it found any (most walks in most
    /// texts find none, and are not worth the copy); `capped`: the walk
    /// stopped at its step cap, so its result depends on more than the
    /// tokens it read.
    #[inline]
    pub fn remember(&mut self, start: usize, reach: usize, capped: bool, cands: &[(usize, u64)]) {
        if !(capped || cands.is_empty()) {
            self.keep(start, reach, cands);
        }
    }

    /// [`Repeat::remember`] for a walk that found something. Out of line:
    /// most walks find nothing.
    #[inline(never)]
    fn keep(&mut self, start: usize, reach: usize, cands: &[(usize, u64)]) {
        let slot = &mut self.slots[self.next];
        self.next ^= 1;
        slot.span = Some((start, reach));
        slot.cands.clear();
        slot.cands
            .extend(cands.iter().map(|&(last, v)| (last - start, v)));
    }

    /// True if a walk is remembered (nothing to compare against in most
    /// texts, told without a call).
    #[inline]
    pub fn holds(&self) -> bool {
        #[cfg(test)]
        if self.off {
            return false;
        }
        self.slots.iter().any(|s| s.span.is_some())
    }

    /// If the walk from token `i` would read what a remembered one read
    /// (the same bytes in each token, the same kind and separator after
    /// the first), its candidates, shifted to `i`, into `out`; false
    /// otherwise. Cost: a comparison of the tokens a walk read, most often
    /// ended by the first token's length. Out of line: asked only when
    /// [`Repeat::holds`].
    #[inline(never)]
    pub fn reuse(
        &self,
        toks: &[Token],
        text: &[u8],
        i: usize,
        out: &mut Vec<(usize, u64)>,
    ) -> bool {
        let bytes = |t: &Token| text.get(t.start as usize..t.end as usize);
        for slot in &self.slots {
            let Some((start, reach)) = slot.span else {
                continue;
            };
            let same = |k: usize| match (toks.get(start + k), toks.get(i + k)) {
                (Some(a), Some(b)) => {
                    (k == 0 || (a.kind == b.kind && a.sep == b.sep)) && bytes(a) == bytes(b)
                }
                (None, None) => true,
                _ => false,
            };
            if i > start && (0..=reach - start).all(same) {
                out.clear();
                out.extend(slot.cands.iter().map(|&(rel, v)| (i + rel, v)));
                return true;
            }
        }
        false
    }
}

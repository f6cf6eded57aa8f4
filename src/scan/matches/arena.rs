//! [`MatchArena`]: the matches of one scan window, gathered so that they
//! share one allocation for their strings.

use super::{append_entry, cut, entry_parts, Match, Strings};
use crate::lexicon::{Category, MatchStrings, Meta, Severity};
use crate::normalize::Disguises;
use std::ops::Range;
use std::sync::Arc;

/// A match's fields but its strings, while a window's strings are
/// gathered.
#[derive(Debug, Clone, Copy)]
struct Pending {
    span: (usize, usize),
    cuts: [u32; 7],
    has_group: bool,
    category: Category,
    severity: Severity,
    disguises: Disguises,
    entry: u32,
}

/// Gathers the matches of one scan window: their strings go into one
/// buffer, which becomes the one allocation they all share (see
/// [`Match`]). An entry matched again in the window reuses its strings.
/// Kept with a thread's scan buffers: gathering allocates nothing once
/// they have grown.
#[derive(Debug, Default)]
pub(crate) struct MatchArena {
    buf: Vec<u8>,
    pending: Vec<Pending>,
    /// Entries whose strings are in `buf` (entry + 1, 0 for none, in slot
    /// `entry % SEEN`), where, and whether the entry has a group: a text
    /// of many matches mostly repeats a few terms, whose strings are then
    /// neither decoded nor copied again.
    seen: [(u32, [u32; 5], bool); SEEN],
}

/// Slots of [`MatchArena::seen`].
const SEEN: usize = 16;

impl MatchArena {
    /// Adds a match of entry `id` over `span` of the input, whose text is
    /// `text`. The entry's strings (`strings`, called only if the arena
    /// does not hold them yet; nothing is added if it gives none) come as
    /// raw pool bytes: they are checked to be UTF-8 with all the others in
    /// [`MatchArena::finish`], in one pass. A lexicon whose strings are
    /// all UTF-8, any lexicon not forged, never takes the slow way.
    ///
    /// Offsets into the strings are `u32`: matches gathered so far go to
    /// `out` before the strings would pass 4 GiB, and a match whose own
    /// strings pass it (a lexicon forged to) reads those past it as empty.
    pub(crate) fn add<'s>(
        &mut self,
        span: Range<usize>,
        text: &str,
        (id, meta, strings): (u32, Meta, impl FnOnce() -> Option<MatchStrings<'s>>),
        d: Disguises,
        out: &mut Vec<Match>,
    ) {
        let mut strings = Some(strings);
        let mut fetch = || strings.take().and_then(|f| f());
        let slot = id as usize % SEEN;
        // The entry's strings, when the arena does not hold them yet.
        let mut entry = None;
        if self.seen[slot].0 != id.wrapping_add(1) {
            let Some(s) = fetch() else {
                return;
            };
            entry = Some(s);
        }
        let entry_len: usize = entry
            .as_ref()
            .map_or(0, |s| entry_parts(s).map(<[u8]>::len).iter().sum());
        if u32::try_from(self.buf.len() + text.len() + entry_len).is_err() {
            // Finishing forgets the entries held.
            self.finish(out);
            if entry.is_none() {
                let Some(s) = fetch() else {
                    return;
                };
                entry = Some(s);
            }
        }
        let mut cuts = [0u32; 7];
        cuts[0] = cut(self.buf.len());
        self.buf.extend_from_slice(text.as_bytes());
        cuts[1] = cut(self.buf.len());
        let (at, has_group) = match entry {
            Some(s) => {
                let at = append_entry(&mut self.buf, entry_parts(&s));
                self.seen[slot] = (id.wrapping_add(1), at, s.group.is_some());
                (at, s.group.is_some())
            }
            None => (self.seen[slot].1, self.seen[slot].2),
        };
        cuts[2..].copy_from_slice(&at);
        self.pending.push(Pending {
            span: (span.start, span.end),
            cuts,
            has_group,
            category: meta.category,
            severity: meta.severity,
            disguises: d,
            entry: id,
        });
    }

    /// Appends the matches added since the last call to `out`, sharing
    /// one allocation for their strings, and empties the arena.
    pub(crate) fn finish(&mut self, out: &mut Vec<Match>) {
        if self.pending.is_empty() {
            return;
        }
        match std::str::from_utf8(&self.buf) {
            Ok(all) => {
                let strings = Strings::Shared(Arc::from(all));
                out.extend(self.pending.iter().map(|p| Match {
                    start: p.span.0,
                    end: p.span.1,
                    strings: strings.clone(),
                    cuts: p.cuts,
                    has_group: p.has_group,
                    category: p.category,
                    severity: p.severity,
                    disguises: p.disguises,
                    entry: p.entry,
                }));
            }
            Err(_) => self.forged(out),
        }
        for p in &self.pending {
            self.seen[p.entry as usize % SEEN].0 = 0;
        }
        self.buf.clear();
        self.pending.clear();
    }

    /// [`MatchArena::finish`] when a string is not UTF-8 (a forged
    /// lexicon): each string checked alone, and one that fails reads as
    /// empty, as [`Lexicon::get`](crate::Lexicon::get) gives it.
    #[cold]
    fn forged(&self, out: &mut Vec<Match>) {
        for p in &self.pending {
            let part = |a: usize| {
                let b = self
                    .buf
                    .get(p.cuts[a] as usize..p.cuts[a + 1] as usize)
                    .unwrap_or(&[]);
                std::str::from_utf8(b).unwrap_or("")
            };
            out.push(Match::join(
                p.span.0..p.span.1,
                [part(0), part(2), part(3), part(4), part(5)],
                p.has_group,
                (p.category, p.severity, p.disguises, p.entry),
            ));
        }
    }
}

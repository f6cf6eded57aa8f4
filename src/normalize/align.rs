//! The run-length alignment from canonical bytes back to original bytes.
//!
//! The canonical text is cut into segments, each mapping a canonical byte
//! range to an original one:
//!
//! * linear: canonical byte `canon + k` came from original byte `src + k`
//!   (the common case: ASCII lowercased, Arabic letters folded to letters
//!   of the same length); consecutive linear pieces merge, so a plain
//!   sentence is a single segment;
//! * blob: every canonical byte came from the whole original range
//!   (`ﬁ` -> `fi`, `Ｔ` -> `t`, a letter with its removed harakat);
//! * synthetic: a separator space the normalizer wrote where the original
//!   had punctuation, emoji or several spaces. It maps to nothing; spans
//!   skip it.
//!
//! A lookup is one binary search, and memory is 16 bytes per segment rather
//! than per byte.

use std::ops::Range;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SegKind {
    Linear,
    Blob,
    Synthetic,
}

/// One segment: canonical bytes from `canon` up to the next segment's
/// `canon` (or the end of the text) came from original bytes `src..end`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Seg {
    pub canon: u32,
    pub src: u32,
    pub end: u32,
    pub kind: SegKind,
}

/// Builds segments, merging where it can.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Alignment {
    pub segs: Vec<Seg>,
    /// Canonical bytes mapped so far.
    mapped: u32,
}

impl Alignment {
    pub fn clear(&mut self) {
        self.segs.clear();
        self.mapped = 0;
    }

    /// Maps the next `len` canonical bytes (one character, or several from
    /// one source) to original bytes `src..end`.
    #[inline]
    pub fn map(&mut self, len: u32, src: u32, end: u32) {
        let canon = self.mapped;
        self.mapped += len;
        let kind = if end - src == len {
            SegKind::Linear
        } else {
            SegKind::Blob
        };
        if let Some(last) = self.segs.last_mut() {
            match (last.kind, kind) {
                (SegKind::Linear, SegKind::Linear) if last.end == src => {
                    last.end = end;
                    return;
                }
                (SegKind::Blob, SegKind::Blob) if last.src == src && last.end == end => return,
                _ => {}
            }
        }
        self.segs.push(Seg {
            canon,
            src,
            end,
            kind,
        });
    }

    /// Maps the next `len` canonical bytes to nothing (a separator the
    /// normalizer wrote). `src..end` is the original gap, kept to answer
    /// empty spans.
    pub fn synthetic(&mut self, len: u32, src: u32, end: u32) {
        let canon = self.mapped;
        self.mapped += len;
        self.segs.push(Seg {
            canon,
            src,
            end,
            kind: SegKind::Synthetic,
        });
    }

    /// See [`Normalized::source_span`](super::Normalized::source_span).
    pub fn span(&self, text: &str, canon: Range<usize>) -> Range<usize> {
        let len = text.len();
        let segs = &self.segs;
        if segs.is_empty() {
            return 0..0;
        }
        let start = floor_boundary(text, canon.start.min(len));
        let end = canon.end.min(len);
        let seg_at = |pos: usize| segs.partition_point(|g| g.canon as usize <= pos).max(1) - 1;
        if start >= end {
            let g = &segs[seg_at(start.min(len.saturating_sub(1)))];
            let p = if g.kind == SegKind::Linear && start < len {
                g.src as usize + (start - g.canon as usize)
            } else {
                g.src as usize
            };
            return p..p;
        }
        let seg_end = |i: usize| segs.get(i + 1).map_or(len, |g| g.canon as usize);
        // The first character of the range that came from somewhere.
        let mut i = seg_at(start);
        let first = if segs[i].kind == SegKind::Synthetic {
            while i < segs.len() && segs[i].kind == SegKind::Synthetic {
                i += 1;
            }
            if i == segs.len() || segs[i].canon as usize >= end {
                let p = segs[i - 1].src as usize;
                return p..p;
            }
            segs[i].src as usize
        } else {
            let g = &segs[i];
            match g.kind {
                SegKind::Linear => g.src as usize + (start - g.canon as usize),
                _ => g.src as usize,
            }
        };
        // The last one: at or after the first's segment, mostly in it or
        // the next few (a match spans a word or three), so looked for
        // from there in steps that double rather than in all of them.
        let last_start = floor_boundary(text, end - 1);
        let mut j = seg_from(segs, i, last_start);
        let last = if segs[j].kind == SegKind::Synthetic {
            while j > i && segs[j].kind == SegKind::Synthetic {
                j -= 1;
            }
            segs[j].end as usize
        } else {
            let g = &segs[j];
            match g.kind {
                SegKind::Linear => {
                    let char_end = ceil_boundary(text, end).min(seg_end(j));
                    g.src as usize + (char_end - g.canon as usize)
                }
                _ => g.end as usize,
            }
        };
        first..last.max(first)
    }
}

/// The last segment from `from` on that starts at or before `pos`
/// (`from` if none does; `segs[from]` starts at or before `pos`).
fn seg_from(segs: &[Seg], from: usize, pos: usize) -> usize {
    let starts_by = |g: &Seg| g.canon as usize <= pos;
    let (mut lo, mut hi, mut step) = (from, from + 1, 1);
    while segs.get(hi).is_some_and(starts_by) {
        lo = hi;
        hi += step;
        step *= 2;
    }
    let hi = hi.min(segs.len());
    lo + segs
        .get(lo..hi)
        .map_or(1, |s| s.partition_point(starts_by).max(1))
        - 1
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while i > 0 && !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    while i < text.len() && !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `seg_from` finds what a binary search of all the segments finds,
    /// from any segment that starts at or before the position: runs of
    /// segments with one start (empty ones) included.
    #[test]
    fn seg_from_agrees_with_a_search_of_all_segments() {
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for n in 1..40 {
            let mut canon = 0;
            let segs: Vec<Seg> = (0..n)
                .map(|_| {
                    seed ^= seed << 13;
                    seed ^= seed >> 7;
                    seed ^= seed << 17;
                    let g = Seg {
                        canon,
                        src: 0,
                        end: 0,
                        kind: SegKind::Linear,
                    };
                    canon += (seed % 4) as u32;
                    g
                })
                .collect();
            for pos in 0..canon as usize + 3 {
                let want = segs.partition_point(|g| g.canon as usize <= pos).max(1) - 1;
                for from in (0..n).filter(|&f| segs[f].canon as usize <= pos) {
                    assert_eq!(
                        seg_from(&segs, from, pos),
                        want,
                        "n {n} pos {pos} from {from}"
                    );
                }
            }
        }
    }
}

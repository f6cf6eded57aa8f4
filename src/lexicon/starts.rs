//! Tables that let the scanner skip, in a few nanoseconds, the tokens where
//! no key can start: the root's transitions and a hashed set of the text
//! prefixes (up to eight bytes) keys can begin with.
//!
//! They are exactly conservative with respect to the scanner's search
//! (`scan::candidates`): inside a token the search may take a key's `' '`
//! without reading text (glued words, `alqaeda` for `al qaeda`) and then
//! re-read the letter before it (a shared letter collapsed by the repeat
//! fold, `assahab` read as `as sahab`). Both moves are folded into an
//! epsilon closure here, ignoring the conditions the scanner puts on them,
//! so the tables may let through a token that has no match but never stop
//! one that has.

use fst::raw::{CompiledAddr, Fst};

/// Cap on the nodes one epsilon closure may hold. Real keys have at most a
/// few spaces in a row of letters; a hostile lexicon that exceeds it only
/// turns the prefix filter off.
const MAX_CLOSURE: usize = 64;
/// Cap on node decodes spent building the prefix filter.
const MAX_WORK: usize = 4_000_000;

/// Start-of-key tables for one fst. Built once per lexicon (lazily, on the
/// first scan), `Send + Sync`, read-only afterwards.
#[derive(Debug, Clone)]
pub(crate) struct Starts {
    /// The root's transition on each byte: (target, output), if any.
    root: Vec<Option<(CompiledAddr, u64)>>,
    /// The root's children decoded once: every token that passes the filter
    /// steps through one of them, and decoding it again per token (the
    /// widest nodes after the root) was a tenth of the search. `kid[b]` is
    /// the child reached on byte `b`, as an index into `kids`.
    kid: Vec<Option<u16>>,
    kids: Vec<Kid>,
    /// Hashed bit set of the text prefixes of `1..=depth` bytes a key can
    /// begin with (the first `depth` bytes of a longer token are looked
    /// up). Empty when even short prefixes were too many: all pass then.
    prefixes: Vec<u64>,
    depth: usize,
    shift: u32,
}

impl Starts {
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Starts {
        let mut root = vec![None; 256];
        let mut kid = vec![None; 256];
        let mut kids = Vec::new();
        for t in fst.root().transitions() {
            root[t.inp as usize] = Some((t.addr, t.out.value()));
            kid[t.inp as usize] = u16::try_from(kids.len()).ok();
            kids.push(Kid::new(&fst.node(t.addr)));
        }
        // Eight bytes are four Arabic letters or a short Latin word whole;
        // a lexicon with too many distinct prefixes gets shorter ones.
        for depth in [8, 4, 2] {
            let mut found = Vec::new();
            let mut work = 0;
            if !enumerate(fst, &root, depth, &mut found, &mut work) {
                continue;
            }
            found.sort_unstable();
            found.dedup();
            // About 16 bits per prefix: a false-positive rate near 6%.
            let bits = (found.len() * 16)
                .next_power_of_two()
                .clamp(1 << 12, 1 << 24);
            let shift = 64 - bits.trailing_zeros();
            let mut set = vec![0u64; bits / 64];
            for &key in &found {
                let h = (key >> shift) as usize;
                set[h / 64] |= 1 << (h % 64);
            }
            return Starts {
                root,
                kid,
                kids,
                prefixes: set,
                depth,
                shift,
            };
        }
        Starts {
            root,
            kid,
            kids,
            prefixes: Vec::new(),
            depth: 0,
            shift: 0,
        }
    }

    /// The root's transition on `b`.
    #[inline]
    pub fn root(&self, b: u8) -> Option<(CompiledAddr, u64)> {
        self.root[b as usize]
    }

    /// The decoded child of the root on byte `b`, if any.
    #[inline]
    pub fn kid(&self, b: u8) -> Option<&Kid> {
        self.kids.get(usize::from(self.kid[b as usize]?))
    }

    /// False when no key can match starting at a token whose canonical
    /// bytes are `tok`.
    #[inline]
    pub fn may_start(&self, tok: &[u8]) -> bool {
        if tok.is_empty() || self.prefixes.is_empty() {
            return true;
        }
        let p = &tok[..tok.len().min(self.depth)];
        let h = (prefix_key(p) >> self.shift) as usize;
        self.prefixes[h / 64] & (1 << (h % 64)) != 0
    }
}

/// A child of the fst's root, decoded: its final output and its
/// transitions by input byte.
#[derive(Debug, Clone)]
pub(crate) struct Kid {
    final_out: Option<u64>,
    /// `next[b]` is one more than the index in `trans` of the transition on
    /// `b`, or 0: a flat table, so a step is one load.
    next: Box<[u16; 256]>,
    trans: Vec<(CompiledAddr, u64)>,
}

impl Kid {
    fn new(node: &fst::raw::Node<'_>) -> Kid {
        let mut next = Box::new([0u16; 256]);
        let mut trans = Vec::with_capacity(node.len());
        for t in node.transitions() {
            trans.push((t.addr, t.out.value()));
            // At most 256 transitions, one per byte: the index fits.
            next[t.inp as usize] = u16::try_from(trans.len()).unwrap_or(0);
        }
        Kid {
            final_out: node.is_final().then(|| node.final_output().value()),
            next,
            trans,
        }
    }

    /// The final output, if a key ends here.
    #[inline]
    pub fn final_out(&self) -> Option<u64> {
        self.final_out
    }

    /// The transition on `b`: (target, output).
    #[inline]
    pub fn step(&self, b: u8) -> Option<(CompiledAddr, u64)> {
        let i = usize::from(self.next[b as usize]);
        self.trans.get(i.checked_sub(1)?).copied()
    }
}

/// A 64-bit key for a prefix of at most eight bytes, whose high bits are
/// the hash (multiplicative hashing: they depend on every input bit).
#[inline]
fn prefix_key(p: &[u8]) -> u64 {
    let x = match p.get(..8) {
        Some(eight) => {
            let mut w = [0u8; 8];
            w.copy_from_slice(eight);
            u64::from_le_bytes(w)
        }
        None => p
            .iter()
            .enumerate()
            .fold(0u64, |x, (i, &b)| x | (b as u64) << (8 * i)),
    };
    let n = p.len().min(8) as u64;
    (x.rotate_left(4) ^ n).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// Collects the keys of every text prefix of `1..=depth` bytes. False when
/// a cap was hit.
fn enumerate<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    root: &[Option<(CompiledAddr, u64)>],
    depth: usize,
    out: &mut Vec<u64>,
    work: &mut usize,
) -> bool {
    for (b1, r) in root.iter().enumerate() {
        let Some((addr, _)) = *r else { continue };
        let mut bytes = [0u8; 8];
        bytes[0] = b1 as u8;
        out.push(prefix_key(&bytes[..1]));
        if depth == 1 {
            continue;
        }
        let Some(c) = closure(fst, &[addr], b1 as u8, work) else {
            return false;
        };
        if !extend(fst, c, bytes, 1, depth, out, work) {
            return false;
        }
    }
    true
}

/// The nodes reachable from `start` by the scanner's moves that read no
/// text: a key's `' '`, and `' '` followed by `prev` (the letter before,
/// re-read). `None` if more than [`MAX_CLOSURE`] nodes.
fn closure<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    start: &[CompiledAddr],
    prev: u8,
    work: &mut usize,
) -> Option<Vec<CompiledAddr>> {
    let mut set: Vec<CompiledAddr> = start.to_vec();
    let mut i = 0;
    while i < set.len() {
        *work += 1;
        let node = fst.node(set[i]);
        i += 1;
        let Some(ti) = node.find_input(b' ') else {
            continue;
        };
        let after = node.transition(ti).addr;
        let add = |a: CompiledAddr, set: &mut Vec<CompiledAddr>| {
            if !set.contains(&a) {
                set.push(a);
            }
        };
        add(after, &mut set);
        let an = fst.node(after);
        if let Some(t2) = an.find_input(prev) {
            add(an.transition(t2).addr, &mut set);
        }
        if set.len() > MAX_CLOSURE {
            return None;
        }
    }
    Some(set)
}

/// Records every text prefix reachable from the closed node set `set`
/// after reading `len` bytes of `bytes`, up to `depth` bytes. False when a
/// cap is hit.
fn extend<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    set: Vec<CompiledAddr>,
    bytes: [u8; 8],
    len: usize,
    depth: usize,
    out: &mut Vec<u64>,
    work: &mut usize,
) -> bool {
    // Group the targets by the byte read, so each next prefix is expanded
    // once from all the nodes that reach it.
    let mut by_byte: Vec<(u8, CompiledAddr)> = Vec::new();
    for &n in &set {
        *work += 1;
        by_byte.extend(fst.node(n).transitions().map(|t| (t.inp, t.addr)));
    }
    if *work > MAX_WORK {
        return false;
    }
    by_byte.sort_unstable();
    by_byte.dedup();
    let mut rest = &by_byte[..];
    while let Some(&(b, _)) = rest.first() {
        let n = rest.iter().take_while(|t| t.0 == b).count();
        let (group, tail) = rest.split_at(n);
        rest = tail;
        let mut next = bytes;
        next[len] = b;
        out.push(prefix_key(&next[..len + 1]));
        if len + 1 == depth {
            continue;
        }
        let targets: Vec<CompiledAddr> = group.iter().map(|g| g.1).collect();
        let Some(c) = closure(fst, &targets, b, work) else {
            return false;
        };
        if !extend(fst, c, next, len + 1, depth, out, work) {
            return false;
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    /// The decoded root children answer every step and final output exactly
    /// as the fst's own nodes do: the scanner takes them in place of those.
    #[test]
    fn decoded_root_children_agree_with_the_fst() {
        let lexicon = Lexicon::embedded();
        let fst = lexicon.fst();
        let starts = Starts::new(fst);
        let mut seen = 0;
        for b in 0..=255u8 {
            let Some(t) = fst.root().find_input(b).map(|i| fst.root().transition(i)) else {
                assert!(starts.root(b).is_none() && starts.kid(b).is_none());
                continue;
            };
            assert_eq!(starts.root(b), Some((t.addr, t.out.value())));
            let node = fst.node(t.addr);
            let kid = starts.kid(b).expect("every root child is decoded");
            assert_eq!(
                kid.final_out(),
                node.is_final().then(|| node.final_output().value())
            );
            for c in 0..=255u8 {
                let want = node.find_input(c).map(|i| {
                    let t = node.transition(i);
                    (t.addr, t.out.value())
                });
                assert_eq!(kid.step(c), want, "{b} {c}");
            }
            seen += 1;
        }
        assert!(seen > 20, "{seen}");
    }
}

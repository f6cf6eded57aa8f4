//! Tables that let the scanner skip, in a few nanoseconds, the tokens where
//! no key can start: a hashed set of the text prefixes (up to eight bytes)
//! keys can begin with.
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
        for t in fst.root().transitions() {
            root[t.inp as usize] = Some((t.addr, t.out.value()));
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
                prefixes: set,
                depth,
                shift,
            };
        }
        Starts {
            prefixes: Vec::new(),
            depth: 0,
            shift: 0,
        }
    }

    /// False when no key can match starting at the token `text[start..end]`
    /// (canonical bytes).
    #[inline]
    pub fn may_start(&self, text: &[u8], start: usize, end: usize) -> bool {
        if end <= start || self.prefixes.is_empty() {
            return true;
        }
        let n = (end - start).min(self.depth);
        // Eight bytes read at once and the ones past the prefix masked off:
        // the canonical text goes on after almost every token, and a byte
        // loop here cost as much as the rest of the token's handling.
        let x = match text.get(start..start + 8) {
            Some(eight) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(eight);
                let mask = if n >= 8 { !0 } else { (1u64 << (8 * n)) - 1 };
                u64::from_le_bytes(w) & mask
            }
            None => word(text.get(start..start + n).unwrap_or(&[])),
        };
        let h = (mix(x, n) >> self.shift) as usize;
        self.prefixes[h / 64] & (1 << (h % 64)) != 0
    }
}

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline]
fn word(p: &[u8]) -> u64 {
    p.iter()
        .take(8)
        .enumerate()
        .fold(0u64, |x, (i, &b)| x | (b as u64) << (8 * i))
}

/// A 64-bit key for the `n`-byte prefix held in `x`, whose high bits are
/// the hash (multiplicative hashing: they depend on every input bit).
#[inline]
fn mix(x: u64, n: usize) -> u64 {
    (x.rotate_left(4) ^ n.min(8) as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The key of a prefix of at most eight bytes.
fn prefix_key(p: &[u8]) -> u64 {
    mix(word(p), p.len())
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

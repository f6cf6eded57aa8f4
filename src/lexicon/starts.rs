//! Tables that let the scanner skip, in a few nanoseconds, the tokens where
//! no key can start: a hashed set of the text prefixes (up to eight bytes)
//! keys can begin with, and of the words (up to sixteen bytes) they can
//! begin with.
//!
//! A match covers whole tokens, so a token must be read to its end and
//! leave the key at a word's end (the key is final there or goes on with a
//! space), unless the next token is glued to it and the key may run on
//! into it. Short words are most of the text (`the`, `hai`, `ja`) and most
//! of them begin some key, but few are one of its words: the words are
//! what keeps them out of the search.
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
    /// Blocked Bloom filter of the text prefixes of `1..=depth` bytes a
    /// key can begin with (the first `depth` bytes of a longer token are
    /// looked up), and of the whole words: each sets three bits in one
    /// word of the set. Empty when even short prefixes were too many: all
    /// pass then.
    prefixes: Vec<u64>,
    depth: usize,
    /// 64 less the number of bits that pick a word of `prefixes`.
    shift: u32,
    /// The set also holds the whole words of `depth + 1..=words` bytes.
    words: usize,
}

/// The longest whole word the set may hold: eight Arabic-script letters.
/// `پاکستان` begins `پاکستانی طالبان` but is no word of it, and is one of
/// the commonest Urdu words.
const LONG: usize = 16;
/// The most keys for which the set holds words longer than its prefixes.
/// Walking every key to sixteen bytes instead of eight makes the tables'
/// build, paid once on a lexicon's first scan, two to three times as long:
/// 11 ms instead of 5 for the scan bench's 10,000 terms, 28 instead of 8
/// for 30,000; 100,000 would take 83 instead of 27.
const LONG_KEYS: usize = 50_000;

/// The word of the set a key's bits are in, and those bits: the word from
/// the hash's top bits, three bit numbers from the 18 bits below them.
#[inline]
fn slot(key: u64, shift: u32) -> (usize, u64) {
    let m = key >> (shift - 18);
    let bits = 1 << (m & 63) | 1 << (m >> 6 & 63) | 1 << (m >> 12 & 63);
    ((key >> shift) as usize, bits)
}

impl Starts {
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Starts {
        // Eight bytes are four Arabic letters or a short Latin word whole;
        // a lexicon with too many distinct prefixes gets shorter ones, and
        // one with too many long words none of those.
        let long = if fst.len() <= LONG_KEYS { LONG } else { 8 };
        Starts::with_plan(fst, &[(8, long), (8, 8), (4, 4), (2, 2)])
    }

    /// The tables of the first `(depth, words)` of `plan` whose
    /// enumeration stays within the caps: prefixes of up to `depth` bytes
    /// (at most 8) and whole words of up to `words` (at most [`LONG`], and
    /// no more than `depth` unless `depth` is 8); if none does, no tables
    /// (every token passes).
    pub(crate) fn with_plan<D: AsRef<[u8]>>(fst: &Fst<D>, plan: &[(usize, usize)]) -> Starts {
        let mut root = vec![None; 256];
        for t in fst.root().transitions() {
            root[t.inp as usize] = Some((t.addr, t.out.value()));
        }
        for &(depth, words) in plan {
            // Words longer than the prefixes are read as eight bytes and
            // the rest (`Probe::long_word`): only with eight-byte prefixes.
            let depth = depth.clamp(1, 8);
            let words = if depth == 8 {
                words.clamp(8, LONG)
            } else {
                depth
            };
            let mut at = Walk {
                depth,
                words,
                out: Vec::new(),
                work: 0,
                nodes: Vec::new(),
                edges: Vec::new(),
            };
            if !enumerate(fst, &root, &mut at) {
                continue;
            }
            let mut found = at.out;
            found.sort_unstable();
            found.dedup();
            // 16 to 32 bits per key, three of them set in one word: on the
            // scan bench, 30% fewer tokens get through to a search than
            // with one bit a key (each a search, and a mispredicted
            // branch), for the same one word read per token.
            let slots = (found.len() / 4).next_power_of_two().clamp(64, 1 << 18);
            let shift = 64 - slots.trailing_zeros();
            let mut set = vec![0u64; slots];
            for &key in &found {
                let (w, bits) = slot(key, shift);
                set[w] |= bits;
            }
            return Starts {
                prefixes: set,
                depth,
                shift,
                words,
            };
        }
        Starts {
            prefixes: Vec::new(),
            depth: 0,
            shift: 0,
            words: 0,
        }
    }

    /// The tables as plain values, for a loop over every token: its fields
    /// then stay in registers.
    #[inline]
    pub fn probe(&self) -> Probe<'_> {
        Probe {
            prefixes: &self.prefixes,
            depth: self.depth,
            shift: self.shift,
            words: self.words,
        }
    }
}

/// [`Starts`] borrowed for one text (see [`Starts::probe`]).
#[derive(Clone, Copy)]
pub(crate) struct Probe<'a> {
    prefixes: &'a [u64],
    depth: usize,
    shift: u32,
    words: usize,
}

impl Probe<'_> {
    /// False when no key can match starting at the token `text[start..end]`
    /// (canonical bytes); `glued` if the next token is glued to it
    /// ([`Sep::Glued`](crate::normalize::Sep::Glued)).
    #[inline]
    pub fn may_start(&self, text: &[u8], start: usize, end: usize, glued: bool) -> bool {
        if end <= start || self.prefixes.is_empty() {
            return true;
        }
        let len = end - start;
        let n = len.min(self.depth);
        let whole = len <= self.depth && !glued;
        let tag = n as u64 | (u64::from(whole) * WORD);
        // Eight bytes read at once and the ones past the prefix masked off:
        // the canonical text goes on after almost every token, and a byte
        // loop here cost as much as the rest of the token's handling.
        let x = match text.get(start..start + 8) {
            Some(eight) => {
                let mut w = [0u8; 8];
                w.copy_from_slice(eight);
                u64::from_le_bytes(w) & KEEP[n]
            }
            None => word(text.get(start..start + n).unwrap_or(&[])),
        };
        if !self.holds(mix(x, tag)) {
            return false;
        }
        // A longer word that begins a key: it must also be one of its
        // words (few tokens get here).
        if glued || len <= self.depth || len > self.words {
            return true;
        }
        self.long_word(text.get(start + 8..end).unwrap_or(&[]), x)
    }

    /// The second look, for a long word of eight bytes `head` and then
    /// `rest`. Out of line: the loop over every token stays small.
    #[inline(never)]
    fn long_word(&self, rest: &[u8], head: u64) -> bool {
        let len = 8 + rest.len() as u64;
        self.holds(mix(head ^ spread(word(rest)), WORD | len))
    }

    #[inline]
    fn holds(&self, key: u64) -> bool {
        let (w, bits) = slot(key, self.shift);
        self.prefixes.get(w).map_or(true, |&set| set & bits == bits)
    }
}

/// The mask that keeps the first `n` bytes of a little-endian word.
const KEEP: [u64; 9] = {
    let mut k = [0u64; 9];
    let mut n = 1;
    while n < 9 {
        k[n] = u64::MAX >> (64 - 8 * n);
        n += 1;
    }
    k
};

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline]
fn word(p: &[u8]) -> u64 {
    p.iter()
        .take(8)
        .enumerate()
        .fold(0u64, |x, (i, &b)| x | (b as u64) << (8 * i))
}

/// The tag bit of a whole word (a key read to a word's end), beside the
/// length in the low bits.
const WORD: u64 = 16;

/// A 64-bit key for the bytes held in `x` and their `tag` (length, and
/// [`WORD`] for a whole word), whose high bits are the hash
/// (multiplicative hashing: they depend on every input bit).
#[inline]
fn mix(x: u64, tag: u64) -> u64 {
    (x.rotate_left(5) ^ tag).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

/// The key of a prefix of at most eight bytes.
fn prefix_key(p: &[u8]) -> u64 {
    mix(word(p), p.len() as u64)
}

/// Mixes the bytes past the eighth of a word into its first eight (none
/// change nothing).
#[inline]
fn spread(rest: u64) -> u64 {
    rest.wrapping_mul(0xC2B2_AE3D_27D4_EB4F).rotate_left(23)
}

/// The key of a whole word of at most [`LONG`] bytes.
fn word_key(p: &[u8]) -> u64 {
    let (head, rest) = p.split_at(p.len().min(8));
    mix(word(head) ^ spread(word(rest)), WORD | p.len() as u64)
}

/// What an enumeration collects, its caps, and buffers reused from one
/// node to the next (the build was mostly allocation).
struct Walk {
    /// Prefixes of `1..=depth` bytes.
    depth: usize,
    /// Whole words of `1..=words` bytes (`words >= depth`).
    words: usize,
    /// The keys found.
    out: Vec<u64>,
    /// Node decodes so far (capped by [`MAX_WORK`]).
    work: usize,
    /// Spare node and edge lists: each level of the walk takes its own and
    /// gives them back.
    nodes: Vec<Vec<CompiledAddr>>,
    edges: Vec<Vec<(u8, CompiledAddr)>>,
}

impl Walk {
    /// An empty node list from the spares.
    fn take_nodes(&mut self) -> Vec<CompiledAddr> {
        let mut v = self.nodes.pop().unwrap_or_default();
        v.clear();
        v
    }
}

/// Collects the keys of every text prefix of `1..=depth` bytes, and of
/// every whole word of `1..=words` bytes. False when a cap was hit.
fn enumerate<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    root: &[Option<(CompiledAddr, u64)>],
    at: &mut Walk,
) -> bool {
    let mut closed = at.take_nodes();
    let mut ok = true;
    for (b1, r) in root.iter().enumerate() {
        let Some((addr, _)) = *r else { continue };
        let mut bytes = [0u8; LONG];
        bytes[0] = b1 as u8;
        at.out.push(prefix_key(&bytes[..1]));
        let expand = at.words > 1;
        let (within, end) = closure(fst, &[addr], b1 as u8, &mut at.work, &mut closed, expand);
        if end {
            at.out.push(word_key(&bytes[..1]));
        }
        if !expand {
            continue;
        }
        if !within || !extend(fst, &closed, bytes, 1, at) {
            ok = false;
            break;
        }
    }
    at.nodes.push(closed);
    ok
}

/// Puts in `set` the nodes `start` and those reachable from them by the
/// scanner's moves that read no text: a key's `' '`, and `' '` followed by
/// `prev` (the letter before, re-read), if `expand`. Returns whether the
/// set stayed within [`MAX_CLOSURE`] nodes, and whether a key may stop at
/// one of `start` (it is final, or goes on with a space: the next token's).
fn closure<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    start: &[CompiledAddr],
    prev: u8,
    work: &mut usize,
    set: &mut Vec<CompiledAddr>,
    expand: bool,
) -> (bool, bool) {
    set.clear();
    set.extend_from_slice(start);
    let mut end = false;
    let mut i = 0;
    while i < set.len() {
        *work += 1;
        let node = fst.node(set[i]);
        let space = node.find_input(b' ');
        if i < start.len() {
            end |= node.is_final() || space.is_some();
        }
        i += 1;
        // Without `expand` nothing is added: the loop ends after `start`.
        let Some(ti) = space.filter(|_| expand) else {
            continue;
        };
        let after = node.transition(ti).addr;
        if !set.contains(&after) {
            set.push(after);
        }
        let an = fst.node(after);
        if let Some(t2) = an.find_input(prev) {
            let a = an.transition(t2).addr;
            if !set.contains(&a) {
                set.push(a);
            }
        }
        if set.len() > MAX_CLOSURE {
            return (false, end);
        }
    }
    (true, end)
}

/// Records every text prefix (up to `at.depth` bytes) and whole word (up
/// to `at.words`) reachable from the closed node set `set` after reading
/// `len` bytes of `bytes`. False when a cap is hit.
fn extend<D: AsRef<[u8]>>(
    fst: &Fst<D>,
    set: &[CompiledAddr],
    bytes: [u8; LONG],
    len: usize,
    at: &mut Walk,
) -> bool {
    // Group the targets by the byte read, so each next prefix is expanded
    // once from all the nodes that reach it.
    let mut by_byte = at.edges.pop().unwrap_or_default();
    by_byte.clear();
    for &n in set {
        at.work += 1;
        by_byte.extend(fst.node(n).transitions().map(|t| (t.inp, t.addr)));
    }
    let mut ok = at.work <= MAX_WORK;
    by_byte.sort_unstable();
    by_byte.dedup();
    let (mut targets, mut closed) = (at.take_nodes(), at.take_nodes());
    let mut rest = &by_byte[..];
    while let (true, Some(&(b, _))) = (ok, rest.first()) {
        let n = rest.iter().take_while(|t| t.0 == b).count();
        let (group, tail) = rest.split_at(n);
        rest = tail;
        let mut next = bytes;
        next[len] = b;
        if len < at.depth {
            at.out.push(prefix_key(&next[..len + 1]));
        }
        targets.clear();
        targets.extend(group.iter().map(|g| g.1));
        let expand = len + 1 < at.words;
        let (within, end) = closure(fst, &targets, b, &mut at.work, &mut closed, expand);
        if end {
            at.out.push(word_key(&next[..len + 1]));
        }
        if expand {
            ok = within && extend(fst, &closed, next, len + 1, at);
        }
    }
    at.nodes.push(targets);
    at.nodes.push(closed);
    at.edges.push(by_byte);
    ok
}

#[cfg(test)]
mod tests {
    use super::*;

    fn starts(keys: &[&str]) -> Starts {
        let mut keys = keys.to_vec();
        keys.sort_unstable();
        let fst = fst::Map::from_iter(keys.iter().map(|k| (k, 0u64)))
            .unwrap()
            .into_fst();
        Starts::new(&fst)
    }

    fn may(s: &Starts, token: &str, glued: bool) -> bool {
        s.probe().may_start(token.as_bytes(), 0, token.len(), glued)
    }

    #[test]
    fn a_short_word_passes_only_as_a_key_word_or_glued_to_the_next() {
        let s = starts(&["jamaat ul ahrar", "ja ja", "al qaeda", "x"]);
        // Words of a key, from its start.
        for w in ["jamaat", "ja", "al", "x"] {
            assert!(may(&s, w, false), "{w}");
        }
        // Begin a key but are not its first word: only when the next
        // token is glued on (`#JaMaat`) can the key go on.
        for w in ["jam", "jamaa", "a", "al q"] {
            assert!(!may(&s, w, false), "{w}");
            assert!(may(&s, w, true), "{w}");
        }
        // Begin no key at all.
        for w in ["q", "ul", "the"] {
            assert!(!may(&s, w, false), "{w}");
            assert!(!may(&s, w, true), "{w}");
        }
        // Glued words inside one token (`alqaeda`) take the key's space.
        assert!(may(&s, "alqaeda", false));
        assert!(may(&s, "jaja", false));
        // Longer than the prefixes: the prefix decides.
        assert!(may(&s, "jamaatulahrar", false));
        assert!(!may(&s, "qqqqqqqqqqqq", false));
    }

    #[test]
    fn a_long_word_passes_only_as_a_key_word_or_glued_to_the_next() {
        // `پاکستان` (14 bytes) begins `پاکستانی طالبان` but is no word of
        // it; `پاکستانی` (16 bytes) is.
        let s = starts(&["پاکستانی طالبان", "tehrikitaliban x", "tehrik"]);
        assert!(may(&s, "پاکستانی", false));
        assert!(!may(&s, "پاکستان", false));
        assert!(may(&s, "پاکستان", true));
        assert!(may(&s, "tehrikitaliban", false));
        assert!(!may(&s, "tehrikitali", false));
        assert!(may(&s, "tehrikitali", true));
        // Past sixteen bytes only the prefix is looked at.
        assert!(may(&s, "پاکستانیپاکستانی", false));
        assert!(may(&s, "tehrikitalibanxyz", false));
    }
}

//! The top of the lexicon's fst decoded into flat arrays, for the scanner.
//!
//! The scanner walks the fst from (nearly) every token that may start a key,
//! and decoding an fst node on each visit (`Node::new`, then a search of its
//! packed transitions) was the larger half of the search. Here the nodes
//! nearest the root, the ones every walk passes through, are decoded once,
//! breadth first, up to a budget of transitions: a step is then a search in
//! a few contiguous bytes (or one table load for wide nodes). Nodes beyond
//! the budget, reached only by long keys, are read from the fst as before.

use fst::raw::{CompiledAddr, Fst};

/// Cap on decoded transitions. A transition takes 21 bytes, its share of a
/// node 20 at most, and of a wide node's table 40 at most (512 bytes over
/// more than [`WIDE`] transitions), and each node 2 bytes of link runs:
/// about 2 MiB at the very worst, 1 MiB for lexicons of mostly narrow
/// nodes.
/// Measured on the scan bench's 10,000-term lexicon (callgrind): 8,000
/// transitions took 5.0% off the search's instructions, 32,000 took 6.4%,
/// the whole fst (262,144) 7.0% for five times the build cost.
const MAX_TRANSITIONS: usize = 1 << 15;
/// Nodes with more transitions than this get a 256-entry index table: one
/// load instead of a search (the root and its children, mostly).
const WIDE: usize = 12;
/// Marks a transition whose target was not decoded.
const NONE: u32 = u32::MAX;

/// Where a step leads: a decoded node, or an fst address to decode.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Target {
    Node(u32),
    Addr(CompiledAddr),
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Transitions are `first..first + len` of the transition arrays,
    /// sorted by input byte.
    first: u32,
    len: u16,
    is_final: bool,
    /// Has a transition on the space: the scanner tries one inside glued
    /// words at every byte, and this answers for nearly all of them.
    space: bool,
    /// Index into `tables` for wide nodes, else `NONE`.
    table: u32,
}

/// The decoded top of an fst. Built once per lexicon, on the first scan;
/// `Send + Sync`, read-only afterwards.
///
/// Nodes are laid out in depth-first order, so the nodes one key walks
/// through sit close together: laid out breadth first, every step of a
/// long key was a cache miss.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// The fst's root address: reading it from the fst decodes the root,
    /// its widest node.
    root: CompiledAddr,
    nodes: Vec<Node>,
    /// Final output per node (0 where not final).
    finals: Vec<u64>,
    /// Per transition: input byte, target node (or `NONE`), output, and
    /// the target's fst address (read only when the target is `NONE`).
    inputs: Vec<u8>,
    next: Vec<u32>,
    outs: Vec<u64>,
    addrs: Vec<CompiledAddr>,
    /// For wide nodes: one more than the transition's offset from `first`,
    /// by input byte, or 0.
    tables: Vec<[u16; 256]>,
    /// Per node: how many links start at it, a link being a node whose
    /// one transition, not on the space and without output, leads to the
    /// next node (depth-first order puts an only child right after its
    /// parent). Past the first letters of a key nearly every node is a
    /// link, and [`Trie::follow`] compares a run of them with the text at
    /// once instead of a step per byte. Capped at 255.
    links: Vec<u8>,
    /// Per node: a link's input byte (0 for other nodes), so the run from
    /// node `n` reads `spine[n..n + links[n]]`.
    spine: Vec<u8>,
}

/// A node decoded breadth first, before it gets its place.
struct Raw {
    is_final: bool,
    final_out: u64,
    /// Its transitions: `(input, child number, address, output)`.
    trans: std::ops::Range<usize>,
}

impl Trie {
    /// Decodes the top of `fst`. Costs one decode per node kept, at most
    /// [`MAX_TRANSITIONS`] transitions.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Trie {
        Trie::with_budget(fst, MAX_TRANSITIONS)
    }

    pub(crate) fn with_budget<D: AsRef<[u8]>>(fst: &Fst<D>, budget: usize) -> Trie {
        // Which nodes: breadth first from the root, so the budget goes to
        // the levels every search passes through. Nodes are numbered in
        // the order they are queued and decoded when their turn comes,
        // while the budget has room for all their transitions. A node the
        // fst shares between several parents (common suffixes) is decoded
        // once per parent: near the root there is little such sharing,
        // and no address map is needed.
        let mut queue: Vec<CompiledAddr> = vec![fst.root().addr()];
        let mut raws: Vec<Raw> = Vec::new();
        let mut trans: Vec<(u8, u32, CompiledAddr, u64)> = Vec::new();
        while let Some(&addr) = queue.get(raws.len()) {
            let node = fst.node(addr);
            if trans.len() + node.len() > budget || queue.len() + node.len() >= NONE as usize {
                break;
            }
            let from = trans.len();
            for t in node.transitions() {
                trans.push((t.inp, queue.len() as u32, t.addr, t.out.value()));
                queue.push(t.addr);
            }
            trans[from..].sort_unstable_by_key(|t| t.0);
            raws.push(Raw {
                is_final: node.is_final(),
                final_out: node.final_output().value(),
                trans: from..trans.len(),
            });
        }
        // Where: depth first (preorder) over the decoded nodes.
        let decoded = raws.len() as u32;
        let mut place = vec![NONE; raws.len()];
        let mut order = Vec::with_capacity(raws.len());
        let mut stack: Vec<u32> = if raws.is_empty() { vec![] } else { vec![0] };
        while let Some(n) = stack.pop() {
            place[n as usize] = order.len() as u32;
            order.push(n);
            // Reversed, so the first child is visited (placed) first.
            for t in trans[raws[n as usize].trans.clone()].iter().rev() {
                if t.1 < decoded {
                    stack.push(t.1);
                }
            }
        }
        let mut trie = Trie {
            root: fst.root().addr(),
            nodes: Vec::with_capacity(order.len()),
            finals: Vec::with_capacity(order.len()),
            inputs: Vec::with_capacity(trans.len()),
            next: Vec::with_capacity(trans.len()),
            outs: Vec::with_capacity(trans.len()),
            addrs: Vec::with_capacity(trans.len()),
            tables: Vec::new(),
            links: Vec::new(),
            spine: Vec::new(),
        };
        for &n in &order {
            let raw = &raws[n as usize];
            let ts = &trans[raw.trans.clone()];
            let table = if ts.len() > WIDE {
                let mut tab = [0u16; 256];
                for (k, t) in ts.iter().enumerate() {
                    // At most 256 transitions, one per byte: fits.
                    tab[t.0 as usize] = (k + 1) as u16;
                }
                trie.tables.push(tab);
                (trie.tables.len() - 1) as u32
            } else {
                NONE
            };
            trie.nodes.push(Node {
                first: trie.inputs.len() as u32,
                len: ts.len() as u16,
                is_final: raw.is_final,
                space: ts.iter().any(|t| t.0 == b' '),
                table,
            });
            trie.finals.push(raw.final_out);
            for &(inp, child, addr, out) in ts {
                trie.inputs.push(inp);
                // Children never decoded lead to the fst.
                trie.next
                    .push(place.get(child as usize).copied().unwrap_or(NONE));
                trie.outs.push(out);
                trie.addrs.push(addr);
            }
        }
        trie.link_runs();
        trie
    }

    /// Fills `links` and `spine`, from the last node back.
    fn link_runs(&mut self) {
        let n = self.nodes.len();
        self.links = vec![0; n];
        self.spine = vec![0; n];
        for (p, node) in self.nodes.iter().enumerate().rev() {
            let i = node.first as usize;
            let link = node.len == 1
                && self.inputs[i] != b' '
                && self.outs[i] == 0
                && self.next[i] as usize == p + 1;
            if link {
                self.spine[p] = self.inputs[i];
                let after = self.links.get(p + 1).copied().unwrap_or(0);
                self.links[p] = after.saturating_add(1);
            }
        }
    }

    /// How many links (see `links`) start at decoded node `n`.
    #[inline(always)]
    pub fn links(&self, n: u32) -> usize {
        self.links.get(n as usize).map_or(0, |&c| usize::from(c))
    }

    /// How many of the links from node `n` the bytes of `text` take, one
    /// byte a link: the node `n + m` is where the `m` steps lead, with no
    /// output, and none of the nodes on the way has a transition on the
    /// space.
    #[inline]
    pub fn follow(&self, n: u32, text: &[u8]) -> usize {
        let n = n as usize;
        let run = self.spine.get(n..n + self.links(n as u32)).unwrap_or(&[]);
        run.iter().zip(text).take_while(|(a, b)| a == b).count()
    }

    /// Where every search starts: the root (decoded unless the budget is
    /// smaller than the root alone).
    pub fn root(&self) -> Target {
        if self.nodes.is_empty() {
            Target::Addr(self.root)
        } else {
            Target::Node(0)
        }
    }

    /// The final output of decoded node `n`, if a key ends there.
    #[inline]
    pub fn final_out(&self, n: u32) -> Option<u64> {
        let node = self.nodes.get(n as usize)?;
        node.is_final.then(|| self.finals[n as usize])
    }

    /// Whether decoded node `n` has a transition on the space.
    #[inline(always)]
    pub fn has_space(&self, n: u32) -> bool {
        self.nodes.get(n as usize).is_some_and(|node| node.space)
    }

    /// The transition of decoded node `n` on byte `b`: (target, output).
    #[inline(always)]
    pub fn step(&self, n: u32, b: u8) -> Option<(Target, u64)> {
        let node = self.nodes.get(n as usize)?;
        let first = node.first as usize;
        let k = match self.tables.get(node.table as usize) {
            Some(tab) => usize::from(tab[b as usize]).checked_sub(1)?,
            None => {
                // Sorted: the search stops at the first input not below
                // `b` (at once for the space a glued word tries at every
                // byte, the smallest input a key has).
                let inputs = self.inputs.get(first..first + usize::from(node.len))?;
                let k = inputs.iter().position(|&x| x >= b)?;
                if inputs[k] != b {
                    return None;
                }
                k
            }
        };
        let i = first + k;
        let target = match self.next[i] {
            NONE => Target::Addr(self.addrs[i]),
            c => Target::Node(c),
        };
        Some((target, self.outs[i]))
    }

    /// How many nodes were decoded.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.nodes.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Lexicon;

    /// Every decoded node answers every step and final output exactly as
    /// the fst's own node at the same place does; steps out of the decoded
    /// part give the fst's address.
    fn agrees_with_fst(fst: &Fst<&[u8]>, trie: &Trie) -> usize {
        let mut seen = 0;
        let mut todo = match trie.root() {
            Target::Node(n) => vec![(n, fst.root().addr())],
            Target::Addr(a) => {
                assert_eq!(a, fst.root().addr());
                vec![]
            }
        };
        let mut visited = std::collections::HashSet::new();
        while let Some((n, addr)) = todo.pop() {
            if !visited.insert(n) {
                continue;
            }
            seen += 1;
            let node = fst.node(addr);
            links_agree(trie, n);
            assert_eq!(
                trie.final_out(n),
                node.is_final().then(|| node.final_output().value())
            );
            for b in 0..=255u8 {
                if b == b' ' {
                    assert_eq!(trie.has_space(n), node.find_input(b).is_some());
                }
                let want = node.find_input(b).map(|i| node.transition(i));
                let got = trie.step(n, b);
                assert_eq!(got.is_some(), want.is_some(), "node {n} byte {b}");
                let (Some((target, out)), Some(want)) = (got, want) else {
                    continue;
                };
                assert_eq!(out, want.out.value());
                match target {
                    Target::Node(c) => todo.push((c, want.addr)),
                    Target::Addr(a) => assert_eq!(a, want.addr),
                }
            }
        }
        seen
    }

    /// A run of links from `n` is what stepping byte by byte finds: each
    /// link has one transition, on its spine byte, to the next node, with
    /// no output and not on the space; `follow` stops where the text
    /// leaves the run.
    fn links_agree(trie: &Trie, n: u32) {
        let run = trie.links(n);
        let bytes = trie.spine[n as usize..n as usize + run].to_vec();
        for (k, &b) in bytes.iter().enumerate() {
            let at = n + k as u32;
            assert_ne!(b, b' ');
            assert_eq!(trie.step(at, b), Some((Target::Node(at + 1), 0)));
            let others = (0..=255u8).filter(|&x| trie.step(at, x).is_some());
            assert_eq!(others.count(), 1, "link {at} has one transition");
        }
        if run < 255 {
            // The run ends where a node is no link.
            let end = n + run as u32;
            let (mut count, mut only) = (0, None);
            for x in 0..=255u8 {
                if let Some(t) = trie.step(end, x) {
                    count += 1;
                    only = Some((x, t));
                }
            }
            if count == 1 {
                let (x, (target, out)) = only.unwrap();
                assert!(x == b' ' || out != 0 || target != Target::Node(end + 1));
            }
        }
        assert_eq!(trie.follow(n, &bytes), run);
        for cut in 0..run {
            let mut text = bytes.clone();
            text[cut] ^= 0x01;
            assert_eq!(trie.follow(n, &text), cut, "a byte off at {cut}");
            assert_eq!(trie.follow(n, &bytes[..cut]), cut, "text ends at {cut}");
        }
    }

    #[test]
    fn decoded_nodes_agree_with_the_fst() {
        let lexicon = Lexicon::embedded();
        let fst = Fst::new(lexicon.fst().as_bytes()).unwrap();
        let whole = Trie::new(&fst);
        assert_eq!(agrees_with_fst(&fst, &whole), whole.len());
        assert!(whole.len() > 1000);
        // A small budget: the walk stops at undecoded nodes, and what is
        // decoded is still right.
        for budget in [0, 1, 50, 300, 2000] {
            let part = Trie::with_budget(&fst, budget);
            assert!(part.inputs.len() <= budget);
            assert!(agrees_with_fst(&fst, &part) == part.len());
        }
    }
}

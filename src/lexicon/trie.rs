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
/// more than [`WIDE`] transitions): about 2 MiB at the very worst, 1 MiB
/// for lexicons of mostly narrow nodes.
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
        trie
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

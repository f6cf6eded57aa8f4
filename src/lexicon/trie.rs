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

/// Cap on decoded transitions (about 25 bytes each, under 1 MiB in all).
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
pub(crate) struct Target {
    /// Index of the decoded node, or `None` beyond the budget.
    pub node: Option<u32>,
    /// The node's address in the fst (always valid).
    pub addr: CompiledAddr,
}

#[derive(Debug, Clone, Copy)]
struct Node {
    /// Final output, if a key ends here.
    final_out: Option<u64>,
    /// Transitions are `first..first + len` of the transition arrays,
    /// sorted by input byte.
    first: u32,
    len: u32,
    /// Index into `tables` for wide nodes, else `NONE`.
    table: u32,
}

/// The decoded top of an fst. Built once per lexicon, on the first scan;
/// `Send + Sync`, read-only afterwards.
#[derive(Debug, Clone)]
pub(crate) struct Trie {
    /// The fst's root address: reading it from the fst decodes the root,
    /// its widest node.
    root: CompiledAddr,
    nodes: Vec<Node>,
    inputs: Vec<u8>,
    /// `(target node or NONE, target address, output)` per transition.
    targets: Vec<(u32, CompiledAddr, u64)>,
    /// For wide nodes: one more than the transition's offset from `first`,
    /// by input byte, or 0.
    tables: Vec<[u16; 256]>,
}

impl Trie {
    /// Decodes `fst` breadth first from the root, up to `budget`
    /// transitions. Costs one decode per node kept.
    pub fn new<D: AsRef<[u8]>>(fst: &Fst<D>) -> Trie {
        Trie::with_budget(fst, MAX_TRANSITIONS)
    }

    pub(crate) fn with_budget<D: AsRef<[u8]>>(fst: &Fst<D>, budget: usize) -> Trie {
        let mut trie = Trie {
            root: fst.root().addr(),
            nodes: Vec::new(),
            inputs: Vec::new(),
            targets: Vec::new(),
            tables: Vec::new(),
        };
        // Nodes are numbered in the order they are queued, and decoded
        // (their transitions appended) when their turn comes, while the
        // budget has room for all their transitions. A node the fst shares
        // between several parents (common suffixes) is decoded once per
        // parent: near the root, where the budget goes, there is little
        // such sharing, and no address map is needed.
        let mut queue: Vec<CompiledAddr> = vec![fst.root().addr()];
        let mut trans = Vec::new();
        let mut next = 0;
        while let Some(&addr) = queue.get(next) {
            next += 1;
            let node = fst.node(addr);
            if trie.inputs.len() + node.len() > budget || queue.len() + node.len() >= NONE as usize
            {
                break;
            }
            let first = trie.inputs.len() as u32;
            trans.clear();
            trans.extend(node.transitions());
            trans.sort_unstable_by_key(|t| t.inp);
            for t in &trans {
                trie.inputs.push(t.inp);
                trie.targets
                    .push((queue.len() as u32, t.addr, t.out.value()));
                queue.push(t.addr);
            }
            let table = if trans.len() > WIDE {
                let mut tab = [0u16; 256];
                for (k, t) in trans.iter().enumerate() {
                    // At most 256 transitions, one per byte: fits.
                    tab[t.inp as usize] = (k + 1) as u16;
                }
                trie.tables.push(tab);
                (trie.tables.len() - 1) as u32
            } else {
                NONE
            };
            trie.nodes.push(Node {
                final_out: node.is_final().then(|| node.final_output().value()),
                first,
                len: trans.len() as u32,
                table,
            });
        }
        // Numbers handed to children that were never decoded mean nothing:
        // those steps lead to the fst.
        let decoded = trie.nodes.len() as u32;
        for t in &mut trie.targets {
            if t.0 >= decoded {
                t.0 = NONE;
            }
        }
        trie
    }

    /// Where every search starts: the root (decoded unless the budget is
    /// smaller than the root alone).
    pub fn root(&self) -> Target {
        Target {
            node: (!self.nodes.is_empty()).then_some(0),
            addr: self.root,
        }
    }

    /// The final output of decoded node `n`, if a key ends there.
    #[inline]
    pub fn final_out(&self, n: u32) -> Option<u64> {
        self.nodes.get(n as usize)?.final_out
    }

    /// The transition of decoded node `n` on byte `b`: (target, output).
    #[inline]
    pub fn step(&self, n: u32, b: u8) -> Option<(Target, u64)> {
        let node = self.nodes.get(n as usize)?;
        let (first, len) = (node.first as usize, node.len as usize);
        let inputs = self.inputs.get(first..first + len)?;
        let k = match self.tables.get(node.table as usize) {
            Some(tab) => usize::from(tab[b as usize]).checked_sub(1)?,
            None => inputs.iter().position(|&x| x == b)?,
        };
        let &(child, addr, out) = self.targets.get(first + k)?;
        Some((
            Target {
                node: (child != NONE).then_some(child),
                addr,
            },
            out,
        ))
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
    /// the fst's own node at the same address does.
    fn agrees_with_fst(fst: &Fst<&[u8]>, trie: &Trie) -> usize {
        let mut seen = 0;
        let mut todo = vec![(0u32, fst.root().addr())];
        assert_eq!(trie.root().addr, fst.root().addr());
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
                let want = node.find_input(b).map(|i| node.transition(i));
                let got = trie.step(n, b);
                assert_eq!(
                    got.map(|(t, o)| (t.addr, o)),
                    want.map(|t| (t.addr, t.out.value())),
                    "node {n} byte {b}"
                );
                if let Some((
                    Target {
                        node: Some(c),
                        addr,
                    },
                    _,
                )) = got
                {
                    todo.push((c, addr));
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
        assert!(agrees_with_fst(&fst, &whole) > 1000);
        // A small budget: the walk stops at undecoded nodes, and what is
        // decoded is still right.
        for budget in [0, 1, 50, 300, 2000] {
            let part = Trie::with_budget(&fst, budget);
            assert!(part.inputs.len() <= budget);
            if budget > 0 && part.len() > 0 {
                agrees_with_fst(&fst, &part);
            }
        }
    }
}

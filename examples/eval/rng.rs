//! A small deterministic random source, so every run of the evaluation
//! generates exactly the same variants and corpus.

#[path = "../../benches/common/rng.rs"]
mod splitmix;

/// The benches' SplitMix64, seeded from strings, with the choices the
/// evaluation makes.
#[derive(Debug, Clone)]
pub struct Rng(splitmix::Rng);

impl Rng {
    /// A generator seeded from any number of strings, so a term's variants do
    /// not depend on the order entries are visited in.
    pub fn seeded(parts: &[&str]) -> Rng {
        // FNV-1a over the parts, with a separator so ("ab", "c") != ("a", "bc").
        let mut h: u64 = 0xcbf2_9ce4_8422_2325;
        for p in parts {
            for b in p.bytes().chain([0xff]) {
                h ^= u64::from(b);
                h = h.wrapping_mul(0x0100_0000_01b3);
            }
        }
        Rng(splitmix::Rng::new(h))
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0.next_u64()
    }

    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.0.below(n)
    }

    /// A number in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    pub fn coin(&mut self) -> bool {
        self.next_u64() & 1 == 1
    }

    /// One element of a non-empty slice.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }

    /// `k` distinct elements of `items`, in their original order.
    pub fn choose<T: Copy + Ord>(&mut self, items: &[T], k: usize) -> Vec<T> {
        let mut v = items.to_vec();
        self.shuffle(&mut v);
        v.truncate(k);
        v.sort_unstable();
        v
    }
}

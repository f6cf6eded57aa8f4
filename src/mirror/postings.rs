//! The inverted index from blocking keys to accounts.
//!
//! Bulk-built postings live in one sorted array of `key << 32 | account`
//! words with a directory over the keys' top bits, so a lookup is a short
//! binary search and a contiguous read. Accounts inserted later go to a
//! hash map; when it holds more than a quarter of the postings it is merged
//! into the array (linear), so an insert costs amortised constant time per
//! key and the index never needs rebuilding from accounts.

use std::collections::HashMap;

#[derive(Debug, Clone, Default)]
pub(crate) struct Postings {
    /// Sorted `key << 32 | account`.
    entries: Vec<u64>,
    /// `dir[b]..dir[b + 1]` is the range of entries whose key's top `bits`
    /// bits are `b`.
    dir: Vec<u32>,
    bits: u32,
    delta: HashMap<u32, Vec<u32>>,
    delta_len: usize,
}

impl Postings {
    /// Postings from unsorted `key << 32 | account` words.
    pub(crate) fn from_entries(mut entries: Vec<u64>) -> Postings {
        use rayon::slice::ParallelSliceMut;
        entries.par_sort_unstable();
        entries.dedup();
        let mut p = Postings {
            entries,
            ..Postings::default()
        };
        p.rebuild_dir();
        p
    }

    /// Postings from words already sorted and deduplicated (checked by the
    /// caller).
    pub(crate) fn from_sorted(entries: Vec<u64>) -> Postings {
        let mut p = Postings {
            entries,
            ..Postings::default()
        };
        p.rebuild_dir();
        p
    }

    fn rebuild_dir(&mut self) {
        let n = self.entries.len();
        self.bits = (usize::BITS - (n / 4).leading_zeros()).clamp(4, 24);
        let buckets = 1usize << self.bits;
        let mut dir = vec![0u32; buckets + 1];
        let shift = 64 - self.bits;
        let mut at = 0usize;
        for (b, slot) in dir.iter_mut().enumerate().take(buckets) {
            *slot = at as u32;
            while at < n && (self.entries[at] >> shift) as usize == b {
                at += 1;
            }
        }
        dir[buckets] = n as u32;
        self.dir = dir;
    }

    pub(crate) fn insert(&mut self, key: u32, account: u32) {
        self.delta.entry(key).or_default().push(account);
        self.delta_len += 1;
        if self.delta_len > (self.entries.len() / 4).max(1 << 16) {
            self.merge();
        }
    }

    /// Moves the inserted postings into the sorted array.
    pub(crate) fn merge(&mut self) {
        if self.delta_len == 0 {
            return;
        }
        let mut extra: Vec<u64> = Vec::with_capacity(self.delta_len);
        for (&k, ids) in &self.delta {
            extra.extend(ids.iter().map(|&i| (k as u64) << 32 | i as u64));
        }
        extra.sort_unstable();
        let mut merged = Vec::with_capacity(self.entries.len() + extra.len());
        let (mut i, mut j) = (0, 0);
        let (a, b) = (&self.entries, &extra);
        while i < a.len() && j < b.len() {
            if a[i] <= b[j] {
                merged.push(a[i]);
                i += 1;
            } else {
                merged.push(b[j]);
                j += 1;
            }
        }
        merged.extend_from_slice(&a[i..]);
        merged.extend_from_slice(&b[j..]);
        merged.dedup();
        self.entries = merged;
        self.delta.clear();
        self.delta_len = 0;
        self.rebuild_dir();
    }

    /// The sorted part's accounts under `key`.
    fn frozen(&self, key: u32) -> &[u64] {
        let b = key.checked_shr(32 - self.bits).unwrap_or(0) as usize;
        let (Some(&lo), Some(&hi)) = (self.dir.get(b), self.dir.get(b + 1)) else {
            return &[];
        };
        let bucket = self.entries.get(lo as usize..hi as usize).unwrap_or(&[]);
        let start = bucket.partition_point(|&e| (e >> 32) < key as u64);
        let len = bucket[start..].partition_point(|&e| (e >> 32) == key as u64);
        &bucket[start..start + len]
    }

    /// How many accounts are filed under `key`.
    pub(crate) fn count(&self, key: u32) -> usize {
        self.frozen(key).len() + self.delta.get(&key).map_or(0, Vec::len)
    }

    /// Appends the accounts filed under `key` to `out`.
    pub(crate) fn extend(&self, key: u32, out: &mut Vec<u32>) {
        out.extend(self.frozen(key).iter().map(|&e| e as u32));
        if let Some(ids) = self.delta.get(&key) {
            out.extend_from_slice(ids);
        }
    }

    /// Every posting, sorted (merging a copy of the inserted ones).
    pub(crate) fn sorted_entries(&self) -> std::borrow::Cow<'_, [u64]> {
        if self.delta_len == 0 {
            return std::borrow::Cow::Borrowed(&self.entries);
        }
        let mut copy = self.clone();
        copy.merge();
        std::borrow::Cow::Owned(copy.entries)
    }

    pub(crate) fn heap_bytes(&self) -> usize {
        self.entries.capacity() * 8
            + self.dir.capacity() * 4
            + self.delta.capacity() * (4 + std::mem::size_of::<Vec<u32>>() + 1)
            + self.delta.values().map(|v| v.capacity() * 4).sum::<usize>()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bulk_and_inserted_postings_are_found_alike() {
        let mut bulk = Vec::new();
        for acc in 0..1000u32 {
            let mut keys = [
                acc % 7,
                acc % 13 + 100,
                u32::MAX - acc % 3,
                acc.wrapping_mul(2654435761),
            ];
            keys.sort_unstable();
            for (i, &k) in keys.iter().enumerate() {
                if i == 0 || keys[i - 1] != k {
                    bulk.push((k as u64) << 32 | acc as u64);
                }
            }
        }
        let all = Postings::from_entries(bulk.clone());
        let mut half = Postings::from_entries(bulk[..2000].to_vec());
        for &e in &bulk[2000..] {
            half.insert((e >> 32) as u32, e as u32);
        }
        let mut grown = Postings::default();
        for &e in &bulk {
            grown.insert((e >> 32) as u32, e as u32);
        }
        for key in [0, 3, 6, 100, 112, u32::MAX, u32::MAX - 2, 42, 7] {
            let get = |p: &Postings| {
                let mut v = Vec::new();
                p.extend(key, &mut v);
                v.sort_unstable();
                v
            };
            assert_eq!(get(&all), get(&half), "key {key}");
            assert_eq!(get(&all), get(&grown), "key {key}");
            assert_eq!(all.count(key), get(&all).len());
        }
        assert_eq!(all.count(0), 1000 / 7 + 1);
        assert_eq!(
            half.sorted_entries().as_ref(),
            all.sorted_entries().as_ref()
        );
    }
}

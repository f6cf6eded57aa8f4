//! Edit distance for short strings (handles, names): banded, bounded,
//! allocation-free, with a cheap test that rules most pairs out first.

/// Number of characters, fast for ASCII.
pub(crate) fn char_len(s: &str) -> usize {
    if s.is_ascii() {
        s.len()
    } else {
        s.chars().count()
    }
}

/// The characters of `s` as a 64-bit set (code point modulo 64). If two
/// strings are within `k` edits, each has at most `k` bits the other lacks.
pub(crate) fn char_mask(s: &str) -> u64 {
    s.chars().fold(0, |m, c| m | 1 << (c as u32 % 64))
}

/// False only if two strings with these masks are more than `k` edits apart.
pub(crate) fn may_be_within(a: u64, b: u64, k: u32) -> bool {
    (a & !b).count_ones() <= k && (b & !a).count_ones() <= k
}

/// Strings up to this many characters are compared without allocating.
const STACK_CHARS: usize = 128;

/// Optimal-string-alignment distance between `a` and `b` if it is at most
/// `k` (at most 250), computed in a band of width `2k + 1`.
pub(crate) fn bounded_osa(a: &str, b: &str, k: usize) -> Option<usize> {
    if a.is_ascii() && b.is_ascii() {
        return osa_slices(a.as_bytes(), b.as_bytes(), k);
    }
    let (mut ca, mut cb) = (['\0'; STACK_CHARS], ['\0'; STACK_CHARS]);
    let (mut na, mut nb) = (0, 0);
    for c in a.chars() {
        if na == STACK_CHARS {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            return osa_slices(&a, &b, k);
        }
        ca[na] = c;
        na += 1;
    }
    for c in b.chars() {
        if nb == STACK_CHARS {
            let a: Vec<char> = a.chars().collect();
            let b: Vec<char> = b.chars().collect();
            return osa_slices(&a, &b, k);
        }
        cb[nb] = c;
        nb += 1;
    }
    osa_slices(&ca[..na], &cb[..nb], k)
}

fn osa_slices<T: Eq>(a: &[T], b: &[T], k: usize) -> Option<usize> {
    let (n, m) = (a.len(), b.len());
    if n.abs_diff(m) > k {
        return None;
    }
    if n == 0 || m == 0 {
        return Some(n.max(m));
    }
    let k = k.min(250);
    let mut stack = [0u8; 3 * (STACK_CHARS + 1)];
    let mut heap = Vec::new();
    let rows: &mut [u8] = if m <= STACK_CHARS {
        &mut stack[..3 * (m + 1)]
    } else {
        heap.resize(3 * (m + 1), 0);
        &mut heap
    };
    let big = (k + 1) as u8;
    rows.fill(big);
    for (j, cell) in rows[..=m.min(k)].iter_mut().enumerate() {
        *cell = j as u8;
    }
    for i in 1..=n {
        let (cur, prev, prev2) = (
            (i % 3) * (m + 1),
            ((i - 1) % 3) * (m + 1),
            ((i + 1) % 3) * (m + 1),
        );
        let lo = i.saturating_sub(k).max(1);
        let hi = (i + k).min(m);
        rows[cur..cur + m + 1].fill(big);
        if i <= k {
            rows[cur] = i as u8;
        }
        let mut row_min = rows[cur];
        for j in lo..=hi {
            let cost = u8::from(a[i - 1] != b[j - 1]);
            let mut v = (rows[prev + j - 1] + cost)
                .min(rows[prev + j] + 1)
                .min(rows[cur + j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                v = v.min(rows[prev2 + j - 2] + 1);
            }
            let v = v.min(big);
            rows[cur + j] = v;
            row_min = row_min.min(v);
        }
        if row_min > k as u8 {
            return None;
        }
    }
    let d = rows[(n % 3) * (m + 1) + m] as usize;
    (d <= k).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn edit_distance_is_banded_and_exact_within_the_band() {
        assert_eq!(bounded_osa("umarmedia", "umarmedia", 2), Some(0));
        assert_eq!(bounded_osa("umarmedia", "uamrmedia", 2), Some(1));
        assert_eq!(bounded_osa("umarmedia", "umarmadia", 2), Some(1));
        assert_eq!(bounded_osa("umarmedia", "umrmedia", 2), Some(1));
        assert_eq!(bounded_osa("umarmedia", "umarmediaxy", 2), Some(2));
        assert_eq!(bounded_osa("umarmedia", "omarnews", 2), None);
        assert_eq!(bounded_osa("", "ab", 2), Some(2));
        assert_eq!(bounded_osa("عمرمیڈیا", "عمرمیدیا", 2), Some(1));
    }

    #[test]
    fn masks_never_rule_out_strings_within_reach() {
        for (a, b) in [
            ("umarmedia", "uamrmedia"),
            ("umarmedia", "umarmadia"),
            ("abc", "xbc"),
        ] {
            let d = bounded_osa(a, b, 2).unwrap() as u32;
            assert!(may_be_within(char_mask(a), char_mask(b), d));
        }
        assert!(!may_be_within(
            char_mask("umarmedia"),
            char_mask("khorasan"),
            2
        ));
        assert_eq!(char_len("عمر"), 3);
    }
}

//! Reading a run of ASCII letters eight bytes at a time: words are short and
//! their ends unpredictable, so a byte loop pays a mispredicted branch per
//! word; here a word of up to seven letters takes one step.

const LO: u64 = 0x0101_0101_0101_0101;
const HI: u64 = 0x8080_8080_8080_8080;

/// What a run of ASCII letters is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Letters {
    /// Where the run ends (the first byte that is not an ASCII letter).
    pub end: usize,
    /// How many are capitals.
    pub upper: u32,
    /// How many runs of one letter (ignoring case) it has.
    pub runs: u32,
}

/// How many high bits `m` (a subset of `HI`) has. Not `count_ones`: without
/// a `popcnt` instruction in the target (x86-64's baseline has none) that
/// is a long sequence; here the bits, moved to the low end of their bytes,
/// are summed into the top byte by one multiplication.
#[inline]
fn count(m: u64) -> u32 {
    ((m >> 7).wrapping_mul(LO) >> 56) as u32
}

/// Reads the ASCII letters of `bytes` from `pos`.
#[inline]
pub(crate) fn scan(bytes: &[u8], pos: usize) -> Letters {
    let (mut j, mut upper, mut pairs) = (pos, 0u32, 0u32);
    // The lowercased letter before `j` (0 at the start: equal to none).
    let mut prev = 0u64;
    while let Some(chunk) = bytes.get(j..j + 8) {
        let mut a = [0u8; 8];
        a.copy_from_slice(chunk);
        let x = u64::from_le_bytes(a);
        let l = x | (0x20 * LO);
        // High bit of each byte: a letter (`a`..=`z` once lowercased, and
        // ASCII). Seven-bit bytes plus a constant carry into their own high
        // bit only, so bytes do not disturb each other.
        let t = l & !HI;
        let ge_a = t + (0x80 - b'a' as u64) * LO;
        let gt_z = t + (0x80 - b'z' as u64 - 1) * LO;
        let letter = ge_a & !gt_z & !x & HI;
        // Leading letters: up to the first byte that is not one (its high
        // bit is the lowest in `stop`; all of them if there is none).
        let stop = !letter & HI;
        let k = (stop.trailing_zeros() / 8) as usize;
        let within = (stop & stop.wrapping_neg()).wrapping_sub(1) & HI;
        // Capitals: letters with bit 0x20 clear.
        upper += count((!x & (0x20 * LO)) << 2 & within);
        // A letter equal to the one before it: a zero byte in `d`.
        let d = l ^ (l << 8 | prev);
        let zero = !(((d & !HI) + !HI) | d) & HI;
        pairs += count(zero & within);
        j += k;
        if k < 8 {
            return Letters {
                end: j,
                upper,
                runs: (j - pos) as u32 - pairs,
            };
        }
        prev = l >> 56;
    }
    // The last few bytes of the text, one by one.
    let mut p = prev as u8;
    while let Some(&b) = bytes.get(j) {
        let l = b | 0x20;
        if !l.is_ascii_lowercase() {
            break;
        }
        upper += (b < 0x60) as u32;
        pairs += (l == p) as u32;
        p = l;
        j += 1;
    }
    Letters {
        end: j,
        upper,
        runs: (j - pos) as u32 - pairs,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn slow(bytes: &[u8], pos: usize) -> Letters {
        let (mut j, mut upper, mut runs, mut prev) = (pos, 0, 0, 0u8);
        while let Some(&b) = bytes.get(j) {
            let l = b | 0x20;
            if !l.is_ascii_lowercase() {
                break;
            }
            upper += (b < 0x60) as u32;
            runs += (l != prev) as u32;
            prev = l;
            j += 1;
        }
        Letters {
            end: j,
            upper,
            runs,
        }
    }

    #[test]
    fn same_as_one_by_one() {
        let alphabet = b"aAbBzZyY@[`{ \x7f\x80\xc1\xd8\xfa\xe1\x41\x5a\x61\x7a\xdb\xc0";
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for _ in 0..200_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let len = (seed % 24) as usize;
            let bytes: Vec<u8> = (0..len)
                .map(|i| {
                    let r = seed.rotate_left(i as u32 * 5) as usize;
                    if r % 4 == 0 {
                        alphabet[r / 4 % alphabet.len()]
                    } else {
                        b"aAabB"[r / 4 % 5]
                    }
                })
                .collect();
            for pos in 0..=len {
                assert_eq!(scan(&bytes, pos), slow(&bytes, pos), "{bytes:?} {pos}");
            }
        }
        for b in 0..=255u8 {
            let bytes = [b'a', b, b'a', b'a', b'a', b'a', b'a', b'a', b'a', b'a'];
            assert_eq!(scan(&bytes, 0), slow(&bytes, 0), "{b}");
        }
    }
}

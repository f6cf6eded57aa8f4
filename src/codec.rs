//! Shared pieces of vigil's binary formats (compiled lexicon, mirror index):
//! a checksummed header and a bounds-checked little-endian reader whose
//! errors name the byte offset.

use crate::error::{Error, Result};

/// Length of the common header: magic (8), format version (4), two words
/// of format-specific metadata (4 + 4), payload length (8), checksum (8),
/// reserved (4).
pub(crate) const HEADER_LEN: usize = 40;

/// A 64-bit checksum over `data`, continued from `seed` (so the header's
/// metadata and the payload are covered without copying them together),
/// 32 bytes at a time in four independent lanes: the multiplications
/// pipeline, about 4x the speed of one chained lane.
///
/// It detects truncation, bit flips and stray writes; it is not a defence
/// against deliberately forged data (see the crate docs on trust).
pub(crate) fn checksum_with(seed: u64, data: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    const LANE: [u64; 4] = [
        0x243F_6A88_85A3_08D3,
        0x1319_8A2E_0370_7344,
        0xA409_3822_299F_31D0,
        0x082E_FA98_EC4E_6C89,
    ];
    #[inline(always)]
    fn word(c: &[u8]) -> u64 {
        let mut w = [0u8; 8];
        w.copy_from_slice(&c[..8]);
        u64::from_le_bytes(w)
    }
    #[inline(always)]
    fn mix(h: u64, w: u64) -> u64 {
        (h ^ w).wrapping_mul(K).rotate_left(29)
    }
    let base = K ^ seed.rotate_left(17) ^ (data.len() as u64);
    let mut h = LANE.map(|l| base ^ l);
    let mut blocks = data.chunks_exact(32);
    for b in &mut blocks {
        h[0] = mix(h[0], word(&b[0..]));
        h[1] = mix(h[1], word(&b[8..]));
        h[2] = mix(h[2], word(&b[16..]));
        h[3] = mix(h[3], word(&b[24..]));
    }
    // Lanes are combined position-dependently, then the tail (under 32
    // bytes) is folded in eight bytes at a time.
    let mut acc = h[0]
        .rotate_left(1)
        .wrapping_add(h[1].rotate_left(7))
        .wrapping_add(h[2].rotate_left(12))
        .wrapping_add(h[3].rotate_left(18));
    let mut words = blocks.remainder().chunks_exact(8);
    for c in &mut words {
        acc = mix(acc, word(c));
    }
    let rest = words.remainder();
    let mut w = [0u8; 8];
    w[..rest.len()].copy_from_slice(rest);
    acc = mix(acc, u64::from_le_bytes(w) ^ 0xFF);
    // Final avalanche so that every input bit reaches every output bit.
    acc ^= acc >> 33;
    acc = acc.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    acc ^ (acc >> 33)
}

/// The fields of a header, for writing and after validation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Header {
    pub magic: [u8; 8],
    pub version: u32,
    pub meta: [u32; 2],
}

/// Prepends a header for `payload` and returns the whole file.
pub(crate) fn seal(header: Header, payload: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(HEADER_LEN + payload.len());
    out.extend_from_slice(&header.magic);
    out.extend_from_slice(&header.version.to_le_bytes());
    out.extend_from_slice(&header.meta[0].to_le_bytes());
    out.extend_from_slice(&header.meta[1].to_le_bytes());
    out.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    let seed = checksum_with(0, &out[8..24]);
    out.extend_from_slice(&checksum_with(seed, payload).to_le_bytes());
    out.extend_from_slice(&0u32.to_le_bytes());
    out.extend_from_slice(payload);
    out
}

/// Rewrites the payload length and checksum of a sealed file in place so
/// that it passes [`open`]'s integrity checks whatever its payload holds;
/// false (and nothing written) when `bytes` is shorter than a header. For
/// fuzzing and tests that need damage to reach the checks behind the
/// checksum.
#[cfg(any(test, feature = "fuzzing"))]
pub(crate) fn reseal(bytes: &mut [u8]) -> bool {
    if bytes.len() < HEADER_LEN {
        return false;
    }
    let payload_len = (bytes.len() - HEADER_LEN) as u64;
    bytes[20..28].copy_from_slice(&payload_len.to_le_bytes());
    let seed = checksum_with(0, &bytes[8..24]);
    let sum = checksum_with(seed, &bytes[HEADER_LEN..]);
    bytes[28..36].copy_from_slice(&sum.to_le_bytes());
    true
}

/// Checks magic, version, length and checksum; returns the metadata words
/// and the payload's range in `bytes`.
pub(crate) fn open(
    what: &'static str,
    magic: &[u8; 8],
    version: u32,
    bytes: &[u8],
) -> Result<([u32; 2], std::ops::Range<usize>)> {
    let corrupt = |offset: usize, message: String| Error::Corrupt {
        what,
        offset,
        message,
    };
    if bytes.len() < HEADER_LEN {
        return Err(corrupt(
            bytes.len(),
            format!(
                "{} bytes is shorter than the {HEADER_LEN}-byte header",
                bytes.len()
            ),
        ));
    }
    let mut r = Reader::new(what, &bytes[..HEADER_LEN]);
    if r.bytes(8)? != magic {
        return Err(corrupt(
            0,
            "bad magic: not a vigil file of this kind".into(),
        ));
    }
    let found = r.u32()?;
    if found != version {
        return Err(Error::Version {
            what,
            expected: version,
            found,
        });
    }
    let meta = [r.u32()?, r.u32()?];
    let payload_len = r.u64()?;
    let sum = r.u64()?;
    if r.u32()? != 0 {
        return Err(corrupt(36, "reserved header word is not zero".into()));
    }
    let have = (bytes.len() - HEADER_LEN) as u64;
    if payload_len != have {
        return Err(corrupt(
            24,
            format!("header promises {payload_len} payload bytes, {have} present (truncated?)"),
        ));
    }
    let payload = HEADER_LEN..bytes.len();
    if checksum_with(checksum_with(0, &bytes[8..24]), &bytes[payload.clone()]) != sum {
        return Err(corrupt(32, "checksum mismatch: the data is damaged".into()));
    }
    Ok((meta, payload))
}

/// A cursor over a byte slice whose every read is bounds-checked.
pub(crate) struct Reader<'a> {
    what: &'static str,
    data: &'a [u8],
    pos: usize,
    /// Added to `pos` in error messages, so offsets are file offsets.
    base: usize,
}

impl<'a> Reader<'a> {
    pub fn new(what: &'static str, data: &'a [u8]) -> Self {
        Reader {
            what,
            data,
            pos: 0,
            base: 0,
        }
    }

    pub fn with_base(mut self, base: usize) -> Self {
        self.base = base;
        self
    }

    pub fn pos(&self) -> usize {
        self.pos
    }

    pub fn corrupt(&self, message: impl Into<String>) -> Error {
        Error::Corrupt {
            what: self.what,
            offset: self.base + self.pos,
            message: message.into(),
        }
    }

    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8]> {
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.data.len())
            .ok_or_else(|| self.corrupt(format!("needs {n} more bytes, data ends")))?;
        let s = &self.data[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    pub fn u8(&mut self) -> Result<u8> {
        Ok(self.bytes(1)?[0])
    }

    pub fn u32(&mut self) -> Result<u32> {
        let mut w = [0u8; 4];
        w.copy_from_slice(self.bytes(4)?);
        Ok(u32::from_le_bytes(w))
    }

    pub fn u64(&mut self) -> Result<u64> {
        let mut w = [0u8; 8];
        w.copy_from_slice(self.bytes(8)?);
        Ok(u64::from_le_bytes(w))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const MAGIC: &[u8; 8] = b"VIGILTST";

    #[test]
    fn round_trip_and_every_single_bit_flip_is_caught() {
        let payload: Vec<u8> = (0..100u8).collect();
        let file = seal(
            Header {
                magic: *MAGIC,
                version: 3,
                meta: [7, 9],
            },
            &payload,
        );
        let (meta, range) = open("test", MAGIC, 3, &file).unwrap();
        assert_eq!(meta, [7, 9]);
        assert_eq!(&file[range], &payload[..]);
        for i in 0..file.len() {
            for bit in 0..8 {
                let mut bad = file.clone();
                bad[i] ^= 1 << bit;
                assert!(open("test", MAGIC, 3, &bad).is_err(), "flip {i}:{bit}");
            }
        }
        for n in 0..file.len() {
            assert!(open("test", MAGIC, 3, &file[..n]).is_err());
        }
        // Every lane and the tail see every bit, at any length.
        for len in [0, 1, 7, 8, 31, 32, 33, 64, 100, 129] {
            let data: Vec<u8> = (0..len as u8).collect();
            let sum = checksum_with(0, &data);
            for i in 0..len {
                for bit in 0..8 {
                    let mut bad = data.clone();
                    bad[i] ^= 1 << bit;
                    assert_ne!(checksum_with(0, &bad), sum, "len {len} flip {i}:{bit}");
                }
            }
            assert_ne!(checksum_with(0, &[data.clone(), vec![0]].concat()), sum);
        }
        let mut forged = file.clone();
        forged[HEADER_LEN] ^= 1;
        assert!(open("test", MAGIC, 3, &forged).is_err());
        assert!(reseal(&mut forged));
        assert!(open("test", MAGIC, 3, &forged).is_ok());
        assert!(!reseal(&mut [0u8; HEADER_LEN - 1]));
        assert!(matches!(
            open("test", MAGIC, 4, &file),
            Err(Error::Version {
                found: 3,
                expected: 4,
                ..
            })
        ));
    }
}

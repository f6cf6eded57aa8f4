//! One pass over a compiled lexicon's fst at load, so that bytes forged
//! behind a valid checksum are an error and never a panic later.
//!
//! The `fst` crate trusts its input: a node whose sizes, counts or address
//! deltas point outside the data makes it index out of bounds (or fail an
//! assertion) on lookup, and `Fst::new` does not check the root address.
//! This module decodes every node the way `fst` 0.4 does (`raw/node.rs`),
//! with checked arithmetic. Transitions always point to lower addresses,
//! so no path loops.

/// `fst`'s address of the empty final node.
const EMPTY: usize = 0;
/// Nodes with more transitions than this carry a 256-byte index (format
/// version 2 on).
const TRANS_INDEX_THRESHOLD: usize = 32;

/// A node's layout, every offset checked to lie inside the data.
struct Node {
    /// First byte of the node (the `end` of `fst`'s decoder).
    end: usize,
    ntrans: usize,
    tsize: usize,
    osize: usize,
    /// Where transition addresses, outputs and the final output start.
    trans_at: usize,
    out_at: usize,
    final_out: u64,
    is_final: bool,
    /// A one-transition node with its target implied (`OneTransNext`).
    next: bool,
}

/// The `n`-byte (at most 8) little-endian number at `at`.
#[inline]
fn unpack(data: &[u8], at: usize, n: usize) -> Option<u64> {
    let bytes = data.get(at..at.checked_add(n)?)?;
    // Eight bytes read at once and masked (every node but the last few is
    // followed by more data): the walk reads one or two numbers for each
    // of a big lexicon's hundreds of thousands of transitions.
    if let (Some(eight), 1..=8) = (data.get(at..at.wrapping_add(8)), n) {
        let mut w = [0u8; 8];
        w.copy_from_slice(eight);
        return Some(u64::from_le_bytes(w) & (u64::MAX >> (64 - 8 * n)));
    }
    Some(
        bytes
            .iter()
            .enumerate()
            .fold(0u64, |v, (i, &b)| v | (b as u64) << (8 * i)),
    )
}

fn decode(data: &[u8], version: u64, addr: usize) -> Option<Node> {
    if addr == EMPTY {
        return Some(Node {
            end: 0,
            ntrans: 0,
            tsize: 0,
            osize: 0,
            trans_at: 0,
            out_at: 0,
            final_out: 0,
            is_final: true,
            next: false,
        });
    }
    let v = *data.get(addr)?;
    // fst's common-input encoding: a zero index means one more byte.
    let input_len = usize::from(v & 0b0011_1111 == 0);
    match v >> 6 {
        0b11 => {
            let end = addr.checked_sub(input_len)?;
            // The target is the byte just before the node.
            end.checked_sub(1)?;
            Some(Node {
                end,
                ntrans: 1,
                tsize: 0,
                osize: 0,
                trans_at: 0,
                out_at: 0,
                final_out: 0,
                is_final: false,
                next: true,
            })
        }
        0b10 => {
            let sizes = *data.get(addr.checked_sub(input_len + 1)?)?;
            let (tsize, osize) = ((sizes >> 4) as usize, (sizes & 15) as usize);
            if !(1..=8).contains(&tsize) || osize > 8 {
                return None;
            }
            // Below the sizes byte: the target's delta, then the output.
            let trans_at = addr.checked_sub(input_len + 1)?;
            let out_at = trans_at.checked_sub(tsize)?;
            let end = out_at.checked_sub(osize)?;
            Some(Node {
                end,
                ntrans: 1,
                tsize,
                osize,
                trans_at,
                out_at,
                final_out: 0,
                is_final: false,
                next: false,
            })
        }
        _ => {
            let is_final = v & 0b0100_0000 != 0;
            let state_n = (v & 0b0011_1111) as usize;
            let (ntrans, ntrans_len) = if state_n != 0 {
                (state_n, 0)
            } else {
                match *data.get(addr.checked_sub(1)?)? {
                    1 => (256, 1),
                    n => (n as usize, 1),
                }
            };
            let sizes = *data.get(addr.checked_sub(ntrans_len + 1)?)?;
            let (tsize, osize) = ((sizes >> 4) as usize, (sizes & 15) as usize);
            if (ntrans > 0 && !(1..=8).contains(&tsize)) || osize > 8 {
                return None;
            }
            let index = if version >= 2 && ntrans > TRANS_INDEX_THRESHOLD {
                256
            } else {
                0
            };
            let inputs_at = addr.checked_sub(ntrans_len + 1 + index + ntrans)?;
            let out_at = inputs_at.checked_sub(ntrans * tsize)?;
            let final_at = out_at.checked_sub(ntrans * osize)?;
            let end = final_at.checked_sub(if is_final { osize } else { 0 })?;
            let final_out = if is_final && osize > 0 {
                unpack(data, end, osize)?
            } else {
                0
            };
            Some(Node {
                end,
                ntrans,
                tsize,
                osize,
                trans_at: inputs_at,
                out_at,
                final_out,
                is_final,
                next: false,
            })
        }
    }
}

impl Node {
    /// Target address and output of transition `i`.
    fn transition(&self, data: &[u8], i: usize) -> Option<(usize, u64)> {
        if self.next {
            return Some((self.end - 1, 0));
        }
        // Addresses are stored last-first below the inputs, outputs
        // last-first below the addresses (fst's layout).
        let at = self.trans_at.checked_sub((i + 1) * self.tsize)?;
        let delta = unpack(data, at, self.tsize)? as usize;
        let target = if delta == EMPTY {
            EMPTY
        } else {
            self.end.checked_sub(delta)?
        };
        let out = if self.osize == 0 {
            0
        } else {
            unpack(
                data,
                self.out_at.checked_sub((i + 1) * self.osize)?,
                self.osize,
            )?
        };
        Some((target, out))
    }
}

/// Checks every node of the fst and every transition: each node decodes
/// inside the data, each transition's target is the address of a node (or
/// the empty final node) and each output is below `n_entries`. `data` is
/// the whole fst section. Returns the byte offset (in the section) of the
/// first problem found and what it is.
///
/// `fst` writes its nodes back to back after a 16-byte header, children
/// before parents, the root last. So the walk goes from the root down
/// through memory, node after node: sequential reads, no visited set, no
/// recursion. Targets are gathered in a bit set and must land on the node
/// addresses found.
///
/// A key's value is the sum of the outputs on its path; each is an entry
/// number here, but their sum is only checked where it is used (the
/// scanner and `Lexicon::lookup` ignore values that are not an entry
/// number). With fewer than 2^32 entries and nodes the sum cannot overflow.
pub(crate) fn check(data: &[u8], n_entries: usize) -> Result<(), (usize, String)> {
    const HEADER: usize = 16;
    let word = |at: usize| unpack(data, at, 8).ok_or((at, "fst is truncated".to_string()));
    let version = word(0)?;
    if !(1..=3).contains(&version) {
        return Err((0, format!("fst version {version}")));
    }
    if u32::try_from(data.len()).is_err() {
        return Err((0, "fst section over 4 GiB".into()));
    }
    // Version 3 ends with a 4-byte checksum after the root address.
    let tail = if version >= 3 { 12 } else { 8 };
    let root_at = data
        .len()
        .checked_sub(tail)
        .ok_or((0, "fst is truncated".to_string()))?;
    let root = word(root_at)? as usize;
    if root == EMPTY {
        return Ok(());
    }
    if root.checked_add(tail + 9) != Some(data.len()) {
        return Err((
            root_at,
            format!("fst root address {root} is not its last node"),
        ));
    }
    let bad = |addr: usize, what: &str| (addr, format!("fst node at {addr}: {what}"));
    let words = data.len() / 64 + 1;
    let (mut nodes, mut targets) = (vec![0u64; words], vec![0u64; words]);
    let limit = n_entries as u64;
    let mut addr = root;
    loop {
        // Most nodes are one byte or two whose only transition goes to the
        // node just below: the next one this walk decodes.
        if let Some(&v) = data.get(addr) {
            if v >> 6 == 0b11 {
                let end = addr - usize::from(v & 0b0011_1111 == 0);
                if end <= HEADER {
                    return Err(bad(addr, "overlaps the fst header"));
                }
                nodes[addr / 64] |= 1 << (addr % 64);
                addr = end - 1;
                continue;
            }
        }
        let node = decode(data, version, addr).ok_or_else(|| bad(addr, "malformed"))?;
        if node.end < HEADER {
            return Err(bad(addr, "overlaps the fst header"));
        }
        nodes[addr / 64] |= 1 << (addr % 64);
        if node.is_final && node.final_out >= limit {
            return Err(bad(addr, "final output is not an entry number"));
        }
        for i in 0..node.ntrans {
            let (target, out) = node
                .transition(data, i)
                .ok_or_else(|| bad(addr, "transition outside the data"))?;
            if out >= limit {
                return Err(bad(addr, "output is not an entry number"));
            }
            targets[target / 64] |= 1 << (target % 64);
        }
        if node.end == HEADER {
            break;
        }
        addr = node.end - 1;
    }
    // The empty final node has address 0 and no bytes.
    nodes[0] |= 1;
    for (i, (t, n)) in targets.iter().zip(&nodes).enumerate() {
        let stray = t & !n;
        if stray != 0 {
            let at = i * 64 + stray.trailing_zeros() as usize;
            return Err((at, format!("fst transition to {at}, not a node")));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use crate::codec::{self, Header, HEADER_LEN};
    use crate::{Detector, Error, Lexicon};

    const TSV: &str = "\
ISKP\tiskp\torg\ten\thigh\tany\tt
TTP\tttp\torg\ten\thigh\tcaps\tt
Tehrik-i-Taliban Pakistan\tttp\torg\ten\thigh\tany\tt
As-Sahab\taq\tmedia\tar-Latn\thigh\tany\tt
Umar Media\tttp\tmedia\ten\thigh\tany\tt
long live\t-\tpraise\ten\tmedium\tany\tt
الدولة الإسلامية\tis\torg\tar\thigh\tany\tt
baqiyah\tis\tslogan\tar-Latn\thigh\tany\tt
";

    /// `bytes` with `payload` changed by `f` and sealed again with a valid
    /// checksum: what a forger can make.
    fn forge(bytes: &[u8], f: impl FnOnce(&mut Vec<u8>)) -> Vec<u8> {
        let mut payload = bytes[HEADER_LEN..].to_vec();
        f(&mut payload);
        let word = |at: usize| u32::from_le_bytes(bytes[at..at + 4].try_into().unwrap());
        codec::seal(
            Header {
                magic: bytes[..8].try_into().unwrap(),
                version: word(8),
                meta: [word(12), word(16)],
            },
            &payload,
        )
    }

    fn exercise(lexicon: &Lexicon) {
        let d = Detector::builder()
            .lexicon(lexicon.clone())
            .build()
            .unwrap();
        for text in [
            "ISKP long live",
            "#TehrikITalibanPakistan",
            "TTP zindabad",
            "AsSahab Umar Media",
            "الدولة الإسلامية باقية",
            "baqiyah wa tatamaddad",
        ] {
            let _ = d.scan(text);
            let _ = lexicon.lookup(text);
        }
        let _ = lexicon.iter().count();
    }

    #[test]
    fn forged_fst_bytes_are_corrupt_or_harmless_never_a_panic() {
        let good = Lexicon::from_tsv(TSV.as_bytes()).unwrap();
        let bytes = good.to_bytes();
        // The fst section: after the 32-byte section header, the records
        // and the group and language tables.
        let payload = &bytes[HEADER_LEN..];
        let u32_at = |i: usize| u32::from_le_bytes(payload[i..i + 4].try_into().unwrap()) as usize;
        let (n, groups, langs) = (u32_at(0), u32_at(4), u32_at(8));
        let fst_len = u64::from_le_bytes(payload[16..24].try_into().unwrap()) as usize;
        let fst_start = 32 + n * 32 + (groups + langs) * 8;
        let mut corrupt = 0;
        for i in fst_start..fst_start + fst_len {
            for value in [0x00, 0xFF, 0x41, 0xC0, 0x80, payload[i] ^ 0x10] {
                let forged = forge(&bytes, |p| p[i] = value);
                match Lexicon::from_shared(forged) {
                    Ok(l) => exercise(&l),
                    Err(Error::Corrupt { .. }) => corrupt += 1,
                    Err(e) => panic!("byte {i} = {value:#x}: {e}"),
                }
            }
        }
        assert!(
            corrupt > fst_len,
            "{corrupt} of {} forgeries caught",
            fst_len * 6
        );
    }

    #[test]
    fn a_forged_root_address_or_output_is_corrupt() {
        let good = Lexicon::from_tsv(TSV.as_bytes()).unwrap();
        let bytes = good.to_bytes();
        let end = bytes.len() - HEADER_LEN;
        let pool_len =
            u64::from_le_bytes(bytes[HEADER_LEN + 24..HEADER_LEN + 32].try_into().unwrap());
        // The root address sits 12 bytes before the fst's end.
        let root_at = end - pool_len as usize - 12;
        for root in [0u64, 1, 17, u64::MAX, u32::MAX as u64] {
            let forged = forge(&bytes, |p| {
                p[root_at..root_at + 8].copy_from_slice(&root.to_le_bytes())
            });
            assert!(
                matches!(Lexicon::from_shared(forged), Err(Error::Corrupt { .. })),
                "root {root}"
            );
        }
    }
}

//! The compiled lexicon: an `fst` from canonical key to entry number, a
//! table of fixed-size entry records and a string pool, all read in place
//! from one byte buffer.
//!
//! Layout after the common 40-byte header (`codec`):
//!
//! ```text
//! n_entries u32 | n_groups u32 | n_langs u32 | reserved u32
//! fst_len u64 | pool_len u64
//! records    n_entries x 32 bytes
//! groups     n_groups x (off u32, len u32) into pool
//! langs      n_langs  x (off u32, len u32) into pool
//! fst        fst_len bytes
//! pool       pool_len bytes of UTF-8
//! ```
//!
//! A record: key, term and source as (off u32, len u32) into the pool; group
//! u16 (`NO_GROUP` for none); lang u16; category u8; severity u8; rule u8;
//! one zero byte.

use super::starts::Starts;
use super::trie::Trie;
use super::{Category, Rule, Severity};
use crate::codec::{self, Header, Reader};
use crate::error::{Error, Result};
use std::ops::Range;
use std::sync::{Arc, OnceLock};

pub(crate) const MAGIC: &[u8; 8] = b"VIGILLEX";
/// Version of this layout. 2: the four-lane checksum.
pub const FORMAT_VERSION: u32 = 2;
pub(crate) const RECORD_LEN: usize = 32;
pub(crate) const NO_GROUP: u16 = u16::MAX;
const WHAT: &str = "lexicon";

/// Shared, immutable bytes: a `Vec`, a `&'static [u8]`, or a memory map.
#[derive(Clone)]
pub(crate) struct Bytes(pub Arc<dyn AsRef<[u8]> + Send + Sync>);

impl Bytes {
    pub fn as_slice(&self) -> &[u8] {
        (*self.0).as_ref()
    }
}

/// A window into [`Bytes`], so the fst can borrow its section in place.
#[derive(Clone)]
pub(crate) struct Section {
    bytes: Bytes,
    range: Range<usize>,
}

impl AsRef<[u8]> for Section {
    fn as_ref(&self) -> &[u8] {
        self.bytes.as_slice().get(self.range.clone()).unwrap_or(&[])
    }
}

/// One record, decoded on demand.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Record {
    pub key: (u32, u32),
    pub term: (u32, u32),
    pub source: (u32, u32),
    pub group: u16,
    pub lang: u16,
    pub category: Category,
    pub severity: Severity,
    pub rule: Rule,
}

/// The strings a match reports of an entry, as raw pool bytes.
#[derive(Debug, Clone, Copy)]
pub(crate) struct MatchStrings<'a> {
    pub term: &'a [u8],
    pub key: &'a [u8],
    /// `None` when the entry belongs to no group.
    pub group: Option<&'a [u8]>,
    pub lang: &'a [u8],
}

/// What the scanner and the verdict rule read of an entry, decoded once at
/// load so the hot path never touches the record bytes or the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Meta {
    pub category: Category,
    pub severity: Severity,
    pub rule: Rule,
    /// Group number (`NO_GROUP` for none): equal numbers, same group.
    pub group: u16,
}

impl Meta {
    /// The group number, if the entry has a group.
    #[inline]
    pub fn group(&self) -> Option<u16> {
        (self.group != NO_GROUP).then_some(self.group)
    }
}

/// The validated sections of a compiled lexicon.
#[derive(Clone)]
pub(crate) struct Compiled {
    pub bytes: Bytes,
    pub fst: fst::raw::Fst<Section>,
    pub normalizer_version: u32,
    pub normalizer_options: u32,
    pub n_entries: usize,
    records: Range<usize>,
    groups: Vec<(u32, u32)>,
    langs: Vec<(u32, u32)>,
    pool: Range<usize>,
    meta: Vec<Meta>,
    /// Built on the first scan, not at load: loading stays one checksum
    /// and one validation pass, and a lexicon that is only looked up or
    /// re-serialized never pays for them.
    starts: OnceLock<Starts>,
    trie: OnceLock<Trie>,
}

impl Compiled {
    /// Validates `bytes` and indexes its sections. Costs one pass of the
    /// checksum over the data, one over the records and one over the fst's
    /// nodes (`fstcheck`); the fst and the pool are used in place.
    pub fn open(bytes: Bytes) -> Result<Compiled> {
        let data = bytes.as_slice();
        let ([normalizer_version, normalizer_options], payload) =
            codec::open(WHAT, MAGIC, FORMAT_VERSION, data)?;
        let base = payload.start;
        let mut r = Reader::new(WHAT, &data[payload]).with_base(base);
        let n_entries = r.u32()? as usize;
        let n_groups = r.u32()? as usize;
        let n_langs = r.u32()? as usize;
        if r.u32()? != 0 {
            return Err(r.corrupt("reserved word is not zero"));
        }
        let fst_len = r.u64()?;
        let pool_len = r.u64()?;
        let rec_start = r.pos();
        r.bytes(n_entries.saturating_mul(RECORD_LEN))?;
        let records = base + rec_start..base + r.pos();
        let table = |n: usize, r: &mut Reader<'_>| -> Result<Vec<(u32, u32)>> {
            (0..n).map(|_| Ok((r.u32()?, r.u32()?))).collect()
        };
        let groups = table(n_groups, &mut r)?;
        let langs = table(n_langs, &mut r)?;
        let fst_start = base + r.pos();
        r.bytes(usize::try_from(fst_len).map_err(|_| r.corrupt("fst length overflows"))?)?;
        let fst_range = fst_start..base + r.pos();
        let pool_start = base + r.pos();
        r.bytes(usize::try_from(pool_len).map_err(|_| r.corrupt("pool length overflows"))?)?;
        let pool = pool_start..base + r.pos();
        if r.pos() + base != data.len() {
            return Err(r.corrupt("trailing bytes after the string pool"));
        }
        // Bounds only. The checksum already rules out damage; a forged
        // string that is not UTF-8 reads as empty (`Compiled::str` checks
        // each on use). Validating the pool here, or every string's ends,
        // would cost a pass over megabytes at every load.
        let pool_len = pool.len() as u64;
        let outside = |(off, len): (u32, u32)| u64::from(off) + u64::from(len) > pool_len;
        let str_error = |(off, len): (u32, u32), at: usize, name: &str| Error::Corrupt {
            what: WHAT,
            offset: at,
            message: format!(
                "{name} string {off}..{} is outside the pool",
                u64::from(off) + u64::from(len)
            ),
        };
        if let Some(&g) = groups.iter().find(|&&g| outside(g)) {
            return Err(str_error(g, records.end, "group"));
        }
        if let Some(&l) = langs.iter().find(|&&l| outside(l)) {
            return Err(str_error(l, records.end, "lang"));
        }
        // One pass over 100,000 records is part of every load: the checks
        // are plain comparisons, and an error is only spelled out once one
        // fails.
        let mut meta = Vec::with_capacity(n_entries);
        let raw = data.get(records.clone()).unwrap_or(&[]);
        for (i, r) in raw.chunks_exact(RECORD_LEN).enumerate() {
            let at = records.start + i * RECORD_LEN;
            let rec = decode(r, at)?;
            for (s, name) in [(rec.key, "key"), (rec.term, "term"), (rec.source, "source")] {
                if outside(s) {
                    return Err(str_error(s, at, name));
                }
            }
            if rec.group != NO_GROUP && rec.group as usize >= groups.len() {
                return Err(Error::Corrupt {
                    what: WHAT,
                    offset: at + 24,
                    message: format!("group {} of {}", rec.group, groups.len()),
                });
            }
            if rec.lang as usize >= langs.len() {
                return Err(Error::Corrupt {
                    what: WHAT,
                    offset: at + 26,
                    message: format!("lang {} of {}", rec.lang, langs.len()),
                });
            }
            meta.push(Meta {
                category: rec.category,
                severity: rec.severity,
                rule: rec.rule,
                group: rec.group,
            });
        }
        let fst = fst::raw::Fst::new(Section {
            bytes: bytes.clone(),
            range: fst_range.clone(),
        })
        .map_err(|e| Error::Corrupt {
            what: WHAT,
            offset: fst_range.start,
            message: format!("fst section: {e}"),
        })?;
        // `fst` trusts its bytes: walk them once so forged ones are an
        // error here, not a panic on lookup.
        super::fstcheck::check(&data[fst_range.clone()], n_entries).map_err(|(at, message)| {
            Error::Corrupt {
                what: WHAT,
                offset: fst_range.start + at,
                message,
            }
        })?;
        if fst.len() != n_entries {
            return Err(Error::Corrupt {
                what: WHAT,
                offset: fst_range.start,
                message: format!("fst has {} keys for {n_entries} entries", fst.len()),
            });
        }
        Ok(Compiled {
            bytes,
            fst,
            normalizer_version,
            normalizer_options,
            n_entries,
            records,
            groups,
            langs,
            pool,
            meta,
            starts: OnceLock::new(),
            trie: OnceLock::new(),
        })
    }

    pub fn meta(&self, i: usize) -> Option<Meta> {
        self.meta.get(i).copied()
    }

    pub fn starts(&self) -> &Starts {
        self.starts.get_or_init(|| {
            // Walk a borrowed slice view: no `dyn AsRef` call per node.
            match fst::raw::Fst::new(self.fst.as_bytes()) {
                Ok(view) => Starts::new(&view),
                Err(_) => Starts::new(&self.fst),
            }
        })
    }

    pub fn trie(&self) -> &Trie {
        self.trie
            .get_or_init(|| match fst::raw::Fst::new(self.fst.as_bytes()) {
                Ok(view) => Trie::new(&view),
                Err(_) => Trie::new(&self.fst),
            })
    }

    /// Entry `i`'s record bytes and their file offset.
    fn raw_record(&self, i: usize) -> Option<(&[u8; RECORD_LEN], usize)> {
        if i >= self.n_entries {
            return None;
        }
        let at = self.records.start + i * RECORD_LEN;
        let raw = self.bytes.as_slice().get(at..)?.first_chunk()?;
        Some((raw, at))
    }

    pub fn record(&self, i: usize) -> Option<Record> {
        let (raw, at) = self.raw_record(i)?;
        decode(raw, at).ok()
    }

    /// Entry `i`'s term, key, group and lang as pool bytes, not checked to
    /// be UTF-8 (a string out of the pool reads as empty, as with
    /// [`Compiled::str`]): what a match copies, and checks in one pass
    /// with its own text rather than one call per string.
    pub fn match_strings(&self, i: usize) -> Option<MatchStrings<'_>> {
        if i >= self.n_entries {
            return None;
        }
        // One read of the shared bytes (a `dyn` call) for the record and
        // the pool both.
        let data = self.bytes.as_slice();
        let at = self.records.start + i * RECORD_LEN;
        let r: &[u8; RECORD_LEN] = data.get(at..)?.first_chunk()?;
        let pool = data.get(self.pool.clone())?;
        let s = |(off, len): (u32, u32)| {
            pool.get(off as usize..off as usize + len as usize)
                .unwrap_or(&[])
        };
        let group = u16::from_le_bytes([r[24], r[25]]);
        let lang = u16::from_le_bytes([r[26], r[27]]);
        Some(MatchStrings {
            term: s(string_at(r, TERM_AT)),
            key: s(string_at(r, KEY_AT)),
            group: self.groups.get(group as usize).map(|&g| s(g)),
            lang: self.langs.get(lang as usize).map_or(&[], |&l| s(l)),
        })
    }

    /// The bytes of entry `i`'s term, not checked to be UTF-8, nor the
    /// rest of its record decoded: for a comparison with text that is.
    pub fn term_bytes(&self, i: usize) -> Option<&[u8]> {
        self.pool_bytes(string_at(self.raw_record(i)?.0, TERM_AT))
    }

    /// The pool's bytes at `(offset, length)`.
    fn pool_bytes(&self, (off, len): (u32, u32)) -> Option<&[u8]> {
        let pool = self.bytes.as_slice().get(self.pool.clone())?;
        pool.get(off as usize..off as usize + len as usize)
    }

    pub fn str(&self, r: (u32, u32)) -> &str {
        self.pool_bytes(r)
            .and_then(|s| std::str::from_utf8(s).ok())
            .unwrap_or("")
    }

    pub fn group(&self, g: u16) -> Option<&str> {
        self.groups.get(g as usize).map(|&r| self.str(r))
    }

    pub fn lang(&self, l: u16) -> &str {
        self.langs.get(l as usize).map_or("", |&r| self.str(r))
    }

    pub fn groups(&self) -> impl Iterator<Item = &str> {
        self.groups.iter().map(|&r| self.str(r))
    }
}

/// Decodes one 32-byte record (`at` is its file offset, for errors). Reads
/// the fixed layout directly: this runs for every entry at every load.
#[inline]
fn decode(raw: &[u8], at: usize) -> Result<Record> {
    let Some(r) = raw.first_chunk::<RECORD_LEN>() else {
        return Err(bad_record(at, raw.len(), "record is truncated"));
    };
    let u16_at = |i: usize| u16::from_le_bytes([r[i], r[i + 1]]);
    let (Some(category), Some(severity), Some(rule), 0) = (
        Category::from_u8(r[28]),
        Severity::from_u8(r[29]),
        Rule::from_u8(r[30]),
        r[31],
    ) else {
        return Err(record_fields_error(r, at));
    };
    Ok(Record {
        key: string_at(r, KEY_AT),
        term: string_at(r, TERM_AT),
        source: string_at(r, SOURCE_AT),
        group: u16_at(24),
        lang: u16_at(26),
        category,
        severity,
        rule,
    })
}

/// Where a record holds its key's, term's and source's `(offset, length)`
/// in the string pool.
const KEY_AT: usize = 0;
const TERM_AT: usize = 8;
const SOURCE_AT: usize = 16;

/// The `(offset, length)` of a pool string at byte `i` of a record.
#[inline]
fn string_at(r: &[u8; RECORD_LEN], i: usize) -> (u32, u32) {
    let u32_at = |i: usize| u32::from_le_bytes([r[i], r[i + 1], r[i + 2], r[i + 3]]);
    (u32_at(i), u32_at(i + 4))
}

/// The error for a record whose category, severity, rule or padding byte
/// is out of range.
#[cold]
fn record_fields_error(r: &[u8; RECORD_LEN], at: usize) -> Error {
    if Category::from_u8(r[28]).is_none() {
        bad_record(at, 28, "category out of range")
    } else if Severity::from_u8(r[29]).is_none() {
        bad_record(at, 29, "severity out of range")
    } else if Rule::from_u8(r[30]).is_none() {
        bad_record(at, 30, "rule out of range")
    } else {
        bad_record(at, 31, "record padding is not zero")
    }
}

#[cold]
fn bad_record(at: usize, off: usize, message: &str) -> Error {
    Error::Corrupt {
        what: WHAT,
        offset: at + off,
        message: message.into(),
    }
}

/// What the builder hands to [`write()`]: entries sorted by key.
pub(crate) struct Plan<'a> {
    pub entries: Vec<PlannedEntry<'a>>,
    pub normalizer_version: u32,
    pub normalizer_options: u32,
}

pub(crate) struct PlannedEntry<'a> {
    pub key: &'a str,
    pub entry: &'a super::Entry,
}

/// Serialises a plan. Keys must be sorted and unique.
pub(crate) fn write<'a>(plan: &Plan<'a>) -> Result<Vec<u8>> {
    let mut pool = String::new();
    // Sources and often terms repeat across entries: store each string once.
    let mut seen: std::collections::HashMap<&str, (u32, u32)> = Default::default();
    let mut intern = |s: &'a str| -> Result<(u32, u32)> {
        if let Some(&r) = seen.get(s) {
            return Ok(r);
        }
        let off = u32::try_from(pool.len()).map_err(|_| too_large(pool.len()))?;
        let len = u32::try_from(s.len()).map_err(|_| too_large(s.len()))?;
        pool.push_str(s);
        seen.insert(s, (off, len));
        Ok((off, len))
    };
    let mut group_ids: Vec<&str> = plan
        .entries
        .iter()
        .filter_map(|e| e.entry.group.as_deref())
        .collect();
    group_ids.sort_unstable();
    group_ids.dedup();
    let mut lang_ids: Vec<&str> = plan.entries.iter().map(|e| e.entry.lang.as_str()).collect();
    lang_ids.sort_unstable();
    lang_ids.dedup();
    if group_ids.len() >= NO_GROUP as usize || lang_ids.len() > u16::MAX as usize {
        return Err(Error::Config("more than 65,534 groups or languages".into()));
    }
    let groups: Vec<(u32, u32)> = group_ids.iter().map(|g| intern(g)).collect::<Result<_>>()?;
    let langs: Vec<(u32, u32)> = lang_ids.iter().map(|l| intern(l)).collect::<Result<_>>()?;

    let mut records = Vec::with_capacity(plan.entries.len() * RECORD_LEN);
    let mut fst = fst::raw::Builder::memory();
    for (i, pe) in plan.entries.iter().enumerate() {
        let e = pe.entry;
        for (off, len) in [intern(pe.key)?, intern(&e.term)?, intern(&e.source)?] {
            records.extend_from_slice(&off.to_le_bytes());
            records.extend_from_slice(&len.to_le_bytes());
        }
        let group = match e.group.as_deref() {
            Some(g) => group_ids.binary_search(&g).map_or(NO_GROUP, |i| i as u16),
            None => NO_GROUP,
        };
        let lang = lang_ids.binary_search(&e.lang.as_str()).unwrap_or(0) as u16;
        records.extend_from_slice(&group.to_le_bytes());
        records.extend_from_slice(&lang.to_le_bytes());
        records.extend_from_slice(&[e.category.to_u8(), e.severity as u8, e.rule.to_u8(), 0]);
        fst.insert(pe.key.as_bytes(), i as u64)
            .map_err(|err| Error::Config(format!("fst insert of `{}`: {err}", pe.key)))?;
    }
    let fst = fst
        .into_inner()
        .map_err(|err| Error::Config(format!("fst build: {err}")))?;

    let mut payload = Vec::with_capacity(32 + records.len() + fst.len() + pool.len());
    for w in [plan.entries.len(), groups.len(), langs.len(), 0] {
        payload.extend_from_slice(&(w as u32).to_le_bytes());
    }
    payload.extend_from_slice(&(fst.len() as u64).to_le_bytes());
    payload.extend_from_slice(&(pool.len() as u64).to_le_bytes());
    payload.extend_from_slice(&records);
    for (off, len) in groups.iter().chain(&langs) {
        payload.extend_from_slice(&off.to_le_bytes());
        payload.extend_from_slice(&len.to_le_bytes());
    }
    payload.extend_from_slice(&fst);
    payload.extend_from_slice(pool.as_bytes());
    Ok(codec::seal(
        Header {
            magic: *MAGIC,
            version: FORMAT_VERSION,
            meta: [plan.normalizer_version, plan.normalizer_options],
        },
        &payload,
    ))
}

fn too_large(len: usize) -> Error {
    Error::TooLarge {
        what: "lexicon string pool",
        len,
        limit: u32::MAX as usize,
    }
}

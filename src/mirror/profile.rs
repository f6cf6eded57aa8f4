//! The features of one account, computed once: handle skeleton, folded
//! display name, text sketches, link keys; and the blocking keys the index
//! files it under.

use super::account::Account;
use super::handle::{self, Handle};
use super::links::{self, LinkKey};
use super::names;
use super::store::Span;
use super::text::{self, Shingler, Sketch};
use crate::normalize::Normalizer;
use std::cell::RefCell;

/// Posts beyond this many per account are ignored.
pub(crate) const MAX_POSTS: usize = 32;

/// Posts give blocking keys (anchors) for at most this many posts.
const ANCHORED_POSTS: usize = 16;

/// Bios of this many words or fewer give no blocking keys: they are too
/// short to tell accounts apart.
const MIN_KEYED_SHINGLES: usize = 4;

/// Posts with fewer words than this give no anchors.
const MIN_ANCHOR_WORDS: usize = 8;

/// The features of an account, owned.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Profile {
    pub handle: Handle,
    pub name: String,
    pub name_info: f32,
    /// The handle spells the display name (`umar_media`, "Umar Media"):
    /// the two then count as one piece of evidence, not two.
    pub derived: bool,
    /// The display name carried a stock affix (`(backup)`, `2`).
    pub name_affix: bool,
    pub bio: Option<Sketch>,
    pub posts: Option<Sketch>,
    /// LSH band keys of a bio long enough to be keyed.
    pub bio_bands: Option<[u64; text::BANDS]>,
    /// Two anchors per long-enough post.
    pub anchors: Vec<u64>,
    pub links: Vec<LinkKey>,
}

thread_local! {
    static SHINGLER: RefCell<Shingler> = RefCell::new(Shingler::default());
}

impl Profile {
    /// Computes the features of `account`. Cost: linear in the part of the
    /// account that is read (see [`Account`]).
    pub(crate) fn new(normalizer: &Normalizer, account: &Account) -> Profile {
        SHINGLER.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => Profile::with(normalizer, account, &mut s),
            Err(_) => Profile::with(normalizer, account, &mut Shingler::default()),
        })
    }

    fn with(normalizer: &Normalizer, account: &Account, sh: &mut Shingler) -> Profile {
        let handle = Handle::new(normalizer, &account.handle);
        let folded = names::fold_name(normalizer, &account.display_name);
        let (name, name_info) = (folded.text, folded.info);
        let derived = spells(handle.core(), &handle::skeleton_of_normalized(&name));
        let (_, _, bio_words) = sh.add(normalizer, &account.bio, text::BIO_GRAM);
        let bio_bands = (bio_words > MIN_KEYED_SHINGLES).then(|| sh.bands());
        let bio = sh.finish();
        let mut anchors = Vec::new();
        for (i, post) in account.posts.iter().take(MAX_POSTS).enumerate() {
            let (a1, a2, n) = sh.add(normalizer, post, text::POST_GRAM);
            if i < ANCHORED_POSTS && n >= MIN_ANCHOR_WORDS {
                anchors.extend([a1, a2]);
            }
        }
        let posts = sh.finish();
        let mut link_keys = Vec::new();
        for url in account.links.iter().take(links::MAX_LINKS) {
            links::keys(url, &mut link_keys);
        }
        link_keys.sort_by_key(|k| k.hash);
        link_keys.dedup_by_key(|k| k.hash);
        Profile {
            handle,
            name,
            name_info,
            derived,
            name_affix: folded.affix,
            bio,
            posts,
            bio_bands,
            anchors,
            links: link_keys,
        }
    }

    /// The blocking keys of this profile, as 32-bit hashes, appended to
    /// `out` (sorted and deduplicated).
    pub(crate) fn keys(&self, out: &mut Vec<u32>) {
        let start = out.len();
        self.handle.keys(|ns, k| out.push(key(ns, k.as_bytes())));
        if self.name_info >= 0.5 {
            let mut words: Vec<&str> = self.name.split(' ').collect();
            words.sort_unstable();
            out.push(key(b"nm", words.join(" ").as_bytes()));
        }
        for (b, band) in self.bio_bands.iter().flatten().enumerate() {
            let mut bytes = [0u8; 9];
            bytes[0] = b as u8;
            bytes[1..].copy_from_slice(&band.to_le_bytes());
            out.push(key(b"bb", &bytes));
        }
        for a in &self.anchors {
            out.push(key(b"pa", &a.to_le_bytes()));
        }
        for l in &self.links {
            out.push(key(b"ln", &l.hash.to_le_bytes()));
        }
        out[start..].sort_unstable();
        let mut tail = out.split_off(start);
        tail.dedup();
        out.extend(tail);
    }
}

/// True if a handle core spells a display name's skeleton, give or take
/// an edit or a word.
fn spells(core: &str, name: &str) -> bool {
    if core.is_empty() || name.is_empty() {
        return false;
    }
    let (lc, ln) = (core.chars().count(), name.chars().count());
    let (short, long) = if lc <= ln { (core, name) } else { (name, core) };
    let k = if lc.max(ln) >= 10 { 2 } else { 1 };
    core == name
        || super::edit::bounded_osa(core, name, k).is_some()
        || (short.chars().count() >= 4 && long.contains(short))
}

/// A 32-bit blocking key for `bytes` in namespace `ns`.
fn key(ns: &[u8], bytes: &[u8]) -> u32 {
    let mut h = 0x8445_D61A_4E77_4912u64;
    for &b in ns {
        h = text::mix(h ^ b as u64);
    }
    for chunk in bytes.chunks(8) {
        let mut w = [0u8; 8];
        w[..chunk.len()].copy_from_slice(chunk);
        h = text::mix(h ^ u64::from_le_bytes(w));
    }
    (text::mix(h ^ bytes.len() as u64) >> 32) as u32
}

/// A borrowed view of a profile, stored or owned: what scoring reads.
#[derive(Debug, Clone, Copy)]
pub(crate) struct View<'a> {
    pub skel: &'a str,
    pub core: &'a str,
    /// [`super::edit::char_mask`] of the core.
    pub core_mask: u64,
    pub light: &'a str,
    /// A stock affix on the handle or the display name.
    pub has_affix: bool,
    pub marked: bool,
    pub derived: bool,
    pub specificity: f32,
    pub name: &'a str,
    /// [`names::name_masks`] of the name.
    pub name_masks: (u64, u64),
    pub name_info: f32,
    /// Sketch hashes and distinct shingle count.
    pub bio: Option<(&'a [u32], u32)>,
    pub posts: Option<(&'a [u32], u32)>,
    /// Link key hashes, sorted.
    pub links: &'a [u64],
    pub link_texts: LinkTexts<'a>,
}

/// Where the texts of a view's link keys are.
#[derive(Debug, Clone, Copy)]
pub(crate) enum LinkTexts<'a> {
    Owned(&'a [LinkKey]),
    Stored { arena: &'a str, spans: &'a [Span] },
}

impl<'a> LinkTexts<'a> {
    pub(crate) fn get(&self, i: usize) -> &'a str {
        match *self {
            LinkTexts::Owned(keys) => keys.get(i).map_or("", |k| k.text.as_str()),
            LinkTexts::Stored { arena, spans } => spans
                .get(i)
                .and_then(|s| arena.get(s.off as usize..s.off as usize + s.len as usize))
                .unwrap_or(""),
        }
    }
}

impl Profile {
    /// A view of this profile; `hashes` must be `self.links`' hashes.
    pub(crate) fn view<'a>(&'a self, hashes: &'a [u64]) -> View<'a> {
        View {
            skel: self.handle.skeleton(),
            core: self.handle.core(),
            core_mask: super::edit::char_mask(self.handle.core()),
            light: self.handle.light(),
            has_affix: self.handle.has_affix() || self.name_affix,
            marked: self.handle.marked(),
            derived: self.derived,
            specificity: self.handle.specificity(),
            name: &self.name,
            name_masks: names::name_masks(&self.name),
            name_info: self.name_info,
            bio: self.bio.as_ref().map(|s| (&s.mins[..], s.n)),
            posts: self.posts.as_ref().map(|s| (&s.mins[..], s.n)),
            links: hashes,
            link_texts: LinkTexts::Owned(&self.links),
        }
    }

    pub(crate) fn link_hashes(&self) -> Vec<u64> {
        self.links.iter().map(|l| l.hash).collect()
    }
}

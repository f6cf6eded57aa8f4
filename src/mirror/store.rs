//! Compact storage of the banned accounts' features: one fixed-size record
//! per account, strings in one arena, sketches in one array. No allocation
//! per account, and it serializes as a few flat arrays.

use super::profile::{LinkTexts, Profile, View};
use crate::error::{Error, Result};

/// A byte range in the arena.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Span {
    pub off: u32,
    pub len: u32,
}

/// [`Rec::flags`]: a stock affix was split off the handle.
pub(crate) const HAS_AFFIX: u8 = 1;
/// [`Rec::flags`]: the handle spells the display name.
pub(crate) const DERIVED: u8 = 2;
/// [`Rec::flags`]: the handle carries a mark of disguise.
pub(crate) const MARKED: u8 = 4;
const ALL_FLAGS: u8 = HAS_AFFIX | DERIVED | MARKED;

/// Counts stay below this.
const NONE: u32 = u32::MAX;

/// One stored account.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub(crate) struct Rec {
    pub id: Span,
    pub skel: Span,
    /// Byte range of the core inside the skeleton.
    pub core: (u8, u8),
    pub light: Span,
    /// Masks that let comparisons skip work: the core's characters, the
    /// name's characters and words.
    pub core_mask: u64,
    pub name_chars: u64,
    pub name_words: u64,
    /// [`HAS_AFFIX`], [`DERIVED`], [`MARKED`].
    pub flags: u8,
    pub specificity: f32,
    pub name: Span,
    pub name_info: f32,
    /// Range of the bio's sketch in `sigs` (empty: no bio), and its
    /// distinct shingle count.
    pub bio: Span,
    pub bio_n: u32,
    pub posts: Span,
    pub posts_n: u32,
    /// Range in `link_hashes` / `link_texts`.
    pub links: Span,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Store {
    pub arena: String,
    pub recs: Vec<Rec>,
    /// Sketch hashes of all accounts, back to back.
    pub sigs: Vec<u32>,
    pub link_hashes: Vec<u64>,
    pub link_texts: Vec<Span>,
}

impl Store {
    pub(crate) fn len(&self) -> usize {
        self.recs.len()
    }

    /// Appends an account; returns its number.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`] if the store would pass 4 GiB of strings or
    /// 2^32 - 1 accounts, sketches or links.
    pub(crate) fn push(&mut self, id: &str, p: &Profile) -> Result<u32> {
        let too_large = |what, len| Error::TooLarge {
            what,
            len,
            limit: u32::MAX as usize - 1,
        };
        let strings = id.len()
            + p.handle.skeleton().len()
            + p.handle.light().len()
            + p.name.len()
            + p.links.iter().map(|l| l.text.len()).sum::<usize>();
        if self.arena.len() + strings >= u32::MAX as usize {
            return Err(too_large(
                "mirror index string arena",
                self.arena.len() + strings,
            ));
        }
        if self.recs.len() + 1 >= NONE as usize
            || self.sigs.len() + 2 * super::text::K >= NONE as usize
            || self.link_hashes.len() + p.links.len() >= NONE as usize
        {
            return Err(too_large("mirror index", self.recs.len() + 1));
        }
        let mut put = |s: &str| {
            let span = Span {
                off: self.arena.len() as u32,
                len: s.len() as u32,
            };
            self.arena.push_str(s);
            span
        };
        let id = put(id);
        let skel = put(p.handle.skeleton());
        let light = put(p.handle.light());
        let name = put(&p.name);
        let (cs, ce) = p.handle.core_range();
        let name_masks = super::names::name_masks(&p.name);
        let mut sig = |s: Option<&super::text::Sketch>| {
            let off = self.sigs.len() as u32;
            let mins = s.map_or(&[][..], |s| &s.mins[..]);
            self.sigs.extend_from_slice(mins);
            Span {
                off,
                len: mins.len() as u32,
            }
        };
        let bio = sig(p.bio.as_ref());
        let posts = sig(p.posts.as_ref());
        let links = Span {
            off: self.link_hashes.len() as u32,
            len: p.links.len() as u32,
        };
        for l in &p.links {
            self.link_hashes.push(l.hash);
            let span = Span {
                off: self.arena.len() as u32,
                len: l.text.len() as u32,
            };
            self.arena.push_str(&l.text);
            self.link_texts.push(span);
        }
        self.recs.push(Rec {
            id,
            skel,
            core: (
                cs.min(u8::MAX as usize) as u8,
                ce.min(u8::MAX as usize) as u8,
            ),
            light,
            core_mask: super::edit::char_mask(p.handle.core()),
            name_chars: name_masks.0,
            name_words: name_masks.1,
            flags: if p.handle.has_affix() || p.name_affix {
                HAS_AFFIX
            } else {
                0
            } | if p.derived { DERIVED } else { 0 }
                | if p.handle.marked() { MARKED } else { 0 },
            specificity: p.handle.specificity(),
            name,
            name_info: p.name_info,
            bio,
            bio_n: p.bio.as_ref().map_or(0, |b| b.n),
            posts,
            posts_n: p.posts.as_ref().map_or(0, |b| b.n),
            links,
        });
        Ok((self.recs.len() - 1) as u32)
    }

    fn str(&self, s: Span) -> &str {
        self.arena
            .get(s.off as usize..s.off as usize + s.len as usize)
            .unwrap_or("")
    }

    pub(crate) fn id(&self, i: u32) -> &str {
        self.recs.get(i as usize).map_or("", |r| self.str(r.id))
    }

    /// The stored features of account `i` (an empty view if out of range).
    pub(crate) fn view(&self, i: u32) -> View<'_> {
        let r = self.recs.get(i as usize).copied().unwrap_or_default();
        let skel = self.str(r.skel);
        let sig = |s: Span, n: u32| {
            self.sigs
                .get(s.off as usize..s.off as usize + s.len as usize)
                .filter(|s| !s.is_empty())
                .map(|s| (s, n))
        };
        let links = r.links.off as usize..r.links.off as usize + r.links.len as usize;
        View {
            skel,
            core: skel.get(r.core.0 as usize..r.core.1 as usize).unwrap_or(""),
            core_mask: r.core_mask,
            light: self.str(r.light),
            has_affix: r.flags & HAS_AFFIX != 0,
            derived: r.flags & DERIVED != 0,
            marked: r.flags & MARKED != 0,
            specificity: r.specificity,
            name: self.str(r.name),
            name_masks: (r.name_chars, r.name_words),
            name_info: r.name_info,
            bio: sig(r.bio, r.bio_n),
            posts: sig(r.posts, r.posts_n),
            links: self.link_hashes.get(links.clone()).unwrap_or(&[]),
            link_texts: LinkTexts::Stored {
                arena: &self.arena,
                spans: self.link_texts.get(links).unwrap_or(&[]),
            },
        }
    }

    /// Checks every internal reference, so that a store read from bytes
    /// cannot make [`Store::view`] return nonsense. `at` is the file offset
    /// of the records, for error messages.
    pub(crate) fn validate(&self, at: usize) -> Result<()> {
        let corrupt = |i: usize, message: String| Error::Corrupt {
            what: "mirror index",
            offset: at,
            message: format!("account record {i}: {message}"),
        };
        let span_ok = |s: Span| {
            self.arena
                .get(s.off as usize..s.off as usize + s.len as usize)
                .is_some()
        };
        if self.link_hashes.len() != self.link_texts.len() {
            return Err(corrupt(0, "link tables differ in length".into()));
        }
        if let Some(i) = self.link_texts.iter().position(|s| !span_ok(*s)) {
            return Err(corrupt(
                0,
                format!("link text {i} outside the string arena"),
            ));
        }
        for (i, r) in self.recs.iter().enumerate() {
            for (what, s) in [
                ("id", r.id),
                ("handle", r.skel),
                ("light handle", r.light),
                ("name", r.name),
            ] {
                if !span_ok(s) {
                    return Err(corrupt(i, format!("{what} outside the string arena")));
                }
            }
            if r.flags & !ALL_FLAGS != 0 {
                return Err(corrupt(i, format!("unknown flags {:#x}", r.flags)));
            }
            if self
                .str(r.skel)
                .get(r.core.0 as usize..r.core.1 as usize)
                .is_none()
            {
                return Err(corrupt(i, "handle core outside the handle".into()));
            }
            for (what, span) in [("bio", r.bio), ("posts", r.posts)] {
                let end = span.off as u64 + span.len as u64;
                let sorted = self
                    .sigs
                    .get(span.off as usize..end.min(self.sigs.len() as u64) as usize)
                    .is_some_and(|s| s.windows(2).all(|w| w[0] < w[1]));
                if end > self.sigs.len() as u64 || span.len as usize > super::text::K || !sorted {
                    return Err(corrupt(
                        i,
                        format!("{what} sketch is out of range or unsorted"),
                    ));
                }
            }
            let links_end = r.links.off as u64 + r.links.len as u64;
            if links_end > self.link_hashes.len() as u64 {
                return Err(corrupt(i, "links outside the link table".into()));
            }
            for (what, x) in [("specificity", r.specificity), ("name weight", r.name_info)] {
                if !(0.0..=1.0).contains(&x) {
                    return Err(corrupt(i, format!("{what} {x} is not in [0, 1]")));
                }
            }
        }
        Ok(())
    }

    /// Releases spare capacity after a bulk build.
    pub(crate) fn shrink_to_fit(&mut self) {
        self.arena.shrink_to_fit();
        self.recs.shrink_to_fit();
        self.sigs.shrink_to_fit();
        self.link_hashes.shrink_to_fit();
        self.link_texts.shrink_to_fit();
    }

    /// Bytes held, for memory reports.
    pub(crate) fn heap_bytes(&self) -> usize {
        self.arena.capacity()
            + self.recs.capacity() * std::mem::size_of::<Rec>()
            + self.sigs.capacity() * 4
            + self.link_hashes.capacity() * 8
            + self.link_texts.capacity() * std::mem::size_of::<Span>()
    }
}

//! Handle skeletons: what is left of a handle once the tricks evaders use to
//! re-register it are undone.
//!
//! `@Umar_Media`, `umar.media2`, `real_umarmedia`, `urnar_rnedia`,
//! `um4r_media_official`, `UMAR_MEDIA_TV` and `umаr_media` (Cyrillic `а`)
//! all reduce to the core `umarmedla`. The pipeline:
//!
//! 1. the crate's [`Normalizer`] (NFKC, case, UTS #39 look-alikes,
//!    leetspeak inside words, Arabic-script variants);
//! 2. separators and symbols removed; digits and `@ $ | !` between letters
//!    read as the letters they imitate;
//! 3. look-alike letter groups merged: `rn` -> `m`, `vv` -> `w`, and `i`,
//!    `l` (and so `I`, `1`, `|`) -> `l`; repeated letters collapsed;
//! 4. digits at either end and stock affixes (`official`, `real`, `new`,
//!    `backup`, `the`, `tv`, ...) split off: they are what evaders add, so
//!    they count as weak evidence, and the remaining *core* is compared by
//!    edit distance.
//!
//! A skeleton is a matching key, not a display form: `ali` and `all` share
//! one. The [`Handle::specificity`] of a core made only of common names
//! (`alikhan`) is low, so such handles never carry a match alone.

use std::sync::OnceLock;

use super::edit::{bounded_osa, char_len, may_be_within};
use super::names;
use crate::normalize::Normalizer;

mod skeleton;

use skeleton::fold_handle;
pub(crate) use skeleton::{skeleton, skeleton_of_normalized};

/// Handles longer than this (in characters, after folding) are compared on
/// their first `MAX_CHARS` characters.
pub(crate) const MAX_CHARS: usize = 48;

/// Raw input beyond this many bytes is not looked at: no platform allows
/// handles anywhere near this long.
const MAX_INPUT: usize = 256;

/// A core extends another if it starts or ends with it and the other has at
/// least this many characters.
const EXTEND_MIN: usize = 7;

/// Cores shorter than this are never stripped further.
const MIN_CORE: usize = 4;

const PREFIXES: &[&str] = &[
    "the", "real", "official", "new", "backup", "its", "im", "iam", "original", "true", "join",
];
/// Affixes long enough to split off even when glued on (`umarmediaofficial`).
const GLUED: &[&str] = &[
    "official", "offical", "oficial", "backup", "original", "account", "returns", "reborn",
];
const SUFFIXES: &[&str] = &[
    "official", "offical", "oficial", "real", "new", "backup", "bkp", "tv", "alt", "acc",
    "account", "original", "main", "hq", "pk", "af", "again", "back", "returns", "reborn",
];

/// A folded handle: its skeleton and the core inside it.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Handle {
    skel: String,
    /// The handle lowercased, letters and digits only, repeats collapsed,
    /// digits at the ends removed, but no look-alike folded: two handles
    /// with one core whose light forms differ other than by affixes were
    /// disguised on purpose.
    light: String,
    /// See [`marked`].
    marked: bool,
    /// Byte range of the core inside `skel`.
    core: (usize, usize),
    specificity: f32,
}

impl Handle {
    /// Folds `raw` (with or without `@`, or as a profile URL).
    ///
    /// Cost: linear in `min(raw.len(), 256)`.
    pub(crate) fn new(normalizer: &Normalizer, raw: &str) -> Handle {
        let (skel, bounds) = fold_handle(normalizer, raw);
        let core = strip_affixes(&skel, &bounds);
        let mut h = Handle {
            skel,
            light: light(raw),
            marked: marked(raw),
            core,
            specificity: 0.0,
        };
        h.specificity = specificity(h.core());
        h
    }

    pub(crate) fn skeleton(&self) -> &str {
        &self.skel
    }

    pub(crate) fn core(&self) -> &str {
        self.skel.get(self.core.0..self.core.1).unwrap_or("")
    }

    pub(crate) fn core_range(&self) -> (usize, usize) {
        self.core
    }

    pub(crate) fn light(&self) -> &str {
        &self.light
    }

    pub(crate) fn marked(&self) -> bool {
        self.marked
    }

    /// True if a stock affix (not only digits) was split off.
    pub(crate) fn has_affix(&self) -> bool {
        let (s, e) = self.core;
        let outside = |r: Option<&str>| r.is_some_and(|t| t.chars().any(char::is_alphabetic));
        outside(self.skel.get(..s)) || outside(self.skel.get(e..))
    }

    /// How much a match on this handle can be trusted, in `[0.4, 1]`: low for
    /// short cores and cores made only of common names.
    pub(crate) fn specificity(&self) -> f32 {
        self.specificity
    }

    /// The handle's blocking keys: its core and every one-character deletion
    /// of it, so two cores within one edit share a key. (Cores that extend
    /// one another are scored, but not looked up: a prefix key such as
    /// `abumuha` is shared by too many accounts to select anything.)
    pub(crate) fn keys(&self, mut push: impl FnMut(&[u8], &str)) {
        let core = self.core();
        let chars: Vec<(usize, char)> = core.char_indices().collect();
        if chars.len() < 3 {
            return;
        }
        push(b"hd", core);
        if chars.len() >= 5 {
            let mut buf = String::with_capacity(core.len());
            for &(at, c) in &chars {
                buf.clear();
                buf.push_str(&core[..at]);
                buf.push_str(&core[at + c.len_utf8()..]);
                push(b"hd", &buf);
            }
        }
    }
}

/// The evidence two handles give that they belong to one operator.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct HandleMatch {
    /// Similarity of the cores in `[0, 1]` (1 = same skeleton).
    pub similarity: f32,
    /// What kind of match it is.
    pub kind: HandleMatchKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HandleMatchKind {
    SameSkeleton,
    SameCore,
    Edits(u8),
    Extends,
    None,
}

/// Compares two folded handles, given their skeletons, cores and the
/// cores' [`char_mask`](super::edit::char_mask)s. Symmetric. Cost: a few string comparisons, and a
/// banded edit distance only when the masks allow two edits.
pub(crate) fn compare(
    (a_skel, a_core, a_mask): (&str, &str, u64),
    (b_skel, b_core, b_mask): (&str, &str, u64),
) -> HandleMatch {
    let none = HandleMatch {
        similarity: 0.0,
        kind: HandleMatchKind::None,
    };
    if a_core.is_empty() || b_core.is_empty() {
        return none;
    }
    if a_skel == b_skel {
        return HandleMatch {
            similarity: 1.0,
            kind: HandleMatchKind::SameSkeleton,
        };
    }
    if a_core == b_core {
        return HandleMatch {
            similarity: 0.95,
            kind: HandleMatchKind::SameCore,
        };
    }
    let (la, lb) = (char_len(a_core), char_len(b_core));
    let long = la.max(lb);
    if la.abs_diff(lb) <= 2 && may_be_within(a_mask, b_mask, 2) {
        if let Some(d) = bounded_osa(a_core, b_core, 2) {
            // One edit in a six-letter core is a typo; in a three-letter one
            // it is another name.
            let min_len = if d == 1 { 6 } else { 10 };
            if long >= min_len {
                return HandleMatch {
                    similarity: 1.0 - d as f32 / long as f32,
                    kind: HandleMatchKind::Edits(d as u8),
                };
            }
        }
    }
    let (short, longer, ls) = if la <= lb {
        (a_core, b_core, la)
    } else {
        (b_core, a_core, lb)
    };
    if ls >= EXTEND_MIN && long - ls <= 5 && (longer.starts_with(short) || longer.ends_with(short))
    {
        return HandleMatch {
            similarity: 0.85,
            kind: HandleMatchKind::Extends,
        };
    }
    none
}

/// The part of a raw handle that is read: no `@`, no URL, at most
/// [`MAX_INPUT`] bytes.
fn trim(raw: &str) -> &str {
    let raw = raw.trim().trim_end_matches('/');
    let raw = raw.rsplit('/').next().unwrap_or(raw);
    let raw = raw.trim_start_matches('@');
    &raw[..floor_boundary(raw, MAX_INPUT)]
}

/// True if the raw handle carries a mark of deliberate disguise: a digit or
/// leetspeak symbol between letters (`um4r`), a letter from Cyrillic, Greek
/// or a compatibility block among Latin letters (`umаr`), or a capital `I`
/// amid lowercase letters (`abduIIah`). People who merely share a name do
/// not write their handle like that.
fn marked(raw: &str) -> bool {
    let chars: Vec<char> = trim(raw).chars().collect();
    let latin = chars.iter().any(char::is_ascii_alphabetic);
    let leet = |c: char| c.is_ascii_digit() || matches!(c, '@' | '$' | '|' | '!');
    chars.iter().enumerate().any(|(i, &c)| {
        let before = i.checked_sub(1).and_then(|j| chars.get(j)).copied();
        let after = chars.get(i + 1).copied();
        let letter = |x: Option<char>| x.is_some_and(char::is_alphabetic);
        match c as u32 {
            // Greek and Cyrillic among Latin letters.
            0x0370..=0x04FF => latin,
            // Fullwidth and mathematical letters.
            0xFF00..=0xFFEF | 0x1D400..=0x1D7FF => true,
            _ if leet(c) => letter(before) && letter(after),
            _ => {
                c == 'I'
                    && (before.is_some_and(char::is_lowercase) || matches!(after, Some('I' | 'l')))
            }
        }
    })
}

/// The light form (see [`Handle`]'s field) of a raw handle.
fn light(raw: &str) -> String {
    let raw = trim(raw);
    let mut out = String::new();
    let mut last = None;
    for c in raw.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() && last != Some(c) && out.len() < 4 * MAX_CHARS {
            out.push(c);
            last = Some(c);
        }
    }
    out.trim_matches(|c: char| c.is_ascii_digit()).to_string()
}

/// True if two handles with the same core were written differently in a
/// way that look-alikes explain and affixes do not (`urnar_media` and
/// `umar_media`, not `umar_media_official` and `umar.media`).
pub(crate) fn disguised(light_a: &str, light_b: &str) -> bool {
    !(light_a.contains(light_b) || light_b.contains(light_a))
}

struct Affixes {
    prefixes: Vec<String>,
    suffixes: Vec<String>,
    glued: Vec<String>,
}

fn affixes() -> &'static Affixes {
    static AFFIXES: OnceLock<Affixes> = OnceLock::new();
    AFFIXES.get_or_init(|| {
        // Through the whole pipeline, as handles go (`official` loses an `f`).
        let n = Normalizer::default();
        let f = |xs: &[&str]| xs.iter().map(|s| skeleton(&n, s)).collect();
        Affixes {
            prefixes: f(PREFIXES),
            suffixes: f(SUFFIXES),
            glued: f(GLUED),
        }
    })
}

/// Byte range of the core: digits at either end and stock affixes removed,
/// repeatedly, never below [`MIN_CORE`] characters. Short affixes are only
/// split off at a word boundary (`new_umarmedia`, not `newsroom`).
fn strip_affixes(skel: &str, bounds: &[usize]) -> (usize, usize) {
    let a = affixes();
    let (mut s, mut e) = (0, skel.len());
    let chars = |s: &str| s.chars().count();
    let splits =
        |at: usize, affix: &String| bounds.binary_search(&at).is_ok() || a.glued.contains(affix);
    loop {
        let cur = &skel[s..e];
        let lead = cur.len() - cur.trim_start_matches(|c: char| c.is_ascii_digit()).len();
        let t = cur[lead..].trim_end_matches(|c: char| c.is_ascii_digit());
        if t.len() != cur.len() && chars(t) >= MIN_CORE {
            s += lead;
            e = s + t.len();
            continue;
        }
        if let Some(p) = a.prefixes.iter().find(|p| {
            cur.starts_with(p.as_str())
                && chars(&cur[p.len()..]) >= MIN_CORE
                && splits(s + p.len(), p)
        }) {
            s += p.len();
            continue;
        }
        if let Some(x) = a.suffixes.iter().find(|x| {
            cur.ends_with(x.as_str())
                && chars(&cur[..cur.len() - x.len()]) >= MIN_CORE
                && splits(e - x.len(), x)
        }) {
            e -= x.len();
            continue;
        }
        return (s, e);
    }
}

fn specificity(core: &str) -> f32 {
    let len = core.chars().count();
    if len <= 4 {
        return 0.4;
    }
    let dict = names::skeletons();
    let rare = names::uncommon_chars(core, dict);
    let by_rare = (rare as f32 / 5.0).min(1.0);
    let by_len = ((len - 4) as f32 / 4.0).min(1.0);
    0.4 + 0.6 * by_rare * by_len
}

/// The largest char boundary of `s` at or below `max`.
pub(crate) fn floor_boundary(s: &str, max: usize) -> usize {
    if s.len() <= max {
        return s.len();
    }
    (0..=max)
        .rev()
        .find(|&i| s.is_char_boundary(i))
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(s: &str) -> Handle {
        Handle::new(&Normalizer::default(), s)
    }

    #[test]
    fn evasions_reduce_to_one_core() {
        for s in [
            "umar_media",
            "@Umar_Media",
            "umar.media2",
            "umarmedia",
            "umar_media_official",
            "real_umarmedia",
            "urnar_rnedia",
            "um4r_media",
            "UMAR_MEDIA_TV",
            "the_umar_media_backup_2",
            "umar__media__",
            "umar_rnedia",
            "https://t.me/umar_media/",
        ] {
            assert_eq!(h(s).core(), h("umar_media").core(), "{s}");
        }
        assert_eq!(h("umar_media").core(), "umarmedla");
        assert_ne!(h("umar_media").core(), h("omar_news").core());
        assert_eq!(h("davvn_ribat").core(), h("dawn_ribat").core());
    }

    #[test]
    fn letters_are_kept_when_stripping_would_leave_too_little() {
        assert_eq!(h("thetv").core(), "thetv");
        assert_eq!(h("new2").core(), "new2");
        assert_eq!(h("newsroom2").core(), "newsrom");
        assert_eq!(h("new_newsroom").core(), "newsrom");
        assert_eq!(h("umarmediaofficial").core(), "umarmedla");
        assert_eq!(h("2024").core(), "2024");
        assert_eq!(h("").core(), "");
        assert_eq!(h("@@@").core(), "");
    }

    #[test]
    fn disguises_are_told_from_affixes_and_digits() {
        let d = |a: &str, b: &str| disguised(h(a).light(), h(b).light());
        assert!(d("urnar_media", "umar_media"));
        assert!(d("um4r.media", "umar_media"));
        assert!(d("umаr_media", "umar_media")); // Cyrillic а
        assert!(!d("umar_media_official", "umar.media"));
        assert!(!d("UMAR_MEDIA2", "umar_media"));
        assert!(!d("ali.khan.92", "alikhan1"));
        assert!(h("umar_media_official").has_affix());
        assert!(h("um4r_media").marked() && h("umаr_media").marked() && h("abduIIah").marked());
        assert!(!h("umar_media2").marked() && !h("Ali_Khan_92").marked() && !h("karnal").marked());
        assert!(!h("InfoDesk").marked() && !h("عمر_میڈیا").marked());
        assert!(!h("umar_media_2").has_affix());
    }

    #[test]
    fn generic_cores_are_less_specific() {
        assert!(h("ali_khan_92").specificity() < 0.5);
        assert!(h("muhammad.bilal").specificity() < 0.5);
        assert!(h("umar_media").specificity() > 0.9);
        assert!(h("abc").specificity() < 0.5);
    }

    #[test]
    fn compare_is_symmetric_and_grades_the_evidence() {
        let cmp = |a: &str, b: &str| {
            let (a, b) = (h(a), h(b));
            let side = |h: &Handle| {
                (
                    h.skeleton().to_string(),
                    h.core().to_string(),
                    super::super::edit::char_mask(h.core()),
                )
            };
            let (sa, sb) = (side(&a), side(&b));
            let x = compare((&sa.0, &sa.1, sa.2), (&sb.0, &sb.1, sb.2));
            let y = compare((&sb.0, &sb.1, sb.2), (&sa.0, &sa.1, sa.2));
            assert_eq!(x, y);
            x
        };
        assert_eq!(
            cmp("umar_media", "umar.media").kind,
            HandleMatchKind::SameSkeleton
        );
        assert_eq!(
            cmp("umar_media", "umar_media_2").kind,
            HandleMatchKind::SameCore
        );
        assert_eq!(
            cmp("umar_media", "umar_madia").kind,
            HandleMatchKind::Edits(1)
        );
        assert_eq!(
            cmp("umar_media", "umar_media_cell").kind,
            HandleMatchKind::Extends
        );
        assert_eq!(cmp("ali", "aly").kind, HandleMatchKind::None);
        assert_eq!(cmp("umar_media", "").kind, HandleMatchKind::None);
    }

    #[test]
    fn keys_meet_for_one_edit() {
        let keys = |s: &str| {
            let mut out = std::collections::HashSet::new();
            h(s).keys(|ns, k| {
                out.insert((ns.to_vec(), k.to_string()));
            });
            out
        };
        let base = keys("umar_media");
        for other in ["umar_madia", "umarmedia_x", "uamr_media", "umr_media"] {
            assert!(!base.is_disjoint(&keys(other)), "{other}");
        }
    }
}

//! Runs of pieces the fast path takes in one loop, each as its main loop
//! would take it: letters spread out with dots (`T.T.P.I.S`) and plain
//! hashtags glued one after another (`#ISIS#ISIS`).

use super::ends::{ends_piece, is_space};
use super::letters;
use super::url::UrlMemo;
use crate::normalize::emit::{Batch, Emitter};
use crate::normalize::Config;

/// Letters on their own, each before a `.` (`T.T.P.I.S`), from `p`, in a
/// stretch where no URL starts: each letter held back or joined as a
/// spread-out letter, each `.` punctuation in the gap, as the general path
/// reads them (and as the loop of [`run`](super::run) would take them one
/// by one, for less). Returns where the letters stop.
pub(super) fn spread(
    bytes: &[u8],
    mut p: usize,
    em: &mut Emitter<'_>,
    urls: &mut UrlMemo,
) -> usize {
    loop {
        em.single_ascii(p as u32, bytes[p]);
        em.punct_plain('.');
        p += 2;
        if !(bytes.get(p).is_some_and(u8::is_ascii_alphabetic)
            && dotted(bytes, p + 1)
            && urls.dotted_clear(bytes, p))
        {
            return p;
        }
    }
}

/// True if the ASCII letters `l` at `pos`, after a `#`, are a hashtag
/// `ascii_word` writes as one plain token: lower, upper or title case, no
/// letter repeated (where repeats collapse), and where a piece ends.
#[inline]
pub(super) fn plain_tag(bytes: &[u8], pos: usize, l: letters::Letters, cfg: &Config) -> bool {
    let n = (l.end - pos) as u32;
    let simple = l.upper == 0 || l.upper == n || (l.upper == 1 && bytes[pos] < 0x60);
    simple && !(cfg.collapse_repeats && l.runs < n) && ends_piece(bytes, l.end)
}

/// Plain hashtags (see [`plain_tag`]) from the `#` at `p`, whose letters
/// are `l`, and each glued on after it (`#ISIS#ISIS…`), written as
/// `ascii_word` would write them one by one. Returns where they stop.
pub(super) fn hashtags(
    bytes: &[u8],
    mut p: usize,
    mut l: letters::Letters,
    em: &mut Emitter<'_>,
    cfg: &Config,
    batch: &mut Batch,
) -> usize {
    loop {
        let n = (l.end - p - 1) as u32;
        em.plain_hashtag(batch, p as u32, n, l.upper, bytes[p + 1] < 0x60);
        p = l.end;
        if !(bytes.get(p) == Some(&b'#') && bytes.get(p + 1).is_some_and(u8::is_ascii_alphabetic)) {
            return p;
        }
        l = letters::scan(bytes, p + 1);
        if !plain_tag(bytes, p + 1, l, cfg) {
            return p;
        }
    }
}

/// True if `j` is a `.` after a letter on its own that the general path
/// reads as punctuation in the gap (`T.T.P`, `U.S. `), given no URL starts
/// there: the next letter, or the end of the stretch, follows it.
#[inline]
pub(super) fn dotted(bytes: &[u8], j: usize) -> bool {
    bytes.get(j) == Some(&b'.')
        && bytes
            .get(j + 1)
            .map_or(true, |&b| b.is_ascii_alphabetic() || is_space(Some(&b)))
}

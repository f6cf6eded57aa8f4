//! Where a piece ends on the fast path: whitespace, punctuation that
//! cannot join words, and the `-` `_` `.` between words that the general
//! path reads as punctuation in the gap.

use super::url::UrlMemo;
use crate::normalize::token::TokenKind;

#[inline]
pub(super) fn is_space(b: Option<&u8>) -> bool {
    b.map_or(true, |b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Where a plain piece may end: at `j`, the end of the text, whitespace, or
/// ASCII punctuation that can neither join words nor be read as a letter.
/// A `.` ends a piece only before whitespace (`end. `; not `e.g`, `x.org`),
/// a `!` only before what cannot continue a word (`wow!nice` is leetspeak).
#[inline]
pub(super) fn ends_piece(bytes: &[u8], j: usize) -> bool {
    let Some(&b) = bytes.get(j) else {
        return true;
    };
    match b {
        b' ' | b'\t' | b'\n' | b'\r' => true,
        b'.' => is_space(bytes.get(j + 1)),
        b'!' => bytes.get(j + 1).map_or(true, |&n| {
            n < 0x80 && !n.is_ascii_alphanumeric() && !matches!(n, b'@' | b'$' | b'!' | b'|')
        }),
        // `#ISIS#ISIS`: a hashtag glued on starts a piece of its own.
        b'#' => bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic),
        b'\'' | b'`' | b'@' | b'$' | b'|' | b'_' | b'-' => false,
        _ => b.is_ascii_punctuation(),
    }
}

/// True if `j` is a hyphen (or, after a word, an underscore) between a
/// piece and a letter (`al-Qaeda`, `well-known`, `according_to_police`)
/// in a stretch that holds nothing a URL needs (as the URL check before
/// it found): it is then punctuation in the gap, as the general path
/// reads it. Elsewhere (`x-y.com`) the general path's URL rules read the
/// stretch. In hashtags and handles an underscore joins (`#x_y`).
#[inline]
pub(super) fn hyphen_ends(bytes: &[u8], j: usize, urls: &UrlMemo, kind: TokenKind) -> bool {
    let joiner = match bytes.get(j) {
        Some(b'-') => true,
        Some(b'_') => kind != TokenKind::Hashtag && kind != TokenKind::Handle,
        _ => false,
    };
    joiner && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic) && urls.clear_at(j)
}

/// True if `j` is a `.` between a piece and a letter (`end.Next`,
/// `Taliban.ISIS`), for a piece where no URL starts (`x.org`, `a.b@c.com`
/// are URLs): the `.` is then punctuation in the gap, as the general path
/// reads it.
#[inline]
pub(super) fn dot_ends(bytes: &[u8], j: usize) -> bool {
    bytes.get(j) == Some(&b'.') && bytes.get(j + 1).is_some_and(u8::is_ascii_alphabetic)
}

//! URLs and e-mail addresses on the fast path: whether one may start
//! after an alphanumeric run, and writing it when its bytes alone decide.

use crate::normalize::emit::{AsciiPiece, Batch, Emitter};
use crate::normalize::token::TokenKind;
use crate::normalize::url::{marks_url, url_at_cached, url_end, UrlCache};

/// What lies from `j` to the next whitespace: `None` if anything but
/// printable ASCII (the byte-level URL reading would not equal the general
/// one), else whether a `.` or `@` is there, or a `:` after a `scheme`
/// (which starts with a letter), without which no URL or e-mail address
/// can be (see `url::url_at`): `12:30` is none.
#[cfg(test)]
pub(super) fn url_marks_until_space(bytes: &[u8], j: usize, scheme: bool) -> Option<bool> {
    marks_found(scan_to_space(bytes, j).0, scheme)
}

/// `url_marks_until_space` (a test's view) from what [`scan_to_space`] saw.
fn marks_found(seen: u8, scheme: bool) -> Option<bool> {
    let marks = if scheme {
        SCAN_MARK | SCAN_COLON
    } else {
        SCAN_MARK
    };
    (seen & SCAN_ODD == 0).then_some(seen & marks != 0)
}

/// The [`URL_SCAN`] bits of the bytes from `j` to the next whitespace (or
/// the end), and where that is.
fn scan_to_space(bytes: &[u8], j: usize) -> (u8, usize) {
    let rest = bytes.get(j..).unwrap_or(&[]);
    let mut seen = 0;
    for (k, &b) in rest.iter().enumerate() {
        let c = URL_SCAN[usize::from(b)];
        if c & SCAN_SPACE != 0 {
            return (seen, j + k);
        }
        seen |= c;
    }
    (seen, j + rest.len())
}

/// What the fast path's URL checks learnt about a text, kept for the
/// whole text (across the fast path's runs; raw bytes never change, as
/// [`UrlCache`] needs). Without it, each piece of a long stretch with no
/// whitespace (`a-b-c-...`, `ab.cd.ef...`) scanned to the end of the
/// stretch again: quadratic.
#[derive(Default)]
pub(crate) struct UrlMemo {
    /// The stretch last scanned up to its whitespace, `[from, to)`, and
    /// the [`URL_SCAN`] bits of its bytes.
    from: usize,
    to: usize,
    seen: u8,
    /// `url_at`'s runs, which later starts inside them reuse.
    cache: UrlCache,
    /// The stretch `[from, to)` up to its whitespace that
    /// [`UrlMemo::dotted_clear`] scanned last, and where its last mark of a
    /// URL is.
    dotted: (usize, usize, Option<usize>),
}

impl UrlMemo {
    /// True if nothing from `j` up to its whitespace can make a URL (no
    /// `.`, `@`, `:`, only printable ASCII): `j` is in the stretch last
    /// scanned, and it had none.
    pub(crate) fn clear_at(&self, j: usize) -> bool {
        (self.from..self.to).contains(&j) && self.seen == 0
    }

    /// True if no URL or e-mail address starts anywhere from `j` up to
    /// the next whitespace, though `.` may be there: after `j`, nothing
    /// marks one (see `url::marks_url`), and nothing but printable ASCII,
    /// which could fold into a mark.
    /// Spread-out
    /// letters (`T.T.P.I.S`) pass; `t.co` does not. Each stretch is
    /// scanned once, at the first start asked for in it: later starts are
    /// answered by where its last mark is.
    pub(crate) fn dotted_clear(&mut self, bytes: &[u8], j: usize) -> bool {
        let (from, to, _) = self.dotted;
        if !(from..to).contains(&j) {
            let rest = bytes.get(j..).unwrap_or(&[]);
            let (mut end, mut last) = (rest.len(), None);
            for (k, &b) in rest.iter().enumerate() {
                match URL_SCAN[usize::from(b)] {
                    0 => {}
                    SCAN_SPACE => {
                        end = k;
                        break;
                    }
                    SCAN_MARK | SCAN_COLON if !marks_url(bytes, j + k) => {}
                    _ => last = Some(j + k),
                }
            }
            self.dotted = (j, j + end, last);
        }
        self.dotted.2.map_or(true, |m| j > m)
    }

    /// The [`URL_SCAN`] bits of the bytes from `j` up to the whitespace,
    /// or of a stretch that holds them: from the stretch last scanned when
    /// `j` is in it and it had nothing but printable ASCII (more bits than
    /// `j`'s own can only send a question to `url_at`, which answers it
    /// right), else scanned.
    fn seen_from(&mut self, bytes: &[u8], j: usize) -> u8 {
        if (self.from..self.to).contains(&j) && self.seen & SCAN_ODD == 0 {
            return self.seen;
        }
        let (seen, to) = scan_to_space(bytes, j);
        (self.from, self.to, self.seen) = (j, to, seen);
        seen
    }
}

const SCAN_SPACE: u8 = 1;
const SCAN_ODD: u8 = 2;
const SCAN_MARK: u8 = 4;
const SCAN_COLON: u8 = 8;

/// Per byte, 1 for an ASCII capital, 1 << 32 for a small ASCII letter: a
/// URL's letters are counted with one load and one add a byte.
static CASES: [u64; 256] = {
    let mut t = [0u64; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = if c.is_ascii_uppercase() {
            1
        } else if c.is_ascii_lowercase() {
            1 << 32
        } else {
            0
        };
        b += 1;
    }
    t
};

/// What `url_marks_until_space` looks for in each byte: whitespace,
/// anything but printable ASCII, `.` or `@`, `:`. One load a byte: URLs
/// are the longest plain pieces.
static URL_SCAN: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = match c {
            b' ' | b'\t' | b'\n' | b'\r' => SCAN_SPACE,
            b'.' | b'@' => SCAN_MARK,
            b':' => SCAN_COLON,
            0x21..=0x7E => 0,
            _ => SCAN_ODD,
        };
        b += 1;
    }
    t
};

/// True if what follows an alphanumeric run ending at `j` may make it the
/// start of a URL or e-mail address (see `url::url_at`).
#[inline]
pub(super) fn url_may_follow(bytes: &[u8], j: usize) -> bool {
    matches!(
        bytes.get(j),
        Some(
            b':'
            | b'.'
            | b'@'
            | b'+'
            | b'-'
            | b'_'
            | b'%'
            | b'0'..=b'9'
            | b'a'..=b'z'
            | b'A'..=b'Z',
        )
    )
}

/// If a URL or e-mail address may start at `pos` (an alphanumeric run
/// followed by `:` `.` `@` `+` `-` `_` `%`): `Some(end)` when the fast path
/// wrote one, `Some(pos)` when only the general path can tell, `None` when
/// there is none.
pub(super) fn try_url(
    bytes: &[u8],
    pos: usize,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
    memo: &mut UrlMemo,
) -> Option<usize> {
    let j = pos
        + bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_alphanumeric())
            .count();
    if !matches!(
        bytes.get(j),
        Some(b':' | b'.' | b'@' | b'+' | b'-' | b'_' | b'%')
    ) {
        return None;
    }
    if memo.clear_at(j) {
        return None;
    }
    let seen = memo.seen_from(bytes, j);
    match marks_found(seen, bytes[pos].is_ascii_alphabetic()) {
        None => return Some(pos),
        Some(false) => return None,
        Some(true) => {}
    }
    let end = url_at_cached(bytes, pos, &mut memo.cache)?;
    write_url(bytes, pos, end, em, batch);
    Some(end)
}

/// The URL a window cut out of a longer one goes on with (see
/// `Normalizer::normalize_window`): its run of URL characters at the start
/// of `bytes`, less the trailing punctuation a URL gives back, written as
/// a URL token. Returns where it ends (0: none).
pub(crate) fn url_head(bytes: &[u8], em: &mut Emitter<'_>) -> usize {
    let end = url_end(bytes, 0);
    if end > 0 {
        let mut batch = Batch::default();
        write_url(bytes, 0, end, em, &mut batch);
        em.batch_end(&mut batch);
    }
    end
}

/// Writes `bytes[pos..end]`, ASCII URL characters, as a URL token.
fn write_url(bytes: &[u8], pos: usize, end: usize, em: &mut Emitter<'_>, batch: &mut Batch) {
    let Some(u) = bytes.get(pos..end) else {
        return;
    };
    // Capitals in the low half, small letters in the high half.
    let cases = u.iter().fold(0u64, |acc, &b| acc + CASES[usize::from(b)]);
    let (upper, lower) = (cases as u32, (cases >> 32) as u32);
    let first_upper = u
        .iter()
        .find(|b| b.is_ascii_alphabetic())
        .is_some_and(u8::is_ascii_uppercase);
    em.plain_ascii(
        batch,
        &AsciiPiece {
            src: pos as u32,
            len: u.len() as u32,
            kind: TokenKind::Url,
            sigil: None,
            upper,
            lower,
            first_upper,
            doubled: false,
            splits: &[],
        },
    );
}

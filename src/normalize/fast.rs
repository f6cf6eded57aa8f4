//! The fast path: most of most posts is plain (ASCII words in lower, upper,
//! title or camel case, plain numbers, `#Hashtags`, `@handles` (also
//! `@user_123`), ASCII URLs, Arabic-script words and hashtags (with the
//! harakat the fold deletes, not with marks that compose), ASCII words
//! with invisible characters in and around them (and an Arabic-script word
//! glued on: `ISIS\u{202c}\u{2067}داعش`), letters spread out with spaces
//! or dots (`T T P`, `T.T.P.I.S`), ASCII and Arabic-script punctuation,
//! emoji, spaces). Those are written straight from the input bytes,
//! skipping the general pipeline, with exactly the result the general
//! path would give; anything it cannot decide alone (digits inside words,
//! symbols, marks, capitals in a row inside a word, a one-letter word
//! where a URL may start, most invisible characters) stops the fast path
//! and the general path takes over from there. Pieces separated by single spaces are
//! written as one stretch (see `emit::Batch`).

use super::emit::{AsciiPiece, Batch, Emitter, Single};
use super::fold::FChar;
use super::tables::{self, info};
use super::token::TokenKind;
use super::word::{self, Spans};
use super::Config;
use arabic::{arabic_digit, arabic_number, arabic_word, Arabic};
use chains::{dotted, hashtags, plain_tag, spread};
use ends::{dot_ends, ends_piece, hyphen_ends, is_space};
use url::{try_url, url_may_follow};
pub(crate) use url::{url_head, UrlMemo};

/// Runs the fast path from `pos` (a chunk start) for as long as it can.
/// Returns the number of bytes consumed (0 if the general path must handle
/// what is at `pos`) and whether what it wrote last ends in a letter or
/// digit, which the general path needs to know (`abc@x` is no handle).
///
/// Kept out of line: inlined into the pipeline loop (which the compiler
/// started doing once `Folder::push` got smaller) it ran text of spaced
/// single letters at 26 MB/s instead of 34 for the same instructions,
/// while ordinary text gained under 2%.
#[inline(never)]
pub(crate) fn run<'a>(
    text: &str,
    pos: usize,
    limit: usize,
    em: &mut Emitter<'_>,
    cfg: &'a Config,
    sc: &mut FastScratch<'_>,
) -> (usize, bool) {
    let bytes = &text.as_bytes()[..limit];
    let mut p = pos;
    let mut batch = Batch::default();
    // Fetched at the first Arabic-script letter: ASCII-only text never
    // builds the table.
    let mut ar: Option<Arabic<'a>> = None;
    let arabic =
        |ar: &mut Option<Arabic<'a>>| -> Arabic<'a> { *ar.get_or_insert_with(|| Arabic::new(cfg)) };
    while let Some(&b) = bytes.get(p) {
        // Letters first: most pieces are words.
        let next = if (b | 0x20).wrapping_sub(b'a') < 26 {
            let l = letters::scan(bytes, p);
            let n = (l.end - p) as u32;
            // The commonest piece, kept short: a word of two letters or
            // more in lower, upper or title case, then a space or the
            // end of the text.
            let simple =
                l.upper == 0 || l.upper == n || (l.upper == 1 && bytes[p].is_ascii_uppercase());
            let plain = simple && n >= 2 && matches!(bytes.get(l.end), Some(b' ') | None);
            if plain && (l.runs == n || !cfg.collapse_repeats) {
                em.plain_word(&mut batch, p as u32, n, l.upper, bytes[p] < 0x60);
                l.end
            } else if plain && l.runs > 1 {
                // Letters repeat (`yaar`), but more than one.
                em.plain_word_collapsed(&mut batch, p as u32, n, l.upper, bytes[p] < 0x60);
                l.end
            } else if n == 1 && matches!(bytes.get(l.end), Some(b' ') | None) {
                // A letter on its own (`T T P`, `a b c`): held back in
                // case it is spread out, as `ascii_word` would.
                em.batch_end(&mut batch);
                em.single_ascii(p as u32, b);
                l.end
            } else if n == 1 && dotted(bytes, l.end) && sc.urls.dotted_clear(bytes, p) {
                em.batch_end(&mut batch);
                spread(bytes, p, em, sc.urls)
            } else if decorated::at(text, l.end, cfg.strip_diacritics) {
                decorated::word(bytes, p, l, em, &mut batch, cfg)
            } else {
                ascii_word(bytes, p, l, Sigil::None, em, cfg, sc, &mut batch)
            }
        } else {
            match b {
                // A space that joins two pieces was taken after the first
                // (below); any other goes to the gap.
                b' ' | b'\t' => {
                    em.batch_end(&mut batch);
                    em.space_plain(false);
                    p + 1
                }
                b'\n' | b'\r' => {
                    em.batch_end(&mut batch);
                    em.space_plain(true);
                    p + 1
                }
                b'0'..=b'9' => number(bytes, p, em, &mut batch, sc.urls),
                b'#' => match bytes.get(p + 1) {
                    Some(c) if c.is_ascii_alphabetic() => {
                        let l = letters::scan(bytes, p + 1);
                        if plain_tag(bytes, p + 1, l, cfg) {
                            hashtags(bytes, p, l, em, cfg, &mut batch)
                        } else {
                            ascii_word(bytes, p + 1, l, Sigil::Hash(p), em, cfg, sc, &mut batch)
                        }
                    }
                    Some(0xD8..=0xDB) => {
                        arabic_word(bytes, p + 1, Some(p), em, &arabic(&mut ar), &mut batch)
                    }
                    Some(c) if c.is_ascii_alphanumeric() || *c >= 0x80 => p,
                    _ => {
                        em.batch_end(&mut batch);
                        plain_punct(text, p, em)
                    }
                },
                b'@' if !ends_word(bytes, pos, p)
                    && bytes.get(p + 1).is_some_and(u8::is_ascii_alphabetic) =>
                {
                    let l = letters::scan(bytes, p + 1);
                    ascii_word(bytes, p + 1, l, Sigil::At(p), em, cfg, sc, &mut batch)
                }
                // Leetspeak or an e-mail address: general path. Alone
                // before whitespace, they are punctuation.
                b'@' | b'$' | b'|' if !is_space(bytes.get(p + 1)) => p,
                0x21..=0x7E => {
                    em.batch_end(&mut batch);
                    plain_punct(text, p, em)
                }
                0xD8..=0xDB => {
                    match arabic_word(bytes, p, None, em, &arabic(&mut ar), &mut batch) {
                        // Not a word: a number in Arabic-Indic digits, maybe.
                        end if end == p && arabic_digit(bytes, p) => {
                            arabic_number(text, p, em, cfg, sc, &mut batch)
                        }
                        end => end,
                    }
                }
                0xE2 | 0xF0 => {
                    em.batch_end(&mut batch);
                    match emoji(text, bytes, p, em) {
                        end if end > p => end,
                        // Or invisible characters before a word.
                        _ => decorated::leading(text, p, em, &mut batch, cfg),
                    }
                }
                // Invisible characters before a word, or the general path.
                _ => decorated::leading(text, p, em, &mut batch, cfg),
            }
        };
        if next == p {
            break;
        }
        p = next;
        // One space between two pieces: the next one may join the
        // stretch (taken here, without another turn of the loop); if it
        // cannot, the space goes to the gap.
        if bytes.get(p) == Some(&b' ')
            && batch.joins_at(p)
            && bytes.get(p + 1).is_some_and(|&n| starts_piece(n))
        {
            batch.take_space();
            p += 1;
        }
    }
    em.batch_end(&mut batch);
    // Only the general path going on after it needs to know (most posts
    // end here).
    (p - pos, p < bytes.len() && ends_word(bytes, pos, p))
}

/// True if what the fast path wrote from `pos` up to `p` ends in an ASCII
/// letter or digit, or an Arabic-script letter or mark (two bytes,
/// U+0600..U+06FF, not punctuation): the pieces it writes end there.
#[inline]
fn ends_word(bytes: &[u8], pos: usize, p: usize) -> bool {
    if p <= pos {
        return false;
    }
    match bytes[p - 1] {
        c if c.is_ascii_alphanumeric() => true,
        0x80..=0xBF if p >= pos + 2 => {
            tables::block_char(bytes, p - 2).is_some_and(|c| info(c).class != tables::Class::Punct)
        }
        _ => false,
    }
}

/// True if a piece that may join a stretch starts with `b`.
#[inline]
fn starts_piece(b: u8) -> bool {
    STARTS_PIECE[usize::from(b)]
}

/// [`starts_piece`] for each byte: one load instead of a chain of ranges.
static STARTS_PIECE: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 256 {
        let c = b as u8;
        t[b] = c.is_ascii_alphanumeric() || matches!(c, b'#' | b'@' | 0xD8..=0xDB);
        b += 1;
    }
    t
};

/// ASCII punctuation in a gap. `.` `-` `_` right before a letter may join
/// spread-out letters, which is fine: the gap records them as the general
/// path does. Not before a character that starts no NFKC segment (a
/// conjoining Hangul vowel, a combining mark): the general path reads the
/// two together, and a letter's span then starts at the punctuation.
#[inline(always)]
fn plain_punct(text: &str, p: usize, em: &mut Emitter<'_>) -> usize {
    let bytes = text.as_bytes();
    if bytes.get(p + 1).is_some_and(|&b| b >= 0x80) && !starts_segment(text, p + 1) {
        return p;
    }
    em.punct_plain(bytes[p] as char);
    p + 1
}

/// True if the character at `j` starts an NFKC segment of its own.
#[cold]
fn starts_segment(text: &str, j: usize) -> bool {
    let next = text.get(j..).and_then(|s| s.chars().next());
    next.is_some_and(|c| info(c).has(tables::BOUNDARY))
}

/// Buffers the fast path borrows.
pub(crate) struct FastScratch<'a> {
    pub fchars: &'a mut Vec<FChar>,
    pub spans: &'a mut Spans,
    pub splits: &'a mut Vec<u32>,
    /// Kept for the whole text, across the fast path's runs.
    pub urls: &'a mut UrlMemo,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sigil {
    None,
    Hash(usize),
    At(usize),
}

/// `pos` starts ASCII letters (after `#` or `@` if `sigil`), which are
/// `letters` (`letters::scan` at `pos`). Writes a plain word, hashtag or
/// handle, or a URL; returns where it ended, `pos` (or the sigil) if the
/// general path must take it.
#[inline(never)]
#[allow(clippy::too_many_arguments)]
fn ascii_word(
    bytes: &[u8],
    pos: usize,
    letters: letters::Letters,
    sigil: Sigil,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut FastScratch<'_>,
    batch: &mut Batch,
) -> usize {
    let (bail, kind, sigil) = match sigil {
        Sigil::None => (pos, TokenKind::Word, None),
        Sigil::Hash(s) => (s, TokenKind::Hashtag, Some(s)),
        Sigil::At(s) => (s, TokenKind::Handle, Some(s)),
    };
    // How many letters, how many capitals, and how many runs of one letter
    // (fewer runs than letters: something collapses).
    let letters::Letters {
        end: j,
        upper,
        runs,
    } = letters;
    // A space after the letters (the commonest case) ends the piece.
    let mut digits = 0;
    if bytes.get(j) != Some(&b' ') {
        // Whether no URL starts here, as asked.
        let mut no_url = false;
        if sigil.is_none() && url_may_follow(bytes, j) {
            if let Some(end) = try_url(bytes, pos, em, batch, sc.urls) {
                return end;
            }
            no_url = true;
        }
        if kind == TokenKind::Handle && bytes.get(j) == Some(&b'_') {
            digits = handle_digits(bytes, j + 1);
            if digits == 0 {
                return bail;
            }
        } else if !(ends_piece(bytes, j)
            || hyphen_ends(bytes, j, sc.urls, kind)
            // Not after one letter: `T.T.P` goes on as spread-out letters,
            // and asking for a URL at each of them cost more than the
            // general path's reading (+50% instructions).
            || (no_url && j - pos > 1 && dot_ends(bytes, j)))
        {
            if sigil.is_none() && matches!(bytes.get(j), Some(0xD8..=0xDB)) {
                // An Arabic-script word glued on (`ISISداعش`).
                return decorated::word(bytes, pos, letters, em, batch, cfg);
            }
            return bail;
        }
    }
    let word = &bytes[pos..j];
    let n = word.len() as u32;
    let first_upper = word[0] < 0x60;
    // Lower, UPPER or Title: one token. Otherwise camel case may split it
    // (`word::camel`: always in hashtags and handles, in words of five
    // letters or more).
    let simple = upper == 0 || upper == n || (upper == 1 && first_upper);
    let camel = !simple && cfg.split_glued_words && (kind != TokenKind::Word || n >= 5);
    let (mut splits, mut nsplits, mut long) = ([0u32; 8], 0, false);
    let one_letter = runs == 1 && (n == 1 || cfg.collapse_repeats) && kind == TokenKind::Word;
    let plain = !one_letter
        && (!camel
            || camel_splits(word, cfg.collapse_repeats, |k| {
                let free = nsplits < splits.len();
                if free {
                    splits[nsplits] = k;
                    nsplits += 1;
                }
                free
            })
            || {
                // More than eight parts (`TalibanTalibanTaliban...`): again,
                // into a buffer without a bound.
                sc.splits.clear();
                long = nsplits == splits.len()
                    && camel_splits(word, cfg.collapse_repeats, |k| {
                        sc.splits.push(k);
                        true
                    });
                long
            });
    if !plain && digits > 0 {
        return bail;
    }
    if !plain {
        // Capitals in a row, one letter: the general word analysis, fed
        // directly (these are plain ASCII letters, nothing to fold).
        em.batch_end(batch);
        let fc = |i: usize, b: u8| FChar::ascii(i as u32, b);
        // One letter (`a`, `I`, `aaa`): what word analysis would find. A
        // letter on its own (`T T P`, `a b c`) needs no buffer.
        let single = one_letter && simple;
        let c = (word[0] | 0x20) as char;
        if let ([b], true) = (word, single) {
            em.single_ascii(pos as u32, *b);
            return j;
        }
        sc.fchars.clear();
        sc.fchars
            .extend(word.iter().enumerate().map(|(k, &b)| fc(pos + k, b)));
        if single {
            em.single(Single::new(sc.fchars, c, tables::LATIN));
            return j;
        }
        let sig = sigil.map(|s| fc(s, bytes[s]));
        word::emit(sc.fchars, kind, sig.as_ref(), em, cfg, sc.spans);
        return j;
    }
    let doubled = cfg.collapse_repeats && runs < n;
    if simple && !doubled && sigil.is_none() {
        // The common case, kept short.
        em.plain_word(batch, pos as u32, n, upper, first_upper);
        return j;
    }
    em.plain_ascii(
        batch,
        &AsciiPiece {
            src: pos as u32,
            len: n,
            kind,
            sigil: sigil.map(|s| s as u32),
            upper,
            lower: n - upper,
            first_upper,
            doubled,
            splits: if long { sc.splits } else { &splits[..nsplits] },
        },
    );
    if digits > 0 {
        em.plain_handle_digits(batch, j as u32, digits as u32);
        return j + 1 + digits;
    }
    j
}

/// After `@letters_` (`_` just before `pos`): how many digits follow, when
/// they are two or more and end the piece at a space or the end of the
/// text (`@user_123`: the `_` goes, the digits are a token glued to the
/// letters); 0 otherwise. One digit would be read as a letter.
fn handle_digits(bytes: &[u8], pos: usize) -> usize {
    let d = bytes
        .get(pos..)
        .unwrap_or(&[])
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    let ends = matches!(bytes.get(pos + d), None | Some(b' '));
    if d >= 2 && ends {
        d
    } else {
        0
    }
}

/// Where camel case splits ASCII letters `w` (see `word::camel`), each
/// handed to `split` in order: before each capital that follows a small
/// letter, except between two equal letters that collapse
/// (`word::merge_repeats` joins them: `DawnNews`); and where capitals in a
/// row meet small letters, before the last capital, and after it too when
/// there are three or more (`Tehrik|I|Taliban`, `BL|A|zindabad`). False
/// when `split` returns false (it has no room), or for such a run next to
/// an equal letter that collapses (left to the word analysis).
fn camel_splits(w: &[u8], collapse: bool, mut split: impl FnMut(u32) -> bool) -> bool {
    let same = |i: usize| collapse && w[i - 1] | 0x20 == w[i] | 0x20;
    // Capitals in a row before `k`.
    let mut run = 0;
    for k in 0..w.len() {
        if w[k] < 0x60 {
            if k > 0 && w[k - 1] >= 0x60 && !same(k) && !split(k as u32) {
                return false;
            }
            run += 1;
            continue;
        }
        if run >= 2 {
            let last = k - 1;
            if same(last) || same(k) {
                return false;
            }
            if !split(last as u32) || (run >= 3 && !split(k as u32)) {
                return false;
            }
        }
        run = 0;
    }
    true
}

/// Digits, with single `.` `,` `:` `/` `-` between digits, followed by
/// the end of the piece: a number.
fn number(
    bytes: &[u8],
    pos: usize,
    em: &mut Emitter<'_>,
    batch: &mut Batch,
    urls: &mut UrlMemo,
) -> usize {
    let digits = pos
        + bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    if url_may_follow(bytes, digits) {
        if let Some(end) = try_url(bytes, pos, em, batch, urls) {
            return end;
        }
    }
    let mut j = pos;
    while let Some(&b) = bytes.get(j) {
        if b.is_ascii_digit() {
            j += 1;
        } else if matches!(b, b'.' | b',' | b':' | b'/' | b'-')
            && bytes.get(j + 1).is_some_and(u8::is_ascii_digit)
        {
            j += 2;
        } else {
            break;
        }
    }
    // `1,໐`: a digit of another script may continue the number.
    let more = matches!(bytes.get(j), Some(b'.' | b',' | b':' | b'/' | b'-'))
        && bytes.get(j + 1).is_some_and(|&b| b >= 0x80);
    if more || !(ends_piece(bytes, j) || hyphen_ends(bytes, j, urls, TokenKind::Number)) {
        return pos;
    }
    em.plain_ascii(
        batch,
        &AsciiPiece {
            src: pos as u32,
            len: (j - pos) as u32,
            kind: TokenKind::Number,
            sigil: None,
            upper: 0,
            lower: 0,
            first_upper: false,
            doubled: false,
            splits: &[],
        },
    );
    j
}

/// Emoji and pictographs (U+2600..U+27BF but the dingbat digits,
/// U+1F1E6..U+1F1FF, U+1F300..U+1FAFF: no decompositions, no letters),
/// with any zero-width joiners and variation selectors glued to them:
/// symbols in a gap.
fn emoji(text: &str, bytes: &[u8], pos: usize, em: &mut Emitter<'_>) -> usize {
    let mut j = pos;
    let mut any = false;
    while let Some(c) = text.get(j..).and_then(|s| s.chars().next()) {
        match c as u32 {
            0x2600..=0x2775 | 0x2794..=0x27BF | 0x1F1E6..=0x1F1FF | 0x1F300..=0x1FAFF => {
                em.punct_plain(c);
                any = true;
            }
            0x200D | 0xFE0F if any => em.gap_invisible(),
            _ => break,
        }
        j += c.len_utf8();
    }
    // What follows must start an NFKC segment of its own: ASCII, or a
    // character the loop above looked at and left (not a combining mark
    // for symbols, U+20D0..U+20FF).
    let next_ok = match bytes.get(j) {
        None => true,
        Some(&b) if b < 0x80 || b == 0xF0 => true,
        Some(0xE2) => bytes.get(j + 1) != Some(&0x83),
        _ => false,
    };
    if !any || !next_ok {
        return pos;
    }
    j
}

mod arabic;
mod chains;
mod decorated;
mod ends;
mod letters;
#[cfg(test)]
pub(super) mod tests;
mod url;

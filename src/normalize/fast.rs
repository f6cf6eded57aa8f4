//! The fast path: most of most posts is plain (ASCII words in lower, upper
//! or title case, plain numbers, `#Hashtags`, ASCII URLs, Arabic-script
//! words without marks, punctuation, emoji, spaces). Those are written
//! straight from the input bytes, skipping the general pipeline, with
//! exactly the result the general path would give; anything it cannot
//! decide alone (digits inside words, symbols, marks, camel case, a
//! one-letter word, an invisible character) stops the fast path and the
//! general path takes over from there.

use super::emit::{AsciiPiece, Emitter, Single};
use super::fold::{flag, FChar};
use super::tables::{self, info, Class};
use super::token::TokenKind;
use super::url::url_at;
use super::word::{self, Spans};
use super::Config;

/// Runs the fast path from `pos` (a chunk start) for as long as it can.
/// Returns the number of bytes consumed (0 if the general path must handle
/// what is at `pos`) and whether what it wrote last ends in a letter or
/// digit, which the general path needs to know (`abc@x` is no handle).
pub(crate) fn run(
    text: &str,
    pos: usize,
    limit: usize,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut FastScratch<'_>,
) -> (usize, bool) {
    let bytes = &text.as_bytes()[..limit];
    let mut p = pos;
    let mut word = false;
    while let Some(&b) = bytes.get(p) {
        let next = match b {
            b' ' | b'\t' => {
                em.space_plain(false);
                p + 1
            }
            b'\n' | b'\r' => {
                em.space_plain(true);
                p + 1
            }
            b'a'..=b'z' | b'A'..=b'Z' => ascii_word(text, bytes, p, Sigil::None, em, cfg, sc),
            b'0'..=b'9' => number(text, bytes, p, em),
            b'#' => match bytes.get(p + 1) {
                Some(c) if c.is_ascii_alphabetic() => {
                    ascii_word(text, bytes, p + 1, Sigil::Hash(p), em, cfg, sc)
                }
                Some(c) if c.is_ascii_alphanumeric() || *c >= 0x80 => p,
                _ => plain_punct(bytes, p, em),
            },
            b'@' if !word && bytes.get(p + 1).is_some_and(u8::is_ascii_alphabetic) => {
                ascii_word(text, bytes, p + 1, Sigil::At(p), em, cfg, sc)
            }
            // Leetspeak or an e-mail address: general path.
            b'@' | b'$' | b'|' => p,
            0x21..=0x7E => plain_punct(bytes, p, em),
            0xD8..=0xDB => arabic_word(text, bytes, p, em, cfg, sc.chars),
            0xE2 | 0xF0 => emoji(text, bytes, p, em),
            _ => p,
        };
        if next == p {
            break;
        }
        p = next;
        word = bytes[p - 1].is_ascii_alphanumeric() || (0xD8..=0xDB).contains(&b);
    }
    (p - pos, word)
}

#[inline]
fn is_space(b: Option<&u8>) -> bool {
    b.map_or(true, |b| matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
}

/// Where a plain piece may end: at `j`, the end of the text, whitespace, or
/// ASCII punctuation that can neither join words nor be read as a letter.
/// A `.` ends a piece only before whitespace (`end. `; not `e.g`, `x.org`),
/// a `!` only before what cannot continue a word (`wow!nice` is leetspeak).
#[inline]
fn ends_piece(bytes: &[u8], j: usize) -> bool {
    let Some(&b) = bytes.get(j) else {
        return true;
    };
    match b {
        b' ' | b'\t' | b'\n' | b'\r' => true,
        b'.' => is_space(bytes.get(j + 1)),
        b'!' => bytes.get(j + 1).map_or(true, |&n| {
            n < 0x80 && !n.is_ascii_alphanumeric() && !matches!(n, b'@' | b'$' | b'!' | b'|')
        }),
        b'\'' | b'`' | b'@' | b'$' | b'|' | b'#' | b'_' | b'-' => false,
        _ => b.is_ascii_punctuation(),
    }
}

/// True if from `j` to the next whitespace everything is printable ASCII,
/// so the byte-level URL reading equals the general one.
fn plain_ascii_until_space(bytes: &[u8], j: usize) -> bool {
    bytes[j.min(bytes.len())..]
        .iter()
        .take_while(|&&b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
        .all(|&b| (0x21..0x7F).contains(&b))
}

/// True if what follows an alphanumeric run ending at `j` may make it the
/// start of a URL or e-mail address (see `url::url_at`).
#[inline]
fn url_may_follow(bytes: &[u8], j: usize) -> bool {
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
fn try_url(text: &str, bytes: &[u8], pos: usize, em: &mut Emitter<'_>) -> Option<usize> {
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
    if !plain_ascii_until_space(bytes, j) {
        return Some(pos);
    }
    let end = url_at(bytes, pos)?;
    let u = text.get(pos..end)?;
    let upper = u.bytes().filter(u8::is_ascii_uppercase).count() as u32;
    let lower = u.bytes().filter(u8::is_ascii_lowercase).count() as u32;
    let first_upper = u
        .bytes()
        .find(u8::is_ascii_alphabetic)
        .is_some_and(|b| b.is_ascii_uppercase());
    em.plain_ascii(&AsciiPiece {
        text: u,
        src: pos as u32,
        kind: TokenKind::Url,
        sigil: None,
        upper,
        lower,
        first_upper,
        collapse: false,
    });
    Some(end)
}

/// ASCII punctuation in a gap. `.` `-` `_` right before a letter may join
/// spread-out letters, which is fine: the gap records them as the general
/// path does.
fn plain_punct(bytes: &[u8], p: usize, em: &mut Emitter<'_>) -> usize {
    em.punct_plain(bytes[p] as char);
    p + 1
}

/// Buffers the fast path borrows.
pub(crate) struct FastScratch<'a> {
    pub chars: &'a mut Vec<char>,
    pub fchars: &'a mut Vec<FChar>,
    pub spans: &'a mut Spans,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Sigil {
    None,
    Hash(usize),
    At(usize),
}

/// `pos` starts ASCII letters (after `#` if `sigil`). Writes a plain word
/// or hashtag, or a URL; returns where it ended, `pos` (or the sigil) if
/// the general path must take it.
fn ascii_word(
    text: &str,
    bytes: &[u8],
    pos: usize,
    sigil: Sigil,
    em: &mut Emitter<'_>,
    cfg: &Config,
    sc: &mut FastScratch<'_>,
) -> usize {
    let (bail, kind, sigil) = match sigil {
        Sigil::None => (pos, TokenKind::Word, None),
        Sigil::Hash(s) => (s, TokenKind::Hashtag, Some(s)),
        Sigil::At(s) => (s, TokenKind::Handle, Some(s)),
    };
    let mut j = pos;
    let mut upper = 0u32;
    while let Some(&b) = bytes.get(j) {
        if !b.is_ascii_alphabetic() {
            break;
        }
        upper += b.is_ascii_uppercase() as u32;
        j += 1;
    }
    if sigil.is_none() && url_may_follow(bytes, j) {
        if let Some(end) = try_url(text, bytes, pos, em) {
            return end;
        }
    }
    if !ends_piece(bytes, j) {
        return bail;
    }
    let word = &bytes[pos..j];
    let n = word.len() as u32;
    let first_upper = word[0].is_ascii_uppercase();
    // Lower, UPPER or Title only: anything else may need camel splitting.
    let simple = upper == 0 || upper == n || (upper == 1 && first_upper);
    let lower0 = word[0] | 0x20;
    let one_letter = word.iter().all(|&b| b | 0x20 == lower0) && (n == 1 || cfg.collapse_repeats);
    if !simple || (one_letter && sigil.is_none()) || kind == TokenKind::Handle {
        // Camel case, one letter, a handle: the general word analysis, fed
        // directly (these are plain ASCII letters, nothing to fold).
        let fc = |i: usize, c: u8| {
            let inf = info(c as char);
            let mut flags = flag::script(inf.script);
            if inf.has(tables::UPPER) {
                flags |= flag::UPPER;
            } else if inf.has(tables::LOWER) {
                flags |= flag::LOWER;
            }
            FChar {
                c: inf.fold,
                src: i as u32,
                end: i as u32 + 1,
                flags,
                conf: 0,
                class: inf.class,
            }
        };
        sc.fchars.clear();
        sc.fchars
            .extend(word.iter().enumerate().map(|(k, &b)| fc(pos + k, b)));
        if simple && kind == TokenKind::Word {
            // One letter (`a`, `I`, `aaa`): what word analysis would find.
            em.single(Single::new(sc.fchars, lower0 as char, tables::LATIN));
            return j;
        }
        let sig = sigil.map(|s| fc(s, bytes[s]));
        word::emit(sc.fchars, kind, sig.as_ref(), em, cfg, sc.spans);
        return j;
    }
    // The bytes are ASCII letters, so the slice is on char boundaries.
    let Some(w) = text.get(pos..j) else {
        return bail;
    };
    em.plain_ascii(&AsciiPiece {
        text: w,
        src: pos as u32,
        kind,
        sigil: sigil.map(|s| s as u32),
        upper,
        lower: n - upper,
        first_upper,
        collapse: true,
    });
    j
}

/// Digits, with single `.` `,` `:` `/` `-` between digits, followed by
/// the end of the piece: a number.
fn number(text: &str, bytes: &[u8], pos: usize, em: &mut Emitter<'_>) -> usize {
    let digits = pos
        + bytes[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
    if url_may_follow(bytes, digits) {
        if let Some(end) = try_url(text, bytes, pos, em) {
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
    if more || !ends_piece(bytes, j) {
        return pos;
    }
    let Some(t) = text.get(pos..j) else {
        return pos;
    };
    em.plain_ascii(&AsciiPiece {
        text: t,
        src: pos as u32,
        kind: TokenKind::Number,
        sigil: None,
        upper: 0,
        lower: 0,
        first_upper: false,
        collapse: false,
    });
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

/// Arabic-script letters (two-byte UTF-8, U+0600..U+06FF) with no marks,
/// each folded to another two-byte letter.
fn arabic_word(
    text: &str,
    bytes: &[u8],
    pos: usize,
    em: &mut Emitter<'_>,
    cfg: &Config,
    chars: &mut Vec<char>,
) -> usize {
    chars.clear();
    let mut folded = false;
    let mut j = pos;
    while let (Some(&b0), Some(&b1)) = (bytes.get(j), bytes.get(j + 1)) {
        if !(0xD8..=0xDB).contains(&b0) {
            break;
        }
        let cp = (u32::from(b0 & 0x1F) << 6) | u32::from(b1 & 0x3F);
        let Some(c) = char::from_u32(cp) else {
            return pos;
        };
        let inf = info(c);
        let plain = inf.class == Class::Letter
            && inf.flags & (tables::BOUNDARY | tables::NFKC_YES)
                == tables::BOUNDARY | tables::NFKC_YES;
        let f = if inf.flags & cfg.keep_mask != 0 {
            inf.lower
        } else {
            inf.fold
        };
        if !plain || f == '\0' || f.len_utf8() != 2 {
            return pos;
        }
        folded |= f != c;
        chars.push(f);
        j += 2;
    }
    if !ends_piece(bytes, j) {
        return pos;
    }
    let first = chars[0];
    let same = chars.iter().all(|&c| c == first);
    if same && (chars.len() == 1 || (cfg.collapse_repeats && chars.len() >= 3)) {
        // One letter once collapsed: may be part of a spread-out word.
        return pos;
    }
    let Some(original) = text.get(pos..j) else {
        return pos;
    };
    em.plain_arabic(chars, original, pos as u32, folded);
    j
}

#[cfg(test)]
mod tests {
    use crate::{Normalized, Normalizer};

    /// The fast path gives exactly what the general path gives: text,
    /// tokens and spans.
    #[test]
    fn fast_path_changes_nothing() {
        let words = [
            "Taliban",
            "TTP",
            "ttp",
            "aa",
            "Aa",
            "bla",
            "BLA",
            "Bla",
            "LeT",
            "zindabad",
            "Daeeesh",
            "طالبان",
            "ممم",
            "بب",
            "لشكر",
            "يا",
            "و",
            "T",
            "a",
            "x-y",
            "covid19",
            "🔥",
            "#tag",
            "T4l1b4n",
            "ТТР",
            "hello,",
            "end.",
            "why?",
            "wow!",
            "(x)",
            "\"q\"",
            "Ab:",
            "جِهاد",
            "#Pakistan",
            "#TTP",
            "#aa",
            "#a",
            "#TehrikITaliban",
            "#x_y",
            "2026",
            "1/3",
            "3.14",
            "0300-1234567",
            "12:30",
            "4G",
            "https://t.co/Ab3",
            "www.x.com/a",
            "bit.ly/Q",
            "a@b.com",
            "x.org",
            "❤️",
            "🇵🇰",
            "👍🏽",
            "...",
            "!!",
            "@user",
            "$100",
            "|x",
            "e.g.",
            "U.S.",
            "1.",
            "3-",
            "T.",
            "a-",
            "'",
            "don't",
            "#",
            "#1",
            "🔥x",
            "x🔥",
            "ا\u{653}",
            "http://x.org/پ",
        ];
        let seps = [
            " ", "  ", "\n", ". ", ", ", "", "\u{200B}", " . ", "-", "\t", ".", "_",
        ];
        let mut seed = 0x1234_5678_9abc_def1u64;
        let mut rnd = move |n: usize| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            (seed % n as u64) as usize
        };
        let normalizers = [
            Normalizer::default(),
            Normalizer::builder()
                .collapse_repeats(false)
                .arabic_variants(false)
                .build(),
        ];
        for norm in normalizers {
            for _ in 0..30_000 {
                let mut s = String::new();
                for _ in 0..rnd(8) {
                    s.push_str(words[rnd(words.len())]);
                    s.push_str(seps[rnd(seps.len())]);
                    if rnd(4) == 0 {
                        let base = [0x20, 0x600, 0x2000, 0x1F000][rnd(4)];
                        s.extend(char::from_u32(base + rnd(0x300) as u32));
                    }
                }
                let (mut a, mut b) = (Normalized::default(), Normalized::default());
                norm.run(&s, &mut a, true);
                norm.run(&s, &mut b, false);
                assert_eq!(a.text(), b.text(), "{s:?}");
                assert_eq!(a.tokens(), b.tokens(), "{s:?}");
                for i in 0..=a.text().len() {
                    assert_eq!(a.source_span(0..i), b.source_span(0..i), "{s:?} 0..{i}");
                    assert_eq!(
                        a.source_span(i..a.text().len()),
                        b.source_span(i..b.text().len())
                    );
                }
            }
        }
    }
}

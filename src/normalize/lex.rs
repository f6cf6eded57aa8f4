//! Step two: cuts a chunk of folded characters into pieces (word runs,
//! hashtags, handles, URLs, e-mail addresses) and the gaps between them.

use super::emit::Emitter;
use super::fold::{flag, FChar};
use super::tables::{is_apostrophe, is_leet_symbol, leet, Class, LATIN};
use super::token::TokenKind;
use super::url::{self, url_at_cached, UrlCache};
use super::word::{self, number_word, Spans};
use super::Config;

/// Lexes one chunk (a run of non-whitespace characters and the whitespace
/// that ends it). `after_word`: the chunk continues a letter or digit the
/// fast path wrote.
pub(crate) fn chunk(
    buf: &mut [FChar],
    em: &mut Emitter<'_>,
    cfg: &Config,
    spans: &mut Spans,
    after_word: bool,
) {
    let n = buf.len();
    let mut i = 0;
    // Starts are asked in increasing order and only characters before
    // them are rewritten, as the cache needs.
    let mut urls = UrlCache::default();
    let url_until = url_horizon(buf);
    while i < n {
        let f = buf[i];
        match f.class {
            Class::Space => {
                em.space(&f, false);
                i += 1;
            }
            Class::Newline => {
                em.space(&f, true);
                i += 1;
            }
            Class::Invisible => i += 1,
            Class::Letter | Class::Digit => {
                if url_until.is_some_and(|h| i <= h) {
                    if let Some(end) = url_at_cached(buf, i, &mut urls) {
                        em.url(&buf[i..end]);
                        i = end;
                        continue;
                    }
                }
                if cfg.leetspeak && connector_digit(buf, i) {
                    let l = leet(f.c).unwrap_or(f.c);
                    word::to_letter(&mut buf[i], l);
                }
                let end = consume(buf, i, TokenKind::Word, cfg);
                word::emit(&mut buf[i..end], TokenKind::Word, None, em, cfg, spans);
                i = end;
            }
            Class::Punct | Class::Mark => {
                let c = f.c;
                let next_word = buf.get(i + 1).is_some_and(FChar::is_word);
                let after_word = if i > 0 {
                    buf[i - 1].is_word()
                } else {
                    after_word
                };
                if c == '#' && next_word {
                    let end = consume(buf, i + 1, TokenKind::Hashtag, cfg);
                    word::emit(
                        &mut buf[i + 1..end],
                        TokenKind::Hashtag,
                        Some(&f),
                        em,
                        cfg,
                        spans,
                    );
                    i = end;
                } else if c == '@' && next_word && !after_word {
                    let end = consume(buf, i + 1, TokenKind::Handle, cfg);
                    word::emit(
                        &mut buf[i + 1..end],
                        TokenKind::Handle,
                        Some(&f),
                        em,
                        cfg,
                        spans,
                    );
                    i = end;
                } else if cfg.leetspeak
                    && matches!(c, '$' | '|' | '€' | '¢' | '§')
                    && !after_word
                    && leet_inside(buf, i, i, cfg)
                {
                    let end = consume(buf, i, TokenKind::Word, cfg);
                    word::emit(&mut buf[i..end], TokenKind::Word, None, em, cfg, spans);
                    i = end;
                } else {
                    em.punct(&f);
                    i += 1;
                }
            }
        }
    }
}

/// The last index at or before which `url_at` may find a URL or e-mail
/// address: the last that [`url::marks_url`]. Most chunks have none
/// (`T4l1b4n`, `T.T.P`), and asking `url_at` costs more than this one
/// pass. The lexer only turns digits and symbols into letters, never into
/// a mark, so it holds for the whole chunk.
fn url_horizon(buf: &[FChar]) -> Option<usize> {
    (0..buf.len()).rev().find(|&p| url::marks_url(buf, p))
}

/// A lone leetable digit joining two Latin words with `-` or `_`:
/// `Tehrik-1-Taliban`, `Lashkar-3-Taiba` (the connector `i`, `e`).
fn connector_digit(buf: &[FChar], i: usize) -> bool {
    let latin = |k: usize| {
        buf.get(k)
            .is_some_and(|f| f.is_letter() && f.script() == LATIN)
    };
    let joint = |k: usize| buf.get(k).map(|f| f.c);
    i >= 2
        && buf[i].c.is_ascii_digit()
        && leet(buf[i].c).is_some()
        && matches!(joint(i - 1), Some('-' | '_'))
        && joint(i - 1) == joint(i + 1)
        && latin(i - 2)
        && latin(i + 2)
}

/// The end of the word run starting at `start`: letters, digits, marks,
/// and the punctuation that belongs inside a word (apostrophes between
/// letters, `.,:/-` between digits, leetspeak symbols, and `_` / `.` inside
/// hashtags and handles). Marks that punctuation with `SKIP`, `NUMPUNCT`
/// or `JOINT`.
fn consume(buf: &mut [FChar], start: usize, piece: TokenKind, cfg: &Config) -> usize {
    let n = buf.len();
    let mut j = start;
    while j < n {
        match buf[j].class {
            Class::Letter | Class::Digit | Class::Mark => {
                j += 1;
                continue;
            }
            Class::Punct => {}
            _ => break,
        }
        let c = buf[j].c;
        // Only these can belong inside a word; anything else ends it.
        if !(matches!(c, '.' | ',' | ':' | '/' | '-' | '_')
            || is_apostrophe(c)
            || is_leet_symbol(c))
        {
            break;
        }
        let prev = (j > start).then(|| buf[j - 1].class);
        let next = buf.get(j + 1).map(|x| x.class);
        if is_apostrophe(c)
            && prev.is_some_and(|p| matches!(p, Class::Letter | Class::Mark))
            && next == Some(Class::Letter)
        {
            buf[j].flags |= flag::SKIP;
        } else if matches!(c, '.' | ',' | ':' | '/' | '-')
            && prev == Some(Class::Digit)
            && next == Some(Class::Digit)
        {
            buf[j].flags |= flag::NUMPUNCT;
        } else if piece != TokenKind::Word
            && (c == '_' || (piece == TokenKind::Handle && c == '.'))
            && prev.is_some()
            && matches!(next, Some(Class::Letter | Class::Digit))
        {
            buf[j].flags |= if cfg.split_glued_words {
                flag::JOINT
            } else {
                flag::SKIP
            };
        } else if cfg.leetspeak && is_leet_symbol(c) && leet_inside(buf, j, start, cfg) {
            // Read as a letter by word analysis.
        } else {
            break;
        }
        j += 1;
    }
    j
}

/// True if the leetspeak symbol at `j` stands inside a word: after a letter
/// or digit of the run (or first, for `$ | € ¢ §`), and before a letter
/// reached through at most a few more digits or symbols, unless those
/// digits and letters are a number and its unit (`@7pm`, `$5k`).
/// `Hello!World` (lowercase, `!`, uppercase) reads as punctuation.
fn leet_inside(buf: &[FChar], j: usize, start: usize, cfg: &Config) -> bool {
    let c = buf[j].c;
    let prev = (j > start).then(|| buf[j - 1]);
    match prev {
        None if !matches!(c, '$' | '|' | '€' | '¢' | '§') => return false,
        Some(p) if !(p.is_word() || is_leet_symbol(p.c)) => return false,
        _ => {}
    }
    if c == '!' && !prev.is_some_and(|p| p.is_word()) {
        return false;
    }
    let symbol = |x: &FChar| x.class == Class::Punct && is_leet_symbol(x.c);
    let leet_digit = |x: &FChar| x.c.is_ascii_digit() && leet(x.c).is_some();
    // A letter at `k`, or a leetable digit right after one (`Med1@`).
    let lettered = |k: usize| {
        k >= start
            && (buf[k].is_letter() || (k > start && leet_digit(&buf[k]) && buf[k - 1].is_letter()))
    };
    // Closing a word: `Fitn@`, `Med1@`, `ISI$`, `N3w$` (`$` after two
    // letters, or a letter after a digit, so `A$ 5` stays a price).
    let next_wordish = buf.get(j + 1).is_some_and(|x| x.is_word() || symbol(x));
    if !next_wordish && j > start {
        let letters = |n: usize| j >= start + n && buf[j - n..j].iter().all(FChar::is_letter);
        let closes = match c {
            '@' => lettered(j - 1),
            '$' => letters(2) || (letters(1) && j >= start + 2 && leet_digit(&buf[j - 2])),
            _ => false,
        };
        if closes {
            return true;
        }
    }
    // One letter counts as a unit only after a symbol that starts the word
    // (`$5k`); inside one it is a letter (`L4bb@1k`).
    let word_start = !prev.is_some_and(|p| p.is_letter());
    let (mut digits, mut symbols) = (0, false);
    for (k, x) in buf.iter().enumerate().skip(j + 1).take(4) {
        if x.is_letter() {
            if digits > 0
                && !symbols
                && number_word(&buf[j + 1..k], &buf[k..], cfg.collapse_repeats, word_start)
            {
                return false;
            }
            let sentence = prev.is_some_and(|p| p.has(flag::LOWER)) && x.has(flag::UPPER);
            return !(c == '!' && sentence);
        }
        if x.is_digit() {
            digits += 1;
        } else if symbol(x) {
            symbols = true;
        } else {
            break;
        }
    }
    // `W1lay@7`, `H@rk@7`: `@` before one to three final digits, in a word
    // already written in leetspeak (`meet@7` is a time).
    let end = j + 1 + digits;
    c == '@'
        && (1..=3).contains(&digits)
        && !symbols
        && buf[j + 1..end].iter().all(leet_digit)
        && !buf.get(end).is_some_and(|x| x.is_word() || symbol(x))
        && (start.max(j.saturating_sub(24))..j)
            .any(|k| k > start && (leet_digit(&buf[k]) || symbol(&buf[k])) && lettered(k - 1))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::normalize::tables::info;
    use crate::normalize::url::url_at;

    /// ASCII text as the folder gives it: each character folded, in place.
    fn fchars(s: &str) -> Vec<FChar> {
        s.bytes()
            .enumerate()
            .map(|(i, b)| {
                let inf = info(b as char);
                FChar {
                    c: inf.fold,
                    src: i as u32,
                    end: i as u32 + 1,
                    flags: 0,
                    conf: 0,
                    class: inf.class,
                }
            })
            .collect()
    }

    /// `url_horizon` never cuts off a URL that `url_at` finds.
    #[test]
    fn no_url_past_the_horizon() {
        let pieces = [
            "a", "co", "www", ".", ":", "//", "@", "-", "/", "x1", "C", "12", "http", "ly", "_",
        ];
        let mut rnd = crate::normalize::fast::tests::xorshift(0x0dd_ba11_5eed_1234);
        let mut urls = 0;
        for _ in 0..200_000 {
            let s: String = (0..1 + rnd(8)).map(|_| pieces[rnd(pieces.len())]).collect();
            let buf = fchars(&s);
            let h = url_horizon(&buf);
            for i in 0..buf.len() {
                if url_at(&buf[..], i).is_some() {
                    urls += 1;
                    assert!(h.is_some_and(|h| i <= h), "{s:?} at {i}");
                }
            }
        }
        assert!(urls > 5_000, "{urls}");
    }
}

//! Step two: cuts a chunk of folded characters into pieces (word runs,
//! hashtags, handles, URLs, e-mail addresses) and the gaps between them.

use super::emit::Emitter;
use super::fold::{flag, FChar};
use super::tables::{is_apostrophe, is_leet_symbol, leet, Class, LATIN};
use super::token::TokenKind;
use super::url::url_at;
use super::word::{self, Spans};
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
                if let Some(end) = url_at(buf, i) {
                    em.url(&buf[i..end]);
                    i = end;
                    continue;
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
                    && leet_inside(buf, i, i)
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
        let f = buf[j];
        match f.class {
            Class::Letter | Class::Digit | Class::Mark => {
                j += 1;
                continue;
            }
            Class::Punct => {}
            _ => break,
        }
        let c = f.c;
        let prev = (j > start).then(|| buf[j - 1]);
        let next = buf.get(j + 1).copied();
        if is_apostrophe(c)
            && prev.is_some_and(|p| matches!(p.class, Class::Letter | Class::Mark))
            && next.is_some_and(|x| x.is_letter())
        {
            buf[j].flags |= flag::SKIP;
        } else if matches!(c, '.' | ',' | ':' | '/' | '-')
            && prev.is_some_and(|p| p.is_digit())
            && next.is_some_and(|x| x.is_digit())
        {
            buf[j].flags |= flag::NUMPUNCT;
        } else if piece != TokenKind::Word
            && (c == '_' || (piece == TokenKind::Handle && c == '.'))
            && prev.is_some()
            && next.is_some_and(|x| x.is_word())
        {
            buf[j].flags |= if cfg.split_glued_words {
                flag::JOINT
            } else {
                flag::SKIP
            };
        } else if cfg.leetspeak && is_leet_symbol(c) && leet_inside(buf, j, start) {
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
/// reached through at most a few more digits or symbols. `Hello!World`
/// (lowercase, `!`, uppercase) reads as punctuation.
fn leet_inside(buf: &[FChar], j: usize, start: usize) -> bool {
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
    // Closing a word: `Fitn@`, `w@`, `ISI$` (`$` after two letters or
    // more, so `A$ 5` stays a price).
    let next_wordish = buf
        .get(j + 1)
        .is_some_and(|x| x.is_word() || (x.class == Class::Punct && is_leet_symbol(x.c)));
    let letters = |n: usize| j >= start + n && buf[j - n..j].iter().all(FChar::is_letter);
    if !next_wordish && ((c == '@' && letters(1)) || (c == '$' && letters(2))) {
        return true;
    }
    for x in buf.iter().skip(j + 1).take(3) {
        if x.is_letter() {
            let sentence = prev.is_some_and(|p| p.has(flag::LOWER)) && x.has(flag::UPPER);
            return !(c == '!' && sentence);
        }
        if !(x.is_digit() || (x.class == Class::Punct && is_leet_symbol(x.c))) {
            return false;
        }
    }
    false
}

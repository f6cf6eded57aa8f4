//! URLs and e-mail addresses, found on folded characters (general path)
//! or on raw ASCII bytes (fast path) by the same code.

use super::fold::FChar;
use super::tables::Class;

/// Characters a URL is looked for in.
pub(crate) trait Src {
    /// The (lowercase) character at `i`, `'\0'` past the end.
    fn ch(&self, i: usize) -> char;
    /// True if the character at `i` can be part of a URL.
    fn url_char(&self, i: usize) -> bool;
    /// The classes (`ALNUM`, `SCHEME`, `LOCAL`, `LABEL`) of the character
    /// at `i`: none past the end. `URL` too for raw bytes only.
    #[inline]
    fn class(&self, i: usize) -> u8 {
        let c = self.ch(i);
        if c.is_ascii() {
            CLASS[c as usize]
        } else {
            0
        }
    }
    /// The end of the run of URL characters at `j`.
    fn url_run(&self, mut j: usize) -> usize {
        while self.url_char(j) {
            j += 1;
        }
        j
    }
}

impl Src for [FChar] {
    #[inline]
    fn ch(&self, i: usize) -> char {
        self.get(i).map_or('\0', |f| f.c)
    }
    fn url_char(&self, i: usize) -> bool {
        let Some(f) = self.get(i) else { return false };
        match f.class {
            Class::Letter | Class::Digit | Class::Mark => true,
            Class::Punct => ascii_url_punct(f.c),
            _ => false,
        }
    }
}

/// Raw bytes of ASCII text (the fast path): a non-ASCII byte ends a URL.
impl Src for [u8] {
    #[inline]
    fn ch(&self, i: usize) -> char {
        self.get(i).map_or('\0', |&b| {
            if b < 0x80 {
                b.to_ascii_lowercase() as char
            } else {
                '\u{FFFD}'
            }
        })
    }
    fn url_char(&self, i: usize) -> bool {
        self.class(i) & URL != 0
    }
    /// One table load: the classes of the byte lowercased, as `ch` reads
    /// it.
    #[inline]
    fn class(&self, i: usize) -> u8 {
        self.get(i).map_or(0, |&b| BYTE_CLASS[usize::from(b)])
    }
    /// One table load a byte: URLs are the longest pieces of plain text.
    fn url_run(&self, j: usize) -> usize {
        let run = self.get(j..).unwrap_or(&[]);
        j + run
            .iter()
            .take_while(|&&b| BYTE_CLASS[usize::from(b)] & URL != 0)
            .count()
    }
}

const fn ascii_url_punct(c: char) -> bool {
    c.is_ascii_graphic() && !matches!(c, '"' | '<' | '>' | '`' | '^' | '{' | '}' | '|' | '\\')
}

/// Top-level domains recognised in bare domains (`bit.ly/x`) and e-mail
/// addresses. URLs with a scheme or `www.` need none.
const TLDS: &[&str] = &[
    "ae", "af", "ai", "app", "au", "bd", "be", "biz", "blog", "br", "ca", "cc", "ch", "club", "cn",
    "co", "com", "de", "dev", "edu", "eg", "es", "eu", "fm", "fr", "gg", "gl", "gov", "id", "in",
    "info", "int", "io", "iq", "ir", "it", "jo", "jp", "kr", "kw", "lb", "link", "live", "lk",
    "ly", "ma", "me", "mil", "my", "net", "news", "ng", "nl", "np", "om", "online", "org", "ph",
    "pk", "pw", "qa", "ru", "sa", "site", "so", "store", "su", "sy", "tech", "tk", "to", "top",
    "tr", "tv", "uk", "us", "ws", "xyz", "ye", "za",
];

/// [`TLDS`] packed big-endian into a `u64` each, zero-padded: the same
/// order (a shorter name sorts before its extensions, as `\0` does), so a
/// label read from the text is looked up without building a string.
static TLD_KEYS: [u64; TLDS.len()] = {
    let mut keys = [0u64; TLDS.len()];
    let mut i = 0;
    while i < TLDS.len() {
        let t = TLDS[i].as_bytes();
        assert!(t.len() <= 8);
        let mut k = 0;
        while k < 8 {
            keys[i] = keys[i] << 8 | if k < t.len() { t[k] as u64 } else { 0 };
            k += 1;
        }
        i += 1;
    }
    keys
};

#[inline]
fn ch<S: Src + ?Sized>(buf: &S, i: usize) -> char {
    buf.ch(i)
}

/// What earlier calls of [`url_at_cached`] on one buffer learnt about the
/// runs they scanned. A run of `T.T.P.I.S...` is a word start every two
/// characters, and each start used to rescan up to the length limits of a
/// scheme, local part and domain (some 350 characters) ahead: linear, but
/// hundreds of steps per letter. Every later start inside a run scanned
/// before ends where that run ends, so each run is scanned once.
///
/// Valid while the characters at and after the next start asked for are
/// unchanged: the lexer asks in increasing order and only rewrites
/// characters of pieces it has already passed.
///
/// A scan stops once it is past what the start asked for can use (a
/// scheme, local part or domain that long is none), and a later start
/// inside the run resumes it: a single question about a long run (the
/// fast path's) reads a few hundred characters, not the whole run.
#[derive(Default)]
pub(crate) struct UrlCache {
    /// The last run of scheme characters scanned.
    scheme: Run,
    /// The last run of local-part characters scanned.
    local: Run,
    /// The last chain of domain labels scanned.
    domain: Chain,
}

/// `[start, end)` scanned of a run of characters of one class; `done`:
/// the run ends at `end`.
#[derive(Default)]
struct Run {
    start: usize,
    end: usize,
    done: bool,
}

/// Labels `a.b.c` scanned from `from` up to `end`, the last one so far
/// starting at `last`. Once `done` (the chain ends at `end`), `tld` tells
/// whether the last label is a known TLD.
#[derive(Default)]
struct Chain {
    from: usize,
    end: usize,
    last: usize,
    tld: bool,
    done: bool,
}

const fn scheme_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '+' | '.' | '-')
}

const fn local_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '.' | '_' | '%' | '+' | '-')
}

/// True if the character at `p` marks where a URL or e-mail address may
/// be, at or after its start: a `:` (a scheme), an `@`, the `.` of
/// `www.`, or the `.` before a final label of two characters or more (a
/// known TLD). Every URL `url_at` finds has one at or after its start
/// (see the lexer's `url_horizon` and the fast path's `dotted_clear`).
#[inline]
pub(crate) fn marks_url<S: Src + ?Sized>(buf: &S, p: usize) -> bool {
    // `label_char` of `ch`, one table load on raw bytes.
    let label = |k: usize| buf.class(k) & LABEL != 0;
    match buf.ch(p) {
        ':' | '@' => true,
        '.' => {
            (label(p + 1) && label(p + 2))
                || (p >= 3 && buf.ch(p - 1) == 'w' && buf.ch(p - 2) == 'w' && buf.ch(p - 3) == 'w')
        }
        _ => false,
    }
}

pub(crate) const fn label_char(c: char) -> bool {
    matches!(c, 'a'..='z' | '0'..='9' | '-')
}

/// Character classes a URL is read with ([`Src::class`]); `URL`, a
/// character a URL may hold, only for raw bytes (see `Src::url_char`).
const ALNUM: u8 = 1;
const SCHEME: u8 = 2;
const LOCAL: u8 = 4;
const LABEL: u8 = 8;
const URL: u8 = 16;

/// The classes of each ASCII character.
static CLASS: [u8; 128] = {
    let mut t = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8 as char;
        t[b] = if c.is_ascii_alphanumeric() { ALNUM } else { 0 }
            | if scheme_char(c) { SCHEME } else { 0 }
            | if local_char(c) { LOCAL } else { 0 }
            | if label_char(c) { LABEL } else { 0 };
        b += 1;
    }
    t
};

/// The classes of each byte as `Src::ch` reads it for raw bytes (ASCII
/// lowercased, none for the others), and whether a URL may hold it.
static BYTE_CLASS: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        let url = c.is_ascii_alphanumeric() || ascii_url_punct(c as char);
        t[b] = CLASS[c.to_ascii_lowercase() as usize] | if url { URL } else { 0 };
        b += 1;
    }
    t
};

/// The end of the run of `class` characters at `i`, or a place at or past
/// `enough` before it; from `cache` when `i` is inside the run it holds (a
/// run ends at the same place from any of its characters).
fn run_end<S: Src + ?Sized>(buf: &S, i: usize, cache: &mut Run, class: u8, enough: usize) -> usize {
    if buf.class(i) & class == 0 {
        return i;
    }
    if !(cache.start..cache.end).contains(&i) {
        *cache = Run {
            start: i,
            end: i,
            done: false,
        };
    }
    let mut j = cache.end;
    if !cache.done {
        while j < enough && buf.class(j) & class != 0 {
            j += 1;
        }
        cache.done = j < enough;
        cache.end = j;
    }
    j
}

/// The end of a URL or e-mail address starting at `i`, if one does.
///
/// Every one it finds has, at or after `i`, a `:` (a scheme), an `@`, the
/// `.` of `www.`, or the `.` before a final label (a TLD): the lexer
/// (`lex::url_horizon`) and the fast path (`fast::url_marks_until_space`)
/// skip asking where there is none, and must change with this.
#[cfg(test)]
pub(crate) fn url_at<S: Src + ?Sized>(buf: &S, i: usize) -> Option<usize> {
    url_at_cached(buf, i, &mut UrlCache::default())
}

/// `url_at` (a test's view), reusing what earlier calls on the same buffer scanned.
pub(crate) fn url_at_cached<S: Src + ?Sized>(
    buf: &S,
    i: usize,
    cache: &mut UrlCache,
) -> Option<usize> {
    if buf.class(i) & ALNUM == 0 {
        return None;
    }
    let mut j = i;
    while buf.class(j) & ALNUM != 0 {
        j += 1;
        if j - i > MAX_LOCAL {
            return None;
        }
    }
    // Cheap exit for ordinary words.
    if !matches!(ch(buf, j), ':' | '.' | '@' | '+' | '-' | '_' | '%') {
        return None;
    }
    // scheme://: the alphanumeric run, then scheme characters while
    // within MAX_SCHEME + 1 characters of `i`.
    let k = if j - i > MAX_SCHEME {
        j
    } else {
        let enough = i + MAX_SCHEME + 1;
        run_end(buf, j, &mut cache.scheme, SCHEME, enough).min(enough)
    };
    if ch(buf, i).is_ascii_lowercase()
        && ch(buf, k) == ':'
        && ch(buf, k + 1) == '/'
        && ch(buf, k + 2) == '/'
    {
        let end = url_end(buf, k + 3);
        return (end > k + 3).then_some(end);
    }
    // www.
    if ch(buf, i) == 'w' && ch(buf, i + 1) == 'w' && ch(buf, i + 2) == 'w' && ch(buf, i + 3) == '.'
    {
        let end = url_end(buf, i + 4);
        return (end > i + 4).then_some(end);
    }
    // local@domain (a local part is at most MAX_LOCAL + 1 characters long)
    let k = run_end(buf, i, &mut cache.local, LOCAL, i + MAX_LOCAL + 2);
    if k - i <= MAX_LOCAL + 1 && ch(buf, k) == '@' {
        return domain_end(buf, k + 1, &mut cache.domain);
    }
    // domain.tld/path
    let d = domain_end(buf, i, &mut cache.domain)?;
    (ch(buf, d) == '/').then(|| url_end(buf, d).max(d))
}

/// Longest scheme, local part (RFC 5321) and domain name (RFC 1035) looked
/// for.
const MAX_SCHEME: usize = 32;
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

/// The end of `label.label...tld` at `i`, if its last label is a known TLD
/// and the name is at most `MAX_DOMAIN` characters long.
fn domain_end<S: Src + ?Sized>(buf: &S, i: usize, cache: &mut Chain) -> Option<usize> {
    if buf.class(i) & LABEL == 0 {
        return None;
    }
    // A chain read from any of its label characters goes the same way to
    // the same end, so a start inside the cached chain resumes it.
    if !(cache.from..cache.end).contains(&i) {
        *cache = Chain {
            from: i,
            end: i,
            last: i,
            tld: false,
            done: false,
        };
    }
    if !cache.done {
        chain(buf, cache, i + MAX_DOMAIN + 1);
    }
    let c = &*cache;
    // Two labels or more: `i` is before the start of the last one.
    (c.done && c.end - i <= MAX_DOMAIN && i < c.last && c.tld).then_some(c.end)
}

/// Scans the chain of labels in `c` on, to its end or to `stop`.
fn chain<S: Src + ?Sized>(buf: &S, c: &mut Chain, stop: usize) {
    let mut j = c.end;
    loop {
        while j < stop && buf.class(j) & LABEL != 0 {
            j += 1;
        }
        if j >= stop {
            c.end = j;
            return;
        }
        if ch(buf, j) == '.' && buf.class(j + 1) & ALNUM != 0 {
            j += 1;
            c.last = j;
        } else {
            break;
        }
    }
    let last = c.last;
    let len = j - last;
    // A label is `label_char`s only, all ASCII (and never `\0`).
    let known = len <= 8 && {
        let key = (0..8).fold(0u64, |key, k| {
            let b = if k < len { ch(buf, last + k) as u64 } else { 0 };
            key << 8 | b
        });
        TLD_KEYS.binary_search(&key).is_ok()
    };
    c.end = j;
    c.tld = known;
    c.done = true;
}

/// Extends a URL to the end of its run of URL characters, then gives back
/// trailing punctuation that more likely ends the sentence.
pub(crate) fn url_end<S: Src + ?Sized>(buf: &S, start: usize) -> usize {
    let mut j = buf.url_run(start);
    // How many `(` and `)` the URL has, counted only once a `)` is at its
    // end (most URLs have none).
    let mut parens: Option<(usize, usize)> = None;
    while j > start {
        let c = ch(buf, j - 1);
        if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}') {
            j -= 1;
        } else if c == ')' {
            let (open, close) = parens.get_or_insert_with(|| {
                (start..j).fold((0, 0), |(o, c), k| match ch(buf, k) {
                    '(' => (o + 1, c),
                    ')' => (o, c + 1),
                    _ => (o, c),
                })
            });
            if *close <= *open {
                break;
            }
            *close -= 1;
            j -= 1;
        } else {
            break;
        }
    }
    j
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The cache changes no answer: asked at every position in order, or
    /// at some of them (the fast path asks at word starts only), each with
    /// one cache for the whole text, `url_at_cached` answers as a fresh
    /// `url_at` does.
    #[test]
    fn cached_answers_as_uncached() {
        let pieces = [
            "a", "T", "x", "ab", "www", "http", "com", "org", "ly", "1", "42", ".", ".", "-", "_",
            "@", ":", "://", "/", "+", "%", "(", ")", " ", "é", "#",
        ];
        let mut rnd = crate::normalize::fast::tests::xorshift(0x2545_f491_4f6c_dd1d);
        for _ in 0..4000 {
            let mut s = String::new();
            for _ in 0..1 + rnd(40) {
                s.push_str(pieces[rnd(pieces.len())]);
            }
            let bytes = s.as_bytes();
            let every = rnd(2) == 0;
            let mut cache = UrlCache::default();
            for i in 0..=bytes.len() {
                if every || rnd(3) == 0 {
                    let want = url_at(bytes, i);
                    assert_eq!(url_at_cached(bytes, i, &mut cache), want, "{s:?} at {i}");
                }
            }
        }
    }

    /// `url_end` as first written: parentheses counted over the whole run
    /// up front.
    fn url_end_eager(buf: &[u8], start: usize) -> usize {
        let mut j = start;
        while buf.url_char(j) {
            j += 1;
        }
        let open = buf[start..j].iter().filter(|&&b| b == b'(').count();
        let mut close = buf[start..j].iter().filter(|&&b| b == b')').count();
        while j > start {
            let c = ch(buf, j - 1);
            if matches!(c, '.' | ',' | ';' | ':' | '!' | '?' | '\'' | ']' | '}') {
                j -= 1;
            } else if c == ')' && close > open {
                close -= 1;
                j -= 1;
            } else {
                break;
            }
        }
        j
    }

    #[test]
    fn url_end_gives_back_what_ends_the_sentence() {
        fn end(s: &str) -> &str {
            &s[..url_end(s.as_bytes(), 0)]
        }
        assert_eq!(end("x.org/a_(b))."), "x.org/a_(b)");
        assert_eq!(end("x.org/a)"), "x.org/a");
        assert_eq!(end("x.org/(a)"), "x.org/(a)");
        assert_eq!(end("x.org/a!?' rest"), "x.org/a");
        assert_eq!(end("x.org/a\\"), "x.org/a");
        let alphabet = b"a().,;:!?']}/\\ x";
        let mut rnd = crate::normalize::fast::tests::xorshift(0x9E37_79B9_7F4A_7C15);
        for _ in 0..100_000 {
            let len = rnd(12);
            let buf: Vec<u8> = (0..len).map(|_| alphabet[rnd(alphabet.len())]).collect();
            for start in 0..=len {
                assert_eq!(
                    url_end(&buf[..], start),
                    url_end_eager(&buf, start),
                    "{buf:?}"
                );
            }
        }
    }

    #[test]
    fn tlds_sorted() {
        assert!(super::TLDS.windows(2).all(|w| w[0] < w[1]));
        assert!(super::TLD_KEYS.windows(2).all(|w| w[0] < w[1]));
    }
}

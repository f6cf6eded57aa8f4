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
        self.get(i)
            .is_some_and(|&b| b.is_ascii_alphanumeric() || ascii_url_punct(b as char))
    }
}

fn ascii_url_punct(c: char) -> bool {
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

#[inline]
fn ch<S: Src + ?Sized>(buf: &S, i: usize) -> char {
    buf.ch(i)
}

/// The end of a URL or e-mail address starting at `i`, if one does.
pub(crate) fn url_at<S: Src + ?Sized>(buf: &S, i: usize) -> Option<usize> {
    if !ch(buf, i).is_ascii_alphanumeric() {
        return None;
    }
    // Every scan is bounded (a scheme, a local part, a domain name have
    // length limits), so looking for URLs at every word of a long run of
    // `a.a.a.a...` stays linear.
    let mut j = i;
    while ch(buf, j).is_ascii_alphanumeric() {
        j += 1;
        if j - i > MAX_LOCAL {
            return None;
        }
    }
    // Cheap exit for ordinary words.
    if !matches!(ch(buf, j), ':' | '.' | '@' | '+' | '-' | '_' | '%') {
        return None;
    }
    // scheme://
    let mut k = j;
    while matches!(ch(buf, k), 'a'..='z' | '0'..='9' | '+' | '.' | '-') && k - i <= MAX_SCHEME {
        k += 1;
    }
    if ch(buf, i).is_ascii_lowercase()
        && ch(buf, k) == ':'
        && ch(buf, k + 1) == '/'
        && ch(buf, k + 2) == '/'
    {
        let end = url_end(buf, k + 3);
        return (end > k + 3).then_some(end);
    }
    // www.
    if (i..i + 4).map(|x| ch(buf, x)).eq("www.".chars()) {
        let end = url_end(buf, i + 4);
        return (end > i + 4).then_some(end);
    }
    // local@domain
    let mut k = i;
    while matches!(ch(buf, k), 'a'..='z' | '0'..='9' | '.' | '_' | '%' | '+' | '-')
        && k - i <= MAX_LOCAL
    {
        k += 1;
    }
    if ch(buf, k) == '@' {
        return domain_end(buf, k + 1);
    }
    // domain.tld/path
    let d = domain_end(buf, i)?;
    (ch(buf, d) == '/').then(|| url_end(buf, d).max(d))
}

/// Longest scheme, local part (RFC 5321) and domain name (RFC 1035) looked
/// for.
const MAX_SCHEME: usize = 32;
const MAX_LOCAL: usize = 64;
const MAX_DOMAIN: usize = 253;

/// The end of `label.label...tld` at `i`, if its last label is a known TLD.
fn domain_end<S: Src + ?Sized>(buf: &S, i: usize) -> Option<usize> {
    let mut j = i;
    let mut labels = 0;
    let mut last;
    loop {
        let s = j;
        while matches!(ch(buf, j), 'a'..='z' | '0'..='9' | '-') {
            j += 1;
            if j - i > MAX_DOMAIN {
                return None;
            }
        }
        if j == s {
            return None;
        }
        labels += 1;
        last = s;
        if ch(buf, j) == '.' && ch(buf, j + 1).is_ascii_alphanumeric() {
            j += 1;
        } else {
            break;
        }
    }
    let mut tld = [0u8; 8];
    let len = j - last;
    if labels < 2 || len > tld.len() {
        return None;
    }
    for (k, t) in tld.iter_mut().enumerate().take(len) {
        *t = ch(buf, last + k) as u8;
    }
    let tld = std::str::from_utf8(&tld[..len]).ok()?;
    TLDS.binary_search(&tld).ok().map(|_| j)
}

/// Extends a URL to the end of its run of URL characters, then gives back
/// trailing punctuation that more likely ends the sentence.
fn url_end<S: Src + ?Sized>(buf: &S, mut j: usize) -> usize {
    let start = j;
    while buf.url_char(j) {
        j += 1;
    }
    let (mut open, mut close) = (0usize, 0usize);
    for k in start.min(j)..j {
        match ch(buf, k) {
            '(' => open += 1,
            ')' => close += 1,
            _ => {}
        }
    }
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

#[cfg(test)]
mod tests {
    #[test]
    fn tlds_sorted() {
        assert!(super::TLDS.windows(2).all(|w| w[0] < w[1]));
    }
}

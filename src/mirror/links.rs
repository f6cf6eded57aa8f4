//! Profile links reduced to what identifies their owner: the exact URL, the
//! channel on a platform (a Telegram channel, a WhatsApp group, a YouTube
//! channel, an X account), and the site.
//!
//! A mirror links the same Telegram channel or the same website as the
//! banned account, because that is where the audience is. So `https://t.me/
//! s/UmarMedia?x=1`, `t.me/umarmedia` and `telegram.me/umarmedia` all give
//! the channel key `telegram:umarmedia`, and `https://www.umar-media.net/
//! about` gives the site key `umar-media.net`. Platforms themselves
//! (`youtube.com`, `t.me`, link shorteners) never give a site key: two people
//! linking YouTube share nothing.

use super::text::mix;

/// Links beyond this many per account are ignored.
pub(crate) const MAX_LINKS: usize = 16;

/// Bytes of one link that are read.
const MAX_URL: usize = 512;

/// What a link key identifies, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum LinkKind {
    /// The same URL (host and path).
    Url = 0,
    /// The same channel or account on a platform.
    Channel = 1,
    /// The same website.
    Site = 2,
}

impl LinkKind {
    pub(crate) fn from_bits(b: u64) -> LinkKind {
        match b & 3 {
            0 => LinkKind::Url,
            1 => LinkKind::Channel,
            _ => LinkKind::Site,
        }
    }

    /// How strongly sharing such a key ties two accounts together.
    pub(crate) fn strength(self) -> f32 {
        match self {
            LinkKind::Url | LinkKind::Channel => 1.0,
            LinkKind::Site => 0.7,
        }
    }

    pub(crate) fn describe(self) -> &'static str {
        match self {
            LinkKind::Url => "same link",
            LinkKind::Channel => "same channel",
            LinkKind::Site => "same site",
        }
    }
}

/// One key of a link: a 64-bit hash whose low two bits are the kind, and
/// the text it was made from, for explanations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct LinkKey {
    pub hash: u64,
    pub text: String,
}

impl LinkKey {
    fn new(kind: LinkKind, text: String) -> LinkKey {
        let mut h = 0x2545_F491_4F6C_DD1Du64;
        for chunk in text.as_bytes().chunks(8) {
            let mut w = [0u8; 8];
            w[..chunk.len()].copy_from_slice(chunk);
            h = mix(h ^ u64::from_le_bytes(w));
        }
        LinkKey {
            hash: (mix(h ^ text.len() as u64) & !3) | kind as u64,
            text,
        }
    }

    #[cfg(test)]
    pub(crate) fn kind(&self) -> LinkKind {
        LinkKind::from_bits(self.hash)
    }
}

/// Hosts that are platforms or link services, not anyone's own site.
const PLATFORMS: &[&str] = &[
    "t.me",
    "telegram.me",
    "telegram.dog",
    "telegram.org",
    "whatsapp.com",
    "wa.me",
    "chat.whatsapp.com",
    "youtube.com",
    "youtu.be",
    "twitter.com",
    "x.com",
    "facebook.com",
    "fb.com",
    "fb.me",
    "instagram.com",
    "tiktok.com",
    "linktr.ee",
    "bit.ly",
    "tinyurl.com",
    "goo.gl",
    "ow.ly",
    "t.co",
    "google.com",
    "drive.google.com",
    "docs.google.com",
    "archive.org",
    "wikipedia.org",
    "rumble.com",
    "odysee.com",
    "vk.com",
    "threads.net",
    "snapchat.com",
    "linkedin.com",
    "reddit.com",
    "discord.gg",
    "discord.com",
    "github.com",
    "medium.com",
    "pinterest.com",
    "soundcloud.com",
    "mediafire.com",
    "mega.nz",
    "dropbox.com",
    "justpaste.it",
    "pastebin.com",
    "gmail.com",
    "yahoo.com",
    "outlook.com",
    "hotmail.com",
    "protonmail.com",
    "proton.me",
    "element.io",
    "matrix.to",
    "rocket.chat",
];

/// Suffixes under which the next label is the registrant (`x.com.pk`), or
/// the site is a subdomain of a hosting service (`x.blogspot.com`).
const SECOND_LEVEL: &[&str] = &[
    "co.uk",
    "org.uk",
    "ac.uk",
    "com.pk",
    "org.pk",
    "net.pk",
    "gov.pk",
    "edu.pk",
    "com.af",
    "org.af",
    "gov.af",
    "edu.af",
    "co.in",
    "com.sa",
    "com.tr",
    "com.eg",
    "com.au",
    "co.za",
    "blogspot.com",
    "wordpress.com",
    "github.io",
    "wixsite.com",
    "weebly.com",
    "substack.com",
    "tumblr.com",
    "netlify.app",
    "pages.dev",
    "web.app",
    "000webhostapp.com",
];

/// The keys of one link, appended to `out`. Unparseable links give none.
///
/// Cost: linear in `min(url.len(), 512)`.
pub(crate) fn keys(url: &str, out: &mut Vec<LinkKey>) {
    let url = url.trim();
    let url = &url[..super::handle::floor_boundary(url, MAX_URL)];
    let lower = url.to_lowercase();
    let rest = lower
        .split_once("://")
        .map_or(lower.as_str(), |(scheme, rest)| {
            if scheme
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
            {
                rest
            } else {
                lower.as_str()
            }
        });
    let rest = rest.trim_start_matches('/');
    let (authority, path_query) = match rest.find(['/', '?', '#']) {
        Some(i) => rest.split_at(i),
        None => (rest, ""),
    };
    let host = authority.rsplit('@').next().unwrap_or(authority);
    let host = host.split(':').next().unwrap_or(host).trim_end_matches('.');
    let host = ["www.", "m.", "mobile.", "web."]
        .iter()
        .fold(host, |h, p| h.strip_prefix(p).unwrap_or(h));
    if !host.contains('.') || host.starts_with('.') || host.contains("..") {
        return;
    }
    let (path, query) = match path_query.split_once('?') {
        Some((p, q)) => (p, q.split('#').next().unwrap_or("")),
        None => (path_query.split('#').next().unwrap_or(""), ""),
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    // Query parameters that name a thing rather than track a click.
    let named: Vec<&str> = query
        .split('&')
        .filter(|kv| ["v=", "id=", "list="].iter().any(|p| kv.starts_with(p)))
        .collect();

    let start = out.len();
    if !segments.is_empty() || !named.is_empty() {
        let mut text = format!("{host}/{}", segments.join("/"));
        if !named.is_empty() {
            text.push('?');
            text.push_str(&named.join("&"));
        }
        out.push(LinkKey::new(LinkKind::Url, text));
    }
    if let Some(channel) = channel(host, &segments, &named) {
        out.push(LinkKey::new(LinkKind::Channel, channel));
    }
    if !is_platform(host) {
        out.push(LinkKey::new(LinkKind::Site, site(host).to_string()));
    }
    // A bare site gives the same text as URL and site: keep both kinds, they
    // differ in strength only through the URL.
    debug_assert!(out.len() - start <= 3);
}

fn is_platform(host: &str) -> bool {
    PLATFORMS
        .iter()
        .any(|p| host == *p || host.strip_suffix(p).is_some_and(|h| h.ends_with('.')))
}

/// The registrable part of `host`.
fn site(host: &str) -> &str {
    let labels = if SECOND_LEVEL
        .iter()
        .any(|s| host.strip_suffix(s).is_some_and(|h| h.ends_with('.')))
    {
        3
    } else {
        2
    };
    host.rmatch_indices('.')
        .nth(labels - 1)
        .map_or(host, |(i, _)| &host[i + 1..])
}

/// The platform channel a link points to, as `platform:name`.
fn channel(host: &str, seg: &[&str], named: &[&str]) -> Option<String> {
    let first = seg.first().copied().unwrap_or("");
    let second = seg.get(1).copied().unwrap_or("");
    let clean = |s: &str| {
        s.trim_start_matches('@')
            .trim_start_matches('+')
            .to_string()
    };
    let (platform, name) = match host {
        "t.me" | "telegram.me" | "telegram.dog" => match first {
            "s" | "joinchat" | "c" => ("telegram", clean(second)),
            _ => ("telegram", clean(first)),
        },
        "chat.whatsapp.com" | "wa.me" => ("whatsapp", clean(first)),
        "whatsapp.com" if first == "channel" => ("whatsapp", clean(second)),
        "youtube.com" => match first {
            "c" | "channel" | "user" => ("youtube", clean(second)),
            f if f.starts_with('@') => ("youtube", clean(f)),
            _ => return None,
        },
        "twitter.com" | "x.com" => ("x", clean(first)),
        "facebook.com" | "fb.com" => match first {
            "profile.php" => (
                "facebook",
                named
                    .iter()
                    .find_map(|kv| kv.strip_prefix("id="))
                    .unwrap_or("")
                    .to_string(),
            ),
            "groups" | "pages" => ("facebook", clean(second)),
            _ => ("facebook", clean(first)),
        },
        "instagram.com" => ("instagram", clean(first)),
        "tiktok.com" => ("tiktok", clean(first)),
        "linktr.ee" => ("linktree", clean(first)),
        "rumble.com" if first == "c" => ("rumble", clean(second)),
        "odysee.com" => ("odysee", clean(first)),
        "vk.com" => ("vk", clean(first)),
        _ => return None,
    };
    // Platform pages that are not channels.
    const NOT_NAMES: &[&str] = &[
        "", "home", "share", "watch", "search", "intent", "login", "explore",
    ];
    if NOT_NAMES.contains(&name.as_str()) {
        return None;
    }
    Some(format!("{platform}:{name}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(url: &str) -> Vec<(LinkKind, String)> {
        let mut out = Vec::new();
        keys(url, &mut out);
        out.into_iter().map(|k| (k.kind(), k.text)).collect()
    }

    #[test]
    fn telegram_channels_are_recognised_however_written() {
        for url in [
            "https://t.me/UmarMedia",
            "t.me/umarmedia/",
            "http://telegram.me/umarmedia?utm_source=x",
            "https://t.me/s/umarmedia",
            "t.me/@umarmedia",
        ] {
            assert!(
                k(url).contains(&(LinkKind::Channel, "telegram:umarmedia".into())),
                "{url}: {:?}",
                k(url)
            );
        }
        assert!(!k("https://t.me/umarmedia")
            .iter()
            .any(|(kind, _)| *kind == LinkKind::Site));
    }

    #[test]
    fn own_sites_give_site_keys_platforms_do_not() {
        assert_eq!(
            k("https://www.umar-media.net/about/"),
            [
                (LinkKind::Url, "umar-media.net/about".to_string()),
                (LinkKind::Site, "umar-media.net".to_string())
            ]
        );
        assert_eq!(
            k("news.umar-media.com.pk")[0],
            (LinkKind::Site, "umar-media.com.pk".into())
        );
        assert!(k("https://youtube.com").is_empty());
        assert!(k("https://youtube.com/watch?v=abc&t=3")
            .iter()
            .all(|(kind, _)| *kind == LinkKind::Url));
        assert_eq!(
            k("youtube.com/@UmarMedia")[1],
            (LinkKind::Channel, "youtube:umarmedia".into())
        );
    }

    #[test]
    fn garbage_gives_nothing_and_never_panics() {
        for url in [
            "",
            "hello",
            "://",
            "http://",
            "..",
            "a..b",
            "@:/?#",
            "ftp://x",
            "ذذذ.ذذ",
        ] {
            let _ = k(url);
        }
        assert!(k("not a url").is_empty());
        assert!(k(&"a.".repeat(100_000)).len() <= 3);
    }
}

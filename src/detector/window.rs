//! Long inputs read window by window: from a `&str` in memory
//! ([`windows`]) or from any [`Read`] ([`stream`]), cut in the same places.

use super::SCAN_WINDOW;
use crate::error::{Error, Result};
use std::io::{ErrorKind, Read};

/// How much a stream is read at a time.
const READ: usize = 64 << 10;

/// Where the window starting at `rest` ends, `rest` being the rest of the
/// input, or at least its next `SCAN_WINDOW + 1` bytes (the cut depends on
/// nothing further). See [`SCAN_WINDOW`] for the rule.
fn cut(rest: &[u8]) -> usize {
    if rest.len() <= SCAN_WINDOW {
        return rest.len();
    }
    let head = &rest[..SCAN_WINDOW];
    let floor = SCAN_WINDOW / 2;
    let tail = &head[floor..];
    // Whitespace ends every token, URLs included; the characters RFC 3986
    // forbids in a URL end one too (a `matches!`: as a search of a byte
    // string per byte it was once left out of line, 11% of a text with no
    // whitespace).
    tail.iter()
        .rposition(|&b| b == b'\n')
        .or_else(|| tail.iter().rposition(|b| b.is_ascii_whitespace()))
        .or_else(|| {
            tail.iter().rposition(|b| {
                matches!(
                    b,
                    b'<' | b'>' | b'"' | b'{' | b'}' | b'|' | b'\\' | b'^' | b'`'
                )
            })
        })
        .map(|p| floor + p + 1)
        .unwrap_or_else(|| {
            // A character boundary: not a UTF-8 continuation byte.
            (1..=SCAN_WINDOW)
                .rev()
                .find(|&i| rest[i] & 0xC0 != 0x80)
                .unwrap_or(rest.len())
        })
}

/// Cuts `text` into windows of at most about [`SCAN_WINDOW`] bytes, with
/// their offsets. An empty text is one empty window.
pub(super) fn windows(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut start = 0;
    std::iter::from_fn(move || {
        if start >= text.len() {
            return (start == 0 && text.is_empty()).then(|| {
                start = 1;
                (0, text)
            });
        }
        let rest = text.get(start..)?;
        let end = cut(rest.as_bytes());
        let piece = (start, rest.get(..end)?);
        start += end;
        Some(piece)
    })
}

/// Reads `reader` to its end and hands `f` each window with its offset in
/// the stream: the windows [`windows`] would cut from the whole text.
/// Holds at most one window and one read (`SCAN_WINDOW + 64 KiB`).
///
/// # Errors
///
/// [`Error::Io`] when reading fails, or with
/// [`ErrorKind::InvalidData`] when the bytes are not UTF-8 (the message
/// gives the offset of the first bad byte). Windows before it were handed
/// to `f`.
pub(super) fn stream<R: Read>(mut reader: R, mut f: impl FnMut(usize, &str)) -> Result<()> {
    let mut buf: Vec<u8> = Vec::new();
    let (mut offset, mut eof, mut any) = (0, false, false);
    loop {
        // `read_to_end` retries interrupted reads and fills spare capacity
        // without zeroing it; a read short of `READ` met the end.
        while !eof && buf.len() <= SCAN_WINDOW {
            let before = buf.len();
            let got = (&mut reader)
                .take(READ as u64)
                .read_to_end(&mut buf)
                .map_err(|error| Error::Io {
                    source_name: format!("stream at byte {}", offset + before),
                    error,
                })?;
            eof = got < READ;
        }
        if buf.is_empty() {
            if !any {
                f(0, "");
            }
            return Ok(());
        }
        let end = cut(&buf);
        let window = std::str::from_utf8(&buf[..end]).map_err(|e| Error::Io {
            source_name: "stream".into(),
            error: std::io::Error::new(
                ErrorKind::InvalidData,
                format!("not UTF-8 at byte {}", offset + e.valid_up_to()),
            ),
        })?;
        f(offset, window);
        any = true;
        buf.drain(..end);
        offset += end;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn windows_cover_the_text_exactly_and_cut_on_boundaries() {
        let line = "ab ".repeat(SCAN_WINDOW) + "x\nyz";
        let long_word = "ق".repeat(SCAN_WINDOW);
        for text in [&line, &long_word, "", "short"] {
            let mut next = 0;
            for (off, w) in windows(text) {
                assert_eq!(off, next);
                assert!(w.len() <= SCAN_WINDOW);
                next += w.len();
            }
            assert_eq!(next, text.len());
        }
    }

    #[test]
    fn a_window_cut_without_whitespace_avoids_urls() {
        // No space anywhere: the cut falls after the last character a URL
        // cannot hold, not inside the URL that follows it.
        let url = format!("https://example.com/{}", "a".repeat(SCAN_WINDOW / 4));
        let text = format!("{}<{url}", "x".repeat(SCAN_WINDOW / 2 + 10));
        let text = format!("{text}{}", "y".repeat(SCAN_WINDOW));
        let (_, first) = windows(&text).next().unwrap();
        assert!(first.ends_with('<'), "{}", first.len());
    }

    /// Hands out its bytes a few at a time, with interruptions.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
        calls: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> std::io::Result<usize> {
            self.calls += 1;
            if self.calls % 7 == 0 {
                return Err(ErrorKind::Interrupted.into());
            }
            let n = self.step.min(out.len()).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            self.step = self.step * 5 % 70_001 + 1;
            Ok(n)
        }
    }

    fn streamed(bytes: &[u8]) -> Result<Vec<(usize, String)>> {
        let mut got = Vec::new();
        let reader = Trickle {
            bytes,
            step: 3,
            calls: 0,
        };
        stream(reader, |off, w| got.push((off, w.to_string())))?;
        Ok(got)
    }

    #[test]
    fn a_stream_is_cut_where_the_whole_text_is() {
        let mut text = "ab ".repeat(SCAN_WINDOW / 2) + &"ق".repeat(SCAN_WINDOW);
        text += &"x".repeat(SCAN_WINDOW / 3);
        text += "\nthe end";
        for t in [text.as_str(), "", "one window", "ق"] {
            let want: Vec<(usize, String)> = windows(t).map(|(o, w)| (o, w.to_string())).collect();
            assert_eq!(streamed(t.as_bytes()).unwrap(), want);
        }
    }

    #[test]
    fn bad_bytes_and_failed_reads_are_errors_naming_the_offset() {
        let mut bytes = "ok ".repeat(SCAN_WINDOW).into_bytes();
        bytes[SCAN_WINDOW + 5] = 0xFF;
        let err = streamed(&bytes).unwrap_err();
        assert!(
            err.to_string()
                .contains(&format!("not UTF-8 at byte {}", SCAN_WINDOW + 5)),
            "{err}"
        );
        // A character cut off by the end of the stream.
        let err = streamed("abc ق".as_bytes().split_last().unwrap().1).unwrap_err();
        assert!(err.to_string().contains("not UTF-8 at byte 4"), "{err}");

        struct Broken;
        impl Read for Broken {
            fn read(&mut self, _: &mut [u8]) -> std::io::Result<usize> {
                Err(std::io::Error::other("disk on fire"))
            }
        }
        let err = stream(Broken, |_, _| {}).unwrap_err();
        assert!(matches!(&err, Error::Io { error, .. } if error.to_string() == "disk on fire"));
    }
}

//! The [`Detector`]: normalizer, lexicon and verdict rule behind one
//! cheap-to-share handle.

mod assess;
mod verdict;
mod window;

pub use assess::{AccountField, Assessment, TextReport};
pub use verdict::{Verdict, SUPPORT_WINDOW};

use crate::error::Result;
use crate::lexicon::{Category, Lexicon};
use crate::mirror::{Account, MirrorIndex};
use crate::normalize::{Normalized, Normalizer};
use crate::scan::{self, Found, Match, MatchArena, Scratch};
use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use std::cell::RefCell;
use std::io::Read;
use std::sync::{Arc, PoisonError, RwLock};

/// Inputs longer than this are scanned in windows of about this size, cut
/// at a line break or space, so memory stays bounded for any input.
///
/// A cut is made in the second half of the window: at its last line break,
/// else its last whitespace, else its last character that cannot occur in
/// a URL (`<>"{}|\^` and backtick), else at a character boundary. So a cut
/// never splits a URL (or a word) unless half a megabyte holds no space and
/// none of those characters. Then a term across the cut can be missed; a
/// URL across it goes on in the next window as the same URL (its path is
/// not read as words there either).
pub const SCAN_WINDOW: usize = 1 << 20;

/// The default cap on the matches one [`Report`] lists (see
/// [`DetectorBuilder::max_matches`]). About 2 MB of report at most; no real
/// post comes near it, a megabytes-long list of terms does.
pub const MAX_MATCHES: usize = 10_000;

/// The result of scanning one text.
///
/// # Example
///
/// ```
/// use vigil::{Detector, Verdict};
///
/// let report = Detector::default().scan("Join the caravan of the Islamic State, brothers!");
/// assert_eq!(report.verdict, Verdict::Support);
/// assert!(report.score > 0.5);
/// let json = serde_json::to_value(&report).unwrap();
/// assert_eq!(json["verdict"], "support");
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    /// Clean, mention or support.
    pub verdict: Verdict,
    /// 0 for clean, (0.1, 0.5] for a mention, (0.5, 1] for support.
    pub score: f32,
    /// Every term found, in input order (allow entries excluded), up to
    /// the detector's cap ([`MAX_MATCHES`] by default).
    pub matches: Vec<Match>,
    /// True when more terms were found than the cap allows: `matches` holds
    /// the first ones. The verdict and score still count every term found,
    /// listed or not.
    #[serde(default)]
    pub truncated: bool,
}

impl Report {
    /// A clean report with no matches: what an empty text gets.
    fn clean() -> Report {
        Report {
            verdict: Verdict::Clean,
            score: 0.0,
            matches: Vec::new(),
            truncated: false,
        }
    }

    /// The distinct group ids named, in order of first appearance.
    pub fn groups(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for g in self.matches.iter().filter_map(Match::group) {
            if !out.contains(&g) {
                out.push(g);
            }
        }
        out
    }
}

/// Finds extremist content in text. Cheap to clone (reference-counted),
/// `Send + Sync`: share one across threads.
///
/// # Example
///
/// ```
/// use vigil::{Detector, Verdict};
///
/// let detector = Detector::default();
/// let input = "Long live the Т.Т.Р mujahideen"; // Cyrillic letters, spaced
/// let report = detector.scan(input);
/// assert_eq!(report.verdict, Verdict::Support);
/// let m = &report.matches[1];
/// assert_eq!(&input[m.span()], "Т.Т.Р");
/// ```
#[derive(Debug, Clone)]
pub struct Detector {
    inner: Arc<Inner>,
}

#[derive(Debug)]
struct Inner {
    lexicon: Lexicon,
    /// Behind a lock so [`Detector::ban`] can add accounts to a shared
    /// detector; reads are uncontended in practice.
    mirrors: RwLock<MirrorIndex>,
    max_matches: usize,
}

/// Configures a [`Detector`].
///
/// # Example
///
/// ```
/// use vigil::{Detector, Lexicon};
///
/// let lexicon = Lexicon::from_tsv("ISKP\tiskp\torg\ten\thigh\tany\tUN 1267\n".as_bytes())?;
/// let detector = Detector::builder().lexicon(lexicon).build()?;
/// assert_eq!(detector.scan("iskp").matches.len(), 1);
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone, Default)]
pub struct DetectorBuilder {
    lexicon: Option<Lexicon>,
    mirrors: Option<MirrorIndex>,
    max_matches: Option<usize>,
}

impl DetectorBuilder {
    /// Lists at most `n` matches in a [`Report`] (default [`MAX_MATCHES`]);
    /// further ones set [`Report::truncated`] but still count toward the
    /// verdict and score. Bounds a report's memory for term-dense inputs
    /// (about 150 bytes a match).
    ///
    /// ```
    /// use vigil::{Detector, Verdict};
    ///
    /// let detector = Detector::builder().max_matches(2).build()?;
    /// let report = detector.scan("TTP TTP TTP zindabad");
    /// assert_eq!(report.matches.len(), 2);
    /// assert!(report.truncated);
    /// assert_eq!(report.verdict, Verdict::Support);
    /// # Ok::<(), vigil::Error>(())
    /// ```
    pub fn max_matches(&mut self, n: usize) -> &mut Self {
        self.max_matches = Some(n);
        self
    }

    /// Uses this lexicon instead of the embedded one.
    pub fn lexicon(&mut self, lexicon: Lexicon) -> &mut Self {
        self.lexicon = Some(lexicon);
        self
    }

    /// Uses this index of banned accounts for [`Detector::assess`].
    pub fn mirror_index(&mut self, index: MirrorIndex) -> &mut Self {
        self.mirrors = Some(index);
        self
    }

    /// Indexes these banned accounts (default [`MirrorConfig`]) for
    /// [`Detector::assess`]; adds to any index given before.
    ///
    /// [`MirrorConfig`]: crate::MirrorConfig
    ///
    /// # Errors
    ///
    /// As [`MirrorIndex::build`].
    pub fn banned(&mut self, accounts: &[Account]) -> crate::Result<&mut Self> {
        match &mut self.mirrors {
            Some(index) => {
                for a in accounts {
                    index.insert(a)?;
                }
            }
            None => self.mirrors = Some(MirrorIndex::from_accounts(accounts)?),
        }
        Ok(self)
    }

    /// Builds the detector.
    ///
    /// # Errors
    ///
    /// None today; the `Result` leaves room for configuration checks.
    pub fn build(&self) -> crate::Result<Detector> {
        let mirrors = match &self.mirrors {
            Some(index) => index.clone(),
            None => MirrorIndex::new(Default::default())?,
        };
        Ok(Detector {
            inner: Arc::new(Inner {
                lexicon: self.lexicon.clone().unwrap_or_default(),
                mirrors: RwLock::new(mirrors),
                max_matches: self.max_matches.unwrap_or(MAX_MATCHES),
            }),
        })
    }
}

impl Default for Detector {
    /// A detector over the embedded multilingual lexicon, with no banned
    /// accounts.
    fn default() -> Self {
        // The default mirror configuration is valid, so neither step fails.
        DetectorBuilder::default()
            .build()
            .unwrap_or_else(|e| panic!("default detector: {e}"))
    }
}

/// Per-thread buffers, so scanning allocates only for what it returns.
#[derive(Default)]
struct Buffers {
    norm: Normalized,
    scratch: Scratch,
    found: Vec<Found>,
    arena: MatchArena,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::new(Buffers::default());
}

/// Runs `f` with this thread's buffers, or fresh ones if they are in use
/// (a reader that scans from inside `Detector::scan_reader`).
fn with_buffers<T>(f: impl FnOnce(&mut Buffers) -> T) -> T {
    BUFFERS.with(|cell| match cell.try_borrow_mut() {
        Ok(mut bufs) => f(&mut bufs),
        Err(_) => f(&mut Buffers::default()),
    })
}

impl Detector {
    /// A builder starting from the embedded lexicon.
    pub fn builder() -> DetectorBuilder {
        DetectorBuilder::default()
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.inner.lexicon
    }

    /// The normalizer in use (the lexicon's).
    pub fn normalizer(&self) -> &Normalizer {
        self.inner.lexicon.normalizer()
    }

    /// Normalizes `text` the way [`Detector::scan`] does.
    pub fn normalize(&self, text: &str) -> Normalized {
        self.normalizer().normalize(text)
    }

    /// Scans one text: finds every lexicon term and decides the verdict.
    ///
    /// Cost: linear in `text.len()`. Texts longer than [`SCAN_WINDOW`] are
    /// scanned window by window (cut at a line break or space), so memory
    /// stays bounded; a term split across a cut without any space in the
    /// surrounding half megabyte can be missed. The report lists at most
    /// [`DetectorBuilder::max_matches`] terms ([`Report::truncated`] says
    /// when more were found); nothing is allocated for a text with no term.
    pub fn scan(&self, text: &str) -> Report {
        with_buffers(|bufs| self.scan_with(text, bufs))
    }

    /// Scans a text read from `reader` (a file, a socket, a decompressor)
    /// to its end: the report [`Detector::scan`] gives for the whole text,
    /// with spans as byte offsets into the stream, while at most one
    /// window ([`SCAN_WINDOW`]) and one 64 KiB read are held. For inputs
    /// too big to hold in memory.
    ///
    /// Cost: linear in the stream's length, as [`Detector::scan`], plus
    /// one copy of the bytes.
    ///
    /// # Errors
    ///
    /// [`Error::Io`](crate::Error::Io) when a read fails, or with
    /// [`std::io::ErrorKind::InvalidData`] when the bytes are not UTF-8
    /// (the message gives the offset of the first bad byte).
    ///
    /// # Example
    ///
    /// ```
    /// use vigil::{Detector, Verdict};
    ///
    /// let detector = Detector::default();
    /// let text = "Long live the T.T.P, join the caravan!";
    /// let report = detector.scan_reader(text.as_bytes())?;
    /// assert_eq!(report, detector.scan(text));
    /// assert_eq!(report.verdict, Verdict::Support);
    /// # Ok::<(), vigil::Error>(())
    /// ```
    pub fn scan_reader<R: Read>(&self, reader: R) -> Result<Report> {
        with_buffers(|bufs| {
            let mut report = Report::clean();
            let mut url_head = false;
            window::stream(reader, |offset, w| {
                self.scan_window(w, offset, url_head, bufs, &mut report);
                url_head = bufs.norm.ends_in_url(w);
            })?;
            Ok(report)
        })
    }

    /// Scans many texts in parallel (rayon), returning reports in input
    /// order; identical to calling [`Detector::scan`] on each.
    pub fn scan_batch<S: AsRef<str> + Sync>(&self, texts: &[S]) -> Vec<Report> {
        // Posts are small: hand rayon runs of them, not single ones, so
        // splitting and joining cost nothing next to the scans.
        texts
            .par_iter()
            .with_min_len(64)
            .map(|t| self.scan(t.as_ref()))
            .collect()
    }

    /// Assesses an account: scans its handle, display name, bio and posts,
    /// and looks it up among the banned accounts.
    ///
    /// Cost: one [`Detector::scan`] per text plus one
    /// [`MirrorIndex::find_mirrors`].
    pub fn assess(&self, account: &Account) -> Assessment {
        let mut texts = Vec::new();
        let (mut verdict, mut score) = (Verdict::Clean, 0.0f32);
        for (field, index, text) in assess::texts(account) {
            let report = self.scan(text);
            if (report.verdict, report.score) > (verdict, score) {
                (verdict, score) = (report.verdict, report.score);
            }
            if !report.matches.is_empty() {
                texts.push(TextReport {
                    field,
                    index,
                    report,
                });
            }
        }
        let mirrors = self.with_mirrors(|m| m.find_mirrors(account));
        Assessment {
            verdict,
            score,
            texts,
            mirrors,
        }
    }

    /// Assesses many accounts in parallel, in input order.
    pub fn assess_batch(&self, accounts: &[Account]) -> Vec<Assessment> {
        accounts.par_iter().map(|a| self.assess(a)).collect()
    }

    /// Adds a newly banned account to the detector's mirror index, without
    /// rebuilding it. Every clone of this detector sees it.
    ///
    /// # Errors
    ///
    /// As [`MirrorIndex::insert`].
    pub fn ban(&self, account: &Account) -> crate::Result<()> {
        let mut index = self
            .inner
            .mirrors
            .write()
            .unwrap_or_else(PoisonError::into_inner);
        index.insert(account)
    }

    /// Runs `f` with the mirror index (read-locked).
    pub fn with_mirrors<T>(&self, f: impl FnOnce(&MirrorIndex) -> T) -> T {
        let index = self
            .inner
            .mirrors
            .read()
            .unwrap_or_else(PoisonError::into_inner);
        f(&index)
    }

    fn scan_with(&self, text: &str, bufs: &mut Buffers) -> Report {
        let mut report = Report::clean();
        // Posts are short: one window, without the cutting.
        if text.len() <= SCAN_WINDOW {
            self.scan_window(text, 0, false, bufs, &mut report);
        } else {
            let mut url_head = false;
            for (offset, window) in window::windows(text) {
                self.scan_window(window, offset, url_head, bufs, &mut report);
                url_head = bufs.norm.ends_in_url(window);
            }
        }
        report
    }

    /// Scans `window`, which starts `offset` bytes into the text, into
    /// `report`; `url_head`: the window before ended inside a URL, which
    /// this one goes on with.
    #[inline]
    fn scan_window(
        &self,
        window: &str,
        offset: usize,
        url_head: bool,
        bufs: &mut Buffers,
        report: &mut Report,
    ) {
        let lexicon = &self.inner.lexicon;
        lexicon
            .normalizer()
            .normalize_window(window, &mut bufs.norm, url_head);
        scan::find(
            lexicon,
            window,
            &bufs.norm,
            &mut bufs.scratch,
            &mut bufs.found,
        );
        if bufs.found.is_empty() {
            // Most posts.
            return;
        }
        self.report_found(window, offset, bufs, report);
    }

    /// Adds what [`Detector::scan_window`] found in `window` to `report`:
    /// the verdict, and the matches. Out of line: most posts find nothing,
    /// and the window's scan stays small enough to inline.
    #[inline(never)]
    fn report_found(&self, window: &str, offset: usize, bufs: &mut Buffers, report: &mut Report) {
        let lexicon = &self.inner.lexicon;
        bufs.found.retain(|f| {
            lexicon
                .meta(f.entry)
                .is_some_and(|m| m.category != Category::Allow)
        });
        let (v, s) = verdict::judge(lexicon, bufs.norm.tokens(), &bufs.found);
        if (v, s) > (report.verdict, report.score) {
            (report.verdict, report.score) = (v, s);
        }
        let room = self.inner.max_matches.saturating_sub(report.matches.len());
        report.truncated |= bufs.found.len() > room;
        let take = bufs.found.len().min(room);
        report.matches.reserve(take);
        if let ([f], 1..) = (bufs.found.as_slice(), room) {
            let m = scan::lone_match(lexicon, &bufs.norm, (window, offset), f);
            report.matches.extend(m);
            return;
        }
        for f in bufs.found.iter().take(room) {
            let to = (&mut bufs.arena, &mut report.matches);
            scan::add_match(lexicon, &bufs.norm, (window, offset), f, to);
        }
        bufs.arena.finish(&mut report.matches);
    }
}

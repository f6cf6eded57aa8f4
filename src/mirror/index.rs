//! [`MirrorIndex`]: banned accounts, searchable for mirrors.

use super::account::Account;
use super::postings::Postings;
use super::profile::Profile;
use super::score::{self, MirrorConfig};
use super::signals::MirrorMatch;
use super::store::Store;
use crate::error::Result;
use crate::normalize::Normalizer;
use rayon::prelude::*;
use std::cell::RefCell;

/// Accounts are indexed in parallel in chunks of this many, which bounds
/// the memory held by features not yet stored.
const BUILD_CHUNK: usize = 1 << 15;

/// Banned accounts, indexed to find their mirrors among new accounts.
///
/// Each banned account is reduced to its features (handle skeleton, folded
/// display name, MinHash sketches of bio and posts, link keys) and filed
/// under a few dozen *blocking keys*: its handle core and every one-letter
/// deletion of it (so cores within one edit meet), its display name unless
/// it is made of common names, 24 LSH bands of its bio, two word-trigram
/// anchors per post, and its link keys (URL, channel, site). A search looks
/// up the query's own keys and scores only the accounts found there: on a
/// million generated accounts, about a hundred at the median, 0.1% of the
/// index at the 99th percentile (`benches/mirror.rs`), and its top match is
/// the exhaustive scan's ([`MirrorIndex::find_mirrors_exhaustive`]) on all
/// of 1,000 queries. About 1.2 KB of memory per account, postings included.
///
/// Cheap to share across threads (`Send + Sync`); cloning copies the index.
///
/// # Example
///
/// ```
/// use vigil::mirror::{Account, MirrorIndex};
///
/// let banned = vec![
///     Account::new("b1").handle("umar_media").display_name("Umar Media")
///         .link("https://t.me/umarmedia"),
///     Account::new("b2").handle("ali_khan").display_name("Ali Khan"),
/// ];
/// let mut index = MirrorIndex::from_accounts(&banned)?;
///
/// // Same Telegram channel, look-alike handle: a mirror of b1.
/// let suspect = Account::new("s1").handle("urnar_media_official")
///     .link("t.me/UmarMedia");
/// let found = index.find_mirrors(&suspect);
/// assert_eq!(found[0].banned_id, "b1");
/// assert!(found[0].is_mirror);
///
/// // An ordinary user who shares a common name is not accused.
/// let user = Account::new("u1").handle("ali.khan.92").display_name("Ali Khan");
/// assert!(index.find_mirrors(&user).iter().all(|m| !m.is_mirror));
///
/// // Newly banned accounts are added without rebuilding.
/// index.insert(&Account::new("b3").handle("khorasan_voice"))?;
/// assert_eq!(index.len(), 3);
///
/// // Save and load.
/// let bytes = index.to_bytes();
/// assert_eq!(MirrorIndex::from_bytes(&bytes)?.len(), 3);
/// # Ok::<(), vigil::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct MirrorIndex {
    pub(crate) config: MirrorConfig,
    pub(crate) normalizer: Normalizer,
    pub(crate) store: Store,
    pub(crate) postings: Postings,
}

#[derive(Default)]
struct Scratch {
    keys: Vec<u32>,
    candidates: Vec<u32>,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch::default());
}

impl MirrorIndex {
    /// An empty index with this configuration.
    ///
    /// # Errors
    ///
    /// [`Error::Config`](crate::Error::Config) if the configuration is out
    /// of range (see [`MirrorConfig::validate`]).
    pub fn new(config: MirrorConfig) -> Result<MirrorIndex> {
        config.validate()?;
        Ok(MirrorIndex {
            config,
            normalizer: Normalizer::default(),
            store: Store::default(),
            postings: Postings::default(),
        })
    }

    /// An index of `accounts` with the default configuration. See
    /// [`MirrorIndex::build`].
    ///
    /// # Errors
    ///
    /// As [`MirrorIndex::build`].
    pub fn from_accounts(accounts: &[Account]) -> Result<MirrorIndex> {
        MirrorIndex::build(MirrorConfig::default(), accounts)
    }

    /// An index of `accounts` with this configuration, built in parallel.
    ///
    /// Cost: linear in the accounts' size (features are computed on all
    /// cores), plus sorting the postings: about 30 s for a million accounts
    /// on two cores. Ids are not checked for uniqueness.
    ///
    /// # Errors
    ///
    /// [`Error::Config`](crate::Error::Config) for a bad configuration;
    /// [`Error::TooLarge`](crate::Error::TooLarge) past 2^32 - 1 accounts
    /// or 4 GiB of ids, handles, names and links.
    pub fn build(config: MirrorConfig, accounts: &[Account]) -> Result<MirrorIndex> {
        let mut index = MirrorIndex::new(config)?;
        let mut entries: Vec<u64> = Vec::new();
        for chunk in accounts.chunks(BUILD_CHUNK) {
            let profiles: Vec<(Profile, Vec<u32>)> = chunk
                .par_iter()
                .map(|a| {
                    let p = Profile::new(&index.normalizer, a);
                    let mut keys = Vec::new();
                    p.keys(&mut keys);
                    (p, keys)
                })
                .collect();
            for (account, (profile, keys)) in chunk.iter().zip(&profiles) {
                let n = index.store.push(&account.id, profile)?;
                entries.extend(keys.iter().map(|&k| (k as u64) << 32 | n as u64));
            }
        }
        index.postings = Postings::from_entries(entries);
        index.store.shrink_to_fit();
        Ok(index)
    }

    /// Adds one banned account. The index stays searchable; nothing is
    /// rebuilt.
    ///
    /// Cost: computing the account's features, plus amortised constant time
    /// per blocking key.
    ///
    /// # Errors
    ///
    /// [`Error::TooLarge`](crate::Error::TooLarge) as for
    /// [`MirrorIndex::build`]; the index is unchanged.
    pub fn insert(&mut self, account: &Account) -> Result<()> {
        let profile = Profile::new(&self.normalizer, account);
        let n = self.store.push(&account.id, &profile)?;
        let mut keys = Vec::new();
        profile.keys(&mut keys);
        for k in keys {
            self.postings.insert(k, n);
        }
        Ok(())
    }

    /// Number of banned accounts indexed.
    pub fn len(&self) -> usize {
        self.store.len()
    }

    /// True if no account is indexed.
    pub fn is_empty(&self) -> bool {
        self.store.len() == 0
    }

    /// The configuration in force.
    pub fn config(&self) -> &MirrorConfig {
        &self.config
    }

    /// Changes weights, threshold or limits; the indexed features do not
    /// depend on them.
    ///
    /// # Errors
    ///
    /// [`Error::Config`](crate::Error::Config) if the configuration is out
    /// of range; the index keeps its old one.
    pub fn set_config(&mut self, config: MirrorConfig) -> Result<()> {
        config.validate()?;
        self.config = config;
        Ok(())
    }

    /// The banned accounts `account` may be a mirror of, best first (ties in
    /// insertion order): at most [`MirrorConfig::max_matches`], each scoring
    /// at least [`MirrorConfig::min_score`].
    ///
    /// Cost: computing the account's features, looking up its blocking keys,
    /// and scoring the accounts found (about a hundred in a million at the
    /// median; keys shared by more than [`MirrorConfig::max_postings`]
    /// accounts are skipped): 0.07 ms at the median, under 1 ms at the 99th
    /// percentile on a million accounts.
    pub fn find_mirrors(&self, account: &Account) -> Vec<MirrorMatch> {
        let profile = Profile::new(&self.normalizer, account);
        SCRATCH.with(|cell| match cell.try_borrow_mut() {
            Ok(mut s) => self.search(&profile, &mut s),
            Err(_) => self.search(&profile, &mut Scratch::default()),
        })
    }

    /// [`MirrorIndex::find_mirrors`] for many accounts, in parallel
    /// (rayon), results in input order; identical to calling it on each.
    pub fn find_mirrors_batch(&self, accounts: &[Account]) -> Vec<Vec<MirrorMatch>> {
        accounts.par_iter().map(|a| self.find_mirrors(a)).collect()
    }

    /// What [`MirrorIndex::find_mirrors`] returns if every banned account
    /// were a candidate: scores all of them. For checking the candidate
    /// search, not for production.
    ///
    /// Cost: linear in the number of banned accounts (under a microsecond
    /// each).
    pub fn find_mirrors_exhaustive(&self, account: &Account) -> Vec<MirrorMatch> {
        let profile = Profile::new(&self.normalizer, account);
        self.rank(&profile, 0..self.store.len() as u32)
    }

    /// How many banned accounts a search for `account` scores: a measure of
    /// how selective its blocking keys are.
    pub fn candidate_count(&self, account: &Account) -> usize {
        let profile = Profile::new(&self.normalizer, account);
        let mut s = Scratch::default();
        self.candidates(&profile, &mut s);
        s.candidates.len()
    }

    /// Approximate heap memory held by the index, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.store.heap_bytes() + self.postings.heap_bytes()
    }

    fn candidates(&self, profile: &Profile, s: &mut Scratch) {
        s.keys.clear();
        s.candidates.clear();
        profile.keys(&mut s.keys);
        for &k in &s.keys {
            if self.postings.count(k) <= self.config.max_postings {
                self.postings.extend(k, &mut s.candidates);
            }
        }
        s.candidates.sort_unstable();
        s.candidates.dedup();
    }

    fn search(&self, profile: &Profile, s: &mut Scratch) -> Vec<MirrorMatch> {
        self.candidates(profile, s);
        self.rank(profile, s.candidates.iter().copied())
    }

    /// Scores `candidates` (ascending) against `profile`, best first.
    fn rank(&self, profile: &Profile, candidates: impl Iterator<Item = u32>) -> Vec<MirrorMatch> {
        let hashes = profile.link_hashes();
        let query = profile.view(&hashes);
        let w = &self.config.weights;
        let mut scored: Vec<(f32, u32)> = Vec::new();
        for c in candidates {
            let banned = self.store.view(c);
            let score = score::combine(w, &score::facts(&banned, &query));
            if score >= self.config.min_score {
                scored.push((score, c));
            }
        }
        scored.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        scored.truncate(self.config.max_matches);
        scored
            .into_iter()
            .map(|(score, c)| {
                let banned = self.store.view(c);
                let facts = score::facts(&banned, &query);
                MirrorMatch {
                    banned_id: self.store.id(c).to_string(),
                    score,
                    is_mirror: score >= self.config.threshold,
                    signals: score::explain(&banned, &query, &facts),
                }
            })
            .collect()
    }
}

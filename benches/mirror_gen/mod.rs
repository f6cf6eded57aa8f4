//! Deterministic generated accounts for the mirror evaluation
//! (`examples/mirror_eval.rs`), bench (`benches/mirror.rs`) and tests
//! (`tests/mirror.rs`), included with `#[path]` by all three so they measure
//! the same data. (A directory, so cargo does not take it for a bench.)
//!
//! - *Banned* accounts: media outlets and persons, with handles built from
//!   words, names and invented words, display names in Latin or Arabic
//!   script, bios, profile links (Telegram, WhatsApp, own sites, YouTube)
//!   and posts.
//! - *Mirrors* of a banned account, made with what evaders do: digits and
//!   stock affixes, separator changes, look-alike letters (`rn`, `vv`, `1`,
//!   `0`, leetspeak, Cyrillic), typos, a display name kept, edited or
//!   changed, a bio copied, edited or dropped, links kept or dropped, posts
//!   re-posted or none yet. The hard cases (no posts yet, a changed display
//!   name, no links, all at once) are a fixed share. A mirror keeps at least
//!   two recognisable traits when its source has them (a handle, a bio,
//!   links, posts, and a display name the handle does not spell out): one
//!   that keeps nothing is undetectable by definition, a handle and the
//!   name it spells are what any namesake shares, and operators want their
//!   audience to find them.
//! - *Look-alikes* of a banned account: unrelated people whose handle or
//!   display name is close (the same common name, one word shared, a
//!   spelling variant) but whose bio, links and posts are their own.
//! - *Ordinary* accounts.

#![allow(dead_code, unused_imports)]

mod metrics;
mod mutate;

pub use metrics::{evaluate, Metrics};
use mutate::{cyrillic, edit_text, leet, swap_lookalike, typo};
use vigil::Account;

#[path = "../common/rng.rs"]
mod rng;
pub use rng::Rng;

fn list(s: &'static str) -> Vec<&'static str> {
    s.split_whitespace().collect()
}

const FIRST: &str =
    "umar ali hamza usman bilal abdullah muhammad ahmed hassan hussain khalid tariq \
    zubair yusuf ibrahim ismail musa idris saad zaid anas talha waqas imran faisal asad junaid \
    naveed shahid sajid rashid qasim harun daud shoaib zarak shahzaib wali noman jawed ayman \
    mansoor qari owais sufyan huzaifa ammar salahuddin abdulrahman obaidullah hikmat zabihullah \
    fatima ayesha maryam zainab khadija sana hira amna iqra rabia sadia nadia laila";
const LAST: &str =
    "khan malik shah qureshi chaudhry butt awan baig mirza rana raja abbasi siddiqui \
    hashmi rizvi gilani bukhari ansari niazi khattak yousafzai afridi wazir mehsud durrani \
    baloch bugti marri memon soomro khokhar lodhi alvi karimi rahimi haqqani mohmand \
    orakzai bangash kakar achakzai tareen jadoon swati";
const WORDS: &str =
    "media voice news studio front call light banner sword dawn truth lions eagles \
    ummah caravan khorasan azaan minbar sada nida qalam fath nasr ghazwa ribat hind sham \
    balagh bayan tawheed jannah shuhada muhajir ansar wilayah markaz dawah ilm noor haq \
    sabr izzat karwan lashkar sipah jaish tehreek fidai zarb shamsheer talwar tufan \
    aandhi parcham hilal sitara qafila manzil safar rah raah awaz pukar";
const TOPIC: &str = "brothers statement operation released video audio message official channel \
    follow share spread victory patience steadfast enemy martyr convoy province district \
    attack claimed responsibility fighters soldiers checkpoint commander council leadership \
    announcement urgent important report exclusive footage speech lecture series episode \
    nasheed poster magazine issue edition translation urdu pashto arabic english download \
    link mirror backup archive telegram join support donate cause struggle path truth \
    falsehood oppression rulers regime army police tyrants hypocrites believers ummah";
const DAILY: &str = "match great today market work prices rising lahore karachi weather rain \
    cricket team won phone battery traffic school exam results congrats everyone family \
    dinner biryani chai friends wedding season holiday shopping office boss salary \
    university class teacher assignment movie song drama episode tonight morning";
const ROMAN: &str = "yaar kya haal hai bohat acha nahi mein ghar ja raha hun kal milte hain bhai \
    shukriya mausam garmi chai peeni chahiye dekha kamaal zabardast inshallah mashallah sab theek";
const URDU: &str = "آج موسم بہت اچھا ہے میں بازار جا رہا ہوں کرکٹ میچ جیت گئے پاکستان خبریں \
    لاہور کراچی بارش شکریہ دوست گھر امتحان نتیجہ مبارک سب کو";
const AR_TOPIC: &str = "بیان ویڈیو جاری اعلان مجاہدین قافلہ فتح نصر خراسان صدائے حق الفتح \
    البلاغ البيان الإصدار الجديد انشر تابعوا القناة الرسمية";
const AR_NAMES: &str = "صدائے_حق الفتح البلاغ خراسان_میڈیا نداء_الحق منبر_التوحيد عمر_میڈیا \
    القلم النصر الراية";
const UNI: &str = "punjab karachi peshawar quetta kabul comsats nust lums fast uet";
const TLD: &str = "net org com info co";
const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const SYLLABLES: &str = "ka ra ba la ma sa ta na za qa ha da fa ja wa ya zar mir bal dar gul \
    tan sham khor san rak hil zai bat nur qal";
const NEWS: &str = "dawn.com geo.tv arynews.tv thenews.com.pk bbc.com/urdu tribune.com.pk";

/// What a generated query account is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A mirror of banned account `of`; `hard` if it has no posts, no links
    /// and a changed display name.
    Mirror { of: usize, hard: bool },
    /// Unrelated, but looks like banned account `of`.
    LookAlike { of: usize },
    /// An ordinary account.
    Ordinary,
}

struct Vocab {
    first: Vec<&'static str>,
    last: Vec<&'static str>,
    words: Vec<&'static str>,
    topic: Vec<&'static str>,
    daily: Vec<&'static str>,
    roman: Vec<&'static str>,
    urdu: Vec<&'static str>,
    ar_topic: Vec<&'static str>,
    ar_names: Vec<&'static str>,
    uni: Vec<&'static str>,
    tld: Vec<&'static str>,
    syl: Vec<&'static str>,
    news: Vec<&'static str>,
}

fn vocab() -> Vocab {
    Vocab {
        first: list(FIRST),
        last: list(LAST),
        words: list(WORDS),
        topic: list(TOPIC),
        daily: list(DAILY),
        roman: list(ROMAN),
        urdu: list(URDU),
        ar_topic: list(AR_TOPIC),
        ar_names: list(AR_NAMES),
        uni: list(UNI),
        tld: list(TLD),
        syl: list(SYLLABLES),
        news: list(NEWS),
    }
}

fn title(w: &str) -> String {
    let mut c = w.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}

/// Makes accounts. Everything is a function of the seed.
pub struct Gen {
    rng: Rng,
    v: Vocab,
}

impl Gen {
    pub fn new(seed: u64) -> Gen {
        Gen {
            rng: Rng::new(seed),
            v: vocab(),
        }
    }

    fn invented(&mut self) -> String {
        let n = 2 + self.rng.below(2);
        (0..n).map(|_| self.rng.pick(&self.v.syl)).collect()
    }

    fn code(&mut self, len: usize) -> String {
        (0..len)
            .map(|_| {
                let b = LETTERS[self.rng.below(26)];
                if self.rng.chance(30) {
                    (b as char).to_ascii_uppercase()
                } else {
                    b as char
                }
            })
            .collect()
    }

    fn digits(&mut self) -> String {
        match self.rng.below(4) {
            0 => format!("{}", self.rng.below(10)),
            1 => format!("{}", 10 + self.rng.below(90)),
            2 => format!("{}", 1980 + self.rng.below(45)),
            _ => format!("{}", 100 + self.rng.below(900)),
        }
    }

    /// Banned account number `i`.
    pub fn banned(&mut self, i: usize) -> Account {
        let r = &mut self.rng;
        let sep = *[".", "_", "", "_"].get(r.below(4)).unwrap_or(&"_");
        let style = r.below(100);
        let (handle, name) = if style < 30 {
            // An outlet: two words, or a name and a word.
            let a = if r.chance(50) {
                r.pick(&self.v.words)
            } else {
                r.pick(&self.v.first)
            };
            let b = r.pick(&self.v.words);
            let name = if r.chance(20) {
                r.pick(&self.v.ar_names).replace('_', " ")
            } else {
                format!("{} {}", title(a), title(b))
            };
            (format!("{a}{sep}{b}"), name)
        } else if style < 50 {
            // An invented word, often with a generic word.
            let w = self.invented();
            let r = &mut self.rng;
            let b = r.pick(&self.v.words);
            if r.chance(50) {
                (
                    format!("{w}{sep}{b}"),
                    format!("{} {}", title(&w), title(b)),
                )
            } else {
                (w.clone(), title(&w))
            }
        } else if style < 80 {
            // A person: common names, often with digits.
            let f = r.pick(&self.v.first);
            let l = r.pick(&self.v.last);
            let d = if r.chance(60) {
                self.digits()
            } else {
                String::new()
            };
            (
                format!("{f}{sep}{l}{d}"),
                format!("{} {}", title(f), title(l)),
            )
        } else {
            // A kunya: abu + name + word or place.
            let f = r.pick(&self.v.first);
            let w = if r.chance(50) {
                r.pick(&self.v.words)
            } else {
                r.pick(&self.v.last)
            };
            (
                format!("abu{sep}{f}{sep}{w}"),
                format!("Abu {} al-{}", title(f), title(w)),
            )
        };
        let mut a = Account::new(format!("b{i}"))
            .handle(handle)
            .display_name(name);
        let r = &mut self.rng;
        if r.chance(85) {
            let mut bio = sentence(&mut self.rng, &self.v.topic, 6, 22);
            if self.rng.chance(30) {
                bio.push(' ');
                bio.push_str(&sentence(&mut self.rng, &self.v.ar_topic, 3, 8));
            }
            a.bio = bio;
        }
        let r = &mut self.rng;
        if r.chance(70) {
            let channel = format!("{}{}", a.handle.replace(['.', '_'], ""), self.code(2));
            a.links.push(format!("https://t.me/{channel}"));
        }
        if self.rng.chance(30) {
            let site = format!("{}{}", self.invented(), self.rng.pick(&self.v.words));
            let tld = self.rng.pick(&self.v.tld);
            a.links.push(format!("https://www.{site}.{tld}/"));
        }
        if self.rng.chance(15) {
            a.links
                .push(format!("https://chat.whatsapp.com/{}", self.code(22)));
        }
        if self.rng.chance(10) {
            a.links.push(format!("youtube.com/@{}", self.code(9)));
        }
        let posts = if self.rng.chance(70) {
            1 + self.rng.below(6)
        } else {
            0
        };
        for _ in 0..posts {
            let mut p = sentence(&mut self.rng, &self.v.topic, 10, 30);
            if self.rng.chance(25) {
                p.push(' ');
                p.push_str(&sentence(&mut self.rng, &self.v.ar_topic, 3, 10));
            }
            a.posts.push(p);
        }
        a
    }

    /// A handle the operator of `handle` might register next.
    fn mutate_handle(&mut self, handle: &str) -> String {
        let mut h = handle.to_string();
        let n = 1 + self.rng.below(2);
        for _ in 0..n {
            h = match self.rng.below(9) {
                0 => format!("{h}{}", self.digits()),
                1 => {
                    let s = self.rng.pick(&[
                        "_official",
                        "official",
                        "_real",
                        "_new",
                        "_backup",
                        "_tv",
                        "2",
                        "_2",
                        "_pk",
                    ]);
                    format!("{h}{s}")
                }
                2 => {
                    let p = self
                        .rng
                        .pick(&["real_", "the_", "new_", "official_", "the.", "its"]);
                    format!("{p}{h}")
                }
                3 => {
                    let to = self.rng.pick(&[".", "_", "", "__", "-"]);
                    h.replace(['.', '_', '-'], to)
                }
                4 => swap_lookalike(&mut self.rng, &h),
                5 => leet(&mut self.rng, &h),
                6 => cyrillic(&mut self.rng, &h),
                7 => typo(&mut self.rng, &h),
                _ => h.to_uppercase(),
            };
        }
        if h.to_lowercase() == handle.to_lowercase() {
            h.push('2');
        }
        h
    }

    /// A mirror of `b`, and whether it is a hard case.
    pub fn mirror(&mut self, id: &str, b: &Account) -> (Account, bool) {
        let mut m = Account::new(id);
        let hard = self.rng.chance(15);
        let new_handle = self.rng.chance(5);
        m.handle = if new_handle {
            format!("{}{}", self.invented(), self.digits())
        } else {
            self.mutate_handle(&b.handle)
        };
        // A display name the handle spells out is not a trait of its own.
        let name_counts = new_handle || !b.display_name.is_ascii();
        let mut traits = usize::from(!new_handle);
        let name_roll = self.rng.below(100);
        m.display_name = if hard || name_roll < 20 {
            let f = self.rng.pick(&self.v.first);
            let w = self.rng.pick(&self.v.words);
            format!("{} {}", title(f), title(w))
        } else {
            traits += usize::from(name_counts);
            match name_roll {
                20..=59 => b.display_name.clone(),
                60..=79 => format!(
                    "{} {}",
                    b.display_name,
                    self.rng
                        .pick(&["🔥", "2", "✅", "(backup)", "Official", "🦅"])
                ),
                _ => swap_lookalike(&mut self.rng, &b.display_name),
            }
        };
        let bio_roll = self.rng.below(100);
        let mut has_bio = false;
        if !b.bio.is_empty() && bio_roll < 70 {
            has_bio = true;
            m.bio = if bio_roll < 30 {
                b.bio.clone()
            } else {
                edit_text(&mut self.rng, &b.bio)
            };
        } else if self.rng.chance(50) {
            m.bio = sentence(&mut self.rng, &self.v.topic, 5, 15);
        }
        let keep_links = !hard && !b.links.is_empty() && self.rng.chance(60);
        let keep_posts = !hard && !b.posts.is_empty() && self.rng.chance(45);
        traits += usize::from(has_bio) + usize::from(keep_links) + usize::from(keep_posts);
        // At least two traits (see the module docs), when the source has them.
        let (mut keep_links, mut keep_posts) = (keep_links, keep_posts);
        while traits < 2 {
            if !has_bio && !b.bio.is_empty() {
                has_bio = true;
                m.bio = edit_text(&mut self.rng, &b.bio);
            } else if !hard && !keep_links && !b.links.is_empty() {
                keep_links = true;
            } else if !hard && !keep_posts && !b.posts.is_empty() {
                keep_posts = true;
            } else if !hard && name_counts && m.display_name != b.display_name {
                m.display_name = b.display_name.clone();
            } else {
                break;
            }
            traits += 1;
        }
        if has_bio && self.rng.chance(30) {
            m.bio
                .push_str(" backup account, old one suspended, follow and share");
        }
        if keep_links {
            for l in &b.links {
                if self.rng.chance(70) || m.links.is_empty() {
                    let scheme = if self.rng.chance(50) { "" } else { "http://" };
                    m.links.push(l.replace("https://", scheme));
                }
            }
        }
        if keep_posts {
            for p in &b.posts {
                if self.rng.chance(60) || m.posts.is_empty() {
                    let p = if self.rng.chance(30) {
                        edit_text(&mut self.rng, p)
                    } else {
                        p.clone()
                    };
                    m.posts.push(p);
                }
            }
            if self.rng.chance(50) {
                m.posts.push(sentence(&mut self.rng, &self.v.topic, 10, 25));
            }
        }
        (m, hard)
    }

    /// An unrelated account that looks like `b`.
    pub fn lookalike(&mut self, id: &str, b: &Account) -> Account {
        let mut a = self.ordinary(id);
        let parts: Vec<&str> = b
            .handle
            .split(['.', '_'])
            .filter(|s| !s.is_empty())
            .collect();
        let r = &mut self.rng;
        match r.below(5) {
            // Same first word, another second word.
            0 if parts.len() >= 2 => {
                let w = if r.chance(50) {
                    r.pick(&self.v.words)
                } else {
                    r.pick(&self.v.daily)
                };
                a.handle = format!("{}_{w}", parts[0]);
            }
            // A spelling variant of the same handle.
            1 => {
                let once = typo(r, &b.handle);
                a.handle = typo(r, &once);
            }
            // The same handle plus a word of their own.
            2 => {
                let w = r.pick(&["fan", "lover", "fanclub", "news", "world", "daily"]);
                a.handle = format!("{}_{}{}", b.handle, w, self.digits());
            }
            // Another person with the same common name.
            _ => {
                a.handle = format!(
                    "{}{}",
                    b.handle.trim_end_matches(|c: char| c.is_ascii_digit()),
                    self.digits()
                );
            }
        }
        // People share personal names; an outlet's name in Arabic script
        // is not anyone's own.
        if b.display_name.is_ascii() && self.rng.chance(60) {
            a.display_name = b.display_name.clone();
        }
        if self.rng.chance(20) && !b.bio.is_empty() {
            // Talks about similar things, in their own words.
            a.bio = sentence(&mut self.rng, &self.v.topic, 4, 10);
        }
        a
    }

    /// An ordinary account.
    pub fn ordinary(&mut self, id: &str) -> Account {
        let r = &mut self.rng;
        let f = r.pick(&self.v.first);
        let l = r.pick(&self.v.last);
        let sep = r.pick(&[".", "_", ""]);
        let handle = match r.below(4) {
            0 => format!("{f}{sep}{l}"),
            1 => format!("{f}{sep}{l}{}", self.digits()),
            2 => format!("{f}{}", self.digits()),
            _ => format!("{}{sep}{}", f, self.rng.pick(&self.v.daily)),
        };
        let r = &mut self.rng;
        let name = match r.below(5) {
            0 => format!(
                "{} {} {}",
                title(f),
                title(l),
                r.pick(&["🇵🇰", "❤️", "✨", ""])
            ),
            1 => title(f),
            _ => format!("{} {}", title(f), title(l)),
        };
        let mut a = Account::new(id).handle(handle).display_name(name);
        let r = &mut self.rng;
        a.bio = match r.below(6) {
            0 => String::new(),
            1 => format!("Student at {} university", title(r.pick(&self.v.uni))),
            2 => "Proud Pakistani 🇵🇰 | cricket lover".to_string(),
            3 => sentence(&mut self.rng, &self.v.roman, 4, 12),
            4 => sentence(&mut self.rng, &self.v.urdu, 4, 12),
            _ => sentence(&mut self.rng, &self.v.daily, 5, 15),
        };
        let r = &mut self.rng;
        if r.chance(30) {
            let kind = r.below(4);
            let code = self.code(8);
            a.links.push(match kind {
                0 => format!("https://www.instagram.com/{code}"),
                1 => format!("youtube.com/@{code}"),
                2 => format!("https://{}/", self.rng.pick(&self.v.news)),
                _ => format!("https://facebook.com/{code}"),
            });
        }
        let posts = self.rng.below(5);
        for _ in 0..posts {
            let pool = match self.rng.below(3) {
                0 => &self.v.roman,
                1 => &self.v.urdu,
                _ => &self.v.daily,
            };
            a.posts.push(sentence(&mut self.rng, pool, 6, 20));
        }
        a
    }

    /// `n` queries against `banned`: `mirrors`% mirrors, `lookalikes`%
    /// look-alikes, the rest ordinary.
    pub fn queries(
        &mut self,
        banned: &[Account],
        n: usize,
        mirrors: usize,
        lookalikes: usize,
    ) -> Vec<(Account, Kind)> {
        (0..n)
            .map(|i| {
                let id = format!("q{i}");
                let roll = self.rng.below(100);
                let of = self.rng.below(banned.len());
                if roll < mirrors {
                    let (a, hard) = self.mirror(&id, &banned[of]);
                    (a, Kind::Mirror { of, hard })
                } else if roll < mirrors + lookalikes {
                    (self.lookalike(&id, &banned[of]), Kind::LookAlike { of })
                } else {
                    (self.ordinary(&id), Kind::Ordinary)
                }
            })
            .collect()
    }
}

/// `n` banned accounts from `seed`.
pub fn banned(seed: u64, n: usize) -> Vec<Account> {
    let mut g = Gen::new(seed);
    (0..n).map(|i| g.banned(i)).collect()
}

fn sentence(r: &mut Rng, pool: &[&str], min: usize, max: usize) -> String {
    let n = min + r.below(max - min + 1);
    (0..n).map(|_| r.pick(pool)).collect::<Vec<_>>().join(" ")
}

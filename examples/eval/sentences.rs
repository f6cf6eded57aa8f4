//! Neutral sentences to plant variants in, one set per language. None of
//! them says anything about any group; each is also part of the clean
//! corpus (with an ordinary word in the slot), so a template that matched
//! on its own would show up there.

use crate::rng::Rng;
use crate::term::Script;
use std::ops::Range;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Lang {
    English,
    RomanUrdu,
    Urdu,
    Arabic,
    Pashto,
    Persian,
}

impl Lang {
    pub const ALL: [Lang; 6] = [
        Lang::English,
        Lang::RomanUrdu,
        Lang::Urdu,
        Lang::Arabic,
        Lang::Pashto,
        Lang::Persian,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Lang::English => "English",
            Lang::RomanUrdu => "Roman Urdu",
            Lang::Urdu => "Urdu",
            Lang::Arabic => "Arabic",
            Lang::Pashto => "Pashto",
            Lang::Persian => "Persian",
        }
    }

    /// Sentences with one `{}` slot; the slot is always a word of its own,
    /// never next to a one-letter word (which spaced-out letters could
    /// swallow).
    pub fn templates(self) -> &'static [&'static str] {
        match self {
            Lang::English => &[
                "I read about {} on the news yesterday evening.",
                "{} was the topic of the lecture today.",
                "My cousin asked what {} means.",
                "The word {} came up in our chat, nothing else.",
                "Can someone explain {} to me?",
                "She wrote {} on the whiteboard and left.",
                "Yesterday the teacher mentioned {} twice.",
                "Is {} spelled correctly here?",
                "We saw ({}) in the old newspaper archive.",
                "He typed \"{}\" into the search box.",
                "Note to self: look up {}, then buy milk.",
                "The caption just said {}",
            ],
            Lang::RomanUrdu => &[
                "Kal raat khabron mein {} ka zikr suna.",
                "{} ke bare mein kisi ne poocha tha.",
                "Ustad ne class mein {} likha aur chale gaye.",
                "Yaar {} ka matlab kya hota hai?",
                "Maine akhbar mein {} parha tha.",
                "Chai peete hue {} ki baat hui.",
                "Ammi ne poocha ke {} kya hai.",
                "Is post mein sirf {} likha hua hai.",
            ],
            Lang::Urdu => &[
                "کل رات خبروں میں {} کا ذکر سنا۔",
                "{} کے بارے میں کسی نے پوچھا تھا۔",
                "استاد نے کلاس میں {} لکھا اور چلے گئے۔",
                "یار {} کا مطلب کیا ہوتا ہے؟",
                "میں نے اخبار میں {} پڑھا تھا۔",
                "چائے پیتے ہوئے {} کی بات ہوئی۔",
            ],
            Lang::Arabic => &[
                "قرأت عن {} في الصحيفة أمس.",
                "{} كلمة سمعتها في النشرة المسائية.",
                "سألني صديقي عن معنى {} اليوم.",
                "كتب المعلم {} على السبورة ثم خرج.",
                "هل كلمة {} مكتوبة بشكل صحيح؟",
                "ذكر المذيع {} مرة واحدة فقط.",
            ],
            Lang::Pashto => &[
                "ما نن په خبرونو کې {} واورېد.",
                "ښوونکي په تخته {} ولیکل.",
                "زما ورور وپوښتل چې {} څه شی دی؟",
                "{} په اړه مې نن ولوستل.",
            ],
            Lang::Persian => &[
                "دیروز در روزنامه درباره {} خواندم.",
                "{} را معلم روی تخته نوشت.",
                "دوستم پرسید {} یعنی چه؟",
                "در اخبار امشب اسم {} را شنیدم.",
            ],
        }
    }

    /// An ordinary word for the slot, so the bare templates can join the
    /// clean corpus.
    pub fn filler(self) -> &'static str {
        match self {
            Lang::English => "cricket",
            Lang::RomanUrdu => "barish",
            Lang::Urdu => "کرکٹ",
            Lang::Arabic => "الطقس",
            Lang::Pashto => "باران",
            Lang::Persian => "باران",
        }
    }
}

/// The language of the sentence a term is planted in: the term's own when
/// it has one, else one that fits the script.
pub fn lang_for(entry_lang: &str, script: Script, rng: &mut Rng) -> Lang {
    let primary = entry_lang.split('-').next().unwrap_or("");
    match script {
        Script::Arabic => match primary {
            "ar" => Lang::Arabic,
            "ur" | "bal" => Lang::Urdu,
            "ps" => Lang::Pashto,
            "fa" | "prs" => Lang::Persian,
            _ => *rng.pick(&[Lang::Urdu, Lang::Arabic, Lang::Pashto, Lang::Persian]),
        },
        _ => match entry_lang {
            "en" => Lang::English,
            "ur-Latn" | "ur" | "bal-Latn" => Lang::RomanUrdu,
            _ => *rng.pick(&[Lang::English, Lang::RomanUrdu]),
        },
    }
}

/// A sentence with `text` in a template's slot, and the byte range of
/// `text` in it.
pub fn plant(template: &str, text: &str) -> (String, Range<usize>) {
    let (before, after) = template.split_once("{}").unwrap_or((template, ""));
    let sentence = format!("{before}{text}{after}");
    (sentence, before.len()..before.len() + text.len())
}

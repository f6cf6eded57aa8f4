//! A deterministic corpus of ordinary social-media text in the six
//! languages: weather, sport, prices, chat, links, numbers, handles,
//! hashtags and emoji. Nothing in it names or speaks for any group.

use crate::rng::Rng;
use crate::sentences::Lang;

/// `{slot}` names and what may fill them, per language.
type Slots = &'static [(&'static str, &'static [&'static str])];

const EN: &[&str] = &[
    "Heavy rain expected in {city} on {day}, temperatures around {n}°C.",
    "{team} beat {team2} by {n} runs in {city} tonight 🏏",
    "The State Bank kept the policy rate at {pct}% this {month}.",
    "Petrol price rises to Rs {price} per litre from {day}.",
    "Download the update ({mb} MB) from https://example.com/{path}",
    "Call us at +92 3{d}{d} {num} for delivery orders.",
    "Just paid ${usd} for a phone case 😂 never again",
    "Happy birthday @{handle}! 🎉🎂",
    "Loving the weather in {city} #{tag}",
    "Meeting moved to {time}, see you in room {n}.",
    "Inflation eased to {pct}% in {month} {year}, data showed.",
    "Traffic is terrible on {road} again, avoid it if you can.",
    "New phone has {gb} GB storage and a {mp} MP camera, price ${usd}.",
    "Flight {flight} to {city} delayed by {n} minutes ✈️",
    "Exam results will be announced on {day} at {time}.",
    "My internet is down again, {n} hours now 😡 @{handle}",
    "Recipe: {n} cups rice, {n} onions, salt to taste. #{tag}",
    "The {year} budget allocates Rs {n} billion to schools.",
    "Anyone selling a used bike in {city}? DM me.",
    "Power outage in {city} from {time} to {time2} for maintenance.",
];
const RU: &[&str] = &[
    "Aaj {city} mein barish ka imkan hai, chhatri le kar jana.",
    "Yaar kal match dekha? {team} ne kamaal kar diya! 🔥",
    "Bhai {mb} MB ki file hai, WiFi par download karna.",
    "Ammi ne biryani banayi hai, jaldi ghar aao 😋",
    "Petrol phir mehnga ho gaya, Rs {price} litre.",
    "Mera number 03{d}{d}-{num} hai, WhatsApp kar dena.",
    "{day} ko shaadi hai, sab ne aana hai 💐",
    "Doodh {n} rupay ka ho gaya, kya zamana aa gaya.",
    "Exam ki date sheet aa gayi, {day} se paper shuru.",
    "{city} ki traffic ne aaj phir pareshan kar diya.",
    "Bhai ye phone {n} hazar ka mil raha hai, le lun?",
    "Garmi bohat hai aaj, {n} degree tak ja raha hai.",
    "Kal {time} baje milte hain, chai meri taraf se ☕",
    "Internet ka package khatam, {gb} GB sirf {n} din chala.",
    "#{tag} aaj ka match zabardast tha",
];
const UR: &[&str] = &[
    "{city_ur} میں آج شام بارش کا امکان ہے۔",
    "پاکستان نے میچ {n} رنز سے جیت لیا۔",
    "پٹرول کی قیمت میں {n} روپے اضافہ کر دیا گیا۔",
    "اسٹیٹ بینک نے شرح سود {pct} فیصد برقرار رکھی۔",
    "کل صبح دفتر {n} بجے کھلے گا۔",
    "امتحانات کے نتائج {day_ur} کو جاری کیے جائیں گے۔",
    "{city_ur} میں سردی کی شدت میں اضافہ ہو گیا۔",
    "آٹے کی قیمت {n} روپے فی کلو ہو گئی۔",
    "سالگرہ مبارک ہو! 🎂 اللہ آپ کو خوش رکھے۔",
    "موبائل فون کی فروخت میں {pct} فیصد اضافہ ہوا۔",
    "ٹرین {n} گھنٹے تاخیر سے {city_ur} پہنچی۔",
    "بجلی کا بل اس مہینے {n} روپے آیا ہے۔",
];
const AR: &[&str] = &[
    "توقعات بهطول أمطار غزيرة في {city_ar} يوم {day_ar}.",
    "فاز المنتخب بنتيجة {n} مقابل {n2} في المباراة الودية.",
    "ارتفع سعر الذهب إلى {n} دولار للأونصة.",
    "يبدأ العام الدراسي الجديد في سبتمبر {year}.",
    "درجات الحرارة في {city_ar} تصل إلى {n} درجة مئوية.",
    "افتتاح معرض الكتاب في {city_ar} الأسبوع المقبل 📚",
    "عيد ميلاد سعيد يا صديقي 🎉",
    "انخفض معدل التضخم إلى {pct} بالمئة هذا الشهر.",
    "تأجيل الرحلة إلى {city_ar} بسبب الضباب.",
    "سعر الهاتف الجديد {n} ريال فقط.",
];
const PS: &[&str] = &[
    "نن په {city_ps} کې باران وورېد.",
    "د کرکټ لوبه سبا ماښام پیلېږي.",
    "د غوړیو بیه {n} افغانۍ ته ورسېده.",
    "زموږ ښوونځی سبا رخصت دی.",
    "په {city_ps} کې هوا ډېره سړه ده.",
    "د ودونو موسم پیل شوی 💐",
    "نن مې ملګري ته زنګ وواهه.",
];
const FA: &[&str] = &[
    "امروز هوای {city_fa} آفتابی است.",
    "قیمت دلار در بازار امروز {n} تومان شد.",
    "تیم ملی فوتبال دیشب {n} بر {n2} برد.",
    "جلسه فردا ساعت {n} برگزار می‌شود.",
    "کتاب‌فروشی‌های {city_fa} تا نیمه‌شب باز هستند.",
    "تولدت مبارک دوست عزیزم 🎂",
    "ترافیک امروز در {city_fa} خیلی سنگین بود.",
];

const SLOTS: Slots = &[
    (
        "city",
        &[
            "Lahore",
            "Karachi",
            "Islamabad",
            "Peshawar",
            "Quetta",
            "Multan",
            "Faisalabad",
            "Dubai",
        ],
    ),
    (
        "day",
        &["Monday", "Tuesday", "Friday", "Sunday", "the weekend"],
    ),
    (
        "month",
        &["January", "March", "June", "October", "December"],
    ),
    (
        "team",
        &[
            "Lahore Qalandars",
            "Karachi Kings",
            "Pakistan",
            "Peshawar Zalmi",
        ],
    ),
    (
        "team2",
        &["Quetta Gladiators", "Multan Sultans", "Australia", "India"],
    ),
    (
        "road",
        &[
            "Mall Road",
            "Shahrah-e-Faisal",
            "the Kashmir Highway",
            "GT Road",
        ],
    ),
    (
        "tag",
        &[
            "PSL2026", "Cricket", "Foodie", "Monsoon", "Lahore", "Travel",
        ],
    ),
    (
        "handle",
        &[
            "ali_khan92",
            "sana.writes",
            "weather_pk",
            "chai_lover",
            "TechGuru",
        ],
    ),
    (
        "path",
        &["app/v2", "files/update.zip", "news?id=42", "docs/setup"],
    ),
    ("flight", &["PK-303", "EK-612", "QR-605", "PA-210"]),
    ("time", &["9:30", "10 am", "2 pm", "5:45 pm"]),
    ("time2", &["6 pm", "8:30 pm", "noon"]),
    (
        "city_ur",
        &["لاہور", "کراچی", "اسلام آباد", "پشاور", "کوئٹہ", "ملتان"],
    ),
    ("day_ur", &["پیر", "منگل", "جمعہ", "اتوار"]),
    (
        "city_ar",
        &["القاهرة", "الرياض", "دبي", "عمّان", "بيروت", "الدوحة"],
    ),
    ("day_ar", &["الأحد", "الاثنين", "الخميس", "الجمعة"]),
    ("city_ps", &["کابل", "کندهار", "جلال اباد", "پېښور", "خوست"]),
    (
        "city_fa",
        &["تهران", "کابل", "هرات", "شیراز", "مشهد", "اصفهان"],
    ),
];

/// `lines` lines, cycling through the languages.
pub fn ordinary(lines: usize) -> Vec<(Lang, String)> {
    let mut rng = Rng::seeded(&["clean corpus"]);
    (0..lines)
        .map(|i| {
            let lang = Lang::ALL[i % Lang::ALL.len()];
            let templates = match lang {
                Lang::English => EN,
                Lang::RomanUrdu => RU,
                Lang::Urdu => UR,
                Lang::Arabic => AR,
                Lang::Pashto => PS,
                Lang::Persian => FA,
            };
            let template = *rng.pick(templates);
            (lang, fill(template, lang, &mut rng))
        })
        .collect()
}

fn fill(template: &str, lang: Lang, rng: &mut Rng) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        let name = &rest[open + 1..open + close];
        out.push_str(&value(name, lang, rng));
        rest = &rest[open + close + 1..];
    }
    out.push_str(rest);
    out
}

fn value(slot: &str, lang: Lang, rng: &mut Rng) -> String {
    match slot {
        "n" | "n2" => {
            let n = rng.range(1, 500);
            number(n, lang, rng)
        }
        "d" => rng.below(10).to_string(),
        "num" => format!("{:07}", rng.below(10_000_000)),
        "pct" => format!("{}.{}", rng.range(1, 30), rng.below(10)),
        "price" => format!("{}.{:02}", rng.range(150, 350), rng.below(100)),
        "usd" => rng.range(5, 2000).to_string(),
        "mb" => rng
            .pick(&["12", "64", "128", "256", "512", "700"])
            .to_string(),
        "gb" => rng.pick(&["8", "16", "64", "128", "256"]).to_string(),
        "mp" => rng.pick(&["12", "48", "50", "108"]).to_string(),
        "year" => {
            let y = rng.range(2019, 2027);
            number(y, lang, rng)
        }
        _ => SLOTS
            .iter()
            .find(|s| s.0 == slot)
            .map(|s| rng.pick(s.1).to_string())
            .unwrap_or_default(),
    }
}

/// Arabic and Persian text often writes its own digits.
fn number(n: usize, lang: Lang, rng: &mut Rng) -> String {
    let s = n.to_string();
    let zero = match lang {
        Lang::Arabic if rng.coin() => 0x660,
        Lang::Persian if rng.coin() => 0x6F0,
        _ => return s,
    };
    s.chars()
        .map(|c| char::from_u32(zero + (c as u32 - '0' as u32)).unwrap_or(c))
        .collect()
}

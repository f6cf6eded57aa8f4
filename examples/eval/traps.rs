//! Scunthorpe traps: ordinary text that contains, resembles or even spells
//! a lexicon term, in every language. All of it is clean: a group-evidence
//! match here is a false match.
//!
//! Chosen with care: each line is how the word is used every day (a
//! police rank, a film, a surah, a football club, a primer, a province),
//! never a mention of the group. Words that are themselves a group's
//! name used as a name (`Taliban`, `Daesh`) are not here.

use crate::sentences::Lang;

/// (language, text, what it resembles).
pub const TRAPS: &[(Lang, &str, &str)] = &[
    // English: acronyms that are words, and words that contain acronyms.
    (
        Lang::English,
        "The crisis on the basis of the oasis report was discussed.",
        "isis",
    ),
    (
        Lang::English,
        "Isis is the Egyptian goddess of healing; Isis Valverde is an actress.",
        "isis (a name)",
    ),
    (
        Lang::English,
        "We rowed on the River Isis in Oxford.",
        "isis (a river)",
    ),
    (
        Lang::English,
        "Diagnosis and analysis of the thesis took weeks.",
        "isis",
    ),
    (
        Lang::English,
        "Open http://example.com or https://example.org/ttp for details.",
        "ttp",
    ),
    (Lang::English, "Use HTTP/2 and HTTPS everywhere.", "ttp"),
    (Lang::English, "bla bla bla, the meeting was boring", "bla"),
    (Lang::English, "Bla, I forgot my keys again.", "bla"),
    (
        Lang::English,
        "Blah blah, the blaze and the blast were on the same street.",
        "bla",
    ),
    (
        Lang::English,
        "The Blackburn blanket sale ends on Friday.",
        "bla",
    ),
    (Lang::English, "Let it be, said the song.", "let"),
    (
        Lang::English,
        "Let me know when you arrive, and let's eat.",
        "let",
    ),
    (Lang::English, "LET'S GO team, great match today!", "let"),
    (Lang::English, "Finally done with exams, LET'S GO!!!", "let"),
    (
        Lang::English,
        "Jem Finch is the narrator's brother in the novel.",
        "jem",
    ),
    (
        Lang::English,
        "That ring has a lovely jem, my niece spelled it.",
        "jem",
    ),
    (
        Lang::English,
        "My phone has 512 MB of RAM left and the file is 8 MB.",
        "mb (majeed brigade)",
    ),
    (
        Lang::English,
        "She finished her MBBS and now wants an MBA.",
        "mb",
    ),
    (
        Lang::English,
        "Kung-Fu classes start Monday; assessment in March.",
        "misc",
    ),
    (Lang::English, "This IS the best biryani in town.", "is"),
    (
        Lang::English,
        "Quick TIP: back up your photos before updating.",
        "tip",
    ),
    (
        Lang::English,
        "Lahore AQI crossed 400 today, wear a mask.",
        "aqi",
    ),
    (Lang::English, "Dr AQ Khan was a nuclear scientist.", "aq"),
    (
        Lang::English,
        "SSP Operations Karachi said traffic will be diverted for the marathon.",
        "ssp (police rank)",
    ),
    (
        Lang::English,
        "The beach hut near Pizza Hut is for rent.",
        "hut",
    ),
    (
        Lang::English,
        "We met at the base of the mountain; the base price is $100.",
        "the base",
    ),
    (
        Lang::English,
        "The fire brigade arrived in ten minutes.",
        "brigade",
    ),
    (
        Lang::English,
        "Abdul Majeed runs the bakery near the station.",
        "majeed",
    ),
    (
        Lang::English,
        "China's People's Liberation Army held a parade.",
        "liberation army",
    ),
    (
        Lang::English,
        "Balochistan Assembly passed the education budget.",
        "balochistan",
    ),
    (
        Lang::English,
        "Baloch Culture Day was celebrated with music in Quetta.",
        "baloch",
    ),
    (
        Lang::English,
        "The Islamic Republic of Pakistan observes Independence Day on 14 August.",
        "islamic",
    ),
    (
        Lang::English,
        "International Islamic University Islamabad announced admissions.",
        "islamic",
    ),
    (
        Lang::English,
        "The State Bank of Pakistan issued a new banknote.",
        "state",
    ),
    (
        Lang::English,
        "The Ottoman Caliphate was abolished in 1924.",
        "caliphate",
    ),
    (
        Lang::English,
        "The Crusaders beat the Chiefs in Super Rugby.",
        "crusaders",
    ),
    (
        Lang::English,
        "I flew Emirates to Abu Dhabi, then visited the Burj Khalifa.",
        "emirate / khalifa / abu",
    ),
    (
        Lang::English,
        "Husain Haqqani wrote a book about diplomacy.",
        "haqqani (a surname)",
    ),
    (
        Lang::English,
        "Ansar Burney spoke about prisoners' rights.",
        "ansar",
    ),
    (
        Lang::English,
        "Cairo's Tahrir Square was crowded on Friday.",
        "tahrir",
    ),
    (
        Lang::English,
        "The Hindustan Times reported the monsoon forecast.",
        "hindustan",
    ),
    (Lang::English, "Umar Akmal scored a quick fifty.", "umar"),
    (
        Lang::English,
        "The Federal Shariat Court heard the appeal today.",
        "shariat",
    ),
    (Lang::English, "Pakistan Army won the polo final.", "army"),
    (
        Lang::English,
        "Jihad Ahmed won the chess tournament.",
        "jihad (a name)",
    ),
    (
        Lang::English,
        "Mujahid Ali opened a new clinic in Multan.",
        "mujahid (a name)",
    ),
    (
        Lang::English,
        "Shaheed Benazir Bhutto University opened a new campus.",
        "shaheed",
    ),
    (
        Lang::English,
        "Furqan Ahmed is our new class monitor.",
        "furqan (a name)",
    ),
    (
        Lang::English,
        "The Khilafat Movement of 1919 is in the history syllabus.",
        "khilafat",
    ),
    (
        Lang::English,
        "Azad Kashmir received heavy snowfall.",
        "azad",
    ),
    (
        Lang::English,
        "Our next stop is Khorasan, famous for saffron.",
        "is khorasan",
    ),
    // Roman Urdu.
    (Lang::RomanUrdu, "Kya hua? Sab khairiyat hai na?", "hua"),
    (Lang::RomanUrdu, "Hua yeh ke bus late ho gayi.", "hua"),
    (
        Lang::RomanUrdu,
        "Jua khelna buri baat hai, jua chhor do.",
        "jua (gambling)",
    ),
    (
        Lang::RomanUrdu,
        "bla bla mat karo, kaam ki baat karo",
        "bla",
    ),
    (Lang::RomanUrdu, "Let ho gaye yaar, jaldi aao.", "let"),
    (
        Lang::RomanUrdu,
        "Bachon ko Noorani Qaida parhaya jata hai.",
        "qaida (primer)",
    ),
    (
        Lang::RomanUrdu,
        "Qaida qanoon sab ke liye barabar hona chahiye.",
        "qaida (rule)",
    ),
    (
        Lang::RomanUrdu,
        "Ye bachcha bara fitna hai, sab ko tang karta hai.",
        "fitna",
    ),
    (
        Lang::RomanUrdu,
        "Police ka sipahi chowk par khara tha.",
        "sipah",
    ),
    (
        Lang::RomanUrdu,
        "Sahaba karam ki zindagi par lecture tha.",
        "sahaba",
    ),
    (Lang::RomanUrdu, "Khan sahab ne chai pilayi.", "sahab"),
    (
        Lang::RomanUrdu,
        "Millat Express aaj do ghante late hai.",
        "millat",
    ),
    (
        Lang::RomanUrdu,
        "Mera bhai wilayat gaya hai parhne.",
        "wilayat (abroad)",
    ),
    (
        Lang::RomanUrdu,
        "Mera beta teesri jamaat mein hai.",
        "jamaat (school class)",
    ),
    (Lang::RomanUrdu, "Jamaat-e-Islami ne jalsa kiya.", "jamaat"),
    (
        Lang::RomanUrdu,
        "Pakistan Tehreek-e-Insaf ka jalsa kal hai.",
        "tehreek",
    ),
    (
        Lang::RomanUrdu,
        "Dawa time par le lena, doctor ne kaha.",
        "dawa (medicine)",
    ),
    (
        Lang::RomanUrdu,
        "Awam ki falah o behbood hamari zimmedari hai.",
        "falah",
    ),
    (
        Lang::RomanUrdu,
        "Insaniyat sab se bara mazhab hai.",
        "insaniat",
    ),
    (
        Lang::RomanUrdu,
        "Youm-e-Shuhada par shaheed policemen ko yaad kiya gaya.",
        "shaheed / shuhada",
    ),
    (
        Lang::RomanUrdu,
        "Polio ke khilaf jihad mein sab hissa lein.",
        "jihad (ordinary sense)",
    ),
    (
        Lang::RomanUrdu,
        "Hum watan ke fidai hain.",
        "fidai (devotee)",
    ),
    (
        Lang::RomanUrdu,
        "Aman lashkar ke buzurgon ne jirga bulaya.",
        "lashkar (tribal force)",
    ),
    (
        Lang::RomanUrdu,
        "Yalghaar film dobara dekhi, acting zabardast thi.",
        "yalghar",
    ),
    (Lang::RomanUrdu, "Ghazwa-e-Badr ki tareekh parhi.", "ghazwa"),
    (
        Lang::RomanUrdu,
        "Hayatabad mein naya park khula hai.",
        "hayat",
    ),
    (
        Lang::RomanUrdu,
        "Ghazi Barotha dam se bijli banti hai.",
        "ghazi",
    ),
    (
        Lang::RomanUrdu,
        "Hazrat Abu Bakr Siddiq ki seerat par taqreer hui.",
        "abu bakr",
    ),
    (
        Lang::RomanUrdu,
        "Mashin harkat mein aa gayi aur kaam shuru ho gaya.",
        "harkat",
    ),
    (Lang::RomanUrdu, "Qanoon ka nifaz zaroori hai.", "nifaz"),
    (Lang::RomanUrdu, "Jhang ki lassi mashhoor hai.", "jhang"),
    (
        Lang::RomanUrdu,
        "Ahl-e-Hadith masjid mein Juma ki namaz hui.",
        "ahl-e-hadith",
    ),
    (Lang::RomanUrdu, "Bhai 512 MB ka data bacha hai bas.", "mb"),
    (
        Lang::RomanUrdu,
        "#PakistanZindabad aaj Youm-e-Azadi hai 🇵🇰",
        "zindabad (a cue)",
    ),
    // Urdu.
    (Lang::Urdu, "قبائلی لشکر نے امن جرگہ بلایا۔", "لشکر (army)"),
    (Lang::Urdu, "یہ بچہ بڑا فتنہ ہے۔", "فتنہ"),
    (
        Lang::Urdu,
        "ہندوستان اور پاکستان کا میچ اتوار کو ہو گا۔",
        "ہندوستان",
    ),
    (
        Lang::Urdu,
        "بچوں کو نورانی قاعدہ پڑھایا جاتا ہے۔",
        "قاعدہ (primer)",
    ),
    (
        Lang::Urdu,
        "ملت اسلامیہ کا اتحاد وقت کی ضرورت ہے۔",
        "ملت اسلامیہ (the ummah)",
    ),
    (Lang::Urdu, "پولیس کا سپاہی ڈیوٹی پر تھا۔", "سپاہ"),
    (Lang::Urdu, "صحابہ کرام کی سیرت پر لیکچر ہوا۔", "صحابہ"),
    (
        Lang::Urdu,
        "تحریک خلافت انیس سو انیس میں شروع ہوئی۔",
        "خلافت (history)",
    ),
    (Lang::Urdu, "پاکستان تحریک انصاف نے جلسہ کیا۔", "تحریک"),
    (
        Lang::Urdu,
        "جماعت اسلامی کے امیر نے پریس کانفرنس کی۔",
        "جماعت / امیر",
    ),
    (
        Lang::Urdu,
        "میرا بیٹا تیسری جماعت میں ہے۔",
        "جماعت (school class)",
    ),
    (Lang::Urdu, "دوا وقت پر لینا مت بھولنا۔", "دوا"),
    (
        Lang::Urdu,
        "یوم شہداء پر شہید پولیس اہلکاروں کو خراج عقیدت پیش کیا گیا۔",
        "شہید",
    ),
    (Lang::Urdu, "میرا بھائی ولایت گیا ہے۔", "ولایت (abroad)"),
    (Lang::Urdu, "عبدالمجید صاحب کی دکان بند ہے۔", "مجید"),
    (
        Lang::Urdu,
        "فائر بریگیڈ کی گاڑیاں فوراً پہنچ گئیں۔",
        "بریگیڈ",
    ),
    (
        Lang::Urdu,
        "بلوچستان اسمبلی نے بجٹ منظور کر لیا۔",
        "بلوچستان",
    ),
    (Lang::Urdu, "آزاد کشمیر میں برفباری ہوئی۔", "آزاد"),
    (
        Lang::Urdu,
        "اسلامی جمہوریہ پاکستان کا یوم آزادی چودہ اگست ہے۔",
        "اسلامی",
    ),
    (Lang::Urdu, "حیات آباد میں نیا پارک کھلا ہے۔", "حیات"),
    (Lang::Urdu, "یلغار فلم دوبارہ دیکھی۔", "یلغار"),
    (Lang::Urdu, "قانون کا نفاذ سب پر برابر ہونا چاہیے۔", "نفاذ"),
    (Lang::Urdu, "جھنگ کی لسی مشہور ہے۔", "جھنگ"),
    (Lang::Urdu, "کیا ہوا؟ سب خیریت ہے؟", "ہوا"),
    // Arabic.
    (Lang::Arabic, "قائد الجيش المصري زار المعرض.", "جيش (army)"),
    (
        Lang::Arabic,
        "رئيس الدولة افتتح المستشفى الجديد.",
        "الدولة (the state)",
    ),
    (Lang::Arabic, "ميزانية الدولة لهذا العام كبيرة.", "الدولة"),
    (
        Lang::Arabic,
        "هبطت الطائرة في القاعدة الجوية.",
        "القاعدة (air base)",
    ),
    (
        Lang::Arabic,
        "القاعدة الذهبية: عامل الناس كما تحب أن يعاملوك.",
        "القاعدة (rule)",
    ),
    (
        Lang::Arabic,
        "حفظنا البيانات في قاعدة البيانات.",
        "قاعدة (database)",
    ),
    (
        Lang::Arabic,
        "تعيش الأسماك في أعماق البحر.",
        "أعماق (depths)",
    ),
    (
        Lang::Arabic,
        "قرأت سورة النبأ وسورة الفرقان.",
        "النبأ / الفرقان (surahs)",
    ),
    (Lang::Arabic, "الحياة جميلة مع الأصدقاء.", "الحياة (life)"),
    (
        Lang::Arabic,
        "غطت السحاب السماء قبل المطر.",
        "السحاب (clouds)",
    ),
    (
        Lang::Arabic,
        "وزارة الشباب والرياضة نظمت ماراثون.",
        "الشباب (youth)",
    ),
    (
        Lang::Arabic,
        "فاز حزب العمال في الانتخابات البريطانية.",
        "حزب (party)",
    ),
    (
        Lang::Arabic,
        "تجمع الناس في ميدان التحرير.",
        "التحرير (liberation)",
    ),
    (Lang::Arabic, "الأيام الباقية من الشهر قليلة.", "باقية"),
    (
        Lang::Arabic,
        "زرت ولاية كاليفورنيا الصيف الماضي.",
        "ولاية (US state)",
    ),
    (Lang::Arabic, "الأمير افتتح المهرجان الثقافي.", "أمير"),
    (
        Lang::Arabic,
        "فاز نادي الأنصار على نادي النجمة.",
        "الأنصار (football club)",
    ),
    (
        Lang::Arabic,
        "درسنا تاريخ الخلافة العثمانية.",
        "الخلافة (history)",
    ),
    (
        Lang::Arabic,
        "يدرس عقيدة أهل السنة والجماعة في كلية الشريعة.",
        "أهل السنة والجماعة (Sunni creed)",
    ),
    // Pashto.
    (
        Lang::Pashto,
        "د ننګرهار ولایت والي له خلکو سره وکتل.",
        "ولایت (province)",
    ),
    (Lang::Pashto, "د کندهار ولایت کې باران وشو.", "ولایت"),
    (Lang::Pashto, "ملي لښکر د فوټبال لوبه وګټله.", "لښکر"),
    (Lang::Pashto, "زموږ ملت سوله غواړي.", "ملت"),
    // Persian.
    (
        Lang::Persian,
        "امروز در ولایت هرات برف بارید.",
        "ولایت (province)",
    ),
    (
        Lang::Persian,
        "مشهد مرکز استان خراسان رضوی است.",
        "خراسان (Iranian province)",
    ),
    (
        Lang::Persian,
        "دولت بودجه سال آینده را تصویب کرد.",
        "دولت (government)",
    ),
    (Lang::Persian, "دانشگاه امیرکبیر در تهران است.", "امیر"),
    (Lang::Persian, "حزب سبز در انتخابات شرکت کرد.", "حزب"),
];

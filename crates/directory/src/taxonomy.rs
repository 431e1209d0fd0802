//! Bussola's small taxonomy of services: each category code with its name and the everyday words
//! for it in every language the app speaks.
//!
//! These words are indexed beside the services so that a search in any language reaches the
//! right category even when the feed itself is only in Italian: "permit", "permis", "إقامة" and
//! "дозвіл" all find the Questura. The names shown in the UI come from the Fluent files; the words
//! here are what people type, so they include synonyms the UI never shows.

/// The locales the app is translated into, Italian first (the reference).
pub const LOCALES: [&str; 11] = [
    "it", "en", "fr", "ar", "uk", "ro", "sq", "es", "zh", "bn", "ur",
];

/// One category of the taxonomy.
#[derive(Debug)]
pub struct Category {
    pub code: &'static str,
    /// Search words per locale, in the order of [`LOCALES`]: the category's name first, then
    /// the synonyms people use.
    pub words: [&'static str; 11],
}

/// Every category code a feed may use (DESIGN.md, "The feed"). Unknown codes show as "other".
pub const CATEGORIES: &[Category] = &[
    Category {
        code: "permits",
        words: [
            "permesso di soggiorno questura prefettura carta di soggiorno rinnovo cittadinanza visto",
            "residence permit questura prefecture immigration office renewal citizenship visa",
            "permis de séjour titre de séjour préfecture renouvellement citoyenneté visa",
            "تصريح الإقامة إقامة الإقامة تجديد الجنسية تأشيرة الشرطة",
            "дозвіл на проживання посвідка квестура префектура громадянство віза",
            "permis de ședere rezidență chestură prefectură cetățenie viză",
            "leje qëndrimi leja kuestura prefektura shtetësia vizë",
            "permiso de residencia residencia questura prefectura ciudadanía visado",
            "居留许可 居留证 警察局 移民局 续签 国籍 签证",
            "বসবাসের অনুমতি পারমিট রেসিডেন্স কুয়েস্তুরা নাগরিকত্ব ভিসা",
            "رہائشی اجازت نامہ پرمٹ اقامہ کویستورا شہریت ویزا",
        ],
    },
    Category {
        code: "access-point",
        words: [
            "sportello immigrazione punto unico di accesso pua servizi sociali informazioni urp",
            "help desk immigration desk single access point social services information",
            "guichet immigration point d'accès unique services sociaux information accueil",
            "مكتب الهجرة نقطة الوصول الخدمات الاجتماعية معلومات مساعدة",
            "віконце імміграції єдиний пункт доступу соціальні служби інформація допомога",
            "ghișeu imigrație punct unic de acces servicii sociale informații",
            "sportel imigracioni pikë e vetme aksesi shërbime sociale informacion",
            "ventanilla inmigración punto único de acceso servicios sociales información",
            "移民服务窗口 单一接入点 社会服务 咨询 信息",
            "অভিবাসন ডেস্ক তথ্য সামাজিক সেবা সাহায্য",
            "امیگریشن ڈیسک معلومات سماجی خدمات مدد",
        ],
    },
    Category {
        code: "mediation",
        words: [
            "mediazione culturale mediatore linguistico interprete traduzione",
            "cultural mediation mediator interpreter translation language help",
            "médiation culturelle médiateur interprète traduction",
            "وساطة ثقافية وسيط مترجم ترجمة",
            "культурне посередництво медіатор перекладач переклад",
            "mediere culturală mediator interpret traducere",
            "ndërmjetësim kulturor ndërmjetës përkthyes përkthim",
            "mediación cultural mediador intérprete traducción",
            "文化调解 调解员 翻译 口译",
            "সাংস্কৃতিক মধ্যস্থতা দোভাষী অনুবাদ",
            "ثقافتی ثالثی مترجم ترجمہ",
        ],
    },
    Category {
        code: "legal",
        words: [
            "consulenza legale avvocato asilo protezione internazionale diritti discriminazione",
            "legal advice lawyer asylum international protection rights discrimination",
            "conseil juridique avocat asile protection internationale droits discrimination",
            "استشارة قانونية محامي لجوء حماية دولية حقوق تمييز",
            "юридична консультація адвокат притулок міжнародний захист права дискримінація",
            "consiliere juridică avocat azil protecție internațională drepturi discriminare",
            "këshillim ligjor avokat azil mbrojtje ndërkombëtare të drejta diskriminim",
            "asesoría legal abogado asilo protección internacional derechos discriminación",
            "法律咨询 律师 庇护 国际保护 权利 歧视",
            "আইনি পরামর্শ উকিল আশ্রয় আন্তর্জাতিক সুরক্ষা অধিকার বৈষম্য",
            "قانونی مشورہ وکیل پناہ بین الاقوامی تحفظ حقوق امتیاز",
        ],
    },
    Category {
        code: "language",
        words: [
            "corso di italiano scuola di lingua cpia lezioni italiano l2",
            "italian course language school italian lessons learn italian",
            "cours d'italien école de langue leçons apprendre l'italien",
            "دورة اللغة الإيطالية مدرسة لغة دروس تعلم الإيطالية",
            "курс італійської мовна школа уроки вивчити італійську",
            "curs de italiană școală de limbă lecții învățare italiană",
            "kurs italishteje shkollë gjuhe mësime mësoj italisht",
            "curso de italiano escuela de idiomas clases aprender italiano",
            "意大利语课程 语言学校 学习意大利语",
            "ইতালীয় ভাষা কোর্স ভাষা স্কুল ইতালীয় শেখা",
            "اطالوی زبان کورس زبان اسکول اطالوی سیکھنا",
        ],
    },
    Category {
        code: "health",
        words: [
            "salute medico ambulatorio ospedale sanità tessera sanitaria stp vaccini",
            "health doctor clinic hospital healthcare health card medical",
            "santé médecin clinique hôpital soins carte sanitaire",
            "صحة طبيب عيادة مستشفى رعاية صحية بطاقة صحية",
            "здоров'я лікар поліклініка лікарня медична допомога медична картка",
            "sănătate medic clinică spital asistență medicală card de sănătate",
            "shëndet mjek klinikë spital kujdes shëndetësor kartë shëndetësore",
            "salud médico clínica hospital sanidad tarjeta sanitaria",
            "健康 医生 诊所 医院 医疗 医保卡",
            "স্বাস্থ্য ডাক্তার ক্লিনিক হাসপাতাল চিকিৎসা স্বাস্থ্য কার্ড",
            "صحت ڈاکٹر کلینک ہسپتال طبی ہیلتھ کارڈ",
        ],
    },
    Category {
        code: "family",
        words: [
            "consultorio famiglia centro per le famiglie gravidanza bambini genitori donne",
            "family centre family planning pregnancy children parents women",
            "centre familial planning familial grossesse enfants parents femmes",
            "مركز الأسرة عائلة حمل أطفال آباء نساء",
            "сімейний центр консультація вагітність діти батьки жінки",
            "centru pentru familie planificare familială sarcină copii părinți femei",
            "qendër familjare familje shtatzëni fëmijë prindër gra",
            "centro familiar planificación familiar embarazo niños padres mujeres",
            "家庭中心 计划生育 怀孕 儿童 父母 妇女",
            "পরিবার কেন্দ্র গর্ভাবস্থা শিশু বাবা মা নারী",
            "خاندانی مرکز حمل بچے والدین خواتین",
        ],
    },
    Category {
        code: "work",
        words: [
            "lavoro centro per l'impiego formazione professionale curriculum tirocinio",
            "work job centre employment training job search cv",
            "travail emploi centre pour l'emploi formation professionnelle cv",
            "عمل وظيفة مركز التوظيف تدريب مهني سيرة ذاتية",
            "робота центр зайнятості працевлаштування професійне навчання резюме",
            "muncă loc de muncă centru de ocupare formare profesională cv",
            "punë qendër punësimi formim profesional cv",
            "trabajo empleo centro de empleo formación profesional currículum",
            "工作 就业中心 职业培训 求职 简历",
            "কাজ চাকরি কর্মসংস্থান কেন্দ্র প্রশিক্ষণ",
            "کام ملازمت روزگار مرکز تربیت",
        ],
    },
    Category {
        code: "housing",
        words: [
            "casa alloggio abitazione affitto residenza",
            "housing home accommodation rent",
            "logement maison hébergement loyer",
            "سكن منزل إسكان إيجار",
            "житло будинок помешкання оренда",
            "locuință casă cazare chirie",
            "strehim shtëpi banesë qira",
            "vivienda casa alojamiento alquiler",
            "住房 住所 租房",
            "বাসস্থান বাড়ি আবাসন ভাড়া",
            "رہائش گھر مکان کرایہ",
        ],
    },
    Category {
        code: "food-shelter",
        words: [
            "mensa cibo pasti dormitorio accoglienza notturna docce vestiti caritas",
            "food meals canteen shelter night shelter showers clothes soup kitchen",
            "cantine repas nourriture hébergement d'urgence douches vêtements",
            "طعام وجبات مطعم خيري مأوى مبيت استحمام ملابس",
            "їдальня їжа харчування притулок нічліг душ одяг",
            "cantină mâncare mese adăpost dușuri haine",
            "mensë ushqim vakte strehë dushe rroba",
            "comedor comida alimentos albergue duchas ropa",
            "食堂 食物 饭 收容所 庇护所 淋浴 衣服",
            "খাবার ক্যান্টিন আশ্রয় গোসল কাপড়",
            "کھانا لنگر پناہ گاہ غسل کپڑے",
        ],
    },
    Category {
        code: "education",
        words: [
            "scuola istruzione università iscrizione riconoscimento titoli di studio",
            "education school university enrolment recognition of qualifications",
            "éducation école université inscription reconnaissance des diplômes",
            "تعليم مدرسة جامعة تسجيل معادلة الشهادات",
            "освіта школа університет зарахування визнання дипломів",
            "educație școală universitate înscriere recunoașterea diplomelor",
            "arsim shkollë universitet regjistrim njohja e diplomave",
            "educación escuela universidad matrícula homologación de títulos",
            "教育 学校 大学 入学 学历认证",
            "শিক্ষা স্কুল বিশ্ববিদ্যালয় ভর্তি সনদের স্বীকৃতি",
            "تعلیم اسکول یونیورسٹی داخلہ اسناد کی تصدیق",
        ],
    },
    Category {
        code: "community",
        words: [
            "associazione comunità volontariato associazioni di migranti",
            "community association volunteering migrant associations",
            "association communauté bénévolat associations de migrants",
            "جمعية مجتمع تطوع جمعيات المهاجرين",
            "асоціація громада волонтерство асоціації мігрантів",
            "asociație comunitate voluntariat asociații de migranți",
            "shoqatë komunitet vullnetarizëm shoqata emigrantësh",
            "asociación comunidad voluntariado asociaciones de migrantes",
            "社区 协会 志愿者 移民协会",
            "সমিতি সম্প্রদায় স্বেচ্ছাসেবা অভিবাসী সমিতি",
            "انجمن کمیونٹی رضاکاری تارکین وطن انجمنیں",
        ],
    },
    Category {
        code: "helpline",
        // Not "free" (gratuito, مجاني…): it says what a service costs, not what it is, and
        // would bring every helpline to "free food".
        words: [
            "numero verde telefono linea di aiuto",
            "helpline phone line hotline number call",
            "numéro vert ligne d'écoute téléphone",
            "خط المساعدة هاتف رقم اتصال",
            "гаряча лінія телефон довіри номер",
            "linie de ajutor telefon număr",
            "linjë ndihme telefon numër",
            "línea de ayuda teléfono número",
            "求助热线 电话 免费电话",
            "হেল্পলাইন ফোন নম্বর",
            "ہیلپ لائن فون نمبر",
        ],
    },
    Category {
        code: "emergency",
        words: [
            "emergenza violenza pericolo 112 pronto soccorso antiviolenza",
            "emergency violence danger 112 urgent help",
            "urgence violence danger 112 aide urgente",
            "طوارئ عنف خطر 112 مساعدة عاجلة",
            "надзвичайна ситуація насильство небезпека 112 терміново",
            "urgență violență pericol 112 ajutor urgent",
            "urgjencë dhunë rrezik 112 ndihmë urgjente",
            "emergencia violencia peligro 112 ayuda urgente",
            "紧急 暴力 危险 112 急救",
            "জরুরি সহিংসতা বিপদ ১১২ জরুরি সাহায্য",
            "ایمرجنسی تشدد خطرہ 112 فوری مدد",
        ],
    },
    Category {
        code: "town-hall",
        words: [
            "comune municipio anagrafe residenza",
            "town hall municipality council registry",
            "mairie commune municipalité",
            "بلدية البلدية كومونة",
            "муніципалітет мерія комуна прописка",
            "primărie primăria comună",
            "bashkia bashki komuna",
            "ayuntamiento municipio empadronamiento padrón",
            "市政厅 市政府 户籍登记",
            "পৌরসভা কমুনে মিউনিসিপ্যালিটি",
            "بلدیہ میونسپلٹی کمونے ٹاؤن ہال",
        ],
    },
];

/// The category with this code, if the app knows it.
pub fn category(code: &str) -> Option<&'static Category> {
    CATEGORIES.iter().find(|c| c.code == code)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_and_every_locale_has_words() {
        for (i, c) in CATEGORIES.iter().enumerate() {
            assert!(
                CATEGORIES[i + 1..].iter().all(|d| d.code != c.code),
                "{}",
                c.code
            );
            for (locale, words) in LOCALES.iter().zip(c.words) {
                assert!(
                    !words.trim().is_empty(),
                    "{} has no words in {locale}",
                    c.code
                );
            }
        }
        assert_eq!(CATEGORIES.len(), 15);
    }
}

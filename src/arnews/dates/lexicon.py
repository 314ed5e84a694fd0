"""Words that make up Arabic temporal expressions, as data.

Everything here is written in ordinary Arabic spelling (hamzas, ة, ى, even diacritics):
`arnews.dates.patterns` normalises each entry with the function the pipeline applies to
article text, so a linguist can add a spelling or a month name without knowing the
normalisation rules or touching a regular expression. Multi-word entries match any run
of whitespace between their words (month names also match with none: ذوالحجة).
"""
from __future__ import annotations

# --- Gregorian month names, one series per naming tradition -------------------------
# month number -> spellings. A series may repeat a name another series has; that is fine.
GREGORIAN_MONTHS: dict[str, dict[int, list[str]]] = {
    # Levantine / Iraqi (Syriac names): Syria, Lebanon, Jordan, Palestine, Iraq.
    # The ordinal in كانون/تشرين is sometimes written without the article.
    "levantine": {
        1: ["كانون الثاني", "كانون ثاني"],
        2: ["شباط"],
        3: ["آذار"],
        4: ["نيسان"],
        5: ["أيار"],
        6: ["حزيران"],
        7: ["تموز"],
        8: ["آب"],
        9: ["أيلول"],
        10: ["تشرين الأول", "تشرين أول"],
        11: ["تشرين الثاني", "تشرين ثاني"],
        12: ["كانون الأول", "كانون أول"],
    },
    # Egyptian / Gulf (transliterated European names), with the -ه variants of Egypt
    # and a few frequent typos (سبتمر, نوفمير, ...).
    "egyptian_gulf": {
        1: ["يناير"],
        2: ["فبراير", "فبرير"],
        3: ["مارس"],
        4: ["أبريل", "إبريل", "ابريل"],
        5: ["مايو"],
        6: ["يونيو", "يونيه"],
        7: ["يوليو", "يوليه"],
        8: ["أغسطس", "اغسطس", "أغسطوس"],
        9: ["سبتمبر", "سبتمر", "سيبتمبر"],
        10: ["أكتوبر", "اكتوبر", "أوكتوبر"],
        11: ["نوفمبر", "نوفمير", "نوفمر"],
        12: ["ديسمبر", "ديسيمبر"],
    },
    # Maghrebi (French-derived): Algeria, Tunisia, Libya in part.
    "maghrebi": {
        1: ["جانفي"],
        2: ["فيفري"],
        3: ["مارس"],
        4: ["أفريل"],
        5: ["ماي"],
        6: ["جوان"],
        7: ["جويلية", "جويليه"],
        8: ["أوت"],
        9: ["سبتمبر"],
        10: ["أكتوبر"],
        11: ["نوفمبر"],
        12: ["ديسمبر"],
    },
    # Moroccan variants (Spanish/French-derived) that the other series lack.
    "moroccan": {
        7: ["يوليوز"],
        8: ["غشت"],
        9: ["شتنبر"],
        11: ["نونبر"],
        12: ["دجنبر"],
    },
}

# Month names that are also common words or names (آب = أب "father" after normalisation,
# مارس "he practised", يوليه "he gives it", نيسان the car maker, أوت "out"): alone they are
# a date only with a cue (a day, a year, شهر, الماضي/المقبل, مطلع/نهاية, the doubled form
# آب/أغسطس, or one of MONTH_PREPOSITIONS just before: في مارس).
AMBIGUOUS_MONTHS: list[str] = ["آب", "مارس", "ماي", "جوان", "غشت", "يوليه", "نيسان", "أوت"]
MONTH_PREPOSITIONS: list[str] = ["في", "منذ", "حتى", "خلال", "قبل", "بعد", "بين"]

# --- Hijri (lunar) months -----------------------------------------------------------
# ذو/ذي: nominative and genitive (في ذي الحجة). The Hijri months are only taken as a
# date with a day, a year, هـ, شهر or an adjective, since several are personal names.
HIJRI_MONTHS: dict[int, list[str]] = {
    1: ["محرم", "المحرم"],
    2: ["صفر"],
    3: ["ربيع الأول", "ربيع أول"],
    4: ["ربيع الثاني", "ربيع الآخر", "ربيع ثاني", "ربيع آخر"],
    5: ["جمادى الأولى", "جمادى الأول", "جمادى أولى"],
    6: ["جمادى الآخرة", "جمادى الثانية", "جمادى الآخر", "جمادى ثانية"],
    7: ["رجب"],
    8: ["شعبان"],
    9: ["رمضان"],
    10: ["شوال"],
    11: ["ذو القعدة", "ذي القعدة", "ذو العقدة", "ذي العقدة"],   # العقدة: frequent typo
    12: ["ذو الحجة", "ذي الحجة"],
}
# Also "zero": only a date when a year follows.
HIJRI_NEED_YEAR: list[str] = ["صفر"]
# Epithets that follow a Hijri month name (شهر رمضان المبارك) and do not move it.
HIJRI_EPITHETS: list[str] = ["المبارك", "الفضيل", "الكريم", "المعظم", "الحرام"]

# --- Days of the week (Python weekday numbers: Monday = 0) ---------------------------
WEEKDAYS: dict[str, int] = {
    "الإثنين": 0, "الاثنين": 0,
    "الثلاثاء": 1, "الثلاثا": 1,
    "الأربعاء": 2, "الاربعا": 2,
    "الخميس": 3,
    "الجمعة": 4,
    "السبت": 5,
    "الأحد": 6,
}

# --- Ordinal days (الرابع من أغسطس) ---------------------------------------------------
_UNITS = ["الأول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع", "الثامن",
          "التاسع"]
ORDINAL_DAYS: dict[str, int] = {w: i + 1 for i, w in enumerate(_UNITS)}
ORDINAL_DAYS.update({"العاشر": 10, "الحادي عشر": 11, "العشرين": 20, "الثلاثين": 30,
                     "الحادي والعشرين": 21, "الحادي والثلاثين": 31})
ORDINAL_DAYS.update({f"{w} عشر": i + 1 + 10 for i, w in enumerate(_UNITS) if i > 0})
ORDINAL_DAYS.update({f"{w} والعشرين": i + 1 + 20 for i, w in enumerate(_UNITS) if i > 0})

# --- Relative days: phrase -> offset from the anchor in days -------------------------
# Phrases with the article also match with ل+ال written لل (لليوم). A time of day may
# precede any of them (مساء أمس) and a weekday follow (أمس الأربعاء، اليوم (الثلاثاء)).
RELATIVE_DAYS: dict[str, int] = {
    "اليوم": 0, "هذا الصباح": 0, "هذا المساء": 0,
    "أمس": -1, "الأمس": -1, "يوم أمس": -1, "البارحة": -1, "الليلة الماضية": -1,
    "أول أمس": -2, "أول من أمس": -2, "أمس الأول": -2, "البارحة الأولى": -2,
    "غداً": 1, "يوم غد": 1, "يوم الغد": 1,
    "بعد غد": 2, "بعد الغد": 2,
}
# غد/الغد alone is also "the future" and a party/newspaper name (حزب الغد): tomorrow
# only after a time of day (صباح الغد).
TOMORROW_AFTER_TIME_OF_DAY: list[str] = ["الغد", "غد"]
# غدا typed for غداء "lunch" after these words (مأدبة غدا).
NOT_TOMORROW_BEFORE: list[str] = ["مأدبة", "وجبة", "حفل", "طعام"]
# Words that, after اليوم, make it a name or a narrative day rather than "today"
# (the ordinal days are added in patterns.py: اليوم الأول، اليوم الثاني ...).
NOT_TODAY_AFTER: list[str] = [
    "الوطني", "العالمي", "الدولي", "العربي", "الأخير", "التالي", "السابق", "الموالي",
    "نفسه", "ذاته", "المفتوح", "الدراسي", "الموعود", "المشهود", "الآخر", "الأخر",
]
# Words that, before اليوم, make it part of a title (روسيا اليوم، المصري اليوم).
NOT_TODAY_BEFORE: list[str] = [
    "روسيا", "المصري", "أخبار", "صحيفة", "جريدة", "موقع", "قناة", "برنامج", "مجلة",
    "عين",   # the newspaper عين اليوم
    "نفس", "ذلك", "ذات",   # في نفس اليوم، في ذلك اليوم: the day of the story, not today
]

# --- Times of day, before (مساء أمس) or after (أمس مساءً) the day --------------------
TIMES_OF_DAY: list[str] = [
    "صباح", "مساء", "ليلة", "ليل", "فجر", "ظهر", "عصر", "ظهيرة", "صبيحة", "عشية", "نهار",
    "ضحى", "منتصف ليل", "منتصف ليلة",
]
TIME_OF_DAY_ADVERBS: list[str] = ["صباحاً", "مساءً", "مساءاً", "ليلاً", "ظهراً", "عصراً",
                                  "فجراً", "نهاراً"]

# --- Adjectives that place a month, weekday, week or year relative to the anchor ------
# (the feminine -ة form, for السنة/الليلة, is added automatically)
PAST_ADJECTIVES: list[str] = ["الماضي", "المنصرم", "السابق", "الفائت", "المنقضي"]
NEXT_ADJECTIVES: list[str] = ["المقبل", "القادم"]
CURRENT_ADJECTIVES: list[str] = ["الجاري", "الحالي"]

# --- Parts of a month/year: the expression keeps month (or year) precision ------------
# value: a representative day, used only to convert a Hijri month to a Gregorian month.
PERIOD_WORDS: dict[str, int] = {
    "مطلع": 1, "أوائل": 1, "بداية": 1, "مستهل": 1, "بدايات": 1,
    "منتصف": 15, "أواسط": 15,
    "أواخر": 28, "نهاية": 28, "ختام": 28,
}
# غرة = the first day of a (usually Hijri) month: غرة شوال.
FIRST_DAY_WORDS: list[str] = ["غرة"]

# --- Seasons (northern hemisphere, meteorological): name -> first month -------------
# "الخريف المقبل" resolves to a year; see resolve.season_year.
SEASONS: dict[str, int] = {"الربيع": 3, "الصيف": 6, "الخريف": 9, "الشتاء": 12}

# --- Cues that make a bare four-digit number a year -----------------------------------
YEAR_WORDS: list[str] = ["عام", "سنة", "عامي"]          # عام 2011، سنة 2015
GREGORIAN_MARKERS: list[str] = ["م", "ميلادية", "ميلادي", "للميلاد"]
HIJRI_MARKERS: list[str] = ["هـ", "ه", "هجرية", "هجري", "للهجرة"]
# في 2016، منذ 2011 ... (the preposition is not part of the expression)
YEAR_CONTEXT_WORDS: list[str] = ["في", "منذ", "حتى", "خلال", "قبل", "بعد", "صيف", "شتاء",
                                 "خريف", "ربيع"]
# ... unless a counted noun follows (في 2000 موقع، منذ 1950 دولار).
COUNTED_NOUNS: list[str] = [
    "ريال", "دولار", "دينار", "جنيه", "درهم", "يورو", "ليرة", "شخص", "مواطن", "جندي",
    "عنصر", "طن", "كيلو", "متر", "صوت", "موقع", "قتيل", "جريح", "مليون", "ألف", "مليار",
    "برميل", "عطاء", "منزل", "وحدة", "طالب", "حالة", "مقاتل", "لاجئ", "نازح", "عامل",
]

# --- Words before العام that make it the adjective "general" (الأمين العام المقبل) ---
NOT_YEAR_BEFORE_AAM: list[str] = [
    "الأمين", "أمين", "المدير", "مدير", "النائب", "المدعي", "المفتش", "المراقب", "المنسق",
    "المقرر", "القائد", "الرأي", "القطاع", "المال", "الشأن", "الأمن", "النظام", "المؤتمر",
    "الإضراب", "الحاكم", "الاتحاد", "العفو", "الصالح", "المستشار", "الوكيل", "المرشد",
    "القنصل", "التعليم", "الإنفاق", "الدين",
]

# --- Words before "DAY MONTH" without a year that make it a name (ثورة 25 يناير) ------
DATE_NAME_BEFORE: list[str] = [
    "ثورة", "حركة", "تيار", "قوى", "تحالف", "ائتلاف", "انتفاضة", "أحداث", "هجمات",
    "ذكرى", "مدينة", "شارع", "جسر", "ميدان", "حرب", "جامعة", "نادي", "كتلة", "معركة",
    "اتفاق", "اتفاقية", "انقلاب", "بيان", "جماعة", "شباب", "مجموعة", "تفجيرات", "شرعية",
]

# --- Weekday names that are also other words -----------------------------------------
# الاثنين is also "the two" (بين الاثنين، الاثنين معاً); الأحد is also "the One" (الواحد الأحد).
# "*": before any weekday - a recurring day (أيام الأحد، خطب الجمعة), not a date.
NOT_WEEKDAY_BEFORE: dict[str, list[str]] = {
    "الاثنين": ["بين", "كلا", "هذين", "هذان", "كلتا"],
    "الأحد": ["الواحد"],
    "*": ["أيام", "كل", "خطب", "صلوات"],
}
NOT_WEEKDAY_AFTER: dict[str, list[str]] = {
    "الاثنين": ["معاً", "معا"],
}

# --- "N days ago": قبل يومين، منذ ثلاثة أيام ------------------------------------------
DAY_COUNT_WORDS: dict[str, int] = {
    "ثلاثة": 3, "أربعة": 4, "خمسة": 5, "ستة": 6, "سبعة": 7, "ثمانية": 8, "تسعة": 9,
    "عشرة": 10,
}

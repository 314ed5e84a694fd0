"""Meetings end to end on sentences written for the tests (events/, through extract_text).

Published date for every text: Tuesday 2015-08-11 (اليوم), so أمس is 2015-08-10, أمس
الأول 2015-08-09 and غداً 2015-08-12.
"""
from __future__ import annotations

import pytest
from conftest import by_name, meetings_of, records, sides


def one(ex, text: str, published: str | None = "2015-08-11") -> dict:
    ms = meetings_of(ex(text, published))
    assert len(ms) == 1, [(m["trigger"], [(p["name"], p["side"]) for p in m["participants"]]) for m in ms]
    return ms[0]


# --- sides ---------------------------------------------------------------------------------


def test_istaqbala_host_and_guest_with_roles_place_and_date(ex):
    text = "استقبل وزير الخارجية السوري وليد المعلم في مكتبه بدمشق اليوم السفير الإيطالي ماركو برونيتي."
    m = one(ex, text)
    assert sides(m) == {"وليد المعلم": "host", "ماركو برونيتي": "guest"}
    host, guest = by_name(m)["وليد المعلم"], by_name(m)["ماركو برونيتي"]
    assert (host["role"], host["kind"]) == ("وزير الخارجية السوري", "person")
    assert (guest["role"], guest["kind"]) == ("السفير الإيطالي", "person")
    assert (m["status"], m["mode"], m["trigger"]) == ("held", "in_person", "استقبل")
    assert (m["date"], m["date_text"]) == ("2015-08-11", "اليوم")
    assert m["location"] in ("مكتبه", "مكتبه بدمشق")


def test_ijtama_ma_makes_both_sides_party_and_purpose_after_bihadaf(ex):
    text = ("اجتمع الدكتور فارس الزعبي وزير الصحة الأردني مع المهندس طارق النمري مدير شركة "
            "الكهرباء الوطنية بهدف بحث خطط الطوارئ.")
    m = one(ex, text)
    assert sides(m) == {"فارس الزعبي": "party", "طارق النمري": "party"}
    assert by_name(m)["طارق النمري"]["org"] == "شركة الكهرباء الوطنية"
    assert m["purpose"] == "بحث خطط الطوارئ"
    assert (m["date"], m["date_text"]) == (None, None)       # the text gives no date
    assert m["trigger"] == "اجتمع"


def test_svo_headline_style(ex):
    m = one(ex, "وزير الداخلية سعيد الكعبي يلتقي نظيره التونسي منير بن صالح في تونس")
    assert sides(m) == {"سعيد الكعبي": "host", "منير بن صالح": "guest"}
    assert by_name(m)["منير بن صالح"]["role"] == "نظيره التونسي"
    assert m["location"] == "تونس"


def test_accompanying_after_yurafiquhu_and_attendee_after_bihudur(ex):
    text = ("استقبل وزير الزراعة هشام البدري اليوم في مكتبه السفير الهولندي يان دي فريس يرافقه "
            "محمد الخطيب مستشار وزير الحكم المحلي، وبحضور وكيل الوزارة أحمد الشريف.")
    m = one(ex, text)
    assert sides(m) == {"هشام البدري": "host", "يان دي فريس": "guest",
                        "محمد الخطيب": "accompanying", "أحمد الشريف": "attendee"}
    assert by_name(m)["أحمد الشريف"]["role"] == "وكيل الوزارة"
    assert by_name(m)["محمد الخطيب"]["role"] == "مستشار وزير الحكم المحلي"


def test_full_report_with_companions_attendees_and_a_group(ex):
    text = ('التقى اليوم خالد الحمدان رئيس بلدية الزرقاء في مكتبه الخبيرة الفنلندية في تكنولوجيا '
            'المياه "آنا كورهونن" و"ماتي فيرتانن" مدير عام شركة "نورد باور" العالمية يرافقهم محمد '
            'الخطيب مستشار وزير المياه ويوسف النتشة مهندس المشاريع في الوزارة، بهدف الاطلاع على تجربة '
            'البلدية في إدارة المياه، وجرى اللقاء بحضور أعضاء من المجلس البلدي والمهندس رامي الكرمي '
            'رئيس قسم الهندسة في بلدية الزرقاء.')
    m = one(ex, text)
    assert sides(m) == {"خالد الحمدان": "host", "آنا كورهونن": "guest", "ماتي فيرتانن": "guest",
                        "محمد الخطيب": "accompanying", "يوسف النتشة": "accompanying",
                        "رامي الكرمي": "attendee"}
    roles = {p["name"]: p["role"] for p in m["participants"] if p["name"]}
    assert roles["خالد الحمدان"] == "رئيس بلدية الزرقاء"
    assert roles["آنا كورهونن"] == "الخبيرة الفنلندية في تكنولوجيا المياه"
    assert roles["ماتي فيرتانن"] == 'مدير عام شركة "نورد باور" العالمية'
    assert roles["يوسف النتشة"] == "مهندس المشاريع في الوزارة"
    assert roles["رامي الكرمي"] == "رئيس قسم الهندسة في بلدية الزرقاء"
    [group] = [p for p in m["participants"] if p["kind"] == "group"]
    assert (group["side"], group["org"], group["name"]) == ("attendee", "المجلس البلدي", None)
    assert m["purpose"] == "الاطلاع على تجربة البلدية في إدارة المياه"
    assert (m["date"], m["location"]) == ("2015-08-11", "مكتبه")


def test_delegation_guest_is_a_group_with_its_body(ex):
    text = "التقى رئيس بلدية نابلس محمد الشكعة أمس في مكتبه وفداً من جامعة بيرزيت."
    m = one(ex, text)
    [group] = [p for p in m["participants"] if p["kind"] == "group"]
    assert (group["side"], group["org"]) == ("guest", "جامعة بيرزيت")
    assert by_name(m)["محمد الشكعة"]["side"] == "host"
    assert (m["date"], m["date_text"]) == ("2015-08-10", "أمس")


def test_delegation_headed_by_a_named_person(ex):
    text = ("استقبل وزير الزراعة هشام البدري اليوم في مكتبه وفداً من منظمة الأغذية والزراعة "
            "برئاسة كارلوس مينديز.")
    m = one(ex, text)
    [group] = [p for p in m["participants"] if p["kind"] == "group"]
    assert group["org"] == "منظمة الأغذية والزراعة"
    assert sides(m).get("كارلوس مينديز") == "guest"


def test_possessive_lidayhi_istiqbalihi_sumuwwuhu_takes_host_from_previous_sentence(ex):
    text = ("أشاد أمير منطقة عسير الأمير فيصل بن خالد بالجمعية الخيرية.\n"
            "جاء ذلك لدى استقباله سموه في مكتبه بالإمارة اليوم رئيس الجمعية الدكتور سعد القحطاني.")
    m = one(ex, text)
    assert sides(m) == {"الأمير فيصل بن خالد": "host", "سعد القحطاني": "guest"}
    assert by_name(m)["الأمير فيصل بن خالد"]["role"] == "أمير منطقة عسير"
    assert m["location"] == "مكتبه بالإمارة"
    assert m["sentence_idx"] == 1
    assert m["trigger"] == "استقباله"


def test_possessive_khilal_liqaihi_in_the_same_sentence(ex):
    text = ("أكد رئيس الوزراء نبيل حداد دعم الحكومة للقطاع الخاص، وذلك خلال لقائه أمس رئيس غرفة "
            "تجارة بيروت محمد شقير.")
    m = one(ex, text)
    assert sides(m) == {"نبيل حداد": "party", "محمد شقير": "party"}
    assert by_name(m)["محمد شقير"]["org"] == "غرفة تجارة بيروت"
    assert m["date"] == "2015-08-10"


def test_kana_fi_istiqbalihi_makes_the_arriving_person_the_guest(ex):
    text = ("وصل رئيس الوزراء الماليزي داتو أنور عزيز إلى الرياض اليوم.\n"
            "وكان في استقباله لدى وصوله أمير منطقة الرياض الأمير تركي بن محمد.")
    m = one(ex, text)
    assert sides(m) == {"داتو أنور عزيز": "guest", "الأمير تركي بن محمد": "host"}


def test_zara_makes_the_visitor_the_guest(ex):
    m = one(ex, "زار وزير السياحة نادر العمري اليوم محافظ العاصمة خالد الحجاوي في مكتبه.")
    assert sides(m) == {"نادر العمري": "guest", "خالد الحجاوي": "host"}
    assert by_name(m)["خالد الحجاوي"]["role"] == "محافظ العاصمة"
    assert m["location"] == "مكتبه"


@pytest.mark.parametrize("text, names", [
    ("التقى وزير المالية سعيد العلوي اليوم بالسفير الإيطالي ماركو برونيتي.",
     {"سعيد العلوي": "host", "ماركو برونيتي": "guest"}),
    ("قابل الرئيس اللبناني ميشال حداد أمس رئيس الوزراء القطري عبدالله بن ناصر.",
     {"ميشال حداد": "host", "عبدالله بن ناصر": "guest"}),
], ids=["iltaqa_bi", "qabala"])
def test_other_meeting_verbs(ex, text, names):
    assert sides(one(ex, text)) == names


def test_ijtama_bi_group_of_an_organisation(ex):
    m = one(ex, "اجتمع وزير المالية سعيد العلوي اليوم بممثلي البنك الدولي.")
    [group] = [p for p in m["participants"] if p["kind"] == "group"]
    assert (group["side"], group["org"], group["role"]) == ("party", "البنك الدولي", "ممثلي البنك الدولي")
    assert sides(m) == {"سعيد العلوي": "party"}


def test_bahatha_ma(ex):
    text = "بحث رئيس غرفة التجارة عمر الدباغ مع السفير الياباني كينجي ساتو سبل تعزيز التبادل التجاري."
    m = one(ex, text)
    assert sides(m) == {"عمر الدباغ": "party", "كينجي ساتو": "party"}


# --- status, mode, date --------------------------------------------------------------------


def test_planned_with_future_verb_and_tomorrow(ex):
    m = one(ex, "سيلتقي وزير التربية العماني سالم الحارثي غداً نظيره الكويتي بدر العتيبي في العاصمة مسقط.")
    assert m["status"] == "planned"
    assert (m["date"], m["date_text"]) == ("2015-08-12", "غداً")
    assert m["location"] == "العاصمة مسقط"
    assert sides(m) == {"سالم الحارثي": "host", "بدر العتيبي": "guest"}


def test_planned_min_al_muqarrar(ex):
    m = one(ex, "من المقرر أن يلتقي وزير الدفاع خالد العبيدي غداً قائد القوات الأمريكية الجنرال جون ألين.")
    assert m["status"] == "planned"
    assert by_name(m)["جون ألين"]["role"] == "قائد القوات الأمريكية"     # الجنرال is a title


def test_future_weekday_makes_a_planned_meeting(ex):
    m = one(ex, "يستقبل وزير المالية سعيد العلوي يوم الخميس المقبل السفير الإيطالي ماركو برونيتي.")
    assert (m["status"], m["date"], m["date_text"]) == ("planned", "2015-08-13", "يوم الخميس المقبل")


def test_held_meeting_yesterday_is_held(ex):
    m = one(ex, "التقى وزير النقل خالد الراشد أمس رئيس هيئة الطيران المدني سعد الغامدي.")
    assert (m["status"], m["date"], m["date_text"]) == ("held", "2015-08-10", "أمس")


def test_phone_call_with_ajra_ittisalan_hatifiyan(ex):
    text = ("أجرى رئيس الوزراء اللبناني نبيل حداد اتصالاً هاتفياً مع الرئيس القبرصي أندرياس كوستا "
            "أمس لبحث التعاون في مجال الطاقة.")
    m = one(ex, text)
    assert (m["mode"], m["status"]) == ("call", "held")
    assert sides(m) == {"نبيل حداد": "party", "أندرياس كوستا": "party"}
    assert m["purpose"] == "التعاون في مجال الطاقة"
    assert m["date"] == "2015-08-10"
    assert m["location"] is None


def test_phone_call_received(ex):
    text = ("تلقى وزير الخارجية عادل النعيمي اتصالاً هاتفياً من نظيره المغربي يوسف بنعلي أمس، "
            "وتناول الاتصال العلاقات الثنائية.")
    m = one(ex, text)
    assert m["mode"] == "call"
    assert set(sides(m)) == {"عادل النعيمي", "يوسف بنعلي"}
    assert by_name(m)["يوسف بنعلي"]["role"] == "نظيره المغربي"


@pytest.mark.parametrize("when, value", [
    ("اليوم", "2015-08-11"), ("أمس", "2015-08-10"), ("أمس الأول", "2015-08-09"),
    ("يوم الأحد الماضي", "2015-08-09"), ("في 9 أغسطس 2015", "2015-08-09"),
    ("يوم ٩/٨/٢٠١٥", "2015-08-09"),
], ids=["today", "yesterday", "day_before_yesterday", "last_sunday", "month_name", "indic_digits"])
def test_date_resolved_against_published(ex, when, value):
    text = f"استقبل وزير المالية سعيد العلوي {when} في مكتبه السفير الإيطالي ماركو برونيتي."
    m = one(ex, text)
    assert m["date"] == value
    assert m["date_text"] in text and when.endswith(m["date_text"].split()[-1])


def test_relative_date_resolves_against_another_published_date(ex):
    m = one(ex, "استقبل وزير المالية سعيد العلوي أمس السفير الإيطالي ماركو برونيتي.",
            published="2012-08-27")
    assert (m["date"], m["date_text"]) == ("2012-08-26", "أمس")


# --- location and purpose ------------------------------------------------------------------


def test_location_office_with_city(ex):
    m = one(ex, "اجتمع وزير العمل مفرج الحقباني بمكتبه بالرياض أمس مع رئيس اتحاد الغرف التجارية عبدالرحمن الزامل.")
    assert m["location"] == "مكتبه بالرياض"
    assert sides(m) == {"مفرج الحقباني": "party", "عبدالرحمن الزامل": "party"}
    assert m["date"] == "2015-08-10"


@pytest.mark.parametrize("cue, purpose", [
    ("لبحث", "سبل تعزيز التعاون الاقتصادي"),
    ("لمناقشة", "سبل تعزيز التعاون الاقتصادي"),
    ("بهدف", "سبل تعزيز التعاون الاقتصادي"),
], ids=["li_bahth", "li_munaqasha", "bi_hadaf"])
def test_purpose_after_cue(ex, cue, purpose):
    m = one(ex, f"اجتمع وزير المالية سعيد العلوي اليوم مع السفير الإيطالي ماركو برونيتي {cue} {purpose}.")
    assert m["purpose"] == purpose


def test_purpose_after_wa_tanawala_al_liqa(ex):
    text = "استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي، وتناول اللقاء العلاقات الثنائية."
    assert one(ex, text)["purpose"] == "العلاقات الثنائية"


def test_purpose_reported_in_the_next_sentence(ex):
    text = ("استقبل وزير المالية سعيد العلوي اليوم في مكتبه السفير الإيطالي ماركو برونيتي.\n"
            "وجرى خلال اللقاء بحث سبل تعزيز التعاون الاقتصادي بين البلدين.")
    m = one(ex, text)
    # the verbal noun is part of the cue (CONVENTIONS.md 28: وجرى خلال اللقاء بحث)
    assert m["purpose"] == "سبل تعزيز التعاون الاقتصادي بين البلدين"


def test_purpose_after_wa_bahatha_al_janiban(ex):
    text = "استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي، وبحث الجانبان العلاقات الثنائية."
    m = one(ex, text)
    assert m["purpose"] == "العلاقات الثنائية"


# --- one encounter, one meeting --------------------------------------------------------------


def test_lead_and_later_paragraph_are_one_meeting_with_the_attendee_added(ex):
    text = ("التقى وزير الخارجية الأردني محمد العبادي اليوم في عمان نظيره الإسباني خوسيه مارتينيز.\n"
            "وأكد العبادي خلال اللقاء أهمية التعاون.\n"
            "واستقبل العبادي مارتينيز في مقر الوزارة بحضور السفير الإسباني لويس غارسيا.")
    m = one(ex, text)
    assert sides(m) == {"محمد العبادي": "host", "خوسيه مارتينيز": "guest", "لويس غارسيا": "attendee"}
    assert (m["date"], m["location"], m["sentence_idx"]) == ("2015-08-11", "عمان", 0)


def test_attendees_in_a_follow_up_sentence(ex):
    text = ("التقى وزير الخارجية الأردني محمد العبادي اليوم في عمان نظيره الإسباني خوسيه مارتينيز.\n"
            "وحضر اللقاء السفير الإسباني لويس غارسيا.")
    m = one(ex, text)
    assert sides(m)["لويس غارسيا"] == "attendee"


def test_headline_and_lead_are_one_meeting(ex):
    text = ("وزير الخارجية الأردني يلتقي نظيره الإسباني\n"
            "التقى وزير الخارجية الأردني محمد العبادي اليوم في عمان نظيره الإسباني خوسيه مارتينيز.")
    m = one(ex, text)
    assert sides(m) == {"محمد العبادي": "host", "خوسيه مارتينيز": "guest"}
    assert m["date"] == "2015-08-11"


def test_two_different_meetings_stay_two(ex):
    text = ("استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي.\n"
            "وفي سياق آخر التقى وزير النقل خالد الراشد أمس رئيس هيئة الطيران المدني سعد الغامدي.")
    ms = meetings_of(ex(text))
    assert [sorted(sides(m)) for m in ms] == [["سعيد العلوي", "ماركو برونيتي"],
                                               ["خالد الراشد", "سعد الغامدي"]]
    assert [m["date"] for m in ms] == ["2015-08-11", "2015-08-10"]


# --- spelling variation ------------------------------------------------------------------------


def test_diacritics_and_tatweel_give_the_same_meeting_with_verbatim_names(ex):
    text = "اسْتَقْبَلَ وزيـــر الخارجية وليــد المعلّم اليومَ السفيرَ الإيطالي ماركو برونيتي."
    m = one(ex, text)
    assert sides(m) == {"وليــد المعلّم": "host", "ماركو برونيتي": "guest"}
    assert by_name(m)["وليــد المعلّم"]["role"] == "وزيـــر الخارجية"
    assert (m["date"], m["date_text"], m["trigger"]) == ("2015-08-11", "اليومَ", "اسْتَقْبَلَ")


@pytest.mark.parametrize("verb", ["إلتقى", "التقي", "إجتمع"], ids=["hamza_iltaqa", "yaa_iltaqa", "hamza_ijtama"])
def test_common_hamza_and_yaa_typos_in_the_trigger(ex, verb):
    sep = " مع " if "جتمع" in verb else " "
    m = one(ex, f"{verb} وزير المالية سعيد العلوي اليوم{sep}السفير الإيطالي ماركو برونيتي.")
    assert set(sides(m)) == {"سعيد العلوي", "ماركو برونيتي"}


# --- not meetings ---------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    # a session of one body, no outside party
    "عقد مجلس الوزراء جلسته الأسبوعية اليوم برئاسة رئيس الوزراء سعيد العلوي.",
    "ترأس وزير الصحة ماجد الحسيني اليوم اجتماع اللجنة الوزارية لمكافحة الأوبئة في مقر الوزارة.",
    "عقدت وزارة التعليم اجتماعها الدوري اليوم برئاسة الوزير سليمان الخطيب لمناقشة نتائج الامتحانات.",
    # a visit to a place with no counterpart
    "زار وزير السياحة نادر العمري اليوم قلعة عجلون الأثرية واطلع على أعمال الترميم.",
    # a football match
    "التقى فريق الوحدات مع فريق الفيصلي في مباراة الدوري أمس وانتهى اللقاء بالتعادل.",
    "التقى المنتخب السعودي نظيره الياباني أمس في ملعب الملك فهد الدولي ضمن تصفيات كأس العالم.",
    # an airport receiving pilgrims
    "استقبل مطار الملك خالد الدولي أمس أولى رحلات الحجاج القادمين من إندونيسيا.",
    "استقبلت الجوازات أكثر من مليون حاج عبر منفذ الوديعة.",
    # press statements and speeches
    "أدلى وزير الإعلام خالد الرفاعي بتصريح صحفي اليوم حول الأوضاع.",
    "صرح وزير الإعلام خالد الرفاعي للصحفيين اليوم بأن الحكومة ستعلن الميزانية.",
    "قال وزير الطاقة فهد المنصور في اتصال هاتفي مع «الرياض» إن الأسعار ستستقر.",
    "ألقى الأمير تركي بن محمد كلمة في حفل التخرج بحضور عدد من المسؤولين.",
], ids=["cabinet_session", "committee_chaired", "ministry_own_meeting", "visit_place", "football_teams",
        "football_national_teams", "airport_pilgrims", "passports_pilgrims", "press_statement",
        "statement_to_journalists", "phone_statement_to_paper", "speech"])
def test_not_a_meeting(ex, text):
    x = ex(text)
    assert records(x.meetings) == []
    assert records(x.meeting_participants) == []


# --- evidence offsets ----------------------------------------------------------------------------

OFFSET_TEXTS = [
    "استقبل وزير الخارجية السوري وليد المعلم في مكتبه بدمشق اليوم السفير الإيطالي ماركو برونيتي.",
    ("أشاد أمير منطقة عسير الأمير فيصل بن خالد بالجمعية الخيرية.\n"
     "جاء ذلك لدى استقباله سموه في مكتبه بالإمارة اليوم رئيس الجمعية الدكتور سعد القحطاني."),
    ("استقبل وزير الزراعة هشام البدري اليوم في مكتبه السفير الهولندي يان دي فريس يرافقه "
     "محمد الخطيب مستشار وزير الحكم المحلي، وبحضور وكيل الوزارة أحمد الشريف."),
    "اسْتَقْبَلَ وزيـــر الخارجية وليــد المعلّم اليومَ السفيرَ الإيطالي ماركو برونيتي.",
]


@pytest.mark.parametrize("text", OFFSET_TEXTS, ids=["vso", "possessive", "companions", "diacritics"])
def test_every_meeting_and_participant_span_indexes_the_article(ex, text):
    ms = meetings_of(ex(text))
    assert ms
    for m in ms:
        evidence = text[m["start"]:m["end"]]
        assert m["trigger"] in evidence
        if m["date_text"]:
            assert m["date_text"] in text
        if m["location"]:
            assert m["location"] in text
        for p in m["participants"]:
            span = text[p["start"]:p["end"]]
            assert span == span.strip() and span
            if p["name"]:
                assert p["name"] in text
            parts = [v for v in (p["name"], p["role"]) if v]
            assert any(v in span for v in parts), (span, parts)
            assert p["article_id"] == m["article_id"]


def test_meeting_row_fields(ex):
    x = ex("استقبل وزير المالية سعيد العلوي اليوم السفير الإيطالي ماركو برونيتي.")
    [m] = records(x.meetings)
    [a] = records(x.articles)
    assert m["article_id"] == a["article_id"]
    assert m["meeting_id"] == f"{a['article_id']}-e0"
    assert 0.0 < m["confidence"] <= 1.0
    parts = records(x.meeting_participants)
    assert {p["meeting_id"] for p in parts} == {m["meeting_id"]}
    assert all(p["entity_id"] and p["entity_id"].startswith("P") for p in parts)

"""Meeting constructions of Gulf and Levantine news beyond the basic VSO report.

Sentences written for these tests (invented people); each test states what a reader of
the Arabic would extract, following ../shared/spec/MEETINGS.md.
"""
from __future__ import annotations

from conftest import by_name, meetings_of, sides


def only(ex, text: str) -> dict:
    ms = meetings_of(ex(text))
    assert len(ms) == 1, [m["participants"] for m in ms]
    return ms[0]


def test_discussion_verb_with_ma_after_the_subject(ex):
    m = only(ex, "بحث وزير الخارجية الأمير نايف بن فيصل مع نظيره الكندي بيتر مورغان في الرياض أمس "
                 "العلاقات الثنائية.")
    assert sides(m) == {"الأمير نايف بن فيصل": "party", "بيتر مورغان": "party"}
    assert m["date"] == "2015-08-10"
    assert by_name(m)["بيتر مورغان"]["role"] == "نظيره الكندي"


def test_light_verb_with_the_subject_between_it_and_its_noun(ex):
    m = only(ex, "أجرى وزير الداخلية سامي الحربي مباحثات، اليوم، مع وزير الداخلية الأردني "
                 "ناصر العمري في عمان.")
    assert sides(m) == {"سامي الحربي": "party", "ناصر العمري": "party"}
    assert m["date"] == "2015-08-11"


def test_delegation_chaired_by_a_named_person_is_one_guest_party(ex):
    m = only(ex, "استقبل الرئيس الفلسطيني محمود عباس في مقر الرئاسة بمدينة رام الله اليوم "
                 "وفداً من البرلمان الأوروبي برئاسة النائب كارل شولتز.")
    assert m["location"] == "مقر الرئاسة بمدينة رام الله"
    guests = [p for p in m["participants"] if p["side"] == "guest"]
    assert {p["kind"] for p in guests} == {"group", "person"}
    assert by_name(m)["كارل شولتز"]["side"] == "guest"


def test_a_body_chaired_by_its_own_minister_is_not_a_meeting(ex):
    assert meetings_of(ex("عقدت وزارة الزراعة اجتماعها الدوري اليوم برئاسة الوزير فهد السالم.")) == []


def test_reception_committee_receives_the_visitor(ex):
    text = ("وصل وزير الصحة الدكتور ماجد العتيبي أمس إلى محافظة القريات.\n"
            "وكان في استقباله محافظ القريات سعد الرويلي.")
    m = only(ex, text)
    assert sides(m) == {"ماجد العتيبي": "guest", "سعد الرويلي": "host"}


def test_possessor_is_the_subject_of_the_main_clause(ex):
    m = only(ex, "وثمن الشيخ حمد بن راشد دور الملك فهد بن ناصر، وذلك خلال استقباله أمس "
                 "المهندس علي بن صالح المري.")
    assert sides(m) == {"الشيخ حمد بن راشد": "host", "علي بن صالح المري": "guest"}


def test_second_post_in_apposition_belongs_to_the_same_person(ex):
    m = only(ex, "استقبل الرئيس سالم العوضي اليوم المهندس خالد الشامسي نائب الرئيس رئيس الحكومة.")
    guest = by_name(m)["خالد الشامسي"]
    assert guest["role"] == "نائب الرئيس رئيس الحكومة"
    assert [p for p in m["participants"] if p["name"] is None] == []


def test_role_keeps_its_posting_place_and_its_name(ex):
    m = only(ex, "عقد مدير عام التعليم بمنطقة تبوك عبدالله الفايز اليوم اجتماعاً مع مديري المدارس.")
    assert by_name(m)["عبدالله الفايز"]["role"] == "مدير عام التعليم بمنطقة تبوك"


def test_a_word_after_bin_is_a_name_even_if_it_is_a_trigger_verb(ex):
    # قابل is also the verb 'met'; after بن it is part of the name.
    x = ex("صدر أمر بتعيين سعود بن قابل بن سالم عضواً في مجلس الشورى.")
    assert meetings_of(x) == []
    assert "سعود بن قابل بن سالم" in list(x.mentions[x.mentions.label == "PERS"].text)


def test_the_name_ali_is_not_the_preposition(ex):
    m = only(ex, "التقى الدكتور علي بن ناصر الشهري اليوم السفير الياباني كينجي تاناكا.")
    assert "علي بن ناصر الشهري" in sides(m)


def test_two_encounters_sharing_one_person_stay_two(ex):
    text = ("التقى وزير الخارجية الروسي ميخائيل بيتروف أمس رئيس الائتلاف سمير الحلبي.\n"
            "كما التقى بيتروف في اليوم نفسه رئيس المكتب السياسي للحركة ياسر العمر.")
    ms = meetings_of(ex(text))
    assert len(ms) == 2
    assert [set(sides(m)) for m in ms] == [{"ميخائيل بيتروف", "سمير الحلبي"},
                                          {"ميخائيل بيتروف", "ياسر العمر"}]


def test_an_interview_with_a_channel_is_not_a_meeting(ex):
    assert meetings_of(ex("وقال الوزير فيصل الخالدي في لقاء مع قناة «الإخبارية» إن المشروع سيكتمل.")) == []


def test_nominal_meeting_of_a_person_with_another(ex):
    m = only(ex, "كشفت مصادر عن اجتماع وزير الخارجية اليمني عادل السقاف بالمبعوث الأممي "
                 "جيمس ويلسون في جنيف.")
    assert set(sides(m)) == {"عادل السقاف", "جيمس ويلسون"}
    assert m["location"] == "جنيف"


def test_a_state_after_a_role_is_not_a_title(ex):
    m = only(ex, "استقبل الشيخ سلطان بن خليفة أمير دولة قطر في قصره مساء أمس وزير الخارجية "
                 "الأستاذ عادل الراشد.")
    assert by_name(m)["الشيخ سلطان بن خليفة"]["role"] == "أمير دولة قطر"
    assert m["date"] == "2015-08-10" and m["location"] == "قصره"


def test_a_year_earlier_in_the_sentence_does_not_date_the_meeting(ex):
    m = only(ex, "وكان رجل الأعمال خالد السبيعي هدد منذ عام 2013 بإغلاق مصنعه لكنه تراجع بعد "
                 "اجتماعه مع رئيس الغرفة التجارية سامي العلي.")
    assert set(sides(m)) == {"خالد السبيعي", "سامي العلي"}
    assert m["date"] is None


def test_a_place_named_before_a_group_is_not_a_person(ex):
    x = ex("وتفقد مدير الشرطة اللواء ناصر العنزي المواقع الأمنية، كما زار منفذ الحديثة "
           "ورجال الأمن بالمنفذ.")
    names = {p for m in meetings_of(x) for p in sides(m)}
    assert "منفذ الحديثة" not in names


def test_foreign_name_starting_with_ba_after_a_role_with_a_clitic(ex):
    m = only(ex, "التقى رئيس الوزراء العراقي حيدر العبادي في بغداد يوم الخميس الماضي بالمبعوث "
                 "الأمريكي بريت ماكغورك وبحث معه سير العمليات العسكرية.")
    assert by_name(m)["بريت ماكغورك"]["role"] == "المبعوث الأمريكي"
    assert m["purpose"] == "سير العمليات العسكرية"
    assert (m["date"], m["location"]) == ("2015-08-06", "بغداد")


def test_a_call_has_no_place_and_its_topic_is_the_purpose(ex):
    m = only(ex, "أجرى الرئيس الروسي فلاديمير بوتين اتصالاً هاتفياً بنظيره الأمريكي باراك أوباما "
                 "تناول الوضع في سوريا.")
    assert (m["mode"], m["location"], m["purpose"]) == ("call", None, "الوضع في سوريا")


def test_assistant_secretary_general_chairs_the_delegation(ex):
    m = only(ex, "وكان الرئيس السوداني عمر البشير قد استقبل أمس في الخرطوم وفداً من جامعة الدول "
                 "العربية برئاسة الأمين العام المساعد أحمد بن حلي.")
    assert by_name(m)["أحمد بن حلي"]["role"] == "الأمين العام المساعد"
    assert by_name(m)["أحمد بن حلي"]["side"] == "guest"


def test_hawara_is_a_meeting(ex):
    """The worked example of ARCHITECTURE.md: one line in meeting_triggers.tsv."""
    [m] = meetings_of(ex("حاور وزير الخارجية خالد العتيبي أمس نظيره الأردني أيمن الصفدي."))
    assert sides(m) == {"خالد العتيبي": "party", "أيمن الصفدي": "party"}
    assert m["trigger"] == "حاور" and m["date"] == "2015-08-10"

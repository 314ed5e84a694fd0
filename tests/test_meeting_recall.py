"""Meeting constructions news uses all the time (issue 11): the trigger in a subordinate
phrase, nominal meetings, calls in every form, planned meetings with pronouns, groups,
encounters outside politics; and the codes and confidence every meeting carries.

Every sentence is written for these tests (invented or public figures in invented
reports), none copied from a corpus.
"""
from __future__ import annotations

from conftest import by_name, meetings_of, sides

from arnews.events.codes import codes
from arnews.events.confidence import FEATURES, confidence


def one(ex, text: str) -> dict:
    ms = meetings_of(ex(text))
    assert len(ms) == 1, [m["participants"] for m in ms]
    return ms[0]


def test_subordinate_trigger_takes_the_subject_of_the_sentence_before(ex):
    m = one(ex, "أوضح مدير جامعة الملك خالد الدكتور فالح السلمي أن الجامعة تسعى إلى تطوير برامجها. "
                "جاء ذلك لدى استقباله في مكتبه أمس وفداً من جامعة ماليزيا التقنية برئاسة الدكتور أحمد زكي.")
    assert sides(m) == {"فالح السلمي": "host", "أحمد زكي": "guest"}
    assert m["date"] == "2015-08-10" and m["location"] == "مكتبه"


def test_nominal_meeting_as_a_subject(ex):
    m = one(ex, "أسفر اجتماع وزير الصحة خالد الفالح مع رئيس هيئة الغذاء والدواء محمد الكنهل عن اتفاق على خطة مشتركة.")
    assert sides(m) == {"خالد الفالح": "party", "محمد الكنهل": "party"}
    assert by_name(m)["خالد الفالح"]["org"] == "الصحة"       # a minister's org: his ministry


def test_nominal_meeting_held_in_a_relative_clause(ex):
    m = one(ex, "تناولت المحادثات التي أجراها وزير الخارجية عادل الجبير ونظيره البريطاني فيليب هاموند "
                "في لندن أمس الأوضاع في اليمن.")
    assert sides(m) == {"عادل الجبير": "party", "فيليب هاموند": "party"}
    assert by_name(m)["فيليب هاموند"]["org"] == "بريطانيا"   # the state his nationality names
    m = one(ex, "تناول اللقاء الذي عقده أمير منطقة تبوك الأمير فهد بن سلطان مع مدير الجامعة عبدالعزيز العنزي سبل التعاون.")
    assert set(sides(m)) == {"الأمير فهد بن سلطان", "عبدالعزيز العنزي"}


def test_calls_in_every_form_each_its_own_meeting(ex):
    for text in ("تلقى ولي العهد الأمير محمد بن نايف اتصالاً هاتفياً اليوم من وزير الداخلية الفرنسي برنار كازنوف.",
                 "أجرى وزير الخارجية عادل الجبير اتصالاً هاتفياً بوزير الخارجية الأمريكي جون كيري أمس.",
                 "هاتف الرئيس المصري عبدالفتاح السيسي نظيره الفرنسي فرانسوا هولاند أمس."):
        m = one(ex, text)
        assert (m["mode"], m["plover"], m["cameo"]) == ("call", "CONSULT/phone", "041")
        assert len(sides(m)) == 2
    ms = meetings_of(ex("تلقى أمير منطقة الرياض الأمير فيصل بن بندر اتصالاً هاتفياً من وزير الداخلية. "
                        "كما تلقى سموه اتصالاً هاتفياً من وزير الحرس الوطني الأمير متعب بن عبدالله."))
    assert len(ms) == 2 and all(m["mode"] == "call" for m in ms)


def test_planned_meeting_with_pronouns_of_respect(ex):
    m = one(ex, "يصل الرئيس الفرنسي فرانسوا هولاند إلى الرياض غداً في زيارة رسمية يلتقي خلالها خادم الحرمين "
                "الشريفين الملك سلمان بن عبدالعزيز. ومن المقرر أن يعقد معاليه خلال الزيارة مباحثات مع فخامته.")
    assert m["status"] == "planned" and (m["plover"], m["cameo"]) == ("AGREE", "036")
    assert set(sides(m)) == {"فرانسوا هولاند", "الملك سلمان بن عبدالعزيز"}


def test_meetings_with_groups(ex):
    for text, group in (("اجتمع مدرب الفريق الأول جوزيه داسيلفا بلاعبي الفريق قبل التدريب.", "لاعبي الفريق"),
                        ("التقى مدير التعليم بمنطقة جازان عيسى الحكمي قادة المدارس أمس.", "قادة المدارس"),
                        ("استقبل محافظ الطائف فهد بن معمر أهالي الحي واستمع إلى مطالبهم.", "أهالي الحي")):
        m = one(ex, text)
        assert [p["role"] for p in m["participants"] if p["kind"] == "group"] == [group]


def test_business_encounter_with_its_purpose(ex):
    m = one(ex, "التقى رئيس مجلس إدارة شركة أرامكو خالد الفالح رئيس شركة توتال الفرنسية باتريك بويان "
                "في الظهران اليوم لبحث توسعة مصفاة الجبيل.")
    assert sides(m) == {"خالد الفالح": "host", "باتريك بويان": "guest"}
    assert m["purpose"] == "توسعة مصفاة الجبيل" and m["date"] == "2015-08-11"


def test_codes_follow_status_mode_sides_and_place():
    from arnews.document import Meeting, Participant

    def meeting(status="held", mode="in_person", sides_=("party", "party"), location=None):
        m = Meeting(status, mode, "التقى", 0, 0, 1, location=location)
        m.participants = [Participant(f"p{k}", "person", None, None, s, 0, 1) for k, s in enumerate(sides_)]
        return m

    assert codes(meeting(status="planned"), seat=False) == ("AGREE", "036")
    assert codes(meeting(mode="call"), seat=False) == ("CONSULT/phone", "041")
    assert codes(meeting(sides_=("host", "guest")), seat=True) == ("CONSULT/visit", "042")
    assert codes(meeting(sides_=("party",) * 3), seat=False) == ("CONSULT/multilateral", "040")
    assert codes(meeting(location="فيينا"), seat=False) == ("CONSULT/third-party", "044")
    assert codes(meeting(location="مكتبه"), seat=True) == ("CONSULT", "040")


def test_confidence_is_a_probability_that_grows_with_evidence():
    base = dict.fromkeys(FEATURES, 0.0)
    weak = {**base, "noun": 1.0, "principals": 2.0, "unnamed_only": 1.0}
    strong = {**base, "verb": 1.0, "subject_before": 1.0, "named_principals": 2.0, "principals": 2.0,
              "date": 1.0, "purpose": 1.0, "place": 1.0}
    assert 0.0 < confidence(weak) < confidence(strong) < 1.0


def test_nominal_meeting_whose_parties_carry_honorifics(ex):
    # the honorifics (معالي، صاحب السمو الملكي) are not in the person's span, yet the
    # parties of لقاء start with them
    m = one(ex, "أوضح وزير الخارجية عادل الجبير أن لقاء معالي وزير الخارجية الأردني ناصر جودة أمس مع "
                "صاحب السمو الملكي الأمير محمد بن سلمان تناول العلاقات بين البلدين.")
    assert set(sides(m)) == {"ناصر جودة", "الأمير محمد بن سلمان"}


def test_a_gathering_listed_after_attendance_cues(ex):
    m = one(ex, "تواصل في عمّان أمس اجتماع اللجنة الثلاثية، وذلك بحضور وزير المياه الأردني حازم الناصر، "
                "ووزير الري المصري محمد عبدالعاطي، ووزير الطاقة العراقي جبار اللعيبي.")
    assert sides(m) == {"حازم الناصر": "party", "محمد عبدالعاطي": "party", "جبار اللعيبي": "party"}
    m = one(ex, "ترأس محافظ جدة الأمير مشعل بن ماجد أمس اجتماع لجنة السياحة بحضور مدير فرع الهيئة "
                "العامة للسياحة المهندس محمد العمري.")
    assert sides(m) == {"الأمير مشعل بن ماجد": "party", "محمد العمري": "attendee"}
    # a committee meeting with nobody listed is a session of one body, not a meeting
    assert meetings_of(ex("عقدت لجنة السياحة بمحافظة جدة اجتماعها الأول أمس.")) == []


def test_an_object_pronoun_stands_for_the_person_of_the_report(ex):
    m = one(ex, "وصل اللاعب البرازيلي دوغلاس سيلفا إلى مطار الرياض أمس قادماً من ساو باولو. "
                "واستقبله في المطار رئيس النادي أحمد الغنيم.")
    assert sides(m) == {"أحمد الغنيم": "host", "دوغلاس سيلفا": "guest"}


def test_two_calls_in_one_sentence_are_two_meetings(ex):
    ms = meetings_of(ex("تلقى وزير الخارجية المصري سامح شكري اتصالين هاتفيين اليوم من وزير الخارجية "
                        "الروسي سيرجي لافروف، ووزير الخارجية الأمريكي جون كيري."))
    assert sorted(sorted(sides(m)) for m in ms) == [["جون كيري", "سامح شكري"], ["سامح شكري", "سيرجي لافروف"]]
    assert all(m["mode"] == "call" for m in ms)


def test_a_family_name_that_is_an_ordinary_word_after_a_title(ex):
    # المخرج is also "the director": after المهندس it is the family name of the man named before
    m = one(ex, "تفقد أمين الطائف المهندس محمد بن عبدالرحمن المخرج حديقة الردف أمس. "
                "والتقى المهندس المخرج خلال الجولة بزوار الحديقة، واستمع إلى آرائهم.")
    assert sides(m)["محمد بن عبدالرحمن المخرج"] == "host"
    assert any(p["kind"] == "group" and p["role"] == "زوار الحديقة" for p in m["participants"])


def test_a_respect_pronoun_after_a_role_named_in_full_before(ex):
    # معاليه stands for the deputy minister of the same sentence, whom the article named
    # earlier with a longer role; visiting the patients and meeting the citizens are two
    # encounters of one day, kept apart
    visit, meeting = meetings_of(ex("زار نائب وزير الصحة للشؤون الصحية حمد الضويلع أمس المرضى المنومين "
                                    "في مستشفى عسير. وتفقد نائب وزير الصحة أقسام الطوارئ، وفي نهاية جولته "
                                    "التقى معاليه بعدد من المواطنين."))
    assert visit["participants"][0]["name"] == meeting["participants"][0]["name"] == "حمد الضويلع"
    assert [p["role"] for p in visit["participants"] if p["kind"] == "group"] == ["المرضى المنومين"]
    assert [p["role"] for p in meeting["participants"] if p["kind"] == "group"] == ["المواطنين"]


def test_a_visit_to_patients_keeps_the_group_apart_from_the_role(ex):
    m = one(ex, "زار وكيل الوزارة المرضى المنومين في مستشفى الملك فهد بجدة أمس.")
    groups = [p["role"] for p in m["participants"] if p["kind"] == "group"]
    assert groups == ["المرضى المنومين"]
    assert m["location"].startswith("مستشفى الملك فهد")


def test_a_building_after_a_title_is_not_a_name(ex):
    m = one(ex, "زار المحافظ منفذ الطوال ورجال الأمن بالمنفذ وهنأهم بعيد الفطر.")
    assert not [p for p in m["participants"] if p["name"] and "منفذ" in p["name"]]
    assert any(p["kind"] == "group" and p["role"] == "رجال الأمن" for p in m["participants"])

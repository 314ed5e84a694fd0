"""Recognition of people, roles, groups and organisations (recognise/)."""
from __future__ import annotations

import pytest

from arnews.document import Document
from arnews.pipeline import Pipeline
from arnews.recognise.stage import bio_spans


def people(d: Document) -> list[tuple]:
    """(name, role, org, kind) per person the recogniser found, in text order."""
    return [(p.name.text if p.name else None, p.role.text if p.role else None,
             p.org.text if p.org else None, p.kind) for p in d.persons]


def names(d: Document) -> list[str]:
    return [p.name.text for p in d.persons if p.name is not None]


def labelled(d: Document, label: str) -> list[str]:
    return [m.text for m in sorted(d.mentions, key=lambda m: m.start) if m.label == label]


def person(d: Document, name: str):
    found = [p for p in d.persons if p.name is not None and p.name.text == name]
    assert found, f"{name!r} not among {names(d)}"
    return found[0]


# --- roles attached to names -------------------------------------------------------------


def test_role_before_name(run_doc):
    d = run_doc("استقبل وزير الخارجية السوري وليد المعلم اليوم السفير الإيطالي ماركو برونيتي.")
    assert people(d) == [("وليد المعلم", "وزير الخارجية السوري", None, "person"),
                         ("ماركو برونيتي", "السفير الإيطالي", None, "person")]


def test_role_after_name_with_its_organisation(run_doc):
    d = run_doc("اجتمع الدكتور فارس الزعبي وزير الصحة الأردني مع المهندس طارق النمري مدير شركة الكهرباء الوطنية.")
    assert people(d) == [("فارس الزعبي", "وزير الصحة الأردني", None, "person"),
                         ("طارق النمري", "مدير شركة الكهرباء الوطنية", "شركة الكهرباء الوطنية", "person")]


def test_name_role_after_said(run_doc):
    d = run_doc("وقال خالد الرفاعي وزير الإعلام إن المؤتمر ناجح.")
    assert people(d) == [("خالد الرفاعي", "وزير الإعلام", None, "person")]


def test_role_with_municipality_org(run_doc):
    d = run_doc("التقى رئيس بلدية نابلس محمد الشكعة اليوم.")
    assert people(d) == [("محمد الشكعة", "رئيس بلدية نابلس", "بلدية نابلس", "person")]
    assert labelled(d, "ORG") == ["بلدية نابلس"]


def test_role_ending_in_fi_organisation(run_doc):
    d = run_doc("وحضر المهندس رامي الكرمي رئيس قسم الهندسة في بلدية طولكرم.")
    p = person(d, "رامي الكرمي")
    assert p.role.text == "رئيس قسم الهندسة في بلدية طولكرم"
    assert p.org.text == "بلدية طولكرم"


def test_coordinated_roles_and_clitic_waw_name(run_doc):
    d = run_doc("استقبل الوزير عماد الحسن اليوم الضيوف يرافقه محمد الخطيب مستشار وزير الحكم المحلي "
                "ويوسف النتشة مهندس المشاريع في الوزارة.")
    assert ("محمد الخطيب", "مستشار وزير الحكم المحلي", None, "person") in people(d)
    p = person(d, "يوسف النتشة")         # the و of ويوسف is not part of the name
    assert p.role.text == "مهندس المشاريع في الوزارة"
    assert d.text[p.name.start:p.name.end] == "يوسف النتشة"


def test_role_with_preposition_clitic_starts_after_it(run_doc):
    d = run_doc("وجه الوزير الشكر لرئيس بلدية الخليل حسام الجعبري على جهوده.")
    p = person(d, "حسام الجعبري")
    assert p.role.text == "رئيس بلدية الخليل"        # not لرئيس
    assert d.text[p.role.start - 1] == "ل"


# --- titles and honorifics ---------------------------------------------------------------


@pytest.mark.parametrize("sentence, name", [
    ("رحب الدكتور عبدالرحمن المطيري بالضيوف.", "عبدالرحمن المطيري"),
    ("وحضر المهندس عماد الدجاني اللقاء.", "عماد الدجاني"),
    ("التقى مدير عام الجمارك اللواء سعد الشمري رئيس غرفة تجارة جدة.", "سعد الشمري"),
    ("قال معالي الدكتور ناصر آل الشيخ إن الجامعة مستعدة.", "ناصر آل الشيخ"),
    ("أكد السيد نبيل الحسن أن المشروع سينجز.", "نبيل الحسن"),
], ids=["doctor", "engineer", "major_general", "excellency", "mister"])
def test_titles_are_dropped_from_names(run_doc, sentence, name):
    d = run_doc(sentence)
    assert name in names(d)
    assert not any(n.startswith(("الدكتور", "المهندس", "اللواء", "معالي", "السيد")) for n in names(d))


@pytest.mark.parametrize("sentence, name", [
    ("أشاد صاحب السمو الملكي الأمير نواف بن فهد بالمبادرة.", "الأمير نواف بن فهد"),
    ("قال معالي الشيخ خليفة بن راشد آل نهيان إن المؤتمر ناجح.", "الشيخ خليفة بن راشد آل نهيان"),
], ids=["prince", "sheikh"])
def test_royal_and_religious_titles_stay_in_the_name(run_doc, sentence, name):
    d = run_doc(sentence)
    assert names(d) == [name]


def test_ben_chain_and_role_after_royal_name(run_doc):
    d = run_doc("استقبل صاحب السمو الملكي الأمير فيصل بن سعود بن عبدالله أمير منطقة تبوك اليوم "
                "معالي الدكتور ناصر آل الشيخ رئيس جامعة تبوك.")
    # MEETINGS.md: a regional governor's organisation is the region as the text names it
    assert people(d) == [("الأمير فيصل بن سعود بن عبدالله", "أمير منطقة تبوك", "منطقة تبوك", "person"),
                         ("ناصر آل الشيخ", "رئيس جامعة تبوك", "جامعة تبوك", "person")]


def test_family_name_that_is_also_an_adjective_is_kept(run_doc):
    # الصالح is a family name here, after الشيخ and a first name.
    d = run_doc("رحب فضيلة الشيخ عبدالرحمن الصالح بالضيوف.")
    assert names(d) == ["الشيخ عبدالرحمن الصالح"]


def test_regnal_number_stays_in_the_name(run_doc):
    d = run_doc("استقبل العاهل الأردني الملك عبدالله الثاني اليوم الرئيس القبرصي أندرياس كوستا.")
    assert "الملك عبدالله الثاني" in names(d)


# --- quoted foreign names ----------------------------------------------------------------


def test_quoted_foreign_name_after_role_with_field(run_doc):
    d = run_doc('التقى الوزير اليوم الخبيرة الفنلندية في الطاقة المتجددة "آنا كورهونن" في مكتبه.')
    p = person(d, "آنا كورهونن")
    assert p.role.text == "الخبيرة الفنلندية في الطاقة المتجددة"


def test_quoted_foreign_name_after_nisba_role(run_doc):
    d = run_doc('التقى رئيس البلدية اليوم الخبير الهولندي "يان فيرمولن" في مكتبه.')
    p = person(d, "يان فيرمولن")
    assert p.role.text == "الخبير الهولندي"


def test_quoted_name_glued_to_waw_before_role(run_doc):
    d = run_doc('التقى الوزير الخبيرة الفنلندية في الطاقة "آنا كورهونن" و"ماتي فيرتانن" مدير شركة "نورد باور" العالمية.')
    assert "ماتي فيرتانن" in names(d)
    p = person(d, "ماتي فيرتانن")
    assert p.role.text == 'مدير شركة "نورد باور" العالمية'
    assert d.text[p.name.start:p.name.end] == "ماتي فيرتانن"


def test_quoted_organisation_is_not_a_person(run_doc):
    d = run_doc("قال المتحدث إن «داعش» تبنى الهجوم.")
    assert names(d) == []


# --- organisations and groups ------------------------------------------------------------


@pytest.mark.parametrize("sentence, org", [
    ("وصل الحجاج إلى مطار الملك عبدالعزيز الدولي بجدة.", "مطار الملك عبدالعزيز الدولي"),
    ("افتتح الوزير مستشفى الملك فهد التخصصي اليوم.", "مستشفى الملك فهد التخصصي"),
    ("زار الوفد جامعة الأمير سلطان في الرياض.", "جامعة الأمير سلطان"),
], ids=["airport", "hospital", "university"])
def test_organisation_absorbs_the_name_inside_it(run_doc, sentence, org):
    d = run_doc(sentence)
    assert org in labelled(d, "ORG")
    assert not [n for n in names(d) if n in org]       # الملك عبدالعزيز is not a person here


@pytest.mark.parametrize("sentence, org", [
    ("وتسعى بلدية الزرقاء للوصول إلى أهدافها.", "بلدية الزرقاء"),
    ("وأشاد الوزير بالدور الذي تقوم به الجامعة وسعيها المتواصل للتطوير.", "الجامعة"),
], ids=["li_verbal_noun", "wa_noun"])
def test_organisation_ends_before_a_new_phrase(run_doc, sentence, org):
    d = run_doc(sentence)
    assert labelled(d, "ORG") == [org]


@pytest.mark.parametrize("sentence, role", [
    ("وأشاد الوزير بالدور الذي تقوم به الجامعة.", "الوزير"),
    ("وأشاد الوفد بالمبادرة الجديدة.", "الوفد"),
], ids=["minister", "delegation"])
def test_role_ends_before_a_word_with_preposition_ba(run_doc, sentence, role):
    d = run_doc(sentence)
    assert [p.role.text for p in d.persons if p.role] == [role]


def test_group_of_a_body(run_doc):
    d = run_doc("شارك أعضاء من المجلس البلدي في الاجتماع.")
    assert people(d) == [(None, "أعضاء من المجلس البلدي", "المجلس البلدي", "group")]
    assert labelled(d, "PERS") == []


def test_unnamed_role_holder_is_a_person_without_name(run_doc):
    d = run_doc("استقبل الوزير اليوم نظيره العماني في مكتبه.")
    assert (None, "نظيره العماني", None, "person") in people(d)


# --- boundaries ----------------------------------------------------------------------------


def test_two_names_joined_by_waw_are_two_people(run_doc):
    d = run_doc("حضر اللقاء السيد نبيل الحسن ومحمد البرغوثي.")
    assert names(d) == ["نبيل الحسن", "محمد البرغوثي"]


@pytest.mark.parametrize("sentence, name", [
    ("أدلى وزير الإعلام خالد الرفاعي بتصريح صحفي اليوم.", "خالد الرفاعي"),
    ("اجتمع وزير العمل مفرج الحقباني بمكتبه أمس مع رئيس الاتحاد.", "مفرج الحقباني"),
    ("أشاد أمير منطقة عسير الأمير فيصل بن خالد بجهود الجمعية.", "الأمير فيصل بن خالد"),
], ids=["bi_tasrih", "bi_maktabihi", "bi_juhud"])
def test_name_stops_before_a_word_with_preposition_ba(run_doc, sentence, name):
    d = run_doc(sentence)
    assert names(d) == [name]


@pytest.mark.parametrize("sentence, name, role", [
    ("التقى محافظ جنين محمد القاسم اليوم وفداً من التجار.", "محمد القاسم", "محافظ جنين"),
    ("التقى رئيس بلدية طولكرم إياد الجيوسي اليوم وفداً من التجار.", "إياد الجيوسي", "رئيس بلدية طولكرم"),
], ids=["governor_jenin", "mayor_tulkarm"])
def test_role_naming_a_place_does_not_swallow_the_name_after_it(run_doc, sentence, name, role):
    d = run_doc(sentence)
    p = person(d, name)
    assert p.role.text == role


def test_name_role_with_a_first_name_outside_the_statistics(run_doc):
    d = run_doc("وقال حسام الجعبري رئيس بلدية الخليل إن المشروع ناجح.")
    assert people(d) == [("حسام الجعبري", "رئيس بلدية الخليل", "بلدية الخليل", "person")]


def test_family_name_after_role_is_not_dropped(run_doc):
    d = run_doc("التقى وزير الخارجية الأردني محمد الفايز اليوم نظيره الإسباني خوسيه مارتينيز.")
    assert names(d) == ["محمد الفايز", "خوسيه مارتينيز"]


def test_noun_with_ba_is_not_the_first_name_of_a_family_name(run_doc):
    d = run_doc("التقى وزير النقل خالد الراشد اليوم رئيس الهيئة.\nوأشاد الوفد بجهود الراشد في تطوير القطاع.")
    assert names(d) == ["خالد الراشد", "الراشد"]


def test_possessed_noun_is_not_a_person(run_doc):
    d = run_doc("عقد مجلس الوزراء جلسته الأسبوعية اليوم برئاسة رئيس الوزراء.")
    assert labelled(d, "PERS") == []


def test_date_words_are_not_names(run_doc):
    d = run_doc("التقى وزير النقل خالد الراشد يوم الأحد الماضي رئيس الهيئة.")
    assert names(d) == ["خالد الراشد"]


# --- offsets -------------------------------------------------------------------------------


def test_every_mention_indexes_the_original_text(run_doc):
    text = ("اسْتَقْبَلَ وزيـــر الخارجيّة وليــد المعلّم اليومَ في مكتبه السفيرَ الإيطالي ماركو برونيتي، "
            "بحضور أعضاء من المجلس البلدي.")
    d = run_doc(text)
    assert d.mentions
    for m in d.mentions:
        assert text[m.start:m.end] == m.text
        assert m.text == m.text.strip()
    p = person(d, "وليــد المعلّم")          # tatweel and shadda kept, verbatim
    assert p.role.text == "وزيـــر الخارجيّة"
    assert text[p.name.start:p.name.end] == "وليــد المعلّم"


def test_mentions_have_labels_and_normalised_forms(run_doc):
    d = run_doc("التقى رئيس بلدية نابلس محمد الشكعة اليوم.")
    got = {(m.label, m.text, m.norm) for m in d.mentions if m.label in ("PERS", "OCC", "ORG")}
    assert got == {("PERS", "محمد الشكعة", "محمد الشكعه"),
                   ("OCC", "رئيس بلدية نابلس", "رييس بلديه نابلس"),
                   ("ORG", "بلدية نابلس", "بلديه نابلس")}


# --- a statistical tagger plugs in ------------------------------------------------------------


def test_bio_spans():
    assert bio_spans(["O", "B-PERS", "I-PERS", "O", "B-PERS", "B-PERS", "I-ORG", "I-PERS"], "PERS") \
        == [(1, 3), (4, 5), (5, 6), (7, 8)]
    assert bio_spans([], "PERS") == []


def test_tagger_names_are_used_where_rules_find_none():
    calls = []

    def tagger(words):
        calls.append(list(words))
        return ["B-PERS" if w == "زيدون" else "I-PERS" if w == "قطامش" else "O" for w in words]

    from arnews.document import Record

    d = Pipeline(ner=tagger).run(Record("t", "<t>", "وأشاد زيدون قطامش بالمبادرة أمس."))
    assert calls and calls[0][1] == "زيدون"
    [m] = [m for m in d.mentions if m.label == "PERS"]
    assert (m.text, m.method) == ("زيدون قطامش", "model")


def test_the_name_ali_starts_a_name_and_tatweel_stays_out_of_it(run_doc):
    d = run_doc("التقى الرئيس السابق علي عبدالله الأحمر اليوم الملك فهد بن سالم آل سعودــ في قصره. "
                "وكان علي بن ناصر حاضراً.")
    assert labelled(d, "PERS") == ["علي عبدالله الأحمر", "الملك فهد بن سالم آل سعود", "علي بن ناصر"]


def test_a_foundation_named_after_a_person_is_an_organisation(run_doc):
    d = run_doc("زار وفد من طلاب مؤسسة خالد بن سعد الخيرية مساء أمس الملحقية الثقافية في لندن.")
    assert labelled(d, "PERS") == []
    assert "مؤسسة خالد بن سعد الخيرية" in labelled(d, "ORG")


# --- what follows a role is not always a name ----------------------------------------------


def test_a_noun_phrase_after_a_role_is_not_a_name(run_doc):
    """بحث مع نظيره المصري + تمتين العلاقات: an unknown word and an ordinary definite word
    after a role are the object of the verb, not a person."""
    d = run_doc("وأوضح الوزير أنه بحث خلال لقائه مع نظيره الأردني تمتين العلاقات بين البلدين.")
    assert "تمتين العلاقات" not in names(d)


def test_a_place_after_an_unfinished_organisation_is_not_a_name(run_doc):
    d = run_doc("وحضر اللقاء سفير خادم الحرمين الشريفين لدى جمهورية مصر العربية أحمد بن عبدالعزيز قطان.")
    assert "مصر العربية" not in names(d)
    assert "أحمد بن عبدالعزيز قطان" in names(d)


def test_a_blessing_between_dashes_is_not_a_name(run_doc):
    d = run_doc("استقبل ولي العهد وزير الداخلية -حفظه الله- في قصره أمس وزير الخارجية المصري سامح شكري.")
    assert not [n for n in names(d) if "حفظه" in n]
    assert "سامح شكري" in names(d)


def test_a_list_of_people_with_conjunctions_keeps_each_role_to_its_holder(run_doc):
    # ، ووزير الخارجية starts the next person; it is not a second post of the one before
    d = run_doc("وحضر اللقاء وزير الخارجية عادل الجبير، ووزير الثقافة والإعلام عادل الطريفي.")
    assert person(d, "عادل الجبير").role.text == "وزير الخارجية"
    assert person(d, "عادل الطريفي").role.text == "وزير الثقافة والإعلام"
    # a second post after a comma, with no conjunction, is still the same person's
    d = run_doc("التقى ولي ولي العهد السعودي، وزير الدفاع الأمير محمد بن سلمان أمس الرئيس الفرنسي.")
    assert person(d, "الأمير محمد بن سلمان").role.text == "ولي ولي العهد السعودي، وزير الدفاع"


def test_a_title_after_a_role_is_not_part_of_it(run_doc):
    d = run_doc("اجتمع الوزير مع وزير خارجية جمهورية مصر العربية الأستاذ سامح شكري.")
    assert person(d, "سامح شكري").role.text == "وزير خارجية جمهورية مصر العربية"


def test_a_meeting_word_is_never_a_name(run_doc):
    d = run_doc("تلقى وزير الخارجية اتصالين هاتفيين من نظيريه الروسي سيرغي لافروف والأمريكي جون كيري.")
    assert not [n for n in names(d) if "اتصال" in n]


def test_a_tagger_name_loses_the_conjunction_the_corpora_kept_on_it(run_doc):
    # ANERcorp tags ومحمد as a first name: the name is محمد ..., وليد stays whole
    d = run_doc("وحضر اللقاء المهندس خالد العتيبي ومحمد نزال ووليد الصالح.")
    assert not [n for n in names(d) if n.startswith("ومحمد")]


def test_a_name_stops_at_the_words_it_would_run_on_into(run_doc):
    d = run_doc("وواصل اللاعب ياسر القحطاني برامجهم التأهيلية، وقال نوري المالكي الأخيرة كلمته، "
                "وتألق ليونيل ميسي ونيمار في المباراة.")
    assert {"ياسر القحطاني", "نوري المالكي", "ليونيل ميسي"} <= set(names(d))
    # a family name after the father's, and a definite family name after a first name, stay
    d = run_doc("استقبل الأمير اليوم علي بن ناصر الشهري. والتقى الرئيس السابق علي عبدالله الأحمر.")
    assert {"علي بن ناصر الشهري", "علي عبدالله الأحمر"} <= set(names(d))

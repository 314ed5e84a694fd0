"""Linking: one entity per person inside an article, ids stable across calls and articles."""
from __future__ import annotations

from conftest import meetings_of, records

from arnews.link import canonical_names
from arnews.link.stage import Linker, entity_id, name_key
from arnews.recognise.lexicon import load_lexicons

ARTICLE = ("استقبل وزير الصحة الأردني ماجد الحسيني اليوم في مكتبه السفير النمساوي هانس مولر.\n"
           "وأكد الحسيني خلال اللقاء أهمية التعاون الصحي بين البلدين.\n"
           "من جانبه أشاد مولر بالخدمات الصحية في الأردن.")


def pers(x) -> list[dict]:
    return [m for m in records(x.mentions) if m["label"] == "PERS"]


def test_family_name_mentions_link_to_the_full_name(ex):
    x = ex(ARTICLE)
    ms = pers(x)
    ids = {m["text"]: m["entity_id"] for m in ms}
    assert set(ids) == {"ماجد الحسيني", "الحسيني", "هانس مولر", "مولر"}
    assert ids["الحسيني"] == ids["ماجد الحسيني"]
    assert ids["مولر"] == ids["هانس مولر"]
    assert ids["ماجد الحسيني"] != ids["هانس مولر"]
    later = [m for m in ms if m["text"] == "الحسيني"][0]
    assert later["sentence_idx"] == 1
    assert ARTICLE[later["start"]:later["end"]] == "الحسيني"


def test_family_name_alone_as_subject_links(run_doc):
    d = run_doc("التقى وزير النقل خالد الراشد اليوم رئيس الهيئة.\nوقال الراشد إن المشروع جاهز.")
    ids = {p.name.text: p.name.entity_id for p in d.persons if p.name}
    assert set(ids) == {"خالد الراشد", "الراشد"}
    assert ids["الراشد"] == ids["خالد الراشد"]


def test_family_name_with_clitic_links_and_excludes_the_clitic(run_doc):
    # وأشاد الوفد بالراشد: "the delegation praised al-Rashed"; the ب is not part of the name.
    d = run_doc("التقى وزير النقل خالد الراشد اليوم رئيس الهيئة.\nوأشاد الوفد بالراشد وبجهوده.")
    full = [p for p in d.persons if p.name and p.name.text == "خالد الراشد"][0]
    short = [p for p in d.persons if p.name and p.name.text == "الراشد"]
    assert short, [p.name.text for p in d.persons if p.name]
    assert short[0].name.entity_id == full.name.entity_id
    assert d.text[short[0].name.start - 1] == "ب"


def test_entity_ids_are_stable_across_calls(ex):
    a = {m["text"]: m["entity_id"] for m in pers(ex(ARTICLE))}
    b = {m["text"]: m["entity_id"] for m in pers(ex(ARTICLE))}
    assert a == b
    assert all(v and v.startswith("P") for v in a.values())


def test_same_name_in_another_article_gets_the_same_id_whatever_its_title_or_diacritics(ex):
    first = {m["text"]: m["entity_id"] for m in pers(ex(ARTICLE))}
    other = ex("التقى الدكتور مَاجِد الحسينيّ أمس رئيس نقابة الأطباء.", published="2015-09-01")
    [m] = pers(other)
    assert m["text"] == "مَاجِد الحسينيّ"
    assert m["entity_id"] == first["ماجد الحسيني"]


def test_name_key_and_entity_id_functions():
    lex = load_lexicons()
    assert name_key("الدكتور ماجد الحسيني", lex) == "ماجد الحسيني"
    assert name_key('"هانس مولر"', lex) == "هانس مولر"
    assert entity_id("PERS", "ماجد الحسيني") == entity_id("PERS", "ماجد الحسيني")
    assert entity_id("PERS", "ماجد الحسيني") != entity_id("ORG", "ماجد الحسيني")
    assert entity_id("ORG", "بلديه الخليل").startswith("O")


def test_affiliations_state_person_role_and_org(ex):
    text = "التقى رئيس بلدية نابلس محمد الشكعة اليوم وزير الحكم المحلي سعيد العلوي."
    rows = records(ex(text).affiliations)
    got = {(r["person"], r["role"], r["org"]) for r in rows}
    assert got == {("محمد الشكعة", "رئيس بلدية نابلس", "بلدية نابلس"),
                   ("سعيد العلوي", "وزير الحكم المحلي", None)}
    for r in rows:
        assert r["person_entity_id"].startswith("P")
        assert text[r["start"]:r["end"]] in (f"{r['role']} {r['person']}", f"{r['person']} {r['role']}")
    nablus = [r for r in rows if r["org"]][0]
    assert nablus["org_entity_id"].startswith("O")


def test_unnamed_role_in_headline_takes_the_named_holder(ex):
    text = ("وزير الصحة الأردني يستقبل السفير النمساوي\n"
            "استقبل وزير الصحة الأردني ماجد الحسيني اليوم في مكتبه السفير النمساوي هانس مولر.")
    [m] = meetings_of(ex(text))
    assert {p["name"] for p in m["participants"]} == {"ماجد الحسيني", "هانس مولر"}


def test_canonical_names_is_the_linkers_answer(run_doc):
    d = run_doc("استقبل الرئيس فلاديمير بوتين الوزير عادل الجبير. وقال بوتين إن الزيارة مهمة.")
    canon = canonical_names(d)
    assert canon == Linker(load_lexicons()).canonical(d)
    assert {p.name.text for p in canon.values()} == {"فلاديمير بوتين", "عادل الجبير"}


def test_the_archive_spellings_of_one_name_share_one_key():
    """Issue 12's first split: the King written four ways is one key, one entity id."""
    lex = load_lexicons()
    spellings = ["الملك سلمان بن عبدالعزيز", "الملك سلمان بن عبد العزيز", "سلمان ابن عبدالعزيز"]
    assert {name_key(s, lex) for s in spellings} == {"سلمان بن عبدالعزيز"}
    with_family = ["الملك سلمان بن عبدالعزيز آل سعود", "الملك سلمان بن عبد العزيز آل سعود",
                   "خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود -حفظه"]
    assert {name_key(s, lex) for s in with_family} == {"سلمان بن عبدالعزيز ال سعود"}
    # the family stays in the key: أحمد بن عبدالعزيز آل ساهر is not the prince
    assert name_key("أحمد بن عبدالعزيز آل ساهر", lex) != name_key("الأمير أحمد بن عبدالعزيز", lex)
    assert name_key("أبو بكر البغدادي", lex) == name_key("أبوبكر البغدادي", lex)
    # a title word inside the name is the name's (آل الشيخ), only leading titles go
    assert name_key("الشيخ عبدالله آل الشيخ", lex) == name_key("عبدالله آل الشيخ", lex)
    assert "الشيخ" in name_key("عبدالله آل الشيخ", lex)
    # different fathers stay different people
    assert name_key("محمد بن سلمان", lex) != name_key("محمد بن نايف", lex)


def test_a_conjunction_glued_to_a_compound_first_name_is_not_in_the_name(run_doc):
    d = run_doc("التقى وزير الطاقة خالد الفالح وعبدالرؤوف أبو زناده أمس في الرياض.")
    names = [p.name.text for p in d.persons if p.name is not None]
    assert "عبدالرؤوف أبو زناده" in names and "خالد الفالح" in names


def test_a_father_named_in_a_son_s_chain_stays_another_person(run_doc):
    d = run_doc("استقبل الملك سلمان بن عبدالعزيز آل سعود اليوم ولي ولي العهد الأمير محمد بن سلمان بن عبدالعزيز، "
                "كما استقبل الأمير عبدالله بن فيصل بن عبدالعزيز والأمير عبدالله بن عبدالعزيز بن مساعد.")
    ids = {p.name.text: p.name.entity_id for p in d.persons if p.name is not None}
    assert ids["الملك سلمان بن عبدالعزيز آل سعود"] != ids["الأمير محمد بن سلمان بن عبدالعزيز"]
    assert len(set(ids.values())) == len(ids) == 4

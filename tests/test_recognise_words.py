"""The word classes of recognise/, loaded from lexicons/ in ordinary spelling, normalise to
exactly the strings the rules were written against (issue 10 moved them out of the Python).
Change a pinned class here only when you change the rules' knowledge on purpose."""
from __future__ import annotations

import pytest

from arnews.recognise import words as W
from arnews.recognise.lexicon import load_lexicons, nationality_forms
from arnews.recognise.wordfiles import lines, word_classes

PINNED = {
    "ORDINALS": {"الاول", "الثاني", "الثالث", "الرابع", "الخامس", "السادس"},
    "REGIONS": {"منطقه", "محافظه", "مدينه", "مركز", "امانه", "جمهوريه", "دوله", "مملكه", "سلطنه", "اماره"},
    "ROLE_ADJECTIVES": {"العام", "العامه", "المكلف", "المفوض", "المساعد", "الاعلي", "السابق", "الاسبق",
                        "الجديد", "الفخري", "المناوب", "الاول", "الثاني", "الثالث", "المشرف"},
    "CONNECTORS": {"بن", "بنت", "ابن", "ابو", "ابي", "ال", "عبد", "ام", "ولد", "دي", "فان", "فون"},
    "COMPOUND_STARTS": {"عبد", "ابو", "ام", "ابن"},
    "PATRONYMICS": {"بن", "بنت", "ابن"},
    "LINEAGE": {"بن", "ال"},
    "NOT_FIRST": {"بن", "بنت", "ال"},
    "STATE_WORDS": {"منطقه", "محافظه", "مملكه", "المملكه", "دوله", "جمهوريه", "اماره", "سلطنه", "المنطقه"},
    "GOVERNING_HEADS": {"امير", "محافظ", "وزير", "سفير", "قنصل", "حاكم", "والي", "وزيره", "سفيره"},
    "BUILDINGS": {"مكتب", "قصر", "مقر", "بيت", "منزل", "قاعه", "مبني", "منفذ", "مستشفي"},
    "SEATS": {"مكتب", "مقر", "قصر"},
    "SEAT_PREPOSITIONS": {"في", "علي"},
    "COMMAS": {"،", ","},
    "ALI": {"علي", "وعلي"},
    "PREPOSITION_LETTERS": {"ل", "ب"},
    "CONJUNCTION_LETTERS": {"و", "ف"},
    "FUTURE_PREFIXES": {"وس", "فس", "س"},
    "IMPERFECT_PREFIXES": {"ي", "ت"},
    "ADJECTIVE_ENDINGS": {"ي", "يه", "امه", "يا"},
    "POSSESSED_ENDINGS": {"ته", "تها", "تهم", "اته", "ات"},
    "PRONOUN_ENDINGS": {"ها", "هم", "ه"},
    "NATIONALITY_ENDINGS": {"ه", "ون", "ين", "يون", "يين"},
}
SINGLE = {"ARTICLE": "ال", "ARTICLE_AFTER_LAM": "لل", "LAM": "ل", "NISBA_ENDING": "ي",
          "ACCUSATIVE_ENDING": "ا", "NAME_YAA": "ي", "POSTING": "في", "PARTITIVE": "من", "ACCREDITED": "لدي"}


@pytest.mark.parametrize("name", sorted(PINNED))
def test_a_class_normalises_to_the_words_the_rules_expect(name):
    assert set(getattr(W, name)) == PINNED[name]


@pytest.mark.parametrize("name", sorted(SINGLE))
def test_a_single_word_class(name):
    assert getattr(W, name) == SINGLE[name]


def test_tuple_classes_are_tuples_for_startswith_and_endswith():
    for name in ("FUTURE_PREFIXES", "ADJECTIVE_ENDINGS", "POSSESSED_ENDINGS", "PRONOUN_ENDINGS",
                 "BUILDINGS", "SEATS"):
        assert isinstance(getattr(W, name), tuple)


def test_a_tsv_line_is_a_word_then_its_classes_and_a_word_may_repeat():
    classes = word_classes("affixes.tsv")
    assert classes["nisba_ending"] == ("ي",) and "ي" in classes["adjective_ending"]
    assert classes["*"].count("ي") == 1          # '*': every word of the file, once
    places = word_classes("place_heads.tsv")
    assert "المنطقه" in places["state"] and "المنطقه" not in places["region"]


def test_comment_lines_are_skipped():
    assert not any(ln.startswith("#") for ln in lines("name_connectors.tsv"))


def test_nationalities_take_their_endings_from_the_affix_file():
    forms = nationality_forms()
    assert {"سعودي", "السعودي", "سعوديه", "السعوديه", "سعوديون", "سعوديين"} <= forms


def test_a_stop_word_after_a_conjunction_is_a_stop_word():
    lex = load_lexicons()
    assert lex.is_stop("في") and lex.is_stop("وفي") and lex.is_stop("ففي")
    assert not lex.is_stop("") and not lex.is_stop("بفي")

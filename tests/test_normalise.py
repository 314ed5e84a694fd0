"""Normalisation: one spelling for matching, and an exact map back to the original text."""
from __future__ import annotations

import re

import pytest

from arnews.text.normalise import normalise, normalise_char, normalise_word

DIACRITISED = "اسْتَقْبَلَ وزيـــر الخارجيّة وليــد المعلّمُ اليومَ السفيرَ الإيطاليَّ في مكتبِه."


@pytest.mark.parametrize("raw, expected", [
    ("أحمد", "احمد"), ("إبراهيم", "ابراهيم"), ("آل", "ال"), ("ٱلله", "الله"),
    ("مصطفى", "مصطفي"), ("عيسى", "عيسي"),
    ("رئيسة", "رييسه"), ("الجامعة", "الجامعه"),
    ("مؤتمر", "موتمر"), ("هيئة", "هييه"),
    ("مُحَمَّدٌ", "محمد"), ("وزيـــر", "وزير"),
])
def test_letter_variants_diacritics_and_tatweel(raw, expected):
    assert normalise(raw).text == expected
    assert normalise_word(raw) == expected


def test_arabic_indic_and_extended_digits_become_ascii():
    assert normalise("٢٧/٠٨/٢٠١٢").text == "27/08/2012"
    assert normalise("۱۴۳۶هـ").text == "1436ه"
    assert normalise("٦٫٥").text[0] == "6" and normalise("٦٫٥").text[-1] == "5"


def test_invisible_marks_dropped_and_odd_spaces_become_spaces():
    text = "وزير\u200c الخارجية\u00a0الأردني\u200f"
    n = normalise(text)
    assert n.text == "وزير الخارجيه الاردني"
    assert normalise_char("\u00a0") == " "
    assert normalise_char("\u200c") == ""
    assert normalise_char("\u0640") == ""


def test_origin_has_one_entry_per_normalised_char_pointing_at_its_source():
    n = normalise(DIACRITISED)
    assert len(n.origin) == len(n.text)
    assert list(n.origin) == sorted(n.origin)          # order preserved
    for k, i in enumerate(n.origin):
        assert normalise_char(DIACRITISED[i]) == n.text[k]


@pytest.mark.parametrize("word", ["وزيـــر", "الخارجيّة", "وليــد", "المعلّمُ", "اليومَ",
                                  "السفيرَ", "الإيطاليَّ", "مكتبِه"])
def test_every_word_maps_back_to_its_original_characters(word):
    n = normalise(DIACRITISED)
    target = normalise_word(word)
    hits = [m.start() for m in re.finditer(re.escape(target), n.text)]
    assert hits, word
    k = hits[0]
    s, e = n.to_original(k, k + len(target))
    assert DIACRITISED[s:e] == word           # diacritics and tatweel included, nothing more
    assert n.original_span(k, k + len(target)) == word


def test_span_of_several_words_keeps_the_inner_tatweel_and_final_diacritic():
    n = normalise(DIACRITISED)
    k = n.text.index("وزير الخارجيه وليد المعلم")
    s, e = n.to_original(k, k + len("وزير الخارجيه وليد المعلم"))
    assert DIACRITISED[s:e] == "وزيـــر الخارجيّة وليــد المعلّمُ"


def test_span_does_not_swallow_the_following_space():
    n = normalise("قال المعلّمُ اليوم")
    k = n.text.index("المعلم")
    s, e = n.to_original(k, k + 6)
    assert "قال المعلّمُ اليوم"[s:e] == "المعلّمُ"
    assert "قال المعلّمُ اليوم"[e] == " "


def test_empty_span_maps_to_a_point():
    n = normalise("التقى الوزير")
    assert n.to_original(3, 3) == (3, 3)
    assert n.to_original(len(n.text), len(n.text)) == (len(n.original), len(n.original))


def test_digits_map_back_to_arabic_indic_originals():
    text = "في ٢٧ أغسطس ٢٠١٥م"
    n = normalise(text)
    k = n.text.index("2015")
    s, e = n.to_original(k, k + 4)
    assert text[s:e] == "٢٠١٥"


def test_plain_text_is_unchanged_and_identity_mapped():
    text = "التقي الوزير نظيره في عمان"
    n = normalise(text)
    assert n.text == text
    assert n.origin == tuple(range(len(text)))

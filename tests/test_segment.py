"""Sentence splitting and tokenisation (text/segment.py, text/stage.py)."""
from __future__ import annotations

import pytest

from arnews.document import Document, Record
from arnews.text.stage import Normaliser, Segmenter


@pytest.fixture(scope="module")
def seg():
    normaliser, segmenter = Normaliser(), Segmenter()

    def _seg(text: str) -> Document:
        return segmenter(normaliser(Document(Record("t", "<t>", text))))

    return _seg


def sentences(d: Document) -> list[str]:
    return [d.text[s:e] for s, e in d.sentences]


def tokens(d: Document) -> list[list[str]]:
    return [[t.text for t in toks] for toks in d.sentence_tokens]


def test_splits_at_full_stop_question_and_exclamation(seg):
    d = seg("التقى الوزير نظيره. هل اتفقا على الموعد؟ نعم اتفقا! وانتهى اللقاء")
    assert sentences(d) == ["التقى الوزير نظيره.", "هل اتفقا على الموعد؟", "نعم اتفقا!",
                            "وانتهى اللقاء"]


def test_line_break_ends_a_sentence_without_punctuation(seg):
    d = seg("وزير الصحة يستقبل وفداً أردنياً\nاستقبل وزير الصحة اليوم وفداً من عمان.")
    assert sentences(d) == ["وزير الصحة يستقبل وفداً أردنياً",
                            "استقبل وزير الصحة اليوم وفداً من عمان."]
    assert d.sentence_tokens[1][0].nl_before is True   # the rules see the line break


def test_no_split_inside_numbers(seg):
    d = seg("بلغ عدد الزوار 6.750.270 زائراً. وارتفعت النسبة 3.5 في المئة.")
    assert sentences(d) == ["بلغ عدد الزوار 6.750.270 زائراً.", "وارتفعت النسبة 3.5 في المئة."]
    assert "6.750.270" in tokens(d)[0]


def test_sentence_ending_in_a_number_splits(seg):
    # A full stop right after a year or a date still ends the sentence.
    d = seg("وقّع الجانبان الاتفاقية في عام 2015. والتقى الوزير نظيره يوم 27/8/2012. وبحثا التعاون.")
    assert sentences(d) == ["وقّع الجانبان الاتفاقية في عام 2015.", "والتقى الوزير نظيره يوم 27/8/2012.",
                            "وبحثا التعاون."]


def test_no_split_after_abbreviation_dr(seg):
    d = seg("استقبل د. سامر النجار وزير الصحة اليوم. وبحث الجانبان التعاون.")
    assert sentences(d) == ["استقبل د. سامر النجار وزير الصحة اليوم.", "وبحث الجانبان التعاون."]


def test_quote_glued_to_waw_is_split_off(seg):
    d = seg('التقى الوزير "بيتر هانسن" و"دوسان ميلوفيتش" اليوم.')
    [toks] = tokens(d)
    i = toks.index("دوسان")
    assert toks[i - 2:i + 2] == ["و", '"', "دوسان", "ميلوفيتش"]
    assert "بيتر" in toks and '"' in toks


def test_guillemet_glued_to_waw_is_split_off(seg):
    d = seg("التقى ممثلو «الهلال الأحمر» و«أطباء بلا حدود» في جنيف.")
    [toks] = tokens(d)
    i = toks.index("اطباء")
    assert toks[i - 2:i] == ["و", "«"]


def test_sentence_spans_index_the_original_text_with_diacritics(seg):
    text = "اسْتَقْبَلَ وزيـــر الصحة ضيفَه.\nوبَحَثَ الجانبانِ التعاونَ"
    d = seg(text)
    assert sentences(d) == ["اسْتَقْبَلَ وزيـــر الصحة ضيفَه.", "وبَحَثَ الجانبانِ التعاونَ"]


def test_tokens_are_normalised_and_digits_ascii(seg):
    d = seg("التقى الوزير ممثلي ٣ شركات في عام ٢٠١٥ بمقر الوزارة.")
    [toks] = tokens(d)
    assert toks[0] == "التقي"
    assert "3" in toks and "2015" in toks
    assert d.n_tokens == len(toks)


def test_closing_quote_then_full_stop_ends_the_sentence(seg):
    # «نعم». ends the quoted reply and the sentence; وأضاف starts the next one.
    d = seg("قال الوزير: «نعم». وأضاف أن اللقاء كان مثمراً.")
    assert sentences(d) == ["قال الوزير: «نعم».", "وأضاف أن اللقاء كان مثمراً."]


def test_blank_lines_and_leading_spaces_make_no_empty_sentences(seg):
    d = seg("  العنوان\n\n\nالتقى الوزير نظيره.\n\n")
    assert sentences(d) == ["العنوان", "التقى الوزير نظيره."]
    assert all(toks for toks in d.sentence_tokens)


def test_full_stop_glued_between_two_words_ends_the_sentence():
    from arnews.text.segment import make_nlp
    from arnews.text.stage import split_sentences

    doc = make_nlp()("وتبحث الشركة فرص التعاون في هذا المجال.وبين الرئيس أن العقد وقع على http://www.example.com/a.html أمس.")
    text = doc.text
    assert [text[s[0].start:s[-1].end] for s in split_sentences(doc)] == [
        "وتبحث الشركة فرص التعاون في هذا المجال.",
        "وبين الرئيس أن العقد وقع على http://www.example.com/a.html أمس."]

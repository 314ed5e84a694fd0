"""Seeing the meetings: the notebook card, `arnews show`, and the HTML report (issue 14).

The articles are the bundled Hebron article and sentences written for these tests."""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from html.parser import HTMLParser

import pytest
from typer.testing import CliRunner

import arnews
from arnews.cli import app
from arnews.text.normalise import normalise_word
from arnews.view.archive import Archive, name_key
from arnews.view.card import tables_html
from arnews.view.marks import Mark, segments, without_overlaps
from arnews.view.report import render, report_data
from arnews.view.terminal import rtl, visual, wrap

from conftest import REPO, SAMPLE

RIYADH = ("استقبل وزير الخارجية عادل الجبير في الرياض أمس نظيره الفرنسي لوران فابيوس، "
          "وبحث معه العلاقات الثنائية بين البلدين.")
HEBRON_CALL = ("التقى الرئيس الفلسطيني محمود عباس اليوم في رام الله رئيس بلدية الخليل خالد العسيلي "
               "لبحث الاوضاع في المدينة.")


@pytest.fixture(scope="module")
def out(tmp_path_factory):
    """An output folder: the Hebron article and two written articles of 2015-08-11."""
    folder = tmp_path_factory.mktemp("view")
    inputs = folder / "in"
    inputs.mkdir()
    shutil.copy(SAMPLE, inputs / SAMPLE.name)
    with open(inputs / "day.jsonl", "w", encoding="utf-8") as f:
        for i, text in enumerate((RIYADH, HEBRON_CALL)):
            f.write(json.dumps({"id": f"w{i}", "text": text, "title": f"خبر {i}", "date_extracted": "2015-08-11"},
                               ensure_ascii=False) + "\n")
    arnews.extract([inputs], folder / "out")
    return folder / "out"


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts: list[str] = []

    def handle_data(self, data):
        self.parts.append(data)


def visible_text(html: str) -> str:
    parser = _Text()
    parser.feed(html)
    return "".join(parser.parts)


# --- pure pieces -------------------------------------------------------------------

def test_overlapping_marks_keep_the_more_important():
    marks = [Mark(0, 10, "purpose", "purpose"), Mark(3, 6, "party", "host"), Mark(8, 12, "date", "date")]
    kept = without_overlaps(marks)
    assert [m.kind for m in kept] == ["party", "date"]
    text = "abcdefghijklmnop"
    assert segments(text, 0, 14, kept) == [("abc", None), ("def", kept[0]), ("gh", None), ("ijkl", kept[1]),
                                            ("mn", None)]


def test_query_key_folds_letters_as_the_pipeline_does():
    for name in ("أحمد", "إبراهيم", "آمنة", "مُحَمَّد", "عيسى", "مؤمن", "هيئة", "عبـدالله", "ٱلقدس"):
        assert name_key(name) == normalise_word(name)


def test_terminal_lines_are_wrapped_before_reordering():
    pieces = [("التقى", "bold red"), (" خالد العسيلي رئيس بلدية الخليل في مكتبه الخبيرة الصربية", "")]
    lines = wrap(pieces, 20)
    assert all(sum(len(w) for w, _ in line) + len(line) - 1 <= 20 for line in lines)
    assert lines[0][0] == ("التقى", "bold red")           # reading order kept by the wrap
    shown = rtl(pieces, 20).plain.split("\n")
    assert shown[0].endswith(visual("التقى"))              # the first word is printed at the right
    assert rtl(pieces, 20, bidi=False).plain.split("\n")[0].startswith("التقى")


# --- the notebook card --------------------------------------------------------------

def test_card_of_the_hebron_article_marks_parties_by_side_in_the_evidence():
    ex = arnews.extract_text(SAMPLE.read_text(encoding="utf-8"), published="2012-08-27")
    html = ex._repr_html_()
    assert 'dir="rtl"' in html and "<style>" in html
    card = re.search(r'<p class="arnews-evidence".*?</p>', html, re.S).group(0)
    assert re.search(r'arnews-as-host">خالد العسيلي رئيس بلدية الخليل<span class="arnews-lbl">host', card)
    assert re.search(r'arnews-as-guest">[^<]*بونيا جلوسفيتش', card)
    assert re.search(r'arnews-as-trigger">التقى<', card)
    assert "التقى اليوم خالد العسيلي" in visible_text(card).replace("trigger", "").replace("date", "").replace("host", "")
    assert "arnews-ent-as-PERS" in html                       # the entity view follows
    assert repr(ex).startswith("Extraction(articles=1, mentions=")


def test_card_from_an_output_folder_matches_the_one_from_text(out):
    tables = Archive(out).article_tables(doc_id="w0")
    html = tables_html(tables)
    assert 'arnews-as-host">وزير الخارجية عادل الجبير' in html or 'arnews-as-host">عادل الجبير' in html
    assert "لوران فابيوس" in visible_text(html)
    assert 'arnews-as-place">الرياض<' in html


# --- arnews show --------------------------------------------------------------------

def test_show_person_finds_any_spelling_and_lists_counterparts(out):
    runner = CliRunner()
    result = runner.invoke(app, ["show", str(out), "--person", "العسيلى", "--no-bidi"])   # ى for ي
    assert result.exit_code == 0, result.output
    assert "خالد العسيلي" in result.output
    assert "2012-08-27" in result.output and "2015-08-11" in result.output   # two meetings, in date order
    assert result.output.index("2012-08-27") < result.output.index("2015-08-11")
    assert "محمود" in result.output and "بونيا" in result.output


def test_show_meeting_and_article_and_exit_codes(out):
    runner = CliRunner()
    archive = Archive(out)
    (mid,) = [r["meeting_id"] for r in archive.rows("SELECT meeting_id FROM meetings m JOIN articles a "
                                                     "USING (article_id) WHERE a.doc_id = 'w0'")]
    shown = runner.invoke(app, ["show", str(out), "--meeting", mid, "--no-bidi"])
    assert shown.exit_code == 0 and "لوران فابيوس" in shown.output and "guest" in shown.output
    assert "استقبل" in shown.output
    article = runner.invoke(app, ["show", str(out), "--article", "w1", "--no-bidi"])
    assert article.exit_code == 0 and "محمود عباس" in article.output
    assert runner.invoke(app, ["show", str(out), "--person", "لا احد بهذا الاسم"]).exit_code == 1
    assert runner.invoke(app, ["show", str(out)]).exit_code == 2
    assert runner.invoke(app, ["show", str(out / "nowhere"), "--meeting", mid]).exit_code == 2


# --- the report ---------------------------------------------------------------------

def _embedded(html: str) -> dict:
    payload = re.search(r'<script id="arnews-data" type="application/json">(.*?)</script>', html, re.S).group(1)
    return json.loads(payload.replace("<\\/", "</"))


def test_report_carries_people_sides_and_evidence(out, tmp_path):
    result = CliRunner().invoke(app, ["report", str(out), "--html", str(tmp_path / "r.html")])
    assert result.exit_code == 0, result.output
    html = (tmp_path / "r.html").read_text(encoding="utf-8")
    assert "http://" not in re.sub(r"https?://[^\"' ]*(visjs|chartjs|github|almende|opensource|momentjs)[^\"' ]*", "", html)[:200]
    assert "vis.Network" in html and "new Chart(" in html   # the libraries are inlined
    data = _embedded(html)
    cols, pcols = data["columns"], data["party_columns"]
    rows = {r[cols.index("doc_id")]: r for r in data["meetings"]}
    riyadh = rows["w0"]
    sides = {p[pcols.index("name")]: p[pcols.index("side")] for p in riyadh[cols.index("parties")]}
    assert sides == {"عادل الجبير": "host", "لوران فابيوس": "guest"}
    evidence = riyadh[cols.index("evidence")]
    host = next(p for p in riyadh[cols.index("parties")] if p[pcols.index("side")] == "host")
    assert "عادل الجبير" in evidence[host[pcols.index("start")]:host[pcols.index("end")]]
    assert set(data["people"].values()) >= {"خالد العسيلي", "محمود عباس", "لوران فابيوس"}
    # the same person is one id across the two articles that name him
    ids = {p[pcols.index("entity_id")] for r in data["meetings"] for p in r[cols.index("parties")]
           if p[pcols.index("name")] == "خالد العسيلي"}
    assert len(ids) == 1


def test_report_escapes_what_would_end_its_script():
    data = {"people": {}, "meetings": [], "columns": [], "party_columns": [], "x": "</script><b>"}
    html = render(data)
    assert "</script><b>" not in html and _embedded(html)["x"] == "</script><b>"


@pytest.mark.slow
@pytest.mark.corpora
def test_report_of_a_saudinewsnet_day(tmp_path):
    day = REPO.parent / "shared" / "corpora" / "saudinewsnet" / "2015-08-11.json.gz"
    if not day.exists():
        pytest.skip("needs ../shared/corpora")
    arnews.extract([day], tmp_path / "out", workers=2)
    data = report_data(Archive(tmp_path / "out"))
    cols, pcols = data["columns"], data["party_columns"]
    assert len(data["meetings"]) > 150
    for row in data["meetings"]:
        evidence = row[cols.index("evidence")]
        for p in row[cols.index("parties")]:
            if p[pcols.index("start")] is not None:   # the highlight says the party's name or role
                said = evidence[p[pcols.index("start")]:p[pcols.index("end")]]
                role = p[pcols.index("role")] or ""
                assert p[pcols.index("name")].split()[-1] in said or (role and role.split()[0] in said)
    html = render(data)
    assert len(html.encode()) < 20e6
    # the notebook card of the day's meetings, from the output folder: every named party
    # shown with its side, the evidence sentence of the article
    archive = Archive(tmp_path / "out")
    for row in data["meetings"][:25]:
        card = tables_html(archive.article_tables(meeting_id=row[cols.index("meeting_id")]))
        shown = visible_text(re.sub(r'<span class="arnews-lbl">[^<]*</span>', "", card))   # without the labels
        assert row[cols.index("evidence")][:40] in shown
        for p in row[cols.index("parties")]:
            assert p[pcols.index("name")] in shown
            assert f'arnews-side-{p[pcols.index("side")]}' in card


def test_report_draws_in_headless_chromium_without_errors(out, tmp_path):
    pytest.importorskip("playwright")
    sys.path.insert(0, str(REPO / "scripts"))
    from check_report import check, find_chromium

    chromium = find_chromium()
    if not chromium:
        pytest.skip("no Chromium (scripts/check_report.py --install gets Debian's)")
    CliRunner().invoke(app, ["report", str(out), "--html", str(tmp_path / "r.html")])
    result = check(tmp_path / "r.html", chromium, screenshot=tmp_path / "r.png")
    assert result["errors"] == []
    assert 0 < result["drawn_s"] <= 3
    assert (tmp_path / "r.png").stat().st_size > 10_000

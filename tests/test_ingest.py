"""Ingest: files and folders in, one Record (or IngestError) per article out."""
from __future__ import annotations

import gzip
import json
from datetime import date
from pathlib import Path

import pytest

from arnews.document import IngestError, Record
from arnews.ingest import iter_inputs, parse_article
from arnews.ingest.dateline import find_dateline
from arnews.ingest.jsonrec import content_id
from arnews.ingest.dates import parse_date

REPO = Path(__file__).resolve().parents[1]
HEBRON = REPO / "data" / "raw" / "000_1b4cc8108e9504d4.txt"
CORPORA = REPO.parent / "shared" / "corpora"

BODY = "التقى وزير الخارجية الأردني أيمن الصفدي اليوم نظيره المصري سامح شكري في عمان.\n\nوبحث الجانبان العلاقات الثنائية."


def read(*paths: Path | str) -> list[Record | IngestError]:
    return list(iter_inputs(list(paths)))


def records(items: list[Record | IngestError]) -> list[Record]:
    return [x for x in items if isinstance(x, Record)]


def errors(items: list[Record | IngestError]) -> list[IngestError]:
    return [x for x in items if isinstance(x, IngestError)]


def write(path: Path, text: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        text = text.encode("utf-8")
    if path.name.endswith(".gz"):
        text = gzip.compress(text)
    path.write_bytes(text)
    return path


# --- .txt -------------------------------------------------------------------------------


def test_bundled_hebron_article():
    [rec] = read(HEBRON)
    assert isinstance(rec, Record)
    assert rec.doc_id == "000_1b4cc8108e9504d4"
    assert rec.source_path == "000_1b4cc8108e9504d4.txt"
    assert rec.published == date(2012, 8, 27)  # not the page timestamp 04/01/2025
    assert rec.dateline == "الخليل"
    assert rec.source == "معا"
    assert rec.title.startswith("بلدية الخليل تبحث")
    assert rec.text.startswith("الخليل - معا - التقى اليوم")
    assert "بتوقيت" not in rec.text and "نشر بتاريخ" not in rec.text
    raw = HEBRON.read_text(encoding="utf-8")
    assert raw[raw.index(rec.text[:40]):].rstrip() == rec.text  # body kept character for character
    assert rec.record_index is None


@pytest.mark.parametrize(
    ("raw", "title", "published", "dateline", "source", "starts"),
    [
        pytest.param(
            "الأحد، ١٢/٠٣/٢٠٢٣ بتوقيت القدس\n\nوزير الخارجية يستقبل نظيره الأردني\n"
            "تاريخ النشر: ٢٠٢٣-٠٣-١١\nرام الله - وفا - استقبل وزير الخارجية رياض المالكي اليوم نظيره الأردني.\n",
            "وزير الخارجية يستقبل نظيره الأردني", date(2023, 3, 11), "رام الله", "وفا", "رام الله - وفا - استقبل",
            id="arabic-indic-digits-iso",
        ),
        pytest.param(
            "رئيس الوزراء يلتقي وفدا من البنك الدولي\n\nغزة – صفا: التقى رئيس الوزراء محمد اشتية اليوم وفدا من البنك الدولي.\n",
            "رئيس الوزراء يلتقي وفدا من البنك الدولي", None, "غزة", "صفا", "غزة – صفا: التقى",
            id="title-then-body",
        ),
        pytest.param(
            "نشر في 5 مارس 2019\nالقدس – (رويترز) – قالت الشرطة الإسرائيلية إن وزير الأمن الداخلي اجتمع بقادة الشرطة.\n",
            None, date(2019, 3, 5), "القدس", "رويترز", "القدس – (رويترز) – قالت",
            id="only-published-month-name",
        ),
        pytest.param(
            "الخميس: 09/05/2024 بتوقيت مكة المكرمة\n\nأمير الرياض يستقبل سفير اليابان\n\n"
            "نشر بتاريخ: 08/05/2024 ( آخر تحديث: 08/05/2024 الساعة: 10:05 )\n"
            "الرياض - واس: استقبل أمير منطقة الرياض الأمير فيصل بن بندر سفير اليابان لدى المملكة.\n",
            "أمير الرياض يستقبل سفير اليابان", date(2024, 5, 8), "الرياض", "واس", "الرياض - واس: استقبل",
            id="stamp-title-published",
        ),
        pytest.param(
            "السبت: 04/01/2025 بتوقيت القدس الشريف\n\n" + BODY,
            None, None, None, None, "التقى وزير الخارجية الأردني",
            id="page-stamp-is-not-published",
        ),
        pytest.param(BODY + "\n\n", None, None, None, None, "التقى وزير الخارجية الأردني", id="no-headers"),
    ],
)
def test_txt_headers(tmp_path, raw, title, published, dateline, source, starts):
    [rec] = read(write(tmp_path / "a.txt", raw))
    assert isinstance(rec, Record), rec
    assert (rec.title, rec.published, rec.dateline, rec.source) == (title, published, dateline, source)
    assert rec.text.startswith(starts)
    assert raw[raw.index(starts):].rstrip() == rec.text
    assert rec.doc_id == "a"


def test_txt_without_headers_is_all_text(tmp_path):
    [rec] = read(write(tmp_path / "plain.txt", BODY + "\n"))
    assert rec.text == BODY and rec.title is None


def test_first_paragraph_is_not_taken_for_a_title():
    art = parse_article("عقد مجلس الوزراء جلسته الأسبوعية برئاسة رئيس الوزراء اليوم.\n\nوناقش المجلس عدة قضايا.")
    assert art.title is None
    assert art.text.startswith("عقد مجلس الوزراء")


def test_crlf_and_gzip_txt(tmp_path):
    raw = "اجتماع ثلاثي في القاهرة\r\n\r\nالقاهرة (رويترز) - اجتمع وزراء خارجية مصر والأردن والعراق اليوم.\r\n"
    [rec] = read(write(tmp_path / "news.txt.gz", raw))
    assert rec.doc_id == "news"
    assert rec.title == "اجتماع ثلاثي في القاهرة"
    assert (rec.dateline, rec.source) == ("القاهرة", "رويترز")
    assert rec.text == "القاهرة (رويترز) - اجتمع وزراء خارجية مصر والأردن والعراق اليوم."


@pytest.mark.parametrize(
    ("name", "content", "error"),
    [
        ("bad.txt", "التقى الوزير".encode("utf-8") + b"\xff\xfe" + "نظيره".encode("utf-8"), "UnicodeDecodeError"),
        ("empty.txt", b"", "EmptyTextError"),
        ("blank.txt", b"  \n\n ", "EmptyTextError"),
        ("headers.txt", "نشر بتاريخ: 27/08/2012\n\n".encode("utf-8"), "EmptyTextError"),
        ("trunc.txt.gz", gzip.compress(BODY.encode("utf-8"))[:-12], "EOFError"),
    ],
)
def test_unreadable_txt_is_an_error(tmp_path, name, content, error):
    path = tmp_path / name
    path.write_bytes(content)
    [err] = read(path)
    assert isinstance(err, IngestError)
    assert (err.error, err.source_path, err.record_index, err.stage) == (error, name, None, "ingest")
    assert err.message


# --- JSON / JSONL -------------------------------------------------------------------------


def test_jsonl_gz_bad_line_fails_alone(tmp_path):
    lines = [
        json.dumps({"text": "استقبل الرئيس الفلسطيني وفدا من الكونغرس.", "date": "2021-06-01"}, ensure_ascii=False),
        '{"text": "اجتمع مجلس الأمن", ',
        "",
        json.dumps({"body": "بحث وزير المالية مع سفير ألمانيا سبل التعاون.", "guid": "g-7"}, ensure_ascii=False),
        json.dumps({"title": "بلا نص"}, ensure_ascii=False),
    ]
    items = read(write(tmp_path / "feed.jsonl.gz", "\n".join(lines) + "\n"))
    assert [type(x).__name__ for x in items] == ["Record", "IngestError", "Record", "IngestError"]
    first, broken, second, no_text = items
    # no id of its own: named by its content, so that re-ordering the file renames nothing
    assert (first.doc_id, first.record_index, first.published) == (
        content_id("feed", None, "استقبل الرئيس الفلسطيني وفدا من الكونغرس."), 0, date(2021, 6, 1))
    assert first.doc_id.startswith("feed#") and len(first.doc_id) == len("feed#") + 12
    assert (broken.error, broken.record_index) == ("JSONDecodeError", 1)
    assert broken.message.startswith("line 2:")
    assert (second.doc_id, second.record_index) == ("g-7", 2)
    assert (no_text.error, no_text.record_index) == ("MissingTextError", 3)
    assert {x.source_path for x in items} == {"feed.jsonl.gz"}


def test_truncated_jsonl_gz_keeps_what_came_before(tmp_path):
    lines = [json.dumps({"text": f"التقى المحافظ وفدا رقم {i}."}, ensure_ascii=False) for i in range(200)]
    path = tmp_path / "cut.jsonl.gz"
    path.write_bytes(gzip.compress("\n".join(lines).encode("utf-8"))[:-40])
    items = read(path)
    assert isinstance(items[-1], IngestError) and items[-1].error == "EOFError"
    assert len(records(items)) >= 100 and len(errors(items)) == 1


def test_jsonl_bad_utf8_line(tmp_path):
    good = json.dumps({"text": "زار رئيس الوزراء مدينة جنين."}, ensure_ascii=False).encode("utf-8")
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(good + b"\n" + b'{"text": "\xff"}\n' + good + b"\n")
    items = read(path)
    assert [type(x).__name__ for x in items] == ["Record", "IngestError", "Record"]
    assert (items[1].error, items[1].record_index) == ("UnicodeDecodeError", 1)


def test_json_array_with_non_object(tmp_path):
    data = [
        {"id": 17, "headline": "وزير الصحة يلتقي ممثل منظمة الصحة العالمية", "content": "التقى وزير الصحة ممثل المنظمة.",
         "pubDate": "Tue, 11 Aug 2015 18:51:12 GMT", "link": "https://example.org/a", "source": "wafa"},
        "ليس كائنا",
        {"article": "عقدت اللجنة الوزارية اجتماعها الأول.", "published_at": "2015-08-11T18:51:12Z"},
    ]
    items = read(write(tmp_path / "batch.json", json.dumps(data, ensure_ascii=False)))
    assert [type(x).__name__ for x in items] == ["Record", "IngestError", "Record"]
    a, bad, c = items
    assert (a.doc_id, a.title, a.published, a.url, a.source, a.record_index) == (
        "17", "وزير الصحة يلتقي ممثل منظمة الصحة العالمية", date(2015, 8, 11), "https://example.org/a", "wafa", 0)
    assert (bad.error, bad.record_index) == ("NotAnObjectError", 1)
    assert (c.doc_id, c.published, c.record_index) == (
        content_id("batch", None, "عقدت اللجنة الوزارية اجتماعها الأول."), date(2015, 8, 11), 2)


def test_json_single_object_and_file_errors(tmp_path):
    [one] = read(write(tmp_path / "one.json.gz", json.dumps({"text": "اجتمع الوزير بالسفير."}, ensure_ascii=False)))
    assert (one.doc_id, one.record_index, one.source_path) == ("one", None, "one.json.gz")
    [bad] = read(write(tmp_path / "bad.json", '[{"text": "ناقص"'))
    assert (bad.error, bad.record_index) == ("JSONDecodeError", None)
    [scalar] = read(write(tmp_path / "scalar.json", '"نص"'))
    assert scalar.error == "NotAnObjectError"
    [empty] = read(write(tmp_path / "empty.jsonl", ""))
    assert empty.error == "NoRecordsError"


def test_json_text_is_untouched_and_dateline_found(tmp_path):
    spa = " جدة 12 رمضان 1444 هـ الموافق 03 أبريل 2023 م واس\n استقبل ولي العهد رئيس وزراء باكستان.  \n"
    sabq = " سعد الحربي- سبق- الدمام: التقى أمير المنطقة الشرقية مدير الجامعة."
    data = [{"content": spa, "source": "was"}, {"content": sabq}]
    spa_rec, sabq_rec = read(write(tmp_path / "snn.json", json.dumps(data, ensure_ascii=False)))
    assert spa_rec.text == spa  # JSON text is passed through, whitespace and all
    assert (spa_rec.dateline, spa_rec.source) == ("جدة", "was")  # the record's own source wins
    assert (sabq_rec.dateline, sabq_rec.source) == ("الدمام", "سبق")  # no field: the byline's agency


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2015-08-11 18:51:12", date(2015, 8, 11)),
        ("2015-08-11T18:51:12Z", date(2015, 8, 11)),
        ("2015-08-11", date(2015, 8, 11)),
        ("Tue, 11 Aug 2015 18:51:12 GMT", date(2015, 8, 11)),
        ("11/08/2015", date(2015, 8, 11)),
        ("١١/٠٨/٢٠١٥", date(2015, 8, 11)),
        ("11 آب 2015", date(2015, 8, 11)),
        ("31/02/2015", None),
        ("قريبا", None),
        (None, None),
    ],
)
def test_parse_date(value, expected):
    assert parse_date(value) == expected


@pytest.mark.parametrize(
    ("head", "place", "agency"),
    [
        ("بيروت - د.ب.أ - أعلن رئيس الحكومة", "بيروت", "د.ب.أ"),
        ("واس- مكة المكرمة: استقبل", "مكة المكرمة", "واس"),
        ("نايف الشمري – عين اليوم\nكشف", None, "عين اليوم"),
        ("غادر - بحفظ الله ورعايته - خادم الحرمين", None, None),  # an aside, not a dateline
        ("أكد الوزير أن الاجتماع - الذي عقد أمس - كان مثمرا", None, None),
    ],
)
def test_dateline_shapes(head, place, agency):
    dl = find_dateline(head)
    assert (dl.place if dl else None, dl.agency if dl else None) == (place, agency)


# --- paths --------------------------------------------------------------------------------


def test_folders_walk_sorted_with_relative_paths(tmp_path):
    root = tmp_path / "in"
    write(root / "b.txt", "زار الوزير مدينة نابلس.")
    write(root / "a" / "z.txt", "التقى المحافظ وفدا.")
    write(root / "a" / "deep" / "x.jsonl", '{"text": "اجتمع المجلس."}\n')
    write(root / "a" / "notes.md", "not an article")  # unsupported inside a folder: a "skipped" row
    write(root / ".cache" / "h.txt", "مخفي")  # hidden folder: not read, no row (documented rule)
    write(root / ".hidden.txt", "مخفي")
    items = read(root)
    assert [x.source_path for x in items] == ["a/notes.md", "a/deep/x.jsonl", "a/z.txt", "b.txt"]
    skipped = items[0]
    assert (skipped.level, skipped.error) == ("skipped", "UnsupportedFormatError")
    assert [x.doc_id for x in items[1:]] == [content_id("x", None, "اجتمع المجلس."), "z", "b"]


def test_explicit_paths_errors(tmp_path):
    md = write(tmp_path / "notes.md", "x")
    missing = tmp_path / "nope.txt"
    items = read(md, missing)
    assert [(e.error, e.source_path) for e in items] == [
        ("UnsupportedFormatError", "notes.md"), ("FileNotFoundError", str(missing))]


# --- the shared corpora ------------------------------------------------------------------


def _corpus(rel: str) -> Path:
    path = CORPORA / rel
    if not path.exists():
        pytest.skip(f"shared corpora not found at {path} (expected at <repo>/../shared/corpora)")
    return path


@pytest.mark.corpora
def test_saudinewsnet_day_file():
    items = read(_corpus("saudinewsnet/2015-08-11.json.gz"))
    assert len(errors(items)) == 0
    recs = records(items)
    assert len(recs) == 1675
    assert all(r.doc_id.startswith("2015-08-11#") for r in recs)
    assert recs[0].doc_id == content_id("2015-08-11", recs[0].title, recs[0].text)
    assert [r.record_index for r in recs[:3]] == [0, 1, 2]
    # cartoon pages come with blank content: still articles of the day, kept as Records
    assert sum(not r.text.strip() for r in recs) == 10
    for r in (recs[0], recs[837], recs[-1]):
        assert r.published == date(2015, 8, 11)
        assert r.source_path == "2015-08-11.json.gz" and r.url and r.source


@pytest.mark.corpora
def test_meetings_dev_json():
    path = _corpus("meetings-dev/saudinewsnet_dev.json")
    items = read(path)
    assert len(items) == 16 and not errors(items)
    ids = [obj["id"] for obj in json.loads(path.read_text(encoding="utf-8"))]
    assert [r.doc_id for r in items] == ids
    spa = next(r for r in items if r.doc_id == "snn-c45041a210")
    assert (spa.dateline, spa.source) == ("أبها", "was")
    sabq = next(r for r in items if r.doc_id == "snn-41ac5a1716")
    assert sabq.dateline == "جدة"

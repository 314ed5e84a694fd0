"""Properties that hold for any input: the pipeline never raises on text, every span it
reports is the text it points at, and a run accounts for every file it is given."""
from __future__ import annotations

import json
import string

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import arnews
from arnews.api import extract_text
from arnews.engines import local

# Arabic letters, diacritics, tatweel, Arabic and Latin punctuation and digits, quotes,
# spaces and line breaks, plus words news uses, so that the rules fire, not only fail.
ARABIC = "".join(chr(c) for c in range(0x0621, 0x064B)) + "ًٌٍَُِّْـ" + "٠١٢٣٤٥٦٧٨٩،؛؟«»“”"
WORDS = ["استقبل", "التقى", "اجتمع", "وزير", "الخارجية", "خالد", "العتيبي", "بن", "اليوم", "أمس",
         "الأحد", "1436هـ", "في", "مكتبه", "بحضور", "يرافقه", "لبحث", "الدكتور", "سفير", "\"", "."]
texts = st.one_of(
    st.text(alphabet=ARABIC + string.ascii_letters + string.digits + " .,:\n\t'\"()-", max_size=400),
    st.lists(st.sampled_from(WORDS), max_size=60).map(" ".join),
    st.text(st.characters(exclude_categories=()), max_size=200),   # any code point, lone surrogates too
)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text=texts, published=st.sampled_from([None, "2015-08-11", "1999-12-31"]))
def test_extract_text_never_raises_and_every_span_is_its_text(pipeline, text, published):
    x = extract_text(text, published=published, pipeline=pipeline)
    stored = x.articles["text"].iloc[0]
    assert len(stored) == len(text)                          # lone surrogates become U+FFFD, in place
    for m in x.mentions.itertuples():
        if m.label != "DATE" or m.start is not None:
            assert 0 <= m.start <= m.end <= len(stored) and stored[m.start:m.end] == m.text
    for m in x.meetings.itertuples():
        assert 0 <= m.start < m.end <= len(stored)
    assert set(x.meeting_participants["meeting_id"]) <= set(x.meetings["meeting_id"])


SUFFIXES = [".txt", ".json", ".jsonl", ".txt.gz", ".json.gz", ".jsonl.gz", ".md"]
contents = st.one_of(
    st.binary(max_size=300),
    texts.map(lambda t: t.encode("utf-8", "surrogatepass")),
    st.lists(st.fixed_dictionaries({"content": texts, "id": st.text(max_size=5)}), max_size=4)
      .map(lambda rs: json.dumps(rs).encode()),
    st.lists(st.dictionaries(st.sampled_from(["content", "text", "title", "id", "date"]),
                             st.one_of(texts, st.integers(), st.none()), max_size=4), max_size=4)
      .map(lambda rs: "\n".join(json.dumps(r) for r in rs).encode()),
)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow,
                                                                  HealthCheck.function_scoped_fixture])
@given(files=st.lists(st.tuples(st.sampled_from(SUFFIXES), contents), min_size=1, max_size=5))
def test_extract_accounts_for_every_file_and_never_raises(pipeline, tmp_path_factory, files):
    import gzip

    root = tmp_path_factory.mktemp("in")
    names = []
    for i, (suffix, data) in enumerate(files):
        name = f"f{i}{suffix}"
        (root / name).write_bytes(gzip.compress(data) if suffix.endswith(".gz") else data)
        names.append(name)
    out = tmp_path_factory.mktemp("out")
    summary = local.run([root], out, pipeline=pipeline)
    t = arnews.read_tables(out)
    for name in names:
        n_rows = (t["articles"]["source_path"] == name).sum() + (t["errors"]["source_path"] == name).sum()
        assert n_rows >= 1, name
    assert summary.n_articles == len(t["articles"]) and t["articles"]["article_id"].is_unique
    assert summary.n_failed + summary.n_skipped == len(t["errors"])

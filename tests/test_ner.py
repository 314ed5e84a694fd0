"""The statistical NER: scorer, readers, the shipped model, the camel back end."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import arnews
from arnews.ner.scoring import Scores, bio_spans
from arnews.ner.tagger import DEFAULT_MODEL, ModelMissing
from arnews.ner.training.conll import nested_spans, outermost, read_conll

HAVE_MODEL = (DEFAULT_MODEL / "meta.json").exists()
needs_model = pytest.mark.skipif(
    not HAVE_MODEL, reason=f"no trained NER model at {DEFAULT_MODEL}: build it with "
                           "`arnews train-ner`")


# ----------------------------------------------------------------------------- scorer

def test_bio_spans_conlleval_chunks():
    tags = ["B-PERS", "I-PERS", "O", "I-LOC", "I-LOC", "B-LOC", "I-ORG", "O", "B-MISC"]
    assert bio_spans(tags) == [(0, 2, "PERS"), (3, 5, "LOC"), (5, 6, "LOC"), (6, 7, "ORG"),
                               (8, 9, "MISC")]
    assert bio_spans(["O", "O"]) == []
    assert bio_spans(["I-PERS"]) == [(0, 1, "PERS")]


def test_scores_exact_precision_recall_f1():
    # التقى محمد بن سلمان رئيس وزراء بريطانيا في الرياض
    gold = [["O", "B-PERS", "I-PERS", "I-PERS", "O", "O", "B-LOC", "O", "B-LOC"],
            ["B-ORG", "I-ORG", "O", "B-PERS"]]        # الأمم المتحدة و أحمد
    pred = [["O", "B-PERS", "I-PERS", "O", "O", "O", "B-LOC", "O", "B-LOC"],  # PERS too short
            ["B-ORG", "I-ORG", "O", "B-LOC"]]          # right span, wrong type
    s = Scores()
    for g, p in zip(gold, pred):
        s.add_bio(g, p)
    # gold: PERS 2, LOC 2, ORG 1; predicted: PERS 1, LOC 3, ORG 1; correct: LOC 2, ORG 1
    assert s.label("LOC") == pytest.approx((2 / 3, 1.0, 0.8))
    assert s.label("ORG") == pytest.approx((1.0, 1.0, 1.0))
    assert s.label("PERS") == pytest.approx((0.0, 0.0, 0.0))
    p, r, f = s.micro()
    assert (p, r) == pytest.approx((3 / 5, 3 / 5))
    assert f == pytest.approx(0.6)
    d = s.as_dict()
    assert d["micro"]["tp"] == 3 and d["micro"]["gold"] == 5 and d["micro"]["pred"] == 5
    assert "micro" in s.table() and "60.00" in s.table()


def test_scores_label_filter_and_length_check():
    s = Scores()
    s.add_bio(["B-OCC", "I-OCC", "B-NORP"], ["B-OCC", "I-OCC", "O"], labels={"OCC"})
    assert s.label("OCC") == (1.0, 1.0, 1.0)
    assert "NORP" not in s.labels
    with pytest.raises(ValueError):
        s.add_bio(["O"], ["O", "O"])


# ----------------------------------------------------------------------------- readers

def test_read_conll_and_nested_outermost(tmp_path):
    f = tmp_path / "nested.txt"
    f.write_text(
        "رئيس B-OCC\nبلدية I-OCC B-ORG\nمدينة I-OCC I-ORG B-GPE\nالبيرة I-OCC I-ORG I-GPE\n"
        "الفلسطيني B-NORP\n. O\n$#$ O\n\nوكيل B-OCC\nمدير I-OCC B-OCC\nالمدرسة I-OCC I-OCC\n",
        encoding="utf-8")
    sents = read_conll(f)
    assert [len(s.tokens) for s in sents] == [6, 3]
    assert sents[0].doc_end and not sents[1].doc_end
    spans = nested_spans(sents[0].tags)
    assert (0, 4, "OCC") in spans and (1, 4, "ORG") in spans and (2, 4, "GPE") in spans
    assert outermost(spans, {"OCC", "NORP"}) == [(0, 4, "OCC"), (4, 5, "NORP")]
    inner = nested_spans(sents[1].tags)
    assert inner == [(0, 3, "OCC"), (1, 3, "OCC")]
    assert outermost(inner, {"OCC"}) == [(0, 3, "OCC")]


# ----------------------------------------------------------------------------- shipped model

SENTENCES = [
    "التقى الملك سلمان بن عبدالعزيز الرئيس الأمريكي باراك أوباما في البيت الأبيض".split(),
    "وقالت وكالة الأنباء الفرنسية إن الأمم المتحدة ستعقد اجتماعا في جنيف .".split(),
    "أعلن وزير الخارجية السعودي عادل الجبير أمس".split(),
    ["."],
]


def _valid_bio(tags: list[str]) -> bool:
    prev = "O"
    for t in tags:
        if t != "O" and not (t[:2] in ("B-", "I-") and len(t) > 2):
            return False
        if t.startswith("I-") and prev[2:] != t[2:]:
            return False
        prev = t
    return True


@needs_model
def test_tag_returns_one_valid_bio_tag_per_token():
    from arnews.ner import tag, tag_sentences

    for tokens in SENTENCES:
        tags = tag(tokens)
        assert len(tags) == len(tokens)
        assert _valid_bio(tags)
        assert {t[2:] for t in tags if t != "O"} <= {"PERS", "LOC", "ORG", "MISC"}
    assert tag([]) == []
    first = tag(SENTENCES[0])
    assert any(t.endswith("PERS") for t in first)
    assert tag_sentences(SENTENCES) == [tag(s) for s in SENTENCES]
    roles = tag(SENTENCES[2], roles=True)
    assert len(roles) == len(SENTENCES[2]) and _valid_bio(roles)
    assert {t[2:] for t in roles if t != "O"} <= {"OCC", "NORP"}


# News sentences (not from the corpora) and the spans a usable tagger must find in them.
NEWS = [
    ("استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز في جدة أمس رئيس وزراء باكستان نواز شريف",
     {("سلمان بن عبدالعزيز", "PERS"), ("جدة", "LOC"), ("نواز شريف", "PERS")}),
    ("وبحث وزير الخارجية الأمريكي جون كيري مع نظيره الروسي سيرغي لافروف في جنيف الأزمة السورية",
     {("جون كيري", "PERS"), ("سيرغي لافروف", "PERS"), ("جنيف", "LOC")}),
    ("وأعلنت منظمة الصحة العالمية أن عدد الإصابات في السعودية ارتفع",
     {("منظمة الصحة العالمية", "ORG"), ("السعودية", "LOC")}),
]


@needs_model
def test_shipped_model_finds_people_places_and_organisations_in_news():
    from arnews.ner import entities, tag

    for text, expected in NEWS:
        tokens = text.split()
        found = {(" ".join(tokens[s:e]), lab) for s, e, lab in bio_spans(tag(tokens))}
        assert expected <= found, (text, found)
    tokens = "وقال وزير الخارجية الأمريكي جون كيري".split()
    spans = entities(tokens)
    assert (1, 4, "OCC") in spans and (4, 6, "PERS") in spans


@needs_model
def test_model_loads_once():
    from arnews.ner import load

    assert load("arnews") is load("arnews")
    assert load() is load("arnews")


@needs_model
def test_tagging_imports_nothing_of_training():
    """The runtime tagger stands alone: training (corpora readers, gazetteer, fitting,
    evaluation, their CLI) is never imported by tagging."""
    code = ("import sys\n"
            "import arnews.ner\n"
            "arnews.ner.tag(['التقى', 'الملك', 'سلمان', 'في', 'الرياض'])\n"
            "arnews.ner.entities(['قال', 'وزير', 'الخارجية', 'الأمريكي', 'جون', 'كيري'])\n"
            "assert 'arnews.ner.tagger' in sys.modules\n"
            "print(sorted(m for m in sys.modules if m.startswith('arnews.ner.training')))\n")
    src = str(Path(arnews.__file__).resolve().parents[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([src, os.environ.get("PYTHONPATH", "")])}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True,
                          text=True, timeout=300)
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip() == "[]"


@needs_model
def test_eval_ner_cli(tmp_path):
    from typer.testing import CliRunner

    from arnews.ner.training.cli import ner_app

    f = tmp_path / "gold.conll"
    f.write_text("التقى O\nأوباما B-PERS\nفي O\nالرياض B-LOC\n\nقال O\nعباس B-PERS\n",
                 encoding="utf-8")
    out = tmp_path / "scores.json"
    result = CliRunner().invoke(ner_app, ["eval-ner", str(f), "--json", str(out)])
    assert result.exit_code == 0, result.output
    assert "micro" in result.output and "PERS" in result.output
    scores = json.loads(out.read_text())["scores"]
    assert scores["micro"]["gold"] == 3


def test_missing_model_is_clear(tmp_path):
    from arnews.ner import tag

    with pytest.raises(ModelMissing, match="train-ner"):
        tag(["اختبار"], model=tmp_path / "nothing")


# ----------------------------------------------------------------------------- camel back end

LABELS = ["B-LOC", "B-ORG", "B-PERS", "B-MISC", "I-LOC", "I-ORG", "I-PERS", "I-MISC", "O"]


@pytest.fixture
def camel_data(tmp_path, monkeypatch):
    """An offline camel-tools data folder: a catalogue naming a NER model that is absent."""
    data = tmp_path / "camel_data"
    data.mkdir()
    (data / "catalogue.json").write_text(json.dumps({
        "version": "1.6", "packages": {},
        "components": {"NamedEntityRecognition": {
            "default": "arabert", "datasets": {"arabert": {"path": "ner/arabert"}}}}}))
    monkeypatch.setenv("CAMELTOOLS_DATA", str(data))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    for name in list(sys.modules):  # re-read the catalogue from this folder
        if name.startswith(("camel_tools.data", "camel_tools.ner")):
            monkeypatch.delitem(sys.modules, name)
    import arnews.ner as ner
    monkeypatch.setattr(ner, "_LOADED", {})
    return data


@pytest.fixture
def tiny_bert(tmp_path):
    """A randomly initialised BERT token classifier with a tiny vocabulary, saved."""
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    path = tmp_path / "tiny-bert-ner"
    path.mkdir()
    vocab = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]", "التقى", "الملك", "سلمان", "في",
             "الرياض", "##ية", "وزير", ".", "،"]
    (path / "vocab.txt").write_text("\n".join(vocab) + "\n", encoding="utf-8")
    torch.manual_seed(0)
    config = transformers.BertConfig(
        vocab_size=len(vocab), hidden_size=16, num_hidden_layers=1, num_attention_heads=2,
        intermediate_size=32, max_position_embeddings=256 + 2, num_labels=len(LABELS),
        id2label=dict(enumerate(LABELS)), label2id={lab: i for i, lab in enumerate(LABELS)})
    transformers.BertForTokenClassification(config).save_pretrained(path)
    return path


def test_camel_backend_with_tiny_bert(camel_data, tiny_bert):
    from arnews.ner import tag, tag_sentences
    from arnews.ner.camel import CamelTagger

    tokens = ["التقى", "الملك", "سلمان", "في", "الرياض", "\u200b", "."]
    tags = tag(tokens, backend="camel", model=tiny_bert)
    assert len(tags) == len(tokens)
    assert set(tags) <= set(LABELS)
    assert tags[5] == "O"  # a token BERT's tokenizer drops still gets its tag
    long = ["الملك"] * 300   # longer than camel-tools' 256 word pieces: cut into segments
    both = tag_sentences([tokens, long, []], backend="camel", model=tiny_bert)
    assert [len(t) for t in both] == [len(tokens), 300, 0]
    assert CamelTagger(tiny_bert).labels() == ["LOC", "MISC", "ORG", "PERS"]


def test_camel_backend_missing_model_is_clear(camel_data, tmp_path):
    from arnews.ner import tag

    with pytest.raises(ModelMissing, match="camel_data -i ner-arabert"):
        tag(["اختبار"], backend="camel")
    with pytest.raises(ModelMissing, match="camel_data -i ner-arabert"):
        tag(["اختبار"], backend="camel", model=tmp_path / "absent")


def test_camel_missing_on_cli(camel_data, tmp_path):
    from typer.testing import CliRunner

    from arnews.ner.training.cli import ner_app

    f = tmp_path / "gold.conll"
    f.write_text("أوباما B-PERS\n", encoding="utf-8")
    result = CliRunner().invoke(ner_app, ["eval-ner", str(f), "--backend", "camel"])
    assert result.exit_code == 2
    assert "camel_data -i ner-arabert" in result.output


def test_unknown_backend():
    from arnews.ner import tag

    with pytest.raises(ValueError, match="back end"):
        tag(["اختبار"], backend="stanza")


# ----------------------------------------------------------------------------- in the pipeline

@needs_model
def test_pipeline_uses_the_model_by_default_and_not_when_told():
    from arnews.document import Record
    from arnews.ner import SentenceTagger
    from arnews.pipeline import Pipeline

    def recogniser(p):
        return next(s for s in p.stages if s.name == "recognise")

    assert isinstance(recogniser(Pipeline()).ner, SentenceTagger)
    assert recogniser(Pipeline(ner=None)).ner is None
    # People with neither title nor role, foreign or rare names: only the model knows them.
    for text, name in [("وصرح يورغن كلوب للصحفيين بأن الفريق جاهز.", "يورغن كلوب"),
                       ("وقال هيروشي تاناكا إن الرحلة كانت ناجحة.", "هيروشي تاناكا"),
                       ("وانتقد بيرني ساندرز الخطة في مقابلة تلفزيونية.", "بيرني ساندرز")]:
        with_model = Pipeline().run(Record("t", "<t>", text))
        rules_only = Pipeline(ner=None).run(Record("t", "<t>", text))
        assert [(m.text, m.method) for m in with_model.mentions if m.label == "PERS"] == \
            [(name, "model")]
        assert not [m for m in rules_only.mentions if m.label == "PERS"]


@needs_model
def test_model_names_leave_the_conjunction_out():
    from arnews.document import Record
    from arnews.pipeline import Pipeline

    d = Pipeline().run(Record("t", "<t>", "وصل إلى المؤتمر يورغن كلوب وهيروشي تاناكا أمس."))
    names = [(m.text, m.method) for m in d.mentions if m.label == "PERS"]
    assert names == [("يورغن كلوب", "model"), ("هيروشي تاناكا", "model")]
    # A name that begins with و is not cut: وليد
    d = Pipeline().run(Record("t", "<t>", "وصرح وليد تاناكا للصحفيين أمس."))
    assert [m.text for m in d.mentions if m.label == "PERS"] == ["وليد تاناكا"]

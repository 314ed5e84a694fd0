"""The NER model's parts, on a tiny model the test builds: token features, the silver
gazetteer, pretraining, fine-tuning, saving and loading."""
from __future__ import annotations

import numpy
import pytest

from arnews.ner.features import (N_GAZ, Featuriser, FloretVectors, Gazetteer, strip_clitics,
                                 view)
from arnews.ner.training.conll import Sentence
from arnews.ner.training.data import MAIN_LABELS, role_sentences, wojood_role_spans
from arnews.ner.training.fit import fine_tune, pretrain
from arnews.ner.training.settings import TrainSettings
from arnews.ner.training.train import save_model
from arnews.ner.training.vectors import build_vocabularies

FLORET = {"minn": 3, "maxn": 5, "hash_count": 2, "hash_seed": 0, "bow": "<", "eow": ">"}

# News sentences with their gold tags (VSO order, clitics, titles, a quoted foreign name).
TRAIN = [
    ("استقبل الرئيس محمود عباس في رام الله وفدا من الاتحاد الاوروبي",
     "O O B-PERS I-PERS O B-LOC I-LOC O O B-ORG I-ORG"),
    ("وقال عباس إن السلطة الفلسطينية ستواصل جهودها",
     "O B-PERS O B-ORG I-ORG O O"),
    ("والتقى وزير الخارجية سعود الفيصل بنظيره الأمريكي جون كيري في الرياض",
     "O O O B-PERS I-PERS O O B-PERS I-PERS O B-LOC"),
    ("وأعلنت شركة أرامكو عن أرباحها في الدمام",
     "O O B-ORG O O O B-LOC"),
    ("وصل كيري إلى القاهرة أمس",
     "O B-PERS O B-LOC O"),
    ("أكد الفيصل أن المملكة تدعم الحل السياسي",
     "O B-PERS O B-LOC O O O"),
]


def sentences(rows) -> list[Sentence]:
    out = []
    for text, tags in rows:
        toks, bio = text.split(), tags.split()
        assert len(toks) == len(bio), text
        out.append(Sentence(toks, [[t] for t in bio]))
    return out


@pytest.fixture
def featuriser(tmp_path):
    text = tmp_path / "text.txt"
    text.write_text("\n".join(" ".join(view(t).word for t in s.split()) for s, _ in TRAIN) * 3,
                    encoding="utf-8")
    vocab = build_vocabularies(text, sentences(TRAIN), lm_words=40)
    table = numpy.random.RandomState(0).randn(500, 8).astype("float16")
    gaz = Gazetteer({"عباس": [40, 36, 4, 32, 0, 0], "الرياض": [90, 0, 0, 0, 2, 80],
                     "قال": [500, 0, 0, 0, 0, 0]})
    return Featuriser(vocab, FloretVectors(table, FLORET), gaz), text


def settings(tmp_path, **kw) -> TrainSettings:
    base = dict(corpora=tmp_path, out=tmp_path / "model", work_dir=tmp_path, hidden=16,
                batch=2, threads=1, pretrain_tokens=300, pretrain_batch=4, learn_rate=0.01)
    base.update(kw)
    return TrainSettings(**base)


def test_strip_clitics_and_token_view():
    assert strip_clitics("والرياض") == ("وال", "رياض", "")
    assert strip_clitics("بنظيره") == ("ب", "نظيره", "")
    assert strip_clitics("جهودها") == ("", "جهود", "ها")
    assert strip_clitics("ال") == ("", "ال", "")       # never an empty stem
    v = view("وأعلنت")
    assert v.word == "واعلنت" and v.clitics == "و|"
    assert view("CNN").shape == "xxx" and view("CNN").word == "cnn"


def test_gazetteer_features_and_tsv_roundtrip(tmp_path):
    gaz = Gazetteer({"عباس": [40, 36, 4, 32, 0, 0]})
    f = gaz.features("عباس")
    assert len(f) == N_GAZ and f[1] == pytest.approx(0.9) and f[-1] == 0.0
    assert gaz.features("غير_موجود") == [0.0] * (N_GAZ - 1) + [1.0]
    gaz.to_tsv(tmp_path / "g.tsv")
    assert Gazetteer.from_tsv(tmp_path / "g.tsv").counts == gaz.counts


def test_gazetteer_counts_names_the_rules_find():
    from arnews.ner.training.gazetteer import count_article

    words, labelled = count_article(
        "استقبل خادم الحرمين الشريفين الملك سلمان بن عبدالعزيز آل سعود في الرياض أمس "
        "رئيس الوزراء البريطاني ديفيد كاميرون.")
    assert words["الرياض"] == 1
    assert labelled["PERS"]["كاميرون"] == 1 and labelled["PERS_I"]["كاميرون"] == 1
    assert labelled["PERS_B"]["ديفيد"] == 1
    assert labelled["PERS"]["استقبل"] == 0


def test_featuriser_encodes_unknown_words(featuriser):
    feat, _ = featuriser
    enc = feat.encode(["وقال", "دويسنبرج", "CNN"])
    assert enc["words"].shape == (3,) and int(enc["words"][1]) == 1   # unknown word
    assert enc["chars"].shape[0] == 3 and enc["dense"].shape == (3, feat.dense_dim)
    assert float(enc["dense"][1].abs().sum()) > 0    # floret gives unknown words a vector


def test_pretrain_then_fine_tune_learns_and_saves(tmp_path, featuriser):
    from arnews.ner.tagger import Tagger

    feat, text = featuriser
    s = settings(tmp_path)
    init = pretrain(s, text, feat, on_step=lambda m: None)
    assert init and not any(k.startswith("lm_") for k in init)
    train = sentences(TRAIN)
    state, info = fine_tune(s, feat, init, train, train, MAIN_LABELS, 60, "main",
                            on_step=lambda m: None)
    assert info["dev_f1"] > 0.9, info            # it fits the sentences it saw
    save_model(s.out, feat, {"main": (state, info)}, {"test": True})
    assert not (tmp_path / "model.part").exists()
    tagger = Tagger(s.out)
    assert tagger.components == ["main"] and tagger.labels("main") == sorted(MAIN_LABELS)
    toks = [t.tokens for t in train]
    spans = tagger.spans(toks + [[]], ["main"])
    assert spans[-1] == []
    assert spans[0] == [(2, 4, "PERS"), (5, 7, "LOC"), (9, 11, "ORG")]


def test_a_model_of_another_format_is_refused(tmp_path):
    from arnews.ner.tagger import ModelMissing, Tagger

    (tmp_path / "meta.json").write_text('{"format": "spacy"}')
    with pytest.raises(ModelMissing, match="retrain"):
        Tagger(tmp_path)


def test_wojood_roles_become_plain_bio():
    s = Sentence(["قال", "وزير", "الخارجية", "الأردني", "أيمن", "الصفدي"],
                 [["O"], ["B-OCC"], ["I-OCC", "B-ORG"], ["I-OCC", "B-NORP"], ["B-PERS"],
                  ["I-PERS"]])
    assert wojood_role_spans(s) == [(1, 4, "OCC")]
    assert role_sentences([s])[0].bio == ["O", "B-OCC", "I-OCC", "I-OCC", "O", "O"]

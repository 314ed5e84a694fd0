"""What the featuriser is built from: floret vectors trained on the text, and the
vocabularies of words, letters, clitics and shapes."""
from __future__ import annotations

import subprocess
import sys
from collections import Counter
from pathlib import Path

from arnews.ner.training.conll import Sentence
from arnews.ner.training.settings import TrainSettings, say


def train_vectors(s: TrainSettings, text: Path, out: Path):
    """floret vectors (skip-gram, 2 hashes per n-gram), as a `FloretVectors` table."""
    try:
        import floret
    except ImportError as exc:   # an optional dependency: only training needs it
        raise SystemExit("arnews train-ner needs floret: pip install 'arnews[train]'") from exc
    import spacy

    from arnews.ner.features import FloretVectors

    floret_file = out.with_suffix(".floret")
    model = floret.train_unsupervised(
        str(text), model="skipgram", mode="floret", hashCount=2, bucket=s.vectors_bucket,
        minn=s.vectors_minn, maxn=s.vectors_maxn, dim=s.vectors_dim, epoch=s.vectors_epoch,
        minCount=3, thread=s.threads, verbose=0)
    model.save_floret_vectors(str(floret_file))
    spacy_dir = out.with_suffix(".spacy")
    _run([sys.executable, "-m", "spacy", "init", "vectors", "ar", str(floret_file),
          str(spacy_dir), "--mode", "floret"])
    table = FloretVectors.from_spacy(spacy.load(spacy_dir).vocab.vectors)
    out.mkdir(parents=True, exist_ok=True)
    table.save(out)
    return table


def _run(cmd: list[str]) -> None:
    say(" ".join(cmd))
    subprocess.run(cmd, check=True)


def build_vocabularies(text: Path, train_sents: list[Sentence], lm_words: int):
    """Words (the `lm_words` most frequent of the text, the pretraining targets, then the
    training words seen twice), letters seen 5 times, clitics and shapes seen twice."""
    from arnews.ner.features import Vocabularies, view

    counts = _word_counts(text)
    train_counts = Counter(view(t).word for s in train_sents for t in s.tokens)
    lm = [w for w, _ in counts.most_common(lm_words)]
    known = set(lm)
    words = lm + sorted(w for w, c in train_counts.items() if c >= 2 and w not in known)
    chars: Counter = Counter()
    for w, c in list(counts.items()) + list(train_counts.items()):
        for ch in w:
            chars[ch] += c
    clitics, shapes = _clitics_and_shapes(train_sents, counts)
    return Vocabularies(words=words, chars=_frequent(chars, 5), clitics=_frequent(clitics, 2),
                        shapes=_frequent(shapes, 2), lm_words=len(lm))


def _word_counts(text: Path) -> Counter:
    counts: Counter = Counter()
    with open(text, encoding="utf-8") as fh:
        for line in fh:
            counts.update(line.split())
    return counts


def _clitics_and_shapes(train_sents: list[Sentence], counts: Counter) -> tuple[Counter, Counter]:
    """Clitic clusters of the training tokens and of the text's words seen 3 times;
    shapes of the training tokens."""
    from arnews.ner.features import view

    clitics: Counter = Counter()
    shapes: Counter = Counter()
    for s in train_sents:
        for t in s.tokens:
            v = view(t)
            clitics[v.clitics] += 1
            shapes[v.shape] += 1
    for w, c in counts.items():
        if c >= 3:
            v = view(w)
            clitics[v.clitics] += c
    return clitics, shapes


def _frequent(counts: Counter, n: int) -> list[str]:
    return sorted(c for c, k in counts.items() if k >= n)

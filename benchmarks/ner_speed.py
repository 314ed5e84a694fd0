"""Tagging speed of the arnews NER against a BERT-base token classifier, same text, same run.

    python benchmarks/ner_speed.py [--corpora ../shared/corpora] [--words 20000] [--runs 3]

Text: the first SaudiNewsNet articles (in file order) up to --words tokens, tokenised and
cut into sentences as arnews does. Speed is words (input tokens) per second, the median
of --runs timed runs after one warm-up run, for:

- arnews: `arnews.ner.tag_sentences` (the shipped BiLSTM-CRF, PERS/LOC/ORG/MISC), its
  per-word feature cache emptied before every run, so each run looks every word up afresh;
- BERT-base: `transformers.BertForTokenClassification` with the BERT-base configuration
  (12 layers, hidden 768, 12 heads, 30,000-word-piece vocabulary like CAMeLBERT's) and
  9 labels, random weights, on the CPU (torch's default threads), batches of 32 sentences
  sorted by length and padded per batch: the ratio printed first is against this, the
  kindest set-up for BERT. It is also timed as camel-tools' NERecognizer runs it (input
  order, every batch padded to 256 word pieces). The WordPiece vocabulary is trained on
  the same text so that words split into realistic numbers of pieces.
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def load_sentences(corpora: Path, n_words: int) -> list[list[str]]:
    from arnews.ner.text import saudinewsnet_texts, split_sentences, tokenise

    sents, total = [], 0
    for text in saudinewsnet_texts(corpora):
        for s in split_sentences(tokenise(text), max_len=100):
            sents.append(s)
            total += len(s)
        if total >= n_words:
            break
    return sents


def time_runs(fn, runs: int) -> list[float]:
    fn()  # warm-up (and lazy loading)
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def bert_tagger(sentences: list[list[str]], vocab_size: int = 30000,
                camel_padding: bool = False):
    import torch
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertForTokenClassification, BertTokenizerFast

    tmp = Path(tempfile.mkdtemp(prefix="arnews-bench-"))
    wp = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wp.train_from_iterator((" ".join(s) for s in sentences), vocab_size=vocab_size,
                           min_frequency=1, show_progress=False)
    wp.save_model(str(tmp))
    tokenizer = BertTokenizerFast(vocab_file=str(tmp / "vocab.txt"), do_lower_case=False)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=vocab_size, hidden_size=768, num_hidden_layers=12,
                        num_attention_heads=12, intermediate_size=3072,
                        max_position_embeddings=512, num_labels=9)
    model = BertForTokenClassification(config).eval()
    if camel_padding:  # as camel-tools' NERecognizer: input order, every batch padded to 256
        order = list(range(len(sentences)))
        pad = {"padding": "max_length", "max_length": 256}
    else:              # kinder: sorted by length, padded to the longest of each batch
        order = sorted(range(len(sentences)), key=lambda i: len(sentences[i]))
        pad = {"padding": True, "max_length": 512}

    def run():
        out = [None] * len(sentences)
        with torch.inference_mode():
            for b in range(0, len(order), 32):
                idx = order[b:b + 32]
                enc = tokenizer([sentences[i] for i in idx], is_split_into_words=True,
                                truncation=True, return_tensors="pt", **pad)
                logits = model(**enc).logits
                pred = logits.argmax(-1)
                for row, i in enumerate(idx):
                    words = enc.word_ids(row)
                    first = {}
                    for pos, w in enumerate(words):
                        if w is not None and w not in first:
                            first[w] = int(pred[row, pos])
                    out[i] = [first.get(w, 8) for w in range(len(sentences[i]))]
        return out

    return run


def main(argv: list[str] | None = None) -> dict:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--corpora", type=Path, default=REPO.parent / "shared" / "corpora")
    ap.add_argument("--words", type=int, default=20000, help="words of text to tag")
    ap.add_argument("--bert-words", type=int, default=None,
                    help="words for the BERT runs (default: the same text)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--model", type=Path, default=None, help="arnews model folder")
    ap.add_argument("--json", type=Path, default=None, help="write the results here")
    args = ap.parse_args(argv)

    import torch
    from arnews.ner import load, tag_sentences

    sentences = load_sentences(args.corpora, args.words)
    n_words = sum(len(s) for s in sentences)
    tagger = load("arnews", args.model)

    def ours_run():
        tagger.featuriser.clear_cache()
        return tag_sentences(sentences, model=args.model)

    ours = time_runs(ours_run, args.runs)
    ours_wps = n_words / statistics.median(ours)

    bert_sents = sentences
    if args.bert_words:
        bert_sents, total = [], 0
        for s in sentences:
            if total >= args.bert_words:
                break
            bert_sents.append(s)
            total += len(s)
    bert_words = sum(len(s) for s in bert_sents)
    bert = time_runs(bert_tagger(bert_sents), args.runs)
    bert_wps = bert_words / statistics.median(bert)
    camel = time_runs(bert_tagger(bert_sents, camel_padding=True), args.runs)
    camel_wps = bert_words / statistics.median(camel)

    result = {
        "text": f"SaudiNewsNet, first {len(sentences)} sentences",
        "words": n_words, "bert_words": bert_words, "runs": args.runs,
        "torch_threads": torch.get_num_threads(), "cpus": os.cpu_count(),
        "arnews_wps": round(ours_wps), "arnews_run_seconds": [round(t, 3) for t in ours],
        "bert_base_wps": round(bert_wps), "bert_run_seconds": [round(t, 3) for t in bert],
        "ratio": round(ours_wps / bert_wps, 1),
        "bert_base_camel_padding_wps": round(camel_wps),
        "bert_camel_run_seconds": [round(t, 3) for t in camel],
        "ratio_camel_padding": round(ours_wps / camel_wps, 1),
    }
    print(f"text: {result['text']}, {n_words:,} words (BERT: {bert_words:,}); "
          f"median of {args.runs} runs; {result['cpus']} CPUs, torch threads "
          f"{result['torch_threads']}")
    print(f"arnews NER (BiLSTM-CRF):   {ours_wps:>10,.0f} words/s")
    print(f"BERT-base token classif.: {bert_wps:>10,.0f} words/s")
    print(f"  (padded to 256 as camel-tools' NERecognizer: {camel_wps:,.0f} words/s)")
    print(f"ratio: {ours_wps / bert_wps:.1f}x  (against camel-tools' padding: "
          f"{ours_wps / camel_wps:.1f}x)")
    if args.json:
        args.json.write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    sys.exit(0 if main() else 1)

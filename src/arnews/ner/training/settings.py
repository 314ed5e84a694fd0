"""The settings of one training run, and how its steps report."""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class TrainSettings:
    corpora: Path
    out: Path
    work_dir: Path
    seed: int = 0
    threads: int = 2
    # vectors
    vectors_dim: int = 200
    vectors_bucket: int = 50_000
    vectors_epoch: int = 5
    vectors_minn: int = 3
    vectors_maxn: int = 5
    # gazetteer
    gazetteer_workers: int = 2
    # vocabularies and pretraining
    lm_words: int = 30_000
    pretrain_tokens: int = 5_000_000
    pretrain_batch: int = 32
    # network and fine-tuning
    hidden: int = 200
    epochs: int = 20
    roles_epochs: int = 30
    batch: int = 16
    learn_rate: float = 1e-3
    resume: bool = False


def say(msg: str) -> None:
    print(f"[train-ner {time.strftime('%H:%M:%S')}] {msg}", flush=True)

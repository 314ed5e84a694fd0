"""The arnews back end: loads the shipped model folder and turns token lists into spans."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Sequence

MODELS_DIR = Path(__file__).resolve().parents[3] / "models"
DEFAULT_MODEL = MODELS_DIR / "ner" / "model"
MAIN_COMPONENT = "main"     # PERS, LOC, ORG, MISC (ANERcorp)
ROLES_COMPONENT = "roles"   # OCC, NORP (Wojood)
MODEL_FORMAT = "arnews-ner/2"


class ModelMissing(RuntimeError):
    """The NER model asked for is not installed."""


def default_model_path() -> Path:
    env = os.environ.get("ARNEWS_NER_MODEL")
    return Path(env) if env else DEFAULT_MODEL


class Tagger:
    """Tags pre-tokenised sentences with the networks of one model folder."""

    def __init__(self, path: str | Path | None = None):
        import torch

        from arnews.ner.features import Featuriser, FloretVectors, Gazetteer, Vocabularies
        from arnews.ner.network import BiLstmCrf, NetworkSize

        self.path = Path(path) if path else default_model_path()
        meta_file = self.path / "meta.json"
        if not meta_file.exists():
            raise ModelMissing(
                f"no NER model at {self.path}: build it with `arnews train-ner` "
                "(or point ARNEWS_NER_MODEL at a trained model folder)")
        meta = json.loads(meta_file.read_text())
        if meta.get("format") != MODEL_FORMAT:
            raise ModelMissing(f"{self.path} holds a model of format {meta.get('format')!r}; "
                               f"this arnews reads {MODEL_FORMAT!r}: retrain with `arnews train-ner`")
        self.featuriser = Featuriser(
            Vocabularies.from_json((self.path / "features.json").read_text(encoding="utf-8")),
            FloretVectors.load(self.path), Gazetteer.from_tsv(self.path / "gazetteer.tsv"))
        self.networks: dict[str, BiLstmCrf] = {}
        self.tags: dict[str, list[str]] = {}
        for name, info in meta["networks"].items():
            net = BiLstmCrf(NetworkSize(**info["size"]))
            state = torch.load(self.path / f"{name}.pt", map_location="cpu")
            net.load_state_dict({k: v.float() if v.is_floating_point() else v
                                 for k, v in state.items()})
            net.eval()
            net.forbid_invalid_bio(info["tags"])
            self.networks[name] = net
            self.tags[name] = list(info["tags"])
        self.components = list(self.networks)

    def labels(self, component: str) -> list[str]:
        return sorted({t[2:] for t in self.tags.get(component, []) if t != "O"})

    def spans(self, sentences: Sequence[Sequence[str]], components: Sequence[str],
              batch_size: int = 64) -> list[list[tuple[int, int, str]]]:
        """Predicted (start, end exclusive, label) spans per sentence, for the given
        components. Sentences are batched by length; empty ones get no spans."""
        from arnews.ner.network import predict_spans

        result: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
        for name in (c for c in components if c in self.networks):
            found = predict_spans(self.networks[name], self.featuriser, self.tags[name],
                                  sentences, batch_size)
            for r, spans in zip(result, found):
                r.extend(spans)
        return [sorted(r) for r in result]

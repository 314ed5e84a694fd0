"""The optional CAMeL Lab back end: `camel_tools.ner.NERecognizer` (a fine-tuned BERT).

Its model is not shipped with arnews; users install it with camel-tools' own data
command (`camel_data -i ner-arabert`) or pass the folder of any BERT token-classification
model saved with `save_pretrained` (config with id2label, weights, vocab.txt).
"""
from __future__ import annotations

from pathlib import Path
from typing import Sequence

from arnews.ner.tagger import ModelMissing

INSTALL_HINT = ("install CAMeL Lab's BERT NER model with camel-tools' data command "
                "(`camel_data -i ner-arabert`), or pass the folder of a BERT "
                "token-classification model with `model=` / `--model`")


def _recognizer_class():
    try:
        from camel_tools.ner import NERecognizer
    except ImportError as exc:  # camel-tools itself, or transformers, missing
        raise ModelMissing(f"the camel back end needs camel-tools with transformers: {exc}; "
                           f"{INSTALL_HINT}") from exc
    except Exception as exc:  # camel_tools.data could neither find nor fetch its catalogue
        raise ModelMissing(f"camel-tools' data catalogue is not installed ({exc}); "
                           f"{INSTALL_HINT}") from exc
    return NERecognizer


def _installed_model_path() -> Path:
    """The folder of camel-tools' default NER model, which must exist."""
    from camel_tools.data import CATALOGUE

    component = CATALOGUE.components["NamedEntityRecognition"]
    path = Path(component.datasets[component.default].path)
    if not (path / "config.json").exists():
        raise ModelMissing(f"CAMeL Lab's NER model is not installed (nothing at {path}); "
                           f"{INSTALL_HINT}")
    return path


class CamelTagger:
    """BIO tags from `camel_tools.ner.NERecognizer`, one per input token."""

    def __init__(self, model_path: str | Path | None = None, batch_size: int = 32):
        cls = _recognizer_class()
        self.batch_size = batch_size
        try:
            if model_path is None:
                self.path = _installed_model_path()
                self.recognizer = cls(str(self.path), use_gpu=False)
            else:
                self.path = Path(model_path)
                if not self.path.is_dir():
                    raise FileNotFoundError(f"{self.path} is not a folder")
                self.recognizer = cls(str(self.path), use_gpu=False)
        except ModelMissing:
            raise
        except Exception as exc:
            where = f" at {model_path}" if model_path else ""
            raise ModelMissing(f"CAMeL Lab's NER model is not available{where} "
                               f"({type(exc).__name__}: {exc}); {INSTALL_HINT}") from exc

    def labels(self) -> list[str]:
        return sorted({lab[2:] for lab in self.recognizer.labels_map.values() if lab != "O"})

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[str]]:
        """One BIO tag per token. Words the BERT tokenizer turns into nothing (which
        NERecognizer leaves out of its output) get O."""
        sentences = [list(s) for s in sentences]
        tokenizer = self.recognizer.tokenizer
        kept = [[bool(tokenizer.tokenize(w)) for w in s] for s in sentences]
        inputs = [s for s in sentences]
        nonempty = [i for i, s in enumerate(inputs) if any(kept[i])]
        preds = self.recognizer.predict([inputs[i] for i in nonempty], self.batch_size) \
            if nonempty else []
        out = [["O"] * len(s) for s in sentences]
        for i, pred in zip(nonempty, preds):
            it = iter(pred)
            out[i] = [next(it, "O") if k else "O" for k in kept[i]]
        return out

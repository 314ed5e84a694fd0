"""The tagger network: token features -> one BiLSTM layer -> CRF over BIO tags.

The BiLSTM is first trained as a language model on news text (its forward half predicts
the next word, its backward half the previous one), then the whole network is trained
on the labelled sentences with a CRF on top: the unlabelled text teaches it how names
sit in Arabic sentences, which the 125k labelled tokens alone cannot.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Sequence

import torch
from torch import nn
from torchcrf import CRF


@dataclass
class NetworkSize:
    n_words: int
    n_chars: int
    n_clitics: int
    n_shapes: int
    dense_dim: int
    n_tags: int
    word_dim: int = 64
    char_dim: int = 32
    char_filters: int = 100
    small_dim: int = 16
    input_dim: int = 200
    hidden: int = 200
    lm_words: int = 0          # > 0: add the language-model heads (pretraining only)

    def to_dict(self) -> dict:
        return asdict(self)


class BiLstmCrf(nn.Module):
    def __init__(self, size: NetworkSize, dropout: float = 0.5):
        super().__init__()
        self.size = size
        self.word_emb = nn.Embedding(size.n_words + 2, size.word_dim)
        self.char_emb = nn.Embedding(size.n_chars + 2, size.char_dim, padding_idx=0)
        self.char_cnn = nn.Conv1d(size.char_dim, size.char_filters, 3, padding=1)
        self.clitic_emb = nn.Embedding(size.n_clitics + 1, size.small_dim)
        self.shape_emb = nn.Embedding(size.n_shapes + 1, size.small_dim)
        n_in = size.word_dim + size.char_filters + 2 * size.small_dim + size.dense_dim
        self.project = nn.Linear(n_in, size.input_dim)
        self.dropout = nn.Dropout(dropout)
        self.lstm = nn.LSTM(size.input_dim, size.hidden, batch_first=True, bidirectional=True)
        self.emit = nn.Linear(2 * size.hidden, size.n_tags)
        self.crf = CRF(size.n_tags, batch_first=True)
        if size.lm_words:
            n_classes = size.lm_words + 1   # + unknown
            cutoffs = [c for c in (2000, 10000) if c < n_classes - 1] or [n_classes // 2]
            self.lm_next = nn.AdaptiveLogSoftmaxWithLoss(size.hidden, n_classes,
                                                         cutoffs=cutoffs, div_value=4.0)
            self.lm_prev = nn.AdaptiveLogSoftmaxWithLoss(size.hidden, n_classes,
                                                         cutoffs=cutoffs, div_value=4.0)

    def contexts(self, batch: list[dict], word_dropout: float = 0.0
                 ) -> tuple[torch.Tensor, torch.Tensor]:
        """BiLSTM states (batch, time, 2*hidden) and the padding mask."""
        lengths = torch.tensor([len(x["words"]) for x in batch])
        words = torch.cat([x["words"] for x in batch])
        if self.training and word_dropout:
            words = words.masked_fill(torch.rand(len(words)) < word_dropout, 1)
        width = max(x["chars"].shape[1] for x in batch)
        chars = torch.cat([nn.functional.pad(x["chars"], (0, width - x["chars"].shape[1]))
                           for x in batch])
        char_feats = torch.relu(self.char_cnn(self.char_emb(chars).transpose(1, 2)))
        tokens = torch.cat([
            self.word_emb(words), char_feats.max(2).values,
            self.clitic_emb(torch.cat([x["clitics"] for x in batch])),
            self.shape_emb(torch.cat([x["shapes"] for x in batch])),
            torch.cat([x["dense"] for x in batch]).float(),
        ], 1)
        tokens = torch.relu(self.project(self.dropout(tokens)))
        padded = nn.utils.rnn.pad_sequence(torch.split(tokens, lengths.tolist()),
                                           batch_first=True)
        packed = nn.utils.rnn.pack_padded_sequence(padded, lengths, batch_first=True,
                                                   enforce_sorted=False)
        states, _ = self.lstm(packed)
        states, _ = nn.utils.rnn.pad_packed_sequence(states, batch_first=True,
                                                     total_length=int(lengths.max()))
        mask = torch.arange(int(lengths.max()))[None, :] < lengths[:, None]
        return states, mask

    def loss(self, batch: list[dict], tags: list[torch.Tensor],
             word_dropout: float = 0.05) -> torch.Tensor:
        states, mask = self.contexts(batch, word_dropout)
        gold = nn.utils.rnn.pad_sequence(tags, batch_first=True)
        return -self.crf(self.emit(self.dropout(states)), gold, mask=mask, reduction="mean")

    @torch.no_grad()
    def decode(self, batch: list[dict]) -> list[list[int]]:
        states, mask = self.contexts(batch)
        return self.crf.decode(self.emit(states), mask=mask)

    def lm_loss(self, batch: list[dict], targets: list[torch.Tensor]) -> torch.Tensor:
        """Mean of next-word (forward half) and previous-word (backward half) losses."""
        states, _ = self.contexts(batch, word_dropout=0.1)
        states = self.dropout(states)
        h = self.size.hidden
        fwd_x, fwd_y, bwd_x, bwd_y = [], [], [], []
        for i, t in enumerate(targets):
            n = len(t)
            if n < 2:
                continue
            fwd_x.append(states[i, :n - 1, :h])
            fwd_y.append(t[1:])
            bwd_x.append(states[i, 1:n, h:])
            bwd_y.append(t[:n - 1])
        forward = self.lm_next(torch.cat(fwd_x), torch.cat(fwd_y)).loss
        backward = self.lm_prev(torch.cat(bwd_x), torch.cat(bwd_y)).loss
        return (forward + backward) / 2

    @torch.no_grad()
    def forbid_invalid_bio(self, tags: list[str]) -> None:
        """Make the CRF unable to output I-X but after B-X or I-X (decoding only: the
        learned scores of these transitions are already low, this makes them impossible)."""
        never = -1e4
        for j, b in enumerate(tags):
            if b.startswith("I-"):
                self.crf.start_transitions[j] = never
                for i, a in enumerate(tags):
                    if a[2:] != b[2:] or a == "O":
                        self.crf.transitions[i, j] = never

    def tagger_state(self) -> dict:
        """The weights a tagger needs (without the language-model heads)."""
        return {k: v for k, v in self.state_dict().items() if not k.startswith("lm_")}


def predict_spans(net: BiLstmCrf, featuriser, tags: list[str],
                  sentences: Sequence[Sequence[str]], batch_size: int = 64
                  ) -> list[list[tuple[int, int, str]]]:
    """(start, end exclusive, label) spans per sentence, batched by length (less padding);
    empty sentences get none."""
    from arnews.ner.scoring import bio_spans

    result: list[list[tuple[int, int, str]]] = [[] for _ in sentences]
    order = sorted((i for i, s in enumerate(sentences) if len(s)),
                   key=lambda i: len(sentences[i]))
    for k in range(0, len(order), batch_size):
        idx = order[k:k + batch_size]
        preds = net.decode([featuriser.encode(list(sentences[i])) for i in idx])
        for i, pred in zip(idx, preds):
            result[i] = bio_spans([tags[t] for t in pred])
    return result

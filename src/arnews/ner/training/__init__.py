"""Building and scoring the NER model: `arnews train-ner` and `arnews eval-ner`.

Apart from the runtime tagger (`arnews.ner`), which imports nothing of this package:

- `conll`: readers of the labelled corpora (CoNLL and the Wojood nested format);
- `gazetteer`: the silver gazetteer, the rule-based pipeline run over SaudiNewsNet;
- `train`: the training steps (text, vectors, gazetteer, pretraining, fine-tuning) and
  saving the model folder;
- `evaluate`: conlleval-style scores of a tagger on a CoNLL file;
- `cli`: the `train-ner` and `eval-ner` commands (`ner_app`).
"""

"""Read the word files under `lexicons/`: one entry per line, `#` starts a comment line,
every word normalised on load the way article text is (see `lexicons/README.md`)."""
from __future__ import annotations

from importlib import resources

from arnews.text.normalise import normalise_word


def lines(name: str, package: str = "arnews.recognise") -> list[str]:
    """The non-empty, non-comment lines of the lexicon file `name` of a stage package, stripped."""
    text = resources.files(package).joinpath("lexicons", name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def entries(name: str) -> set[tuple[str, ...]]:
    """A lexicon file as a set of normalised token tuples (multi-word entries)."""
    return {tuple(normalise_word(w) for w in line.split()) for line in lines(name)}


def word_list(name: str) -> frozenset[str]:
    """A file of single words as a set of normalised words."""
    return frozenset(normalise_word(line) for line in lines(name))


def word_classes(name: str, package: str = "arnews.recognise") -> dict[str, tuple[str, ...]]:
    """A file of `word <TAB> class class ...` lines as {class: its words, in file order}.

    A word may stand on several lines; every line's word is also in the class '*'."""
    out: dict[str, list[str]] = {"*": []}
    for line in lines(name, package):
        word, _, classes = line.partition("\t")
        word = normalise_word(word.strip())
        for cls in ("*", *classes.split()):
            if word not in out.setdefault(cls, []):
                out[cls].append(word)
    return {cls: tuple(words) for cls, words in out.items()}

"""Turn spaCy Docs and sentences into the strings the sklearn pipelines read.

A feature string has two parts joined by :data:`SEP`: the lower-cased lemmas plus rule-cue
tokens (``__vague_decision_formula__``, ``__policy_declines__``, ``__spec_skill__``), then the
lower-cased text. :func:`lemma_part` and :func:`text_part` pick them apart for the vectorizers.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span

SEP = "\x1f"
#: doc.spans keys whose labels become cue tokens, with the token prefix.
CUE_KEYS: tuple[tuple[str, str], ...] = (
    ("vague", "vague"),
    ("policy", "policy"),
    ("specific_cues", "spec"),
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a Doc with its character offsets and feature string."""

    start: int
    end: int
    features: str


def lemma_part(value: str) -> str:
    """The lemma-and-cue half of a feature string (a vectorizer preprocessor)."""
    return value.split(SEP, 1)[0]


def text_part(value: str) -> str:
    """The lower-cased text half of a feature string (a vectorizer preprocessor)."""
    return value.split(SEP, 1)[-1]


def _cues(doc: Doc, start: int, end: int) -> list[str]:
    found = []
    for key, prefix in CUE_KEYS:
        for span in doc.spans.get(key, []):
            if span.start < end and span.end > start:
                found.append(f"__{prefix}_{span.label_.lower()}__")
    return sorted(found)


def _featurize(doc: Doc, start: int, end: int) -> str:
    tokens = [t for t in doc[start:end] if not t.is_space]
    lemmas = [(t.lemma_ or t.text).lower() for t in tokens]
    text = " ".join(t.lower_ for t in tokens)
    return " ".join([*lemmas, *_cues(doc, start, end)]) + SEP + text


def doc_features(doc: Doc) -> str:
    """The feature string of a whole message."""
    return _featurize(doc, 0, len(doc))


def _content(span: Span) -> bool:
    return any(not (t.is_space or t.is_punct) for t in span)


def sentences(doc: Doc) -> Iterator[Sentence]:
    """The Doc's sentences that hold a word, with offsets trimmed to their tokens."""
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words or not _content(sent):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        yield Sentence(start, end, _featurize(doc, sent.start, sent.end))

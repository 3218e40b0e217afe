"""Turn spaCy Docs and sentences into the strings the sklearn pipelines read.

A feature string has two parts joined by :data:`SEP`: the lower-cased lemmas plus rule-cue
tokens (``__vague_decision_formula__``, ``__policy_declines__``, ``__spec_skill__``), then the
lower-cased text. :func:`lemma_part` and :func:`text_part` pick them apart for the vectorizers.
"""

from __future__ import annotations

from bisect import bisect_left
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


class _Cues:
    """The rule-cue tokens of a Doc, found by token range in logarithmic time.

    Reading ``doc.spans`` builds new Span objects every time, so the cues are collected once
    per Doc; a sentence then looks up only the cues that can overlap it.
    """

    def __init__(self, doc: Doc):
        found = sorted(
            (span.start, span.end, f"__{prefix}_{span.label_.lower()}__")
            for key, prefix in CUE_KEYS
            for span in doc.spans.get(key, [])
        )
        self._starts = [start for start, _, _ in found]
        self._found = found
        self._longest = max((end - start for start, end, _ in found), default=0)

    def within(self, start: int, end: int) -> list[str]:
        """The cues of the spans overlapping tokens ``start:end``, sorted."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return sorted(cue for s, e, cue in self._found[first:last] if s < end and e > start)


def _featurize(doc: Doc, start: int, end: int, cues: _Cues) -> str:
    tokens = [t for t in doc[start:end] if not t.is_space]
    lemmas = [(t.lemma_ or t.text).lower() for t in tokens]
    text = " ".join(t.lower_ for t in tokens)
    return " ".join([*lemmas, *cues.within(start, end)]) + SEP + text


def doc_features(doc: Doc) -> str:
    """The feature string of a whole message."""
    return _featurize(doc, 0, len(doc), _Cues(doc))


def _content(span: Span) -> bool:
    return any(not (t.is_space or t.is_punct) for t in span)


def sentences(doc: Doc) -> Iterator[Sentence]:
    """The Doc's sentences that hold a word, with offsets trimmed to their tokens."""
    cues = _Cues(doc)
    for sent in doc.sents:
        words = [t for t in sent if not t.is_space]
        if not words or not _content(sent):
            continue
        start, end = words[0].idx, words[-1].idx + len(words[-1].text)
        yield Sentence(start, end, _featurize(doc, sent.start, sent.end, cues))

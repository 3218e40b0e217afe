"""The vague-span tagger at run time: token probabilities from hashed features, then spans.

Each token gets a distribution over ``O`` and the six vague types from a linear model over the
hashed features of :mod:`.tokenfeats` (one weight row per feature bucket, summed). A run of
neighbouring words of one sentence whose probability of being in *some* vague phrase reaches
``tag_threshold``, and whose most probable type agrees, is a span; its confidence is the mean
of that probability over its words. Numpy and scipy only: no scikit-learn at run time.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .tokenfeats import BUCKET_BITS, TokenTable, feature_columns, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: The tagger's classes: no phrase, then the vague types (column order of its weights).
OUTSIDE = "O"


@dataclass(frozen=True)
class TaggedSpan:
    """A span the tagger proposes: character offsets, type, confidence and token range."""

    start: int
    end: int
    type: str
    confidence: float
    first: int
    last: int


@dataclass(frozen=True)
class Decoding:
    """How token probabilities become spans.

    Attributes:
        tag_threshold: least probability of being in a vague phrase for a word to join a span.
        edge_words: lower-cased words dropped from either end of a span (subject pronouns,
            conjunctions); spans keep the words between.
        min_words: the fewest words a span keeps (after trimming its edges).
    """

    tag_threshold: float = 0.5
    edge_words: frozenset[str] = frozenset()
    min_words: int = 1


class SpanTagger:
    """The stored token model: ``weights`` (buckets x classes), ``bias`` and ``classes``."""

    def __init__(
        self,
        weights: np.ndarray,
        bias: np.ndarray,
        classes: Sequence[str],
        basis_labels: Sequence[str],
    ):
        if weights.shape != (1 << BUCKET_BITS, len(classes)) or classes[0] != OUTSIDE:
            raise ValueError("tagger weights do not fit its feature buckets and classes")
        self.weights = weights
        self.bias = np.asarray(bias, dtype=weights.dtype)
        self.classes = tuple(classes)
        self.basis_labels = tuple(basis_labels)
        self._basis_hashes: frozenset[int] | None = None

    @classmethod
    def from_stored(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> SpanTagger:
        """The tagger stored by :func:`~.tagging.dump_tagger`: only the buckets that carry a
        weight are stored (``rows``, ``values``); the rest are zero."""
        classes = list(meta["classes"])
        weights = np.zeros((1 << BUCKET_BITS, len(classes)), dtype=np.float32)
        weights[np.asarray(arrays["rows"], dtype=np.int64)] = arrays["values"]
        return cls(weights, arrays["bias"], classes, meta["basis_labels"])

    def basis_hashes(self, docs: Sequence[Doc]) -> frozenset[int]:
        """The string hashes of the basis cue labels, in the Docs' vocabulary."""
        if self._basis_hashes is None:
            strings = docs[0].vocab.strings
            self._basis_hashes = frozenset(strings.add(label) for label in self.basis_labels)
        return self._basis_hashes

    def table(self, docs: Sequence[Doc]) -> TokenTable:
        """The batch's token table (empty for no Docs)."""
        return token_table(docs, self.basis_hashes(docs) if docs else frozenset())

    def proba(self, table: TokenTable) -> np.ndarray:
        """Class probabilities of every token of ``table``: ``(tokens, classes)``."""
        if not len(table):
            return np.zeros((0, len(self.classes)))
        scores = _summed(self.weights, feature_columns(table)) + self.bias
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores

    def spans(self, docs: Sequence[Doc], decoding: Decoding) -> list[list[TaggedSpan]]:
        """The spans of each Doc (see :func:`decode`)."""
        table = self.table(docs)
        return decode(table, self.proba(table), self.classes, decoding, len(docs), docs)


def _summed(weights: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """``weights[cols].sum(axis=1)`` in float64, as a sparse product: each token's row of
    ones at its feature buckets times the weights. Equal sums without the (tokens, templates,
    classes) array the gather builds; about half the time on a batch of mail."""
    from scipy import sparse  # as in the tf-idf step: not imported before it is needed

    n, k = cols.shape
    ones = np.ones(n * k)
    rows = sparse.csr_matrix(
        (ones, cols.ravel(), np.arange(0, n * k + 1, k)), shape=(n, weights.shape[0])
    )
    return np.asarray(rows @ weights, dtype=np.float64)


def decode(
    table: TokenTable,
    proba: np.ndarray,
    classes: Sequence[str],
    decoding: Decoding,
    n_docs: int,
    docs: Sequence[Doc],
) -> list[list[TaggedSpan]]:
    """Group tagged words into spans, per Doc (token indices are those of each Doc)."""
    out: list[list[TaggedSpan]] = [[] for _ in range(n_docs)]
    if not len(table):
        return out
    inside = 1.0 - proba[:, 0]
    best = proba[:, 1:].argmax(axis=1) + 1
    tagged = table.word & (inside >= decoding.tag_threshold)
    firsts = np.r_[0, np.flatnonzero(np.diff(table.doc)) + 1]
    ids = np.flatnonzero(table.word)
    on = tagged[ids]
    # a tagged word joins the run of the word before it when that word is tagged too, in the
    # same sentence, with the same most probable type
    joins = np.zeros(len(ids), dtype=bool)
    joins[1:] = (
        on[1:]
        & on[:-1]
        & (table.sent[ids[1:]] == table.sent[ids[:-1]])
        & (best[ids[1:]] == best[ids[:-1]])
    )
    kept = ids[on]
    starts = np.flatnonzero(~joins[on])
    runs = [run.tolist() for run in np.split(kept, starts[1:])] if len(kept) else []
    for run in runs:
        d = int(table.doc[run[0]])
        words = _trim(run, docs[d], int(firsts[d]), decoding.edge_words)
        if len(words) < max(1, decoding.min_words):
            continue
        a, b = words[0], words[-1]
        out[d].append(
            TaggedSpan(
                start=int(table.idx[a]),
                end=int(table.end[b]),
                type=classes[int(best[a])],
                confidence=float(inside[words].mean()),
                first=a - int(firsts[d]),
                last=b - int(firsts[d]),
            )
        )
    return out


def _trim(run: list[int], doc: Doc, first: int, edge_words: frozenset[str]) -> list[int]:
    """``run`` without edge words at either end."""
    lo, hi = 0, len(run)
    while lo < hi and doc[run[lo] - first].lower_ in edge_words:
        lo += 1
    while hi > lo and doc[run[hi - 1] - first].lower_ in edge_words:
        hi -= 1
    return run[lo:hi]

"""Hashed sparse features of every token of a batch of Docs, for the vague-span tagger.

Each token gets one feature per template (:data:`TEMPLATES`): its own word, lemma, shape and
suffix, its neighbours' words and lemmas, word pairs, the rules' candidate and final spans
covering it, the specific-feedback cues of its sentence and of the next one, and where it sits
in its sentence. A feature is a 64-bit mix of the template's number and the spaCy hashes it
reads, cut to :data:`BUCKET_BITS` bits: training (scikit-learn) and run time (numpy only) read
the same column numbers, and nothing but the weights needs storing. All of it is array
arithmetic over the whole batch, so a token costs well under a microsecond.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, SENT_START, SHAPE, SUFFIX

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: Feature columns: ``2 ** BUCKET_BITS`` hashed buckets.
BUCKET_BITS = 18
_MASK = np.uint64((1 << BUCKET_BITS) - 1)
_WRAP = (1 << 64) - 1  # uint64 arithmetic wraps
_M1 = np.uint64(0x9E3779B97F4A7C15)
_M2 = np.uint64(0xBF58476D1CE4E5B9)
_M3 = np.uint64(0x94D049BB133111EB)

#: The token attribute rows of a batch table, in this order.
ROWS = ("lower", "lemma", "shape", "suffix", "cand", "rule", "cue", "clause", "ctx", "pos")
_ROW = {name: i for i, name in enumerate(ROWS)}

#: Templates: each is the ``(row, offset)`` pairs whose values one feature conjoins.
TEMPLATES: tuple[tuple[tuple[str, int], ...], ...] = (
    (("lower", 0),),
    (("lemma", 0),),
    (("shape", 0),),
    (("suffix", 0),),
    (("lower", -1),),
    (("lower", 1),),
    (("lemma", -1),),
    (("lemma", 1),),
    (("lemma", -2),),
    (("lemma", 2),),
    (("lemma", -3),),
    (("lemma", 3),),
    (("lemma", -4),),
    (("lemma", 4),),
    (("lower", -1), ("lower", 0)),
    (("lower", 0), ("lower", 1)),
    (("lemma", -2), ("lemma", -1)),
    (("lemma", 1), ("lemma", 2)),
    (("lemma", -1), ("lemma", 1)),
    (("cand", 0),),
    (("rule", 0),),
    (("rule", -1),),
    (("rule", 1),),
    (("cand", 0), ("lemma", 0)),
    (("cue", 0),),
    (("clause", 0),),
    (("ctx", 0),),
    (("ctx", 0), ("lemma", 0)),
    (("ctx", 0), ("rule", 0)),
    (("pos", 0), ("lower", 0)),
    (("pos", 0), ("lower", 1)),
)
#: The largest neighbour offset any template reads.
REACH = max(abs(off) for template in TEMPLATES for _, off in template)

#: Sentence context codes (``ctx`` row): a basis cue in this sentence, in the next one.
CTX_HERE, CTX_NEXT = 1, 2


@dataclass(frozen=True)
class TokenTable:
    """The tokens of a batch: attribute rows, which Doc and sentence each token is in, which
    tokens are words (not whitespace or punctuation), and each token's character offsets."""

    values: np.ndarray  # (len(ROWS), n) uint64
    doc: np.ndarray  # (n,) int
    sent: np.ndarray  # (n,) int, numbered across the batch
    word: np.ndarray  # (n,) bool
    idx: np.ndarray  # (n,) int
    end: np.ndarray  # (n,) int

    def __len__(self) -> int:
        return int(self.doc.shape[0])


#: The spaCy attributes a table reads, in this order (``doc.to_array`` columns).
_ATTRS = (LOWER, LEMMA, SHAPE, SUFFIX, SENT_START, IS_SPACE, IS_PUNCT, IDX, LENGTH)


def _span_rows(
    docs: Sequence[Doc], bases: np.ndarray, n: int, key: str, *, begin: bool
) -> np.ndarray:
    """A label hash per token of the batch for the spans under ``key`` (later spans of a Doc
    win); with ``begin`` the first token of a span gets its hash plus one, so begin and inside
    differ. ``bases``: each Doc's first token in the batch."""
    out = np.zeros(n, dtype=np.uint64)
    for doc, base in zip(docs, bases.tolist(), strict=True):
        for span in doc.spans.get(key, ()):
            label = span.label
            out[base + span.start : base + span.end] = label
            if begin:
                out[base + span.start] = (label + 1) & _WRAP
    return out


def _sentences(
    starts: np.ndarray, doc_of: np.ndarray, bases: np.ndarray, lengths: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Each token's sentence, numbered across the batch, and each sentence's Doc.

    Within a Doc, a sentence begins at each token marked as a sentence start; tokens before
    the first mark belong to the first sentence; a Doc holds at least one sentence."""
    marks = np.cumsum(starts)
    before = np.r_[0, marks][bases]  # marks before each Doc's first token
    within = np.maximum(marks - before[doc_of], 1) - 1
    per_doc = np.where(lengths > 0, np.maximum(np.r_[marks, 0][bases + lengths - 1] - before, 1), 0)
    firsts = np.r_[0, np.cumsum(per_doc)[:-1]]
    sent_doc = np.repeat(np.arange(len(lengths)), per_doc)
    return within + firsts[doc_of], sent_doc


def _context(sent_ids: np.ndarray, sent_doc: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """The ``ctx`` code of each token: a basis cue in its sentence, in the next sentence of
    its Doc."""
    n_sents = len(sent_doc)
    has = np.zeros(n_sents + 1, dtype=bool)
    has[sent_ids[basis]] = True
    next_doc = np.r_[sent_doc, -1]
    follows = has[sent_ids + 1] & (next_doc[sent_ids + 1] == next_doc[sent_ids])
    return has[sent_ids] * CTX_HERE + follows * CTX_NEXT


def token_table(docs: Sequence[Doc], basis_labels: frozenset[int]) -> TokenTable:
    """The tokens of ``docs`` side by side, sentences numbered across the batch.

    ``basis_labels``: hashes of the ``specific_cues`` labels that state a basis. Each Doc
    gives one ``to_array`` read; everything else is array arithmetic over the whole batch.
    """
    lengths = np.fromiter(map(len, docs), np.int64, len(docs))
    n = int(lengths.sum())
    bases = np.r_[0, np.cumsum(lengths)[:-1]] if len(docs) else lengths
    array = (
        np.concatenate([doc.to_array(list(_ATTRS)).reshape(len(doc), len(_ATTRS)) for doc in docs])
        if n
        else np.zeros((0, len(_ATTRS)), dtype=np.uint64)
    )
    doc_of = np.repeat(np.arange(len(docs), dtype=np.int64), lengths)
    sent_ids, sent_doc = _sentences(array[:, 4].astype(np.int64) == 1, doc_of, bases, lengths)
    cue = _span_rows(docs, bases, n, "specific_cues", begin=False)
    basis = np.isin(cue, np.fromiter(basis_labels, np.uint64, len(basis_labels)))
    firsts = np.flatnonzero(np.r_[True, sent_ids[1:] != sent_ids[:-1]]) if n else sent_ids
    pos = np.arange(n) - firsts[sent_ids]  # sentences are numbered in token order
    values = np.empty((len(ROWS), n), dtype=np.uint64)
    values[0:4] = array[:, 0:4].T
    values[_ROW["cand"]] = _span_rows(docs, bases, n, "vague_candidates", begin=False)
    values[_ROW["rule"]] = _span_rows(docs, bases, n, "vague", begin=True)
    values[_ROW["cue"]] = cue
    values[_ROW["clause"]] = _span_rows(docs, bases, n, "specific", begin=False)
    values[_ROW["ctx"]] = _context(sent_ids, sent_doc, basis).astype(np.uint64)
    values[_ROW["pos"]] = np.minimum(pos, 4).astype(np.uint64)
    offsets = array[:, 7:9].T.astype(np.int64)
    return TokenTable(
        values,
        doc_of,
        sent_ids,
        (array[:, 5] == 0) & (array[:, 6] == 0),
        offsets[0],
        offsets[0] + offsets[1],
    )


def _shifted(table: TokenTable, row: str, offset: int) -> np.ndarray:
    """Row ``row`` read ``offset`` tokens away, with a padding value outside the sentence."""
    vals = table.values[_ROW[row]]
    if offset == 0:
        return vals
    n = len(table)
    src = np.arange(n) + offset
    inside = (src >= 0) & (src < n)
    src = np.clip(src, 0, max(n - 1, 0))
    same = inside & (table.sent[src] == table.sent)
    return np.where(same, vals[src], np.uint64(offset & 0xFFFF) + np.uint64(0xABCD0000))


def _mix(x: np.ndarray) -> np.ndarray:
    x = x ^ (x >> np.uint64(31))
    x = x * _M2
    x = x ^ (x >> np.uint64(29))
    x = x * _M3
    return x ^ (x >> np.uint64(32))


def feature_columns(table: TokenTable) -> np.ndarray:
    """The hashed feature column of every template for every token: ``(n, len(TEMPLATES))``."""
    n = len(table)
    out = np.empty((len(TEMPLATES), n), dtype=np.uint64)
    with np.errstate(over="ignore"):
        for k, template in enumerate(TEMPLATES):
            h = np.full(n, np.uint64(k + 1) * _M1, dtype=np.uint64)
            for row, offset in template:
                h = _mix(h ^ _shifted(table, row, offset))
            out[k] = h & _MASK
    return out.T.astype(np.int64)

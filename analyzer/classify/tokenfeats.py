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


def _span_rows(doc: Doc, key: str, *, begin: bool) -> np.ndarray:
    """A label hash per token for the spans under ``key`` (later spans win); with ``begin``
    the first token of a span gets its hash plus one, so begin and inside differ."""
    out = np.zeros(len(doc), dtype=np.uint64)
    for span in doc.spans.get(key, ()):
        out[span.start : span.end] = np.uint64(span.label)
        if begin:
            out[span.start] = np.uint64(span.label) + np.uint64(1)
    return out


def _context(sent_ids: np.ndarray, basis: np.ndarray) -> np.ndarray:
    """The ``ctx`` code of each token: a basis cue in its sentence, in the next sentence."""
    n_sents = int(sent_ids.max()) + 1 if len(sent_ids) else 0
    has = np.zeros(n_sents + 1, dtype=bool)
    has[sent_ids[basis]] = True
    return has[sent_ids] * CTX_HERE + has[sent_ids + 1] * CTX_NEXT


def doc_rows(
    doc: Doc, basis_labels: frozenset[int]
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """One Doc's attribute rows (``ROWS``), its sentence number per token, its word mask and
    its tokens' ``(start, end)`` character offsets as two rows.

    ``basis_labels``: hashes of the ``specific_cues`` labels that state a basis.
    """
    cols = [LOWER, LEMMA, SHAPE, SUFFIX, SENT_START, IS_SPACE, IS_PUNCT, IDX, LENGTH]
    array = doc.to_array(cols).reshape(len(doc), len(cols))
    n = len(doc)
    sent_ids = np.cumsum(array[:, 4].astype(np.int64) == 1) - 1
    sent_ids[sent_ids < 0] = 0
    cue = _span_rows(doc, "specific_cues", begin=False)
    basis = np.isin(cue, np.fromiter(basis_labels, np.uint64, len(basis_labels)))
    ctx = _context(sent_ids, basis)
    starts = np.flatnonzero(np.r_[True, sent_ids[1:] != sent_ids[:-1]]) if n else sent_ids
    pos = np.arange(n) - starts[sent_ids] if n else sent_ids
    values = np.empty((len(ROWS), n), dtype=np.uint64)
    values[0:4] = array[:, 0:4].T
    values[_ROW["cand"]] = _span_rows(doc, "vague_candidates", begin=False)
    values[_ROW["rule"]] = _span_rows(doc, "vague", begin=True)
    values[_ROW["cue"]] = cue
    values[_ROW["clause"]] = _span_rows(doc, "specific", begin=False)
    values[_ROW["ctx"]] = ctx.astype(np.uint64)
    values[_ROW["pos"]] = np.minimum(pos, 4).astype(np.uint64)
    word = (array[:, 5] == 0) & (array[:, 6] == 0)
    offsets = array[:, 7:9].T.astype(np.int64)
    offsets[1] += offsets[0]
    return values, sent_ids, word, offsets


def token_table(docs: Sequence[Doc], basis_labels: frozenset[int]) -> TokenTable:
    """The tokens of ``docs`` side by side, sentences numbered across the batch."""
    values, docs_of, sents, words, idx, end = [], [], [], [], [], []
    first_sent = 0
    for i, doc in enumerate(docs):
        rows, sent_ids, word, offsets = doc_rows(doc, basis_labels)
        values.append(rows)
        docs_of.append(np.full(len(doc), i, dtype=np.int64))
        sents.append(sent_ids + first_sent)
        first_sent += int(sent_ids.max()) + 1 if len(doc) else 0
        words.append(word)
        idx.append(offsets[0])
        end.append(offsets[1])
    if not values:
        empty = np.zeros(0, dtype=np.int64)
        return TokenTable(
            np.zeros((len(ROWS), 0), np.uint64), empty, empty, empty.astype(bool), empty, empty
        )
    return TokenTable(
        np.concatenate(values, axis=1),
        np.concatenate(docs_of),
        np.concatenate(sents),
        np.concatenate(words),
        np.concatenate(idx),
        np.concatenate(end),
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

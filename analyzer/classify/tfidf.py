"""The tf-idf features of the stored models, computed without scikit-learn.

Training fits scikit-learn's ``TfidfVectorizer`` (see :mod:`.models`); what it learns is a
vocabulary and one idf weight per feature. At run time :class:`Tfidf` turns a batch of texts into
the same sparse matrix from that state alone: the n-grams are those the vectorizer would take
(:class:`WordNgrams`, :class:`CharWbNgrams`), counted, weighted ``(1 + log count) * idf`` and
scaled to unit length, all in a few array operations per batch. Tests check the result against
the vectorizer itself, so a process that only analyzes never imports scikit-learn.

Emails repeat the same few thousand words, so the character n-grams of each word are kept.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import repeat
from typing import Any

import numpy as np

#: Words whose character n-grams a :class:`CharWbNgrams` keeps; the cache is emptied when full.
WORD_CACHE_SIZE = 50_000

_NONE = np.zeros(0, dtype=np.int32)


class _Ngrams:
    """What both n-gram readers hold: the fitted vocabulary, the n-gram range and the
    preprocessor that picks the text's part out of a feature string."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        ngram_range: tuple[int, int],
        preprocessor: Callable[[str], str],
    ):
        self.vocabulary = vocabulary
        self.ngram_range = ngram_range
        self.preprocessor = preprocessor


class WordNgrams(_Ngrams):
    """Vocabulary indices of a text's word n-grams (whitespace-separated tokens).

    Splitting on whitespace is what the vectorizer's ``\\S+`` token pattern does.
    """

    def indices(self, text: str) -> np.ndarray:
        """The indices of the n-grams of ``text`` found in the vocabulary, repeats included."""
        tokens = self.preprocessor(text).split()
        low, high = self.ngram_range
        get, missing = self.vocabulary.get, repeat(-1)
        found: list[int] = []
        for n in range(low, high + 1):
            shifted = (tokens[i:] for i in range(n))  # n-grams: n staggered copies, zipped
            grams = tokens if n == 1 else map(" ".join, zip(*shifted, strict=False))
            found += map(get, grams, missing)
        kept = np.array(found, dtype=np.int32)
        return kept[kept >= 0]


def char_wb_ngrams(word: str, ngram_range: tuple[int, int]) -> list[str]:
    """The character n-grams of one word padded with a space on each side.

    A word no longer than ``n`` gives itself once (padded) and no longer n-grams.
    """
    padded = f" {word} "
    size = len(padded)
    grams: list[str] = []
    low, high = ngram_range
    for n in range(low, high + 1):
        grams += [padded[i : i + n] for i in range(max(1, size - n + 1))]
        if size <= n:
            break
    return grams


class CharWbNgrams(_Ngrams):
    """Vocabulary indices of the character n-grams of each word of a text (``char_wb``)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        ngram_range: tuple[int, int],
        preprocessor: Callable[[str], str],
        *,
        cache_size: int = WORD_CACHE_SIZE,
    ):
        super().__init__(vocabulary, ngram_range, preprocessor)
        self.cache_size = cache_size
        self._cache: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        get = self.vocabulary.get
        found = [i for i in map(get, char_wb_ngrams(word, self.ngram_range)) if i is not None]
        grams = np.array(found, dtype=np.int32) if found else _NONE
        if len(self._cache) >= self.cache_size:
            self._cache.clear()
        self._cache[word] = grams
        return grams

    def indices(self, text: str) -> np.ndarray:
        """The indices of the n-grams of ``text`` found in the vocabulary, repeats included."""
        cache = self._cache
        words = []
        for word in self.preprocessor(text).split():
            grams = cache.get(word)
            words.append(self._word(word) if grams is None else grams)
        return np.concatenate(words) if words else _NONE


class Tfidf:
    """A fitted tf-idf transform: n-gram indices, then ``(1 + log tf) * idf``, l2-normalized."""

    def __init__(self, ngrams: WordNgrams | CharWbNgrams, idf: np.ndarray):
        self.ngrams = ngrams
        self.idf = np.asarray(idf, dtype=np.float64)
        self.width = len(self.idf)

    def transform(self, x: list[str]) -> Any:
        """The tf-idf matrix (CSR, one row per text, columns sorted) of ``x``."""
        from scipy import sparse

        rows, columns, counts = count_features([self.ngrams.indices(t) for t in x], self.width)
        values = np.log(counts)
        values += 1.0
        values *= self.idf[columns]
        norms = np.sqrt(np.bincount(rows, values * values, minlength=len(x)))
        norms[norms == 0.0] = 1.0
        values /= norms[rows]
        indptr = np.searchsorted(rows, np.arange(len(x) + 1))
        return sparse.csr_matrix((values, columns, indptr), shape=(len(x), self.width))


def count_features(rows: list[np.ndarray], width: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(row, column, count)`` of each distinct feature of each row, sorted by row and column.

    ``rows`` holds each text's feature indices (below ``width``), repeats included. One sort of
    ``row * width + column`` keys does it for the whole batch.
    """
    lengths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
    dtype: type[np.signedinteger[Any]] = np.int32 if len(rows) * width < 2**31 else np.int64
    keys = np.repeat(np.arange(0, len(rows) * width, width, dtype=dtype), lengths)
    if len(keys):
        keys += np.concatenate(rows)
    keys.sort()
    first = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(starts, append=len(keys)).astype(np.float64)
    distinct = keys[starts]
    row, column = np.divmod(distinct, width)
    return row, column, counts


def ngrams_for(
    analyzer: str,
    vocabulary: Mapping[str, int],
    ngram_range: tuple[int, int],
    preprocessor: Callable[[str], str],
) -> WordNgrams | CharWbNgrams:
    """The n-gram reader for a vectorizer's ``analyzer`` (``word`` or ``char_wb``)."""
    if analyzer == "word":
        return WordNgrams(vocabulary, ngram_range, preprocessor)
    if analyzer == "char_wb":
        return CharWbNgrams(vocabulary, ngram_range, preprocessor)
    raise ValueError(f"unsupported analyzer {analyzer!r}")

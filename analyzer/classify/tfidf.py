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

from collections.abc import Callable, Iterable, Mapping, Sequence
from itertools import chain, repeat
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from .features import Words

#: Words whose character n-grams a :class:`CharWbNgrams` keeps; the cache is emptied when full.
WORD_CACHE_SIZE = 50_000


class _Ngrams:
    """What both n-gram readers hold: the fitted vocabulary, the n-gram range, the
    preprocessor that picks the text's part out of a feature string, and which of a text's
    kept word lists is that part split (``kept``; ``None``: always split)."""

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        ngram_range: tuple[int, int],
        preprocessor: Callable[[str], str],
        *,
        kept: int | None = None,
    ):
        self.vocabulary = vocabulary
        self.ngram_range = ngram_range
        self.preprocessor = preprocessor
        self.kept = kept

    def _split(
        self, texts: list[str], words: Sequence[Words | None] | None = None
    ) -> tuple[list[list[str]], np.ndarray]:
        """Each text's part split on whitespace (or its kept list, from ``words``), and the
        text (row) of every piece."""
        part, k = self.preprocessor, self.kept
        if words is None or k is None:
            split = [part(text).split() for text in texts]
        else:
            split = [
                part(text).split() if lists is None else lists[k]
                for text, lists in zip(texts, words, strict=True)
            ]
        row_of = np.repeat(np.arange(len(texts)), np.fromiter(map(len, split), np.int64))
        return split, row_of


#: Texts a :class:`WordNgrams` reads as strings before it numbers the vocabulary's tokens:
#: numbering them costs about as much as reading a few hundred texts, which a process that
#: analyzes one message never does.
TABLE_AFTER = 500


class WordNgrams(_Ngrams):
    """The word n-grams of texts (whitespace-separated tokens), found in the vocabulary.

    Splitting on whitespace is what the vectorizer's ``\\S+`` token pattern does. Rather than
    joining and looking up every n-gram as a string, each token is looked up once, as a number
    (the same for every occurrence), and an n-gram is the number its tokens' numbers make in
    base ``tokens + 1``: those are found among the vocabulary's n-grams, numbered alike, with
    one sorted search per batch. N-gram lengths whose numbers would not fit in 64 bits, and
    the first ``table_after`` texts, are joined and looked up as strings.
    """

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        ngram_range: tuple[int, int],
        preprocessor: Callable[[str], str],
        *,
        kept: int | None = None,
        table_after: int = TABLE_AFTER,
    ):
        super().__init__(vocabulary, ngram_range, preprocessor, kept=kept)
        self.table_after = table_after
        self._read = 0  # texts read so far
        self._table: _TokenTable | None = None

    def features(
        self, texts: list[str], words: Sequence[Words | None] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(row, column)`` of every n-gram of ``texts`` found in the vocabulary, repeats
        included (in no particular order); ``words``: the texts' kept word lists, if any."""
        split, text_of = self._split(texts, words)
        self._read += len(texts)
        if self._table is None and self._read <= self.table_after:
            low, high = self.ngram_range
            grams = [self._as_strings(n, split) for n in range(low, high + 1)]
            return _joined([row for row, _ in grams]), _joined([column for _, column in grams])
        if self._table is None:
            self._table = _TokenTable(self.vocabulary, self.ngram_range)
        table = self._table
        tokens = list(chain.from_iterable(split))
        ids = np.fromiter(map(table.ids.get, tokens, repeat(table.unknown)), np.int64, len(tokens))
        rows, columns = [], []
        low, high = self.ngram_range
        for n in range(low, min(high, len(tokens)) + 1):
            found = table.lookup(n, ids)
            if found is None:  # too long to number: as strings
                row, column = self._as_strings(n, split)
            else:
                starts = text_of[: len(found)]
                hit = (found >= 0) & (starts == text_of[n - 1 :])  # inside one text
                row, column = starts[hit], found[hit]
            rows.append(row)
            columns.append(column)
        return _joined(rows), _joined(columns)

    def _as_strings(self, n: int, split: list[list[str]]) -> tuple[np.ndarray, np.ndarray]:
        get, rows, columns = self.vocabulary.get, [], []
        for row, tokens in enumerate(split):
            grams = map(" ".join, zip(*(tokens[i:] for i in range(n)), strict=False))
            found = [c for c in map(get, grams) if c is not None]
            rows += [row] * len(found)
            columns += found
        return np.array(rows, dtype=np.int64), np.array(columns, dtype=np.int64)


class _TokenTable:
    """The vocabulary's tokens numbered, and its n-grams as numbers: sorted, with columns."""

    def __init__(self, vocabulary: Mapping[str, int], ngram_range: tuple[int, int]):
        terms = list(vocabulary)
        columns = np.fromiter(vocabulary.values(), np.int64, len(terms))
        # terms are tokens joined by single spaces, and tokens hold no whitespace
        flat = " ".join(terms).split(" ") if terms else []
        self.ids = dict(zip(dict.fromkeys(flat), range(len(flat)), strict=False))
        self.unknown = len(self.ids)  # the number of every token not in the vocabulary
        self.base = self.unknown + 1
        lengths = np.fromiter(map(str.count, terms, repeat(" ")), np.int64, len(terms)) + 1
        numbers = np.fromiter(map(self.ids.__getitem__, flat), np.int64, len(flat))
        starts = np.cumsum(lengths) - lengths
        # a token's number is its unigram's key: unigrams are a table, longer n-grams a search
        chosen = np.flatnonzero(lengths == 1)
        self._unigrams = np.full(self.base, -1, dtype=np.int64)  # token number -> column, or -1
        self._unigrams[numbers[starts[chosen]]] = columns[chosen]
        self._grams: dict[int, tuple[np.ndarray, np.ndarray] | None] = {}
        low, high = self._low, self._high = ngram_range
        for n in range(max(low, 2), high + 1):
            if self.base**n >= 2**63:
                self._grams[n] = None
                continue
            chosen = np.flatnonzero(lengths == n)
            keys = np.zeros(len(chosen), dtype=np.int64)
            for k in range(n):
                keys = keys * self.base + numbers[starts[chosen] + k]
            order = np.argsort(keys)
            self._grams[n] = (keys[order], columns[chosen][order])

    @property
    def numbered(self) -> list[int]:
        """The n-gram lengths looked up as numbers (the others are looked up as strings)."""
        return [n for n in range(self._low, self._high + 1) if self._grams.get(n, 0) is not None]

    def lookup(self, n: int, ids: np.ndarray) -> np.ndarray | None:
        """The column of the n-gram starting at each of ``ids`` (token numbers), -1 where it is
        not in the vocabulary; ``None`` when such n-grams cannot be numbered."""
        if n == 1:
            return self._unigrams[ids]
        grams = self._grams[n]
        if grams is None:
            return None
        keys, columns = grams
        count = len(ids) - n + 1
        number = ids[:count].copy()
        for k in range(1, n):
            number *= self.base
            number += ids[k : k + count]
        if not len(keys):
            return np.full(count, -1, dtype=np.int64)
        at = np.searchsorted(keys, number).clip(max=len(keys) - 1)
        return np.where(keys[at] == number, columns[at], -1)


def _joined(arrays: list[np.ndarray]) -> np.ndarray:
    return np.concatenate(arrays) if arrays else np.zeros(0, dtype=np.int64)


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
    """The character n-grams of each word of texts (``char_wb``), found in the vocabulary.

    Each distinct word's n-gram columns are computed once and kept, all in one growing array
    (``cache_size`` words at most between batches; then it starts afresh): a batch looks its
    words up and gathers their columns with array operations.
    """

    def __init__(
        self,
        vocabulary: Mapping[str, int],
        ngram_range: tuple[int, int],
        preprocessor: Callable[[str], str],
        *,
        kept: int | None = None,
        cache_size: int = WORD_CACHE_SIZE,
    ):
        super().__init__(vocabulary, ngram_range, preprocessor, kept=kept)
        self.cache_size = cache_size
        self._clear()

    def _clear(self) -> None:
        self._numbers: dict[str, int] = {}  # word -> its number in the arrays below
        self._starts = np.zeros(1024, dtype=np.int64)  # where each word's columns start
        self._lengths = np.zeros(1024, dtype=np.int64)
        self._columns = np.zeros(4096, dtype=np.int64)
        self._used = 0  # of _columns

    def _add(self, words: Iterable[str]) -> None:
        get = self.vocabulary.get
        for word in words:
            found = [c for c in map(get, char_wb_ngrams(word, self.ngram_range)) if c is not None]
            number, end = len(self._numbers), self._used + len(found)
            self._columns = _room(self._columns, end)
            self._starts, self._lengths = (
                _room(self._starts, number + 1),
                _room(self._lengths, number + 1),
            )
            self._columns[self._used : end] = found
            self._starts[number], self._lengths[number] = self._used, len(found)
            self._numbers[word] = number
            self._used = end

    def features(
        self, texts: list[str], words: Sequence[Words | None] | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(row, column)`` of every n-gram of ``texts`` found in the vocabulary, repeats
        included (in no particular order); ``words``: the texts' kept word lists, if any."""
        split, text_of = self._split(texts, words)
        pieces = list(chain.from_iterable(split))
        if len(self._numbers) > self.cache_size:
            self._clear()
        new = set(pieces).difference(self._numbers)
        if new:
            self._add(sorted(new))
        numbers = np.fromiter(map(self._numbers.__getitem__, pieces), np.int64, len(pieces))
        sizes = self._lengths[numbers]
        # the positions of each word's columns, side by side: its start, then one step each
        ends = np.cumsum(sizes)
        positions = np.arange(ends[-1] if len(ends) else 0, dtype=np.int64)
        positions += np.repeat(self._starts[numbers] - (ends - sizes), sizes)
        return np.repeat(text_of, sizes), self._columns[positions]


def _room(array: np.ndarray, size: int) -> np.ndarray:
    """``array``, or a copy at least twice as long when it is shorter than ``size``."""
    if size <= len(array):
        return array
    grown = np.zeros(max(2 * len(array), size), dtype=array.dtype)
    grown[: len(array)] = array
    return grown


class Tfidf:
    """A fitted tf-idf transform: n-gram indices, then ``(1 + log tf) * idf``, l2-normalized."""

    def __init__(self, ngrams: WordNgrams | CharWbNgrams, idf: np.ndarray):
        self.ngrams = ngrams
        self.idf = np.asarray(idf, dtype=np.float64)
        self.width = len(self.idf)

    def transform(self, x: list[str], words: Sequence[Words | None] | None = None) -> Any:
        """The tf-idf matrix (CSR, one row per text, columns sorted) of ``x``; ``words``: the
        texts' kept word lists, where they have them (:data:`~.features.Words`)."""
        from scipy import sparse

        found = self.ngrams.features(x, words)
        rows, columns, counts = count_features(*found, self.width, len(x))
        values = np.log(counts)
        values += 1.0
        values *= self.idf[columns]
        norms = np.sqrt(np.bincount(rows, values * values, minlength=len(x)))
        norms[norms == 0.0] = 1.0
        values /= norms[rows]
        indptr = np.searchsorted(rows, np.arange(len(x) + 1))
        return sparse.csr_matrix((values, columns, indptr), shape=(len(x), self.width))


def count_features(
    rows: np.ndarray, columns: np.ndarray, width: int, n_rows: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(row, column, count)`` of each distinct ``(rows[i], columns[i])`` pair, sorted by row
    and column: ``row * width + column`` keys (rows are below ``n_rows``, columns below
    ``width``; 32-bit keys where they fit), sorted, and their runs counted."""
    dtype: type[np.signedinteger[Any]] = np.int32 if n_rows * width < 2**31 else np.int64
    keys = _sorted_keys(rows, columns, width, n_rows, dtype)
    first = np.ones(len(keys), dtype=bool)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    counts = np.diff(starts, append=len(keys)).astype(np.float64)
    row, column = np.divmod(keys[starts], width)
    return row, column, counts


#: Rows and columns below this are sorted as 16-bit numbers.
_SHORT = 2**16


def _sorted_keys(
    rows: np.ndarray,
    columns: np.ndarray,
    width: int,
    n_rows: int,
    dtype: type[np.signedinteger[Any]],
) -> np.ndarray:
    """``rows * width + columns``, sorted.

    numpy sorts 16-bit numbers stably by radix, in linear time: where rows and columns fit,
    the pairs are put in column order, then (stably) in row order, which is key order, for
    about half of what one comparison sort of the keys costs.
    """
    if width <= _SHORT and n_rows <= _SHORT:
        short_columns = columns.astype(np.uint16)
        by_column = np.argsort(short_columns, kind="stable")
        short_rows = rows.astype(np.uint16)[by_column]
        by_row = np.argsort(short_rows, kind="stable")
        keys = short_rows[by_row].astype(dtype)
        keys *= width
        keys += short_columns[by_column][by_row]
        return keys
    keys = rows.astype(dtype)
    keys *= width
    keys += columns
    keys.sort()
    return keys


def ngrams_for(
    analyzer: str,
    vocabulary: Mapping[str, int],
    ngram_range: tuple[int, int],
    preprocessor: Callable[[str], str],
    *,
    kept: int | None = None,
) -> WordNgrams | CharWbNgrams:
    """The n-gram reader for a vectorizer's ``analyzer`` (``word`` or ``char_wb``); ``kept``:
    which of a text's kept word lists its part is, if texts come with them."""
    if analyzer == "word":
        return WordNgrams(vocabulary, ngram_range, preprocessor, kept=kept)
    if analyzer == "char_wb":
        return CharWbNgrams(vocabulary, ngram_range, preprocessor, kept=kept)
    raise ValueError(f"unsupported analyzer {analyzer!r}")

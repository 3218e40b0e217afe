"""``TfidfVectorizer.transform`` for fitted vectorizers, computed for a whole batch at once.

scikit-learn's ``transform`` counts features text by text in Python and rebuilds each text's
analysis from scratch. Emails repeat the same few thousand words, so the classes here keep what
can be kept (a word's character n-grams) and turn a batch of texts into one CSR matrix with a
few array operations. Each gives exactly the vectorizer's own matrix (tested); the features
themselves always come from the vectorizer's own analyzer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

#: Words whose character n-grams a :class:`CharTfidf` keeps; the cache is emptied when full.
WORD_CACHE_SIZE = 50_000

_NONE = np.zeros(0, dtype=np.int32)


class _Tfidf:
    """The shared part: feature indices per text in, tf-idf matrix out."""

    def __init__(self, vectorizer: Any):
        self.vectorizer = vectorizer
        self.vocabulary: dict[str, int] = vectorizer.vocabulary_

    def _row(self, text: str) -> np.ndarray:
        """The vocabulary indices of ``text``'s features, repeats included."""
        raise NotImplementedError

    def transform(self, x: list[str]) -> Any:
        """The tf-idf matrix of ``x``, as the vectorizer's ``transform`` gives it."""
        from scipy import sparse
        from sklearn.preprocessing import normalize

        vec = self.vectorizer
        shape = (len(x), len(self.vocabulary))
        if not x:
            return sparse.csr_matrix(shape, dtype=vec.dtype)
        rows = [self._row(text) for text in x]
        indptr = np.zeros(len(rows) + 1, dtype=np.int64)
        np.cumsum([len(row) for row in rows], out=indptr[1:])
        indices = np.concatenate(rows)
        data = np.ones(len(indices), dtype=vec.dtype)
        matrix = sparse.csr_matrix((data, indices, indptr), shape=shape)
        matrix.sum_duplicates()  # counts per feature, indices sorted, as CountVectorizer gives
        if vec.binary:
            matrix.data[:] = 1
        if vec.sublinear_tf:
            np.log(matrix.data, matrix.data)
            matrix.data += 1.0
        if vec.use_idf:
            matrix.data *= vec.idf_[matrix.indices]
        return normalize(matrix, norm=vec.norm, copy=False) if vec.norm else matrix


class CharTfidf(_Tfidf):
    """A fitted ``char_wb`` vectorizer, word by word with each word's n-grams kept.

    A ``char_wb`` vectorizer takes the n-grams of each whitespace-separated word on its own,
    so a text's n-grams are its words' n-grams one after another.
    """

    def __init__(self, vectorizer: Any, *, cache_size: int = WORD_CACHE_SIZE):
        super().__init__(vectorizer)
        self.cache_size = cache_size
        self._analyze = vectorizer.build_analyzer()
        self._preprocess = vectorizer.build_preprocessor()
        self._cache: dict[str, np.ndarray] = {}

    def _word(self, word: str) -> np.ndarray:
        found = self._cache.get(word)
        if found is None:
            vocabulary = self.vocabulary
            grams = self._analyze(word)
            found = np.array([vocabulary[g] for g in grams if g in vocabulary], dtype=np.int32)
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[word] = found
        return found

    def _row(self, text: str) -> np.ndarray:
        words = [self._word(w) for w in self._preprocess(text).split()]
        return np.concatenate(words) if words else _NONE


class WordTfidf(_Tfidf):
    """A fitted ``word`` vectorizer: the vectorizer's analyzer, then one matrix per batch."""

    def __init__(self, vectorizer: Any):
        super().__init__(vectorizer)
        self._analyze = vectorizer.build_analyzer()

    def _row(self, text: str) -> np.ndarray:
        get = self.vocabulary.get
        found = [i for i in map(get, self._analyze(text)) if i is not None]
        return np.array(found, dtype=np.int32) if found else _NONE


def batch_transform(vectorizer: Any) -> Callable[[list[str]], Any]:
    """The fastest exact ``transform`` for a fitted tf-idf ``vectorizer``."""
    fitted = hasattr(vectorizer, "idf_") and getattr(vectorizer, "input", None) == "content"
    kind = getattr(vectorizer, "analyzer", None)
    if fitted and kind == "char_wb":
        return CharTfidf(vectorizer).transform
    if fitted and kind == "word":
        return WordTfidf(vectorizer).transform
    return vectorizer.transform

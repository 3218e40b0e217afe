"""Prediction with a fitted tf-idf + logistic-regression pipeline as one sparse matrix product.

``Pipeline.predict_proba`` spends most of a small call on input checks, parallel dispatch and
per-estimator loops (2-4 ms each, measured). :class:`LinearModel` reads the same fitted
vectorizers and coefficients and computes the same probabilities directly; models whose
vectorizers are identical (kind and policy are fitted on the same messages) share one
:class:`FeatureSpace`, so a message's features are computed once for both.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np

from .models import linear_state

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline


#: Words whose character n-grams a :class:`CharTfidf` keeps; the cache is emptied when full.
WORD_CACHE_SIZE = 50_000


class CharTfidf:
    """``TfidfVectorizer.transform`` of a fitted ``char_wb`` vectorizer, word by word.

    A ``char_wb`` vectorizer takes the n-grams of each whitespace-separated word on its own, so
    a text's n-grams are its words' n-grams one after another. Emails repeat the same few
    thousand words, so each word's vocabulary indices are computed once (with the vectorizer's
    own analyzer) and kept; a batch of texts then becomes one sparse matrix in a few array
    operations. The result equals the vectorizer's ``transform`` (tested).
    """

    def __init__(self, vectorizer: Any, *, cache_size: int = WORD_CACHE_SIZE):
        self.vectorizer = vectorizer
        self.cache_size = cache_size
        self._analyze = vectorizer.build_analyzer()
        self._preprocess = vectorizer.build_preprocessor()
        self._cache: dict[str, np.ndarray] = {}

    @staticmethod
    def handles(vectorizer: Any) -> bool:
        """Whether ``vectorizer`` is a fitted ``char_wb`` tf-idf vectorizer of plain text."""
        return (
            getattr(vectorizer, "analyzer", None) == "char_wb"
            and vectorizer.input == "content"
            and hasattr(vectorizer, "idf_")
        )

    def _indices(self, word: str) -> np.ndarray:
        found = self._cache.get(word)
        if found is None:
            vocabulary = self.vectorizer.vocabulary_
            grams = self._analyze(word)
            found = np.array([vocabulary[g] for g in grams if g in vocabulary], dtype=np.int32)
            if len(self._cache) >= self.cache_size:
                self._cache.clear()
            self._cache[word] = found
        return found

    def transform(self, x: list[str]) -> Any:
        """The tf-idf matrix of ``x``, as the vectorizer's ``transform`` gives it."""
        from scipy import sparse
        from sklearn.preprocessing import normalize

        vec = self.vectorizer
        if not x:
            return sparse.csr_matrix((0, len(vec.vocabulary_)), dtype=vec.dtype)
        rows, lengths = [], []
        for text in x:
            words = [self._indices(w) for w in self._preprocess(text).split()]
            row = np.concatenate(words) if words else np.zeros(0, dtype=np.int32)
            rows.append(row)
            lengths.append(len(row))
        indptr = np.concatenate([[0], np.cumsum(lengths)]).astype(np.int64)
        indices = np.concatenate(rows)
        data = np.ones(len(indices), dtype=vec.dtype)
        shape = (len(x), len(vec.vocabulary_))
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


class FeatureSpace:
    """The fitted vectorizers of a pipeline's ``FeatureUnion``, stacked side by side."""

    def __init__(self, vectorizers: Sequence[Any]):
        self.vectorizers = tuple(vectorizers)
        self._transforms = [
            CharTfidf(v).transform if CharTfidf.handles(v) else v.transform
            for v in self.vectorizers
        ]

    def transform(self, x: list[str]) -> Any:
        """The sparse feature matrix of ``x`` (as ``FeatureUnion.transform`` gives)."""
        from scipy import sparse

        return sparse.hstack([t(x) for t in self._transforms], format="csr")

    def same_as(self, other: FeatureSpace) -> bool:
        """True when both spaces map every input to the same matrix."""
        if len(self.vectorizers) != len(other.vectorizers):
            return False
        return all(
            a.get_params() == b.get_params()
            and a.vocabulary_ == b.vocabulary_
            and np.array_equal(a.idf_, b.idf_)
            for a, b in zip(self.vectorizers, other.vectorizers, strict=True)
        )


class LinearModel:
    """One fitted pipeline: its feature space and its stacked linear decision functions."""

    def __init__(self, pipe: Pipeline):
        union = pipe.named_steps["features"]
        self.features = FeatureSpace([v for _, v in union.transformer_list])
        clf = pipe.named_steps["clf"]
        self.one_vs_rest = hasattr(clf, "estimators_")
        self.coef, self.intercept = linear_state(clf)
        self.classes = [str(c) for c in clf.classes_]

    def proba(self, matrix: Any) -> np.ndarray:
        """Class probabilities of the rows of ``matrix`` (columns: :attr:`classes`)."""
        from scipy.special import expit, softmax

        scores = np.asarray(matrix @ self.coef.T) + self.intercept
        if self.one_vs_rest:
            return np.asarray(expit(scores))
        if scores.shape[1] == 1:  # binary: the one column is the second class's logit
            positive = expit(scores[:, 0])
            return np.column_stack([1 - positive, positive])
        return np.asarray(softmax(scores, axis=1))


def share_features(models: Sequence[LinearModel]) -> None:
    """Let models with identical feature spaces use one object (one transform per input)."""
    seen: list[FeatureSpace] = []
    for model in models:
        twin = next((space for space in seen if space.same_as(model.features)), None)
        if twin is None:
            seen.append(model.features)
        else:
            model.features = twin

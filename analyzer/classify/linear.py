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
from .tfidf import batch_transform

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline


class FeatureSpace:
    """The fitted vectorizers of a pipeline's ``FeatureUnion``, stacked side by side."""

    def __init__(self, vectorizers: Sequence[Any]):
        self.vectorizers = tuple(vectorizers)
        self._transforms = [batch_transform(v) for v in self.vectorizers]

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

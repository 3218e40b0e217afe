"""The stored classifiers at run time: tf-idf features and a linear product, no scikit-learn.

A model is stored as its :class:`~.models.Spec`, vocabularies and arrays (``idf_*``, ``coef``,
``intercept``; see :func:`~.models.dump`). :class:`LinearModel` reads them straight into a
:class:`FeatureSpace` and a coefficient matrix and gives the probabilities the fitted pipeline's
``predict_proba`` gives (tested against it), without the pipeline's per-call checks and without
importing scikit-learn. Models whose features are identical (kind and policy are fitted on the
same messages) share one :class:`FeatureSpace`, so a message's features are computed once.
"""

from __future__ import annotations

from collections.abc import Sequence
from itertools import pairwise
from typing import Any

import numpy as np

from .features import Words, kept_part
from .models import Spec, parts
from .tfidf import Tfidf, ngrams_for


class FeatureSpace:
    """The tf-idf parts of a model, stacked side by side as ``FeatureUnion`` stacks them."""

    def __init__(self, tfidfs: Sequence[Tfidf], *, stored: tuple[Any, Any] | None = None):
        self.parts = tuple(tfidfs)
        self._stored = stored  # (parts, vocabularies) it was read from, if it was

    @classmethod
    def from_stored(cls, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> FeatureSpace:
        """The feature space of a model stored by :func:`~.models.dump`."""
        spec = Spec.from_dict(meta["spec"])
        tfidfs = []
        for i, part in enumerate(parts(spec)):
            terms = meta["vocabularies"][i]
            vocabulary = dict(zip(terms, range(len(terms)), strict=True))
            ngrams = ngrams_for(
                part.analyzer,
                vocabulary,
                part.ngram_range,
                part.preprocessor,
                kept=kept_part(part.preprocessor),
            )
            tfidfs.append(Tfidf(ngrams, arrays[f"idf_{i}"]))
        return cls(tfidfs, stored=(parts(spec), meta["vocabularies"]))

    def is_stored_as(self, meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> bool:
        """True when the model stored as ``(meta, arrays)`` has exactly this feature space."""
        return (
            self._stored == (parts(Spec.from_dict(meta["spec"])), meta["vocabularies"])
            and len(self.parts) == len(meta["vocabularies"])
            and all(np.array_equal(p.idf, arrays[f"idf_{i}"]) for i, p in enumerate(self.parts))
        )

    @property
    def width(self) -> int:
        """The number of features."""
        return sum(part.width for part in self.parts)

    def transform(self, x: list[str], words: Sequence[Words | None] | None = None) -> list[Any]:
        """The feature matrix of ``x``, as one sparse (CSR) block per part: side by side they
        are the matrix ``FeatureUnion.transform`` gives (not stacked, as nothing needs that).
        ``words``: each string's kept word lists, where it has them."""
        return [part.transform(x, words) for part in self.parts]


class LinearModel:
    """A stored model: its feature space and its stacked linear decision functions.

    ``one_vs_rest`` models give one independent probability per class (multi-label); the others
    one distribution over :attr:`classes` (softmax, or the logistic for two classes).
    """

    def __init__(
        self,
        features: FeatureSpace,
        coef: np.ndarray,
        intercept: np.ndarray,
        classes: Sequence[str],
        *,
        one_vs_rest: bool,
    ):
        if coef.shape != (len(intercept), features.width):
            raise ValueError(f"coefficients {coef.shape} do not fit {features.width} features")
        self.features = features
        widths = np.cumsum([0, *(part.width for part in features.parts)])
        # one block of coefficients per feature part, features down the rows
        self.coef = [np.ascontiguousarray(coef[:, a:b].T) for a, b in pairwise(widths.tolist())]
        self.intercept = np.asarray(intercept)
        self.classes = [str(c) for c in classes]
        self.one_vs_rest = one_vs_rest

    @classmethod
    def from_stored(
        cls,
        meta: dict[str, Any],
        arrays: dict[str, np.ndarray],
        features: FeatureSpace | None = None,
    ) -> LinearModel:
        """The model stored by :func:`~.models.dump` as ``(meta, arrays)``; ``features``, when
        given, must be the stored model's feature space (see :func:`read_linear_models`)."""
        return cls(
            FeatureSpace.from_stored(meta, arrays) if features is None else features,
            arrays["coef"],
            arrays["intercept"],
            meta["classes"],
            one_vs_rest=bool(meta["spec"]["multilabel"]),
        )

    def proba(self, blocks: Sequence[Any]) -> np.ndarray:
        """Class probabilities of the rows of a feature matrix given as its blocks (what
        :meth:`FeatureSpace.transform` returns; columns: :attr:`classes`)."""
        scores = sum(
            (np.asarray(block @ coef) for block, coef in zip(blocks, self.coef, strict=True)),
            self.intercept,
        )
        if self.one_vs_rest:
            return _logistic(scores)
        if scores.shape[1] == 1:  # binary: the one column is the second class's logit
            positive = _logistic(scores[:, 0])
            return np.column_stack([1 - positive, positive])
        scores -= scores.max(axis=1, keepdims=True)
        np.exp(scores, out=scores)
        scores /= scores.sum(axis=1, keepdims=True)
        return scores


def _logistic(scores: np.ndarray) -> np.ndarray:
    """``1 / (1 + exp(-x))`` without overflow warnings for large ``|x|``."""
    out = np.exp(-np.abs(scores))
    return np.where(scores >= 0, 1.0 / (1.0 + out), out / (1.0 + out))


def read_linear_models(
    stored: dict[str, tuple[dict[str, Any], dict[str, np.ndarray]]],
) -> dict[str, LinearModel]:
    """The models stored as ``{name: (meta, arrays)}``; models whose features are identical
    share one :class:`FeatureSpace` (one transform per input), read once."""
    spaces: list[FeatureSpace] = []
    models = {}
    for name, (meta, arrays) in stored.items():
        space = next((s for s in spaces if s.is_stored_as(meta, arrays)), None)
        if space is None:
            space = FeatureSpace.from_stored(meta, arrays)
            spaces.append(space)
        models[name] = LinearModel.from_stored(meta, arrays, space)
    return models

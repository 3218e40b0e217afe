"""The sklearn pipelines: how they are built, and how their fitted state becomes JSON + arrays.

Nothing is pickled. A fitted pipeline is stored as its :class:`Spec` (hyper-parameters),
its vocabularies (JSON) and its numeric state (``idf_``, ``coef_``, ``intercept_``: ``.npz``),
and rebuilt on load into the same sklearn objects with the same fitted attributes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from .features import lemma_part, text_part

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

SEED = 0


@dataclass(frozen=True)
class Spec:
    """Hyper-parameters of one pipeline.

    Attributes:
        word_ngrams: n-gram range over lemmas and cue tokens.
        char_ngrams: ``char_wb`` n-gram range over the lower text, or ``None`` for none.
        c: inverse regularization strength of the logistic regression.
        multilabel: one binary regression per label (one-vs-rest) instead of one softmax.
        balanced: weight classes inversely to their frequency.
    """

    word_ngrams: tuple[int, int] = (1, 2)
    char_ngrams: tuple[int, int] | None = (2, 5)
    c: float = 10.0
    multilabel: bool = False
    balanced: bool = False

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Spec:
        """The spec stored by :func:`dump`."""
        chars = data["char_ngrams"]
        return cls(
            word_ngrams=tuple(data["word_ngrams"]),
            char_ngrams=None if chars is None else tuple(chars),
            c=float(data["c"]),
            multilabel=bool(data["multilabel"]),
            balanced=bool(data["balanced"]),
        )


@dataclass(frozen=True)
class Part:
    """One tf-idf part of a pipeline's features: what it reads and how it splits it.

    Training builds a scikit-learn ``TfidfVectorizer`` from it; run time rebuilds the same
    transform without scikit-learn (:mod:`.tfidf`). Every part uses sublinear term frequency,
    idf weights and l2 row norms (:data:`SUBLINEAR_TF`; the other two are sklearn's defaults).
    """

    name: str
    analyzer: str
    preprocessor: Callable[[str], str]
    ngram_range: tuple[int, int]
    min_df: int = 1


#: Term frequency as ``1 + log(count)`` in every part.
SUBLINEAR_TF = True
#: The word part's tokens: runs of non-whitespace (the lemmas and cue tokens as joined).
WORD_TOKEN_PATTERN = r"\S+"


def parts(spec: Spec) -> tuple[Part, ...]:
    """The feature parts of a pipeline with hyper-parameters ``spec``, in stacking order."""
    lemmas = Part("lemmas", "word", lemma_part, spec.word_ngrams)
    if spec.char_ngrams is None:
        return (lemmas,)
    return lemmas, Part("chars", "char_wb", text_part, spec.char_ngrams, min_df=2)


def _vectorizers(spec: Spec, vocabs: list[dict[str, int]] | None = None) -> list[tuple[str, Any]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    return [
        (
            part.name,
            TfidfVectorizer(
                preprocessor=part.preprocessor,
                analyzer=part.analyzer,
                token_pattern=WORD_TOKEN_PATTERN if part.analyzer == "word" else None,
                ngram_range=part.ngram_range,
                sublinear_tf=SUBLINEAR_TF,
                min_df=part.min_df,
                dtype=np.float64,
                vocabulary=None if vocabs is None else vocabs[i],
            ),
        )
        for i, part in enumerate(parts(spec))
    ]


def _regression(spec: Spec) -> Any:
    from sklearn.linear_model import LogisticRegression

    return LogisticRegression(
        C=spec.c,
        max_iter=3000,
        random_state=SEED,
        class_weight="balanced" if spec.balanced else None,
    )


def build(spec: Spec) -> Pipeline:
    """An unfitted pipeline: tf-idf features (lemmas + characters), then logistic regression."""
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline

    clf = OneVsRestClassifier(_regression(spec)) if spec.multilabel else _regression(spec)
    return Pipeline([("features", FeatureUnion(_vectorizers(spec))), ("clf", clf)])


def dump(pipe: Pipeline, spec: Spec) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The fitted state of ``pipe`` as (JSON-ready dict, named arrays)."""
    vecs = [v for _, v in pipe.named_steps["features"].transformer_list]
    vocabs = [sorted(v.vocabulary_, key=v.vocabulary_.__getitem__) for v in vecs]
    arrays = {f"idf_{i}": v.idf_ for i, v in enumerate(vecs)}
    clf = pipe.named_steps["clf"]
    arrays["coef"], arrays["intercept"] = linear_state(clf, sum(len(v.vocabulary_) for v in vecs))
    classes = clf.classes_ if not spec.multilabel else np.arange(len(arrays["coef"]))
    meta = {"spec": asdict(spec), "vocabularies": vocabs, "classes": [str(c) for c in classes]}
    return meta, arrays


#: Intercept that stands in for a label never (or always) seen in training.
CONSTANT_LOGIT = 30.0


def linear_state(clf: Any, width: int | None = None) -> tuple[np.ndarray, np.ndarray]:
    """The stacked ``(coef, intercept)`` of a logistic regression or a one-vs-rest of them.

    ``width`` (the number of features) is needed only for one-vs-rest constant predictors.
    """
    regs = clf.estimators_ if hasattr(clf, "estimators_") else [clf]
    if width is None:
        width = next(r.coef_.shape[1] for r in regs if hasattr(r, "coef_"))
    linear = [_linear(r, width) for r in regs]
    return np.vstack([c for c, _ in linear]), np.concatenate([b for _, b in linear])


def _linear(reg: Any, width: int) -> tuple[np.ndarray, np.ndarray]:
    """``(coef_, intercept_)``; a one-vs-rest constant predictor becomes a fixed logit."""
    if hasattr(reg, "coef_"):
        return np.asarray(reg.coef_), np.asarray(reg.intercept_)
    sign = 1.0 if float(np.ravel(reg.y_)[0]) > 0 else -1.0
    return np.zeros((1, width)), np.array([sign * CONSTANT_LOGIT])


def rebuild(meta: dict[str, Any], arrays: dict[str, np.ndarray]) -> tuple[Pipeline, list[str]]:
    """The fitted pipeline stored by :func:`dump`, and its class labels."""
    from sklearn.multiclass import OneVsRestClassifier
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import LabelBinarizer

    spec = Spec.from_dict(meta["spec"])
    vocabs = [dict(zip(v, range(len(v)), strict=True)) for v in meta["vocabularies"]]
    parts = _vectorizers(spec, vocabs)
    for i, (_, vec) in enumerate(parts):
        vec.idf_ = arrays[f"idf_{i}"]
    coef, intercept = arrays["coef"], arrays["intercept"]
    classes = list(meta["classes"])
    if spec.multilabel:
        regs = [
            _fitted(spec, coef[i : i + 1], intercept[i : i + 1], [0, 1]) for i in range(len(coef))
        ]
        clf: Any = OneVsRestClassifier(_regression(spec))
        clf.estimators_ = regs
        clf.label_binarizer_ = LabelBinarizer(sparse_output=False).fit(np.eye(len(regs), dtype=int))
        clf.classes_ = clf.label_binarizer_.classes_
    else:
        clf = _fitted(spec, coef, intercept, classes)
    return Pipeline([("features", FeatureUnion(parts)), ("clf", clf)]), classes


def _fitted(spec: Spec, coef: np.ndarray, intercept: np.ndarray, classes: list[Any]) -> Any:
    reg = _regression(spec)
    reg.classes_ = np.array(classes)
    reg.coef_ = np.ascontiguousarray(coef)
    reg.intercept_ = np.ascontiguousarray(intercept)
    reg.n_features_in_ = coef.shape[1]
    return reg

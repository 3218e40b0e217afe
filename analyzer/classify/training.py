"""Fit the four classifiers (plus the vague-type helper) and cross-validate them by family."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..labels import DECISION_KINDS, KINDS, POLICIES, REASONS, SPECIFICITIES, Policy
from .corpus import SENTENCE_REASONS
from .dataset import Dataset, load_dataset, subset
from .decide import (
    POLICY_STRATEGIES,
    apply_temperature,
    brier,
    combine_policy,
    expected_calibration_error,
    fit_temperature,
    rollup_reasons,
)
from .models import SEED, Spec, build

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

DEFAULT_SPECS: Mapping[str, Spec] = {
    "kind": Spec(balanced=True),
    "policy": Spec(balanced=True),
    "reasons": Spec(multilabel=True, balanced=True),
    "specificity": Spec(balanced=True),
    "vague_type": Spec(balanced=True),
}
THRESHOLDS: tuple[float, ...] = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
N_SPLITS = 5


def fit_models(data: Dataset, specs: Mapping[str, Spec] = DEFAULT_SPECS) -> dict[str, Pipeline]:
    """Every pipeline fitted on all of ``data``."""
    typed = data.s_type != ""
    jobs: dict[str, tuple[list[str], Any]] = {
        "kind": (data.m_x, data.m_kind),
        "policy": (data.m_x, data.m_policy),
        "reasons": (data.s_x, data.s_reasons),
        "specificity": (data.s_x, data.s_spec),
        "vague_type": ([x for x, t in zip(data.s_x, typed, strict=True) if t], data.s_type[typed]),
    }
    with warnings.catch_warnings():
        # a reason absent from a small training set is learnt as "never": expected, not news
        warnings.filterwarnings("ignore", message="Label not .* is present", category=UserWarning)
        return {name: build(specs[name]).fit(x, y) for name, (x, y) in jobs.items()}


def aligned_proba(pipe: Pipeline, x: list[str], labels: tuple[str, ...]) -> np.ndarray:
    """``predict_proba`` with columns in the order of ``labels`` (absent classes get zeros)."""
    out = np.zeros((len(x), len(labels)))
    if not x:
        return out
    proba = pipe.predict_proba(x)
    classes = [str(c) for c in pipe.classes_]
    for j, label in enumerate(labels):
        if label in classes:
            out[:, j] = proba[:, classes.index(label)]
    return out


def _out_of_fold(data: Dataset, specs: Mapping[str, Spec], n_splits: int) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedGroupKFold

    n_msg, n_sent = len(data.m_x), len(data.s_x)
    oof = {
        "kind": np.zeros((n_msg, len(KINDS))),
        "policy": np.zeros((n_msg, len(POLICIES))),
        "reasons": np.zeros((n_sent, len(SENTENCE_REASONS))),
        "specificity": np.zeros((n_sent, len(SPECIFICITIES))),
    }
    folds = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    for train_idx, test_idx in folds.split(data.m_x, data.m_kind, data.m_groups):
        pipes = fit_models(subset(data, train_idx), specs)
        test = subset(data, test_idx)
        s_idx = np.flatnonzero(np.isin(data.s_msg, test_idx))
        oof["kind"][test_idx] = aligned_proba(pipes["kind"], test.m_x, KINDS)
        oof["policy"][test_idx] = aligned_proba(pipes["policy"], test.m_x, POLICIES)
        if len(s_idx):
            oof["reasons"][s_idx] = pipes["reasons"].predict_proba(test.s_x)
            oof["specificity"][s_idx] = aligned_proba(pipes["specificity"], test.s_x, SPECIFICITIES)
    return oof


def _labelled(gold: Any, pred: Any, labels: tuple[str, ...]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, classification_report, confusion_matrix

    report = classification_report(
        gold, pred, labels=list(labels), output_dict=True, zero_division=0
    )
    return {
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "per_label": {k: {m: round(float(v), 4) for m, v in report[k].items()} for k in labels},
        "labels": list(labels),
        "confusion": confusion_matrix(gold, pred, labels=list(labels)).tolist(),
    }


def _probabilistic(gold: Any, proba: np.ndarray, labels: tuple[str, ...]) -> dict[str, Any]:
    pred = [labels[i] for i in proba.argmax(axis=1)]
    out = _labelled(gold, pred, labels)
    out.update(_calibration(gold, proba, labels, pred))
    return out


def _calibration(
    gold: Any, proba: np.ndarray, labels: tuple[str, ...], pred: list[str]
) -> dict[str, Any]:
    """Brier score and ECE of the raw out-of-fold probabilities, the temperature that
    calibrates them, and both scores after it (on the same folds, so slightly optimistic)."""
    correct = np.array([p == g for p, g in zip(pred, gold, strict=True)], dtype=float)
    temperature = fit_temperature(proba, np.array([labels.index(g) for g in gold]))
    scaled = apply_temperature(proba, temperature)
    return {
        "brier": round(brier(proba, labels, gold), 4),
        "ece": round(expected_calibration_error(proba.max(axis=1), correct), 4),
        "temperature": temperature,
        "brier_calibrated": round(brier(scaled, labels, gold), 4),
        "ece_calibrated": round(expected_calibration_error(scaled.max(axis=1), correct), 4),
    }


def _policy_metrics(data: Dataset, oof: dict[str, Any]) -> dict[str, Any]:
    kinds = [KINDS[i] for i in oof["kind"].argmax(axis=1)]
    clf = [POLICIES[i] for i in oof["policy"].argmax(axis=1)]
    results: dict[str, Any] = {}
    for strategy in POLICY_STRATEGIES:
        pred = [
            combine_policy(strategy, r, c) if k in DECISION_KINDS else Policy.UNSPECIFIED.value
            for r, c, k in zip(data.m_rule_policy, clf, kinds, strict=True)
        ]
        results[strategy] = _labelled(data.m_policy, pred, POLICIES)
    best = max(POLICY_STRATEGIES, key=lambda s: (results[s]["accuracy"], s == "combined"))
    calibration = _calibration(data.m_policy, oof["policy"], POLICIES, clf)
    return {"strategies": results, "chosen": best, **results[best], "classifier": calibration}


def _reason_metrics(data: Dataset, oof: dict[str, Any]) -> dict[str, Any]:
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    decision = [i for i, m in enumerate(data.messages) if m.kind in DECISION_KINDS]
    mlb = MultiLabelBinarizer(classes=list(REASONS))
    y_true = mlb.fit_transform([data.messages[i].reasons for i in decision])

    def predict(t: float) -> Any:
        rows = [oof["reasons"][data.s_msg == i] for i in decision]
        return mlb.transform([[r[0] for r in rollup_reasons(p, SENTENCE_REASONS, t)] for p in rows])

    scores = {t: float(f1_score(y_true, predict(t), average="micro")) for t in THRESHOLDS}
    best = max(THRESHOLDS, key=lambda t: (round(scores[t], 4), -abs(t - 0.5)))
    y_pred = predict(best)
    per = {
        label: {
            "precision": round(_prec(y_true[:, j], y_pred[:, j]), 4),
            "recall": round(_rec(y_true[:, j], y_pred[:, j]), 4),
            "f1": round(float(f1_score(y_true[:, j], y_pred[:, j], zero_division=0)), 4),
            "support": int(y_true[:, j].sum()),
        }
        for j, label in enumerate(REASONS)
    }
    return {
        "micro_f1_by_threshold": {str(t): round(s, 4) for t, s in scores.items()},
        "threshold": best,
        "micro_f1": round(scores[best], 4),
        "per_label": per,
    }


def _prec(y: np.ndarray, p: np.ndarray) -> float:
    return float((y & p).sum() / p.sum()) if p.sum() else 0.0


def _rec(y: np.ndarray, p: np.ndarray) -> float:
    return float((y & p).sum() / y.sum()) if y.sum() else 0.0


def cross_validate_data(
    data: Dataset, specs: Mapping[str, Spec] = DEFAULT_SPECS, n_splits: int = N_SPLITS
) -> dict[str, Any]:
    """Grouped (by family) cross-validated metrics of every model on a parsed corpus."""
    oof = _out_of_fold(data, specs, n_splits)
    return {
        "folds": n_splits,
        "messages": len(data.m_x),
        "sentences": len(data.s_x),
        "kind": _probabilistic(data.m_kind, oof["kind"], KINDS),
        "policy": _policy_metrics(data, oof),
        "reasons": _reason_metrics(data, oof),
        "specificity": _probabilistic(data.s_spec, oof["specificity"], SPECIFICITIES),
    }


def cross_validate(corpus_dir: str | Path, n_splits: int = N_SPLITS) -> dict[str, Any]:
    """Grouped cross-validation (``StratifiedGroupKFold`` on ``family``) over a corpus dir,
    and of the span tagger (``GroupKFold`` on ``family``), with its misses and false alarms."""
    from .tagging import span_cross_validation

    data = load_dataset(corpus_dir)
    cv = cross_validate_data(data, n_splits=n_splits)
    cv["spans"] = span_cross_validation(data.messages, n_splits=n_splits, listed=True)
    return cv

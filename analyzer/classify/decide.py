"""Message-level decisions shared by training (cross-validation) and run time."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from ..labels import Policy

#: Policy strategies measured in cross-validation.
POLICY_STRATEGIES: tuple[str, ...] = ("rule", "classifier", "combined")


def combine_policy(strategy: str, rule: str, classifier: str) -> str:
    """The policy under ``strategy``: ``combined`` trusts a rule cue, else the classifier."""
    if strategy == "rule":
        return rule
    if strategy == "classifier":
        return classifier
    return rule if rule != Policy.UNSPECIFIED.value else classifier


def rollup_reasons(
    probs: np.ndarray, labels: Sequence[str], threshold: float
) -> list[tuple[str, float, list[int]]]:
    """Message reasons from sentence probabilities (rows: sentences, columns: ``labels``).

    A reason holds when some sentence reaches ``threshold``; its confidence is the highest
    sentence probability and its evidence the sentences that reach the threshold. With no reason
    the message gets ``none_given``, with confidence one minus the highest probability seen.
    """
    found: list[tuple[str, float, list[int]]] = []
    if probs.size:
        rows_at, columns = np.nonzero((probs >= threshold).T)  # by label, then by sentence
        best = probs.max(axis=0).tolist()
        evidence: dict[int, list[int]] = {}
        for j, i in zip(rows_at.tolist(), columns.tolist(), strict=True):
            evidence.setdefault(j, []).append(i)
        found = [(labels[j], best[j], rows) for j, rows in evidence.items()]
    if not found:
        top = float(probs.max()) if probs.size else 0.0
        found.append(("none_given", 1.0 - top, []))
    return found


def expected_calibration_error(probs: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """ECE of top-label confidences ``probs`` against 0/1 ``correct``, equal-width bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(probs[mask].mean() - correct[mask].mean())
    return float(total)


def brier(probs: np.ndarray, classes: Sequence[str], gold: Sequence[str]) -> float:
    """Multi-class Brier score: mean over rows of the squared error summed over classes."""
    onehot = np.array([[float(g == c) for c in classes] for g in gold])
    return float(np.mean(np.sum((probs - onehot) ** 2, axis=1)))


#: Temperatures tried when calibrating (geometric grid; 1.0 leaves probabilities as they are).
TEMPERATURES = tuple(float(t) for t in np.round(np.geomspace(0.25, 4.0, 41), 4))


def apply_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """Rows of ``proba`` rescaled as ``softmax(log p / T)``: ``T > 1`` softens, ``T < 1``
    sharpens; the most probable class never changes."""
    if temperature == 1.0 or not len(proba):
        return proba
    logits = np.log(np.clip(proba, 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    scaled = np.exp(logits)
    return np.asarray(scaled / scaled.sum(axis=1, keepdims=True))


def fit_temperature(proba: np.ndarray, gold: np.ndarray) -> float:
    """The temperature that minimizes the log loss of out-of-fold ``proba`` (rows) against
    the gold class indices ``gold`` (temperature scaling: one parameter, so hard to overfit)."""

    def log_loss(t: float) -> float:
        scaled = apply_temperature(proba, t)
        return float(-np.mean(np.log(np.clip(scaled[np.arange(len(gold)), gold], 1e-12, 1.0))))

    return min(TEMPERATURES, key=lambda t: (round(log_loss(t), 6), abs(np.log(t))))

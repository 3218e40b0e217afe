"""Message-level decisions shared by training (cross-validation) and run time."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

import numpy as np

from ..labels import DECISION_KINDS, KINDS, Kind, Policy
from ..resources import read_json
from .reasonrules import apply_reason_rules, reason_rules

#: The data file of the kind decision's word lists.
KIND_SETTINGS = ("patterns", "kind.json")

#: Policy strategies measured in cross-validation.
POLICY_STRATEGIES: tuple[str, ...] = ("rule", "classifier", "combined")


def combine_policy(strategy: str, rule: str, classifier: str) -> str:
    """The policy under ``strategy``: ``combined`` trusts a rule cue, else the classifier."""
    if strategy == "rule":
        return rule
    if strategy == "classifier":
        return classifier
    return rule if rule != Policy.UNSPECIFIED.value else classifier


@dataclass(frozen=True)
class KindRule:
    """How the kind classifier's probabilities become the message's kind (see :func:`decide_kind`).

    Attributes:
        gate: decision evidence (the highest decision-sentence probability) a message needs to
            be a rejection or feedback reply; ``None`` turns the gate off.
        floor: below this top probability the message is ``other``; ``0`` turns it off.
        job_words: a message with neither a job word nor decision evidence is ``other``.
    """

    gate: float | None = None
    floor: float = 0.0
    job_words: bool = True


_DECISION_COLUMNS = tuple(KINDS.index(k) for k in sorted(DECISION_KINDS))
_OTHER = KINDS.index(Kind.OTHER.value)


def decide_kind(
    proba: np.ndarray, *, evidence: float, job_words: bool, rule: KindRule
) -> tuple[str, float]:
    """The kind of one message and its confidence, the one decision used in cross-validation
    and at run time.

    ``proba`` holds the calibrated classifier probabilities (columns: ``KINDS``); ``evidence``
    the highest probability that a sentence of the message states a decision; ``job_words``
    whether the message uses any job-search word. In order:

    1. *Evidence before a label*: without decision evidence reaching ``rule.gate`` the
       rejection and feedback-reply probabilities are set aside and the rest renormalized, so an
       acknowledgement, invitation or offer that shares a rejection's courtesy is not overruled.
    2. *Knowing when it does not know*: a message with neither a job word nor decision evidence,
       or whose top probability stays below ``rule.floor``, is ``other``.
    """
    p = np.asarray(proba, dtype=float)
    if rule.gate is not None and evidence < rule.gate:
        p = p.copy()
        p[list(_DECISION_COLUMNS)] = 0.0
        total = p.sum()
        p = p / total if total > 0 else np.eye(len(KINDS))[_OTHER]
    top = int(p.argmax())
    unsupported = rule.job_words and not job_words and (rule.gate is None or evidence < rule.gate)
    if top != _OTHER and (unsupported or p[top] < rule.floor):
        return Kind.OTHER.value, float(1.0 - p[top])  # the mass not on the favoured job kind
    return KINDS[top], float(p[top])


def has_job_words(lowers: Iterable[str], words: frozenset[str]) -> bool:
    """Whether any of the lower-case word forms ``lowers`` is one of ``words``."""
    return not words.isdisjoint(lowers)


def kind_word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The job words and the openers of sentences that state no decision (:data:`KIND_SETTINGS`)."""
    settings = read_json(*KIND_SETTINGS)
    return frozenset(settings["job_words"]), frozenset(settings["not_statement_openers"])


def decision_evidence(sentence_proba: Sequence[float], statements: Sequence[bool]) -> float:
    """The message's decision evidence: the highest decision probability of a sentence that is
    a statement (see :func:`is_statement`)."""
    kept = [p for p, keep in zip(sentence_proba, statements, strict=True) if keep]
    return float(max(kept, default=0.0))


def is_statement(opener: str, text_end: str, not_openers: frozenset[str]) -> bool:
    """Whether a sentence can state a decision: not a question (``text_end`` is its last
    character), not a conditional ("If you are not selected ..."), not a list item (a job
    advert's requirements); ``opener`` is its first lemma."""
    return text_end != "?" and opener not in not_openers and not opener.isdigit()


def rollup_reasons(
    probs: np.ndarray,
    labels: Sequence[str],
    threshold: float,
    *,
    sentence_lemmas: Sequence[str] | None = None,
) -> list[tuple[str, float, list[int]]]:
    """Message reasons from sentence probabilities (rows: sentences, columns: ``labels``).

    A reason holds when some sentence reaches ``threshold``; its confidence is the highest
    sentence probability and its evidence the sentences that reach the threshold. A sentence
    whose likeliest reason is ``logistics`` (budget, location, pay, a filled role) is not also
    evidence of ``competition`` or ``fit``: the stated reason is not turned into a comparison.
    With ``sentence_lemmas`` (each sentence's lemma string), the lemma rules of
    :mod:`.reasonrules` then adjust what holds (a greeting holds nothing; a named basis or a
    match comparison adds its reason). With no reason the message gets ``none_given``, with
    confidence one minus the highest probability seen.
    """
    found: list[tuple[str, float, list[int]]] = []
    if probs.size:
        held = probs >= threshold
        _stated_logistics_only(probs, labels, held)
        if sentence_lemmas is not None:
            probs = probs.copy()
            apply_reason_rules(probs, held, labels, sentence_lemmas, reason_rules())
        rows_at, columns = np.nonzero(held.T)  # by label, then by sentence
        best = probs.max(axis=0).tolist()
        evidence: dict[int, list[int]] = {}
        for j, i in zip(rows_at.tolist(), columns.tolist(), strict=True):
            evidence.setdefault(j, []).append(i)
        found = [(labels[j], best[j], rows) for j, rows in evidence.items()]
    if not found:
        top = float(probs.max()) if probs.size else 0.0
        found.append(("none_given", 1.0 - top, []))
    return found


#: Reasons a sentence that states a logistics reason is not also taken as evidence of.
NOT_WITH_LOGISTICS = ("competition", "fit")


def _stated_logistics_only(probs: np.ndarray, labels: Sequence[str], held: np.ndarray) -> None:
    """Clear ``held`` for competition and fit in sentences whose top reason is logistics."""
    if "logistics" not in labels:
        return
    logistics = list(labels).index("logistics")
    rows = held[:, logistics] & (probs.argmax(axis=1) == logistics)
    if rows.any():
        for label in NOT_WITH_LOGISTICS:
            if label in labels:
                held[rows, list(labels).index(label)] = False


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

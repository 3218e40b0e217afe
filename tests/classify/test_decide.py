"""The kind decision (evidence gate, job words, confidence floor) and the reasons roll-up."""

from __future__ import annotations

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.classify.corpus import CorpusMessage, sentence_decision
from analyzer.classify.decide import (
    KindRule,
    decide_kind,
    decision_evidence,
    is_statement,
    kind_word_lists,
    rollup_reasons,
)
from analyzer.labels import KINDS


def _p(**kinds: float) -> np.ndarray:
    return np.array([kinds.get(k, 0.0) for k in KINDS])


GATED = KindRule(gate=0.5, floor=0.4)


@pytest.mark.parametrize(
    ("proba", "evidence", "job", "rule", "kind"),
    [
        # a rejection with a decision sentence stays a rejection
        (_p(rejection=0.7, acknowledgement=0.3), 0.9, True, GATED, "rejection"),
        # without one, the courtesy it shares with an acknowledgement does not make it one
        (_p(rejection=0.7, acknowledgement=0.3), 0.1, True, GATED, "acknowledgement"),
        # an offer is not overruled when rejection only edges it
        (_p(rejection=0.5, offer=0.45, other=0.05), 0.2, True, GATED, "offer"),
        # the classifier alone ignores the evidence and the job words
        (
            _p(rejection=0.7, acknowledgement=0.3),
            0.1,
            False,
            KindRule(job_words=False),
            "rejection",
        ),
        # no job word and no decision: other
        (_p(invitation=0.8, other=0.2), 0.0, False, GATED, "other"),
        # no job word but a stated decision: kept
        (_p(rejection=0.8, other=0.2), 0.9, False, GATED, "rejection"),
        # unsure: other
        (_p(invitation=0.35, acknowledgement=0.33, other=0.32), 0.0, True, GATED, "other"),
        # only decision kinds and no evidence: other
        (_p(rejection=0.6, feedback_reply=0.4), 0.0, True, GATED, "other"),
    ],
)
def test_decide_kind(
    proba: np.ndarray, evidence: float, job: bool, rule: KindRule, kind: str
) -> None:
    got, confidence = decide_kind(proba, evidence=evidence, job_words=job, rule=rule)
    assert got == kind
    assert 0.0 <= confidence <= 1.0


@given(
    st.lists(st.floats(0.0, 1.0), min_size=len(KINDS), max_size=len(KINDS)).filter(
        lambda xs: sum(xs) > 0.01
    ),
    st.floats(0.0, 1.0),
    st.booleans(),
)
def test_a_rejection_always_has_its_evidence(
    weights: list[float], evidence: float, job: bool
) -> None:
    proba = np.array(weights) / sum(weights)
    kind, confidence = decide_kind(proba, evidence=evidence, job_words=job, rule=GATED)
    assert kind in KINDS and 0.0 <= confidence <= 1.0 + 1e-9
    if kind in ("rejection", "feedback_reply"):
        assert evidence >= 0.5


@pytest.mark.parametrize(
    ("opener", "end", "statement"),
    [
        ("unfortunately", ".", True),
        ("we", "", True),
        ("if", ".", False),  # "If you are not selected, ..."
        ("do", "?", False),  # a screening question
        ("*", ".", False),  # a job advert's requirement
        ("06", "?", False),
        ("3", ".", False),
    ],
)
def test_which_sentences_can_state_a_decision(opener: str, end: str, statement: bool) -> None:
    _, not_openers = kind_word_lists()
    assert is_statement(opener, end, not_openers) is statement


def test_evidence_is_the_best_statement() -> None:
    assert decision_evidence([0.95, 0.2], [False, True]) == 0.2
    assert decision_evidence([0.95, 0.2], [True, True]) == 0.95
    assert decision_evidence([], []) == 0.0


def _message(kind: str) -> CorpusMessage:
    text = "Thanks for applying. We decided not to proceed. We will keep your CV on file."
    at = text.index
    return CorpusMessage(
        id="x",
        family="x",
        text=text,
        kind=kind,
        policy="unspecified",
        reasons=(),
        reason_spans=(),
        vague_spans=(
            (at("decided"), at("decided") + len("decided not to proceed"), "decision_formula"),
            (at("keep"), at("keep") + len("keep your CV on file"), "noncommittal_future"),
        ),
        specific_spans=(),
    )


@pytest.mark.parametrize(
    ("kind", "sentence", "label"),
    [
        ("rejection", "Thanks for applying.", "no"),
        ("rejection", "We decided not to proceed.", "yes"),
        ("rejection", "We will keep your CV on file.", None),
        ("acknowledgement", "We decided not to proceed.", "no"),
    ],
)
def test_decision_sentence_labels(kind: str, sentence: str, label: str | None) -> None:
    msg = _message(kind)
    start = msg.text.index(sentence)
    assert sentence_decision(msg, start, start + len(sentence)) == label


@pytest.mark.parametrize(
    ("probs", "expected"),
    [
        # a sentence stating a logistics reason is not also competition or fit
        ([[0.9, 0.6, 0.5, 0.0]], ["logistics"]),
        # unless competition is the likelier reading of it
        ([[0.6, 0.9, 0.0, 0.0]], ["logistics", "competition"]),
        # competition stated in another sentence still counts
        ([[0.9, 0.6, 0.0, 0.0], [0.0, 0.8, 0.0, 0.0]], ["logistics", "competition"]),
        # other reasons are untouched
        ([[0.9, 0.0, 0.0, 0.7]], ["logistics", "skills"]),
    ],
)
def test_logistics_is_not_turned_into_competition_or_fit(
    probs: list[list[float]], expected: list[str]
) -> None:
    labels = ("logistics", "competition", "fit", "skills")
    got = rollup_reasons(np.asarray(probs), labels, 0.4)
    assert sorted(label for label, _, _ in got) == sorted(expected)


@pytest.mark.parametrize(
    ("accuracy", "chosen"),
    [
        ({"rule": 0.93, "classifier": 0.970, "combined": 0.968}, "combined"),
        ({"rule": 0.93, "classifier": 0.970, "combined": 0.960}, "classifier"),
        ({"rule": 0.98, "classifier": 0.970, "combined": 0.960}, "rule"),
        ({"rule": 0.93, "classifier": 0.950, "combined": 0.970}, "combined"),
    ],
)
def test_policy_strategy_prefers_the_rule_cues_within_tolerance(
    accuracy: dict[str, float], chosen: str
) -> None:
    from analyzer.classify.training import choose_policy_strategy

    assert choose_policy_strategy(accuracy) == chosen

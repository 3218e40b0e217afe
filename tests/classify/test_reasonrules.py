"""The lemma rules applied when sentence reasons are rolled up (analyzer.classify.reasonrules).

Every sentence below is made up for these tests. Sentences are lemmatized by the analyzer's own
pipeline, so the tables check the rules as they read real text.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.classify.decide import held_reasons, reasons_of, rollup_reasons
from analyzer.classify.features import lemma_part, sentences
from analyzer.classify.reasonrules import (
    is_greeting,
    match_is_basis,
    named_bases,
    praised_only,
    reason_rules,
    unmasked,
    words_of,
)

LABELS = ("competition", "fit", "experience", "skills", "qualifications", "logistics")


def _words(nlp: Any, text: str) -> list[str]:
    found = list(sentences(nlp(text)))
    assert len(found) == 1, text
    return words_of(lemma_part(found[0].features), reason_rules())


@pytest.mark.parametrize(
    ("text", "greeting"),
    [
        ("Hi Candidate,", True),
        ("Dear Applicant,", True),
        ("Hello there,", True),
        ("Hi everyone in the recruiting team at the firm,", False),
        ("We went with another candidate.", False),
    ],
)
def test_a_short_sentence_opened_by_a_greeting_is_a_greeting(
    nlp: Any, text: str, greeting: bool
) -> None:
    assert is_greeting(_words(nlp, text), reason_rules()) is greeting


@pytest.mark.parametrize(
    ("text", "bases"),
    [
        (
            "We picked a person whose sales experience and pricing skills went further.",
            ["experience", "skills"],
        ),
        ("They chose someone with the right certification.", ["qualifications"]),
        ("They chose someone with a stronger portfolio.", []),
        ("They chose someone with a relevant qualification.", ["qualifications"]),
        ("Another applicant had a broader skill set.", ["skills"]),
        # praised or only reviewed, the basis is not a reason
        ("Although we were impressed with your experience, we chose another person.", []),
        ("We reviewed your background and qualifications and chose another person.", []),
        # a look ahead is not a reason either
        ("We will contact you if a future role suits your skills.", []),
        # denied ("not a reflection on ...") is not a basis
        ("This is not a reflection on your skills; we had many applicants.", []),
        # praise reaches a few words back, within its clause only
        ("Your experience is impressive but we chose another person.", []),
        (
            "While your portfolio is impressive, we chose a person with more experience.",
            ["experience"],
        ),
    ],
)
def test_a_named_basis_outside_praise_and_look_ahead(nlp: Any, text: str, bases: list[str]) -> None:
    rules = reason_rules()
    assert named_bases(unmasked(_words(nlp, text), rules), rules) == bases


@pytest.mark.parametrize(
    ("text", "fit"),
    [
        ("We chose people who more closely match what the team needs.", True),
        ("The panel picked the applicant who was the best fit for the office.", True),
        ("We hired someone whose goals align better with the plan.", True),
        # a basis is named: the comparison is by that basis
        ("We chose people whose experience more closely matches the post.", False),
        # no comparison
        ("We chose another person for the post.", False),
        # a look ahead
        ("We may contact you if a future opening is a better match.", False),
        # a basis that is logistics (availability) is not fit
        ("We chose people whose availability is a better match for the rota.", False),
        # "line" counts only as "in line" or "line up"
        ("Your essay had a strong opening line but we chose another person.", False),
        ("We chose people whose aims are more in line with the plan.", True),
    ],
)
def test_match_as_the_basis_of_a_comparison(nlp: Any, text: str, fit: bool) -> None:
    rules = reason_rules()
    assert match_is_basis(unmasked(_words(nlp, text), rules), rules) is fit


@pytest.mark.parametrize(
    ("text", "cleared"),
    [
        ("While we admired your experience, another person was chosen.", ["experience"]),
        ("We were impressed with your skills, but chose another person.", ["skills"]),
        # named again outside the praise: kept
        ("We liked your experience, but the other person had more experience.", []),
        ("Another person had more experience.", []),
        # praise just before the word, in its clause; a comma ends the reach
        ("Your experience is impressive, but another person was chosen.", ["experience"]),
        ("Your experience, while impressive, was not the right match.", []),
        ("While your portfolio is impressive, the other person had more experience.", []),
        # only what was reviewed: no reason either
        (
            "We have reviewed your skills and experience and decided not to move forward.",
            ["experience", "skills"],
        ),
        ("We reviewed your CV, and the other person had more experience.", []),
        ("We would like to see more experience of audits.", []),
    ],
)
def test_a_basis_named_only_in_praise(nlp: Any, text: str, cleared: list[str]) -> None:
    assert praised_only(_words(nlp, text), reason_rules()) == cleared


def _rolled(nlp: Any, text: str, probs: list[list[float]]) -> list[str]:
    lemmas = [lemma_part(s.features) for s in sentences(nlp(text))]
    assert len(lemmas) == len(probs), lemmas
    got = rollup_reasons(np.asarray(probs), LABELS, 0.5, sentence_lemmas=lemmas)
    return sorted(label for label, _, _ in got)


@pytest.mark.parametrize(
    ("text", "probs", "expected"),
    [
        # the greeting's probability is not a reason
        ("Hi Candidate,\nWe will not go further.", [[0.8, 0, 0, 0, 0, 0], [0] * 6], ["none_given"]),
        # a stated comparison gains its named bases
        (
            "We hired a person with deeper tax experience and modelling skills.",
            [[0.9, 0, 0.3, 0.1, 0, 0]],
            ["competition", "experience", "skills"],
        ),
        # and fit, when match is the basis
        (
            "We chose people who more closely match the brief.",
            [[0.9, 0.2, 0, 0, 0, 0]],
            ["competition", "fit"],
        ),
        # praise does not become a reason, and takes away a reason read only from it
        (
            "Although we admired your experience, we chose another person.",
            [[0.9, 0, 0.7, 0, 0, 0]],
            ["competition"],
        ),
        # a sentence with no stated reason gains nothing
        ("We value your skills and your experience.", [[0.1, 0, 0.2, 0.2, 0, 0]], ["none_given"]),
    ],
)
def test_rollup_with_the_rules(
    nlp: Any, text: str, probs: list[list[float]], expected: list[str]
) -> None:
    assert _rolled(nlp, text, probs) == expected


def test_an_added_reason_takes_the_stated_reasons_confidence(nlp: Any) -> None:
    text = "We picked someone whose skills were further along."
    lemmas = [lemma_part(s.features) for s in sentences(nlp(text))]
    probs = np.asarray([[0.8, 0, 0, 0.1, 0, 0]])
    got = dict(
        (label, conf)
        for label, conf, _ in rollup_reasons(probs, LABELS, 0.5, sentence_lemmas=lemmas)
    )
    assert got["skills"] == pytest.approx(0.8)
    assert probs[0, 3] == pytest.approx(0.1)  # the caller's array is left alone


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.sampled_from(["more", "closely", "match", "fit", "our", "need", ",", "a"])),
    st.lists(st.sampled_from(["more", "closely", "match", "fit"]), max_size=3),
)
def test_has_run_finds_consecutive_words_as_a_scan_does(words: list[str], run: list[str]) -> None:
    from analyzer.classify.reasonrules import _has_run

    n = len(run)
    scan = any(words[i : i + n] == run for i in range(len(words) - n + 1))
    assert _has_run(words, tuple(run)) is scan


_WORDS = ["hi", "candidate", ",", "experience", "skill", "impress", "match", "close", "more"]


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.integers(min_value=0, max_value=5), min_size=1, max_size=6),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_a_batch_of_sentences_rolls_up_as_each_message_alone(sizes: list[int], seed: int) -> None:
    """Reasons held over a whole batch's sentences, then read per message, equal each
    message's own roll-up (the run-time path against the one-message function)."""
    rng = np.random.default_rng(seed)
    n = sum(sizes)
    probs = rng.random((n, len(LABELS)))
    lemmas = [" ".join(rng.choice(_WORDS, size=rng.integers(1, 8))) for _ in range(n)]
    held_p, held = held_reasons(probs, LABELS, 0.5, sentence_lemmas=lemmas)
    rows_p, rows_h, start = held_p.tolist(), held.tolist(), 0
    for size in sizes:
        part = slice(start, start + size)
        alone = rollup_reasons(probs[part], LABELS, 0.5, sentence_lemmas=lemmas[part])
        assert reasons_of(rows_p[part], rows_h[part], LABELS) == alone
        start = part.stop

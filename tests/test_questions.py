"""The question plan: wording by type and head word, merging, ranking, order and cap."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from analyzer.analysis import Analyzer
from analyzer.labels import VAGUE_TYPES, Purpose
from analyzer.questions import plan, question_for
from analyzer.render.plan import plan_to_text
from analyzer.report import Finding, SpecificFeedback
from analyzer.resources import read_json

from .conftest import check_golden

OPEN_START = re.compile(r"(what|which|how|could you|in which|when|where)\b", re.IGNORECASE)
DISPUTING = ("wrong", "disagree", "reconsider", "unfair", "mistake", "why didn't", "why not")
REPLIES = Path(__file__).parent / "golden" / "plan" / "replies"


def is_open_ended(question: str) -> bool:
    """True when the last clause is a question that starts with an open question word."""
    clause = re.split(r"(?<=[.:])\s+", question.strip())[-1]
    return question.endswith("?") and OPEN_START.match(clause) is not None


def finding(text: str, vague_type: str, start: int = 0) -> Finding:
    return Finding(text, start, start + len(text), vague_type, "", question_for(vague_type, text))


# (type, phrase, a word the question must contain besides the phrase)
BY_TYPE = [
    ("unanchored_comparison", "more qualified", "qualifications"),
    ("unanchored_comparison", "stronger candidates", "areas"),
    ("fit_euphemism", "not the right fit", "criteria"),
    ("fit_euphemism", "culture fit", "culture"),
    ("unspecified_gap", "lacked depth", "area"),
    ("unspecified_gap", "more experience", "experience"),
    ("subjective_impression", "the team felt", "observe"),
    ("subjective_impression", "didn't stand out", "stood out"),
    ("decision_formula", "decided not to proceed", "reason"),
    ("noncommittal_future", "at this time", "future"),
]


@pytest.mark.parametrize(("vague_type", "phrase", "word"), BY_TYPE)
def test_question_names_phrase_and_is_open(vague_type: str, phrase: str, word: str) -> None:
    question = question_for(vague_type, phrase)
    assert f'"{phrase}"' in question
    assert word in question.lower()
    assert is_open_ended(question), question


def test_every_type_is_covered() -> None:
    assert {t for t, _, _ in BY_TYPE} == set(VAGUE_TYPES)


# phrases of one type whose head words must pick different questions
VARIANTS = [
    ("unanchored_comparison", ["more qualified", "more experienced", "better suited", "stronger"]),
    ("fit_euphemism", ["culture fit", "not aligned with our needs", "not the right fit"]),
    ("unspecified_gap", ["lacked depth", "more experience", "not at the level", "some gaps"]),
    ("subjective_impression", ["we felt", "didn't stand out", "not convinced", "had concerns"]),
    ("decision_formula", ["other candidates", "after careful consideration", "decided"]),
    ("noncommittal_future", ["at this time", "keep your CV on file", "future openings"]),
]


@pytest.mark.parametrize(("vague_type", "phrases"), VARIANTS)
def test_head_word_varies_the_question(vague_type: str, phrases: list[str]) -> None:
    questions = [question_for(vague_type, p).replace(f'"{p}"', "") for p in phrases]
    assert len(set(questions)) == len(phrases)


def _all_template_texts() -> list[str]:
    texts = [
        q["text"]
        for t in read_json("templates", "vague_types.json").values()
        for q in t["questions"]
    ]
    settings = read_json("templates", "plan.json")
    texts += [q["text"] for q in settings["openers"] + settings["forward"]]
    return [*texts, *settings["build_on_specific"].values()]


@pytest.mark.parametrize("text", _all_template_texts())
def test_templates_are_open_polite_and_undisputing(text: str) -> None:
    filled = text.format(phrase="some phrase")
    assert is_open_ended(filled), filled
    assert not any(word in filled.lower() for word in DISPUTING)


MANY = [
    finding("decided not to proceed", "decision_formula", 0),
    finding("not the right fit", "fit_euphemism", 30),
    finding("lacked depth", "unspecified_gap", 60),
    finding("a better fit", "unanchored_comparison", 80),
    finding("the panel felt", "subjective_impression", 100),
    finding("more qualified", "unanchored_comparison", 120),
    finding("at this time", "noncommittal_future", 140),
    finding("not a good fit", "fit_euphemism", 160),
]


@pytest.mark.parametrize("cap", range(0, 10))
def test_cap_order_and_no_duplicates(cap: int) -> None:
    questions = plan(MANY, max_questions=cap)
    assert len(questions) <= cap
    texts = [q.text for q in questions]
    assert len(texts) == len(set(texts))
    if cap:
        assert questions[0].purpose == Purpose.OPENER.value
    purposes = [q.purpose for q in questions]
    assert purposes == sorted(purposes, key=["opener", "clarify", "open_ended"].index)
    if cap >= 3:
        assert purposes[-1] == Purpose.OPEN_ENDED.value
    assert purposes.count(Purpose.OPEN_ENDED.value) <= 2


def test_default_cap_is_five() -> None:
    assert len(plan(MANY)) == 5


def test_fit_phrases_merge_into_one_question() -> None:
    fits = [q for q in plan(MANY, max_questions=20) if q.phrase and "fit" in q.phrase]
    assert len(fits) == 1


def test_most_informative_first() -> None:
    clarify = [q for q in plan(MANY, max_questions=20) if q.purpose == Purpose.CLARIFY.value]
    assert clarify[0].type == "unspecified_gap"
    assert clarify[-1].type == "noncommittal_future"


def test_concrete_feedback_is_built_on_not_asked_again() -> None:
    gap = finding("more experience", "unspecified_gap", 20)
    specific = SpecificFeedback("you needed more experience with Terraform", 10, 52, "skill")
    questions = plan([gap], [specific], max_questions=20)
    assert not any(q.phrase == "more experience" for q in questions)
    built = [q for q in questions if q.phrase == specific.text]
    assert len(built) == 1 and built[0].text.startswith(f'You mentioned "{specific.text}". How')


@pytest.mark.parametrize(
    ("after_interview", "word"), [(True, "interviews"), (False, "application")]
)
def test_opener_suits_the_stage(after_interview: bool, word: str) -> None:
    first = plan(MANY, after_interview=after_interview)[0]
    assert word in first.text


@pytest.mark.parametrize("name", sorted(p.stem for p in REPLIES.glob("*.txt")))
def test_plan_golden(rules_only: Analyzer, name: str) -> None:
    report = rules_only.analyze((REPLIES / f"{name}.txt").read_text(encoding="utf-8"))
    check_golden(f"plan/{name}.questions.txt", plan_to_text(report))


def test_golden_replies_exist() -> None:
    assert len(list(REPLIES.glob("*.txt"))) >= 4


@pytest.mark.parametrize(
    ("cue", "asks"),
    [
        ("logistics", "What else in my application"),
        ("skill", "How could I build on that point"),
        ("detail", "How could I build on that point"),
        ("unknown", "How could I build on that point"),
    ],
)
def test_concrete_feedback_question_depends_on_its_cue(cue: str, asks: str) -> None:
    span = SpecificFeedback("the role was filled internally", 0, 30, cue)
    (question,) = [q for q in plan([], [span], max_questions=20) if q.phrase == span.text]
    assert asks in question.text
    assert '"the role was filled internally"' in question.text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thank you for your Interview last week.", True),
        ("We interviewed many people.", True),
        ("The interviews are over.", True),
        ("Our interviewer will call.", False),  # the word, not any word that holds it
        ("After your INTERVIEWS, we met.", True),
        ("Your \u0130nterview went well.", False),  # a dotted capital I lower-cases to two letters
        ("Thank you for applying.", False),
        ("", False),
    ],
)
def test_a_message_mentions_an_interview(nlp, text: str, expected: bool) -> None:  # type: ignore[no-untyped-def]
    from analyzer.analysis import _mentions_interview

    assert _mentions_interview(nlp(text), text) is expected


def test_an_interview_only_in_the_masked_text_does_not_count(nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.analysis import _mentions_interview

    text = "Thanks for applying.\n> Could we schedule an interview?"
    masked = "Thanks for applying.\n" + " " * (len(text) - len("Thanks for applying.\n"))
    assert _mentions_interview(nlp(masked), text) is False
    assert _mentions_interview(nlp(text), text) is True

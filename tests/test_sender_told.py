"""What the sender asks the candidate to tell them is answered, with a marked blank for each
thing only the candidate knows; such a question states no reason."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.planasks import sender_asks, sender_told
from analyzer.plancontext import board_notice, out_of_control, remarks

TOLD = [
    ("What are your salary expectations?", "My salary expectation is [your figure]."),
    ("Out of interest, what day rate would you be looking for?", "My salary expectation is"),
    ("What's your notice period these days?", "My notice period is [your notice period]."),
    ("How soon could you start if it came to it?", "I could start [your earliest start date]."),
    ("Would you consider relocating to Dundee?", "I [would / would not] consider relocating."),
    ("Are you available to work weekends?", "I [am / am not] available for weekends."),
    ("Is the commute to Slough doable for you?", "The commute [would / would not] work"),
    ("Are you still ok travelling up to an hour each way?", "The commute [would / would not]"),
    ("Do you have the right to work in Ireland?", "On the right to work, [your status]."),
    (
        "What salary are you after, and what's your notice?",
        "My salary expectation is [your figure] and my notice period is [your notice period].",
    ),
]


@pytest.mark.parametrize(("question", "answer"), TOLD)
def test_what_the_sender_asks_to_be_told_is_answered_with_a_blank(
    question: str, answer: str
) -> None:
    text = f"Hi Lee,\n\nThey went with someone else, sorry. {question}\n\nCheers,\nRob"
    told = sender_told(text)
    assert told is not None and told.startswith(answer)


@pytest.mark.parametrize(
    "text",
    [
        "Do you have any questions about the process?",
        "We could not meet your salary expectations on this occasion.",  # a statement
        "Thanks for asking.\n> What is your notice period?\nWe will be in touch.",  # quoted
        "If you have questions, please reply to this email.",
    ],
)
def test_no_answer_where_nothing_is_asked_of_the_candidate(text: str) -> None:
    assert sender_told(text) is None


def test_a_proposal_gets_its_yes_and_the_asked_answer_stays_apart() -> None:
    text = (
        "Shame about this one. Would you like me to send over the spec for the Hull role? "
        "What's your notice period?"
    )
    assert sender_asks(text) == (
        "Yes, please send over the spec for the Hull role. What would the role need most from "
        "a candidate?"
    )
    assert sender_told(text) == "My notice period is [your notice period]."


def test_an_offered_contract_to_consider_is_taken_up() -> None:
    asked = sender_asks("They've gone another way. Would you consider a 6 month contract instead?")
    assert asked == "Yes, I would consider a 6 month contract instead. What would the next step be?"


RECRUITER = (
    "Hi Dana,\n\nThanks for your time last week. Unfortunately the hiring manager has decided to "
    "go with another candidate for the Planning Analyst role.\n\nThat said, I have a similar "
    "position with a client in Leeds. What are your salary expectations, and would you "
    "consider relocating?\n\nBest,\nMark"
)


def test_a_question_the_sender_asks_states_no_reason() -> None:
    assert out_of_control(RECRUITER) == frozenset()  # "relocating" and "salary" are asked
    assert remarks(RECRUITER) == ()
    assert not board_notice(RECRUITER)  # "I have": a person writes, not a job board


def test_a_board_notice_stays_one_whatever_its_abbreviations() -> None:
    notice = "The employer has decided not to move forward, i.e. the position has been filled."
    assert board_notice(notice)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_the_plan_answers_first_then_closes_and_the_draft_names_the_blanks(
    analyzer: Analyzer,
) -> None:
    report = analyzer.analyze(RECRUITER)
    texts = [q.text for q in report.questions]
    closing = texts[-1]
    assert closing.startswith(
        "My salary expectation is [your figure] and I [would / would not] consider relocating."
    )
    assert closing.endswith("?")
    assert not any("salary expectations" in t for t in texts)  # no remark asked back
    reply = draft(report)
    assert "[your figure]" in reply.blanks and "[would / would not]" in reply.blanks
    assert reply.body.count("[your figure]") == 1  # said once, in its own paragraph


def test_a_short_plan_keeps_the_answer(analyzer: Analyzer) -> None:
    report = Analyzer(max_questions=2).analyze(RECRUITER)
    assert report.questions[-1].text.startswith("My salary expectation is [your figure]")

"""The eighteenth round's categories: a team's standard letter is not asked the generic
question its opener would ask ("which part of my application came closest"): it is thanked,
its one vague phrase is asked about after the thanks, or the next step it invites is taken
up; the draft of a letter that is only thanked is the short thank-you; an employer's footer
about what it is committed to ("employment equity") states no reason for the decision."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.plancontext import read_context
from analyzer.planopeners import door_open_only
from analyzer.planwords import plan_settings

from .plan_helpers import found, plan_of

#: Words of the generic question a template's opener asks (and its variants).
GENERIC = ("came closest", "matched the role best", "strongest part", "came across best")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _letter(middle: str, *, sign: str = "Recruitment Team, Tallis Haulage") -> str:
    return (
        "Dear Priya,\n\nThank you for applying for the Transport Planner role at Tallis "
        f"Haulage. {middle}\n\nWe wish you every success in your search.\n\n{sign}\n"
    )


@pytest.mark.parametrize(
    "middle",
    [
        "Unfortunately, on this occasion your application has not been successful.",
        "After reviewing all applications we have decided not to take yours further.",
        "We regret that we will not be progressing your application at this time.",
    ],
)
def test_a_teams_bare_letter_is_thanked_with_no_question(middle: str) -> None:
    questions = plan_of(_letter(middle))
    assert door_open_only(questions), questions
    assert "?" not in questions[0].text


def test_a_teams_letter_with_a_comparison_asks_about_it_after_the_thanks() -> None:
    message = _letter(
        "We have decided to move forward with applicants whose experience more closely "
        "matches what the role needs."
    )
    questions = plan_of(message, [found(message, "more closely matches", "unanchored_comparison")])
    assert len(questions) == 1, questions
    text = questions[0].text
    thanks = plan_settings()["template_thanks"]
    assert any(text.startswith(t) for t in thanks) and text.endswith("?"), text
    assert questions[0].phrase == "more closely matches"
    assert not any(g in text for g in GENERIC), text


def test_a_teams_letter_that_invites_a_next_step_takes_it_up_once() -> None:
    message = _letter(
        "Unfortunately your application has not been successful. You are welcome to apply "
        "again for future vacancies on our careers page."
    )
    texts = [q.text for q in plan_of(message)]
    assert len(texts) == 1 and not any(g in texts[0] for g in GENERIC), texts
    assert texts[0].startswith("Thank"), texts  # thanked once, with the step taken up


def test_a_persons_note_keeps_its_opening_question() -> None:
    message = (
        "Hi Priya,\n\nThanks for coming in on Monday. I'm sorry to say I've offered the "
        "planner job to someone else.\n\nAll the best,\nGareth"
    )
    questions = plan_of(message)
    assert questions[0].purpose == "opener" and questions[0].text.endswith("?"), questions


def test_the_draft_of_a_thanked_letter_is_the_short_thank_you(analyzer: Analyzer) -> None:
    report = analyzer.analyze(
        _letter("Unfortunately, on this occasion your application has not been successful.")
    )
    assert door_open_only(report.questions), report.questions
    reply = draft(report)
    assert not reply.questions and "?" not in reply.body, reply.body
    assert any("standard letter" in line for line in reply.advice), reply.advice
    assert "feedback" not in (reply.subject or "").lower(), reply.subject


@pytest.mark.parametrize(
    "footer",
    [
        "Tallis Haulage is committed to employment equity and welcomes all applicants.",
        "We are fully committed to accessibility and employment equity in our hiring.",
    ],
)
def test_a_footer_on_what_the_employer_stands_for_states_no_reason(footer: str) -> None:
    message = _letter(
        "We have decided to proceed with other candidates.", sign=f"{footer}\n\nTallis Haulage HR"
    )
    assert "equity" not in read_context(message, policy=None).out_of_control


def test_equity_targets_named_as_the_reason_are_still_read() -> None:
    message = (
        "Hi Priya,\n\nThanks for your time last week. I'm afraid the role had to go to a "
        "candidate who meets our employment equity targets for this department.\n\nRegards,\n"
        "Sipho"
    )
    assert "equity" in read_context(message, policy=None).out_of_control

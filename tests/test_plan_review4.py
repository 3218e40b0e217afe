"""Fourth blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.plancontext import read_context
from analyzer.questions import plan, short_plan
from analyzer.render.plan import plan_notes
from analyzer.report import Finding, Question, ReasonResult, TextSpan


def found(message: str, phrase: str, vague_type: str) -> Finding:
    start = message.index(phrase)
    return Finding(phrase, start, start + len(phrase), vague_type, "", "")


def plan_of(message: str, findings=(), *, policy=None, reasons=(), **kw) -> list[Question]:  # type: ignore[no-untyped-def]
    ctx = read_context(message, policy=policy, reasons=reasons)
    return plan(findings, message=message, context=ctx, **kw)


def texts_of(message: str, findings=(), **kw) -> list[str]:  # type: ignore[no-untyped-def]
    return [q.text for q in plan_of(message, findings, **kw)]


def stated(message: str, label: str, sentence: str) -> ReasonResult:
    start = message.index(sentence)
    return ReasonResult(label, 0.9, (TextSpan(sentence, start, start + len(sentence)),))


# 5. A job board's automated notice: no questions --------------------------------------------

BOARD_NOTICES = [
    "Subject: Indeed Auto-Reply\nYour application to Net Mender at Quayside Co has been "
    "viewed. Unfortunately it was not selected this time.",
    "Lantern Works has moved to the next step in their hiring process, and your application "
    "for Wick Trimmer was not selected.",
    "The employer has closed the Lamp Fitter job you applied to. Good luck with your search!",
]


@pytest.mark.parametrize("message", BOARD_NOTICES)
def test_a_board_notice_gets_an_empty_plan(message: str) -> None:
    ctx = read_context(message, policy=None)
    assert ctx.board_notice
    assert texts_of(message) == [] and short_plan(ctx, message=message) == []


def test_the_empty_plan_of_a_board_notice_says_why(rules_only: Analyzer) -> None:
    report = rules_only.analyze(BOARD_NOTICES[1])
    assert report.questions == ()
    (note,) = plan_notes(report)
    assert "automated" in note and "employer directly" in note


def test_an_employers_automated_rejection_still_gets_a_short_plan() -> None:
    message = (
        "Thank you for applying for the Net Mender role. We will not move forward with your "
        "application. Please see our current openings. This is an automated message."
    )
    assert 1 <= len(texts_of(message)) <= 2

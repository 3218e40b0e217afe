"""Second blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import json

import pytest

from analyzer.plancontext import read_context
from analyzer.questions import plan
from analyzer.resources import read_json


def texts_of(message: str, findings=(), specific=(), *, policy=None, reasons=(), **kw):  # type: ignore[no-untyped-def]
    ctx = read_context(message, policy=policy, specific=specific, reasons=reasons)
    return [q.text for q in plan(findings, specific, message=message, context=ctx, **kw)]


@pytest.mark.parametrize(
    "wording",
    ["if anything", "keep as it is", "Coming back to", "You compared my profile", "role there"],
)
def test_no_template_uses_a_wording_reviewers_flagged(wording: str) -> None:
    assert wording not in json.dumps(read_json("templates", "plan.json"), ensure_ascii=False)


@pytest.mark.parametrize("seed", range(6))
def test_openers_after_an_application_do_not_fish(seed: int) -> None:
    message = f"Thanks for applying (ref {seed}). We chose not to proceed with your application."
    opener = texts_of(message)[0]
    assert "if anything" not in opener and "keep as it is" not in opener


def test_openings_question_has_no_dangling_there() -> None:
    message = (
        "We will not be moving forward with your application. Please have a look at our current "
        "openings on the website."
    )
    closing = texts_of(message)[-1]
    assert "which of your current openings" in closing and " there " not in closing

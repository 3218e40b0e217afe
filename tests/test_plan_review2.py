"""Second blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import json

import pytest

from analyzer.plancontext import PlanContext, read_context
from analyzer.questions import plan
from analyzer.report import ReasonResult, SpecificFeedback, TextSpan
from analyzer.resources import read_json

from .plan_helpers import REASON_LEAD, reason_leads


def point(message: str, phrase: str, cue: str = "detail") -> SpecificFeedback:
    start = message.index(phrase)
    return SpecificFeedback(phrase, start, start + len(phrase), cue)


def texts_of(message: str, findings=(), specific=(), *, policy=None, reasons=(), **kw):  # type: ignore[no-untyped-def]
    ctx = read_context(message, policy=policy, specific=specific, reasons=reasons)
    return [q.text for q in plan(findings, specific, message=message, context=ctx, **kw)]


@pytest.mark.parametrize(
    "wording",
    [
        "if anything",
        "keep as it is",
        "Coming back to",
        "You compared my profile",
        "role there",
        "got right",
        "promising on paper",
    ],
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
        "I am sorry: we will not be moving forward with your application. Please have a look at "
        "our current openings on the website."
    )
    closing = texts_of(message)[-1]
    assert ("openings" in closing or "listings" in closing) and " there " not in closing


# 4. Thank-you lines need the real offer ----------------------------------------------------

REJECT = "Thank you for applying for the Kiln Operator role. We will not move forward with you. "


@pytest.mark.parametrize(
    "tail",
    [
        "As a rule we can consider you once every six months.",
        "Do follow us on social media to hear about new roles.",
        "Our careers page lists every vacancy.",
    ],
)
def test_rules_and_links_are_not_thanked_as_advice(tail: str) -> None:
    message = REJECT + tail
    specific = [point(message, tail.rstrip("."))]
    assert not any("advice" in t or "tips" in t for t in texts_of(message, specific=specific))


def test_a_talent_community_invitation_is_not_a_kept_resume() -> None:
    message = REJECT + "I hope you will join our talent community for news of future roles."
    closing = texts_of(message)[-1]
    assert "talent community" in closing and "keeping my résumé" not in closing


def test_reach_out_if_we_can_help_is_no_offer_to_discuss() -> None:
    message = REJECT + "Please reach out if we can help with anything else."
    assert not any("discuss" in t for t in texts_of(message))


@pytest.mark.parametrize(
    "tail",
    [
        "As a rule we can consider you once every six months.",
        "You may reapply in 6 months.",
        "We are always hiring, so do look again.",
        "We will contact you if a similar position opens.",
        "We will contact you if a similar position opens, and you are welcome to reapply.",
    ],
)
def test_a_stated_or_open_timing_gets_no_when_question(tail: str) -> None:
    texts = texts_of(REJECT + tail)
    assert not any(t.startswith("When") or "good time" in t for t in texts)


# 6. Several stated bases: one question naming them together ---------------------------------


@pytest.mark.parametrize(
    ("stated", "names"),
    [
        ({"experience", "skills"}, "experience and skills"),
        ({"experience", "skills", "qualifications"}, "experience, qualifications and skills"),
    ],
)
def test_several_stated_bases_give_one_question(stated: set[str], names: str) -> None:
    ctx = PlanContext(stated=frozenset(stated))
    message = f"We will not proceed with you: others brought more {names}."
    texts = [q.text for q in plan([], context=ctx, message=message)]
    assert reason_leads(texts) == [names]


def test_one_stated_basis_keeps_its_own_question() -> None:
    ctx = PlanContext(stated=frozenset({"skills"}))
    message = "We will not proceed with you: others brought more skills."
    texts = [q.text for q in plan([], context=ctx, message=message)]
    assert reason_leads(texts) == ["skills"]
    assert any(REASON_LEAD.match(t) and "which skill" in t for t in texts)


# 8. A role on hold, withdrawn or filled: nothing to assess ---------------------------------

ASSESSING = ("my application", "came across", "stood out", "promising", "caught your eye")


@pytest.mark.parametrize(
    "sentence",
    [
        "We have put the position on hold until next spring.",
        "We have decided to pause hiring for this role.",
        "The post has already been filled by a colleague from another branch.",
    ],
)
def test_a_closed_role_gets_no_assessment_question(sentence: str) -> None:
    message = f"Thank you for applying for the Harbour Pilot role. {sentence} We enjoyed your CV."
    texts = texts_of(message, policy="invites")
    assert texts and texts[0].startswith("Thank you")
    assert not any(a in t for t in texts for a in ASSESSING)


# 7. Detailed written feedback: which point to work on first, nothing on what to change ------

DIFFERENTLY = ("differently", "improve", "more effectively", "work on first")


def test_detailed_feedback_asks_which_point_applied_and_not_what_to_change() -> None:
    message = (
        "Thank you for your interview for the Bridge Inspector role; we will not proceed. "
        "Notes from the panel: your load calculation skipped wind, your site photos had no "
        "scale, and your report left out the corrosion survey."
    )
    pieces = ["your load calculation skipped wind", "your site photos had no scale"]
    specific = [point(message, p) for p in pieces]
    start = message.index(pieces[0])
    said = TextSpan(pieces[0], start, start + len(pieces[0]))
    reasons = [ReasonResult("interview_performance", 0.9, (said,))]
    texts = texts_of(message, specific=specific, reasons=reasons, max_questions=6)
    assert any("which of them matters most" in t.lower() for t in texts)
    assert not any(d in t for t in texts for d in DIFFERENTLY)


def test_one_piece_of_advice_still_gets_a_first_step() -> None:
    message = "We will not proceed with you. Your cover letter could name the tools you used."
    specific = [point(message, "Your cover letter could name the tools you used")]
    assert any("first step" in t for t in texts_of(message, specific=specific))


# 1. An opener builds on the message's praise -----------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("We were impressed by your portfolio.", "my portfolio made an impression"),
        ("We were impressed with your skills.", "my skills made an impression; which of them"),
        ("You clearly have a strong track record in sales.", "my track record"),
        ("Your portfolio is truly impressive.", "kind words about my portfolio"),
        ("We enjoyed speaking with you on Monday.", "I enjoyed our conversation too"),
    ],
)
def test_the_opener_builds_on_praise(sentence: str, words: str) -> None:
    message = f"{sentence} I am sorry to say we have offered the Lathe Setter role to someone else."
    assert words in texts_of(message)[0]
    form_letter = f"{sentence} We have decided to offer the Lathe Setter role to someone else."
    if "conversation" not in words:  # after a call the praise is about a real meeting
        assert words not in texts_of(form_letter)[0]


def test_praise_after_an_offer_keeps_the_lead_in() -> None:
    message = (
        "We were impressed by your background. We went with another applicant, but I am "
        "happy to share feedback if you would like some."
    )
    opener = texts_of(message)[0]
    assert opener.startswith("I would be glad to take up your offer of feedback. ")
    assert "my background" in opener

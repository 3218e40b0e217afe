"""Faults a sixth blind review named, each as a category with made-up messages: bare form
letters asked only stock questions although the message says something about the decision (a
interview not reached, what was reviewed); a personal note
whose point is advice on where the candidate fits, with an offer to discuss it; praise of the
person rather than the application; the roles question asked twice when no opening fits."""

from __future__ import annotations

import pytest

from analyzer.plancheck import check_plan
from analyzer.planclosing import accepts_talk
from analyzer.plancontext import read_context
from analyzer.planopeners import door_open_only
from analyzer.questions import plan

from .plan_helpers import REASON_LEAD, reason_leads, stated, texts_of

BARE = "Thank you for applying for the Dock Planner role at Harrowgate. {middle} {tail}"
TAILS = (
    "We will not be taking your application further.",
    "Unfortunately you have not been successful on this occasion.",
    "We have decided to pursue other candidates for this position.",
)


def clarifications(message: str) -> list[str]:
    ctx = read_context(message, policy=None)
    return [q.text for q in plan([], message=message, context=ctx) if q.purpose == "clarify"]


def test_a_strong_field_is_no_premise_of_a_question() -> None:
    """Both reviewers of the sixth pass read "Against a strong field, ..." as a formula made a
    premise: the template's consolation is left alone."""
    for middle in (
        "We had an exceptionally strong field.",
        "We received a high volume of applications.",
    ):
        for tail in TAILS:
            message = BARE.format(middle=middle, tail=tail)
            ctx = read_context(message, policy=None)
            for question in (q.text for q in plan([], message=message, context=ctx)):
                assert not any(w in question for w in ("field", "so many", "competition"))


@pytest.mark.parametrize(
    "sentence",
    [
        "You have not been selected to interview for this position.",
        "We are unable to invite you to interview on this occasion.",
        "Your application has not been shortlisted for the interview stage.",
    ],
)
def test_an_interview_not_reached_is_named_by_the_question(sentence: str) -> None:
    message = f"Thank you for applying for the Dock Planner role at Harrowgate. {sentence}"
    (question,) = clarifications(message)
    assert "interview" in question, question


def test_what_the_sender_reviewed_is_what_the_question_asks_about() -> None:
    message = (
        "Dear Applicant, we have reviewed your skills and experience and will not be moving "
        "forward with your application for the Dock Planner role. Harrowgate Recruiting"
    )
    (question,) = clarifications(message)
    assert any(w in question for w in ("background", "skills", "experience")), question


def test_a_bare_decision_with_nothing_else_said_keeps_its_own_wording() -> None:
    message = BARE.format(middle="", tail=TAILS[0]) + "\nBest,\nNell Garvey"  # a person's
    (question,) = clarifications(message)  # (a team's template asks its opener's alone)
    assert not any(w in question for w in ("field", "applied", "interview", "background"))


def test_a_teams_bare_template_is_thanked_and_asked_nothing() -> None:
    message = BARE.format(middle="", tail=TAILS[0])  # its one question would be generic
    questions = plan([], message=message, context=read_context(message, policy=None))
    assert door_open_only(questions), questions


ADVICE = (
    "Hi Sam, sorry this took a while. After the interviews we agreed that you would fit our "
    "culture well. {advice} We compete for these roles with people who have far deeper "
    "engineering experience, so we will not move forward. {offer}"
)


@pytest.mark.parametrize(
    "offer",
    [
        "Feel free to come back to me if you want to discuss this further.",
        "If you would like to discuss it further, just get back to me.",
        "Do reach out and we can talk it over.",
    ],
)
def test_an_offer_to_discuss_is_taken_up_by_the_closing_question(offer: str) -> None:
    message = ADVICE.format(advice="", offer=offer)
    ctx = read_context(message, policy=None)
    assert ctx.offers_discuss
    assert accepts_talk(plan([], message=message, context=ctx)[-1].text)


@pytest.mark.parametrize(
    "advice",
    [
        "Honestly, a pure engineering post is not where your market value lies.",
        "Your strengths would be better used in a client-facing role.",
    ],
)
def test_advice_on_where_the_candidate_fits_is_not_answered_with_this_roles_questions(
    advice: str,
) -> None:
    message = ADVICE.format(advice=advice, offer="Happy to discuss further.")
    said = "We compete for these roles with people who have far deeper engineering experience"
    ctx = read_context(message, policy=None, reasons=[stated(message, "experience", said)])
    assert ctx.advised_roles
    texts = [q.text for q in plan([], message=message, context=ctx)]
    assert reason_leads(texts) == []  # "since experience weighed ... for this role" contradicts
    assert not any("apply" in t and "again" in t for t in texts)
    assert check_plan(message, plan([], message=message, context=ctx), context=ctx) == []


@pytest.mark.parametrize(
    ("sentence", "what"),
    [
        ("As a person you have the values and personality that would fit our team.", "values"),
        ("You clearly have the attitude that suits a small crew like ours.", "attitude"),
    ],
)
def test_praise_of_the_person_is_what_the_opener_builds_on(sentence: str, what: str) -> None:
    message = f"It was good to meet you about the Dock Planner role. {sentence} {TAILS[0]}"
    opener = texts_of(message)[0]
    assert what in opener and "kind words" in opener, opener


def test_no_opening_asks_which_roles_would_suit_once() -> None:
    message = (
        "Hello, thanks for writing to us. We don't have an opening that fits your profile right "
        "now. May we keep your CV on file and get in touch when something comes up? "
        "Harrowgate Hiring Team"
    )
    texts = texts_of(message)
    assert sum("roles" in t or "openings" in t for t in texts) == 1, texts


def test_reason_leads_vary_across_messages() -> None:
    leads = set()
    for n in range(12):
        message = f"Thanks for applying to post {n}. We chose someone with more experience."
        said = "We chose someone with more experience"
        texts = texts_of(message, reasons=[stated(message, "experience", said)])
        leads |= {m["lead"] for m in map(REASON_LEAD.match, texts) if m is not None}
    assert len(leads) == 2, leads


# A form letter (no writer speaking as themself, no conversation yet): its praise is the
# template's, and its team mailbox answers process questions, not requests to place the candidate


@pytest.mark.parametrize(
    "praise",
    [
        "We were impressed by your skills and background.",
        "While your track record is impressive, we have other plans.",
        "You have many positive attributes.",
    ],
)
def test_a_form_letters_praise_is_no_premise(praise: str) -> None:
    letter = (
        f"Dear Applicant, thank you for applying for the Dock Planner role. {praise} We will not "
        "be moving forward with your application. Harrowgate Recruiting Team"
    )
    ctx = read_context(letter, policy=None)
    assert ctx.form_letter and ctx.praise is not None
    texts = texts_of(letter)
    assert not any(w in t for t in texts for w in ("kind words", "you liked", "impression;"))
    personal = letter.replace("Harrowgate Recruiting Team", "I am sorry. Priya")
    assert not read_context(personal, policy=None).form_letter


PLACEMENT = ("suit my background", "would you see me", "which of your teams", "how likely")


@pytest.mark.parametrize(
    "offer",
    [
        "We will keep your resume on file for future openings.",
        "Please keep an eye on our careers page for new openings.",
        "Join our Talent Community to hear about new roles.",
        "We will be in touch if a suitable position opens.",
    ],
)
def test_a_form_letters_closing_question_asks_about_the_process(offer: str) -> None:
    letter = (
        "Dear Candidate, thank you for your interest in the Dock Planner role. After review we "
        f"have decided not to proceed with your application. {offer} Talent Acquisition"
    )
    closing = texts_of(letter)[-1]
    assert not any(p in closing for p in PLACEMENT), closing
    personal = letter.replace("Talent Acquisition", "I wish you well, Sam")
    assert texts_of(personal)[-1] != closing


def test_a_filled_role_is_not_asked_for_a_forecast() -> None:
    message = "Thank you for applying for the Dock Planner role. The position has been filled."
    assert not any("likely" in t or "when might" in t for t in texts_of(message))


def test_a_language_remark_names_the_languages() -> None:
    message = (
        "Thanks for applying. We are mostly looking for Dutch and/or French speaking candidates, "
        "so we will not take your application further."
    )
    assert any("Dutch or French" in t for t in texts_of(message))


def test_a_courtesy_offer_of_help_is_not_read_as_inviting_questions() -> None:
    message = (
        "Dear Applicant, thank you for applying. We will not proceed with your application. "
        "Please do not hesitate to reach out if we can help in any way."
    )
    opener = texts_of(message, policy="invites")[0]
    assert opener.startswith("Thank you for offering to help. "), opener

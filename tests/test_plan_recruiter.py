"""Faults blind reviewers found in plans for real rejections (issue 16), each held by messages
written for these tests: identical plans for bare mass mail, stated remarks left generic,
offers and requests missed, a stated reapply time asked again, job-board notices, quotes cut
from a verb phrase, stiff lead-ins, the wrong stage word, tips as "the point you raised",
roles on hold and one opener for every plan."""

from __future__ import annotations

import re

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.plancheck import check_plan
from analyzer.plancontext import (
    PlanContext,
    board_notice,
    context_of,
    invites_after_decision,
    read_context,
    remarks,
    stage_variant,
    timing_stated,
)
from analyzer.planopeners import door_open_only
from analyzer.planwords import material
from analyzer.questions import plan
from analyzer.quotes import clean_quote, quote_in
from analyzer.render.plan import plan_notes
from analyzer.resources import read_json
from analyzer.roles import role_and_company, role_of

from .plan_helpers import plan_of
from .test_plan_faults import found, point, texts_of


def bare(role: str) -> str:
    return (
        f"Dear Applicant,\n\nThank you for applying for the {role} position. After careful "
        "review we will not be moving forward with your application.\n\nRecruiting Team\n"
    )


# 1. Bare mass mail ----------------------------------------------------------------------------


def test_bare_rejections_are_thanked_and_asked_nothing() -> None:
    # a team's template: its only question would be the generic one ("which part came
    # closest"), which a team writing to every applicant does not answer
    for role in ["Night Auditor", "Grant Writer", "Fleet Coordinator", "Lab Technician"]:
        message = bare(role)
        questions = plan_of(message, [found(message, "will not be moving", "decision_formula")])
        assert door_open_only(questions), questions


def test_bare_notes_name_their_role_and_differ() -> None:
    roles = ["Night Auditor", "Grant Writer", "Fleet Coordinator", "Lab Technician"]
    plans = []
    for role in roles:
        message = (
            f"Hello,\n\nThank you for applying for the {role} position. I'm sorry to say we "
            "will not be moving forward with your application.\n\nMarta"
        )
        texts = texts_of(message, [found(message, "will not be moving", "decision_formula")])
        assert any(f"the {role} role" in t for t in texts), texts
        plans.append(tuple(texts))
    assert len(set(plans)) == len(roles)


def test_no_role_named_no_role_in_the_opener() -> None:
    message = "Thank you for applying. I'm afraid we will not be moving forward with you."
    opener = texts_of(message)[0]
    assert opener.endswith("?") and " role" not in opener, opener


# 2. Stated but unexplained remarks ---------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "words"),
    [
        # a language the role needs is thanked for by its kind, not asked about again
        ("We need someone fluent in Italian for this desk.", "language", "language the role"),
        ("Your salary expectations sit above what we planned.", "pay_level", "level of role"),
        ("Your market value is beyond what this post pays.", "market_value", "market value lies"),
        ("The team is heading in a new direction.", "direction", "new focus"),
        ("Applicants with the right credentials went ahead.", "credentials", "qualifications"),
        ("The scope of the role has changed since we posted it.", "scope", "scope changed"),
    ],
)
def test_a_stated_remark_gets_a_question_that_names_it(
    sentence: str, kind: str, words: str
) -> None:
    message = f"Thanks for applying. {sentence} We will not take your application further."
    ctx = read_context(message, policy=None)
    assert kind in {k for k, _, _ in ctx.remarks} | ctx.out_of_control
    questions = plan([], message=message, context=ctx)
    assert any(words in q.text for q in questions), questions
    assert check_plan(message, questions, context=ctx) == []


def test_no_remark_in_a_plain_message() -> None:
    assert remarks("We chose another applicant for the analyst post.") == ()


# 3. Offers and requests --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind", "words"),
    [
        ("May we keep your profile on file?", "keep_request", "please do keep"),
        ("Could we have your permission to hold on to your CV?", "keep_request", "my permission"),
        ("Your CV will be kept in our talent pool.", "keep_resume", "keeping my CV"),
        ("We hope you don't mind if we reach out later.", "contact_request", "Yes, "),
        ("We'll reach out if another role opens in future.", "keep_in_touch", "hear from you"),
        ("Our sister companies also have vacancies.", "sister_companies", "your group"),
        ("Current openings are listed on our jobs page.", "openings", "openings"),
    ],
)
def test_an_offer_or_request_is_taken_up_by_name(sentence: str, kind: str, words: str) -> None:
    message = f"I am sorry: we will not be moving forward with your application. {sentence}"
    assert read_context(message, policy=None).follow_up == kind
    assert words in texts_of(message)[-1]


def test_a_survey_is_taken_up_once() -> None:
    message = "We went with another applicant. Please fill in our survey on the process."
    report = Analyzer().analyze(message)
    assert "fill in your survey" in draft(report).body
    assert draft(report).body.count("survey") == 1
    other = "We went with another applicant. See our current openings. Please fill in our survey."
    assert not any("survey" in t for t in texts_of(other))  # the draft takes it up then
    assert draft(Analyzer(use_models=False).analyze(other)).body.count("survey") == 1


def test_a_decision_with_current_openings_is_never_an_empty_plan() -> None:
    message = "We will not be moving forward with your candidacy. See our current openings."
    assert invites_after_decision(message)


# 4. A stated reapply time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "timed"),
    [
        ("We went with others. You may reapply after six months.", True),
        ("We went with others. We will keep your CV on file for 2 years.", True),
        ("We went with others. Feel free to apply again.", False),
        ("We went with others. The role starts in three weeks.", False),
    ],
)
def test_a_stated_time_is_built_on_not_asked(message: str, timed: bool) -> None:
    assert timing_stated(message) is timed
    closing = texts_of(message)[-1]
    asks_when = re.search(r"\bwhen would be a good time\b", closing, re.IGNORECASE) is not None
    assert asks_when is (not timed and "apply again" in message)


# 5. Job-board notices ----------------------------------------------------------------------

NOTICE = (
    "Update on your application for Route Planner at Kessel Freight\n\n"
    "The employer has decided not to move forward with your application.\n\n"
    "Keep going: new jobs are added every day.\n"
)


@pytest.mark.parametrize(
    ("message", "notice"),
    [
        (NOTICE, True),
        ("Acme has moved to the next step in their hiring process without you.", True),
        ("The hiring team has decided to go with others. We wish you luck.", False),
        ("We have decided not to move forward with your application.", False),
    ],
)
def test_a_board_notice_is_recognised(message: str, notice: bool) -> None:
    assert board_notice(message) is notice


def test_a_board_notice_gets_no_plan_and_a_note_for_the_employer(rules_only: Analyzer) -> None:
    report = rules_only.analyze(NOTICE)
    assert report.questions == ()
    notes = plan_notes(report)
    assert any("job board" in note and "employer directly" in note for note in notes)
    assert any("job board" in line for line in draft(report).advice)


# 6. Quotes are whole constituents -----------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "span", "quote"),
    [
        ("We chose people who may better fit our needs.", "better fit", None),
        ("Those we feel best fit our needs went ahead.", "best fit", None),
        ("We don't see a strong mutual fit.", "mutual fit", "a strong mutual fit"),
        ("Others were a better fit for the job.", "better fit", "a better fit"),
        ("You were not the right fit.", "right fit", "the right fit"),
        ("Your answers lacked depth in testing.", "lacked depth", "lacked depth"),
        ("Your skills match our stack well.", "skills match", None),
        ("We don't see a strong mutual fit.", "don't see a strong mutual fit", None),
        ("We found no immediate match for you.", "no immediate match", "no immediate match"),
    ],
)
def test_a_quote_is_a_whole_constituent(message: str, span: str, quote: str | None) -> None:
    start = message.index(span)
    assert clean_quote(message, start, start + len(span)) == quote


@pytest.mark.parametrize(
    ("quote", "ok"), [("better fit", False), ("a strong mutual fit", True), ("mutual fit", False)]
)
def test_the_plan_check_catches_a_cut_quote(quote: str, ok: bool) -> None:
    message = "Others may better fit our needs, and we don't see a strong mutual fit."
    assert quote_in(message, quote) is ok


# 7. Lead-ins --------------------------------------------------------------------------------


def test_no_stiff_lead_in_is_left_in_the_templates() -> None:
    s = read_json("templates", "plan.json")
    leads = [*s["quote_leads"], *s["paraphrase_leads"]]
    stiff = ("To help me act on", "As for", "On ", "About ", "Regarding ", "To understand")
    assert not [lead for lead in leads if lead.startswith(stiff)]
    assert len(leads) >= 4


# 8. The stage word --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "stage", "word"),
    [
        (
            "Thank you for our conversations with the team. We chose another person.",
            "interviewed",
            "interview",
        ),
        (
            "Thanks for taking the online assessment. I'm sorry, we will not proceed.",
            "take_home",
            "assessment",
        ),
        (
            "Thanks for the take-home assessment. We will not proceed.",
            "take_home",
            "take-home work",
        ),
        ("Thanks for applying. We will not proceed.", "applied", "application"),
    ],
)
def test_questions_use_the_stage_word(message: str, stage: str, word: str) -> None:
    ctx = read_context(message, policy=None)
    assert ctx.stage == stage and material(ctx) == word
    assert word.split()[0] in texts_of(message)[0]


def test_a_variant_needs_its_cue() -> None:
    assert stage_variant("Thanks for the coding task.", "take_home") is None


# 9. Several tips ----------------------------------------------------------------------------


def test_listed_tips_are_asked_about_as_a_group() -> None:
    message = (
        "We will not take your application further. Some pointers for next time: lead with "
        "results, shorten the summary, and add a portfolio link."
    )
    texts = texts_of(message, specific=[point(message, "lead with results")])
    assert any("these pointers" in t for t in texts)
    assert not any("point you raised" in t for t in texts)


# 10. A role on hold -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    ["We have paused hiring for this role.", "Recruitment for the position is frozen for now."],
)
def test_a_paused_role_asks_how_to_hear_if_it_reopens(sentence: str) -> None:
    message = f"Thanks for applying. {sentence} I am sorry."
    ctx = read_context(message, policy=None)
    questions = plan([], message=message, context=ctx)
    assert "withdrawn" in ctx.out_of_control
    assert "reopens" in questions[0].text
    assert [q.purpose for q in questions] == ["opener", "open_ended"]


# 11. Openers vary with the message ---------------------------------------------------------


def test_openers_vary_with_stage_and_role() -> None:
    contexts = [
        PlanContext(),
        PlanContext(role="Data Clerk"),
        PlanContext(stage="screened", role="Data Clerk"),
        PlanContext(stage="interviewed", role="Data Clerk"),
    ]
    openers = {plan([], message="We will not proceed.", context=c)[0].text for c in contexts}
    assert len(openers) == len(contexts)
    banned = ("What was one thing in my application", "Which part of my application came")
    assert not any(o.startswith(banned) for o in openers)


def test_a_placeholder_is_never_named_as_the_role(rules_only: Analyzer) -> None:
    assert context_of(rules_only.analyze(bare("[Role]"))).role is None


@pytest.mark.parametrize(
    ("message", "role"),
    [
        (
            "Thank you for applying for the Payroll Administrator position at Hollins.",
            "Payroll Administrator",
        ),
        ("Thanks for your application for the position of Night Auditor.", "Night Auditor"),
        ("We filled the Data Clerk role; the Lab Technician post is still open.", "Data Clerk"),
        ("Thanks for your interest in joining us.", None),
    ],
)
def test_the_plan_and_the_draft_read_the_same_role(message: str, role: str | None) -> None:
    assert role_of(message) == role_and_company(message)[0] == role

"""Categories of fault blind reviewers found in question plans, each held by example messages
written for these tests: lead-ins that presuppose what the message never said, near-duplicate
questions, missed no-feedback and no-reply messages, cut or ungrammatical quotes, the wrong
stage, offers and invited next steps left unanswered, and empty plans for an invited follow-up.
"""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.plancheck import check_plan, quotes_of
from analyzer.plancontext import PlanContext, invites_after_decision, read_context
from analyzer.questions import plan, short_plan
from analyzer.quotes import is_clean_phrase
from analyzer.render.plan import plan_notes
from analyzer.report import Finding, SpecificFeedback
from analyzer.similarity import similarity


def found(message: str, phrase: str, vague_type: str) -> Finding:
    start = message.index(phrase)
    return Finding(phrase, start, start + len(phrase), vague_type, "", "")


def point(message: str, phrase: str, cue: str = "detail") -> SpecificFeedback:
    start = message.index(phrase)
    return SpecificFeedback(phrase, start, start + len(phrase), cue)


def texts_of(message: str, findings=(), specific=(), *, policy=None, **kw):  # type: ignore[no-untyped-def]
    ctx = read_context(message, policy=policy, specific=specific)
    return [q.text for q in plan(findings, specific, message=message, context=ctx, **kw)]


# 1. Phantom references ---------------------------------------------------------------------


def test_thanks_read_as_feedback_gives_no_points_question() -> None:
    message = (
        "Thank you for your interest in the Billing Clerk opening you applied for last month. "
        "We will not take your application further."
    )
    specific = [point(message, "Thank you for your interest in the Billing Clerk opening", "skill")]
    texts = texts_of(message, specific=specific)
    assert not any("point" in t and "raised" in t for t in texts)


@pytest.mark.parametrize(("how_many", "plural"), [(1, False), (2, True)])
def test_points_are_plural_only_when_there_are_several(how_many: int, plural: bool) -> None:
    message = (
        "Your SQL answers used nested loops where a join would do, and the report you sent "
        "had no summary table for the monthly totals."
    )
    pieces = ["used nested loops where a join would do", "had no summary table for the monthly"]
    specific = [point(message, p) for p in pieces[:how_many]]
    texts = " ".join(texts_of(message, specific=specific, max_questions=6))
    assert ("these pointers" in texts) is plural


@pytest.mark.parametrize(
    ("message", "plural_words"),
    [
        ("You might be a great fit for the warehouse team we are building.", False),
        ("We are also hiring for Support and Sales roles this spring.", True),
    ],
)
def test_other_roles_you_mentioned_needs_roles_named(message: str, plural_words: bool) -> None:
    closing = texts_of(message)[-1]
    assert ("other roles you mentioned" in closing) is plural_words


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("In the end [Name] was not there yet.", False),
        ("We felt [Name] was not there yet.", True),
    ],
)
def test_the_impression_you_describe_needs_an_impression(sentence: str, kept: bool) -> None:
    finding = found(sentence, "[Name] was not there yet", "subjective_impression")
    texts = texts_of(sentence, [finding])
    assert any("impression" in t for t in texts) is kept


# 2. Near-duplicates ------------------------------------------------------------------------


def test_a_reason_that_only_grounds_a_comparison_is_not_asked_again() -> None:
    message = "We went with applicants whose experience more closely matched the brief."
    ctx = PlanContext(stated=frozenset({"experience"}))
    findings = [found(message, "more closely matched", "unanchored_comparison")]
    texts = [q.text for q in plan(findings, message=message, context=ctx)]
    assert not any(t.startswith("Since experience weighed") for t in texts)
    said = "We chose someone else with more experience."
    alone = [q.text for q in plan([], message=said, context=ctx)]
    assert any(t.startswith("Since experience weighed") for t in alone)


def test_a_diagnosis_and_its_rewording_give_one_question() -> None:
    message = "Other people were a closer match. You were not quite at the level we need."
    findings = [
        found(message, "a closer match", "unanchored_comparison"),
        found(message, "not quite at the level", "unspecified_gap"),
    ]
    clarify = [
        q for q in plan(findings, message=message, max_questions=8) if q.purpose == "clarify"
    ]
    assert len(clarify) == 1


@pytest.mark.parametrize("stage", ["applied", "screened", "interviewed", "take_home"])
def test_the_closing_question_is_not_a_rewording_of_a_clarification(stage: str) -> None:
    message = "Someone else was a better match for the brief."
    findings = [found(message, "a better match", "unanchored_comparison")]
    questions = plan(findings, message=message, context=PlanContext(stage=stage, invites=True))
    clarify = [q.text for q in questions if q.purpose == "clarify"]
    closing = questions[-1].text
    assert questions[-1].purpose == "open_ended"
    assert "closer match" not in closing
    assert all(similarity(closing, c) < 0.3 for c in clarify)


# 3. No-feedback rules and automated messages -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Sadly we can't provide any further feedback on individual applications.",
        "Please note that we are not able to offer feedback at this stage.",
        "We are unable to share further detail about the decision.",
        "Our team is not in a position to give individual feedback.",
    ],
)
def test_no_feedback_wordings_are_declines(sentence: str) -> None:
    message = f"Thanks for applying to the courier role. {sentence}"
    assert read_context(message, policy="unspecified").declines
    texts = texts_of(message, policy="unspecified")
    assert len(texts) <= 1 and not any(t.endswith("?") for t in texts)  # a thank-you at most


@pytest.mark.parametrize(
    "sentence",
    [
        "This is an automated message.",
        "Sent via Workable on behalf of the hiring team.",
        "This email was generated automatically.",
    ],
)
def test_automated_messages_get_a_short_plan_for_a_named_contact(
    sentence: str, rules_only: Analyzer
) -> None:
    # an automated rejection may still reach a person: the plan is short and the note says
    # whom to ask
    message = f"We have decided not to move forward with your application. {sentence}"
    ctx = read_context(message, policy=None)
    assert ctx.auto_reply and not ctx.no_reply
    assert 1 <= len(texts_of(message)) <= 2
    report = rules_only.analyze(message)
    assert 1 <= len(report.questions) <= 2
    assert "automated" in plan_notes(report)[0]
    assert any("named recruiter" in line for line in draft(report).advice)


@pytest.mark.parametrize(
    "sentence",
    [
        "This is an automated message; replies are not read.",
        "Please do not reply to this email.",
        "Please don\u2019t reply to this message, as this inbox is not monitored.",
        "Questions? Write to no-reply@example.org and we will ignore them.",
        "This mailbox is unmonitored.",
    ],
)
def test_do_not_reply_messages_get_no_questions_and_a_note(
    sentence: str, rules_only: Analyzer
) -> None:
    # nobody reads replies to the address: a question sent there goes nowhere; the note and
    # the draft's advice say to write to a named contact instead
    message = f"We have decided not to move forward with your application. {sentence}"
    assert read_context(message, policy=None).no_reply
    assert texts_of(message) == []
    report = rules_only.analyze(message)
    assert report.questions == ()
    assert "nobody reads" in plan_notes(report)[0]
    assert any("named recruiter" in line for line in draft(report).advice)


# 4. Quotes ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "clean"),
    [
        ("more closely", False),
        ("more closely meet", False),
        ("more closely suit", False),
        ("more in line", False),
        ("based on your portfolio", False),
        ("more recent steps", False),
        ("not fully match with our needs", False),
        ("more closely aligned", True),
        ("a better match", True),
        ("stronger product sense", True),
    ],
)
def test_a_quote_holds_a_content_head_and_no_slip(phrase: str, clean: bool) -> None:
    assert is_clean_phrase(phrase) is clean


def test_lead_ins_read_naturally_and_vary() -> None:
    message = (
        "Others had stronger product sense. We also wanted deeper analytics skills. "
        "The panel felt unsure about your pacing."
    )
    findings = [
        found(message, "stronger product sense", "unanchored_comparison"),
        found(message, "deeper analytics skills", "unspecified_gap"),
        found(message, "felt unsure about your pacing", "subjective_impression"),
    ]
    texts = [q.text for q in plan(findings, message=message, max_questions=8)]
    quoted = [t for t in texts if quotes_of(t)]
    assert len(quoted) >= 2
    assert not any(t.startswith(('On "', 'About "', 'Regarding "')) for t in texts)
    assert len({t.split('"', 1)[0] for t in quoted}) == len(quoted)
    assert sum(t.startswith(("You noted", "You mentioned", "When you say")) for t in texts) <= 1


# 5. Stage ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "plural"),
    [
        ("Thank you for your interview with Dana last Tuesday.", False),
        ("Thank you for your time at our interviews last week.", True),
    ],
)
def test_no_panel_and_plural_interviews_only_when_said(message: str, plural: bool) -> None:
    joined = " ".join(texts_of(message, max_questions=8)).lower()
    assert "panel" not in joined
    assert ("interviews" in joined) is plural


def test_after_a_call_no_question_speaks_of_the_application() -> None:
    message = "Thanks for our call on Monday; we will not be moving ahead. Others fit better."
    findings = [found(message, "fit better", "fit_euphemism")]
    texts = texts_of(message, findings, max_questions=8)
    assert texts and not any("my application" in t for t in texts)


# 6. Offers and roles outside the candidate's control ---------------------------------------


@pytest.mark.parametrize(
    ("sentence", "words"),
    [
        ("If anything is unclear we can discuss further.", "offer"),
        ("We will forward your resume to other hiring managers.", "résumé on to other teams"),
        ("May we keep your resume for later needs?", "keep my résumé"),
        ("Please check our current openings.", "openings"),
        ("Feel free to apply again next year.", "apply again"),
    ],
)
def test_offers_and_invited_steps_are_taken_up_by_name(sentence: str, words: str) -> None:
    message = f"I am sorry: we will not be taking your application further. {sentence}"
    assert words in " ".join(texts_of(message))


@pytest.mark.parametrize(
    "sentence",
    [
        "The position has been put on hold until the spring.",
        "After a change in direction, the team no longer needs this role.",
    ],
)
def test_a_role_on_hold_asks_whether_it_reopens_not_what_was_lacking(sentence: str) -> None:
    message = f"Thanks for applying. {sentence} You lacked some depth, I felt."
    findings = [found(message, "lacked some depth", "unspecified_gap")]
    ctx = read_context(message, policy=None)
    questions = plan(findings, message=message, context=ctx)
    assert "withdrawn" in ctx.out_of_control
    assert [q.purpose for q in questions] == ["opener", "open_ended"]
    assert "reopens" in questions[0].text
    assert check_plan(message, questions, context=ctx) == []


# 7. Invited follow-ups ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("message", "invites"),
    [
        ("You weren't selected this time, but give us another shot in the autumn!", True),
        ("You were not selected for this role. Do check our current openings.", True),
        ("Check our current openings for roles in Leeds.", False),
        ("You were not selected for this role.", False),
    ],
)
def test_an_invited_follow_up_gets_a_short_plan(message: str, invites: bool) -> None:
    assert invites_after_decision(message) is invites
    message = f"{message} I wish you well."  # a person's note: a form letter may close on less
    questions = short_plan(read_context(message, policy=None), message=message)
    assert [q.purpose for q in questions] == ["opener", "open_ended"]


def test_a_short_plan_respects_a_no_feedback_rule() -> None:
    message = "You were not selected. We cannot give feedback. Please apply again next year."
    assert short_plan(read_context(message, policy=None), message=message) == []


@pytest.mark.parametrize(
    ("message", "impression_asked"),
    [
        # "we feel" introduces the comparison: one idea, asked once through the comparison
        (
            "Thanks for interviewing. We feel the other applicant is a better fit for the team.",
            False,
        ),
        ("Thanks for meeting us. We felt another candidate was a closer match overall.", False),
        # an impression in a sentence of its own is still asked about
        (
            "Thanks for meeting us. The panel felt you were not quite ready. "
            "Another candidate was a closer match.",
            True,
        ),
    ],
)
def test_an_impression_that_introduces_a_comparison_gets_no_question_of_its_own(
    message: str, impression_asked: bool
) -> None:
    import analyzer

    report = analyzer.analyze(message)
    types = [q.type for q in report.questions]
    assert ("subjective_impression" in types) is impression_asked, report.questions
    assert "unanchored_comparison" in types

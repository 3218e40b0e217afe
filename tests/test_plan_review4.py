"""Fourth blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.plancontext import read_context
from analyzer.planopeners import door_open_only
from analyzer.questions import plan, short_plan
from analyzer.render.plan import plan_notes

from .plan_helpers import found, reason_leads, stated, texts_of

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


# 2-3. No formula lead-ins, no restated decision, no yes/no or process questions -------------

ATTRIBUTED = ("You mentioned", "You noted", "When you say", "You felt", "You pointed to")


def _wordings(node: object) -> list[str]:
    """Every wording string under a node of plan.json (descriptions and notes left out)."""
    if isinstance(node, str):
        return [node] if ("?" in node) else []
    if isinstance(node, list):
        return [w for item in node for w in _wordings(item)]
    if isinstance(node, dict):
        return [w for k, v in node.items() if "description" not in k for w in _wordings(v)]
    return []


def test_no_wording_invites_a_yes_or_no_or_asks_about_the_process() -> None:
    from analyzer.resources import read_json

    wordings = _wordings(read_json("templates", "plan.json"))
    assert len(wordings) > 50
    yes_no = ("Was ", "Were ", "Is ", "Are ", "Would you ", "Could you ", "Did ", "Do ", "Can ")
    for w in wordings:
        asked = w.rsplit("; ", 1)[-1].rsplit(", ", 1)[-1] if "{question}" not in w else ""
        assert not w.startswith(yes_no), w
        assert "was there" not in w.lower() and "did you weigh" not in w, w
        assert not asked.startswith(("was ", "is there ")), w
        assert "weighed most in" not in w, w


@pytest.mark.parametrize(
    "decision",
    [
        "we have decided not to proceed with your application",
        "you were not selected for the next stage",
        "we went with other candidates",
    ],
)
def test_a_bare_decision_is_not_restated_before_the_question(decision: str) -> None:
    for n in range(6):
        message = f"Thanks for applying to the Kiln Loader role (ref {n}). Sadly {decision}."
        texts = texts_of(message, [found(message, decision, "decision_formula")])
        assert not any(t.startswith(("Since you", "You decided", "Since I was")) for t in texts)
        assert not any("proceed with me" in t or "not selected this time" in t for t in texts)


def test_at_most_one_question_starts_with_a_quoting_lead_in() -> None:
    message = (
        "Thank you for interviewing for the Kiln Loader role. We were impressed by your "
        "experience. We felt your answers were a little general, and others were a better fit "
        "for the team. There was also a lack of depth in your kiln safety examples."
    )
    findings = [
        found(message, "a little general", "subjective_impression"),
        found(message, "a better fit", "fit_euphemism"),
        found(message, "a lack of depth", "unspecified_gap"),
    ]
    for n in range(6):
        texts = texts_of(f"{message} Ref {n}.", findings)
        assert len(texts) >= 3
        assert sum(t.startswith(ATTRIBUTED) for t in texts) <= 1, texts


# 1. Hooks in bare mails: the impression and the offer the message states ---------------------

BARE = "Thank you for applying for the Kiln Loader role. {hook} Sadly we will not proceed. {offer}"


def test_stock_belief_in_potential_is_no_impression_to_build_on() -> None:
    """ "We believe in your potential" is a line of mass mail, not an observation."""
    message = BARE.format(hook="We believe in your potential.", offer="")
    assert read_context(message, policy=None).praise is None
    assert not any("potential" in t for t in texts_of(message))


@pytest.mark.parametrize(
    ("hook", "kind", "opener_words", "clarify_words"),
    [
        ("We were impressed by your skills.", "impressed", "my skills", "you liked"),
        ("You have many positive attributes.", "attributes", "my strengths", "those strengths"),
        ("We enjoyed learning about your background.", "learned", "my background", "background"),
        ("It was a pleasure to learn about you.", "learned", "my background", "background"),
        ("After speaking with the team, we decided.", "consulted", "with the team", "the team"),
    ],
)
def test_a_bare_mail_builds_opener_and_question_on_its_hook(
    hook: str, kind: str, opener_words: str, clarify_words: str
) -> None:
    for n in range(4):
        message = BARE.format(hook=hook, offer=f"Ref {n}. I wish you all the best.")
        ctx = read_context(message, policy=None)
        assert ctx.praise is not None and ctx.praise[0] == kind
        decision = "we will not proceed"
        texts = texts_of(message, [found(message, decision, "decision_formula")])
        assert opener_words in texts[0]
        assert clarify_words in texts[1], texts


def test_without_a_hook_the_bare_question_is_not_built_on_one() -> None:
    message = BARE.format(hook="", offer="")
    texts = texts_of(message, [found(message, "we will not proceed", "decision_formula")])
    assert not any("liked" in t or "potential" in t or "strengths" in t for t in texts)


@pytest.mark.parametrize(
    ("offer", "follow_up", "words"),
    [
        ("We will keep your information on file.", "keep_resume", ("keep", "holding")),
        ("We are always hiring, so do look again.", "always_hiring", ("hire", "hiring")),
        ("We welcome you to reach out in the future.", "reach_out", ("touch", "open door")),
        ("Please give us another shot next season.", "reapply", ("apply again",)),
        ("Please explore other opportunities on our careers site.", "openings", ("openings",)),
    ],
)
def test_a_bare_mails_offer_is_accepted_by_name(
    offer: str, follow_up: str, words: tuple[str, ...]
) -> None:
    for n in range(4):
        message = BARE.format(hook=f"Ref {n}.", offer=f"{offer} I wish you well.")
        assert read_context(message, policy=None).follow_up == follow_up
        closing = texts_of(message)[-1]
        assert any(w in closing for w in words), closing


def test_a_survey_is_taken_up_once_in_the_closing_question(rules_only: Analyzer) -> None:
    from analyzer.drafts import draft

    message = BARE.format(hook="", offer="Please fill in a short survey about your experience.")
    report = rules_only.analyze(message)
    closing = report.questions[-1].text  # a team's letter: thanked before it
    assert "I'll gladly fill in your survey" in closing, closing
    assert draft(report).body.count("survey") == 1


# 4. Stock forward lines vary and follow from the message --------------------------------------

OTHER_ROLES = ("other roles", "other teams", "openings", "kinds of roles", "which team")


def test_a_forward_question_about_other_roles_needs_the_message_to_mention_them() -> None:
    for n in range(12):
        message = f"Thank you for applying for the Kiln Loader role (ref {n}). I am sorry, no."
        closing = texts_of(message)[-1]
        assert not any(w in closing for w in OTHER_ROLES), closing


@pytest.mark.parametrize(
    "offer",
    ["Please see our current openings.", "We will keep your resume on file for future roles."],
)
def test_the_accepted_offer_is_worded_several_ways_across_mailboxes(offer: str) -> None:
    closings = {
        texts_of(f"Thank you for applying (ref {n}). We will not proceed. {offer}")[-1]
        for n in range(24)
    }
    assert len(closings) >= 2


@pytest.mark.parametrize(
    "sentence",
    [
        "Keep your eyes open on our site for new roles, and do apply again.",
        "We encourage you to apply again for future positions as they become available.",
    ],
)
def test_a_reapply_time_the_message_gives_is_not_asked(sentence: str) -> None:
    message = f"Thank you for applying for the Kiln Loader role. We will not proceed. {sentence}"
    assert read_context(message, policy=None).timing_open
    texts = texts_of(message)
    assert not any("good time" in t or "when " in t.lower() for t in texts)


# 11. Long role titles are "this role" -------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "named"),
    [
        ("Kiln Loader", "the Kiln Loader role"),
        ("Senior Regional Kiln Loading And Firing Supervisor", "this role"),
        ("Kiln Loader REQ-20417", "this role"),
        ("Kiln Loader (Night Shift)", "this role"),
        (None, "this role"),
    ],
)
def test_a_long_or_coded_title_is_named_this_role(role: str | None, named: str) -> None:
    from analyzer.planwords import the_role

    assert the_role(role) == named


def test_the_opener_shortens_a_long_title() -> None:
    title = "Senior Regional Kiln Loading And Firing Supervisor"
    for n in range(5):
        message = f"Thank you for applying for the {title} position (ref {n}). I'm sorry, we won't."
        ctx = read_context(message, policy=None)
        assert ctx.role == title
        opener = texts_of(message)[0]
        assert title not in opener and "this role" in opener


# 7. Misreads: market value, a cut "the credentials", skills read as interview skills, no role

MISC = "Thank you for applying for the Kiln Loader role. {sentence} Regards, Ina"


def test_market_value_is_asked_about_as_pay_neutrally() -> None:
    message = MISC.format(sentence="We looked at your market value against the team's budget.")
    texts = texts_of(message)
    assert any("where my market value lies" in t for t in texts)
    assert not any('"market value"' in t or "expectations" in t for t in texts)


@pytest.mark.parametrize(
    "sentence",
    ["We could not see the credentials the role asks for.", "Your credentials were thin."],
)
def test_credentials_are_never_quoted_as_a_fragment_nor_held(sentence: str) -> None:
    texts = texts_of(MISC.format(sentence=sentence))
    assert any("Which qualifications would the role" in t for t in texts)
    assert not any('"the credentials"' in t or "hold" in t for t in texts)


def test_a_determiner_and_a_noun_is_no_quote() -> None:
    from analyzer.quotes import is_clean_phrase

    assert not is_clean_phrase("the credentials")
    assert is_clean_phrase("the right credentials")


def test_a_basis_after_an_interview_is_read_from_the_profile() -> None:
    message = (
        "Thank you for your interview for the Kiln Loader role. Other candidates had shown more "
        "recent steps toward the required skills."
    )
    ctx = read_context(message, policy=None)
    assert ctx.stage == "interviewed"
    texts = texts_of(message, [found(message, "more recent steps", "unanchored_comparison")])
    clarify = [t for t in texts[1:] if "skills" in t]
    assert clarify and not any("my interview" in t for t in clarify)


@pytest.mark.parametrize(
    "sentence",
    [
        "We don't have an opening that is a good fit for your profile right now.",
        "There is currently no position that matches your background.",
    ],
)
def test_no_opening_asks_about_kinds_of_role_not_requirements(sentence: str) -> None:
    message = MISC.format(sentence=sentence)
    ctx = read_context(message, policy=None)
    assert ctx.no_opening
    phrase = "a good fit" if "good fit" in sentence else "matches your background"
    texts = texts_of(message, [found(message, phrase, "fit_euphemism")])
    assert not any("requirement" in t for t in texts), texts
    assert any("roles you" in t or "role you" in t for t in texts[1:]), texts


# 8. Offers taken up; advice not contradicted --------------------------------------------------

AFTER_TALK = (
    "Thank you for your interview for the Kiln Loader role. We went with another candidate. "
    "{offer} Best, Ola"
)


@pytest.mark.parametrize(
    "offer",
    [
        "I'd be happy to discuss how the day went.",
        "Feel free to call me if you'd like to hear more.",
        "We can discuss further if that helps.",
    ],
)
def test_an_offer_to_talk_is_accepted_by_the_closing_question(offer: str) -> None:
    texts = texts_of(AFTER_TALK.format(offer=offer))
    assert "offer" in texts[-1] and any(w in texts[-1] for w in ("talk", "conversation", "call"))
    assert not any("offer" in t for t in texts[:-1])


@pytest.mark.parametrize(
    "advice",
    [
        "You may wish to consider roles closer to your support background.",
        "Your profile seems better suited to a more junior position.",
    ],
)
def test_the_closing_question_follows_the_senders_advice_on_roles(advice: str) -> None:
    message = (
        "Thank you for applying for the Kiln Loader role. We will not proceed. "
        f"{advice} Feel free to apply again."
    )
    assert read_context(message, policy=None).advised_roles
    closing = texts_of(message)[-1]
    assert "advice" in closing or "pointing me" in closing
    assert "apply again" not in closing and "similar role" not in closing


# 9. Filled, closed or cancelled roles ----------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The Kiln Loader role has already been filled.",
        "The Kiln Loader position is no longer available.",
        "The Kiln Loader vacancy is now filled.",
    ],
)
def test_a_filled_or_closed_role_is_not_asked_to_reopen(sentence: str) -> None:
    texts = texts_of(f"Thank you for applying. {sentence} Regards, Ola")
    assert not any("reopen" in t or "revive" in t for t in texts)
    assert not any("my application" in t for t in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "We have decided not to fill the Kiln Loader position this year.",
        "We have put the Kiln Loader role on hold while the team is reorganised.",
    ],
)
def test_a_cancelled_role_may_be_asked_about_and_not_assessed(sentence: str) -> None:
    texts = texts_of(f"Thank you for applying. {sentence} Regards, Ola")
    assert "withdrawn" in read_context(f"{sentence}", policy=None).out_of_control
    assert any("reopen" in t for t in texts)
    assert not any(w in t for t in texts for w in ("my application", "on your team", "on the team"))


# 6. A decision that points to openings always gets a plan ---------------------------------------


@pytest.mark.parametrize(
    "message",
    [
        "We regret to inform you that the Kiln Loader post went elsewhere. See our current "
        "openings.",
        "We are moving forward with other applicants. Please browse our careers page.",
    ],
)
def test_a_decision_with_openings_read_as_other_still_gets_a_plan(message: str) -> None:
    from analyzer.plancontext import invites_after_decision

    assert invites_after_decision(message)
    message = f"{message} I wish you well."  # a person's note (a form letter's is answered)
    questions = short_plan(read_context(message, policy=None), message=message)
    assert [q.purpose for q in questions] == ["opener", "open_ended"]
    assert "openings" in questions[-1].text or "roles" in questions[-1].text


def test_a_decision_with_a_survey_read_as_other_still_gets_a_plan() -> None:
    from analyzer.plancontext import invites_after_decision

    message = "You were not selected for the Kiln Loader role. Please take our short survey."
    assert invites_after_decision(message)
    assert not invites_after_decision("Please take our short survey about the careers fair.")
    questions = short_plan(read_context(message, policy=None), message=message)
    assert "survey" in questions[-1].text


def test_the_candidates_own_background_is_no_named_basis_of_the_decision() -> None:
    message = (
        "Thanks for your interview for the Kiln Loader role. We went with someone more "
        "experienced. Consider roles closer to your QA background."
    )
    said = "We went with someone more experienced"
    texts = texts_of(message, reasons=[stated(message, "experience", said)])
    assert not any("QA background weighed" in t for t in texts), texts
    own = "Thanks for applying. The deciding factor was contract experience."
    texts = texts_of(own, reasons=[stated(own, "experience", "The deciding factor was contract")])
    assert reason_leads(texts) == ["contract experience"]


# After a clarification about what fell short, the closing question asks something new -------

IMPROVES = ("strengthen", "work on", "build up", "building up")
AFTER_GAP = [
    (
        "Hi Robin,\nThank you for applying for the Lamp Fitter role at Quayside. Unfortunately we "
        "will not be moving forward with your application.\nThe Quayside Talent Team",
        None,  # a team mailbox: how to hear of similar roles has an obvious answer
    ),
    (
        "Dear applicant,\nThanks for your interest in the Wick Trimmer position. After careful "
        "review we have decided to pursue other candidates. You are welcome to apply again as "
        "new positions open.\nRecruiting Team",
        "roles",
    ),
    (
        "Hello,\nWe appreciate your application for Net Mender. Unfortunately you have not been "
        "selected for this role. You may reapply after six months.\nKind regards, Harbour Works HR",
        "roles",
    ),
]


@pytest.mark.parametrize(("message", "closing_asks"), AFTER_GAP)
def test_the_closing_question_does_not_ask_again_what_fell_short(
    rules_only: Analyzer, message: str, closing_asks: str | None
) -> None:
    questions = rules_only.analyze(message).questions
    purposes = [q.purpose for q in questions]
    if closing_asks is None:  # a team's template with nothing to take up: thanked only
        assert door_open_only(questions), questions
        return
    assert purposes == ["open_ended"], questions  # a team's template: no generic opener
    closing = questions[-1].text
    assert closing_asks in closing
    assert not any(word in closing for word in IMPROVES)


def test_no_closing_question_when_the_message_already_says_when() -> None:
    """The message says when ("as positions open"): after a clarification, no closing question
    asks when again, nor what to strengthen."""
    from dataclasses import replace

    message = (
        "Thank you for applying for the Rope Splicer role. We have decided not to proceed "
        "with your application.\nRegards,\nTom Byrne"  # a person's: a clarification first
    )
    ctx = replace(read_context(message, policy=None), timing_open=True)
    assert ctx.follow_up is None
    finding = found(message, "decided not to proceed", "decision_formula")
    questions = plan([finding], message=message, context=ctx)
    assert [q.purpose for q in questions][:2] == ["opener", "clarify"]
    assert not any(q.purpose == "open_ended" for q in questions), questions

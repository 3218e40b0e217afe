"""Third blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.plancheck import check_plan
from analyzer.plancontext import read_context
from analyzer.planwords import plan_settings
from analyzer.questions import plan
from analyzer.quotes import clean_quote, is_clean_phrase, quote_in
from analyzer.report import Question, SpecificFeedback

from .plan_helpers import REASON_LEAD, found, plan_of, reason_leads, stated, texts_of

# 8. Cut quotes: a dangling preposition or a comparative with no object ----------------------


@pytest.mark.parametrize(
    ("message", "phrase"),
    [
        ("We chose others who fit the position better.", "fit the position better"),
        ("We had to select more strictly on experience.", "select more strictly on experience"),
        ("Your profile is not quite what we are looking for.", "not quite what we are looking for"),
        ("It is not the kind of work we had hoped for.", "the kind of work we had hoped for"),
        ("Your answers were weaker than expected, and others did better.", "others did better"),
    ],
)
def test_a_cut_phrase_is_not_quoted(message: str, phrase: str) -> None:
    start = message.index(phrase)
    assert clean_quote(message, start, start + len(phrase)) is None


@pytest.mark.parametrize(
    ("phrase", "clean"),
    [
        ("fit the role better", False),
        ("a profile we could rely on", False),
        ("chosen more carefully for", False),
        ("more strictly on seniority", False),
        ("a better fit", True),
        ("more leadership experience", True),
        ("a closer match", True),
        # the sender's "you"/"your": in the candidate's own question it reads back wrongly
        ("not fully convinced about your motivation", False),
        ("not the right fit for you", False),
    ],
)
def test_endings_that_leave_a_quote_cut(phrase: str, clean: bool) -> None:
    assert is_clean_phrase(phrase) is clean


def test_a_span_cut_before_its_object_is_still_trimmed() -> None:
    message = "We saw gaps in the application at this stage."
    phrase = "gaps in the application at"
    start = message.index(phrase)
    assert clean_quote(message, start, start + len(phrase)) == "gaps in the application"


def test_a_plan_paraphrases_a_comparison_with_no_object() -> None:
    message = "Thank you for applying. We have chosen other candidates who fit the position better."
    texts = texts_of(message, [found(message, "fit the position better", "unanchored_comparison")])
    assert not any('"' in t for t in texts)
    context = read_context(message, policy=None)
    assert not check_plan(message, [Question(t, "clarify") for t in texts], context=context)


def test_the_quote_check_catches_a_clause_cut_before_its_preposition() -> None:
    message = "Your profile is not quite what we are looking for."
    assert not quote_in(message, "not quite what we are looking")
    assert not quote_in(message, "not quite what we are looking for")
    assert quote_in("It is a profile we value.", "a profile we value")


# 5. Mass-mail warmth is no conversation ------------------------------------------------------

WARM = "I enjoyed our conversation too"


@pytest.mark.parametrize(
    ("message", "warm"),
    [
        (
            "We loved getting to know you through your Mill Hand application. Sadly we are "
            "closing your file for this vacancy. The Recruiting Team",
            False,
        ),
        (
            "It was a pleasure to learn about your background. We enjoyed meeting you through "
            "your application. This is an automated message; we will not proceed.",
            False,
        ),
        (
            "Thank you for the interview on Tuesday for the Mill Hand role. We enjoyed meeting "
            "you. We went with another candidate. Best, Rob",
            True,
        ),
    ],
)
def test_warm_reply_lines_need_a_real_conversation(message: str, warm: bool) -> None:
    assert any(WARM in t for t in texts_of(message)) is warm


def test_a_draft_after_mass_mail_claims_no_acquaintance() -> None:
    message = (
        "Thank you for your interest in the Pipe Fitter role. It was a pleasure to learn about "
        "your background. Unfortunately we will not move forward with your application. "
        "Kind regards, The Talent Acquisition Team"
    )
    body = draft(Analyzer(use_models=False).analyze(message)).body
    assert "enjoyed" not in body


# 7. The sender's own term for its talent community -------------------------------------------

REJECTED = "Thank you for applying for the Boat Builder role. We will not move forward with you. "


@pytest.mark.parametrize(
    ("tail", "term"),
    [
        ("Do join our Talent Network to hear about new roles.", "your Talent Network"),
        ("You are welcome to join our talent pool for future roles.", "your talent pool"),
        ("Sign up to our candidate community to hear about new roles.", "your candidate community"),
        ("Join our talent community for news.", "your talent community"),
        ("We will keep your CV in our talent pool for future roles.", "in your talent pool"),
    ],
)
def test_the_closing_question_echoes_the_senders_term(tail: str, term: str) -> None:
    closing = texts_of(REJECTED + tail + " I wish you well.")[-1]  # a person's note
    assert term in closing


# 1. A tailored question where the message has a vague phrase of its own ----------------------

STOCK = ("meet least well", "show more clearly", "not line up with", "least convincingly")


@pytest.mark.parametrize(
    ("message", "phrase", "vague_type", "words"),
    [
        (
            "We have decided to move forward with candidates whose experience more closely "
            "matches the requirements of the Tram Scheduler role.",
            "more closely matches",
            "unanchored_comparison",
            "experience",
        ),
        (
            "Your CV was tidy; sadly the shortlist went to people whose skills and track record "
            "more closely align with the brief.",
            "more closely align",
            "unanchored_comparison",
            "skills and track record",
        ),
        (
            "Thanks for applying. Sadly your profile is not a close match for the post.",
            "not a close match",
            "fit_euphemism",
            "my profile",
        ),
        (
            "We went ahead with applicants who had a more competitive profile.",
            "more competitive profile",
            "unanchored_comparison",
            "profile",
        ),
    ],
)
def test_the_key_vague_phrase_gets_a_tailored_question_first(
    message: str, phrase: str, vague_type: str, words: str
) -> None:
    questions = plan_of(message, [found(message, phrase, vague_type)])
    first = next(q for q in questions if q.purpose == "clarify")
    assert words in first.text
    assert not any(s in first.text for s in STOCK)


@pytest.mark.parametrize(
    "decision",
    [
        "we have decided to move forward with other candidates",
        "your application was not shortlisted for the kiln team",
        "we will not be moving forward with your application",
        "we have chosen to proceed with another applicant",
    ],
)
def test_a_bare_decision_gets_an_open_question_about_the_application(decision: str) -> None:
    """Fourth review: the question no longer restates the decision ("You decided not to
    proceed with me; ...") nor asks a yes/no ("was there one requirement ...?")."""
    message = f"Thank you for applying for the Gear Cutter role. Unfortunately {decision}."
    signed = "\nBest wishes,\nMara Quinn"  # a person's note: a team's template asks its
    variants = [  # opener's question alone
        texts_of(f"{message} Ref {n}.{signed}", [found(message, decision, "decision_formula")])[1]
        for n in range(8)
    ]
    assert len(set(variants)) >= 2
    for clarify in variants:
        assert "my application" in clarify and not any(s in clarify for s in STOCK)
        assert "decided" not in clarify and "was there" not in clarify.lower()


def test_stock_wording_is_only_the_fallback_and_varies() -> None:
    bodies = set()
    for n in range(12):
        message = (
            f"Thank you for applying (ref {n}). After careful consideration, we regret.\n"
            "Kind regards,\nTom Byrne"
        )
        texts = texts_of(
            message, [found(message, "After careful consideration", "decision_formula")]
        )
        bodies.add(texts[1])
    assert len(bodies) >= 3


def test_a_role_name_is_no_comparison() -> None:
    message = "Thank you for applying for the Pipe Fitter role. We will not move forward."
    texts = texts_of(message, [found(message, "Fitter role", "unanchored_comparison")])
    assert not any("itter" in t.lower() for t in texts[1:])


# 3. A comparison question builds on the comparison's own basis -------------------------------


def test_the_comparison_question_names_the_stated_basis_not_another_reason() -> None:
    message = (
        "Thank you for interviewing for the Shift Manager role. Your skills in rota planning "
        "were good. We chose candidates with more leadership experience."
    )
    reasons = [stated(message, "skills", "Your skills in rota planning were good")]
    phrase = "more leadership experience"
    texts = texts_of(message, [found(message, phrase, "unanchored_comparison")], reasons=reasons)
    asked = next(t for t in texts if phrase in t)
    assert "leadership experience would" in asked and "skill" not in asked


def test_a_reviewed_noun_is_not_the_basis_of_the_comparison() -> None:
    message = (
        "We read through your background and qualifications carefully and picked people who "
        "more closely match the brief."
    )
    questions = plan_of(message, [found(message, "more closely match", "unanchored_comparison")])
    clarify = [q.text for q in questions if q.purpose == "clarify"]
    assert clarify and not any("background" in t or "qualifications" in t for t in clarify)


# 6. A filled or paused role: one question about other roles at most --------------------------

ROLES = ("roles", "openings")


@pytest.mark.parametrize(
    "sentence",
    [
        "We have paused hiring for the Welder role. Please have a look at our current openings.",
        "The Welder role has been cancelled. We will keep your CV on file for future roles.",
        "The Welder role has already been filled. Please check our current openings.",
        "The Welder role has already been filled and is no longer available. Join our talent "
        "pool for future roles.",
    ],
)
def test_a_closed_role_asks_about_other_roles_once(sentence: str) -> None:
    texts = texts_of(f"Thank you for applying. {sentence} Regards, Ola")
    assert sum(any(w in t for w in ROLES) for t in texts) <= 1
    assert not any("meantime" in t or "meanwhile" in t for t in texts)


def test_a_filled_role_is_not_waited_for() -> None:
    message = "The Welder role has already been filled and is no longer available. Regards, Ola"
    opener = texts_of(message)[0]
    assert "open" in opener and "reopen" not in opener


# 10. "your team" in a message a recruiting team signed ---------------------------------------


@pytest.mark.parametrize(
    ("signature", "team"),
    [
        ("Kind regards, Talent Acquisition Team", "the team"),
        ("Best, The Recruiting Team", "the team"),
        ("Thanks, HR Department. The hiring team will keep your details.", "the hiring team"),
        ("Best, Marta", "your team"),
    ],
)
def test_the_team_is_named_as_the_message_names_it(signature: str, team: str) -> None:
    message = (
        "Thank you for applying for the Ferry Deckhand role. We have put the role on hold due to "
        f"budget. We are looking for fluent Dutch speakers. {signature}"
    )
    texts = " ".join(texts_of(message))
    assert team in texts
    if team != "your team":
        assert "your team" not in texts


# 9. Job-board notices: no questions (fourth review: nobody at a board can answer) ----------


@pytest.mark.parametrize(
    "message",
    [
        "Your application to Rope Maker at Harbor Ltd\nThe employer has decided not to move "
        "forward with your application at this time.\nSent via Indeed Apply",
        "Thank you for your interest in the Sail Maker position at Harbor Ltd. Unfortunately, "
        "Harbor Ltd has decided not to move forward with your application. This email was sent "
        "by LinkedIn.",
        "Update on Sail Maker: Harbor Ltd is not moving forward with your application. "
        "Sent through Glassdoor.",
    ],
)
def test_a_board_notice_gets_no_questions_and_points_to_the_employer(message: str) -> None:
    decision = next(
        d for d in ("decided not to move forward", "is not moving forward") if d in message
    )
    ctx = read_context(message, policy=None)
    questions = plan([found(message, decision, "decision_formula")], message=message, context=ctx)
    assert ctx.board_notice and not ctx.auto_reply
    assert questions == []
    advice = draft(Analyzer(use_models=False).analyze(message)).advice
    assert any("employer" in a for a in advice)


def test_a_first_person_message_is_no_board_notice() -> None:
    message = "We have decided not to move forward with your application. Sent via LinkedIn."
    assert not read_context(message, policy=None).board_notice


# 4. Points the message answered are not asked again ------------------------------------------

WHICH = ("which requirement", "which credential", "which skill", "which qualification", "what kind")


@pytest.mark.parametrize(
    "sentence",
    [
        "The position requires a chartered accountancy qualification, which your CV did not show.",
        "A valid forklift licence is a must for this role, and we could not see one.",
        "The minimum requirements for the role include two years of payroll work.",
    ],
)
def test_a_named_requirement_is_not_asked_again(sentence: str) -> None:
    message = f"Thank you for applying for the Tax Clerk role. {sentence} Best, Ann"
    reasons = [stated(message, "qualifications", sentence.rstrip("."))]
    texts = texts_of(message, reasons=reasons)
    assert read_context(message, policy=None).requirement_named
    assert not any(w in t.lower() for t in texts for w in WHICH)
    # built on in the message's own words where it names the basis; never the generic "apart
    # from the requirement you named" (an A/B of blind reviews scored plans better without it)
    assert not any("requirement you named" in t for t in texts), texts
    assert not any("would have needed" in t or "show clearly" in t for t in texts), texts


def test_a_vague_requirement_is_no_named_one() -> None:
    message = "Thank you for applying. The role requires someone with more experience."
    assert not read_context(message, policy=None).requirement_named


@pytest.mark.parametrize(
    "sentence",
    [
        "You are welcome to apply again next year.",
        "Please feel free to reapply in March when our next intake opens.",
        "You may reapply after graduation.",
    ],
)
def test_a_stated_time_to_reapply_is_not_asked(sentence: str) -> None:
    message = f"Thank you for applying for the Tax Clerk role. We will not proceed. {sentence}"
    texts = texts_of(message)
    assert read_context(message, policy=None).timing
    assert not any("when would" in t.lower() or "good time" in t for t in texts)


def test_a_promise_to_say_when_the_role_reopens_is_not_asked_again() -> None:
    message = (
        "Thank you for applying for the Welder role. We have put the role on hold and will let "
        "you know if it reopens."
    )
    assert texts_of(message, policy="unspecified") == []  # a form letter: nothing left open
    texts = texts_of(f"{message} I am sorry.", policy="unspecified")
    assert texts and not any("reopen" in t and t.endswith("?") for t in texts)  # welcomed only


# 2. Misread phrases: a pay or market phrase is no skill gap -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "vague_type"),
    [
        (
            "We felt there was a gap between your market value and our range.",
            "a gap",
            "unspecified_gap",
        ),
        (
            "We felt your asking rate was above our range for this role.",
            "We felt",
            "subjective_impression",
        ),
        (
            "Your salary expectations were higher than the market rate here.",
            "higher than the market rate",
            "unanchored_comparison",
        ),
    ],
)
def test_a_pay_phrase_is_asked_about_as_pay(sentence: str, phrase: str, vague_type: str) -> None:
    message = f"Thank you for applying for the Ledger Clerk role. {sentence} Regards, Jo"
    questions = plan_of(message, [found(message, phrase, vague_type)])
    clarify = [q for q in questions if q.purpose == "clarify"]
    assert clarify and all(q.type is None for q in clarify)
    assert any(w in q.text for q in clarify for w in ("level of role", "pay", "market value lies"))
    assert not any(w in q.text for q in clarify for w in ("area", "skill", "impression"))


@pytest.mark.parametrize(
    ("sentence", "phrase", "words"),
    [
        ("We felt you lack the credentials the role needs.", "lack the credentials", "qualif"),
        ("You had less relevant experience than others.", "less relevant experience", "experience"),
    ],
)
def test_a_credential_gap_is_not_read_as_experience(sentence: str, phrase: str, words: str) -> None:
    message = f"Thank you for applying for the Ledger Clerk role. {sentence}"
    questions = plan_of(message, [found(message, phrase, "unspecified_gap")])
    asked = " ".join(q.text for q in questions if q.purpose == "clarify").lower()
    assert words in asked
    other = "experience" if words == "qualif" else "credential"
    assert other not in asked


def test_a_comparison_built_on_its_basis_is_not_asked_again_as_a_match() -> None:
    message = (
        "Thank you for applying. Sadly, we saw no clear match on your competency for the "
        "brief. We chose others who fit the position better."
    )
    findings = [
        found(message, "no clear match", "fit_euphemism"),
        found(message, "fit the position better", "unanchored_comparison"),
    ]
    clarify = [q.text for q in plan_of(message, findings) if q.purpose == "clarify"]
    assert len(clarify) == 1 and "my competency" in clarify[0]


def test_an_impression_of_motivation_asks_about_motivation() -> None:
    message = "Once the panel had met you, we were not entirely sure about your motivation."
    phrase = "not entirely sure about your motivation"
    texts = texts_of(message, [found(message, phrase, "subjective_impression")])
    assert any("motivation for the role" in t for t in texts)
    assert not any("your motivation" in t for t in texts)  # the sender's "your" is not quoted


def test_openers_and_closing_questions_vary_across_short_notes() -> None:
    openers, closings = set(), set()
    for n in range(40):
        message = f"Thank you for applying (ref {n}). I'm sorry, we will not move forward."
        texts = texts_of(message)
        openers.add(texts[0])
        closings.add(texts[-1])
    assert len(openers) >= 6 and len(closings) >= 3


def test_thanks_vary_across_mass_mail() -> None:
    thanks = {
        texts_of(f"Thank you for applying (ref {n}). We will not move forward with you.")[0]
        for n in range(40)
    }
    assert thanks == set(plan_settings()["door_open_thanks"]["wording"])


def test_a_span_that_stops_before_its_closing_preposition_is_not_quoted() -> None:
    message = "They went with someone they felt more confident in. Sorry."
    start = message.index("more confident")
    assert clean_quote(message, start, start + len("more confident")) is None


@pytest.mark.parametrize(
    ("sentence", "phrase", "vague_type", "words"),
    [
        (
            "We felt there was a gap in your motion design experience.",
            "a gap",
            "unspecified_gap",
            "design experience",
        ),
        (
            "We felt someone with more client-facing experience would be a better fit.",
            "a better fit",
            "unanchored_comparison",
            "client-facing experience",
        ),
    ],
)
def test_the_basis_keeps_the_messages_own_modifier(
    sentence: str, phrase: str, vague_type: str, words: str
) -> None:
    message = f"Thank you for applying for the Designer role. {sentence}"
    questions = plan_of(message, [found(message, phrase, vague_type)])
    assert any(words in q.text for q in questions if q.purpose == "clarify")


def test_a_word_cut_at_its_hyphen_is_not_quoted() -> None:
    message = "We preferred someone with more client-facing experience."
    start = message.index("more client")
    assert clean_quote(message, start, start + len("more client")) is None


def test_a_bare_lead_in_to_a_named_basis_gets_no_question_of_its_own() -> None:
    message = (
        "Thank you for the interview. The panel felt that other candidates demonstrated stronger "
        "hands-on experience with lab equipment."
    )
    findings = [found(message, "The panel felt", "subjective_impression")]
    reasons = [stated(message, "experience", "other candidates demonstrated stronger hands-on")]
    texts = texts_of(message, findings, reasons=reasons)
    assert not any("panel felt" in t for t in texts)
    assert any("experience" in t for t in texts)
    unstated = texts_of(message, findings)  # the experience is named right after the
    assert any("hands-on experience with lab equipment" in t for t in unstated)  # comparison
    assert not any("led to that view" in t for t in unstated)


def test_a_filled_position_is_read_as_filled() -> None:
    message = "Thank you for applying. Unfortunately the position has been filled."
    assert "filled_internally" in read_context(message, policy=None).out_of_control


def test_a_call_on_the_phone_is_a_screening() -> None:
    message = "Thanks for your time on the phone yesterday. We went with someone else."
    assert read_context(message, policy=None).stage == "screened"


def test_an_evaluative_word_is_no_part_of_the_basis() -> None:
    message = "We went with someone whose previous experience was closer to the role."
    questions = plan_of(message, [found(message, "closer to the role", "unanchored_comparison")])
    clarify = " ".join(q.text for q in questions if q.purpose == "clarify")
    assert "experience" in clarify and "previous" not in clarify


def test_a_comparative_cut_before_its_noun_takes_the_noun_in() -> None:
    message = "We have decided to appoint a candidate with more site management experience."
    start = message.index("more site management")
    end = start + len("more site management")
    assert clean_quote(message, start, end) == "more site management experience"
    assert not quote_in(message, "more site management")


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        ("Please note that this mailbox is not monitored.", "auto_reply", True),
        ("We've decided to hire internally for the role.", "out_of_control", "filled_internally"),
        ("It was great to meet you last week.", "stage", "interviewed"),
    ],
)
def test_more_ways_a_message_says_its_situation(sentence: str, field: str, value: object) -> None:
    read = getattr(read_context(f"We will not proceed. {sentence}", policy=None), field)
    assert value in read if isinstance(read, frozenset) else read == value


def test_a_named_requirement_is_not_thanked_as_advice() -> None:
    message = (
        "Thanks for your interest in the Backend Developer role. The role requires 5 years of Go "
        "experience and we could only see two on your CV, so we won't take it further."
    )
    said = "The role requires 5 years of Go experience"
    start = message.index(said)
    specific = [SpecificFeedback(said, start, start + len(said), "detail")]
    ctx = read_context(message, policy=None, specific=specific)
    texts = [q.text for q in plan([], specific, message=message, context=ctx)]
    assert not any("advice" in t for t in texts)


@pytest.mark.parametrize(
    ("point", "advice"),
    [
        ("Your application will remain active for 90 days", False),
        ("Feedback requests should be made within four weeks of the interview", False),
        ("The other person had more experience with Terraform than you did", False),
        ("Your cover letter could name the tools you used", True),
        ("Next time, lead with the results of your projects", True),
    ],
)
def test_one_point_is_thanked_as_advice_only_when_it_is_advice(point: str, advice: bool) -> None:
    message = f"Thank you for applying. We will not move forward. {point}."
    start = message.index(point)
    specific = [SpecificFeedback(point, start, start + len(point), "detail")]
    ctx = read_context(message, policy=None, specific=specific)
    texts = [q.text for q in plan([], specific, message=message, context=ctx)]
    assert any("advice" in t for t in texts) is advice


@pytest.mark.parametrize(
    ("sentence", "label", "words"),
    [
        ("The deciding factor was contract experience.", "experience", "contract experience"),
        ("We chose someone with hands-on PLC skills.", "skills", "PLC skills"),
        ("Your retail experience was great, but we chose someone else.", "experience", None),
        ("We reviewed your sales experience and chose someone else.", "experience", None),
    ],
)
def test_a_stated_basis_named_in_the_messages_words_is_built_on(
    sentence: str, label: str, words: str | None
) -> None:
    message = f"Thank you for applying for the Estimator role. {sentence}"
    texts = texts_of(message, reasons=[stated(message, label, sentence.rstrip("."))])
    if words is None:
        assert set(reason_leads(texts)) <= {"experience"}
    else:
        asked = next(t for t in texts if REASON_LEAD.match(t) and reason_leads([t]) == [words])
        assert "what kind" not in asked and "which skill" not in asked


def test_after_review_is_no_reviewed_basis() -> None:
    message = "After review we chose candidates with more leadership experience."
    phrase = "more leadership experience"
    texts = texts_of(message, [found(message, phrase, "unanchored_comparison")])
    assert any("leadership experience would" in t for t in texts)

"""The nineteenth round's categories: an offer under a negation is no offer ("I can't put you
forward for this one", "I can not create a second position"); a "drop me a line" that only
says how to ask for the feedback offered in its sentence is no offer of a conversation; one
question built on the stated reasons, not two that ask the same thing; what a sender asks to be
told answered in more words (availability, serving notice, "would you consider nights?"); a
licence the sender needs named as such, and "once you've got it" as the condition to get back
in touch; consent to keep the candidate's data given in words; an official "I regret to inform
you" is no person's own voice; "six (6) months" is a named time; a role in hand said beside a
call the candidate is asked to make."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.plancontext import read_context

from .plan_helpers import plan_of, reason_leads, stated, texts_of


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("I can't put you forward for this one, sorry.", False),
        ("We won't be putting you forward for the Yard Supervisor post.", False),
        ("I'd be happy to put you forward for the Yard Supervisor post instead.", True),
    ],
)
def test_an_offer_to_put_forward_under_a_negation_is_none(sentence: str, offered: bool) -> None:
    message = (
        "Hi Marek, thanks for applying for the Forklift Driver job at our Tamworth depot. We "
        f"need someone with a counterbalance ticket already. {sentence} Cheers, Dawn"
    )
    assert read_context(message, policy=None).put_forward is offered


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("Sadly I can not create a second position in the lab this year.", None),
        ("We have one more opening in the lab starting in spring if you'd be interested.", "one"),
    ],
)
def test_a_role_under_a_negation_is_not_in_hand(sentence: str, offered: str | None) -> None:
    message = (
        "Dear Ilse, thank you for your talk last week. We have offered the postdoc position to "
        f"another candidate. {sentence} Best wishes, Prof. Anders Lund"
    )
    assert read_context(message, policy=None).offered_role == offered


def test_a_line_to_ask_for_offered_feedback_takes_up_the_feedback_not_a_call() -> None:
    message = (
        "Dear Tomasz, thank you for applying for the Volunteer Coordinator role. We really need "
        "someone who can work five days a week, so we can't offer you the role. If you'd find "
        "some feedback on your application useful I'm happy to give it, just drop me a line. "
        "Warm wishes, Freya"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_feedback and not ctx.offers_discuss
    texts = texts_of(message)
    assert "offer of feedback" in texts[0], texts
    assert not any("talk" in t or "Which day" in t for t in texts), texts


def test_an_offer_to_talk_beside_offered_feedback_stays_an_offer_to_talk() -> None:
    message = (
        "Dear Tomasz, we have decided not to progress your application. I'm happy to give some "
        "feedback and happy to discuss it over the phone if that helps. Best, Freya"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_feedback and ctx.offers_discuss


def test_stated_reasons_get_one_question_not_two() -> None:
    sentence = "We have chosen applicants whose experience fits better with the profile."
    message = (
        "Dear Noor, thank you for applying for the Payroll Officer role at Kestrel Foods. "
        f"{sentence} We wish you well. Kind regards, Kestrel Foods Recruitment"
    )
    reasons = [stated(message, label, sentence) for label in ("experience", "fit")]
    texts = texts_of(message, reasons=reasons)
    assert len(reason_leads(texts)) + sum("Since the match" in t for t in texts) <= 1, texts


@pytest.mark.parametrize(
    ("ask", "answer"),
    [
        ("If yes, please send me your day rate and availability.", "my availability is ["),
        ("Please also let me know if you are serving notice.", "[am / am not] serving notice"),
        ("Would you consider nights?", "[am / am not] available for nights"),
    ],
)
def test_what_the_sender_asks_to_be_told_is_answered(ask: str, answer: str) -> None:
    message = (
        "Hi Ama, the client has filled the Planner role internally, sorry. I've got another one "
        f"in Wolverhampton that could suit you. {ask} Thanks, Kofi"
    )
    assert any(answer in t for t in texts_of(message)), texts_of(message)


def test_a_serving_notice_question_is_not_read_as_a_notice_period() -> None:
    message = (
        "Hi Ama, the client has filled the Planner role internally, sorry. I've got another one "
        "in Wolverhampton. Please let me know if you are serving notice. Thanks, Kofi"
    )
    assert not any("notice period" in t for t in texts_of(message))


def test_a_licence_the_sender_needs_is_not_asked_about_and_its_condition_is_kept() -> None:
    message = (
        "Hi Deon, thanks for coming out to the Westgate job. Problem is I need someone with a "
        "master installer's licence who can sign off the boards on their own. Once you've got "
        "your licence sorted give me a shout again. Regards, Piet"
    )
    ctx = read_context(message, policy=None)
    assert ctx.requirement_named
    texts = texts_of(message)
    assert not any("Which qualifications" in t for t in texts), texts
    assert any("once I've got my licence sorted" in t for t in texts), texts


def test_a_legal_footer_on_mail_received_in_error_is_no_invitation() -> None:
    message = (
        "Dear Ms Park, we regret that your application was not successful. If you've received "
        "this email in error, please let us know and delete it. Human Resources"
    )
    assert read_context(message, policy=None).invited_when is None


@pytest.mark.parametrize(
    "consent",
    [
        "We will delete your data after four weeks, unless you give us permission to keep it "
        "on file for one year. If you want this, please reply to this email.",
        "With your consent we would like to retain your CV for twelve months.",
    ],
)
def test_consent_to_keep_the_data_is_given_in_words(consent: str) -> None:
    message = (
        "Dear Joris, thank you for applying for the Junior Buyer role. We have decided not to "
        f"invite you for an interview. {consent} Kind regards, Recruitment, Veldkamp B.V."
    )
    assert read_context(message, policy=None).follow_up == "keep_request"
    assert any("my permission" in t for t in texts_of(message)), texts_of(message)


@pytest.mark.parametrize(
    ("formula", "own"),
    [
        ("I regret to inform you that you have not been shortlisted.", False),
        ("I am writing to inform you that you have not been shortlisted.", False),
        ("I was sorry to see you have not been shortlisted, as I liked your letter.", True),
    ],
)
def test_an_official_first_person_formula_is_no_own_voice(formula: str, own: bool) -> None:
    message = (
        "Dear Applicant, thank you for your application for the Housing Officer post. "
        f"{formula} Yours sincerely, HR Department, Larkfield Housing Association"
    )
    assert read_context(message, policy=None).own_voice is own


def test_a_time_written_in_words_and_figures_is_a_named_time() -> None:
    message = (
        "Dear Ms Cruz, thank you for taking our written examination. We regret to inform you "
        "that you did not meet the passing requirements. You may re-apply after six (6) months. "
        "Respectfully, Human Resource Department, Bayview Medical Center"
    )
    assert read_context(message, policy=None).timing
    assert not any("When would be a good time" in t for t in texts_of(message))


def test_a_role_in_hand_is_said_beside_a_call_the_candidate_makes() -> None:
    message = (
        "Hi Sam, just heard back from Harlow Freight: they've gone with someone who has used "
        "their routing software for years. I've got another one in Daventry, days this time. "
        "Give me a call when you get a sec. Cheers, Raj"
    )
    ctx = read_context(message, policy=None)
    assert ctx.call_me and ctx.offered_role == "one"
    closing = texts_of(message)[-1]
    assert "other role you mentioned" in closing, closing
    assert "call" in closing or "ring you" in closing, closing


def test_the_analyzer_plans_the_whole_round(analyzer: Analyzer) -> None:
    message = (
        "Hi Deon, thanks for coming out to the Westgate job. Problem is I need someone with a "
        "master installer's licence who can sign off the boards on their own. I can't put you "
        "forward for this one. Once you've got your licence sorted give me a shout again. Piet"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert not any("pass my CV" in t or "put my" in t for t in texts), texts
    assert plan_of(message)  # a plan, not silence

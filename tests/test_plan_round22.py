"""The twenty-second round's categories: a decision whose own sentence says why is no bare
decision to ask about; an offer of shifts, casual work or cover in more words ("two late shifts
a week going", "welcome to apply for bank porter shifts", "looking for supply cover") is taken
up by name, and a bare "if that would be of any interest" names the offer in its own sentence;
an introduction to a friend's firm is taken up; a request to send the CV again is answered;
"someone who already has/have ..." names a requirement; hiring again "once budget is confirmed"
is no budget reason; "one bit of advice would be to ..." is advice given; a role that may come up
later is not the role applied for; "another Payroll Systems role in Hull" is named; "You free
for a quick chat on Friday?" is said yes to with the role it is about."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planasks import sender_asks, sender_told
from analyzer.plancontext import other_role, out_of_control, read_context, work_offered


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _questions(analyzer: Analyzer, message: str) -> list[tuple[str, str, str | None]]:
    return [(q.text, q.purpose, q.type) for q in analyzer.analyze(message).questions]


@pytest.mark.parametrize(
    "closing",
    ["", "Sorry, I know you liked this one. Are you still open to roles in Croydon?"],
)
def test_a_decision_that_says_why_gets_no_bare_decision_question(
    analyzer: Analyzer, closing: str
) -> None:
    message = (
        "Hi Ola,\n\nThe client came back on the Finance Manager role. Unfortunately they've "
        "decided not to proceed, they feel your experience is more on the retail side and they "
        f"need someone strong in general insurance.\n\n{closing}\n\nKaren\nSenior Consultant, "
        "Northgate Search"
    )
    asked = _questions(analyzer, message)
    assert all(kind != "decision_formula" for _, _, kind in asked), asked
    if closing:  # the sender's question is still answered
        assert asked[-1][0].startswith("Yes, I would be open to roles in Croydon"), asked


def test_a_bare_decision_still_gets_its_question(analyzer: Analyzer) -> None:
    message = (
        "Hi Ola,\n\nThe client came back on the Finance Manager role. Unfortunately they've "
        "decided not to proceed.\n\nKaren\nSenior Consultant, Northgate Search"
    )
    asked = _questions(analyzer, message)
    assert any(kind == "decision_formula" for _, _, kind in asked), asked


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("We do have two late shifts a week going on the dementia unit.", "late shifts"),
        ("You are welcome to apply for bank porter shifts in the meantime.", "porter shifts"),
        ("We will be looking for supply cover after half term.", "supply"),
        ("I'm after subbing cover for the spring if you're about.", "subbing"),
    ],
)
def test_work_on_offer_in_more_words(sentence: str, named: str) -> None:
    text = f"Hi Jo,\n\nWe have given the post to another applicant. {sentence}\n\nPat"
    found = work_offered(text)
    assert found is not None and named in found, found


def test_an_offer_in_the_question_itself_is_named_in_the_yes() -> None:
    text = (
        "Hi Jo,\n\nWe can't offer you the team leader post as we need someone with their "
        "Level 3 already. We do have three early shifts a week going as a support worker if "
        "that would be of any interest to you while you study?\n\nLet me know.\n\nPat"
    )
    yes = sender_asks(text)
    assert yes is not None and "early shifts" in yes, yes


def test_an_offer_to_recommend_to_a_friend_is_an_introduction(analyzer: Analyzer) -> None:
    message = (
        "Hi Sam,\n\nThanks for asking for feedback. The main gap was testing: the exercise had "
        "no unit tests, which matters a lot to us. If you want, I can recommend you to a "
        "former colleague's agency in Leeds, they need Python people. Just say.\n\nBest,\nIngrid"
        "\nEngineering Lead"
    )
    assert read_context(message, policy=None).offers_introduction
    assert "introduc" in _questions(analyzer, message)[-1][0]


@pytest.mark.parametrize(
    ("request_", "answered"),
    [
        ("Could you send me your CV again as a Word file?", True),
        ("Please send your CV to the site office, marked for my attention.", False),
    ],
)
def test_a_request_to_send_the_cv_again(request_: str, answered: bool) -> None:
    text = f"Hi Femi,\n\nWe went with someone else for the role. {request_}\n\nRegards\nTola"
    told = sender_told(text) or ""
    assert ("attached my" in told) is answered, told


@pytest.mark.parametrize(
    "sentence",
    [
        "We have chosen someone who already have a client list in the area.",
        "We took a candidate who is knowing SAP and payroll filing already.",
    ],
)
def test_someone_who_already_has_it_names_a_requirement(sentence: str) -> None:
    text = f"Hi Anil,\n\nThank you for coming in. {sentence}\n\nAll the best\nDev"
    assert read_context(text, policy=None).requirement_named


def test_hiring_again_once_budget_is_confirmed_is_no_budget_reason() -> None:
    text = (
        "Hi Lou,\n\nWe went with a candidate who had led user research herself. We will be "
        "hiring again in the spring once budget is confirmed, and I'd like you to apply.\n\nMeg"
    )
    assert "budget" not in out_of_control(text)
    held = "Hi Lou,\n\nThe role has been put on hold until funding is confirmed.\n\nMeg"
    assert "budget" in out_of_control(held)  # the control: a decision for want of funds


def test_one_bit_of_advice_is_advice_given(analyzer: Analyzer) -> None:
    message = (
        "Hi Ros,\n\nThanks for asking. It was close. Where it came down to it was the "
        "stakeholder side: your examples were mostly about delivery, and the other candidate "
        "had run a change programme end to end. If I were to give one bit of advice it would "
        "be to pick one project and tell the whole story, including what went wrong.\n\nAll "
        "the best,\nGail\nHead of Operations"
    )
    assert read_context(message, policy=None).advised
    steps = _questions(analyzer, message)
    assert not any("first step" in text for text, _, _ in steps), steps


def test_a_job_that_may_come_up_later_is_not_the_role_applied_for() -> None:
    text = (
        "Hi Cian,\n\nThe start went to a lad with his own tools. If anything comes up on the "
        "Athy job after Christmas I'll give you a shout.\n\nMick"
    )
    assert read_context(text, policy=None).role is None


def test_another_named_role_is_named() -> None:
    text = (
        "Hi Dan,\n\nThey've gone with the other candidate. I've got another Payroll Systems role "
        "in Hull that's just come in though, fully remote.\n\nLiam"
    )
    assert other_role(text) == (True, "Payroll Systems")


def test_a_call_asked_for_is_accepted_with_the_role_it_is_about(analyzer: Analyzer) -> None:
    message = (
        "Hi Dan,\n\nJust heard back from Fenwicks. They've gone with the other guy, he'd run a "
        "full payroll migration before. Sorry mate. I've got another Payroll Systems role in "
        "Hull that's just come in though, fully remote. You free for a quick chat on Friday?"
        "\n\nCheers,\nLiam\nSenior Consultant\nBrightpath Recruitment"
    )
    closing = _questions(analyzer, message)[-1][0]
    assert closing.startswith("Yes, I would be glad to make time for a quick chat on Friday")
    assert "Payroll Systems role" in closing, closing


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("Try Keane Plumbing in Mullingar, I hear they are taking on.", "Keane Plumbing"),
        ("Ring Harbour Catering out at the marina, they need kitchen porters.", "Harbour Catering"),
        ("Try again in the spring, we may be hiring then.", None),  # no employer named
        ("Call the office on Monday if you need anything.", None),
    ],
)
def test_another_employer_pointed_to_is_named(sentence: str, named: str | None) -> None:
    text = f"Hi Rory,\n\nWe went with a third-year lad for this one. {sentence}\n\nDes"
    assert read_context(text, policy=None).tip_employer == named


def test_a_tip_about_another_employer_is_thanked_for_by_name(analyzer: Analyzer) -> None:
    message = (
        "Rory,\n\nThanks for calling in Tuesday. We went with a third-year apprentice, we need "
        "someone who can work on his own on call-outs. Try Keane Plumbing in Mullingar, I hear "
        "they are taking on first years.\n\nDes\nDoyle Heating Ltd"
    )
    closing = _questions(analyzer, message)[-1][0]
    assert "Keane Plumbing" in closing, closing


def test_availability_told_with_a_blank_is_not_promised_again(analyzer: Analyzer) -> None:
    message = (
        "Dear Ms Roy,\n\nAs communicated, you were not successful at the interview stage. The "
        "board felt your answers lacked structure at times. If you would like to discuss this "
        "further by phone, please let me know your availability next week and I will arrange a "
        "call with the hiring manager.\n\nBest regards,\nAnne Leclerc\nHuman Resources Advisor"
    )
    closing = _questions(analyzer, message)[-1][0]
    assert "[your availability]" in closing, closing
    assert "few times" not in closing and "Which time" not in closing, closing


def test_scores_listed_with_the_boards_notes_are_feedback_given(analyzer: Analyzer) -> None:
    message = (
        "Hello Ms Roy,\n\nAs communicated, you were not successful at the interview stage. Your "
        "results were as follows:\n\n- Planning: 7/10 (pass mark 6)\n- Communication: 5/10 (pass "
        "mark 6)\n\nFor communication, the board noted that your answers were relevant but hard "
        "to follow at times. If you would like to talk it through, let me know and I will set up "
        "a call.\n\nBest regards,\n\nAnne Leclerc\nHuman Resources Advisor"
    )
    assert read_context(message, policy=None).feedback_given
    steps = _questions(analyzer, message)
    assert not any("do differently" in text or "do well" in text for text, _, _ in steps), steps


def test_a_mass_letter_that_declines_feedback_promises_no_thank_you(analyzer: Analyzer) -> None:
    from analyzer.render.plan import plan_notes

    message = (
        "Hi Chloe,\n\nThanks for applying for the Barista role at our Leith store. Unfortunately "
        "we won't be taking your application further this time. Because of the number of "
        "applications we get, we can't give feedback on individual applications.\n\nFlint & "
        "Steam Recruitment\n\nYou're receiving this email because you applied for a role with us. "
        "To unsubscribe from job alerts, click here."
    )
    report = analyzer.analyze(message)
    assert report.questions == ()
    notes = plan_notes(report)
    assert notes and "thank-you" not in notes[0] and "no reply is needed" in notes[0], notes

"""The eighteenth round's categories: a team's standard letter is not asked the generic
question its opener would ask ("which part of my application came closest"): it is thanked,
its one vague phrase is asked about after the thanks, or the next step it invites is taken
up; the draft of a letter that is only thanked is the short thank-you; an employer's footer
about what it is committed to ("employment equity") states no reason for the decision."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.plancontext import read_context
from analyzer.planopeners import door_open_only
from analyzer.planwords import plan_settings

from .plan_helpers import found, plan_of

#: Words of the generic question a template's opener asks (and its variants).
GENERIC = ("came closest", "matched the role best", "strongest part", "came across best")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _letter(middle: str, *, sign: str = "Recruitment Team, Tallis Haulage") -> str:
    return (
        "Dear Priya,\n\nThank you for applying for the Transport Planner role at Tallis "
        f"Haulage. {middle}\n\nWe wish you every success in your search.\n\n{sign}\n"
    )


@pytest.mark.parametrize(
    "middle",
    [
        "Unfortunately, on this occasion your application has not been successful.",
        "After reviewing all applications we have decided not to take yours further.",
        "We regret that we will not be progressing your application at this time.",
    ],
)
def test_a_teams_bare_letter_is_thanked_with_no_question(middle: str) -> None:
    questions = plan_of(_letter(middle))
    assert door_open_only(questions), questions
    assert "?" not in questions[0].text


def test_a_teams_letter_with_a_comparison_asks_about_it_after_the_thanks() -> None:
    message = _letter(
        "We have decided to move forward with applicants whose experience more closely "
        "matches what the role needs."
    )
    questions = plan_of(message, [found(message, "more closely matches", "unanchored_comparison")])
    assert len(questions) == 1, questions
    text = questions[0].text
    thanks = plan_settings()["template_thanks"]
    assert any(text.startswith(t) for t in thanks) and text.endswith("?"), text
    assert questions[0].phrase == "more closely matches"
    assert not any(g in text for g in GENERIC), text


def test_a_teams_letter_that_invites_a_next_step_takes_it_up_once() -> None:
    message = _letter(
        "Unfortunately your application has not been successful. We encourage you to apply "
        "for other roles with us in the future."
    )
    questions = plan_of(message)
    assert [q.purpose for q in questions] == ["open_ended"], questions
    text = questions[0].text  # thanked once, with the step taken up
    assert text.startswith("Thank") and "apply again" in text, text


def test_a_persons_note_keeps_its_opening_question() -> None:
    message = (
        "Hi Priya,\n\nThanks for coming in on Monday. I'm sorry to say I've offered the "
        "planner job to someone else.\n\nAll the best,\nGareth"
    )
    questions = plan_of(message)
    assert questions[0].purpose == "opener" and questions[0].text.endswith("?"), questions


def test_the_draft_of_a_thanked_letter_is_the_short_thank_you(analyzer: Analyzer) -> None:
    report = analyzer.analyze(
        _letter("Unfortunately, on this occasion your application has not been successful.")
    )
    assert door_open_only(report.questions), report.questions
    reply = draft(report)
    assert not reply.questions and "?" not in reply.body, reply.body
    assert any("standard letter" in line for line in reply.advice), reply.advice
    assert "feedback" not in (reply.subject or "").lower(), reply.subject


@pytest.mark.parametrize(
    "footer",
    [
        "Tallis Haulage is committed to employment equity and welcomes all applicants.",
        "We are fully committed to accessibility and employment equity in our hiring.",
    ],
)
def test_a_footer_on_what_the_employer_stands_for_states_no_reason(footer: str) -> None:
    message = _letter(
        "We have decided to proceed with other candidates.", sign=f"{footer}\n\nTallis Haulage HR"
    )
    assert "equity" not in read_context(message, policy=None).out_of_control


def test_equity_targets_named_as_the_reason_are_still_read() -> None:
    message = (
        "Hi Priya,\n\nThanks for your time last week. I'm afraid the role had to go to a "
        "candidate who meets our employment equity targets for this department.\n\nRegards,\n"
        "Sipho"
    )
    assert "equity" in read_context(message, policy=None).out_of_control


def _agency_note(question: str) -> str:
    return (
        "Hi Ruth,\n\nI heard back from the client about the Planner role: they have gone with "
        f"someone closer to the site. I have two other roles coming up in Leeds. {question}"
        "\n\nThanks,\nDev\nSenior Consultant, Brookline Recruitment"
    )


@pytest.mark.parametrize(
    ("question", "said", "not_said"),
    [
        # a choice the candidate makes: a blank, not a yes to both
        (
            "Are you still open to contract work or is it permanent only now?",
            "[am / am not] open to contract work",
            "or is it",
        ),
        # "that range" is the range, not a clause; "otherwise ..." is the sender's own plan
        (
            "Let me know if you would be open to consider at that range, otherwise I will "
            "keep your profile in mind for other openings.",
            "open to consider at that range.",
            "otherwise",
        ),
    ],
)
def test_the_senders_question_is_said_back_whole(question: str, said: str, not_said: str) -> None:
    closing = plan_of(_agency_note(question))[-1].text
    assert said in closing and not_said not in closing, closing


def test_something_opening_up_names_no_role() -> None:
    message = (
        "Hi Ruth,\n\nWe filled the Coordinator job internally. I've passed your resume to my "
        "counterpart in our Akron branch as they may have something opening up in Q3.\n\nBest,"
        "\nGreg"
    )
    assert read_context(message, policy=None).future_role is None


@pytest.mark.parametrize(
    ("sentence", "field"),
    [
        ("You may reapply after 90 days from the date of this email.", "timing"),
        ("Reply STOP to unsubscribe.", "no_reply"),
        (
            "The client insisted on candidates with a forklift licence as a minimum requirement.",
            "requirement_named",
        ),
    ],
)
def test_what_a_letter_says_of_itself_is_read(sentence: str, field: str) -> None:
    message = _letter(f"Unfortunately your application has not been successful. {sentence}")
    assert getattr(read_context(message, policy=None), field), field


def test_a_cv_already_passed_on_is_thanked_for_by_the_closing() -> None:
    message = (
        "Hi Ruth,\n\nWe filled the Coordinator job internally, nothing to do with your "
        "application. I've passed your resume to my colleague at our Akron branch as they may "
        "be hiring later in the year. Hope that's ok.\n\nBest,\nGreg"
    )
    ctx = read_context(message, policy=None)
    assert ctx.passed_on and not ctx.put_forward, ctx
    closing = plan_of(message)[-1].text
    assert closing.startswith("Thank you for passing my") and closing.endswith("?"), closing


@pytest.mark.parametrize(
    "offer",
    [
        "I'd love to have you on our sub list for the rest of term if you're interested.",
        "We could put you on our substitute list for next term if you're interested.",
    ],
)
def test_a_substitute_list_is_taken_up_by_name(offer: str) -> None:
    message = (
        "Hi Ms. Okafor, thank you for coming in to see us about the Year 2 post. We have gone "
        f"with a teacher with more years in the classroom. {offer} Let me know! Thanks, Janet"
    )
    assert read_context(message, policy=None).work_offered in ("sub", "substitute")
    closing = plan_of(message)[-1].text
    assert "substitute work" in closing, closing


def test_a_request_to_contact_later_is_agreed_to_beside_the_call() -> None:
    message = (
        "Dear Ana,\n\nThank you for the interviews. The role has been put on hold after a "
        "reorganisation, so we will not continue the process for now. Should the role be "
        "re-opened, I would like to contact you first, if you agree. I'm also happy to discuss "
        "by phone.\n\nKind regards,\nMarieke"
    )
    closing = plan_of(message)[-1].text
    assert "contact me should the role be re-opened" in closing, closing


def test_an_assessment_day_is_no_take_home_test() -> None:
    message = (
        "Dear Ola,\n\nWe will not be taking your application further after the assessment day."
        "\n\nBest wishes,\nGraduate Recruitment Team"
    )
    assert read_context(message, policy=None).stage == "interviewed"


def test_a_reason_outside_the_candidates_control_closes_with_an_open_door() -> None:
    message = (
        "Hi Sam,\n\nThanks for coming in on Tuesday. I'm sorry, but we have gone with someone "
        "who lives closer to the depot, as the early starts make the commute hard.\n\nRegards,"
        "\nNeil"
    )
    ctx = read_context(message, policy=None)
    assert ctx.out_of_control, ctx
    closing = plan_of(message)[-1].text  # asking which roles would suit scored lower (A/B)
    assert "other role" in closing and not closing.endswith("?"), closing


@pytest.mark.parametrize(
    ("sentence", "said"),
    [
        # terms that name a figure: the candidate's decision, a blank, never a yes
        (
            "If you would consider the post at around 41,000 with a review after a year, please "
            "let me know and we can talk further.",
            "I [would / would not] consider the post at around 41,000",
        ),
        # another role, asked in the sender's statement order
        (
            "I was impressed with you and would like to know whether you would consider a place "
            "on our events team instead. Kindly let me know by Monday.",
            "Yes, I would consider a place on your events team instead.",
        ),
        # what only the candidate can tell: a blank
        (
            "Kindly let me know if your employer can release you earlier, otherwise we cannot "
            "proceed.",
            "[can / cannot] release me earlier",
        ),
    ],
)
def test_a_senders_conditional_question_is_answered(sentence: str, said: str) -> None:
    message = (
        "Dear Tomas,\n\nThank you for meeting us on Thursday. I'm sorry, but we will not be "
        f"offering you the Coordinator post. {sentence}\n\nRegards,\nHelen"
    )
    closing = plan_of(message)[-1].text
    assert said in closing, closing


def test_an_opening_offered_if_interested_is_taken_up() -> None:
    message = (
        "Hi Kim,\n\nThanks for coming in. We need a registered nurse for this post, so I can't "
        "offer it to you. We do have a part-time ward clerk opening on weekends if you'd be "
        "interested. Just let me know.\n\nBest,\nSue"
    )
    assert read_context(message, policy=None).offered_role is not None
    closing = plan_of(message)[-1].text
    assert "opening" in closing and "other roles at your" not in closing, closing


def test_taking_the_candidate_forward_is_no_shortcut_offered() -> None:
    message = (
        "Hi Tom,\n\nThe client has decided not to take you forward to interview for the Analyst "
        "role. I have two other roles coming in this week - are you still open to 3 month "
        "contracts or is it perm only now?\n\nCheers,\nJess\nConsultant, Pennant Recruitment"
    )
    ctx = read_context(message, policy=None)
    assert not ctx.offers_fast_track, ctx
    assert "[am / am not] open to 3 month contracts" in plan_of(message)[-1].text


def test_a_question_on_flexible_pay_asked_with_kindly_revert_is_answered_with_a_blank() -> None:
    message = (
        "Hi Karan, thanks for your time on the call. Our budget for the post is max 6 LPA. If you "
        "are flexible on the CTC kindly revert by Monday, else we will close the position. "
        "Regards, Sneha, HR Executive"
    )
    assert read_context(message, policy=None).told == "My range [is / is not] flexible."

"""The eleventh round's categories: a named future role taken up by name, a need spelled out
as a person built on in its words, and stage words that are not the candidate's stage."""

from __future__ import annotations

import pytest

from analyzer.futureroles import future_role
from analyzer.planclosing import forward_question
from analyzer.plancontext import read_context
from analyzer.planwords import material

from .plan_helpers import stated, texts_of

# 1. A future role the message names ----------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "I'll keep you in mind for supervisor roles that come up in Leeds.",
            "supervisor roles in Leeds",
        ),
        (
            "We're opening three graduate positions in March and I'd put you forward.",
            "graduate positions in March",
        ),
        ("Do apply again when our next theatre nurse role opens up.", "a theatre nurse role"),
        (
            "If an Accounts Assistant position comes up, I'll let you know.",
            "the Accounts Assistant position",
        ),
        (
            "We've a few audit openings coming up in Galway over the summer.",
            "audit openings in Galway over the summer",
        ),
        ("I'll keep you in mind for other roles that come up.", None),
        ("We will keep your details on file for future vacancies.", None),
        # its place is its kind (the fifteenth round): "an opening in Pune" is taken up by name
        ("If a similar opening comes up in Pune, I'll call you.", "an opening in Pune"),
        ("We often have openings, so keep an eye on our careers page.", None),
        ("Thank you for applying for the Payroll Officer role.", None),
    ],
)
def test_a_future_role_is_read_only_where_the_message_names_its_kind(
    sentence: str, named: str | None
) -> None:
    assert future_role(f"Hi Ana,\nWe went with another candidate. {sentence}\nBest,\nLi") == named


def test_the_role_applied_for_is_no_future_role() -> None:
    message = "We're not hiring for the Data Analyst role now; it may open up again in spring."
    assert future_role(message, "Data Analyst") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "I'd keep you in mind for deputy roles that come up in Kent, if that's of interest?",
            "deputy roles in Kent",
        ),
        (
            "We're opening two junior positions in May and I'd like to put you forward for those.",
            "put forward for the junior positions in May",
        ),
        (
            "We're about to advertise a Volunteer Coordinator role; happy to have a call about it.",
            "the Volunteer Coordinator role",
        ),
    ],
)
def test_the_closing_takes_up_a_named_future_role_by_name(sentence: str, expected: str) -> None:
    message = f"Hi Sam,\nThanks for the call. We went with someone else. {sentence}\nCheers,\nJo"
    question = forward_question(read_context(message, policy=None), 0, [])
    assert question is not None and expected in question
    assert "other role you mentioned" not in question and "Which kinds" not in question


def test_a_form_letter_is_not_answered_with_a_named_role() -> None:
    message = (
        "Dear Applicant,\nThank you for applying. We have decided not to progress your "
        "application. We will keep your details for warehouse roles that come up in Derby.\n"
        "Recruitment Team"
    )
    question = forward_question(read_context(message, policy=None), 0, [])
    assert question is None or "warehouse roles" not in question


# 2. A need spelled out as a person -------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "quoted"),
    [
        (
            "They wanted someone who has already handled a ledger migration.",
            "someone who has already handled a ledger migration",
        ),
        (
            "We chose someone with more experience running community programmes across a county.",
            "experience running community programmes across a county",
        ),
    ],
)
def test_the_need_is_built_on_in_the_messages_words(sentence: str, quoted: str) -> None:
    message = f"Hi Ciara,\nThanks for your time on the phone. {sentence}\nKind regards,\nNiamh"
    texts = texts_of(message, reasons=[stated(message, "experience", sentence)])
    assert any(quoted in t for t in texts), texts
    assert not any("that experience" in t or "requirement you named" in t for t in texts)


def test_a_need_too_long_to_quote_is_built_on_without_naming_it() -> None:
    sentence = (
        "They wanted someone who has already run a full profit and loss account at store "
        "level for a number of years."
    )
    message = f"Hi Ciara,\nThanks for the call. {sentence}\nBest,\nNiamh"
    texts = texts_of(message, reasons=[stated(message, "experience", sentence)])
    assert any(
        t.startswith(("Since the experience you mentioned", "As the experience you mentioned"))
        for t in texts
    )


# 3. Stage words --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stage", "word"),
    [
        (
            "The screening of applications for this competition has been completed.",
            "applied",
            "application",
        ),
        ("Thank you for coming to meet us on Thursday.", "interviewed", "interview"),
        ("Thanks for coming in for the trial shift on Saturday.", "interviewed", "trial"),
        ("Thank you for sitting the written test last week.", "take_home", "assessment"),
        ("Thank you for your time on our screening call.", "screened", "background"),
    ],
)
def test_the_stage_and_its_word(sentence: str, stage: str, word: str) -> None:
    ctx = read_context(
        f"Hi Kai,\n{sentence} We will not take your application further.\nJo", policy=None
    )
    assert ctx.stage == stage
    assert material(ctx) == word


def test_essential_qualifications_as_a_category_name_no_requirement() -> None:
    message = (
        "Dear Applicant,\nOnly those candidates who clearly demonstrated all essential "
        "qualifications were invited to an interview.\nHuman Resources"
    )
    assert not read_context(message, policy=None).requirement_named
    message = "Hi Bo,\nThe essential qualifications were a Class 2 licence and a forklift ticket."
    assert read_context(message, policy=None).requirement_named


# 4. The twelfth round: offers, stages and remarks in more words --------------------------------


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "I'd keep you in mind for the media editor role that's coming up in May.",
            "the media editor role in May",
        ),
        (
            "If you'd be interested in the night supervisor role I'm hoping to create, shout.",
            "the night supervisor role",
        ),
    ],
)
def test_a_future_role_in_more_words(sentence: str, named: str) -> None:
    assert future_role(f"Hi Ana,\nWe went with another candidate. {sentence}\nBest,\nLi") == named


@pytest.mark.parametrize(
    ("sentence", "attr"),
    [
        (
            "If you ever look at the Leeds office, let me know and I'll make an intro.",
            "offers_introduction",
        ),
        (
            "Should you wish to discuss this outcome, you may contact the panel chair.",
            "offers_discuss",
        ),
        (
            "I have two other roles in mind, happy to share if you're free for a call tomorrow?",
            "offers_call",
        ),
    ],
)
def test_offers_in_more_words(sentence: str, attr: str) -> None:
    message = f"Hi Ana,\nWe will not take your application further. {sentence}\nLi"
    assert getattr(read_context(message, policy=None), attr)


def test_not_reaching_the_interview_stage_is_no_interview() -> None:
    message = (
        "Dear Applicant,\nI regret to advise that you were not successful in progressing to "
        "the interview stage on this occasion.\nPeople and Culture"
    )
    assert read_context(message, policy=None).stage == "applied"


@pytest.mark.parametrize(
    ("message", "kind"),
    [
        (
            "We went with someone else. The main ask was a 14-day price forecast per region.",
            "pay_level",
        ),
        (
            "We went with someone else.\nDarren Lim\nKestrel Talent | EA Licence No. 19C8842",
            "credentials",
        ),
    ],
)
def test_no_remark_read_from_a_compound_or_a_signature(message: str, kind: str) -> None:
    remarks = read_context(message, policy=None).remarks
    assert kind not in [k for k, _, _ in remarks]


# 5. The thirteenth round ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "I'll keep your number, we've got a couple of smaller jobs starting after Christmas.",
            "smaller jobs",
        ),
        ("We usually open junior art roles again around mid-year.", "junior art roles"),
        (
            "I'd encourage you to watch for the Parks Patrol postings in March.",
            "the Parks Patrol postings in March",
        ),
        (
            "Our Enterprise Networks team is recruiting, happy to pass your details on.",
            "the Enterprise Networks team",
        ),
        ("The recruitment team will keep you in mind.", None),
    ],
)
def test_a_future_role_in_the_thirteenth_sets_words(sentence: str, named: str | None) -> None:
    assert future_role(f"Hi Ana,\nWe went with another candidate. {sentence}\nBest,\nLi") == named


def test_an_offer_to_write_to_colleagues_is_an_introduction() -> None:
    message = (
        "Hi Ana,\nWe went with another candidate. I'd be happy to write to a couple of "
        "colleagues who may be hiring this summer.\nLi"
    )
    assert read_context(message, policy=None).offers_introduction


# 6. Reasons outside the candidate's control in the fourteenth set's words ---------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("A big part of it was the distance: we need someone closer to Kenmare.", "location"),
        ("The Museum has put a hold on all new hires through the end of the year.", "withdrawn"),
        ("We're too far apart on compensation; the budget tops out at $68K.", "salary"),
        ("We're currently only set up to employ people in twelve states.", "location"),
    ],
)
def test_out_of_control_reasons_in_more_words(sentence: str, kind: str) -> None:
    message = f"Hi Dan,\nThanks for meeting us. {sentence}\nBest,\nCarla"
    assert kind in read_context(message, policy=None).out_of_control


def test_distance_learning_is_no_location_reason() -> None:
    message = "Hi Dan,\nWe went with someone else; the distance learning module was weaker.\nCarla"
    assert "location" not in read_context(message, policy=None).out_of_control


def test_a_promise_to_write_when_the_role_is_reposted_answers_the_reopening() -> None:
    message = (
        "Hi Dan,\nThe Museum has put a hold on all new hires. If the position is reposted in "
        "the summer, I'll email you directly.\nCarla"
    )
    assert read_context(message, policy=None).reopen_told


def test_not_meeting_the_salary_is_a_pay_remark() -> None:
    message = "Hi Dan,\nWe're not in a position to meet the salary you mentioned.\nSeán"
    assert "pay_level" in [k for k, _, _ in read_context(message, policy=None).remarks]

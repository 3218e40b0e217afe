"""The seventeenth round's categories: another role offered in more words ("I do have another
role ... might suit?", "happy to consider your profile for the X role"); work offered by kinds
with names of their own (an internship, subcontract days) and a name passed on for that work; a
candidate told that another one is already in the final round; a recruiter who relays the
client's reasons is not asked what the client said; a note's point read in more words ("where
we struggled a bit was ...", "where you scored lower was around ...", "the main thing that came
up was ..."); the sender's "we" said back as "you"; a talk offered on a range of days."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planbases import main_point, weak_point
from analyzer.plancontext import read_context

from .plan_helpers import plan_of, stated


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _note(sentence: str) -> str:
    return (
        "Hi Tomas,\n\nThanks for your time on Wednesday. We have decided to go with someone "
        f"else for the Estimator job. {sentence}\n\nCheers,\nBrenda"
    )


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("I do have another role at a joinery firm in Ashby, four days a week, might suit?", None),
        (
            "We'd be happy to consider your application for the Site Surveyor role on our "
            "rail team, if that appeals.",
            "Site Surveyor",
        ),
        ("We've also got another opening with a client in Leek that could work for you.", None),
    ],
)
def test_another_role_offered_in_more_words_is_read(sentence: str, named: str | None) -> None:
    ctx = read_context(_note(sentence), policy=None)
    assert ctx.mentions_other_role and ctx.other_role == named, ctx


def test_an_unnamed_role_beside_an_offered_call_is_taken_up_too() -> None:
    message = _note(
        "I do have another role at a joinery firm in Ashby, four days a week, might suit? "
        "Give me a ring if you want to chat it through."
    )
    closing = plan_of(message)[-1].text
    assert "the other role you mentioned" in closing and closing.endswith("?"), closing


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "If you are keen, we might have a paid internship in our tax team from March - let "
            "me know.",
            "the internship",
        ),
        (
            "If you're ever after a few days subbie work on the shopfits I'd happily give you a "
            "call.",
            "subcontract work",
        ),
    ],
)
def test_work_with_a_name_of_its_own_is_taken_up_by_that_name(sentence: str, named: str) -> None:
    message = _note(sentence)
    assert read_context(message, policy=None).work_offered
    closing = plan_of(message)[-1].text
    assert named in closing and " work work" not in closing, closing


def test_a_name_passed_on_for_other_work_says_yes_to_that_work() -> None:
    message = _note(
        "If you're interested in relief driving over the winter, I'm happy to pass your name "
        "to our transport planner."
    )
    closing = plan_of(message)[-1].text
    assert "relief" in closing and "pass my name on" in closing, closing
    assert "Thank you for passing" not in closing, closing


def test_a_candidate_told_another_is_already_in_the_final_round_gets_the_question_answered(
    analyzer: Analyzer,
) -> None:
    message = (
        "Hi Ines,\n\nThanks for the chat on Friday, it was good to meet you. To be straight "
        "with you: we have another applicant who is already in the final round, and we will "
        "probably make an offer next week, so I don't want to leave you hanging. Would it be "
        "ok for us to keep your CV for the QA Lead position we expect to open in the autumn?\n\n"
        "Best,\nPiotr"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert any("keep my CV" in t for t in texts), texts


def test_a_recruiter_who_relays_the_reasons_is_not_asked_what_the_client_said() -> None:
    sentence = (
        "They wanted someone who had already managed stock for three stores or more, and "
        "your retail experience was mostly in a single shop."
    )
    message = (
        "Hi Dara,\n\nJust a quick note: the client has decided not to go ahead with your "
        f"application for the Area Manager job. {sentence}\n\nThanks,\nNiamh\nSenior "
        "Consultant | Brookfield Recruitment"
    )
    texts = [q.text for q in plan_of(message, reasons=[stated(message, "experience", sentence)])]
    assert texts[0].startswith("Thank you for passing on"), texts
    assert not any("What did they say about" in t for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "point"),
    [
        (
            "Where we struggled a bit was the conversation about costing it.",
            "the conversation about costing",
        ),
        (
            "Where you scored lower was around stakeholder management - the examples were thin.",
            "stakeholder management",
        ),
    ],
)
def test_a_point_that_fell_short_is_read_in_more_words(sentence: str, point: str) -> None:
    assert weak_point(_note(sentence)) == point


def test_a_main_point_that_came_up_is_read() -> None:
    message = _note("The main thing that came up was pace on the tills during the rush.")
    assert main_point(message) == "pace on the tills"


def test_the_senders_own_system_is_said_back_as_theirs() -> None:
    sentence = (
        "We have decided to go with another driver who has experience with the routing app we use."
    )
    message = f"Good afternoon Kwame,\n\nThank you for the interview. {sentence}\n\nMr. Ansah"
    texts = [q.text for q in plan_of(message, reasons=[stated(message, "experience", sentence)])]
    named = [t for t in texts if "routing app" in t]
    assert named and all("app you use" in t for t in named), texts


def test_a_talk_offered_on_a_range_of_days_is_not_asked_which_day() -> None:
    message = _note(
        "Some feedback: your pricing was sound but the method statement was thin. If you'd "
        "like to talk it through, I'm in the office Tue-Thurs."
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_call and ctx.day_named, ctx
    assert "Which day" not in plan_of(message)[-1].text


def _team_letter(body: str) -> str:
    return f"Dear Ola,\n\n{body}\n\nBest wishes,\nGraduate Recruitment Team\nHarlow Water"


def test_an_assessment_centre_is_named_as_the_day_it_was() -> None:
    message = (  # a person's letter: a team's is only thanked (its one question is generic)
        "Dear Ola,\n\nThank you for attending our assessment centre in Reading last week. I'm "
        "sorry to say we are unable to offer you a place on the scheme this year.\n\nBest "
        "wishes,\nDeepa"
    )
    ctx = read_context(message, policy=None)
    assert ctx.stage_variant == "assessment_centre", ctx
    opener = plan_of(message)[0].text
    assert "assessment day" in opener and "interview" not in opener, opener


def test_an_aptitude_test_result_from_a_team_is_asked_about_the_test_briefly() -> None:
    message = _team_letter(
        "We refer to the numerical reasoning test you sat on 4 March. We regret to inform you "
        "that you did not reach the required score, so your application will not go further."
    )
    ctx = read_context(message, policy=None)
    assert ctx.stage == "take_home" and ctx.form_letter, ctx
    texts = [q.text for q in plan_of(message)]
    assert len(texts) <= 2 and all("assessment" in t for t in texts), texts


def test_a_stage_named_for_a_skill_is_no_premise_that_skills_weighed() -> None:
    sentence = "Competency interview: a good start, though the examples were short on results."
    message = _team_letter(f"We will not be taking your application further. {sentence}")
    texts = [q.text for q in plan_of(message, reasons=[stated(message, "skills", sentence)])]
    assert not any("skills weighed" in t or "skills played" in t for t in texts), texts


def test_an_area_named_at_the_start_of_its_sentence_is_asked_by_name(analyzer: Analyzer) -> None:
    message = _team_letter(
        "We will not be taking your application further after the assessment day. "
        "Presentation: clear and confident. The cost model was a bit light - the savings were "
        "not tied back to the figures in the pack."
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert any("the cost model" in t for t in texts), texts
    assert not any("which area" in t for t in texts), texts


def test_thin_feedback_is_no_area_of_the_candidates() -> None:
    message = (
        "Hi Jo,\n\nThe client came back and won't be taking you forward. Feedback was fairly "
        "thin, just that they went with someone with more retail experience.\n\nThanks,\nSam\n"
        "Senior Consultant | Fenwick Talent"
    )
    assert weak_point(message) is None


def test_a_vehicle_the_role_needs_is_outside_the_candidates_control() -> None:
    sentence = (
        "I've gone with a lad whose got his own van and tools as most of the work is out on "
        "the farms and I can't supply a vehicle."
    )
    message = (
        "Hi Rob, thanks for dropping your CV in. "
        f"{sentence} If you sort out transport give us a call, we're flat out till Easter. "
        "Cheers, Des"
    )
    reasons = [stated(message, "logistics", sentence)]
    ctx = read_context(message, policy=None, reasons=reasons)
    assert "transport" in ctx.out_of_control and not ctx.offers_call, ctx
    assert ctx.invited_when == "if I sort out transport", ctx
    texts = [q.text for q in plan_of(message, reasons=reasons)]
    assert not any("application" in t for t in texts), texts


def test_a_team_letters_praise_is_thanked_once() -> None:
    message = (
        "Hi Sol,\n\nThanks so much for speaking with our team about the Platform Engineer role. "
        "We enjoyed learning more about your background. After careful consideration, we've "
        "decided to move forward with other candidates.\n\nBest,\nThe Kitewire Talent Team"
    )
    opener = plan_of(message)[0].text
    assert opener.count("Thank you") == 1, opener


def test_a_yes_to_work_the_sender_will_send_details_of_asks_for_them() -> None:
    message = (
        "Hi Ravi,\n\nThe client has decided to go with someone already in the sector. Would you "
        "be open to a six-month contract in the meantime? Let me know and I can send over the "
        "details.\n\nThanks,\nKim"
    )
    closing = plan_of(message)[-1].text
    assert closing.startswith("Yes") and "send the details" in closing, closing


def test_an_offer_to_be_a_sounding_board_is_taken_up() -> None:
    message = _note("I'd be glad to act as an informal sounding board if that's ever useful.")
    assert read_context(message, policy=None).offers_discuss


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We need a licensed electrician on this one as the lads work alone.", "work"),
        ("We really need someone who's already registered with the council.", "work"),
        ("For this post we do need a full driving licence as the visits are rural.", "work"),
        ("Most of our callers are elderly, so fluent Welsh is essential here.", "language"),
    ],
)
def test_a_licence_or_a_language_the_role_needs_is_thanked_for_not_asked(
    sentence: str, kind: str
) -> None:
    message = f"Hi Cai,\n\nThanks for coming in on Monday. Sorry, {sentence}\n\nDilys"
    ctx = read_context(message, policy=None)
    expected = "language" if kind == "language" else "licence"
    assert expected in ctx.out_of_control, ctx
    texts = [q.text for q in plan_of(message)]
    assert texts[0].startswith("Thank you for being clear about the"), texts
    assert not any("level of Welsh" in t or "Which qualifications" in t for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "We do have bank shifts going at our Elm Road home. If you're interested let me know.",
            "interested in the bank shifts",
        ),
        ("We sometimes need extra hands in the summer, let us know if you're keen.", "summer work"),
        (
            "Can also give you a few weeks labouring on the Mill Lane job if you need it.",
            "labouring work",
        ),
        ("Would you be keen to go on our casual list? Happy to chat about it.", "casual work"),
        (
            "If your after casual hours in the yard meanwhile I might have two days a week.",
            "casual work",
        ),
        (
            "We sometimes need someone on the till for weekend rushes, if that appeals.",
            "weekend work",
        ),
    ],
)
def test_work_offered_in_more_words_is_taken_up_by_name(sentence: str, named: str) -> None:
    message = f"Hi Jo,\n\nThanks for your time. We've gone with someone else. {sentence}\n\nPat"
    closing = plan_of(message)[-1].text
    assert named in closing, closing


def test_a_your_that_means_youre_is_said_back_as_im() -> None:
    message = _note("If your still after work in the new year let me know.")
    assert (
        read_context(message, policy=None).invited_when == "if I'm still after work in the new year"
    )


def test_a_proposal_with_an_aside_in_brackets_is_answered() -> None:
    message = _note(
        "Are you happy for me to keep your CV and put it forward for the next one (I'd always "
        "ask you first)?"
    )
    closing = plan_of(message)[-1].text
    assert closing.startswith("Yes") and "keep my CV" in closing and "(" not in closing, closing


def test_a_question_asked_after_another_request_is_answered() -> None:
    message = _note(
        "Kindly let me know your availability and whether you would like us to keep your "
        "details for the next intake."
    )
    assert "keep my details" in plan_of(message)[-1].text


def test_a_weak_point_listed_under_its_heading_is_read() -> None:
    point = weak_point(_note("What let it down:\n- The estimate for the groundworks."))
    assert point == "the estimate for the groundworks"


def test_a_shortcut_for_a_later_application_is_taken_up() -> None:
    message = _note(
        "If you like, I'm happy to put you straight through to the final interview next time "
        "without redoing the written test. Just drop me a message."
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_fast_track, ctx
    closing = plan_of(message)[-1].text
    assert "straight through" in closing and "call" not in closing, closing


def test_a_draft_says_yes_to_offered_work_in_its_own_paragraph(analyzer: Analyzer) -> None:
    from analyzer.drafts import draft

    message = (
        "Hi Lauren, thanks for coming in to see us. Sadly for the carer role we do need a full "
        "driving licence as the rounds are spread out. We do have bank shifts going at our home "
        "on Elm Road. If you're interested let me know and I can get you booked in.\nKaren"
    )
    body = draft(analyzer.analyze(message)).body
    assert "\n\nYes, I am interested in the bank shifts; thank you for thinking of me." in body
    assert "1. " not in body, body


def test_a_client_not_taking_the_candidate_forward_states_the_decision(
    analyzer: Analyzer,
) -> None:
    message = (
        "Hi Ben,\n\nQuick one: the client won't be taking you forward for the Fleet Manager job, "
        "the budget tops out well below your number. I've got another fleet role with a "
        "haulier near Corby though - are you free for a quick call tomorrow?\n\nCheers,\nMo"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert texts and "call" in texts[-1], texts


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        (
            "There may be an opening at Associate level in our tax team next quarter, if that is "
            "of any interest.",
            "offered_role",
        ),
        ("I'd be glad to connect you with colleagues in the sector.", "offers_introduction"),
    ],
)
def test_roles_and_introductions_offered_in_more_words_are_read(
    sentence: str, reading: str
) -> None:
    assert getattr(read_context(_note(sentence), policy=None), reading)


@pytest.mark.parametrize(
    "sentence",
    [
        "For the route we need someone who can speak fluent Tamil with the owners.",
        "The post requires teaching through Zulu as the language of the classroom.",
    ],
)
def test_a_language_a_role_needs_spoken_is_thanked_for(sentence: str) -> None:
    assert "language" in read_context(_note(sentence), policy=None).out_of_control


def test_consent_asked_for_is_no_invitation_on_a_condition() -> None:
    message = (
        "Dear Pim,\n\nWe have decided not to invite you for an interview. We would like to ask "
        "your permission to keep your details on file for a year. If you agree, please let us "
        "know by replying to this email.\n\nKind regards,\nRecruitment Team"
    )
    ctx = read_context(message, policy=None)
    assert ctx.invited_when is None and ctx.follow_up == "keep_request", ctx
    assert "keep my" in plan_of(message)[-1].text


def test_an_invitation_after_please_do_keeps_its_condition_whole() -> None:
    message = _note("If your plans change please do get back in touch, we'd love to hear from you.")
    assert read_context(message, policy=None).invited_when == "if my plans change"


@pytest.mark.parametrize(
    "sentence",
    [
        "The client won't be progressing, their budget tops out well below your number. Would "
        "you be open to a 3 month contract on a day rate?",
        "We just don't have the budget for a second assistant this year. I'd still love to have "
        "you in for sessions when we get overflow. You cool with that?",
        "One of our part-timers asked to go full time so we've given it to her. Are you "
        "available early mornings (from 6am)? I might be able to offer you some holiday cover.",
        "We need someone with a forklift licence and we can't wait for you to get it sorted. If "
        "we get busy I might call you for some casual days if you're keen?",
    ],
)
def test_a_short_note_with_a_decision_in_other_words_and_an_offer_gets_a_plan(
    analyzer: Analyzer, sentence: str
) -> None:
    message = f"Hi Rowan, thanks for coming by last week. {sentence} Cheers, Dee"
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert texts and not texts[-1].startswith("Which"), texts


@pytest.mark.parametrize(
    ("question", "blank"),
    [
        ("Are you available early mornings (from 6am)?", True),
        ("Are you free for a quick call tomorrow afternoon?", False),
    ],
)
def test_availability_asked_is_answered_with_a_blank_but_a_call_is_accepted(
    question: str, blank: bool
) -> None:
    message = _note(question)
    assert ("[am / am not]" in plan_of(message)[-1].text) is blank

"""The twentieth round's categories: praise said in a manager's own words ("the regulars took to
you", "your answers on safeguarding were clear") is thanked, not asked for again; a trial
shift or a kitchen stage is the stage reached; a time to apply again said as a month, a season
of recruiting or a quarter is taken up, not asked; a bare "Would you be interested?" is
answered with the offer it asks about; more ways to invite contact ("give us a yell", "I'd be
happy to look at you again"), to offer written feedback and to sign as an agency; a second
question joined to a proposal is answered on its own; a list of the role's requirements and a
description of the scoring are no pointers to thank; a written exercise at an assessment
centre is part of the day, not a take-home task; a coffee is accepted once."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planasks import sender_asks, sender_told
from analyzer.plancontext import invites_after_decision, read_context

from .plan_helpers import texts_of


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


@pytest.mark.parametrize(
    "praise",
    [
        "Your answers on safeguarding were really clear.",
        "You had a good understanding of the stock system.",
        "The regulars took to you straight away.",
        "The lads all liked you and you're a good worker.",
        "You kept your section lovely and tidy all night.",
        "The bit of work you did on the skirting was spot on.",
        "The panel liked the way you handled the role play.",
        "We loved your writing samples.",
    ],
)
def test_praise_in_a_managers_own_words_is_read(praise: str) -> None:
    message = (
        f"Hi Sol, thanks for coming in on Friday. {praise} Unfortunately we've gone with "
        "someone who has more experience on the line. All the best, Tamsin"
    )
    assert read_context(message, policy=None).praise is not None


def test_praise_given_is_not_asked_for_again(analyzer: Analyzer) -> None:
    message = (
        "Hi Sol, thanks for coming in on Friday. The regulars took to you straight away. "
        "Unfortunately we've gone with someone who has more experience on the line. All the "
        "best, Tamsin"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert not any("went well in my" in t or "came across well?" in t for t in texts), texts


def test_praise_thanks_are_worded_in_more_than_one_way() -> None:
    openers = set()
    for name in ("Sol", "Ama", "Kit", "Reza", "Bo", "Lin", "Ugo", "Pat"):
        message = (
            f"Hi {name}, thanks for coming in. You came across really well. Sadly the role went "
            "to someone with a forklift ticket. Cheers, Dev"
        )
        openers.add(texts_of(message)[0])
    assert len(openers) > 1, openers


@pytest.mark.parametrize(
    "thanks",
    [
        "Thanks for doing the trial on Sunday.",
        "Thanks for coming in for the stage on Wednesday.",
    ],
)
def test_a_trial_or_a_stage_is_the_stage_reached(thanks: str) -> None:
    message = (
        f"Hey Jo, {thanks} We've gone with someone who's done more fine dining. Good luck, Mick"
    )
    ctx = read_context(message, policy=None)
    assert (ctx.stage, ctx.stage_variant) == ("interviewed", "trial")


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "We take on seasonal pickers from around March each year, so do apply for future "
            "roles then.",
            "from around March",
        ),
        (
            "You are welcome to apply to our next scheme; we recruit from early May.",
            "from early May",
        ),
        ("We may open another slot for illustrators in Q3, so feel free to apply again.", "in Q3"),
    ],
)
def test_a_time_to_apply_again_is_taken_up_not_asked(sentence: str, when: str) -> None:
    message = (
        "Dear Rui, thank you for applying to Kestrel Orchards. We had a strong field and you "
        f"have not been shortlisted this time. {sentence} Kestrel Orchards Recruitment"
    )
    ctx = read_context(message, policy=None)
    assert ctx.timing and ctx.reapply_when == when
    texts = texts_of(message)
    assert not any("When would be a good time" in t for t in texts), texts
    assert any(when in t for t in texts), texts


@pytest.mark.parametrize(
    ("sentence", "location"),
    [
        ("We have received many applications for our location Bremen.", False),
        (
            "We can't offer you the job because you are living in Lagos and the shift starts "
            "at 5am.",
            True,
        ),
        ("We don't have staff transport from your side of town, so it won't work.", True),
    ],
)
def test_location_is_a_reason_only_where_it_is_one(sentence: str, location: bool) -> None:
    message = f"Dear Mr Ade, thank you for your interest. {sentence} Regards, HR"
    ctx = read_context(message, policy=None)
    assert ("location" in ctx.out_of_control) is location


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        (
            "I could give you a couple of shifts on the bar over New Year if you want them. Would "
            "you be interested?",
            "interested in a couple of shifts on the bar over New Year",
        ),
        (
            "We do have relief shifts going at our Ayr branch though. Would you be interested?",
            "interested in the relief shifts",
        ),
        (
            "We do have bank hours on the dementia unit if you'd be keen to get more experience, "
            "let me know.",
            "interested in the bank hours on the dementia unit",
        ),
    ],
)
def test_a_bare_yes_names_the_offer(text: str, yes: str) -> None:
    said = sender_asks(f"Hi Sam, sorry, the post went to someone else. {text} Bev")
    assert said is not None and yes in said, said


def test_a_bare_yes_with_no_offer_before_it_stays_bare() -> None:
    said = sender_asks("Hi Sam, the post went to someone else. Would you be interested? Bev")
    assert said is not None and " in " not in said, said


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        ("If you get your ticket done give us a yell.", "if I get my ticket done"),
        ("If you get yours sorted give us a buzz.", "if I get my CSCS card sorted"),
        (
            "If you can get some time on a till I'd be happy to look at you again.",
            "if I can get some time on a till",
        ),
    ],
)
def test_more_ways_to_invite_contact(sentence: str, when: str) -> None:
    message = f"Alright Kai, we went with a lad who has his CSCS card. {sentence} Cheers, Nev"
    assert read_context(message, policy=None).invited_when == when


def test_an_offer_of_written_feedback_is_read() -> None:
    message = (
        "Dear Ola, you have not been successful on this occasion. If you would like written "
        "feedback on your performance, please reply within four weeks. Early Careers Team"
    )
    assert read_context(message, policy=None).offers_feedback


@pytest.mark.parametrize(
    "line",
    [
        "Priya Nair | Senior Consultant | Fenwick Search",
        "Unfortunately the client has decided to go with an internal candidate.",
    ],
)
def test_an_agency_is_read_from_its_signature_or_its_client(line: str) -> None:
    message = f"Hi Tom, quick update on the analyst role. It has been filled. {line}"
    assert read_context(message, policy=None).agency


def test_an_agency_with_a_filled_role_is_not_asked_where_roles_are_announced() -> None:
    message = (
        "Hi Tom, bad news, the Leeds role has gone to an internal candidate. The same client "
        "have a 6 month contract in York. Would you consider contract? Priya | Senior "
        "Consultant | Fenwick Search"
    )
    texts = texts_of(message)
    assert not any("announced" in t for t in texts), texts


def test_a_second_question_joined_to_a_proposal_is_answered_on_its_own() -> None:
    text = (
        "Hi Meg, the client has a contract in Bristol. Would you consider contract, and is "
        "Bristol doable for you? Raj"
    )
    assert sender_asks(text) == "Yes, I would consider contract. What would the next step be?"
    assert sender_told(text) == "The commute [would / would not] work for me."


def test_a_list_of_the_roles_requirements_is_no_pointers(analyzer: Analyzer) -> None:
    message = (
        "Hi Dale,\n\nThanks for your interest in driving with Ridgeway Haulage.\n\nAfter "
        "reviewing your application, we are unable to move forward. Our minimum requirements "
        "for tanker drivers are:\n- A valid C+E licence\n- 2 years of verifiable tanker "
        "experience in the last 5 years\n- No more than 3 penalty points\n\nYou do not "
        "currently meet the experience requirement.\n\nRidgeway Haulage Recruiting"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert not any("pointers" in t for t in texts), texts


def test_a_written_exercise_at_an_assessment_centre_is_part_of_the_day() -> None:
    message = (
        "Dear Ama, thank you for attending our assessment centre. Each candidate was scored in "
        "the group exercise, the technical interview and the written exercise. You have not "
        "been successful on this occasion. Graduate Recruitment Team"
    )
    ctx = read_context(message, policy=None)
    assert (ctx.stage, ctx.stage_variant) == ("interviewed", "assessment_centre")


def test_a_take_home_written_exercise_is_still_a_take_home() -> None:
    message = (
        "Dear Ama, thank you for completing the written exercise for the policy role. We have "
        "decided not to progress your application. Policy Team"
    )
    assert read_context(message, policy=None).stage == "take_home"


def test_a_coffee_the_sender_proposes_is_accepted_once() -> None:
    message = (
        "Hi Lou, thanks for the case study. We went with someone who has run marketplace ops "
        "before. We're hiring a Partnerships Lead soon though, and I think you'd be great. Would "
        "you be up for a coffee next week to talk about it? Ben"
    )
    closing = texts_of(message)[-1]
    assert closing.count("coffee") == 1, closing


# The second half of the round: what the paired reviews of the first half noted.


@pytest.mark.parametrize(
    "need",
    [
        "Sorry but we need someone who's already Gas Safe registered, we can't carry anyone.",
        "I need guys who have their CSCS card and their own van for the Derby job.",
        "The other candidate had run the new payroll system for longer, and that tipped it.",
    ],
)
def test_a_named_requirement_gets_a_way_back_not_an_interview_question(need: str) -> None:
    message = f"Hi Cal, thanks for coming out to meet us tuesday. {need} Cheers, Gordon"
    ctx = read_context(message, policy=None)
    assert ctx.requirement_named
    texts = texts_of(message)
    assert not any("interview" in t and ("differently" in t or "effectively" in t) for t in texts)


def test_a_decision_that_came_down_to_a_named_experience_builds_on_it() -> None:
    message = (
        "Hi Aoife, we've offered the post to someone else; it came down to experience with "
        "reptiles, which we see a lot of here. Best, Siobhan"
    )
    assert read_context(message, policy=None).basis_named


@pytest.mark.parametrize(
    ("text", "yes"),
    [
        (
            "With your permission I'd like to pass your CV to a colleague at our sister school. "
            "Please let me know if you are comfortable with that.",
            "Yes, I would welcome that",
        ),
        (
            "I'd like to give you proper feedback. Would a short phone call on Monday after 4 "
            "suit?",
            "Yes, I would be glad to make time for a short phone call on Monday after 4.",
        ),
    ],
)
def test_more_questions_that_wait_for_a_yes(text: str, yes: str) -> None:
    said = sender_asks(f"Dear Tom, we have offered the post to another candidate. {text} Claire")
    assert said is not None and said.startswith(yes), said


def test_hit_me_up_invites_contact_on_its_condition() -> None:
    message = "Hey Marcus, we're gonna pass. If you get the OSHA card done hit me up. Rick"
    assert read_context(message, policy=None).invited_when == "if I get the OSHA card done"


def test_an_assessment_centre_letter_in_no_own_voice_is_a_form_letter() -> None:
    message = (
        "Dear Ama, thank you for attending our assessment centre. Unfortunately you have not "
        "been successful on this occasion. We encourage you to apply again next year. "
        "Graduate Recruitment Team"
    )
    assert read_context(message, policy=None).form_letter


def test_a_named_yes_asks_no_next_step_the_sender_gave() -> None:
    said = sender_asks(
        "Hi Grace, we do have casual pool shifts if you'd be keen to get more experience with "
        "us, let me know and I can pass your details on. Tania"
    )
    assert said == "Yes, I am interested in the casual pool shifts; thank you for thinking of me."


def test_consent_to_keep_the_cv_is_answered_before_a_time_to_reapply() -> None:
    message = (
        "Hi Sipho, thanks for interviewing with us. We went with someone who has more "
        "experience with our dispatch system. We'll likely hire again next quarter, so would "
        "you be happy for us to keep your CV on file until then? Regards, Thandi"
    )
    closing = texts_of(message)[-1]
    assert "permission" in closing or "keep" in closing, closing


def test_a_way_back_is_not_added_after_a_question_on_what_fell_short() -> None:
    message = (
        "Hi Ken, thanks for coming in on Monday. I was impressed by your knowledge of school "
        "finance. However, the successful candidate had more experience in managing capital "
        "grants, which was a key requirement for the role. Best, Ruth"
    )
    texts = texts_of(message)
    asked = [t for t in texts if "experience" in t and "?" in t]
    back = [t for t in texts if "requirement" in t]
    assert not (asked and back), texts


def test_consent_to_pass_the_cv_on_is_answered_as_consent() -> None:
    message = (
        "Dear Lindi, we have appointed another candidate. With your permission I would like to "
        "pass your CV on to my colleague Zanele, who is looking for a Youth Facilitator. Please "
        "let me know if you are comfortable with that. Warm regards, Pieter"
    )
    closing = texts_of(message)[-1]
    assert "share my CV" in closing or "pass my CV" in closing, closing


@pytest.mark.parametrize(
    ("then", "follow"),
    [
        ("If so I can get you in front of them this week.", False),
        ("Let me know and I'll put you in touch with our studio manager.", False),
        ("We often need help on social copy.", True),
    ],
)
def test_a_yes_asks_no_next_step_the_sender_says(then: str, follow: bool) -> None:
    said = sender_asks(f"Hi Bea, the role has gone elsewhere. Would you consider freelance? {then}")
    assert said is not None and ("next step" in said) is follow, said


@pytest.mark.parametrize(
    ("sentence", "when"),
    [
        (
            "I need someone whos got their forklift licence already. If you get it sorted give "
            "us a shout.",
            "if I get my forklift licence sorted",
        ),
        (
            "We went with a lad who has a full driving licence. If you fancy it give us a shout "
            "next year.",
            "if I fancy it",
        ),
    ],
)
def test_a_credential_the_condition_obtains_is_named(sentence: str, when: str) -> None:
    message = f"Alright Dan, thanks for coming down Saturday. {sentence} Cheers, Gary"
    assert read_context(message, policy=None).invited_when == when


def test_an_invitation_to_reapply_once_a_requirement_is_met_is_taken_up_on_it() -> None:
    message = (
        "Dear Daniel,\n\nThank you for applying for the Crane Operator position.\n\n"
        "Unfortunately we are unable to progress your application. A valid CPCS card for tower "
        "cranes is an essential requirement for this role.\n\nIf you obtain the relevant card "
        "in future, or if we have misread your application, please feel free to reapply via "
        "our website.\n\nRecruitment Team"
    )
    texts = texts_of(message)
    assert not any("When would be a good time" in t for t in texts), texts
    assert any("requirement" in t for t in texts), texts


# After the last sets: a personal note that turns the candidate down and offers other work in
# the same breath, which the kind model reads as an offer, an invitation or other mail.


@pytest.mark.parametrize(
    "decision",
    [
        "Sorry mate the joinery job at Witham has gone to a lad who's worked for us before.",
        "I'm after taking on a young lad from the village so I'm sorted for lambing.",
        "Your test was good but we are not moving ahead for this one.",
        "We've offered that line to a nurse already on the ward.",
        "They decided to take someone with more pharma experience.",
        "I've decided to go with someone with a bit more pastry experience.",
    ],
)
def test_a_decision_in_a_personal_note_is_read(decision: str) -> None:
    message = (
        f"Hi Kit, thanks for coming up Tuesday. {decision} Would you be interested in some "
        "weekend shifts? Tom"
    )
    assert invites_after_decision(message)


def test_an_offer_to_have_the_candidate_if_they_fancy_it_is_answered() -> None:
    said = sender_asks(
        "Hiya Jo, I've decided to go with someone else for the early shifts, but I'd love to "
        "have you for Sunday brunch if you fancy it? Rach"
    )
    assert said == "Yes, I would be glad for you to have me for Sunday brunch.", said


def test_a_question_after_a_comma_is_read_on_its_own() -> None:
    said = sender_asks(
        "Hi Ciaran, I'm sorted for calving. If your still around I might need someone for the "
        "harvest, would you be interested? John"
    )
    assert said is not None and said.startswith("Yes, I am interested"), said


def test_a_pool_the_sender_would_bring_the_candidate_on_to_is_named() -> None:
    said = sender_asks(
        "Hi Mari, we offered the post to a nurse on the unit. I'd really like to bring you on to "
        "our casual pool though. Would you be interested? Jill"
    )
    assert said is not None and "interested in your casual pool" in said, said


def test_a_named_question_after_a_comma_keeps_the_work_offered_by_name() -> None:
    message = (
        "Hi Jo, thanks for coming in. We went with someone who has run events before. We do "
        "sometimes need casual staff for weddings, would you be interested in being on our list "
        "for that? Sam"
    )
    closing = texts_of(message)[-1]
    assert "for that." not in closing, closing


@pytest.mark.parametrize(
    "decision",
    [
        "The permanent post has gone to one of our casuals who's been with us a while.",
        "The job went to a local lad in the end.",
    ],
)
def test_a_post_gone_to_someone_is_a_decision(decision: str) -> None:
    message = f"Hi Grace, thanks for coming in. {decision} Would you be ok with nights? Lorraine"
    assert invites_after_decision(message)


def test_going_to_a_place_is_no_decision() -> None:
    message = "Hi Grace, I went to the depot on Monday. Would you be ok with nights? Lorraine"
    assert not invites_after_decision(message)

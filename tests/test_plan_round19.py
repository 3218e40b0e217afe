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


# The second half of the round: what the 66th set's notes say in other words.


@pytest.mark.parametrize(
    "need",
    [
        "For this job you need a CSCS card and a full driving licence, as you'll be going "
        "between our sites.",
        "They wanted someone with more time on the warehouse system they use and a reach "
        "truck licence.",
        "For this post we need a pharmacist with full registration as you would be alone on "
        "duty at weekends.",
    ],
)
def test_a_credential_the_sender_names_is_not_asked_about(need: str) -> None:
    message = f"Hi Callum, thanks for sending your CV over. {need} Sorry about that. Stevie"
    assert read_context(message, policy=None).requirement_named
    assert not any("Which qualifications" in t for t in texts_of(message)), texts_of(message)


@pytest.mark.parametrize(
    ("offer", "field", "value"),
    [
        (
            "But if you are interested we can consider you for the Stores Assistant role at our "
            "Klang outlet, let me know.",
            "offered_role",
            "one",
        ),
        (
            "On a positive note I have got temp night shifts at a site in Corby if you want them?",
            "work_offered",
            "temp night shifts",
        ),
        (
            "If you're still around over Easter we sometimes need extra hands, so feel free to "
            "flick me a message in March.",
            "offers_discuss",
            False,
        ),
    ],
)
def test_offers_in_other_words(offer: str, field: str, value: object) -> None:
    message = f"Hi Nurul, thanks for applying. Unfortunately we can't offer you the post. {offer}"
    assert getattr(read_context(message, policy=None), field) == value


def test_work_offered_over_a_holiday_is_named_with_its_capital() -> None:
    message = (
        "Kia ora Lukas, thanks heaps for popping in. Unfortunately your visa finishes in March "
        "and we need someone for a year. If you're still around over Christmas we sometimes need "
        "extra hands, so feel free to flick me a message in December. Cheers, Ana"
    )
    texts = texts_of(message)
    assert any("Christmas work" in t for t in texts), texts
    assert not any("offer to talk" in t or "Which day" in t for t in texts), texts


def test_a_buyout_question_is_answered_with_a_blank() -> None:
    message = (
        "Hi Rohan, we liked your experience. The challenge is your 90 day notice period. Is there "
        "any possibility of early release or buyout from your side? Otherwise we will go ahead "
        "with the other candidate. Regards, Karthik"
    )
    assert any("[can / cannot] release me earlier" in t for t in texts_of(message))


def test_a_role_filled_internally_is_a_decision_whatever_the_kind(analyzer: Analyzer) -> None:
    message = (
        "Hi Olivia, I wanted to reach out personally. We've decided to fill the Category "
        "Manager role internally. I know the head of buying at Marlow Foods and I believe "
        "they're hiring. Would you like me to make an intro? Cheers, Mike"
    )
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert any("introduction" in t for t in texts), texts


def test_what_a_sender_asks_to_be_told_states_no_reason() -> None:
    message = (
        "Dear Mr. Kovalenko, we have decided to continue with another candidate. In March we "
        "plan to open a junior position. Would you be interested? Please let me know also your "
        "notice period and your salary expectations for the junior position. Best regards, HR"
    )
    ctx = read_context(message, policy=None)
    assert "salary" not in ctx.out_of_control and "start" not in ctx.out_of_control
    assert not any("pay range" in t for t in texts_of(message))


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("We're pausing the Head of Sales search until we close our next round.", "withdrawn"),
        ("I'm sorry but I can't offer you the role because of the driving.", "transport"),
        ("We have offered the post to another candidate who is available immediately.", "start"),
    ],
)
def test_reasons_outside_control_in_other_words(sentence: str, kind: str) -> None:
    message = f"Hi Sam, thanks for your time last week. {sentence} All the best, Dan"
    assert kind in read_context(message, policy=None).out_of_control


def test_a_paused_search_with_a_promise_and_a_call_is_thanked_not_asked() -> None:
    message = (
        "Hey Sam, we're pausing the Head of Growth search until we close the next round. If and "
        "when we reopen the search I'd love to pick this back up. Happy to jump on a quick call "
        "this week if you want more context. Best, Dan"
    )
    texts = texts_of(message)
    assert "?" not in texts[0], texts
    assert any("call" in t for t in texts[1:]), texts


def test_an_offer_for_the_candidate_to_visit_is_taken_up_by_name() -> None:
    message = (
        "Dear Amira, thank you for coming in for the Year 3 teacher interview. We appointed a "
        "candidate with more supply experience. I'd be happy for you to come and spend a "
        "morning with our Year 3 team if that would be useful. Warm wishes, Mrs Carr"
    )
    closing = texts_of(message)[-1]
    assert "come and spend a morning with your Year 3 team" in closing, closing


def test_a_named_basis_after_a_duration_keeps_no_unit_of_time() -> None:
    message = (
        "Dear Ms. Santos, we regret to inform you that you were not selected for the position "
        "of Staff Nurse. Priority was given to applicants with at least one (1) year hospital "
        "experience. Very truly yours, Human Resource Department"
    )
    reasons = [stated(message, "experience", "Priority was given to applicants")]
    texts = texts_of(message, reasons=reasons)
    assert not any("year hospital" in t for t in texts), texts


def test_a_certification_given_priority_is_a_named_requirement() -> None:
    message = (
        "Dear Ms. Santos, you were not selected for the position of Staff Nurse. Priority was "
        "given to applicants with valid BLS/ACLS certification. Human Resource Department"
    )
    assert read_context(message, policy=None).requirement_named
    assert not any("Which qualifications" in t for t in texts_of(message))


# The third part of the round: the 67th set's notes.


def test_a_remote_contract_offered_beside_another_condition_is_taken_up() -> None:
    message = (
        "Hi Farhan, thanks for doing the case study. We can't get a work pass approved at the "
        "salary band we have, so we're not able to move ahead. If you'd consider a remote "
        "contract from Penang for a few months, or your situation changes, let me know. Daniel"
    )
    closing = texts_of(message)[-1]
    assert "Yes, I would consider a remote contract from Penang for a few months." in closing


def test_a_figure_above_the_band_is_a_pay_reason_and_movement_gets_a_blank() -> None:
    message = (
        "Hi Aoife, thanks for coming in Tuesday. I'll be straight with you: the figure you "
        "mentioned is a good bit above what we have for the supervisor job. If there's any bit "
        "of movement on your side let me know and I'd love to have another chat. Ciaran"
    )
    ctx = read_context(message, policy=None)
    assert "salary" in ctx.out_of_control
    closing = texts_of(message)[-1]
    assert "[is / is not] flexible" in closing, closing
    assert "other roles" not in closing, closing  # the sender waits for this answer


def test_a_yes_to_lower_pay_is_left_to_the_candidate() -> None:
    message = (
        "Kia ora Sam, the client won't take your profile forward: it's purely on rate. If "
        "you'd be open to coming down a bit for the right role let me know, I've got a couple "
        "of contracts coming up in February. Cheers, Hemi"
    )
    closing = texts_of(message)[-1]
    assert "[am / am not] open to coming down a bit" in closing, closing
    assert "Yes, I would be open to coming down" not in closing


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        (
            "A foundation grant we were counting on didn't come through, so we've had to pause "
            "the Development Associate search.",
            "budget",
        ),
        ("We've had to pause the Development Associate search for now.", "withdrawn"),
    ],
)
def test_a_paused_search_and_a_lost_grant_are_outside_control(sentence: str, kind: str) -> None:
    message = f"Hi Rachel, I wanted to reach out personally. {sentence} Best, Karen"
    assert kind in read_context(message, policy=None).out_of_control


def test_an_offered_introduction_comes_before_the_door_kept_open() -> None:
    message = (
        "Hi Rachel, a grant we were counting on didn't come through, so we've had to pause the "
        "Development Associate search. My friend runs a literacy charity that is hiring; I'd be "
        "glad to make an intro if you're interested. Best, Karen"
    )
    assert any("introduction" in t for t in texts_of(message)), texts_of(message)


def test_ringing_the_office_is_a_call_the_candidate_makes() -> None:
    message = (
        "Dear Ms Okafor, we have decided to appoint an internal candidate. If you would find it "
        "helpful I'm happy to give you fuller feedback over the phone - just ring the school "
        "office and ask them to put you through. Best wishes, Mrs Marsh"
    )
    assert read_context(message, policy=None).call_me


def test_get_back_to_me_once_you_have_it_is_the_condition_without_the_senders_part() -> None:
    message = (
        "Hey Tyler, problem is we need everyone to have their Working at Heights card before "
        "they set foot on site. Get back to me once you've got the card and I'll see where "
        "we're at. Dave"
    )
    assert read_context(message, policy=None).invited_when == "once I've got the card"


def test_a_weekend_rota_offered_if_it_is_any_use_gets_a_yes() -> None:
    message = (
        "hi Priya thanks for coming in for the trial shift. the job we are hiring for is the "
        "opening shift and you cant do before 9 so I dont think it will work. I do need someone "
        "for weekends though, if thats any use to you I could put you on the rota from next "
        "week. let me know either way? Mark"
    )
    closing = texts_of(message)[-1]
    assert "put me on the rota from next week" in closing, closing


def test_we_will_get_back_to_you_once_is_no_invitation() -> None:
    message = (
        "Dear Jo, we were not able to progress your application. We will get back to you once "
        "you have completed the online form. Recruitment Team"
    )
    assert read_context(message, policy=None).invited_when is None


# The fourth part of the round: the 68th set's notes, many of them offers read as invitations.


@pytest.mark.parametrize(
    "message",
    [
        "Hi Liam, thanks for getting in touch about the farm job. We've ended up going with a "
        "local guy who's done two seasons, sorry. We're always short over calving though. Would "
        "you be keen on relief milking in August? Let me know. Cheers, Bruce",
        "Hiya Ellie, thanks for doing the trial. I need someone for Friday closes and you have "
        "exams, so I don't think it's going to work for this one. Would you be up for a couple "
        "of weekday lunch shifts instead? Let me know either way. Rhona",
    ],
)
def test_a_note_that_offers_other_work_after_its_decision_gets_a_plan(
    analyzer: Analyzer, message: str
) -> None:
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert texts and texts[-1].startswith("Yes, I would be"), texts


def test_would_you_be_available_is_answered_with_a_blank() -> None:
    message = (
        "Dear Mr. Otieno, we regret that the Chemistry position has been filled by a teacher "
        "already on our staff. However, we will need a part-time Mathematics teacher from "
        "January. Would you be available three mornings a week? Kindly let me know by Friday."
    )
    assert any(
        "[would / would not] be available three mornings a week" in t for t in texts_of(message)
    )


def test_open_for_that_after_lower_pay_is_left_to_the_candidate() -> None:
    message = (
        "Hi Rohit, for this position we need someone who is strong in motion design, so we will "
        "not take this forward. We may be having a junior designer opening next month. The CTC "
        "would be lower than what you had mentioned though. Will you be open for that? Pls "
        "revert. Shruti"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offered_role == "one" and ctx.requirement_named
    closing = texts_of(message)[-1]
    assert "[would / would not] be open to that" in closing, closing


@pytest.mark.parametrize(
    ("sentence", "field", "value"),
    [
        (
            "If you want some labouring/second fix work while you finish your course give me a "
            "ring.",
            "work_offered",
            "labouring",
        ),
        (
            "I would encourage you to remain on our Occasional Teacher list.",
            "work_offered",
            "occasional",
        ),
        (
            "If you'd be open to it, we could use help on the launch on a contract basis.",
            "work_offered",
            "contract",
        ),
        (
            "If you would like us to keep your details for one year, please let us know.",
            "follow_up",
            "keep_request",
        ),
    ],
)
def test_offers_of_the_68th_set(sentence: str, field: str, value: str) -> None:
    message = f"Hi Dean, thanks for coming in. We have decided not to offer you the job. {sentence}"
    assert getattr(read_context(message, policy=None), field) == value


def test_a_data_retention_line_about_a_filled_vacancy_states_no_reason() -> None:
    message = (
        "Dear Tom, we have decided not to invite you for an interview. We will delete your data "
        "four weeks after the vacancy has been filled. Kind regards, Recruitment Team"
    )
    assert "filled_internally" not in read_context(message, policy=None).out_of_control


# The last part of the round: the 65th and 66th sets' recruiters.


def test_a_figure_with_a_decimal_point_ends_no_question() -> None:
    message = (
        "Hi Wei Ling, the client went with another candidate whose expected salary is lower. "
        "Just to check, would you be open to roles around $6.5k? I have a couple of SMEs "
        "hiring. Let me know. Jasmine"
    )
    closing = texts_of(message)[-1]
    assert "I [am / am not] open to roles around $6.5k." in closing, closing


def test_work_said_yes_to_is_not_taken_up_twice() -> None:
    message = (
        "Hi Sophie, the client has gone with an internal candidate. I've got a 3 month "
        "contract with a housing association in Wakefield. Would you be open to contract? If so "
        "what day rate would you be looking for? Give me a ring when you get a chance. Ryan"
    )
    closing = texts_of(message)[-1]
    assert closing.count("contract") == 1, closing


def test_a_paused_interim_hire_with_a_frozen_budget_is_a_decision(analyzer: Analyzer) -> None:
    message = (
        "Hi Gemma, quick update on the interim at the housing association: they've put it on "
        "hold. Budget's been frozen until the new financial year and they've paused all their "
        "interim hires. I have got another one that might suit though, a 6 month FTC in Stoke. "
        "What's your notice at the moment? Give me a ring when you're free. Jamie"
    )
    ctx = read_context(message, policy=None)
    assert {"budget", "withdrawn"} <= ctx.out_of_control and ctx.offered_role == "one"
    texts = [q.text for q in analyzer.analyze(message).questions]
    assert any("notice period is [" in t for t in texts), texts

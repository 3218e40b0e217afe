"""Faults a blind review of made-up rejections named, as categories with made-up messages:
questions sent to mail that went to many applicants; closing questions that ask a recruitment
agency when to apply again with it; a note's main point thanked without being named; a role
read from a heading in capitals, or from the other role a recruiter offers; an impression
about a commute asked as if it were about the candidate; a decision relayed with no "I"."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planbases import main_point
from analyzer.planclosing import forward_question, reapplies
from analyzer.plancontext import read_context
from analyzer.render.plan import plan_notes

from .plan_helpers import found, plan_of, stated, texts_of

# 1. Mail sent to many applicants: a short plan ---------------------------------------------

MASS = (
    "Dear Applicant,\n\nThank you for applying for the post of Stores Clerk. {line} We regret "
    "that your application was not successful on this occasion.\n\nHuman Resources"
)


@pytest.mark.parametrize(
    "line",
    [
        "Please note that only shortlisted candidates will be contacted.",
        "We received more than 900 applications for this vacancy.",
        "The advert drew an overwhelming response.",
    ],
)
def test_mail_sent_to_many_applicants_gets_the_short_plan(line: str) -> None:
    message = MASS.format(line=line)
    assert read_context(message, policy=None).auto_reply
    report = Analyzer().analyze(message)
    assert report.kind.label == "rejection"
    assert 1 <= len(report.questions) <= 2
    assert any("mass-sent" in note for note in plan_notes(report))


def test_not_replying_individually_marks_mail_sent_to_many() -> None:
    line = "We are not always able to respond to every applicant individually."
    assert read_context(MASS.format(line=line), policy=None).auto_reply


def test_an_unfilled_merge_field_marks_mail_sent_to_many() -> None:
    message = (
        "Hello {{candidate.first_name}},\nThank you for applying for the Barista role. We have "
        "decided not to move forward with your application.\nThe Hiring Team"
    )
    assert read_context(message, policy=None).auto_reply


def test_a_person_who_mentions_many_applicants_keeps_a_full_plan() -> None:
    message = (
        "Hi Dana,\nWe received over 300 applications, and I wanted to write to you myself. We "
        "went with a candidate whose experience was a closer match for the role. I'd be happy "
        "to talk it through if useful.\nBest,\nOwen"
    )
    assert not read_context(message, policy=None).auto_reply


# 2. Recruitment agencies: no "apply again with you" ----------------------------------------


@pytest.mark.parametrize(
    "question, expected",
    [
        ("How soon would it make sense for me to apply for a similar role with you again?", True),
        ("Once I have worked on these points, when would it make sense to apply again?", True),
        ("What would you suggest I strengthen first before applying for a similar role?", False),
        ("Which kinds of roles would you suggest we look at next?", False),
    ],
)
def test_reapply_questions_are_recognised(question: str, expected: bool) -> None:
    assert reapplies(question) is expected


AGENCY_FORM = (
    "Dear Candidate,\nThank you for applying for the Accounts Assistant role via Marlow Grey "
    "Recruitment. Unfortunately your application has not been successful on this occasion.\n"
    "Kind regards\nMarlow Grey Recruitment"
)
AGENCY_NOTE = (
    "Hi Sam,\nI've heard back from the client on the Buyer role and they've gone with another "
    "candidate whose experience was a closer match. Sorry it isn't better news.\nThanks,\nLiz "
    "Harper\nSenior Consultant | Northgate Search Partners"
)


@pytest.mark.parametrize("message", [AGENCY_FORM, AGENCY_NOTE])
def test_no_closing_question_asks_an_agency_when_to_apply_again(message: str) -> None:
    ctx = read_context(message, policy=None)
    assert ctx.agency
    texts = [q.text for q in Analyzer().analyze(message).questions]
    assert texts and not any(reapplies(t) for t in texts)


def test_an_agency_note_is_asked_which_roles_to_look_at_next() -> None:
    ctx = read_context(AGENCY_NOTE, policy=None)
    closing = forward_question(ctx, 0, [])
    assert closing is not None and "roles" in closing and not reapplies(closing)


def test_an_employer_is_no_agency() -> None:
    message = (
        "Dear Priya,\nThank you for applying for the Buyer role. We have decided to move "
        "forward with candidates whose experience more closely matches our needs.\nTalent Team"
    )
    assert not read_context(message, policy=None).agency


# 3. A note's main point, named ------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, point",
    [
        ("The main thing was pace, really.", "pace"),
        ("The biggest gap for us was the design exercise.", "the design exercise"),
        (
            "In the end it came down to your client presentation skills.",
            "client presentation skills",
        ),
        (
            "They hired someone with more warehouse systems experience, which was the deciding "
            "factor.",
            "more warehouse systems experience",
        ),
        ("It came down to salary in the end.", None),  # outside the candidate's control
        ("The main reason is that we need someone here on Mondays.", None),  # a clause
        ("The main thing was the 3 questions you skipped.", None),  # a number
    ],
)
def test_the_main_point_is_read_in_the_notes_own_words(sentence: str, point: str | None) -> None:
    assert main_point(f"Hi Ana, thanks for the interview. {sentence} Best, Tom") == point


NAMED = (
    "Hi Ana,\nThanks for coming in for the trial day for the Line Cook job. I'm afraid we're not "
    "offering you the position. Your prep was tidy and you were great with the team. {sentence} "
    "When the orders came in fast you fell behind on plating, and two dishes went back.\n"
    "Best,\nTom"
)


def test_the_thank_you_names_the_main_point() -> None:
    texts = texts_of(NAMED.format(sentence="The main thing was pace, really."))
    assert "pace" in texts[0] and "main point you raised" not in texts[0]


def test_a_main_point_that_is_experience_is_asked_where_to_gain_it() -> None:
    sentence = "The main thing was more line-cook experience, which we need right now."
    message = NAMED.format(sentence=sentence)
    texts = texts_of(message)
    assert "more line-cook experience" in texts[0]
    assert "gain" in texts[0] or "build it up" in texts[0]


def test_a_main_point_outside_the_candidates_control_is_not_named() -> None:
    message = NAMED.format(sentence="The main thing was the commute, honestly.")
    assert read_context(message, policy=None).out_of_control
    assert "commute" not in texts_of(message)[0]


# 4. The role a question names ---------------------------------------------------------------


def test_a_role_in_capitals_from_a_heading_is_not_repeated() -> None:
    message = (
        "Dear Applicant\nAPPLICATION FOR THE POSITION OF FLEET COORDINATOR: NORTH (REF 22/9)\n"
        "Your application was unsuccessful. We wish you well.\nHuman Resources"
    )
    assert read_context(message, policy=None).role is None


def test_the_role_a_recruiter_offers_is_not_the_role_applied_for() -> None:
    message = (
        "Hi Chris,\nHad feedback from Pennant Foods this morning and they've gone with someone "
        "else. I've got a Production Planner role in York that might suit you, fancy a chat?\nDan"
    )
    ctx = read_context(message, policy=None)
    assert ctx.relayed and ctx.other_role == "Production Planner"
    assert ctx.role is None


# 5. An impression about logistics is not about the candidate ------------------------------


def test_an_impression_about_a_commute_is_not_asked_as_a_gap() -> None:
    message = (
        "Hi Chris,\nThey liked your CV, but they weren't convinced the commute from Hull would "
        "work long term. Sorry it's not better news.\nDan"
    )
    ctx = read_context(message, policy=None)
    assert "location" in ctx.out_of_control
    texts = texts_of(message, [found(message, "weren't convinced", "subjective_impression")])
    assert not any("convinc" in t or "impression" in t for t in texts)


# 6. Stages, praise and offers in more words ------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Thank you for taking the time to meet with us about the Store Manager post.",
        "Thanks for coming in on Tuesday.",
    ],
)
def test_a_meeting_is_an_interview_held(sentence: str) -> None:
    message = f"Dear Li,\n{sentence} We have decided to offer the post to someone else.\nHR"
    assert read_context(message, policy=None).stage == "interviewed"


def test_one_panel_is_one_interview() -> None:
    message = (
        "Dear Sam,\nThank you for attending the interview for the Ward Clerk post. The panel "
        "was impressed by all candidates, but you have not been selected.\nRecruitment"
    )
    ctx = read_context(message, policy=None)
    assert ctx.stage == "interviewed" and not ctx.several_interviews


def test_praise_of_a_named_background_is_built_on() -> None:
    message = (
        "Dear Ola,\nThank you for meeting with us. We offered the post to a candidate with more "
        "fieldwork experience. I thought your statistical background was strong, though.\nAnn"
    )
    assert read_context(message, policy=None).praise == ("strong", "background")


@pytest.mark.parametrize(
    "sentence, offer",
    [
        ("Would you like me to put your profile forward for the Analyst role instead?", "put"),
        ("I've mentioned you to my colleague Raj, who is hiring next month.", "intro"),
    ],
)
def test_offers_in_more_words(sentence: str, offer: str) -> None:
    message = f"Hi Jo,\nWe went with another candidate for the Buyer role. {sentence}\nBest,\nKim"
    ctx = read_context(message, policy=None)
    assert ctx.put_forward if offer == "put" else ctx.offers_introduction


def test_feedback_shared_in_the_note_is_not_an_offer_still_open() -> None:
    message = (
        "Hi Dan,\nThanks for your note. Happy to share some feedback - I've talked to the panel. "
        "Your case study was clear and well structured. Where others were stronger was "
        "prioritisation: your plan stayed high-level when we asked what you would do first.\n"
        "Best,\nSophie"
    )
    ctx = read_context(message, policy=None)
    assert ctx.feedback_given
    assert not texts_of(message)[0].startswith("I would be glad to take up your offer")


# 7. The ninth set's categories -------------------------------------------------------------


def test_no_closing_question_asks_when_to_apply_again_unprompted() -> None:
    message = (
        "Dear Sam,\nThank you for applying for the Fundraising Officer role. We received many "
        "strong applications and will not be taking yours forward, as others matched the role "
        "more closely.\nThe People Team"
    )
    found_ = [found(message, "matched the role more closely", "unanchored_comparison")]
    texts = texts_of(message, found_)
    assert texts and not any(reapplies(t) for t in texts)


@pytest.mark.parametrize(
    "sentence, stage",
    [
        ("Thanks again for taking the time to chat with me on Thursday.", "screened"),
        ("Thanks for spending time with us over the last couple of weeks.", "interviewed"),
        ("They felt the SQL round was not up to the mark.", "interviewed"),
        ("Thank you for attending our Assessment Centre on 14 March.", "interviewed"),
        ("Thank you for taking the time to interview with us.", "interviewed"),
        ("We would like to invite you to interview with us next week.", "applied"),
    ],
)
def test_stages_in_the_ninth_sets_words(sentence: str, stage: str) -> None:
    assert read_context(f"Hi Kai,\n{sentence}\nBest,\nJo", policy=None).stage == stage


def test_a_call_from_the_client_is_a_relayed_decision() -> None:
    message = "Hey Jess,\nHad a call from the client this afternoon: they've gone with the other "
    message += "candidate for the payroll role.\nMel"
    assert read_context(message, policy=None).relayed


@pytest.mark.parametrize(
    "sentence",
    [
        "They're really looking for someone who's been through an FDA audit directly.",
        "In the end it was them having run a larger team before that decided it.",
        "They went with someone who has a bit more experience partnering with sales teams.",
    ],
)
def test_experience_the_message_describes_is_not_asked_which_kind(sentence: str) -> None:
    message = f"Hi Ciara,\nThanks for your time on the phone. {sentence}\nKind regards,\nNiamh"
    ctx = read_context(message, policy=None, reasons=[stated(message, "experience", sentence)])
    assert ctx.basis_named
    texts = texts_of(message, reasons=[stated(message, "experience", sentence)])
    assert not any("which kind of experience" in t or "what kind of experience" in t for t in texts)
    assert any(
        t.startswith(
            (
                "Since the experience you mentioned",
                "As the experience you mentioned",
                "Since experience",
            )
        )
        or t.startswith(("As you were looking for someone", "Since the role called for someone"))
        for t in texts
    )


@pytest.mark.parametrize(
    "sentence, closing",
    [
        ("I've got another EA opening downtown, can I send over the details?", "other opening"),
        ("I will share your profile for the other opening in Pune.", "other opening"),
        ("We've a few validation roles coming up in Cork this summer.", "validation roles in Cork"),
    ],
)
def test_an_opening_in_hand_is_taken_up(sentence: str, closing: str) -> None:
    message = f"Hi Tanya,\nThe client went with an internal candidate. {sentence}\nThanks,\nGreg"
    ctx = read_context(message, policy=None)
    assert ctx.offered_role is not None
    question = forward_question(ctx, 0, [])
    assert question is not None and closing in question


def test_after_a_gap_only_a_person_who_invites_questions_is_asked_where_they_see_me() -> None:
    body = (
        "Thank you for applying for the Tram Planner role. We went with applicants whose "
        "experience more closely matched the brief."
    )
    form, note = f"Dear Applicant,\n{body}\nThe Talent Team", f"Hi Jo,\n{body}\nBest,\nPriya"
    inviting = note.replace("\nBest", " Happy to answer any questions.\nBest")
    form_findings = [found(form, "more closely matched", "unanchored_comparison")]
    assert [q.purpose for q in plan_of(form, form_findings)][-1] == "clarify"
    findings = [found(note, "more closely matched", "unanchored_comparison")]
    assert [q.purpose for q in plan_of(note, findings)][-1] == "clarify"  # (fifteenth round)
    findings = [found(inviting, "more closely matched", "unanchored_comparison")]
    closing = texts_of(inviting, findings, policy="invites")[-1]
    assert any(e in closing for e in ("see me", "next")) and not reapplies(closing)


# 8. The tenth set's categories -------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "We went with someone who's spent more time in B2B fintech, which is where we're headed.",
        "We're looking for someone who's sold into mid-market healthcare before.",
        "The deciding factor was experience in a unionized environment.",
    ],
)
def test_more_ways_of_describing_the_experience_that_decided(sentence: str) -> None:
    message = f"Hi Sam,\nThanks for the chat last week. {sentence}\nBest,\nNate"
    ctx = read_context(message, policy=None, reasons=[stated(message, "experience", sentence)])
    assert ctx.basis_named


def test_the_hires_pronoun_is_not_put_in_the_candidates_mouth() -> None:
    sentence = "They went with a candidate who had a bit more experience running her own caseload."
    message = f"Hi Rachel,\nNot good news, I'm afraid. {sentence}\nThanks,\nSophie"
    texts = texts_of(message, reasons=[stated(message, "experience", sentence)])
    assert texts and not any(" her " in f" {t} " for t in texts)


def test_a_decision_that_is_no_reflection_on_the_candidate_states_no_experience_reason() -> None:
    sentence = "This decision isn't always a reflection of your skills or experience."
    message = f"Hi Alex,\nWe've decided not to move forward at this time. {sentence}\nThe Team"
    ctx = read_context(message, policy=None, reasons=[stated(message, "experience", sentence)])
    assert "experience" not in ctx.stated
    assert "not_personal" in ctx.out_of_control


def test_not_replying_to_every_applicant_individually_declines_feedback() -> None:
    message = (
        "Dear Kieran,\nYour application has not been successful. We are unable to respond to "
        "every applicant individually.\nRecruitment Team"
    )
    ctx = read_context(message, policy=None)
    texts = texts_of(message)
    assert ctx.declines and len(texts) <= 1 and not any(t.endswith("?") for t in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll give you a bell on Monday to talk it over.",
        "I'd value the chance to speak properly next week. Would Tuesday or Wednesday work?",
        "If you're open to it, I'd like to set up 15 minutes to pass on the panel's feedback. "
        "Friday for a quick call?",
    ],
)
def test_a_call_on_a_named_day_is_accepted_without_asking_which_day(sentence: str) -> None:
    message = f"Hi Cat,\nThe board appointed the other candidate. {sentence}\nRichard"
    ctx = read_context(message, policy=None)
    assert ctx.offers_call and ctx.day_named
    closing = forward_question(ctx, 0, [])
    assert closing is not None and "day" not in closing and "send a few times" not in closing


def test_a_recruiting_team_named_in_a_managers_note_is_no_team_signature() -> None:
    message = (
        "Hi Greg,\nI wanted to write to you myself rather than have this come through the "
        "recruiting team. We've decided to make an offer to another candidate.\n\n"
        "All the best,\nNaomi Feld\nHead of Product, Quillmark"
    )
    assert not read_context(message, policy=None).team_signed
    signed = message.replace("Naomi Feld\nHead of Product, Quillmark", "The Recruiting Team")
    assert read_context(signed, policy=None).team_signed


@pytest.mark.parametrize(
    "lead",
    [
        "You asked at the end of your interview if I'd share feedback either way, so here goes.",
        "I know you asked for specifics, so I've pulled together the panel's notes.",
    ],
)
def test_a_note_that_answers_a_request_in_other_words_is_feedback_given(lead: str) -> None:
    message = f"Hi Rafael,\nWe're not going to extend an offer. {lead}\nCheers,\nMei"
    assert read_context(message, policy=None).feedback_given


def test_an_offer_to_be_considered_for_another_role_is_taken_up() -> None:
    message = (
        "Hi Rafael,\nWe're not going to extend an offer. If you'd like to be considered for a "
        "mid-level role I'd be happy to talk to our recruiter about it.\nCheers,\nMei"
    )
    ctx = read_context(message, policy=None)
    assert ctx.offered_role == "one"


# 9. The eleventh set's categories ----------------------------------------------------------


def test_a_recruiter_relaying_a_decision_is_not_thanked_for_detailed_feedback() -> None:
    message = (
        "Hi Rahul,\nThis is to update you that the client has decided not to move ahead with "
        "your profile for the Java Developer position. They are looking for someone with "
        "stronger hands-on experience in Spring Boot microservices.\nThanks & Regards,\nAnjali"
    )
    texts = [q.text for q in Analyzer().analyze(message).questions]
    assert texts and not any(t.startswith("Thank you for such") for t in texts)
    assert not any("pointers" in t for t in texts)  # the decision is no piece of advice


def test_a_modifier_with_a_digit_is_kept_with_the_named_experience() -> None:
    sentence = "We've decided to go with someone who has more B2B SaaS experience."
    message = f"Hi Priya,\nThanks for the chat last Tuesday. {sentence}\nBest,\nGreg"
    texts = texts_of(message, reasons=[stated(message, "experience", sentence)])
    assert any("B2B SaaS experience" in t for t in texts)


def test_a_comparison_in_a_sentence_about_a_future_role_gets_no_question() -> None:
    message = (
        "Hi Priya,\nWe went with another candidate. I'll reach out if something more "
        "consumer-focused opens up on our side.\nBest,\nGreg"
    )
    texts = texts_of(message, [found(message, "more consumer", "unanchored_comparison")])
    assert not any("closely" in t or "closer" in t or "matched" in t for t in texts)


@pytest.mark.parametrize(
    "sentence",
    [
        "We've got a Project Coordinator opening in our Ottawa office in the spring.",
        "We're hoping to add a content role later in the year.",
    ],
)
def test_openings_in_hand_in_more_words(sentence: str) -> None:
    message = f"Hi Sam,\nWe went with another candidate. {sentence}\nKind regards,\nMelissa"
    assert read_context(message, policy=None).offered_role == "one"


@pytest.mark.parametrize(
    ("sentence", "taken_up"),
    [  # a person named by role gives it: the plan says the candidate will contact them
        (
            "Should you wish to receive feedback, please contact the panel convenor within 14 "
            "days.",
            "the panel convenor",
        ),
        (
            "Should you wish to request feedback, please do so in writing within 5 working days.",
            "I would be glad to take up",
        ),
    ],
)
def test_a_formal_feedback_route_is_an_offer_of_feedback(sentence: str, taken_up: str) -> None:
    message = f"Dear Emily,\nYour application has been unsuccessful. {sentence}\nRecruitment"
    assert read_context(message, policy="invites").offers_feedback
    assert any(taken_up in t for t in texts_of(message, policy="invites"))

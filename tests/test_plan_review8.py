"""Faults the blind reviews of made-up personal notes named, as categories with made-up
messages: questions sent to an address nobody reads; a detailed note re-asked what it said;
interviews in other words read as a bare application; a comparison whose experience is named
right after it asked "which kind of experience"; a need stated in the same sentence re-asked;
reasons that say the decision is not about the candidate, a pay band or a visa answered with
"which other roles"; the closing question asked when the message says when it will reconnect."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.plancontext import read_context, stage_of
from analyzer.planwords import plan_settings
from analyzer.render.plan import plan_notes

from .plan_helpers import found, plan_of, stated, texts_of

# 1. Nobody reads replies: no questions ----------------------------------------------------


def test_a_do_not_reply_rejection_gets_a_note_and_a_plain_draft() -> None:
    from analyzer.drafts import draft

    message = (
        "Hi Candidate, thank you for applying for the Shelf Stacker role. We have decided to "
        "move forward with other applicants. This is an automated message, please do not reply "
        "to this email.\nRecruiting Team"
    )
    report = Analyzer().analyze(message)
    assert report.kind.label == "rejection"
    assert report.questions == ()
    assert plan_notes(report)[0].startswith("This message comes from an address that nobody")
    body = draft(report).body
    assert "1." not in body  # a general request, no numbered questions to an unread address
    greeting = body.splitlines()[0]  # greets the named contact to write to, a blank
    assert "Recruiting Team" not in greeting and "[" in greeting


# 2. A person's detailed note: thanked, asked which point matters most ----------------------

NOTE = (
    "Hi Rowan, thanks for the two interviews for the Analyst role. {lead} Your modelling was "
    "solid and your SQL exercise was quick and clean. Where we needed more was stakeholder "
    "work: your examples stayed inside the data team. I'd also practise presenting a "
    "recommendation in two minutes. Best, Ines"
)


@pytest.mark.parametrize(
    "lead",
    [
        "You asked for feedback, so here goes.",
        "Since you asked, I wanted to pass on the panel's view.",
        "Here are a few points from the panel.",
    ],
)
def test_a_note_that_answers_a_request_for_feedback_is_thanked_not_re_asked(lead: str) -> None:
    message = NOTE.format(lead=lead)
    ctx = read_context(message, policy="invites")
    assert ctx.feedback_given and ctx.own_voice
    texts = texts_of(message, policy="invites")
    assert texts[0].startswith("Thank you for")
    assert not any(t.startswith("Thank you for being open to questions") for t in texts)
    assert not any("do well" in t or "came closest" in t for t in texts)


def test_several_concrete_points_in_a_persons_note_count_as_feedback(
    rules_only: Analyzer,
) -> None:
    message = NOTE.format(lead="We have decided not to offer you the role.")
    report = rules_only.analyze(message)
    if len(report.specific_feedback) < 2:
        pytest.skip("the concreteness model reads fewer than two points here")
    assert report.questions[0].text.startswith("Thank you for")


def test_a_form_letter_with_points_keeps_its_own_opener() -> None:
    # no writer speaking as themself: the feedback-note opener is for a person's note
    message = (
        "Dear Applicant, thank you for applying. Unfortunately your application was not "
        "successful. Our assessment is based on the criteria in the advert. Recruitment Team"
    )
    ctx = read_context(message, policy=None)
    assert not ctx.own_voice and not ctx.feedback_given


# 3. Stages in other words -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Thank you for coming in last week to meet Priya and the team.", "interviewed"),
        ("I have had feedback following your second-round interview.", "interviewed"),
        ("Thanks for going through all three rounds with us.", "interviewed"),
        ("Thank you for the interview on Tuesday.", "interviewed"),
        ("Thanks for the conversations so far about the role.", "screened"),
        ("Thank you for attending an interview for the above position.", "interviewed"),
        ("Thank you for the pleasant interview for the Analyst position.", "interviewed"),
        ("Thanks so much for spending the day with the team last week.", "interviewed"),
        ("Thank you for taking the time to speak with our team.", "screened"),
        ("Thank you for completing the art test for the Artist role.", "take_home"),
        ("We were not able to select you for an interview.", "applied"),
        ("You have not been shortlisted for interview.", "applied"),
    ],
)
def test_stages_in_other_words(sentence: str, stage: str) -> None:
    assert stage_of(sentence) == stage


def test_no_shortlist_after_an_interview() -> None:
    message = (
        "Hi Ola, thanks so much for your time on Monday, it was great to meet you. We've decided "
        "to go with someone else for this one. Best, Priyanka"
    )
    texts = texts_of(message)
    assert read_context(message, policy=None).interviewed
    assert not any("shortlist" in t for t in texts)


# 4. A comparison whose experience is named right after it -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "phrase", "named"),
    [
        (
            "We offered the role to someone with slightly more experience running "
            "multi-site teams.",
            "slightly more experience",
            "experience running multi-site teams",
        ),
        (
            "We felt another candidate had more relevant experience with payroll audits.",
            "more relevant experience",
            "relevant experience with payroll audits",
        ),
        (
            "The other applicant had more hands-on experience in commercial fit-outs than you.",
            "more hands-on experience",
            "hands-on experience in commercial fit-outs",
        ),
    ],
)
def test_a_named_experience_is_built_on_not_asked_which_kind(
    sentence: str, phrase: str, named: str
) -> None:
    message = f"Hi Sam, thank you for interviewing with us. {sentence} Kind regards, Jo"
    findings = [found(message, phrase, "unspecified_gap")]
    reasons = [stated(message, "experience", sentence)]
    texts = texts_of(message, findings, reasons=reasons)
    ways = plan_settings()["named_basis"]["questions"]["experience"]
    assert any(named in t and any(w in t for w in ways) for t in texts), texts
    assert not any("which kind of experience" in t or "what kind of experience" in t for t in texts)
    assert not any(f'"{phrase}"' in t for t in texts)


def test_experience_of_the_kind_we_need_is_no_named_basis() -> None:
    # "experience of the kind we need" names no kind of experience: nothing is built on it
    message = "Hi Sam, we chose someone with more experience of retail banking. Regards, Jo"
    assert read_context(message, policy=None).basis_named
    other = "Hi Sam, we chose someone with more experience of the kind we need. Regards, Jo"
    assert not read_context(other, policy=None).basis_named


@pytest.mark.parametrize(
    "sentence",
    [
        "They went with someone further along, as they need someone who can lead the team "
        "from day one.",
        "We went another way because we need someone who already holds a site licence.",
    ],
)
def test_a_need_stated_in_the_sentence_is_a_named_requirement(sentence: str) -> None:
    message = f"Hi Sam, thanks for your interview. {sentence} Best, Lukas"
    ctx = read_context(message, policy=None)
    assert ctx.requirement_named
    reasons = [stated(message, "experience", sentence)]
    texts = texts_of(message, reasons=reasons)
    assert not any("which kind of experience" in t for t in texts), texts


# 5. Reasons that leave nothing to strengthen -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("This decision is no reflection of your qualifications.", "not_personal"),
        ("This is purely an administrative constraint.", "not_personal"),
        ("The compensation you're looking for is above the approved band.", "salary"),
        ("Your salary expectations are outside what we can offer.", "salary"),
    ],
)
def test_reasons_outside_the_candidates_control(sentence: str, kind: str) -> None:
    message = f"Thank you for applying for the Clerk role. We will not proceed. {sentence}"
    ctx = read_context(message, policy=None)
    assert kind in ctx.out_of_control
    texts = texts_of(message)
    assert not any("stronger" in t or "requirement" in t for t in texts), texts


def test_a_visa_reason_gets_no_other_roles_question() -> None:
    message = (
        "Hi Arun, thanks for the call with our recruiter. We are unable to sponsor work permits "
        "for this position, so we cannot proceed. Kind regards, Priya"
    )
    assert "visa" in read_context(message, policy=None).out_of_control
    assert not any("roles" in t for t in texts_of(message))


def test_an_out_of_control_reason_with_a_promise_to_reconnect_gets_a_welcome_not_a_question() -> (
    None
):
    message = (
        "Hi Dev, thanks for the chat. The salary you're looking for is above our band for this "
        "role. If a more senior role opens up, I'd be glad to reconnect. Regards, Ana"
    )
    ctx = read_context(message, policy=None)
    assert ctx.timing_open and "salary" in ctx.out_of_control
    assert ctx.contact_when == "if a more senior role opens up"
    questions = plan_of(message)
    assert not any(q.asks for q in questions)  # thanks for the reason, a welcome of the contact
    assert questions[-1].text.endswith("if a more senior role opens up.")


# 6. When the message says when ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "attr"),
    [
        ("I'd be glad to see your application again next year.", "timing"),
        ("Good luck, and don’t be shy about applying again.", "timing_open"),
        ("If something else comes up that suits you, I'll get in touch directly.", "timing_open"),
    ],
)
def test_when_to_come_back_in_other_words(sentence: str, attr: str) -> None:
    message = f"Hi Liam, we went with another applicant for the Site Engineer job. {sentence}"
    assert getattr(read_context(message, policy=None), attr)


# 7. A recruiter passing on a client's decision -----------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "The client has reviewed your profile and won't be progressing on this occasion.",
        "I've just had feedback from the hiring company: they went with someone else.",
        "I heard back from the hiring manager, and they've decided not to go ahead.",
    ],
)
def test_a_recruiter_relaying_a_decision_is_asked_what_they_said(sentence: str) -> None:
    message = f"Hi Marco, quick update on the DevOps contract. {sentence} Best, Owen"
    ctx = read_context(message, policy=None)
    assert ctx.relayed
    questions = plan_of(message)
    assert "What did they say" in questions[0].text or "What came across best" in questions[0].text
    assert questions[-1].purpose == "open_ended"
    assert "roles" in questions[-1].text and "apply" not in questions[-1].text


def test_a_client_facing_role_is_no_relayed_decision() -> None:
    message = "We chose someone with more client-facing experience. Our clients come first."
    assert not read_context(message, policy=None).relayed


# 8. The employer named as what it is ----------------------------------------------------------


@pytest.mark.parametrize(
    ("signature", "words"),
    [
        ("Karen, Search Committee Chair, Western Plains University", "your university"),
        ("Gareth, Programmes Manager, Cwm Valley Heritage Trust", "your trust"),
        ("Recruitment, Northgate Borough Council", "your council"),
        ("Meg, Talent Acquisition, Brightwell Logistics", "your company"),
    ],
)
def test_the_employer_is_named_by_its_kind(signature: str, words: str) -> None:
    message = (
        "Thank you for interviewing for the Analyst post. I was impressed by you, but the budget "
        f"for the post was cut, so we cannot offer it. {signature}"
    )
    joined = " ".join(texts_of(message))
    assert words in joined, joined


def test_a_lowercase_university_degree_is_no_employer() -> None:
    message = "We went with someone whose university degree matched. Regards, Brightwell Ltd"
    assert read_context(message, policy=None).org_kind is None


# 9. Words that are not what they look like ---------------------------------------------------


def test_the_companys_hiring_experience_is_no_basis_of_the_decision() -> None:
    message = (
        "We have decided not to move forward with your candidacy. We're always looking to "
        "improve our hiring experience, so please fill in this short survey. Recruiting Team"
    )
    sentence = "We're always looking to improve our hiring experience, so please fill in"
    reasons = [stated(message, "experience", sentence)]
    texts = texts_of(message, reasons=reasons)
    assert not any("hiring experience" in t for t in texts), texts
    assert "experience" not in read_context(message, policy=None, reasons=reasons).stated


def test_a_change_of_direction_in_what_is_needed_is_a_changed_scope_not_a_closed_role() -> None:
    message = (
        "Hi Ben, the team has rethought what we need from this hire and is now leaning toward "
        "a channel partnerships background, so we won't move forward. Sorry for the change of "
        "direction. I've passed your resume along to my colleague Dana. Thanks, Melissa"
    )
    ctx = read_context(message, policy=None)
    assert ctx.out_of_control == frozenset({"scope"})
    assert ctx.follow_up == "forward_resume"
    assert not any("reopens" in t for t in texts_of(message))


def test_a_promise_to_reconnect_if_funding_comes_through_answers_the_closing_question() -> None:
    message = (
        "Dear Hannah, our funding bid was not successful, so we can no longer recruit to this "
        "role. If funding is secured in the next round we'd like to get in touch again. Gareth"
    )
    ctx = read_context(message, policy=None)
    assert ctx.timing_open and "budget" in ctx.out_of_control


# 10. Long notes, offers in more words, a role offered instead ----------------------------------

LONG_NOTE = (
    "Dear Sneha,\n\nThank you for submitting the assignment for the Analyst position. We went "
    "through your notebook in detail. The exploratory work was thorough and the charts of "
    "returns by region were well done; the reviewers also liked that you wrote down your "
    "assumptions. However, we have decided not to take your application to the next round. The "
    "main concerns were in the modelling: the scaling was fitted before the split, which leaked "
    "information, and the model was judged on accuracy alone although the classes were "
    "imbalanced, so we expected precision and recall to be discussed. There was also little on "
    "why the final model beat a plain baseline. We know the timeline was tight, and these points "
    "may reflect that rather than your ability. We would be happy to consider you again for "
    "future openings.\n\nRegards,\nVikram Rao\nLead, Data Science\nNorthwind"
)


def test_a_long_signed_note_about_the_candidate_is_feedback_given() -> None:
    # no "I" in it, but signed by a person and long enough to spell its points out
    reasons = [stated(LONG_NOTE, "skills", "The main concerns were in the modelling")]
    ctx = read_context(LONG_NOTE, policy=None, reasons=reasons)
    assert ctx.feedback_given and not ctx.own_voice
    texts = texts_of(LONG_NOTE, reasons=reasons)
    assert texts[0].startswith("Thank you for")
    assert len(texts) <= 2


def test_a_long_team_letter_is_no_feedback_note() -> None:
    letter = LONG_NOTE.replace(
        "Vikram Rao\nLead, Data Science\nNorthwind", "Talent Acquisition Team"
    )
    reasons = [stated(letter, "skills", "The main concerns were in the modelling")]
    assert not read_context(letter, policy=None, reasons=reasons).feedback_given


@pytest.mark.parametrize(
    ("sentence", "attr"),
    [
        ("If it's useful I'm happy to jump on a call and talk any of this through.", "offers_call"),
        (
            "I could also just be a reference for other companies you're talking to.",
            "offers_reference",
        ),
        ("I know two founders who are hiring; want me to intro you?", "offers_introduction"),
    ],
)
def test_offers_in_more_words(sentence: str, attr: str) -> None:
    message = f"Hi Nico, we offered the role to someone else. {sentence} Thanks, Ella"
    assert getattr(read_context(message, policy=None), attr)


def test_an_offered_call_is_accepted_even_when_the_role_is_on_hold() -> None:
    message = (
        "Hi Olivia, I'm sorry to say the Head of Operations role has been put on hold until Q2. "
        "If it reopens I'll be straight back in touch. Happy to have a call in the meantime. "
        "Kind regards, Daniel"
    )
    texts = texts_of(message)
    assert "call" in texts[-1], texts


def test_a_role_offered_instead_is_named_and_taken_up() -> None:
    message = (
        "Hi Maya, the team were impressed with your portfolio, but they want someone with more "
        "years leading research programmes independently, so we won't progress you for the "
        "Senior UX Researcher role. We're about to open a UX Researcher (mid-level) role on the "
        "same team. "
        "Would you be open to me putting you forward for that instead? Best, Priyanka"
    )
    ctx = read_context(message, policy=None)
    assert ctx.other_role == "UX Researcher" and ctx.basis_named
    findings = [found(message, "more years leading", "unspecified_gap")]
    texts = texts_of(message, findings)
    assert "UX Researcher role" in texts[-1]
    assert not any('"more years leading"' in t for t in texts)
    assert not any("made the difference" in t for t in texts)  # the reason is named


def test_a_bare_please_do_not_reply_is_read() -> None:
    message = "We will not be moving forward with your application. Please do not reply."
    assert read_context(message, policy=None).no_reply


def test_the_employer_kind_is_read_from_a_capitalised_word_of_its_name() -> None:
    """The word found in the lowered text counts only where the message capitalises it, and
    the first such word decides."""
    from analyzer.plancontext import org_kind

    assert org_kind("Regards, Northgate Borough Council") == "council"
    assert org_kind("The Foundation for Coastal Schools") == "organisation"
    assert org_kind("your university degree, Brightwell Ltd") is None
    assert org_kind("Thank you, Western Plains University") == "university"


# 11. Routes to a conversation, a role offered, a candidate above the role's level -------------


def test_a_do_not_reply_notice_that_offers_a_discussion_keeps_a_plan() -> None:
    message = (
        "Dear Candidate, your results do not meet the pass mark, so you will not be considered "
        "further. You may request an informal discussion by contacting us within five business "
        "days. Staffing Services. This is an automated message. Please do not reply."
    )
    ctx = read_context(message, policy=None)
    assert ctx.offers_discuss and not ctx.no_reply
    assert texts_of(message)


@pytest.mark.parametrize(
    ("sentence", "attr"),
    [
        ("I'll give you a call tomorrow if that works?", "offers_call"),
        ("I'm happy to jump on a 15 minute call to share some feedback.", "offers_call"),
        ("Just reply with a few times that suit.", "asks_times"),
    ],
)
def test_calls_in_more_words(sentence: str, attr: str) -> None:
    message = f"Hi Leah, we went with someone else for the Analyst role. {sentence} Best, Ewan"
    assert getattr(read_context(message, policy=None), attr)


def test_an_offer_to_put_the_candidate_forward_is_accepted_by_name() -> None:
    message = (
        "Hi Chris, we feel the Product Designer role is more junior than your experience "
        "warrants. We're about to open a Senior Product Designer position next month, and I'd "
        "love to put you forward for it if you're interested. Best, Olivia"
    )
    ctx = read_context(message, policy=None)
    assert ctx.put_forward and "overqualified" in ctx.out_of_control
    texts = texts_of(message)
    assert texts[-1].startswith("I would be glad to be put forward for the Senior Product")
    assert not any("stronger" in t or "experience" in t for t in texts)


def test_a_note_that_names_its_main_point_is_asked_how_to_start_on_it() -> None:
    message = (
        "Hi Jo, thanks for your interviews. I'm sorry to say we went with another candidate. The "
        "main thing was stakeholder work: your examples stayed inside your own team, and your "
        "case answer skipped the cost question. Your analysis was strong. Best, Priya"
    )
    ctx = read_context(message, policy=None)
    assert ctx.feedback_given and ctx.main_point
    assert "main point" in texts_of(message)[0]


@pytest.mark.parametrize(
    "sentence",
    [
        "I'd genuinely love to keep in touch, so feel free to connect with me on LinkedIn.",
        "I'd be happy to keep you in mind for our remote-friendly roles.",
    ],
)
def test_keeping_in_touch_in_more_words(sentence: str) -> None:
    message = f"Hi Mei, the team chose a local candidate for the role. {sentence} Sanne"
    assert read_context(message, policy=None).follow_up == "keep_in_touch"


def test_experience_that_was_a_closer_match_is_named() -> None:
    message = (
        "Hi Nomvula, thank you for your interviews. The panel chose another candidate whose "
        "experience in manufacturing environments was a closer match. Kind regards, Zanele"
    )
    texts = texts_of(message)
    assert any("experience in manufacturing environments" in t for t in texts), texts


def test_an_introduction_is_no_reference_and_a_shared_profile_is_no_cv_passed_on() -> None:
    intro = "Hi Kim, we went another way. I know two founders hiring; happy to introduce you. Jo"
    ctx = read_context(intro, policy=None)
    assert ctx.offers_introduction and not ctx.offers_reference
    assert "introduc" in texts_of(intro)[-1]
    shared = "Hi Dan, I shared your profile with the hiring manager; they chose someone else. Meg"
    assert read_context(shared, policy=None).follow_up != "forward_resume"


def test_a_thank_you_and_its_question_are_two_sentences() -> None:
    message = (
        "Hi Sam, thanks for the interview. We will not proceed, but I will keep your resume on "
        "file. Best, Jo"
    )
    closing = texts_of(message)[-1]
    assert "résumé" in closing and "; " not in closing and closing.endswith("?"), closing
    thanks, question = closing.split(". ", 1)
    assert question[:1].isupper() and "?" not in thanks


# 12. The last unseen set's categories -------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This email was sent from a notification-only address that cannot accept incoming email.",
        "*This email is sent from a send-only address. We cannot respond to replies.",
    ],
)
def test_send_only_addresses_are_no_reply(sentence: str) -> None:
    message = f"Dear Applicant, the position has been filled. {sentence}"
    assert read_context(message, policy=None).no_reply
    assert texts_of(message) == []


def test_a_decision_the_kind_model_missed_keeps_a_short_plan_when_it_offers_a_next_step() -> None:
    from analyzer.plancontext import invites_after_decision

    message = (
        "Hi Mark, the client has decided to appoint internally, so the process has been closed. "
        "I've got a couple of other roles that could suit - are you free for a call Thursday? Rob"
    )
    assert invites_after_decision(message)
    ctx = read_context(message, policy=None)
    assert ctx.offers_call and ctx.relayed


def test_relocation_is_a_location_reason_and_a_door_left_open_answers_the_closing() -> None:
    message = (
        "Hi Felipe, thanks for taking the time to talk with me last week. We need this person in "
        "the Denver office three days a week, and relocating isn't on the table for you. If that "
        "changes, please reach out to me directly. Andrea"
    )
    ctx = read_context(message, policy=None)
    assert "location" in ctx.out_of_control and ctx.timing_open and ctx.stage == "screened"
    assert [q.purpose for q in plan_of(message)] == ["opener"]


@pytest.mark.parametrize(
    "sentence",
    [
        "Your performance did not meet the required cut-off for progression.",
        "Unfortunately you were not successful in the psychometric tests.",
        "We regret to inform you that you have not cleared the assessment round.",
    ],
)
def test_a_test_score_under_the_pass_mark_is_asked_about_by_section(sentence: str) -> None:
    message = f"Dear Candidate, thank you for taking the online assessment. {sentence} HR Team"
    texts = texts_of(message)
    assert any("score" in t or "practising" in t for t in texts), texts
    assert not any("role's needs" in t or "requirements" in t for t in texts)


@pytest.mark.parametrize(
    "sentence",
    ["What tipped it was hands-on site work.", "In the end it came down to client experience."],
)
def test_a_deciding_factor_is_a_main_point(sentence: str) -> None:
    message = f"Hi Jo, I'm sorry, we went with another candidate. {sentence} Best, Priya"
    assert read_context(message, policy=None).main_point

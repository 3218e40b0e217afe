"""Faults a seventh blind review named, as categories with made-up messages: closing questions
that ask what a form letter has just answered (where roles appear, that the sender will be in
touch, how soon to apply); a paused role not asked whether the candidate would be considered if
it reopens; an opt-out notice answered as a request; offers and stages in other words; a
decision "in a different direction" read as the role changing."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.planclosing import accepts_talk
from analyzer.plancontext import read_context, remarks
from analyzer.plansigns import signed_by_person
from analyzer.quotes import clean_quote, is_clean_phrase
from analyzer.render.plan import plan_notes

from .plan_helpers import plan_of, texts_of

LETTER = (
    "Dear Applicant, thank you for applying for the Yard Planner role. After review we will not "
    "be moving forward with your application. {offer} Harrowgate Talent Acquisition"
)
ANSWERING = [
    "Please keep an eye on our careers page for new openings.",
    "We will keep your resume on file and be in touch if a suitable role opens.",
    "Join our Talent Community to receive job alerts.",
    "We are always hiring, so do apply again.",
    "Continue searching our Career Center for new opportunities.",
]


@pytest.mark.parametrize("offer", ANSWERING)
def test_a_form_letter_that_says_where_roles_appear_gets_no_closing_question(offer: str) -> None:
    message = LETTER.format(offer=offer)
    ctx = read_context(message, policy=None)
    assert ctx.form_letter and ctx.follow_up is not None
    texts = texts_of(message)
    assert 1 <= len(texts) <= 2, texts
    assert not any(w in t for t in texts for w in ("how soon", "hear about", "apply for another"))


def test_a_form_letter_that_says_nothing_of_what_comes_next_asks_no_closing_question() -> None:
    """How to hear of similar roles has an obvious answer (the careers page), and when to apply
    again is a stock line unprompted; a second, generic question mirrors the opener's: a form
    letter's plan is its thanks and one question."""
    questions = plan_of(LETTER.format(offer=""))
    assert [q.purpose for q in questions] == ["opener"], questions


def test_a_filled_roles_form_letter_that_points_to_openings_gets_an_empty_plan_and_a_note() -> None:
    message = (
        "Dear Applicant, thank you for your interest. The Yard Planner position has been filled. "
        "Please visit our careers page for other openings. Human Resources"
    )
    report = Analyzer().analyze(message)
    assert report.questions == ()
    (note,) = plan_notes(report)
    assert "filled, closed or put on hold" in note


@pytest.mark.parametrize(
    ("promise", "asks_reopening"),
    [
        ("Please keep an eye on our careers page for new openings.", True),
        ("We will let you know if the role reopens.", False),
        ("We will keep your resume on file.", False),
    ],
)
def test_a_paused_role_asks_whether_the_candidate_would_be_considered_if_it_reopens(
    promise: str, asks_reopening: bool
) -> None:
    message = f"Thanks for speaking with us. We have put the Yard Planner role on hold. {promise}"
    texts = texts_of(message)
    assert any("if it reopens" in t.lower() and "considered" in t for t in texts) is asks_reopening


def test_an_opt_out_notice_is_a_kept_resume_not_a_request() -> None:
    message = (
        "We will not take your application further. We would like to keep your resume in our "
        "database. If you don't want us to keep your resume, please reply to this email."
    )
    assert read_context(message, policy=None).follow_up == "keep_resume"
    assert not any(t.startswith("Yes, please") for t in texts_of(message))


@pytest.mark.parametrize(
    ("sentence", "stage"),
    [
        ("Thank you for taking the time to speak to us last week.", "screened"),
        ("Thanks for speaking with me on Tuesday.", "screened"),
    ],
)
def test_a_conversation_in_other_words_sets_the_stage(sentence: str, stage: str) -> None:
    message = f"{sentence} We will not be moving forward."
    ctx = read_context(message, policy=None)
    assert ctx.stage == stage and not ctx.form_letter


@pytest.mark.parametrize(
    ("sentence", "remark"),
    [
        ("We have decided to go in a different direction.", False),
        ("We've chosen to move forward in another direction.", False),
        ("The role has taken a different direction since we posted it.", True),
        ("We have decided to take the role in a different direction.", True),
    ],
)
def test_a_new_direction_is_a_remark_only_when_the_role_changes(
    sentence: str, remark: bool
) -> None:
    assert ("direction" in {k for k, _, _ in remarks(sentence)}) is remark


def test_no_opening_opener_asks_nothing_about_what_was_needed() -> None:
    message = (
        "Hi, I wanted to thank you for writing to us. We don't have an opening that fits your "
        "profile right now. Harrowgate Hiring Team"
    )
    assert "needed" not in texts_of(message)[0]


@pytest.mark.parametrize(
    ("ending", "person"),
    [
        ("Thanks again,\nBeatriz", True),
        ("Best,\nSam Okafor", True),
        ("Kind regards,\nRecruiter", False),
        ("Best regards,\nThe Recruiting Team", False),
        ("Sincerely,\nHuman Resources", False),
    ],
)
def test_a_letter_signed_by_a_person_is_no_form_letter(ending: str, person: bool) -> None:
    message = f"Hello Jun,\nWe have paused hiring for the Yard Planner role.\n{ending}"
    assert signed_by_person(message) is person
    assert read_context(message, policy=None).form_letter is not person


PERSONAL = "Hi Sam, thanks for your time. I'm sorry to say we went with someone else. {offer}"


@pytest.mark.parametrize(
    "offer",
    [
        "I'd be happy to take a 15-minute call if it would help.",
        "Happy to grab a coffee if you're ever nearby.",
    ],
)
def test_a_call_or_coffee_in_other_words_is_accepted(offer: str) -> None:
    message = PERSONAL.format(offer=offer)
    assert read_context(message, policy=None).offers_call
    assert accepts_talk(texts_of(message)[-1])


def test_a_call_for_which_the_sender_asks_for_times_does_not_ask_the_sender_for_one() -> None:
    message = PERSONAL.format(offer="Happy to set up a short call; just let me know a few times.")
    closing = texts_of(message)[-1]
    assert (
        accepts_talk(closing) and "good time for you" not in closing and "suit you" not in closing
    )


@pytest.mark.parametrize(
    "offer",
    ["I'd be glad to write or speak on your behalf.", "I am happy to act as a reference for you."],
)
def test_an_offer_to_be_a_reference_is_taken_up_by_name(offer: str) -> None:
    message = PERSONAL.format(offer=offer)
    assert read_context(message, policy=None).offers_reference
    closing = texts_of(message)[-1]
    assert "behalf" in closing or "reference" in closing


@pytest.mark.parametrize(
    "sentence",
    [
        "Thanks for coming in and presenting your portfolio.",
        "Thank you for visiting the lab and giving a talk.",
        "Thanks for your presentation on Friday.",
    ],
)
def test_a_presentation_or_visit_is_a_meeting(sentence: str) -> None:
    assert read_context(f"{sentence} We went with someone else.", policy=None).interviewed


def test_a_subject_and_a_verb_of_feeling_is_no_quote() -> None:
    assert not is_clean_phrase("the interviewers felt")


def test_visiting_a_careers_page_is_no_meeting() -> None:
    message = "We will not move forward. Do keep visiting our Careers page for new roles."
    assert read_context(message, policy=None).stage == "applied"


def test_check_back_soon_points_to_openings() -> None:
    message = "We can't offer you a shift right now. Check back soon for new shifts."
    assert read_context(message, policy=None).follow_up == "openings"


@pytest.mark.parametrize(
    "reason",
    ["The post is only open to candidates based in Leeds.", "All the spots are already filled."],
)
def test_a_form_letter_with_a_reason_outside_the_candidates_control_asks_no_placement(
    reason: str,
) -> None:
    letter = f"Dear Applicant, thank you for applying. {reason} Harrowgate Recruiting Team"
    ctx = read_context(letter, policy=None)
    assert ctx.form_letter and ctx.out_of_control
    assert not any("might suit" in t or "which other" in t.lower() for t in texts_of(letter))


def test_a_paused_roles_form_letter_that_says_what_happens_next_gets_an_empty_plan() -> None:
    letter = (
        "Dear Applicant, thank you for applying. This role will not be moving ahead at this "
        "time. We will keep your resume on file. Talent Acquisition"
    )
    assert texts_of(letter) == []
    assert texts_of(letter.replace("Talent Acquisition", "I am sorry. Priya"))


NOTE = (
    "Hi Jo, thanks for the case study and for presenting it on Monday. I'm sorry to say we have "
    "gone with another candidate. The biggest gap was prioritisation: you proposed nine ideas "
    "and did not say which three you would drop. Your research was the best we saw. {tail}"
    "\nBest, Priya"
)


def test_a_note_that_spells_out_its_feedback_is_thanked_and_not_re_asked() -> None:
    message = NOTE.format(tail="")
    assert read_context(message, policy=None).feedback_given
    texts = texts_of(message)
    # the note names its main point ("the biggest gap was"): how to start on it, not which
    assert "feedback" in texts[0] and "main point" in texts[0]  # point matters most
    assert not any(w in t for t in texts for w in ("came across well", "strongest", "do well"))
    assert len(texts) <= 2


def test_spelled_out_feedback_with_a_time_to_reapply_asks_nothing_more_about_it() -> None:
    message = NOTE.format(tail="If you apply again in 6-12 months, I would be glad to see you.")
    texts = texts_of(message)
    assert len(texts) == 1, texts


def test_spelled_out_feedback_with_an_offered_call_accepts_the_call() -> None:
    message = NOTE.format(tail="I'd be happy to take a 15-minute call if it would help.")
    texts = texts_of(message)
    assert "main point" in texts[0] and accepts_talk(texts[-1])


def test_a_form_letter_in_the_words_of_feedback_is_no_personal_note() -> None:
    letter = "Dear Applicant, the main feedback is that other profiles fit better. Talent Team"
    assert not read_context(letter, policy=None).feedback_given


@pytest.mark.parametrize(
    ("offer", "kind"),
    [
        ("I'm happy to give you some feedback over the phone.", "call"),
        ("I'd be glad to catch up once things settle.", "call"),
        ("If you wish to discuss the decision, please reply within 5 working days.", "discuss"),
    ],
)
def test_more_offers_to_talk_in_other_words(offer: str, kind: str) -> None:
    ctx = read_context(PERSONAL.format(offer=offer), policy=None)
    assert ctx.offers_call if kind == "call" else ctx.offers_discuss


def test_a_cv_passed_to_a_colleague_is_taken_up() -> None:
    message = PERSONAL.format(offer="I've passed your CV on to my colleague in the Leeds team.")
    assert read_context(message, policy=None).follow_up == "forward_resume"


def test_an_offered_call_is_named_a_call() -> None:
    message = PERSONAL.format(offer="I'd be happy to set up a short call to talk it through.")
    closing = texts_of(message)[-1]
    assert accepts_talk(closing) and "call" in closing


@pytest.mark.parametrize(
    ("message", "phrase", "quote"),
    [
        ("We need Welsh language skills for this post.", "Welsh language skills", "Welsh"),
        ("Welsh language skills are needed here.", "Welsh language skills", "welsh"),
    ],
)
def test_a_quote_lowers_only_a_sentence_initial_capital(
    message: str, phrase: str, quote: str
) -> None:
    start = message.index(phrase)
    assert clean_quote(message, start, start + len(phrase)).startswith(quote)


def test_the_languages_a_remark_names_come_from_one_list() -> None:
    message = "Thanks for applying. We need Welsh language skills, so we will not proceed."
    assert "language" in {k for k, _, _ in remarks(message)}
    assert any("level of Welsh" in t for t in texts_of(message))

"""What the sender asks the candidate to tell them is answered, with a marked blank for each
thing only the candidate knows; such a question states no reason."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.planasks import sender_asks, sender_told
from analyzer.plancontext import board_notice, out_of_control, remarks

TOLD = [
    ("What are your salary expectations?", "My salary expectation is [your figure]."),
    ("Out of interest, what day rate would you be looking for?", "My day rate is [your figure]."),
    ("What are you currently earning?", "My current salary is [your figure]."),
    ("What's your notice period these days?", "My notice period is [your notice period]."),
    ("How soon could you start if it came to it?", "I could start [your earliest start date]."),
    ("Would you consider relocating to Dundee?", "I [would / would not] consider relocating."),
    ("Are you available to work weekends?", "I [am / am not] available for weekends."),
    ("Is the commute to Slough doable for you?", "The commute [would / would not] work"),
    ("Are you still ok travelling up to an hour each way?", "The commute [would / would not]"),
    ("Do you have the right to work in Ireland?", "On the right to work, [your status]."),
    (
        "What salary are you after, and what's your notice?",
        "My salary expectation is [your figure] and my notice period is [your notice period].",
    ),
]


@pytest.mark.parametrize(("question", "answer"), TOLD)
def test_what_the_sender_asks_to_be_told_is_answered_with_a_blank(
    question: str, answer: str
) -> None:
    text = f"Hi Lee,\n\nThey went with someone else, sorry. {question}\n\nCheers,\nRob"
    told = sender_told(text)
    assert told is not None and told.startswith(answer)


REQUESTED = [
    (
        "Kindly let me know if you are open for Chennai location also. Please share your updated "
        "CV and current CTC details.",
        "I [would / would not] consider relocating, my current salary is [your figure] and I have "
        "attached my updated CV [attach it before sending].",
    ),
    ("If your range is flexible, let me know.", "My range [is / is not] flexible."),
]


@pytest.mark.parametrize(("request_", "answer"), REQUESTED)
def test_a_request_without_a_question_mark_is_answered_too(request_: str, answer: str) -> None:
    assert sender_told(f"Hi Ana, the client went with another profile. {request_} Regards") == (
        answer
    )


@pytest.mark.parametrize(
    "text",
    [
        "Do you have any questions about the process?",
        "We could not meet your salary expectations on this occasion.",  # a statement
        "Thanks for asking.\n> What is your notice period?\nWe will be in touch.",  # quoted
        "If you have questions, please reply to this email.",
    ],
)
def test_no_answer_where_nothing_is_asked_of_the_candidate(text: str) -> None:
    assert sender_told(text) is None


def test_a_proposal_gets_its_yes_and_the_asked_answer_stays_apart() -> None:
    text = (
        "Shame about this one. Would you like me to send over the spec for the Hull role? "
        "What's your notice period?"
    )
    assert sender_asks(text) == (
        "Yes, please send over the spec for the Hull role. What would the role need most from "
        "a candidate?"
    )
    assert sender_told(text) == "My notice period is [your notice period]."


def test_a_yes_comes_before_the_answer_and_its_follow_up_last(analyzer: Analyzer) -> None:
    text = (
        "Gutted, they went with someone else. Would you like me to put you forward for the Hull "
        "role? What's your notice period?\n\nCheers,\nSam"
    )
    report = analyzer.analyze(text)
    closing = report.questions[-1].text
    assert closing == (
        "Yes, please put me forward for the Hull role. My notice period is [your notice "
        "period]. What would you need from me?"
    )
    reply = draft(report)  # said in a paragraph of its own, its blank named
    assert f"\n\n{closing}\n\n" in reply.body and f". {closing}" not in reply.body
    assert "[your notice period]" in reply.blanks


def test_a_message_read_as_other_that_waits_for_an_answer_gets_a_short_plan(
    analyzer: Analyzer,
) -> None:
    text = (
        "Hey Jo,\n\nLoved the portfolio. Honestly we're looking for someone a bit more senior "
        "for this one.\n\nWe do need freelance help most summers though. Would you be open to "
        "that? What's your day rate?\n\nKit"
    )
    closing = analyzer.analyze(text).questions[-1].text
    assert closing == (
        "Yes, I would welcome that; thank you for thinking of me. My day rate is [your figure]."
    )


RECRUITER = (
    "Hi Dana,\n\nThanks for your time last week. Unfortunately the hiring manager has decided to "
    "go with another candidate for the Planning Analyst role.\n\nThat said, I have a similar "
    "position with a client in Leeds. What are your salary expectations, and would you "
    "consider relocating?\n\nBest,\nMark"
)


def test_a_question_the_sender_asks_states_no_reason() -> None:
    assert out_of_control(RECRUITER) == frozenset()  # "relocating" and "salary" are asked
    assert remarks(RECRUITER) == ()
    assert not board_notice(RECRUITER)  # "I have": a person writes, not a job board


def test_a_board_notice_stays_one_whatever_its_abbreviations() -> None:
    notice = "The employer has decided not to move forward, i.e. the position has been filled."
    assert board_notice(notice)


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_the_plan_answers_first_then_closes_and_the_draft_names_the_blanks(
    analyzer: Analyzer,
) -> None:
    report = analyzer.analyze(RECRUITER)
    texts = [q.text for q in report.questions]
    closing = texts[-1]
    assert closing.startswith(
        "My salary expectation is [your figure] and I [would / would not] consider relocating."
    )
    assert closing.endswith("?")
    assert not any("salary expectations" in t for t in texts)  # no remark asked back
    reply = draft(report)
    assert "[your figure]" in reply.blanks and "[would / would not]" in reply.blanks
    assert reply.body.count("[your figure]") == 1  # said once, in its own paragraph


def test_a_short_plan_keeps_the_answer(analyzer: Analyzer) -> None:
    report = Analyzer(max_questions=2).analyze(RECRUITER)
    assert report.questions[-1].text.startswith("My salary expectation is [your figure]")


CONTEXT = [
    (
        "Your background was great, but the comp range you shared is above what we have budgeted.",
        "out_of_control",
        frozenset({"salary"}),
    ),
    (
        "The client has gone with someone internal, so it's a no this time.",
        "out_of_control",
        frozenset({"filled_internally"}),
    ),
    (
        "They went with a candidate who has his gas ticket already; insurance insists on it.",
        "requirement_named",
        True,
    ),
    ("The other guy has got his blasting certificate already.", "requirement_named", True),
    (
        "Want to jump on a quick call next week to talk about what else is out there?",
        "offers_call",
        True,
    ),
    ("Kindly note that no further correspondence will be entertained.", "declines", True),
    ("Our Employment Equity Plan was taken into account.", "out_of_control", {"equity"}),
    ("No signature is required.", "requirement_named", False),
    ("If you're ok, I can share your profile for one more opening in Mysore.", "put_forward", True),
]


@pytest.mark.parametrize(("sentence", "field", "value"), CONTEXT)
def test_reasons_and_offers_in_other_words(sentence: str, field: str, value: object) -> None:
    from analyzer.plancontext import read_context

    context = read_context(f"Hi Sam,\n\nSorry, no luck this time. {sentence}\n\nJo", policy=None)
    assert getattr(context, field) == value


@pytest.mark.parametrize(
    "sentence",
    [
        "The client has gone ahead with another profile for the requirement.",
        "We're looking for someone a bit more senior for this one.",
        "They've decided to hold off on filling it for now.",
    ],
)
def test_a_decision_in_other_words_with_a_question_gets_a_short_plan(sentence: str) -> None:
    from analyzer.plancontext import invites_after_decision

    assert invites_after_decision(f"Hi Al, {sentence} Are you still open to temp work?")
    assert not invites_after_decision(f"Hi Al, {sentence}")


@pytest.mark.parametrize(
    "sentence",
    [
        "They have rejected the profile as they want someone with Kafka.",
        "We've given the Site Manager job on the Leeds scheme to someone who has done it before.",
    ],
)
def test_a_decision_in_these_words_is_a_rejection(analyzer: Analyzer, sentence: str) -> None:
    text = f"Hi Raj,\n\n{sentence} Sorry about that.\n\nCheers,\nMick"
    assert analyzer.analyze(text).kind.label == "rejection"


def test_a_mass_template_is_not_thanked_for_inviting_questions() -> None:
    from analyzer.plancontext import PlanContext
    from analyzer.questions import plan

    invited = PlanContext(invites=True)
    template = PlanContext(invites=True, form_letter=True, auto_reply=True)
    assert plan([], context=invited)[0].text.startswith("Thank you for being open to questions")
    assert not plan([], context=template)[0].text.startswith("Thank you for being open")


NOTE = (
    "Hi Sam,\n\nThanks for the trial shift on Friday. We're not going to offer you the role. "
    "Your prep was spot on and the panel liked your attitude. Where it fell down was on the "
    "pass: when it got busy you went quiet. {advice}\n\nAll the best,\nNick"
)


@pytest.mark.parametrize(
    "advice",
    [
        "My honest advice is to spend a season running a section in a busy kitchen.",
        "I'd suggest a season running a section somewhere busy.",
        "With another year on a busy line you'll be ready.",
    ],
)
def test_a_note_that_gives_its_advice_is_thanked_not_asked_again(
    analyzer: Analyzer, advice: str
) -> None:
    plan = [q.text for q in analyzer.analyze(NOTE.format(advice=advice)).questions]
    assert len(plan) == 1 and "the pass" in plan[0] and "advice" in plan[0]
    assert "?" not in plan[0]  # thanks: the note said what to work on, and how


def test_a_note_without_advice_is_asked_about_its_weak_point(analyzer: Analyzer) -> None:
    opener = analyzer.analyze(NOTE.format(advice="")).questions[0].text
    assert "the pass" in opener and opener.endswith("?")


def test_the_draft_says_the_thanks_for_advice_and_lists_no_question(analyzer: Analyzer) -> None:
    note = NOTE.format(advice="My honest advice is to spend a season running a section.")
    report = analyzer.analyze(note)
    body = draft(report).body
    assert report.questions[0].text in body
    assert "\n1. " not in body  # nothing to number: the note answered what a question would ask
    assert report.questions[0].text in draft(report, channel="phone").body


def test_a_sender_who_answers_no_inquiries_gets_no_questions(analyzer: Analyzer) -> None:
    text = (
        "Hello Olivia, we have decided to proceed with other candidates. Due to the volume of "
        "applications we are unable to respond to individual inquiries regarding this decision. "
        "Regards, Human Resources"
    )
    questions = analyzer.analyze(text).questions
    assert len(questions) <= 1 and not any(q.text.endswith("?") for q in questions)


def test_a_different_direction_with_an_offer_gets_a_short_plan(analyzer: Analyzer) -> None:
    text = (
        "hey Nora - we went a different direction on the producer gig. would you be up for "
        "doing some freelance scripting for us in the fall? lmk! - Jordan"
    )
    assert (
        analyzer.analyze(text)
        .questions[-1]
        .text.startswith(
            "Yes, I would be up for doing some freelance scripting for you in the fall."
        )
    )


def test_concrete_logistics_in_a_question_states_no_reason(analyzer: Analyzer) -> None:
    from analyzer.plancontext import context_of

    report = analyzer.analyze(RECRUITER)
    assert any(s.cue == "logistics" for s in report.specific_feedback)  # read in the question
    assert context_of(report).out_of_control == frozenset()


OFFERS = [
    (
        "Would you consider a 6 month contract instead?",
        "Yes, I would consider a 6 month contract instead. What would the next step be?",
    ),
    (
        "In the meantime are you still open to temp work?",
        "Yes, I would be open to temp work. What would the next step be?",
    ),
    (
        "Are you still interested in the stores side?",
        "Yes, I would be interested in the stores side. What would the next step be?",
    ),
    (
        "Would you mind if I kept your resume?",
        "Yes, please keep my resume. What could I work on in the meantime?",
    ),
    (
        "Your CV's a good one, and I'm wondering if you'd be up for the Deputy role instead?",
        "Yes, I would be up for the Deputy role instead. What would the next step be?",
    ),
    (
        "If you want a commis spot we've got one coming up in a month, let me know if you'd be "
        "keen.",
        "Yes, I am interested; thank you for thinking of me.",
    ),
    (
        "I’d be happy to flag you to the hiring manager if you’re interested.",
        "Yes, I would be happy for you to flag me to the hiring manager. What would you need "
        "from me?",
    ),
    (
        "If you want to come back and do a trial in 12 months i'd be keen.",
        "Yes, I would like to come back and do a trial in 12 months. What would the next step be?",
    ),
    (
        "Can I ask, would you consider a contract-to-hire?",
        "Yes, I would consider a contract-to-hire. What would the next step be?",
    ),
]


@pytest.mark.parametrize(("sentence", "reply"), OFFERS)
def test_an_offer_in_a_question_or_on_the_candidates_say_so_gets_its_yes(
    sentence: str, reply: str
) -> None:
    assert sender_asks(f"We went another way, sorry.\n\n{sentence}\n\nBec") == reply


READS = [
    ("Dear {FIRST_NAME}, we will not be moving forward.", "mass_mail", True),
    (
        "Thanks for applying to the Picker role at [LOCATION_NAME]. Not this time.",
        "mass_mail",
        True,
    ),
    ("We can't move forward with your application in %CITY% at this time.", "mass_mail", True),
    ("Not successful this time. Reply STOP to opt out of texts.", "mass_mail", True),
    ("Dear [Candidate First Name], thank you for applying.", "mass_mail", True),
    ("Dear ,\nThank you for applying to the Night Porter role.", "mass_mail", True),
    ("Thank you for applying for the position of  at our Tulsa site.", "mass_mail", True),
    ("Thank you for applying to [Company_G].", "mass_mail", False),  # anonymised, not a field
    ("Hi [Name], thank you for applying.", "mass_mail", False),
    ("Sadly not this time.\n\nThis email address is not monitored.", "no_reply", True),
    ("Replies to this email cannot be processed.", "no_reply", True),
    ("Please note this inbox does not accept replies.", "no_reply", True),
]


@pytest.mark.parametrize(("text", "cue", "found"), READS)
def test_who_reads_replies_is_read_from_the_message(text: str, cue: str, found: bool) -> None:
    from analyzer.cues import lower
    from analyzer.plancues import matching

    assert (cue in matching(lower(text))) is found


@pytest.mark.parametrize(
    "text",
    [
        "So we ended up going w/ someone else for the analyst spot.",
        "I presented you to the client and unfortunately they passed – sorry.",
    ],
)
def test_a_decision_in_a_recruiters_words_is_read(text: str) -> None:
    from analyzer.cues import lower
    from analyzer.plancues import cue_lists

    assert cue_lists()["not_selected"].search(lower(text)) is not None

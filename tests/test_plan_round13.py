"""The thirteenth round's categories: a spelled-out feedback note's own vague point is asked
about, and the note is then not thanked as clear; an impression in a verb and an adjective
("felt thin") is flagged; a future opening is taken up by its name and time, and welcomed, not
asked about, when the sender keeps the candidate's details; a recruiter's "won't be
progressing you to interview" states a decision; freelance work offered in passing is taken
up; a hire who can start at once is a reason outside the candidate's control."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.futureroles import future_role
from analyzer.plancontext import read_context
from analyzer.quotes import clean_quote

from .plan_helpers import plan_of

#: Words by which an opener calls a note clear or detailed.
CLEAR = ("clear", "detailed", "specific")


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def _note(feedback: str) -> str:
    return (
        "Hi Robin,\n\nThanks for coming in to meet the team for the Site Coordinator role last "
        "week. I'm sorry to say we have decided to go with another candidate.\n\n"
        f"Some feedback from the panel: your project examples were well chosen. {feedback}\n\n"
        "Best of luck,\nMarta Olsen\nOperations Manager"
    )


# 1. An impression in a verb and an adjective -------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "flagged"),
    [
        ("The handover plan you presented felt thin next to the rest.", "felt thin"),
        ("Your answer on budgeting came across as a bit rehearsed.", "came across as a bit"),
        ("When we asked about audits your answers stayed fairly high-level.", "high-level"),
        ("Honestly it came down to fit more than anything.", "came down to fit"),
        ("You could be stronger in some areas around scheduling.", "stronger in some areas"),
    ],
)
def test_an_impression_or_a_gap_in_other_words_is_flagged(
    analyzer: Analyzer, sentence: str, flagged: str
) -> None:
    report = analyzer.analyze(_note(sentence))
    assert any(flagged in f.text for f in report.findings), [f.text for f in report.findings]


@pytest.mark.parametrize(
    "sentence",
    [
        "The new office looks very green in the spring.",  # a colour, no impression
        "Areas to work on: the cost plan missed the crane hire and the permits.",  # a heading
    ],
)
def test_a_colour_or_a_heading_is_no_vague_phrase(analyzer: Analyzer, sentence: str) -> None:
    report = analyzer.analyze(_note(sentence))
    types = {f.type for f in report.findings if sentence.find(f.text) >= 0}
    assert not types & {"subjective_impression", "unspecified_gap"}, types


# 2. A note's own vague point -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("feedback", "asked"),
    [
        (
            "It's hard to put into words, but the general feeling was it wasn't quite the right "
            "fit for the crew at this stage.",
            '"it wasn\'t quite the right fit"',
        ),
        (  # the thin part is named: asked about by name (round 16), not quoted
            "Your costings were accurate, though the risk section felt thin compared with the "
            "rest of the plan.",
            "the risk section",
        ),
    ],
)
def test_a_notes_vague_point_is_asked_and_the_note_is_not_called_clear(
    analyzer: Analyzer, feedback: str, asked: str
) -> None:
    questions = analyzer.analyze(_note(feedback)).questions
    opener, *rest = questions
    assert not any(word in opener.text.lower() for word in CLEAR), opener.text
    assert any(asked in q.text for q in rest), [q.text for q in questions]


def test_a_note_with_no_vague_point_keeps_its_which_point_first_opener(analyzer: Analyzer) -> None:
    feedback = (
        "Where you fell short was the crane lift plan: it had no exclusion zone and the "
        "sequence put two lifts over the site office. The permit timeline also missed the "
        "council's ten-day notice."
    )
    questions = analyzer.analyze(_note(feedback)).questions
    assert questions[0].text.endswith("?")
    assert not [q for q in questions if q.purpose == "clarify"], [q.text for q in questions]


@pytest.mark.parametrize(
    ("text", "span", "quote"),
    [
        (
            "the feeling was it wasn't quite the right fit for us",
            "wasn't quite the right fit",
            "it wasn't quite the right fit",
        ),
        (
            "so it isn't a strong match for the role",
            "isn't a strong match",
            "it isn't a strong match",
        ),
        ("we weren't sure the match was there", "weren't sure the match", None),  # cut short
    ],
)
def test_a_negated_copula_is_quoted_with_its_subject(
    text: str, span: str, quote: str | None
) -> None:
    start = text.index(span)
    assert clean_quote(text, start, start + len(span)) == quote


# 3. A future opening by its name and time ----------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        (
            "We usually have a maternity cover or two coming up in the autumn.",
            "maternity cover in the autumn",
        ),
        ("Keep an eye on us, we're hiring a few more SDRs once our round closes.", "SDRs"),
        ("If warehouse roles come up in Leeds, I'll let you know.", "warehouse roles in Leeds"),
        ("We hope to open two junior positions in March.", "junior positions in March"),
        ("Please keep an eye out for other roles coming up.", None),
    ],
)
def test_a_future_opening_is_read_with_its_time(sentence: str, named: str | None) -> None:
    found = future_role(sentence)
    if named is None:
        assert found is None
    else:
        assert found is not None and found.startswith(named), found


def test_a_future_opening_is_welcomed_when_the_sender_keeps_my_details() -> None:
    message = (
        "Hi Ciara,\n\nJust to let you know before the formal email, we won't be going ahead "
        "with your application for the Copy Editor role; we've gone with an internal move.\n\n"
        "I'll hold onto your details, we usually have a maternity cover or two coming up in "
        "the autumn.\n\nAll the best,\nNiall"
    )
    ctx = read_context(message, policy=None)
    assert ctx.future_promised and ctx.future_role is not None
    closing = plan_of(message)[-1]
    assert closing.purpose == "open_ended"
    assert "maternity cover in the autumn" in closing.text
    assert not closing.text.endswith("?"), closing.text  # a welcome: the sender will write


def test_a_future_opening_the_sender_does_not_promise_is_asked_about() -> None:
    message = (
        "Hi Ciara,\n\nThank you for interviewing for the Copy Editor role. We have decided to "
        "go with another candidate whose experience was closer to what we need.\n\n"
        "We usually have a maternity cover or two coming up in the autumn, so do apply then."
        "\n\nAll the best,\nNiall"
    )
    ctx = read_context(message, policy=None)
    assert not ctx.future_promised
    closing = plan_of(message)[-1]
    assert "maternity cover" in closing.text


# 4. A recruiter's "won't be progressing you", freelance asked, a start date ------------------


def test_a_recruiter_who_will_not_progress_you_to_interview_states_a_decision(
    analyzer: Analyzer,
) -> None:
    message = (
        "Hi Tom, just touching base on the Payroll Lead role. The client liked your CV but your "
        "day rate is above what they have signed off, so they won't be progressing you to "
        "interview. I've a couple of other contracts that may suit, happy to chat this week? "
        "Cheers, Amy | Consultant | Ridgeway Search"
    )
    assert analyzer.analyze(message).kind.label == "rejection"


@pytest.mark.parametrize(
    "sentence",
    [
        "If we end up needing freelance help over the summer would you be keen?",
        "Do stay in touch, we get busy in spring and sometimes need freelance support.",
    ],
)
def test_freelance_work_offered_in_passing_is_taken_up(sentence: str) -> None:
    message = (
        "Hi Jo,\nThanks for coming in. We've decided to go with someone else for the designer "
        f"role. {sentence}\nThanks again,\nBec"
    )
    assert read_context(message, policy=None).work_offered == "freelance"
    assert "freelance" in plan_of(message)[-1].text


def test_a_hire_who_can_start_at_once_is_a_reason_outside_the_candidates_control() -> None:
    message = (
        "Hi Jo,\nThanks for coming in last week. We've gone with someone else, mainly because "
        "they can start straight away and we have two launches next month.\nThanks again,\nBec"
    )
    assert "start" in read_context(message, policy=None).out_of_control  # (a kind of its own)
    assert not any("stronger" in q.text for q in plan_of(message))

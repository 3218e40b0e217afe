"""A question in which the sender proposes something is answered with a yes, in its words."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import draft
from analyzer.planasks import sender_asks, turned
from analyzer.plancontext import read_context

ASKED = [
    (
        "Shall I send over the job description?",
        "Yes, please send over the job description. What would the role need most from a "
        "candidate?",
    ),
    (
        "Would you like me to put your CV forward for it?",
        "Yes, please put my CV forward for it. What would you need from me?",
    ),
    (
        "Are you happy for me to get in touch when it goes live?",
        "Yes, I would be happy for you to get in touch when it goes live. What could I work on "
        "in the meantime?",
    ),
    (
        "If so, can I pass your details to our Bristol team?",
        "Yes, please pass my details to your Bristol team. What would you need from me?",
    ),
    (
        "Would you be open to being considered for the Graduate Scheme instead?",
        "Yes, I would be open to being considered for the Graduate Scheme instead. What would "
        "you need from me?",
    ),
    ("Want me to send it over?", "Yes, please send it over."),
    (
        "Do you want me to keep you in mind for the spring intake?",
        "Yes, please keep me in mind for the spring intake. What could I work on in the meantime?",
    ),
]

NOT_OFFERS = [
    "Do you have any questions?",
    "Could I ask you to confirm your availability for Thursday?",
    "Shall we set up a call next week?",  # a call offered: the offers cue answers it
    "Is it ok if I share your profile with {{client}}?",  # a merge field is not echoed
    "> Could I send you my portfolio?",  # the candidate's own earlier mail, quoted
    "Can I just check your notice period?",
    "Would you be willing to relocate to Glasgow?",
]


@pytest.mark.parametrize(("question", "reply"), ASKED)
def test_a_proposal_is_answered_in_the_senders_words(question: str, reply: str) -> None:
    assert sender_asks(question) == reply


@pytest.mark.parametrize("question", NOT_OFFERS)
def test_questions_that_propose_nothing_get_no_yes(question: str) -> None:
    assert sender_asks(question) is None


@pytest.mark.parametrize(
    ("action", "said_back"),
    [
        ("put your CV forward", "put my CV forward"),
        ("send you our brochure", "send me your brochure"),
        ("introduce you to my colleague", "introduce me to your colleague"),
    ],
)
def test_pronouns_are_turned_round(action: str, said_back: str) -> None:
    assert turned(action) == said_back


AGENCY_NOTE = """Hello Marcus,

Unfortunately the hiring manager has decided not to move forward with your application for the \
Store Supervisor position.

We do have a part-time Team Leader vacancy at our Leeds branch. Would you like me to put your CV \
forward for it?

Kind regards,
Jade
Recruitment Partner
"""

QUESTION_AFTER_NO = """Hi Dana,

Just a quick note to let you know that we won't be progressing your application for the UX \
Researcher role this time.

We're expecting to open a junior research role in the spring. Are you happy for me to get in \
touch when it goes live?

Best,
Ruth
"""


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    return Analyzer()


def test_the_plan_closes_with_the_yes(analyzer: Analyzer) -> None:
    report = analyzer.analyze(AGENCY_NOTE)
    closing = report.questions[-1].text
    assert closing == "Yes, please put my CV forward for it. What would you need from me?"
    assert read_context(AGENCY_NOTE, policy=None).sender_asks == closing


def test_a_no_that_ends_in_a_question_is_still_a_rejection(analyzer: Analyzer) -> None:
    """'won't be progressing your application' states the decision in so many words, so the
    question that follows does not set the decision evidence aside."""
    report = analyzer.analyze(QUESTION_AFTER_NO)
    assert report.kind.label == "rejection"
    assert report.questions[-1].text.startswith("Yes, I would be happy for you to get in touch")


def test_the_draft_says_yes_in_its_own_paragraph(analyzer: Analyzer) -> None:
    report = analyzer.analyze(QUESTION_AFTER_NO)
    mail = draft(report)
    yes = "Yes, I would be happy for you to get in touch when it goes live."
    paragraphs = mail.body.split("\n\n")
    assert any(p.startswith(yes) for p in paragraphs)
    assert all(not q.text.startswith("Yes,") for q in mail.questions)
    numbered = [line for line in mail.body.splitlines() if line[:2] in {"1.", "2.", "3."}]
    assert numbered and all(yes not in line for line in numbered)
    script = draft(report, channel="phone").body
    assert yes in script

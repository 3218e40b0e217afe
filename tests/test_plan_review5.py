"""Fifth blind review of the plans (issue 16): fault categories the reviewers named, each held
by messages written for these tests."""

from __future__ import annotations

import pytest

from analyzer.plancontext import read_context
from analyzer.quotes import is_clean_phrase

from .plan_helpers import REASON_LEAD, found, stated, texts_of

# A résumé kept in other words is still an offer to take up -----------------------------------


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("We will retain your resume for future openings.", True),
        ("We will retain your CV for 6 months.", True),
        ("We'll hold on to your details.", True),
        ("We store your data securely in line with data protection law.", False),
    ],
)
def test_a_resume_kept_in_other_words_is_taken_up(sentence: str, kept: bool) -> None:
    message = (
        f"Thank you for applying for the Rope Splicer role. The role has been filled. {sentence}"
    )
    context = read_context(message, policy=None)
    assert (context.follow_up == "keep_resume") is kept
    personal = f"{message} I am sorry."  # a form letter that keeps the résumé leaves it there
    closing = texts_of(personal)[-1]
    assert ("résumé" in closing or "details" in closing) is kept
    assert (texts_of(message) == []) is kept  # a filled role's form letter: nothing open


# A lead that names the basis does not name it again, nor invent "a difference" ----------------

COMPARISON = (
    "Thank you for applying. We have decided to move forward with candidates whose skills and "
    "experience more closely align with our needs."
)


def test_a_basis_is_named_once_and_not_called_a_difference() -> None:
    texts = texts_of(COMPARISON, [found(COMPARISON, "more closely align", "unanchored_comparison")])
    (question,) = [t for t in texts if "skills and experience" in t]
    assert question.count("skills and experience") == 1
    assert "a difference" not in question and ";" not in question  # the question alone


def test_a_fit_question_does_not_echo_match() -> None:
    message = "Thank you for applying. Your profile was not quite the right match for the role."
    texts = texts_of(message, [found(message, "not quite the right match", "fit_euphemism")])
    assert not any(t.count("match") > 1 for t in texts), texts


def test_two_stated_reasons_get_one_question_without_an_ambiguous_them() -> None:
    sentence = "The team chose another candidate based on their work experience and skill set."
    message = f"Thanks for applying. {sentence}"
    reasons = (stated(message, "experience", sentence), stated(message, "skills", sentence))
    texts = texts_of(message, reasons=reasons)
    (together,) = [t for t in texts if REASON_LEAD.match(t)]
    assert "which of them" not in together and together.endswith("?")


# The sender's "your" is not quoted back --------------------------------------------------------


@pytest.mark.parametrize(
    "phrase",
    ["not fully convinced about your motivation", "not the right fit for you", "your profile"],
)
def test_a_phrase_in_the_second_person_is_not_quoted(phrase: str) -> None:
    assert not is_clean_phrase(phrase)


# A withdrawn role whose message promises to be in touch is not asked how it will reopen -------


@pytest.mark.parametrize(
    "promise",
    [
        "We will keep your resume on file.",
        "We will not hesitate to contact you about future opportunities.",
    ],
)
def test_a_withdrawn_role_with_a_promise_gets_no_reopening_question(promise: str) -> None:
    message = (
        "Thank you for your time. Unfortunately this role will not be moving ahead at this "
        f"time. {promise}"
    )
    assert "withdrawn" in read_context(message, policy=None).out_of_control
    assert not any("reopens" in t for t in texts_of(message))


# After an interview question about what fell short, the closing asks something new -----------


def test_an_interview_plan_does_not_ask_twice_what_to_prepare() -> None:
    message = (
        "Thanks for interviewing with us for the Pier Warden role. The panel felt another "
        "candidate was a better fit. We wish you well."
    )
    texts = texts_of(message, [found(message, "a better fit", "fit_euphemism")])
    assert sum(("prepare" in t or "come across" in t or "interview" in t) for t in texts[1:]) <= 1


def test_no_quote_lead_reads_as_a_challenge() -> None:
    message = "Thanks for applying. We went with a candidate who was a better match. Best, Team"
    for n in range(8):
        texts = texts_of(f"{message} Ref {n}.", [found(message, "a better match", "fit_euphemism")])
        assert not any(t.startswith("When you say") for t in texts)

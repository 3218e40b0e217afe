"""Vague phrases in the informal and roundabout wordings real senders use, beside the textbook
ones of ``test_vague_rules.py``; and the durations of retention notices, which state no basis."""

from __future__ import annotations

import pytest

from analyzer.analysis import Analyzer

# (message, phrase that must be inside a finding, expected type)
PARAPHRASES = [
    (
        "After a good deal of thought, we will not be offering you the post.",
        "After a good deal of thought",
        "decision_formula",
    ),
    (
        "Following much deliberation the panel chose to appoint elsewhere.",
        "Following much deliberation",
        "decision_formula",
    ),
    (
        "Sorry, we're not going to take things further with your application.",
        "not going to take things further",
        "decision_formula",
    ),
    (
        "I'm afraid they won't be taking it forward.",
        "won't be taking it forward",
        "decision_formula",
    ),
    (
        "In the end they went with another applicant.",
        "went with another applicant",
        "decision_formula",
    ),
    ("The client has gone with someone else.", "gone with someone else", "decision_formula"),
    ("We have decided to go a different way.", "go a different way", "fit_euphemism"),
    ("Another finalist just edged ahead of you.", "edged ahead", "unanchored_comparison"),
    ("Two others pipped you at the final stage.", "pipped you", "unanchored_comparison"),
    ("The others were a little further along.", "little further along", "unanchored_comparison"),
    ("Her answers were rated slightly higher.", "rated slightly higher", "unanchored_comparison"),
    ("We are after a slightly different profile.", "different profile", "fit_euphemism"),
    ("It needs a different skill mix.", "different skill mix", "fit_euphemism"),
    ("Your examples were a touch thin.", "touch thin", "unspecified_gap"),
    ("The case study felt a bit light in places.", "bit light in places", "unspecified_gap"),
    ("Your pitch lacked a bit of punch.", "lacked a bit of punch", "unspecified_gap"),
    (
        "Your delivery isn't quite where it needs to be yet.",
        "isn't quite where it needs to be",
        "unspecified_gap",
    ),
    ("The panel thought another profile suited better.", "panel thought", "subjective_impression"),
    (
        "The directors weren't wholly persuaded by the plan.",
        "wholly persuaded",
        "subjective_impression",
    ),
    (
        "There were a few doubts about your stakeholder work.",
        "There were a few doubts about",
        "subjective_impression",
    ),
    (
        "I'll ping you if anything else pops up.",
        "if anything else pops up",
        "noncommittal_future",
    ),
    (
        "We may call you if something closer to your background opens up.",
        "if something closer to your background opens up",
        "noncommittal_future",
    ),
    ("Sadly now isn't the right moment for us.", "isn't the right moment", "noncommittal_future"),
]

# (message, words that must NOT be inside any finding)
NOT_FLAGGED = [
    ("If you have questions about the process, please contact HR.", "have questions"),
    ("This does not reflect a lack of appreciation for your work.", "lack of appreciation"),
    ("Following further discussions with the team, we are pleased to confirm.", "discussions"),
    ("The role was light on travel, as you asked.", "light on"),
]


@pytest.mark.parametrize(("text", "phrase", "vague_type"), PARAPHRASES)
def test_flags_paraphrased_vague_phrase(
    rules_only: Analyzer, text: str, phrase: str, vague_type: str
) -> None:
    report = rules_only.analyze(text)
    matching = [f for f in report.findings if phrase.lower() in f.text.lower()]
    assert matching, f"{phrase!r} not flagged in {text!r}: {[f.text for f in report.findings]}"
    assert matching[0].type == vague_type


@pytest.mark.parametrize(("text", "words"), NOT_FLAGGED)
def test_leaves_lookalikes_alone(rules_only: Analyzer, text: str, words: str) -> None:
    report = rules_only.analyze(text)
    assert all(words.lower() not in f.text.lower() for f in report.findings), report.findings


@pytest.mark.parametrize("period", ["12 months", "6 weeks", "30 days"])
def test_a_retention_period_is_no_basis_of_the_decision(rules_only: Analyzer, period: str) -> None:
    """A number of years in the next sentence states the basis of a comparison ("she has 8
    years in payroll"); how long details are kept, or when to expect news, does not."""
    text = (
        "Unfortunately you have not been selected for the next stage. "
        f"We will hold your details for {period} in case a suitable vacancy arises."
    )
    findings = rules_only.analyze(text).findings
    assert any("not been selected" in f.text for f in findings), findings


def test_years_in_the_next_sentence_still_state_the_basis(rules_only: Analyzer) -> None:
    text = (
        "We have decided to move forward with other candidates. "
        "The successful applicant has 8 years of payroll experience."
    )
    findings = rules_only.analyze(text).findings
    assert not any(f.type == "decision_formula" for f in findings), findings

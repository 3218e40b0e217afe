"""Vague-phrase rules and the comparatives component, over tables of the team's own examples."""

from __future__ import annotations

import re

import pytest

from analyzer.analysis import Analyzer

# (message, phrase that must be flagged (a substring of a finding), expected type)
FLAGGED = [
    ("We went with a candidate who was more qualified.", "more qualified", "unanchored_comparison"),
    ("Other applicants were stronger.", "stronger", "unanchored_comparison"),
    ("We chose someone better suited to the position.", "better suited", "unanchored_comparison"),
    ("Her profile was a closer match.", "closer match", "unanchored_comparison"),
    ("They fit the brief better.", "better", "unanchored_comparison"),
    (
        "We picked a person with more relevant experience.",
        "more relevant experience",
        "unanchored_comparison",
    ),
    ("Their background was more in line with the plan.", "more in line", "unanchored_comparison"),
    ("Sadly you were not the right fit for us.", "not the right fit", "fit_euphemism"),
    ("It's not a good fit at the moment.", "not a good fit", "fit_euphemism"),
    ("We focus a lot on culture fit.", "culture fit", "fit_euphemism"),
    ("Your goals are not aligned with what we need.", "not aligned", "fit_euphemism"),
    (
        "We didn't see a strong match between the role and you.",
        "see a strong match",
        "fit_euphemism",
    ),
    ("You lacked depth when we dug in.", "lacked depth", "unspecified_gap"),
    ("We need someone with a bit more experience.", "more experience", "unspecified_gap"),
    ("You are not quite at the level we need.", "not quite at the level", "unspecified_gap"),
    ("There are some areas for development.", "areas for development", "unspecified_gap"),
    ("You weren't senior enough for this one.", "senior enough", "unspecified_gap"),
    ("The team felt you were hesitant.", "team felt", "subjective_impression"),
    ("Your application didn't stand out.", "stand out", "subjective_impression"),
    (
        "It just wasn't what we were looking for.",
        "what we were looking for",
        "subjective_impression",
    ),
    (
        "We were not fully convinced by your answers.",
        "not fully convinced",
        "subjective_impression",
    ),
    (
        "We have decided to move forward with other candidates.",
        "decided to move forward",
        "decision_formula",
    ),
    (
        "After careful consideration we are declining.",
        "After careful consideration",
        "decision_formula",
    ),
    (
        "We decided not to proceed with your application.",
        "decided not to proceed",
        "decision_formula",
    ),
    (
        "We will not be progressing your application further.",
        "not be progressing",
        "decision_formula",
    ),
    ("You have not been selected for interview.", "not been selected", "decision_formula"),
    ("Unfortunately you were unsuccessful.", "unsuccessful", "decision_formula"),
    ("We cannot offer you the role at this time.", "at this time", "noncommittal_future"),
    (
        "Your CV will stay with us; we'll keep your CV on file.",
        "keep your CV on file",
        "noncommittal_future",
    ),
    (
        "We will be in touch if a suitable role opens up.",
        "if a suitable role opens up",
        "noncommittal_future",
    ),
    (
        "Look out for future opportunities that may suit you better.",
        "future opportunities",
        "noncommittal_future",
    ),
    ("The post went elsewhere right now.", "right now", "noncommittal_future"),
    ("Sadly we can't extend an offer this round.", "extend an offer", "decision_formula"),
    ("In the end we chose to go with others.", "go with others", "decision_formula"),
    ("The panel identified another applicant for it.", "identified another", "decision_formula"),
    ("We'll hold on to your CV for a year.", "hold on to your CV", "noncommittal_future"),
    ("Your profile will be kept on file.", "profile will be kept", "noncommittal_future"),
    (
        "Expect a call when there is an opening that suits you.",
        "there is an opening that",
        "noncommittal_future",
    ),
    ("Hers was the profile that best matched.", "best matched", "unanchored_comparison"),
    ("Other applicants scored higher overall.", "scored higher", "unanchored_comparison"),
    (
        "We chose someone with a stronger commercial background.",
        "stronger commercial background",
        "unanchored_comparison",
    ),
    ("It came down to a deeper bench of references.", "deeper bench", "unanchored_comparison"),
]

# (message, words that must NOT be inside any finding)
NOT_FLAGGED = [
    ("She had more experience with Kubernetes than the others.", "more experience"),
    ("The other finalist was stronger in SQL window functions.", "stronger"),
    ("Thank you for the time you gave us.", "the time"),
    ("Please let us know if you'd like more information.", "more information"),
    ("We wish you all the best in your search.", "best"),
    # the comparatives' stop phrases, in any case
    ("We are Stronger Together.", "stronger"),
    ("You hold a degree in HIGHER EDUCATION.", "higher"),
    ("We will never stop trying to better understand our candidates.", "better"),
    ("It was more or less decided.", "less"),
    ("Learn more about our teams on the careers page.", "more about"),
    ("Feel free to reply if you'd like more detailed feedback.", "more detailed"),
    ("We received more than 300 applications.", "more than"),
    ("The role is no longer available, so we will not be moving forward.", "moving forward"),
    ("We will not hesitate to contact you about the contract.", "hesitate"),
    # a quantity, or a comparative that describes a thing, compares no candidates
    ("We open a second depot in May and will need more drivers.", "more drivers"),
    ("Your plan was to add more servers when traffic grew.", "more servers"),
    ("If you want a few days on the bigger refit jobs, give me a ring.", "bigger"),
    ("You did well with the busiest lunch service of the week.", "busiest"),
    # a name that looks like a comparative ("tanner", "fuller"), capitalised inside a sentence
    ("hey Tanner thanks for reaching out about the yard job.", "Tanner"),
    ("Hi Ms Fuller, thanks for coming in on Monday.", "Fuller"),
]


# Informal and roundabout wordings real senders use, beside the textbook ones above.
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
        "There were a few doubts",  # not the dangling "about"
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
NOT_FLAGGED_PARAPHRASES = [
    ("If you have questions about the process, please contact HR.", "have questions"),
    ("This does not reflect a lack of appreciation for your work.", "lack of appreciation"),
    ("Following further discussions with the team, we are pleased to confirm.", "discussions"),
    ("The role was light on travel, as you asked.", "light on"),
]


@pytest.mark.parametrize(("text", "phrase", "vague_type"), FLAGGED + PARAPHRASES)
def test_flags_vague_phrase(rules_only: Analyzer, text: str, phrase: str, vague_type: str) -> None:
    report = rules_only.analyze(text)
    matching = [f for f in report.findings if phrase.lower() in f.text.lower()]
    assert matching, f"{phrase!r} not flagged in {text!r}: {[f.text for f in report.findings]}"
    assert matching[0].type == vague_type


@pytest.mark.parametrize(("text", "words"), NOT_FLAGGED + NOT_FLAGGED_PARAPHRASES)
def test_leaves_concrete_or_courteous_text_alone(
    rules_only: Analyzer, text: str, words: str
) -> None:
    report = rules_only.analyze(text)
    assert all(words.lower() not in f.text.lower() for f in report.findings), report.findings


@pytest.mark.parametrize(
    "text",
    [
        "We hired someone MORE QUALIFIED.",
        "Candidates who fits better were chosen.",
        "The panel matched you poorly and others matched it better.",
    ],
)
def test_lemma_and_case_variants_still_match(rules_only: Analyzer, text: str) -> None:
    assert rules_only.analyze(text).findings


def test_every_finding_explains_and_asks_about_its_phrase(rules_only: Analyzer) -> None:
    text = " ".join(t for t, _, _ in FLAGGED)
    report = rules_only.analyze(text)
    assert len(report.findings) >= len(FLAGGED) - 3
    for f in report.findings:
        assert text[f.start : f.end] == f.text
        assert f.explanation and f.question.endswith("?")
        quoted = re.findall(r'"([^"]+)"', f.question)
        assert all(q.lower() in f.text.lower() for q in quoted), (f.text, f.question)


def test_decision_tied_to_concrete_reason_is_specific(rules_only: Analyzer) -> None:
    text = "Because the role has been filled internally, we will not be moving forward."
    report = rules_only.analyze(text)
    assert not [f for f in report.findings if f.type == "decision_formula"]
    assert any("filled internally" in s.text for s in report.specific_feedback)


@pytest.mark.parametrize(
    ("text", "policy"),
    [
        ("Due to the volume of applications we cannot provide individual feedback.", "declines"),
        ("Unfortunately we are not able to give feedback on each application.", "declines"),
        ("I'm happy to share more feedback if that would help.", "invites"),
        ("Please feel free to reach out with any questions.", "invites"),
        ("We wish you luck in your search.", "unspecified"),
        ("We will not hesitate to contact you in future.", "unspecified"),
    ],
)
def test_feedback_policy_cues(rules_only: Analyzer, text: str, policy: str) -> None:
    assert rules_only.analyze(text).feedback_policy.label == policy


@pytest.mark.parametrize(
    ("text", "concrete"),
    [
        ("You had not used Kubernetes in production.", "Kubernetes"),
        ("In the SQL exercise your query did not handle NULL values.", "NULL"),
        ("We need someone who can relocate to Leeds by March.", "relocate"),
        ("The salary expectations were above our band.", "salary expectations"),
        ("For example, the second answer skipped error handling.", "error handling"),
    ],
)
def test_specific_feedback(rules_only: Analyzer, text: str, concrete: str) -> None:
    specific = rules_only.analyze(text).specific_feedback
    assert any(concrete in s.text for s in specific), specific


@pytest.mark.parametrize(
    ("text", "clause", "cue"),
    [
        (
            "I am writing to let you know that the post has been filled by an internal candidate.",
            "the post has been filled by an internal candidate",
            "logistics",
        ),
        (
            "We wanted to inform you the role has been put on hold.",
            "the role has been put on hold",
            "logistics",
        ),
        (
            "You had not used Kubernetes in production.",
            "You had not used Kubernetes in production",
            "skill",
        ),
    ],
)
def test_concrete_clauses_start_after_the_announcement(
    rules_only: Analyzer, text: str, clause: str, cue: str
) -> None:
    specific = rules_only.analyze(text).specific_feedback
    assert [(s.text, s.cue) for s in specific] == [(clause, cue)]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Unfortunately you weren't successful for the analyst role.", "weren't successful"),
        ("You were not selected for the next stage.", "were not selected for the next stage"),
        ("You have not been shortlisted for interview.", "have not been shortlisted for interview"),
        ("You were not selected to the.", "were not selected"),
    ],
)
def test_a_decision_formula_does_not_end_on_a_function_word(
    rules_only: Analyzer, text: str, phrase: str
) -> None:
    found = [f.text for f in rules_only.analyze(text).findings if f.type == "decision_formula"]
    assert found == [phrase]


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


@pytest.mark.parametrize(
    ("text", "cut", "whole"),
    [
        ("We have decided not to move forward at this time.", "forward at", "at this time"),
        ("Your CV will be kept on our database for six months.", "kept on our", None),
        ("They felt the answer wasn't a perfect one.", None, "wasn't a perfect one"),
    ],
)
def test_no_flag_is_cut_mid_phrase(
    rules_only: Analyzer, text: str, cut: str | None, whole: str | None
) -> None:
    """A flag never ends on a determiner or on the preposition whose object it left out, nor
    starts inside a word; the phrase the cut one ran into keeps its own flag."""
    found = [f.text for f in rules_only.analyze(text).findings]
    assert cut is None or not any(f.endswith(cut) for f in found), found
    assert not any(f.endswith((" the", " our", " at", " on", " this")) for f in found), found
    assert not any(f.startswith(("n't", "'re")) for f in found), found
    assert whole is None or whole in found, found

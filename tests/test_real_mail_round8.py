"""Faults found on mail nobody here wrote, each covered as a category with the team's own
examples: dashed lists read as signatures, sign-offs above a title, decisions stated in
relayed or informal words, and reasons outside the candidate's control in more words."""

from __future__ import annotations

import numpy as np
import pytest

from analyzer.analysis import Analyzer
from analyzer.classify.decide import KindRule, statement_matters
from analyzer.clean import clean
from analyzer.labels import KINDS
from analyzer.plancontext import follow_up, out_of_control, read_context
from analyzer.plansigns import mass_mail, signed_by_person


@pytest.fixture(scope="module")
def analyzer() -> Analyzer:
    """The analyzer with its classifiers, as users run it."""
    return Analyzer()


DASHED_NOTE = (
    "Hi Sam,\n\nThanks for the trial day. We won't be offering you the role, and here is why:\n"
    "- your pastry work was neat but slow for a Saturday service\n"
    "- you did not check the allergen sheet before plating\n\n"
    "Happy to talk it through.\n\nCheers\nNadia\nHead Baker, Crumb & Co"
)


def test_a_dashed_list_is_feedback_not_a_signature() -> None:
    cleaned = clean(DASHED_NOTE)
    assert "allergen sheet" in cleaned.text
    assert "Happy to talk it through" in cleaned.text
    assert len(cleaned.text) == len(DASHED_NOTE)


@pytest.mark.parametrize(
    "text",
    [
        "Thanks for applying.\nWe went with someone else.\n- Priya, Lantern Staffing",
        "Hi,\nNo luck this time.\n\n- Tom\nSent from my phone",
    ],
)
def test_a_dash_before_the_last_lines_is_still_a_signature(text: str) -> None:
    cleaned = clean(text)
    assert cleaned.signature is not None
    assert "-" not in cleaned.text.strip().splitlines()[-1]


def test_the_feedback_of_a_dashed_list_is_read(analyzer: Analyzer) -> None:
    report = analyzer.analyze(DASHED_NOTE)
    assert any("allergen sheet" in s.text for s in report.specific_feedback), report


@pytest.mark.parametrize(
    ("ending", "person"),
    [
        ("Best,\nLerato Dlamini\nAnalytics Lead\nKaroo Fresh", True),
        ("Cheers\nMatt\nHead Chef, Salt & Ember", True),
        ("Kind regards,\nJane Moss\nTalent Acquisition Team\nAcme Foods", False),
        ("Regards,\nRecruitment Team\nNorthwind", False),
    ],
)
def test_a_name_above_a_title_signs_as_a_person(ending: str, person: bool) -> None:
    message = "Thank you for coming in on Monday. We have offered the role to someone else.\n\n"
    assert signed_by_person(message + ending) is person


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("The client has now filled the position.", "filled_internally"),
        ("I don't think the timing is right for us. That's on us, not you.", "not_personal"),
        ("We've gone with someone who can do the full overnight rotation.", "availability"),
        ("Your availability didn't match the shifts we need covered.", "availability"),
    ],
)
def test_reasons_outside_the_candidates_control_in_more_words(sentence: str, kind: str) -> None:
    assert kind in out_of_control(sentence)


def test_a_relayed_decision_in_informal_words_is_a_rejection(analyzer: Analyzer) -> None:
    text = (
        "Hi Lee,\nJust heard back from Corbel on Friday. Unfortunately they're not taking it "
        "forward - they liked you but went for someone closer to the site.\n"
        "I've got another project manager role that might suit though. Free for a quick call "
        "tomorrow?\nCheers\nAnna\nAnna Pike | Senior Consultant, Redline Recruitment"
    )
    assert analyzer.analyze(text).kind.label == "rejection"


@pytest.mark.parametrize(
    ("sentence", "outside"),
    [
        ("The budget for this role was cut last week.", True),
        ("Due to budget constraints we have paused hiring.", True),
        ("If funding is secured in the spring we would love to talk again.", True),
        ("When we asked how you'd split the £80k budget, the answer was general.", False),
        ("You hadn't managed a budget before, which this post needs.", False),
    ],
)
def test_the_employers_budget_is_outside_the_candidates_control_a_planned_one_is_not(
    sentence: str, outside: bool
) -> None:
    assert ("budget" in out_of_control(sentence)) is outside


ADMITTED = (
    "Dear Sam,\n\nThank you for the presentation on Tuesday. We have offered the Head of "
    "Events role to another candidate, and I promised proper feedback.\n\n"
    "What worked: your venue research was thorough and your timeline was realistic.\n"
    "Where it fell down: the sponsorship figures did not add up, and the risk register "
    "left out the weather.\n"
    "Less concretely, the panel felt the other candidate had a clearer sense of how to lead "
    "the volunteers.\n\n"
    "I'd be happy to talk on the phone.\n\nWith best wishes,\nRuth Ames\nDirector of Events"
)


def test_the_point_a_note_calls_less_concrete_gets_its_own_question(analyzer: Analyzer) -> None:
    report = analyzer.analyze(ADMITTED)
    clarifying = [q for q in report.questions if q.purpose == "clarify"]
    assert clarifying, report.questions
    admitted = ADMITTED[ADMITTED.index("Less concretely") : ADMITTED.index("volunteers")]
    assert all(q.phrase is not None and q.phrase in admitted for q in clarifying), clarifying


def test_without_such_a_point_a_spelled_out_note_gets_no_clarifying_question(
    analyzer: Analyzer,
) -> None:
    report = analyzer.analyze(ADMITTED.replace("Less concretely, the panel felt", "Also,"))
    assert not [q for q in report.questions if q.purpose == "clarify"], report.questions


@pytest.mark.parametrize(
    "sentence",
    [
        "I'll let you know if a junior post opens up.",
        "We'll be in touch if a similar role opens.",
    ],
)
def test_a_promise_to_be_in_touch_is_taken_up(sentence: str) -> None:
    assert follow_up(sentence) == "keep_in_touch"


@pytest.mark.parametrize(
    ("sentence", "kind"),
    [
        ("Your sponsorship figures did not add up.", None),
        ("We are unable to offer visa sponsorship for this role.", "visa"),
    ],
)
def test_event_sponsorship_is_no_visa(sentence: str, kind: str | None) -> None:
    assert ("visa" in out_of_control(sentence)) is (kind == "visa")


@pytest.mark.parametrize("opening", ["Less concretely,", "More broadly,"])
def test_a_comparative_adverb_opening_a_clause_is_no_comparison(
    rules_only: Analyzer, opening: str
) -> None:
    report = rules_only.analyze(f"{opening} we would like to see clearer slides next time.")
    assert not any(opening.rstrip(",").lower() in f.text.lower() for f in report.findings)


@pytest.mark.parametrize(
    ("sentence", "offered"),
    [
        ("Fancy a quick call tomorrow to talk it over?", True),
        ("Let me give you a ring and explain.", True),
        ("I'll give you a call tomorrow to run through it.", True),
        ("I'll give you a bell if anything else comes up.", False),
    ],
)
def test_a_call_offered_not_a_call_promised_if_something_comes_up(
    sentence: str, offered: bool
) -> None:
    message = f"Hi Jo,\nThey have gone with someone else for the role. {sentence}\nCheers\nSam"
    assert read_context(message, policy=None).offers_call is offered


@pytest.mark.parametrize(
    "line",
    [
        "We are not able to respond to each one individually.",
        "Dear {FirstName}, thank you for applying.",
        "Dear <Candidate Name>, thank you for applying.",
    ],
)
def test_more_signs_of_mail_sent_to_many(line: str) -> None:
    assert mass_mail(f"{line}\nUnfortunately we will not take your application further.")


AGENCY_RELAY = (
    "Hi Sam,\n\nJust heard back from Corvell about Thursday's interview. They've gone with someone "
    "who's got a bit more retail banking background, so it's a no this time I'm afraid.\n\n"
    "I've got a couple of other analyst roles coming through next week. Fancy a quick call "
    "on Monday?\n\nCheers,\nPriya\nPriya Nair | Senior Consultant | Brightwater Search"
)


def test_a_recruiters_relayed_no_with_another_role_is_a_rejection(analyzer: Analyzer) -> None:
    """A stated decision counts even where the classifier reads recruiter outreach, when the
    message uses the job search's own words ("interview", "role")."""
    report = analyzer.analyze(AGENCY_RELAY)
    assert report.kind.label == "rejection", report.kind
    assert report.questions


@pytest.mark.parametrize(("strong", "matters"), [(True, True), (False, False)])
def test_a_stated_decision_lifts_other_mail_only_with_the_job_searchs_own_words(
    strong: bool, matters: bool
) -> None:
    other = np.array([0.2, 0.05, 0.05, 0.05, 0.05, 0.6])  # the classifier favours "other"
    assert KINDS[int(other.argmax())] == "other"
    rule = KindRule(gate=0.4)
    assert statement_matters(other, evidence=0.1, rule=rule, strong_job=strong) is matters


@pytest.mark.parametrize(
    "sentence",
    [
        "We will not be offering you the role.",
        "We won't be extending an offer.",
        "We have decided not to offer you the position.",
    ],
)
def test_an_offer_declined_in_so_many_words_is_no_offer(analyzer: Analyzer, sentence: str) -> None:
    text = (
        f"Hi Ana,\nThanks for the final round. {sentence}\n- your SQL was right but slow\n"
        "- the dashboard had no filters\nBest,\nTom Reyes\nHead of Analytics"
    )
    assert analyzer.analyze(text).kind.label == "rejection"

"""The question plan: ranking, size, distinct questions, clean quotes, context and stage."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.analysis import Analyzer
from analyzer.labels import VAGUE_TYPES, Purpose
from analyzer.plancheck import check_plan, quotes_of
from analyzer.planclosing import template_letter, without_offer_lead
from analyzer.plancontext import PlanContext, context_of
from analyzer.planopeners import door_open_only
from analyzer.questions import DEFAULT_MAX, plan, question_for
from analyzer.render.plan import plan_to_text
from analyzer.report import Finding, SpecificFeedback
from analyzer.resources import read_json
from analyzer.similarity import THRESHOLD, max_similarity

from .conftest import check_golden

OPEN_WORD = re.compile(
    r"(?:^|[,:;.]\s+)(what|which|how|could you|in which|when|where)\b", re.IGNORECASE
)
DISPUTING = ("wrong", "disagree", "reconsider", "unfair", "mistake", "why didn't", "why not")
REPLIES = Path(__file__).parent / "golden" / "plan" / "replies"
CATEGORIES = Path(__file__).parent / "golden" / "plan" / "categories"


def is_open_ended(question: str) -> bool:
    """True when the question, or the clause after its lead-in, starts with an open word."""
    return question.endswith("?") and OPEN_WORD.search(question.strip()) is not None


def found(message: str, phrase: str, vague_type: str) -> Finding:
    start = message.index(phrase)
    return Finding(phrase, start, start + len(phrase), vague_type, "", "")


# (type, phrase, a word the question must hold, whether the phrase is quoted)
BY_TYPE = [
    ("unanchored_comparison", "more qualified", "qualification", True),
    ("unanchored_comparison", "stronger candidates", "area", True),
    ("fit_euphemism", "not the right fit", "needs", True),
    ("fit_euphemism", "culture fit", "team", True),
    ("unspecified_gap", "lacked depth", "depth", True),
    ("unspecified_gap", "more experience", "experience", True),
    ("subjective_impression", "the team felt", "view", False),
    ("subjective_impression", "didn't stand out", "stand out", False),
    ("decision_formula", "decided not to proceed", "requirement", False),
    ("noncommittal_future", "at this time", "roles", False),
]


@pytest.mark.parametrize(("vague_type", "phrase", "word", "quoted"), BY_TYPE)
def test_question_for_a_type(vague_type: str, phrase: str, word: str, quoted: bool) -> None:
    question = question_for(vague_type, phrase)
    assert (f'"{phrase}"' in question) is quoted
    assert word in question.lower()
    assert is_open_ended(question), question


def test_every_type_is_covered() -> None:
    assert {t for t, _, _, _ in BY_TYPE} == set(VAGUE_TYPES)


def _template_questions() -> list[str]:
    s = read_json("templates", "plan.json")
    texts = [q for options in s["openers"].values() for q in options]
    texts += [q for options in s["closed_role_openers"].values() for q in options]
    for wording in s["topics"].values():
        options = wording if isinstance(wording, list) else [wording]
        texts += [_capital(t.format(material="application", team="your team")) for t in options]
    texts += [
        q for key in ("applied", "screened", "interviewed", "take_home") for q in s["forward"][key]
    ]
    return texts


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


@pytest.mark.parametrize("text", _template_questions())
def test_templates_are_single_open_undisputing_questions(text: str) -> None:
    assert is_open_ended(text), text
    assert text.count("?") == 1
    assert not any(word in text.lower() for word in DISPUTING)
    assert check_plan("", [text], context=PlanContext(stage="interviewed")) == []


def test_forward_options_of_a_stage_differ_enough_to_vary() -> None:
    s = read_json("templates", "plan.json")
    for key in ("applied", "interviewed", "out_of_control"):
        assert len(set(s["forward"][key])) >= 2


MESSAGE = (
    "We decided not to proceed. Your background was not the right fit and you lacked depth "
    "in testing. The panel felt you were unsure. The others were more qualified and a better "
    "fit. We will keep you in mind at this time."
)
#: A sender who invites questions: the plan closes with a forward-looking question.
INVITING = PlanContext(invites=True)
MANY = [
    found(MESSAGE, "decided not to proceed", "decision_formula"),
    found(MESSAGE, "not the right fit", "fit_euphemism"),
    found(MESSAGE, "lacked depth", "unspecified_gap"),
    found(MESSAGE, "The panel felt", "subjective_impression"),
    found(MESSAGE, "more qualified", "unanchored_comparison"),
    found(MESSAGE, "a better fit", "unanchored_comparison"),
    found(MESSAGE, "at this time", "noncommittal_future"),
]


@pytest.mark.parametrize("cap", range(0, 10))
def test_cap_order_and_one_forward_question(cap: int) -> None:
    questions = plan(MANY, message=MESSAGE, max_questions=cap, context=INVITING)
    assert len(questions) <= cap
    purposes = [q.purpose for q in questions]
    if cap:
        assert purposes[0] == Purpose.OPENER.value
    assert purposes == sorted(purposes, key=["opener", "clarify", "open_ended"].index)
    if cap >= 3:
        assert purposes[-1] == Purpose.OPEN_ENDED.value
    assert purposes.count(Purpose.OPEN_ENDED.value) <= 1
    assert max_similarity([q.text for q in questions]) < THRESHOLD


def test_default_plan_has_four_questions_and_two_clarifications() -> None:
    questions = plan(MANY, message=MESSAGE, context=INVITING)
    assert DEFAULT_MAX == 4 and len(questions) == 4
    assert [q.type for q in questions[1:3]] == ["fit_euphemism", "unspecified_gap"]


def test_formulas_and_hedges_give_no_question_when_better_phrases_exist() -> None:
    types = {q.type for q in plan(MANY, message=MESSAGE, max_questions=20)}
    assert "decision_formula" not in types and "noncommittal_future" not in types


def test_a_bare_formula_gives_one_standalone_question() -> None:
    message = "After careful consideration, we decided not to proceed."
    findings = [found(message, "After careful consideration", "decision_formula")]
    questions = plan(findings, message=message, context=INVITING)
    assert len(questions) == 3
    assert not any(quotes_of(q.text) for q in questions)
    assert "requirement" in questions[1].text


def test_quotes_are_trimmed_or_paraphrased_never_cut() -> None:
    message = "We weren't sure the match was there. We were not aligned with the team at"
    findings = [
        Finding("n't sure the match", 6, 24, "subjective_impression", "", ""),
        found(message, "not aligned with the team at", "fit_euphemism"),
    ]
    texts = [q.text for q in plan(findings, message=message, max_questions=20)]
    quotes = [q for t in texts for q in quotes_of(t)]
    assert quotes == ["not aligned with the team"]
    assert any("impression" in t or "came across" in t for t in texts)


def test_placeholders_are_never_quoted() -> None:
    message = "Candidates for the {{role}} were better aligned with [Company] needs."
    findings = [found(message, "better aligned with [Company] needs", "unanchored_comparison")]
    questions = plan(findings, message=message)
    assert not any("[" in q.text or "{" in q.text for q in questions)


def test_concrete_feedback_is_built_on_once() -> None:
    message = "You had not used Terraform. Your tests were thin. You lacked depth."
    specific = [
        SpecificFeedback("You had not used Terraform", 0, 26, "skill"),
        SpecificFeedback("Your tests were thin", 28, 48, "detail"),
    ]
    findings = [found(message, "lacked depth", "unspecified_gap")]
    clarify = [q for q in plan(findings, specific, message=message) if q.purpose == "clarify"]
    assert len(clarify) == 2
    assert sum(q.phrase in {s.text for s in specific} for q in clarify) == 1


def test_declines_gets_a_thank_you_and_no_question() -> None:
    """A sender who declines feedback is thanked, with the door kept open, and asked nothing;
    where nobody reads replies (an auto-reply, a no-reply mailbox) there is nothing at all."""
    thanks = plan(MANY, message=MESSAGE, context=PlanContext(declines=True))
    assert [q.purpose for q in thanks] == ["opener"]
    assert thanks[0].text.startswith("Thank you") and "?" not in thanks[0].text
    for unread in (
        PlanContext(declines=True, auto_reply=True),
        PlanContext(declines=True, no_reply=True),
    ):
        assert plan(MANY, message=MESSAGE, context=unread) == []


@pytest.mark.parametrize(
    ("kind", "closing"),
    [
        ("budget", "the role"),  # a freeze stops the other roles too: this role, again
        ("location", "other role"),  # said as an open door, not asked (an A/B of blind reviews)
        ("salary", "other role"),
        ("withdrawn", "role"),
        ("filled_internally", "other role"),
    ],
)
def test_out_of_control_reason_asks_only_what_still_helps(kind: str, closing: str) -> None:
    ctx = PlanContext(out_of_control=frozenset({kind}))
    questions = plan(MANY, message=MESSAGE, context=ctx)
    assert check_plan(MESSAGE, questions, context=ctx) == []
    assert closing in questions[-1].text
    assert not any(q.type in {"unanchored_comparison", "fit_euphemism"} for q in questions)


def test_a_withdrawn_role_asks_whether_it_reopens_and_nothing_about_a_gap() -> None:
    ctx = PlanContext(out_of_control=frozenset({"withdrawn"}))
    questions = plan(MANY, message=MESSAGE, context=ctx)
    assert [q.purpose for q in questions] == ["opener", "open_ended"]
    assert "reopens" in questions[0].text and "other role" in questions[-1].text


def test_stated_reason_is_built_on_not_asked_again() -> None:
    ctx = PlanContext(stated=frozenset({"experience"}))
    message = "We chose someone with more experience."
    texts = [q.text for q in plan([], message=message, context=ctx)]
    assert any(t.startswith("Since experience weighed") for t in texts)
    assert not any("reason" in t.lower() for t in texts)


@pytest.mark.parametrize(
    "ctx", [PlanContext(offers_call=True), PlanContext(offers_discuss=True, stage="interviewed")]
)
def test_an_offered_conversation_is_accepted_by_the_closing_question(ctx: PlanContext) -> None:
    questions = plan(MANY, message=MESSAGE, context=ctx)
    assert questions[-1].purpose == "open_ended" and "offer" in questions[-1].text
    assert not any("offer" in q.text for q in questions[:-1])


@pytest.mark.parametrize(
    ("ctx", "words"),
    [
        (PlanContext(offers_feedback=True), "offer of feedback"),
        (PlanContext(invites=True), "open to questions"),
    ],
)
def test_offers_are_taken_up_by_name(ctx: PlanContext, words: str) -> None:
    opener = plan(MANY, message=MESSAGE, context=ctx)[0]
    assert words in opener.text
    assert words not in without_offer_lead(opener.text)
    assert is_open_ended(without_offer_lead(opener.text))


@pytest.mark.parametrize(
    ("ctx", "words"),
    [
        (PlanContext(other_role="Junior Analyst", mentions_other_role=True), "Junior Analyst role"),
        (
            PlanContext(mentions_other_role=True, other_roles_named=True),
            "other roles you mentioned",
        ),
        (PlanContext(mentions_other_role=True), "other role at your company"),
    ],
)
def test_a_mentioned_role_is_asked_about(ctx: PlanContext, words: str) -> None:
    assert words in plan(MANY, message=MESSAGE, context=ctx)[-1].text


@pytest.mark.parametrize(
    ("stage", "word"),
    [
        ("applied", "application"),
        ("screened", "conversation"),
        ("interviewed", "interview"),
        ("interviewed_several", "interviews"),
        ("take_home", "take-home"),
    ],
)
def test_the_stage_decides_opener_and_interview_questions(stage: str, word: str) -> None:
    several = stage.endswith("_several")
    stage = stage.removesuffix("_several")
    ctx = PlanContext(stage=stage, several_interviews=several)
    questions = plan(MANY, message=MESSAGE, context=ctx, max_questions=20)
    assert word in questions[0].text
    mentions = any("interview" in q.text.lower() for q in questions)
    assert mentions is (stage == "interviewed")


TYPES = st.sampled_from([*VAGUE_TYPES, "not_a_type"])


@st.composite
def spans(draw: st.DrawFn) -> tuple[str, list[Finding]]:
    """A message and findings anywhere in it: cut words, wrong offsets, any type."""
    message = draw(st.text(st.sampled_from("ab cd'[{.,\n"), min_size=1, max_size=60))
    findings = []
    for _ in range(draw(st.integers(0, 6))):
        start = draw(st.integers(0, len(message) - 1))
        end = draw(st.integers(start + 1, len(message)))
        text = message[start:end] if draw(st.booleans()) else draw(st.text(max_size=10))
        findings.append(Finding(text, start, end, draw(TYPES), "", ""))
    return message, findings


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow])
@given(spans(), st.integers(0, 8), st.sampled_from(["applied", "interviewed", "take_home"]))
def test_any_findings_give_a_plan_that_passes_the_checks(
    drawn: tuple[str, list[Finding]], cap: int, stage: str
) -> None:
    message, findings = drawn
    ctx = PlanContext(stage=stage)
    questions = plan(findings, message=message, context=ctx, max_questions=cap)
    assert check_plan(message, questions, context=ctx, max_questions=cap) == []


@pytest.mark.parametrize("name", sorted(p.stem for p in REPLIES.glob("*.txt")))
def test_plan_golden(rules_only: Analyzer, name: str) -> None:
    report = rules_only.analyze((REPLIES / f"{name}.txt").read_text(encoding="utf-8"))
    check_golden(f"plan/{name}.questions.txt", plan_to_text(report))


def _categories() -> list[str]:
    return sorted(p.stem for p in CATEGORIES.glob("*.txt") if "." not in p.stem)


@pytest.mark.parametrize("name", _categories())
def test_category_golden(rules_only: Analyzer, name: str) -> None:
    report = rules_only.analyze((CATEGORIES / f"{name}.txt").read_text(encoding="utf-8"))
    check_golden(f"plan/categories/{name}.questions.txt", plan_to_text(report))


def test_every_category_example_passes_the_automated_checks(rules_only: Analyzer) -> None:
    names = _categories()
    assert len(names) >= 12
    for name in names:
        report = rules_only.analyze((CATEGORIES / f"{name}.txt").read_text(encoding="utf-8"))
        ctx = context_of(report)
        assert check_plan(report.text, report.questions, context=ctx) == [], name
        thanked = door_open_only(report.questions)  # a thank-you alone: only for a sender
        assert not thanked or ctx.declines or template_letter(ctx), name  # who gives no
        silent = ctx.declines or ctx.board_notice or thanked  # feedback or a team's template
        asked = [q for q in report.questions if q.text.endswith("?")]
        # a reason outside the candidate's control may be thanked with nothing asked
        assert (len(asked) == 0) is silent or bool(ctx.out_of_control and not silent), name
        assert not ctx.declines or thanked, name
        least = 1 if template_letter(ctx) else 2  # a team's template: one step at most
        most = 2 if template_letter(ctx) else DEFAULT_MAX  # (and its closing, if it invites)
        assert silent or least <= len(report.questions) <= most, name


def test_wording_varies_across_messages() -> None:
    messages = [f"Thanks for applying to role {n}. We decided not to proceed." for n in range(8)]
    texts = set()
    for message in messages:
        findings = [found(message, "decided not to proceed", "decision_formula")]
        texts.add(plan(findings, message=message)[1].text)
    assert len(texts) >= 2


_BASIS_PIECES = [
    "experience", "experiences", "skills", "skill set", "skillset", "qualifications",
    "credentials", "background", "leadership", "client-facing", "design", "co-op", "5-year",
    "previous", "strong", "inexperienced", "skill-based", "the", " ", "  ", "\n", ",", ".",
    "-", "(", "é", "x",
]  # fmt: skip


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(_BASIS_PIECES), max_size=30))
def test_basis_matches_equal_the_pattern_over_the_whole_text(pieces: list[str]) -> None:
    """Reading only around the nouns finds what the pattern finds over the whole text."""
    from analyzer.planbases import basis_matches, basis_reader

    low = " ".join(pieces) if len(pieces) % 2 else "".join(pieces)
    pattern = basis_reader()[0]
    expected = [(m.span(), m.groupdict()) for m in pattern.finditer(low)]
    assert [(m.span(), m.groupdict()) for m in basis_matches(low)] == expected


def test_thanks_for_a_note_with_advice_are_statements_that_dispute_nothing() -> None:
    thanks = read_json("templates", "plan.json")["advised_thanks"]
    for text in [*thanks["plain"], *thanks["named"]]:
        assert text.startswith("Thank you") and "?" not in text
        assert not any(word in text.lower() for word in DISPUTING)


@pytest.mark.parametrize(
    ("types", "headings"),
    [
        (["decision_formula", "unanchored_comparison"], ["Vague phrases", "Standard wording"]),
        (["noncommittal_future"], ["Standard wording"]),
        (["fit_euphemism", "subjective_impression"], ["Vague phrases"]),
        ([], []),
    ],
)
def test_reports_list_standard_wording_apart(types: list[str], headings: list[str]) -> None:
    """Decision formulas and noncommittal promises (``boilerplate`` types) are listed under
    their own heading, after the vague phrases worth asking about; each finding once."""
    from analyzer.render.summary import finding_groups
    from analyzer.report import Finding, Prediction, Report

    findings = tuple(Finding(f"phrase {n}", 0, 1, t, "", "") for n, t in enumerate(types))
    unknown = Prediction(None, None, "unavailable")
    report = Report(text="x", kind=unknown, feedback_policy=unknown, findings=findings)
    groups = finding_groups(report)
    assert [h.split(" (")[0] for h, _ in groups] == headings
    assert sorted(f.type for _, found in groups for f in found) == sorted(types)

"""Context extraction and the follow-up drafts (email and call script)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from analyzer.analysis import Analyzer
from analyzer.drafts import Context, draft, extract_context
from analyzer.errors import InputError
from analyzer.planclosing import accepts_talk
from analyzer.plancontext import context_of
from analyzer.render.plan import draft_to_text
from analyzer.report import Prediction, Question, Report
from analyzer.resources import read_json

from .conftest import check_golden

REPLIES = Path(__file__).parent / "golden" / "plan" / "replies"
BLANKS = set(read_json("templates", "drafts.json")["blanks"].values())
BRACKETED = re.compile(r"\[[^\]\n]*\]")

# (message, sender's name, is a team)
SENDERS = [
    ("Hi Sam,\n\nNo luck this time.\n\nBest,\nMarta", "Marta", False),
    ("Hi Sam,\n\nNo luck this time.\n\nCheers, Bea\n", "Bea", False),
    (
        "Dear Jo,\n\nWe chose another person.\n\nKind regards,\nInes Okafor\nHead of Ops",
        "Ines Okafor",
        False,
    ),
    (
        "Dear Jo,\n\nWe chose another person.\n\nBest wishes\nDr. Lee Chan | Acme",
        "Dr. Lee Chan",
        False,
    ),
    ("Hello,\n\nNot this time.\n\nRegards,\nThe Recruitment Team", "Recruitment Team", True),
    (
        "Hello,\n\nNot this time.\n\nThanks,\nTalent Acquisition\nPellucid Labs",
        "Talent Acquisition",
        True,
    ),
    ("Hello,\n\nWe went another way. Sorry to bring bad news.", None, False),
    ("Hi Sam,\n\nWe went another way.\n\nThanks again, Sam.", None, False),
    (
        "Hi Ana,\n\nNo.\n\nBest,\n\nOn Mon, 2 Mar 2026 Ana <a@b.c> wrote:\n> Best,\n> Ana",
        None,
        False,
    ),
]


@pytest.mark.parametrize(("message", "sender", "team"), SENDERS)
def test_sender(message: str, sender: str | None, team: bool) -> None:
    ctx = extract_context(message)
    assert (ctx.sender, ctx.sender_is_team) == (sender, team)


# (message, candidate's name as greeted, greeted with a title, informal greeting)
CANDIDATES = [
    ("Hi Sam,\n\nSorry.", "Sam", False, True),
    ("Hello Priya Shah,\n\nSorry.", "Priya Shah", False, True),
    ("Dear Ms Okafor,\n\nSorry.", "Ms Okafor", True, False),
    ("Dear Dr. Lee:\n\nSorry.", "Dr. Lee", True, False),
    ("Dear Applicant,\n\nSorry.", None, False, False),
    ("Hi there,\n\nSorry.", None, False, True),
    ("Thanks for applying. Sorry.", None, False, False),
]


@pytest.mark.parametrize(("message", "candidate", "titled", "informal"), CANDIDATES)
def test_candidate(message: str, candidate: str | None, titled: bool, informal: bool) -> None:
    ctx = extract_context(message)
    assert (ctx.candidate, ctx.candidate_titled, ctx.informal) == (candidate, titled, informal)


# (sentence, role, company)
JOBS = [
    (
        "Thanks for applying for the Data Analyst role at Kestrel Health.",
        "Data Analyst",
        "Kestrel Health",
    ),
    ("Thank you for your application to Pellucid Labs.", None, "Pellucid Labs"),
    ("You applied for the position of Head of Operations.", "Head of Operations", None),
    (
        "Your interest in the Junior Accountant position at Halden & Price.",
        "Junior Accountant",
        "Halden & Price",
    ),
    ("We interviewed you for our Senior iOS Engineer vacancy.", "Senior iOS Engineer", None),
    ("Thanks for your time with us here at Orbit Works.\nBest", None, "Orbit Works"),
    ("We have filled the role with someone else.", None, None),
    ("Thank you for your interest in the role. At this time we pass.", None, None),
]


@pytest.mark.parametrize(("sentence", "role", "company"), JOBS)
def test_role_and_company(sentence: str, role: str | None, company: str | None) -> None:
    ctx = extract_context(sentence)
    assert (ctx.role, ctx.company) == (role, company)


def _report(policy: str | None, kind: str | None = None, questions: int = 3) -> Report:
    plan = [Question(f"What about point {n}?", "clarify", f"point {n}") for n in range(questions)]
    return Report(
        text="Hi Sam,\n\nWe went with someone else.\n\nBest,\nMarta",
        kind=Prediction(kind),
        feedback_policy=Prediction(policy),
        questions=tuple(plan),
    )


def _unfilled(text: str) -> list[str]:
    fields = re.findall(r"\{[^}]*\}", text)
    return fields + [b for b in BRACKETED.findall(text) if b not in BLANKS]


@pytest.mark.parametrize("channel", ["email", "phone"])
def test_declines_policy_asks_nothing(channel: str) -> None:
    d = draft(_report("declines"), channel=channel)
    assert not d.asks_feedback and d.questions == ()
    assert "point" not in d.body
    asked = [line for line in d.body.splitlines() if "?" in line]
    assert all("convenient time" in line for line in asked)  # the call's opener, nothing else
    assert any("do not give individual feedback" in a for a in d.advice)


@pytest.mark.parametrize(("policy", "expected"), [("invites", True), ("unspecified", False)])
def test_invites_policy_is_mentioned(policy: str, expected: bool) -> None:
    d = draft(_report(policy))
    assert ("offered to answer questions" in d.body) is expected
    assert any("invites questions" in a for a in d.advice) is expected


@pytest.mark.parametrize("kind", [None, "rejection", "feedback_reply"])
def test_email_structure(kind: str | None) -> None:
    d = draft(_report("unspecified", kind))
    paragraphs = d.body.split("\n\n")
    assert paragraphs[0] == "Hi Marta,"
    assert "accept" in d.body or kind == "feedback_reply"
    assert [f"{n}. What about point {n - 1}?" for n in (1, 2, 3)] == paragraphs[3].splitlines()
    assert paragraphs[-1] == "Best regards,\nSam\n"
    assert not any("day or two" in p for p in paragraphs)


@pytest.mark.parametrize("kind", ["invitation", "offer", "acknowledgement", "other"])
def test_non_decisions_are_refused(kind: str) -> None:
    with pytest.raises(InputError):
        draft(_report("unspecified", kind))


def test_phone_script_order() -> None:
    lines = draft(_report("unspecified"), channel="phone").body.splitlines()
    steps = [line for line in lines if re.match(r"\d\. ", line)]
    assert "convenient time" in steps[0]
    assert [line.strip()[:2] for line in lines if "What about point" in line] == ["a.", "b.", "c."]
    assert steps[-1].startswith("4. Thank you")


@pytest.mark.parametrize(
    ("context", "blanks"),
    [
        (Context(), ("[Interviewer's name]", "[Your name]")),
        (Context(sender="Marta", candidate="Ms Okafor", candidate_titled=True), ("[Your name]",)),
        (Context(sender="Marta", candidate="Sam"), ()),
    ],
)
@pytest.mark.parametrize("policy", ["declines", "invites", "unspecified"])
@pytest.mark.parametrize("channel", ["email", "phone"])
def test_only_marked_blanks_remain(
    context: Context, blanks: tuple[str, ...], policy: str, channel: str
) -> None:
    d = draft(_report(policy), channel=channel, context=context)
    assert _unfilled(d.body + (d.subject or "")) == []
    assert set(d.blanks) == set(blanks)
    assert all(b in d.body for b in d.blanks)


def test_team_is_greeted_by_name_but_not_on_the_phone() -> None:
    ctx = Context(sender="Recruitment Team", sender_is_team=True, candidate="Sam")
    assert draft(_report("unspecified"), context=ctx).body.startswith("Dear Recruitment Team,")
    phone = draft(_report("unspecified"), channel="phone", context=ctx)
    assert phone.blanks == ("[Interviewer's name]",)


def test_role_and_company_appear() -> None:
    ctx = replace(Context(sender="Marta", candidate="Sam"), role="Data Analyst", company="Kestrel")
    d = draft(_report("unspecified"), context=ctx)
    assert "the Data Analyst role at Kestrel" in d.body
    assert d.subject is not None and "Data Analyst, Kestrel" in d.subject


@pytest.mark.parametrize("name", sorted(p.stem for p in REPLIES.glob("*.txt")))
@pytest.mark.parametrize("channel", ["email", "phone"])
def test_draft_golden(rules_only: Analyzer, name: str, channel: str) -> None:
    report = rules_only.analyze((REPLIES / f"{name}.txt").read_text(encoding="utf-8"))
    d = draft(report, channel=channel)
    assert _unfilled(d.body) == []
    check_golden(f"plan/{name}.{channel}.txt", draft_to_text(d))


CATEGORIES = Path(__file__).parent / "golden" / "plan" / "categories"
# the example messages whose situation changes the draft, not only its questions
SITUATIONS = [
    "offer_call",
    "offer_feedback",
    "budget",
    "declines",
    "other_role",
    "board_notice",
    "keep_request_timed",
    "advised_roles",
]


@pytest.mark.parametrize("name", SITUATIONS)
@pytest.mark.parametrize("channel", ["email", "phone"])
def test_draft_golden_by_situation(rules_only: Analyzer, name: str, channel: str) -> None:
    report = rules_only.analyze((CATEGORIES / f"{name}.txt").read_text(encoding="utf-8"))
    d = draft(report, channel=channel)
    check_golden(f"plan/categories/{name}.{channel}.txt", draft_to_text(d))


@pytest.mark.parametrize(
    "name", sorted(p.stem for p in CATEGORIES.glob("*.txt") if "." not in p.stem)
)
def test_drafts_follow_the_plan_and_end_with_a_newline(rules_only: Analyzer, name: str) -> None:
    report = rules_only.analyze((CATEGORIES / f"{name}.txt").read_text(encoding="utf-8"))
    email, phone = draft(report), draft(report, channel="phone")
    assert phone.body.endswith("\n") and email.body.endswith("\n")
    accepted = context_of(report).offers_call
    asked = [q for q in report.questions if not (accepted and accepts_talk(q.text))]
    asked = [q for q in asked if q.asks]  # a thanks or a closing that asks nothing is said
    if context_of(report).declines:  # the thank-you is the draft's own, no question listed
        asked = []
    assert len(email.questions) == len(asked)  # an offered call is accepted in the body
    for q in email.questions:
        assert q.text in email.body and q.text in phone.body


def test_an_offered_call_is_accepted(rules_only: Analyzer) -> None:
    report = rules_only.analyze((CATEGORIES / "offer_call.txt").read_text(encoding="utf-8"))
    email, phone = draft(report), draft(report, channel="phone")
    assert "offered a call" in email.body and email.subject and "call" in email.subject
    assert "offer of a call" not in email.body  # the plan's lead is not said twice
    assert phone.body.startswith("Call script: the call you offered")


def test_an_out_of_control_reason_is_acknowledged(rules_only: Analyzer) -> None:
    report = rules_only.analyze((CATEGORIES / "budget.txt").read_text(encoding="utf-8"))
    email = draft(report)
    assert "I understand the reason" in email.body
    assert "stronger" not in email.body.lower()

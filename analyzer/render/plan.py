"""Renderings of question plans and of follow-up drafts (text, Markdown, JSON, Rich)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict
from typing import Any

from rich.console import Group, RenderableType
from rich.panel import Panel
from rich.text import Text

from ..drafts import Draft
from ..labels import Policy
from ..planclosing import nothing_open
from ..plancontext import context_of
from ..questions import title
from ..report import Question, Report
from ..resources import read_json
from .summary import plan_heading


def _words(name: str) -> dict[str, Any]:
    return read_json("templates", name)["render"]


def _gloss(question: Question) -> str:
    """What a question is for: the phrase it clarifies, or its place in the plan."""
    purposes = _words("plan.json")["purposes"]
    if question.phrase is None:
        return str(purposes[question.purpose])
    kind = f" ({title(question.type)})" if question.type else ""
    return f'{purposes[question.purpose]} "{" ".join(question.phrase.split())}"{kind}'


def plan_notes(report: Report) -> list[str]:
    """Lines about the plan as a whole: why there are no questions (a sender who declines
    feedback, with no thank-you either when the letter went to every candidate; a message
    that is no rejection; a job board's automated notice, which nobody can answer; a
    do-not-reply address; a filled role's form letter that leaves nothing open) or why they ask
    little (a reason outside the candidate's control)."""
    words = _words("plan.json")
    situation = context_of(report)
    if report.feedback_policy.label == Policy.DECLINES.value or situation.declines:
        mass = not report.questions and situation.auto_reply  # no thank-you is planned
        return [words["declines_mass" if mass else "declines"]]
    if situation.no_reply:
        return [words["no_reply"]]
    if situation.auto_reply:
        return [words["auto_reply"]]
    if situation.board_notice:
        return [words["board_notice"]]
    if not report.questions and nothing_open(situation):
        return [words["nothing_open"]]
    if not report.questions:
        return [words["none"]]
    return [words["out_of_control"]] if situation.out_of_control else []


def plan_to_text(report: Report) -> str:
    """The plan, numbered, each question with the phrase it clarifies."""
    if not report.questions:
        return ""
    lines = [f"{plan_heading(report)}:", ""]
    for n, q in enumerate(report.questions, 1):
        lines += [f"{n:>3}. {q.text}", f"     [{_gloss(q)}]"]
    return "\n".join(lines) + "\n"


def plan_to_markdown(report: Report) -> str:
    """The plan as a Markdown numbered list."""
    lines = [f"## {plan_heading(report)}", ""]
    for n, q in enumerate(report.questions, 1):
        lines.append(f"{n}. {q.text}  \n   _{_gloss(q)}_")
    lines += [f"\n_{note}_" for note in plan_notes(report)]
    return "\n".join(lines) + "\n"


def plan_to_json(report: Report) -> str:
    """The plan as JSON: numbered questions plus the message-level labels."""
    data: dict[str, Any] = {
        "kind": report.kind.label,
        "feedback_policy": report.feedback_policy.label,
        "questions": [{"n": n, **asdict(q)} for n, q in enumerate(report.questions, 1)],
        "notes": [*report.notes, *plan_notes(report)],
    }
    if report.parts:
        data["parts"] = [part.to_dict() for part in report.parts]
    return json.dumps(data, indent=2, ensure_ascii=True)


def plan_to_rich(report: Report) -> RenderableType:
    """The plan for a terminal."""
    body = Text()
    for n, q in enumerate(report.questions, 1):
        body.append(f"{n}. ", style="bold")
        body.append(f"{q.text}\n")
        body.append(f"   {_gloss(q)}\n", style="dim")
    parts: list[RenderableType] = [Panel(body, title=plan_heading(report), title_align="left")]
    parts += [Text(note, style="yellow") for note in plan_notes(report)]
    return Group(*parts)


def draft_to_text(d: Draft) -> str:
    """The email (with its subject line) or the call script, ready to copy."""
    if d.subject is None:
        return d.body
    return f"{_words('drafts.json')['subject']}: {d.subject}\n\n{d.body}"


def _advice_heading(d: Draft) -> str:
    words = _words("drafts.json")
    return str(words["advice_heading_phone" if d.channel == "phone" else "advice_heading"])


def draft_to_markdown(d: Draft) -> str:
    """The draft under a heading, then the advice that goes with it (outside the body)."""
    words = _words("drafts.json")
    heading = words["phone_heading" if d.channel == "phone" else "email_heading"]
    lines = [f"# {heading}", ""]
    if d.subject is not None:
        lines += [f"**{words['subject']}:** {d.subject}", ""]
    lines += ["```text", d.body.rstrip("\n"), "```"]
    lines += _advice_lines(d.advice, f"## {_advice_heading(d)}")
    return "\n".join(lines) + "\n"


def _advice_lines(advice: Sequence[str], heading: str) -> list[str]:
    return ["", heading, "", *[f"- {a}" for a in advice]] if advice else []


def draft_to_json(d: Draft) -> str:
    """The draft, its blanks, its advice and the context it was built from, as JSON."""
    return json.dumps(d.to_dict(), indent=2, ensure_ascii=True)


def draft_to_rich(d: Draft) -> RenderableType:
    """The draft in a panel, the advice below it."""
    words = _words("drafts.json")
    heading = words["phone_heading" if d.channel == "phone" else "email_heading"]
    head = f"{heading}: {d.subject}" if d.subject else heading
    parts: list[RenderableType] = [Panel(Text(d.body.rstrip("\n")), title=head, title_align="left")]
    if d.advice:
        parts.append(Text(_advice_heading(d), style="bold"))
        parts += [Text(f"  • {a}", style="yellow") for a in d.advice]
    return Group(*parts)

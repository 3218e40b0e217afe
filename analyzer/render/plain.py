"""Plain-text and Markdown renderings of a report."""

from __future__ import annotations

import json

from ..questions import title
from ..report import Report
from .summary import finding_groups, marked_text, plan_heading, summary_line


def to_json(report: Report, *, indent: int | None = 2) -> str:
    """The report's JSON contract as a string (ASCII-safe, so any terminal can print it)."""
    return json.dumps(report.to_dict(), indent=indent, ensure_ascii=True)


def to_text(report: Report) -> str:
    """A readable plain-text report with no colour or markup."""
    lines = [summary_line(report), "", "Message (vague phrases in [brackets]):", ""]
    lines += ["  " + line for line in marked_text(report).strip().splitlines()]
    for heading, found in finding_groups(report):
        lines += ["", f"{heading}:"]
        for n, f in enumerate(found, 1):
            lines += [
                f'  {n}. "{f.text}" - {title(f.type)}',
                f"     Why: {f.explanation}",
                f"     Ask: {f.question}",
            ]
    if report.specific_feedback:
        lines += ["", "Concrete feedback:"]
        lines += [f"  - {s.text}" for s in report.specific_feedback]
    if report.questions:
        lines += ["", f"{plan_heading(report)}:"]
        lines += [f"  {n}. {q.text}" for n, q in enumerate(report.questions, 1)]
    lines += [f"Note: {note}" for note in report.notes]
    return "\n".join(lines) + "\n"


def to_markdown(report: Report) -> str:
    """A Markdown report: the message with vague phrases in bold, then tables and lists."""
    quoted = marked_text(report, "**", "**").strip().splitlines()
    lines = ["# Feedback analysis", "", f"_{summary_line(report)}_", ""]
    lines += ["> " + line if line.strip() else ">" for line in quoted]
    for heading, found in finding_groups(report):
        lines += ["", f"## {heading}", "", "| Phrase | Type | Why it is vague | What to ask |"]
        lines += ["| --- | --- | --- | --- |"]
        for f in found:
            cells = [f.text, title(f.type), f.explanation, f.question]
            lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    if report.specific_feedback:
        lines += ["", "## Concrete feedback", ""]
        lines += [f"- {s.text}" for s in report.specific_feedback]
    if report.questions:
        lines += ["", f"## {plan_heading(report)}", ""]
        lines += [f"{n}. {q.text}" for n, q in enumerate(report.questions, 1)]
    lines += [f"\n_Note: {note}_" for note in report.notes]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")

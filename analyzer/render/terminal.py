"""Rich rendering for terminals: highlighted message, findings table, concrete feedback."""

from __future__ import annotations

from collections.abc import Sequence
from types import MappingProxyType

from rich.console import Console, Group, RenderableType
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from ..labels import VagueType
from ..questions import title
from ..report import Finding, Report
from .summary import finding_groups, plan_heading, summary_line

STYLES = MappingProxyType(
    {
        VagueType.UNANCHORED_COMPARISON.value: "bold black on yellow",
        VagueType.FIT_EUPHEMISM.value: "bold white on magenta",
        VagueType.UNSPECIFIED_GAP.value: "bold white on red",
        VagueType.SUBJECTIVE_IMPRESSION.value: "bold black on cyan",
        VagueType.DECISION_FORMULA.value: "bold white on blue",
        VagueType.NONCOMMITTAL_FUTURE.value: "bold black on green",
    }
)


def highlighted(report: Report) -> Text:
    """The message with each vague phrase in the colour of its type."""
    text = Text(report.text.strip("\n"))
    offset = len(report.text) - len(report.text.lstrip("\n"))
    for f in report.findings:
        text.stylize(STYLES.get(f.type, "bold"), f.start - offset, f.end - offset)
    return text


def findings_table(heading: str, findings: Sequence[Finding]) -> Table:
    table = Table(title=heading, show_lines=True, expand=True)
    table.add_column("Phrase", ratio=2)
    table.add_column("Why it is vague", ratio=4)
    table.add_column("What to ask", ratio=4)
    for f in findings:
        phrase = Text(f.text, style=STYLES.get(f.type, "bold"))
        phrase.append(f"\n{title(f.type)}", style="dim")
        table.add_row(phrase, f.explanation, f.question)
    return table


def render(report: Report) -> RenderableType:
    """Everything for one report, as one Rich renderable."""
    parts: list[RenderableType] = [
        Panel(highlighted(report), title="Message", title_align="left"),
    ]
    parts += [findings_table(heading, found) for heading, found in finding_groups(report)]
    if report.specific_feedback:
        concrete = Text("Concrete feedback\n", style="bold green")
        for s in report.specific_feedback:
            concrete.append(f"  • {s.text}\n")
        parts.append(concrete)
    if report.questions:
        plan = Text(f"{plan_heading(report)}\n", style="bold")
        for n, q in enumerate(report.questions, 1):
            plan.append(f"  {n}. {q.text}\n")
        parts.append(plan)
    for note in report.notes:
        parts.append(Text(f"Note: {note}", style="yellow"))
    parts.append(Text(summary_line(report), style="bold"))
    return Group(*parts)


def print_report(report: Report, console: Console | None = None) -> None:
    (console or Console()).print(render(report))

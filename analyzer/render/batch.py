"""Rich output of a batch run: the progress bar, the summary with a bar chart of reasons, and
the list of inputs that failed."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager

from rich.console import Console, Group, RenderableType
from rich.markup import escape
from rich.panel import Panel
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.table import Table
from rich.text import Text

from ..summary import Summary

BAR_WIDTH = 30
#: Fresh rejections listed on the terminal (the HTML report lists them all).
MAX_SHOWN = 10


@contextmanager
def progress_bar(console: Console | None, total: int | None) -> Iterator[Callable[[], None]]:
    """Yield a function that advances a progress bar by one message (a no-op without console)."""
    if console is None:
        yield lambda: None
        return
    columns = (
        TextColumn("Analyzing"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[rate]} msg/s"),
        TimeElapsedColumn(),
        TextColumn("ETA"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=console, transient=True) as bar:
        task = bar.add_task("batch", total=total, rate="-")

        def advance() -> None:
            bar.advance(task)
            speed = bar.tasks[0].speed
            if speed:
                bar.update(task, rate=f"{speed:,.0f}")

        yield advance


def reason_chart(summary: Summary) -> Table:
    """Horizontal bars: how often each reason is given across rejections."""
    counts = summary.reason_counts()
    top = max((n for _, n in counts), default=0) or 1
    table = Table(title="Reasons given", show_header=False, box=None, padding=(0, 1), min_width=40)
    table.add_column("reason", style="bold")
    table.add_column("bar")
    table.add_column("count", justify="right")
    for label, n in counts:
        width = round(BAR_WIDTH * n / top)
        bar = Text("█" * width or ("▏" if n else ""), style="cyan")
        table.add_row(label.replace("_", " "), bar, str(n))
    return table


def _counts(title: str, rows: list[tuple[str, int]], dim: Sequence[tuple[str, int]] = ()) -> Table:
    table = Table(title=title, show_header=False, box=None, padding=(0, 1), min_width=40)
    table.add_column("what")
    table.add_column("n", justify="right")
    for what, n in rows:
        table.add_row(what, str(n))
    for what, n in dim:
        table.add_row(Text(what, style="dim"), str(n))
    return table


def _figures(summary: Summary) -> Table:
    return _counts("Across rejections", summary.figures())


def _kinds(summary: Summary) -> Table:
    return _counts("Messages by kind", summary.kinds(), summary.set_aside())


def _phrases(summary: Summary) -> Table:
    table = Table(title="Vague phrases that recur most", box=None, padding=(0, 1), min_width=40)
    table.add_column("phrase")
    table.add_column("times", justify="right")
    for phrase, n in summary.top_phrases():
        table.add_row(Text(phrase), str(n))
    return table


def _fresh(summary: Summary) -> RenderableType:
    fresh = summary.fresh_rejections()
    if not fresh:
        return Text("No rejection from the last two days: nothing fresh to follow up.")
    parts: list[RenderableType] = []
    for item in fresh[:MAX_SHOWN]:
        head = Text(f"{item.date:%Y-%m-%d %H:%M}  ", style="bold")
        head.append(item.subject or "(no subject)")
        head.append(f"  {item.sender or ''}  [{item.origin}]", style="dim")
        parts.append(head)
        parts.extend(Text(f"  • {q}") for q in item.questions)
    if len(fresh) > MAX_SHOWN:
        parts.append(Text(f"… and {len(fresh) - MAX_SHOWN} more", style="dim"))
    return Panel(Group(*parts), title="Fresh enough to ask about", expand=True)


def print_summary(summary: Summary, console: Console) -> None:
    """The batch summary: kinds, figures, reason chart, recurring phrases, fresh rejections."""
    console.print(_kinds(summary))
    if summary.kind_unknown:
        console.print(
            Text(
                "Kind unknown: no message-kind model is installed, so every message "
                "was treated as a possible rejection.",
                style="dim",
            )
        )
    console.print(_figures(summary))
    if summary.reasons_unavailable:
        console.print(
            Text(
                "Reasons come from the trained classifiers, which are not installed: "
                "none could be counted.",
                style="dim",
            )
        )
    console.print(reason_chart(summary))
    if summary.phrases:
        console.print(_phrases(summary))
    console.print(_fresh(summary))


def print_errors(errors: list[tuple[str, str]], total: int, console: Console) -> None:
    """The inputs that could not be read or analyzed: ``origin: reason``, one a line."""
    console.print(f"[bold red]{total} input(s) could not be analyzed:[/]")
    for origin, reason in errors:
        console.print(f"  {escape(origin)}: {escape(reason)}", highlight=False, soft_wrap=True)
    if total > len(errors):
        console.print(f"  … and {total - len(errors)} more (see the output file)")

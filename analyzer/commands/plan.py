"""The ``questions`` and ``draft`` commands: what to ask next, and a message that asks it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from ..cliutils import (
    check_language,
    force_option,
    format_option,
    input_options,
    library_errors,
    make_analyzer,
    min_confidence_option,
    note,
    read_input,
    redact_option,
    resolve_format,
)
from ..questions import DEFAULT_MAX

if TYPE_CHECKING:
    from rich.console import RenderableType

    from ..report import Report

F = TypeVar("F", bound=Callable[..., Any])


def _max_option(func: F) -> F:
    return click.option(
        "--max",
        "max_questions",
        type=click.IntRange(min=0),
        default=DEFAULT_MAX,
        show_default=True,
        help="At most this many questions, opener and closing questions included.",
    )(func)


def _report(
    text: str | None,
    file: Path | None,
    rules: tuple[Path, ...],
    cap: int,
    redact: bool,
    min_confidence: float | None,
) -> Report:
    message = read_input(text, file)
    analyzer = make_analyzer(rules, max_questions=cap, min_confidence=min_confidence)
    report = message.report(analyzer.analyze(message.text, subject=message.subject))
    if redact:
        from ..redact import redact_report

        report = redact_report(report)
    return report


def _print_rich(renderable: RenderableType) -> None:
    from rich.console import Console

    Console().print(renderable)


@click.command()
@input_options
@format_option
@_max_option
@min_confidence_option
@redact_option
@force_option
@library_errors
def questions(
    text: str | None,
    file: Path | None,
    rules: tuple[Path, ...],
    fmt: str | None,
    as_json: bool,
    max_questions: int,
    min_confidence: float | None,
    redact: bool,
    force: bool,
) -> None:
    """Plan the questions to ask about a rejection: a positive opener, the clarifications that
    matter most (a comparison, fit phrase, gap or impression before a bare formula), and one
    forward-looking question; three or four in all unless --max says otherwise.

    The plan reads the message first: a sender who gives no feedback gets no questions (send a
    thank-you: see the draft command), a reason outside your control gets only a question about
    related roles, an offered call or feedback and a mentioned role are taken up, and the
    questions fit how far you got (application, call, interview, take-home task).

    The reply comes from TEXT, from --file, or from stdin (paste it when asked).
    """
    from ..render import plan as render

    report = _report(text, file, rules, max_questions, redact, min_confidence)
    chosen = resolve_format(fmt, as_json)
    if chosen == "rich":
        _print_rich(render.plan_to_rich(report))
    elif chosen == "text":
        click.echo(render.plan_to_text(report), nl=False)
        for line in render.plan_notes(report):
            note(line)
    else:
        renderers = {"json": render.plan_to_json, "markdown": render.plan_to_markdown}
        click.echo(renderers[chosen](report), nl=chosen == "json")
    if chosen != "json":
        for line in report.notes:
            note(line)
    check_language(report, force=force, noted=chosen != "json")


@click.command()
@input_options
@format_option
@_max_option
@click.option(
    "--channel",
    type=click.Choice(["email", "phone"]),
    default="email",
    show_default=True,
    help="A follow-up email, or a short script for a phone call.",
)
@click.option("--sender", default=None, help="The name to greet (when the reply has none).")
@click.option("--me", "me", default=None, help="Your name, to sign with.")
@min_confidence_option
@redact_option
@force_option
@library_errors
def draft(
    text: str | None,
    file: Path | None,
    rules: tuple[Path, ...],
    fmt: str | None,
    as_json: bool,
    max_questions: int,
    channel: str,
    sender: str | None,
    me: str | None,
    min_confidence: float | None,
    redact: bool,
    force: bool,
) -> None:
    """Write a polite follow-up to a rejection that asks the planned questions, or a
    call script with --channel phone. Names the reply does not give are left as [blanks].

    When the sender says they do not give feedback, the draft is a short thank-you instead;
    when they offered a call, it accepts the call and lists the questions as its points.
    With --redact the reply's names are masked, so they appear as blanks in the draft too.
    """
    from dataclasses import replace

    from ..drafts import blanks_advice, reply_context
    from ..drafts import draft as make_draft
    from ..render import plan as render

    report = _report(text, file, rules, max_questions, redact, min_confidence)
    for line in report.notes:  # first: a letter that was not read gets no draft, and says why
        note(line)
    check_language(report, force=force, noted=True)
    context = reply_context(report)
    if sender:
        context = replace(context, sender=sender.strip(), sender_is_team=False)
    if me:
        context = replace(context, candidate=me.strip(), candidate_titled=False)
    result = make_draft(report, channel=channel, context=context)
    chosen = resolve_format(fmt, as_json)
    if chosen == "rich":
        _print_rich(render.draft_to_rich(result))
    elif chosen == "text":
        click.echo(render.draft_to_text(result), nl=False)
        for line in result.advice:
            note(line)
    else:
        renderers = {"json": render.draft_to_json, "markdown": render.draft_to_markdown}
        click.echo(renderers[chosen](result), nl=chosen == "json")
    if result.blanks:
        note(blanks_advice(result.blanks))

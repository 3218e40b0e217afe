"""Plumbing shared by the command modules: options, input reading, errors, output."""

from __future__ import annotations

import functools
import gc
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

import click

from .errors import AnalyzerError, InputError, ModelError, RulesError
from .exitcodes import ExitCode

if TYPE_CHECKING:
    from .analysis import Analyzer
    from .parts import Part
    from .report import Report

F = TypeVar("F", bound=Callable[..., Any])
PASTE_PROMPT = "Paste the reply, then press Ctrl-D (Ctrl-Z then Enter on Windows)."
MAIL_SUFFIXES = frozenset({".eml", ".msg", ".html", ".htm"})


class CLIError(click.ClickException):
    """A one-line error with one of the documented exit codes."""

    def __init__(self, message: str, code: ExitCode = ExitCode.ERROR):
        super().__init__(message)
        self.exit_code = int(code)


def _code_for(exc: AnalyzerError) -> ExitCode:
    if isinstance(exc, RulesError):
        return ExitCode.RULES
    if isinstance(exc, ModelError):
        return ExitCode.MODEL
    if isinstance(exc, InputError):
        return ExitCode.INPUT
    return ExitCode.ERROR


def library_errors(func: F) -> F:
    """Turn the library's errors into :class:`CLIError` with the matching exit code."""

    @functools.wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AnalyzerError as exc:
            raise CLIError(str(exc), _code_for(exc)) from None

    return wrapper  # type: ignore[return-value]


# -- shared options -------------------------------------------------------------------------
def input_options(func: F) -> F:
    """TEXT argument, -f/--file and --rules, shared by every analyzing command."""
    func = rules_option(func)
    func = click.option(
        "-f",
        "--file",
        "file",
        type=click.Path(path_type=Path, allow_dash=True),
        help="Read the message from a file (.txt, .eml, .msg, .html, .pdf, .docx); '-' for stdin.",
    )(func)
    return click.argument("text", required=False)(func)


def rules_option(func: F) -> F:
    """--rules FILE (repeatable), on every command that analyzes."""
    return click.option(
        "--rules",
        "rules",
        multiple=True,
        type=click.Path(dir_okay=False, path_type=Path),
        help="Extra vague-phrase rules (JSONL, spaCy pattern format). Repeatable.",
    )(func)


def no_models_option(func: F) -> F:
    """--no-models, on every command that can run without the classifiers."""
    return click.option(
        "--no-models", is_flag=True, help="Rules only: do not use the classifiers."
    )(func)


def min_confidence_option(func: F) -> F:
    """--min-confidence, on every command that reports findings."""
    return click.option(
        "--min-confidence",
        "min_confidence",
        type=click.FloatRange(0.0, 1.0),
        default=None,
        help="Add the vague phrases the span model finds at this confidence or more to the "
        "rules' (without it, the rules alone report phrases; 0.9 is the model card's choice).",
    )(func)


def redact_option(func: F) -> F:
    """--redact, shared by every command that shows message text."""
    return click.option(
        "--redact",
        is_flag=True,
        help="Mask email addresses, phone numbers and the names in greetings and signatures.",
    )(func)


def force_option(func: F) -> F:
    """--force, on the commands that analyze one message: accept a message not in English."""
    return click.option(
        "--force",
        is_flag=True,
        help="Exit 0 even when the message is not in English (only English is analyzed).",
    )(func)


def folds_option(func: F) -> F:
    """--folds, for the commands that cross-validate."""
    return click.option(
        "--folds",
        type=click.IntRange(min=2),
        default=5,
        show_default=True,
        help="Cross-validation folds (grouped by message family).",
    )(func)


def format_option(func: F) -> F:
    func = click.option("--json", "as_json", is_flag=True, help="Shorthand for --format json.")(
        func
    )
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(["rich", "json", "markdown", "text"]),
        default=None,
        help="Output format. Default: rich on a terminal, text when piped.",
    )(func)


def resolve_format(fmt: str | None, as_json: bool) -> str:
    if as_json:
        return "json"
    if fmt:
        return fmt
    return "rich" if sys.stdout.isatty() else "text"


def note(message: str) -> None:
    """A note for the user on stderr (never mixed into the report on stdout)."""
    click.echo(f"note: {message}", err=True)


@dataclass(frozen=True)
class Input:
    """The message to analyze, and where its text came from when that was more than one
    message body (see :meth:`analyzer.report.Report.with_parts`)."""

    text: str
    parts: tuple[Part, ...] = ()
    subject: str | None = None  # an email's subject line, evidence of the message's kind

    def report(self, report: Report) -> Report:
        """``report`` (of this input's text) with the parts it was read from."""
        return report.with_parts(self.parts) if self.parts else report


def read_input(text: str | None, file: Path | None) -> Input:
    """The message from the argument, a file or stdin; :class:`InputError` when there is none."""
    if text is not None and file is not None:
        raise CLIError("give the message as TEXT or with --file, not both", ExitCode.USAGE)
    parts: tuple[Part, ...] = ()
    subject: str | None = None
    if text is not None and text != "-":  # "-" alone is stdin, as for --file
        message = text
    elif file is not None and str(file) != "-":
        message, parts, subject = _read_file(file)
    else:
        message, parts = _read_stdin()
    from .textio import scrub_surrogates

    message, scrubbed = scrub_surrogates(message)
    if scrubbed:
        note(scrubbed)
    if not message.strip():
        raise InputError("the message is empty: nothing to analyze")
    return Input(message, parts, subject)


def _read_stdin() -> tuple[str, tuple[Part, ...]]:
    if sys.stdin is None:
        raise InputError("no input: give TEXT, --file PATH, or pipe the message to stdin")
    if sys.stdin.isatty():
        click.echo(PASTE_PROMPT, err=True)
    # bytes, so that the encoding is detected rather than assumed
    data = sys.stdin.buffer.read()
    from .documents import HEAD_BYTES, sniff
    from .textio import decode_bytes

    if not data.strip():
        raise InputError("no input: give TEXT, --file PATH, or pipe the message to stdin")
    if sniff(data[:HEAD_BYTES]) is not None:  # a PDF or Word letter piped in, or an image
        return _read_piped_document(data)
    decoded = decode_bytes(data)
    if decoded.note:
        note(f"stdin: {decoded.note}")
    return decoded.text, ()


def _read_piped_document(data: bytes) -> tuple[str, tuple[Part, ...]]:
    from .mail import Origin, ReadError
    from .mail.letter import document_message

    item = document_message(data, Origin("stdin"), name="stdin")
    if isinstance(item, ReadError):
        raise InputError(str(item))
    if item.note:
        note(f"stdin: {item.note}")
    return item.text, item.parts


def _read_file(path: Path) -> tuple[str, tuple[Part, ...], str | None]:
    """A file's text: an email, a PDF or Word document, or (anything else) a text file.

    The format is told by the content where it can be (a PDF named ``.txt`` is read as a PDF),
    else by the extension."""
    from .documents import sniff_file

    if path.suffix.lower() in MAIL_SUFFIXES or sniff_file(path) is not None:
        return _read_mail_file(path)
    from .textio import read_text_file

    decoded = read_text_file(path)
    if decoded.note:
        note(f"{path}: {decoded.note}")
    return decoded.text, (), None


def _read_mail_file(path: Path) -> tuple[str, tuple[Part, ...], str | None]:
    from .mail import ReadError, read_file

    for item in read_file(path):
        if isinstance(item, ReadError):
            raise InputError(str(item))
        if item.note:
            note(f"{path}: {item.note}")
        return item.text, item.parts, item.subject
    raise InputError(f"{path}: no message found")


def check_language(report: Report, *, force: bool, noted: bool = False) -> None:
    """After the output: when the message is not in English, say so on stderr (unless its
    notes were already shown there) and exit with :attr:`ExitCode.NOT_ENGLISH` unless forced."""
    if report.is_english:
        return
    if not noted:
        from .language import foreign_note

        note(foreign_note(report.language))
    if not force:
        note(f"exiting with code {int(ExitCode.NOT_ENGLISH)} (not English); --force accepts it")
        raise click.exceptions.Exit(ExitCode.NOT_ENGLISH)


def make_analyzer(rules: tuple[Path, ...], **kwargs: Any) -> Analyzer:
    from .analysis import Analyzer

    # What is alive now is spaCy and the other imported modules, which live as long as the
    # process: frozen, they are left out of the collections that building the pipeline and
    # models sets off (a full one walked them all, about 30 ms of every short run, measured).
    gc.freeze()
    return Analyzer(rules=rules, **kwargs)


def emit_report(report: Report, fmt: str) -> None:
    if fmt == "rich":
        from rich.console import Console

        from .render.terminal import print_report

        print_report(report, Console())
        return
    from .render import plain

    renderers = {"json": plain.to_json, "markdown": plain.to_markdown, "text": plain.to_text}
    click.echo(renderers[fmt](report), nl=fmt == "json")

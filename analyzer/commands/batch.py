"""The ``batch`` command: analyze many saved emails and show the patterns across them."""

from __future__ import annotations

import os
import sys
from datetime import datetime, timezone
from pathlib import Path
from typing import TYPE_CHECKING

import click

from ..cliutils import (
    CLIError,
    library_errors,
    min_confidence_option,
    no_models_option,
    note,
    redact_option,
    rules_option,
)
from ..exitcodes import ExitCode
from ..labels import DECISION_KINDS, KINDS

if TYPE_CHECKING:
    from ..batch import BatchRecord
    from ..render.html import HtmlReport
    from ..summary import Summary
    from ..writers import RecordWriter

#: How many failed inputs are listed on stderr at the end (all are in the output file).
MAX_LISTED_ERRORS = 200


class _Run:
    """What one run accumulates: the summary, the output files and the failed inputs."""

    def __init__(
        self,
        summary: Summary,
        writer: RecordWriter | None,
        html: HtmlReport | None,
        *,
        redact: bool = False,
    ) -> None:
        self.summary, self.writer, self.html = summary, writer, html
        self.redact = redact
        self.errors: list[tuple[str, str]] = []
        self.error_count = 0
        self.finished = 0
        self.unknown_noted = False

    def handle(self, record: BatchRecord, kind_filter: bool) -> None:
        """Count and write one record."""
        if record.status == "skipped":
            return
        if self.redact:
            from ..redact import redact_record

            record = redact_record(record)
        if record.status == "filtered":
            self.summary.add_filtered(record.report.kind.label if record.report else None)
            return
        if record.status == "error":
            self.summary.add_error()
            self.error_count += 1
            if len(self.errors) < MAX_LISTED_ERRORS:
                self.errors.append((record.origin, record.error or ""))
        elif record.status == "duplicate":
            self.summary.add_duplicate()
        elif record.status == "foreign" and record.report is not None:
            self.summary.add_foreign(record.report.language)
        elif record.report is not None:
            self.summary.add(record.report, record.meta)
            if kind_filter and record.report.kind.label is None and not self.unknown_noted:
                note("no message-kind model: kinds are unknown, so every message is kept")
                self.unknown_noted = True
        if self.writer is not None:
            self.writer.write(record)
        if self.html is not None:
            self.html.add(record)
        self.finished += 1


def _kinds(only: str | None, kind: tuple[str, ...]) -> frozenset[str] | None:
    chosen = set(kind)
    if only == "rejections":
        chosen |= DECISION_KINDS
    return frozenset(chosen) if chosen else None


def _check_paths(output: Path | None, resume: bool, html: Path | None) -> None:
    from ..writers import SUFFIXES

    if output is not None and output.suffix.lower() not in SUFFIXES:
        raise CLIError(f"--output must end in {', '.join(SUFFIXES)}", ExitCode.USAGE)
    if resume and (output is None or output.suffix.lower() != ".jsonl"):
        raise CLIError("--resume needs --output FILE.jsonl", ExitCode.USAGE)
    if html is not None and html.suffix.lower() not in (".html", ".htm"):
        raise CLIError("--html must end in .html", ExitCode.USAGE)


def _parse_now(now: str | None) -> datetime:
    if now is None:
        return datetime.now(timezone.utc)
    try:
        moment = datetime.fromisoformat(now)
    except ValueError:
        raise CLIError(f"--now: not an ISO date: {now!r}", ExitCode.USAGE) from None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def _progress_console(quiet: bool):  # type: ignore[no-untyped-def]
    if quiet or not sys.stderr.isatty():
        return None
    from rich.console import Console

    return Console(stderr=True)


@click.command()
@click.argument("paths", nargs=-1, required=True)
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes. Default: the number of CPUs.")  # fmt: skip
@click.option("--only", type=click.Choice(["rejections"]), default=None,
              help="Only rejections and feedback replies.")  # fmt: skip
@click.option("--kind", "kind", multiple=True, type=click.Choice(KINDS),
              help="Only messages of this kind. Repeatable.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write every message's result as it goes: .jsonl, .csv or .md.")  # fmt: skip
@click.option("--resume", is_flag=True,
              help="Skip the messages already in the --output .jsonl file and append.")  # fmt: skip
@click.option("--html", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Also write a self-contained HTML report.")  # fmt: skip
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@rules_option
@no_models_option
@min_confidence_option
@redact_option
@click.option("--now", default=None, hidden=True, help="Pretend it is this ISO time (tests).")
@library_errors
def batch(
    paths: tuple[str, ...],
    jobs: int | None,
    only: str | None,
    kind: tuple[str, ...],
    output: Path | None,
    resume: bool,
    html: Path | None,
    quiet: bool,
    rules: tuple[Path, ...],
    no_models: bool,
    min_confidence: float | None,
    redact: bool,
    now: str | None,
) -> None:
    """Analyze many saved emails and letters (.eml .mbox .msg .txt .md .html .pdf .docx;
    files, folders or globs) and summarize the patterns across the rejections: reasons given,
    recurring vague phrases, feedback policies, and the fresh rejections still worth a
    follow-up question. Letters attached to emails as PDF, Word or text files are read too.

    With --redact, every output (summary, --output file, --html report) has email addresses,
    phone numbers and the senders' and greeted people's names masked.
    """
    from ..batch import BatchOptions
    from ..rules import load_rule_files
    from ..summary import Summary

    _check_paths(output, resume, html)
    load_rule_files(rules)  # a bad rules file fails here, not in every worker
    summary = Summary(now=_parse_now(now))
    done = _resume(output, summary) if resume and output is not None and output.exists() else None
    options = BatchOptions(
        rules=tuple(str(r) for r in rules),
        use_models=not no_models,
        min_confidence=min_confidence,
        jobs=jobs or os.cpu_count() or 1,
        kinds=_kinds(only, kind),
        done=done or frozenset(),
    )
    run = _Run(summary, _open_writer(output, resume), _open_html(html), redact=redact)
    interrupted = _execute(paths, options, run, _progress_console(quiet))
    _finish(run, interrupted)


def _resume(output: Path, summary: Summary) -> frozenset[str]:
    from ..writers import scan_jsonl

    try:
        return scan_jsonl(output, summary.add_record)
    except OSError as exc:
        raise CLIError(f"{output}: cannot read it to resume ({exc})", ExitCode.INPUT) from None


def _open_writer(output: Path | None, resume: bool) -> RecordWriter | None:
    if output is None:
        return None
    from ..writers import open_writer

    try:
        return open_writer(output, append=resume)
    except OSError as exc:
        raise CLIError(f"{output}: cannot write ({exc.strerror or exc})", ExitCode.USAGE) from None


def _open_html(path: Path | None) -> HtmlReport | None:
    if path is None:
        return None
    from ..render.html import HtmlReport

    return HtmlReport(path)


def _execute(paths: tuple[str, ...], options, run: _Run, console) -> bool:  # type: ignore[no-untyped-def]
    """Run the batch; True when it was interrupted. The output file is closed either way."""
    from ..batch import estimate_total, run_batch
    from ..render.batch import progress_bar

    total = estimate_total(paths) if console is not None else None
    try:
        with progress_bar(console, total) as advance:
            for record in run_batch(paths, options):
                run.handle(record, options.kinds is not None)
                advance()
    except KeyboardInterrupt:
        return True
    finally:
        if run.writer is not None:
            run.writer.close()
    return False


def _finish(run: _Run, interrupted: bool) -> None:
    from rich.console import Console

    from ..render.batch import print_errors, print_summary

    if run.html is not None:
        run.html.finish(run.summary, interrupted=interrupted)
    print_summary(run.summary, Console(highlight=False))
    if run.error_count:
        print_errors(run.errors, run.error_count, Console(stderr=True, highlight=False))
    if interrupted:
        raise CLIError(
            f"interrupted: {run.finished} message(s) finished and written", ExitCode.INTERRUPTED
        )
    if run.error_count:
        raise CLIError(
            f"{run.error_count} input(s) could not be analyzed; the others were",
            ExitCode.PARTIAL,
        )

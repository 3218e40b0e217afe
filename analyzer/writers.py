"""Incremental output files for batch runs: JSONL, CSV and Markdown.

Each writer writes one complete record at a time and flushes it, so an interrupted run leaves a
valid file holding every finished message. :func:`scan_jsonl` reads an earlier JSONL back for
``--resume`` and cuts off a last line that a crash left half-written.
"""

from __future__ import annotations

import csv
import html
import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, Protocol

from .batch import ERROR, FOREIGN, OK, BatchRecord, record_keys
from .language import foreign_note
from .report import Report

SUFFIXES = (".jsonl", ".csv", ".md")
CSV_COLUMNS = (
    "status",
    "path",
    "index",
    "date",
    "sender",
    "subject",
    "message_id",
    "kind",
    "policy",
    "reasons",
    "vague_phrases",
    "top_question",
    "error",
    "duplicate_of",
)
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class RecordWriter(Protocol):
    """Writes batch records one at a time."""

    def write(self, record: BatchRecord) -> None:
        """Write one record and flush it."""

    def close(self) -> None:
        """Close the file."""


def top_question(report: Report) -> str:
    """The first clarifying question of the plan, else its first question, else '' (a plan's
    thank-you, which asks nothing, is no question)."""
    asked = [q for q in report.questions if q.asks]
    for question in asked:
        if question.purpose == "clarify":
            return question.text
    return asked[0].text if asked else ""


class JsonlWriter:
    """One JSON object a line: the record's status, source metadata and report."""

    def __init__(self, path: Path, *, append: bool = False) -> None:
        self._fh: IO[str] = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115

    def write(self, record: BatchRecord) -> None:
        """Write ``record`` as one line and flush it."""
        self._fh.write(json.dumps(record.to_dict(), ensure_ascii=False) + "\n")
        self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        self._fh.close()


class CsvWriter:
    """One row a message (see :data:`CSV_COLUMNS`); cells that a spreadsheet would run as a
    formula get a leading apostrophe."""

    def __init__(self, path: Path, *, append: bool = False) -> None:
        new = not append or not path.exists() or path.stat().st_size == 0
        self._fh: IO[str] = open(path, "a" if append else "w", encoding="utf-8", newline="")  # noqa: SIM115
        self._csv = csv.writer(self._fh)
        if new:
            self._csv.writerow(CSV_COLUMNS)
            self._fh.flush()

    def write(self, record: BatchRecord) -> None:
        """Write ``record`` as one row and flush it."""
        self._csv.writerow([_cell(v) for v in csv_row(record)])
        self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        self._fh.close()


def csv_row(record: BatchRecord) -> list[Any]:
    """The CSV cells of ``record``, in :data:`CSV_COLUMNS` order."""
    meta, report = record.meta, record.report
    analyzed = [
        report.kind.label or "" if report else "",
        report.feedback_policy.label or "" if report else "",
        ";".join(r.label for r in report.reasons) if report else "",
        len(report.findings) if report else "",
        top_question(report) if report else "",
    ]
    source = [meta.get(k) for k in ("path", "index", "date", "sender", "subject", "message_id")]
    return [record.status, *source, *analyzed, record.error, record.duplicate_of]


def _cell(value: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


class MarkdownWriter:
    """A Markdown list of messages; any prefix of the file is valid Markdown."""

    def __init__(self, path: Path, *, append: bool = False) -> None:
        self._fh: IO[str] = open(path, "a" if append else "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        self._count = 0
        if not append:
            self._fh.write("# Batch analysis\n\n")
            self._fh.flush()

    def write(self, record: BatchRecord) -> None:
        """Write ``record`` as a short section and flush it."""
        self._count += 1
        self._fh.write("\n".join(markdown_lines(record, self._count)) + "\n\n")
        self._fh.flush()

    def close(self) -> None:
        """Close the file."""
        self._fh.close()


def _md(text: Any) -> str:
    """Escape email text for Markdown (which may contain raw HTML when rendered)."""
    escaped = html.escape(" ".join(str(text).split()), quote=False)
    return "".join("\\" + c if c in "\\`*_[]#|" else c for c in escaped)


def markdown_lines(record: BatchRecord, number: int) -> list[str]:
    """The Markdown section of one record."""
    meta = record.meta
    lines = [f"## {number}. {_md(meta.get('subject') or '(no subject)')}", ""]
    lines.append(f"- Source: {_md(record.origin)}")
    for key in ("sender", "date"):
        if meta.get(key):
            lines.append(f"- {key.capitalize()}: {_md(meta[key])}")
    if record.status == ERROR:
        lines.append(f"- Error: {_md(record.error)}")
    elif record.duplicate_of:
        lines.append(f"- Duplicate of {_md(record.duplicate_of)}")
    elif record.report is not None and not record.report.is_english:
        lines.append(f"- Not analyzed: {_md(foreign_note(record.report.language))}")
    elif record.report is not None:
        lines.extend(_report_lines(record.report))
    return lines


def _report_lines(report: Report) -> list[str]:
    lines = [
        f"- Kind: {_md(report.kind.label or 'unknown')}; "
        f"feedback policy: {_md(report.feedback_policy.label or 'unknown')}"
    ]
    if report.reasons:
        lines.append("- Reasons: " + ", ".join(_md(r.label) for r in report.reasons))
    for finding in report.findings:
        lines.append(f"- Vague: “{_md(finding.text)}” ({_md(finding.type)})")
    if top_question(report):
        lines.append(f"- Ask: {_md(top_question(report))}")
    return lines


def open_writer(path: Path, *, append: bool = False) -> RecordWriter:
    """A writer for ``path`` chosen by its suffix (.jsonl, .csv or .md)."""
    writers: dict[str, Callable[..., RecordWriter]] = {
        ".jsonl": JsonlWriter,
        ".csv": CsvWriter,
        ".md": MarkdownWriter,
    }
    return writers[path.suffix.lower()](path, append=append)


def scan_jsonl(path: Path, on_record: Callable[[dict[str, Any]], None]) -> frozenset[str]:
    """Keys of the messages an earlier run finished (ok, duplicate or foreign) in the JSONL at
    ``path``.

    Each finished record is passed to ``on_record``. A last line left half-written by a crash
    is cut off so that appending keeps the file valid; other unreadable lines are ignored.
    """
    keys: set[str] = set()
    good_end = 0
    with open(path, "rb") as handle:
        for line in handle:
            if not line.endswith(b"\n"):
                break  # the half-written last line of an interrupted run
            good_end += len(line)
            record = _parse(line)
            if record is None:
                continue
            finished = record.get("status") in (OK, "duplicate", FOREIGN)
            if finished and isinstance(record.get("source"), dict):
                keys.update(record_keys(record["source"]))
                on_record(record)
    if good_end < os.path.getsize(path):
        with open(path, "r+b") as handle:
            handle.truncate(good_end)
    return frozenset(keys)


def _parse(line: bytes) -> dict[str, Any] | None:
    try:
        data = json.loads(line)
    except (ValueError, UnicodeDecodeError):
        return None
    return data if isinstance(data, dict) else None

"""--redact masks email addresses, phone numbers and people's names in every output."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.analysis import Analyzer
from analyzer.cli import cli
from analyzer.redact import EMAIL_MASK, NAME_MASK, PHONE_MASK, Redactor, redact_report

from .batch.conftest import email_message

REPLY = (
    "Hi Priya,\n\nThank you for meeting the team. After careful consideration we have decided "
    "to move forward with a candidate who was more qualified. Priya, your SQL exercise missed "
    "the join on customer_id.\n\nIf you have questions, call me on +44 20 7946 0958 or write "
    "to tomas.berg@quillfield.example.\n\nBest regards,\nTomas Berg\nHead of Data | Quillfield"
)
PRIVATE = ("Priya", "Tomas", "Berg", "7946 0958", "tomas.berg@quillfield.example")


@pytest.mark.parametrize(
    ("text", "masked", "kept"),
    [
        ("write to ana.ruiz+jobs@mail.example.org today", [EMAIL_MASK], ["today"]),
        ("call (555) 123-4567 or +1 555 123 4567", [PHONE_MASK, PHONE_MASK], ["call"]),
        ("on 2026-02-23 at 10:30 in room 12", [], ["2026-02-23", "10:30", "12"]),
        ("the 2024 report, 3 interviews", [], ["2024", "3 interviews"]),
    ],
)
def test_emails_and_phones(text: str, masked: list[str], kept: list[str]) -> None:
    out = Redactor().text(text)
    assert [m for m in (EMAIL_MASK, PHONE_MASK) for _ in range(out.count(m))] == masked
    assert all(k in out for k in kept)


def test_names_from_greeting_and_signature_everywhere_in_the_text() -> None:
    out = Redactor.for_text(REPLY).text(REPLY)
    assert all(p not in out for p in PRIVATE)
    assert out.startswith(f"Hi {NAME_MASK},")
    assert f"\n{NAME_MASK}\nHead of Data" in out  # "Tomas Berg" is one mask


def test_a_redacted_report_keeps_every_offset(rules_only: Analyzer) -> None:
    report = redact_report(rules_only.analyze(REPLY))
    assert all(p not in json.dumps(report.to_dict(include_text=True)) for p in PRIVATE)
    for item in (*report.findings, *report.specific_feedback):
        assert report.text[item.start : item.end] == item.text
    assert "more qualified" in [f.text for f in report.findings]


@given(st.text(alphabet="Ana Ruiz@x.org+1 555-0100 hello.,\n", max_size=80))
@settings(max_examples=60, deadline=None)
def test_offsets_hold_for_any_text(text: str) -> None:
    analyzer = Analyzer(use_models=False)
    report = Redactor(["Ana Ruiz"]).report(analyzer.analyze(text))
    for item in (*report.findings, *report.specific_feedback):
        assert report.text[item.start : item.end] == item.text


@pytest.mark.parametrize("command", ["analyze", "questions", "draft"])
@pytest.mark.parametrize("fmt", ["json", "text", "markdown", "rich"])
def test_every_command_and_format(command: str, fmt: str) -> None:
    result = CliRunner().invoke(cli, [command, "--redact", "--format", fmt, REPLY])
    assert result.exit_code == 0, result.stderr
    assert all(p not in result.stdout + result.stderr for p in PRIVATE)
    plain = CliRunner().invoke(cli, [command, "--format", fmt, REPLY])
    # unredacted, the names are there to mask (the JSON report quotes only what it found, which
    # need not hold a name)
    shown = "Priya" in plain.stdout or "Tomas" in plain.stdout
    assert shown or command == "questions" or (command, fmt) == ("analyze", "json")


def test_batch_outputs_are_redacted(tmp_path: Path) -> None:
    msg = email_message(REPLY, subject="Priya - Data Analyst", sender="Tomas Berg <tb@q.example>")
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.eml").write_bytes(bytes(msg))
    outputs = [tmp_path / f"out.{ext}" for ext in ("jsonl", "csv", "md")]
    for out in outputs:
        args = ["batch", str(tmp_path / "in"), "-j", "1", "--redact", "-o", str(out)]
        if out.suffix == ".jsonl":
            args += ["--html", str(tmp_path / "r.html"), "--now", "2024-03-10T12:00:00"]
        result = CliRunner().invoke(cli, args)
        assert result.exit_code == 0, result.stderr
        assert all(p not in result.stdout for p in PRIVATE)
    for path in [*outputs, tmp_path / "r.html"]:
        written = path.read_text(encoding="utf-8")
        assert all(p not in written for p in (*PRIVATE, "tb@q.example")), path.name
        assert "name]" in written.replace("\\]", "]") or path.suffix == ".csv"

"""The ``questions`` and ``draft`` commands through Click's runner, stdout and stderr apart."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest
from click.testing import CliRunner, Result

from analyzer.commands.plan import draft, questions
from analyzer.exitcodes import ExitCode

REPLIES = Path(__file__).parent / "golden" / "plan" / "replies"
KESTREL = REPLIES / "kestrel.txt"
DECLINES = REPLIES / "pellucid.txt"
TIMING = "within a day or two"


def run(command: click.Command, args: list[str], stdin: str | None = None) -> Result:
    return CliRunner().invoke(command, args, input=stdin)


# (format, a piece of stdout that shows the format)
FORMATS = [
    ("text", "  1. Thank you for being open to questions. "),
    ("markdown", "## Questions to ask, in order"),
    ("rich", "Questions to ask, in order"),
    ("json", '"purpose": "opener"'),
]


@pytest.mark.parametrize(("fmt", "marker"), FORMATS)
def test_questions_formats(fmt: str, marker: str) -> None:
    result = run(questions, ["-f", str(KESTREL), "--format", fmt])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    assert "lacked depth" in result.stdout
    assert result.stderr == ""


def test_questions_json_contract() -> None:
    result = run(questions, ["--json", "--max", "3"], stdin=KESTREL.read_text(encoding="utf-8"))
    data = json.loads(result.stdout)
    assert [q["n"] for q in data["questions"]] == [1, 2, 3]
    assert [q["purpose"] for q in data["questions"]] == ["opener", "clarify", "open_ended"]
    assert data["questions"][1]["phrase"] == "more qualified"
    assert data["feedback_policy"] == "invites"


# the reply gives four clarifications at most (its "felt" introduces a comparison, which is
# asked once), so a plan stops at six questions: the opener, four, and the closing question
@pytest.mark.parametrize(
    ("cap", "expected"), [(0, 0), (1, 1), (2, 2), (None, 4), (5, 5), (7, 6), (20, 6)]
)
def test_questions_cap(cap: int | None, expected: int) -> None:
    limit = [] if cap is None else ["--max", str(cap)]
    result = run(questions, ["--json", *limit, "-f", str(KESTREL)])
    assert len(json.loads(result.stdout)["questions"]) == expected


def test_questions_declines_note_goes_to_stderr() -> None:
    result = run(questions, ["-f", str(DECLINES), "--format", "text"])
    assert result.exit_code == 0
    assert "do not give individual feedback" in result.stderr
    assert "do not give individual feedback" not in result.stdout


# (format, channel, a piece of stdout that shows the format and channel)
DRAFT_FORMATS = [
    ("text", "email", "Subject: Thank you, and a request for feedback"),
    ("text", "phone", "Call script: feedback on the Data Analyst role"),
    ("markdown", "email", "# Follow-up email"),
    ("markdown", "phone", "# Call script"),
    ("rich", "email", "Follow-up email"),
    ("rich", "phone", "Call script"),
    ("json", "email", '"channel": "email"'),
    ("json", "phone", '"channel": "phone"'),
]


@pytest.mark.parametrize(("fmt", "channel", "marker"), DRAFT_FORMATS)
def test_draft_formats(fmt: str, channel: str, marker: str) -> None:
    result = run(draft, ["-f", str(KESTREL), "--format", fmt, "--channel", channel])
    assert result.exit_code == 0, result.stderr
    assert marker in result.stdout
    assert "Marta" in result.stdout
    timing_in_stdout = TIMING in result.stdout
    assert timing_in_stdout is (fmt != "text")
    assert (TIMING in result.stderr) is (fmt == "text")
    assert "blanks" not in result.stderr


def test_draft_blanks_are_reported_on_stderr() -> None:
    result = run(draft, ["We decided not to proceed with your application."])
    assert result.exit_code == 0
    assert "[Interviewer's name]" in result.stdout and "[Your name]" in result.stdout
    assert "[Interviewer's name], [Your name]" in result.stderr


def test_draft_names_from_options_fill_the_blanks() -> None:
    args = ["We decided not to proceed.", "--sender", "Ola", "--me", "Kim"]
    result = run(draft, args)
    assert result.stdout.startswith("Subject:")
    assert "Dear Ola," in result.stdout and "\nKim\n" in result.stdout
    assert "blanks" not in result.stderr


def test_draft_declines_policy() -> None:
    result = run(draft, ["-f", str(DECLINES), "--json"])
    data = json.loads(result.stdout)
    assert data["asks_feedback"] is False and data["questions"] == []
    assert any("do not give individual feedback" in a for a in data["advice"])


@pytest.mark.parametrize("command", [questions, draft])
@pytest.mark.parametrize("args", [["   "], ["-f", "-"]])
def test_empty_input_is_an_input_error(command: click.Command, args: list[str]) -> None:
    result = run(command, args, stdin="")
    assert result.exit_code == ExitCode.INPUT
    assert result.stdout == ""
    assert "Error:" in result.stderr


@pytest.mark.parametrize("command", [questions, draft])
def test_text_and_file_together_is_a_usage_error(command: click.Command) -> None:
    result = run(command, ["hello", "-f", str(KESTREL)])
    assert result.exit_code == ExitCode.USAGE


def test_draft_rejects_unknown_channel() -> None:
    assert run(draft, ["hello", "--channel", "fax"]).exit_code == ExitCode.USAGE

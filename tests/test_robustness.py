"""Any text at all, through the public API and every analyzing command: no exception, offsets
that slice to their text, JSON that parses. 25 examples a test here; ``ROBUSTNESS_EXAMPLES=2000``
runs more."""

from __future__ import annotations

import json
import os

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import analyzer
from analyzer.analysis import Analyzer
from analyzer.cli import cli
from analyzer.textio import MAX_MESSAGE_CHARS

BOUNDED = settings(
    max_examples=int(os.environ.get("ROBUSTNESS_EXAMPLES", "25")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)

# Characters that break naive text handling: emoji, right-to-left and bidi controls,
# zero-width joiners, lone surrogates (what bad decoding leaves), C0/C1 controls, NUL.
AWKWARD = st.sampled_from(
    [
        "🙂",
        "👩🏽‍💻",
        "مرحبا",
        "שלום",
        "\u202e",
        "\u2066",
        "\u200b",
        "\u200d",
        "\ufeff",
        "\udc80",
        "\ud83d",
        "\x00",
        "\x07",
        "\x1b[31m",
        "\x85",
        "\u2028",
        "\r",
        "\r\n",
        "\t",
    ]
)
PHRASES = st.sampled_from(
    [
        "we went with a candidate who was more qualified",
        "not the right fit at this time",
        "the team felt you lacked depth",
        "we will keep your CV on file",
        "Best,\nAna",
        "On Tue, 3 Mar 2026, Sam wrote:\n> why?",
        "Hi Dana,",
        ". ",
        "\n\n",
    ]
)
MESSY = st.lists(st.one_of(PHRASES, AWKWARD, st.text(max_size=20)), max_size=30).map("".join)


def _offsets_slice(text: str, report: analyzer.Report) -> None:
    for item in (*report.findings, *report.specific_feedback):
        assert text[item.start : item.end] == item.text
    for reason in report.reasons:
        for ev in reason.evidence:
            assert text[ev.start : ev.end] == ev.text


@BOUNDED
@given(MESSY)
def test_api_never_raises(text: str) -> None:
    report = analyzer.analyze(text)
    _offsets_slice(text, report)
    json.loads(json.dumps(report.to_dict()))


@pytest.mark.parametrize("command", ["analyze", "questions", "draft"])
@BOUNDED
@given(text=MESSY)
def test_commands_json_always_parses(command: str, text: str) -> None:
    result = CliRunner().invoke(cli, [command, "--format", "json", "--", text])
    # 3: empty input, or (draft) a message that is not a rejection; one line on stderr.
    # 7: random words read as another language: the report is still written, with the note.
    assert result.exit_code in (0, 3, 7), (result.stderr, result.exception)
    if result.exit_code == 7:
        assert "only English is analyzed" in result.stderr
        if command == "draft":  # a letter that was not read gets no draft
            assert result.stdout == ""
            return
    if result.exit_code == 3:
        errors = [line for line in result.stderr.splitlines() if not line.startswith("note: ")]
        assert result.stdout == "" and len(errors) == 1 and errors[0].startswith("Error: ")
        assert command == "draft" or not any(c.isalnum() for c in text)
        return
    json.loads(result.stdout)


@pytest.mark.parametrize("fmt", ["text", "markdown", "rich"])
@BOUNDED
@given(text=MESSY)
def test_every_format_prints(fmt: str, text: str) -> None:
    result = CliRunner().invoke(cli, ["analyze", "--format", fmt, "--", text])
    assert result.exit_code in (0, 3, 7), (result.stderr, result.exception)
    assert result.exit_code != 7 or "only English is analyzed" in result.stderr
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_megabyte_on_one_line_is_cut_with_a_note() -> None:
    line = "we felt you were not the right fit " * 30_000
    report = analyzer.analyze(line)
    assert len(line) > MAX_MESSAGE_CHARS
    assert any("200,000" in note for note in report.notes)
    assert all(f.end <= MAX_MESSAGE_CHARS for f in report.findings)
    _offsets_slice(line, report)


def test_thousands_of_sentences(rules_only: Analyzer) -> None:
    text = " ".join(f"Point {n}: the panel felt you lacked depth." for n in range(3000))
    report = rules_only.analyze(text)
    assert len(report.findings) >= 3000
    _offsets_slice(text, report)


def test_cut_message_warns_on_stderr_in_the_cli() -> None:
    result = CliRunner().invoke(cli, ["analyze", "--format", "json"], input="no. " * 60_000)
    assert result.exit_code == 0
    assert "characters were analyzed" in result.stdout

"""Corpus statistics beside real mail: the figures, the bands and the command."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.corpus_stats import STATS, compare, message_figures, summarize, team_signed

ROWS = [
    {
        "text": "Hi,\n\nWe’ve decided not to proceed.\n\nThanks,\nThe Recruiting Team",
        "kind": "rejection",
        "reasons": ["none_given"],
        "vague_phrases": [{"span": "decided not to proceed", "type": "decision_formula"}],
        "specific_feedback": [],
    },
    {
        "text": "Dear Sam,\nYour SQL test did not handle NULLs — sorry.\nBest,\nJo Smith\nManager",
        "kind": "rejection",
        "reasons": ["skills"],
        "vague_phrases": [],
        "specific_feedback": ["Your SQL test did not handle NULLs"],
    },
    {"text": "We received your application.", "kind": "acknowledgement"},
]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thanks\nThe Talent Acquisition Team", True),
        ("Best regards,\nHR Department\nNorthfield Group", True),
        ("Kind regards,\nJo Smith\nEngineering Manager", False),
        ("Talent is what we look for in every hire, and you have plenty.\n" + "Jo", False),
    ],
)
def test_team_signature(text: str, expected: bool) -> None:
    assert team_signed(text) is expected


def test_message_figures_and_summary() -> None:
    first = message_figures(ROWS[0])
    assert first["curly"] == 1.0 and first["blank_lines"] == 1.0 and first["none_given"] == 1.0
    assert message_figures(ROWS[1])["em_dash"] == 1.0
    rejections = summarize(ROWS[:2])
    assert rejections["n"] == 2
    assert rejections["concrete"] == 0.5 and rejections["vague"] == 0.5
    assert rejections["median_chars"] == (len(ROWS[0]["text"]) + len(ROWS[1]["text"])) / 2


def test_bands_mark_what_differs() -> None:
    real = [dict(ROWS[0], text=ROWS[0]["text"].replace("’", "'")), ROWS[2]]
    result = compare(ROWS, real)
    bands = result["within_band"]["rejection"]
    assert bands["curly"] is False  # 50% against 0%
    assert bands["none_given"] is False  # 50% against 100%
    assert bands["team_signed"] is None  # no band set
    assert set(bands) == {s.key for s in STATS}
    assert "acknowledgement" in result["within_band"]


def test_stats_command(tmp_path: Path) -> None:
    corpus, real = tmp_path / "corpus.jsonl", tmp_path / "real.jsonl"
    corpus.write_text("\n".join(json.dumps(r) for r in ROWS), encoding="utf-8")
    real.write_text(json.dumps(ROWS[0]) + "\n", encoding="utf-8")
    runner = CliRunner()
    out = runner.invoke(cli, ["stats", "--corpus", str(corpus), "--against", str(real)])
    assert out.exit_code == 0, out.output
    assert "rejection: corpus 2 messages, real 1" in out.output
    assert "! outside band" in out.output and "   ok" in out.output
    as_json = runner.invoke(cli, ["stats", "--corpus", str(corpus), "--json"])
    assert json.loads(as_json.output)["corpus"]["all"]["n"] == 3


def test_stats_command_rejects_a_bad_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"no": "text"}\n', encoding="utf-8")
    out = CliRunner().invoke(cli, ["stats", "--corpus", str(bad)])
    assert out.exit_code == 3
    assert "needs 'text' and 'kind'" in out.output

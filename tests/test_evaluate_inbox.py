"""``evaluate --inbox``: kind scores on a kind-only file, in the library and through the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.errors import InputError
from analyzer.evaluate import dev_half
from analyzer.evaluate_inbox import InboxMessage, evaluate_inbox, load_inbox
from analyzer.exitcodes import ExitCode
from analyzer.labels import KINDS
from analyzer.report import Prediction, Report

INBOX = Path(__file__).parent / "examples" / "inbox.jsonl"


def _report(kind: str | None, confidence: float | None = 0.9) -> Report:
    return Report(text="", kind=Prediction(kind, confidence), feedback_policy=Prediction(None))


def _messages(kinds: list[str]) -> list[InboxMessage]:
    return [InboxMessage(id=f"m{i}", text=f"text {i}", kind=k) for i, k in enumerate(kinds)]


GOLD = ["rejection", "rejection", "acknowledgement", "invitation", "other", "other"]


@pytest.mark.parametrize(
    ("predicted", "accuracy", "rej_precision", "rej_recall"),
    [
        (GOLD, 1.0, 1.0, 1.0),
        (
            ["rejection", "other", "acknowledgement", "invitation", "other", "other"],
            5 / 6,
            1.0,
            0.5,
        ),
        (["rejection", "rejection", "rejection", "rejection", "other", "other"], 4 / 6, 0.5, 1.0),
        (["other"] * 6, 2 / 6, 0.0, 0.0),
    ],
)
def test_scores(
    predicted: list[str], accuracy: float, rej_precision: float, rej_recall: float
) -> None:
    result = evaluate_inbox(_messages(GOLD), [_report(k) for k in predicted])
    assert result.accuracy == pytest.approx(accuracy)
    assert result.rejection_precision == pytest.approx(rej_precision)
    assert result.rejection_recall == pytest.approx(rej_recall)
    assert len(result.errors) == sum(g != p for g, p in zip(GOLD, predicted, strict=True))
    assert sum(map(sum, result.confusion)) == len(GOLD)
    rows = {label: result.confusion[i] for i, label in enumerate(result.labels)}
    assert sum(rows["rejection"]) == GOLD.count("rejection")
    assert result.per_label["rejection"]["support"] == GOLD.count("rejection")


def test_errors_carry_confidence_and_missing_kind_counts_as_wrong() -> None:
    result = evaluate_inbox(
        _messages(["offer", "other"]), [_report("rejection", 0.7), _report(None, None)]
    )
    assert result.accuracy == 0.0
    assert [(e.gold, e.predicted, e.confidence) for e in result.errors] == [
        ("offer", "rejection", 0.7),
        ("other", None, None),
    ]


def test_report_count_must_match() -> None:
    with pytest.raises(ValueError, match="reports"):
        evaluate_inbox(_messages(["other"]), [])


@pytest.mark.parametrize(
    ("line", "match"),
    [
        ('{"id": "a", "kind": "other"}', "not an inbox message"),
        ('{"id": "a", "text": "x", "kind": "spam"}', "unknown kind"),
        ("not json", "not an inbox message"),
    ],
)
def test_bad_lines_are_refused(tmp_path: Path, line: str, match: str) -> None:
    path = tmp_path / "inbox.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    with pytest.raises(InputError, match=match):
        load_inbox(path)


def test_example_file_reads_with_subjects() -> None:
    messages = load_inbox(INBOX)
    assert {m.kind for m in messages} <= set(KINDS)
    assert any(m.subject for m in messages) and any(m.subject is None for m in messages)


@pytest.mark.parametrize("half", [None, "tune", "held"])
def test_cli_json_is_consistent_and_respects_half(half: str | None) -> None:
    args = ["evaluate", "--inbox", str(INBOX), "--json"] + (["--half", half] if half else [])
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    ids = [m.id for m in load_inbox(INBOX) if half is None or dev_half(m.id) == half]
    assert data["messages"] == len(ids)
    assert {e["id"] for e in data["errors"]} <= set(ids)
    correct = sum(data["confusion"][i][i] for i in range(len(data["labels"])))
    assert data["accuracy"] == pytest.approx(correct / len(ids), abs=1e-4)
    assert len(data["errors"]) == len(ids) - correct
    assert set(data["rejection_vs_rest"]) == {"precision", "recall"}


def test_cli_text_lists_the_tables() -> None:
    result = CliRunner().invoke(cli, ["evaluate", "--inbox", str(INBOX)], catch_exceptions=False)
    assert result.exit_code == 0
    for heading in ("Kind accuracy:", "Rejection vs rest:", "confusion (rows gold"):
        assert heading in result.stdout


def test_cli_refuses_two_sources(tmp_path: Path) -> None:
    args = ["evaluate", "--inbox", str(INBOX), "--gold", str(INBOX)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == ExitCode.USAGE

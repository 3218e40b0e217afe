"""The ``train`` command and the CV renderer."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.commands.train import train
from analyzer.render.cv import cv_text


@pytest.mark.slow
def test_train_command_writes_models_and_prints_cv(tiny_corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "models"
    result = CliRunner().invoke(
        train, ["--corpus", str(tiny_corpus), "--out", str(out), "--cv", "--folds", "2"]
    )
    assert result.exit_code == 0, result.output
    assert (out / "model_card.json").is_file()
    assert "confusion" in result.output and "kind accuracy" in result.output


def test_train_command_bad_corpus_is_one_line_error(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    result = CliRunner().invoke(train, ["--corpus", str(empty), "--out", str(tmp_path / "m")])
    assert result.exit_code == 3
    assert "no *.jsonl corpus files" in result.output


def test_cv_text_lists_every_label(tiny_models: Path) -> None:
    from analyzer.classify.store import read_card

    text = cv_text(read_card(tiny_models)["cv_metrics"])
    for label in ("rejection", "invites", "competition", "courtesy"):
        assert label in text


def test_evaluate_cv_reports_grouped_cross_validation(tiny_corpus: Path) -> None:
    from analyzer.cli import cli

    result = CliRunner().invoke(cli, ["evaluate", "--cv", str(tiny_corpus), "--folds", "2"])
    assert result.exit_code == 0, result.stderr
    assert "confusion" in result.stdout and "rejection" in result.stdout
    assert "Cross-validating" in result.stderr and "Cross-validating" not in result.stdout
    data = CliRunner().invoke(cli, ["evaluate", "--cv", str(tiny_corpus), "--folds", "2", "--json"])
    assert json.loads(data.stdout)["folds"] == 2


@pytest.mark.parametrize(
    ("args", "code"),
    [([], 2), (["--gold", "x.jsonl", "--cv"], 2), (["--cv", "/no/such/corpus"], 3)],
)
def test_evaluate_needs_exactly_one_source(args: list[str], code: int) -> None:
    from analyzer.cli import cli

    result = CliRunner().invoke(cli, ["evaluate", *args])
    assert result.exit_code == code
    assert result.stdout == "" and result.stderr.startswith("Error: ")


@pytest.mark.slow
def test_train_with_dev_records_dev_metrics_on_the_card(tiny_corpus: Path, tmp_path: Path) -> None:
    from analyzer.classify.predict import load_models
    from analyzer.classify.store import read_card

    rows = [json.loads(line) for line in (tiny_corpus / "tiny.jsonl").read_text().splitlines()]
    gold = tmp_path / "gold.jsonl"
    keys = (
        "id",
        "text",
        "kind",
        "feedback_policy",
        "reasons",
        "vague_phrases",
        "specific_feedback",
    )
    gold.write_text("".join(json.dumps({k: r[k] for k in keys}) + "\n" for r in rows[:6]))
    out = tmp_path / "models"
    args = ["--corpus", str(tiny_corpus), "--out", str(out), "--folds", "2", "--dev", str(gold)]
    result = CliRunner().invoke(train, args)
    assert result.exit_code == 0, result.output
    assert "gold.jsonl: span F1" in result.stdout
    dev = read_card(out)["dev_metrics"]
    assert dev["messages"] == 6 and dev["gold_file"] == "gold.jsonl"
    assert 0.0 <= dev["with_models"]["kind_accuracy"] <= 1.0
    assert dev["rules_only"]["kind_accuracy"] is None
    load_models(out)  # the card still verifies every model file

"""The ``train`` command and the CV renderer."""

from __future__ import annotations

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

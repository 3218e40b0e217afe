"""Fixtures for the classifier tests: a tiny corpus written from the real one, and models."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CORPUS = REPO / "corpora" / "messages"
#: Messages per kind kept in the tiny corpus (enough for two grouped folds).
PER_KIND = 6


def _tiny_lines() -> list[str]:
    chosen: dict[str, list[str]] = {}
    for path in sorted(CORPUS.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            bucket = chosen.setdefault(row["kind"], [])
            if len(bucket) < PER_KIND:
                bucket.append(line)
    return [line for kind in sorted(chosen) for line in chosen[kind]]


@pytest.fixture(scope="session")
def tiny_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("tiny_corpus")
    (folder / "tiny.jsonl").write_text("\n".join(_tiny_lines()) + "\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="session")
def tiny_models(tiny_corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from analyzer.classify import train

    out = tmp_path_factory.mktemp("tiny_models")
    train(tiny_corpus, out, n_splits=2)
    return out

"""Shared fixtures. Every pipeline here is built on spacy.blank("en"): no download needed."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from analyzer.analysis import Analyzer

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).parent / "examples"


@pytest.fixture(scope="session")
def rules_only() -> Analyzer:
    """An analyzer with the built-in rules and no classifiers."""
    return Analyzer(use_models=False)


@pytest.fixture(scope="session")
def nlp(rules_only: Analyzer):  # type: ignore[no-untyped-def]
    return rules_only.nlp


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")

"""The project's corpus is well-formed: parses, exact spans, taxonomy labels, sane families."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from analyzer.classify.corpus import load_corpus
from analyzer.labels import DECISION_KINDS, KINDS, POLICIES, REASONS, VAGUE_TYPES

from .conftest import CORPUS

FILES = sorted(CORPUS.glob("*.jsonl"))


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_line_parses_with_taxonomy_labels(path: Path) -> None:
    for row in _rows(path):
        assert row["kind"] in KINDS
        assert row["feedback_policy"] in POLICIES
        assert set(row["reasons"]) <= set(REASONS)
        assert {v["type"] for v in row["vague_phrases"]} <= set(VAGUE_TYPES)
        assert {e["label"] for e in row["reason_evidence"]} <= set(REASONS)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_every_span_is_an_exact_substring(path: Path) -> None:
    for row in _rows(path):
        spans = [e["span"] for e in row["reason_evidence"]]
        spans += [v["span"] for v in row["vague_phrases"]] + row["specific_feedback"]
        missing = [s for s in spans if s not in row["text"]]
        assert not missing, (row["id"], missing)


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_non_decisions_carry_no_reasons_or_spans(path: Path) -> None:
    for row in _rows(path):
        if row["kind"] not in DECISION_KINDS:
            assert not row["reasons"] and not row["vague_phrases"], row["id"]
        if "none_given" in row["reasons"]:
            assert row["reasons"] == ["none_given"], row["id"]


def test_ids_unique_and_families_small() -> None:
    rows = [row for path in FILES for row in _rows(path)]
    ids = Counter(row["id"] for row in rows)
    assert max(ids.values()) == 1
    families = Counter(row["family"] for row in rows)
    assert max(families.values()) <= 4


def test_loader_reads_the_whole_corpus() -> None:
    messages = load_corpus(CORPUS)
    assert len(messages) == sum(len(_rows(p)) for p in FILES)
    for m in messages:
        for start, end, _ in m.vague_spans:
            assert 0 <= start < end <= len(m.text)

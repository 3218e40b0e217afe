"""The analyzer with the installed classifiers: kinds, gating, reasons and fallbacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from analyzer.analysis import Analyzer
from analyzer.classify import predict
from analyzer.classify.store import has_models, models_dir
from analyzer.errors import ModelError

INSTALLED = has_models(models_dir())
needs_models = pytest.mark.skipif(not INSTALLED, reason="no trained models in models/")

CASES = [
    (
        "Hi Priya,\n\nThank you for interviewing for the Data Engineer role at Brindlewood. "
        "Unfortunately we have decided to move forward with other candidates whose experience "
        "more closely matches our needs. We will keep your CV on file.\n\nBest,\nOwen",
        "rejection",
    ),
    (
        "Hello Marcus,\n\nThanks for your application to Tallowmere Foods. We would love to "
        "invite you to a 45-minute video interview with our hiring manager next week. Please pick "
        "a slot that suits you from the calendar link below.\n\nKind regards,\nSaoirse",
        "invitation",
    ),
    (
        "Dear Ana,\n\nWe are delighted to offer you the position of Product Designer at Quenby "
        "Studio, with a starting salary of 52,000 EUR. Your contract is attached; please sign "
        "and return it by Friday.\n\nWarm wishes,\nIlse",
        "offer",
    ),
]


@pytest.fixture(scope="module")
def with_models() -> Analyzer:
    return Analyzer()


@needs_models
@pytest.mark.parametrize(("text", "kind"), CASES, ids=[k for _, k in CASES])
def test_kind_of_examples(with_models: Analyzer, text: str, kind: str) -> None:
    report = with_models.analyze(text)
    assert report.kind.label == kind
    assert report.kind.source == "classifier"
    assert 0.0 < report.kind.confidence <= 1.0


@needs_models
@pytest.mark.parametrize(("text", "kind"), CASES, ids=[k for _, k in CASES])
def test_gating_and_evidence_offsets(with_models: Analyzer, text: str, kind: str) -> None:
    report = with_models.analyze(text)
    if kind != "rejection":
        assert report.findings == () and report.reasons == ()
        assert report.feedback_policy.label == "unspecified"
        return
    assert report.reasons
    for reason in report.reasons:
        for span in reason.evidence:
            assert text[span.start : span.end] == span.text


def test_rules_only_has_no_kind(rules_only: Analyzer) -> None:
    report = rules_only.analyze(CASES[0][0])
    assert report.kind.label is None and report.findings


def test_absent_models_fall_back_to_rules(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setattr(predict, "models_dir", lambda: tmp_path / "nowhere")
    report = Analyzer().analyze(CASES[0][0])
    assert report.kind.label is None and report.findings


def test_corrupt_installed_models_raise(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, tiny_models: Path
) -> None:
    folder = tmp_path / "models"
    shutil.copytree(tiny_models, folder)
    (folder / "reasons.npz").write_bytes(b"\0" * 10)
    monkeypatch.setattr(predict, "models_dir", lambda: folder)
    with pytest.raises(ModelError):
        Analyzer().analyze(CASES[0][0])

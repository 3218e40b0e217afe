"""``train``: cross-validate, fit on the whole corpus, write the models and their card."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import corpus_files, corpus_sha256
from .dataset import load_dataset
from .models import SEED, dump
from .store import library_versions, write_models
from .training import DEFAULT_SPECS, N_SPLITS, cross_validate_data, fit_models


@dataclass(frozen=True)
class TrainResult:
    """What :func:`train` produced: the card's path, the CV metrics and the chosen settings."""

    out_dir: Path
    card_path: Path
    cv: dict[str, Any]
    config: dict[str, Any]


def choose_config(cv: Mapping[str, Any], finding_threshold: float | None = None) -> dict[str, Any]:
    """Run-time settings picked by cross-validation (reason threshold, policy strategy)."""
    return {
        "reason_threshold": cv["reasons"]["threshold"],
        "policy_strategy": cv["policy"]["chosen"],
        "finding_threshold": finding_threshold,
    }


def train(
    corpus_dir: str | Path,
    out_dir: str | Path,
    *,
    finding_threshold: float | None = None,
    dev_metrics: Mapping[str, Any] | None = None,
    n_splits: int = N_SPLITS,
) -> TrainResult:
    """Cross-validate on ``corpus_dir``, fit every model on all of it and write ``out_dir``.

    Args:
        corpus_dir: folder of corpus ``*.jsonl`` files.
        out_dir: where the models and ``model_card.json`` go (created if needed).
        finding_threshold: vague-sentence confidence above which the classifier adds
            findings; ``None`` keeps findings rules-only.
        dev_metrics: scores measured elsewhere (never trained on) to record on the card.
        n_splits: cross-validation folds (grouped by family).
    """
    data = load_dataset(corpus_dir)
    cv = cross_validate_data(data, n_splits=n_splits)
    config = choose_config(cv, finding_threshold)
    pipes = fit_models(data, DEFAULT_SPECS)
    dumped = {name: dump(pipe, DEFAULT_SPECS[name]) for name, pipe in pipes.items()}
    card = {
        "corpus": {
            "sha256": corpus_sha256(corpus_dir),
            "files": [p.name for p in corpus_files(corpus_dir)],
            "messages": cv["messages"],
            "sentences": cv["sentences"],
        },
        "libraries": library_versions(),
        "seed": SEED,
        "config": config,
        "cv_metrics": cv,
        "dev_metrics": dict(dev_metrics or {}),
    }
    card_path = write_models(out_dir, dumped, card)
    return TrainResult(Path(out_dir), card_path, cv, config)

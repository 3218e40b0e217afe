"""``train``: cross-validate, fit on the whole corpus, write the models and their card."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .corpus import corpus_files, corpus_sha256
from .dataset import load_dataset, originals
from .models import SEED, dump
from .predict import SPANS_MODEL
from .store import library_versions, update_card, write_models
from .tagging import train_spans
from .training import AUGMENT_COPIES, DEFAULT_SPECS, N_SPLITS, cross_validate_data, fit_models


@dataclass(frozen=True)
class TrainResult:
    """What :func:`train` produced: the card's path, the CV metrics and the chosen settings."""

    out_dir: Path
    card_path: Path
    cv: dict[str, Any]
    config: dict[str, Any]


def choose_config(cv: Mapping[str, Any], finding_threshold: float | None = None) -> dict[str, Any]:
    """Run-time settings picked by cross-validation: reason threshold, policy strategy, the
    kind decision's evidence gate and confidence floor, and the temperatures that calibrate
    the kind, policy and specificity probabilities."""
    return {
        "reason_threshold": cv["reasons"]["threshold"],
        "policy_strategy": cv["policy"]["chosen"],
        "finding_threshold": finding_threshold,
        "kind_rule": cv["kind"]["chosen"],
        "temperatures": {
            "kind": cv["kind"]["temperature"],
            "policy": cv["policy"]["classifier"]["temperature"],
            "specificity": cv["specificity"]["temperature"],
        },
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
    data = load_dataset(corpus_dir, copies=AUGMENT_COPIES, seed=SEED)
    cv = cross_validate_data(data, n_splits=n_splits)
    config = choose_config(cv, finding_threshold)
    pipes = fit_models(data, DEFAULT_SPECS)
    dumped = {name: dump(pipe, DEFAULT_SPECS[name]) for name, pipe in pipes.items()}
    # the span tagger reads tokens, not surfaces: it learns from the original messages
    dumped[SPANS_MODEL], cv["spans"], config["spans"] = train_spans(
        [data.messages[i] for i in originals(data)], n_splits=n_splits
    )
    card = {
        "corpus": {
            "sha256": corpus_sha256(corpus_dir),
            "files": [p.name for p in corpus_files(corpus_dir)],
            "messages": cv["messages"],
            "augment_copies": AUGMENT_COPIES,
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


#: The dev-set figures recorded on the model card, from :meth:`Evaluation.to_dict`.
DEV_KEYS = (
    "kind_accuracy",
    "rejection_vs_rest_accuracy",
    "feedback_policy_accuracy",
    "reasons_micro_f1",
)


def measure_dev(models_dir: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Score the rules alone and the rules plus the models in ``models_dir`` on a gold file.

    The gold messages are only measured, never trained on; the result goes on the card.
    """
    from ..analysis import Analyzer
    from ..evaluate import evaluate, load_gold

    gold = load_gold(gold_path)
    measured: dict[str, Any] = {
        "gold_file": Path(gold_path).name,
        "command": f"feedback-analyzer evaluate --gold {Path(gold_path).name}",
        "messages": len(gold),
    }
    setups = {
        "rules_only": Analyzer(use_models=False),
        "with_models": Analyzer(models_path=models_dir),
    }
    for name, analyzer in setups.items():
        scores = evaluate(gold, analyzer.analyze_many(m.text for m in gold)).to_dict()
        spans = scores["spans"]
        measured[name] = {
            "span_precision": spans["precision"],
            "span_recall": spans["recall"],
            "span_f1": spans["f1"],
            **{key: scores[key] for key in DEV_KEYS},
        }
    return measured


def record_dev_metrics(models_dir: str | Path, gold_path: str | Path) -> dict[str, Any]:
    """Measure on ``gold_path`` (see :func:`measure_dev`) and write it to the model card."""
    measured = measure_dev(models_dir, gold_path)
    update_card(models_dir, "dev_metrics", measured)
    return measured

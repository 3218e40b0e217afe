"""The scikit-learn classifiers: message kind, feedback policy, reasons and sentence specificity.

Training reads the project's corpus (``corpora/messages``), parses it with the analyzer's own
spaCy pipeline and fits tf-idf + logistic-regression pipelines; the fitted state is stored as
JSON + ``.npz`` (no pickle) in ``models/`` with a model card of hashes and metrics.
Heavy imports happen on first use of these names.
"""

from __future__ import annotations

from types import MappingProxyType
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .predict import Classifiers, MessagePrediction, load_installed, load_models
    from .store import models_dir
    from .trainer import TrainResult, train
    from .training import cross_validate

_WHERE = MappingProxyType(
    {
        "Classifiers": "predict",
        "MessagePrediction": "predict",
        "load_models": "predict",
        "load_installed": "predict",
        "models_dir": "store",
        "TrainResult": "trainer",
        "train": "trainer",
        "cross_validate": "training",
    }
)

__all__ = [
    "Classifiers",
    "MessagePrediction",
    "TrainResult",
    "cross_validate",
    "load_installed",
    "load_models",
    "models_dir",
    "train",
]


def __getattr__(name: str) -> Any:
    if name not in _WHERE:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    return getattr(import_module(f".{_WHERE[name]}", __name__), name)

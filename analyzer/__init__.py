"""feedback-analyzer: read rejection and feedback emails, flag vague phrases, plan questions.

>>> import analyzer
>>> report = analyzer.analyze("We went with a candidate who was more qualified.")
>>> [f.type for f in report.findings]
['unanchored_comparison']

Importing this package is cheap: spaCy and the models load on the first analysis.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

from ._version import __version__
from .errors import AnalyzerError, InputError, ModelError, RulesError
from .report import Finding, Prediction, Question, ReasonResult, Report, TextSpan

if TYPE_CHECKING:
    from .analysis import Analyzer

__all__ = [
    "Analyzer",
    "AnalyzerError",
    "Finding",
    "InputError",
    "ModelError",
    "Prediction",
    "Question",
    "ReasonResult",
    "Report",
    "RulesError",
    "TextSpan",
    "__version__",
    "analyze",
    "analyze_many",
    "default_analyzer",
]


@lru_cache(maxsize=1)
def default_analyzer() -> Analyzer:
    """The process-wide analyzer with the built-in rules and models, created on first use."""
    from .analysis import Analyzer

    return Analyzer()


def analyze(text: str, *, subject: str | None = None) -> Report:
    """Analyze one message (and its subject line, when known) with the built-in rules and
    models."""
    return default_analyzer().analyze(text, subject=subject)


def analyze_many(
    texts: Iterable[str],
    *,
    batch_size: int = 64,
    subjects: Iterable[str | None] | None = None,
) -> Iterator[Report]:
    """Analyze many messages in batches (with their subject lines, when known); reports come
    back in input order."""
    return default_analyzer().analyze_many(texts, batch_size=batch_size, subjects=subjects)


def __getattr__(name: str) -> object:
    if name == "Analyzer":
        from .analysis import Analyzer

        return Analyzer
    raise AttributeError(f"module 'analyzer' has no attribute {name!r}")

"""Plain-text rendering of kind scores on a kind-only file (``evaluate --inbox``)."""

from __future__ import annotations

from ..evaluate_inbox import InboxEvaluation
from .cv import confusion_lines, per_label_lines


def _conf(x: float | None) -> str:
    return "  n/a" if x is None else f"{x:.2f}"


def inbox_text(result: InboxEvaluation, *, max_listed: int = 100) -> str:
    """Accuracy, rejection-vs-rest, per-class table, confusion matrix and the errors."""
    lines = [
        f"Messages: {result.messages}",
        f"Kind accuracy: {result.accuracy:.3f}",
        f"Rejection vs rest: precision {result.rejection_precision:.3f}  "
        f"recall {result.rejection_recall:.3f}",
        "",
        *per_label_lines(result.per_label),
        *confusion_lines(result.labels, result.confusion),
    ]
    if result.errors:
        lines += ["", f"Misclassified ({len(result.errors)}; id, gold -> predicted, confidence):"]
        for e in result.errors[:max_listed]:
            about = e.subject or e.opening
            lines.append(f"  {e.id}: {e.gold} -> {e.predicted} {_conf(e.confidence)}  {about}")
    return "\n".join(lines)

"""Plain-text rendering of evaluation scores."""

from __future__ import annotations

from ..evaluate import Evaluation


def _fmt(x: float | None) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def scores_text(result: Evaluation, *, max_listed: int = 50) -> str:
    s = result.spans
    lines = [
        f"Messages: {result.messages}",
        f"Vague spans: precision {s.precision:.3f}  recall {s.recall:.3f}  F1 {s.f1:.3f}  "
        f"type accuracy {s.type_accuracy:.3f}  ({s.predicted} predicted, {s.gold} gold)",
        f"Kind accuracy: {_fmt(result.kind_accuracy)}   "
        f"rejection vs rest: {_fmt(result.rejection_accuracy)}",
        f"Feedback-policy accuracy: {_fmt(result.policy_accuracy)}",
        f"Reasons micro-F1: {_fmt(result.reasons_micro_f1)}",
    ]
    if s.misses:
        lines += ["", f"Misses ({len(s.misses)}):"]
        lines += [f'  {e.message_id}: "{e.text}" ({e.type})' for e in s.misses[:max_listed]]
    if s.false_alarms:
        lines += ["", f"False alarms ({len(s.false_alarms)}):"]
        lines += [f'  {e.message_id}: "{e.text}" ({e.type})' for e in s.false_alarms[:max_listed]]
    if result.kind_errors:
        lines += ["", "Kind errors (id, gold, predicted):"]
        lines += [f"  {i}: {g} -> {p}" for i, g, p in result.kind_errors[:max_listed]]
    if result.policy_errors:
        lines += ["", "Policy errors (id, gold, predicted):"]
        lines += [f"  {i}: {g} -> {p}" for i, g, p in result.policy_errors[:max_listed]]
    return "\n".join(lines)

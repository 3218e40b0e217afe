"""Plain-text rendering of evaluation scores."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ..evaluate import SOURCE_SETUPS, Evaluation
from ..plancheck import CHECKS, PlanChecks

SETUPS = tuple(SOURCE_SETUPS)


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
    if result.reasons_by_label:
        lines += ["", "Reasons by label (precision, recall, gold, predicted):"]
        lines += [
            f"  {label}: {d['precision']:.3f} {d['recall']:.3f} {d['support']} {d['predicted']}"
            for label, d in result.reasons_by_label.items()
        ]
    if result.reason_errors:
        lines += ["", "Reason errors (id: gold -> predicted):"]
        lines += [
            f"  {i}: {', '.join(g) or '-'} -> {', '.join(p) or '-'}"
            for i, g, p in result.reason_errors[:max_listed]
        ]
    if result.kind_errors:
        lines += ["", "Kind errors (id, gold, predicted):"]
        lines += [f"  {i}: {g} -> {p}" for i, g, p in result.kind_errors[:max_listed]]
    if result.policy_errors:
        lines += ["", "Policy errors (id, gold, predicted):"]
        lines += [f"  {i}: {g} -> {p}" for i, g, p in result.policy_errors[:max_listed]]
    return "\n".join(lines)


def plan_checks_text(checks: PlanChecks, *, max_listed: int = 50) -> str:
    """The automated plan checks: sizes, the largest similarity, failures by check, issues."""
    d = checks.to_dict()
    sizes = ", ".join(f"{k}: {v}" for k, v in d["plan_sizes"].items())
    lines = [
        f"Plans: {d['plans']} ({d['questions']} questions, {d['mean_questions']:.2f} a plan; "
        f"by size {sizes})",
        f"Largest similarity of two questions in a plan: {d['max_pairwise_similarity']:.3f} "
        f"(threshold {d['similarity_threshold']})",
        f"Quotes checked: {d['quotes']}; declines-policy plans: {d['declines_plans']}; "
        f"out-of-control plans: {d['out_of_control_plans']}",
        "Plans failing each check: " + ", ".join(f"{c} {d['plans_failing'][c]}" for c in CHECKS),
    ]
    if checks.issues:
        lines += ["", f"Issues ({len(checks.issues)}):"]
        lines += [
            f"  {mid}: [{i.check}] {i.question} {('- ' + i.detail) if i.detail else ''}".rstrip()
            for mid, i in checks.issues[:max_listed]
        ]
    else:
        lines.append("Every plan passes every check.")
    return "\n".join(lines)


def comparison_text(compared: Mapping[str, Any], *, max_listed: int = 30) -> str:
    """Span scores of the rules alone, the model alone and both, per type; then the misses
    and false alarms of each setup listed by type (what ``compare_sources`` and the span
    cross-validation give)."""
    lines = [f"  {'findings':<10}{'type':<24}{'P':>7}{'R':>7}{'F1':>7}{'pred':>6}{'gold':>6}"]
    for setup in SETUPS:
        for label, m in compared[setup].items():
            lines.append(
                f"  {setup:<10}{label:<24}{m['precision']:>7.3f}{m['recall']:>7.3f}"
                f"{m['f1']:>7.3f}{m['predicted']:>6}{m['gold']:>6}"
            )
    for setup in SETUPS:
        for what in ("misses", "false_alarms"):
            for label, m in compared[setup].items():
                errors = m.get(what, [])
                if not errors:
                    continue
                lines += ["", f"{setup}: {what.replace('_', ' ')} of {label} ({len(errors)}):"]
                lines += [f'  {e["message_id"]}: "{e["text"]}"' for e in errors[:max_listed]]
    return "\n".join(lines)

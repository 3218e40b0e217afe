"""Plain-text tables of grouped cross-validation metrics (see ``analyzer.classify``)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

_MODELS = ("kind", "policy", "reasons", "specificity")


def per_label_lines(per: Mapping[str, Mapping[str, float]]) -> list[str]:
    lines = [f"  {'label':<24}{'P':>7}{'R':>7}{'F1':>7}{'n':>6}"]
    for label, m in per.items():
        lines.append(
            f"  {label:<24}{m['precision']:>7.3f}{m['recall']:>7.3f}"
            f"{m.get('f1-score', m.get('f1', 0.0)):>7.3f}{int(m['support']):>6}"
        )
    return lines


def confusion_lines(labels: list[str], matrix: list[list[int]]) -> list[str]:
    short = [label[:6] for label in labels]
    lines = ["  confusion (rows gold, columns predicted):"]
    lines.append("  " + " " * 16 + "".join(f"{s:>8}" for s in short))
    for label, row in zip(labels, matrix, strict=True):
        lines.append(f"  {label:<16}" + "".join(f"{v:>8}" for v in row))
    return lines


def _headline(name: str, m: Mapping[str, Any]) -> str:
    if name == "reasons":
        return f"reasons: message micro-F1 {m['micro_f1']:.3f} at threshold {m['threshold']}"
    text = f"{name}: accuracy {m['accuracy']:.3f}"
    if "brier" in m:
        text += f", Brier {m['brier']:.3f}, ECE {m['ece']:.3f}"
    if "brier" in m and "temperature" in m:
        text += (
            f"; calibrated (T={m['temperature']:g}): Brier {m['brier_calibrated']:.3f}, "
            f"ECE {m['ece_calibrated']:.3f}"
        )
    if name == "kind" and "chosen" in m:
        clf, rej = m["classifier"], m["rejection"]
        text += (
            f" with the evidence gate {m['chosen']['gate']} and floor {m['chosen']['floor']}"
            f" (classifier alone {clf['accuracy']:.3f}); rejection precision"
            f" {rej['precision']:.3f}, recall {rej['recall']:.3f}; ECE {m['ece']:.3f};"
            f" classifier T={clf['temperature']:g}, classwise ECE "
            + ", ".join(f"{k} {v:.3f}" for k, v in clf["ece_by_class"].items())
        )
    if name == "policy":
        options = ", ".join(f"{s} {v['accuracy']:.3f}" for s, v in m["strategies"].items())
        text += f" (chosen: {m['chosen']}; {options})"
    return text


def cv_text(cv: Mapping[str, Any]) -> str:
    """The metrics of ``analyzer.classify.cross_validate`` as text tables."""
    lines = [
        f"Grouped {cv['folds']}-fold cross-validation by family: "
        f"{cv['messages']} messages, {cv['sentences']} sentences of decision messages",
    ]
    for name in _MODELS:
        m = cv[name]
        lines += ["", _headline(name, m), *per_label_lines(m["per_label"])]
        if "confusion" in m:
            lines += confusion_lines(m["labels"], m["confusion"])
    if "spans" in cv:
        lines += ["", *_spans(cv["spans"])]
    return "\n".join(lines)


def _spans(spans: Mapping[str, Any]) -> list[str]:
    from .scores import SETUPS, comparison_text

    tried = ", ".join(f"{t} {f:.3f}" for t, f in spans["both_f1_by_threshold"].items())
    return [
        f"vague spans ({spans['messages']} decision messages, {spans['tokens']} tokens): "
        f"tag threshold {spans['tag_threshold']} (F1 of both by threshold: {tried})",
        comparison_text({setup: spans[setup] for setup in SETUPS}),
    ]

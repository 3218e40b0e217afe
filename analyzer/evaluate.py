"""Score the analyzer against annotated messages (the format of the shared evaluation set).

Each line of a gold file is a JSON object with ``text``, ``kind``, ``feedback_policy``,
``reasons``, ``vague_phrases`` (``[{"span", "type"}]``) and ``specific_feedback``. Spans are
compared by character overlap: a prediction that overlaps no gold span is a false alarm, a gold
span that no prediction overlaps is a miss; type accuracy is measured over matched pairs.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from .errors import InputError
from .labels import DECISION_KINDS, KINDS, POLICIES, REASONS, VAGUE_TYPES
from .report import Report

if TYPE_CHECKING:
    from .plancheck import PlanChecks

_M = TypeVar("_M", bound="_HasId")
_P = TypeVar("_P")


class _HasId(Protocol):
    @property
    def id(self) -> str: ...


@dataclass(frozen=True)
class GoldMessage:
    """One annotated message."""

    id: str
    text: str
    kind: str
    feedback_policy: str
    reasons: tuple[str, ...]
    spans: tuple[tuple[int, int, str], ...]


@dataclass(frozen=True)
class SpanError:
    """A miss or a false alarm, for listing."""

    message_id: str
    text: str
    type: str


@dataclass
class SpanScores:
    """Overlap-based span scores."""

    predicted: int = 0
    gold: int = 0
    true_predictions: int = 0
    found_gold: int = 0
    type_matches: int = 0
    matched_pairs: int = 0
    misses: list[SpanError] = field(default_factory=list)
    false_alarms: list[SpanError] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.true_predictions / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.found_gold / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_matches / self.matched_pairs if self.matched_pairs else 0.0


@dataclass
class Evaluation:
    """All scores of one run over a gold file."""

    messages: int
    spans: SpanScores
    kind_accuracy: float | None
    policy_accuracy: float | None
    reasons_micro_f1: float | None
    rejection_accuracy: float | None
    kind_errors: list[tuple[str, str, str | None]] = field(default_factory=list)
    policy_errors: list[tuple[str, str, str | None]] = field(default_factory=list)
    #: Precision, recall and support of each reason label present in gold or predictions.
    reasons_by_label: dict[str, dict[str, float]] = field(default_factory=dict)
    #: ``(id, gold reasons, predicted reasons)`` of the messages whose reasons differ.
    reason_errors: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        s = self.spans
        return {
            "messages": self.messages,
            "spans": {
                "precision": round(s.precision, 4),
                "recall": round(s.recall, 4),
                "f1": round(s.f1, 4),
                "type_accuracy": round(s.type_accuracy, 4),
                "predicted": s.predicted,
                "gold": s.gold,
                "misses": [e.__dict__ for e in s.misses],
                "false_alarms": [e.__dict__ for e in s.false_alarms],
            },
            "kind_accuracy": _round(self.kind_accuracy),
            "rejection_vs_rest_accuracy": _round(self.rejection_accuracy),
            "feedback_policy_accuracy": _round(self.policy_accuracy),
            "reasons_micro_f1": _round(self.reasons_micro_f1),
            "kind_errors": [list(e) for e in self.kind_errors],
            "policy_errors": [list(e) for e in self.policy_errors],
            "reasons_by_label": self.reasons_by_label,
            "reason_errors": [[i, list(g), list(p)] for i, g, p in self.reason_errors],
        }


def _round(x: float | None) -> float | None:
    return None if x is None else round(x, 4)


#: The two halves of an evaluation file: designs are chosen on ``tune``; ``held`` is reported
#: apart, untouched by tuning.
HALVES = ("tune", "held")


def dev_half(message_id: str) -> str:
    """Which half a message belongs to: a stable hash of its id, so a file's halves never move
    and any file (annotated or kind-only) splits the same way."""
    digest = hashlib.sha256(message_id.encode("utf-8")).digest()
    return HALVES[digest[0] & 1]


def select_half(messages: Sequence[_M], half: str | None) -> list[_M]:
    """The messages of one half (all of them when ``half`` is None)."""
    if half is None:
        return list(messages)
    if half not in HALVES:
        raise ValueError(f"half must be one of {HALVES}, not {half!r}")
    return [m for m in messages if dev_half(m.id) == half]


def read_evaluation_file(path: str | Path, what: str, parse: Callable[[str, str], _P]) -> list[_P]:
    """Every non-blank line of a JSONL evaluation file, through ``parse(line, "file:n")``;
    :class:`InputError` for an unreadable or empty file (``what`` names it) or the first bad
    line (``parse`` raises it)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: cannot read {what} ({exc})") from None
    messages = [parse(line, f"{path}:{n}") for n, line in enumerate(lines, 1) if line.strip()]
    if not messages:
        raise InputError(f"{path}: no messages in {what}")
    return messages


def load_gold(path: str | Path) -> list[GoldMessage]:
    """Read a gold JSONL file; :class:`InputError` names the first bad line."""
    return read_evaluation_file(path, "gold file", _gold)


def _gold(line: str, where: str) -> GoldMessage:
    try:
        d = json.loads(line)
        text = d["text"]
        spans = []
        for v in d.get("vague_phrases", []):
            start = text.find(v["span"])
            if start < 0 or v["type"] not in VAGUE_TYPES:
                raise InputError(f"{where}: span {v['span']!r} is not in the text or badly typed")
            spans.append((start, start + len(v["span"]), v["type"]))
        if d["kind"] not in KINDS or d["feedback_policy"] not in POLICIES:
            raise InputError(f"{where}: unknown kind or policy label")
        if any(r not in REASONS for r in d.get("reasons", [])):
            raise InputError(f"{where}: unknown reason label")
        return GoldMessage(
            id=str(d.get("id", where)),
            text=text,
            kind=d["kind"],
            feedback_policy=d["feedback_policy"],
            reasons=tuple(d.get("reasons", [])),
            spans=tuple(spans),
        )
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{where}: not a gold message ({exc})") from None


#: A span as scored: ``(start, end, type)`` character offsets.
Scored = tuple[int, int, str]


def score_spans(gold: Sequence[GoldMessage], reports: Sequence[Report]) -> SpanScores:
    """Overlap-based precision, recall, F1 and type accuracy."""
    return score_span_lists(
        (g.id, g.text, g.spans, [(f.start, f.end, f.type) for f in r.findings])
        for g, r in zip(gold, reports, strict=False)
    )


def score_span_lists(
    items: Iterable[tuple[str, str, Sequence[Scored], Sequence[Scored]]],
    *,
    only_type: str | None = None,
) -> SpanScores:
    """Overlap scores of ``(id, text, gold spans, predicted spans)`` items; with ``only_type``,
    the predictions and gold spans of that type only (a prediction still counts as true when
    it overlaps a gold span of any type, and a gold span as found by any prediction: the
    scores of a type then add up to the overall ones)."""
    scores = SpanScores()
    for message_id, text, gold, preds in items:
        for p in preds:
            if only_type is not None and p[2] != only_type:
                continue
            scores.predicted += 1
            overlapping = [s for s in gold if _overlap(p, s) > 0]
            if overlapping:
                scores.true_predictions += 1
                best = max(overlapping, key=lambda s: _overlap(p, s))
                scores.matched_pairs += 1
                scores.type_matches += best[2] == p[2]
            else:
                scores.false_alarms.append(SpanError(message_id, text[p[0] : p[1]], p[2]))
        for s in gold:
            if only_type is not None and s[2] != only_type:
                continue
            scores.gold += 1
            if any(_overlap(p, s) > 0 for p in preds):
                scores.found_gold += 1
            else:
                scores.misses.append(SpanError(message_id, text[s[0] : s[1]], s[2]))
    return scores


def scores_by_type(
    items: Sequence[tuple[str, str, Sequence[Scored], Sequence[Scored]]],
) -> dict[str, SpanScores]:
    """:func:`score_span_lists` overall (key ``all``) and for each vague type."""
    out = {"all": score_span_lists(items)}
    for vague_type in VAGUE_TYPES:
        out[vague_type] = score_span_lists(items, only_type=vague_type)
    return out


def _overlap(a: tuple[int, int, str], b: tuple[int, int, str]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def evaluate(gold: Sequence[GoldMessage], reports: Iterable[Report]) -> Evaluation:
    """Score reports (one per gold message, same order) against the gold annotations."""
    from sklearn.metrics import accuracy_score, f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    reports = list(reports)
    kinds = [r.kind.label for r in reports]
    policies = [r.feedback_policy.label for r in reports]
    have_kind = all(k is not None for k in kinds)
    kind_acc = accuracy_score([g.kind for g in gold], kinds) if have_kind else None
    rej_acc = None
    if have_kind:
        rej_acc = accuracy_score(
            [g.kind in DECISION_KINDS for g in gold], [k in DECISION_KINDS for k in kinds]
        )
    policy_acc = accuracy_score([g.feedback_policy for g in gold], policies)
    reasons_f1, by_label, reason_errors = None, {}, []
    if any(r.reasons for r in reports):
        mlb = MultiLabelBinarizer(classes=list(REASONS))
        predicted = [tuple(x.label for x in r.reasons) for r in reports]
        y_true = mlb.fit_transform([g.reasons for g in gold])
        y_pred = mlb.transform(predicted)
        reasons_f1 = float(f1_score(y_true, y_pred, average="micro", zero_division=0))
        by_label = reason_scores(y_true, y_pred, REASONS)
        reason_errors = [
            (g.id, tuple(sorted(g.reasons)), tuple(sorted(p)))
            for g, p in zip(gold, predicted, strict=False)
            if set(g.reasons) != set(p)
        ]
    return Evaluation(
        messages=len(gold),
        spans=score_spans(gold, reports),
        kind_accuracy=None if kind_acc is None else float(kind_acc),
        policy_accuracy=float(policy_acc),
        reasons_micro_f1=reasons_f1,
        reasons_by_label=by_label,
        reason_errors=reason_errors,
        rejection_accuracy=None if rej_acc is None else float(rej_acc),
        kind_errors=[(g.id, g.kind, k) for g, k in zip(gold, kinds, strict=False) if g.kind != k],
        policy_errors=[
            (g.id, g.feedback_policy, p)
            for g, p in zip(gold, policies, strict=False)
            if g.feedback_policy != p
        ],
    )


def reason_scores(y_true: Any, y_pred: Any, labels: Sequence[str]) -> dict[str, dict[str, float]]:
    """Precision, recall and support of each of ``labels`` (columns of the binary indicator
    arrays) that occurs in gold or in the predictions."""
    from sklearn.metrics import precision_recall_fscore_support

    p, r, _, support = precision_recall_fscore_support(y_true, y_pred, zero_division=0)
    predicted = y_pred.sum(axis=0)
    return {
        label: {
            "precision": round(float(p[j]), 4),
            "recall": round(float(r[j]), 4),
            "support": int(support[j]),
            "predicted": int(predicted[j]),
        }
        for j, label in enumerate(labels)
        if support[j] or predicted[j]
    }


def check_plans(gold: Sequence[GoldMessage], reports: Iterable[Report]) -> PlanChecks:
    """The automated plan checks over the gold file's rejections and feedback replies.

    Each plan is checked in the context the analyzer read, widened by the gold labels: a
    message annotated ``declines`` must get no questions, and one annotated with a
    ``logistics`` reason must get no "stronger candidate" question, whatever the analyzer
    predicted.
    """
    from dataclasses import replace

    from .labels import Policy, Reason
    from .plancheck import PlanChecks
    from .plancontext import context_of

    checks = PlanChecks()
    for g, r in zip(gold, reports, strict=True):
        if g.kind not in DECISION_KINDS:
            continue
        ctx = context_of(r)
        logistics = {Reason.LOGISTICS.value} & set(g.reasons)
        ctx = replace(
            ctx,
            declines=ctx.declines or g.feedback_policy == Policy.DECLINES.value,
            out_of_control=ctx.out_of_control | logistics,
        )
        checks.add(g.id, g.text, r.questions, context=ctx)
    return checks


#: The finding sets compared by :func:`compare_sources`: name -> the analyzer's sources.
SOURCE_SETUPS: dict[str, tuple[str, ...]] = {
    "rules": ("rule",),
    "model": ("model",),
    "both": ("rule", "model"),
}


def span_summary(scores: SpanScores, *, listed: bool = True) -> dict[str, Any]:
    """Precision, recall, F1 and counts (and, with ``listed``, the misses and false alarms)."""
    out: dict[str, Any] = {
        "precision": round(scores.precision, 4),
        "recall": round(scores.recall, 4),
        "f1": round(scores.f1, 4),
        "predicted": scores.predicted,
        "gold": scores.gold,
    }
    if listed:
        out["misses"] = [e.__dict__ for e in scores.misses]
        out["false_alarms"] = [e.__dict__ for e in scores.false_alarms]
    return out


def compare_sources(
    gold: Sequence[GoldMessage],
    *,
    make: Callable[..., Any],
    rules: Sequence[Any] = (),
    min_confidence: float | None = None,
) -> dict[str, dict[str, dict[str, Any]]]:
    """Span scores of the rules alone, the span model alone and both on ``gold``: for each,
    overall (``all``) and per vague type, the misses and false alarms listed by type.

    ``make(rules, sources=..., min_confidence=...)`` builds the analyzer of a setup.
    """
    out = {}
    for name, sources in SOURCE_SETUPS.items():
        analyzer = make(rules, sources=sources, min_confidence=min_confidence)
        reports = list(analyzer.analyze_many(g.text for g in gold))
        items = [
            (g.id, g.text, g.spans, [(f.start, f.end, f.type) for f in r.findings])
            for g, r in zip(gold, reports, strict=True)
        ]
        by_type = scores_by_type(items)
        out[name] = {label: span_summary(s, listed=label != "all") for label, s in by_type.items()}
    return out

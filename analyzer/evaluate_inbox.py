"""Score message kinds on a kind-only file (the format of the shared ``inbox.jsonl``).

Each line is a JSON object with ``id``, ``text``, ``kind`` and optionally ``subject``. The score
is what a user filtering a mailbox cares about: accuracy, per-class precision and recall, how
cleanly rejections are separated from the rest, the confusion matrix, and every misclassified
message with the confidence it was given.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import InputError
from .evaluate import read_evaluation_file
from .labels import KINDS, Kind
from .report import Report


@dataclass(frozen=True)
class InboxMessage:
    """One message of a kind-only file."""

    id: str
    text: str
    kind: str
    subject: str | None = None


@dataclass(frozen=True)
class KindError:
    """A misclassified message: gold and predicted kind, confidence, and the opening words."""

    id: str
    gold: str
    predicted: str | None
    confidence: float | None
    subject: str | None
    opening: str


@dataclass
class InboxEvaluation:
    """Kind scores of one run over a kind-only file."""

    messages: int
    accuracy: float
    labels: list[str]
    per_label: dict[str, dict[str, float]]
    rejection_precision: float
    rejection_recall: float
    confusion: list[list[int]]
    errors: list[KindError] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "messages": self.messages,
            "accuracy": round(self.accuracy, 4),
            "per_label": self.per_label,
            "rejection_vs_rest": {
                "precision": round(self.rejection_precision, 4),
                "recall": round(self.rejection_recall, 4),
            },
            "labels": self.labels,
            "confusion": self.confusion,
            "errors": [e.__dict__ for e in self.errors],
        }


#: Characters of a misclassified message shown in its listing.
OPENING_CHARS = 100


def load_inbox(path: str | Path) -> list[InboxMessage]:
    """Read a kind-only JSONL file; :class:`InputError` names the first bad line."""
    return read_evaluation_file(path, "inbox file", _message)


def _message(line: str, where: str) -> InboxMessage:
    try:
        d = json.loads(line)
        message = InboxMessage(
            id=str(d.get("id", where)),
            text=str(d["text"]),
            kind=str(d["kind"]),
            subject=None if d.get("subject") is None else str(d["subject"]),
        )
    except (json.JSONDecodeError, KeyError, TypeError, AttributeError) as exc:
        raise InputError(f"{where}: not an inbox message ({exc})") from None
    if message.kind not in KINDS:
        raise InputError(f"{where}: unknown kind {message.kind!r}")
    return message


def evaluate_inbox(messages: Sequence[InboxMessage], reports: Iterable[Report]) -> InboxEvaluation:
    """Score the reports' kinds (one report per message, same order) against the gold kinds.

    Per-class figures cover every label of the taxonomy; a report without a kind (no models
    installed) counts as wrong.
    """
    from sklearn.metrics import accuracy_score, confusion_matrix, precision_recall_fscore_support

    reports = list(reports)
    if len(reports) != len(messages):
        raise ValueError(f"{len(messages)} messages but {len(reports)} reports")
    gold = [m.kind for m in messages]
    pred = [r.kind.label or "" for r in reports]
    labels = list(KINDS)
    p, r, f, n = precision_recall_fscore_support(gold, pred, labels=labels, zero_division=0)
    per_label = {
        label: {
            "precision": round(float(p[i]), 4),
            "recall": round(float(r[i]), 4),
            "f1": round(float(f[i]), 4),
            "support": int(n[i]),
        }
        for i, label in enumerate(labels)
    }
    rejection = Kind.REJECTION.value
    rp, rr, _, _ = precision_recall_fscore_support(
        [g == rejection for g in gold],
        [k == rejection for k in pred],
        average="binary",
        zero_division=0,
    )
    return InboxEvaluation(
        messages=len(messages),
        accuracy=float(accuracy_score(gold, pred)),
        labels=labels,
        per_label=per_label,
        rejection_precision=float(rp),
        rejection_recall=float(rr),
        confusion=confusion_matrix(gold, pred, labels=labels).tolist(),
        errors=[
            KindError(
                id=m.id,
                gold=m.kind,
                predicted=rep.kind.label,
                confidence=None if rep.kind.confidence is None else round(rep.kind.confidence, 4),
                subject=m.subject,
                opening=" ".join(m.text.split())[:OPENING_CHARS],
            )
            for m, rep in zip(messages, reports, strict=True)
            if rep.kind.label != m.kind
        ],
    )

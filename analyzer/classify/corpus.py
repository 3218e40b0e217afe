"""Read the labeled corpus and derive sentence-level labels from its spans."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import InputError
from ..labels import DECISION_KINDS, KINDS, POLICIES, REASONS, VAGUE_TYPES

#: Reasons the sentence model learns (``none_given`` is decided at message level).
SENTENCE_REASONS: tuple[str, ...] = tuple(r for r in REASONS if r != "none_given")


@dataclass(frozen=True)
class CorpusMessage:
    """One labeled message; spans are resolved to ``(start, end, label)`` offsets."""

    id: str
    family: str
    text: str
    kind: str
    policy: str
    reasons: tuple[str, ...]
    reason_spans: tuple[tuple[int, int, str], ...]
    vague_spans: tuple[tuple[int, int, str], ...]
    specific_spans: tuple[tuple[int, int], ...]


def corpus_files(corpus_dir: str | Path) -> list[Path]:
    """The corpus's JSONL files, sorted by name; :class:`InputError` when there are none."""
    files = sorted(Path(corpus_dir).glob("*.jsonl"))
    if not files:
        raise InputError(f"{corpus_dir}: no *.jsonl corpus files")
    return files


def corpus_sha256(corpus_dir: str | Path) -> str:
    """One digest over the names and bytes of every corpus file."""
    digest = hashlib.sha256()
    for path in corpus_files(corpus_dir):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def load_corpus(corpus_dir: str | Path) -> list[CorpusMessage]:
    """Every message of every ``*.jsonl`` file; :class:`InputError` names the first bad line."""
    messages: list[CorpusMessage] = []
    for path in corpus_files(corpus_dir):
        lines = path.read_text(encoding="utf-8").splitlines()
        for n, line in enumerate(lines, 1):
            if line.strip():
                messages.append(parse_message(line, f"{path.name}:{n}"))
    return messages


def parse_message(line: str, where: str) -> CorpusMessage:
    """Parse and check one corpus line."""
    try:
        d: dict[str, Any] = json.loads(line)
        text = d["text"]
        reason_spans = tuple(
            _locate(text, e["span"], e["label"], where) for e in d["reason_evidence"]
        )
        vague = tuple(_locate(text, v["span"], v["type"], where) for v in d["vague_phrases"])
        specific = tuple(_locate(text, s, "", where)[:2] for s in d["specific_feedback"])
        msg = CorpusMessage(
            id=str(d["id"]),
            family=str(d["family"]),
            text=text,
            kind=d["kind"],
            policy=d["feedback_policy"],
            reasons=tuple(d["reasons"]),
            reason_spans=reason_spans,
            vague_spans=vague,
            specific_spans=specific,
        )
    except (json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"{where}: not a corpus message ({exc})") from None
    _check_labels(msg, where)
    return msg


def _locate(text: str, span: str, label: str, where: str) -> tuple[int, int, str]:
    start = text.find(span) if span else -1
    if start < 0:
        raise InputError(f"{where}: span {span[:40]!r} is not in the text")
    return start, start + len(span), label


def _check_labels(msg: CorpusMessage, where: str) -> None:
    bad = [
        msg.kind not in KINDS,
        msg.policy not in POLICIES,
        any(r not in REASONS for r in msg.reasons),
        any(s[2] not in REASONS for s in msg.reason_spans),
        any(s[2] not in VAGUE_TYPES for s in msg.vague_spans),
    ]
    if any(bad):
        raise InputError(f"{where}: unknown label")


def overlaps(start: int, end: int, spans: Iterable[Sequence[Any]]) -> bool:
    """True when ``[start, end)`` shares at least one character with any of ``spans``."""
    return any(min(end, s[1]) - max(start, s[0]) > 0 for s in spans)


def sentence_reasons(msg: CorpusMessage, start: int, end: int) -> list[str]:
    """The reasons whose evidence overlaps the sentence ``[start, end)``."""
    return sorted({s[2] for s in msg.reason_spans if overlaps(start, end, [s])})


#: Labels of the decision-sentence detector.
DECISION_LABELS: tuple[str, ...] = ("no", "yes")


def sentence_decision(msg: CorpusMessage, start: int, end: int) -> str | None:
    """Whether the sentence ``[start, end)`` states the decision, for the detector's training.

    ``yes``: in a rejection or feedback reply, the sentence holds a decision formula or the
    evidence of a reason. ``no``: any sentence of another kind of message, and a sentence of a
    decision message that holds no span at all (courtesy). ``None`` (left out): a sentence of a
    decision message holding only other vague phrases ("we will keep your CV on file"), which
    acknowledgements share.
    """
    if msg.kind not in DECISION_KINDS:
        return DECISION_LABELS[0]
    stated = [s for s in msg.vague_spans if s[2] == "decision_formula"] + list(msg.reason_spans)
    if overlaps(start, end, stated):
        return DECISION_LABELS[1]
    if overlaps(start, end, msg.vague_spans):
        return None
    return DECISION_LABELS[0]


def sentence_specificity(msg: CorpusMessage, start: int, end: int) -> str:
    """``vague`` / ``specific`` / ``courtesy`` for the sentence ``[start, end)``."""
    if overlaps(start, end, msg.vague_spans):
        return "vague"
    if overlaps(start, end, msg.specific_spans):
        return "specific"
    return "courtesy"


def sentence_vague_type(msg: CorpusMessage, start: int, end: int) -> str | None:
    """The type of the first vague span overlapping the sentence, if any."""
    for s in msg.vague_spans:
        if overlaps(start, end, [s]):
            return str(s[2])
    return None

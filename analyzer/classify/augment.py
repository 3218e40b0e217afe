"""Seeded surface augmentation of corpus messages, applied at training time only.

The corpus files stay readable (straight quotes, tidy paragraphs); real mail arrives with curly
quotes, single or double line breaks, double spaces, mail-merge gaps, footers, unsubscribe lines,
HTML-to-text leftovers, quoted earlier mail and forwarded headers. :func:`augment` writes
variants of a message with a seeded mix of those surfaces, moving every annotated span with its
text, so the classifiers learn that the surface does not decide a label.

Every variant keeps its message's family, so grouped cross-validation augments each training
fold from its own families only and tests on originals (see :func:`variants`).

The surface pieces (footers, headers, quoted mail) are data: ``data/augment.json``.
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from ..resources import read_json
from .corpus import CorpusMessage

#: What a variant's id ends with: ``A-0001~aug1``.
MARK = "~aug"


@dataclass(frozen=True)
class _Edit:
    """Replace ``text[start:end]`` with ``new``."""

    start: int
    end: int
    new: str


def apply_edits(text: str, edits: Sequence[_Edit]) -> tuple[str, Callable[[int], int]]:
    """Apply non-overlapping edits; return the new text and a map of old offsets to new ones.

    An offset inside a replaced stretch maps to the start of its replacement (the edits below
    never cut through an annotated span: they replace single characters, whitespace runs or
    add text at the ends).
    """
    edits = sorted(edits, key=lambda e: e.start)
    pieces: list[str] = []
    starts: list[int] = []
    shifts: list[int] = []
    cursor = shift = 0
    for e in edits:
        if e.start < cursor:
            continue  # overlapping edit: keep the first
        pieces += [text[cursor : e.start], e.new]
        starts.append(e.start)
        shifts.append(shift)
        shift += len(e.new) - (e.end - e.start)
        starts.append(e.end)
        shifts.append(shift)
        cursor = e.end
    pieces.append(text[cursor:])

    def move(offset: int) -> int:
        i = bisect_right(starts, offset) - 1
        if i < 0:
            return offset
        if i % 2 == 0 and offset > starts[i]:  # inside a replaced stretch
            return starts[i] + shifts[i]
        return offset + shifts[i]

    return "".join(pieces), move


@lru_cache(maxsize=1)
def _surfaces() -> dict[str, Any]:
    return read_json("data", "augment.json")


def _curly(text: str, rng: random.Random) -> list[_Edit]:
    edits = [_Edit(m.start(), m.end(), "\u2019") for m in re.finditer("'", text)]
    for m in re.finditer('"', text):
        opening = m.start() == 0 or text[m.start() - 1].isspace() or text[m.start() - 1] in "(["
        edits.append(_Edit(m.start(), m.end(), "\u201c" if opening else "\u201d"))
    return edits


def _single_breaks(text: str, rng: random.Random) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "\n") for m in re.finditer(r"\n[ \t]*\n\s*", text)]


def _blank_lines(text: str, rng: random.Random) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "\n\n") for m in re.finditer(r"(?<!\n)\n(?!\n)", text)]


def _double_spaces(text: str, rng: random.Random) -> list[_Edit]:
    return [_Edit(m.start(), m.end(), "  ") for m in re.finditer(r"(?<=[.!?]) (?=[A-Z])", text)]


def _merge_gap(text: str, rng: random.Random) -> list[_Edit]:
    m = re.match(r"\s*(?:Dear|Hi|Hello|Hey)\s+([A-Z][\w.'\-]*(?: [A-Z][\w.'\-]*)?)(?=,)", text)
    return [_Edit(m.start(1), m.end(1), "")] if m else []


def _prefixed(key: str) -> Callable[[str, random.Random], list[_Edit]]:
    def edit(text: str, rng: random.Random) -> list[_Edit]:
        return [_Edit(0, 0, rng.choice(_surfaces()[key]))]

    return edit


def _suffixed(key: str) -> Callable[[str, random.Random], list[_Edit]]:
    def edit(text: str, rng: random.Random) -> list[_Edit]:
        return [_Edit(len(text), len(text), rng.choice(_surfaces()[key]))]

    return edit


#: Each surface with the chance that a variant gets it. Character-level surfaces come first;
#: text added at the ends comes last, so it keeps its own typography.
SURFACES: tuple[tuple[str, float, Callable[[str, random.Random], list[_Edit]]], ...] = (
    ("curly_quotes", 0.4, _curly),
    ("single_breaks", 0.5, _single_breaks),
    ("blank_lines", 0.15, _blank_lines),
    ("double_spaces", 0.15, _double_spaces),
    ("merge_gap", 0.1, _merge_gap),
    ("html_header", 0.1, _prefixed("headers")),
    ("forwarded", 0.1, _prefixed("forwarded")),
    ("footer", 0.3, _suffixed("footers")),
    ("quoted", 0.15, _suffixed("quoted")),
)


def augment(msg: CorpusMessage, *, copy: int, seed: int = 0) -> CorpusMessage:
    """Variant number ``copy`` of ``msg``: seeded by the message id, the copy and ``seed``."""
    rng = random.Random(f"{seed}:{msg.id}:{copy}")
    text = msg.text
    spans = _Spans.of(msg)
    chosen = [(name, edit) for name, p, edit in SURFACES if rng.random() < p]
    for name, edit in chosen:
        if name == "blank_lines" and "\n\n" in text:
            continue
        text, move = apply_edits(text, edit(text, rng))
        spans = spans.moved(move)
    if text == msg.text:  # no surface applied: every variant differs from its original
        text = text + rng.choice(_surfaces()["footers"])
    return spans.onto(msg, text, f"{msg.id}{MARK}{copy}")


def variants(
    messages: Iterable[CorpusMessage], *, copies: int, seed: int = 0
) -> list[CorpusMessage]:
    """``copies`` variants of every message, in order (originals not included)."""
    return [augment(m, copy=c, seed=seed) for m in messages for c in range(1, copies + 1)]


def is_variant(msg: CorpusMessage) -> bool:
    """True for a message made by :func:`augment`."""
    return MARK in msg.id


@dataclass(frozen=True)
class _Spans:
    reason: tuple[tuple[int, int, str], ...]
    vague: tuple[tuple[int, int, str], ...]
    specific: tuple[tuple[int, int], ...]

    @classmethod
    def of(cls, msg: CorpusMessage) -> _Spans:
        return cls(msg.reason_spans, msg.vague_spans, msg.specific_spans)

    def moved(self, move: Callable[[int], int]) -> _Spans:
        return _Spans(
            tuple((move(s), move(e), label) for s, e, label in self.reason),
            tuple((move(s), move(e), label) for s, e, label in self.vague),
            tuple((move(s), move(e)) for s, e in self.specific),
        )

    def onto(self, msg: CorpusMessage, text: str, new_id: str) -> CorpusMessage:
        return replace(
            msg,
            id=new_id,
            text=text,
            reason_spans=self.reason,
            vague_spans=self.vague,
            specific_spans=self.specific,
        )

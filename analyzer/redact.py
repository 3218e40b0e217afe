"""Masking of personal details in reports: email addresses, phone numbers and people's names.

Names are the ones a message shows in its greeting and signature (see
:func:`analyzer.drafts.extract_context`) plus any the caller knows (a batch message's sender).
A redacted report is a report of the redacted text: every offset is moved, so
``text[start:end] == span.text`` still holds, and every free-text field (questions, notes,
evidence) is masked the same way.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from email.utils import getaddresses
from typing import TYPE_CHECKING, Any, TypeVar

from .report import Finding, Question, ReasonResult, Report, TextSpan

_Span = TypeVar("_Span", bound=TextSpan)

if TYPE_CHECKING:
    from .batch import BatchRecord

EMAIL_MASK, PHONE_MASK, NAME_MASK = "[email]", "[phone]", "[name]"

_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# A run of digits with the usual separators, optionally "+country"; 7 to 15 digits in all.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d ().-]{5,}\d(?!\w)")
_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NAME_PART = re.compile(r"[A-Z][\w'’-]+")
#: Capitalized words that name roles or teams, never a person, in greetings and sign-offs.
_NOT_NAMES = frozenset(
    {"Team", "Recruiting", "Recruitment", "Talent", "Hiring", "Human", "Resources", "The", "HR"}
)


@dataclass(frozen=True)
class _Cut:
    start: int
    end: int
    mask: str


class Redactor:
    """Masks one message's personal details; build it with :meth:`for_text`."""

    def __init__(self, names: Iterable[str] = ()):
        parts = {p for name in names for p in _NAME_PART.findall(name) if p not in _NOT_NAMES}
        words = sorted(parts, key=len, reverse=True)
        one = "(?:" + "|".join(map(re.escape, words)) + ")"
        # "Ana Ruiz" is one mask, not two: a run of name parts is masked as a whole.
        self._names = re.compile(rf"(?<![\w@]){one}(?:[ \t]+{one})*(?![\w@])") if words else None

    @classmethod
    def for_text(cls, text: str, names: Iterable[str] = ()) -> Redactor:
        """A redactor for ``text``: the names in its greeting and signature plus ``names``."""
        from .drafts import extract_context

        context = extract_context(text)
        found = [context.candidate]
        if not context.sender_is_team:
            found.append(context.sender)
        return cls([*(n for n in found if n), *names])

    def cuts(self, text: str) -> list[_Cut]:
        """Non-overlapping stretches of ``text`` to mask, in order."""
        found = [_Cut(m.start(), m.end(), EMAIL_MASK) for m in _EMAIL.finditer(text)]
        found += [
            _Cut(m.start(), m.end(), PHONE_MASK)
            for m in _PHONE.finditer(text)
            if _is_phone(m.group())
        ]
        if self._names is not None:
            found += [_Cut(m.start(), m.end(), NAME_MASK) for m in self._names.finditer(text)]
        kept: list[_Cut] = []
        for cut in sorted(found, key=lambda c: (c.start, -(c.end - c.start))):
            if not kept or cut.start >= kept[-1].end:
                kept.append(cut)
        return kept

    def text(self, text: str) -> str:
        """``text`` with every personal detail masked."""
        return _apply(text, self.cuts(text))

    def report(self, report: Report) -> Report:
        """``report`` as if its text had been redacted before analysis (offsets moved)."""
        cuts = self.cuts(report.text)
        new_text = _apply(report.text, cuts)
        move = _Mover(cuts)

        def span(s: _Span) -> _Span:
            start, end = move.start(s.start), move.end(s.end)
            return replace(s, text=new_text[start:end], start=start, end=end)

        def finding(f: Finding) -> Finding:
            start, end = move.start(f.start), move.end(f.end)
            return replace(
                f, text=new_text[start:end], start=start, end=end, question=self.text(f.question)
            )

        def question(q: Question) -> Question:
            phrase = None if q.phrase is None else self.text(q.phrase)
            return replace(q, text=self.text(q.text), phrase=phrase)

        return replace(
            report,
            text=new_text,
            reasons=tuple(
                ReasonResult(r.label, r.confidence, tuple(map(span, r.evidence)))
                for r in report.reasons
            ),
            findings=tuple(map(finding, report.findings)),
            specific_feedback=tuple(map(span, report.specific_feedback)),
            questions=tuple(map(question, report.questions)),
            notes=tuple(map(self.text, report.notes)),
            parts=tuple(
                replace(
                    p,
                    start=move.start(p.start),
                    end=move.end(p.end),
                    name=None if p.name is None else self.text(p.name),
                )
                for p in report.parts
            ),
        )


def redact_report(report: Report, names: Sequence[str] = ()) -> Report:
    """``report`` with emails, phone numbers and its people's names masked."""
    return Redactor.for_text(report.text, names).report(report)


def redact_record(record: BatchRecord) -> BatchRecord:
    """A batch record with its report, sender and subject masked (the sender's display name
    counts as a name found in the message)."""
    names = sender_names(record.meta.get("sender"))
    redactor = Redactor.for_text(record.report.text if record.report else "", names)
    meta = dict(record.meta)
    for key in ("sender", "subject", "note"):
        if isinstance(meta.get(key), str):
            meta[key] = redactor.text(meta[key])
    if isinstance(meta.get("parts"), list):
        meta["parts"] = [_redacted_part(redactor, part) for part in meta["parts"]]
    report = redactor.report(record.report) if record.report is not None else None
    return replace(record, meta=meta, report=report)


def _redacted_part(redactor: Redactor, part: dict[str, Any]) -> dict[str, Any]:
    """A ``parts`` entry of a record's source with its file name masked."""
    name = part.get("name")
    return {**part, "name": redactor.text(name)} if isinstance(name, str) else part


def sender_names(sender: str | None) -> list[str]:
    """The display names in a From header ("Ana Ruiz <ana@x.org>" gives "Ana Ruiz")."""
    if not sender:
        return []
    return [name for name, _ in getaddresses([sender]) if name]


def _is_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    return 7 <= digits <= 15 and not _ISO_DATE.fullmatch(candidate.strip())


def _apply(text: str, cuts: Sequence[_Cut]) -> str:
    pieces, at = [], 0
    for cut in cuts:
        pieces += [text[at : cut.start], cut.mask]
        at = cut.end
    pieces.append(text[at:])
    return "".join(pieces)


class _Mover:
    """Maps offsets in the original text to offsets in the masked one."""

    def __init__(self, cuts: Sequence[_Cut]):
        self._cuts = cuts

    def _locate(self, pos: int) -> tuple[int, _Cut | None]:
        """How far masks before ``pos`` moved it, and the masked stretch it falls inside."""
        shift = 0
        for cut in self._cuts:
            if pos <= cut.start:
                break
            if pos < cut.end:
                return shift, cut
            shift += len(cut.mask) - (cut.end - cut.start)
        return shift, None

    def start(self, pos: int) -> int:
        """A span start: inside a masked stretch it moves to the mask's start."""
        shift, inside = self._locate(pos)
        return pos + shift if inside is None else inside.start + shift

    def end(self, pos: int) -> int:
        """A span end: inside a masked stretch it moves to the mask's end."""
        shift, inside = self._locate(pos)
        return pos + shift if inside is None else inside.start + shift + len(inside.mask)

"""The analysis result. ``Report.to_dict()`` is the JSON contract of the taxonomy."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .parts import Part

from .language import ENGLISH

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class TextSpan:
    """A stretch of the analyzed text; ``text == message[start:end]``."""

    text: str
    start: int
    end: int


@dataclass(frozen=True)
class SpecificFeedback(TextSpan):
    """A stretch of concrete feedback, with what makes it concrete: ``skill`` (a named skill or
    tool), ``logistics`` (a reason outside the candidate: the role filled, closed or moved) or
    ``detail`` (a number, a task, an example, an observation)."""

    cue: str = "detail"


@dataclass(frozen=True)
class Prediction:
    """A message-level label with its confidence, or ``None`` when no model is available."""

    label: str | None
    confidence: float | None = None
    source: str = "classifier"


@dataclass(frozen=True)
class ReasonResult:
    """A reason the message gives, with the sentences that state it."""

    label: str
    confidence: float
    evidence: tuple[TextSpan, ...] = ()


@dataclass(frozen=True)
class Finding:
    """A vague phrase: where it is, what kind it is, why it is vague and what to ask.

    ``source`` is ``rule`` (a pattern or the comparatives component: ``confidence`` is
    ``None``), ``model`` (the span tagger, with its ``confidence``) or ``classifier``.
    ``explained_by`` holds the message's own words that say what the phrase stands for, when
    it has them (:mod:`analyzer.explained`): the phrase is listed apart and not asked about.
    """

    text: str
    start: int
    end: int
    type: str
    explanation: str
    question: str
    source: str = "rule"
    rule: str = ""
    confidence: float | None = None
    explained_by: str | None = None


@dataclass(frozen=True)
class Question:
    """One step of the question plan."""

    text: str
    purpose: str
    phrase: str | None = None
    type: str | None = None

    @property
    def asks(self) -> bool:
        """Whether the step asks something, rather than thanking (a plan for a sender who
        gives no feedback, a note that gave its own advice): see :func:`asks`."""
        return asks(self.text)


def asks(text: str) -> bool:
    """Whether a plan step's text asks something: it ends with a question mark."""
    return text.rstrip().endswith("?")


@dataclass(frozen=True)
class Report:
    """Everything the analyzer found in one message. ``parts`` says where each stretch of
    ``text`` came from when it was read from more than a message body (a PDF letter attached
    to an email, a Word file); empty otherwise."""

    text: str
    kind: Prediction
    feedback_policy: Prediction
    reasons: tuple[ReasonResult, ...] = ()
    findings: tuple[Finding, ...] = ()
    specific_feedback: tuple[SpecificFeedback, ...] = ()
    questions: tuple[Question, ...] = ()
    notes: tuple[str, ...] = field(default=())
    #: ISO 639-1 code of the message's language ("en" also when too short to tell). Only
    #: English is analyzed: for any other, the notes say so and the findings mean little.
    language: str = ENGLISH
    parts: tuple[Part, ...] = ()

    @property
    def is_english(self) -> bool:
        """True unless the message was found to be in another language than English."""
        return self.language == ENGLISH

    def with_parts(self, parts: tuple[Part, ...]) -> Report:
        """This report for a text read from ``parts``: they are kept, and a note says where
        the text came from."""
        from .parts import parts_note

        note = parts_note(parts)
        return replace(self, parts=parts, notes=(note, *self.notes) if note else self.notes)

    @property
    def is_decision(self) -> bool:
        """True for rejections and feedback replies (the messages that carry reasons)."""
        from .labels import DECISION_KINDS

        return self.kind.label in DECISION_KINDS

    def to_dict(self, *, include_text: bool = False) -> dict[str, Any]:
        """The report as plain JSON-ready data (the taxonomy's contract plus extra keys)."""
        data: dict[str, Any] = {
            "schema_version": SCHEMA_VERSION,
            "kind": _prediction(self.kind),
            "feedback_policy": _prediction(self.feedback_policy),
            "reasons": [
                {
                    "label": r.label,
                    "confidence": round(r.confidence, 4),
                    "evidence": [
                        {"start": e.start, "end": e.end, "text": e.text} for e in r.evidence
                    ],
                }
                for r in self.reasons
            ],
            "findings": [_flat(f) for f in self.findings],
            "specific_feedback": [_flat(s) for s in self.specific_feedback],
            "questions": [_flat(q) for q in self.questions],
            "notes": list(self.notes),
            "language": self.language,
        }
        if self.parts:
            data["parts"] = [part.to_dict() for part in self.parts]
        if include_text:
            data["text"] = self.text
        return data


def _flat(item: Finding | SpecificFeedback | Question) -> dict[str, Any]:
    """The fields of a dataclass whose fields are all plain values, in declaration order
    (``dataclasses.asdict`` gives the same, but deep-copies every value on the way)."""
    return dict(vars(item))


def _prediction(p: Prediction) -> dict[str, Any] | None:
    if p.label is None:
        return None
    conf = None if p.confidence is None else round(p.confidence, 4)
    return {"label": p.label, "confidence": conf, "source": p.source}

"""Patterns across many reports, computed incrementally and without keeping the reports.

:class:`Summary` is pure: :meth:`Summary.add` takes one report (or, for a resumed run, one
JSONL record) at a time and keeps only counters and a short list of recent rejections.
Rendering lives in :mod:`analyzer.render.batch` and :mod:`analyzer.render.html`.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from .labels import DECISION_KINDS, Policy, Reason
from .language import language_name
from .report import Report, asks

#: How recent a rejection must be (by its Date header) to be worth asking about.
FRESH_WINDOW = timedelta(days=2)
#: At most this many fresh rejections are kept (the most recent ones).
MAX_FRESH = 50
#: At most this many suggested questions are kept for each fresh rejection.
MAX_QUESTIONS = 3
#: Kind shown for messages whose kind could not be predicted (no models).
UNKNOWN_KIND = "unknown"


@dataclass(frozen=True)
class Fresh:
    """A recent rejection with the questions worth asking about it."""

    date: datetime
    sender: str | None
    subject: str | None
    origin: str
    questions: tuple[str, ...]


@dataclass(frozen=True)
class _Entry:
    """The few facts of one report that the summary needs."""

    kind: str | None
    policy: str | None
    reasons: tuple[str, ...]
    phrases: tuple[str, ...]
    has_specific: bool
    questions: tuple[str, ...]
    clarify: tuple[str, ...] = ()


def _worth_asking(questions: tuple[str, ...], clarify: tuple[str, ...]) -> tuple[str, ...]:
    """The clarifying questions (at most :data:`MAX_QUESTIONS`), else the plan's first one (a
    plan's thank-you, which asks nothing, is none)."""
    asked = tuple(q for q in questions if asks(q))
    return clarify[:MAX_QUESTIONS] if clarify else asked[:1]


def normalize_phrase(phrase: str) -> str:
    """Lower case with runs of whitespace made one space, so variants count together."""
    return " ".join(phrase.split()).casefold()


@dataclass
class Summary:
    """Counters over a batch; ``now`` decides which rejections are still fresh."""

    now: datetime = field(default_factory=lambda: datetime.now(timezone.utc))
    by_kind: Counter[str] = field(default_factory=Counter)
    reasons: Counter[str] = field(default_factory=Counter)
    phrases: Counter[str] = field(default_factory=Counter)
    policies: Counter[str] = field(default_factory=Counter)
    rejections: int = 0
    no_reason: int = 0
    with_specific: int = 0
    duplicates: int = 0
    errors: int = 0
    filtered: int = 0
    resumed: int = 0
    #: Messages not in English, by language code: set apart, not counted by kind.
    foreign: Counter[str] = field(default_factory=Counter)
    fresh: list[Fresh] = field(default_factory=list)

    # -- adding --------------------------------------------------------------------------
    def add(self, report: Report, meta: dict[str, Any]) -> None:
        """Count one analyzed message; ``meta`` is its source metadata (see batch.meta_of)."""
        self._add(_entry_of_report(report), meta)

    def add_record(self, record: dict[str, Any]) -> None:
        """Count one finished record of an earlier run's JSONL (for ``--resume``)."""
        status = record.get("status")
        if status == "duplicate":
            self.duplicates += 1
        elif status == "foreign":
            self.add_foreign(str((record.get("report") or {}).get("language") or "?"))
        elif status == "ok" and isinstance(record.get("report"), dict):
            self._add(_entry_of_dict(record["report"]), record.get("source") or {})
        self.resumed += 1

    def add_duplicate(self) -> None:
        """Count a message identical to one already seen."""
        self.duplicates += 1

    def add_error(self) -> None:
        """Count an input that could not be read or analyzed."""
        self.errors += 1

    def add_foreign(self, language: str) -> None:
        """Count a message in another language than English (``language``, its code)."""
        self.foreign[language] += 1

    def add_filtered(self, kind: str | None) -> None:
        """Count a message left out by the kind filter (still shown under its kind)."""
        self.by_kind[kind or UNKNOWN_KIND] += 1
        self.filtered += 1

    def _add(self, entry: _Entry, meta: dict[str, Any]) -> None:
        self.by_kind[entry.kind or UNKNOWN_KIND] += 1
        if entry.kind is not None and entry.kind not in DECISION_KINDS:
            return
        self.rejections += 1
        self.reasons.update(r for r in entry.reasons if r != Reason.NONE_GIVEN.value)
        if not [r for r in entry.reasons if r != Reason.NONE_GIVEN.value]:
            self.no_reason += 1
        self.phrases.update(normalize_phrase(p) for p in entry.phrases)
        self.policies[entry.policy or Policy.UNSPECIFIED.value] += 1
        self.with_specific += entry.has_specific
        self._maybe_fresh(entry, meta)

    def _maybe_fresh(self, entry: _Entry, meta: dict[str, Any]) -> None:
        date = _parse_date(meta.get("date"))
        if date is None or not (self.now - FRESH_WINDOW <= date <= self.now + timedelta(hours=1)):
            return
        self.fresh.append(
            Fresh(
                date=date,
                sender=meta.get("sender"),
                subject=meta.get("subject"),
                origin=_origin_text(meta),
                questions=_worth_asking(entry.questions, entry.clarify),
            )
        )
        if len(self.fresh) > MAX_FRESH:
            self.fresh.sort(key=lambda f: f.date, reverse=True)
            del self.fresh[MAX_FRESH:]

    # -- reading -------------------------------------------------------------------------
    @property
    def analyzed(self) -> int:
        """Messages analyzed (filtered ones included, duplicates and errors not)."""
        return sum(self.by_kind.values())

    @property
    def reasons_unavailable(self) -> bool:
        """True when kinds are unknown and no reason was found at all (no classifiers)."""
        return self.kind_unknown and not self.reasons

    @property
    def kind_unknown(self) -> bool:
        """True when some messages' kind could not be predicted."""
        return self.by_kind.get(UNKNOWN_KIND, 0) > 0

    def invites(self) -> int:
        """Rejections whose sender welcomes a feedback request."""
        return self.policies.get(Policy.INVITES.value, 0)

    def declines(self) -> int:
        """Rejections whose sender says no individual feedback is given."""
        return self.policies.get(Policy.DECLINES.value, 0)

    def figures(self) -> list[tuple[str, int]]:
        """The headline counts across rejections, as ``(what, how many)`` rows."""
        return [
            ("Rejections (and feedback replies)", self.rejections),
            ("No reason given", self.no_reason),
            ("Invite a feedback request", self.invites()),
            ("Decline to give feedback", self.declines()),
            ("Contain concrete feedback", self.with_specific),
        ]

    def kinds(self) -> list[tuple[str, int]]:
        """Messages by kind, most frequent first, as ``(kind in words, how many)`` rows."""
        return [(kind.replace("_", " "), n) for kind, n in self.by_kind.most_common()]

    def set_aside(self) -> list[tuple[str, int]]:
        """The inputs not counted by kind (duplicates, unreadable, filtered, resumed, not in
        English), if any."""
        rows = [
            ("duplicates", self.duplicates),
            ("unreadable", self.errors),
            ("left out by --kind", self.filtered),
            ("from the earlier run", self.resumed),
        ]
        foreign = [
            (f"not English ({language_name(code)})", n) for code, n in self.foreign.most_common()
        ]
        return [(what, n) for what, n in rows if n] + foreign

    def top_phrases(self, n: int = 10) -> list[tuple[str, int]]:
        """The ``n`` vague phrases that recur most, most frequent first."""
        return sorted(self.phrases.items(), key=lambda kv: (-kv[1], kv[0]))[:n]

    def reason_counts(self) -> list[tuple[str, int]]:
        """Every reason with its count, most frequent first, then "no reason given"."""
        ordered = sorted(self.reasons.items(), key=lambda kv: (-kv[1], kv[0]))
        return [*ordered, (Reason.NONE_GIVEN.value, self.no_reason)]

    def fresh_rejections(self) -> list[Fresh]:
        """The rejections received within the fresh window, newest first."""
        return sorted(self.fresh, key=lambda f: f.date, reverse=True)


def _entry_of_report(report: Report) -> _Entry:
    return _Entry(
        kind=report.kind.label,
        policy=report.feedback_policy.label,
        reasons=tuple(r.label for r in report.reasons),
        phrases=tuple(f.text for f in report.findings),
        has_specific=bool(report.specific_feedback),
        questions=tuple(q.text for q in report.questions),
        clarify=tuple(q.text for q in report.questions if q.purpose == "clarify"),
    )


def _entry_of_dict(data: dict[str, Any]) -> _Entry:
    return _Entry(
        kind=(data.get("kind") or {}).get("label"),
        policy=(data.get("feedback_policy") or {}).get("label"),
        reasons=tuple(r["label"] for r in data.get("reasons", [])),
        phrases=tuple(f["text"] for f in data.get("findings", [])),
        has_specific=bool(data.get("specific_feedback")),
        questions=tuple(q["text"] for q in data.get("questions", [])),
        clarify=tuple(
            q["text"] for q in data.get("questions", []) if q.get("purpose") == "clarify"
        ),
    )


def _parse_date(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        date = value
    elif isinstance(value, str) and value:
        try:
            date = datetime.fromisoformat(value)
        except ValueError:
            return None
    else:
        return None
    return date if date.tzinfo is not None else date.replace(tzinfo=timezone.utc)


def _origin_text(meta: dict[str, Any]) -> str:
    path, index = meta.get("path", ""), meta.get("index")
    return str(path) if index is None else f"{path}#{index}"

"""The unit a question plan is ranked from (:mod:`analyzer.questions`)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Candidate:
    """One question the plan may ask, before ranking: its ``value`` (the vague type's worth,
    lowered for an unquotable phrase), its ``order`` in the message, the ``topic`` that keeps one
    question a topic, the question's ``body``, an optional ``lead`` that replaces the whole
    question, the ``phrase`` and clean ``quote`` it asks about with its vague ``type``, a
    ``paraphrase`` when the phrase cannot be quoted, where it ``start``s, the ``material`` the
    candidate sent, the ``heads`` of the requirement it names, the ``basis`` its clause states
    and the ``plain`` wording used when a quote would repeat one."""

    value: int
    order: int
    topic: str
    body: str
    lead: str | None = None
    phrase: str | None = None
    quote: str | None = None
    type: str | None = None
    paraphrase: str | None = None
    start: int | None = None
    material: str = "application"
    heads: tuple[str, ...] = ()
    basis: str | None = None
    plain: str | None = None

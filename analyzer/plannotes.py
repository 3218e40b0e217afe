"""What a note of feedback explains and what it leaves vague: whether a fit, a gap or an
impression is followed by words that say what it means, whether it is the one point a
spelled-out note still leaves open, and the area a gap names ("lacked some depth on [phonics
screening]"), which a question then asks about by name instead of asking which area. The
patterns are in ``templates/plan.json``."""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Protocol

from .cues import lower
from .planbases import SENTENCE_MARKS, between_marks, sentence_of, weak_point
from .plancontext import PlanContext, about_logistics
from .planwords import named_before, plan_settings
from .quotes import words
from .report import SpecificFeedback

#: The type of a fit phrase: its own complement ("with where we are now") explains nothing.
FIT = "fit_euphemism"


class Point(Protocol):
    """A phrase the plan may ask about: its type, its words and where they start."""

    @property
    def type(self) -> str | None: ...
    @property
    def phrase(self) -> str | None: ...
    @property
    def quote(self) -> str | None: ...
    @property
    def start(self) -> int | None: ...


def still_vague(candidate: Point, message: str, specific: Sequence[SpecificFeedback] = ()) -> bool:
    """Whether ``candidate`` is a point a spelled-out note leaves vague: a fit, a gap or an
    impression quoted in the note's own clean words that are more than a lead-in ("we felt")
    and that neither the words right after ("lacked depth [on topics like caching]":
    ``note_vague_types`` and ``note_named_after`` in ``plan.json``), nor the words before it in
    its sentence (``note_named_before``: "when we asked how you'd measure success"), nor a list
    of points or two pieces of concrete feedback (``specific``) after it explain: the one
    clarification such a note gets."""
    settings = plan_settings()
    if candidate.quote is None or candidate.type not in settings["note_vague_types"]:
        return False
    if set(words(candidate.quote)) <= set(settings["lead_in"]["words"]):
        return False
    if candidate.start is None or candidate.phrase is None:
        return True
    end = candidate.start + len(candidate.phrase)
    after = message[end:]
    if named_right_after(candidate, message, strict=False):
        return False
    head, _ = between_marks(message, candidate.start, end, SENTENCE_MARKS)
    if named_before().search(lower(message[head : candidate.start])):  # "when we asked how
        return False  # you'd measure success it felt a bit vague": the topic is said
    if len(_LIST_ITEM.findall(after)) >= 2:  # "Overall ... not quite the right fit. A few
        return False  # specifics: - ... - ...": the list after it says what it means
    return sum(s.start >= end for s in specific) < 2  # "... not quite the right fit. Your
    # tests were ... However, in the group exercise you ...": explained


def named_right_after(candidate: Point, message: str, *, strict: bool = True) -> bool:
    """Whether the words right after a fit, gap or impression name what it means ("lacked
    depth [on topics like caching]", "[and that you did not push far enough into ...]":
    ``explained_after``; in a note of feedback, ``note_named_after``, which also takes any
    prepositional phrase: "stronger in some areas [around scheduling]", and the object of a
    phrase that ends on its preposition: "there were some questions on [edge cases]"): asking
    which area would re-ask what the sentence says."""
    if candidate.start is None or candidate.phrase is None or not message:
        return False
    if candidate.type not in plan_settings()["note_vague_types"]:
        return False
    end = candidate.start + len(candidate.phrase)
    after = message[end : end + _NAMED_AFTER_SPAN]
    if not strict and _ENDS_ON_PREPOSITION.search(candidate.phrase) and _OBJECT.match(after):
        return True
    if not strict and candidate.type == FIT and _fit_complement().match(after):
        return False  # "not quite the right fit [with where we are now]": still vague
    cue = _explained_after() if strict else _named_after()
    return cue.match(after) is not None


#: A phrase that ends on a preposition ("there were some questions on"): its object follows.
_ENDS_ON_PREPOSITION = re.compile(r"\s(?:on|about|around|regarding|over|with)$", re.IGNORECASE)
#: The object that names what such a phrase is about: a word, not a mark or a pronoun.
_OBJECT = re.compile(r"\s+(?!(?:it|this|that|them|these|those)\b)[A-Za-z][\w'’-]*")


@lru_cache(maxsize=1)
def _fit_complement() -> re.Pattern[str]:
    """What a fit phrase did not fit ("with where we are now"; ``fit_complement``)."""
    return re.compile(str(plan_settings()["fit_complement"]["pattern"]), re.IGNORECASE)


@lru_cache(maxsize=1)
def _explained_after() -> re.Pattern[str]:
    """Words right after a vague phrase that say what it means (``explained_after``)."""
    return re.compile(str(plan_settings()["explained_after"]), re.IGNORECASE)


#: How far after a phrase the words that name it are read (characters).
_NAMED_AFTER_SPAN = 160


#: An item of a list written as lines ("- ...", "• ...", "1. ...").
_LIST_ITEM = re.compile(r"\n[ \t]*(?:[-•*]|\d{1,2}[.)])[ \t]+\S")


@lru_cache(maxsize=1)
def _named_after() -> re.Pattern[str]:
    """Words right after a vague phrase that name what it means (``note_named_after``)."""
    return re.compile(str(plan_settings()["note_named_after"]), re.IGNORECASE)


def admitted(candidate: Point, ctx: PlanContext) -> bool:
    """Whether ``candidate`` is the point a spelled-out note itself calls less concrete
    (``PlanContext.admitted``): the one point of the note still worth asking about."""
    at = candidate.start
    return at is not None and any(start <= at < end for start, end in ctx.admitted)


def area_named(candidate: Point, message: str) -> str | None:
    """The area a gap or an impression names right after it or, failing that, in its sentence,
    in the message's words, when the words read as a point that fell short
    (:func:`analyzer.planbases.weak_point`: "you lacked some depth [on phonics screening]",
    "seemed a bit unsure [on the lock-out procedure]", "[the conclusions] were somewhat
    generic"); ``None`` otherwise, or when the area is a reason outside the candidate's
    control."""
    if candidate.start is None or candidate.phrase is None or not message:
        return None
    if candidate.type not in plan_settings()["note_vague_types"]:
        return None
    end = candidate.start + len(candidate.phrase)
    head, tail = between_marks(message, candidate.start, end, SENTENCE_MARKS)
    area = weak_point(message[candidate.start : tail])  # "lacked depth [on phonics]"
    if area is None:  # "[the conclusions] were somewhat generic"
        area = weak_point(message[head:tail].lstrip())  # its sentence may open on a space
    return None if area is None or about_logistics(area) else area


def sentence_around(candidate: Point, message: str) -> str:
    """The sentence of ``message`` that holds ``candidate``'s phrase ("" when it has none)."""
    if candidate.start is None or not candidate.phrase or not message:
        return ""
    return sentence_of(message, candidate.start, candidate.start + len(candidate.phrase))

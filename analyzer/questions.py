"""From findings to a plan of questions.

The plan follows the advice career coaches give: open with a safe, positive question (what went
well), then ask for the missing basis of each vague phrase, then finish with one or two
forward-looking, open-ended questions. Wording lives in ``templates/*.json``.

Each vague type has several question templates, chosen by the head words of the phrase. Every
template belongs to a *topic* ("fit", "experience", ...); two findings on the same topic give one
question, even across types ("not the right fit" and "a better fit" are one question about fit).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Any

from .labels import Purpose
from .report import Finding, Question, SpecificFeedback, TextSpan
from .resources import read_json

DEFAULT_MAX = 5
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class _Template:
    heads: frozenset[str]
    topic: str
    text: str
    value: int


@dataclass(frozen=True)
class _Candidate:
    value: int
    order: int
    topic: str
    question: Question


@lru_cache(maxsize=1)
def _types() -> dict[str, Any]:
    return read_json("templates", "vague_types.json")


@lru_cache(maxsize=1)
def _plan() -> dict[str, Any]:
    return read_json("templates", "plan.json")


def explanation(vague_type: str) -> str:
    """Why a phrase of this type is vague, in plain words."""
    return str(_types()[vague_type]["explanation"])


def title(vague_type: str) -> str:
    """A short human name for a vague type."""
    return str(_types()[vague_type]["title"])


@cache
def _templates(vague_type: str) -> tuple[_Template, ...]:
    return tuple(
        _Template(frozenset(q["heads"]), q.get("topic", ""), q["text"], int(q.get("value", 1)))
        for q in _types()[vague_type]["questions"]
    )


def _words(phrase: str) -> list[str]:
    """The phrase's words, lowercased, with contractions split off ("didn't" -> "didn", "t")."""
    return [w.lower() for w in _WORD.findall(phrase)]


def _pick(vague_type: str, words: Sequence[str]) -> _Template:
    """The first template whose head words occur in the phrase (the last one is the default)."""
    lowered = {w.lower() for w in words}
    templates = _templates(vague_type)
    for template in templates:
        if template.heads & lowered:
            return template
    return templates[-1]


def question_for(vague_type: str, phrase: str, words: Sequence[str] = ()) -> str:
    """A clarifying question that names ``phrase`` and asks for its missing basis.

    ``words`` are the phrase's words and lemmas when the caller has them; by default the
    phrase's own words are used.
    """
    template = _pick(vague_type, [*words, *_words(phrase)])
    return template.text.format(phrase=_quoted(phrase))


def _quoted(phrase: str) -> str:
    """The phrase on one line, a capital from the start of its sentence lowered ("The team")."""
    text = " ".join(phrase.split())
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first[0].isupper() and first[1:].islower():
        text = text[0].lower() + text[1:]
    return text


def plan(
    findings: Sequence[Finding],
    specific: Sequence[SpecificFeedback] = (),
    *,
    max_questions: int = DEFAULT_MAX,
    after_interview: bool = False,
) -> list[Question]:
    """An ordered plan: an opener, clarifications ranked by value, forward-looking questions.

    Findings on the same topic give one question; findings inside a stretch of concrete
    feedback give none (that point is asked about as "how could I improve on it" instead).
    The cap counts every question; the opener and at least one forward-looking question are
    kept whenever the cap allows (three or more).
    """
    if max_questions <= 0:
        return []
    settings = _plan()
    opener = _opener(settings, after_interview)
    forward = _forward(settings, after_interview)
    clarify = _clarifications(findings, specific, settings)
    reserved = min(len(forward), 1) if max_questions > 2 else 0
    chosen = clarify[: max(0, max_questions - 1 - reserved)]
    room = max(0, max_questions - 1 - len(chosen))
    return [opener, *chosen, *forward[:room]][:max_questions]


def _applies(entry: dict[str, Any], after_interview: bool) -> bool:
    when = entry.get("when", "any")
    return when == "any" or when == ("interview" if after_interview else "default")


def _opener(settings: dict[str, Any], after_interview: bool) -> Question:
    entries = [e for e in settings["openers"] if e["when"] != "any"]
    chosen = [e for e in entries if _applies(e, after_interview)] or settings["openers"]
    return Question(chosen[0]["text"], Purpose.OPENER.value)


def _forward(settings: dict[str, Any], after_interview: bool) -> list[Question]:
    entries = [e for e in settings["forward"] if _applies(e, after_interview)]
    count = int(settings["forward_count"])
    return [Question(e["text"], Purpose.OPEN_ENDED.value) for e in entries[:count]]


def _inside(finding: Finding, spans: Sequence[TextSpan]) -> bool:
    return any(s.start <= finding.start and finding.end <= s.end for s in spans)


def _clarifications(
    findings: Sequence[Finding], specific: Sequence[SpecificFeedback], settings: dict[str, Any]
) -> list[Question]:
    candidates: list[_Candidate] = []
    for order, finding in enumerate(findings):
        if _inside(finding, specific):
            continue
        template = _pick(finding.type, _words(finding.text))
        text = finding.question or template.text.format(phrase=_quoted(finding.text))
        question = Question(text, Purpose.CLARIFY.value, finding.text, finding.type)
        candidates.append(_Candidate(template.value, order, template.topic or text, question))
    value = int(settings.get("build_on_specific_value", 3))
    templates = settings["build_on_specific"]
    for order, span in enumerate(specific):
        template = templates.get(span.cue, templates["default"])
        text = template.format(phrase=_quoted(_shorten(span.text)))
        question = Question(text, Purpose.CLARIFY.value, span.text)
        candidates.append(_Candidate(value, len(findings) + order, f"specific:{order}", question))
    return [c.question for c in _merge(candidates)]


def _merge(candidates: list[_Candidate]) -> list[_Candidate]:
    """One question a topic (the most valuable, then the earliest), best first."""
    ranked = sorted(candidates, key=lambda c: (-c.value, c.order))
    seen: set[str] = set()
    kept: list[_Candidate] = []
    for candidate in ranked:
        if candidate.topic in seen:
            continue
        seen.add(candidate.topic)
        kept.append(candidate)
    return kept


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

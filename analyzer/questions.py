"""From findings to a plan of questions.

The plan follows the advice career coaches give: open with a safe, positive question (what went
well), then ask for the missing basis of each vague phrase, then finish with one or two
forward-looking, open-ended questions. Wording lives in ``templates/*.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .labels import Purpose
from .report import Finding, Question, TextSpan
from .resources import read_json

DEFAULT_MAX = 5


@dataclass(frozen=True)
class _Template:
    heads: frozenset[str]
    text: str
    value: int


@lru_cache(maxsize=1)
def _types() -> dict[str, Any]:
    return read_json("templates", "vague_types.json")  # type: ignore[no-any-return]


@lru_cache(maxsize=1)
def _plan() -> dict[str, Any]:
    return read_json("templates", "plan.json")  # type: ignore[no-any-return]


def explanation(vague_type: str) -> str:
    """Why a phrase of this type is vague, in plain words."""
    return str(_types()[vague_type]["explanation"])


def title(vague_type: str) -> str:
    """A short human name for a vague type."""
    return str(_types()[vague_type]["title"])


def _templates(vague_type: str) -> list[_Template]:
    return [
        _Template(frozenset(q["heads"]), q["text"], int(q.get("value", 1)))
        for q in _types()[vague_type]["questions"]
    ]


def _pick(vague_type: str, words: Sequence[str]) -> _Template:
    """The first template whose head words occur in the phrase (the last one is the default)."""
    lowered = {w.lower() for w in words}
    templates = _templates(vague_type)
    for template in templates:
        if template.heads & lowered:
            return template
    return templates[-1]


def question_for(vague_type: str, phrase: str, words: Sequence[str] = ()) -> str:
    """A clarifying question that names ``phrase`` and asks for its missing basis."""
    template = _pick(vague_type, words or phrase.split())
    return template.text.format(phrase=phrase.strip())


def plan(
    findings: Sequence[Finding],
    specific: Sequence[TextSpan] = (),
    *,
    max_questions: int = DEFAULT_MAX,
    after_interview: bool = False,
) -> list[Question]:
    """An ordered plan: an opener, clarifications ranked by value, forward-looking questions.

    Two findings that would get the same question (two "fit" phrases) give one question. The cap
    counts every question; the opener and at least one forward-looking question are always kept
    when the cap allows.
    """
    if max_questions <= 0:
        return []
    settings = _plan()
    opener = _opener(settings, after_interview)
    forward = [Question(q["text"], Purpose.OPEN_ENDED.value) for q in settings["forward"]]
    forward = forward[: int(settings["forward_count"])]
    clarify = _clarifications(findings, specific, settings)
    budget = max(0, max_questions - 1 - min(len(forward), 1 if max_questions > 2 else 0))
    chosen = clarify[:budget]
    room = max_questions - 1 - len(chosen)
    return ([opener, *chosen, *forward[:max(0, room)]])[:max_questions]


def _opener(settings: dict[str, Any], after_interview: bool) -> Question:
    wanted = "interview" if after_interview else "default"
    for entry in settings["openers"]:
        if entry["when"] == wanted:
            return Question(entry["text"], Purpose.OPENER.value)
    return Question(settings["openers"][0]["text"], Purpose.OPENER.value)


def _clarifications(
    findings: Sequence[Finding], specific: Sequence[TextSpan], settings: dict[str, Any]
) -> list[Question]:
    scored: list[tuple[int, int, Question]] = []
    seen: set[str] = set()
    for order, finding in enumerate(findings):
        template = _pick(finding.type, finding.text.split())
        key = f"{finding.type}:{template.text}"
        if key in seen:
            continue
        seen.add(key)
        question = Question(finding.question, Purpose.CLARIFY.value, finding.text, finding.type)
        scored.append((-template.value, order, question))
    for order, span in enumerate(specific):
        text = settings["build_on_specific"].format(phrase=_shorten(span.text))
        scored.append((-2, len(findings) + order, Question(text, Purpose.CLARIFY.value, span.text)))
    return [q for *_, q in sorted(scored, key=lambda t: (t[0], t[1]))]


def _shorten(text: str, limit: int = 90) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rsplit(" ", 1)[0] + "…"

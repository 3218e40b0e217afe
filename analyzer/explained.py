"""Whether a message says what a vague phrase stands for.

"We also felt your examples were somewhat general, and we would have liked to hear more about
how you handled disagreements" flags "we also felt" and "were somewhat general" by the report's
contract, but the sentence itself says what was missing: asking "what would they have needed?"
re-asks it. Such a finding keeps its place in the report, with the words that explain it
(``Finding.explained_by``); the reports list it apart and the plan asks nothing about it. The
cues are data (``patterns/explained.json``); see its description for the rules.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import replace
from functools import lru_cache
from typing import Any

from .cues import BULLETS
from .planbases import SENTENCE_MARKS, between_marks
from .plancontext import admitted_vague
from .planwords import plan_settings
from .quotes import words
from .report import Finding, SpecificFeedback
from .resources import read_json

#: A list written as lines right after a phrase, or a few words and a colon after it ("the
#: panel felt:\n- ...", "you were less strong:\n- ...").
_LIST_AFTER = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s*(?:that\s*)?:?[ \t]*\n+[ \t]*"
    rf"(?:[{re.escape(''.join(sorted(BULLETS)))}]|\d{{1,2}}[.)])[ \t]+\S"
)
#: Where such a list ends: a blank line or the end of the message.
_LIST_END = re.compile(r"\n[ \t]*\n|\Z")
#: Where a sentence goes on to another point ("..., and your take-home did not ..."): concrete
#: feedback after it is that point, not the explanation of the phrase before it.
_NEW_CLAUSE = re.compile(
    r"[,;]\s*(?:and|but|while|whereas|although|though|also)\b"
    r"|\b(?:and|but) (?:you|your|the|we|i|they|our)\b",
    re.IGNORECASE,
)
#: A conjunction that joins an explanation to its phrase ("and we would have liked ...").
_LEADING_LINK = re.compile(r"^(?:and|but|as|so)\s+", re.IGNORECASE)
#: How far after a phrase its explanation is read (characters): a sentence, not a run-on line.
_CLAUSE_CHARS = 400


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    settings = read_json("patterns", "explained.json")
    return {
        "types": frozenset(settings["types"]),
        "lead_in": frozenset([*plan_settings()["lead_in"]["words"], *settings["lead_in_more"]]),
        "clause_words": int(settings["clause_words"]),
        "said_after": [re.compile(p, re.IGNORECASE) for p in settings["said_after"]],
        "quantity_before": re.compile(settings["quantity_before"], re.IGNORECASE),
        "judgement_words": frozenset(settings["judgement_words"]),
        "object_nouns": tuple(settings["object_nouns"]),
        "object_after": re.compile(settings["object_after"], re.IGNORECASE),
        "level_ends": tuple(settings["level_ends"]),
        "level_after": re.compile(settings["level_after"], re.IGNORECASE),
    }


def explain(
    findings: Sequence[Finding], message: str, specific: Sequence[SpecificFeedback]
) -> tuple[Finding, ...]:
    """``findings`` with ``explained_by`` set on each one whose message says what it stands
    for (see the module docstring): first the phrases that judge, then the lead-ins ("we
    felt") by the judgements they introduce."""
    if not message or not findings:
        return tuple(findings)
    admitted = admitted_vague(message)
    said: dict[int, str | None] = {}
    for i, f in enumerate(findings):
        if not _lead_in(f) and _explainable(f, admitted):
            said[i] = _said_after(f, message, specific)
    judged = sorted((f.start, i) for i, f in enumerate(findings) if i in said)
    starts = [start for start, _ in judged]
    for i, f in enumerate(findings):
        if _lead_in(f) and _explainable(f, admitted):
            _, tail = _sentence(message, f.start, f.end)
            inside = [i for _, i in judged[bisect_left(starts, f.end) : bisect_left(starts, tail)]]
            said[i] = _introduced(f, message, tail, [said[j] for j in inside])
    return tuple(
        replace(f, explained_by=said[i]) if said.get(i) is not None else f
        for i, f in enumerate(findings)
    )


def _explainable(finding: Finding, admitted: Sequence[tuple[int, int]]) -> bool:
    """Whether ``finding`` is of a type a message can explain, outside a sentence the sender
    calls less concrete ("Less concretely, the panel felt ...": it stays vague)."""
    if finding.type not in _settings()["types"]:
        return False
    return not any(a <= finding.start < b for a, b in admitted)


def _sentence(message: str, start: int, end: int) -> tuple[int, int]:
    """Where the sentence around ``message[start:end]`` begins and ends, read no further than
    :data:`_CLAUSE_CHARS` either side (a run-on line is no sentence to read whole)."""
    low, high = max(0, start - _CLAUSE_CHARS), min(len(message), end + _CLAUSE_CHARS)
    head, tail = between_marks(message[low:high], start - low, end - low, SENTENCE_MARKS)
    return head + low, tail + low


def _said_after(finding: Finding, message: str, specific: Sequence[SpecificFeedback]) -> str | None:
    """The words that say what a judging phrase stands for, or ``None``."""
    s = _settings()
    head, tail = _sentence(message, finding.start, finding.end)
    listed = _listed(message, finding.end)
    if listed is not None:
        return listed
    after = message[finding.end : tail]
    level = finding.text.lower().endswith(s["level_ends"]) and s["level_after"].match(after)
    if level or any(p.match(after) for p in s["said_after"]):
        return _LEADING_LINK.sub("", after.strip(" ,;:-–—"))
    named = finding.type == "unspecified_gap" and finding.text.lower().endswith(s["object_nouns"])
    if named and s["object_after"].match(after):
        return message[finding.start : tail].strip()
    concrete = next((p for p in specific if finding.end <= p.start < tail), None)
    if concrete is not None and not _NEW_CLAUSE.search(message, finding.end, concrete.start):
        return concrete.text  # not "lacked depth in X, and your take-home did not ..."
    quantity = s["quantity_before"].search(message, head, finding.start)
    if quantity is not None and finding.type == "unanchored_comparison":
        return message[quantity.start() : finding.end]
    return None


def _introduced(
    lead_in: Finding, message: str, tail: int, inside: Sequence[str | None]
) -> str | None:
    """What a lead-in impression ("we felt") introduces, when that says what the impression
    is: a list of points, or the rest of its sentence when every judging phrase in it
    (``inside``: the explanation of each, or ``None``) is explained or, with none, when it
    is long enough to be an observation."""
    listed = _listed(message, lead_in.end)
    if listed is not None:
        return listed
    rest = message[lead_in.end : tail]
    if inside:
        if not all(inside):
            return None
        beyond = [e for e in inside if e and e not in rest]  # a list after the sentence
        return "\n".join([rest.strip(), *beyond])
    rest_words = words(rest)
    if _settings()["judgement_words"].intersection(rest_words):
        return None  # "you would be a better fit in a larger organisation": the impression
    return rest.strip() if len(rest_words) >= _settings()["clause_words"] else None


def _listed(message: str, end: int) -> str | None:
    """The list of points that follows ``message[:end]`` on lines of their own, or ``None``."""
    listed = _LIST_AFTER.match(message, end)
    if listed is None:
        return None
    stop = _LIST_END.search(message, listed.end())
    return message[end : stop.start() if stop else len(message)].strip(" :\n")


def _lead_in(finding: Finding) -> bool:
    """Whether ``finding`` is an impression made only of lead-in words ("the panel felt")."""
    return (
        finding.type == "subjective_impression"
        and set(words(finding.text)) <= _settings()["lead_in"]
    )

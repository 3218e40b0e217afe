"""A question the sender asks the candidate, proposing to do something for them.

"Shall I send over the job description?", "Would you like me to put your CV forward for it?",
"Are you happy for me to get in touch when it goes live?": the sender waits for a yes. The plan
answers it in the sender's own words, with the pronouns turned round ("Yes, please put my CV
forward for it."), and then asks the one thing that helps next. The forms of such a question
are ``sender_asks`` in ``patterns/plan_context.json``; the replies are ``forward.sender_asks``
in ``templates/plan.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .planwords import plan_settings
from .resources import read_json

#: The longest action, in words, that a reply repeats; a longer one is not echoed.
MAX_ACTION_WORDS = 14
#: A question that ends a sentence: what precedes it on its line, back to the last mark.
_QUESTION = re.compile(r"(?:^|(?<=[.!?\n]))[ \t]*([^.!?\n]{6,240}\?)", re.MULTILINE)
#: A dash or a ", but" between clauses: the question is the clause after the last one.
_DASH = re.compile(r"\s[-\u2013\u2014]\s|,\s+but\s+", re.IGNORECASE)
#: Pronouns as the candidate says them back ("your CV" is "my CV").
_TURNED = {
    "your": "my",
    "yours": "mine",
    "you": "me",
    "yourself": "myself",
    "my": "your",
    "me": "you",
    "i": "you",
    "we": "you",
    "us": "you",
    "our": "your",
}
_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(_TURNED, key=len, reverse=True)) + r")\b", re.I)
#: What a repeated action may not hold: a placeholder or a merge field.
_PLACEHOLDER = re.compile(r"[\[\]{}<>|_]")


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    reply: str


def _replies() -> dict[str, Any]:
    """``forward.sender_asks`` of ``templates/plan.json``."""
    return dict(plan_settings()["forward"]["sender_asks"])


@lru_cache(maxsize=1)
def _follow() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The question after the yes, by the first cue its action matches."""
    return tuple((re.compile(f["cue"], re.I), str(f["question"])) for f in _replies()["follow"])


@dataclass(frozen=True)
class _Asks:
    """``sender_asks`` of ``patterns/plan_context.json``, compiled: the dropped lead, the
    forms, the verbs an action starts with, and gerunds with their base forms."""

    lead: re.Pattern[str]
    forms: tuple[_Form, ...]
    actions: re.Pattern[str]
    base_forms: Mapping[str, str]


@lru_cache(maxsize=1)
def _reader() -> _Asks:
    settings = read_json("patterns", "plan_context.json")["sender_asks"]
    forms = tuple(
        _Form(re.compile(f["pattern"], re.IGNORECASE), str(f["reply"])) for f in settings["forms"]
    )
    return _Asks(
        re.compile(settings["lead"], re.IGNORECASE),
        forms,
        re.compile(settings["actions"], re.IGNORECASE),
        MappingProxyType(dict(settings["base_forms"])),
    )


def turned(action: str) -> str:
    """``action`` as the candidate says it back: "put your CV forward" is "put my CV forward"."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _TURNED[word.lower()]

    return _PRONOUN.sub(swap, action)


def sender_asks(text: str) -> str | None:
    """The reply to the last question in ``text`` in which the sender proposes to do something
    for the candidate, or ``None`` when it asks none. Lines quoted from earlier mail (``>``)
    are not read."""
    asks = _reader()
    body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    found = None
    for match in _QUESTION.finditer(body):
        said = _DASH.split(" ".join(match.group(1).split()))[-1]  # "... next few weeks - would
        question = asks.lead.sub("", said).rstrip("?").strip()  # you be ok with me ...?"
        reply = _reply(question, asks)
        found = reply if reply is not None else found
    return found


def _reply(question: str, asks: _Asks) -> str | None:
    for form in asks.forms:
        match = form.pattern.match(question)
        if match is None:
            continue
        if "action" not in form.pattern.groupindex:  # "Would you be open to that?": the
            return str(_replies()[form.reply])  # offer was made before; a plain yes
        action = match.group("action").strip().rstrip(",;:")
        words = action.split()
        if (
            not asks.actions.match(action)
            or not words
            or len(words) > MAX_ACTION_WORDS
            or _PLACEHOLDER.search(action)
        ):
            return None
        settings = _replies()
        prep = match.groupdict().get("prep") or ""
        if form.reply != "open":  # "happy for you to put", not "... to putting"
            first, _, rest = action.partition(" ")
            action = f"{asks.base_forms.get(first.lower(), first)} {rest}".strip()
        yes = str(settings[form.reply]).format(action=turned(action), prep=prep.lower())
        follow = next((q for cue, q in _follow() if cue.search(action)), None)
        return yes if follow is None else f"{yes} {follow}"
    return None

"""The kind of future role a message names for the candidate ("deputy roles in Yorkshire",
"two junior positions in January", "our next charge role"), so that the plan's closing
question takes it up by name instead of asking which roles would suit.

A phrase counts only in a sentence that looks ahead (``future_roles.ahead`` in
``patterns/plan_context.json``: keeping the candidate in mind, putting them forward, a role
opening up) and only when a word of its own names the kind of role: "other", "future" or
"suitable" roles name nothing (``future_roles.generic``), except a job title in capitals
("a few more CSMs"); a number belongs to a name only after a word of it ("Band 6 post",
not "2 roles"). A time said right after it is kept with it ("maternity cover in the
autumn", "junior positions in January").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .cues import Cues, lower
from .planbases import SENTENCE_MARKS, between_marks
from .resources import read_json

#: A role noun with up to three words before it and an optional place or month after it
#: ("deputy roles that come up in Yorkshire", "similar opening comes up in Hosur or Salem").
_PHRASE = re.compile(
    r"(?<![\w'’/])(?P<mods>(?:[A-Za-z0-9][\w&/-]*[ \t]+){0,3})"
    r"(?P<noun>(?i:roles|role|positions|position|openings|opening|vacancies|vacancy|posts|postings"
    r"|jobs|programme|program|scheme|internships|internship|apprenticeship|opportunity|cover"
    r"|contracts|contract|post)|team|[A-Z]{2,5}s)\b"
    r"(?:[ \t]+or[ \t]+(?:two|so))?"
    r"(?:(?:[ \t]+(?:that|which)(?:'s|\u2019s|[ \t]+is|[ \t]+are)?)?[ \t]+"
    r"(?:come|comes|coming|open|opens|opening)[ \t]+up)?"
    r"(?P<where>[ \t]+(?:in|at|across)[ \t]+[A-Z][\w-]+(?:[ \t]+[A-Z][\w-]+)?"
    r"(?:[ \t]+(?:or|and)[ \t]+[A-Z][\w-]+)?)?"
    r"(?P<when>[ \t]+(?:(?:in|around|from|over)[ \t]+(?:the[ \t]+)?(?:spring|summer|autumn|fall"
    r"|winter|new[ \t]+year|Q[1-4]|January|February|March|April|May|June|July|August|September"
    r"|October|November|December)|next[ \t]+(?:month|quarter|year)|later[ \t]+this[ \t]+year"
    r"|this[ \t]+(?:spring|summer|autumn|fall|winter)"
    r"|once[ \t]+(?:our|the)[ \t]+[a-z]+[ \t]+(?:closes|is[ \t]+done|completes|lands)))?"
)
#: The candidate's own words before a role's phrase in its clause: what they did, not a role.
_OWN = re.compile(r"\byour (?:own )?(?:work|experience|time|background|efforts?|role|job)\b")
#: A plural job title in capitals ("CSMs", "BDRs"): a kind of role by itself.
_TITLE_PLURAL = re.compile(r"[A-Z]{2,5}s")


#: Words before a role's own words that make it the one the sender has in mind.
_DEFINITE = frozenset({"the", "our", "this", "that"})


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    return dict(read_json("patterns", "plan_context.json")["future_roles"])


@lru_cache(maxsize=1)
def _generic() -> frozenset[str]:
    return frozenset(_settings()["generic"])


@lru_cache(maxsize=1)
def ahead_cues() -> Cues:
    """The cues of a sentence that looks ahead (also in the plan context's cue book, so that
    most messages, which have none, are not read here at all)."""
    return Cues(_settings()["ahead"])


def only_ahead(text: str, role: str) -> bool:
    """Whether every sentence of ``text`` that names ``role`` speaks of a role still to be
    posted ("I can let you know when we post the Youth Programs Coordinator role this fall"):
    the role is one to come, not the one applied for."""
    low = lower(text)
    named = [m.start() for m in re.finditer(re.escape(role.lower()), low)]
    for at in named:
        head, tail = between_marks(low, at, at + len(role), SENTENCE_MARKS)
        if _to_come().search(low, head, tail) is None:
            return False
    return bool(named)


@lru_cache(maxsize=1)
def _to_come() -> re.Pattern[str]:
    """A sentence about a role still to be posted or opened (``future_roles.to_come``)."""
    return re.compile("|".join(_settings()["to_come"]))


def future_role(text: str, applied: str | None = None) -> str | None:
    """The named kind of future role, as a question can say it ("deputy roles in Yorkshire",
    "a charge role"), or ``None``; ``applied`` is the role applied for, which is never it."""
    low = lower(text)
    generic = _generic()
    for cue in ahead_cues().finditer(low):
        head, tail = between_marks(low, cue.start(), cue.end(), SENTENCE_MARKS)
        for match in _PHRASE.finditer(text, head, tail):
            clause = max(head, low.rfind(",", head, match.start()) + 1)
            if _OWN.search(low, clause, match.start()):
                continue  # "your work running the after-school programme": the candidate's
            named = _named(match, generic, applied)  # own past, no role ahead
            if named is not None:
                return named
    return None


def _named(match: re.Match[str], generic: frozenset[str], applied: str | None) -> str | None:
    words = match.group("mods").split()
    definite = False  # "the digital editor role that's coming up": the one the sender means;
    # "our next", "any other", "two" name no kind of role
    while words and (
        _generic_word(words[0], generic)
        or _opens_sentence(words, generic)
        or (words[0].isdigit() and not _measures(words))  # "two roles", not "6 month contract"
    ):
        definite = definite or words[0].lower() in _DEFINITE
        words = words[1:]
    generic_at = [i for i, w in enumerate(words) if _generic_word(w, generic)]
    if generic_at and not words[: generic_at[-1] + 1][-1].isdigit():  # "CV for any [opening
        definite = definite or words[generic_at[-1]].lower() in _DEFINITE  # in Lagos]": the
        words = words[generic_at[-1] + 1 :]  # words after the last generic one
    noun = match.group("noun")
    if not words and _TITLE_PLURAL.fullmatch(noun):  # "a few more CSMs": the title alone
        return " ".join([noun, *match.group("when").split()] if match.group("when") else [noun])
    where = " ".join((match.group("where") or "").split())
    if not words and where and noun.lower() in _PLACED:  # "any opening in Lagos": the place
        return f"{noun.lower()} {where}" if noun.endswith("s") else f"an opening {where}"
    if not words or any(_generic_word(w, generic) for w in words if not w.isdigit()):
        return None
    if applied is not None and " ".join(words).lower() == applied.lower():
        return None
    noun = noun if words[-1][:1].isupper() else noun.lower()  # "QC Graduate Programme"
    if noun == "team" and not words[0][:1].isupper():  # "the recruitment team": no role
        return None
    when = " ".join((match.group("when") or "").split())
    phrase = " ".join([*words, noun] + [x for x in (where, when) if x])
    # plural or a mass noun: "deputy roles in Yorkshire", "the Parks Patrol postings",
    # "maternity cover in the autumn"
    if noun.endswith("s") or noun == "cover":
        return f"the {phrase}" if definite else phrase
    if definite or words[0][:1].isupper():
        return f"the {phrase}"
    return f"{'an' if words[0][:1].lower() in 'aeiou' else 'a'} {phrase}"


def _measures(words: list[str]) -> bool:
    """Whether a number opens a length of time ("6 month contract", "12-week cover")."""
    return len(words) > 1 and words[1].lower().rstrip("s") in _UNITS


#: Nouns a place alone names a kind of ("any opening in Lagos", "roles in Leeds").
_PLACED = frozenset(
    {"opening", "openings", "role", "roles", "vacancy", "vacancies", "position", "positions"}
)
#: Units of time a number before a role's noun measures.
_UNITS = frozenset({"day", "week", "month", "year"})


def _opens_sentence(words: list[str], generic: frozenset[str]) -> bool:
    """Whether the first word is a generic one capitalised only because it opens the sentence
    ("If deputy roles ..."): the word after it is in lower case, as no name's is ("Team
    Lead")."""
    return len(words) > 1 and words[0].lower() in generic and not words[1][:1].isupper()


def _generic_word(word: str, generic: frozenset[str]) -> bool:
    """Whether ``word`` names no kind of role: a generic word, unless capitalised as part of a
    name ("Team Lead"); a determiner is generic however it is written."""
    low = word.lower()
    return low in generic and (low in _ALWAYS_GENERIC or not word[:1].isupper())


#: Generic words however they are written (a capital there starts the sentence).
_ALWAYS_GENERIC = _DEFINITE | {"a", "an", "any", "some", "your"}

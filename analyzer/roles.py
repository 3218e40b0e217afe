"""The role and company a message names ("the Data Engineer position at Fenwick & Rhodes").

One reading for the plan (which names the role in its questions) and the draft (which names it
in the subject and greeting). The nouns that mark a role ("position", "vacancy") are
``extract.role_nouns`` in ``templates/drafts.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .cues import case_twin, fast_compile, lower
from .resources import read_json

_CAP = r"(?:[A-Z][\w+#/'-]*|[a-z]+[A-Z][\w]*)"
#: A role's name: capitalised words, joined by spaces, "of", "and", "&", a number between
#: two of them or ending the name, a comma or a spaced hyphen ("Associate, Infrastructure
#: Investment", "Lead - Business Analytics", "Band 5 Staff Nurse - Ward 3").
_ROLE = (
    rf"{_CAP}(?:[ \t]+(?:of|and|&|{_CAP})|[ \t]+[0-9]{{1,2}}(?=[ \t]+[A-Z]|[.,;:)]|$)|,[ \t]+{_CAP}"
    rf"|[ \t]+-[ \t]+{_CAP})*"
)
_COMPANY = rf"{_CAP}(?:[ \t]+(?:&|and|of|{_CAP}))*"
_CONNECTORS = frozenset({"of", "and", "&"})


def alternation(words: Sequence[str]) -> str:
    """A regex alternative of ``words``, longest first, spaces matching any whitespace."""
    ordered = sorted(words, key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in ordered)


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], ...]:
    nouns = alternation(read_json("templates", "drafts.json")["extract"]["role_nouns"])
    lead = r"(?i:application|applying|applied|interest|interviewing|interviews?|time)"
    return (
        re.compile(
            rf"(?i:the|your|our|this|a|an)[ \t]+(?P<role>{_ROLE})[ \t]+(?i:{nouns})"
            rf"(?:[ \t]+(?i:at|with)[ \t]+(?P<company>{_COMPANY}))?"
        ),
        re.compile(
            rf"(?i:{nouns})[ \t]+(?i:of|as)[ \t]+(?:(?i:an?)[ \t]+)?(?P<role>{_ROLE})"
            rf"(?:[ \t]+(?i:at|with)[ \t]+(?P<company>{_COMPANY}))?"
        ),
        re.compile(
            rf"(?:{lead}[ \t]+(?i:to|with|at|in)|(?i:here|everyone|all|us|team)[ \t]+at)"
            rf"[ \t]+(?P<company>{_COMPANY})"
        ),
    )


def _trim(name: str | None) -> str | None:
    words = (name or "").split()
    while words and words[-1].lower() in _CONNECTORS:
        words.pop()
    return " ".join(words) or None


#: After a role's name, the role noun and "Employer": "an Equal Opportunity Employer", a legal
#: footer, names no role.
_EMPLOYER = re.compile(r"[ \t]+\S+[ \t]+employer\b", re.IGNORECASE)


def _footer(text: str, end: int) -> bool:
    """Whether the role name that ends at ``end`` is the "Equal" of "an Equal Opportunity
    Employer"."""
    return _EMPLOYER.match(text, end) is not None


def role_and_company(text: str) -> tuple[str | None, str | None]:
    """The first role and the first company ``text`` names, ``None`` for what it does not."""
    role = company = None
    for pattern in _patterns():
        for match in pattern.finditer(text):
            if "role" in pattern.groupindex and _footer(text, match.end("role")):
                continue
            found = match.groupdict()
            role = role or _trim(found.get("role"))
            company = company or _trim(found.get("company"))
    return role, company


def role_of(text: str) -> str | None:
    """The first role ``text`` names (what :func:`role_and_company` gives as the role), read
    with the role patterns alone and stopping at the first match: the plan reads it for every
    rejection of a batch.

    A role pattern needs a role noun and crosses no line break (the role nouns are single
    words), so it is searched only in the lines that hold a role noun, in order, which keeps
    the first match the first."""
    twin, fast = case_twin(text), _fast_patterns()
    if twin is not None and fast is not None:  # RE2 over the twin: the same first match
        data = twin.encode("ascii")  # as bytes, RE2 skips converting offsets (half the time)
        for pattern in fast:
            group = pattern.groupindex["role"]  # this engine takes group numbers
            for match in pattern.finditer(data):
                if not _footer(twin, match.end(group)):
                    return _trim(text[match.start(group) : match.end(group)])
        return None
    lines = _lines_with_noun(text)
    for pattern in _patterns()[:2]:
        for line in lines:
            for match in pattern.finditer(line):
                if not _footer(line, match.end("role")):
                    return _trim(match.group("role"))
    return None


def _lines_with_noun(text: str) -> list[str]:
    """The lines of ``text`` in which a role noun starts (found with ``str.find`` in the
    lowered text: a plain word needs no regular expression)."""
    low, found = lower(text), set()
    for noun in _role_nouns():
        at = low.find(noun)
        while at >= 0:
            found.add(text.rfind("\n", 0, at) + 1)
            at = low.find(noun, at + 1)
    lines = []
    for start in sorted(found):
        end = text.find("\n", start)
        lines.append(text[start : len(text) if end < 0 else end])
    return lines


@lru_cache(maxsize=1)
def _role_nouns() -> tuple[str, ...]:
    nouns = tuple(
        str(n).lower() for n in read_json("templates", "drafts.json")["extract"]["role_nouns"]
    )
    if any(not n.isalpha() for n in nouns):
        raise ValueError("role nouns must be single words: role_of reads them line by line")
    return nouns


@lru_cache(maxsize=1)
def _fast_patterns() -> tuple[Any, ...] | None:
    """The role patterns compiled by RE2 for :func:`~.cues.case_twin`, ``None`` if one holds
    what the twin does not keep (``\\s``, ``\\d``) or RE2 cannot read it."""
    sources = [p.pattern for p in _patterns()[:2]]
    if any("\\s" in source or "\\d" in source for source in sources):
        return None
    compiled = [fast_compile(source) for source in sources]
    return None if None in compiled else tuple(compiled)

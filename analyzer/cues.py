"""Lists of case-insensitive regular expressions ("cues") searched fast in a message's text.

A plan's context asks about twenty cue lists of each message (a stage, an offer, a no-feedback
rule...). Compiled with ``re.IGNORECASE`` and tried at every position, they cost 25-50 us a
list on a benchmark message, more than the rest of the question plan. :class:`Cues` finds the
same matches at a fraction of that:

- the text is lowered once (:func:`lower`, offsets kept) and the patterns are lowered to match
  (:func:`lowered`): a pattern without ``re.IGNORECASE`` runs about twice as fast;
- each pattern of the list is read with Python's own regex parser for literals one of which
  every match must contain (:func:`required_literals`, at least three characters each); when
  every pattern has them and none is in the text, no match is possible and the regex is not
  run.

Tests check that a :class:`Cues` finds exactly what the same list finds with ``re.IGNORECASE``
on every corpus message.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import Any

from .language import stopwords
from .replies import regex_parser

#: A pattern's letters outside escapes and group names, which :func:`lowered` lower-cases.
_LETTER_OR_ESCAPE = re.compile(r"\\.|\(\?P<\w+>|[A-Z]")
#: The shortest literal worth a prefilter (shorter ones are in almost every message).
MIN_LITERAL = 3


def lowered(pattern: str) -> str:
    """``pattern`` for text lowered by :func:`lower`: its letters in lower case, escapes
    (``\\S``, ``\\B``) and group names untouched."""
    return _LETTER_OR_ESCAPE.sub(lambda m: m[0].lower() if len(m[0]) == 1 else m[0], pattern)


def lower(text: str) -> str:
    """``text`` in lower case, each character kept in its place (offsets stay valid): a
    character whose lower case is longer (a dotted capital I) is left as it is."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def required_literals(pattern: str) -> tuple[str, ...] | None:
    """Literals one of which every match of ``pattern`` contains, read from the parsed pattern:
    a run of literal characters in its top-level sequence, or in a required group, or one
    literal of each alternative of a required choice; of those, the most selective
    (:func:`_selectivity`). ``None`` when there is none of :data:`MIN_LITERAL` characters or
    more, or the pattern cannot be read."""
    parser = regex_parser()
    try:
        parsed = parser.parse(pattern)
    except Exception:  # a pattern the parser here cannot read: no prefilter
        return None
    return _requirement(list(parsed), parser)


def _requirement(items: list[tuple[Any, Any]], parser: Any) -> tuple[str, ...] | None:
    options: list[tuple[str, ...]] = []
    run: list[str] = []
    for op, av in [*items, (None, None)]:  # a sentinel ends the last run
        if op is parser.LITERAL:
            run.append(chr(av))
            continue
        if len(run) >= MIN_LITERAL:
            options.append(("".join(run),))
        run = []
        found = None
        if op is parser.SUBPATTERN:  # a group is required: what it requires counts
            found = _requirement(list(av[-1]), parser)
        elif op is parser.BRANCH:  # one of the alternatives: each must require something
            each = [_requirement(list(alt), parser) for alt in av[1]]
            if all(each):
                found = tuple(dict.fromkeys(x for req in each if req for x in req))
        if found:
            options.append(found)
    return max(options, key=_selectivity, default=None)


def _selectivity(option: tuple[str, ...]) -> tuple[bool, int]:
    """How well an option of literals prunes: one made of no common function word ("you",
    "your", "our") first, then the one whose shortest literal is longest."""
    common = stopwords()
    return not any(x.strip() in common for x in option), min(len(x) for x in option)


class Cues:
    """A list of case-insensitive patterns, searched in text lowered by :func:`lower`."""

    def __init__(self, patterns: Sequence[str]):
        self.patterns = tuple(patterns)
        self.regex = re.compile("|".join(f"(?:{lowered(p)})" for p in patterns))
        each = [required_literals(lowered(p)) for p in patterns]
        #: Literals one of which every match contains (None: no prefilter).
        self.literals: tuple[str, ...] | None = (
            tuple(dict.fromkeys(x for req in each if req for x in req)) if all(each) else None
        )

    def _possible(self, low: str) -> bool:
        if self.literals is None:
            return True
        for literal in self.literals:  # noqa: SIM110 - a generator costs more than the tests
            if literal in low:
                return True
        return False

    def search(self, low: str) -> re.Match[str] | None:
        """The first match in lowered text ``low``."""
        return self.regex.search(low) if self._possible(low) else None

    def finditer(self, low: str) -> Iterator[re.Match[str]]:
        """Every match in lowered text ``low``."""
        return self.regex.finditer(low) if self._possible(low) else iter(())

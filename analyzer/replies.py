"""The reply parser :func:`~analyzer.clean.clean` relies on, with its regexes run sparingly.

``mailparser_reply`` finds reply headers, signatures and disclaimers with three large
case-insensitive regexes that Python's ``re`` tries at every position of a text. Each regex
here is the library's own, compiled once, and run only where it could match: the header and
disclaimer regexes only on texts that hold words every match of theirs holds, the signature
regex only at the positions a match of it can begin. What each finds is exactly what the
library's regex finds (tests compare the two on the corpus and on generated texts).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

#: Words one of which every reply header the parser knows holds ("On ... wrote:", "From:" and
#: "Sent:" lines, "----- Original Message -----"), lower-cased.
HEADER_WORDS = (
    "wrote:",
    "from:",
    "sent:",
    "to:",
    "subject:",
    "date:",
    "cc:",
    "organization:",
    "original message",
)
#: Every disclaimer the parser knows ends in a line that says "mail", and opens with one of the
#: other words ("CAUTION:", "Disclaimer", "Confidential Notice:", ...), lower-cased.
DISCLAIMER_WORDS = (
    ("mail",),
    (
        "caution:",
        "disclaimer",
        "warning:",
        "confidential",
        "privileged",
        "private",
        "sensitive",
        "important",
    ),
)
#: Letters that a case-insensitive regex takes for "s" or "i" but ``str.lower`` does not turn
#: into them: where one occurs, the words cannot be looked for in the lower-cased text.
_FOLDED_APART = ("\u017f", "\u0131", "\u0130")


@lru_cache(maxsize=1)
def reply_reader() -> Callable[[str], Any]:
    """``EmailReplyParser(languages=["en"]).read``, with its three regexes built once.

    The parser makes a new ``EmailMessage`` per text, which rebuilds each regex's source from
    the language tables on first use (about a fifth of the parser's time); the compiled
    patterns, wrapped to run only where they can match, are handed to each new message instead,
    as the message's own fields allow.
    """
    from mailparser_reply import EmailReplyParser
    from mailparser_reply.parser import EmailMessage

    languages = list(EmailReplyParser(languages=["en"]).languages)
    probe = EmailMessage(text="", languages=list(languages))
    compiled = {
        "_header_regex": WordGuard(probe.HEADER_REGEX, (HEADER_WORDS,)),
        "_disclaimers_regex": WordGuard(probe.DISCLAIMERS_REGEX, DISCLAIMER_WORDS),
        "_signature_regex": line_start_search(probe.SIGNATURE_REGEX),
    }

    def read(text: str) -> Any:
        return EmailMessage(text=text, languages=list(languages), **compiled).read()

    return read


class WordGuard:
    """A regex's ``findall``, run only on texts that hold a word of each of ``words``' groups.

    Most emails hold no reply header and no disclaimer; looking for the words such a match
    must hold in the lower-cased text is a few plain substring searches.
    """

    def __init__(self, regex: re.Pattern[str], words: Sequence[Sequence[str]]):
        self.regex = regex
        self.words = words

    def findall(self, text: str) -> list[Any]:
        """``regex.findall(text)``, or ``[]`` at once when a group's words are all missing."""
        if not any(letter in text for letter in _FOLDED_APART):
            lower = text.lower()
            if not all(any(word in lower for word in group) for group in self.words):
                return []
        return self.regex.findall(text)


def line_start_search(regex: re.Pattern[str]) -> LineStartSearch | re.Pattern[str]:
    """``regex`` wrapped in a :class:`LineStartSearch` when every match of it begins where
    that class looks (:func:`begins_at_line_starts`), else ``regex`` itself."""
    return LineStartSearch(regex) if begins_at_line_starts(regex) else regex


class LineStartSearch:
    """A regex's ``search``, for a regex every match of which begins at the text's start, at
    a line start, or on whitespace that runs on to a newline (:func:`begins_at_line_starts`).

    The regex is tried at those positions only (:func:`line_start_candidates`), in order, and
    the first match is the one ``search`` finds. The parser's signature regex is such a regex:
    its four ways to match are whitespace up to a line start, then a signature's first line
    (``\\s*^...``, twice), blank lines before a rule (``\\n{2,}...``) and a sign-off at a line
    start (``(?<!\\A)^...``).
    """

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex

    def search(self, text: str) -> re.Match[str] | None:
        """``regex.search(text)``."""
        match = self.regex.match
        for position in line_start_candidates(text):
            found = match(text, position)
            if found is not None:
                return found
        return None


def line_start_candidates(text: str) -> list[int]:
    """The positions of ``text``, in order, where a match of :class:`LineStartSearch`'s kind
    can begin: 0, every line start, and every whitespace character from which whitespace runs
    on to a newline."""
    found = [0]
    newline = text.find("\n")
    while newline >= 0:
        low = found[-1] + 1
        start = newline
        while start > low and text[start - 1].isspace():
            start -= 1
        found.extend(range(max(start, low), newline + 2))
        newline = text.find("\n", newline + 1)
    return found


def regex_parser() -> Any:
    """Python's regex parser module (``re._parser``; ``sre_parse`` before Python 3.11)."""
    try:
        from re import _parser  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover - Python 3.10
        import sre_parse as _parser
    return _parser


def begins_at_line_starts(regex: re.Pattern[str]) -> bool:
    """Whether every match of ``regex`` begins at one of :func:`line_start_candidates`.

    Read from the parsed pattern: a match must begin with a line start (``^``, ``\\A``), a
    newline, or whitespace (``\\s*``, ``\\s+``) that leads to one of those; groups,
    alternatives, repeats and zero-width assertions are followed through. Anything else, or a
    pattern the parser here cannot read, gives ``False``.
    """
    try:
        parser = regex_parser()
        return _anchored(parser, list(parser.parse(regex.pattern, regex.flags)))
    except Exception:  # an unknown parser or tree: assume nothing
        return False


def _anchored(parser: Any, items: list[tuple[Any, Any]]) -> bool:
    """Whether a match of the parsed sequence ``items`` begins where a line-start search looks."""
    if not items:
        return False
    (op, value), rest = items[0], items[1:]
    if op == parser.SUBPATTERN:  # a group: its content, then what follows it
        return _anchored(parser, [*value[-1], *rest])
    if op == parser.BRANCH:
        return all(_anchored(parser, [*alternative, *rest]) for alternative in value[1])
    if op in (parser.ASSERT, parser.ASSERT_NOT):  # look-arounds consume nothing
        return _anchored(parser, rest)
    if op == parser.AT:
        at_start = value in (parser.AT_BEGINNING, parser.AT_BEGINNING_STRING)
        return at_start or _anchored(parser, rest)  # other positions consume nothing
    if op == parser.LITERAL:
        return bool(value == ord("\n"))
    if op in (parser.MAX_REPEAT, parser.MIN_REPEAT):
        low, _, body = value
        body = list(body)
        if low >= 1 and _anchored(parser, body):
            return True
        if _whitespace(parser, body):  # whitespace running to where the rest begins
            return _anchored(parser, rest)
        return low == 0 and _anchored(parser, body) and _anchored(parser, rest)
    return False


def _whitespace(parser: Any, body: list[tuple[Any, Any]]) -> bool:
    """Whether ``body`` is one character that is whitespace, or a class of such characters
    (whitespace as ``str.isspace`` has it, as the regex engine's ``\\s`` does)."""
    if len(body) != 1:
        return False
    op, value = body[0]
    if op == parser.LITERAL:
        return chr(value).isspace()
    if op == parser.IN:
        return all(
            (kind == parser.CATEGORY and item == parser.CATEGORY_SPACE)
            or (kind == parser.LITERAL and chr(item).isspace())
            for kind, item in value
        )
    return False

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
  run;
- the list is searched with RE2, a linear-time automaton (about four times faster than Python's
  ``re`` on these lists), in an ASCII twin of the text (:func:`ascii_twin`) in which every
  character has the same class for both engines; a list RE2 cannot read (a lookahead) and a
  text with no exact twin are searched with ``re``.

Tests check that a :class:`Cues` finds exactly what the same list finds with ``re.IGNORECASE``
on every corpus message and on generated text full of non-ASCII characters.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping, Sequence
from functools import cached_property, lru_cache
from types import MappingProxyType
from typing import Any

import re2

from .language import stopwords
from .replies import regex_parser

#: A pattern's letters outside escapes and group names, which :func:`lowered` lower-cases.
_LETTER_OR_ESCAPE = re.compile(r"\\.|\(\?P<\w+>|[A-Z]")
#: The shortest literal worth a prefilter (shorter ones are in almost every message).
MIN_LITERAL = 3

#: Non-ASCII characters that patterns may name, each with its own ASCII stand-in of the same
#: class: control characters for punctuation (neither word nor space for either engine),
#: capitals for letters (lowered text and patterns hold none).
STAND_INS: Mapping[str, str] = MappingProxyType(
    {
        "\u2019": "\x02",  # right single quote, the curly apostrophe
        "\u2018": "\x03",
        "\u201c": "\x04",
        "\u201d": "\x05",
        "\u2013": "\x06",  # en dash
        "\u2014": "\x07",  # em dash
        "\u00e9": "E",  # e acute, as in "r\u00e9sum\u00e9"
        "\u00e8": "F",
        "\u00e0": "G",
        "\u00e7": "H",
    }
)
#: Stand-in of every other non-ASCII word character, and of every other non-ASCII character
#: that is neither word nor space (no pattern can name either: see :func:`_twin_pattern`).
OTHER_WORD, OTHER_MARK = "Z", "\x01"
#: ASCII characters whose class differs between the engines (vertical tab and the separators
#: are spaces to ``re`` only) or that serve as stand-ins: a text holding one has no twin.
_NO_TWIN = re.compile(r"[\x01-\x08\x0b\x0e-\x1f]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]")
_WORD = re.compile(r"\w")


def ascii_twin(low: str) -> str | None:
    """An ASCII text as long as ``low`` in which each character matches the same classes
    (word, digit, space, ``.``) for RE2 as the original does for ``re``, and a non-ASCII
    character a pattern names has the same stand-in as in the pattern; ``None`` when there is
    none (a non-ASCII space or digit, or an ASCII character in :data:`_NO_TWIN`)."""
    if _NO_TWIN.search(low) is not None:
        return None
    if low.isascii():
        return low
    try:
        return _NON_ASCII.sub(_stand_in, low)
    except ValueError:
        return None


#: Characters :func:`case_twin` cannot stand in for: its stand-ins, spaces Python's ``\\s``
#: knows beyond RE2's, and letters that fold to an ASCII letter under ``(?i:...)``.
_NO_CASE_TWIN = re.compile("[\x01-\x08\x0b\x1c-\x1f\u0130\u0131\u017f\u212a]")


def case_twin(text: str) -> str | None:
    """An ASCII text as long as ``text``, case kept, for patterns made of ASCII letters
    (plain or under ``(?i:...)``), ``[A-Z]``, ``[a-z]``, ``\\w`` and ASCII punctuation, and no
    ``\\s`` or ``\\d``: a non-ASCII word character becomes ``_`` (a word character and no
    letter), any other non-ASCII character :data:`OTHER_MARK`; ``None`` when a character of
    :data:`_NO_CASE_TWIN` leaves no such twin."""
    if _NO_CASE_TWIN.search(text) is not None:
        return None
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: "_" if _WORD.match(m[0]) else OTHER_MARK, text)


def _stand_in(match: re.Match[str]) -> str:
    c = match[0]
    if c in STAND_INS:
        return STAND_INS[c]
    if c.isspace() or c.isdecimal() or len(c.lower()) != 1:
        raise ValueError(c)  # no ASCII character has its classes for both engines
    return OTHER_WORD if _WORD.match(c) else OTHER_MARK


def _twin_pattern(pattern: str) -> str | None:
    """``pattern`` for twins made by :func:`ascii_twin`, or ``None`` when it names a non-ASCII
    character with no stand-in. A non-ASCII character may be named by its ``\\uXXXX`` escape
    (which RE2 does not read): it is taken as the character itself."""
    out = _UNICODE_ESCAPE.sub(_unescaped, pattern) if "\\" in pattern else pattern
    if not out.isascii():  # most patterns are ASCII: only the others are translated
        out = out.translate(_STAND_IN_TABLE)
    return out if out.isascii() else None


#: :data:`STAND_INS` as a table for ``str.translate``.
_STAND_IN_TABLE = str.maketrans(dict(STAND_INS))


#: An escaped backslash (kept) or a ``\uXXXX`` escape.
_UNICODE_ESCAPE = re.compile(r"\\\\|\\u([0-9a-fA-F]{4})")


def _unescaped(match: re.Match[str]) -> str:
    """A ``\\uXXXX`` escape of a non-ASCII character as the character (an ASCII one may be a
    regex mark, so its escape is kept)."""
    code = match[1]
    return match[0] if code is None or int(code, 16) < 0x80 else chr(int(code, 16))


#: A match of either engine: ``start()``, ``end()`` and ``span()`` are offsets in the lowered
#: text; use them, not the matched text (over the twin, RE2's ``group()`` gives ASCII bytes
#: that may hold stand-ins).
Match = Any


def without_lookarounds(pattern: str) -> str:
    """``pattern`` with its lookahead and lookbehind groups left out: it matches wherever
    ``pattern`` does (and maybe more), so where it finds nothing ``pattern`` finds nothing."""
    out: list[str] = []
    i, depth_skip, in_class = 0, 0, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\":
            if not depth_skip:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if in_class:
            in_class = c != "]"
        elif c == "[":
            in_class = True
            if pattern.startswith("[]", i) or pattern.startswith("[^]", i):  # a leading ]
                step = 2 if pattern[i + 1] == "]" else 3
                if not depth_skip:
                    out.append(pattern[i : i + step])
                i += step
                continue
        elif c == "(":
            if depth_skip or pattern.startswith(("(?=", "(?!", "(?<=", "(?<!"), i):
                depth_skip += 1
        elif c == ")" and depth_skip:
            depth_skip -= 1
            i += 1
            continue
        if not depth_skip:
            out.append(c)
        i += 1
    return "".join(out)


#: The cue lists in each of the cue book's RE2 sets, and the memory RE2 may give each set. A
#: set's automaton is built state by state as texts need them, and a state holds every list's
#: partial matches, so the states a set needs grow much faster than its lists: one set of all
#: 80 lists filled 32 MB and started afresh again and again (600 us a message, steady), where
#: sets of five fill a few MB each and answer in 3-4 us each once warm (docs/performance.md).
#: 6 MB a set, not 8: about 4 MB less in each analyzing process after 5,000 messages and no
#: slower; 4 MB made the warm latency of one message about 1 ms worse (docs/performance.md).
SET_LISTS = 5
SET_MAX_MEM = 6 << 20


@lru_cache(maxsize=8)
def _re2_options(max_mem: int | None = None) -> Any:
    """RE2's options: quiet (a pattern RE2 cannot read falls back to re), and ``max_mem`` for
    its automaton when given (RE2's default otherwise)."""
    options = re2.Options()
    options.log_errors = False
    if max_mem is not None:
        options.max_mem = max_mem
    return options


def _fast_regex(source: str) -> Any | None:
    """``source`` compiled by RE2 for twins, ``None`` when RE2 cannot read it."""
    twin = _twin_pattern(source)
    return None if twin is None else fast_compile(twin)


def fast_compile(source: str) -> Any | None:
    """``source`` compiled by RE2 (quietly), ``None`` when RE2 cannot read it."""
    try:
        return re2.compile(source, options=_re2_options())
    except re2.error:
        return None


def lowered(pattern: str) -> str:
    """``pattern`` for text lowered by :func:`lower`: its letters in lower case, escapes
    (``\\S``, ``\\B``) and group names untouched."""
    return _LETTER_OR_ESCAPE.sub(lambda m: m[0].lower() if len(m[0]) == 1 else m[0], pattern)


#: Texts whose lowered form and twin are kept: more than a batch's messages (64), so that the
#: report step finds what the classifiers' step made for the same message.
KEPT_TEXTS = 256


@lru_cache(maxsize=KEPT_TEXTS)
def lower(text: str) -> str:
    """``text`` in lower case, each character kept in its place (offsets stay valid): a
    character whose lower case is longer (a dotted capital I) is left as it is. Curly
    apostrophes read as straight ones ("don’t" as "don't"), so that a cue written with a
    straight apostrophe finds both, as real mail has both."""
    low = text.lower()
    if len(low) != len(text):
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    for curly in _APOSTROPHES:  # a search per mark is cheaper than translating every text
        if curly in low:
            low = low.replace(curly, "'")
    return low


#: The marks that start a list item in mail ("- ", "• "): read by the sentence splitter and by
#: the plan's reading of a list of requirements.
BULLETS = frozenset("-*\u2022\u2013\u2014\u00b7\u25aa\u25ba\u2023\u25e6")
#: Apostrophes that :func:`lower` reads as the straight one (each one character, in place).
_APOSTROPHES = ("\u2019", "\u2018", "\u02bc")
_STRAIGHT = str.maketrans(dict.fromkeys(_APOSTROPHES, "'"))


def straight(text: str) -> str:
    """``text`` with its curly apostrophes as straight ones, as :func:`lower` reads them
    (patterns are written with straight ones; real mail has both)."""
    return text.translate(_STRAIGHT)


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
        source = "|".join(f"(?:{lowered(p)})" for p in patterns)
        self._source = source
        #: the same list for RE2 over ASCII twins (None: RE2 cannot read it)
        self.fast = _fast_regex(source)
        self.fast_source: str | None = None if self.fast is None else _twin_pattern(source)
        #: for a list RE2 cannot read: the same without lookarounds, a gate RE2 can read
        self._gate = None if self.fast is not None else _fast_regex(without_lookarounds(source))
        self.gate_source: str | None = (
            None if self._gate is None else _twin_pattern(without_lookarounds(source))
        )

    # The two below are made when first needed: most lists are only ever searched by RE2 (or
    # only through the cue book's sets), and compiling and parsing every list with ``re`` at
    # start-up cost about 50 ms of each short run.

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The list for ``re``: texts with no ASCII twin, lists RE2 cannot read."""
        return re.compile(self._source)

    @cached_property
    def literals(self) -> tuple[str, ...] | None:
        """Literals one of which every match contains (None: no prefilter)."""
        each = [required_literals(lowered(p)) for p in self.patterns]
        if not all(each):
            return None
        return tuple(dict.fromkeys(x for req in each if req for x in req))

    def _possible(self, low: str) -> bool:
        if self.literals is None:
            return True
        for literal in self.literals:  # noqa: SIM110 - a generator costs more than the tests
            if literal in low:
                return True
        return False

    def _engine(self, low: str) -> tuple[Any, str | bytes, int]:
        """The engine, the text it reads and where ``re`` may start: where the gate first
        matches, since every match of the list starts where its gate matches (-1: none)."""
        fast = self.fast if self.fast is not None else self._gate
        twin = None if fast is None else _twin_of(low)
        if fast is None or twin is None:
            return self.regex, low, 0
        if self.fast is not None:
            return fast, twin, 0
        first = fast.search(twin)
        return self.regex, low, -1 if first is None else first.start()

    def search(self, low: str) -> Match | None:
        """The first match in lowered text ``low`` (its offsets are offsets in ``low``)."""
        if not self._possible(low):
            return None
        regex, text, start = self._engine(low)
        return None if start < 0 else regex.search(text, start)

    def finditer(self, low: str) -> Iterator[Match]:
        """Every match in lowered text ``low``."""
        if not self._possible(low):
            return iter(())
        regex, text, start = self._engine(low)
        return iter(()) if start < 0 else regex.finditer(text, start)


@lru_cache(maxsize=KEPT_TEXTS)
def _twin_of(low: str) -> bytes | None:
    """:func:`ascii_twin` as ASCII bytes, made once for the many lists searched in one message.
    RE2 reads bytes as they are; given a ``str`` it encodes it and converts every offset back
    at each search (about four times the cost of the search on a message)."""
    twin = ascii_twin(low)
    return None if twin is None else twin.encode("ascii")


class CueBook:
    """Named cue lists searched together: one pass of a few RE2 sets (:data:`SET_LISTS` parts
    each) over a message's ASCII twin tells every list that RE2 reads whether it matches
    (``Cues.search(low) is not None``).

    A list with a lookaround is split in two parts (:func:`book_parts`): its patterns RE2 reads
    go in a set as they are, the others in a set without their lookarounds, as a gate; only
    when the gate matches, and the first part did not, are those few patterns searched with
    ``re``. (Gating the whole list searched all its patterns with ``re`` whenever any of them
    nearly matched: about 8% more of the book's time in a micro-benchmark.)

    A bounded repetition ("[^.!?\\n]{0,60}", "(?:[\\w-]+ ){0,3}") is searched unbounded in the
    sets (:func:`unbounded`, which matches wherever the bounded form does), and the list's own
    engine confirms a hit: a bounded gap makes a set's automaton count characters, and the
    sets' states held about 40% less memory without them (docs/performance.md)."""

    def __init__(self, lists: Mapping[str, Cues], *, set_lists: int = SET_LISTS):
        self.lists = MappingProxyType(dict(lists))
        read: list[tuple[str, str, Cues | None]] = []  # (name, source, check or None: final)
        unread: list[tuple[str, Cues]] = []
        for name, cues in self.lists.items():
            for part in book_parts(cues):
                if part.fast_source is not None:  # a bounded gap is searched unbounded in the
                    gate = unbounded(part.fast_source)  # set, and the part itself confirms it
                    read.append((name, gate, None if gate == part.fast_source else part))
                elif part.gate_source is not None:
                    read.append((name, unbounded(part.gate_source), part))
                else:
                    unread.append((name, part))
        sets = []
        # (name, the part to search with ``re`` when the set's answer is not final), one tuple
        # a set, in its indices' order
        entries: list[tuple[tuple[str, Cues | None], ...]] = []
        for start in range(0, len(read), set_lists):
            group = read[start : start + set_lists]
            shares = -(-len(group) // SET_LISTS)  # a larger set gets a budget to match
            regex_set = re2.Set.SearchSet(_re2_options(SET_MAX_MEM * shares))
            for _, source, _ in group:
                regex_set.Add(source)
            regex_set.Compile()
            sets.append(regex_set)
            entries.append(tuple((name, check) for name, _, check in group))
        self._sets = tuple(zip(sets, entries, strict=True))
        self._unread = tuple(unread)

    def matching(self, low: str) -> frozenset[str]:
        """The names of the lists that match lowered text ``low``."""
        twin = _twin_of(low)
        if twin is None:
            return frozenset(n for n, cues in self.lists.items() if cues.search(low) is not None)
        found: set[str] = set()
        gated: list[tuple[str, Cues]] = []
        for regex_set, entries in self._sets:
            for index in regex_set.Match(twin) or ():
                name, check = entries[index]
                if check is None:
                    found.add(name)
                else:
                    gated.append((name, check))
        for name, part in (*gated, *self._unread):
            if name not in found and part.search(low) is not None:
                found.add(name)
        return frozenset(found)


#: A repetition with an upper bound, "{m,n}".
_BOUNDED = re.compile(r"(?<!\\)\{(\d+),\d+\}")


def unbounded(source: str) -> str:
    """``source`` with every bounded repetition ("{0,60}") unbounded ("{0,}"): a pattern that
    matches wherever ``source`` does, whose automaton needs no count of characters."""
    return _BOUNDED.sub(r"{\1,}", source)


def book_parts(cues: Cues) -> tuple[Cues, ...]:
    """``cues`` as the cue book searches it: whole when RE2 reads it, else its patterns RE2
    reads (lowered, each alone) and the others, each part a :class:`Cues` of its own (a part
    matches where one of its patterns does, so the list matches where a part does)."""
    if cues.fast_source is not None:
        return (cues,)
    plain = [p for p in cues.patterns if _fast_regex(f"(?:{lowered(p)})") is not None]
    rest = [p for p in cues.patterns if p not in plain]
    return tuple(Cues(part) for part in (plain, rest) if part)

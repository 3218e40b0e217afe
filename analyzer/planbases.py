"""Where a vague phrase's basis and sentence lie in the message: the words around a phrase
that the question plan builds on.

A comparison, fit phrase or gap often names what it is about in its own clause ("candidates
whose skills and experience more closely align"); :func:`basis` reads that name with the
basis nouns of ``bases`` in ``templates/plan.json``. :func:`sentence_of` and
:func:`between_marks` give the sentence or clause around a phrase;
:func:`impression_answered` tells an impression whose sentence says what it is.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from .cues import Cues, lower
from .planwords import plan_settings
from .quotes import ends_on_function_word
from .report import Finding, TextSpan


@lru_cache(maxsize=1)
def _bases() -> dict[str, Any]:
    return dict(plan_settings()["bases"])


#: What ends a sentence, and a clause, for the plan's look at the words around a phrase.
SENTENCE_MARKS, CLAUSE_MARKS = ".!?\n", ".!?\n,;:"


def between_marks(message: str, start: int, end: int, marks: str) -> tuple[int, int]:
    """Where the stretch of ``message`` around ``message[start:end]`` that holds none of
    ``marks`` begins and ends."""
    head = max(message.rfind(mark, 0, start) for mark in marks) + 1
    tails = [i for i in (message.find(mark, end) for mark in marks) if i >= 0]
    return head, min(tails, default=len(message))


def sentence_of(message: str, start: int, end: int) -> str:
    """The sentence of ``message`` around ``message[start:end]``."""
    head, tail = between_marks(message, start, end, SENTENCE_MARKS)
    return message[head:tail]


@lru_cache(maxsize=1)
def basis_reader() -> tuple[re.Pattern[str], tuple[tuple[str, str], ...], re.Pattern[str]]:
    """The pattern of a basis noun (with an optional modifier) over a lowered clause, each
    noun's name and topic by group, and the words that make a noun what was reviewed."""
    bases = _bases()
    nouns = "|".join(f"(?P<n{i}>{n['words']})" for i, n in enumerate(bases["nouns"]))
    mod = r"(?:[a-z]*\d[a-z\d-]* )?[a-z][a-z-]*[a-z]"  # "b2b saas": a word with a digit first
    pattern = re.compile(rf"(?:(?<![\w-])(?P<mod>{mod}) )?\b(?:{nouns})\b")
    names = tuple((str(n["name"]), str(n["topic"])) for n in bases["nouns"])
    return pattern, names, re.compile(bases["not_basis"])


@lru_cache(maxsize=1)
def _basis_nouns() -> re.Pattern[str]:
    """The basis nouns alone, as :func:`basis_reader`'s pattern reads them."""
    nouns = "|".join(f"(?:{n['words']})" for n in _bases()["nouns"])
    return re.compile(rf"\b(?:{nouns})\b")


def basis_matches(low: str) -> Iterator[re.Match[str]]:
    """The matches of :func:`basis_reader`'s pattern in ``low``, as ``finditer`` gives them,
    read only around the basis nouns: the pattern's optional modifier has it try a word at
    every position of a message (about 0.1 ms), while the nouns alone are quick to find.

    A match is a noun and maybe the word or two before it ("b2b saas experience"), so it lies
    between the space before those words and the noun's end; the stretches of text that hold
    no noun hold no match.
    """
    pattern = basis_reader()[0]
    stretches: list[list[int]] = []
    for noun in _basis_nouns().finditer(low):
        word = low.rfind(" ", 0, max(0, noun.start() - 1))
        start = low.rfind(" ", 0, max(0, word)) + 1
        if stretches and start <= stretches[-1][1]:
            stretches[-1][1] = noun.end()
        else:
            stretches.append([start, noun.end()])
    for start, end in stretches:
        yield from pattern.finditer(low, start, end)


def clause_of(message: str, start: int, end: int) -> tuple[str, int, int]:
    """The clause of ``message`` up to ``message[start:end]`` (from the clause mark before it
    to the one after it), and where in it the window of the ``reach`` of ``bases`` either side
    of the phrase starts and ends."""
    before, after = _bases()["reach"]
    head, tail = between_marks(message, start, end, CLAUSE_MARKS)
    window = max(0, start - int(before) - head), min(tail, end + int(after)) - head
    return message[head:tail], *window


def basis(finding: Finding, message: str) -> tuple[str, str] | None:
    """What the comparison, fit phrase or gap is about, in the message's words ("skills and
    experience", "leadership experience") and its topic, when its clause names it."""
    if not message or message[finding.start : finding.end] != finding.text:
        return None
    pattern, nouns, review = basis_reader()
    not_modifiers = frozenset(_bases()["not_modifiers"])
    names: list[str] = []
    topic = None
    text, first, last = clause_of(message, finding.start, finding.end)
    clause = lower(text)
    for match in pattern.finditer(clause, first, last):
        if review.search(clause, 0, match.start()) is not None:
            continue  # "we reviewed your background": what was read, not the basis
        group = next(i for i in range(len(nouns)) if match.group(f"n{i}") is not None)
        name = nouns[group][0]
        if match.group("mod") and match.group("mod") not in not_modifiers:
            name = f"{text[match.start('mod') : match.end('mod')]} {name}"  # "Jamf", not "jamf"
        if name not in names:
            names.append(name)
        topic = topic or nouns[group][1]
    if topic is None:
        return None
    return f"{', '.join(names[:-1])} and {names[-1]}" if len(names) > 1 else names[0], topic


@dataclass(frozen=True)
class _PointRules:
    """How a note's named point is read (``main_point`` or ``weak_point`` in
    ``templates/plan.json``): its patterns, its most words, the words it may not hold or open
    with, the adverbs left out before and after it and the judging words cut from its start."""

    patterns: tuple[tuple[Cues, int], ...]  # each with its group ``point``'s number
    most: int
    banned: frozenset[str]
    not_first: frozenset[str]
    leads: frozenset[str]
    cut: re.Pattern[str] | None
    trails: frozenset[str] = frozenset()
    empty: frozenset[str] = frozenset()  # points that name nothing on their own ("the answer")


@lru_cache(maxsize=2)
def _point_rules(key: str) -> _PointRules:
    settings = plan_settings()[key]
    cut = settings.get("lead_cut")
    point = settings.get("point", "{point}")  # the group and its end, written once
    sources = [
        p.replace("{point}", point) for p in (*settings["after"], *settings.get("before", ()))
    ]
    return _PointRules(
        patterns=tuple((Cues([p]), re.compile(p).groupindex["point"]) for p in sources),
        most=int(settings["max_words"]),
        banned=frozenset(settings["not_words"]),
        not_first=frozenset(settings.get("not_first", ())),
        leads=frozenset(settings.get("lead_words", ())),
        trails=frozenset(settings.get("trail_words", ())),
        empty=frozenset(settings.get("empty_points", ())),
        cut=re.compile(cut, re.I) if cut else None,
    )


def main_point(message: str) -> str | None:
    """The point a feedback note names as its main one, in the note's own words ("The main
    thing was speed, really": "speed"), or ``None`` when no pattern of ``main_point`` reads a
    short, clean point (1 to ``max_words`` words, none of ``not_words``, no digit, not ending
    on a function word)."""
    return _named_point(message, "main_point")


def weak_point(message: str) -> str | None:
    """The point a feedback note says fell short, in its own words ("Where we had doubts was
    around testing": "testing"), read as :func:`main_point` reads a main point, with the
    patterns of ``weak_point``."""
    return _named_point(message, "weak_point")


def _named_point(message: str, key: str) -> str | None:
    """The first point of the message, by where it starts, that a pattern of ``key`` reads
    as a short, clean point."""
    rules = _point_rules(key)
    low = lower(message)
    spans = sorted(  # behind literals and RE2: re tried every position of a message (0.3 ms
        match.span(group)  # a note)
        for pattern, group in rules.patterns
        for match in pattern.finditer(low)
    )
    for start, end in spans:
        text = message[start:end]
        judged = rules.cut.match(text) if rules.cut is not None else None
        named = text[judged.end() if judged else 0 :].split()  # "the panel felt | the ..."
        while len(named) > 1 and named[0].lower() in rules.leads:  # "mostly the ..."
            named = named[1:]
        while len(named) > 1 and named[-1].lower() in rules.trails:  # "... case studies
            named = named[:-1]  # also [felt thin]"
        point = " ".join(named)
        said = lower(point).split()
        if not 1 <= len(said) <= rules.most or not rules.banned.isdisjoint(said):
            continue
        if said[0] in rules.not_first:  # "for us was mostly on ...": read past its cue
            continue
        if " ".join(w for w in said if w not in _DETERMINERS) in rules.empty:  # "the answer"
            continue
        if any(ch.isdigit() for ch in point) or ends_on_function_word(point):
            continue
        return point[0].lower() + point[1:] if point[1:2].islower() else point
    return None


#: Words before a point's noun that do not name it ("the answer", "your answers").
_DETERMINERS = frozenset({"the", "your", "my", "this", "that", "a", "an"})


def impression_answered(message: str, start: int, end: int, specific: Sequence[TextSpan]) -> bool:
    """Whether the sentence an impression at ``message[start:end]`` opens says what the
    impression is (``lead_in.answered`` in ``plan.json``): a concrete point after it in the same
    sentence (one of ``specific``), or praise with no criticism ("the panel thought your
    presentation was well structured")."""
    _, tail = between_marks(message, start, end, SENTENCE_MARKS)
    if any(end <= s.start < tail for s in specific):
        return True
    after = message[end:tail].lower().replace("\u2019", "'")
    said = set(re.findall(r"[a-z]+", after)) | ({"n't"} if "n't" in after else set())
    answered = plan_settings()["lead_in"]["answered"]
    return bool(said & set(answered["praise"])) and not said & set(answered["criticism"])

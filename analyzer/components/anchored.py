"""A token-pattern matcher that only runs a pattern where its required words occur.

spaCy's :class:`~spacy.matcher.Matcher` starts every pattern at every token and checks ``IN``
sets in Python, so its cost grows with patterns x tokens even when a sentence holds none of the
words a pattern needs. Most sentences of an email hold none: "Thank you for applying" cannot
match a pattern that requires "candidate" and "decide". :class:`AnchoredMatcher` reads from each
pattern the words its required tokens accept (``ORTH``/``LOWER``/``LEMMA``/``NORM`` values and
``IN`` lists of tokens that are not optional) and runs that pattern, with its own ``Matcher``, only
over the sentences that contain at least one accepted word for every required token, and, when
the pattern's length is bounded, only on the tokens a match can hold around its indexed word.
Patterns with no such words run everywhere.

Matches are the same as ``Matcher`` gives for matches inside one sentence; a match never crosses
a sentence boundary (the analyzer's patterns describe phrases, which do not).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER, NORM, ORTH, SENT_START
from spacy.lang.en.stop_words import STOP_WORDS
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.vocab import Vocab

from .sentences import sentence_bounds

#: Token attributes whose values can anchor a pattern (spaCy's key, with its alias TEXT).
_WORD_ATTRS = MappingProxyType(
    {"ORTH": ORTH, "TEXT": ORTH, "LOWER": LOWER, "LEMMA": LEMMA, "NORM": NORM}
)

#: The largest string hash: the last of the index's words, whatever the patterns.
_LARGEST = int(numpy.iinfo(numpy.uint64).max)


@dataclass(frozen=True)
class _Entry:
    key: str
    matcher: Matcher
    #: One set of string hashes per required token: a sentence must hold a word of each.
    anchors: tuple[frozenset[int], ...]
    #: For each anchor, the most tokens a match can hold before and after the token that
    #: holds the anchor's word, or ``None`` when unbounded (``*``, ``+``, ``{n,}``).
    reaches: tuple[tuple[int, int] | None, ...]


class AnchoredMatcher:
    """Match token patterns sentence by sentence, skipping sentences a pattern cannot match.

    The interface is the part of :class:`~spacy.matcher.Matcher` the analyzer's components use:
    :meth:`add`, :meth:`remove`, ``len()``, ``in`` and calling it on a ``Doc`` or ``Span`` for
    ``(match_id, start, end)`` tuples, sorted by position.
    """

    def __init__(self, vocab: Vocab, *, validate: bool = False) -> None:
        self.vocab = vocab
        self.validate = validate
        self._entries: list[_Entry] = []
        self._columns: set[int] = set()  # the attributes the anchors' words come from
        self._stop_ids = frozenset(vocab.strings.add(w) for w in STOP_WORDS)
        # Each distinct anchor is a bit of a Python int: a word's mask holds the bits of the
        # anchors that accept it, an entry's need mask the bits of all its anchors. Entries are
        # keyed by the bit of their most selective anchor; entries with none run everywhere.
        self._everywhere: list[int] = []
        self._needs: list[int] = []  # each entry's need mask
        self._reach: list[tuple[int, int] | None] = []  # of each entry's keyed anchor
        self._keyed: dict[int, list[int]] = {}  # entries by the bit of their keyed anchor
        self._key_bits = 0  # the bits that key an entry
        self._index_words = numpy.zeros(0, dtype=numpy.uint64)  # anchors' words, sorted
        self._word_masks: list[int] = []  # each word's mask, in the order of _index_words
        self._stale = False  # patterns changed since the index was built

    def __len__(self) -> int:
        """The number of match keys."""
        return len({entry.key for entry in self._entries})

    def __contains__(self, key: str) -> bool:
        """Whether patterns were added under ``key``."""
        return any(entry.key == key for entry in self._entries)

    def add(self, key: str, patterns: Sequence[list[dict[str, Any]]]) -> None:
        """Add token ``patterns`` under the match key ``key``."""
        for pattern in patterns:
            matcher = Matcher(self.vocab, validate=self.validate)
            matcher.add(key, [pattern])
            anchors, reaches = self._anchors(pattern)
            self._entries.append(_Entry(key, matcher, anchors, reaches))
        self._stale = True  # rebuilt on the next match: components add patterns one by one

    def remove(self, key: str) -> None:
        """Remove every pattern added under ``key``.

        Raises:
            KeyError: no pattern has this key.
        """
        if key not in self:
            raise KeyError(key)
        self._entries = [entry for entry in self._entries if entry.key != key]
        self._stale = True

    def _reindex(self) -> None:
        self._stale = False
        self._everywhere, self._reach, self._keyed, self._needs = [], [], {}, []
        bits: dict[frozenset[int], int] = {}  # each distinct anchor's bit
        for entry in self._entries:
            for anchor in entry.anchors:
                bits.setdefault(anchor, len(bits))
        for i, entry in enumerate(self._entries):
            self._needs.append(sum(1 << bits[anchor] for anchor in set(entry.anchors)))
            if not entry.anchors:
                self._everywhere.append(i)
                self._reach.append(None)
                continue
            rarest = min(
                range(len(entry.anchors)), key=lambda j: self._commonness(entry.anchors[j])
            )
            self._reach.append(entry.reaches[rarest])
            self._keyed.setdefault(bits[entry.anchors[rarest]], []).append(i)
        self._key_bits = sum(1 << bit for bit in self._keyed)
        by_word: dict[int, int] = {_LARGEST: 0}  # a search never runs past the end
        for anchor, bit in bits.items():
            for word in anchor:
                by_word[word] = by_word.get(word, 0) | 1 << bit
        self._index_words = numpy.array(sorted(by_word), dtype=numpy.uint64)
        self._word_masks = [by_word[word] for word in self._index_words.tolist()]

    def _commonness(self, anchor: frozenset[int]) -> tuple[int, int]:
        """How often a sentence holds one of ``anchor``'s words, roughly: stop words first."""
        stop = self._stop_ids
        return sum(1 for word in anchor if word in stop), len(anchor)

    def __call__(self, doclike: Doc | Span, **_: Any) -> list[tuple[int, int, int]]:
        """All matches of all patterns in ``doclike``, as ``(match_id, start, end)``.

        Offsets are relative to ``doclike``, as :class:`~spacy.matcher.Matcher` gives them.
        Keyword arguments of ``Matcher.__call__`` (``allow_missing`` and so on) are accepted
        and ignored: annotations the patterns need are checked by each inner matcher.
        """
        if not self._entries or len(doclike) == 0:
            return []
        doc = doclike.doc if isinstance(doclike, Span) else doclike
        offset = doclike.start if isinstance(doclike, Span) else 0
        found: set[tuple[int, int, int]] = set()
        entries = self._entries
        for begin, end, i in self._windows(doc, offset, offset + len(doclike)):
            shift = begin - offset
            matches = entries[i].matcher(doc[begin:end])
            found.update((m, s + shift, e + shift) for m, s, e in matches)
        return sorted(found, key=lambda match: (match[1], match[2], match[0]))

    def _windows(self, doc: Doc, start: int, end: int) -> Iterator[tuple[int, int, int]]:
        """``(start, end, entry)``: the token ranges of ``doc[start:end]`` where an entry may
        match, for each entry that may match there.

        An entry may match in a sentence that holds a word of each of its anchors (entries
        without anchors: in every sentence). A match holds a word of the entry's keyed anchor,
        so when the pattern's length is bounded, only the tokens a match can hold before and
        after the token of that word need looking at.

        The anchors' words are looked up in the whole Doc at once; the words found in a
        sentence are folded into one mask of the anchors it holds, and only the entries keyed
        by one of those anchors are checked against it.
        """
        if self._stale:
            self._reindex()
        columns = sorted(self._columns)
        array = doc.to_array([SENT_START, *columns]).reshape(len(doc), -1)[start:end]
        bounds = sentence_bounds(array[:, 0])
        for i in self._everywhere:
            for number in range(len(bounds) - 1):
                yield start + bounds[number], start + bounds[number + 1], i
        values = array[:, 1:]
        if not len(values) or not self._key_bits:
            return
        # found with array operations: turning every hash into a Python int costs more.
        # The words end with the largest hash, so every position found is a word's.
        words, masks = self._index_words, self._word_masks
        at = numpy.searchsorted(words, values)
        tokens, columns_at = numpy.nonzero(words[at] == values)
        number, next_start, held = 0, bounds[1], 0
        found: list[tuple[int, int]] = []  # the sentence's (token, mask)
        for token, row in zip(tokens.tolist(), at[tokens, columns_at].tolist(), strict=True):
            if token >= next_start:  # tokens come in order: so do their sentences
                if held:
                    yield from self._in_sentence(held, found, bounds[number], next_start, start)
                while token >= next_start:
                    number += 1
                    next_start = bounds[number + 1]
                held, found = 0, []
            mask = masks[row]
            held |= mask
            found.append((token, mask))
        if held:
            yield from self._in_sentence(held, found, bounds[number], next_start, start)

    def _in_sentence(
        self, held: int, found: list[tuple[int, int]], begin: int, stop: int, start: int
    ) -> Iterator[tuple[int, int, int]]:
        """The windows of one sentence (tokens ``begin:stop``) that holds the anchors in mask
        ``held``, found on the ``(token, mask)`` of ``found``."""
        keys = held & self._key_bits
        while keys:
            low = keys & -keys
            keys ^= low
            bit = low.bit_length() - 1
            for i in self._keyed[bit]:
                need = self._needs[i]
                if held & need != need:
                    continue
                reach = self._reach[i]
                if reach is None:
                    yield start + begin, start + stop, i
                    continue
                keyed = [token for token, mask in found if mask & low]
                for a, b in _around(keyed, reach, begin, stop):
                    yield start + a, start + b, i

    def _anchors(
        self, pattern: Sequence[dict[str, Any]]
    ) -> tuple[tuple[frozenset[int], ...], tuple[tuple[int, int] | None, ...]]:
        """The pattern's anchors (the words of each required token) and their reaches."""
        anchors, reaches = [], []
        strings = self.vocab.strings
        for k, token in enumerate(pattern):
            if not _required(token.get("OP")):
                continue
            for name, value in token.items():
                attr = _WORD_ATTRS.get(name.upper())
                words = None if attr is None else _accepted(value)
                if attr is not None and words is not None:
                    anchors.append(frozenset(strings.add(word) for word in words))
                    reaches.append(_reach(pattern, k))
                    self._columns.add(attr)
        return tuple(anchors), tuple(reaches)


def _required(op: str | None) -> bool:
    """Whether a token with quantifier ``op`` must match at least once."""
    if op in (None, "1", "+"):
        return True
    if op in ("?", "*", "!"):
        return False
    low = op.strip("{}").split(",")[0]
    return bool(low) and int(low) >= 1


def _accepted(value: Any) -> list[str] | None:
    """The words an attribute value accepts, or ``None`` when it is not a plain set of words."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict) and isinstance(value.get("IN"), list):
        words = value["IN"]
        return words if all(isinstance(w, str) for w in words) else None
    return None


def _most(token: dict[str, Any]) -> int | None:
    """The most doc tokens a pattern token can match, or ``None`` when there is no bound."""
    op = token.get("OP")
    if op in (None, "1", "!", "?"):
        return 1
    if op in ("*", "+"):
        return None
    high = op.strip("{}").split(",")[-1]  # "{n}", "{n,m}", "{,m}", "{n,}"
    return int(high) if high else None


def _longest(pattern: Iterable[dict[str, Any]]) -> int | None:
    """The most tokens ``pattern`` can match, or ``None`` when there is no bound."""
    most = [_most(token) for token in pattern]
    return None if None in most else sum(most)  # type: ignore[arg-type]


def _reach(pattern: Sequence[dict[str, Any]], k: int) -> tuple[int, int] | None:
    """The most tokens a match of ``pattern`` holds before and after a token that pattern
    token ``k`` matched (``None`` when unbounded): a repeated token may be any of its
    repeats."""
    before, here, after = (_longest(pattern[:k]), _most(pattern[k]), _longest(pattern[k + 1 :]))
    if before is None or here is None or after is None:
        return None
    return before + here - 1, after + here - 1


def _around(
    tokens: Iterable[int], reach: tuple[int, int], begin: int, stop: int
) -> Iterator[tuple[int, int]]:
    """The token ranges within ``begin:stop`` that hold every token at most ``reach[0]``
    tokens before or ``reach[1]`` tokens after one of ``tokens`` (sorted, overlapping ranges
    merged)."""
    low = high = -1
    before, after = reach
    for token in sorted(tokens):
        a, b = max(begin, token - before), min(stop, token + after + 1)
        if a < high:
            high = max(high, b)
            continue
        if high > low:
            yield low, high
        low, high = a, b
    if high > low:
        yield low, high

"""Turn spaCy Docs and sentences into the strings the sklearn pipelines read.

A feature string has two parts joined by :data:`SEP`: the lower-cased lemmas plus rule-cue
tokens (``__vague_decision_formula__``, ``__policy_declines__``, ``__spec_skill__``), then the
lower-cased text. :func:`lemma_part` and :func:`text_part` pick them apart for the vectorizers.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from itertools import compress, pairwise
from typing import TYPE_CHECKING

from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LEMMA, LENGTH, LOWER, SENT_START

from ..components.sentences import sentence_bounds
from ..strings import Strings

if TYPE_CHECKING:
    from spacy.tokens import Doc

SEP = "\x1f"
#: A feature string's two parts as the word lists they were joined from: ``(lemma words and
#: cue tokens, lower-cased words)``, each what splitting that part again would give. The n-gram
#: readers take them instead of splitting the string again.
Words = tuple[list[str], list[str]]
#: doc.spans keys whose labels become cue tokens, with the token prefix.
CUE_KEYS: tuple[tuple[str, str], ...] = (
    ("vague", "vague"),
    ("policy", "policy"),
    ("specific_cues", "spec"),
)


@dataclass(frozen=True)
class Sentence:
    """A sentence of a Doc with its character offsets, feature string and the string's word
    lists (:data:`Words`), when kept."""

    start: int
    end: int
    features: str
    words: Words | None = None


def lemma_part(value: str) -> str:
    """The lemma-and-cue half of a feature string (a vectorizer preprocessor)."""
    return value.split(SEP, 1)[0]


def sentence_opener(value: str) -> str:
    """The first lemma of a sentence's feature string (what conditional openers are read from)."""
    return value.split(" ", 1)[0].split(SEP, 1)[0]


def sentence_end(value: str) -> str:
    """The last character of a sentence's feature string's text (``?`` for a question)."""
    return value[-1:]


def text_part(value: str) -> str:
    """The lower-cased text half of a feature string (a vectorizer preprocessor)."""
    return value.split(SEP, 1)[-1]


def kept_part(preprocessor: Callable[[str], str]) -> int | None:
    """Which of a feature string's kept word lists (:data:`Words`) is the split of what
    ``preprocessor`` picks out of it; ``None`` for any other preprocessor."""
    if preprocessor is lemma_part:
        return 0
    if preprocessor is text_part:
        return 1
    return None


class _Cues:
    """The rule-cue tokens of a Doc, found by token range in logarithmic time.

    Reading ``doc.spans`` builds new Span objects every time, so the cues are collected once
    per Doc; a sentence then looks up only the cues that can overlap it.
    """

    def __init__(self, doc: Doc):
        found = sorted(
            (span.start, span.end, f"__{prefix}_{span.label_.lower()}__")
            for key, prefix in CUE_KEYS
            for span in doc.spans.get(key, [])
        )
        self._starts = [start for start, _, _ in found]
        self._found = found
        self._longest = max((end - start for start, end, _ in found), default=0)

    def within(self, start: int, end: int) -> list[str]:
        """The cues of the spans overlapping tokens ``start:end``, sorted."""
        first = bisect_left(self._starts, start - self._longest)
        last = bisect_left(self._starts, end)
        return sorted(cue for s, e, cue in self._found[first:last] if s < end and e > start)


class Tokens:
    """A Doc's tokens as plain lists (lemma, lower-case text, offsets), read in one array,
    and its rule cues.

    Building a ``Token`` object per token costs more than the features themselves.
    """

    def __init__(self, doc: Doc, strings: Strings | None = None):
        if strings is None or strings.store is not doc.vocab.strings:
            strings = Strings(doc.vocab.strings)
        columns = [IDX, LENGTH, LOWER, LEMMA, IS_SPACE, IS_PUNCT, SENT_START]
        array = doc.to_array(columns).reshape(len(doc), len(columns))
        idx, length, lowers, lemmas, space, punct = array[:, :-1].T.tolist()
        self.idx, self.length, self.space, self.punct = idx, length, space, punct
        self.lowers = list(map(strings.text.__getitem__, lowers))
        lowered = map(strings.lowered.__getitem__, lemmas)  # "" where a token has no lemma
        self.lemmas = [lemma or low for lemma, low in zip(lowered, self.lowers, strict=True)]
        self.bounds = sentence_bounds(array[:, -1])
        # the words (tokens that are not whitespace), with their lemmas and texts
        keep = [not s for s in space]
        self.word_ids = list(compress(range(len(keep)), keep))
        self.word_lemmas = list(compress(self.lemmas, keep))
        self.word_lowers = list(compress(self.lowers, keep))
        self.cues = _Cues(doc)  # read once for the message and its sentences
        #: Whether every word's lemma and text, and every cue, is whole: non-empty and free of
        #: whitespace, so that a feature string split again gives back its pieces. Settled by
        #: :func:`message_features`; until then (``None``) no word lists are kept.
        self.whole: bool | None = None

    def word_range(self, start: int, end: int) -> tuple[int, int]:
        """Where the words of tokens ``start:end`` are in ``word_ids`` (and the other word
        lists): ``word_ids[a:b]`` for the returned ``(a, b)``."""
        ids = self.word_ids
        return bisect_left(ids, start), bisect_left(ids, end)

    def sentences(self) -> Iterator[tuple[int, int]]:
        """``(start, end)`` token ranges of the sentences."""
        yield from pairwise(self.bounds)


def _featurize(
    tokens: Tokens, lemmas: list[str], lowers: list[str], cues: list[str], *, check: bool = False
) -> tuple[str, Words | None]:
    lemmas = [*lemmas, *cues]
    value = " ".join(lemmas) + SEP + " ".join(lowers)
    if check:  # split again, the string gives back its pieces only when each is whole
        tokens.whole = lemma_part(value).split() == lemmas and text_part(value).split() == lowers
    return value, (lemmas, lowers) if tokens.whole else None


def message_features(doc: Doc, tokens: Tokens | None = None) -> tuple[str, Words | None]:
    """The feature string of a whole message, with its word lists when they are kept
    (``tokens``: the Doc's, if already read).

    Making it settles ``tokens.whole``: this string holds every piece that the Doc's sentence
    feature strings hold, so when splitting it gives back its pieces, all of theirs are whole.
    """
    tokens = Tokens(doc) if tokens is None else tokens
    cues = tokens.cues.within(0, len(doc))
    return _featurize(tokens, tokens.word_lemmas, tokens.word_lowers, cues, check=True)


def doc_features(doc: Doc, tokens: Tokens | None = None) -> str:
    """The feature string of a whole message (``tokens``: the Doc's, if already read)."""
    return message_features(doc, tokens)[0]


def sentences(doc: Doc, tokens: Tokens | None = None) -> Iterator[Sentence]:
    """The Doc's sentences that hold a word, with offsets trimmed to their tokens
    (``tokens``: the Doc's, if already read)."""
    tokens = Tokens(doc) if tokens is None else tokens
    cues = tokens.cues
    punct = tokens.punct.__getitem__
    for start, end in tokens.sentences():
        a, b = tokens.word_range(start, end)
        words = tokens.word_ids[a:b]
        if all(map(punct, words)):  # no word but punctuation (or no word at all)
            continue
        first, last = words[0], words[-1]
        lemmas, lowers = tokens.word_lemmas[a:b], tokens.word_lowers[a:b]
        value, kept = _featurize(tokens, lemmas, lowers, cues.within(start, end))
        yield Sentence(tokens.idx[first], tokens.idx[last] + tokens.length[last], value, kept)

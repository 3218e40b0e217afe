"""Sentence boundaries for email text.

Emails break sentences with punctuation and with layout: a greeting on its own line, a bullet
list, a sign-off. Hard-wrapped paragraphs, on the other hand, break lines in mid-sentence. This
component sets ``is_sent_start`` from both signals and needs no statistical model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import IDX, IS_PUNCT, IS_SPACE, LIKE_NUM, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.tokens import Doc

from ..cues import BULLETS
from ..strings import Strings
from .batching import BatchedPipe

_FINAL_CHARS = ".!?…"
_CLOSERS = frozenset({'"', "'", ")", "]", "”", "’", "»"})


class EmailSentencizer(BatchedPipe):
    """Split a Doc into sentences using punctuation and line layout.

    A newline starts a new sentence when it is part of a blank line, when the next line starts
    with a bullet or a list number, when the previous line ends in sentence-final punctuation,
    a colon or a semicolon, or when the previous line is at most ``short_line`` characters long
    (a greeting, a sign-off, a signature line).
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "email_sentencizer",
        *,
        short_line: int = 45,
        max_tokens: int = 200,
    ):
        self.name = name
        self.short_line = short_line
        self.max_tokens = max_tokens
        self._strings = Strings(nlp.vocab.strings)

    def __call__(self, doc: Doc) -> Doc:
        starts = self._starts(doc)
        if starts:
            # spaCy's SENT_START: 1 starts a sentence, -1 does not (stored as uint64)
            values = numpy.array([1 if s else -1 for s in starts], dtype="int64")
            doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _starts(self, doc: Doc) -> list[bool]:
        """One flag a token; set all at once, as each ``is_sent_start`` write rescans the Doc.

        Reads the token attributes as columns of one array: creating a ``Token`` object per
        token costs more than the decisions themselves.
        """
        strings = self._strings
        if strings.store is not doc.vocab.strings:
            strings = self._strings = Strings(doc.vocab.strings)
        columns = doc.to_array([IS_SPACE, IS_PUNCT, IDX, ORTH, LIKE_NUM, SPACY])
        spaces, puncts, offsets, orths, numbers, trailing = columns.T.tolist()
        words = list(map(strings.text.__getitem__, orths))
        # ``doc.text`` would build a Token per token; the words and their trailing spaces
        # give the same string.
        text = "".join([w + " " if t else w for w, t in zip(words, trailing, strict=True)])
        starts: list[bool] = []
        pending = True  # the next word token starts a sentence
        run = 0  # tokens since the last sentence start
        for i, (word, space, punct) in enumerate(zip(words, spaces, puncts, strict=True)):
            if space:
                starts.append(False)
                if "\n" in word and self._break_ends_sentence(text, offsets[i], word):
                    pending = True
                continue
            if word in _CLOSERS or (punct and word[0] not in BULLETS):
                starts.append(pending and i == 0)
                # the dot of a list number at the start of a line ("1." in "1. Tests")
                list_number = word == "." and i > 0 and numbers[i - 1] and starts[i - 1]
                if word[-1] in _FINAL_CHARS and not list_number:
                    pending = True
                continue
            # Text with no punctuation at all (a pasted log, one endless line) is cut every
            # ``max_tokens`` tokens, so that per-sentence work stays bounded.
            start = pending or run >= self.max_tokens
            starts.append(start)
            run = 0 if start else run + 1
            pending = word[-1] in _FINAL_CHARS and (len(word) == 1 or bool(punct))
        return starts

    def _break_ends_sentence(self, text: str, idx: int, space: str) -> bool:
        if space.count("\n") >= 2:
            return True
        line_start = text.rfind("\n", 0, idx) + 1
        prev_line = text[line_start:idx].strip()
        after = idx + len(space)
        next_char = text[after : after + 1]
        if not prev_line or prev_line[-1] in _FINAL_CHARS + ":;":
            return True
        if next_char in BULLETS or next_char.isdigit():
            return True
        return len(prev_line) <= self.short_line

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Nothing to save: the component is configured by its factory settings alone."""

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EmailSentencizer:
        """Nothing to load; returns the component unchanged."""
        return self


def sentence_bounds(column: numpy.ndarray) -> list[int]:
    """``[0, start, ..., len(column)]`` from a ``SENT_START`` column as ``Doc.to_array`` gives
    it (1 marks a sentence start; the first token always starts one): consecutive pairs are the
    token ranges of the sentences."""
    bounds = numpy.flatnonzero(column == 1).tolist()
    if not bounds or bounds[0] != 0:
        bounds.insert(0, 0)
    bounds.append(len(column))
    return bounds


@Language.factory("email_sentencizer", default_config={"short_line": 45, "max_tokens": 200})
def make_email_sentencizer(
    nlp: Language, name: str, short_line: int, max_tokens: int
) -> EmailSentencizer:
    """Factory for :class:`EmailSentencizer`."""
    return EmailSentencizer(nlp, name, short_line=short_line, max_tokens=max_tokens)


__all__: list[Any] = ["EmailSentencizer", "make_email_sentencizer"]

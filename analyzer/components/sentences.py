"""Sentence boundaries for email text.

Emails break sentences with punctuation and with layout: a greeting on its own line, a bullet
list, a sign-off. Hard-wrapped paragraphs, on the other hand, break lines in mid-sentence. This
component sets ``is_sent_start`` from both signals and needs no statistical model.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Token

_FINAL_CHARS = ".!?…"
_CLOSERS = frozenset({'"', "'", ")", "]", "”", "’", "»"})
_BULLETS = frozenset("-*•–—·▪►‣◦")


class EmailSentencizer:
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

    def __call__(self, doc: Doc) -> Doc:
        starts = self._starts(doc)
        if starts:
            # spaCy's SENT_START: 1 starts a sentence, -1 does not (stored as uint64)
            values = numpy.array([1 if s else -1 for s in starts], dtype="int64")
            doc.from_array([SENT_START], values.astype("uint64").reshape(-1, 1))  # type: ignore[arg-type]
        return doc

    def _starts(self, doc: Doc) -> list[bool]:
        """One flag a token; set all at once, as each ``is_sent_start`` write rescans the Doc."""
        starts: list[bool] = []
        pending = True  # the next word token starts a sentence
        run = 0  # tokens since the last sentence start
        for token in doc:
            if token.is_space:
                starts.append(False)
                if "\n" in token.text and self._break_ends_sentence(doc.text, token):
                    pending = True
                continue
            if token.text in _CLOSERS or (token.is_punct and token.text[0] not in _BULLETS):
                starts.append(pending and token.i == 0)
                if token.text[-1] in _FINAL_CHARS and not _is_list_number(token, starts):
                    pending = True
                continue
            # Text with no punctuation at all (a pasted log, one endless line) is cut every
            # ``max_tokens`` tokens, so that per-sentence work stays bounded.
            start = pending or run >= self.max_tokens
            starts.append(start)
            run = 0 if start else run + 1
            pending = token.text[-1] in _FINAL_CHARS and (len(token) == 1 or token.is_punct)
        return starts

    def _break_ends_sentence(self, text: str, space: Token) -> bool:
        if space.text.count("\n") >= 2:
            return True
        line_start = text.rfind("\n", 0, space.idx) + 1
        prev_line = text[line_start : space.idx].strip()
        after = space.idx + len(space.text)
        next_char = text[after : after + 1]
        if not prev_line or prev_line[-1] in _FINAL_CHARS + ":;":
            return True
        if next_char in _BULLETS or next_char.isdigit():
            return True
        return len(prev_line) <= self.short_line

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Nothing to save: the component is configured by its factory settings alone."""

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> EmailSentencizer:
        """Nothing to load; returns the component unchanged."""
        return self


def _is_list_number(token: Token, starts: list[bool]) -> bool:
    """True for the dot of a list number at the start of a line ("1." in "1. Tests")."""
    if token.i == 0 or token.text != ".":
        return False
    return token.nbor(-1).like_num and starts[token.i - 1]


@Language.factory("email_sentencizer", default_config={"short_line": 45, "max_tokens": 200})
def make_email_sentencizer(
    nlp: Language, name: str, short_line: int, max_tokens: int
) -> EmailSentencizer:
    """Factory for :class:`EmailSentencizer`."""
    return EmailSentencizer(nlp, name, short_line=short_line, max_tokens=max_tokens)


__all__: list[Any] = ["EmailSentencizer", "make_email_sentencizer"]

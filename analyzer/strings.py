"""The texts of spaCy string ids, each decoded once per process.

A ``StringStore`` look-up decodes the stored bytes and builds a new ``str`` every time; the
components and features read the same few thousand words in every message.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.strings import StringStore


class _Decoded(dict[int, str]):
    def __init__(self, strings: StringStore, form: Callable[[str], str], limit: int):
        super().__init__()
        self._strings, self._form, self._limit = strings, form, limit

    def __missing__(self, key: int) -> str:
        if len(self) >= self._limit:
            self.clear()
        self[key] = text = self._form(self._strings[key]) if key else ""
        return text


class Strings:
    """The texts of string ids (``text``) and their lower-cased forms (``lowered``), each
    decoded once: a ``StringStore`` look-up builds a new ``str`` every time. Only for Docs
    whose vocabulary has this ``store``.

    Args:
        strings: the vocabulary's string store.
        limit: the most ids kept in each table (then it starts afresh).
    """

    def __init__(self, strings: StringStore, limit: int = 200_000):
        self.store = strings
        self.text = _Decoded(strings, str, limit)
        self.lowered = _Decoded(strings, str.lower, limit)

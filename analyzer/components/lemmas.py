"""A lookup lemmatizer that ignores case.

spaCy's lookup lemmatizer looks tokens up as written, and the English table is lower case, so
"Decided" at the start of a sentence or "CV" keep their surface form as lemma and miss every
lemma pattern. This component looks up the lower-cased form and always gives a lower-case lemma.

It keeps its table (word form -> lemma, the English lookup table of ``spacy-lookups-data``) as a
plain dict: spaCy's ``Lookups`` table hashes and Bloom-filters every one of the 40,000 entries
when it is built, which costs more at start-up than all the look-ups of a typical run.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, Token

from .batching import BatchedPipe

#: Lemmas a lemmatizer remembers by lower-case form id; the memo is emptied when full.
MEMO_SIZE = 100_000
TABLE_FILE = "lemma_lookup.json"


class CaselessLemmatizer(BatchedPipe):
    """Set ``token.lemma`` from a lookup table keyed on the lower-cased token.

    Forms missing from the table are their own lemma. A Doc is lemmatized as arrays (lower-case
    form id in, lemma id out, each form looked up once per process) rather than token by token.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "caseless_lemmatizer",
        *,
        overwrite: bool = False,
        table: Mapping[str, str] | None = None,
    ):
        self.name = name
        self.vocab = nlp.vocab
        self.overwrite = overwrite
        self.table: dict[str, str] = dict(table or {})
        self._memo = _Lemmas(self.table, self.vocab.strings)

    def initialize(
        self,
        get_examples: object = None,
        *,
        nlp: object = None,
        table: Mapping[str, str] | None = None,
    ) -> None:
        """Replace the lookup table (``nlp.initialize`` passes nothing: keep the current one)."""
        if table is not None:
            self.table = dict(table)
            self._memo = _Lemmas(self.table, self.vocab.strings)

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token (of those without one, unless ``overwrite``)."""
        if len(doc) == 0:
            return doc
        if self._memo.strings is not doc.vocab.strings:
            self._memo = _Lemmas(self.table, doc.vocab.strings)
        columns: Any = doc.to_array([LOWER, LEMMA]).reshape(len(doc), 2).T.tolist()
        lowers, olds = columns
        lemmas = list(map(self._memo.__getitem__, lowers))
        if not self.overwrite and any(olds):
            lemmas = [old or new for old, new in zip(olds, lemmas, strict=True)]
        column = numpy.array(lemmas, dtype=numpy.uint64).reshape(-1, 1)
        doc.from_array([LEMMA], column)  # type: ignore[arg-type]
        return doc

    def lookup_lemmatize(self, token: Token) -> list[str]:
        """The lemma of one token, as a one-item list (the form spaCy's lemmatizers use)."""
        low = token.lower_
        return [self.table.get(low, low)]

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the table to ``path/lemma_lookup.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / TABLE_FILE).write_text(json.dumps(self.table, ensure_ascii=False), "utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> CaselessLemmatizer:
        """Read the table :meth:`to_disk` wrote."""
        self.initialize(table=json.loads((Path(path) / TABLE_FILE).read_text("utf-8")))
        return self


class _Lemmas(dict[int, int]):
    """Lemma id by lower-case form id, each form looked up in the table once (``MEMO_SIZE``
    forms at most; then it starts afresh)."""

    def __init__(self, table: Mapping[str, str], strings: StringStore):
        super().__init__()
        self.table, self.strings = table, strings

    def __missing__(self, low: int) -> int:
        if len(self) >= MEMO_SIZE:
            self.clear()
        word = self.strings[low]
        self[low] = lemma = self.strings.add(self.table.get(word, word))
        return lemma


@Language.factory(
    "caseless_lemmatizer",
    assigns=["token.lemma"],
    default_config={"overwrite": False},
)
def make_caseless_lemmatizer(nlp: Language, name: str, overwrite: bool) -> CaselessLemmatizer:
    """Factory for :class:`CaselessLemmatizer` (its table comes with ``initialize``)."""
    return CaselessLemmatizer(nlp, name, overwrite=overwrite)

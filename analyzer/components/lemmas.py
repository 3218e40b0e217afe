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

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Token

#: Lemmas a lemmatizer remembers by lower-case form id; the memo is emptied when full.
MEMO_SIZE = 100_000
TABLE_FILE = "lemma_lookup.json"


class CaselessLemmatizer:
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
        self._memo: dict[int, int] = {}  # lower-case form id -> lemma id

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
            self._memo.clear()

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token (of those without one, unless ``overwrite``)."""
        if len(doc) == 0:
            return doc
        memo, table, strings = self._memo, self.table, self.vocab.strings
        forms = doc.to_array([LOWER, LEMMA])
        lemmas = forms[:, 1].copy()
        for i, (low, old) in enumerate(forms.tolist()):
            if old and not self.overwrite:
                continue
            lemma = memo.get(low)
            if lemma is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                word = strings[low]
                lemma = memo[low] = strings.add(table.get(word, word))
            lemmas[i] = lemma
        doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas.reshape(-1, 1)))  # type: ignore[arg-type]
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


@Language.factory(
    "caseless_lemmatizer",
    assigns=["token.lemma"],
    default_config={"overwrite": False},
)
def make_caseless_lemmatizer(nlp: Language, name: str, overwrite: bool) -> CaselessLemmatizer:
    """Factory for :class:`CaselessLemmatizer` (its table comes with ``initialize``)."""
    return CaselessLemmatizer(nlp, name, overwrite=overwrite)

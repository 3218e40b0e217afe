"""A lookup lemmatizer that ignores case.

spaCy's lookup lemmatizer looks tokens up as written, and the English table is lower case, so
"Decided" at the start of a sentence or "CV" keep their surface form as lemma and miss every
lemma pattern. This subclass looks up the lower-cased form and always returns a lower-case
lemma; everything else (tables, initialization, serialization) is spaCy's own.
"""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Doc, Token

#: Lemmas a lemmatizer remembers by lower-case form; the memo is emptied when full.
MEMO_SIZE = 100_000


class CaselessLemmatizer(Lemmatizer):
    """:class:`spacy.pipeline.Lemmatizer` in lookup mode, keyed on the lower-cased token.

    A Doc is lemmatized as arrays (lower-case form in, lemma out, both as string ids, each
    form looked up once per process) rather than token by token; the lemmas are the same.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._memo: dict[int, int] = {}  # lower-case form id -> lemma id

    def __call__(self, doc: Doc) -> Doc:
        """Set the lemma of every token (of those without one, unless ``overwrite``)."""
        if len(doc) == 0:
            return doc
        memo = self._memo
        strings = self.vocab.strings
        table = self.lookups.get_table("lemma_lookup", {})
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
                lemma = memo[low] = strings.add(str(table.get(word, word)))
            lemmas[i] = lemma
        doc.from_array([LEMMA], numpy.ascontiguousarray(lemmas.reshape(-1, 1)))  # type: ignore[arg-type]
        return doc

    def lookup_lemmatize(self, token: Token) -> list[str]:
        table = self.lookups.get_table("lemma_lookup", {})
        low = token.lower_
        return [str(table.get(low, low))]


@Language.factory(
    "caseless_lemmatizer",
    assigns=["token.lemma"],
    default_config={"model": None, "mode": "lookup", "overwrite": False},
)
def make_caseless_lemmatizer(
    nlp: Language, model: None, name: str, mode: str, overwrite: bool
) -> CaselessLemmatizer:
    """Factory for :class:`CaselessLemmatizer` (lookup mode only)."""
    return CaselessLemmatizer(nlp.vocab, model, name, mode=mode, overwrite=overwrite)

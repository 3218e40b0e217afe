"""A lookup lemmatizer that ignores case.

spaCy's lookup lemmatizer looks tokens up as written, and the English table is lower case, so
"Decided" at the start of a sentence or "CV" keep their surface form as lemma and miss every
lemma pattern. This subclass looks up the lower-cased form and always returns a lower-case
lemma; everything else (tables, initialization, serialization) is spaCy's own.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import Lemmatizer
from spacy.tokens import Token


class CaselessLemmatizer(Lemmatizer):
    """:class:`spacy.pipeline.Lemmatizer` in lookup mode, keyed on the lower-cased token."""

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

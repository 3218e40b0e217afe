"""Keep spaCy's tokenizer cache filling for every word of an email.

spaCy's tokenizer keeps the tokens of each whitespace-separated chunk it has split, so a word it
has seen before costs one look-up. But once a text holds a special case (a tokenizer exception:
a line break, "can't", "a.m."), it stops keeping chunks for the rest of that text
(explosion/spaCy#13950). Nearly every email has a line break in its first line, so nearly every
word after it was split by the prefix, suffix and infix rules again in each message: about three
times the cost of the look-up.

:class:`TokenizerWarmer` tokenizes each new chunk once on its own, where nothing precedes it, so
the tokenizer keeps it as it was meant to. The tokens of every text are the same either way
(spaCy's cache holds exactly what the rules give for the chunk; tested).

A chunk of whitespace, on the other hand, is never the same twice (the runs of spaces and line
breaks that HTML mail leaves are of every length), and spaCy's suffix and infix expressions
try every position of it before they find nothing: about 70 microseconds a message in mail
with such runs. :func:`email_tokenizer` is spaCy's tokenizer for the language with those two
searches answering at once for a chunk that is all whitespace (:class:`SkipWhitespace`), where
the expressions never match (tested): the tokens are the same.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokenizer import Tokenizer

#: Chunks longer than this are not warmed: long chunks (links, pasted data) seldom recur.
MAX_CHUNK_CHARS = 40
#: Texts passed through before warming starts: a process that analyzes one message (the cost of
#: warming without the gain) never warms at all.
WARM_AFTER = 1
#: Distinct chunks remembered as warmed; beyond this the memory starts afresh (warming a chunk
#: the tokenizer already keeps costs one look-up).
SEEN_LIMIT = 100_000


class TokenizerWarmer:
    """Tokenize the chunks of a text not seen before, each on its own, before the text itself.

    Args:
        tokenizer: the pipeline's tokenizer (``nlp.tokenizer``).
        max_chunk_chars: the longest chunk warmed.
        seen_limit: the most chunks remembered.
        warm_after: the texts passed through unwarmed first.
    """

    def __init__(
        self,
        tokenizer: Callable[[str], Any],
        *,
        max_chunk_chars: int = MAX_CHUNK_CHARS,
        seen_limit: int = SEEN_LIMIT,
        warm_after: int = WARM_AFTER,
    ):
        self.tokenizer = tokenizer
        self.max_chunk_chars = max_chunk_chars
        self.seen_limit = seen_limit
        self._unwarmed = warm_after  # texts still to pass through unwarmed
        self._seen: set[str] = set()

    def __call__(self, text: str) -> str:
        """Warm the tokenizer for ``text``'s chunks; returns ``text``."""
        if self._unwarmed > 0:
            self._unwarmed -= 1
            return text
        seen, longest = self._seen, self.max_chunk_chars
        fresh = [c for c in dict.fromkeys(text.split()) if c not in seen and len(c) <= longest]
        if not fresh:
            return text
        if len(seen) + len(fresh) > self.seen_limit:
            seen.clear()
        for chunk in fresh:
            self.tokenizer(chunk)
        seen.update(fresh)
        return text


class SkipWhitespace:
    """One of the tokenizer's affix expressions, answering at once for text that is all
    whitespace (in which spaCy's suffix and infix expressions find nothing).

    ``pattern`` is the expression's, so the tokenizer saves and loads it as its own.
    """

    def __init__(self, regex: re.Pattern[str]):
        self.regex = regex
        self.pattern = regex.pattern

    def search(self, text: str) -> re.Match[str] | None:
        """``regex.search(text)``."""
        return None if text.isspace() else self.regex.search(text)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """``regex.finditer(text)``."""
        return iter(()) if text.isspace() else self.regex.finditer(text)


def email_tokenizer(nlp: Language) -> Tokenizer:
    """spaCy's default tokenizer for ``nlp``'s language (as ``spacy.Tokenizer.v1`` builds it),
    its suffix and infix searches wrapped in :class:`SkipWhitespace`; for ``Language``'s
    ``create_tokenizer``, so the special cases are loaded once."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

    defaults = nlp.Defaults
    prefixes, suffixes, infixes = defaults.prefixes, defaults.suffixes, defaults.infixes
    return Tokenizer(
        nlp.vocab,
        rules=defaults.tokenizer_exceptions,
        prefix_search=compile_prefix_regex(prefixes).search if prefixes else None,
        suffix_search=SkipWhitespace(compile_suffix_regex(suffixes)).search if suffixes else None,
        infix_finditer=SkipWhitespace(compile_infix_regex(infixes)).finditer if infixes else None,
        token_match=defaults.token_match,
        url_match=defaults.url_match,
    )

"""Flag comparisons whose basis is never stated ("more qualified", "a stronger candidate").

A comparison is vague when the sentence does not say in what respect the other candidate was
better. "More experience with Kubernetes than the others" names the respect (Kubernetes) and is
left alone; "more qualified" and "better suited to our needs" name none and are flagged.

The lookup lemmatizer is context-free ("more" becomes "much", "better" becomes "well"), so this
component reads comparative words from the lower-cased text and uses lemmas only to recognise
"-er" forms ("stronger" -> "strong").
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from spacy.attrs import IS_ALPHA, LEMMA, LOWER
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from ..labels import VagueType
from ..resources import read_json
from .batching import BatchedPipe

SETTINGS_FILE = ("patterns", "comparatives.json")
LABEL = VagueType.UNANCHORED_COMPARISON.value
#: Word forms whose verdict a component remembers; the memo is emptied when full.
MEMO_SIZE = 100_000


@dataclass(frozen=True)
class _Lexicon:
    analytic: frozenset[str]
    irregular: frozenset[str]
    not_comparative: frozenset[str]
    skip_after: frozenset[str]
    skip_before: frozenset[str]
    stop_phrases: tuple[tuple[str, ...], ...]
    predicative: frozenset[str]
    basis_preps: frozenset[str]
    generic: frozenset[str]
    fit_verbs: frozenset[str]
    window: int
    grounds: frozenset[str]
    attributive_after: frozenset[str]

    @classmethod
    def from_settings(cls, s: dict[str, Any]) -> _Lexicon:
        return cls(
            analytic=frozenset(s["analytic_heads"]),
            irregular=frozenset(s["irregular"]),
            not_comparative=frozenset(s["not_comparative"]),
            skip_after=frozenset(s["skip_after"]),
            skip_before=frozenset(s["skip_before"]),
            stop_phrases=tuple(tuple(p) for p in s["stop_phrases"]),
            predicative=frozenset(s["predicative_before"]),
            basis_preps=frozenset(s["basis_preps"]),
            generic=frozenset(s["generic_objects"]),
            fit_verbs=frozenset(s.get("fit_verbs", ())),
            window=int(s["max_basis_window"]),
            grounds=frozenset(s.get("grounds", {}).get("nouns", ())),
            attributive_after=frozenset(s.get("attributive_after", ())),
        )


def load_lexicon(settings: dict[str, Any] | None = None) -> _Lexicon:
    """The comparison lexicon from ``settings`` (default: the shipped ``comparatives.json``)."""
    return _Lexicon.from_settings(settings if settings is not None else read_json(*SETTINGS_FILE))


def has_stated_basis(span: Span, lex: _Lexicon) -> bool:
    """True when the words right after ``span`` state in what respect it holds.

    "more experience *with Kubernetes*" has a basis; "more experience *with our needs*" and
    "stronger *than the others*" do not: their objects are generic words of the lexicon.
    """
    doc = span.doc
    sent_end = span[-1].sent.end
    limit = min(sent_end, span.end + lex.window)
    for i in range(span.end, limit):
        tok = doc[i]
        if tok.is_punct and tok.text not in {"-", "/"}:
            return False
        if tok.lower_ in lex.basis_preps:
            return _concrete_object(doc, i + 1, sent_end, lex)
    return False


def _concrete_object(doc: Doc, start: int, sent_end: int, lex: _Lexicon) -> bool:
    for tok in doc[start : min(sent_end, start + 5)]:
        if tok.is_punct or tok.is_space:
            return False
        if (tok.is_alpha and not tok.is_stop and tok.lower_ not in lex.generic) or tok.like_num:
            return True
    return False


class UnanchoredComparatives(BatchedPipe):
    """Add an ``unanchored_comparison`` span for every comparison with no stated basis.

    Spans go to ``doc.spans[spans_key]`` next to those of the vague-phrase ruler; the resolver
    decides between overlapping candidates later.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "unanchored_comparatives",
        *,
        spans_key: str = "vague_candidates",
        settings: dict[str, Any] | None = None,
    ):
        self.name = name
        self.spans_key = spans_key
        self.settings = settings if settings is not None else read_json(*SETTINGS_FILE)
        self._lex = _Lexicon.from_settings(self.settings)
        self._memo: dict[tuple[int, int, int], bool] = {}  # (lower, lemma, is_alpha) ids
        # the stop phrases as the string hashes of their words: a Doc's LOWER column compares
        # with them as it is, with no word decoded
        strings = nlp.vocab.strings
        self._stop_phrases = tuple(
            tuple(strings.add(word) for word in phrase) for phrase in self._lex.stop_phrases
        )

    def __call__(self, doc: Doc) -> Doc:
        candidates, lowers = self._candidates(doc)
        found = [
            span
            for i in candidates
            if not self._in_stop_phrase(i, lowers)
            and (span := self._comparison_at(doc[i])) is not None
        ]
        group = list(doc.spans[self.spans_key]) if self.spans_key in doc.spans else []
        doc.spans[self.spans_key] = group + found
        return doc

    # -- recognising a comparative word -------------------------------------------------
    def _candidates(self, doc: Doc) -> tuple[list[int], list[int]]:
        """Indices of the comparative words, read from the token arrays (each form judged once
        per process: a ``Token`` object per token costs more than the test), and the Doc's
        LOWER column (string hashes)."""
        strings, memo = doc.vocab.strings, self._memo
        found = []
        columns: Any = doc.to_array([LOWER, LEMMA, IS_ALPHA]).reshape(-1, 3).T.tolist()
        for i, key in enumerate(zip(*columns, strict=True)):
            known = memo.get(key)
            if known is None:
                if len(memo) >= MEMO_SIZE:
                    memo.clear()
                low, lemma, alpha = key
                known = memo[key] = self._is_comparative(strings[low], strings[lemma], bool(alpha))
            if known:
                found.append(i)
        return found, columns[0]

    def _is_comparative(self, low: str, lemma: str, alpha: bool) -> bool:
        lex = self._lex
        if low in lex.analytic or low in lex.irregular:
            return True
        if not alpha or low in lex.not_comparative or len(low) < 5:
            return False
        lemma = lemma.lower()
        if lemma == low:
            return False
        stems = {lemma + "er", lemma + "r", lemma + lemma[-1:] + "er", lemma[:-1] + "ier"}
        stems |= {lemma + "est", lemma + "st", lemma + lemma[-1:] + "est", lemma[:-1] + "iest"}
        return low in stems

    def _in_stop_phrase(self, i: int, lowers: list[int]) -> bool:
        """Whether token ``i`` is inside one of the stop phrases (``lowers``: the Doc's
        lower-case forms, as string hashes)."""
        low = lowers[i]
        for phrase in self._stop_phrases:
            if low not in phrase:
                continue
            for offset, word in enumerate(phrase):
                start = i - offset
                if (
                    word == low
                    and start >= 0
                    and tuple(lowers[start : start + len(phrase)]) == phrase
                ):
                    return True
        return False

    # -- building the span --------------------------------------------------------------
    def _comparison_at(self, tok: Token) -> Span | None:
        if _a_name(tok, self._lex):  # "hey Tanner thanks": a name, not "more tan"
            return None
        doc = tok.doc
        prev = doc[tok.i - 1] if tok.i > 0 else None
        if prev is not None and prev.lower_ in self._lex.skip_before:
            article = prev.lower_ in {"the", "a"} and tok.lower_ not in self._lex.analytic
            if not article:
                return None
        end = self._extend(tok)
        if end is None:
            return None
        if self._describes_a_thing(tok, end):
            return None
        start = self._start(tok, end)
        if start is None:
            return None
        span = doc[start:end]
        if self._has_basis(span):
            return None
        return Span(doc, start, end, label=LABEL)

    def _content(self, tok: Token) -> bool:
        return tok.is_alpha and not tok.is_stop and tok.lower_ not in self._lex.skip_after

    def _extend(self, tok: Token) -> int | None:
        """End of the comparison: the comparative plus its adverbs and one or two content words."""
        doc = tok.doc
        i = tok.i + 1
        adverbs = 0
        while i < len(doc) and doc[i].lower_.endswith("ly") and doc[i].is_alpha and adverbs < 2:
            i += 1
            adverbs += 1
        words = 0
        while i < len(doc) and words < 2 and self._content(doc[i]) and not doc[i].is_sent_start:
            shouting = tok.text.isupper() and len(tok) > 1
            if doc[i].text[:1].isupper() and not shouting and tok.lower_ in self._lex.analytic:
                return None  # "more Python experience" names its respect
            i += 1
            words += 1
        if not words and adverbs and _opens_clause(tok):
            return None  # "Less concretely, ...", "More broadly, ...": a discourse adverb
        if words or adverbs:
            return i
        return tok.i + 1 if self._standalone_ok(tok) else None

    def _describes_a_thing(self, tok: Token, end: int) -> bool:
        """Whether the comparative describes a thing rather than compares candidates: "more"
        before a plural noun is a quantity ("more drivers", "add more instances"), and a
        comparative adjective after an article or a preposition describes its noun ("a busier
        grill", "the bigger install jobs"), unless a word after it is a ground candidates are
        compared on (the settings' ``grounds``: "a stronger candidate", "more skills")."""
        doc, lex, after = tok.doc, self._lex, tok.i + 1
        if after >= end or doc[after].lower_.endswith("ly") or not self._content(doc[after]):
            return False
        if tok.lower_ in lex.analytic:
            word = doc[after]
            low, lemma = word.lower_, word.lemma_.lower()
            compound = after + 1 < len(doc) and doc[after + 1].text == "-"  # "hands-on"
            return not compound and low != lemma and low.endswith("s") and lemma not in lex.grounds
        before = doc[tok.i - 1].lower_ if tok.i > 0 else ""
        words = doc[after:end]
        return (
            before in lex.attributive_after
            and not any(word.lemma_.lower() in lex.grounds for word in words)
            and not words[-1].lower_.endswith(("ed", "ing"))
        )

    def _standalone_ok(self, tok: Token) -> bool:
        """A bare comparative ("were stronger", "fit the role better") still compares."""
        doc = tok.doc
        if tok.lower_ in self._lex.analytic:
            return False
        before = [t for t in doc[max(tok.sent.start, tok.i - 3) : tok.i] if not t.is_space]
        if before and before[-1].lower_ in self._lex.predicative:
            return True
        if len(before) >= 2 and before[-2].lower_ in self._lex.predicative:
            return True
        return any(t.lemma_ in self._lex.fit_verbs for t in before)

    def _start(self, tok: Token, end: int) -> int | None:
        if end - tok.i > 1 or tok.lower_ in self._lex.analytic:
            return tok.i
        doc = tok.doc
        for j in range(tok.i - 1, max(tok.sent.start, tok.i - 4) - 1, -1):
            if doc[j].lemma_ in self._lex.fit_verbs:
                return j
        return tok.i

    def _has_basis(self, span: Span) -> bool:
        return has_stated_basis(span, self._lex)

    # -- serialization ------------------------------------------------------------------
    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the component's settings to ``path/settings.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "settings.json").write_text(json.dumps(self.settings, indent=1), encoding="utf-8")

    def from_disk(
        self, path: str | Path, *, exclude: tuple[str, ...] = ()
    ) -> UnanchoredComparatives:
        """Read settings written by :meth:`to_disk`."""
        self.settings = json.loads((Path(path) / "settings.json").read_text(encoding="utf-8"))
        self._lex = _Lexicon.from_settings(self.settings)
        return self


@Language.factory(
    "unanchored_comparatives",
    default_config={"spans_key": "vague_candidates", "settings": None},
)
def make_unanchored_comparatives(
    nlp: Language, name: str, spans_key: str, settings: dict[str, Any] | None
) -> UnanchoredComparatives:
    """Factory for :class:`UnanchoredComparatives`."""
    return UnanchoredComparatives(nlp, name, spans_key=spans_key, settings=settings)


def _a_name(tok: Token, lex: _Lexicon) -> bool:
    """Whether ``tok`` is a name that looks like a comparative ("Tanner", "Fuller"): a
    comparative ending written with a capital inside its sentence ("Better" opening one, "MORE"
    in capitals and "more"/"less" themselves are not names)."""
    text = tok.text
    return (
        text[:1].isupper()
        and not text.isupper()
        and not tok.is_sent_start
        and tok.lower_ not in lex.analytic
        and tok.lower_ not in lex.irregular
    )


def _opens_clause(tok: Token) -> bool:
    """Whether ``tok`` opens its sentence or a clause after a punctuation mark."""
    return tok.is_sent_start or (tok.i > 0 and tok.doc[tok.i - 1].is_punct)

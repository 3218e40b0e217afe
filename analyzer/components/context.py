"""The context step: judge a vague-phrase candidate by the sentences around it.

Rules and the span tagger both propose candidates from words close to them; whether a decision
or a comparison is vague depends on what the message says next to it. Two checks, set in
``patterns/context.json``:

- **basis stated nearby**: a decision, comparison or gap whose own sentence or the next one
  holds a concrete cue (a named skill, years, a location, a budget, a pay band) gives its basis,
  and is not vague;
- **opening time phrase**: "at this time" or "right now" that only opens a sentence hedges the
  decision when that sentence holds one, and nothing otherwise.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from spacy.attrs import SENT_START

from ..resources import read_json
from .sentences import sentence_bounds

if TYPE_CHECKING:
    from spacy.tokens import Doc

SETTINGS = ("patterns", "context.json")
#: The Doc's span key whose labels are the concrete cues.
CUES_KEY = "specific_cues"


@dataclass(frozen=True)
class ContextRules:
    """The settings of the context step (see the module docstring)."""

    basis_types: frozenset[str]
    basis_cues: frozenset[str]
    basis_cues_next: frozenset[str]
    time_words: frozenset[str]
    decision_types: frozenset[str]
    opener_lead: frozenset[str]

    @classmethod
    def from_settings(cls, settings: dict[str, Any]) -> ContextRules:
        """The rules of a settings dict shaped like ``context.json``."""
        return cls(
            basis_types=frozenset(settings["basis_types"]),
            basis_cues=frozenset(settings["basis_cues"]),
            basis_cues_next=frozenset(settings["basis_cues_next"]),
            time_words=frozenset(settings["time_words"]),
            decision_types=frozenset(settings["decision_types"]),
            opener_lead=frozenset(settings["opener_lead"]),
        )


def load_context_rules() -> ContextRules:
    """The shipped settings."""
    return ContextRules.from_settings(read_json(*SETTINGS))


def sentence_index(doc: Doc) -> tuple[list[int], list[int]]:
    """The first token of each sentence of ``doc`` (as ``doc.sents`` gives them) and, for each
    token, the number of its sentence, from :func:`~.sentences.sentence_bounds`."""
    if not len(doc):
        return [], []
    bounds = sentence_bounds(doc.to_array(SENT_START))
    sent_of: list[int] = []
    for n in range(len(bounds) - 1):
        sent_of += [n] * (bounds[n + 1] - bounds[n])
    return bounds[:-1], sent_of


class DocContext:
    """What the context step needs of one Doc: each token's sentence and the sentences that
    hold a basis cue, read once."""

    def __init__(
        self, doc: Doc, rules: ContextRules, index: tuple[list[int], list[int]] | None = None
    ):
        self.doc = doc
        self.rules = rules
        self._starts, self._sent_of = sentence_index(doc) if index is None else index
        cues = [
            (self._sent_of[s.start], s.start, {s.label_, s.id_})
            for s in doc.spans.get(CUES_KEY, ())
        ]
        #: the last token at which a basis cue starts, for each sentence that holds one
        self._basis: dict[int, int] = {}
        for n, start, keys in cues:
            if keys & rules.basis_cues:
                self._basis[n] = max(start, self._basis.get(n, start))
        self._basis_next = {n - 1 for n, _, keys in cues if keys & rules.basis_cues_next}

    def sentence(self, token: int) -> int:
        """The number of the sentence token ``token`` is in."""
        return self._sent_of[token]

    def basis_nearby(self, start: int, label: str) -> bool:
        """Whether a candidate of type ``label`` starting at token ``start`` has its basis in
        its own sentence (a cue under ``basis_cues`` after its start: the basis follows what it
        explains) or the next one (``basis_cues_next``); a cue is named by its label or its
        pattern id."""
        if label not in self.rules.basis_types:
            return False
        n = self._sent_of[start]
        return self._basis.get(n, -1) >= start or n in self._basis_next

    def opener_only(self, start: int, end: int, decisions: Iterable[tuple[int, str]]) -> bool:
        """Whether tokens ``start:end`` are a time phrase opening a sentence with no decision
        in it (``decisions``: ``(first token, type)`` of the other candidates)."""
        first = self.doc[start]
        if not (first.is_punct or first.is_space or first.lower_ in self.rules.time_words):
            return False  # most candidates: no time phrase at all
        words = [t for t in self.doc[start:end] if not t.is_punct and not t.is_space]
        if not words or any(t.lower_ not in self.rules.time_words for t in words):
            return False
        n = self._sent_of[start]
        before = self.doc[self._starts[n] : start]
        if any(not (t.is_space or t.lower_ in self.rules.opener_lead) for t in before):
            return False
        return not any(
            self._sent_of[first] == n and label in self.rules.decision_types
            for first, label in decisions
        )


def keep_candidates(
    doc: Doc,
    candidates: list[tuple[int, int, str]],
    rules: ContextRules,
    index: tuple[list[int], list[int]] | None = None,
) -> list[bool]:
    """For each candidate ``(start token, end token, type)`` of ``doc``, whether it survives
    the context step (``index``: :func:`sentence_index` of ``doc``, when already read)."""
    if not candidates:
        return []
    context = DocContext(doc, rules, index)
    decisions = [(s, label) for s, _, label in candidates]
    return [
        not context.basis_nearby(s, label) and not context.opener_only(s, e, decisions)
        for s, e, label in candidates
    ]

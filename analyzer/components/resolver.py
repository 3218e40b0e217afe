"""Decide between overlapping vague-phrase candidates and apply the context rules.

The pattern ruler and the comparatives component both propose candidates. This component keeps
the best non-overlapping ones, drops those the context rules out (see ``resolver.json``) and
writes the result to ``doc.spans["vague"]``.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from ..resources import read_json
from .batching import BatchedPipe
from .comparatives import has_stated_basis, load_lexicon
from .context import ContextRules, keep_candidates, load_context_rules, sentence_index

SETTINGS = ("patterns", "resolver.json")
CUE_KEYS = ("policy", "specific_cues")


class VagueResolver(BatchedPipe):
    """Turn ``doc.spans[candidates_key]`` into the final ``doc.spans[spans_key]``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "vague_resolver",
        *,
        candidates_key: str = "vague_candidates",
        spans_key: str = "vague",
        specific_key: str = "specific",
        settings: dict[str, Any] | None = None,
    ):
        self.name = name
        self.candidates_key = candidates_key
        self.spans_key = spans_key
        self.specific_key = specific_key
        self.settings = read_json(*SETTINGS) if settings is None else settings
        self._lexicon = load_lexicon()
        self._context: ContextRules | None = None

    def __call__(self, doc: Doc) -> Doc:
        candidates = list(doc.spans.get(self.candidates_key, []))
        if not candidates:
            doc.spans[self.spans_key] = []
            return doc
        index = sentence_index(doc)
        cue_labels = self._cue_labels_by_sentence(doc, index[1])
        kept = [c for c in candidates if not self._ruled_out(c, cue_labels, index[1])]
        if self.settings.get("context_step") and kept:
            if self._context is None:
                self._context = load_context_rules()
            found = [(c.start, c.end, c.label_) for c in kept]
            flags = keep_candidates(doc, found, self._context, index)
            kept = [c for c, keep in zip(kept, flags, strict=True) if keep]
        kept = [self._unstranded(span) for span in kept]
        chosen = [self._trimmed(span) for span in self._non_overlapping(kept)]
        if self.settings.get("merge_adjacent_same_type"):
            chosen = _merge_adjacent(chosen)
        doc.spans[self.spans_key] = chosen
        if self.settings.get("drop_specific_overlapping_vague") and self.specific_key in doc.spans:
            doc.spans[self.specific_key] = [
                s for s in doc.spans[self.specific_key] if not _overlaps_any(s, chosen)
            ]
        return doc

    def _cue_labels_by_sentence(self, doc: Doc, sent_of: list[int]) -> dict[int, set[str]]:
        """The cue labels in each sentence (by its number)."""
        labels: dict[int, set[str]] = {}
        for key in CUE_KEYS:
            for span in doc.spans.get(key, []):
                labels.setdefault(sent_of[span.start], set()).add(span.label_)
        return labels

    def _ruled_out(self, span: Span, cue_labels: dict[int, set[str]], sent_of: list[int]) -> bool:
        anchorable = span.id_ in self.settings.get("drop_when_basis_stated", ())
        if anchorable and has_stated_basis(span, self._lexicon):
            return True
        if _process_verb(span, self.settings.get("drop_when_next", {}).get(span.id_)):
            return True
        if span.id_ in self.settings.get("drop_before_colon", ()) and _heading(span):
            return True
        rules = self.settings["drop_when_sentence_has"]
        present = cue_labels.get(sent_of[span.start], set())
        for key in (span.label_, span.id_):
            if key and present.intersection(rules.get(key, ())):
                return True
        return False

    def _trimmed(self, span: Span) -> Span:
        """``span`` without the trailing words its rule lists under ``trim_trailing_words``."""
        words = self.settings.get("trim_trailing_words", {}).get(span.id_)
        end = span.end
        while words and end - span.start > 1 and span.doc[end - 1].lower_ in words:
            end -= 1
        if end == span.end:
            return span
        return Span(span.doc, span.start, end, label=span.label_, span_id=span.id_)

    def _unstranded(self, span: Span) -> Span:
        """``span`` without the words at its edges that cannot end a phrase (a determiner,
        ``dangling_words``, and a preposition, ``dangling_before``, whose determiner the span
        left out or ends on: "decided not to move forward at this", "decided not to move
        forward at" before "this time") or open one (``dangling_openers``: the clitic of
        "we're"); a span of one word stays as it is."""
        ends = self.settings.get("dangling_words", ())
        before = self.settings.get("dangling_before", ())
        opens = self.settings.get("dangling_openers", ())
        doc, start, end = span.doc, span.start, span.end
        while end - start > 1 and doc[end - 1].lower_ in ends:
            end -= 1
        # a preposition whose object the span left out ("at" of "at this time")
        cut = end < span.end or (end < len(doc) and doc[end].lower_ in ends)
        if cut and end - start > 1 and doc[end - 1].lower_ in before:
            end -= 1
        while end - start > 1 and doc[start].lower_ in opens:
            start += 1
        hosted = self.settings.get("host_clitics", ())
        if start > 0 and doc[start].lower_ in hosted and not doc[start - 1].whitespace_:
            start -= 1  # "n't a perfect one": the word the clitic belongs to ("wasn't")
        while end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_:
            if doc[end].whitespace_:  # "more product-focused": the rest of the word
                break
            end += 2
        if (start, end) == (span.start, span.end):
            return span
        return Span(doc, start, end, label=span.label_, span_id=span.id_)

    def _rank(self, span: Span) -> tuple[int, int, int]:
        source = "vague_ruler" if span.id_ else "unanchored_comparatives"
        return (self.settings["source_rank"].get(source, 9), -(span.end - span.start), span.start)

    def _non_overlapping(self, spans: list[Span]) -> list[Span]:
        chosen: list[Span] = []
        taken: set[int] = set()
        for span in sorted(spans, key=self._rank):
            tokens = set(range(span.start, span.end))
            if tokens & taken:
                continue
            chosen.append(span)
            taken |= tokens
        return sorted(chosen, key=lambda s: s.start)

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the settings to ``path/settings.json``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        (path / "settings.json").write_text(json.dumps(self.settings, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> VagueResolver:
        """Read settings written by :meth:`to_disk`."""
        self.settings = json.loads((Path(path) / "settings.json").read_text(encoding="utf-8"))
        return self


def _merge_adjacent(spans: list[Span]) -> list[Span]:
    """Join neighbouring spans of one type with nothing but whitespace between them."""
    merged: list[Span] = []
    for span in spans:
        prev = merged[-1] if merged else None
        if prev is not None and prev.label_ == span.label_ and _only_space_between(prev, span):
            doc = span.doc
            merged[-1] = Span(doc, prev.start, span.end, label=span.label_, span_id=prev.id_)
        else:
            merged.append(span)
    return merged


def _only_space_between(a: Span, b: Span) -> bool:
    return all(t.is_space for t in a.doc[a.end : b.start])


def _overlaps_any(span: Span, others: list[Span]) -> bool:
    return any(span.start < o.end and o.start < span.end for o in others)


@Language.factory(
    "vague_resolver",
    default_config={
        "candidates_key": "vague_candidates",
        "spans_key": "vague",
        "specific_key": "specific",
        "settings": None,
    },
)
def make_vague_resolver(
    nlp: Language,
    name: str,
    candidates_key: str,
    spans_key: str,
    specific_key: str,
    settings: dict[str, Any] | None,
) -> VagueResolver:
    """Factory for :class:`VagueResolver`."""
    return VagueResolver(
        nlp,
        name,
        candidates_key=candidates_key,
        spans_key=spans_key,
        specific_key=specific_key,
        settings=settings,
    )


def _heading(span: Span) -> bool:
    """Whether a colon follows ``span`` within two words ("Areas to work [on]:"): a heading,
    whose points the message names after it."""
    after = span.doc[span.end : span.end + 2]
    return any(t.text == ":" for t in after)


def _process_verb(span: Span, next_words: dict[str, list[str]] | None) -> bool:
    """Whether ``span`` ends on a verb that, before the next word, names a step of the process
    rather than a judgement (``drop_when_next``: "the panel considered [all applications]",
    not "the panel considered [that] ..."), or a stage of the process rather than a
    comparison ("further along [in the process]"); an entry may be several words."""
    if not next_words or span.end >= len(span.doc):
        return False
    after = next_words.get(span.doc[span.end - 1].lower_)
    if after is None:
        return False
    for words in after:  # a listed entry may be several words ("in the process")
        wanted = words.split()
        found = span.doc[span.end : span.end + len(wanted)]
        if [t.lower_ for t in found] == wanted:
            return True
    return False

"""A small base for components configured by token patterns in JSONL."""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .anchored import AnchoredMatcher
from .batching import BatchedPipe

PATTERNS_FILE = "patterns.jsonl"


class PatternSpans(BatchedPipe):
    """Find spans with an :class:`~.anchored.AnchoredMatcher` built from labelled token patterns.

    Each pattern is a dict ``{"label": str, "pattern": [token dicts], "id": str}`` in spaCy's
    pattern format. Subclasses decide what to do with the matches in :meth:`__call__`.
    """

    def __init__(self, nlp: Language, name: str, *, patterns: Iterable[dict[str, Any]]):
        self.name = name
        self.vocab = nlp.vocab
        self.patterns: list[dict[str, Any]] = []
        self.matcher = AnchoredMatcher(nlp.vocab, validate=True)
        self.add_patterns(patterns)

    def add_patterns(self, patterns: Iterable[dict[str, Any]]) -> None:
        """Add patterns; each gets the match key ``label|id`` so both survive matching."""
        for entry in patterns:
            key = f"{entry['label']}|{entry.get('id', '')}"
            self.matcher.add(key, [entry["pattern"]])
            self.patterns.append(entry)

    def match(self, doc: Doc) -> list[Span]:
        """Longest non-overlapping matches, labelled as their pattern, with ``id_`` its id."""
        spans = []
        for match_id, start, end in self.matcher(doc):
            label, _, pattern_id = self.vocab.strings[match_id].partition("|")
            spans.append(Span(doc, start, end, label=label, span_id=pattern_id))
        return filter_spans(spans)

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write the patterns to ``path/patterns.jsonl``."""
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        lines = (json.dumps(p, ensure_ascii=False) for p in self.patterns)
        (path / PATTERNS_FILE).write_text("\n".join(lines) + "\n", encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> PatternSpans:
        """Replace the patterns with those in ``path/patterns.jsonl``."""
        text = (Path(path) / PATTERNS_FILE).read_text(encoding="utf-8")
        self.patterns = []
        self.matcher = AnchoredMatcher(self.vocab, validate=True)
        self.add_patterns(json.loads(line) for line in text.splitlines() if line.strip())
        return self

"""Concrete feedback: clauses that name a skill, tool, task, number, example or stated reason.

"You had not used Kubernetes in production" and "the role has been filled internally" tell a
job seeker something they can act on or stop worrying about. This component finds the cue words
(token patterns plus a lexicon of named skills and tools) and marks the clause around each cue.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..resources import read_json, read_jsonl, read_lines
from .base import PatternSpans

PATTERNS = ("patterns", "specifics.jsonl")
SKILLS = ("patterns", "skills.txt")
SETTINGS = ("patterns", "specifics.json")
SKILL_LABEL = "specific_skill"


class SpecificFeedback(PatternSpans):
    """Write cue spans to ``doc.spans[cues_key]`` and the clauses around them to ``spans_key``."""

    def __init__(
        self,
        nlp: Language,
        name: str = "specific_feedback",
        *,
        spans_key: str = "specific",
        cues_key: str = "specific_cues",
        patterns: Iterable[dict[str, Any]] | None = None,
        skills: Iterable[str] | None = None,
        settings: dict[str, Any] | None = None,
    ):
        super().__init__(
            nlp, name, patterns=read_jsonl(*PATTERNS) if patterns is None else patterns
        )
        self.spans_key = spans_key
        self.cues_key = cues_key
        self.skills = list(read_lines(*SKILLS) if skills is None else skills)
        self.settings = read_json(*SETTINGS) if settings is None else settings
        self._make_doc = nlp.make_doc
        self._configure()

    def _configure(self) -> None:
        self._phrases = PhraseMatcher(self.vocab, attr="LOWER")
        self._phrases.add(SKILL_LABEL, [self._make_doc(term) for term in self.skills])
        self._breaks = frozenset(self.settings["clause_break_tokens"])
        self._leads = frozenset(self.settings["lead_markers"])
        self._courtesy = frozenset(self.settings["courtesy_lemmas"])
        frames = self.settings.get("announcing_frames", [])
        self._frames = sorted((tuple(f) for f in frames), key=len, reverse=True)
        self._min_words = int(self.settings["min_clause_words"])

    def __call__(self, doc: Doc) -> Doc:
        cues = self.match(doc)
        cues += [Span(doc, s, e, label=SKILL_LABEL) for _, s, e in self._phrases(doc)]
        doc.spans[self.cues_key] = cues
        clauses: dict[tuple[int, int], Span] = {}
        for cue in cues:
            clause = self._clause(cue)
            if clause is None:
                continue
            known = clauses.setdefault((clause.start, clause.end), clause)
            if _rank(clause.label_) < _rank(known.label_):  # one clause, several cues
                clauses[(clause.start, clause.end)] = clause
        doc.spans[self.spans_key] = sorted(clauses.values(), key=lambda s: s.start)
        return doc

    def _clause(self, cue: Span) -> Span | None:
        sent = cue.sent
        if self._is_courtesy(sent) and cue.label_ != "specific_logistics":
            return None
        doc = cue.doc
        start = cue.start
        while start > sent.start and not self._breaks_at(doc, start - 1):
            start -= 1
        end = self._clause_end(doc, cue.end, sent.end)
        if sum(1 for t in doc[start:end] if t.is_alpha) < self._min_words:
            end = self._clause_end(doc, end + 1, sent.end)  # "For example, ..." leads into more
        start = self._after_frame(doc, start, cue.start)
        while start < end and (doc[start].lower_ in self._leads or doc[start].is_space):
            start += 1
        while end > start and (doc[end - 1].is_punct or doc[end - 1].is_space):
            end -= 1
        if end <= cue.start or start >= cue.end:
            return None
        words = sum(1 for t in doc[start:end] if t.is_alpha)
        if words < self._min_words:
            return None
        return Span(doc, start, end, label=cue.label_)

    def _after_frame(self, doc: Doc, start: int, limit: int) -> int:
        """Where the clause's content begins: after the last announcing frame ("I am writing
        to let you know that ...") that ends before token ``limit``, else at ``start``."""
        if not self._frames:
            return start
        words = [t.lower_ for t in doc[start:limit]]
        for i in range(len(words) - 1, -1, -1):
            for frame in self._frames:
                if tuple(words[i : i + len(frame)]) == frame:
                    return start + i + len(frame)
        return start

    def _clause_end(self, doc: Doc, i: int, limit: int) -> int:
        while i < limit and not self._breaks_at(doc, i):
            i += 1
        return min(i, limit)

    def _breaks_at(self, doc: Doc, i: int) -> bool:
        return doc[i].lower_ in self._breaks

    def _is_courtesy(self, sent: Span) -> bool:
        words = [t for t in sent if t.is_alpha]
        return bool(words) and words[0].lemma_.lower() in self._courtesy

    def to_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> None:
        """Write patterns, the skills lexicon and the settings under ``path``."""
        super().to_disk(path, exclude=exclude)
        path = Path(path)
        (path / "skills.txt").write_text("\n".join(self.skills) + "\n", encoding="utf-8")
        (path / "settings.json").write_text(json.dumps(self.settings, indent=1), encoding="utf-8")

    def from_disk(self, path: str | Path, *, exclude: tuple[str, ...] = ()) -> SpecificFeedback:
        """Read what :meth:`to_disk` wrote."""
        super().from_disk(path, exclude=exclude)
        path = Path(path)
        lines = (path / "skills.txt").read_text(encoding="utf-8").splitlines()
        self.skills = [line for line in lines if line]
        self.settings = json.loads((path / "settings.json").read_text(encoding="utf-8"))
        self._configure()
        return self


#: When cues of several kinds give the same clause, the label it keeps: a stated reason outside
#: the candidate first (it changes what to ask), then a named skill, then any other detail.
_LABEL_RANK = MappingProxyType({"specific_logistics": 0, SKILL_LABEL: 1})


def _rank(label: str) -> int:
    return _LABEL_RANK.get(label, len(_LABEL_RANK))


@Language.factory(
    "specific_feedback",
    default_config={
        "spans_key": "specific",
        "cues_key": "specific_cues",
        "patterns": None,
        "skills": None,
        "settings": None,
    },
)
def make_specific_feedback(
    nlp: Language,
    name: str,
    spans_key: str,
    cues_key: str,
    patterns: list[dict[str, Any]] | None,
    skills: list[str] | None,
    settings: dict[str, Any] | None,
) -> SpecificFeedback:
    """Factory for :class:`SpecificFeedback`."""
    return SpecificFeedback(
        nlp,
        name,
        spans_key=spans_key,
        cues_key=cues_key,
        patterns=patterns,
        skills=skills,
        settings=settings,
    )

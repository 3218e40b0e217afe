"""Concrete feedback: clauses that name a skill, tool, task, number, example or stated reason.

"You had not used Kubernetes in production" and "the role has been filled internally" tell a
job seeker something they can act on or stop worrying about. This component finds the cue words
(token patterns plus a lexicon of named skills and tools) and marks the clause around each cue.
"""

from __future__ import annotations

import json
from bisect import bisect_left, bisect_right
from collections.abc import Iterable
from pathlib import Path
from types import MappingProxyType
from typing import Any

from spacy.attrs import IS_ALPHA, IS_PUNCT, IS_SPACE, LEMMA, LOWER, SENT_START
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from ..resources import read_json, read_jsonl, read_lines
from .base import PatternSpans
from .sentences import sentence_bounds

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
        # words as the string ids of their lower-case forms, as the token columns hold them
        ids = self.vocab.strings.add
        self._breaks = frozenset(map(ids, self.settings["clause_break_tokens"]))
        self._leads = frozenset(map(ids, self.settings["lead_markers"]))
        self._courtesy = frozenset(self.settings["courtesy_lemmas"])
        frames = self.settings.get("announcing_frames", [])
        # by their first word (longest first), so a position is checked only against the
        # frames that can start there
        self._frames: dict[int, list[tuple[int, ...]]] = {}
        for frame in sorted((tuple(map(ids, f)) for f in frames if f), key=len, reverse=True):
            self._frames.setdefault(frame[0], []).append(frame)
        self._min_words = int(self.settings["min_clause_words"])

    def __call__(self, doc: Doc) -> Doc:
        cues = self.match(doc)
        cues += [Span(doc, s, e, label=SKILL_LABEL) for _, s, e in self._phrases(doc)]
        doc.spans[self.cues_key] = cues
        doc.spans[self.spans_key] = self._clauses(doc, cues) if cues else []
        return doc

    def _clauses(self, doc: Doc, cues: list[Span]) -> list[Span]:
        """The clauses around ``cues``, in order; a clause several cues share takes the label
        of the highest-ranked one."""
        columns = _Columns(doc)
        clauses: dict[tuple[int, int], Span] = {}
        for cue in cues:
            clause = self._clause(doc, columns, cue)
            if clause is None:
                continue
            known = clauses.setdefault((clause.start, clause.end), clause)
            if _rank(clause.label_) < _rank(known.label_):
                clauses[(clause.start, clause.end)] = clause
        return sorted(clauses.values(), key=lambda s: s.start)

    def _clause(self, doc: Doc, columns: _Columns, cue: Span) -> Span | None:
        sent_start, sent_end = columns.sentence(cue.start, cue.end)
        courtesy = self._is_courtesy(doc, columns, sent_start, sent_end)
        if courtesy and cue.label_ != "specific_logistics":
            return None
        lower, breaks = columns.lower, self._breaks
        start = cue.start
        while start > sent_start and lower[start - 1] not in breaks:
            start -= 1
        end = self._clause_end(columns, cue.end, sent_end)
        if columns.words(start, end) < self._min_words:
            end = self._clause_end(columns, end + 1, sent_end)  # "For example, ..." leads into more
        start = self._after_frame(columns, start, cue.start)
        while start < end and (lower[start] in self._leads or columns.space[start]):
            start += 1
        while end > start and (columns.punct[end - 1] or columns.space[end - 1]):
            end -= 1
        if end <= cue.start or start >= cue.end:
            return None
        if columns.words(start, end) < self._min_words:
            return None
        return Span(doc, start, end, label=cue.label_)

    def _after_frame(self, columns: _Columns, start: int, limit: int) -> int:
        """Where the clause's content begins: after the last announcing frame ("I am writing
        to let you know that ...") that ends before token ``limit``, else at ``start``."""
        frames = self._frames
        if not frames:
            return start
        words = columns.lower[start:limit]
        for i in range(len(words) - 1, -1, -1):
            for frame in frames.get(words[i], ()):
                if tuple(words[i : i + len(frame)]) == frame:
                    return start + i + len(frame)
        return start

    def _clause_end(self, columns: _Columns, i: int, limit: int) -> int:
        lower, breaks = columns.lower, self._breaks
        while i < limit and lower[i] not in breaks:
            i += 1
        return min(i, limit)

    def _is_courtesy(self, doc: Doc, columns: _Columns, start: int, end: int) -> bool:
        first = next((i for i in range(start, end) if columns.alpha[i]), None)
        if first is None:
            return False
        return doc.vocab.strings[columns.lemma[first]].lower() in self._courtesy

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


class _Columns:
    """The token attributes the clause search reads, for one Doc, as plain lists (a ``Token``
    object per look-up costs more than the search)."""

    def __init__(self, doc: Doc):
        array = doc.to_array([LOWER, LEMMA, IS_ALPHA, IS_PUNCT, IS_SPACE, SENT_START])
        lower, lemma, alpha, punct, space, starts = array.reshape(len(doc), -1).T
        self.lower, self.lemma = lower.tolist(), lemma.tolist()
        self.alpha, self.punct, self.space = alpha.tolist(), punct.tolist(), space.tolist()
        self.bounds = sentence_bounds(starts)

    def sentence(self, start: int, end: int) -> tuple[int, int]:
        """The token range of the sentence(s) holding tokens ``start:end`` (as ``Span.sent``)."""
        bounds = self.bounds
        return bounds[bisect_right(bounds, start) - 1], bounds[bisect_left(bounds, end)]

    def words(self, start: int, end: int) -> int:
        """The number of alphabetic tokens in ``start:end``."""
        return sum(self.alpha[start:end])


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

"""Cues that the sender invites or declines requests for feedback on the decision."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..labels import Policy
from ..resources import read_jsonl
from .base import PatternSpans

PATTERNS = ("patterns", "policy.jsonl")


class FeedbackPolicy(PatternSpans):
    """Mark ``invites`` and ``declines`` cues in ``doc.spans[spans_key]``.

    :func:`policy_label` turns the cues into the message's policy: a refusal outweighs a
    friendly closing line, so any ``declines`` cue wins.
    """

    def __init__(
        self,
        nlp: Language,
        name: str = "feedback_policy",
        *,
        spans_key: str = "policy",
        patterns: Iterable[dict[str, Any]] | None = None,
    ):
        super().__init__(
            nlp, name, patterns=read_jsonl(*PATTERNS) if patterns is None else patterns
        )
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[self.spans_key] = self.match(doc)
        return doc


def policy_label(doc: Doc, spans_key: str = "policy") -> str:
    """The policy the cues in ``doc`` point to."""
    labels = {span.label_ for span in doc.spans.get(spans_key, [])}
    for policy in (Policy.DECLINES, Policy.INVITES):
        if policy.value in labels:
            return policy.value
    return Policy.UNSPECIFIED.value


@Language.factory("feedback_policy", default_config={"spans_key": "policy", "patterns": None})
def make_feedback_policy(
    nlp: Language, name: str, spans_key: str, patterns: list[dict[str, Any]] | None
) -> FeedbackPolicy:
    """Factory for :class:`FeedbackPolicy`."""
    return FeedbackPolicy(nlp, name, spans_key=spans_key, patterns=patterns)

"""spaCy's SpanRuler with its token patterns run by an :class:`~.anchored.AnchoredMatcher`."""

from __future__ import annotations

from spacy.language import Language
from spacy.pipeline import SpanRuler

from .anchored import AnchoredMatcher
from .batching import BatchedPipe


class AnchoredSpanRuler(BatchedPipe, SpanRuler):
    """A :class:`~spacy.pipeline.SpanRuler` that skips sentences a token pattern cannot match.

    Patterns, labels, ids, serialization (``to_disk``/``from_disk`` of ``patterns.jsonl``) and the
    spans it sets are those of ``SpanRuler``; only the token matcher differs, and it gives the
    same matches for phrases inside one sentence (see :mod:`analyzer.components.anchored`).
    """

    def clear(self) -> None:
        """Reset all patterns."""
        super().clear()
        self.matcher = AnchoredMatcher(self.nlp.vocab, validate=self.validate)  # type: ignore[assignment]


@Language.factory(
    "anchored_span_ruler",
    assigns=["doc.spans"],
    default_config={
        "spans_key": "ruler",
        "phrase_matcher_attr": None,
        "validate": False,
        "overwrite": True,
    },
)
def make_anchored_span_ruler(
    nlp: Language,
    name: str,
    spans_key: str,
    phrase_matcher_attr: str | None,
    validate: bool,
    overwrite: bool,
) -> AnchoredSpanRuler:
    """Factory for :class:`AnchoredSpanRuler`."""
    return AnchoredSpanRuler(
        nlp,
        name,
        spans_key=spans_key,
        phrase_matcher_attr=phrase_matcher_attr,
        validate=validate,
        overwrite=overwrite,
    )

"""Components run a batch of Docs at a time in ``nlp.pipe``, with the same results as one by one."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from spacy.tokens import Doc
from spacy.util import raise_error

from analyzer.components.batching import BatchedPipe

EXAMPLES = Path(__file__).parent / "examples"
TEXTS = [
    *(path.read_text(encoding="utf-8") for path in sorted(EXAMPLES.glob("*.txt"))),
    "",
    "We went with a candidate who was more qualified.",
    "Thanks!\n\nFeel free to ask for feedback at any time.",
]


def _annotations(doc: Doc) -> tuple[Any, ...]:
    """Everything the analyzer's components set on a Doc."""
    spans = {
        key: [(s.start, s.end, s.label_, s.id_) for s in group] for key, group in doc.spans.items()
    }
    return (
        [(t.text, t.lemma_, t.is_sent_start) for t in doc],
        sorted(spans.items()),
    )


def test_the_pipeline_gives_the_same_docs_in_batches_as_one_by_one(nlp) -> None:  # type: ignore[no-untyped-def]
    expected = [_annotations(nlp(text)) for text in TEXTS]
    for batch_size in (1, 2, 64):
        found = [_annotations(doc) for doc in nlp.pipe(TEXTS, batch_size=batch_size)]
        assert found == expected


def test_each_component_of_the_pipeline_runs_in_batches(nlp) -> None:  # type: ignore[no-untyped-def]
    assert all(isinstance(component, BatchedPipe) for _, component in nlp.pipeline)


class _Counting(BatchedPipe):
    """Fails on a Doc whose text is "bad"; records the order in which it sees Docs."""

    name = "counting"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def __call__(self, doc: Doc) -> Doc:
        self.seen.append(doc.text)
        if doc.text == "bad":
            raise ValueError("bad doc")
        return doc


def _docs(nlp, texts: list[str]) -> list[Doc]:  # type: ignore[no-untyped-def]
    return [nlp.make_doc(text) for text in texts]


def test_a_batch_is_done_before_any_doc_is_passed_on(nlp) -> None:  # type: ignore[no-untyped-def]
    component = _Counting()
    stream = component.pipe(_docs(nlp, ["a", "b", "c", "d", "e"]), batch_size=2)
    assert next(stream).text == "a" and component.seen == ["a", "b"]
    assert [doc.text for doc in stream] == ["b", "c", "d", "e"]


def test_a_failing_doc_raises_by_default(nlp) -> None:  # type: ignore[no-untyped-def]
    component = _Counting()
    assert component.get_error_handler() is raise_error
    with pytest.raises(ValueError, match="bad doc"):
        list(component.pipe(_docs(nlp, ["a", "bad", "c"])))


@pytest.mark.parametrize("batch_size", [1, 2, 128])
def test_a_failing_doc_goes_to_the_error_handler(nlp, batch_size: int) -> None:  # type: ignore[no-untyped-def]
    component = _Counting()
    failed: list[tuple[str, Any, list[str], str]] = []

    def handler(name: str, proc: Any, docs: list[Doc], error: Exception) -> None:
        failed.append((name, proc, [d.text for d in docs], str(error)))

    component.set_error_handler(handler)
    out = component.pipe(_docs(nlp, ["a", "bad", "c"]), batch_size=batch_size)
    assert [doc.text for doc in out] == ["a", "c"]
    assert failed == [("counting", component, ["bad"], "bad doc")]


def test_nlp_set_error_handler_reaches_the_components() -> None:
    from analyzer.pipeline import build_pipeline

    nlp = build_pipeline()

    def handler(name: str, proc: Any, docs: list[Doc], error: Exception) -> None:
        raise AssertionError("not called here")

    nlp.set_error_handler(handler)
    assert all(component.get_error_handler() is handler for _, component in nlp.pipeline)

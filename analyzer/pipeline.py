"""Build the spaCy pipeline: a blank English model plus the analyzer's own components.

The pipeline needs no pretrained model and no download. Lemmas come from the English lookup
table that ships inside this package (taken from ``spacy-lookups-data``; see
``data/LICENSE-lemma-lookup.txt``), so at run time only spaCy itself is required.
"""

from __future__ import annotations

import gzip
import json
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .resources import data_file
from .rules import builtin_rules

if TYPE_CHECKING:
    from spacy.language import Language

LEMMA_TABLE = ("data", "en_lemma_lookup.json.gz")

#: The components after the tokenizer, in order (names as added to the pipeline).
COMPONENTS = (
    "email_sentencizer",
    "lemmatizer",
    "vague_ruler",
    "unanchored_comparatives",
    "feedback_policy",
    "specific_feedback",
    "vague_resolver",
)


def _lemma_table() -> dict[str, str]:
    with data_file(*LEMMA_TABLE).open("rb") as raw, gzip.open(raw, "rt", encoding="utf-8") as fh:
        table: dict[str, str] = json.load(fh)
    return table


def shared_pipeline(extra_rules: Sequence[dict[str, Any]] = ()) -> Language:
    """The process-wide pipeline for these rules, built on first use.

    Analyzers with the same rules share one pipeline (building one takes about a second);
    callers must not add or remove components of what they get.
    """
    return _cached(json.dumps(list(extra_rules), sort_keys=True))


@lru_cache(maxsize=8)
def _cached(rules_json: str) -> Language:
    return build_pipeline(json.loads(rules_json))


def build_pipeline(extra_rules: Sequence[dict[str, Any]] = ()) -> Language:
    """A new pipeline with the built-in rules plus ``extra_rules`` (already checked)."""
    from spacy.lang.en import English

    # The components register themselves through the ``spacy_factories`` entry point; these
    # imports make a plain source checkout (no installed entry points) work the same way.
    from .components import (  # noqa: F401
        comparatives,
        lemmas,
        policy,
        resolver,
        ruler,
        sentences,
        specifics,
    )
    from .tokenizing import email_tokenizer

    # ``English()`` is ``spacy.blank("en")`` without filling in the training settings of its
    # config, which nothing here reads (about 10 ms of every start).
    nlp = English(create_tokenizer=email_tokenizer)
    nlp.add_pipe("email_sentencizer")
    lemmatizer = nlp.add_pipe("caseless_lemmatizer", name="lemmatizer")
    vague_ruler = nlp.add_pipe(
        "anchored_span_ruler",
        name="vague_ruler",
        config={"spans_key": "vague_candidates", "phrase_matcher_attr": "LOWER"},
    )
    nlp.add_pipe("unanchored_comparatives")
    nlp.add_pipe("feedback_policy")
    nlp.add_pipe("specific_feedback")
    nlp.add_pipe("vague_resolver")
    # The lemmatizer must be ready before the ruler takes phrase patterns: spaCy runs the
    # pipeline over each phrase to build the matcher.
    lemmatizer.initialize(table=_lemma_table())  # type: ignore[attr-defined]
    vague_ruler.add_patterns(  # type: ignore[attr-defined]
        [_ruler_entry(r) for r in [*builtin_rules(), *extra_rules]]
    )
    return nlp


def _ruler_entry(rule: dict[str, Any]) -> dict[str, Any]:
    return {"label": rule["label"], "pattern": rule["pattern"], "id": rule.get("id", "")}

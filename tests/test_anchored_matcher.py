"""AnchoredMatcher gives spaCy Matcher's matches, only faster."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st
from spacy.matcher import Matcher
from spacy.tokens import Doc

from analyzer.components.anchored import AnchoredMatcher
from analyzer.pipeline import shared_pipeline
from analyzer.resources import read_jsonl
from analyzer.rules import builtin_rules

CORPUS = Path(__file__).resolve().parent.parent / "corpora" / "messages"
WORDS = ["we", "decided", "decide", "to", "move", "forward", "with", "other", "candidates", "."]
#: Words repeated so that an anchor occurs several times in a sentence, near and far apart.
LONG_WORDS = [*WORDS, "and", "we", "to", "other", "move", "candidates", "with", "the", "team"]


def _both(patterns: list[list[dict[str, Any]]]) -> tuple[Matcher, AnchoredMatcher]:
    vocab = spacy.blank("en").vocab
    plain, anchored = Matcher(vocab), AnchoredMatcher(vocab)
    for i, pattern in enumerate(patterns):
        plain.add(f"p{i}", [pattern])
        anchored.add(f"p{i}", [pattern])
    return plain, anchored


def _plain_matches(matcher: Matcher, doc: Doc) -> list[tuple[int, int, int]]:
    return sorted(set(matcher(doc)), key=lambda m: (m[1], m[2], m[0]))


PATTERN_CASES = [
    [{"LOWER": "move"}, {"LOWER": "forward"}],
    [{"LOWER": {"IN": ["move", "go"]}}, {"LOWER": "forward", "OP": "?"}, {"LOWER": "with"}],
    [{"LOWER": "other", "OP": "*"}, {"LOWER": "candidates"}],
    [{"LOWER": "to", "OP": "{0,2}"}, {"ORTH": "move"}],
    [{"IS_ALPHA": True, "OP": "+"}],  # no words to anchor on: runs everywhere
    [{"LOWER": "with"}, {"LOWER": {"NOT_IN": ["us"]}}],
    [{"TEXT": {"REGEX": "^cand"}}],
    [{"LOWER": "decided", "OP": "+"}, {"LOWER": "to"}],
    [{"LOWER": "to"}, {"LOWER": "move", "OP": "!"}, {"LOWER": "forward", "OP": "{,2}"}],
    [{"LOWER": "other"}, {"LOWER": "candidates", "OP": "{2}"}],
    [{"LOWER": "we"}, {"OP": "{0,3}"}, {"LOWER": "with"}],
]


@pytest.mark.parametrize("pattern", PATTERN_CASES, ids=lambda p: json.dumps(p)[:40])
def test_same_matches_as_spacy_matcher(pattern: list[dict[str, Any]]) -> None:
    plain, anchored = _both([pattern])
    for words in (WORDS, LONG_WORDS * 3):
        doc = Doc(plain.vocab, words=words)
        assert anchored(doc) == _plain_matches(plain, doc)


def test_skips_sentences_without_the_required_words() -> None:
    _, anchored = _both([[{"LOWER": "move"}, {"LOWER": "forward"}]])
    doc = Doc(anchored.vocab, words=["Thanks", ".", "We", "move", "forward", "."])
    doc[2].is_sent_start = True
    (match,) = anchored(doc)
    assert match[1:] == (3, 5)
    assert anchored(doc[0:2]) == []
    # offsets are relative to the span, as spaCy's Matcher gives them
    assert [m[1:] for m in anchored(doc[2:6])] == [(1, 3)]


def test_remove_len_and_contains() -> None:
    _, anchored = _both(PATTERN_CASES[:2])
    assert len(anchored) == 2 and "p0" in anchored
    anchored.remove("p0")
    assert "p0" not in anchored and len(anchored) == 1
    with pytest.raises(KeyError):
        anchored.remove("p0")


@settings(max_examples=60, deadline=None)
@given(
    words=st.lists(st.sampled_from(WORDS), min_size=0, max_size=40),
    pattern=st.lists(
        st.fixed_dictionaries(
            {"LOWER": st.sampled_from(WORDS[:-1])},
            optional={"OP": st.sampled_from(["?", "*", "+", "!", "{0,2}", "{1,2}", "{2}", "{,3}"])},
        ),
        min_size=1,
        max_size=4,
    ),
)
def test_property_same_as_matcher_on_one_sentence(
    words: list[str], pattern: list[dict[str, Any]]
) -> None:
    plain, anchored = _both([pattern])
    doc = Doc(plain.vocab, words=words)
    assert anchored(doc) == _plain_matches(plain, doc)


def test_the_analyzer_patterns_match_as_before_on_the_corpus() -> None:
    """The project's own patterns, over the corpus: same matches as spaCy's Matcher."""
    from analyzer.classify.corpus import load_corpus

    nlp = shared_pipeline()
    sets = [
        builtin_rules(),
        read_jsonl("patterns", "policy.jsonl"),
        read_jsonl("patterns", "specifics.jsonl"),
    ]
    texts = [message.text for message in load_corpus(CORPUS)][::3]
    docs = list(nlp.pipe(texts))
    for patterns in sets:
        entries = [[rule["pattern"]] for rule in patterns]
        plain, anchored = Matcher(nlp.vocab), AnchoredMatcher(nlp.vocab)
        for i, pattern in enumerate(entries):
            plain.add(f"k{i}", pattern)
            anchored.add(f"k{i}", pattern)
        for doc in docs:
            assert anchored(doc) == _plain_matches(plain, doc)


@pytest.mark.parametrize(
    ("pattern", "longest"),
    [
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"OP": "!"}], 3),
        ([{"LOWER": "a", "OP": "{2}"}, {"OP": "{1,4}"}, {"OP": "{,3}"}], 9),
        ([{"LOWER": "a"}, {"OP": "*"}], None),
        ([{"LOWER": "a", "OP": "+"}], None),
        ([{"LOWER": "a", "OP": "{2,}"}], None),
    ],
)
def test_longest_match_of_a_pattern(pattern: list[dict[str, Any]], longest: int | None) -> None:
    from analyzer.components.anchored import _longest

    assert _longest(pattern) == longest


@pytest.mark.parametrize(
    ("pattern", "k", "reach"),
    [
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"OP": "!"}], 0, (0, 2)),
        ([{"LOWER": "a"}, {"LOWER": "b", "OP": "?"}, {"LOWER": "c"}], 2, (2, 0)),
        ([{"OP": "{,3}"}, {"LOWER": "a", "OP": "{2}"}, {"OP": "{1,4}"}], 1, (4, 5)),
        ([{"LOWER": "a"}, {"OP": "*"}], 0, None),
        ([{"LOWER": "a", "OP": "+"}], 0, None),
    ],
)
def test_reach_of_an_anchor_token(
    pattern: list[dict[str, Any]], k: int, reach: tuple[int, int] | None
) -> None:
    from analyzer.components.anchored import _reach

    assert _reach(pattern, k) == reach


@pytest.mark.parametrize(
    ("tokens", "reach", "begin", "stop", "ranges"),
    [
        ([5], (2, 2), 0, 20, [(3, 8)]),
        ([5], (0, 3), 0, 20, [(5, 9)]),
        ([5], (3, 0), 0, 20, [(2, 6)]),
        ([1], (2, 2), 0, 20, [(0, 4)]),  # clipped to the sentence
        ([18], (3, 3), 10, 20, [(15, 20)]),
        ([5, 7], (2, 2), 0, 20, [(3, 10)]),  # overlapping ranges merge
        ([12, 5], (2, 2), 0, 20, [(3, 8), (10, 15)]),  # any order, far apart
        ([5, 8], (0, 2), 0, 20, [(5, 8), (8, 11)]),  # touching: a match holds one of them
        ([5, 5], (0, 0), 0, 20, [(5, 6)]),
    ],
)
def test_ranges_around_anchor_tokens(
    tokens: list[int], reach: tuple[int, int], begin: int, stop: int, ranges: list[tuple[int, int]]
) -> None:
    from analyzer.components.anchored import _around

    assert list(_around(tokens, reach, begin, stop)) == ranges


def test_anchored_span_ruler_round_trips_its_patterns(tmp_path: Path) -> None:
    nlp = spacy.blank("en")
    ruler = nlp.add_pipe("anchored_span_ruler", config={"spans_key": "found"})
    ruler.add_patterns([{"label": "X", "id": "mf", "pattern": PATTERN_CASES[0]}])
    ruler.to_disk(tmp_path / "ruler")
    fresh = spacy.blank("en").add_pipe("anchored_span_ruler", config={"spans_key": "found"})
    fresh.from_disk(tmp_path / "ruler")
    doc = fresh(fresh.nlp.make_doc("we move forward"))
    assert [(s.text, s.label_, s.id_) for s in doc.spans["found"]] == [("move forward", "X", "mf")]
    assert isinstance(fresh.matcher, AnchoredMatcher)

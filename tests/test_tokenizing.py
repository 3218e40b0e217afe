"""Warming the tokenizer's cache chunk by chunk never changes a token."""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import pytest
import spacy
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.classify.corpus import load_corpus
from analyzer.tokenizing import SkipWhitespace, TokenizerWarmer, email_tokenizer

CORPUS = Path(__file__).resolve().parents[1] / "corpora" / "messages"

TRICKY = [
    "Dear Sam,\n\nWe can't move forward; it's not a fit (don't worry).",
    "Call at 10 a.m. or 3:30pm, e.g. tomorrow :) <3",
    "Mr. O'Neil's team—U.S.A.—isn't hiring\u00a0now.",
    "see https://example.com/jobs?id=4, or mail hr@example.com!",
    "\n\n  \t \n can't\ncan't (can't) «can't» can't.",
    "ünïcödé, 🙂🙂, عربي، and שלום.",
    "",
]


def _tokens(nlp: spacy.language.Language, text: str) -> list[tuple[str, str, str, int]]:
    return [(t.text, t.whitespace_, t.norm_, t.idx) for t in nlp.tokenizer(text)]


def _same_with_and_without_warming(texts: list[str]) -> None:
    plain, warmed = spacy.blank("en"), spacy.blank("en")
    warm = TokenizerWarmer(warmed.tokenizer, warm_after=0)
    for text in texts:
        expected = _tokens(plain, text)
        assert _tokens(warmed, warm(text)) == expected, text
        assert _tokens(warmed, text) == expected, text  # a second time, all from the cache


def test_warming_keeps_every_token_of_the_corpus() -> None:
    texts = [example.text for example in load_corpus(CORPUS)]
    _same_with_and_without_warming(TRICKY + texts + texts[::-1])


@settings(max_examples=60, deadline=None)
@given(texts=st.lists(st.text(max_size=80), min_size=1, max_size=4))
def test_warming_keeps_every_token_of_any_text(texts: list[str]) -> None:
    _same_with_and_without_warming(TRICKY[:2] + texts)


class _Recorder:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def __call__(self, text: str) -> None:
        self.calls.append(text)


@pytest.mark.parametrize(
    ("texts", "limit", "expected"),
    [
        (["a b a", "b c"], 10, ["a", "b", "c"]),  # each new chunk once, in first-seen order
        (["x " + "y" * 41 + " " + "z" * 40], 10, ["x", "z" * 40]),  # long chunks not warmed
        (["a b", "c", "a"], 2, ["a", "b", "c", "a"]),  # past the limit, memory starts afresh
        (["", " \n\t "], 10, []),
    ],
)
def test_warmer_tokenizes_each_new_chunk_once(
    texts: list[str], limit: int, expected: list[str]
) -> None:
    recorder = _Recorder()
    warm = TokenizerWarmer(recorder, seen_limit=limit, warm_after=0)
    assert [warm(text) for text in texts] == texts
    assert recorder.calls == expected


def test_the_first_text_passes_unwarmed() -> None:
    recorder = _Recorder()
    warm = TokenizerWarmer(recorder)
    assert [warm(text) for text in ["a b", "b c"]] == ["a b", "b c"]
    assert recorder.calls == ["b", "c"]


#: Every character Python calls whitespace (``str.isspace``), as the fast path reads it.
WHITESPACE = "".join(chr(c) for c in range(0x110000) if chr(c).isspace())
#: Texts with the runs of whitespace that HTML mail leaves, of several kinds and lengths.
RUNS = [
    "Dear Sam,\n\n      \n                 \n\nThank you.",
    "Regards,\u00a0\u00a0\u2009\n\u3000\u3000 the team\r\n\r\n\t\t-- \n",
    "a " + " \n" * 200 + "b",
]


@functools.cache
def _default_tokenizer() -> Any:
    return spacy.blank("en").tokenizer


@settings(max_examples=200, deadline=None)
@given(text=st.text(alphabet=WHITESPACE, min_size=1, max_size=60))
def test_spacy_affix_searches_find_nothing_in_whitespace(text: str) -> None:
    """What lets :class:`SkipWhitespace` answer at once: the default expressions agree."""
    tokenizer = _default_tokenizer()
    assert tokenizer.suffix_search(text) is None
    assert list(tokenizer.infix_finditer(text)) == []


def test_email_tokenizer_gives_spacys_tokens() -> None:
    from spacy.lang.en import English

    plain, fast = spacy.blank("en"), English(create_tokenizer=email_tokenizer)
    assert isinstance(fast.tokenizer.suffix_search.__self__, SkipWhitespace)
    texts = TRICKY + RUNS + [example.text for example in load_corpus(CORPUS)][::5]
    for text in texts:
        assert _tokens(fast, text) == _tokens(plain, text), text


def test_email_tokenizer_saves_and_loads_as_spacys(tmp_path: Path) -> None:
    from spacy.lang.en import English

    fast = English(create_tokenizer=email_tokenizer)
    fast.tokenizer.to_disk(tmp_path / "tokenizer")
    loaded = spacy.blank("en")
    loaded.tokenizer.from_disk(tmp_path / "tokenizer")
    for text in RUNS + TRICKY:
        assert _tokens(loaded, text) == _tokens(fast, text)

"""Properties that must hold for any text at all."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.analysis import Analyzer

WORDS = st.sampled_from(
    [
        "more",
        "qualified",
        "not",
        "the",
        "right",
        "fit",
        "we",
        "felt",
        "at",
        "this",
        "time",
        "decided",
        "to",
        "move",
        "forward",
        "with",
        "other",
        "candidates",
        "\n",
        "> ",
        ".",
        ",",
        "On Tue, Sam wrote:",
        "Best,",
        "better",
        "lacked",
        "depth",
        "keep",
        "your",
        "CV",
        "on",
        "file",
        "é",
        "🙂",
        "\u200b",
        "\u202e",
        "\x00",
        "\t",
    ]
)
emailish = st.lists(WORDS, max_size=60).map(" ".join)
anything = st.text(max_size=400)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(emailish, anything))
def test_analyze_never_raises_and_offsets_slice(rules_only: Analyzer, text: str) -> None:
    report = rules_only.analyze(text)
    for f in report.findings:
        assert text[f.start : f.end] == f.text
    for s in report.specific_feedback:
        assert text[s.start : s.end] == s.text
    json.loads(json.dumps(report.to_dict(), ensure_ascii=True))


@settings(max_examples=40, deadline=None)
@given(st.lists(emailish, min_size=1, max_size=8))
def test_analyze_many_keeps_order_and_count(rules_only: Analyzer, texts: list[str]) -> None:
    reports = list(rules_only.analyze_many(texts, batch_size=3))
    assert [r.text for r in reports] == texts


PARTITIVE_TEXT = st.lists(
    st.sampled_from(
        ["years", "of", "x" * 70 + "years", "level", "a", "bit", " ", "\n", ",", "lot"]
    ),
    max_size=30,
).map(" ".join)


@given(PARTITIVE_TEXT, st.integers(min_value=0, max_value=400))
def test_a_partitive_read_from_the_phrases_last_words_is_read_as_from_the_whole_prefix(
    message: str, cut: int
) -> None:
    from analyzer.quotes import _WORD_AFTER, _before_of, _rules, words

    end = min(cut, len(message))
    last = words(message[:end])[-1:]  # the whole prefix, as the plan once read it
    after = _WORD_AFTER.match(message, end)
    whole = (
        bool(last)
        and last[0] in _rules()["partitive_heads"]
        and after is not None
        and after.group(1).lower() == "of"
    )
    assert _before_of(message, end) == whole

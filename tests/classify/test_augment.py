"""Training-time surface augmentation: spans move with their text, variants are seeded."""

from __future__ import annotations

import random

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.classify.augment import _Edit, apply_edits, augment, is_variant, variants
from analyzer.classify.corpus import load_corpus

from .conftest import CORPUS


@pytest.fixture(scope="module")
def corpus():
    return load_corpus(CORPUS)


def _span_texts(msg) -> list[str]:
    spans = [*msg.reason_spans, *msg.vague_spans, *msg.specific_spans]
    return [msg.text[s[0] : s[1]] for s in spans]


def _same_modulo_surface(a: str, b: str) -> bool:
    fold = {"\u2019": "'", "\u201c": '"', "\u201d": '"'}
    return " ".join("".join(fold.get(c, c) for c in a).split()) == " ".join(
        "".join(fold.get(c, c) for c in b).split()
    )


def test_every_span_moves_with_its_text(corpus) -> None:
    for msg in corpus[::3]:
        for copy in (1, 2):
            variant = augment(msg, copy=copy)
            pairs = zip(_span_texts(msg), _span_texts(variant), strict=True)
            bad = [(a, b) for a, b in pairs if not _same_modulo_surface(a, b)]
            assert not bad, (variant.id, bad)


def test_variants_are_seeded_and_differ_from_originals(corpus) -> None:
    sample = corpus[:40]
    first = variants(sample, copies=2)
    assert first == variants(sample, copies=2)
    assert first != variants(sample, copies=2, seed=1)
    assert all(is_variant(v) and not is_variant(m) for v, m in zip(first[::2], sample, strict=True))
    assert all(v.text != m.text for v, m in zip(first[::2], sample, strict=True))
    assert all(v.family == m.family for v, m in zip(first[::2], sample, strict=True))


def test_surfaces_are_mixed_across_the_corpus(corpus) -> None:
    texts = [v.text for v in variants(corpus[:200], copies=1)]
    share = {
        "curly": sum("\u2019" in t for t in texts) / len(texts),
        "footer": sum("unsubscribe" in t.lower() or "automated" in t.lower() for t in texts)
        / len(texts),
    }
    assert 0.2 < share["curly"] < 0.7, share
    assert 0.05 < share["footer"] < 0.6, share


@given(st.text(alphabet="ab \n'.", max_size=40), st.randoms(use_true_random=False))
def test_apply_edits_maps_untouched_characters(text: str, rng: random.Random) -> None:
    points = sorted(rng.sample(range(len(text) + 1), k=min(4, len(text) + 1)))
    edits = [_Edit(s, e, "XY") for s, e in zip(points[::2], points[1::2], strict=False)]
    new, move = apply_edits(text, edits)
    inside = [i for e in edits for i in range(e.start, e.end)]
    for i, ch in enumerate(text):
        if i not in inside:
            assert new[move(i)] == ch


def test_cross_validation_trains_on_variants_and_scores_originals(tiny_corpus) -> None:
    from analyzer.classify.dataset import load_dataset, originals
    from analyzer.classify.training import cross_validate_data

    plain = load_dataset(tiny_corpus)
    augmented = load_dataset(tiny_corpus, copies=1)
    assert len(augmented.messages) == 2 * len(plain.messages)
    assert list(originals(augmented)) == list(range(len(plain.messages)))
    cv = cross_validate_data(augmented, n_splits=2)
    # every figure is over the original messages only, each scored once
    assert cv["messages"] == len(plain.messages)
    assert sum(sum(row) for row in cv["kind"]["confusion"]) == len(plain.messages)

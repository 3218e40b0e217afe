"""Training, persistence (no pickle), integrity checks and reproducibility of the classifiers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.classify import load_models, train
from analyzer.classify.features import doc_features
from analyzer.classify.models import Spec, build, dump, rebuild
from analyzer.classify.store import CARD, read_card
from analyzer.errors import ModelError

TOY_X = ["a b\x1fa b", "b c\x1fb c x", "c d\x1fc d", "a d\x1fa d"] * 3


@pytest.mark.parametrize(
    ("spec", "y"),
    [
        (Spec(), ["x", "y", "z", "x"] * 3),
        (Spec(char_ngrams=None, balanced=True), ["x", "y", "x", "y"] * 3),
        (Spec(multilabel=True), np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]] * 3)),
        (Spec(multilabel=True), np.array([[1, 0], [0, 0], [1, 0], [0, 0]] * 3)),
    ],
)
def test_dump_and_rebuild_give_identical_probabilities(spec: Spec, y: object) -> None:
    pipe = build(spec).fit(TOY_X, y)
    meta, arrays = dump(pipe, spec)
    json.dumps(meta)  # the metadata is plain JSON
    again, _ = rebuild(meta, arrays)
    assert np.allclose(pipe.predict_proba(TOY_X), again.predict_proba(TOY_X), atol=1e-9)


def test_saved_models_round_trip(tiny_models: Path, tiny_corpus: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.corpus import load_corpus

    texts = [m.text for m in load_corpus(tiny_corpus)][:8]
    docs = list(nlp.pipe(texts))
    first = load_models(tiny_models)
    second = load_models(tiny_models)
    x = [doc_features(d) for d in docs]
    for name in ("kind", "policy"):
        assert np.array_equal(
            first.pipes[name].predict_proba(x), second.pipes[name].predict_proba(x)
        )
    predictions = first.predict(docs)
    assert len(predictions) == len(docs)
    for doc, p in zip(docs, predictions, strict=True):
        for _, _, evidence in p.reasons:
            assert all(0 <= a < b <= len(doc.text) for a, b in evidence)


def test_no_pickle_files_are_written(tiny_models: Path) -> None:
    suffixes = {p.suffix for p in tiny_models.iterdir()}
    assert suffixes <= {".json", ".npz"}


def _corrupt(folder: Path, how: str) -> None:
    target = folder / "kind.npz"
    if how == "missing":
        target.unlink()
    elif how == "garbage":
        target.write_bytes(b"not a zip at all")
    elif how == "tampered":
        meta = json.loads((folder / "policy.json").read_text())
        meta["classes"] = list(reversed(meta["classes"]))
        (folder / "policy.json").write_text(json.dumps(meta))
    elif how == "card":
        (folder / CARD).write_text("{")
    elif how == "version":
        card = json.loads((folder / CARD).read_text())
        card["format_version"] = 999
        (folder / CARD).write_text(json.dumps(card))


@pytest.mark.parametrize("how", ["missing", "garbage", "tampered", "card", "version"])
def test_damaged_models_raise_model_error(tiny_models: Path, tmp_path: Path, how: str) -> None:
    folder = tmp_path / "models"
    shutil.copytree(tiny_models, folder)
    _corrupt(folder, how)
    with pytest.raises(ModelError, match="feedback-analyzer train"):
        load_models(folder)


@pytest.mark.slow
def test_training_is_reproducible(tiny_corpus: Path, tiny_models: Path, tmp_path: Path) -> None:
    again = train(tiny_corpus, tmp_path / "again", n_splits=2)
    assert again.cv == read_card(tiny_models)["cv_metrics"]
    for name, digest in read_card(tiny_models)["files"].items():
        assert read_card(again.out_dir)["files"][name] == digest, name


def test_the_linear_fast_path_gives_the_pipelines_probabilities(tiny_models: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.features import doc_features, sentences
    from analyzer.classify.linear import LinearModel
    from analyzer.classify.predict import load_models

    texts = ["We went with a stronger candidate.", "Thanks for applying! Interview on Tue?"]
    docs = [nlp(t) for t in texts]
    inputs = {"doc": [doc_features(d) for d in docs]}
    inputs["sent"] = [s.features for d in docs for s in sentences(d)]
    for name, pipe in load_models(tiny_models).pipes.items():
        x = inputs["doc" if name in ("kind", "policy") else "sent"]
        fast = LinearModel(pipe)
        np.testing.assert_allclose(fast.proba(fast.features.transform(x)), pipe.predict_proba(x))


CHAR_CASES = [
    "",
    "   ",
    "we went with a stronger candidate.",
    "a\x1fb  c\td\ne",  # the feature separator, tabs and newlines are whitespace too
    "x" * 40,
    "émoji 🙂 and  «quotes»  ّعربي",
]


def _vectorizers(models: Path) -> list[object]:
    pipes = load_models(models).pipes.values()
    return [v for p in pipes for _, v in p.named_steps["features"].transformer_list]


@pytest.mark.parametrize("cache_size", [1, 50_000])
def test_batch_tfidf_equals_each_vectorizer(tiny_models: Path, cache_size: int) -> None:
    from analyzer.classify.tfidf import CharTfidf, WordTfidf, batch_transform

    vectorizers = _vectorizers(tiny_models)
    kinds = {type(batch_transform(v).__self__) for v in vectorizers}  # type: ignore[attr-defined]
    assert kinds == {CharTfidf, WordTfidf}
    for vectorizer in vectorizers:
        fast = batch_transform(vectorizer)
        if isinstance(fast.__self__, CharTfidf):  # type: ignore[attr-defined]
            fast = CharTfidf(vectorizer, cache_size=cache_size).transform
        assert fast([]).shape == (0, len(vectorizer.vocabulary_))  # type: ignore[attr-defined]
        for batch in (CHAR_CASES, CHAR_CASES[2:3] * 3):
            expected = vectorizer.transform(batch)  # type: ignore[attr-defined]
            got = fast(batch)
            assert got.shape == expected.shape
            np.testing.assert_array_equal(got.toarray(), expected.toarray())


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(max_size=60), min_size=1, max_size=5))
def test_batch_tfidf_on_any_text(tiny_models: Path, texts: list[str]) -> None:
    from analyzer.classify.tfidf import batch_transform

    for vectorizer in _vectorizers(tiny_models):
        expected = vectorizer.transform(texts).toarray()  # type: ignore[attr-defined]
        np.testing.assert_array_equal(batch_transform(vectorizer)(texts).toarray(), expected)


def test_kind_and_policy_share_one_feature_space(tiny_models: Path) -> None:
    from analyzer.classify.predict import load_models

    linear = load_models(tiny_models)._linear
    assert linear["kind"].features is linear["policy"].features
    assert linear["kind"].features is not linear["reasons"].features


@pytest.mark.parametrize("temperature", [0.5, 1.0, 2.0])
def test_temperature_keeps_the_winner_and_sums_to_one(temperature: float) -> None:
    from analyzer.classify.decide import apply_temperature

    proba = np.array([[0.7, 0.2, 0.1], [0.05, 0.9, 0.05], [1 / 3, 1 / 3, 1 / 3]])
    scaled = apply_temperature(proba, temperature)
    np.testing.assert_allclose(scaled.sum(axis=1), 1.0)
    assert (scaled.argmax(axis=1) == proba.argmax(axis=1)).all()
    if temperature > 1:
        assert scaled[0, 0] < proba[0, 0]
    elif temperature < 1:
        assert scaled[0, 0] > proba[0, 0]


def test_fitted_temperature_softens_overconfident_predictions() -> None:
    from analyzer.classify.decide import fit_temperature

    rng = np.random.default_rng(0)
    gold = rng.integers(0, 2, size=400)
    right = rng.random(400) < 0.7  # right 70% of the time, but always 99% sure
    predicted = np.where(right, gold, 1 - gold)
    proba = np.where(predicted[:, None] == np.arange(2), 0.99, 0.01)
    assert fit_temperature(proba, gold) > 2.0
    assert fit_temperature(np.eye(2)[gold] * 0.98 + 0.01, gold) < 1.0

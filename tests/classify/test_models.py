"""Training, persistence (no pickle), integrity checks and reproducibility of the classifiers."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.classify import load_models, train
from analyzer.classify.features import doc_features
from analyzer.classify.models import Spec, build, dump, rebuild
from analyzer.classify.store import CARD, read_card
from analyzer.errors import ModelError

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"

TOY_X = ["a b\x1fa b", "b c\x1fb c x", "c d\x1fc d", "a d\x1fa d"] * 3


@pytest.mark.parametrize(
    ("spec", "y"),
    [
        (Spec(), ["x", "y", "z", "x"] * 3),
        (Spec(char_ngrams=None, balanced=True), ["x", "y", "x", "y"] * 3),
        (Spec(multilabel=True), np.array([[1, 0, 1], [0, 1, 0], [1, 1, 0], [0, 0, 1]] * 3)),
        # A label never seen positive: sklearn keeps a constant predictor for it, and says so.
        pytest.param(
            Spec(multilabel=True),
            np.array([[1, 0], [0, 0], [1, 0], [0, 0]] * 3),
            marks=pytest.mark.filterwarnings("ignore:Label not 1 is present:UserWarning"),
            id="constant-label",
        ),
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
        one, two = first.models[name], second.models[name]
        assert np.array_equal(
            one.proba(one.features.transform(x)), two.proba(two.features.transform(x))
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


def _stored(models: Path) -> dict[str, tuple[dict, dict]]:  # type: ignore[type-arg]
    from analyzer.classify.store import read_models

    return read_models(models)[1]


def test_the_run_time_models_give_the_pipelines_probabilities(tiny_models: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.features import doc_features, sentences
    from analyzer.classify.linear import LinearModel

    texts = ["We went with a stronger candidate.", "Thanks for applying! Interview on Tue?", ""]
    docs = [nlp(t) for t in texts]
    inputs = {"doc": [doc_features(d) for d in docs]}
    inputs["sent"] = [s.features for d in docs for s in sentences(d)]
    stored = _stored(tiny_models)
    # the span tagger is checked against its pipeline in test_tagger
    assert set(stored) == {
        "kind",
        "policy",
        "reasons",
        "decision",
        "specificity",
        "vague_type",
        "spans",
    }
    del stored["spans"]
    for name, (meta, arrays) in stored.items():
        x = inputs["doc" if name in ("kind", "policy") else "sent"]
        pipe, _ = rebuild(meta, arrays)
        fast = LinearModel.from_stored(meta, arrays)
        np.testing.assert_allclose(fast.proba(fast.features.transform(x)), pipe.predict_proba(x))


CHAR_CASES = [
    "",
    "   ",
    "we went with a stronger candidate.",
    "a\x1fb  c\td\ne",  # the feature separator, tabs and newlines are whitespace too
    "x" * 40,
    "émoji 🙂 and  «quotes»  ّعربي",
    "a ab abc abcd abcde abcdef \u2028 \xa0 \x85 end",
]


def _pairs(
    models: Path, cache_size: int = 50_000, table_after: int = 0
) -> list[tuple[object, object]]:
    """(sklearn vectorizer, run-time tf-idf) for every part of every stored tf-idf model (the
    span tagger has hashed features instead)."""
    from analyzer.classify.linear import FeatureSpace
    from analyzer.classify.tfidf import CharWbNgrams, WordNgrams

    pairs = []
    for name, (meta, arrays) in _stored(models).items():
        if name == "spans":
            continue
        pipe, _ = rebuild(meta, arrays)
        vectorizers = [v for _, v in pipe.named_steps["features"].transformer_list]
        for vectorizer, part in zip(
            vectorizers, FeatureSpace.from_stored(meta, arrays).parts, strict=True
        ):
            if isinstance(part.ngrams, CharWbNgrams):
                part.ngrams.cache_size = cache_size
            if isinstance(part.ngrams, WordNgrams):
                part.ngrams.table_after = table_after
            pairs.append((vectorizer, part))
    return pairs


def _assert_same_matrix(got: object, expected: object) -> None:
    assert got.shape == expected.shape  # type: ignore[attr-defined]
    np.testing.assert_array_equal(got.indptr, expected.indptr)  # type: ignore[attr-defined]
    np.testing.assert_array_equal(got.indices, expected.indices)  # type: ignore[attr-defined]
    np.testing.assert_allclose(got.data, expected.data, rtol=1e-12)  # type: ignore[attr-defined]


@pytest.mark.parametrize(("cache_size", "table_after"), [(1, 0), (50_000, 0), (50_000, 10**6)])
def test_run_time_tfidf_equals_each_vectorizer(
    tiny_models: Path, cache_size: int, table_after: int
) -> None:
    from analyzer.classify.tfidf import CharWbNgrams, WordNgrams

    pairs = _pairs(tiny_models, cache_size, table_after)
    assert {type(part.ngrams) for _, part in pairs} == {CharWbNgrams, WordNgrams}  # type: ignore[attr-defined]
    for vectorizer, part in pairs:
        assert part.transform([]).shape == (0, len(vectorizer.vocabulary_))  # type: ignore[attr-defined]
        for batch in (CHAR_CASES, CHAR_CASES[2:3] * 3, [""]):
            _assert_same_matrix(part.transform(batch), vectorizer.transform(batch))  # type: ignore[attr-defined]


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(st.text(max_size=60), min_size=1, max_size=5))
def test_run_time_tfidf_on_any_text(tiny_models: Path, texts: list[str]) -> None:
    for vectorizer, part in _pairs(tiny_models):
        _assert_same_matrix(part.transform(texts), vectorizer.transform(texts))  # type: ignore[attr-defined]


@settings(max_examples=200, deadline=None)
@given(word=st.text(min_size=1, max_size=12).filter(lambda w: w.split() == [w]))
def test_char_ngrams_are_the_vectorizers(word: str) -> None:
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analyzer.classify.tfidf import char_wb_ngrams

    for ngram_range in ((1, 1), (2, 5), (3, 3)):
        vectorizer = TfidfVectorizer(analyzer="char_wb", ngram_range=ngram_range, lowercase=False)
        assert char_wb_ngrams(word, ngram_range) == vectorizer.build_analyzer()(word)


def _word_pair(texts: list[str], ngram_range: tuple[int, int], min_df: int) -> tuple[Any, Any]:
    """A fitted word vectorizer over ``texts`` and the run-time transform of its state."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    from analyzer.classify.models import WORD_TOKEN_PATTERN
    from analyzer.classify.tfidf import Tfidf, WordNgrams

    vectorizer = TfidfVectorizer(
        token_pattern=WORD_TOKEN_PATTERN,
        lowercase=False,
        ngram_range=ngram_range,
        min_df=min_df,
        sublinear_tf=True,
    ).fit(texts)
    ngrams = WordNgrams(vectorizer.vocabulary_, ngram_range, str, table_after=0)
    return vectorizer, Tfidf(ngrams, vectorizer.idf_)


@pytest.mark.parametrize(
    ("ngram_range", "min_df", "numbered"),
    [
        ((1, 3), 1, [1, 2, 3]),
        ((2, 2), 1, [2]),  # tokens known only as parts of bigrams
        ((1, 2), 2, [1, 2]),  # rare tokens left out of the vocabulary
        ((1, 6), 1, [1, 2, 3, 4, 5]),  # 6-grams of 1,500 tokens overflow 64 bits: as strings
    ],
)
def test_word_ngrams_numbered_or_as_strings(
    ngram_range: tuple[int, int], min_df: int, numbered: list[int]
) -> None:
    rng = np.random.default_rng(0)
    words = [f"w{i}" for i in range(1500)]
    fit = [" ".join(rng.choice(words[:40], 30).tolist() + words[i::60]) for i in range(60)]
    fit.append("only once here")
    vectorizer, tfidf = _word_pair(fit, ngram_range, min_df)
    texts = [*fit[:5], "", "w1", "w1 w2 w3 w4 w5 w6 w7", "unknown w3 w3 only once here", fit[-1]]
    _assert_same_matrix(tfidf.transform(texts), vectorizer.transform(texts))
    assert tfidf.ngrams._table.numbered == numbered  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("rows", "width", "expected"),
    [
        ([], 5, ([], [], [])),
        ([[], []], 5, ([], [], [])),
        ([[3, 1, 3, 3], [], [0, 4, 0]], 5, ([0, 0, 2, 2], [1, 3, 0, 4], [1, 3, 2, 1])),
        ([[2**20 - 1]] * 3000, 2**20, (list(range(3000)), [2**20 - 1] * 3000, [1] * 3000)),
        # 16-bit rows and columns at their largest, and just past them
        ([[2**16 - 1, 0, 2**16 - 1]], 2**16, ([0, 0], [0, 2**16 - 1], [1, 2])),
        ([[2**16, 0, 2**16]], 2**16 + 1, ([0, 0], [0, 2**16], [1, 2])),
        ([[]] * (2**16 - 1) + [[7, 7]], 8, ([2**16 - 1], [7], [2])),
        ([[]] * 2**16 + [[7, 7]], 8, ([2**16], [7], [2])),
    ],
)
def test_count_features(rows: list[list[int]], width: int, expected: tuple[list[int], ...]) -> None:
    from analyzer.classify.tfidf import count_features

    row_of = np.array([r for r, found in enumerate(rows) for _ in found], dtype=np.int64)
    columns = np.array([c for found in rows for c in found], dtype=np.int64)
    # 16-bit sorts where rows and columns fit, else 32-bit keys where they fit, else 64-bit
    for n_rows in (len(rows), 2**16 + 1, 2**31):
        got = count_features(row_of, columns, width, max(n_rows, len(rows)))
        assert [a.tolist() for a in got] == [list(e) for e in expected]


def test_kind_and_policy_share_one_feature_space(tiny_models: Path) -> None:
    models = load_models(tiny_models).models
    assert models["kind"].features is models["policy"].features
    assert models["kind"].features is not models["reasons"].features
    # the decision-sentence detector reads the reasons model's features: one transform for both
    assert models["decision"].features is models["reasons"].features


def test_analyzing_does_not_import_scikit_learn() -> None:
    import subprocess
    import sys

    code = (
        "import sys, analyzer; analyzer.analyze('We went with a stronger candidate.');"
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'sklearn'))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


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


@pytest.mark.parametrize(
    ("probs", "expected"),
    [
        (np.zeros((0, 3)), [("none_given", 1.0, [])]),
        ([[0.1, 0.2, 0.3]], [("none_given", 0.7, [])]),
        (
            [[0.5, 0.1, 0.9], [0.6, 0.4, 0.1]],
            [("a", 0.6, [0, 1]), ("b", 0.4, [1]), ("c", 0.9, [0])],
        ),
        ([[0.1, 0.45, 0.1], [0.2, 0.1, 0.1]], [("b", 0.45, [0])]),
    ],
)
def test_sentence_reasons_roll_up_to_the_message(
    probs: list[list[float]], expected: list[tuple[str, float, list[int]]]
) -> None:
    from analyzer.classify.decide import rollup_reasons

    got = rollup_reasons(np.asarray(probs, dtype=float), ("a", "b", "c"), 0.4)
    assert [(label, rows) for label, _, rows in got] == [
        (label, rows) for label, _, rows in expected
    ]
    assert [conf for _, conf, _ in got] == pytest.approx([conf for _, conf, _ in expected])


def test_feature_strings_are_the_same_with_decoded_strings_kept(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from analyzer.classify.features import Tokens, sentences
    from analyzer.strings import Strings

    texts = ["We went with a STRONGER candidate.\n\nBest,\nAna", "", "Thanks!  Ünïcode 🙂 here."]
    kept = Strings(nlp.vocab.strings, limit=3)  # small: it starts afresh along the way
    other = Strings(spacy.blank("en").vocab.strings)  # another vocabulary's: not used
    for text in texts * 2:
        doc = nlp(text)
        expected = (doc_features(doc), [s.features for s in sentences(doc)])
        for strings in (kept, other):
            tokens = Tokens(doc, strings)
            assert tokens.lowers == [t.lower_ for t in doc]
            assert tokens.lemmas == [t.lemma_.lower() if t.lemma else t.lower_ for t in doc]
            assert tokens.word_ids == [t.i for t in doc if not t.is_space]
            assert tokens.word_lowers == [tokens.lowers[i] for i in tokens.word_ids]
            for sent in doc.sents:
                a, b = tokens.word_range(sent.start, sent.end)
                assert tokens.word_ids[a:b] == [t.i for t in sent if not t.is_space]
            assert (doc_features(doc, tokens), [s.features for s in sentences(doc, tokens)]) == (
                expected
            )
    assert 0 < len(kept.text) <= 3 and len(other.text) == 0


@settings(max_examples=100, deadline=None)
@given(
    pairs=st.lists(st.tuples(st.integers(0, 70_000), st.integers(0, 70_000)), max_size=60),
    wide=st.booleans(),
)
def test_count_features_counts_pairs_in_any_order(pairs: list[tuple[int, int]], wide: bool) -> None:
    from collections import Counter

    from analyzer.classify.tfidf import count_features

    limit = 70_001 if wide else 2**16
    pairs = [(r % limit, c % limit) for r, c in pairs]
    rows = np.array([r for r, _ in pairs], dtype=np.int64)
    columns = np.array([c for _, c in pairs], dtype=np.int64)
    row, column, counts = count_features(rows, columns, limit, limit)
    assert list(zip(row.tolist(), column.tolist(), counts.tolist(), strict=True)) == [
        (r, c, float(n)) for (r, c), n in sorted(Counter(pairs).items())
    ]


def _kept_cases(nlp) -> list[Any]:  # type: ignore[no-untyped-def]
    """Docs of the examples, plus Docs holding pieces a split would not give back."""
    from analyzer.classify.features import SEP

    texts = [p.read_text(encoding="utf-8") for p in sorted(EXAMPLES.glob("*.txt"))]
    docs = [nlp(text) for text in [*texts, "", "Thanks!\n\nWe went with a stronger candidate."]]
    for lemma in ("two words", "", SEP, "tab\there"):
        doc = nlp("We went with a stronger candidate.")
        doc[1].lemma_ = lemma  # a lemma with whitespace (or none) in it
        docs.append(doc)
    return docs


def test_kept_word_lists_are_the_split_feature_strings(nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.features import (
        Tokens,
        lemma_part,
        message_features,
        sentences,
        text_part,
    )

    kinds = set()
    for doc in _kept_cases(nlp):
        tokens = Tokens(doc)
        value, words = message_features(doc, tokens)
        found = [(value, words), *((s.features, s.words) for s in sentences(doc, tokens))]
        for text, kept in found:
            split = (lemma_part(text).split(), text_part(text).split())
            assert kept is None or kept == split
        kinds.add(words is None)
        assert (words is None) == (not tokens.whole)
        assert value == doc_features(doc) and [s.features for s in sentences(doc)] == [
            text for text, _ in found[1:]
        ]
    assert kinds == {True, False}  # both kinds of Doc were seen


def test_the_models_read_kept_word_lists_as_the_strings(tiny_models: Path, nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.features import Tokens, message_features, sentences

    docs = _kept_cases(nlp)
    tokens = [Tokens(doc) for doc in docs]
    messages = [message_features(doc, t) for doc, t in zip(docs, tokens, strict=True)]
    sents = [s for doc, t in zip(docs, tokens, strict=True) for s in sentences(doc, t)]
    for name, model in load_models(tiny_models).models.items():
        if name in ("kind", "policy"):
            x, words = [v for v, _ in messages], [w for _, w in messages]
        else:
            x, words = [s.features for s in sents], [s.words for s in sents]
        assert any(w is not None for w in words) and any(w is None for w in words)
        for fast, plain in zip(
            model.features.transform(x, words), model.features.transform(x), strict=True
        ):
            assert (fast != plain).nnz == 0 and fast.shape == plain.shape


def test_kept_part_names_the_list_each_preprocessor_splits(nlp) -> None:  # type: ignore[no-untyped-def]
    from analyzer.classify.features import kept_part, lemma_part, message_features, text_part

    value, words = message_features(nlp("We went with a stronger candidate."))
    assert words is not None
    for preprocessor in (lemma_part, text_part):
        part = kept_part(preprocessor)
        assert part is not None and words[part] == preprocessor(value).split()
    assert kept_part(str.lower) is None


def test_the_span_tagger_is_read_only_when_used(tiny_models: Path, tmp_path: Path) -> None:
    """A run without the tagger's phrases never reads its file; one that needs it reads and
    checks it then, and a damaged one is a clean :class:`ModelError`."""
    folder = tmp_path / "models"
    shutil.copytree(tiny_models, folder)
    assert load_models(folder).tagger is not None
    (folder / "spans.npz").write_bytes(b"damaged")
    models = load_models(folder)  # the four message models alone
    with pytest.raises(ModelError, match="feedback-analyzer train"):
        _ = models.tagger

"""The vague-span tagger: hashed token features, decoding, stored form, findings, context step."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.analysis import Analyzer
from analyzer.classify.corpus import load_corpus
from analyzer.classify.predict import MessagePrediction, load_models
from analyzer.classify.tagger import Decoding, SpanTagger, TaggedSpan, _summed, decode
from analyzer.classify.tagging import (
    CLASSES,
    dump_tagger,
    fit_tagger,
    parse_messages,
    tagger_data,
)
from analyzer.classify.tokenfeats import BUCKET_BITS, ROWS, TEMPLATES, TokenTable, feature_columns
from analyzer.components.context import keep_candidates, load_context_rules
from analyzer.pipeline import shared_pipeline

BASIS = ("specific_detail", "specific_logistics", "specific_skill")


def _table(texts: list[str]):  # type: ignore[no-untyped-def]
    nlp = shared_pipeline()
    docs = list(nlp.pipe(texts))
    tagger = SpanTagger(
        np.zeros((1 << BUCKET_BITS, len(CLASSES)), np.float32),
        np.zeros(len(CLASSES)),
        CLASSES,
        BASIS,
    )
    return docs, tagger.table(docs)


def test_feature_columns_are_buckets_and_repeat_for_the_same_text() -> None:
    docs, table = _table(["We decided not to proceed.", "We decided not to proceed."])
    cols = feature_columns(table)
    assert cols.shape == (len(table), len(TEMPLATES))
    assert cols.min() >= 0 and cols.max() < 1 << BUCKET_BITS
    half = len(docs[0])
    assert np.array_equal(cols[:half], cols[half:])


def test_a_neighbour_in_another_sentence_is_not_read() -> None:
    """The first sentence's features do not change with the words of the next one."""
    _, one = _table(["Thanks for applying. We went another way."])
    _, two = _table(["Thanks for applying. Sadly it is closed."])
    first = 4  # "Thanks for applying ." are one sentence
    assert np.array_equal(feature_columns(one)[:first], feature_columns(two)[:first])


_BATCH = [
    "Thanks for applying. We went with a stronger candidate. Best of luck!",
    "",
    "   ",
    "Unfortunately we have decided to move forward with candidates whose experience "
    "more closely matches our needs. We will keep your CV on file for six months.",
    "ok",
    "Your Python skills were strong. We chose someone with ten years in payments.",
]


def _one_doc_rows(doc, basis: frozenset[int]):  # type: ignore[no-untyped-def]
    """The table of one Doc, token by token: the reference for the batch arithmetic."""
    sent, starts, rows = -1, [], []
    for token in doc:
        if token.is_sent_start or sent < 0:
            sent += 1
            starts.append(token.i)
        rows.append(sent)
    spans = {
        key: [0] * len(doc) for key in ("specific_cues", "vague_candidates", "vague", "specific")
    }
    for key, out in spans.items():
        for span in doc.spans.get(key, ()):
            for i in range(span.start, span.end):
                out[i] = span.label
            if key == "vague":
                out[span.start] = (span.label + 1) % 2**64
    has = {rows[i] for i, label in enumerate(spans["specific_cues"]) if label in basis}
    ctx = [(s in has) * 1 + (s + 1 in has) * 2 for s in rows]
    pos = [min(i - starts[s], 4) for i, s in enumerate(rows)]
    return rows, spans, ctx, pos


def test_the_batch_table_equals_each_docs_own_reading() -> None:
    docs, table = _table(_BATCH)
    basis = SpanTagger(
        np.zeros((1 << BUCKET_BITS, len(CLASSES)), np.float32),
        np.zeros(len(CLASSES)),
        CLASSES,
        BASIS,
    ).basis_hashes(docs)
    at, first_sent = 0, 0
    for i, doc in enumerate(docs):
        part = slice(at, at + len(doc))
        sents, spans, ctx, pos = _one_doc_rows(doc, basis)
        assert table.doc[part].tolist() == [i] * len(doc)
        assert table.sent[part].tolist() == [first_sent + s for s in sents]
        for key, row in (("specific_cues", "cue"), ("vague_candidates", "cand"), ("vague", "rule")):
            assert table.values[ROWS.index(row), part].tolist() == spans[key]
        assert table.values[ROWS.index("clause"), part].tolist() == spans["specific"]
        assert table.values[ROWS.index("ctx"), part].tolist() == ctx
        assert table.values[ROWS.index("pos"), part].tolist() == pos
        assert table.values[ROWS.index("lower"), part].tolist() == [t.lower for t in doc]
        assert table.word[part].tolist() == [not (t.is_space or t.is_punct) for t in doc]
        assert table.idx[part].tolist() == [t.idx for t in doc]
        assert table.end[part].tolist() == [t.idx + len(t) for t in doc]
        at, first_sent = part.stop, first_sent + (max(sents) + 1 if sents else 0)
    assert at == len(table)


@pytest.mark.parametrize(
    ("threshold", "min_words", "expected"),
    [
        (0.5, 1, ["decided not to proceed"]),
        (0.5, 4, ["decided not to proceed"]),
        (0.5, 5, []),
        (0.95, 1, []),
    ],
)
def test_decode_groups_tagged_words_and_trims_edges(
    threshold: float, min_words: int, expected: list[str]
) -> None:
    docs, table = _table(["We decided not to proceed. Thank you."])
    proba = np.zeros((len(table), len(CLASSES)))
    proba[:, 0] = 1.0
    inside = [0, 1, 2, 3, 4]  # "We decided not to proceed"
    df = CLASSES.index("decision_formula")
    proba[inside, 0], proba[inside, df] = 0.1, 0.9
    decoding = Decoding(threshold, frozenset({"we"}), min_words)
    spans = decode(table, proba, CLASSES, decoding, 1, docs)[0]
    text = docs[0].text
    assert [text[s.start : s.end] for s in spans] == expected
    for span in spans:
        assert span.type == "decision_formula" and span.confidence == pytest.approx(0.9)


@pytest.fixture(scope="module")
def small_fit(tiny_corpus: Path):  # type: ignore[no-untyped-def]
    messages = load_corpus(tiny_corpus)
    data = tagger_data(messages, parse_messages(messages), BASIS)
    return data, fit_tagger(data.columns, data.labels)


def test_stored_tagger_gives_the_fitted_pipelines_probabilities(small_fit) -> None:  # type: ignore[no-untyped-def]
    data, pipe = small_fit
    tagger = SpanTagger.from_stored(*dump_tagger(pipe, BASIS))
    ours = tagger.proba(data.table)
    theirs = np.zeros_like(ours)
    theirs[:, [int(c) for c in pipe.named_steps["clf"].classes_]] = pipe.predict_proba(data.columns)
    assert np.allclose(ours, theirs, atol=1e-4)


def test_the_labels_follow_the_annotated_spans(small_fit) -> None:  # type: ignore[no-untyped-def]
    data, _ = small_fit
    for d, msg in enumerate(data.messages):
        rows = np.flatnonzero(data.table.doc == d)
        inside = {
            int(r)
            for r in rows
            for s, e, _ in msg.vague_spans
            if data.table.idx[r] < e and data.table.end[r] > s
        }
        assert {int(r) for r in rows if data.labels[r]} == inside


def _prediction(spans: tuple[TaggedSpan, ...]) -> MessagePrediction:
    return MessagePrediction("rejection", 0.9, "unspecified", None, "rule", (), (), (), spans)


TEXT = "Hi Sam, we went with others. We may reach you later on. Best, Ann"


@pytest.mark.parametrize(
    ("least", "sources", "expected"),
    [
        (None, ("rule", "model"), ["went with others", "may reach you later on"]),
        (0.7, ("rule", "model"), ["may reach you later on"]),
        (0.95, ("rule", "model"), []),
        (None, ("model",), ["went with others", "may reach you later on"]),
    ],
)
def test_model_findings_carry_source_and_confidence_and_are_filtered(
    least: float | None, sources: tuple[str, ...], expected: list[str]
) -> None:
    a, b = TEXT.index("went"), TEXT.index("may")
    spans = (
        TaggedSpan(a, a + len("went with others"), "decision_formula", 0.6, 0, 0),
        TaggedSpan(b, b + len("may reach you later on"), "noncommittal_future", 0.8, 0, 0),
    )
    analyzer = Analyzer(use_models=False, min_confidence=least, sources=sources)
    found = analyzer._model_findings(TEXT, (), _prediction(spans))
    assert [f.text for f in found] == expected
    for finding in found:
        assert finding.source == "model" and finding.confidence is not None
        assert finding.explanation and finding.question


def test_a_model_span_inside_a_rule_finding_is_left_to_the_rule() -> None:
    analyzer = Analyzer(use_models=False)
    rule = analyzer.analyze("We decided not to proceed with your application.").findings
    span = TaggedSpan(rule[0].start, rule[0].end, rule[0].type, 0.99, 0, 0)
    text = "We decided not to proceed with your application."
    assert analyzer._model_findings(text, rule, _prediction((span,))) == []


def test_unknown_sources_are_refused() -> None:
    with pytest.raises(ValueError, match="sources"):
        Analyzer(sources=("oracle",))


def test_trained_models_store_the_tagger_and_use_it(tiny_models: Path) -> None:
    models = load_models(tiny_models)
    assert models.tagger is not None
    assert models.card["config"]["spans"]["tag_threshold"] > 0
    assert "spans" in models.card["cv_metrics"]
    report = Analyzer(models_path=tiny_models, min_confidence=0.0).analyze(
        "We have decided to move forward with other candidates at this time."
    )
    assert all(f.source in {"rule", "model"} for f in report.findings)


# (message, candidate phrase, type, kept by the context step)
CONTEXT = [
    (
        "We chose a candidate with nine years in logistics.",
        "chose a candidate",
        "decision_formula",
        False,
    ),
    ("We chose a candidate who suited us.", "chose a candidate", "decision_formula", True),
    (
        "We picked someone else. The post needs a visa sponsor.",
        "picked someone else",
        "decision_formula",
        False,
    ),
    (
        "At this stage, we are sorting through all applications.",
        "At this stage",
        "noncommittal_future",
        False,
    ),
    (
        "At this stage, we decided not to proceed with you.",
        "At this stage",
        "noncommittal_future",
        True,
    ),
    ("We cannot say more right now.", "right now", "noncommittal_future", True),
]


@pytest.mark.parametrize(("text", "phrase", "vague_type", "kept"), CONTEXT)
def test_context_step(text: str, phrase: str, vague_type: str, kept: bool) -> None:
    doc = shared_pipeline()(text)
    start = text.index(phrase)
    span = doc.char_span(start, start + len(phrase))
    assert span is not None
    decision = (
        doc.char_span(text.index("decided"), text.index("decided") + 7)
        if "decided" in text
        else None
    )
    others = [] if decision is None else [(decision.start, decision.end, "decision_formula")]
    flags = keep_candidates(
        doc, [(span.start, span.end, vague_type), *others], load_context_rules()
    )
    assert flags[0] is kept


@settings(max_examples=40, deadline=None)
@given(
    st.integers(min_value=1, max_value=40),
    st.integers(min_value=1, max_value=8),
    st.integers(min_value=0, max_value=2**32 - 1),
)
def test_sparse_sum_equals_the_gathered_sum(tokens: int, templates: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    weights = rng.normal(size=(1 << 10, len(CLASSES))).astype(np.float32)
    cols = rng.integers(0, 1 << 10, size=(tokens, templates))
    cols[:, -1] = cols[:, 0]  # a bucket met twice in one row counts twice
    expected = weights[cols].sum(axis=1, dtype=np.float64)
    np.testing.assert_allclose(_summed(weights, cols), expected, rtol=1e-12, atol=1e-12)


class _Word:
    lower_ = "word"


class _FakeDoc:
    def __getitem__(self, i: int) -> _Word:
        return _Word()


def _runs_one_by_one(word, tagged, sent, best) -> list[list[int]]:  # type: ignore[no-untyped-def]
    """Runs of tagged words, walked word by word: the reference for the array grouping."""
    runs: list[list[int]] = []
    last_word = -1
    for i in np.flatnonzero(word).tolist():
        if not tagged[i]:
            last_word = i
            continue
        prev = runs[-1][-1] if runs else -1
        if prev == last_word and prev >= 0 and sent[prev] == sent[i] and best[prev] == best[i]:
            runs[-1].append(i)
        else:
            runs.append([i])
        last_word = i
    return runs


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=1, max_value=60), st.integers(min_value=0, max_value=2**32 - 1))
def test_decode_groups_runs_as_a_word_by_word_walk(n: int, seed: int) -> None:
    rng = np.random.default_rng(seed)
    word = rng.random(n) < 0.8
    sent = np.cumsum(rng.random(n) < 0.2)
    proba = rng.dirichlet(np.ones(len(CLASSES)) * 0.3, size=n)
    table = TokenTable(
        np.zeros((len(ROWS), n), np.uint64),
        np.zeros(n, np.int64),
        sent,
        word,
        np.arange(n) * 2,
        np.arange(n) * 2 + 1,
    )
    spans = decode(table, proba, CLASSES, Decoding(tag_threshold=0.5), 1, [_FakeDoc()])[0]  # type: ignore[list-item]
    best = proba[:, 1:].argmax(axis=1) + 1
    tagged = word & (1.0 - proba[:, 0] >= 0.5)
    expected = _runs_one_by_one(word, tagged, sent, best)
    assert [(s.first, s.last) for s in spans] == [(r[0], r[-1]) for r in expected]

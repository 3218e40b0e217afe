"""Train the vague-span tagger on the corpus's annotated spans, and cross-validate it by family.

Every token of a decision message (rejection, feedback reply) is labelled with the type of the
vague span it falls in, or ``O``; a multinomial logistic regression over the hashed token
features (:mod:`.tokenfeats`) learns them. Grouped cross-validation gives out-of-fold spans for
every message, scored with the same overlap measure as the evaluation set, for the rules alone,
the tagger alone and both; the run-time threshold is chosen there.
"""

from __future__ import annotations

import warnings
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from ..components.context import load_context_rules
from ..evaluate import Scored, score_span_lists, scores_by_type, span_summary
from ..labels import DECISION_KINDS, VAGUE_TYPES
from ..resources import read_json
from .corpus import CorpusMessage, overlaps
from .models import SEED
from .tagger import OUTSIDE, Decoding, SpanTagger, TaggedSpan, decode
from .tokenfeats import BUCKET_BITS, TokenTable, feature_columns, token_table

if TYPE_CHECKING:
    from spacy.tokens import Doc

CLASSES: tuple[str, ...] = (OUTSIDE, *VAGUE_TYPES)
#: Regularization of the token model (inverse strength), chosen in grouped CV.
TAGGER_C = 0.5


@dataclass
class TaggerData:
    """The decision messages of a corpus, parsed: Docs, token table, token labels, groups."""

    messages: list[CorpusMessage]
    docs: list[Doc]
    table: TokenTable
    columns: np.ndarray
    labels: np.ndarray
    groups: np.ndarray


def token_labels(msg: CorpusMessage, table: TokenTable, rows: np.ndarray) -> np.ndarray:
    """The class index of each token in ``rows`` of ``table``: the type of the vague span its
    characters fall in, else ``O`` (0)."""
    out = np.zeros(len(rows), dtype=np.int64)
    starts, ends = table.idx[rows], table.end[rows]
    for start, end, label in msg.vague_spans:
        inside = (starts < end) & (ends > start)
        out[inside] = CLASSES.index(label)
    return out


def tagger_data(
    messages: Sequence[CorpusMessage], docs: Sequence[Doc], basis_labels: Sequence[str]
) -> TaggerData:
    """The token table and labels of the decision messages among ``messages`` (with ``docs``
    from the analyzer's pipeline, same order)."""
    keep = [i for i, m in enumerate(messages) if m.kind in DECISION_KINDS]
    kept_docs = [docs[i] for i in keep]
    kept = [messages[i] for i in keep]
    hashes = (
        frozenset(kept_docs[0].vocab.strings.add(b) for b in basis_labels)
        if kept_docs
        else frozenset()
    )
    table = token_table(kept_docs, hashes)
    labels = np.zeros(len(table), dtype=np.int64)
    for d, msg in enumerate(kept):
        rows = np.flatnonzero(table.doc == d)
        labels[rows] = token_labels(msg, table, rows)
    groups = np.array([kept[int(d)].family for d in table.doc]) if len(table) else np.array([])
    return TaggerData(kept, kept_docs, table, feature_columns(table), labels, groups)


def design(columns: np.ndarray) -> Any:
    """The sparse 0/1 design matrix of hashed columns (one row per token)."""
    from scipy.sparse import csr_matrix

    n, k = columns.shape
    data = np.ones(n * k, dtype=np.float64)
    indptr = np.arange(0, n * k + 1, k)
    matrix = csr_matrix((data, columns.ravel(), indptr), shape=(n, 1 << BUCKET_BITS))
    matrix.sum_duplicates()
    return matrix


def fit_tagger(columns: np.ndarray, labels: np.ndarray, *, c: float = TAGGER_C) -> Any:
    """A multinomial logistic regression over the hashed features of the tokens."""
    from sklearn.exceptions import ConvergenceWarning
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import Pipeline
    from sklearn.preprocessing import FunctionTransformer

    pipe = Pipeline(
        [
            ("hashed", FunctionTransformer(design, accept_sparse=False)),
            (
                "clf",
                LogisticRegression(C=c, solver="saga", max_iter=30, tol=1e-3, random_state=SEED),
            ),
        ]
    )
    with warnings.catch_warnings():
        # 30 passes of saga score as well in CV as lbfgs run to convergence, at a tenth the time
        warnings.filterwarnings("ignore", category=ConvergenceWarning)
        return pipe.fit(columns, labels)


def dump_tagger(
    pipe: Any, basis_labels: Sequence[str]
) -> tuple[dict[str, Any], dict[str, np.ndarray]]:
    """The fitted tagger as (JSON-ready dict, arrays): only buckets with a weight are kept."""
    clf = pipe.named_steps["clf"]
    weights = np.zeros((1 << BUCKET_BITS, len(CLASSES)), dtype=np.float32)
    present = [CLASSES.index(CLASSES[int(c)]) for c in clf.classes_]
    weights[:, present] = clf.coef_.T
    bias = np.full(len(CLASSES), -30.0)
    bias[present] = clf.intercept_
    rows = np.flatnonzero(np.abs(weights).max(axis=1) > 0)
    meta = {
        "classes": list(CLASSES),
        "basis_labels": list(basis_labels),
        "bucket_bits": BUCKET_BITS,
        "c": float(clf.C),
    }
    arrays = {"rows": rows.astype(np.int32), "values": weights[rows], "bias": bias}
    return meta, arrays


def tagger_from(pipe: Any, basis_labels: Sequence[str]) -> SpanTagger:
    """The run-time tagger of a fitted pipeline (as stored and read back)."""
    return SpanTagger.from_stored(*dump_tagger(pipe, basis_labels))


def oof_proba(data: TaggerData, *, n_splits: int, c: float = TAGGER_C) -> np.ndarray:
    """Out-of-fold token probabilities, folds grouped by message family."""
    from sklearn.model_selection import GroupKFold

    proba = np.zeros((len(data.labels), len(CLASSES)))
    folds = GroupKFold(n_splits=n_splits)
    for train_idx, test_idx in folds.split(data.columns, data.labels, data.groups):
        pipe = fit_tagger(data.columns[train_idx], data.labels[train_idx], c=c)
        part = pipe.predict_proba(data.columns[test_idx])
        cols = [int(k) for k in pipe.named_steps["clf"].classes_]
        proba[np.ix_(test_idx, cols)] = part
    return proba


def oof_spans(data: TaggerData, proba: np.ndarray, decoding: Decoding) -> list[list[TaggedSpan]]:
    """Spans per message decoded from out-of-fold probabilities."""
    return decode(data.table, proba, CLASSES, decoding, len(data.docs), data.docs)


SETTINGS = ("patterns", "tagger.json")
#: The finding sets compared in cross-validation.
SETUPS = ("rules", "model", "both")


def parse_messages(messages: Sequence[CorpusMessage]) -> list[Doc]:
    """The messages as the analyzer parses them (cleaned, through its pipeline)."""
    from ..clean import clean
    from ..pipeline import build_pipeline

    nlp = build_pipeline()
    return list(nlp.pipe(clean(m.text).text for m in messages))


def _setups(
    data: TaggerData, model: list[list[TaggedSpan]]
) -> dict[str, list[tuple[str, str, list[Scored], list[Scored]]]]:
    """The scoring items of the rules alone, the tagger alone and both."""
    from .predict import in_context

    rules = load_context_rules()
    out: dict[str, list[tuple[str, str, list[Scored], list[Scored]]]] = {s: [] for s in SETUPS}
    for msg, doc, spans in zip(data.messages, data.docs, model, strict=True):
        gold = list(msg.vague_spans)
        ruled = [(s.start_char, s.end_char, s.label_) for s in doc.spans["vague"]]
        tagged = [(s.start, s.end, s.type) for s in in_context(doc, spans, rules)]
        extra = [t for t in tagged if not overlaps(t[0], t[1], ruled)]
        for name, preds in (("rules", ruled), ("model", tagged), ("both", ruled + extra)):
            out[name].append((msg.id, msg.text, gold, preds))
    return out


def span_cross_validation(
    messages: Sequence[CorpusMessage],
    *,
    n_splits: int,
    docs: Sequence[Doc] | None = None,
    listed: bool = False,
) -> dict[str, Any]:
    """Grouped cross-validation of the tagger: out-of-fold spans at every threshold of
    ``tagger.json``, scored for the rules alone, the tagger alone and both; the threshold
    with the best F1 of both is chosen, and its scores are reported per type (with the
    misses and false alarms of each type when ``listed``)."""
    settings = read_json(*SETTINGS)
    docs = parse_messages(messages) if docs is None else docs
    data = tagger_data(messages, docs, settings["basis_labels"])
    proba = oof_proba(data, n_splits=n_splits)
    by_threshold = {}
    for threshold in settings["thresholds"]:
        decoding = Decoding(
            float(threshold), frozenset(settings["edge_words"]), int(settings["min_words"])
        )
        setups = _setups(data, oof_spans(data, proba, decoding))
        by_threshold[float(threshold)] = setups
    f1 = {t: score_span_lists(s["both"]).f1 for t, s in by_threshold.items()}
    chosen = max(f1, key=lambda t: (round(f1[t], 4), t))
    setups = by_threshold[chosen]
    return {
        "folds": n_splits,
        "messages": len(data.messages),
        "tokens": len(data.labels),
        "both_f1_by_threshold": {str(t): round(v, 4) for t, v in f1.items()},
        "tag_threshold": chosen,
        "edge_words": list(settings["edge_words"]),
        "min_words": int(settings["min_words"]),
        **{
            name: {
                label: span_summary(scores, listed=listed and label != "all")
                for label, scores in scores_by_type(items).items()
            }
            for name, items in setups.items()
        },
    }


def train_spans(
    messages: Sequence[CorpusMessage], *, n_splits: int
) -> tuple[tuple[dict[str, Any], dict[str, np.ndarray]], dict[str, Any], dict[str, Any]]:
    """Cross-validate the tagger, fit it on every decision message and return its stored
    form, its CV metrics and its run-time settings (for the model card's config)."""
    settings = read_json(*SETTINGS)
    docs = parse_messages(messages)
    cv = span_cross_validation(messages, n_splits=n_splits, docs=docs)
    data = tagger_data(messages, docs, settings["basis_labels"])
    stored = dump_tagger(fit_tagger(data.columns, data.labels), settings["basis_labels"])
    config = {key: cv[key] for key in ("tag_threshold", "edge_words", "min_words")}
    config["min_confidence"] = settings["min_confidence"]
    return stored, cv, config

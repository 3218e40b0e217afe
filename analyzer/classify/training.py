"""Fit the four classifiers (plus the vague-type helper) and cross-validate them by family."""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..labels import DECISION_KINDS, KINDS, POLICIES, REASONS, SPECIFICITIES, Policy
from .corpus import DECISION_LABELS, SENTENCE_REASONS
from .dataset import Dataset, load_dataset, originals, sentence_rows, subset
from .decide import (
    POLICY_STRATEGIES,
    KindCue,
    KindRule,
    apply_temperature,
    asks_question,
    body_cues,
    brier,
    combine_policy,
    conditional_words,
    cued_evidence,
    decide_kind,
    decision_cues,
    decision_evidence,
    expected_calibration_error,
    fit_temperature,
    lift_by_cues,
    matching_cues,
    question_rejection_below,
    questioned_evidence,
    rollup_reasons,
    statement_matters,
    states_decision,
)
from .features import lemma_part
from .models import SEED, Spec, build

if TYPE_CHECKING:
    from sklearn.pipeline import Pipeline

DEFAULT_SPECS: Mapping[str, Spec] = {
    "kind": Spec(balanced=True),
    "policy": Spec(balanced=True),
    "reasons": Spec(multilabel=True, balanced=True),
    "specificity": Spec(balanced=True),
    "vague_type": Spec(balanced=True),
    "decision": Spec(balanced=True),
}
THRESHOLDS: tuple[float, ...] = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.55, 0.6)
N_SPLITS = 5
#: Surface variants of each corpus message trained on beside it (:mod:`.augment`), chosen by
#: grouped cross-validation and the tune halves of the development files (docs/corpus.md).
AUGMENT_COPIES = 1
#: Settings are chosen strict: the strictest (highest gate, highest reason threshold) whose
#: cross-validated score is within this of the best. Folds of a few hundred messages do not
#: tell apart scores closer than that, and a strict setting is the one that holds on real mail
#: (measured on the tune halves of the shared evaluation files).
STRICTER_WITHIN = 0.01
#: The same for the reason threshold, on message micro-F1 (half a point: a step of the
#: threshold grid moves micro-F1 by about one point, so this keeps only near-ties).
REASONS_WITHIN = 0.005


def fit_models(data: Dataset, specs: Mapping[str, Spec] = DEFAULT_SPECS) -> dict[str, Pipeline]:
    """Every pipeline fitted on all of ``data``."""
    typed = data.s_type != ""
    jobs: dict[str, tuple[list[str], Any]] = {
        "kind": (data.m_x, data.m_kind),
        "policy": (data.m_x, data.m_policy),
        "reasons": (data.s_x, data.s_reasons),
        "specificity": (data.s_x, data.s_spec),
        "vague_type": ([x for x, t in zip(data.s_x, typed, strict=True) if t], data.s_type[typed]),
    }
    with warnings.catch_warnings():
        # a reason absent from a small training set is learnt as "never": expected, not news
        warnings.filterwarnings("ignore", message="Label not .* is present", category=UserWarning)
        pipes = {name: build(specs[name]).fit(x, y) for name, (x, y) in jobs.items()}
    pipes["decision"] = fit_on_features(pipes["reasons"], specs["decision"], data.d_x, data.d_y)
    return pipes


def fit_on_features(donor: Pipeline, spec: Spec, x: list[str], y: Any) -> Pipeline:
    """A pipeline whose regression is fitted on the already fitted features of ``donor``.

    The decision-sentence detector reads the reasons model's vocabulary and idf, so at run time
    both share one feature matrix per sentence (the detector then costs a product, not a
    transform).
    """
    from sklearn.pipeline import Pipeline

    features = donor.named_steps["features"]
    pipe = Pipeline([("features", features), ("clf", build(spec).named_steps["clf"])])
    if len(set(y)) < 2:  # a tiny corpus may lack one side: learn the constant it shows
        y = [*y, *DECISION_LABELS]
        x = [*x, "", ""]
    pipe.named_steps["clf"].fit(features.transform(x), y)
    return pipe


def aligned_proba(pipe: Pipeline, x: list[str], labels: tuple[str, ...]) -> np.ndarray:
    """``predict_proba`` with columns in the order of ``labels`` (absent classes get zeros)."""
    out = np.zeros((len(x), len(labels)))
    if not x:
        return out
    proba = pipe.predict_proba(x)
    classes = [str(c) for c in pipe.classes_]
    for j, label in enumerate(labels):
        if label in classes:
            out[:, j] = proba[:, classes.index(label)]
    return out


def _out_of_fold(data: Dataset, specs: Mapping[str, Spec], n_splits: int) -> dict[str, Any]:
    from sklearn.model_selection import StratifiedGroupKFold

    n_msg, n_sent = len(data.m_x), len(data.s_x)
    oof = {
        "kind": np.zeros((n_msg, len(KINDS))),
        "policy": np.zeros((n_msg, len(POLICIES))),
        "reasons": np.zeros((n_sent, len(SENTENCE_REASONS))),
        "specificity": np.zeros((n_sent, len(SPECIFICITIES))),
        "decision": np.zeros(len(data.d_x)),
    }
    folds = StratifiedGroupKFold(n_splits=n_splits, shuffle=True, random_state=SEED)
    kept = originals(data)
    for train_idx, fold_idx in folds.split(data.m_x, data.m_kind, data.m_groups):
        # a variant is in its message's family, so in the same fold: trained on with its
        # family, never tested on
        test_idx = np.intersect1d(fold_idx, kept)
        pipes = fit_models(subset(data, train_idx), specs)
        test = subset(data, test_idx)
        s_idx = np.flatnonzero(np.isin(data.s_msg, test_idx))
        d_idx = np.flatnonzero(np.isin(data.d_msg, test_idx))
        if len(d_idx):
            yes = aligned_proba(pipes["decision"], test.d_x, DECISION_LABELS)[:, 1]
            oof["decision"][d_idx] = yes
        oof["kind"][test_idx] = aligned_proba(pipes["kind"], test.m_x, KINDS)
        oof["policy"][test_idx] = aligned_proba(pipes["policy"], test.m_x, POLICIES)
        if len(s_idx):
            oof["reasons"][s_idx] = pipes["reasons"].predict_proba(test.s_x)
            oof["specificity"][s_idx] = aligned_proba(pipes["specificity"], test.s_x, SPECIFICITIES)
    return oof


def _labelled(gold: Any, pred: Any, labels: tuple[str, ...]) -> dict[str, Any]:
    from sklearn.metrics import accuracy_score, classification_report, confusion_matrix

    report = classification_report(
        gold, pred, labels=list(labels), output_dict=True, zero_division=0
    )
    return {
        "accuracy": round(float(accuracy_score(gold, pred)), 4),
        "per_label": {k: {m: round(float(v), 4) for m, v in report[k].items()} for k in labels},
        "labels": list(labels),
        "confusion": confusion_matrix(gold, pred, labels=list(labels)).tolist(),
    }


def _probabilistic(gold: Any, proba: np.ndarray, labels: tuple[str, ...]) -> dict[str, Any]:
    pred = [labels[i] for i in proba.argmax(axis=1)]
    out = _labelled(gold, pred, labels)
    out.update(_calibration(gold, proba, labels, pred))
    return out


def _calibration(
    gold: Any, proba: np.ndarray, labels: tuple[str, ...], pred: list[str]
) -> dict[str, Any]:
    """Brier score and ECE of the raw out-of-fold probabilities, the temperature that
    calibrates them, and both scores after it (on the same folds, so slightly optimistic)."""
    correct = np.array([p == g for p, g in zip(pred, gold, strict=True)], dtype=float)
    temperature = fit_temperature(proba, np.array([labels.index(g) for g in gold]))
    scaled = apply_temperature(proba, temperature)
    return {
        "brier": round(brier(proba, labels, gold), 4),
        "ece": round(expected_calibration_error(proba.max(axis=1), correct), 4),
        "temperature": temperature,
        "brier_calibrated": round(brier(scaled, labels, gold), 4),
        "ece_calibrated": round(expected_calibration_error(scaled.max(axis=1), correct), 4),
    }


#: Decision-evidence thresholds and confidence floors tried for the kind decision.
GATES: tuple[float, ...] = (0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7)
FLOORS: tuple[float, ...] = (0.0, 0.3, 0.35, 0.4, 0.45, 0.5)


def message_evidence(data: Dataset, sentence_yes: np.ndarray) -> np.ndarray:
    """Each message's decision evidence from its sentences' detector probabilities."""
    out = np.zeros(len(data.m_x))
    for i in range(len(out)):
        rows = np.flatnonzero(data.d_msg == i)
        out[i] = decision_evidence(sentence_yes[rows].tolist(), data.d_statement[rows].tolist())
    return out


def kinds_under(
    proba: np.ndarray,
    evidence: np.ndarray,
    job: np.ndarray,
    rule: KindRule,
    cues: BodyCues | None = None,
    *,
    non_job: np.ndarray | None = None,
    strong: np.ndarray | None = None,
) -> tuple[list[str], np.ndarray]:
    """The kinds and confidences :func:`decide_kind` gives every message under ``rule``, then
    (with ``cues``) the body's cues as at run time (decision statements, :func:`lift_by_cues`);
    ``non_job`` marks the decisions about something that is not a job, ``strong`` the messages
    that use the job search's own words (none of either when omitted)."""
    decided = []
    non_job = np.zeros(len(job), dtype=bool) if non_job is None else non_job
    strong = np.zeros(len(job), dtype=bool) if strong is None else strong
    for i, (p, e, j) in enumerate(zip(proba, evidence, job, strict=True)):
        nj = bool(non_job[i])
        if cues is None:
            decided.append(
                decide_kind(p, evidence=float(e), job_words=bool(j), rule=rule, non_job=nj)
            )
            continue
        e = questioned_evidence(float(e), p, asks=bool(cues.asks[i]), below=cues.question_below)
        stated = bool(cues.stated[i]) and statement_matters(
            p, evidence=e, rule=rule, strong_job=bool(strong[i])
        )
        e = cued_evidence(e, stated=stated, rule=rule)
        kind = decide_kind(p, evidence=e, job_words=bool(j), rule=rule, non_job=nj)
        found = cues.found[i]
        decided.append(lift_by_cues(p, kind, found, evidence=e, rule=rule) if found else kind)
    return [k for k, _ in decided], np.array([c for _, c in decided])


@dataclass(frozen=True)
class BodyCues:
    """What the body's wording says of each message's kind: whether it states a decision in
    so many words, which kind cues it matches, whether it asks a question, and the rejection
    probability under which a question sets the decision evidence aside (see :mod:`.decide`)."""

    stated: np.ndarray
    found: list[list[KindCue]]
    asks: np.ndarray
    question_below: float | None


def body_cues_of(data: Dataset) -> BodyCues:
    """The body cues of every message of ``data``, read from its cleaned text as at run time."""
    from ..clean import clean

    texts = [clean(m.text).text for m in data.messages]
    statements, kinds = decision_cues(), body_cues()
    conditionals = conditional_words()
    return BodyCues(
        stated=np.array([states_decision(t, statements, conditionals) for t in texts], dtype=bool),
        found=[matching_cues(t, kinds, conditionals) for t in texts],
        asks=np.array([asks_question(t) for t in texts], dtype=bool),
        question_below=question_rejection_below(),
    )


def _rejection_pr(gold: Any, pred: list[str]) -> dict[str, float]:
    from sklearn.metrics import precision_score, recall_score

    g = [x == "rejection" for x in gold]
    p = [x == "rejection" for x in pred]
    return {
        "precision": round(float(precision_score(g, p, zero_division=0)), 4),
        "recall": round(float(recall_score(g, p, zero_division=0)), 4),
    }


def classwise_ece(proba: np.ndarray, gold: Any, labels: tuple[str, ...]) -> dict[str, float]:
    """Per class: the ECE of that class's probability against whether it is the gold class."""
    gold = np.asarray(gold)
    return {
        label: round(expected_calibration_error(proba[:, j], (gold == label).astype(float)), 4)
        for j, label in enumerate(labels)
    }


def _kind_metrics(data: Dataset, oof: dict[str, Any]) -> dict[str, Any]:
    """The classifier alone, and the kind decision under each gate and floor; the chosen rule
    is the strictest gate (then the lowest floor) within :data:`STRICTER_WITHIN` of the most
    accurate gated one."""
    raw = _probabilistic(data.m_kind, oof["kind"], KINDS)
    proba = apply_temperature(oof["kind"], raw["temperature"])
    evidence = message_evidence(data, oof["decision"])
    cues = body_cues_of(data)
    designs: dict[str, Any] = {}
    rules = {"classifier": KindRule(job_words=False)}
    rules |= {f"gate {g} floor {f}": KindRule(gate=g, floor=f) for g in GATES for f in FLOORS}
    for name, rule in rules.items():
        pred, _ = kinds_under(
            proba, evidence, data.m_job, rule, cues, non_job=data.m_non_job, strong=data.m_strong
        )
        designs[name] = _design_scores(data.m_kind, pred)
    gated = [n for n in rules if n != "classifier"]
    top = max(designs[n]["accuracy"] for n in gated)
    near = [n for n in gated if designs[n]["accuracy"] >= top - STRICTER_WITHIN]
    best = max(near, key=lambda n: (rules[n].gate, -rules[n].floor, designs[n]["accuracy"]))
    chosen = rules[best]
    pred, _ = kinds_under(
        proba, evidence, data.m_job, chosen, non_job=data.m_non_job, strong=data.m_strong
    )
    designs[f"{best} without body cues"] = _design_scores(data.m_kind, pred)
    pred, conf = kinds_under(
        proba, evidence, data.m_job, chosen, cues, non_job=data.m_non_job, strong=data.m_strong
    )
    out = _labelled(data.m_kind, pred, KINDS)
    correct = np.array([p == g for p, g in zip(pred, data.m_kind, strict=True)], dtype=float)
    return {
        **out,
        "designs": designs,
        "chosen": {"gate": chosen.gate, "floor": chosen.floor},
        "rejection": _rejection_pr(data.m_kind, pred),
        "ece": round(expected_calibration_error(conf, correct), 4),
        "ece_by_predicted_class": {
            label: round(expected_calibration_error(conf[m], correct[m]), 4)
            for label in KINDS
            if (m := np.array([p == label for p in pred])).any()
        },
        "classifier": {**raw, "ece_by_class": classwise_ece(proba, data.m_kind, KINDS)},
        "temperature": raw["temperature"],
    }


def _design_scores(gold: np.ndarray, pred: list[str]) -> dict[str, Any]:
    acc = float(np.mean([p == g for p, g in zip(pred, gold, strict=True)]))
    return {"accuracy": round(acc, 4), "rejection": _rejection_pr(gold, pred)}


def _policy_metrics(data: Dataset, oof: dict[str, Any]) -> dict[str, Any]:
    kinds = [KINDS[i] for i in oof["kind"].argmax(axis=1)]
    clf = [POLICIES[i] for i in oof["policy"].argmax(axis=1)]
    results: dict[str, Any] = {}
    for strategy in POLICY_STRATEGIES:
        pred = [
            combine_policy(strategy, r, c) if k in DECISION_KINDS else Policy.UNSPECIFIED.value
            for r, c, k in zip(data.m_rule_policy, clf, kinds, strict=True)
        ]
        results[strategy] = _labelled(data.m_policy, pred, POLICIES)
    best = choose_policy_strategy({s: results[s]["accuracy"] for s in POLICY_STRATEGIES})
    calibration = _calibration(data.m_policy, oof["policy"], POLICIES, clf)
    return {"strategies": results, "chosen": best, **results[best], "classifier": calibration}


#: How far below the best cross-validated accuracy the combined policy strategy may be and still
#: be chosen: the rule cues are the precise layer, and on real mail they catch explicit
#: wordings ("happy to share feedback") that a classifier trained on written mail can miss.
POLICY_TOLERANCE = 0.005


def choose_policy_strategy(accuracy: Mapping[str, float]) -> str:
    """``combined`` when its accuracy is within :data:`POLICY_TOLERANCE` of the best, else the
    most accurate strategy."""
    top = max(accuracy.values())
    if accuracy.get("combined", -1.0) >= top - POLICY_TOLERANCE:
        return "combined"
    return max(accuracy, key=lambda s: accuracy[s])


def _reason_metrics(data: Dataset, oof: dict[str, Any]) -> dict[str, Any]:
    from sklearn.metrics import f1_score
    from sklearn.preprocessing import MultiLabelBinarizer

    decision = [i for i, m in enumerate(data.messages) if m.kind in DECISION_KINDS]
    mlb = MultiLabelBinarizer(classes=list(REASONS))
    y_true = mlb.fit_transform([data.messages[i].reasons for i in decision])

    # each message's sentence probabilities and lemma strings (what the lemma rules read)
    rows = [
        (
            oof["reasons"][data.s_msg == i],
            [lemma_part(data.s_x[k]) for k in np.flatnonzero(data.s_msg == i)],
        )
        for i in decision
    ]

    def predict(t: float) -> Any:
        return mlb.transform(
            [
                [r[0] for r in rollup_reasons(p, SENTENCE_REASONS, t, sentence_lemmas=lemmas)]
                for p, lemmas in rows
            ]
        )

    scores = {t: float(f1_score(y_true, predict(t), average="micro")) for t in THRESHOLDS}
    near = [t for t in THRESHOLDS if scores[t] >= max(scores.values()) - REASONS_WITHIN]
    best = max(near)
    y_pred = predict(best)
    per = {
        label: {
            "precision": round(_prec(y_true[:, j], y_pred[:, j]), 4),
            "recall": round(_rec(y_true[:, j], y_pred[:, j]), 4),
            "f1": round(float(f1_score(y_true[:, j], y_pred[:, j], zero_division=0)), 4),
            "support": int(y_true[:, j].sum()),
        }
        for j, label in enumerate(REASONS)
    }
    return {
        "micro_f1_by_threshold": {str(t): round(s, 4) for t, s in scores.items()},
        "threshold": best,
        "micro_f1": round(scores[best], 4),
        "per_label": per,
    }


def _prec(y: np.ndarray, p: np.ndarray) -> float:
    return float((y & p).sum() / p.sum()) if p.sum() else 0.0


def _rec(y: np.ndarray, p: np.ndarray) -> float:
    return float((y & p).sum() / y.sum()) if y.sum() else 0.0


def cross_validate_data(
    data: Dataset, specs: Mapping[str, Spec] = DEFAULT_SPECS, n_splits: int = N_SPLITS
) -> dict[str, Any]:
    """Grouped (by family) cross-validated metrics of every model on a parsed corpus; with
    augmentation variants in ``data``, they are trained on in their family's training folds and
    the metrics are those of the original messages."""
    oof = _out_of_fold(data, specs, n_splits)
    data, oof = _on_originals(data, oof)
    return {
        "folds": n_splits,
        "messages": len(data.m_x),
        "sentences": len(data.s_x),
        "kind": _kind_metrics(data, oof),
        "policy": _policy_metrics(data, oof),
        "reasons": _reason_metrics(data, oof),
        "specificity": _probabilistic(data.s_spec, oof["specificity"], SPECIFICITIES),
    }


def _on_originals(data: Dataset, oof: dict[str, Any]) -> tuple[Dataset, dict[str, Any]]:
    """``data`` and its out-of-fold predictions without the augmentation variants."""
    keep = originals(data)
    if len(keep) == len(data.messages):
        return data, oof
    sentences, decisions = sentence_rows(data.s_msg, keep), sentence_rows(data.d_msg, keep)
    rows = {"reasons": sentences, "specificity": sentences, "decision": decisions}
    return subset(data, keep), {k: v[rows.get(k, keep)] for k, v in oof.items()}


def cross_validate(corpus_dir: str | Path, n_splits: int = N_SPLITS) -> dict[str, Any]:
    """Grouped cross-validation (``StratifiedGroupKFold`` on ``family``) over a corpus dir,
    and of the span tagger (``GroupKFold`` on ``family``), with its misses and false alarms."""
    from .tagging import span_cross_validation

    data = load_dataset(corpus_dir, copies=AUGMENT_COPIES, seed=SEED)
    cv = cross_validate_data(data, n_splits=n_splits)
    messages = [data.messages[i] for i in originals(data)]
    cv["spans"] = span_cross_validation(messages, n_splits=n_splits, listed=True)
    return cv

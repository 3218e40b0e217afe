"""The fitted classifiers at run time: load them once, predict for parsed Docs."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache, partial
from importlib.abc import Traversable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from ..components.context import ContextRules, keep_candidates, load_context_rules
from ..components.policy import policy_label
from ..errors import ModelError
from ..labels import DECISION_KINDS, KINDS, POLICIES, SPECIFICITIES, VAGUE_TYPES, Policy
from .corpus import DECISION_LABELS, SENTENCE_REASONS, overlaps
from .decide import (
    KindRule,
    about_non_job,
    apply_temperature,
    asks_question,
    body_cues,
    combine_policy,
    conditional_words,
    cued_evidence,
    decide_kind,
    decision_evidence,
    has_job_words,
    hedges,
    held_reasons,
    kind_word_lists,
    lift_by_cues,
    matching_cues,
    non_job_cues,
    question_rejection_below,
    questioned_evidence,
    reasons_of,
    settled,
    stated_cue,
    stated_may_lift,
    statement_flags,
    statement_matters,
    strong_job_words,
    subject_cues,
    subject_matches,
)
from .features import (
    Sentence,
    Strings,
    Tokens,
    Words,
    lemma_part,
    message_features,
    sentences,
)
from .linear import LinearModel, read_linear_models
from .store import CARD, RETRAIN, has_models, models_dir, read_card, read_models
from .tagger import Decoding, SpanTagger, TaggedSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc

MODEL_NAMES = ("kind", "policy", "reasons", "decision", "specificity", "vague_type")
#: The vague-span tagger's model (read when the card lists it).
SPANS_MODEL = "spans"


@dataclass(frozen=True)
class SentencePrediction:
    """A sentence's specificity, and its most probable vague type, with offsets."""

    start: int
    end: int
    specificity: str
    confidence: float
    vague_type: str
    type_confidence: float


@dataclass(frozen=True)
class MessagePrediction:
    """Everything the classifiers say about one message.

    ``reasons`` holds ``(label, confidence, evidence offsets)``; ``policy_source`` is
    ``rule`` or ``classifier``; ``sentences`` holds the judged sentences and ``extra_vague``
    those the classifier deems vague with high confidence that no rule span overlaps (both empty
    unless classifier findings are enabled on the model card); ``tagged`` holds the span
    tagger's phrases that passed the context step (whether rule spans overlap them or not).
    """

    kind: str
    kind_confidence: float
    policy: str
    policy_confidence: float | None
    policy_source: str
    reasons: tuple[tuple[str, float, tuple[tuple[int, int], ...]], ...]
    sentences: tuple[SentencePrediction, ...]
    extra_vague: tuple[SentencePrediction, ...]
    tagged: tuple[TaggedSpan, ...] = ()


class Classifiers:
    """The stored models plus the decisions chosen in training (model card)."""

    def __init__(
        self,
        models: dict[str, LinearModel],
        card: dict[str, Any],
        tagger: SpanTagger | Callable[[], SpanTagger] | None = None,
    ):
        self.models = models
        self.card = card
        self._tagger = tagger  # or what reads it when first needed
        config = card["config"]
        self.decoding = decoding_of(config.get("spans", {}))
        least = config.get("spans", {}).get("min_confidence")
        #: The least confidence of a tagger finding when the caller sets none.
        self.min_confidence: float | None = None if least is None else float(least)
        self._context: ContextRules | None = None
        self.reason_threshold = float(config["reason_threshold"])
        self.policy_strategy = str(config["policy_strategy"])
        found = config.get("finding_threshold")
        self.finding_threshold: float | None = None if found is None else float(found)
        self.temperatures = {k: float(t) for k, t in config.get("temperatures", {}).items()}
        rule = config.get("kind_rule") or {}
        gate = rule.get("gate")
        self.kind_rule = KindRule(
            gate=None if gate is None else float(gate), floor=float(rule.get("floor", 0.0))
        )
        self.job_words, self.not_openers = kind_word_lists()
        self.reply_marker, self.subject_cues = subject_cues()
        self.body_cues, self.stated_cues = body_cues(), (stated_cue(),)
        self.question_below = question_rejection_below()
        self.conditionals = conditional_words()
        self.hedges, self.non_job = hedges(), non_job_cues()
        self.strong_job_words = strong_job_words()
        self._strings: Strings | None = None  # of the vocabulary the Docs come from

    @property
    def tagger(self) -> SpanTagger | None:
        """The span tagger (``None`` when the models have none), read when first needed: only
        runs that add the tagger's phrases (``min_confidence``) use it."""
        if self._tagger is not None and not isinstance(self._tagger, SpanTagger):
            self._tagger = self._tagger()
        return self._tagger

    def _proba(
        self,
        name: str,
        x: list[str],
        labels: Sequence[str],
        cache: dict[int, Any] | None = None,
        words: Sequence[Words | None] | None = None,
    ) -> np.ndarray:
        """Probabilities of ``labels`` for each of ``x``, calibrated by the card's temperature
        for the model; ``cache`` keeps feature matrices for models that share them, ``words``
        holds the feature strings' kept word lists."""
        out = np.zeros((len(x), len(labels)))
        if not x:
            return out
        model = self.models[name]
        cache = {} if cache is None else cache
        key = id(model.features)
        if key not in cache:
            cache[key] = model.features.transform(x, words)
        proba = model.proba(cache[key])
        if model.one_vs_rest:  # columns already in ``labels`` order
            return proba
        proba = apply_temperature(proba, self.temperatures.get(name, 1.0))
        for j, label in enumerate(labels):
            if label in model.classes:
                out[:, j] = proba[:, model.classes.index(label)]
        return out

    def predict(
        self,
        docs: Sequence[Doc],
        *,
        tag: bool = True,
        subjects: Sequence[str | None] | None = None,
        texts: Sequence[str] | None = None,
    ) -> list[MessagePrediction]:
        """One :class:`MessagePrediction` per Doc (Docs from the analyzer's pipeline); with
        ``tag`` false the span tagger does not run (its phrases are not wanted). ``subjects``
        holds each message's subject line (or ``None``), evidence of its kind (see
        :meth:`_kind`). ``texts`` are the Docs' texts when the caller has them: ``Doc.text``
        joins every token's text again (about 0.1 ms a message).

        Each model runs once over all the Docs (or all their sentences), and models that
        share a feature space share its matrix.
        """
        if docs and (self._strings is None or self._strings.store is not docs[0].vocab.strings):
            self._strings = Strings(docs[0].vocab.strings)
        tokens = [Tokens(doc, self._strings) for doc in docs]
        messages = [message_features(doc, t) for doc, t in zip(docs, tokens, strict=True)]
        feats, kept = [value for value, _ in messages], [words for _, words in messages]
        shared: dict[int, Any] = {}
        kinds = self._proba("kind", feats, KINDS, shared, kept)
        policies = self._proba("policy", feats, POLICIES, shared, kept)
        texts = [doc.text for doc in docs] if texts is None else texts
        strong = [not self.strong_job_words.isdisjoint(t.lowers) for t in tokens]
        decided = [
            self._may_decide(p, text, strong=j)
            for p, text, j in zip(kinds, texts, strong, strict=True)
        ]
        sents = [
            list(sentences(doc, t)) if d else []
            for doc, t, d in zip(docs, tokens, decided, strict=True)
        ]
        flat = [s for doc_sents in sents for s in doc_sents]
        x, x_words = [s.features for s in flat], [s.words for s in flat]
        by_sentence: dict[int, Any] = {}
        reason_p = self._proba("reasons", x, SENTENCE_REASONS, by_sentence, x_words)
        # the sentences' reasons for the whole batch at once, as lists (a message's rows are
        # few: numpy's per-call cost on them was more than the work)
        reason_rows, held_rows = (
            m.tolist()
            for m in held_reasons(
                reason_p,
                SENTENCE_REASONS,
                self.reason_threshold,
                sentence_lemmas=[lemma_part(s.features) for s in flat],
            )
        )
        decision_p = self._proba("decision", x, DECISION_LABELS, by_sentence, x_words)[:, 1]
        judged = self._sentences(flat, x, by_sentence)
        wanted = [doc for doc, d in zip(docs, decided, strict=True) if d]
        tagged = self._tagged(wanted) if tag else [()] * len(wanted)
        tagged_of = iter(tagged)
        out, row = [], 0
        subjects = [None] * len(docs) if subjects is None else subjects
        for i, doc in enumerate(docs):
            rows = slice(row, row + len(sents[i]))
            row = rows.stop
            statements = statement_flags(texts[i], sents[i], self.not_openers, self.hedges)
            detected = decision_evidence(decision_p[rows].tolist(), statements)
            kind = self._kind(
                kinds[i], texts[i], tokens[i], subjects[i], detected, strong=strong[i]
            )
            message = self._message(
                doc, kind, policies[i], sents[i], (reason_rows[rows], held_rows[rows]), judged[rows]
            )
            if decided[i]:  # tagged before the kind's evidence check: kept if still a decision
                spans = next(tagged_of)
                if message.kind in DECISION_KINDS:
                    message = replace(message, tagged=spans)
            out.append(message)
        return out

    def _may_decide(self, proba: np.ndarray, text: str, *, strong: bool = False) -> bool:
        """Whether a message may be a decision, so that its sentences are read: the classifier
        favours a decision kind, or an acknowledgement or an offer (or ``other``, in a message
        that uses the job search's own words: ``strong``) while the text states a decision in
        so many words (a cue of a rejection: :func:`body_cues`)."""
        kind = KINDS[int(proba.argmax())]
        if kind in DECISION_KINDS:
            return True
        return stated_may_lift(kind, strong_job=strong) and self._states(text)

    def _states(self, text: str) -> bool:
        """Whether ``text`` states a decision in so many words (:func:`~.decide.states_decision`'s
        reading, through the RE2 cue and its literal prefilter: most messages have none)."""
        return bool(matching_cues(text, self.stated_cues, self.conditionals))

    def _kind(
        self,
        proba: np.ndarray,
        text: str,
        tokens: Tokens,
        subject: str | None,
        detected: float,
        *,
        strong: bool = False,
    ) -> tuple[str, float]:
        """The message's kind and its confidence (``strong``: the message uses the job
        search's own words, see :func:`~.decide.stated_may_lift`). The detector's evidence
        ``detected`` is set aside in a message that asks a question and is no clear rejection
        (:func:`questioned_evidence`) and raised to the gate by a decision stated in so many
        words (:func:`cued_evidence`); then :func:`decide_kind` (a decision about a payment,
        an order or a loan is ``other``: :func:`about_non_job`), then the cues of the subject
        line and the body (:func:`lift_by_cues`). The subject's words count as job words too;
        the subject is a few words, read with regular expressions only (no second parse)."""
        below, rule = self.question_below, self.kind_rule
        evidence = questioned_evidence(detected, proba, asks=asks_question(text), below=below)
        stated = statement_matters(proba, evidence=evidence, rule=rule, strong_job=strong)
        stated = stated and self._states(text)
        evidence = cued_evidence(evidence, stated=stated, rule=rule)
        heading = [] if subject is None else subject.lower().split()
        job = has_job_words(tokens.lowers, self.job_words) or has_job_words(heading, self.job_words)
        non_job = about_non_job(
            text, [*tokens.lowers, *heading], self.non_job, self.strong_job_words
        )
        decided = decide_kind(proba, evidence=evidence, job_words=job, rule=rule, non_job=non_job)
        if settled(decided[0], evidence=evidence, rule=rule):  # no cue would change it
            return decided
        cues = [
            *subject_matches(subject, self.reply_marker, self.subject_cues),
            *matching_cues(text, self.body_cues, self.conditionals),
        ]
        if cues:
            decided = lift_by_cues(proba, decided, cues, evidence=evidence, rule=rule)
        return decided

    def _tagged(self, docs: list[Doc]) -> list[tuple[TaggedSpan, ...]]:
        """The span tagger's phrases in each of ``docs`` that pass the context step."""
        if self.tagger is None or not docs:
            return [()] * len(docs)
        if self._context is None:
            self._context = load_context_rules()
        found = self.tagger.spans(docs, self.decoding)
        return [
            tuple(in_context(doc, spans, self._context))
            for doc, spans in zip(docs, found, strict=True)
        ]

    def _message(
        self,
        doc: Doc,
        decided: tuple[str, float],
        policy_p: np.ndarray,
        sents: list[Sentence],
        reasons_held: tuple[list[list[float]], list[list[bool]]],
        judged: tuple[SentencePrediction, ...],
    ) -> MessagePrediction:
        kind, confidence = decided
        clf_policy = POLICIES[int(policy_p.argmax())]
        if kind not in DECISION_KINDS:
            return MessagePrediction(
                kind, confidence, Policy.UNSPECIFIED.value, None, "rule", (), (), ()
            )
        rule = policy_label(doc)
        policy = combine_policy(self.policy_strategy, rule, clf_policy)
        from_rule = self.policy_strategy == "rule" or (policy == rule and rule != clf_policy)
        reasons = reasons_of(*reasons_held, SENTENCE_REASONS)
        return MessagePrediction(
            kind=kind,
            kind_confidence=confidence,
            policy=policy,
            policy_confidence=None if from_rule else float(policy_p[POLICIES.index(policy)]),
            policy_source="rule" if from_rule else "classifier",
            reasons=tuple(
                (label, conf, tuple((sents[r].start, sents[r].end) for r in rows))
                for label, conf, rows in reasons
            ),
            sentences=judged,
            extra_vague=self._extra_vague(doc, judged),
        )

    def _sentences(
        self, sents: list[Sentence], x: list[str], cache: dict[int, Any]
    ) -> tuple[SentencePrediction, ...]:
        """Specificity and vague type of each sentence: only when classifier findings are on
        (the model card's ``finding_threshold``), as nothing else reads them."""
        if self.finding_threshold is None:
            return ()
        words = [s.words for s in sents]
        spec = self._proba("specificity", x, SPECIFICITIES, cache, words)
        types = self._proba("vague_type", x, VAGUE_TYPES, cache, words)
        return tuple(
            SentencePrediction(
                s.start,
                s.end,
                SPECIFICITIES[int(spec[i].argmax())],
                float(spec[i].max()),
                VAGUE_TYPES[int(types[i].argmax())],
                float(types[i].max()),
            )
            for i, s in enumerate(sents)
        )

    def _extra_vague(
        self, doc: Doc, judged: tuple[SentencePrediction, ...]
    ) -> tuple[SentencePrediction, ...]:
        if self.finding_threshold is None:
            return ()
        rule_spans = [(s.start_char, s.end_char) for s in doc.spans.get("vague", [])]
        return tuple(
            s
            for s in judged
            if s.specificity == "vague"
            and s.confidence >= self.finding_threshold
            and not overlaps(s.start, s.end, rule_spans)
        )


#: The models every prediction needs; the sentence-specificity ones serve classifier findings.
MESSAGE_MODELS = ("kind", "policy", "reasons", "decision")


def load_models(directory: str | Path | Traversable | None = None) -> Classifiers:
    """The classifiers stored in ``directory`` (default: :func:`models_dir`).

    Each file read is checked against the model card's hashes; the specificity and
    vague-type models are read only when the card turns classifier findings on, and the span
    tagger only when first used (a damaged tagger file raises :class:`ModelError` then).
    """
    directory = models_dir() if directory is None else directory
    directory = Path(directory) if isinstance(directory, str) else directory
    card = read_card(directory)
    wanted = MODEL_NAMES if card.get("config", {}).get("finding_threshold") else MESSAGE_MODELS
    card, stored = read_models(directory, wanted)
    try:
        linear = read_linear_models({name: stored[name] for name in wanted})
    except (KeyError, ValueError, TypeError, IndexError):
        raise ModelError(f"models in {directory} are incomplete; {RETRAIN}") from None
    with_tagger = SPANS_MODEL in card.get("models", ())
    return Classifiers(linear, card, partial(_read_tagger, directory) if with_tagger else None)


def _read_tagger(directory: Path | Traversable) -> SpanTagger:
    """The span tagger stored in ``directory``."""
    _, stored = read_models(directory, [SPANS_MODEL])
    try:
        return SpanTagger.from_stored(*stored[SPANS_MODEL])
    except (KeyError, ValueError, TypeError, IndexError):
        raise ModelError(f"the span tagger in {directory} is incomplete; {RETRAIN}") from None


def load_installed() -> Classifiers | None:
    """The installed classifiers, or ``None`` when no models are installed at all.

    Loaded once per process for each state of the model folder (its path and the model card's
    size and modification time), so every :class:`~analyzer.Analyzer` shares one copy.
    """
    directory = models_dir()
    if not has_models(directory):
        return None
    return _load_cached(str(directory), _card_stamp(directory))


def _card_stamp(directory: Traversable | Path) -> tuple[int, int] | None:
    try:
        info = os.stat(str(directory / CARD))
    except OSError:
        return None
    return info.st_mtime_ns, info.st_size


def decoding_of(settings: dict[str, Any]) -> Decoding:
    """The tagger's decoding settings as the model card stores them."""
    return Decoding(
        tag_threshold=float(settings.get("tag_threshold", Decoding.tag_threshold)),
        edge_words=frozenset(settings.get("edge_words", ())),
        min_words=int(settings.get("min_words", Decoding.min_words)),
    )


def in_context(doc: Doc, spans: list[TaggedSpan], rules: ContextRules) -> list[TaggedSpan]:
    """``spans`` that pass the context step, judged beside the Doc's rule spans (whose
    decisions count for the opening-time check)."""
    if not spans:
        return []
    rule_spans = [(s.start, s.end, s.label_) for s in doc.spans.get("vague", ())]
    candidates = [(s.first, s.last + 1, s.type) for s in spans]
    keep = keep_candidates(doc, [*candidates, *rule_spans], rules)[: len(spans)]
    return [s for s, k in zip(spans, keep, strict=True) if k]


@lru_cache(maxsize=4)
def _load_cached(directory: str, stamp: tuple[int, int] | None) -> Classifiers:
    return load_models(Path(directory))

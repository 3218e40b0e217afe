"""The plain Python API: text in, :class:`~analyzer.report.Report` out.

Everything heavy (spaCy, the models) loads on first use and once per :class:`Analyzer`.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from . import questions
from .classify.corpus import overlaps
from .clean import Cleaned, clean
from .components.policy import policy_label
from .explained import explain
from .labels import DECISION_KINDS, Policy
from .language import ENGLISH, detect_language, foreign_note
from .plancontext import invites_after_decision, read_context
from .report import (
    Finding,
    Prediction,
    Question,
    ReasonResult,
    Report,
    SpecificFeedback,
    TextSpan,
)
from .rules import load_rule_files
from .textio import MAX_MESSAGE_CHARS, scrub_surrogates
from .tokenizing import TokenizerWarmer

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

    from .classify.predict import Classifiers, MessagePrediction

_T = TypeVar("_T")
#: Characters of a subject line read as kind evidence, at most.
MAX_SUBJECT_CHARS = 1000
#: Where findings come from: the rules, the span tagger.
SOURCES = ("rule", "model")


class Analyzer:
    """Analyze messages with the built-in rules, optional user rules and the trained models.

    Args:
        rules: paths of users' rule files (JSONL, spaCy pattern format) added to the built-ins.
        extra_rules: rules given as dicts, already in that format.
        use_models: use the trained classifiers when they are installed.
        max_questions: the cap on each report's question plan.
        models_path: a folder of trained models to use instead of the installed ones.
        sources: which findings to report: ``rule`` (patterns and comparatives), ``model``
            (the span tagger; needs the models), or both. Model findings that overlap a rule
            finding are left out when both are on. By default the rules alone, and the span
            tagger too when ``min_confidence`` is given: on real mail it added no phrase the
            rules missed at a confidence that kept precision (docs/spans.md), and it costs
            about a third of a message's analysis, so it runs only when asked for.
        min_confidence: the least confidence of a model finding to report it (``None``: the
            default on the model card).
    """

    def __init__(
        self,
        *,
        rules: Sequence[str | Path] = (),
        extra_rules: Sequence[dict[str, Any]] = (),
        use_models: bool = True,
        max_questions: int = questions.DEFAULT_MAX,
        models_path: str | Path | None = None,
        sources: Sequence[str] | None = None,
        min_confidence: float | None = None,
    ):
        if sources is None:
            sources = SOURCES if min_confidence is not None else ("rule",)
        unknown = set(sources) - set(SOURCES)
        if unknown or not sources:
            raise ValueError(f"sources must be some of {SOURCES}, not {tuple(sources)}")
        self.sources = tuple(sources)
        self.min_confidence = min_confidence
        self._rules = [*load_rule_files(rules), *extra_rules]
        self._explanations = {r["id"]: r["explanation"] for r in self._rules if "explanation" in r}
        self.use_models = use_models
        self.max_questions = max_questions
        self.models_path = models_path
        self._nlp: Language | None = None
        self._warmer: TokenizerWarmer | None = None
        self._models: Classifiers | None = None
        self._models_loaded = False

    @property
    def models(self) -> Classifiers | None:
        """The trained classifiers, loaded on first use; ``None`` when off or not installed.

        Raises:
            ModelError: models are installed but missing a file, corrupt or incompatible.
        """
        if self.use_models and not self._models_loaded:
            from .classify.predict import load_installed, load_models

            path = self.models_path
            self._models = load_installed() if path is None else load_models(path)
            self._models_loaded = True
        return self._models if self.use_models else None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, built on first use."""
        if self._nlp is None:
            from .pipeline import shared_pipeline

            self._nlp = shared_pipeline(self._rules)
        return self._nlp

    def _warm(self, text: str) -> str:
        if self._warmer is None:
            self._warmer = TokenizerWarmer(self.nlp.tokenizer)
        return self._warmer(text)

    def analyze(self, text: str, *, subject: str | None = None) -> Report:
        """Analyze one message; ``subject``, its subject line when known, is evidence of its
        kind (an acknowledgement whose body is a footer, an interview already confirmed)."""
        return next(self.analyze_many([text], subjects=[subject]))

    def analyze_many(
        self,
        texts: Iterable[str],
        *,
        batch_size: int = 64,
        subjects: Iterable[str | None] | None = None,
    ) -> Iterator[Report]:
        """Analyze many messages, ``batch_size`` at a time; ``subjects`` (optional) holds
        each message's subject line or ``None``, in the order of ``texts``.

        Each step (cleaning, tokenizing, each pipeline component, the classifiers, the reports)
        runs over a whole batch before the next step starts: a step's code and tables stay warm
        in the processor's caches, which makes a message cheaper than one step after another
        for each message in turn.
        """
        lines = repeat(None) if subjects is None else iter(subjects)
        for chunk in _chunks(texts, batch_size):
            heads = [_subject(next(lines, None)) for _ in chunk]
            prepared = [_prepare(text) for text in chunk]
            warmed = [self._warm(cleaned.text) for _, cleaned, _, _ in prepared]
            docs = list(self.nlp.pipe(warmed, batch_size=batch_size))
            models = self.models
            tag = "model" in self.sources
            predicted = (
                models.predict(docs, tag=tag, subjects=heads, texts=warmed)
                if models is not None
                else [None] * len(docs)
            )
            for (text, _, language, notes), doc, prediction in zip(
                prepared, docs, predicted, strict=True
            ):
                yield self._report(text, doc, notes, prediction, language=language)

    def _report(
        self,
        text: str,
        doc: Doc,
        notes: tuple[str, ...],
        predicted: MessagePrediction | None,
        *,
        language: str = ENGLISH,
    ) -> Report:
        kind = Prediction(None, None, "unavailable")
        reasons: tuple[ReasonResult, ...] = ()
        if predicted is None:
            policy = Prediction(policy_label(doc), None, "rule")
        else:
            kind = Prediction(predicted.kind, predicted.kind_confidence, "classifier")
            policy = Prediction(
                predicted.policy, predicted.policy_confidence, predicted.policy_source
            )
            reasons = _reasons(text, predicted)
        decision = kind.label is None or kind.label in DECISION_KINDS
        findings: tuple[Finding, ...] = ()
        if decision and "rule" in self.sources:
            findings = tuple(self._finding(text, span) for span in doc.spans["vague"])
        if decision and predicted is not None and "model" in self.sources:
            findings = _merge(findings, self._model_findings(text, findings, predicted))
        if decision and predicted is not None and predicted.extra_vague:
            findings = _merge(findings, self._classifier_findings(text, predicted))
        specific = tuple(_specific(text, s) for s in doc.spans["specific"]) if decision else ()
        findings = explain(findings, text, specific)
        if not decision:
            policy = Prediction(Policy.UNSPECIFIED.value, None, "rule")
        plan = (
            self._plan(text, findings, specific, policy.label, reasons)
            if decision
            else _short_plan(text, self.max_questions)
        )
        return Report(
            text=text,
            kind=kind,
            feedback_policy=policy,
            reasons=reasons if decision else (),
            findings=findings,
            specific_feedback=specific,
            questions=tuple(plan),
            notes=notes,
            language=language,
        )

    def _plan(
        self,
        text: str,
        findings: tuple[Finding, ...],
        specific: tuple[SpecificFeedback, ...],
        policy: str | None,
        reasons: tuple[ReasonResult, ...],
    ) -> list[Question]:
        """The question plan of a decision message (a sender who declines feedback is sent a
        thank-you and no question: see :func:`questions.plan`)."""
        if self.max_questions <= 0:
            return []
        context = read_context(text, policy=policy, reasons=reasons, specific=specific)
        return questions.plan(
            findings, specific, max_questions=self.max_questions, context=context, message=text
        )

    def _finding(self, text: str, span: Span) -> Finding:
        start, end = span.start_char, span.end_char
        words = [t.lower_ for t in span] + [t.lemma_.lower() for t in span]
        phrase = text[start:end]
        return Finding(
            text=phrase,
            start=start,
            end=end,
            type=span.label_,
            explanation=self._explanations.get(span.id_) or questions.explanation(span.label_),
            question=questions.question_for(span.label_, phrase, words),
            source="rule",
            rule=span.id_ or "comparative",
        )

    def _model_findings(
        self, text: str, rule_findings: tuple[Finding, ...], predicted: MessagePrediction
    ) -> list[Finding]:
        """The tagger's phrases at or above ``min_confidence`` that no rule finding overlaps."""
        taken = [(f.start, f.end) for f in rule_findings]
        least = self.min_confidence
        if least is None and self.models is not None:
            least = self.models.min_confidence
        found = []
        for s in predicted.tagged:
            if (least is not None and s.confidence < least) or overlaps(s.start, s.end, taken):
                continue
            found.append(
                _learned_finding(
                    text,
                    s.start,
                    s.end,
                    s.type,
                    source="model",
                    rule="span_tagger",
                    confidence=round(s.confidence, 4),
                )
            )
        return found

    def _classifier_findings(self, text: str, predicted: MessagePrediction) -> list[Finding]:
        return [
            _learned_finding(
                text, s.start, s.end, s.vague_type, source="classifier", rule="sentence_classifier"
            )
            for s in predicted.extra_vague
        ]


def _learned_finding(
    text: str,
    start: int,
    end: int,
    vague_type: str,
    *,
    source: str,
    rule: str,
    confidence: float | None = None,
) -> Finding:
    """A finding of a learned model: explained and asked about from its type's templates."""
    phrase = text[start:end]
    return Finding(
        text=phrase,
        start=start,
        end=end,
        type=vague_type,
        explanation=questions.explanation(vague_type),
        question=questions.question_for(vague_type, phrase, phrase.lower().split()),
        source=source,
        rule=rule,
        confidence=confidence,
    )


def _chunks(items: Iterable[_T], size: int) -> Iterator[list[_T]]:
    """Lists of ``size`` consecutive items (the last may be shorter)."""
    iterator = iter(items)
    while chunk := list(islice(iterator, max(1, size))):
        yield chunk


def _reasons(text: str, predicted: MessagePrediction) -> tuple[ReasonResult, ...]:
    return tuple(
        ReasonResult(label, conf, tuple(TextSpan(text[a:b], a, b) for a, b in evidence))
        for label, conf, evidence in predicted.reasons
    )


def _merge(rules: tuple[Finding, ...], extra: list[Finding]) -> tuple[Finding, ...]:
    return tuple(sorted([*rules, *extra], key=lambda f: (f.start, f.end)))


def _specific(text: str, span: Span) -> SpecificFeedback:
    start, end = span.start_char, span.end_char
    return SpecificFeedback(text[start:end], start, end, span.label_.removeprefix("specific_"))


def _subject(subject: str | None) -> str | None:
    """A subject line checked like a text (``None`` when absent or blank)."""
    if subject is not None and not isinstance(subject, str):
        raise TypeError(f"a subject is a str or None, not {type(subject).__name__}")
    return subject[:MAX_SUBJECT_CHARS].strip() or None if subject else None


def _prepare(text: str) -> tuple[str, Cleaned, str, tuple[str, ...]]:
    """Check the input, cut it to the size limit (with a note), mask what is not the sender's
    and tell its language (with a note when it is not English)."""
    if not isinstance(text, str):
        raise TypeError(f"analyze() takes text as str, not {type(text).__name__}")
    notes: tuple[str, ...] = ()
    if len(text) > MAX_MESSAGE_CHARS:
        notes = (f"only the first {MAX_MESSAGE_CHARS:,} of {len(text):,} characters were analyzed",)
    # spaCy cannot store lone surrogates; U+FFFD has the same length, so offsets still hold.
    analyzable, _ = scrub_surrogates(text[:MAX_MESSAGE_CHARS])
    cleaned = clean(analyzable)
    language = detect_language(cleaned.text)
    if language != ENGLISH:
        notes = (*notes, foreign_note(language))
    return text, cleaned, language, notes


def _short_plan(text: str, max_questions: int) -> list[Question]:
    """A plan for a message not read as a decision that still states one and invites a next
    step ("you weren't selected ... give us another shot"): the opener and closing question."""
    if max_questions <= 0 or not invites_after_decision(text):
        return []
    return questions.short_plan(read_context(text, policy=None), message=text)[:max_questions]

"""Message-level decisions shared by training (cross-validation) and run time."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..cues import Cues, lower
from ..labels import DECISION_KINDS, KINDS, Kind, Policy
from ..resources import read_json
from .features import Sentence, sentence_end, sentence_opener
from .reasonrules import apply_reason_rules, reason_rules

#: The data file of the kind decision's word lists.
KIND_SETTINGS = ("patterns", "kind.json")

#: Policy strategies measured in cross-validation.
POLICY_STRATEGIES: tuple[str, ...] = ("rule", "classifier", "combined")


def combine_policy(strategy: str, rule: str, classifier: str) -> str:
    """The policy under ``strategy``: ``combined`` trusts a rule cue, else the classifier."""
    if strategy == "rule":
        return rule
    if strategy == "classifier":
        return classifier
    return rule if rule != Policy.UNSPECIFIED.value else classifier


@dataclass(frozen=True)
class KindRule:
    """How the kind classifier's probabilities become the message's kind (see :func:`decide_kind`).

    Attributes:
        gate: decision evidence (the highest decision-sentence probability) a message needs to
            be a rejection or feedback reply; ``None`` turns the gate off.
        floor: below this top probability the message is ``other``; ``0`` turns it off.
        job_words: a message with neither a job word nor decision evidence is ``other``.
    """

    gate: float | None = None
    floor: float = 0.0
    job_words: bool = True


_DECISION_COLUMNS = tuple(KINDS.index(k) for k in sorted(DECISION_KINDS))
_OTHER = KINDS.index(Kind.OTHER.value)


def decide_kind(
    proba: np.ndarray,
    *,
    evidence: float,
    job_words: bool,
    rule: KindRule,
    non_job: bool = False,
) -> tuple[str, float]:
    """The kind of one message and its confidence, the one decision used in cross-validation
    and at run time.

    ``proba`` holds the calibrated classifier probabilities (columns: ``KINDS``); ``evidence``
    the highest probability that a sentence of the message states a decision; ``job_words``
    whether the message uses any job-search word. In order:

    1. *Evidence before a label*: without decision evidence reaching ``rule.gate`` the
       rejection and feedback-reply probabilities are set aside and the rest renormalized, so an
       acknowledgement, invitation or offer that shares a rejection's courtesy is not overruled.
    2. *Knowing when it does not know*: a message with neither a job word nor decision evidence,
       or whose top probability stays below ``rule.floor``, is ``other``; so is a decision about
       something that is not a job (``non_job``, see :func:`about_non_job`), whatever its
       evidence.
    """
    p = _gated(np.asarray(proba, dtype=float), evidence=evidence, rule=rule)
    top = int(p.argmax())
    unheard = not job_words and (rule.gate is None or evidence < rule.gate)
    unsupported = rule.job_words and (non_job or unheard)
    if top != _OTHER and (unsupported or p[top] < rule.floor):
        return Kind.OTHER.value, float(1.0 - p[top])  # the mass not on the favoured job kind
    return KINDS[top], float(p[top])


def _gated(p: np.ndarray, *, evidence: float, rule: KindRule) -> np.ndarray:
    """A copy of ``p`` without the decision kinds (renormalized) when ``evidence`` is under the
    gate."""
    p = p.copy()
    if rule.gate is not None and evidence < rule.gate:
        p[list(_DECISION_COLUMNS)] = 0.0
        total = p.sum()
        p = p / total if total > 0 else np.eye(len(KINDS))[_OTHER]
    return p


def has_job_words(lowers: Iterable[str], words: frozenset[str]) -> bool:
    """Whether any of the lower-case word forms ``lowers`` is one of ``words``."""
    return not words.isdisjoint(lowers)


def kind_word_lists() -> tuple[frozenset[str], frozenset[str]]:
    """The job words and the openers of sentences that state no decision (:data:`KIND_SETTINGS`)."""
    settings = read_json(*KIND_SETTINGS)
    return frozenset(settings["job_words"]), frozenset(settings["not_statement_openers"])


def strong_job_words() -> frozenset[str]:
    """The job search's own words: ``job_words`` less the ``shared_words`` that other mail uses
    as well (an application for a loan, an order's outcome) (:data:`KIND_SETTINGS`)."""
    settings = read_json(*KIND_SETTINGS)
    return frozenset(settings["job_words"]) - frozenset(settings["shared_words"])


def non_job_cues() -> Cues:
    """Decisions about something that is not a job (``non_job_cues`` of :data:`KIND_SETTINGS`)."""
    return Cues(read_json(*KIND_SETTINGS)["non_job_cues"])


def about_non_job(text: str, lowers: Iterable[str], cues: Cues, strong: frozenset[str]) -> bool:
    """Whether ``text`` is a decision about something that is not a job: a payment, an order, a
    refund, a loan or a rental declined or not approved (``cues``), in a message none of whose
    lower-case words ``lowers`` is one of the job search's own words ``strong`` (see
    :func:`strong_job_words`)."""
    return strong.isdisjoint(lowers) and cues.search(lower(text)) is not None


@dataclass(frozen=True)
class Hedges:
    """What makes a sentence a possibility rather than a decision: ``cues`` (``hedge_cues`` of
    :data:`KIND_SETTINGS`: "if", "should we", "may not", "only shortlisted candidates will be
    contacted") in a sentence that names an outcome (``outcomes``: "unsuccessful", "hear from
    us", "move forward"), and the ``turns`` of a clause after which a hedge no longer reaches
    the decision stated before it ("..., but we will keep your CV in case ...")."""

    cues: Cues
    outcomes: tuple[str, ...]
    turns: tuple[str, ...]


def hedges() -> Hedges:
    """The hedges of :data:`KIND_SETTINGS` (``hedge_cues``, ``hedged_outcomes``,
    ``clause_turns``)."""
    settings = read_json(*KIND_SETTINGS)
    return Hedges(
        Cues(settings["hedge_cues"]),
        tuple(settings["hedged_outcomes"]),
        tuple(settings["clause_turns"]),
    )


def hedged_sentences(text: str, bounds: Sequence[tuple[int, int]], found: Hedges) -> list[bool]:
    """For each sentence ``text[start:end]`` of ``bounds``, whether it is hedged: a hedge cue
    starts in it, no clause turn comes between the sentence's start and the cue, and the
    sentence names an outcome. A hedged sentence states a possibility ("If you do not hear from
    us within 14 days, please consider your application unsuccessful"), never a decision; a
    hedge in feedback ("what happens if the cache restarts") names no outcome."""
    if not bounds:
        return []
    low = lower(text)
    starts = [m.start() for m in found.cues.finditer(low)]
    if not starts:  # most messages: no hedge at all
        return [False] * len(bounds)
    return [
        any(start <= at < end and not any(t in low[start:at] for t in found.turns) for at in starts)
        and any(o in low[start:end] for o in found.outcomes)
        for start, end in bounds
    ]


def statement_flags(
    text: str, sents: Sequence[Sentence], not_openers: frozenset[str], found: Hedges
) -> list[bool]:
    """For each of a message's sentences, whether it can state a decision: a statement (see
    :func:`is_statement`) that is not hedged (see :func:`hedged_sentences`). The one reading of
    training data and of run time."""
    hedged = hedged_sentences(text, [(s.start, s.end) for s in sents], found)
    return [
        not h and is_statement(sentence_opener(s.features), sentence_end(s.features), not_openers)
        for s, h in zip(sents, hedged, strict=True)
    ]


def decision_evidence(sentence_proba: Sequence[float], statements: Sequence[bool]) -> float:
    """The message's decision evidence: the highest decision probability of a sentence that is
    a statement (see :func:`is_statement`)."""
    kept = [p for p, keep in zip(sentence_proba, statements, strict=True) if keep]
    return float(max(kept, default=0.0))


def is_statement(opener: str, text_end: str, not_openers: frozenset[str]) -> bool:
    """Whether a sentence can state a decision: not a question (``text_end`` is its last
    character), not a conditional ("If you are not selected ..."), not a list item (a job
    advert's requirements); ``opener`` is its first lemma."""
    return text_end != "?" and opener not in not_openers and not opener.isdigit()


def rollup_reasons(
    probs: np.ndarray,
    labels: Sequence[str],
    threshold: float,
    *,
    sentence_lemmas: Sequence[str] | None = None,
) -> list[tuple[str, float, list[int]]]:
    """Message reasons from sentence probabilities (rows: sentences, columns: ``labels``).

    A reason holds when some sentence reaches ``threshold``; its confidence is the highest
    sentence probability and its evidence the sentences that reach the threshold. A sentence
    whose likeliest reason is ``logistics`` (budget, location, pay, a filled role) is not also
    evidence of ``competition`` or ``fit``: the stated reason is not turned into a comparison.
    With ``sentence_lemmas`` (each sentence's lemma string), the lemma rules of
    :mod:`.reasonrules` then adjust what holds (a greeting holds nothing; a named basis or a
    match comparison adds its reason). With no reason the message gets ``none_given``, with
    confidence one minus the highest probability seen.

    The same in two steps: :func:`held_reasons` (any number of sentences, such as a whole
    batch's), then :func:`reasons_of` for each message's rows.
    """
    held_p, held = held_reasons(probs, labels, threshold, sentence_lemmas=sentence_lemmas)
    return reasons_of(held_p.tolist(), held.tolist(), labels)


def held_reasons(
    probs: np.ndarray,
    labels: Sequence[str],
    threshold: float,
    *,
    sentence_lemmas: Sequence[str] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """Each sentence's reason probabilities and the reasons it holds, after the logistics
    step and the lemma rules (see :func:`rollup_reasons`); sentences are independent, so the
    rows may be many messages' sentences."""
    held = probs >= threshold
    if probs.size:
        _stated_logistics_only(probs, labels, held)
        if sentence_lemmas is not None:
            probs = probs.copy()
            apply_reason_rules(probs, held, labels, sentence_lemmas, reason_rules())
    return probs, held


def reasons_of(
    probs: Sequence[Sequence[float]], held: Sequence[Sequence[bool]], labels: Sequence[str]
) -> list[tuple[str, float, list[int]]]:
    """One message's reasons from its sentences' rows of :func:`held_reasons` (as lists): each
    reason held by some sentence, with the highest probability of its column and the sentences
    that hold it, in label order; else ``none_given``."""
    found: list[tuple[str, float, list[int]]] = []
    for j, label in enumerate(labels):
        rows = [i for i, row in enumerate(held) if row[j]]
        if rows:
            found.append((label, max(row[j] for row in probs), rows))
    if not found:
        top = max((max(row) for row in probs if len(row)), default=0.0)
        found.append(("none_given", 1.0 - top, []))
    return found


#: Reasons a sentence that states a logistics reason is not also taken as evidence of.
NOT_WITH_LOGISTICS = ("competition", "fit")


def _stated_logistics_only(probs: np.ndarray, labels: Sequence[str], held: np.ndarray) -> None:
    """Clear ``held`` for competition and fit in sentences whose top reason is logistics."""
    if "logistics" not in labels:
        return
    logistics = list(labels).index("logistics")
    rows = held[:, logistics] & (probs.argmax(axis=1) == logistics)
    if rows.any():
        for label in NOT_WITH_LOGISTICS:
            if label in labels:
                held[rows, list(labels).index(label)] = False


def expected_calibration_error(probs: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    """ECE of top-label confidences ``probs`` against 0/1 ``correct``, equal-width bins."""
    edges = np.linspace(0.0, 1.0, bins + 1)
    which = np.clip(np.digitize(probs, edges[1:-1]), 0, bins - 1)
    total = 0.0
    for b in range(bins):
        mask = which == b
        if mask.any():
            total += mask.mean() * abs(probs[mask].mean() - correct[mask].mean())
    return float(total)


def brier(probs: np.ndarray, classes: Sequence[str], gold: Sequence[str]) -> float:
    """Multi-class Brier score: mean over rows of the squared error summed over classes."""
    onehot = np.array([[float(g == c) for c in classes] for g in gold])
    return float(np.mean(np.sum((probs - onehot) ** 2, axis=1)))


#: Temperatures tried when calibrating (geometric grid; 1.0 leaves probabilities as they are).
TEMPERATURES = tuple(float(t) for t in np.round(np.geomspace(0.25, 4.0, 41), 4))


def apply_temperature(proba: np.ndarray, temperature: float) -> np.ndarray:
    """Rows of ``proba`` rescaled as ``softmax(log p / T)``: ``T > 1`` softens, ``T < 1``
    sharpens; the most probable class never changes."""
    if temperature == 1.0 or not len(proba):
        return proba
    logits = np.log(np.clip(proba, 1e-12, 1.0)) / temperature
    logits -= logits.max(axis=1, keepdims=True)
    scaled = np.exp(logits)
    return np.asarray(scaled / scaled.sum(axis=1, keepdims=True))


def fit_temperature(proba: np.ndarray, gold: np.ndarray) -> float:
    """The temperature that minimizes the log loss of out-of-fold ``proba`` (rows) against
    the gold class indices ``gold`` (temperature scaling: one parameter, so hard to overfit)."""

    def log_loss(t: float) -> float:
        scaled = apply_temperature(proba, t)
        return float(-np.mean(np.log(np.clip(scaled[np.arange(len(gold)), gold], 1e-12, 1.0))))

    return min(TEMPERATURES, key=lambda t: (round(log_loss(t), 6), abs(np.log(t))))


# -- kind cues: the subject line and the body's own wording --------------------------------
#: The data file of the subject line's kind cues.
SUBJECT_SETTINGS = ("patterns", "subject.json")


@dataclass(frozen=True)
class KindCue:
    """A pattern whose match is evidence of ``kind``; it may replace only the kinds in ``over``
    (every kind when empty)."""

    kind: str
    pattern: Cues
    over: frozenset[str] = frozenset()


def read_cues(entries: Iterable[dict[str, Any]]) -> tuple[KindCue, ...]:
    """Cues from a data file's entries (``kind``, ``patterns``: lower-case regular expressions
    matched in the lower-cased text, optional ``over``); the patterns of one entry make one
    expression."""
    return tuple(
        KindCue(
            kind=str(entry["kind"]),
            pattern=Cues(entry["patterns"]),  # RE2 over the text's ASCII twin where it can
            over=frozenset(entry.get("over", ())),
        )
        for entry in entries
    )


def subject_cues() -> tuple[re.Pattern[str], tuple[KindCue, ...]]:
    """The subject line's reply marker and cues (:data:`SUBJECT_SETTINGS`): a subject the
    marker matches ("Re: ...", "Fwd: ...") names an earlier message of the thread."""
    settings = read_json(*SUBJECT_SETTINGS)
    prefixes = "|".join(re.escape(p) for p in settings["reply_prefixes"])
    marker = re.compile(rf"^\s*(?:{prefixes})\s*(?:\[\d+\])?\s*:", re.IGNORECASE)
    return marker, read_cues(settings["cues"])


def subject_matches(
    subject: str | None, marker: re.Pattern[str], cues: Sequence[KindCue]
) -> list[KindCue]:
    """The cues of a subject line; none for a reply's or forward's (``marker``)."""
    if not subject or marker.match(subject):
        return []
    return matching_cues(subject, cues)


def body_cues() -> tuple[KindCue, ...]:
    """The body's kind cues (``kind_cues`` of :data:`KIND_SETTINGS`), then a decision stated
    in so many words (``decision_cues``: "your application was unsuccessful") as a cue of a
    rejection over an acknowledgement or an offer. A receipt never states the decision ("only
    shortlisted candidates will be contacted" is no decision, "kindly note that your
    application was unsuccessful" is one), nor does an offer ("they went with an internal
    candidate; I've got another opening" is a rejection); read only where asserted."""
    return (*read_cues(read_json(*KIND_SETTINGS)["kind_cues"]), stated_cue())


def stated_cue() -> KindCue:
    """A decision stated in so many words (``decision_cues``) as a cue of a rejection over an
    acknowledgement or an offer (see :func:`body_cues`)."""
    return KindCue(
        kind=Kind.REJECTION.value,
        pattern=Cues(read_json(*KIND_SETTINGS)["decision_cues"]),
        over=frozenset({Kind.ACKNOWLEDGEMENT.value, Kind.OFFER.value, Kind.OTHER.value}),
    )


def matching_cues(
    text: str | None, cues: Sequence[KindCue], conditionals: frozenset[str] | None = None
) -> list[KindCue]:
    """The cues whose pattern occurs in ``text`` (none for no text); with ``conditionals``,
    only where the match is asserted (:func:`asserted`)."""
    if not text:
        return []
    low = lower(text)  # one pass, cheaper than case-insensitive expressions
    return [
        cue
        for cue in cues
        if any(
            conditionals is None or asserted(low, m.start(), m.end(), conditionals)
            for m in cue.pattern.finditer(low)
        )
    ]


def conditional_words() -> frozenset[str]:
    """Words that make a cue a possibility (``conditional_words`` of :data:`KIND_SETTINGS`)."""
    return frozenset(read_json(*KIND_SETTINGS)["conditional_words"])


def lift_by_cues(
    proba: np.ndarray,
    decided: tuple[str, float],
    cues: Sequence[KindCue],
    *,
    evidence: float,
    rule: KindRule,
) -> tuple[str, float]:
    """The kind after the cues of the subject line and the body (see :func:`matching_cues`).

    A rejection or feedback reply backed by decision evidence (``evidence`` at the gate) is
    never changed: a cue never overrules a sentence that states a decision. Otherwise each cue
    that may replace the decided kind counts as one vote as strong as the whole classifier:
    the probabilities become ``(p + sum of the cues' one-hot votes) / (1 + votes)``, so one cue
    wins with confidence ``(1 + p[cue]) / 2``, and when cues disagree the classifier breaks
    the tie. ``proba`` is gated as in :func:`decide_kind` (no decision kind without evidence).
    """
    kind, _ = decided
    backed = rule.gate is None or evidence >= rule.gate
    if settled(kind, evidence=evidence, rule=rule):
        return decided
    votes = [c.kind for c in cues if c.kind == kind or not c.over or kind in c.over]
    votes = [k for k in votes if k not in DECISION_KINDS or backed]
    if not votes:
        return decided
    p = _gated(np.asarray(proba, dtype=float), evidence=evidence, rule=rule)
    for k in votes:
        p[KINDS.index(k)] += 1.0
    p /= 1.0 + len(votes)
    top = int(p.argmax())
    return KINDS[top], float(p[top])


def settled(kind: str, *, evidence: float, rule: KindRule) -> bool:
    """Whether ``kind`` is a decision backed by decision evidence, which no cue changes."""
    return kind in DECISION_KINDS and (rule.gate is None or evidence >= rule.gate)


def decision_cues() -> re.Pattern[str]:
    """The body's decision statements (``decision_cues`` of :data:`KIND_SETTINGS`) as one
    expression over lower-cased text."""
    patterns = read_json(*KIND_SETTINGS)["decision_cues"]
    return re.compile("|".join(f"(?:{p})" for p in patterns))


_SENTENCE_ENDS = ".!?\n"
_WORDS = re.compile(r"[\w'’-]+|\S")


def asserted(text: str, start: int, end: int, conditionals: frozenset[str]) -> bool:
    """Whether ``text[start:end]`` is asserted: its sentence is not a question and no word of
    ``conditionals`` ("if", "once", "may" ...) comes before it in the sentence."""
    first = max(text.rfind(c, 0, start) for c in _SENTENCE_ENDS) + 1
    ends = [i for c in _SENTENCE_ENDS if (i := text.find(c, end)) >= 0]
    if text[min(ends, default=len(text)) : min(ends, default=len(text)) + 1] == "?":
        return False
    return conditionals.isdisjoint(w.lower() for w in _WORDS.findall(text, first, start))


def states_decision(text: str, cues: re.Pattern[str], conditionals: frozenset[str]) -> bool:
    """Whether ``text`` has a sentence that states a decision in so many words (``cues``, e.g.
    "you were not selected"), asserted (see :func:`asserted`: not "If you are not selected")."""
    text = text.lower()
    return any(asserted(text, m.start(), m.end(), conditionals) for m in cues.finditer(text))


def statement_matters(
    proba: np.ndarray, *, evidence: float, rule: KindRule, strong_job: bool = False
) -> bool:
    """Whether a decision stated in so many words (:func:`states_decision`) can change the
    kind: the classifier favours a decision kind, an acknowledgement or an offer (``proba``;
    the statement is then a cue of a rejection, see :func:`body_cues`), or ``other`` in a
    message that uses the job search's own words (``strong_job``: a recruiter who relays a
    client's no and offers another role reads like outreach), and ``evidence`` stays under the
    gate. Elsewhere the text is not searched."""
    if rule.gate is None or evidence >= rule.gate:
        return False
    return stated_may_lift(KINDS[int(np.argmax(proba))], strong_job=strong_job)


def stated_may_lift(kind: str, *, strong_job: bool) -> bool:
    """Whether a decision stated in so many words may count against the classifier's ``kind``:
    a decision kind, an acknowledgement or an offer (:data:`STATED_OVER`), or ``other`` in a
    message that uses the job search's own words (``strong_job``)."""
    return kind in STATED_OVER or (strong_job and kind == Kind.OTHER.value)


#: The kinds the classifier may favour for a decision stated in so many words to count.
STATED_OVER = frozenset({*DECISION_KINDS, Kind.ACKNOWLEDGEMENT.value, Kind.OFFER.value})


def cued_evidence(evidence: float, *, stated: bool, rule: KindRule) -> float:
    """Decision evidence, raised to the gate when the body states a decision in so many words
    (:func:`states_decision`) that the sentence detector scored below it."""
    if stated and rule.gate is not None:
        return max(evidence, rule.gate)
    return evidence


_QUESTION_END = re.compile(r"\?(?=\s|$)")


def asks_question(text: str) -> bool:
    """Whether ``text`` asks its reader a question (a sentence ending in a question mark)."""
    return _QUESTION_END.search(text) is not None


def questioned_evidence(
    evidence: float, proba: np.ndarray, *, asks: bool, below: float | None
) -> float:
    """Decision evidence, set aside (``0``) in a message that asks the candidate a question
    while the classifier's probability of a decision kind (rejection or feedback reply) stays
    under ``below``: a message that waits for the candidate's answer (a recruiter's questions,
    an offer to talk) is seldom a decision, and a clear one (at ``below`` or above) keeps its
    evidence."""
    if below is None or not asks:
        return evidence
    return 0.0 if float(proba[list(_DECISION_COLUMNS)].sum()) < below else evidence


def question_rejection_below() -> float | None:
    """The rejection probability under which a message that asks a question has its decision
    evidence set aside (``question_rejection_below`` of :data:`KIND_SETTINGS`; ``None``: off)."""
    below = read_json(*KIND_SETTINGS).get("question_rejection_below")
    return None if below is None else float(below)

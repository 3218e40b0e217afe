"""Parse the corpus with the analyzer's own pipeline into message and sentence tables."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ..clean import clean
from ..components.policy import policy_label
from ..labels import DECISION_KINDS
from .augment import is_variant, variants
from .corpus import (
    SENTENCE_REASONS,
    CorpusMessage,
    load_corpus,
    sentence_decision,
    sentence_reasons,
    sentence_specificity,
    sentence_vague_type,
)
from .decide import (
    about_non_job,
    has_job_words,
    hedges,
    kind_word_lists,
    non_job_cues,
    statement_flags,
    strong_job_words,
)
from .features import doc_features, sentences


@dataclass
class Dataset:
    """Feature strings and labels at message level (``m_*``) and sentence level (``s_*``).

    ``s_msg`` maps each sentence to its message; only decision messages have sentences here.
    ``d_*`` are the sentences of every message that the decision-sentence detector learns from
    (``d_statement``: whether each one can state a decision, see
    :func:`~.decide.statement_flags`); ``m_job`` tells
    which messages use a job word, ``m_strong`` which use one of the job search's own words
    (:func:`~.decide.strong_job_words`), ``m_non_job`` which state a decision about something
    that is not a job (:func:`~.decide.about_non_job`).
    """

    messages: list[CorpusMessage]
    m_x: list[str]
    m_kind: np.ndarray
    m_policy: np.ndarray
    m_rule_policy: np.ndarray
    m_groups: np.ndarray
    s_x: list[str]
    s_msg: np.ndarray
    s_reasons: np.ndarray
    s_spec: np.ndarray
    s_type: np.ndarray
    s_offsets: list[tuple[int, int]]
    d_x: list[str]
    d_y: np.ndarray
    d_msg: np.ndarray
    d_statement: np.ndarray
    m_job: np.ndarray
    m_non_job: np.ndarray
    m_strong: np.ndarray


def parse(messages: Sequence[CorpusMessage]) -> Dataset:
    """Run every message through the analyzer pipeline (clean, then spaCy) and tabulate."""
    from ..pipeline import build_pipeline

    nlp = build_pipeline()
    job_words, not_openers = kind_word_lists()
    found_hedges, non_job, strong = hedges(), non_job_cues(), strong_job_words()
    docs = nlp.pipe(clean(m.text).text for m in messages)
    m_x, rule, s_x, s_msg, s_reasons, s_spec, s_type, s_off = [], [], [], [], [], [], [], []
    d_x, d_y, d_msg, d_statement, m_job, m_non_job, m_strong = [], [], [], [], [], [], []
    for i, (msg, doc) in enumerate(zip(messages, docs, strict=True)):
        m_x.append(doc_features(doc))
        rule.append(policy_label(doc))
        lowers = [t.lower_ for t in doc]
        m_job.append(has_job_words(lowers, job_words))
        m_non_job.append(about_non_job(doc.text, lowers, non_job, strong))
        m_strong.append(not strong.isdisjoint(lowers))
        sents = list(sentences(doc))
        flags = statement_flags(doc.text, sents, not_openers, found_hedges)
        for sent, statement in zip(sents, flags, strict=True):
            label = sentence_decision(msg, sent.start, sent.end)
            if label is not None:
                d_x.append(sent.features)
                d_y.append(label)
                d_msg.append(i)
                d_statement.append(statement)
        if msg.kind not in DECISION_KINDS:
            continue
        for sent in sentences(doc):
            s_x.append(sent.features)
            s_msg.append(i)
            found = sentence_reasons(msg, sent.start, sent.end)
            s_reasons.append([int(r in found) for r in SENTENCE_REASONS])
            s_spec.append(sentence_specificity(msg, sent.start, sent.end))
            s_type.append(sentence_vague_type(msg, sent.start, sent.end) or "")
            s_off.append((sent.start, sent.end))
    return Dataset(
        messages=list(messages),
        m_x=m_x,
        m_kind=np.array([m.kind for m in messages]),
        m_policy=np.array([m.policy for m in messages]),
        m_rule_policy=np.array(rule),
        m_groups=np.array([m.family for m in messages]),
        s_x=s_x,
        s_msg=np.array(s_msg, dtype=int),
        s_reasons=np.array(s_reasons, dtype=int).reshape(-1, len(SENTENCE_REASONS)),
        s_spec=np.array(s_spec),
        s_type=np.array(s_type),
        s_offsets=s_off,
        d_x=d_x,
        d_y=np.array(d_y),
        d_msg=np.array(d_msg, dtype=int),
        d_statement=np.array(d_statement, dtype=bool),
        m_job=np.array(m_job, dtype=bool),
        m_non_job=np.array(m_non_job, dtype=bool),
        m_strong=np.array(m_strong, dtype=bool),
    )


def load_dataset(corpus_dir: str | Path, *, copies: int = 0, seed: int = 0) -> Dataset:
    """:func:`parse` over the corpus in ``corpus_dir``, with ``copies`` surface variants of each
    message after the originals (:mod:`.augment`; a variant keeps its message's family)."""
    messages = load_corpus(corpus_dir)
    return parse([*messages, *variants(messages, copies=copies, seed=seed)])


def originals(data: Dataset) -> np.ndarray:
    """Indices of the messages that are not augmentation variants."""
    return np.array([i for i, m in enumerate(data.messages) if not is_variant(m)], dtype=int)


def sentence_rows(msg_of_row: np.ndarray, keep: np.ndarray) -> np.ndarray:
    """Indices of the sentence rows (``msg_of_row``: each row's message) whose message is in
    ``keep``, in row order: the rows :func:`subset` keeps."""
    return np.flatnonzero(np.isin(msg_of_row, keep))


def subset(data: Dataset, keep: np.ndarray) -> Dataset:
    """The messages whose indices are in ``keep`` (sentences follow their message)."""
    keep = np.asarray(keep, dtype=int)
    remap = {int(old): new for new, old in enumerate(keep)}
    s_keep = sentence_rows(data.s_msg, keep)
    d_keep = sentence_rows(data.d_msg, keep)
    return Dataset(
        messages=[data.messages[i] for i in keep],
        m_x=[data.m_x[i] for i in keep],
        m_kind=data.m_kind[keep],
        m_policy=data.m_policy[keep],
        m_rule_policy=data.m_rule_policy[keep],
        m_groups=data.m_groups[keep],
        s_x=[data.s_x[i] for i in s_keep],
        s_msg=np.array([remap[int(data.s_msg[i])] for i in s_keep], dtype=int),
        s_reasons=data.s_reasons[s_keep].reshape(-1, data.s_reasons.shape[1]),
        s_spec=data.s_spec[s_keep],
        s_type=data.s_type[s_keep],
        s_offsets=[data.s_offsets[i] for i in s_keep],
        d_x=[data.d_x[i] for i in d_keep],
        d_y=data.d_y[d_keep],
        d_msg=np.array([remap[int(data.d_msg[i])] for i in d_keep], dtype=int),
        d_statement=data.d_statement[d_keep],
        m_job=data.m_job[keep],
        m_non_job=data.m_non_job[keep],
        m_strong=data.m_strong[keep],
    )

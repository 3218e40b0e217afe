"""Lemma rules applied when sentence reason probabilities are rolled up to the message.

The sentence model reads wordings; these rules fix three families of its errors that a word
list states better than more examples (measured in docs/reasons.md):

* *A greeting is not a reason.* "Hi Candidate," holds the word "candidate" and nothing else;
  a short sentence opened by a greeting carries no reason.
* *A named basis is a reason.* A sentence that already states a reason (another candidate was
  preferred, a gap) and names experience, skills or qualifications as its basis ("another
  candidate based on their work experience and skill set") states those too, unless the word
  is praised ("impressed with your experience") or only mentioned ("we reviewed your
  background and qualifications"), or the sentence looks ahead ("future roles that match your
  skills"). A basis the model reads only in praise is not a reason.
* *Match as the basis is fit.* A comparison by match, fit, suitability or alignment ("others
  who more closely match our needs") with no named basis states ``fit`` beside the
  comparison.

The words live in ``analyzer/patterns/reasons.json``.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np

from ..resources import read_json

#: The data file of the rules' word lists.
REASON_RULES = ("patterns", "reasons.json")


@dataclass(frozen=True)
class ReasonRules:
    """The word lists of the reason rules (see the module docstring)."""

    greeting_openers: frozenset[str]
    greeting_max_words: int
    named_basis: tuple[tuple[str, frozenset[str]], ...]
    basis_words: frozenset[str]
    praise_words: frozenset[str]
    praise_before: int
    praise_reach: int
    mention_words: frozenset[str]
    review_words: frozenset[str]
    negation_words: frozenset[str]
    match_words: tuple[tuple[str, ...], ...]
    comparative_words: frozenset[str]
    clause_breaks: frozenset[str]
    future_words: frozenset[str]
    stated_from: tuple[str, ...]


@lru_cache(maxsize=1)
def reason_rules() -> ReasonRules:
    """The rules of :data:`REASON_RULES`, read once."""
    d = read_json(*REASON_RULES)
    named = tuple((label, frozenset(words)) for label, words in d["named_basis"].items())
    return ReasonRules(
        greeting_openers=frozenset(d["greeting_openers"]),
        greeting_max_words=int(d["greeting_max_words"]),
        named_basis=named,
        basis_words=frozenset(d["other_basis_words"]).union(*(words for _, words in named)),
        praise_words=frozenset(d["praise_words"]),
        praise_before=int(d["praise_before"]),
        praise_reach=int(d["praise_reach"]),
        mention_words=frozenset(d["mention_words"]),
        review_words=frozenset(d["review_words"]),
        negation_words=frozenset(d["negation_words"]),
        match_words=tuple(tuple(m.split()) for m in d["match_words"]),
        comparative_words=frozenset(d["comparative_words"]),
        clause_breaks=frozenset(d["clause_breaks"]),
        future_words=frozenset(d["future_words"]),
        stated_from=tuple(d["stated_from"]),
    )


def words_of(lemmas: str, rules: ReasonRules) -> list[str]:
    """The words of a sentence's lemma string and its clause breaks (commas and the like): no
    other punctuation, no rule-cue tokens."""
    return [
        w
        for w in lemmas.split()
        if (w[:1].isalnum() and not w.startswith("__")) or w in rules.clause_breaks
    ]


def is_greeting(words: Sequence[str], rules: ReasonRules) -> bool:
    """Whether ``words`` is a short sentence opened by a greeting ("Hi Candidate,")."""
    plain = [w for w in words if w not in rules.clause_breaks]
    return (
        bool(plain)
        and plain[0] in rules.greeting_openers
        and len(plain) <= rules.greeting_max_words
    )


def unmasked(words: Sequence[str], rules: ReasonRules) -> list[str]:
    """``words`` without those praised, only mentioned or denied: the few words after a
    praise, mention or negation word ("impressed with your experience", "reviewed your
    background", "not a reflection on your skills") and just before a praise word ("your
    experience is impressive")."""
    leads = rules.praise_words | rules.mention_words | rules.review_words | rules.negation_words
    if leads.isdisjoint(words):
        return list(words)  # nothing masks (most sentences)
    masked = _near(words, leads, 0, rules.praise_reach, rules.clause_breaks)
    masked |= _near(words, rules.praise_words, rules.praise_before, 0, rules.clause_breaks)
    return [w for i, w in enumerate(words) if i not in masked]


def praised_only(words: Sequence[str], rules: ReasonRules) -> list[str]:
    """The basis reasons whose words ``words`` use only in praise ("impressed with your
    experience and qualifications", "while your experience is impressive") or only as what was
    reviewed ("we've reviewed your skills and experience and have decided ...")."""
    found = set(words)
    named = [(label, names) for label, names in rules.named_basis if names & found]
    leads = rules.praise_words | rules.review_words
    if not named or leads.isdisjoint(found):
        return []  # no basis word, or no praise or mention to put it in (most sentences)
    praised = _near(
        words, rules.praise_words, rules.praise_before, rules.praise_reach, rules.clause_breaks
    )
    praised |= _near(words, rules.review_words, 0, rules.praise_reach, rules.clause_breaks)
    out = []
    for label, names in named:
        at = [i for i, w in enumerate(words) if w in names]
        if at and all(i in praised for i in at):
            out.append(label)
    return out


def named_bases(words: Sequence[str], rules: ReasonRules) -> list[str]:
    """The basis reasons that ``words`` (already :func:`unmasked`) name, unless they look
    ahead."""
    if rules.future_words.intersection(words):
        return []
    found = set(words)
    return [label for label, names in rules.named_basis if names & found]


def match_is_basis(words: Sequence[str], rules: ReasonRules) -> bool:
    """Whether ``words`` (already :func:`unmasked`) compare by match, fit or alignment with no
    named basis and no look ahead ("others who more closely match our needs")."""
    found = set(words)
    return (
        any(_has_run(words, run) for run in rules.match_words)
        and bool(rules.comparative_words & found)
        and not rules.basis_words & found
        and not rules.future_words & found
    )


def _near(
    words: Sequence[str], leads: frozenset[str], before: int, after: int, breaks: frozenset[str]
) -> set[int]:
    """Positions up to ``before`` words before and ``after`` words after a word of ``leads``,
    within its clause (a word of ``breaks`` ends the reach)."""
    out: set[int] = set()
    for i, w in enumerate(words):
        if w not in leads:
            continue
        for step, reach in ((-1, before), (1, after)):
            j = i + step
            while 0 <= j < len(words) and abs(j - i) <= reach and words[j] not in breaks:
                out.add(j)
                j += step
    return out


def _has_run(words: Sequence[str], run: tuple[str, ...]) -> bool:
    """Whether ``run`` occurs in ``words`` as consecutive words (words hold no space, so the
    words joined by spaces hold the run joined by spaces exactly where it occurs)."""
    if not run:
        return True
    return f" {' '.join(run)} " in f" {' '.join(words)} "


def apply_reason_rules(
    probs: np.ndarray,
    held: np.ndarray,
    labels: Sequence[str],
    sentence_lemmas: Sequence[str],
    rules: ReasonRules,
) -> None:
    """Update ``held`` (rows: sentences, columns: ``labels``) and ``probs`` in place by the
    rules; a reason a rule adds takes the confidence of the sentence's stated reason."""
    column = {label: j for j, label in enumerate(labels)}
    stated = [column[x] for x in rules.stated_from if x in column]
    # every rule clears or adds beside a held reason: a sentence holding none is left alone;
    # a row is worked on as a Python list (numpy indexing costs more than the rules on one row)
    for i in np.flatnonzero(held.any(axis=1)).tolist():
        words = words_of(sentence_lemmas[i], rules)
        if is_greeting(words, rules):
            held[i, :] = False
            continue
        row = held[i].tolist()
        for label in praised_only(words, rules):
            if label in column:
                row[column[label]] = False
        reasons = [probs[i, j] for j in stated if row[j]]
        if reasons:
            confidence = float(max(reasons))
            kept = unmasked(words, rules)
            adds = named_bases(kept, rules)
            if match_is_basis(kept, rules):
                adds.append("fit")
            for label in adds:
                if label in column and not row[column[label]]:
                    row[column[label]] = True
                    probs[i, column[label]] = confidence
        held[i] = row

"""The label sets of the taxonomy, kept in one place.

Every other module (components, classifiers, reports, corpora checks, evaluation) reads its
labels from here, so that a change to the taxonomy is a change to this file alone.
"""

from __future__ import annotations

from enum import Enum


class Kind(str, Enum):
    """What a message is, one per message."""

    REJECTION = "rejection"
    FEEDBACK_REPLY = "feedback_reply"
    INVITATION = "invitation"
    OFFER = "offer"
    ACKNOWLEDGEMENT = "acknowledgement"
    OTHER = "other"


class Policy(str, Enum):
    """Whether the sender welcomes or refuses requests for feedback on the decision."""

    INVITES = "invites"
    DECLINES = "declines"
    UNSPECIFIED = "unspecified"


class Reason(str, Enum):
    """A reason a message gives for its decision (zero or more per message)."""

    EXPERIENCE = "experience"
    SKILLS = "skills"
    QUALIFICATIONS = "qualifications"
    COMPETITION = "competition"
    FIT = "fit"
    INTERVIEW_PERFORMANCE = "interview_performance"
    COMMUNICATION = "communication"
    LOGISTICS = "logistics"
    NONE_GIVEN = "none_given"


class VagueType(str, Enum):
    """The kinds of vague phrase the analyzer flags."""

    UNANCHORED_COMPARISON = "unanchored_comparison"
    FIT_EUPHEMISM = "fit_euphemism"
    UNSPECIFIED_GAP = "unspecified_gap"
    SUBJECTIVE_IMPRESSION = "subjective_impression"
    DECISION_FORMULA = "decision_formula"
    NONCOMMITTAL_FUTURE = "noncommittal_future"


class Purpose(str, Enum):
    """Where a question sits in the plan: opener first, clarifications, open-ended last."""

    OPENER = "opener"
    CLARIFY = "clarify"
    OPEN_ENDED = "open_ended"


class Specificity(str, Enum):
    """Sentence-level specificity, used by the sentence classifier."""

    VAGUE = "vague"
    SPECIFIC = "specific"
    COURTESY = "courtesy"


KINDS: tuple[str, ...] = tuple(k.value for k in Kind)
POLICIES: tuple[str, ...] = tuple(p.value for p in Policy)
REASONS: tuple[str, ...] = tuple(r.value for r in Reason)
VAGUE_TYPES: tuple[str, ...] = tuple(v.value for v in VagueType)
SPECIFICITIES: tuple[str, ...] = tuple(s.value for s in Specificity)

#: Message kinds that turn a candidate down and so can carry reasons and vague phrases.
DECISION_KINDS: frozenset[str] = frozenset({Kind.REJECTION.value, Kind.FEEDBACK_REPLY.value})

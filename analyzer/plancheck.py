"""Automated checks of question plans, one message or a whole evaluation file at a time.

The checks are the measurable part of ``QUESTIONS-RUBRIC.md``: at most :data:`DEFAULT_MAX`
questions; no two questions at or above the similarity threshold; every quote a clean, whole
phrase of the message; no question (a thank-you only) when the sender declines feedback; no
"how could I be stronger" question when the reason was outside the candidate's control; no
question about the person hired; no interview question to a candidate who had none; at most one
question starting "You mentioned ..."; no question that invites a yes or a no; no questions to
a job board's automated notice.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from .plancontext import PlanContext
from .questions import DEFAULT_MAX, attributed
from .quotes import quote_in
from .report import Question, asks
from .resources import read_json
from .similarity import THRESHOLD, max_similarity, similarity

CHECKS = (
    "count",
    "similar",
    "quote",
    "declines",
    "stronger",
    "about_hired",
    "stage",
    "lead_ins",
    "yes_no",
    "board_notice",
)
_QUOTED = re.compile(r"\"([^\"]+)\"|“([^”]+)”")


@dataclass(frozen=True)
class PlanIssue:
    """One failed check: which check, the question it concerns and what is wrong."""

    check: str
    question: str
    detail: str = ""


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    data = read_json("patterns", "plan_checks.json")
    return {
        key: re.compile("|".join(f"(?:{p})" for p in data[key]), re.IGNORECASE)
        for key in ("stronger", "about_hired", "interview", "yes_no")
    }


def quotes_of(question: str) -> list[str]:
    """The quoted phrases of a question."""
    return [a or b for a, b in _QUOTED.findall(question)]


def check_plan(
    message: str,
    questions: Sequence[Question | str],
    *,
    context: PlanContext,
    max_questions: int = DEFAULT_MAX,
    threshold: float = THRESHOLD,
) -> list[PlanIssue]:
    """Every check ``questions`` (the plan for ``message``, read in ``context``) fails."""
    texts = [q if isinstance(q, str) else q.text for q in questions]
    issues: list[PlanIssue] = []
    if len(texts) > max_questions:
        issues.append(PlanIssue("count", "", f"{len(texts)} questions, at most {max_questions}"))
    for i, a in enumerate(texts):
        for b in texts[i + 1 :]:
            if (score := similarity(a, b)) >= threshold:
                issues.append(PlanIssue("similar", a, f"{score:.2f} with: {b}"))
    if context.declines and (asked := [t for t in texts if asks(t)]):
        issues.append(
            PlanIssue(
                "declines", asked[0], f"{len(asked)} questions to a sender who declines feedback"
            )
        )
    if context.board_notice and texts:
        issues.append(PlanIssue("board_notice", texts[0], "questions to a job board's notice"))
    if len(led := [t for t in texts if attributed(t)]) > 1:
        issues.append(PlanIssue("lead_ins", led[1], f"{len(led)} questions start 'You ...'"))
    p = _patterns()
    for text in texts:
        issues += [PlanIssue("quote", text, q) for q in quotes_of(text) if not quote_in(message, q)]
        if context.out_of_control and p["stronger"].search(text):
            issues.append(PlanIssue("stronger", text, ", ".join(sorted(context.out_of_control))))
        if p["about_hired"].search(text):
            issues.append(PlanIssue("about_hired", text))
        if not context.interviewed and p["interview"].search(text):
            issues.append(PlanIssue("stage", text, context.stage))
        if p["yes_no"].search(text):
            issues.append(PlanIssue("yes_no", text))
    return issues


@dataclass
class PlanChecks:
    """The checks over many plans: counts, the largest similarity and every issue by message."""

    plans: int = 0
    questions: int = 0
    max_similarity: float = 0.0
    sizes: Counter[int] = field(default_factory=Counter)
    failed: Counter[str] = field(default_factory=Counter)
    checked: Counter[str] = field(default_factory=Counter)
    issues: list[tuple[str, PlanIssue]] = field(default_factory=list)

    def add(
        self,
        message_id: str,
        message: str,
        questions: Sequence[Question | str],
        *,
        context: PlanContext,
        max_questions: int = DEFAULT_MAX,
    ) -> None:
        """Check one plan and count it."""
        texts = [q if isinstance(q, str) else q.text for q in questions]
        found = check_plan(message, texts, context=context, max_questions=max_questions)
        self.plans += 1
        self.questions += len(texts)
        self.sizes[len(texts)] += 1
        self.max_similarity = max(self.max_similarity, max_similarity(texts))
        self.checked["declines"] += context.declines
        self.checked["stronger"] += bool(context.out_of_control)
        self.checked["quote"] += sum(len(quotes_of(t)) for t in texts)
        for check in {i.check for i in found}:
            self.failed[check] += 1
        self.issues += [(message_id, i) for i in found]

    @property
    def passed(self) -> bool:
        """Whether every plan passed every check."""
        return not self.issues

    def to_dict(self) -> dict[str, Any]:
        """The counts and issues as JSON-ready data."""
        return {
            "plans": self.plans,
            "questions": self.questions,
            "mean_questions": round(self.questions / self.plans, 3) if self.plans else 0.0,
            "plan_sizes": {str(k): v for k, v in sorted(self.sizes.items())},
            "max_pairwise_similarity": round(self.max_similarity, 4),
            "similarity_threshold": THRESHOLD,
            "declines_plans": self.checked["declines"],
            "out_of_control_plans": self.checked["stronger"],
            "quotes": self.checked["quote"],
            "plans_failing": {c: self.failed[c] for c in CHECKS},
            "issues": [
                {"id": mid, "check": i.check, "question": i.question, "detail": i.detail}
                for mid, i in self.issues
            ],
        }

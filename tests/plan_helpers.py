"""Helpers the plan tests share: findings, contexts and plans of made-up messages."""

from __future__ import annotations

import re

from analyzer.plancontext import read_context
from analyzer.questions import plan
from analyzer.report import Finding, Question, ReasonResult, TextSpan


def found(message: str, phrase: str, vague_type: str) -> Finding:
    """A finding of ``vague_type`` on the first ``phrase`` of ``message``."""
    start = message.index(phrase)
    return Finding(phrase, start, start + len(phrase), vague_type, "", "")


def plan_of(message: str, findings=(), *, policy=None, reasons=(), **kw) -> list[Question]:  # type: ignore[no-untyped-def]
    """The plan of ``message`` with ``findings``, its context read as the analyzer reads it."""
    ctx = read_context(message, policy=policy, reasons=reasons)
    return plan(findings, message=message, context=ctx, **kw)


def texts_of(message: str, findings=(), **kw) -> list[str]:  # type: ignore[no-untyped-def]
    """The question texts of :func:`plan_of`."""
    return [q.text for q in plan_of(message, findings, **kw)]


def stated(message: str, label: str, sentence: str) -> ReasonResult:
    """Reason ``label`` stated by ``sentence`` of ``message``."""
    start = message.index(sentence)
    return ReasonResult(label, 0.9, (TextSpan(sentence, start, start + len(sentence)),))


#: The lead of a question that builds on a stated reason ("Since skills weighed in the
#: decision, ...", "As skills played a part in the decision, ..."), with the reason's name;
#: after the thanks a team's letter is asked its one question with, if any.
REASON_LEAD = re.compile(
    r"^(?:Thanks?\b[^.?]*\. )?(?P<lead>(?:Since|As) (?P<names>.+?) (?:weighed in|played a "
    r"part in) the decision)"
)


def reason_leads(texts: list[str]) -> list[str]:
    """The names the questions in ``texts`` build on as stated reasons, in order."""
    return [m["names"] for m in map(REASON_LEAD.match, texts) if m is not None]

"""Questions built on what a message already says: its remarks on a requirement or the role
(a language, a pay level, credentials, a changed scope) and its concrete feedback (which of
several points applied most, or a first step on a single piece of advice).

Wording and cues are in ``templates/plan.json`` (``remarks`` and ``build_on_specific``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from .cues import BULLETS, Cues, lower
from .planbases import sentence_of
from .plancandidate import Candidate
from .plancontext import PlanContext, language_names
from .planopeners import role_in_hand
from .planwords import plan_settings, team_words
from .quotes import clean_quote
from .report import SpecificFeedback

#: The topic of the question that builds on the message's concrete feedback (:func:`built_on`).
SPECIFIC = "specific"


def remarked(ctx: PlanContext, message: str) -> list[Candidate]:
    """Questions about the specific-sounding reasons the message states without explaining
    them (a language requirement, a pay level, a new direction, credentials, a changed scope),
    quoted when the words are a clean phrase. They ask about the requirement or the role, never
    how the candidate could have been stronger, so they stand even when the reason is outside
    the candidate's control (but a language or credential the opener thanks for as the
    requirement is not asked again: :func:`_candidates`); one that asks which level or kind
    of role would suit (``asks_roles``) is left to the closing when the message offers a role,
    a remark that states the answer itself (``answers_topic``: "C1 or native") leaves its
    topic unasked, and one a named requirement answers (``named_answers``) is not asked beside
    it."""
    settings = plan_settings()
    templates = settings["remarks"]
    spans = [*ctx.remarks, *((k, -1, -1) for k in sorted(ctx.out_of_control) if k in templates)]
    answered = {
        templates[k]["topic"] for k, _, _ in spans if templates.get(k, {}).get("answers_topic")
    }
    found = []
    for n, (kind, start, end) in enumerate(spans):
        entry = templates.get(kind)
        if entry is None or entry["topic"] in answered:
            continue  # "it has to be C1 or native": no "what level" question
        if entry.get("named_answers") and ctx.requirement_named:  # "someone who already has
            continue  # his high risk licence": the message says which qualification
        if entry.get("asks_roles") and (role_in_hand(ctx) or ctx.work_offered or ctx.told):
            continue  # "which level of role would match": the role or the work on offer
            # answers it, or the sender asked for a rate ("let me know your day rate")
        quote = clean_quote(message, start, end) if message and start >= 0 else None
        lead = entry["plain"] if quote is None or "quoted" not in entry else entry["quoted"]
        named = team_words(ctx)
        lead, plain = (
            w.replace("{team_on}", named["team_on"]).replace("{org}", named["org"])
            for w in (lead, entry["plain"])
        )
        value = int(settings["remark_value"])
        topic = entry["topic"]
        lead = lead.format(phrase=quote, language=_languages(entry, message, start, end))
        found.append(Candidate(value, n - len(spans), topic, "", lead=lead, plain=plain))
    return found


def _languages(entry: dict[str, Any], message: str, start: int, end: int) -> str:
    """The languages a language remark's sentence names ("Dutch or French"), in the order it
    names them (:func:`~analyzer.plancontext.language_names`), else the remark's ``unnamed``
    wording; "" for a remark with no ``unnamed`` wording (not about a language)."""
    if "unnamed" not in entry:
        return ""
    sentence = sentence_of(message, start, end) if message and start >= 0 else ""
    named = dict.fromkeys(m.group(0).capitalize() for m in _language_pattern().finditer(sentence))
    return " or ".join(named) if named else str(entry["unnamed"])


@lru_cache(maxsize=1)
def _language_pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in language_names())
    return re.compile(rf"\b(?:{names})\b", re.IGNORECASE)


def _points(
    specific: Sequence[SpecificFeedback], message: str
) -> tuple[list[SpecificFeedback], bool]:
    """The concrete feedback points (logistics is a reason, not feedback; thanks and reapply
    rules are not feedback) and whether the message lists tips."""
    points, listed = _points_of(tuple(specific), message)
    return list(points), listed


@lru_cache(maxsize=8)
def _points_of(
    specific: tuple[SpecificFeedback, ...], message: str
) -> tuple[tuple[SpecificFeedback, ...], bool]:
    """:func:`_points`, kept for the few places of one plan that ask."""
    boilerplate, list_cue = _built_on_cues()
    points = tuple(
        s
        for s in specific
        if s.cue != "logistics"
        and not boilerplate.search(s.text)
        and not _in_requirements_list(message, s.start)
    )
    return points, list_cue.search(lower(message)) is not None


#: A line that starts a bullet or a numbered item.
_BULLET_LINE = re.compile(rf"[ \t]*(?:[{re.escape(''.join(sorted(BULLETS)))}]|\d{{1,2}}[.)])\s")


def _in_requirements_list(message: str, start: int) -> bool:
    """Whether ``start`` lies in a bulleted list under a line that introduces the role's
    requirements (``build_on_specific.requirements_list``), with no blank line between."""
    if not message or "requirement" not in message[:start].lower():
        return False
    headers = list(_requirements_list().finditer(message, 0, start))
    if not headers:
        return False
    between = message[headers[-1].end() : start]
    line_start = message.rfind("\n", 0, start) + 1
    return "\n\n" not in between.replace("\r", "") and bool(_BULLET_LINE.match(message, line_start))


@lru_cache(maxsize=1)
def _requirements_list() -> re.Pattern[str]:
    return re.compile(plan_settings()["build_on_specific"]["requirements_list"])


def written_feedback(ctx: PlanContext, specific: Sequence[SpecificFeedback], message: str) -> bool:
    """Whether the message spells out its feedback: several concrete points or a list of tips
    (:func:`_detailed`), or a person's note in the words of feedback ("the biggest gap was",
    ``feedback_given``), which the concreteness model may read as fewer points."""
    return ctx.feedback_given or _detailed(specific, message)


def _detailed(specific: Sequence[SpecificFeedback], message: str) -> bool:
    """Whether the message gives detailed written feedback: several concrete points, or a list
    of tips ("a few pointers: a, b and c")."""
    points, listed = _points(specific, message)
    return len(points) > 1 or listed


def built_on(
    specific: Sequence[SpecificFeedback], message: str, order: int, material_: str = "application"
) -> list[Candidate]:
    """One question building on the concrete feedback: which of several points applied most,
    or a first step on a single piece of advice."""
    settings = plan_settings()["build_on_specific"]
    points, listed = _points(specific, message)
    if not points and not listed:
        return []
    several = _detailed(specific, message)
    lead = settings["paraphrase" if several else "paraphrase_one"].format(material=material_)
    first = points[0] if points else None
    if not several and first is not None and not advice(first.text):
        return []  # "your application will remain active for 12 months" is no advice
    if first is not None and message and not several:
        quote = clean_quote(message, first.start, first.end)
        lead = settings["quoted"].format(phrase=quote) if quote else lead
    phrase = first.text if first is not None else None
    return [Candidate(int(settings["value"]), order, SPECIFIC, "", lead=lead, phrase=phrase)]


@lru_cache(maxsize=1)
def _advice_cue() -> re.Pattern[str]:
    return re.compile(plan_settings()["build_on_specific"]["advice_cue"])


def advice(text: str) -> bool:
    """Whether a concrete point reads as advice (``advice_cue``, over the lowered point): not a
    question the sender asks ("would you consider something in that range?") and not what the
    role is now looking for ("someone with more Spark rather than analytics": ``not_advice``)."""
    low = lower(text)
    if low.rstrip().endswith("?") or _not_advice().search(low) is not None:
        return False
    return _advice_cue().search(low) is not None


@lru_cache(maxsize=1)
def _not_advice() -> re.Pattern[str]:
    return re.compile(plan_settings()["build_on_specific"]["not_advice"])


@lru_cache(maxsize=1)
def _built_on_cues() -> tuple[re.Pattern[str], Cues]:
    """What is not feedback (in a concrete-feedback span) and what introduces a list of tips
    (searched in the lowered message, as every cue list)."""
    settings = plan_settings()["build_on_specific"]
    return re.compile(settings["not_feedback"], re.IGNORECASE), Cues([settings["list_cue"]])

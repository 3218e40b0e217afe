"""The question plan's wording settings and the small helpers every part of it shares: the
settings of ``templates/plan.json`` and ``templates/vague_types.json``, a wording picked by a
message's hash, the stage's key in a table, how questions name the team, the material and the
role.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from .resources import read_json

if TYPE_CHECKING:  # annotations only: the context module reads wordings from here
    from .plancontext import PlanContext


@lru_cache(maxsize=1)
def vague_types() -> dict[str, Any]:
    return read_json("templates", "vague_types.json")


@lru_cache(maxsize=1)
def plan_settings() -> dict[str, Any]:
    return read_json("templates", "plan.json")


def material(ctx: PlanContext) -> str:
    """What the candidate's questions refer to at the context's stage ("application",
    "interview", or "interviews" only when the message speaks of more than one)."""
    table = plan_settings()["material"]
    several = f"{ctx.stage}_several"
    key = several if ctx.several_interviews and several in table else stage_key(ctx, table)
    return str(table.get(key, table["applied"]))


def stage_key(ctx: PlanContext, table: dict[str, Any], suffix: str = "") -> str:
    """The key of ``table`` for the context's stage: in the message's own word for it
    ("take_home_assessment") when the table has one, with ``suffix`` ("_role") when it has
    that, else the plain stage."""
    stages = [f"{ctx.stage}_{ctx.stage_variant}"] if ctx.stage_variant else []
    keys = [f"{s}{suffix}" for s in [*stages, ctx.stage] if suffix] + [*stages, ctx.stage]
    return next((k for k in keys if k in table), ctx.stage)


def team_words(ctx: PlanContext) -> dict[str, str]:
    """How questions name the team (``team`` in ``plan.json``): "your team" to a person; "the
    hiring team" or "the team" in a message a recruiting team signed, where "your team"
    would be theirs; and the employer ("your company", "your university")."""
    t = plan_settings()["team"]
    team = str(t["person"])
    if ctx.team_signed:
        team = str(t["named"]).format(name=ctx.team_name) if ctx.team_name else str(t["signed"])
    org = str(t["org"]).format(kind=ctx.org_kind) if ctx.org_kind else str(t["org_default"])
    return {"team": team, "team_on": str(t["on"]).format(team=team), "org": org}


def capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def lower_first(text: str) -> str:
    first = text.split(" ", 1)[0]
    return text[:1].lower() + text[1:] if first[1:].islower() or len(first) == 1 else text


def pick(options: Sequence[str], seed: int) -> str:
    return str(options[seed % len(options)])


def one_of(wording: str | Sequence[str], seed: int) -> str:
    """A wording that is one string or several to pick from by ``seed``."""
    return wording if isinstance(wording, str) else pick(wording, seed)


@lru_cache(maxsize=1)
def _role_code() -> re.Pattern[str]:
    return re.compile(plan_settings()["role_title"]["code"], re.IGNORECASE)


def the_role(role: str | None) -> str:
    """How a question names the role ("the Junior Accountant role"): "this role" when the
    title is long or holds a code or ID (``role_title`` in ``plan.json``)."""
    settings = plan_settings()["role_title"]
    if not role or len(role.split()) > int(settings["max_words"]) or _role_code().search(role):
        return str(settings["short"])
    return str(settings["named"]).format(role=role)


def in_its_words(text: str, message: str) -> str:
    """``text`` with "résumé" in the message's word for it when the message calls it a CV and
    never a résumé (a reply says CV to a sender who does)."""
    if "résumé" not in text or not _CV.search(message) or _RESUME.search(message):
        return text
    return text.replace("résumé", "CV")


#: A message's word for the candidate's record of experience.
_CV, _RESUME = re.compile(r"\bCVs?\b"), re.compile(r"\br[eé]sum[eé]s?\b", re.IGNORECASE)


@lru_cache(maxsize=1)
def named_before() -> re.Pattern[str]:
    """Words before a note's vague point, in its sentence, that say what it is about
    (``note_named_before``: "when we asked about scaling, ...")."""
    return re.compile(str(plan_settings()["note_named_before"]))

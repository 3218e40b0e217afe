"""The opening step of a question plan: a safe first question fitted to what the message
says (its stage, its praise, an offer of feedback), or a thank-you where a question would
re-ask what the message says (a note that gives its own advice, a reason outside the
candidate's control, a closed role). Wordings are in ``templates/plan.json``."""

from __future__ import annotations

from collections.abc import Sequence

from .labels import Purpose, Reason
from .planbases import main_point, weak_point
from .planclosing import offers_talk, reopen_contact, reopen_told, role_closed, template_letter
from .plancontext import PlanContext, about_logistics
from .planwords import (
    capital,
    lower_first,
    material,
    one_of,
    pick,
    plan_settings,
    stage_key,
    team_words,
    the_role,
)
from .report import Question


def thanks_for_note(
    ctx: PlanContext, message: str, seed: int, *, hedged: bool = False, vague_in: str = ""
) -> str:
    """The opener of a note that spells out its feedback: thanks, then which point matters
    most or, when the note names its main point, how to improve on it, by name when the note's
    words name it cleanly (:func:`analyzer.planbases.main_point`) and it is in the candidate's
    control; when it names none, the point it says fell short, by name, unless that point is
    a reason outside the candidate's control
    (:func:`analyzer.planbases.weak_point`); a note that gives its own advice is thanked for
    it, with no question (``advised_thanks``), naming the point when it can; a note whose
    reason is outside the candidate's control, and that states no reason in the candidate's
    control (``reason_thanks.in_control``), is thanked for its openness about it
    (:func:`reason_thanks`).
    Experience is gained, not practised: a named experience has its own wordings.
    ``hedged``: the note leaves a point vague or says so itself; it is thanked without being
    called clear or detailed (``hedged_thanks``, ``advised_thanks.hedged``) and the plan
    asks about that point instead of which point matters most, unless the note also names its
    main point or where it fell short elsewhere than in the vague point's sentence
    (``vague_in``): that point is then asked about in the opener, and the vague one after it."""
    openers = plan_settings()["openers"]
    point = None if ctx.out_of_control or not ctx.main_point else main_point(message)
    weak = weak_point(message) if point is None else None
    if weak is not None and about_logistics(weak):  # a commute or a budget is no point to
        weak = None  # improve on
    named = point or weak
    if hedged and (named is None or ctx.advised or named in vague_in):  # a note that names
        settings = plan_settings()  # where else it fell short is asked about that too
        hedged_thanks = settings["advised_thanks"]["hedged"] if ctx.advised else None
        return pick(hedged_thanks or settings["hedged_thanks"]["wording"], seed)
    if ctx.advised:  # the note says what to do and how: thanks, no question re-asks it
        thanks = plan_settings()["advised_thanks"]
        return pick(thanks["plain" if named is None else "named"], seed).format(point=named)
    if point is not None:
        key = "detailed_named_experience" if "experience" in point.lower() else "detailed_named"
        return pick(openers[key], seed).format(point=point)
    if weak is not None:  # no main point, but the note says where it fell short
        return pick(openers["detailed_weak"], seed).format(point=weak)
    in_control = ctx.stated.intersection(plan_settings()["reason_thanks"]["in_control"])
    if ctx.out_of_control and (not in_control or ctx.requirement_named):  # the note explains
        return reason_thanks(ctx, seed)  # a reason nobody could improve on ("the commute"
    # beside feedback is none), beside a need it names ("someone with relations with customs
    # brokers there"): nothing to start on
    return pick(openers["detailed_main" if ctx.main_point else "detailed"], seed)


def thanked_kinds(ctx: PlanContext) -> frozenset[str]:
    """The kinds of reason outside the candidate's control that have their own thanks
    (``reason_thanks``' ``order``: a pay range, a location, a budget...); a role scoped below
    the candidate only when no other role is on offer (``asks_roles``: its thanks asks which
    roles would fit better); a licence (``requirements.in_control_overrides``) only when the
    message states no reason in the candidate's control (``in_control``)."""
    wordings = plan_settings()["reason_thanks"]
    kinds = ctx.out_of_control.intersection(wordings["order"])
    if role_in_hand(ctx):
        kinds = kinds.difference(wordings["asks_roles"])
    if ctx.stated.intersection(wordings["in_control"]):  # a licence beside a qualification
        kinds = kinds.difference(wordings["requirements"]["in_control_overrides"])  # may be it
    return kinds


def role_in_hand(ctx: PlanContext) -> bool:
    """Whether the message offers a role besides the one applied for: to put the candidate
    forward for, in hand, named, or named as one to come (the closing takes it up)."""
    return bool(ctx.put_forward or ctx.offered_role or ctx.other_role or ctx.future_role)


def reason_thanks(ctx: PlanContext, seed: int) -> str:
    """Thanks for a reason outside the candidate's control, by its kind (the first of
    :func:`thanked_kinds` in ``order``; else ``default``), with a question that asks nothing
    to improve."""
    wordings = plan_settings()["reason_thanks"]
    kinds = thanked_kinds(ctx)
    kind = next((k for k in wordings["order"] if k in kinds), "default")
    return pick(wordings[kind], seed)


def opener_text(ctx: PlanContext, seed: int) -> str:
    """The plan's first step: for a closed role, thanks and what happens to the role; for a
    reason outside the candidate's control of a kind with its own thanks, that thank-you;
    else a safe question for the stage reached (built on the message's praise when a person
    wrote it), after the lead-in of an offer of feedback or an invitation to ask."""
    settings = plan_settings()
    openers = settings["openers"]
    closed = role_closed(ctx)
    if closed is not None:  # nothing to assess: thank, and ask about the role's future
        # unless the sender said already how I would hear of one: then thanks, no question
        # (a paused role only when the closing welcomes a promise on its condition, or says
        # yes to the sender's offer to be in touch); a role on offer answers it too
        told = reopen_told(ctx) or role_in_hand(ctx) or ctx.agency  # an agency's next step
        # is the closing's, not where a similar role is announced
        thanks = settings["closed_role_thanks"]
        promised = ctx.contact_when is not None or reopen_contact(ctx)
        talk = offers_talk(ctx)  # the call the closing takes up is where to ask more
        if told and closed in thanks and (closed != "withdrawn" or promised or talk):
            return pick(thanks[closed], seed)
        wordings = settings["closed_role_openers"]
        key = f"{closed}_told" if told else closed
        return pick(wordings.get(key, wordings[closed]), seed).format(**team_words(ctx))
    if thanked_kinds(ctx) and not ctx.offers_feedback:  # nothing to ask what came closest
        return reason_thanks(ctx, seed)
    key = stage_key(ctx, openers, "_role" if ctx.role else "")
    if ctx.no_opening:  # no opening fitted: nothing "came closest to what you needed"
        key = "no_opening"
    if ctx.relayed:  # a recruiter passes on a client's decision: what did they say, unless
        key = "relayed_stated" if ctx.stated - {Reason.COMPETITION.value} else "relayed"  # it
        # says why: a reason beyond "another candidate"
    text = pick(openers[key], seed).format(material=material(ctx), the_role=the_role(ctx.role))
    inner = lower_first(text)
    if ctx.praise is not None and real_praise(ctx):  # build on what the message praised
        text, inner = praised(*ctx.praise, seed=seed)
    leads = settings["offer_leads"]
    offered = ctx.offers_feedback and not ctx.contact_named  # the named contact gives it
    if offered and not offers_talk(ctx):  # a call is accepted by the closing
        return str(leads["feedback"]).format(question=capital(inner))  # question
    mass_template = ctx.form_letter and ctx.auto_reply  # its "don't hesitate" is in every copy
    if ctx.invites and not offers_talk(ctx) and not mass_template:  # "if we can help": help
        lead = leads["invites_help"] if ctx.offers_help else leads["invites"]
        return str(lead).format(question=capital(inner))
    if template_letter(ctx) and not text.startswith("Thank"):  # a team's letter: thanked
        return f"{pick(settings['template_thanks'], seed)} {text}"  # before its one question
    return text


def template_thanks_of(text: str) -> str | None:
    """The thanks a team's template opener starts with (``template_thanks``), or ``None``."""
    return next((t for t in plan_settings()["template_thanks"] if text.startswith(f"{t} ")), None)


def without_template_thanks(text: str) -> str:
    """An opener without the thanks a team's template gets (``template_thanks``): for a plan
    whose closing thanks already."""
    thanks = template_thanks_of(text)
    return text if thanks is None else text[len(thanks) + 1 :]


def met_in_person(ctx: PlanContext) -> bool:
    """Whether the message reports a real conversation: a call or an interview, in a message
    a person wrote (not an automated one or a board's notice). Only then does a reply say it
    enjoyed the conversation too."""
    return ctx.stage != "applied" and not ctx.auto_reply and not ctx.board_notice


def real_praise(ctx: PlanContext) -> bool:
    """Whether the opener may build on the message's praise: not in a form letter (no writer
    speaking as themself, ``form_letter``), whose "impressed by your skills" is in every copy;
    and "we enjoyed getting to know you" needs a real meeting (``needs_meeting`` kinds in
    ``praise_openers``)."""
    if ctx.praise is None or ctx.form_letter:  # a form letter's praise is its template's
        return False
    return ctx.praise[0] not in plan_settings()["praise_openers"]["needs_meeting"] or met_in_person(
        ctx
    )


def praised(kind: str, what: str, *, seed: int = 0) -> tuple[str, str]:
    """The opener that builds on the message's praise, alone (one of its wordings, by
    ``seed``) and after an offer's lead-in."""
    wordings = plan_settings()["praise_openers"]
    what = what or str(wordings["default_what"])  # "learning about you": the background
    part = wordings["part"]["several" if what.endswith("s") else "one"]
    entry = wordings[kind]
    return (
        one_of(entry["alone"], seed).format(what=what, part=part),
        str(entry["after_lead"]).format(what=what),
    )


def door_open(seed: int) -> Question:
    """The whole plan where no question fits: a short thank-you that keeps the door open."""
    wording = pick(plan_settings()["door_open_thanks"]["wording"], seed)
    return Question(wording, Purpose.OPENER.value)


def door_open_only(plan: Sequence[Question]) -> bool:
    """Whether ``plan`` is only the thank-you that keeps the door open (``door_open_thanks``)."""
    return len(plan) == 1 and plan[0].text in plan_settings()["door_open_thanks"]["wording"]

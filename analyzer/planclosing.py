"""The closing question of a plan, and what decides it: an offer taken up, a next step the
message invites, a role that closed, a form letter that leaves nothing open. Wording lives in
``forward`` and ``closed_role_openers`` of ``templates/plan.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from .plancontext import KEPT_DETAILS, PlanContext, names_talk
from .planwords import capital, pick, plan_settings, stage_key, team_words, the_role
from .similarity import too_close


def offers_talk(ctx: PlanContext) -> bool:
    """Whether the sender offers a call or to discuss further, or asks the candidate to ring
    (``call_me``): the closing question then accepts the conversation by name (``offer_talk``)."""
    return ctx.offers_call or ctx.offers_discuss or ctx.call_me


def template_letter(ctx: PlanContext) -> bool:
    """Whether the message is a team's template rather than a person's note: a form letter at
    the application stage, or a letter signed by a team at any stage, with no offer to take up.
    Its plan thanks and asks one question: a second, generic one (its mirror: "which part came
    closest", "which need could it have met better") reads as a form sent back to a form, as
    blind reviews of four unseen sets read it."""
    offers = ctx.offers_feedback or offers_talk(ctx) or ctx.invites
    return (ctx.form_letter or (ctx.team_signed and not ctx.own_voice)) and not offers


def accepts_talk(text: str) -> bool:
    """Whether a question is the closing one that accepts an offered conversation (a draft
    that accepts the call in its own words leaves it out), with or without a second offer
    taken up in it (:func:`with_second_offer`)."""
    forward = plan_settings()["forward"]
    keys = (
        "offer_talk",
        "offer_call",
        "offer_talk_times",
        "offer_day_named",
        "offer_call_me",
        "offer_booking",
        "offer_coffee",
    )
    text = _ALSO.sub("", text)
    return any(text in forward[k] for k in keys)


#: The sentence by which an accepted call also takes up a second offer (``second_offer``).
_ALSO = re.compile(r" I (?:would|will) also [^.?!]*\.")


def second_offer_of(text: str) -> str | None:
    """The sentence by which an accepted call also takes up a second offer, if ``text`` holds
    one (:func:`with_second_offer`): the draft, which accepts the call in its own words, keeps
    it."""
    found = _ALSO.search(text)
    return None if found is None else found.group().strip()


def with_second_offer(ctx: PlanContext, accepted: str, *, role_said: bool = False) -> str:
    """``accepted`` (a call or a talk taken up) with a second offer of the message taken up too,
    before its question: an introduction, a role the sender names (or mentions unnamed), a future
    role by its name, other work by its kind, or a yes to the sender's request to contact the
    candidate later, on its condition (``second_offer`` in ``plan.json``); unchanged when there
    is none. ``role_said``: ``accepted`` takes up the role in hand already (``offer_call_role``);
    any other wording of the call says it as a second offer ("I've got another one in
    Daventry ... give me a call")."""
    wordings = plan_settings()["forward"]["second_offer"]
    if ctx.offers_introduction:
        extra = str(wordings["introduction"])
    elif ctx.other_role:
        extra = str(wordings["other_role"]).format(the_role=the_role(ctx.other_role))
    elif ctx.future_role:
        extra = str(wordings["future_role"]).format(roles=ctx.future_role)
    elif (ctx.mentions_other_role or ctx.offered_role) and not role_said:  # "I do have
        # another role with a smaller firm, might suit?"
        extra = str(wordings["unnamed_role"])
    elif ctx.work_offered and ctx.work_offered not in (ctx.sender_asks or ""):  # "... and
        # we're always needing people over summer" (not after "Yes, I would be open to contract")
        extra = str(wordings["work_offered"]).format(work=work_named(ctx.work_offered))
    elif ctx.follow_up == "contact_request" and ctx.contact_when:  # "should the role be
        extra = str(wordings["contact_request"]).format(when=ctx.contact_when)  # re-opened, I
    else:  # would like to contact you first, if you agree"
        return accepted
    cut = accepted.rfind(". ")
    if not accepted.endswith("?") or cut < 0:
        return f"{accepted} {extra}"
    return f"{accepted[: cut + 1]} {extra}{accepted[cut + 1 :]}"


def work_named(kind: str) -> str:
    """The work a sender offers as the closing names it ("casual work", "the internship"):
    ``forward.work_names`` in ``plan.json``."""
    names = plan_settings()["forward"]["work_names"]
    if kind.endswith("shifts"):  # named whole by the offer ("bank HCA shifts")
        return kind
    return str(names.get(kind, names["default"])).format(kind=kind)


def takes_up_offer(text: str, ctx: PlanContext) -> bool:
    """Whether ``text`` is the closing that takes up work or a shortcut the sender offered
    ("Yes, please do keep me in mind for bank work. ..."): the draft says it as an answer to
    the offer, not among its questions."""
    settings = plan_settings()["forward"]
    said = list(settings["fast_track"]) if ctx.offers_fast_track else []
    if ctx.work_offered:
        work = work_named(ctx.work_offered)
        said += [
            w.format(work=work) for w in (*settings["work_offered"], settings["put_forward_work"])
        ]
    return text in said


def takes_up_survey(text: str) -> bool:
    """Whether a question is the closing one that says the survey will be filled in (the
    draft then does not say it again)."""
    return text in plan_settings()["forward"]["follow_up"]["survey"]


def role_closed(ctx: PlanContext) -> str | None:
    """How the role closed when it was put on hold, withdrawn or filled (the kinds of
    ``closed_role_openers`` in ``plan.json``): then no question asks the sender to assess the
    application."""
    kinds = plan_settings()["closed_role_openers"]
    return next((k for k in kinds if k in ctx.out_of_control), None)


#: Ways a role closed that leave nothing to ask about it (no reopening to hear of).
CLOSED_FOR_GOOD = frozenset({"filled_internally", "closed"})


def answered_form_letter(ctx: PlanContext) -> bool:
    """Whether the message is a form letter (or a team's letter in no one's own voice, at any
    stage) that already says where new roles appear or that the sender will be in touch
    (``forward.form_answered``): then no closing question asks it again, and a filled role's
    letter leaves nothing open at all."""
    form = ctx.form_letter or (ctx.team_signed and not ctx.own_voice)
    return form and ctx.follow_up in plan_settings()["forward"]["form_answered"]


def reopen_told(ctx: PlanContext) -> bool:
    """Whether the message says already what happens if a paused role reopens: that the sender
    will say, will be in touch (on a condition too: ``contact_when``; or asks whether it may:
    :func:`reopen_contact`), or keeps the résumé (``reopen_answered_by``)."""
    answered_by = plan_settings()["forward"]["reopen_answered_by"]
    return (
        ctx.reopen_told
        or ctx.contact_when is not None
        or ctx.follow_up in answered_by
        or reopen_contact(ctx)
    )


def nothing_open(ctx: PlanContext) -> bool:
    """Whether nothing in the message is open for a question (its plan is empty): a form
    letter about a role that was filled or closed, which already says where new roles appear,
    or about a paused or cancelled role, which already says what happens if it reopens."""
    closed = role_closed(ctx)
    if closed == "withdrawn":  # paused or cancelled: open unless the letter says what happens
        return ctx.form_letter and reopen_told(ctx)
    return closed in CLOSED_FOR_GOOD and answered_form_letter(ctx)


def without_offer_lead(text: str) -> str:
    """The question without the words that take up an offer ("Since you kindly invited
    questions, ..."), for a draft whose own paragraph takes the offer up already."""
    for lead in plan_settings()["offer_leads"].values():
        head = str(lead).split("{question}", 1)[0]
        if text.startswith(head):
            return capital(text[len(head) :])
    return text


#: Next steps that wait for the candidate's consent ("with your permission I would like to
#: forward your CV", "I'd like to contact you again, if that's ok"): answered with a yes first.
_CONSENT = frozenset({"contact_request", "forward_request"})


def answers_sender(ctx: PlanContext, question: str | None) -> bool:
    """Whether the closing ``question`` is the yes a sender waits for (to a question that
    proposes something, or to a request for consent) or holds the answer to what the sender
    asks the candidate to tell: kept before any clarification when a short plan has room for
    only one more question."""
    if ctx.told is not None:  # the sender waits for what only the candidate can tell
        return True
    return question is not None and (question == ctx.sender_asks or ctx.follow_up in _CONSENT)


def closing_with_answers(ctx: PlanContext, question: str | None) -> str | None:
    """The closing ``question`` after the answer to what the sender asks the candidate to tell
    (``ctx.told``), or the answer and ``answers_follow`` when there is no closing question or
    only one that keeps the door open to other roles (:func:`opens_door`); a yes to what the
    sender proposed comes first, its follow-up question last."""
    if ctx.told is None:
        return question
    if question is not None and opens_door(question, ctx):  # the sender waits for an answer
        question = None  # about this role: no door kept open to others beside it
    settings = plan_settings()["forward"]["sender_asks"]
    if question is not None and question == ctx.sender_asks:  # the yes first, then the answer
        follows = (str(f["question"]) for f in settings["follow"])
        after = next((f for f in follows if question.endswith(f" {f}")), "")
        return " ".join(
            x for x in (question[: len(question) - len(after)].rstrip(), ctx.told, after) if x
        )
    return f"{ctx.told} {question or settings['answers_follow']}"


def forward_question(
    ctx: PlanContext, seed: int, chosen: Sequence[str], *, detailed: bool = False
) -> str | None:
    """The closing question: the person the message names to contact about the outcome, by
    name (the candidate will get in touch), a shortcut offered for a later application taken
    up, an offered call accepted, the named role the sender
    offers to put the candidate forward for, a question in which the sender proposes
    something, or a request for consent, answered with a yes (:mod:`.planasks`; before a
    withdrawn role's own closing, since the sender waits for the answer), an offer of freelance
    or relief work taken up by its kind, an offered reference accepted, the role the sender
    mentioned, the next step the message invites (in a form letter, none when it
    already says where roles appear: :func:`answered_form_letter`), related roles when the
    reason was outside the candidate's control (not in a form letter; after a budget cut, how to
    hear when hiring resumes, since a freeze stops the other roles too; a welcome when the
    sender promises to be in touch on a condition, ``contact_when``), otherwise
    what to change
    for the next time at this stage; none after spelled-out feedback that also says when to
    apply again. A survey about the process is taken up here when the message invites no other
    step, else by the draft (:func:`takes_up_survey`)."""
    settings = plan_settings()["forward"]
    if ctx.contact_named:  # "you may contact the panel convenor, Ms Louise Barrett": by name
        return pick(settings["contact_named"], seed).format(name=ctx.contact_named)
    if ctx.offers_fast_track:  # "I'm happy to put you straight through to the technical
        return pick(settings["fast_track"], seed)  # interview in ~6 months": taken up as such
    if offers_talk(ctx):  # "happy to discuss", "feel free to call me": accept it by name
        key = "offer_call" if ctx.offers_call else "offer_talk"  # a call is named a call
        if ctx.offers_coffee:  # "want to grab a coffee next week?": a coffee, not a call
            key = "offer_coffee"
        elif ctx.call_me:  # "please ring me, I'm in clinic Monday to Wednesday": I make the call
            key = "offer_call_me"
        elif ctx.books_slot:  # "grab a slot in my calendar": I book it
            key = "offer_booking"
        elif ctx.day_named:  # no "which day" when the sender names one
            key = "offer_day_named"
        elif ctx.asks_times:  # "let me know your availability": when the answers give it
            key = "offer_times_told" if _times_told(ctx) else "offer_talk_times"  # (a blank to
            # fill), the times are neither promised nor asked again
        elif ctx.offered_role and key == "offer_call":  # the call, and the role in hand
            if ctx.other_role or ctx.future_role:  # by its name when the message gives one
                named = the_role(ctx.other_role) if ctx.other_role else ctx.future_role
                return str(settings["offer_call_named"]).format(the_role=named)
            key = "offer_call_role"
        accepted = pick(settings[key], seed)
        return _after_yes(ctx, with_second_offer(ctx, accepted, role_said=key == "offer_call_role"))
    if ctx.put_forward and (ctx.other_role or ctx.future_role):  # the role the sender
        named = the_role(ctx.other_role) if ctx.other_role else _definite(ctx.future_role)
        return str(settings["put_forward"]).format(the_role=named)  # offers to put me forward for
    if ctx.put_forward and ctx.work_offered:  # "if you're interested in relief teaching, I'm
        # happy to pass your name to our organiser": yes to the work, and to passing it on
        return str(settings["put_forward_work"]).format(work=work_named(ctx.work_offered))
    if ctx.passed_on and not (ctx.put_forward or ctx.sender_asks or ctx.offered_role):  # "I've
        return pick(settings["passed_on"], seed)  # passed your resume to my counterpart"
    if ctx.put_forward and not (ctx.sender_asks or ctx.offered_role or ctx.follow_up):  # "I
        # will pass your CV to the head of our sister school": no role named, none in hand
        return pick(settings["put_forward_unnamed"], seed)
    if ctx.work_offered and ctx.sender_asks == settings["sender_asks"]["interested"]:  # "We
        # have bank shifts going. If you're interested let me know": a yes to that work by name
        return pick(settings["work_offered"], seed).format(work=work_named(ctx.work_offered))
    bare = ctx.sender_asks in (
        settings["sender_asks"]["that"],
        settings["sender_asks"]["interested"],
    )
    consent = bare and ctx.follow_up in _CONSENT  # "pass your CV on ... comfortable with that?"
    if (
        ctx.sender_asks and ctx.follow_up != "keep_request" and not consent
    ):  # "Shall I send over the job
        return _yes_alone(ctx)  # description?": a yes in its words (a request to keep the
    # résumé has its own yes, which asks which kind of role the sender sees the candidate in)
    if ctx.follow_up in _CONSENT:  # "I'd like to contact you again, if that's ok": a yes,
        return follow_up_question(ctx, seed)  # even when the role was withdrawn
    offered = ctx.work_offered or ctx.offers_reference or ctx.offers_introduction
    if role_closed(ctx) == "withdrawn" and not offered:  # an offer is taken up below; else the
        # opener asked what happens if it reopens
        if ctx.offered_role:  # a role in hand instead of the one put on hold
            return str(settings["offered_role"][ctx.offered_role])
        # said already: where openings appear, or that the sender will be in touch; and a
        # team mailbox cannot say which other roles would suit
        told = reopen_told(ctx)
        if told and ctx.contact_when and not ctx.form_letter:  # "I'll get back in touch as
            return _welcome(ctx, seed)  # soon as we're in a position to hire again": welcomed
        if told or ctx.form_letter:
            return None
        return pick(settings["withdrawn"], seed).format(**team_words(ctx))
    if ctx.work_offered:  # "if you're open to freelance, I'd love your name on the list"
        return pick(settings["work_offered"], seed).format(work=work_named(ctx.work_offered))
    if ctx.offers_reference:  # "glad to speak on your behalf": taken up by name
        return pick(settings["reference"], seed)
    if ctx.offers_introduction:  # "I could introduce you to ...": taken up by name
        return pick(settings["introduction"], seed)
    if ctx.tip_employer:  # "Try Dueck Electric in Steinbach, they're taking on": thanked for
        return pick(settings["tip_employer"], seed).format(name=ctx.tip_employer)
    if ctx.invited_when:  # "if you are ever relocating, please reach out": I will
        return pick(settings["invited_when"], seed).format(when=ctx.invited_when)
    if ctx.other_role:  # accepted when the sender offers to put the candidate forward
        key = "put_forward" if ctx.put_forward else "named_role"
        return str(settings[key]).format(the_role=the_role(ctx.other_role))
    # "deputy roles in Yorkshire": taken up by name, unless the sender, whose reason was
    # outside the candidate's control, already promised to come back about such a role; a
    # welcome, not a question, when the sender keeps my details or already gave advice
    if ctx.offered_role == "one" and ctx.future_role:  # "we do have a Lead position opening
        return str(settings["offered_role"]["named"]).format(roles=ctx.future_role)  # next month"
    if ctx.future_role and not ctx.form_letter and not (ctx.out_of_control and ctx.timing_open):
        key = "future_named_advised" if ctx.advised else "future_named"
        key = "future_named_promised" if ctx.future_promised else key
        return pick(settings[key], seed).format(roles=ctx.future_role)
    if ctx.offered_role:  # "I've got another opening that might suit": yes, tell me more
        return str(settings["offered_role"][ctx.offered_role])
    if ctx.advised_roles:  # never ask to reapply for the kind of role advised against
        return pick(settings["advised"], seed)
    if ctx.relayed or (ctx.agency and not ctx.form_letter):  # a recruiter, not the
        return pick(settings["relayed"], seed)  # employer: which roles to look at next
    asks_consent = ctx.follow_up in _CONSENT or ctx.follow_up == "keep_request"
    if ctx.reapply_when and not ctx.contact_when and not asks_consent:  # "we recruit from
        return pick(settings["reapply_when"], seed).format(when=ctx.reapply_when)  # around
        # May": when to apply is said, so the closing takes it up instead of asking it (a
        # request for consent to keep the CV waits for its yes first)
    if answered_form_letter(ctx):  # it said where roles appear or that it will be in touch
        return None
    if detailed and (ctx.timing or ctx.timing_open or ctx.advised):  # what to do and when
        if ctx.reapply_when and not ctx.contact_when:  # are both said, or the note's own
            return pick(settings["reapply_when"], seed).format(when=ctx.reapply_when)  # advice
        return _welcome(ctx, seed)  # says what to do next; a promise of contact is
        # welcomed, and a new application invited for a time is taken up for it
    if ctx.follow_up in KEPT_DETAILS and not ctx.form_letter:  # "I'll keep your CV and
        welcome = _welcome(ctx, seed)  # give you a shout if anything similar comes up": a
        if welcome is not None:  # welcome on its condition, not "which kind of role"
            return welcome
    invited = follow_up_question(ctx, seed)
    if invited is not None:
        return invited
    if ctx.mentions_other_role:
        key = "other_role" if ctx.other_roles_named else "neutral_other_role"
        return str(settings[key]).format(**team_words(ctx))
    if template_letter(ctx):  # a team's template: its one question is the opener's
        return None
    key = stage_key(ctx, settings)
    if detailed:  # the written feedback already says what to do differently
        key = "after_detailed"
    elif ctx.requirement_named and not ctx.form_letter:  # "we need someone who's already Gas
        key = "after_requirement"  # Safe registered": a way back once it is met (after a
        # question on what fell short, as any closing that improves: ``improve_cue``)
    elif (ctx.timing or ctx.timing_open) and f"{key}_timed" in settings:
        key = f"{key}_timed"  # the message says when: no question asks it again
    if ctx.out_of_control:
        welcome = _welcome(ctx, seed)  # "if a senior role opens up, I'll be in touch"
        if welcome is not None:
            return welcome
        if ctx.form_letter or ctx.timing_open or "visa" in ctx.out_of_control:
            return None  # a team mailbox cannot say which roles would suit; the message says
            # when it will be in touch; any other role needs the same work permit
        # a kind with a closing of its own (``out_of_control_<kind>``), the first in the order
        # of the reasons' thanks: a freeze stops other roles too; hours are what to hear about
        order = plan_settings()["reason_thanks"]["order"]
        own = (k for k in order if k in ctx.out_of_control and f"out_of_control_{k}" in settings)
        key = next((f"out_of_control_{k}" for k in own), "out_of_control")
    options = [str(o).format(**team_words(ctx)) for o in settings[key]]
    options = [o for o in options if not (ctx.agency and reapplies(o))]
    ordered = [options[(seed + i) % len(options)] for i in range(len(options))]
    return next((o for o in ordered if not too_close(o, chosen)), None)


@lru_cache(maxsize=1)
def _roles_cue() -> re.Pattern[str]:
    return re.compile(plan_settings()["no_opening"]["closing_asks_roles"])


#: The closings of ``forward`` in ``plan.json`` that only keep the door open to other roles
#: after a reason outside the candidate's control (``forward_question`` picks them).
_OPEN_DOORS = ("out_of_control", "withdrawn")


def opens_door(closing: str, ctx: PlanContext) -> bool:
    """Whether ``closing`` is one that only keeps the door open to other roles after a reason
    outside the candidate's control ("I would be glad to hear about other roles at your
    company that suit my background."), in the words ``ctx`` gave it."""
    forward, words = plan_settings()["forward"], team_words(ctx)
    return any(closing == str(o).format(**words) for k in _OPEN_DOORS for o in forward[k])


def asks_roles(question: str | None) -> bool:
    """Whether a closing question asks which roles would suit the candidate
    (``no_opening.closing_asks_roles``)."""
    return question is not None and _roles_cue().search(question) is not None


@lru_cache(maxsize=1)
def _reapply_cue() -> re.Pattern[str]:
    return re.compile(plan_settings()["forward"]["reapply_cue"])


def reapplies(question: str) -> bool:
    """Whether a closing question asks to apply again with the sender (``forward.reapply_cue``),
    which a recruitment agency cannot answer for its clients."""
    return _reapply_cue().search(question) is not None


@lru_cache(maxsize=1)
def _improve_cue() -> re.Pattern[str]:
    return re.compile(plan_settings()["forward"]["improve_cue"])


def _after_yes(ctx: PlanContext, accepted: str) -> str:
    """``accepted`` (an offered call taken up) after the yes to what the sender asked in the
    same message ("Are you open to interim roles? ... I'll give you a call tomorrow": "Yes, I
    would be open to interim roles. I would gladly take up the call ..."), its own follow-up
    question left out; unchanged when the sender asked nothing."""
    if ctx.sender_asks is None:
        return accepted
    yes = _first_sentence(ctx.sender_asks)
    if names_talk(yes):  # "Yes, I would be up for a coffee next week": the meeting is
        rest = accepted.partition(". ")[2]  # accepted once; a second offer taken up with it
        role = the_role(ctx.other_role) if ctx.other_role else ctx.future_role  # and the
        if role and _ABOUT_IT.search(yes):  # question follow; "chatting about that": the
            yes = _ABOUT_IT.sub(f" about {_definite(role)}.", yes)  # role it stands for, said
            rest = accepted.rpartition(". ")[2]  # in the yes
        return f"{yes} {rest}" if rest.endswith("?") else yes
    if accepted.startswith("Yes, "):  # one yes
        accepted = capital(accepted.removeprefix("Yes, "))
    return f"{yes} {accepted}"


#: A yes that ends on what the sender's question pointed back to ("chatting about that.").
_ABOUT_IT = re.compile(r" about (?:that|it|this)\.$")


def _times_told(ctx: PlanContext) -> bool:
    """Whether the answers to the sender's questions give the candidate's availability (a
    blank to fill: ``forward.sender_asks.answers.availability`` in ``plan.json``)."""
    answer = str(plan_settings()["forward"]["sender_asks"]["answers"]["availability"])
    return ctx.told is not None and answer.lower() in ctx.told.lower()


def _first_sentence(said: str) -> str:
    """A yes without the question that follows it ("Yes, please do. What should I send?")."""
    yes, _, _ = said.partition(". ")
    return yes if yes.endswith((".", "?", "!")) else f"{yes}."


def _yes_alone(ctx: PlanContext) -> str | None:
    """The yes to what the sender proposed, without its follow-up question when that asks what
    to work on and the reason was outside the candidate's control (a hiring freeze: "Yes, I
    would be happy for you to reach out directly.")."""
    said = ctx.sender_asks
    if said is None or not ctx.out_of_control or not improves(said):
        return said
    return _first_sentence(said)


def reopen_contact(ctx: PlanContext) -> bool:
    """Whether the sender proposes to get in touch when the role reopens ("would you be OK with
    me reaching out directly?"): then nobody asks how the candidate would hear."""
    said = ctx.sender_asks or ""
    return _contact_yes().search(said) is not None


@lru_cache(maxsize=1)
def _contact_yes() -> re.Pattern[str]:
    """A yes to the sender's proposal to contact the candidate (``sender_asks.contact_yes``)."""
    return re.compile(plan_settings()["forward"]["sender_asks"]["contact_yes"])


def improves(question: str) -> bool:
    """Whether a closing question asks what to strengthen (``forward.improve_cue``)."""
    return _improve_cue().search(question) is not None


def after_gap(ctx: PlanContext, seed: int) -> str | None:
    """The closing question of a plan whose clarifications already ask what fell short: the
    roles to watch for when the message invites a new application, where the sender would see
    the candidate next when the sender invites questions and is neither an agency nor a team
    mailbox (``forward.after_gap``), otherwise none: not when to apply again, which unprompted
    reads as a stock line, nor, asked of a sender who did not invite questions, where they
    would see the candidate next, which blind reviews of three unseen sets read as career
    advice asked of a stranger, following from nothing in the message."""
    wordings = plan_settings()["forward"]["after_gap"]
    if ctx.follow_up == "reapply":  # "if you obtain the card, please reapply": on that
        key = "reapply_requirement" if ctx.requirement_named else "reapply"  # condition
        return pick(wordings[key], seed)
    if ctx.timing or ctx.timing_open or ctx.agency:  # said, or not the agency's to say
        return None
    # a team mailbox (a form letter, or a note signed by a team) cannot say where it would see
    # the candidate next, and how to hear of similar roles has an obvious answer (the careers
    # page): the plan ends with its clarification
    if ctx.form_letter or ctx.team_signed or not (ctx.invites or ctx.offers_feedback):
        return None
    return pick(wordings["untimed"], seed)


def follow_up_question(ctx: PlanContext, seed: int = 0) -> str | None:
    """The question that takes up the next step the message invites, by name; when the
    message says when or for how long ("reapply after six months"), one that builds on it.
    A survey about the process, when the message invites no other step, is taken up here.
    A form letter's kind has process wordings (``{kind}_form``: how the file works, how soon to
    apply), since a team mailbox cannot say which roles would suit the candidate.
    Wordings with several forms are picked by ``seed`` (stock lines vary across mailboxes)."""
    wordings = plan_settings()["forward"]["follow_up"]
    if ctx.follow_up is None:
        return pick(wordings["survey"], seed) if ctx.survey else None
    timed, open_ = f"{ctx.follow_up}_timed", f"{ctx.follow_up}_open"
    named = f"{ctx.follow_up}_community"
    community = ctx.community or str(plan_settings()["community_default"])
    if ctx.timing and timed in wordings:
        key = timed
    elif ctx.community and named in wordings:
        key = named  # the sender's own word for its pool ("talent pool", "Talent Network")
    else:
        key = open_ if ctx.timing_open and open_ in wordings else ctx.follow_up
    if ctx.form_letter and f"{key}_form" in wordings:  # a team mailbox answers process
        key = f"{key}_form"  # questions, not a request to place the candidate
    options = wordings[key]
    return pick([options] if isinstance(options, str) else options, seed >> 4).format(
        community=community
    )


def _welcome(ctx: PlanContext, seed: int) -> str | None:
    """The welcome of contact a person promises on a condition (``contact_when``: "I would
    welcome hearing from you if a more senior role opens up"); none in a form letter."""
    if not ctx.contact_when or ctx.form_letter:
        return None
    return pick(plan_settings()["forward"]["contact_when"], seed).format(when=ctx.contact_when)


def _definite(phrase: str | None) -> str:
    """A named kind of role as one the sender has in hand: "the junior positions in January"
    for "junior positions in January", "the charge role" for "a charge role"."""
    text = phrase or ""
    for article in ("a ", "an ", "the "):
        if text.startswith(article):
            text = text[len(article) :]
    return f"the {text}"

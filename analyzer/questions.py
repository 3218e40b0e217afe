"""From findings and the message's context to a short plan of questions.

The plan follows what career coaches advise and ``QUESTIONS-RUBRIC.md`` scores: one safe,
positive opener; the clarifications that matter most; at most one forward-looking question;
three or four questions in all (:data:`DEFAULT_MAX`). Wording lives in ``templates/plan.json``
and ``templates/vague_types.json``; see ``docs/question-plans.md`` for the design.

Ranking (a vague type's ``value`` in ``vague_types.json``): a comparison with no basis, a fit
euphemism or an unnamed gap (5) come first, then an impression with no observation (4), concrete
feedback to build on (4), a reason the message states without detail (3); a bare decision
formula (1) only gives a question when nothing else does (and then neither quotes nor names
it), and a hedged promise about later (0) never does (the forward-looking question covers it).
A phrase that cannot be quoted cleanly ranks 2 lower than its type. Findings on one topic give
one question, and a question too close to one already chosen (:mod:`analyzer.similarity`) is
left out.

The context (:class:`~analyzer.plancontext.PlanContext`) decides the rest: no questions when
the sender declines feedback; no clarifications of the decision and a related-roles question
when the reason is outside the candidate's control; the opener and closing question fit the
stage; an offer of feedback or a call, or another role, is taken up by name.
"""

from __future__ import annotations

import re
import zlib
from collections.abc import Sequence
from dataclasses import replace
from functools import cache, lru_cache

from .cues import Cues, lower
from .labels import Purpose
from .planbases import (
    CLAUSE_MARKS,
    SENTENCE_MARKS,
    basis,
    between_marks,
    impression_answered,
    sentence_of,
)
from .plancandidate import Candidate
from .planclosing import (
    after_gap,
    answers_sender,
    asks_roles,
    closing_with_answers,
    forward_question,
    improves,
    nothing_open,
    offers_talk,
    role_closed,
    template_letter,
)
from .plancontext import PlanContext, about_logistics, said_to_come_down_to
from .plannamed import experience_words, named_basis, need_words, praise_cue
from .plannotes import admitted, area_named, named_right_after, sentence_around, still_vague
from .planopeners import (
    door_open,
    opener_text,
    real_praise,
    template_thanks_of,
    thanked_kinds,
    thanks_for_note,
)
from .plansaid import built_on, remarked, written_feedback
from .planwords import (
    capital,
    in_its_words,
    lower_first,
    material,
    one_of,
    pick,
    plan_settings,
    team_words,
    vague_types,
)
from .quotes import clean_quote, is_clean_phrase, words
from .report import Finding, Question, SpecificFeedback, TextSpan
from .similarity import too_close

DEFAULT_MAX = 4
#: Vague types still asked about when the decision's reason is outside the candidate's control.
#: A type valued at most this is a bare formula: its question stands alone, neither quoting nor
#: naming the formula.
_FORMULA_VALUE = 1
#: A phrase that cannot be quoted cleanly is weaker evidence (often a word caught out of
#: context, "1 page is often better"): it ranks this much lower.
_UNQUOTABLE_PENALTY = 2
#: An unquotable phrase shorter than this gives no question at all.
_MIN_PARAPHRASED_WORDS = 2
_ABOUT_THE_CANDIDATE = frozenset({"unspecified_gap", "subjective_impression"})
#: Vague types whose sentence may carry a stated reason only as the basis of a comparison.
_COMPARES = frozenset({"unanchored_comparison", "fit_euphemism"})


def explanation(vague_type: str) -> str:
    """Why a phrase of this type is vague, in plain words."""
    return str(vague_types()[vague_type]["explanation"])


def title(vague_type: str) -> str:
    """A short human name for a vague type."""
    return str(vague_types()[vague_type]["title"])


def is_boilerplate(vague_type: str) -> bool:
    """Whether a vague type is standard wording (``boilerplate`` in ``vague_types.json``: a
    decision announced with no reason, a noncommittal promise), rarely worth a question of its
    own: reports list it apart from the phrases worth asking about."""
    return bool(vague_types()[vague_type].get("boilerplate", False))


@cache
def _topics(vague_type: str) -> tuple[tuple[frozenset[str], str], ...]:
    return tuple((frozenset(t["heads"]), t["topic"]) for t in vague_types()[vague_type]["topics"])


def topic_of(vague_type: str, phrase_words: Sequence[str]) -> str:
    """The topic a phrase asks about: the first whose head words occur in it (the last is the
    type's default)."""
    lowered = {w.lower() for w in phrase_words}
    topics = _topics(vague_type)
    return next((topic for heads, topic in topics if heads & lowered), topics[-1][1])


def _body(topic: str, stage: str, seed: int = 0, *, ctx: PlanContext | None = None) -> str:
    """The question a topic asks at ``stage``; a topic with several wordings takes the one
    ``seed`` picks, so that messages do not all read alike."""
    settings = plan_settings()
    material_ = material(ctx or PlanContext(stage=stage))
    wording = settings["topics"][topic]
    if isinstance(wording, list):
        wording = wording[seed % len(wording)]
    return str(wording).format(material=material_, **team_words(ctx or PlanContext()))


def question_for(vague_type: str, phrase: str, words_: Sequence[str] = ()) -> str:
    """A clarifying question about ``phrase``: quoted when it is a clean phrase, otherwise
    named by what kind of phrase it is ("the question of fit"); a bare formula's question
    stands alone.

    ``words_`` are the phrase's words and lemmas when the caller has them. The question
    depends on nothing else, and a mailbox repeats its stock phrases, so it is kept.
    """
    return _question_for(vague_type, phrase, tuple(words_))


@lru_cache(maxsize=4096)
def _question_for(vague_type: str, phrase: str, words_: tuple[str, ...]) -> str:
    topic = topic_of(vague_type, [*words_, *words(phrase)])
    text = " ".join(phrase.split())
    kind = vague_types()[vague_type]
    if int(kind["value"]) <= _FORMULA_VALUE:
        return capital(_body(topic, "applied"))
    quote = lower_first(text) if is_clean_phrase(text) else None
    body = _body(topic, "applied")
    turn = zlib.crc32(text.encode("utf-8", "surrogatepass"))
    candidate = Candidate(0, 0, topic, body, quote=quote, paraphrase=kind["paraphrase"])
    return _text(replace(candidate, type=vague_type), turn)


def _text(c: Candidate, turn: int) -> str:
    """The question's words: its own lead, or a quote or paraphrase lead taken in turn."""
    settings = plan_settings()
    if c.lead is not None:
        return c.lead.format(question=c.body) if "{question}" in c.lead else c.lead
    if c.quote is not None:
        leads = settings["quote_leads"]
        return str(leads[turn % len(leads)]).format(phrase=c.quote, question=c.body)
    if c.paraphrase is not None and c.basis is not None:
        sentences = settings["bases"]["sentences"][c.type]  # the question names the basis
        return capital(str(sentences[turn % len(sentences)]).format(question=c.body))
    if c.paraphrase is not None:
        sentences = settings["paraphrase_sentences"].get(c.type or "")
        if sentences:
            lead = str(sentences[turn % len(sentences)])
            return lead.format(material=c.material, question=c.body)
        leads = settings["paraphrase_leads"]
        return str(leads[turn % len(leads)]).format(paraphrase=c.paraphrase, question=c.body)
    return capital(c.body)


@lru_cache(maxsize=1)
def _attributed_starts() -> tuple[str, ...]:
    return tuple(plan_settings()["attributed_leads"]["starts"])


def attributed(text: str) -> bool:
    """Whether a question starts by putting words in the sender's mouth ("You mentioned ...",
    ``attributed_leads`` in ``plan.json``)."""
    return text.startswith(_attributed_starts())


def _unattributed(c: Candidate, turn: int, text: str) -> str:
    """The question in a wording that does not start "You mentioned ...": another turn of its
    lead-ins, else its plain form, else its own question alone; ``text`` when it has none."""
    if not attributed(text):
        return text
    if c.quote is not None and c.lead is None:  # a quote keeps its words, with a plain lead
        leads = plan_settings()["later_quote_leads"]
        return str(leads[turn % len(leads)]).format(phrase=c.quote, question=c.body)
    for step in range(1, 4):
        other = _text(c, turn + step)
        if not attributed(other):
            return other
    if c.plain is not None:
        return c.plain
    return capital(c.body) if c.lead is None and c.body else text


def plan(
    findings: Sequence[Finding],
    specific: Sequence[SpecificFeedback] = (),
    *,
    max_questions: int = DEFAULT_MAX,
    context: PlanContext | None = None,
    message: str = "",
) -> list[Question]:
    """An ordered plan: an opener, clarifications ranked by value, one forward-looking question.

    ``context`` is what :func:`analyzer.plancontext.read_context` read from the message (by
    default a plain rejection of an application); ``message`` is the
    text the findings point into, so that only its clean, whole phrases are quoted. The cap
    counts every question; the opener and the forward-looking question are kept whenever the
    cap allows (three or more).
    """
    ctx = context or PlanContext()
    if nothing_open(ctx):  # a filled role's form letter that says where roles appear
        return []
    if max_questions <= 0 or ctx.board_notice or ctx.no_reply:  # nobody reads replies
        return []  # there: a question belongs to a named contact instead
    source = message or " ".join(f.text for f in findings)
    seed = zlib.crc32(source.encode("utf-8", "surrogatepass"))
    if ctx.declines and ctx.auto_reply:  # no feedback, and nobody reads replies
        return []
    if ctx.declines:  # no feedback given: a short thank-you that keeps the door open
        return [door_open(seed)]
    if ctx.contact_named:  # the feedback comes from a named person, not this sender: a
        thanks = pick(plan_settings()["contact_named_thanks"]["wording"], seed)  # thank-you
        contact = forward_question(ctx, seed, [thanks])  # and that person, by name
        return [Question(thanks, Purpose.OPENER.value)] + (
            [Question(contact, Purpose.OPEN_ENDED.value)] if contact else []
        )
    if ctx.auto_reply:  # nobody reads replies: short, for a named recruiter
        max_questions = min(max_questions, int(plan_settings()["auto_reply_max"]))
    written = written_feedback(ctx, specific, message)
    noted = ctx.feedback_given or (  # a person's note of feedback; a recruiter relaying a
        written and ctx.own_voice and not ctx.relayed and not ctx.team_signed  # decision
    )  # passes on the client's, and a team's letter with a reason is no note of its own
    candidates = _candidates(findings, specific, ctx, message, seed, written=written)
    # a note's own vague point ("it wasn't quite the right fit"): asked, and the note is not
    # thanked as clear
    unclear = (
        next(
            (
                c
                for c in candidates
                if still_vague(c, message, specific) and not named_right_after(c, message)
            ),
            None,
        )
        if noted
        else None
    )
    opener = Question(opener_text(ctx, seed), Purpose.OPENER.value)
    hedged = noted and (unclear is not None or bool(ctx.admitted))
    if noted:  # a note that spells out its feedback: thank, ask what matters most or, when
        vague_in = sentence_around(unclear, message) if unclear is not None else ""
        thanks = thanks_for_note(ctx, message, seed, hedged=hedged, vague_in=vague_in)
        opener = Question(thanks, Purpose.OPENER.value)
    chosen = [opener.text]
    forward = forward_question(ctx, seed, chosen, detailed=written)
    # the closing question is kept when the cap allows three, or two when it answers the sender
    # or takes up the call or discussion the sender offers
    kept = max_questions > 2 or (
        max_questions > 1 and (answers_sender(ctx, forward) or offers_talk(ctx))
    )
    reserved = 1 if (forward is not None or ctx.told is not None) and kept else 0
    room = max(0, max_questions - 1 - reserved)
    clarify: list[Question] = []
    asked_vague = False
    for candidate in candidates:
        if len(clarify) >= room:
            break
        if candidate.topic == _NO_OPENING and asks_roles(forward):
            continue  # the closing question asks which roles would suit: asked once
        if named_right_after(candidate, message):
            continue  # "lacked depth on topics like caching": the area is named
        if (
            noted
            and candidate is not unclear
            and candidate.topic not in _remark_topics()
            and not admitted(candidate, ctx)
        ):
            continue  # the note explains its points: the opener asked which matters most
        area = area_named(candidate, message)  # "lacked some depth on phonics": asked by name
        text = (
            _text(candidate, seed + len(clarify))
            if area is None
            else pick(plan_settings()["area_questions"], seed + len(clarify)).format(point=area)
        )
        if any(attributed(t) for t in chosen):  # one "You mentioned ..." a plan at most
            text = _unattributed(candidate, seed + len(clarify), text)
        if too_close(text, chosen):
            continue
        chosen.append(text)
        clarify.append(Question(text, Purpose.CLARIFY.value, candidate.phrase, candidate.type))
        asked_vague = asked_vague or candidate is unclear or admitted(candidate, ctx)
    if hedged and not asked_vague:  # the vague point went unasked (the cap, a closer question):
        opener = Question(thanks_for_note(ctx, message, seed), Purpose.OPENER.value)  # the
        chosen[0] = opener.text  # opener asks what matters most, as in a clear note
    asked_gap = bool(clarify) or template_letter(ctx)  # a template's opener asks what was best:
    if forward is not None and asked_gap and forward != ctx.sender_asks and improves(forward):
        forward = after_gap(ctx, seed)  # "what fell short" is asked: not "what to strengthen"
        # (nor, after a template's one question, its mirror)
    closing = []
    if forward is not None and too_close(forward, chosen[1:]):
        forward = None
    forward = closing_with_answers(ctx, forward)  # what the sender asked me, answered first
    if forward is not None:
        closing = [Question(forward, Purpose.OPEN_ENDED.value)]
    lead = template_thanks_of(opener.text)  # a template's thanks and its generic question
    steps = [opener, *clarify, *closing]  # ("which part of my application came closest"): a
    if lead is not None:  # team sending the same letter to every applicant does not answer it
        steps = _template_steps(lead, clarify, closing, seed)  # (see the function)
    return [replace(q, text=in_its_words(q.text, message)) for q in steps[:max_questions]]


def _template_steps(
    thanks: str, clarify: list[Question], closing: list[Question], seed: int
) -> list[Question]:
    """The plan of a team's template (:func:`analyzer.planclosing.template_letter`) without
    the generic question its opener asks after ``thanks`` (blind reviews score it below a
    plain thank-you): the thanks before the clarification of its vague phrase, when it has
    one, then the closing question that takes up what the letter invites; the closing alone
    (thanked unless it thanks already); else a thank-you that keeps the door open."""
    if closing and closing[0].text.startswith(("Thank", "I appreciate")):
        return [*clarify[:1], *closing]  # the closing thanks already: one thanks a plan
    if clarify:
        return [replace(clarify[0], text=f"{thanks} {clarify[0].text}"), *closing]
    if closing:
        return [replace(closing[0], text=f"{thanks} {closing[0].text}")]
    return [door_open(seed)]


def short_plan(context: PlanContext, *, message: str = "") -> list[Question]:
    """The opener and the closing question only: for a message that invites a next step but
    gives nothing to clarify (see :func:`analyzer.plancontext.invites_after_decision`)."""
    if context.declines or context.board_notice or context.no_reply or nothing_open(context):
        return []
    seed = zlib.crc32(message.encode("utf-8", "surrogatepass"))
    if context.no_vacancy:  # a CV handed in that nobody assessed: thanks, no question on it
        opener = pick(plan_settings()["no_vacancy_thanks"], seed)
    else:
        opener = opener_text(context, seed)
    forward = closing_with_answers(context, forward_question(context, seed, [opener]))
    closing = [Question(forward, Purpose.OPEN_ENDED.value)] if forward else []
    return [Question(opener, Purpose.OPENER.value), *closing]


@lru_cache(maxsize=1)
def _remark_topics() -> frozenset[str]:
    """The topics of remark questions (:func:`~analyzer.plansaid.remarked`): asked even
    beside spelled-out feedback, which does not explain a language or pay requirement."""
    return frozenset(str(e["topic"]) for e in plan_settings()["remarks"].values())


def _inside(span: Finding | TextSpan, spans: Sequence[TextSpan]) -> bool:
    return any(s.start <= span.start and span.end <= s.end for s in spans)


def _quote(finding: Finding, message: str) -> str | None:
    if message and message[finding.start : finding.end] == finding.text:
        return clean_quote(message, finding.start, finding.end)
    text = " ".join(finding.text.split())
    return lower_first(text) if not message and is_clean_phrase(text) else None


def _candidates(
    findings: Sequence[Finding],
    specific: Sequence[SpecificFeedback],
    ctx: PlanContext,
    message: str,
    seed: int = 0,
    *,
    written: bool = False,
) -> list[Candidate]:
    """Every question the plan could ask, best first, one a topic. ``written``: the message
    spells out its feedback (:func:`~analyzer.plansaid.written_feedback`, read once by the plan).

    A one-word phrase that cannot be quoted ("better" in "one page is often better") is left
    out: named only by its kind, it would point at nothing the reader can find."""
    found: list[Candidate] = []
    withdrawn = role_closed(ctx) is not None
    template = template_letter(ctx)
    compared = _comparison_sentences(findings, message)
    remark_sentences = _remark_sentences(ctx, message)
    future = _future_role_sentences(message)
    explained = {sentence_of(message, s, e) for s, e in ctx.basis_named} if message else set()
    beside = False  # a decision whose sentence says why
    for order, f in enumerate(findings):
        kind = vague_types().get(f.type)
        if kind is None or int(kind["value"]) <= 0 or _inside(f, specific) or withdrawn:
            continue
        if f.explained_by is not None:
            continue  # "were somewhat general, and we would have liked to hear more about ..."
        if f.type == _IMPRESSION and sentence_of(message, f.start, f.end) in compared:
            continue  # "we feel X is a better fit": one idea, asked through the comparison
        if f.type == _IMPRESSION and _lead_in_to_basis(f, message, ctx):
            continue  # "the panel felt [others had stronger hands-on experience]"
        if (
            f.type == _IMPRESSION
            and message
            and impression_answered(message, f.start, f.end, specific)
        ):
            continue  # "the panel thought [your presentation was well structured]"
        if ctx.out_of_control and f.type not in _ABOUT_THE_CANDIDATE:
            continue
        if ctx.out_of_control and about_logistics(sentence_of(message, f.start, f.end)):
            continue  # "they weren't convinced the commute would work": the commute
        if message and sentence_of(message, f.start, f.end) in remark_sentences:
            continue  # "your rate is above the market value": asked through the remark
        if f.type in _EXPLAINED_TYPES and sentence_of(message, f.start, f.end) in explained:
            continue  # "[we felt] others had [more experience] running multi-site teams"
        if f.type == _COMPARISON and message and said_to_come_down_to(message, f.end):
            continue  # "someone [more senior]. It came down to needing ...": explained
        if _in_role_name(f, message, ctx.role):
            continue  # "Pipe Fitter" is the role's name, not a comparison
        if f.type in _COMPARES and sentence_of(message, f.start, f.end) in future:
            continue  # "if something more consumer-focused opens up": no comparison with me
        quoted = int(kind["value"]) > _FORMULA_VALUE
        if not quoted and _reason_beside(f, ctx, message):
            beside = True  # "decided not to proceed, they feel your experience is more on ..."
            continue
        if not quoted:  # a team's template: only a decision the message's context names
            decision = _decision(f, order, ctx, seed, message, hooked_only=template)
            found += [decision] if decision is not None else []
            continue
        topic = topic_of(f.type, words(f.text))
        keep = topic in plan_settings()["bases"]["keep_topics"]
        based = basis(f, message) if f.type in _BASED and not keep else None
        topic = based[1] if based else topic
        quote = _quote(f, message)
        if quote is None and len(words(f.text)) < _MIN_PARAPHRASED_WORDS:
            continue
        if quote is None and not _paraphrase_fits(f, message):
            continue
        penalty = _UNQUOTABLE_PENALTY if quote is None and based is None else 0
        body = _body(topic, ctx.stage, seed, ctx=ctx)
        if based is not None:
            body = _basis_question(f.type, based[0], ctx, seed)
        found.append(
            Candidate(
                int(kind["value"]) - penalty,
                order,
                topic,
                body,
                phrase=f.text,
                quote=quote,
                type=f.type,
                paraphrase=str(kind["paraphrase"]),
                start=f.start,
                material=material(ctx),
                basis=based[0] if based else None,
            )
        )
    # a closed role's change of scope is no longer the question, and a practical requirement
    # the opener thanks for ("fluent Dutch is necessary") is not asked about again
    needs = plan_settings()["reason_thanks"]["requirements"]
    required = role_closed(ctx) is None and bool(thanked_kinds(ctx).intersection(needs["kinds"]))
    found += [
        r
        for r in remarked(ctx, message)
        if not (withdrawn and r.topic in _CHANGED_ROLE)
        and not (required and r.topic in needs["remark_topics"])
    ]
    # a named requirement is no advice, and the reasons a recruiter passes on are no pointers
    if (not ctx.requirement_named or written) and not ctx.relayed:
        found += built_on(specific, message, len(findings), material(ctx))
    if not ctx.out_of_control and not ctx.advised_roles:  # advice on the kind of role to aim
        reasons = _from_reasons(ctx, len(findings) + len(specific), seed, message)
        if written:  # what to change is answered: no "prepare differently"
            reasons = [r for r in reasons if r.topic not in plan_settings()["reason_topics"]]
        if ctx.basis_named:  # the message says which experience: built on in its words
            reasons = [r for r in reasons if r.topic.removesuffix(_NAMED) != "experience"]
            reasons += _experience_named(ctx, message, len(findings), seed)
        kept = [r for r in reasons if not _basis_of_comparison(r, found, message)]
        found += _together(kept, seed)
    if ctx.basis_named:  # the message says what made the difference: no bare decision question
        found = [c for c in found if c.topic != "requirement"]
    if ctx.requirement_named and not ctx.out_of_control:  # no "which requirement" then
        found = _named_requirement(found)
    if ctx.requirement_named and ctx.relayed:  # a recruiter passing on a client's hard
        gained = plan_settings()["named_requirement"]["relayed_topics"]  # requirement ("3
        found = [c for c in found if c.topic.removesuffix(_NAMED) not in gained]  # years GCC
        # experience") cannot say where to gain it
    if ctx.no_opening and not ctx.out_of_control:  # no role: ask what kinds would fit
        found = _no_opening(found, seed)
    ranked = _one_a_topic(sorted(found, key=lambda c: (-c.value, c.order)))
    if any(c.value > _FORMULA_VALUE for c in ranked):
        ranked = [c for c in ranked if c.value > _FORMULA_VALUE]
    named = ctx.basis_named or ctx.requirement_named  # a named basis or requirement says what
    named = named or any(f.explained_by is not None for f in findings)  # made the difference,
    named = named or beside  # as do an explained phrase and a decision that says why
    if not ranked and not ctx.out_of_control and not named:
        value = int(plan_settings()["requirement_value"])
        hooked = _hooked(ctx, seed) or _in_context(ctx, message, seed)
        if hooked is None and template:  # a team's template: its opener's one question
            return ranked
        body = hooked or capital(_body("requirement", ctx.stage, seed, ctx=ctx))
        ranked = [Candidate(value, 0, "requirement", body)]
    return ranked


#: Vague types whose question builds on the basis their clause names ("candidates whose
#: skills and experience more closely align"): ``bases`` in ``plan.json``.
_BASED = frozenset({"unanchored_comparison", "fit_euphemism", "unspecified_gap"})
#: The topic of a remark on a role whose scope changed, moot once the role is closed.
_CHANGED_ROLE = frozenset({"scope"})
#: Types asked about through the experience a comparison names right after it
#: (``basis_named``): the comparison itself and an impression that introduces it.
_EXPLAINED_TYPES = frozenset({"unanchored_comparison", "unspecified_gap", "subjective_impression"})
#: The topic suffix of a stated reason built on the message's own name for its basis.
_NAMED = "_named"
#: The topic of the question a message with no fitting opening gets (:func:`_no_opening`).
_NO_OPENING = "no_opening"
#: A bare decision with no wording of its own ranks after one the message's words can name.
_UNNAMED_DECISION = 1000


def _in_role_name(finding: Finding, message: str, role: str | None) -> bool:
    """Whether the finding overlaps the name of the role applied for ("Pipe Fitter")."""
    if not role or not message:
        return False
    at = message.find(role)
    while at >= 0:
        if finding.start < at + len(role) and at < finding.end:
            return True
        at = message.find(role, at + 1)
    return False


def _lead_in_to_basis(finding: Finding, message: str, ctx: PlanContext) -> bool:
    """Whether an impression is only a subject and a verb of feeling ("the panel felt") whose
    sentence names a basis the plan builds on as a stated reason (``lead_in`` in
    ``plan.json``; the reason's ``heads`` occur in the sentence)."""
    if not message or message[finding.start : finding.end] != finding.text:
        return False
    if not set(words(finding.text)) <= set(plan_settings()["lead_in"]["words"]):
        return False
    sentence = lower(sentence_of(message, finding.start, finding.end))
    reasons = plan_settings()["reasons"]
    heads = [h for r in ctx.stated for h in reasons.get(r, {}).get("heads", ())]
    return any(re.search(rf"\b{re.escape(h)}\b", sentence) for h in heads)


def _basis_question(vague_type: str, basis: str, ctx: PlanContext, seed: int) -> str:
    """The question that builds on the basis a phrase names ("what kind of leadership
    experience would have made the difference for this role?")."""
    wordings = plan_settings()["bases"]["questions"]
    several = " and " in basis
    key = vague_type if vague_type in wordings else ("several" if several else "one")
    said = str(plan_settings()["bases"]["material"])  # a basis is read from the profile
    options = [w for w in wordings[key] if "{material}" not in w or said not in basis]
    return str(pick(options or wordings[key], seed)).format(basis=basis, material=said)


def _reason_beside(finding: Finding, ctx: PlanContext, message: str) -> bool:
    """Whether the sentence of a decision holds the evidence of a stated reason that says why
    (``PlanContext.reasons_at``): the decision is not bare."""
    if not message or not ctx.reasons_at:
        return False
    head, tail = between_marks(message, finding.start, finding.end, SENTENCE_MARKS)
    return any(head <= at < tail for at in ctx.reasons_at)


@lru_cache(maxsize=1)
def _decision_kinds() -> tuple[tuple[re.Pattern[str], tuple[str, ...]], ...]:
    kinds = plan_settings()["decisions"]["kinds"].values()
    return tuple((re.compile(k["cue"]), tuple(k["wordings"])) for k in kinds)


def _decision(
    finding: Finding,
    order: int,
    ctx: PlanContext,
    seed: int,
    message: str = "",
    *,
    hooked_only: bool = False,
) -> Candidate | None:
    """The question about a bare decision: an open question about the candidate's own
    application, built on the impression the message states ("Given what you liked in my
    skills, ..."), else on what the message says of the decision (a strong field, an interview
    not reached: :func:`_in_context`), else worded after the message's own decision ("which
    part of my application fell shortest of what you needed?"), or the stock fallback when the
    phrase names no decision (``decisions``); with ``hooked_only``, only the first two
    (``None`` otherwise: a team's template gets its opener's question alone)."""
    hooked = _hooked(ctx, seed) or _in_context(ctx, message, seed)
    if hooked is not None:
        return Candidate(
            _FORMULA_VALUE, order, "requirement", hooked, phrase=finding.text, type=finding.type
        )
    if hooked_only:
        return None
    low = lower(finding.text)
    for cue, wordings in _decision_kinds():
        if cue.search(low) is not None:
            body = pick(wordings, seed).format(material=material(ctx))
            said = finding.text
            return Candidate(
                _FORMULA_VALUE, order, "requirement", body, phrase=said, type=finding.type
            )
    body = capital(_body("requirement", ctx.stage, seed, ctx=ctx))
    later = order + _UNNAMED_DECISION
    return Candidate(
        _FORMULA_VALUE, later, "requirement", body, phrase=finding.text, type=finding.type
    )


@lru_cache(maxsize=1)
def _future_role_cue() -> Cues:
    return Cues([plan_settings()["future_role"]["cue"]])


def _future_role_sentences(message: str) -> set[str]:
    """The sentences of ``message`` about a role that may open later (``future_role``), found
    once for the whole message."""
    found = _future_role_cue().finditer(lower(message))
    return {sentence_of(message, m.start(), m.end()) for m in found}


def _hooked(ctx: PlanContext, seed: int) -> str | None:
    """The question a bare decision gets in a message that states a positive impression of
    the candidate (``decisions.hooked`` in ``plan.json``): it builds on that impression."""
    if ctx.praise is None or not real_praise(ctx):
        return None
    kind, what = ctx.praise
    wordings = plan_settings()["decisions"]["hooked"].get(kind)
    if wordings is None:
        return None
    what = what or str(plan_settings()["praise_openers"]["default_what"])
    return pick(wordings, seed).format(what=what, material=material(ctx))


@lru_cache(maxsize=1)
def _contexts() -> tuple[tuple[Cues, dict[str, list[str]]], ...]:
    entries = plan_settings()["decisions"]["contexts"]["kinds"]
    return tuple((Cues(e["cues"]), e["wordings"]) for e in entries)


def _in_context(ctx: PlanContext, message: str, seed: int) -> str | None:
    """The question a bare decision gets from what the rest of the message says of the
    candidate's application (``decisions.contexts`` in ``plan.json``): a gate it did not pass
    ("not selected to interview": "what would my application have needed to show to reach an
    interview?") or what the sender says it reviewed ("your skills and experience"). The first
    kind whose cue occurs in the message and that has wordings for the stage is used; with none,
    the decision's own wording stands. A strong field is no hook (the template's consolation)."""
    if not message:
        return None
    low = lower(message)
    for cues, wordings in _contexts():
        options = wordings.get(ctx.stage)
        if options and cues.search(low) is not None:
            return pick(options, seed).format(material=material(ctx))
    return None


def _named_requirement(found: list[Candidate]) -> list[Candidate]:
    """The candidates without those that ask which requirement, skill, credential or
    experience mattered (``named_requirement`` in ``plan.json``): the message named it."""
    topics = plan_settings()["named_requirement"]["topics"]
    return [c for c in found if c.topic not in topics]


def _no_opening(found: list[Candidate], seed: int) -> list[Candidate]:
    """The candidates without those that ask about the role's requirements, plus one asking
    what would make the candidate fit the roles the company hires for: the message says no
    current opening fits, so there is no role to ask about (``no_opening`` in ``plan.json``)."""
    settings = plan_settings()["no_opening"]
    kept = [c for c in found if c.topic.removesuffix(_NAMED) not in settings["topics"]]
    body = pick(settings["wording"], seed)
    value = int(plan_settings()["reason_value"])
    return [*kept, Candidate(value, len(found), _NO_OPENING, body, lead=body)]


#: An impression that shares its sentence with one of these types introduces that judgement
#: ("we feel she is a better match") and gets no question of its own.
_IMPRESSION = "subjective_impression"
_COMPARISON = "unanchored_comparison"
_JUDGEMENTS = frozenset({"unanchored_comparison", "fit_euphemism", "unspecified_gap"})


def _remark_sentences(ctx: PlanContext, message: str) -> set[str]:
    """The sentences of ``message`` that hold a remark which is their whole point (a pay level,
    a language, a new direction: ``covers_sentence`` in ``remarks``)."""
    entries = plan_settings()["remarks"]
    return {
        sentence_of(message, start, end)
        for kind, start, end in ctx.remarks
        if message and start >= 0 and entries.get(kind, {}).get("covers_sentence")
    }


def _comparison_sentences(findings: Sequence[Finding], message: str) -> set[str]:
    """The sentences of ``message`` that hold a comparison or a fit phrase."""
    if not message:
        return set()
    return {sentence_of(message, f.start, f.end) for f in findings if f.type in _JUDGEMENTS}


def _paraphrase_fits(finding: Finding, message: str) -> bool:
    """Whether naming the phrase by its kind ("the impression you describe") points at
    something the message says: the finding's sentence must hold a cue of its kind
    (``paraphrase_cues`` in ``plan.json``); a type without cues always fits."""
    cue = plan_settings()["paraphrase_cues"].get(finding.type)
    if cue is None:
        return True
    text = finding.text
    if message and message[finding.start : finding.end] == finding.text:
        text = sentence_of(message, finding.start, finding.end)
    return re.search(cue, text, re.IGNORECASE) is not None


def _basis_of_comparison(reason: Candidate, found: Sequence[Candidate], message: str) -> bool:
    """Whether a stated reason ("experience") is only the basis of a comparison or fit the
    plan already asks about ("someone whose experience more closely matched"): then "since
    experience weighed in the decision" would ask the same thing twice."""
    heads = reason.heads
    if not heads or not message:
        return False
    for c in found:
        if c.type is None or c.type not in _COMPARES or c.start is None:
            continue
        sentence = sentence_of(message, c.start, c.start + len(c.phrase or "")).lower()
        if any(re.search(rf"\b{re.escape(h)}\b", sentence) for h in heads):
            return True
    return False


def _from_reasons(ctx: PlanContext, order: int, seed: int, message: str = "") -> list[Candidate]:
    """Questions that build on a reason the message states without detail."""
    settings = plan_settings()
    found = []
    for n, reason in enumerate(sorted(ctx.stated)):
        entry = settings["reasons"].get(reason)
        if entry is None or ctx.stage not in entry.get("stages", [ctx.stage]):
            continue
        topic = entry["topic"]
        own = settings["reason_topics"].get(topic)  # in the stage's own word ("my trial")
        body = own.format(material=material(ctx)) if own else _body(topic, ctx.stage, seed, ctx=ctx)
        value = int(settings["reason_value"])
        heads = tuple(entry.get("heads", ()))
        if message and "name" in entry and not _says_any(message, heads):
            continue  # "Since skills weighed in the decision" where no word says so: a premise
        lead = one_of(entry["lead"], seed + n)  # the message never stated
        named = named_basis(message, topic) if message and "name" in entry else None
        if named is not None:  # "contract experience": which kind is said, ask how to build it
            lead = one_of(settings["named_basis"]["lead"], seed).replace("{basis}", named)
            body = one_of(settings["named_basis"]["questions"][topic], seed >> 3)  # a wording
            topic = f"{topic}{_NAMED}"  # of its own, not the lead's
        found.append(Candidate(value, order + n, topic, body, lead=lead, heads=heads))
    return found


@lru_cache(maxsize=64)
def _head_pattern(head: str) -> re.Pattern[str]:
    """A reason's head word, whole, and not naming a stage ("competency interview":
    ``reason_heads_naming``)."""
    naming = "|".join(plan_settings()["reason_heads_naming"]["words"])
    return re.compile(rf"\b{re.escape(head)}\b(?![ -](?:{naming})\b)")


def _says_any(message: str, heads: Sequence[str]) -> bool:
    """Whether ``message`` says one of the words ``heads`` (whole words, any case) outside a
    clause that praises it ("while your experience is valued, ...": ``named_basis.praise``) and
    not as the name of a stage ("competency interview": ``reason_heads_naming``)."""
    low = lower(message)
    praise = praise_cue()
    for head in heads:
        for found in _head_pattern(head).finditer(low):
            start, end = between_marks(low, found.start(), found.end(), CLAUSE_MARKS)
            if not praise.search(low, start, end):
                return True
    return False


def _experience_named(ctx: PlanContext, message: str, order: int, seed: int) -> list[Candidate]:
    """The question that builds on the experience a comparison names ("more experience
    running multi-site teams", "more client-facing experience"), in the message's words when
    they read cleanly (else as "that experience": "someone who has run a larger team"): where
    to gain it."""
    if not message:
        return []
    settings = plan_settings()["named_basis"]
    named = experience_words(ctx, message) or named_basis(message, "experience")
    need = None if named is not None else need_words(ctx, message)
    if need is not None:  # "someone who has already run a full P&L at store level"
        lead = one_of(settings["need_lead"], seed).replace("{need}", need)
        body = one_of(settings["questions"]["experience"], 0)  # "that kind": the need said
    elif named is None:
        lead = one_of(settings["unnamed_lead"], seed)
        body = settings["questions"]["experience_unnamed"]
    else:
        lead = one_of(settings["lead"], seed).replace("{basis}", named)
        body = one_of(settings["questions"]["experience"], seed >> 3)
    value = int(plan_settings()["reason_value"])
    return [Candidate(value, order, f"experience{_NAMED}", body, lead=lead, heads=("experience",))]


def _together(reasons: list[Candidate], seed: int = 0) -> list[Candidate]:
    """The one question built on the stated reasons: several named bases of the decision
    ("experience", "skills") as one question naming them together (``reasons_together``),
    since two "Since X weighed in the decision" questions in a row read as a mechanical pair;
    the basis the message names in its own words instead of them; else the first reason, a
    named basis before an unnamed one ("Since the match with the role weighed most" asks
    what "Since experience weighed" asks of one sentence, "candidates whose experience fits
    better", as blind reviews read the two)."""
    settings = plan_settings()
    names = {e["topic"]: e["name"] for e in settings["reasons"].values() if "name" in e}
    own = [r for r in reasons if r.topic.endswith(_NAMED)]
    if own:  # the basis the message names in its own words stands for the others
        return own[:1]
    named = [r for r in reasons if r.topic in names]
    if len(named) < 2:
        return sorted(reasons, key=lambda r: r.topic not in names)[:1]
    listed = [names[r.topic] for r in named]
    joined = f"{', '.join(listed[:-1])} and {listed[-1]}"
    lead = one_of(settings["reasons_together"], seed).format(names=joined)
    first = min(r.order for r in named)
    heads = tuple(h for r in named for h in r.heads)
    return [Candidate(named[0].value, first, "reasons", "", lead=lead, heads=heads)]


def _group(topic: str) -> str:
    """The topic's group (``topic_groups`` in ``plan.json``): topics of one group ask the same
    thing in other words ("which need did I not line up with" / "which requirement did I meet
    least well")."""
    topic = topic.removesuffix(_NAMED)
    groups = plan_settings()["topic_groups"].items()
    return next((name for name, members in groups if topic in members), topic)


def _one_a_topic(ranked: list[Candidate]) -> list[Candidate]:
    seen: set[str] = set()
    kept = []
    for candidate in ranked:
        group = _group(candidate.topic)
        if group not in seen:
            seen.add(group)
            kept.append(candidate)
            if candidate.basis is not None:  # "where did my skills fall short of its needs"
                seen.update(plan_settings()["bases"]["covers"])
    return kept

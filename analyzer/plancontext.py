"""What a message says about the candidate's situation, read before any question is planned.

The plan and the draft both start from a :class:`PlanContext`: the stage the candidate reached,
whether the sender declines feedback, which reasons the message states (built on, never asked
again), whether a reason lies outside the candidate's control, and what the sender offers
(feedback, a call, another role). It is read from the analyzer's own outputs (policy, reasons,
concrete feedback) and from the cue lists in ``patterns/plan_context.json``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .cues import Cues, lower
from .futureroles import future_role, only_ahead
from .labels import Policy, Reason
from .planasks import in_question, question_spans, request_spans, sender_asks, sender_told
from .planbases import SENTENCE_MARKS, between_marks
from .plancues import cue_lists, matching, said_matches, sentence_at, settings
from .plansigns import long_note, mass_mail, org_kind, signed_by_person, signed_by_team
from .planwords import plan_settings
from .report import ReasonResult, Report, SpecificFeedback
from .roles import role_of

#: Stages from the earliest to the latest.
STAGES = ("applied", "screened", "interviewed", "take_home")


@dataclass(frozen=True)
class PlanContext:
    """The facts a plan must respect; the defaults describe a plain rejection of an application."""

    stage: str = "applied"
    declines: bool = False
    stated: frozenset[str] = frozenset()
    out_of_control: frozenset[str] = frozenset()
    invites: bool = False
    offers_feedback: bool = False
    offers_call: bool = False
    offers_coffee: bool = False  # a call or a talk offered over a coffee ("grab a coffee")
    offers_fast_track: bool = False  # a later application offered a shortcut ("straight
    # through to the technical interview without redoing the take-home")
    other_role: str | None = None
    mentions_other_role: bool = False
    future_role: str | None = None
    #: the sender keeps the candidate's details or promises to be in touch, so a named future
    #: role is welcomed, not asked about (:func:`promises_contact`)
    future_promised: bool = False
    auto_reply: bool = False
    no_reply: bool = False
    offers_discuss: bool = False
    follow_up: str | None = None
    several_interviews: bool = False
    other_roles_named: bool = False
    role: str | None = None
    board_notice: bool = False
    timing: bool = False
    survey: bool = False
    remarks: tuple[tuple[str, int, int], ...] = ()
    stage_variant: str | None = None
    timing_open: bool = False
    contact_when: str | None = None
    invited_when: str | None = None
    reapply_when: str | None = None
    praise: tuple[str, str] | None = None
    community: str | None = None
    team_signed: bool = False
    team_name: str | None = None
    requirement_named: bool = False
    reopen_told: bool = False
    no_opening: bool = False
    #: no opening at all right now ("We've no vacancies at the minute"): a no to a CV handed
    #: in, which nobody assessed
    no_vacancy: bool = False
    advised_roles: bool = False
    form_letter: bool = False
    offers_help: bool = False
    offers_reference: bool = False
    offers_introduction: bool = False
    #: another employer the sender says is hiring, by its name ("Dueck Electric"), if any
    tip_employer: str | None = None
    #: the kind of work the sender offers besides the role ("freelance", "relief"), if any
    work_offered: str | None = None
    #: the person the message says to contact about the outcome ("Ms Louise Barrett"), if any
    contact_named: str | None = None
    asks_times: bool = False
    day_named: bool = False
    #: the sender asks the candidate to book a slot in a calendar ("grab a slot in my calendar")
    books_slot: bool = False
    call_me: bool = False
    feedback_given: bool = False
    own_voice: bool = False
    basis_named: tuple[tuple[int, int], ...] = ()
    #: where the evidence of each stated reason starts, for the reasons that answer why
    #: (``decisions.answering_reasons`` in ``plan.json``): a decision whose sentence holds one
    #: ("they've decided not to proceed, they feel your experience is more on ...") is no bare
    #: decision
    reasons_at: tuple[int, ...] = ()
    org_kind: str | None = None
    relayed: bool = False
    agency: bool = False
    put_forward: bool = False
    #: the sender has passed the CV or details on already ("I've passed your resume to ...")
    passed_on: bool = False
    offered_role: str | None = None
    main_point: bool = False
    #: the sentences, as ``(start, end)``, where a note says a point of its own is vague
    admitted: tuple[tuple[int, int], ...] = ()
    #: the reply to a question in which the sender proposes to do something for the candidate
    #: ("Shall I send over the job description?"): see :mod:`.planasks`
    sender_asks: str | None = None
    #: the answer, with marked blanks, to what the sender asks the candidate to tell them
    #: ("What's your notice period?": "My notice period is [your notice period]."): said
    #: before the closing question (:func:`.planclosing.closing_with_answers`)
    told: str | None = None
    #: a note gives its own advice ("my honest advice is ..."): no opener asks where to start
    advised: bool = False

    @property
    def interviewed(self) -> bool:
        """Whether the candidate met the team (an interview or a take-home after one)."""
        return STAGES.index(self.stage) >= STAGES.index("interviewed")


def stage_of(text: str) -> str:
    """The latest stage the message shows the candidate reached ("applied" by default)."""
    c, low = cue_lists(), lower(text)
    hits = matching(low)
    for stage in reversed(STAGES[1:]):
        if f"stages.{stage}" not in hits:
            continue
        if stage == "take_home" and stage_variant(text, "interviewed") == _ASSESSMENT_DAY:
            continue  # "the group exercise, technical interview and written exercise" of an
            # assessment centre: the day is the stage, its written exercise no take-home task
        pattern = c["stages"][stage]
        if any(not _cancelled(low, m, stage) for m in pattern.finditer(low)):
            return stage
    return STAGES[0]


#: The stage variant of a day of exercises held by the employer (``stage_variants``).
_ASSESSMENT_DAY = "assessment_centre"
#: Stage variants after which a letter in no writer's own voice is a form letter.
_FORM_STAGES = frozenset({"assessment", _ASSESSMENT_DAY})


def _cancelled(text: str, match: re.Match[str], stage: str) -> bool:
    """An interview cue inside "invite you to an interview" is no interview held."""
    if stage != "interviewed":
        return False
    window = text[max(0, match.start() - 40) : match.end() + 5]
    return cue_lists()["not_interviewed"].search(window) is not None


def out_of_control(
    text: str, specific: Sequence[SpecificFeedback] = (), *, stated: frozenset[str] = frozenset()
) -> frozenset[str]:
    """The kinds of reason outside the candidate's control the message gives (budget, ...);
    concrete feedback of the ``logistics`` cue, or a message whose only stated reason is
    ``logistics`` (``stated``: the reasons the message gives), counts as one even when no cue
    names its kind, unless the message advises the kind of role to aim for
    (``advised_roles``)."""
    low = lower(text)
    hits, questions = matching(low), question_spans(text)
    # what the sender asks or asks to be told ("please let me know your salary expectations"),
    # and pay praised in another role ("the salary is a bit better too"), state no reason
    unsaid = tuple(sorted((*questions, *request_spans(text))))
    if "not_a_reason" in hits:
        praised = tuple(m.span() for m in cue_lists()["not_a_reason"].finditer(low))
        unsaid = tuple(sorted((*unsaid, *praised)))
    found = {  # "would you consider relocating?" asks; it states no reason
        kind
        for kind, cues in cue_lists()["out_of_control"].items()
        if f"out_of_control.{kind}" in hits and (not unsaid or _stated_outside(unsaid, cues, low))
    }
    advice = "advised_roles" in hits  # "consider roles closer to ..." is advice, not logistics
    in_control = stated & frozenset(plan_settings()["reason_thanks"]["in_control"])
    logistics = stated == {"logistics"} or (  # a logistic detail beside a stated reason in
        not in_control  # the candidate's control ("reporting on $1.2M of funding") is that
        and any(  # reason's context; a question the sender asks states nothing
            s.cue == "logistics" and not in_question(questions, s.start) for s in specific
        )
    )
    if logistics and not found and not advice:
        found.add("logistics")
    return frozenset(found)


def contact_named(text: str) -> str | None:
    """The person the message says to contact about the outcome or for feedback, by title and
    name as written ("Mr Paul Lindqvist") or by role ("the recruiting manager"), or ``None``
    (``contact_named``: in a sentence about feedback, the outcome or questions)."""
    about = settings()["contact_named"]["about"]
    c = cue_lists()
    # (the text searched, the pattern, its group of the name, the name's article); RE2, which
    # searches the role's pattern, numbers its groups
    found_by: list[tuple[str, Any, str | int, str]] = (  # most messages name nobody by title
        [(text, c["contact_named"], "name", "")] if c["titled"].search(text) is not None else []
    )
    found_by.append((lower(text), c["contact_role"], c["contact_role_group"], "the "))
    for searched, pattern, group, article in found_by:
        for found in pattern.finditer(searched):
            head, tail = between_marks(searched, found.start(), found.end(), SENTENCE_MARKS)
            if any(word in lower(searched[head:tail]) for word in about):
                name = searched[found.start(group) : found.end(group)]
                return article + " ".join(name.split())
    return None


def tip_employer(text: str) -> str | None:
    """The employer the sender points the candidate to (``offers.tip``: "Try Dueck Electric in
    Steinbach, I heard they're taking on first years"), by its name as written (``tip_name``),
    or ``None`` when the cue's sentence names none in capitals."""
    low = lower(text)
    cue = cue_lists()["offers"]["tip"].search(low)
    if cue is None:
        return None
    found = cue_lists()["tip_name"].search(text, cue.start(), cue.end())
    return None if found is None else found.group("name")


def work_offered(text: str) -> str | None:
    """The kind of work the sender offers to keep the candidate in mind for, besides the role
    (``offers.work``: "if you're open to freelance, I'd love to have your name on the list"):
    its word, lowered ("freelance", "relief", "supply")."""
    low = lower(text)
    cue = cue_lists()["offers"]["work"].search(low)  # the kind is read in the offer's sentence
    if cue is not None:  # first ("the contract clause" earlier names no work on offer)
        head, tail = between_marks(low, cue.start(), cue.end(), SENTENCE_MARKS)
        shifts = _SHIFTS.search(text, cue.start(), cue.end())  # "bank HCA shifts", named whole
        if shifts is not None:
            return _shift_name(shifts)
        return _work_kind(low[head:tail]) or _work_kind(low)
    return _work_kind(low)


#: Shifts on offer with up to two words before them that may name them ("the odd kitchen
#: hand shift", "bank HCA shifts").
_SHIFTS = re.compile(r"((?:\b[A-Za-z][\w-]*\s+){0,2})shifts?\b", re.IGNORECASE)
#: Words before "shifts" that are no part of their name.
_NOT_A_SHIFT_NAME = frozenset(
    {
        *("the", "a", "an", "some", "few", "odd", "any", "couple", "more", "extra", "regular"),
        *("have", "has", "had", "got", "do", "does", "going", "there"),
        *("sometimes", "often", "always", "usually", "also"),
        *("of", "for", "on", "in", "you", "we", "us", "our", "your"),
    }
)


def _shift_name(found: re.Match[str]) -> str:
    """The shifts of a work offer by the words that name them ("kitchen hand shifts"), in the
    plural: the words after the last one that names nothing (:data:`_NOT_A_SHIFT_NAME`)."""
    named: list[str] = []
    for word in found[1].split():
        named = [] if word.lower() in _NOT_A_SHIFT_NAME else [*named, word]
    return " ".join([*named, "shifts"])


def _work_kind(low: str) -> str | None:
    """The first word of lowered ``low`` that names a kind of work, as the kind."""
    found = _WORK_KIND.search(low)
    if found is not None:
        return found[0]
    other = _work_other().search(low)  # "pick up some shifts", "people over summer"
    return None if other is None else _WORK_NAMES.get(other[0], other[0])


_WORK_KIND = re.compile(
    r"\b(?:freelance|relief|casual|supply|locum|contract|temp|bank|cover|seasonal|subcontract|sub(?!-)"
    r"|substitute|subbing|occasional"
    r"|internship|placement|apprenticeship|traineeship|labouring|laboring)"
    r"(?: (?:relief|supply|cover))?\b"
)


@lru_cache(maxsize=1)
def _work_other() -> re.Pattern[str]:
    """Work named by a word that is not its kind ("shifts", "freelancers", a season of
    ``seasons``), read as the kind :data:`_WORK_NAMES` gives it (else the word itself)."""
    seasons = "|".join(settings()["seasons"])
    return re.compile(
        r"\b(?:freelancers?|shifts|christmas|weekends?|subbie|sub-contract|subcontracting"
        rf"|apprentices?|{seasons})\b"
    )


#: The kind of work a word of :func:`_work_other` names, where it is not the word itself.
_WORK_NAMES = MappingProxyType(
    {
        "freelancer": "freelance",
        "freelancers": "freelance",
        "shifts": "shift",
        "weekends": "weekend",
        "subbie": "subcontract",
        "sub-contract": "subcontract",
        "subcontracting": "subcontract",
        "apprentice": "apprenticeship",
        "apprentices": "apprenticeship",
        "laboring": "labouring",
    }
)


#: The sender's own words, as the candidate says them back to the sender.
_TO_SENDER = MappingProxyType({"we": "you", "our": "your", "us": "you"})
#: A condition's opening "in case", said back as "if".
_IN_CASE = re.compile(r"^in case\b", re.IGNORECASE)
_SENDER_WORDS = re.compile(r"\b(?:we|our|us)\b", re.IGNORECASE)


def to_sender(words: str) -> str:
    """The sender's own words as the candidate says them back to the sender: "the system we
    use" is "the system you use"."""
    return _SENDER_WORDS.sub(lambda m: _TO_SENDER[m[0].lower()], words)


#: Follow-ups by which a person keeps the candidate's details: their promise of contact, when
#: it has a condition, is read and welcomed on it ("I'll keep your CV on file and give you a
#: shout if anything similar comes up").
KEPT_DETAILS = frozenset({"keep_resume", "keep_in_touch"})
#: Cue-book names after which a promise of contact may carry its condition: an open timing, or
#: a kept résumé.
_KEPT = frozenset({"timing_open", *(f"follow_up.{kind}" for kind in KEPT_DETAILS)})


def promises_contact(text: str) -> bool:
    """Whether the sender keeps the candidate's details or promises to be in touch ("I'll hold
    onto your details", "I'll let you know directly"): ``contact_promise``, or a follow-up that
    keeps the candidate's details (:data:`KEPT_DETAILS`)."""
    low = lower(text)
    if cue_lists()["contact_promise"].search(low) is not None:
        return True
    hits = matching(low)
    return any(f"follow_up.{kind}" in hits for kind in KEPT_DETAILS)


def contact_when(text: str) -> str | None:
    """The condition on which the sender promises to be in touch ("if a more senior role opens
    up", "when things pick up again"), as the candidate can repeat it, or ``None``: a clause of
    a sentence in which the sender promises contact (``contact_promise``) that holds no "you"
    or "your"; failing that, a time the promise or the sentence before it names
    (``contact_when.time``: "Things should pick up in the spring. I'd love to reconnect")."""
    c = cue_lists()
    before = ""  # the sentence before the promise
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        earlier, before = before, sentence
        low = lower(sentence)
        if c["contact_promise"].search(low) is None:
            continue
        found = c["contact_when"].search(low)
        if found is not None:
            clause = sentence[found.start() : found.end()]
            if not re.search(r"\byour?\b", clause, re.IGNORECASE):  # said to the sender:
                clause = to_sender(clause)
                clause = _IN_CASE.sub("if", clause)  # "in case we pick up more work": "if"
                return clause[0].lower() + clause[1:]  # "if you ever open a second site"
        for said in (sentence, earlier):  # no condition, but a time: "in the spring"
            time = c["contact_time"].search(lower(said))
            if time is not None:
                return said[time.start() : time.end()]
    return None


def said_to_come_down_to(text: str, end: int) -> bool:
    """Whether the message says what the decision came down to (a ``main_point`` cue: "it
    came down to", "the deciding factor") after ``end`` and before the end of the sentence that
    follows: a comparison right before it ("someone more senior. It came down to ...") is
    explained there."""
    _, tail = between_marks(text, end, end, SENTENCE_MARKS)  # this sentence's end
    _, stop = between_marks(text, tail + 1, tail + 2, SENTENCE_MARKS)  # and the next one's
    cues = cue_lists()["main_point"]
    return any(m.start() >= end for m in cues.finditer(lower(text)[:stop]))


def _not_only_invited(text: str, offers: dict[str, bool]) -> dict[str, bool]:
    """``offers`` with the offers of a conversation (``_TALK_OFFERS``) kept only where a cue
    of theirs matches outside the sender's conditional invitation (``invited_when``): "if your
    timetable changes, flick me a message" invites a message on that condition; it offers no
    discussion now. Other offers (work, a reference) stand on their own in such a sentence."""
    low = lower(text)
    if "invited_when" not in matching(low):  # most messages: no invitation on a condition
        return offers
    c = cue_lists()
    invited = [m.span() for m in c["invited_when"].regex.finditer(low)]
    kept = dict(offers)
    for key in _TALK_OFFERS:
        kept[key] = offers[key] and any(
            not any(a <= m.start() < b for a, b in invited) for m in c["offers"][key].finditer(low)
        )
    return kept


def _offer_channel(text: str, offers: dict[str, bool]) -> dict[str, bool]:
    """``offers`` with no offer to discuss where every cue of one only says how to take up
    another offer in its sentence, feedback or work ("if you'd find some feedback useful I'm
    happy to give it, just drop me a line"; "we sometimes need extra hands over Christmas, so
    flick me a message in December"): the plan takes up that offer, not a conversation. A cue
    that names a conversation ("happy to discuss", "talk it through") stays an offer to
    discuss."""
    kinds = [k for k in _CHANNELLED if offers[k]]
    if not (offers["discuss"] and kinds):
        return offers
    c = cue_lists()
    low = lower(text)
    offered = [
        between_marks(low, m.start(), m.end(), SENTENCE_MARKS)
        for k in kinds
        for m in c["offers"][k].finditer(low)
    ]
    talk = c["talk_words"]
    for m in c["offers"]["discuss"].finditer(low):
        if talk.search(low, m.start(), m.end()) or not any(a <= m.start() < b for a, b in offered):
            return offers
    return {**offers, "discuss": False}


def names_talk(text: str) -> bool:
    """Whether ``text`` names a conversation (``offers_talk_words``: a call, a chat, a coffee)."""
    return cue_lists()["talk_words"].search(lower(text)) is not None


#: Offers whose sentence may say how to take them up ("drop me a line") without offering a
#: conversation of its own.
_CHANNELLED = ("feedback", "work")


#: Offers of a conversation, which an invitation on a condition does not make now.
_TALK_OFFERS = ("call", "discuss", "call_me", "coffee")


def invited_when(text: str) -> str | None:
    """The condition on which the sender invites the candidate to get in touch ("if you are
    ever relocating, please reach out", "feel free to email me directly when you apply"), said
    as the candidate says it ("if I am ever relocating"), or ``None`` (``invited_when``: not a
    general "if you have any questions")."""
    low = lower(text)
    found = cue_lists()["invited_when"].regex.search(low)
    if found is None:
        return None
    group = "before" if found["before"] else "after"
    clause = text[found.start(group) : found.end(group)].strip()
    clause = _SENDER_GOES_ON.split(clause, maxsplit=1)[0]  # "once you've got the card and
    # I'll see where we're at": the sender's own part is not the condition
    clause = _YOUR_FOR_YOURE.sub("you're", clause)  # "if your still looking": "if I'm"
    clause = _IN_MY_WORDS.sub(lambda m: _MINE[m[0].lower()], clause)
    clause = _named_for_pronoun(clause, low[: found.start()], text).rstrip(" ,;:-–—")
    if _ONLY_INTEREST.fullmatch(clause):  # "if you're interested – let me know": an offer
        return None  # to say yes to, not a condition to repeat
    return clause[0].lower() + clause[1:]


#: A condition that is only the candidate's interest in what is offered.
_ONLY_INTEREST = re.compile(r"(?i)if I(?:'m|’m| am) (?:interested|keen)")


#: A pronoun a condition obtains ("if you get it sorted", "once you've got yours").
_OBTAINED = re.compile(
    r"\b((?:get|got|gotten|have|pass|passed|finish|finished|complete|completed|obtain|"
    r"obtained|sort|sorted|secure|secured|renew|renewed) )(it|mine)\b",
    re.IGNORECASE,
)
#: A credential the sender named ("their MOT tester ticket", "a full driving licence").
_CREDENTIAL = re.compile(
    r"\b(?:his|her|their|your|a|an|the|own|full|valid) ((?:[a-z0-9-]+ ){0,3}?(?:ticket|licence|"
    r"license|card|registration|certificate|certification|qualification|accreditation|rating))\b"
)


def _named_for_pronoun(clause: str, before: str, text: str) -> str:
    """``clause`` with the pronoun it obtains ("if I get it sorted") said as the credential
    the message named before it (``before``, ``text`` lowered up to the condition; "if I get
    my MOT tester ticket sorted", in the case of ``text``), which a reply read apart from the
    message needs; unchanged when no credential was named."""
    pronoun = _OBTAINED.search(clause)
    named = list(_CREDENTIAL.finditer(before)) if pronoun is not None else []
    if pronoun is None or not named:
        return clause
    start, end = named[-1].span(1)  # :func:`lower` keeps offsets: the text's own case
    return f"{clause[: pronoun.start(2)]}my {text[start:end]}{clause[pronoun.end(2) :]}"


#: Where a condition goes on with what the sender will do (" and I'll see ...").
_SENDER_GOES_ON = re.compile(r"\s+and\s+(?:i|we)(?:['’]ll|\s+will|\s+can|['’]d)\b", re.IGNORECASE)
#: The sender's "you" in the candidate's words.
_MINE = MappingProxyType(
    {
        "you are": "I am",
        "you're": "I'm",
        "you’re": "I'm",
        "you": "I",
        "your": "my",
        "yours": "mine",
        "yourself": "myself",
    }
)
_IN_MY_WORDS = re.compile(r"\byou(?:\s+are|['’]re)\b|\byour(?:self|s)?\b|\byou\b", re.IGNORECASE)
#: A sender's "your" that stands for "you're" ("if your still looking").
_YOUR_FOR_YOURE = re.compile(
    r"\byour(?=\s+(?:still|not|ever|going|looking|keen|interested|able|free|available|around"
    r"|after|happy|welcome)\b)",
    re.IGNORECASE,
)


def _stated_outside(questions: tuple[tuple[int, int], ...], cues: Cues, low: str) -> bool:
    """Whether ``cues`` match ``low`` outside the sender's ``questions``."""
    return any(not in_question(questions, m.start()) for m in cues.finditer(low))


def about_logistics(sentence: str) -> bool:
    """Whether ``sentence`` names a reason outside the candidate's control (a cue of
    ``out_of_control``): an impression in it ("not convinced the commute would work") is
    about that reason, not about the candidate."""
    low = lower(sentence)
    return any(c.search(low) is not None for c in cue_lists()["out_of_control"].values())


def other_role(text: str) -> tuple[bool, str | None]:
    """Whether the message points the candidate to another role, and its name when it gives one.

    The name is looked for in the sentence that carries the cue ("the Data Analyst role").
    """
    c, low = cue_lists(), lower(text)
    if "other_role" not in matching(low):
        return False, None
    for cue in c["other_role"].finditer(low):
        sentence = sentence_at(text, cue.start())  # the name keeps its capitals
        named = c["role_name"].search(sentence)
        return True, (named.group("name") if named else None)
    return False, None


def offered_role(text: str) -> str | None:
    """Whether the sender has another opening in hand for the candidate (``offered_role``):
    "one" ("I've got another EA opening"), "several" ("a few roles coming up"), or ``None``.
    A cue right after a negation offers nothing ("I can not create a second position":
    :func:`~analyzer.plancues.said_matches`)."""
    low = lower(text)
    match = next(said_matches(low, cue_lists()["offered_role"]), None)
    if match is None:
        return None
    plural = cue_lists()["roles_word"].search(low[match.start() : match.end()]) is not None
    return "several" if plural else "one"


def other_roles_named(text: str) -> bool:
    """Whether the sentence that points to other roles names them in the plural ("roles",
    "openings"): only then may a question speak of "the other roles you mentioned"."""
    c, low = cue_lists(), lower(text)
    return any(
        c["roles_word"].search(sentence_at(low, cue.start())) is not None
        for cue in c["other_role"].finditer(low)
    )


def invites_after_decision(text: str) -> bool:
    """Whether a message states a decision against the candidate and invites a next step
    ("you weren't selected ... give us another shot", a survey to fill in, an offered call or
    introduction, a question that waits for the candidate's answer: "Would you be open to
    that? What's your day rate?"): worth a short plan even when the kind model did not read it
    as a rejection."""
    low, c = lower(text), cue_lists()  # two lists first: most such messages state no decision
    if c["not_selected"].search(low) is None and c["no_vacancy"].search(low) is None:
        return False
    hits = matching(low)
    offered = any(f"offers.{k}" in hits for k in _OFFERED_STEPS)  # a call, an introduction
    if offered or "offered_role" in hits or "survey" in hits or follow_up(text) is not None:
        return True  # "offered_role": "we would like to endorse you instead for our Telco ..."
    return sender_asks(text) is not None or sender_told(text) is not None


#: The offers that are a next step worth a short plan after a decision (``offers``): work
#: offered ("I might call you for some casual days") is one too.
_OFFERED_STEPS = ("call", "discuss", "feedback", "reference", "introduction", "work")


def follow_up(text: str) -> str | None:
    """The next step the message invites (passing the résumé on, keeping it, current openings,
    applying again), the first kind in ``plan_context.json`` that matches."""
    hits = matching(lower(text))
    return next((kind for kind in cue_lists()["follow_up"] if f"follow_up.{kind}" in hits), None)


def stage_variant(text: str, stage: str) -> str | None:
    """The message's own word for its stage when it is not the usual one ("the online
    assessment" rather than a take-home task), from ``stage_variants``; ``None`` otherwise."""
    low = lower(text)
    variants = cue_lists()["stage_variants"].get(stage, {}).items()
    return next(
        (k for k, (cues, unless) in variants if cues.search(low) and not unless.search(low)),
        None,
    )


def praise(text: str) -> tuple[str, str] | None:
    """What the message praises, as the kind of praise ("impressed", "strong", "enjoyed") and
    the thing praised in the message's word ("experience"; empty for "enjoyed meeting you"),
    the first kind of ``praise`` in ``plan_context.json`` that matches."""
    low = lower(text)
    hits = matching(low)
    for kind, cues in cue_lists()["praise"].items():
        match = cues.search(low) if f"praise.{kind}" in hits else None
        if match is not None:
            said = low[match.start() : match.end()]
            nouns = sorted(settings()["praise"]["nouns"], key=len, reverse=True)
            named = (n for n in nouns if re.search(rf"\b{re.escape(n)}\b", said))
            return kind, next(named, "")
    return None


def community_term(text: str) -> str | None:
    """The sender's own name for the talent community or pool it mentions ("Talent Network",
    "candidate community"), as the message writes it; ``None`` when it names none."""
    low = lower(text)
    if "community_term" not in matching(low):
        return None
    match = cue_lists()["community_term"].search(low)
    return None if match is None else text[match.start() : match.end()]


def board_notice(text: str) -> bool:
    """Whether the message is a job board's notice of the employer's decision ("the employer
    has decided not to move forward"): a third-person decision and no first-person sender."""
    hits = matching(lower(text))
    return "board_notice" in hits and "first_person" not in hits


def timing_stated(text: str) -> bool:
    """Whether the message says when the candidate may apply again or how long it keeps the
    résumé ("you may reapply after six months", "for a period of 2 years")."""
    c, low = cue_lists(), lower(text)
    if "timing" not in matching(low):
        return False
    return any(
        c["timing_topics"].search(sentence_at(low, m.start())) is not None
        for m in c["timing"].finditer(low)
    )


def reapply_when(text: str) -> str | None:
    """The time at which the message invites a new application ("we'll likely have openings
    again in the spring and I'd be glad to see your application"): a time of the year
    (``contact_when.time``) in a sentence that says when to apply again (``timing_topics``),
    as the message writes it, or ``None``."""
    c, low = cue_lists(), lower(text)
    for found in c["contact_time"].finditer(low):
        if c["timing_topics"].search(sentence_at(low, found.start())) is not None:
            return text[found.start() : found.end()]
    return None


def remarks(text: str) -> tuple[tuple[str, int, int], ...]:
    """The specific-sounding reasons the message states without explaining them (a language
    requirement, a pay level, a new direction, credentials), each as its kind and the span of
    its first mention, in the order of ``remarks`` in ``plan_context.json``. A mention in a
    question the sender asks ("What are your salary expectations?") is no reason."""
    low = lower(text)
    hits, questions = matching(low), question_spans(text)
    found = []
    for kind, pattern in cue_lists()["remarks"].items():
        if f"remarks.{kind}" not in hits:
            continue
        stated = (m for m in pattern.finditer(low) if not in_question(questions, m.start()))
        match = next(stated, None)
        if match is not None:
            found.append((kind, match.start(), match.end()))
    return tuple(found)


def _contact_offered(offers: dict[str, bool]) -> bool:
    """Whether the message offers a way to talk (a call, a discussion, feedback), which a
    do-not-reply line does not close."""
    return offers["call"] or offers["discuss"] or offers["feedback"]


def experience_modifiers() -> tuple[str, ...]:
    """The words kept before "experience" when a question names a basis
    (``experience_modifiers`` in ``plan_context.json``: "hands-on experience")."""
    return tuple(settings()["experience_modifiers"])


def named_bases(text: str) -> tuple[tuple[int, int], ...]:
    """The spans where a comparison says which experience it means, in the words right after
    it ("more experience running multi-site teams"; ``basis_named`` cues)."""
    return tuple(m.span() for m in cue_lists()["basis_named"].finditer(lower(text)))


def admitted_vague(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences (``(start, end)`` in ``text``) in which a note marks its own point as less
    concrete than the rest ("less concretely, the panel felt ..."): ``admitted_vague`` cues."""
    cues = cue_lists()["admitted_vague"]
    return tuple(
        dict.fromkeys(
            between_marks(text, m.start(), m.end(), SENTENCE_MARKS)
            for m in cues.finditer(lower(text))
        )
    )


def _reasons_at(reasons: Sequence[ReasonResult], stated: frozenset[str]) -> tuple[int, ...]:
    """Where the evidence of the stated reasons that answer why starts (a reason that only
    restates the decision, "another candidate", answers nothing: ``decisions.answering_reasons``
    in ``plan.json``)."""
    answering = frozenset(plan_settings()["decisions"]["answering_reasons"])
    return tuple(
        sorted(e.start for r in reasons if r.label in stated & answering for e in r.evidence)
    )


def _stated(reason: ReasonResult, requests: tuple[tuple[int, int], ...] = ()) -> bool:
    """Whether the message gives ``reason`` as a reason: some evidence that does not merely
    describe the review ("we reviewed your skills and experience") and is neither a question
    nor a request the sender makes (``requests``: "pls confirm your current location")."""
    if reason.label == Reason.NONE_GIVEN.value:
        return False
    review = cue_lists()["reason_not_stated"]  # a question the sender asks states nothing
    return any(
        review.search(lower(e.text)) is None
        and not e.text.rstrip().endswith("?")
        and not in_question(requests, e.start)
        for e in reason.evidence
    )


def read_context(
    text: str,
    *,
    policy: str | None,
    reasons: Sequence[ReasonResult] = (),
    specific: Sequence[SpecificFeedback] = (),
) -> PlanContext:
    """The :class:`PlanContext` of a message, from its text and the analyzer's outputs."""
    low = lower(text)
    hits = matching(low)
    offers = _not_only_invited(text, {k: f"offers.{k}" in hits for k in cue_lists()["offers"]})
    offers = _offer_channel(text, offers)
    mentions, name = other_role(text)
    requests = tuple(request_spans(text))
    stated = frozenset(r.label for r in reasons if _stated(r, requests))
    outside = out_of_control(text, specific, stated=stated)
    notice = board_notice(text)
    stage = stage_of(text)
    variant = stage_variant(text, stage)
    team = "team_signed" in hits and signed_by_team(text)  # the cue first: most have none
    applied = role_of(text)
    if applied is not None and only_ahead(text, applied):  # "when we post the Youth Programs
        applied = None  # Coordinator role this fall": a role to come, not the one applied for
    return PlanContext(
        stage=stage,
        declines=policy == Policy.DECLINES.value or "declines" in hits,
        stated=stated,
        out_of_control=outside,
        invites=policy == Policy.INVITES.value,
        offers_feedback=offers["feedback"],
        offers_call=offers["call"],
        other_role=name,
        mentions_other_role=mentions,
        auto_reply=not notice and (bool({"auto_reply", "no_reply"} & hits) or mass_mail(text)),
        no_reply=not notice and "no_reply" in hits and not _contact_offered(offers),
        offers_discuss=offers["discuss"],
        follow_up=follow_up(text),
        several_interviews="several_interviews" in hits,
        other_roles_named=mentions and other_roles_named(text),
        role=_readable(applied, other=name),
        future_role=future_role(text, applied) if "future_ahead" in hits else None,
        future_promised="future_ahead" in hits and promises_contact(text),
        board_notice=notice,
        timing=timing_stated(text),
        survey="survey" in hits,
        remarks=remarks(text),
        stage_variant=variant,
        timing_open="timing_open" in hits,
        contact_when=contact_when(text) if outside or _KEPT.intersection(hits) else None,
        invited_when=invited_when(text) if "invited_when" in hits else None,
        reapply_when=reapply_when(text) if "timing" in hits else None,
        praise=praise(text),
        community=community_term(text),
        team_signed=team,
        requirement_named="requirement_named" in hits,
        reopen_told="reopen_told" in hits,
        no_opening="no_opening" in hits,
        no_vacancy="no_vacancy" in hits,
        advised_roles="advised_roles" in hits,
        form_letter="own_voice" not in hits
        and (stage == "applied" or variant in _FORM_STAGES)  # an aptitude test's result, a
        # day of exercises scored against a framework: a team's letter to every candidate
        and not signed_by_person(text),
        offers_help=offers["help"],
        offers_reference=offers["reference"],
        offers_introduction=offers["introduction"],
        tip_employer=tip_employer(text) if offers["tip"] else None,
        work_offered=work_offered(text) if offers["work"] else None,
        contact_named=contact_named(text),
        asks_times=offers["times"],
        day_named=offers["day_named"],
        books_slot=offers["booking"],
        offers_coffee=offers["coffee"],
        offers_fast_track=offers["fast_track"],
        call_me=offers["call_me"],
        feedback_given=("own_voice" in hits or signed_by_person(text))
        and ("feedback_given" in hits or long_note(text, stated, team)),
        own_voice="own_voice" in hits,
        basis_named=named_bases(text) if "basis_named" in hits else (),
        reasons_at=_reasons_at(reasons, stated),
        org_kind=org_kind(text) if "org_words" in hits else None,
        relayed="relayed" in hits,
        agency="agency" in hits,
        put_forward="put_forward" in hits,
        passed_on="passed_on" in hits,
        offered_role=offered_role(text) if "offered_role" in hits else None,
        main_point="main_point" in hits,
        admitted=admitted_vague(text) if "admitted_vague" in hits else (),
        team_name=next((n for n in settings()["team_names"] if n in lower(text)), None),
        sender_asks=sender_asks(text),
        told=sender_told(text),
        advised="advice_given" in hits,
    )


def _readable(role: str | None, *, other: str | None = None) -> str | None:
    """A role name a question can repeat as the role applied for: not the other role the
    message offers (``other``: "I've got a Design Engineer role in Leeds"), nor one in
    capitals, which is a heading's ("SENIOR TECHNICIAN: PROTECTION") and often cut."""
    if role is None or role == other or (role.isupper() and len(role) > 3):
        return None
    return role


def language_names() -> tuple[str, ...]:
    """The languages a language remark names (``languages`` in ``plan_context.json``)."""
    return tuple(settings()["languages"])


def context_of(report: Report) -> PlanContext:
    """The context of an analyzed message (what the plan of ``report`` was built from)."""
    return read_context(
        report.text,
        policy=report.feedback_policy.label,
        reasons=report.reasons,
        specific=report.specific_feedback,
    )

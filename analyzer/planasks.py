"""A question the sender asks the candidate: proposing to do something for them, or asking
them to tell something.

"Shall I send over the job description?", "Would you like me to put your CV forward for it?",
"Are you happy for me to get in touch when it goes live?": the sender waits for a yes. The plan
answers it in the sender's own words, with the pronouns turned round ("Yes, please put my CV
forward for it."), and then asks the one thing that helps next. "What are your salary
expectations?", "What's your notice period?": the sender waits for an answer only the
candidate has, so the reply holds a marked blank for each ("my notice period is [your notice
period]"). The forms of such questions are ``sender_asks`` in ``patterns/plan_context.json``;
the replies are ``forward.sender_asks`` in ``templates/plan.json``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Any

from .cues import Cues, lower, straight
from .planwords import capital, plan_settings
from .resources import read_json

#: The longest action, in words, that a reply repeats; a longer one is not echoed.
MAX_ACTION_WORDS = 14
#: A question that ends a sentence: what precedes it on its line, back to the last mark.
#: (a point between digits, "$6.5k", ends no sentence)
_QUESTION = re.compile(
    r"(?:^|(?<=[.!?\n])(?<!\d\.(?=\d)))[ \t]*((?:[^.!?\n]|(?<=\d)\.(?=\d)){6,240}\?)", re.MULTILINE
)
#: The question a request holds: "let me know if [you'd be keen]".
_LET_KNOW = re.compile(
    r"\b(?:let (?:me|us) know|(?:(?:i|we) (?:would|'d)|and would) like to know)"
    r"(?: [^.!?]{0,60}? and)? (?:if|whether) (.+)$",  # "let me know your notice period and
    # whether you would like ..."
    re.IGNORECASE,
)
#: A request whose condition holds the question: "If you would consider the role at 320,000,
#: please let me know".
_IF_LET_KNOW = re.compile(
    r"\bif (you(?:'d| would)? .+?),?\s+(?:please |just |do |kindly |pls )?let (?:me|us) know\b",
    re.IGNORECASE,
)
#: Replies that say the action back as it is (a gerund or a noun phrase, not a base verb).
_NOUN_REPLIES = frozenset({"open", "consider", "consider_choice"})
#: The blank reply of a question whose action names terms of pay (:data:`_FIGURE`).
_CHOICES = MappingProxyType({"consider": "consider_choice", "open": "open_choice"})
#: A figure in an action: terms the candidate decides on, said with a blank, never a yes.
_FIGURE = re.compile(
    r"\d{1,3}(?:,\d{3})+|\d+\s*(?:k|lpa|lakhs?|%)\b|[$\u00a3\u20ac\u20b9]"
    r"|\b(?:lkr|inr|usd|eur|gbp|aud|cad|nzd|zar|rs|salary|pay|rate|package|ctc)\b"
    r"|\b(?:com(?:e|ing) down|go(?:ing)? lower|drop(?:ping)? (?:your|my) (?:ask|expectations?))\b",
    re.IGNORECASE,
)
#: Replies whose question names what is proposed in any words ("Would you be interested in
#: subbing at the branches?"): its action need not start with one of ``actions``.
_ANY_ACTION = frozenset({"open", "time"})  # "time": a meeting named ("a quick chat")
#: A request that asks whether the candidate wants what was offered.
_IF_INTERESTED = re.compile(
    r"\bif (?:you(?:'re| are) |you(?:'d| would) be )?(?:interested|intrested|keen)\b", re.IGNORECASE
)


#: A sentence: what lies between marks that end one.
_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))+[.!?]?")  # "$6.5k" is one
#: A dash, a ", but" or an ", and" before the question itself ("..., and I'm wondering if you'd
#: be up for ...") between clauses: the question is the clause after the last one.
_DASH = re.compile(
    r"\s[-\u2013\u2014]\s|,\s+but\s+"
    r"|,\s+(?:and|so)\s+(?=(?:i'?m |i was |just )?wondering\b|(?:would|are|do|could|can) you\b)"
    r"|,\s+(?=(?:would|are|could|can) you (?:be )?(?:ok|okay|happy|alright|fine|open)\b)"
    r"|,\s+(?=(?:would|are) you (?:be )?(?:interested|keen|up for it)\s*\?*\s*$)",  # bare: its
    # offer is the clause before ("I might need someone for silage, would you be interested?")
    re.IGNORECASE,
)
#: Pronouns as the candidate says them back ("your CV" is "my CV").
_TURNED = MappingProxyType(
    {
        "your": "my",
        "yours": "mine",
        "you": "me",
        "yourself": "myself",
        "my": "your",
        "me": "you",
        "i": "you",
        "we": "you",
        "us": "you",
        "our": "your",
    }
)
#: "you" as the subject of a clause a subordinator opens ("while you look"): said back as "I".
_SUBJECT_YOU = re.compile(
    r"\b((?:while|whilst|when|until|once|if|as|before|after|since|because) )you"
    r"(?P<verb> are| were|'re)?\b",
    re.I,
)
#: The verb after that "I" ("while you are free": "while I am free").
_FIRST_PERSON = MappingProxyType({" are": " am", " were": " was", "'re": "'m"})
_PRONOUN = re.compile(r"\b(?:" + "|".join(sorted(_TURNED, key=len, reverse=True)) + r")\b", re.I)
#: What a repeated action may not hold: a placeholder or a merge field.
_PLACEHOLDER = re.compile(r"[\[\]{}<>|_]")


@dataclass(frozen=True)
class _Form:
    pattern: re.Pattern[str]
    reply: str


def _replies() -> dict[str, Any]:
    """``forward.sender_asks`` of ``templates/plan.json``."""
    return dict(plan_settings()["forward"]["sender_asks"])


@lru_cache(maxsize=1)
def _follow() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The question after the yes, by the first cue its action matches."""
    return tuple((re.compile(f["cue"], re.I), str(f["question"])) for f in _replies()["follow"])


@lru_cache(maxsize=1)
def _details_promised() -> re.Pattern[str]:
    """``details_promised``'s cue: the sender sends details on a yes."""
    return re.compile(_replies()["details_promised"]["cue"])


@lru_cache(maxsize=1)
def _next_step_said() -> re.Pattern[str]:
    """``next_step_said``'s cue: the sender says what happens on a yes."""
    return re.compile(_replies()["next_step_said"]["cue"])


def _details_promised_outside(body: str) -> bool:
    """Whether ``body`` promises details outside its questions: "Shall I send over the job
    description?" proposes them, and its yes asks for them already."""
    spans = question_spans(body)
    return any(not in_question(spans, m.start()) for m in _details_promised().finditer(lower(body)))


@dataclass(frozen=True)
class _Asks:
    """``sender_asks`` of ``patterns/plan_context.json``, compiled: the dropped lead, the
    forms, the verbs an action starts with, and gerunds with their base forms."""

    lead: re.Pattern[str]
    forms: tuple[_Form, ...]
    actions: re.Pattern[str]
    base_forms: Mapping[str, str]
    answers: tuple[tuple[str, re.Pattern[str]], ...]  # what a question asks to be told
    requests: re.Pattern[str]  # a sentence that asks without a question mark
    any_request: Cues  # the same, searched once in a whole message (RE2, lowered)
    #: offers made on the candidate's say-so, each with its reply: cue lists, behind their
    #: literals and searched by RE2 (``re`` tried each "I'd" of a message, 23 us a note)
    offered_if: tuple[tuple[Cues, str], ...]
    #: what an offer the sender made names ("We do have [bank shifts] going"), for a bare yes
    offer_objects: tuple[re.Pattern[str], ...]


@lru_cache(maxsize=1)
def _reader() -> _Asks:
    settings = read_json("patterns", "plan_context.json")["sender_asks"]
    forms = tuple(
        _Form(re.compile(f["pattern"], re.IGNORECASE), str(f["reply"])) for f in settings["forms"]
    )
    return _Asks(
        re.compile(settings["lead"], re.IGNORECASE),
        forms,
        re.compile(settings["actions"], re.IGNORECASE),
        MappingProxyType(dict(settings["base_forms"])),
        tuple((a["kind"], re.compile(a["pattern"], re.IGNORECASE)) for a in settings["answers"]),
        re.compile(settings["requests"], re.IGNORECASE),
        Cues([settings["requests"]]),
        tuple((Cues([f["pattern"]]), str(f["reply"])) for f in settings["offered_if"]),
        tuple(re.compile(o["pattern"], re.IGNORECASE) for o in settings["offer_objects"]),
    )


@lru_cache(maxsize=8)
def question_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the questions of ``text`` are (each from its start to its question mark): what the
    sender asks is no statement of a reason ("What are your salary expectations?")."""
    if "?" not in text:
        return ()
    return tuple(m.span(1) for m in _QUESTION.finditer(text))


@lru_cache(maxsize=8)
def request_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Where the sentences of ``text`` are that ask the candidate to tell or send something
    without a question mark ("Please let me know your notice period and your salary
    expectations."): what they ask for is no statement of a reason either."""
    asks = _reader()
    if asks.any_request.search(lower(text)) is None:  # most messages: none
        return ()
    return tuple(m.span() for m in _SENTENCE.finditer(text) if asks.requests.search(m[0]))


def in_question(spans: tuple[tuple[int, int], ...], at: int) -> bool:
    """Whether offset ``at`` lies in one of the question ``spans``."""
    return any(start <= at < end for start, end in spans)


def turned(action: str) -> str:
    """``action`` as the candidate says it back: "put your CV forward" is "put my CV forward"."""

    def swap(match: re.Match[str]) -> str:
        word = match.group(0)
        return _TURNED[word.lower()]

    def subject(match: re.Match[str]) -> str:  # held apart from the object's "me"
        verb = match["verb"]
        return f"{match[1]}\x00{_FIRST_PERSON[verb.lower()] if verb else ''}"

    return _PRONOUN.sub(swap, _SUBJECT_YOU.sub(subject, action)).replace("\x00", "I")


def sender_asks(text: str) -> str | None:
    """The yes to the last question in ``text`` in which the sender proposes to do something
    for the candidate (and the question that follows it), or ``None`` when it asks none."""
    found = _read(text)[0]
    return None if found is None else " ".join(x for x in found if x)


def sender_told(text: str) -> str | None:
    """The answer to what the questions in ``text`` ask the candidate to tell (salary, notice
    period, relocation ...), one clause each with a marked blank, or ``None``."""
    told = _read(text)[1]
    return capital(_joined(list(told))) + "." if told else None


@lru_cache(maxsize=8)
def _read(text: str) -> tuple[tuple[str, str | None] | None, tuple[str, ...]]:
    """The yes (and its follow-up question) to the last question of ``text`` that proposes
    something, and the answers to what its other questions ask to be told, in order. Lines
    quoted from earlier mail (``>``) are not read."""
    asks = _reader()
    body = text
    if ">" in text:
        body = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith(">"))
    found = None
    told: dict[str, str] = {}  # by kind: one answer each
    for match in _QUESTION.finditer(body) if "?" in body else ():
        whole = straight(" ".join(match.group(1).split()))  # "I’d": the forms' are straight
        said = _DASH.split(whole)[-1]  # "... next few weeks - would you be ok with me ...?"
        question = asks.lead.sub("", said).rstrip("?").strip()
        reply = _reply(question, asks)
        if reply is not None and reply[0] == _replies()["that"] and _terms_before(body, match):
            reply = str(_replies()["that_choice"]), None  # "The CTC would be lower. Will you
            # be open for that?": the candidate decides on pay, not the plan
        if reply is not None:
            found = _named(body, match.end(1), reply, asks)  # the offer may be in it
            second = _AND_QUESTION.search(question)  # "Would you consider contract, and is
            for kind, clause in _answers(question[second.end() :], asks) if second else ():
                told.setdefault(kind, clause)  # Manchester doable for you?": both answered
            continue
        for kind, clause in _answers(whole, asks):
            told.setdefault(kind, clause)
    if "if " in lower(body):  # "I'd be happy to flag you to them if you're interested"
        found = _offered_if(body, asks) or found
    if found is not None and found[1] is not None and _details_promised_outside(body):
        found = (found[0], str(_replies()["details_promised"]["question"]))  # "Let me know
        # and I can send details": a yes asks for them, not what the next step is
    elif (
        found is not None
        and found[1] in _replies()["next_step_said"]["questions"]
        and _next_step_said().search(lower(body))  # "If so I can get you in front of them
    ):
        found = (found[0], None)  # this week": the next step is said
    for start, end in request_spans(body):  # "Kindly share your CV."
        sentence = body[start:end]
        if not sentence.rstrip().endswith("?"):
            asked = _LET_KNOW.search(sentence) or _IF_LET_KNOW.search(sentence)  # "let me know
            # if you'd be keen", "if you would consider X, let me know": a question
            reply = _reply(asked.group(1).rstrip(". "), asks) if asked else None
            if reply is None and _IF_INTERESTED.search(sentence):  # "If interested just reply"
                reply = _named(body, end, (str(_replies()["interested"]), None), asks)
            found = reply if reply is not None else found
            for kind, clause in _answers(sentence, asks):
                told.setdefault(kind, clause)
    return found, tuple(told.values())


#: A bare yes that says no offer back, which :func:`_named` names.
_BARE = ("interested", "that")
#: The sentences before a bare yes in which the offer it answers is looked for.
_OFFER_SENTENCES = 2
#: Heads of an offer said with "the" ("the bank shifts"); others stand bare ("contract help").
_COUNTED = re.compile(r"(?:s|role|position|opening|vacancy|job|contract|placement)$")
#: Words that start an offer's own determiner ("a few shifts"): no "the" before them.
_DETERMINERS = frozenset({"a", "an", "the", "some", "more", "two", "three", "another", "one"})
#: What follows an offer's head noun ("bank shifts [at our home]").
_AFTER_HEAD = re.compile(r"\s(?:at|in|on|with|for|over)\s", re.IGNORECASE)


def _named(
    body: str, end: int, reply: tuple[str, str | None], asks: _Asks
) -> tuple[str, str | None]:
    """``reply``, or for a bare yes to an offer ("Would you be interested?", "if you'd be
    keen", "We do have 2 night shifts a week going if that would be of any interest to you?")
    the yes that names what the sender offered in the text up to ``end`` (the sentence that
    ends there and the two before it), with no question after it."""
    replies = _replies()
    if reply[1] is not None or reply[0] not in (replies[b] for b in _BARE):
        return reply
    starts = [m.start() for m in _SENTENCE.finditer(body[:end])]
    back = _OFFER_SENTENCES + 1  # the sentence of ``end`` and the ones before it
    start = starts[-1 - back] if len(starts) > back else 0
    low = lower(body[start:end])  # curly apostrophes read as straight ones
    spans = [m.span("what") for p in asks.offer_objects for m in p.finditer(low)]
    if not spans:
        return reply
    at, to = max(spans)  # the offer said last
    what = " ".join(body[start + at : start + to].split()).rstrip(",;: ")
    if _PLACEHOLDER.search(what) or len(what.split()) > MAX_ACTION_WORDS:
        return reply
    head = _AFTER_HEAD.split(what, maxsplit=1)[0].split()[-1].lower()  # "shifts" of "bank
    # shifts at our home in Ludlow"
    if what.split()[0].lower() not in _DETERMINERS and _COUNTED.search(head):
        what = f"the {what}"
    return str(replies["interested_in"]).format(what=turned(what)), None  # as the bare yes,
    # no question after it: the sender says the next step ("let me know and I'll pass your
    # details on"), and blind reviews read "What would the next step be?" as asked already


def _terms_before(body: str, question: re.Match[str]) -> bool:
    """Whether the sentence right before ``question`` names terms of pay (:data:`_FIGURE`)."""
    before = _SENTENCE.findall(body[: question.start(1)].rstrip())
    return bool(before) and _FIGURE.search(before[-1]) is not None


#: Where a relative clause starts in a long action ("... position that we plan to open"); a
#: "that" after a preposition is a determiner ("consider at that range") and starts none.
_CLAUSE = re.compile(
    r"(?<! at)(?<! in)(?<! on)(?<! of)(?<! to)(?<! for)(?<! with)(?<! from)(?<! by)"
    r" (?:that|which|we|they|i) ",
    re.IGNORECASE,
)
#: What ends a proposal before another clause: ", otherwise I will ...", ", or else ...",
#: ", or your situation changes".
_OTHERWISE = re.compile(
    r",?\s+(?:otherwise|or else|else)\b.*$|,\s+or\s+(?:if\s+)?(?:i|we|your|you)\b.*$", re.I
)
#: A second question joined to the first ("open to contract or is it permanent only now"):
#: the candidate is asked to choose, not to say yes.
_CHOICE = re.compile(
    r"\s+or\s+(?:is|are|was|would|do|does|did|will|should|have|has|can)\s+(?:it|you|they|we)\b",
    re.I,
)
#: A second question joined to a proposal ("consider contract, and is Manchester doable for
#: you"): the yes says the proposal back, and the second is answered on its own.
_AND_QUESTION = re.compile(
    r",?\s+and\s+(?=(?:is|are|would|do|does|can|could|will|what|when|how)\s)", re.IGNORECASE
)
#: An aside in brackets inside a proposal, which a yes does not say back.
_ASIDE = re.compile(r"\s*\([^()]*\)")
#: A question's trailing "at all" or "though", which a yes does not say back ("up for some
#: freelance work though?": "Yes, I would be up for some freelance work.").
_TRAILING = re.compile(r",?\s+(?:at all|though|tho)$", re.IGNORECASE)


def _offered_if(body: str, asks: _Asks) -> tuple[str, str | None] | None:
    """The yes to the last offer made in a statement on the candidate's say-so ("I'd be happy to
    flag you to the hiring manager if you're interested", "If you want to come back and do a
    trial in 12 months I'd be keen"), with the question that follows it."""
    found, low = None, lower(body)  # curly apostrophes read as straight ones
    for pattern, reply in asks.offered_if:
        for match in pattern.finditer(low):
            action = body[slice(*match.span(1))]  # the group "action", in the sender's case
            yes = _yes(action, reply, asks, verb_needed=reply == "happy")
            found = yes or found
    return found


def _answers(question: str, asks: _Asks) -> list[tuple[str, str]]:
    """Each thing ``question`` asks the candidate to tell (``answers``), with its answer."""
    clauses = _replies()["answers"]
    found = []
    for kind, pattern in asks.answers:
        match = pattern.search(question)
        if match is not None:
            what = (match.groupdict().get("what") or "").lower()
            found.append((kind, str(clauses[kind]).format(what=what)))
    return found


def _joined(clauses: list[str]) -> str:
    """ "a", "a and b", "a, b and c"."""
    return clauses[0] if len(clauses) == 1 else f"{', '.join(clauses[:-1])} and {clauses[-1]}"


def _reply(question: str, asks: _Asks) -> tuple[str, str | None] | None:
    """The yes to a question that proposes something, and the question that follows it."""
    for form in asks.forms:
        match = form.pattern.match(question)
        if match is None:
            continue
        if "action" not in form.pattern.groupindex:  # "Would you be open to that?": the
            return str(_replies()[form.reply]), None  # offer was made before; a plain yes
        prep = match.groupdict().get("prep") or ""
        cond = match.groupdict().get("cond")
        if cond:  # "if a spot opens up, I'd like to give you a call first": yes, on it
            yes = _yes(f"{match.group('action')} {cond}", form.reply, asks, prep=prep)
            return None if yes is None else (yes[0], None)
        choice = _CHOICE.search(match.group("action"))
        if choice is not None:  # "open to contract or is it permanent only now?": a choice
            if form.reply != "open":  # the candidate makes, said with a blank to fill
                return None
            action = match.group("action")[: choice.start()]
            return _yes(action, "open_choice", asks, prep=prep, verb_needed=False)
        second = _AND_QUESTION.search(match.group("action"))
        action = match.group("action")[: second.start()] if second else match.group("action")
        any_words = form.reply in _ANY_ACTION  # "interested in subbing at the branches",
        if any_words and any(p.search(question) for _, p in asks.answers):  # but "open to
            return None  # relocating?" asks to be told (``answers``) and proposes nothing
        reply = form.reply
        if reply in _CHOICES and _FIGURE.search(action):  # "at around 320,000",
            reply = _CHOICES[reply]  # "coming down a bit": terms the candidate decides on, a
            # blank, not a yes
        return _yes(action, reply, asks, prep=prep, verb_needed=not any_words)
    return None


def _yes(
    action: str, reply: str, asks: _Asks, *, prep: str = "", verb_needed: bool = True
) -> tuple[str, str | None] | None:
    """The yes that says ``action`` back in the wording ``reply`` (pronouns turned round, a
    gerund in its base form except after "open to"), and the question that follows it, chosen by
    the action; ``None`` for an action that is empty, too long, holds a merge field or, when
    ``verb_needed``, starts with none of ``actions``."""
    action = _ASIDE.sub("", action)  # "(I'd always check with you first)" is no part of it
    action = _OTHERWISE.sub("", action)  # "..., otherwise I will keep your profile": no part
    action = _TRAILING.sub("", " ".join(action.split()).rstrip(",;:"))  # "open to X at all"
    words = action.split()
    clause = _CLAUSE.search(action) if len(words) > MAX_ACTION_WORDS else None
    if clause is not None:  # "keep your CV for the QA Lead position [we expect to open in
        action = action[: clause.start()]  # the autumn]": said back without its clause
        words = action.split()
    if not words or len(words) > MAX_ACTION_WORDS or _PLACEHOLDER.search(action):
        return None
    if verb_needed and not asks.actions.match(action):
        return None
    if reply not in _NOUN_REPLIES:  # "happy for you to put", not "... to putting"
        first, _, rest = action.partition(" ")
        action = f"{asks.base_forms.get(first.lower(), first)} {rest}".strip()
    yes = str(_replies()[reply]).format(action=turned(action), prep=prep.lower())
    return yes, next((q for cue, q in _follow() if cue.search(action)), None)

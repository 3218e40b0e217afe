"""The follow-up email and the call script, built from a report and the reply's own context.

:func:`extract_context` reads who wrote the reply, whom it greets and which role and company it
names; :func:`draft` turns a :class:`~analyzer.report.Report` into a :class:`Draft`. All wording
is in ``templates/drafts.json``; names that cannot be found become marked blanks.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace
from functools import lru_cache
from typing import Any

from .clean import clean
from .errors import InputError
from .labels import DECISION_KINDS, Kind, Policy, Purpose
from .planclosing import (
    accepts_talk,
    opens_door,
    second_offer_of,
    takes_up_offer,
    takes_up_survey,
    without_offer_lead,
)
from .plancontext import PlanContext, context_of
from .planopeners import door_open_only, met_in_person, without_template_thanks
from .report import Question, Report
from .resources import read_json
from .roles import alternation, role_and_company

CHANNELS = ("email", "phone")
_QUOTE_START = re.compile(
    r"^(?:On\b.*wrote:|>|-{2,}\s*Original Message|From:\s)", re.MULTILINE | re.IGNORECASE
)
#: A blank the reply to a sender's question leaves for the candidate ("[your notice period]").
_ANSWER_BLANK = re.compile(r"\[[^\[\]\n]{1,60}\]")
_NAME_TOKEN = re.compile(r"[A-Z][A-Za-z'.-]*|&")


@dataclass(frozen=True)
class Context:
    """What the reply says about its people and the job; ``None`` where it says nothing."""

    sender: str | None = None
    sender_is_team: bool = False
    candidate: str | None = None
    candidate_titled: bool = False
    role: str | None = None
    company: str | None = None
    informal: bool = False


@dataclass(frozen=True)
class Draft:
    """A follow-up message and the advice that goes with it (advice is never in the body)."""

    channel: str
    subject: str | None
    body: str
    questions: tuple[Question, ...]
    blanks: tuple[str, ...]
    advice: tuple[str, ...]
    asks_feedback: bool
    context: Context

    def to_dict(self) -> dict[str, Any]:
        """The draft as JSON-ready data."""
        return asdict(self)


@lru_cache(maxsize=1)
def _texts() -> dict[str, Any]:
    return read_json("templates", "drafts.json")


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    ex = _texts()["extract"]
    greet, sign = (alternation(ex[k]) for k in ("greetings", "sign_offs"))
    return {
        "greeting": re.compile(
            rf"^[ \t]*(?P<g>(?i:{greet}))\b[ \t]*(?P<name>[^,!:\n]*)[,!:]?[ \t]*$"
        ),
        "sign_off": re.compile(rf"^[ \t]*(?i:{sign})[ \t]*[,.!-]?[ \t]*(?P<name>[^\n]*)$"),
    }


def _own_text(text: str) -> tuple[str, str | None]:
    """The sender's part of the reply (no quoted thread) and the signature block, if found."""
    cleaned = clean(text)
    start = cleaned.body[0]
    quote = _QUOTE_START.search(text, start)
    end = quote.start() if quote else len(text)
    if cleaned.signature:
        end = max(end, cleaned.signature[1])
    signature = text[slice(*cleaned.signature)] if cleaned.signature else None
    return text[start:end], signature


def _person(raw: str) -> tuple[str | None, bool]:
    """A plausible name (and whether it is a team) from a signature or greeting line."""
    ex = _texts()["extract"]
    name = re.split(r"\s[|–—-]\s|,|\(", raw.strip(), maxsplit=1)[0].strip().rstrip(".")
    words = name.split()
    if words and words[0].lower() == "the":
        words = words[1:]
    is_team = any(w.lower() in ex["team_words"] for w in words)
    if not 1 <= len(words) <= 4 or not all(_NAME_TOKEN.fullmatch(w) for w in words):
        return None, False
    if not is_team and ("&" in words or " ".join(words).lower() in ex["generic_addressees"]):
        return None, False
    return " ".join(words), is_team


def _sender(own: str, signature: str | None) -> tuple[str | None, bool, str | None]:
    """Sender's name, whether it is a team, and the company a "Title | Company" line names."""
    for block in (signature, own):
        lines = [ln.strip() for ln in (block or "").splitlines() if ln.strip()]
        for i in range(len(lines) - 1, -1, -1):
            match = _patterns()["sign_off"].match(lines[i])
            if not match:
                continue
            rest = match.group("name").strip() or (lines[i + 1] if i + 1 < len(lines) else "")
            name, team = _person(rest)
            if name:
                at = i + 1 if match.group("name").strip() else i + 2
                after = lines[at] if at < len(lines) else ""
                company = after.rsplit("|", 1)[1].strip() if after.count("|") == 1 else None
                return name, team, company or None
    return None, False, None


def _greeting(own: str) -> tuple[str | None, bool, bool]:
    """The candidate's name as greeted, whether it carries a title, and whether it is informal."""
    ex = _texts()["extract"]
    lines = [ln for ln in own.splitlines() if ln.strip()][:3]
    for line in lines:
        match = _patterns()["greeting"].match(line)
        if not match:
            continue
        informal = match.group("g").lower() in ex["informal_greetings"]
        name, team = _person(match.group("name"))
        if not name or team:
            return None, False, informal
        titled = name.split()[0].lower().rstrip(".") in ex["titles"]
        return name, titled, informal
    return None, False, False


def extract_context(text: str) -> Context:
    """Who wrote the reply, whom it greets, and the role and company it names."""
    own, signature = _own_text(text)
    sender, team, signed_company = _sender(own, signature)
    candidate, titled, informal = _greeting(own)
    role, company = role_and_company(own)
    if sender is not None and sender == candidate:  # "Thanks again, Sam" addresses the reader
        sender, team = None, False
    return Context(sender, team, candidate, titled, role, company or signed_company, informal)


def reply_context(report: Report, situation: PlanContext | None = None) -> Context:
    """:func:`extract_context` of the report's text, for the draft: a message from an address
    nobody reads names no one to write to, so the draft greets a blank (a named contact).
    ``situation`` is the report's plan context when the caller has read it already."""
    ctx = extract_context(report.text)
    if (situation or context_of(report)).no_reply:
        return replace(ctx, sender=None, sender_is_team=False)
    return ctx


def draft(report: Report, *, channel: str = "email", context: Context | None = None) -> Draft:
    """A follow-up for ``report``: an email, or a call script with ``channel="phone"``.

    The draft asks the report's planned questions in the situation the plan was built for
    (:func:`~analyzer.plancontext.context_of`): when the sender declines feedback requests it
    thanks them and asks nothing; when they offered a call it accepts the call and lists the
    questions as its points; when the reason was outside the candidate's control it says it
    understands and asks only what the plan asks. A kind
    of ``None`` (no model) counts as a rejection. Raises :class:`InputError` when the report is
    about something other than a decision (an invitation, say).
    """
    if channel not in CHANNELS:
        raise ValueError(f"channel must be one of {CHANNELS}, not {channel!r}")
    kind = report.kind.label or Kind.REJECTION.value
    if kind not in DECISION_KINDS:
        raise InputError(f"this message looks like '{kind}', not a rejection: nothing to follow up")
    situation = context_of(report)
    ctx = context or reply_context(report, situation)
    policy = report.feedback_policy.label or Policy.UNSPECIFIED.value
    if situation.declines:
        policy = Policy.DECLINES.value
    standard = policy != Policy.DECLINES.value and door_open_only(report.questions)
    if standard:  # a team's standard letter: the same short thank-you as for a sender who
        policy = Policy.DECLINES.value  # gives no feedback (the plan asks nothing either)
    questions = () if policy == Policy.DECLINES.value else tuple(report.questions)
    also = None  # a second offer the accepted call took up ("I would also ...") is kept
    if situation.offers_call:  # the draft accepts the call in its own words
        accepted = [q.text for q in questions if accepts_talk(q.text)]
        also = next((x for x in map(second_offer_of, accepted) if x), None)
        questions = tuple(q for q in questions if not accepts_talk(q.text))
    # a yes to what the sender proposed ("Shall I send over the job description?") is said
    # in a paragraph of its own, not listed among the questions; so is a closing that asks
    # nothing ("I would welcome hearing from you if a senior role opens up")
    answer = next((q.text for q in questions if _is_answer(q.text, situation)), None)
    answer = answer or next((q.text for q in questions if _closing_statement(q)), None)
    if answer is not None and opens_door(answer, situation):  # the draft's own request for an
        questions = tuple(q for q in questions if q.text != answer)  # out-of-control reason
        answer = None  # says it ("I would be glad to hear if a related role opens")
    # a note that said what to do gets thanks, not a question: said as it is, not listed;
    # thanks for a reason outside the candidate's control is the draft's own acceptance
    noted = next((q.text for q in questions if _thanks_only(q)), None)
    questions = tuple(q for q in questions if q.text not in (answer, noted))
    if situation.out_of_control and not situation.advised:
        noted = None
    asked = tuple(  # the draft thanks in words of its own: a template's thanks is dropped
        replace(q, text=without_template_thanks(without_offer_lead(q.text))) for q in questions
    )
    parts = _Parts(_texts(), _values(ctx), kind, policy, asked, situation, answer, noted, also)
    subject, body = parts.email() if channel == "email" else (None, parts.phone())
    blanks = tuple(b for b in _texts()["blanks"].values() if b in body)
    blanks += tuple(dict.fromkeys(_ANSWER_BLANK.findall(answer or "")))  # "[your figure]"
    advice = _advice(channel, kind, policy, situation, standard=standard)
    return Draft(channel, subject, body, asked, blanks, advice, bool(asked), ctx)


def _thanks_only(question: Question) -> bool:
    """Whether the plan's opener is thanks for a note that gave its own advice, not a question."""
    return question.purpose == Purpose.OPENER.value and not question.asks


def _closing_statement(question: Question) -> bool:
    """Whether the plan's closing step asks nothing (a welcome of contact the sender promised)."""
    return question.purpose == Purpose.OPEN_ENDED.value and not question.asks


def _is_answer(question: str, situation: PlanContext) -> bool:
    """Whether ``question`` is the plan's answer to the sender: the yes to what they proposed,
    the closing that takes up work or a shortcut they offered, or the closing question that
    holds what they asked the candidate to tell."""
    told = situation.told is not None and situation.told in question  # after a yes, or first
    return told or question == situation.sender_asks or takes_up_offer(question, situation)


def _values(ctx: Context) -> dict[str, str]:
    t, blanks = _texts(), _texts()["blanks"]
    addressee = ctx.sender or blanks["sender"]
    if ctx.sender and not ctx.sender_is_team and ctx.informal:
        addressee = ctx.sender.split()[0]
    caller = blanks["sender"] if ctx.sender_is_team else addressee
    key = "_".join(k for k, v in (("role", ctx.role), ("company", ctx.company)) if v) or "none"
    fields = {"role": ctx.role or "", "company": ctx.company or ""}
    signed = ctx.candidate if ctx.candidate and not ctx.candidate_titled else None
    return {
        "sender": caller,
        "salutation": t["salutation"]["informal" if ctx.informal else "formal"].format(
            name=addressee
        ),
        "candidate": signed or blanks["candidate"],
        "role_phrase": t["role_phrase"][key].format(**fields),
        "company_phrase": t["company_phrase"]["company" if ctx.company else "none"].format(
            **fields
        ),
        "label": ", ".join(v for v in (ctx.role, ctx.company) if v),
    }


@dataclass(frozen=True)
class _Parts:
    texts: dict[str, Any]
    values: dict[str, str]
    kind: str
    policy: str
    questions: tuple[Question, ...]
    situation: PlanContext
    #: the yes to a question in which the sender proposed something (see :mod:`.planasks`)
    answer: str | None = None
    #: the plan's thanks for a note that said what to do (no question: ``advised_thanks``)
    noted: str | None = None
    #: a second offer taken up beside the accepted call ("I would also ...")
    also: str | None = None

    def fill(self, template: str) -> str:
        return template.format(**self.values)

    def email(self) -> tuple[str, str]:
        e = self.texts["email"]
        thanks = self.fill(e["thanks"][self.kind])
        paragraphs = [self.values["salutation"]]
        if self.policy == Policy.DECLINES.value:
            paragraphs += [f"{thanks} {self.fill(e['declines_body'])}"]
        else:
            accepted = e[
                "acceptance_out_of_control" if self.situation.out_of_control else "acceptance"
            ]
            paragraphs += [f"{thanks} {accepted}"]
            paragraphs += [self.noted] if self.noted else []
            paragraphs += [self.answer] if self.answer else []
            # none where nothing is asked, unless a call is to be accepted
            if self.questions or self.situation.offers_call or not (self.noted or self.answer):
                paragraphs += [self._request()]
            paragraphs += [self.also] if self.also else []
            if self.questions:
                numbered = [f"{n}. {q.text}" for n, q in enumerate(self.questions, 1)]
                outro = e[
                    "questions_outro_call" if self.situation.offers_call else "questions_outro"
                ]
                paragraphs += ["\n".join(numbered), outro]
        close = self.fill(e["close" if met_in_person(self.situation) else "close_unmet"])
        surveyed = any(takes_up_survey(q.text) for q in self.questions)
        if self.situation.survey and not surveyed:  # taken up once, here or in a question
            close = f"{e['survey']} {close}"
        paragraphs += [close, f"{e['sign_off']}\n{self.values['candidate']}"]
        return self._subject(), "\n\n".join(paragraphs) + "\n"

    def _request(self) -> str:
        e = self.texts["email"]
        requests = e["request"]
        text = requests[self._request_key()]
        return f"{text} {e[self._intro_key()]}" if self.questions else text

    def _intro_key(self) -> str:
        if self.situation.offers_call:
            return "questions_intro_call"
        return (
            "questions_intro_out_of_control" if self.situation.out_of_control else "questions_intro"
        )

    def _request_key(self) -> str:
        """Which request paragraph fits: an offer is taken up by name before anything else."""
        s = self.situation
        for key, applies in (
            ("coffee", s.offers_coffee),  # a call over a coffee is named a coffee
            ("call", s.offers_call),
            ("feedback", s.offers_feedback),
            ("out_of_control", bool(s.out_of_control)),
            ("help", s.offers_help and self.policy == Policy.INVITES.value),  # a courtesy line
            (self.kind, self.kind in self.texts["email"]["request"]),
            (self.policy, self.policy in self.texts["email"]["request"]),
        ):
            if applies:
                return key
        return Policy.UNSPECIFIED.value

    def _subject(self) -> str:
        s = self.texts["subject"]
        key = "call" if self.situation.offers_call else "feedback"
        key = "coffee" if self.situation.offers_coffee else key
        if self.situation.out_of_control and not self.situation.offers_call:
            key = "out_of_control"
        text = s["declines" if self.policy == Policy.DECLINES.value else key]
        label = self.values["label"]
        return s["context"].format(text=text, label=label) if label else text

    def phone(self) -> str:
        p = self.texts["phone"]
        declines = self.policy == Policy.DECLINES.value
        lines = [self.fill(p["declines_title" if declines else "title"]), ""]
        if declines:
            steps = [self.fill(s) for s in p["declines_steps"].values()]
            return "\n".join(lines + [f"{n}. {s}" for n, s in enumerate(steps, 1)]) + "\n"
        st = p["steps"]
        call = self.situation.offers_call
        if call:
            lines[0] = self.fill(p["call_title"])
        greet = self.fill(st["greet_call" if call else "greet"])
        accept = st["accept_out_of_control" if self.situation.out_of_control else "accept"]
        lines += [f"1. {greet}", f"   {st['not_now']}", f"2. {accept}"]
        n = 3
        if self.noted:
            lines.append(f"{n}. {self.noted}")
            n += 1
        for said in (self.answer, self.also):
            if said:
                lines.append(f"{n}. {said}")
                n += 1
        if self.questions:
            lines.append(f"{n}. {st['questions']}")
            lines += [f"   {chr(97 + i)}. {q.text}" for i, q in enumerate(self.questions)]
            n += 1
        lines.append(f"{n}. {st['thanks']}")
        return "\n".join(lines) + "\n"


def _advice(
    channel: str, kind: str, policy: str, situation: PlanContext, *, standard: bool = False
) -> tuple[str, ...]:
    """Advice on sending the draft. ``standard``: a team's standard letter, thanked only."""
    a = _texts()["advice"]
    lines = [a["timing_phone" if channel == "phone" else "timing"]]
    if policy in (Policy.DECLINES.value, Policy.INVITES.value):
        lines.append(a["standard_letter" if standard else policy])
    if situation.offers_call and policy != Policy.DECLINES.value:
        lines.append(a["coffee" if situation.offers_coffee else "call"])
    if situation.out_of_control and policy != Policy.DECLINES.value:
        lines.append(a["out_of_control"])
    if kind == Kind.FEEDBACK_REPLY.value and policy != Policy.DECLINES.value:
        lines.append(a["feedback_reply"])
    if situation.board_notice or situation.auto_reply:
        lines.append(a["auto_reply" if situation.auto_reply else "board_notice"])
    return tuple(lines)


def blanks_advice(blanks: Sequence[str]) -> str:
    """The reminder to fill in ``blanks`` (for the command line to print)."""
    return str(_texts()["advice"]["blanks"]).format(blanks=", ".join(blanks))

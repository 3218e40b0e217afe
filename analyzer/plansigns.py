"""Who wrote a message and how it was sent: a person's signature or a team's, a mail-merge
sent to many, a long note in the writer's own voice, the kind of body the employer is.

The plan reads these to pitch its questions (a team's form letter gets fewer and plainer
ones); the cues are the lists of ``patterns/plan_context.json`` (:mod:`analyzer.plancues`).
"""

from __future__ import annotations

import re
from functools import lru_cache

from .cues import lower
from .plancues import cue_lists, matching, settings, titles
from .resources import read_json
from .roles import alternation


def mass_mail(text: str) -> bool:
    """Whether a message not signed by a person says it went to many applicants
    (``mass_mail``: "only shortlisted candidates will be contacted", an unfilled merge field):
    replies to it are read no more than an automated message's."""
    return "mass_mail" in matching(lower(text)) and not signed_by_person(text)


#: How much of a one-line message's end is read as its sign-off.
_SIGN_OFF_CHARS = 100
#: The most lines a signature may hold under the name (a title, the employer).
_TITLE_LINES = 2
#: The most words of one such line.
_TITLE_WORDS = 10


def signed_by_team(text: str) -> bool:
    """Whether a recruiting, talent or HR team signs the message (``team_signed`` in its last
    three lines that are no longer than a title line, or its last characters when it has fewer
    lines): "rather than have this come through the recruiting team" in a manager's note, or
    "the hiring team was not convinced" in a one-line paragraph above "Best, / Mira", is no
    team's signature."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    tail = text[-_SIGN_OFF_CHARS:]
    if len(lines) >= 3:  # a paragraph among the last lines is the body, not the signature
        tail = "\n".join(line for line in lines[-3:] if len(line.split()) <= _TITLE_WORDS)
    return cue_lists()["team_signed"].search(lower(tail)) is not None


def long_note(text: str, stated: frozenset[str], team_signed: bool) -> bool:
    """Whether a note in the writer's own voice is long enough, and about the candidate, to
    spell out its feedback (``long_note``: so many words, a stated reason about the candidate,
    not signed by a team)."""
    note = settings()["long_note"]
    if team_signed or not stated & frozenset(note["reasons"]):
        return False
    return len(text.split()) >= int(note["words"])


def org_kind(text: str) -> str | None:
    """The kind of body the employer is, from the first capitalised word of ``org_kinds`` in
    the message ("Western Plains University": "university"), or ``None``. The words are found
    in the lowered text; a word written in lower case ("your university degree") or inside a
    hyphenated name ("Tri-County Freight Lines") names none."""
    kinds = _org_kinds()
    for match in cue_lists()["org_words"].finditer(lower(text)):
        if text[match.start()].isupper() and text[match.start() - 1 : match.start()] != "-":
            return kinds[text[match.start() : match.end()].lower()]
    return None


@lru_cache(maxsize=1)
def _org_kinds() -> dict[str, str]:
    """The kind of each ``org_kinds`` word, by the word in lower case."""
    return {w.lower(): kind for kind, words in settings()["org_kinds"].items() for w in words}


@lru_cache(maxsize=1)
def _not_names() -> frozenset[str]:
    return frozenset(settings()["signature_not_names"])


#: A sign-off line that is only a person's name ("Beatriz", "Sam Okafor").
_PERSON_SIGNATURE = re.compile(r"[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?")


@lru_cache(maxsize=1)
def _run_on_sign_off() -> re.Pattern[str]:
    """A sign-off followed by a name and a short title in a flattened letter ("All the best,
    Meghna Design Lead, Kirana Cart"): the sign-offs the draft reads (``extract.sign_offs`` in
    ``templates/drafts.json``), an optional title of ``contact_named``, the name, what follows."""
    sign_offs = alternation(read_json("templates", "drafts.json")["extract"]["sign_offs"])
    title_words = titles(settings()["contact_named"])
    return re.compile(
        rf"(?:^|[.!?]\s+)(?i:{sign_offs})[,!]?\s+(?:(?i:{title_words})\.?\s+)?"
        rf"(?P<name>[A-Z][a-z]+(?:[ -][A-Z][a-z]+)?)"
        rf"(?P<rest>(?:\s+\S+){{0,{2 * _TITLE_WORDS}}})\s*$"
    )


def _flattened_signature(text: str) -> list[str]:
    """The last lines of a letter whose lines were run together, as :func:`signed_by_person`
    reads lines: the words before the last sign-off, the name after it, and what follows the
    name (a title and an employer); none when no sign-off and name end the letter."""
    end = text.strip()[-_RUN_ON_CHARS:]
    found = _run_on_sign_off().search(end)
    if found is None:
        return []
    rest = found["rest"].strip()
    suffixes = settings()["company_suffixes"]  # "Hallam Logistics Ltd": a company's name
    if rest and rest.split()[0].strip(",.").lower() in suffixes:
        return []
    return [end[: found.start()].strip(), found["name"], *([rest] if rest else [])]


#: How far from its end a flattened letter's signature is looked for.
_RUN_ON_CHARS = 200


def signed_by_person(text: str) -> bool:
    """Whether the message is signed with a person's name on a line of its own ("Thanks again,
    Beatriz"), not a team's ("The Recruiting Team"): a person wrote it, not a template. The
    name may stand above a short title and the employer's name ("Lerato Dlamini / Analytics
    Lead / Karoo Fresh"); a team named in the last lines makes it a team's signature."""
    lines = [line.strip() for line in text.strip().splitlines() if line.strip()]
    if len(lines) < 2 or len(lines[-1].split()) > _TITLE_WORDS:  # a flattened letter: its
        lines = _flattened_signature(text)  # signature's lines run on after the sign-off
        if len(lines) < 2:
            return False
    tail = lines[-1 - min(_TITLE_LINES, len(lines) - 2) :]
    if cue_lists()["team_signed"].search(lower("\n".join(tail))) is not None:
        return False
    for under in range(len(tail)):
        name = tail[-1 - under]
        if _PERSON_SIGNATURE.fullmatch(name) is None:
            continue
        if any(len(line.split()) > _TITLE_WORDS for line in tail[len(tail) - under :]):
            return False
        return _not_names().isdisjoint(re.split(r"[ -]", lower(name)))
    return False

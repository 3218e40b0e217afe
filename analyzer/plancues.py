"""The cue lists of ``patterns/plan_context.json``, compiled once and matched in one pass.

Every reading of a message's situation (:mod:`analyzer.plancontext`, :mod:`analyzer.plansigns`)
asks these lists: :func:`matching` gives the dotted names of the lists that match a message (the
cue book's single pass, kept for the several readings of one message), :func:`cue_lists` the
compiled lists themselves for the readings that need a match's place.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from .cues import CueBook, Cues
from .futureroles import ahead_cues
from .resources import read_json


@lru_cache(maxsize=1)
def settings() -> dict[str, Any]:
    return read_json("patterns", "plan_context.json")


#: The cue lists of ``plan_context.json`` that are plain lists of patterns, by their key.
_PLAIN_LISTS = (
    "not_a_reason",
    "not_interviewed",
    "reason_not_stated",
    "declines",
    "not_selected",
    "auto_reply",
    "no_reply",
    "mass_mail",
    "several_interviews",
    "board_notice",
    "first_person",
    "timing",
    "timing_topics",
    "timing_open",
    "survey",
    "community_term",
    "team_signed",
    "requirement_named",
    "relayed",
    "agency",
    "put_forward",
    "passed_on",
    "offered_role",
    "main_point",
    "reopen_told",
    "no_opening",
    "no_vacancy",
    "advised_roles",
    "own_voice",
    "feedback_given",
    "advice_given",
    "admitted_vague",
    "invited_when",
)
#: The keys of ``plan_context.json`` that hold named cue lists.
_NAMED_LISTS = ("stages", "out_of_control", "offers", "follow_up", "remarks")


def _filled(pattern: str, s: dict[str, Any]) -> str:
    """``pattern`` with its placeholders for the lists of ``plan_context.json`` filled in:
    ``{languages}`` (a group), ``{seasons}`` and ``{months}`` (bare alternatives)."""
    return (
        pattern.replace("{languages}", "(?:" + "|".join(s["languages"]).lower() + ")")
        .replace("{seasons}", "|".join(s["seasons"]))
        .replace("{months}", "|".join(s["months"]))
    )


@lru_cache(maxsize=1)
def cue_lists() -> dict[str, Any]:
    s = settings()
    compiled: dict[str, Any] = {
        **{key: Cues([_filled(p, s) for p in s[key]]) for key in _PLAIN_LISTS},
        **{
            key: {k: Cues([_filled(p, s) for p in v]) for k, v in s[key].items()}
            for key in _NAMED_LISTS
        },
        "other_role": Cues(s["other_role"]["cues"]),
        "role_name": re.compile(s["other_role"]["name"]),
        "tip_name": re.compile(s["tip_name"]),
        "contact_when": re.compile(s["contact_when"]["pattern"]),
        "contact_promise": re.compile(s["contact_when"]["promise"]),
        "contact_time": re.compile(_filled(s["contact_when"]["time"], s)),
        "contact_named": re.compile(
            s["contact_named"]["pattern"].replace("{titles}", titles(s["contact_named"]))
        ),
        "titled": re.compile(rf"\b(?:{titles(s['contact_named'])})\.?\s+[A-Z]"),
        "contact_role": Cues([s["contact_named"]["role"]]),  # a literal prefilter and RE2
        "contact_role_group": re.compile(s["contact_named"]["role"]).groupindex["name"],
        "roles_word": Cues([s["other_role"]["plural"]]),
        "future_ahead": ahead_cues(),
        "stage_variants": {
            stage: {k: (Cues(v["cues"]), Cues(v["unless"])) for k, v in variants.items()}
            for stage, variants in s["stage_variants"].items()
        },
    }
    nouns = "(?:" + "|".join(s["praise"]["nouns"]) + ")"
    compiled["praise"] = {
        kind: Cues([p.replace("{nouns}", nouns) for p in patterns])
        for kind, patterns in s["praise"]["cues"].items()
    }
    modifiers = "(?:" + "|".join(s["experience_modifiers"]) + ")"
    compiled["basis_named"] = Cues([p.replace("{modifiers}", modifiers) for p in s["basis_named"]])
    words = sorted((w.lower() for ws in s["org_kinds"].values() for w in ws), key=len)[::-1]
    compiled["org_words"] = Cues([rf"\b(?:{'|'.join(words)})\b"])  # found in the book's pass
    compiled["negated_before"] = re.compile(s["negated_before"])  # at the end of a search
    compiled["official_formula"] = re.compile(s["official_formula"])  # right after an "I"
    compiled["talk_words"] = re.compile(s["offers_talk_words"])  # not in the book: a cue's text
    compiled["book"] = CueBook(dict(_named(compiled)))
    return compiled


def _named(compiled: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, Cues]]:
    """Every cue list of ``compiled`` by its dotted name ("offers.call")."""
    for key, value in compiled.items():
        if isinstance(value, Cues):
            yield prefix + key, value
        elif isinstance(value, dict):
            yield from _named(value, f"{prefix}{key}.")


@lru_cache(maxsize=8)
def matching(low: str) -> frozenset[str]:
    """The dotted names of the cue lists that match lowered text ``low``, found in one pass
    and kept for the several readings of one message (less those whose every match says
    nothing, :func:`_unsaid`)."""
    return _unsaid(low, cue_lists()["book"].matching(low))


def titles(contact: dict[str, Any]) -> str:
    """The titles of a named contact (``contact_named.titles``) as a regex alternative."""
    return "|".join(re.escape(t) for t in contact["titles"])


def _unsaid(low: str, hits: frozenset[str]) -> frozenset[str]:
    """``hits`` without the lists each of whose matches in lowered text ``low`` says nothing:
    an offer under a negation ("I can't put you forward for this one", "I can not create a
    second position": :func:`said_matches`), a first person only in an official formula ("I regret
    to inform you", ``official_formula``: a team's letter, not a person's own voice). Both are
    read here, not by lookarounds in the lists, which keeps them in the cue book's RE2 sets."""
    c, unsaid = cue_lists(), set()
    for name in _NEGATABLE:
        if name in hits and next(said_matches(low, c[name]), None) is None:
            unsaid.add(name)
    formula = c["official_formula"]
    if (
        "own_voice" in hits
        and formula.search(low) is not None  # most messages have no such formula
        and all(formula.match(low, m.end()) for m in c["own_voice"].finditer(low))
    ):
        unsaid.add("own_voice")
    return hits.difference(unsaid) if unsaid else hits


#: The offers a negation right before them takes back (``negated_before``).
_NEGATABLE = ("put_forward", "offered_role")


def said_matches(low: str, cues: Cues) -> Iterator[Any]:
    """The matches of ``cues`` in lowered text ``low`` that no negation right before them
    takes back (``negated_before``: "I can't put you forward for this one")."""
    negation = cue_lists()["negated_before"]
    return (m for m in cues.finditer(low) if not negation.search(low, 0, m.start()))


def sentence_at(text: str, at: int) -> str:
    starts = [m.end() for m in re.finditer(r"[.!?\n]\s*", text[:at])]
    start = starts[-1] if starts else 0
    end_match = re.search(r"[.!?\n]", text[at:])
    end = at + end_match.start() if end_match else len(text)
    return text[start:end]

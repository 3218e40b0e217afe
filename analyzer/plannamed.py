"""The experience, need or basis a message names in its own words, as a question may repeat
them: "experience running multi-site teams", "someone who has already run a full P&L", "team
handling experience" (the plan's named bases: :mod:`analyzer.questions`)."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from .cues import lower
from .language import ENGLISH, detect_language
from .planbases import SENTENCE_MARKS, basis_matches, basis_reader, between_marks
from .plancontext import PlanContext, experience_modifiers, to_sender
from .planwords import plan_settings
from .quotes import clean_quote


def experience_words(ctx: PlanContext, message: str) -> str | None:
    """The experience the first named basis spells out after the noun ("experience running
    multi-site teams"), when it quotes cleanly, whole and not with the hire's pronoun."""
    start, end = ctx.basis_named[0]
    noun = _modified().search(lower(message), start, end)
    if noun is None:
        return None
    tail = _BASIS_END.search(message, noun.end())
    stop = tail.start() if tail else len(message)
    said = message[noun.start() : stop].split()
    if len(said) < 2:  # "more offshore experience": named before the noun, not after it
        return None
    if not _PRONOUNS.isdisjoint(w.lower() for w in said[:_NAMED_WORDS]):  # "her own caseload"
        return None
    cut = said[_NAMED_WORDS][:1] if len(said) > _NAMED_WORDS else ""
    if cut.isupper() or cut.isdigit():
        return None  # the cut would fall inside a name ("upper Key | Stage 2")
    # the longest clean phrase of at most _NAMED_WORDS words: a cut that strands a word
    # ("experience managing volunteer networks across a") backs off to where a phrase ends
    for count in range(min(len(said), _NAMED_WORDS), 1, -1):
        named = " ".join(said[:count])
        quote = clean_quote(message, noun.start(), noun.start() + len(named))
        if quote is not None and quote.endswith(named.rsplit(" ", 1)[-1]):
            return to_sender(quote)  # "the tracking system we use": "you use"
    return None


def need_words(ctx: PlanContext, message: str) -> str | None:
    """The need a named basis spells out as a person ("someone who has already handled a WMS
    migration"), whole to the end of its clause, when it quotes cleanly in at most
    :data:`_NEED_WORDS` words."""
    start, _ = ctx.basis_named[0]
    head = _NEED_HEAD.match(message, start)
    if head is None:
        return None
    tail = _NEED_END.search(message, head.end())
    stop = tail.start() if tail else len(message)
    words = message[start:stop].split()
    if not 4 <= len(words) <= _NEED_WORDS:
        return None
    quote = clean_quote(message, start, start + len(message[start:stop].rstrip()))
    return to_sender(quote) if quote is not None and quote.endswith(words[-1]) else None


@cache
def _modified() -> re.Pattern[str]:
    """The named experience, with the modifier the comparison gives it ("hands-on experience";
    :func:`~analyzer.plancontext.experience_modifiers`)."""
    modifiers = "|".join(map(re.escape, experience_modifiers()))  # a whole word ("FP&A": none)
    return re.compile(rf"(?:(?<![\w&])(?:{modifiers}) )?experience\b")


#: Where a named experience ends: a mark, or a word that starts another clause.
_BASIS_END = re.compile(
    r"[.,;:!?()\n]|\s(?:than|and|which|who|that|but|so|because|as|since|while|whereas|though"
    r"|although|if|when|where|for|to|was|were|is|are|had|has|would|could|should|will|might|may)\b"
)
#: Words that make a named experience someone else's ("running her own caseload").
_PRONOUNS = frozenset({"her", "his", "their", "them", "she", "he", "they"})
#: The most words of a named experience a question repeats.
_NAMED_WORDS = 8
#: A need spelled out as the person who has it: "someone who has", "someone with".
_NEED_HEAD = re.compile(r"(?i)someone (?:who(?:'s| has| had)?|that(?:'s| has)|with)\b")
#: Where that need ends: a mark (a word such as "and" may join two parts of the need itself:
#: "a full profit and loss account").
_NEED_END = re.compile(r"[.,;:!?()\n]|\s[-\u2013\u2014]\s")
#: The most words of a need a question repeats.
_NEED_WORDS = 12


@lru_cache(maxsize=1)
def praise_cue() -> re.Pattern[str]:
    """Words that praise what a clause names (``named_basis.praise``): no basis, no reason."""
    return re.compile(plan_settings()["named_basis"]["praise"])


def named_basis(message: str, topic: str) -> str | None:
    """The message's own name for a basis of ``topic`` with a word of its own before the noun
    ("contract experience"), outside sentences that only describe the review."""
    _, nouns, review = basis_reader()
    not_modifiers = frozenset(plan_settings()["bases"]["not_modifiers"])
    praised = praise_cue()
    low = lower(message)
    for match in basis_matches(low):
        group = next(i for i in range(len(nouns)) if match.group(f"n{i}") is not None)
        modifier = match.group("mod")
        if nouns[group][1] != topic or not modifier or modifier in not_modifiers:
            continue
        if low.endswith(("your ", "our "), 0, match.start()):  # "your QA background": the
            continue  # candidate's own; "our hiring experience": the company's process
        start = match.start("mod")  # "team handling experience": a lower-case modifier
        if message[start : match.end("mod")].islower():  # is read with the words of its
            start = _compound_start(low, start, _WORD_BEFORE)  # compound ("PLC skills" is
        else:  # whole), a name of several capitalised words too ("React Native")
            start = _compound_start(message, start, _CAPITALISED_BEFORE)
        head, tail = between_marks(low, match.start(), match.end(), SENTENCE_MARKS)
        if review.search(low, head, match.start()) is not None or praised.search(low[head:tail]):
            continue
        if detect_language(message[head:tail]) != ENGLISH:  # a bilingual letter's other half
            continue  # ("la ou les qualifications essentielles")
        return f"{message[start : match.end('mod')]} {nouns[group][0]}"
    return None


def _compound_start(text: str, start: int, word_before: re.Pattern[str]) -> int:
    """Where a modifier that starts at ``start`` begins with the words right before it that
    ``word_before`` reads (at most :data:`_COMPOUND_WORDS` more): content words in lowered
    text, "team handling experience" not "handling experience" cut from it, or capitalised
    words, "React Native" not "Native"; a function word ("more", "of", "The") or a unit of
    time ("one year hospital experience": ``bases.compound_stops``) ends the compound."""
    function_words = _function_words()
    stops = plan_settings()["bases"]["compound_stops"]
    for _ in range(_COMPOUND_WORDS):
        found = word_before.search(text, max(0, start - _BEFORE_CHARS), start)
        if found is None or found[1].lower() in function_words or found[1].lower() in stops:
            break
        start = found.start(1)
    return start


@cache
def _function_words() -> frozenset[str]:
    """English function words (spaCy's list: the project's own stop words hold domain words
    such as "team", which here are part of a compound). Imported when first needed: the
    renderers import this package's plan modules without the pipeline."""
    from spacy.lang.en.stop_words import STOP_WORDS

    return frozenset(STOP_WORDS)


#: The most words a compound modifier of a named basis takes from before its last word.
_COMPOUND_WORDS = 2
#: The word right before a position (a word of letters, then one space).
_WORD_BEFORE = re.compile(r"\b([a-z][a-z-]*) $")
#: A capitalised word right before a position, not after a sentence's end.
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.!?])([A-Z][\w+#.-]*)[ \t]+$")
#: How far back the words of a compound are read (characters): more than two words.
_BEFORE_CHARS = 60

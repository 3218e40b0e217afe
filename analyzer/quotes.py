"""Whether a phrase can be quoted back to its sender, and the quote as it reads in a question.

A quote is only worth its quotation marks when it is the sender's own whole words: cut words,
template placeholders, fragments that end on "at" or start with "n't" read as careless. The
rules are data (``patterns/quotes.json``); :func:`clean_quote` is the one test, used both when a
plan is built and when a plan is checked.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from .resources import read_json

_TOKEN = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’-]*")
_CLAUSE_MARK = re.compile(r"[.;:!?,()\"“”\n]")
_WORD_CHAR = re.compile(r"[\w'’]")
#: Marks that close a clause: a preposition right before one is stranded.
_CLAUSE_END = frozenset(".,;:!?)\n")
#: At most this many words are trimmed from either end of a span before it is quoted.
_MAX_TRIM = 2


@lru_cache(maxsize=1)
def _rules() -> dict[str, Any]:
    data = read_json("patterns", "quotes.json")
    return {
        "placeholder": re.compile(data["placeholder"]),
        "function": frozenset(data["function_words"]),
        "first": frozenset(data["allowed_first"]),
        "weak": frozenset(data["weak_words"]),
        "hollow": frozenset(data["hollow_words"]),
        "bad_first": frozenset(data["bad_first"]),
        "bad_last": frozenset(data["bad_last"]),
        "unquotable": re.compile("|".join(f"(?:{p})" for p in data["unquotable"]), re.IGNORECASE),
        "min_content": int(data["min_content_words"]),
        "max_words": int(data["max_words"]),
        "min_words": int(data["min_words"]),
        "np_modifiers": frozenset(data["np_modifiers"]),
        "max_widen": int(data["max_widen"]),
        "verb_openers": frozenset(data["verb_openers"]),
        "verb_heads": frozenset(data["verb_heads"]),
        "object_openers": frozenset(data["object_openers"]),
        "determiners": frozenset(data["determiners"]),
        "prepositions": frozenset(data["prepositions"]),
        "np_heads": frozenset(data["np_heads"]),
        "partitive_heads": frozenset(data["partitive_heads"]),
        "second_person": frozenset(data["second_person"]),
        "auxiliaries": frozenset(data["subject_widen"]["auxiliaries"]),
        "subjects": frozenset(data["subject_widen"]["subjects"]),
        "copula_next": frozenset(data["subject_widen"]["next"]),
    }


def words(phrase: str) -> list[str]:
    """The phrase's words, lower-cased, contractions kept whole ("wasn't")."""
    return [w.lower().replace("’", "'") for w in _TOKEN.findall(phrase)]


def _base(word: str) -> str:
    return word.split("'")[0] if word.endswith(("n't", "'s", "'re", "'ve", "'ll", "'d")) else word


def whole_words_at(message: str, start: int, end: int) -> bool:
    """Whether ``message[start:end]`` begins and ends on word boundaries (no cut word)."""
    before = message[start - 1] if start > 0 else " "
    after = message[end] if end < len(message) else " "
    inside = message[start:end]
    if not inside or not inside.strip() or inside != inside.strip():
        return False
    if _WORD_CHAR.match(before) or _WORD_CHAR.match(after):
        return False
    joined_before = before == "-" and start > 1 and message[start - 2].isalnum()
    joined_after = after == "-" and end + 1 < len(message) and message[end + 1].isalnum()
    return not joined_before and not joined_after  # "client" out of "client-facing" is cut


@lru_cache(maxsize=4096)
def is_clean_phrase(phrase: str) -> bool:
    """Whether ``phrase`` is, on its own, a grammatical unit worth quoting.

    One clause (no sentence or clause punctuation), no placeholder, ``min_words`` to ``max_words``
    words,
    no dangling function word at the end, a start that can open a phrase, no cut contraction,
    no "you" or "your" (the sender's words to the candidate), and enough content words
    (a bare "we feel" or "at this time" says nothing to quote).
    Kept per phrase: the answer depends on the phrase alone.
    """
    r = _rules()
    if _CLAUSE_MARK.search(phrase) or r["placeholder"].search(phrase):
        return False
    tokens = phrase.split()
    found = words(phrase)
    if len(found) != len(tokens) or not r["min_words"] <= len(found) <= r["max_words"]:
        return False
    if any(t[0] in "'’" or t[-1] in "'’" for t in tokens):
        return False
    first, last = found[0], found[-1]
    if ends_on_function_word(phrase) or last.endswith("n't"):
        return False
    if first in r["function"] and first not in r["first"]:
        return False
    if first in r["bad_first"] or last in r["bad_last"] or r["unquotable"].search(phrase):
        return False
    if not r["second_person"].isdisjoint(found):  # the sender's "your", not the candidate's
        return False
    hollow = r["function"] | r["weak"] | r["hollow"]
    content = [w for w in found if w not in hollow]
    return len(content) >= r["min_content"] and not all(_base(w) in r["function"] for w in found)


def ends_on_function_word(phrase: str) -> bool:
    """Whether ``phrase`` ends on a function word ("speed on the"), which no named point may."""
    found = words(phrase)
    if not found:
        return True
    last, function = found[-1], _rules()["function"]
    return last in function or _base(last) in function


def _trimmed(message: str, start: int, end: int) -> tuple[int, int]:
    """The span without leading words that cannot open a phrase ("is not the right fit") and
    trailing words that leave it dangling ("... with your application at"), at most
    :data:`_MAX_TRIM` a side, so that a span cut a word too wide can still be quoted."""
    r = _rules()
    tokens = [(m.start() + start, m.end() + start) for m in _TOKEN.finditer(message[start:end])]
    first, last = 0, len(tokens) - 1
    while first < min(_MAX_TRIM, last) and _opens_badly(message, tokens[first], r):
        first += 1
    while last > max(first, len(tokens) - 1 - _MAX_TRIM) and _dangles(message, tokens[last], r):
        last -= 1
    return (tokens[first][0], tokens[last][1]) if tokens else (start, end)


def _stranded(message: str, start: int, end: int) -> bool:
    """Whether the span ends on a preposition that closes its clause ("what we are looking
    for."): trimming it would cut the clause ("what we are looking")."""
    last = _TOKEN.findall(message[start:end])[-1:]
    if not last or last[0].lower() not in _rules()["prepositions"]:
        return False
    following = message[end:].lstrip(" \t")
    return following[:1] in _CLAUSE_END


def _opens_badly(message: str, token: tuple[int, int], r: dict[str, Any]) -> bool:
    word = message[token[0] : token[1]].lower()
    return word in r["function"] and word not in r["first"]


def _dangles(message: str, token: tuple[int, int], r: dict[str, Any]) -> bool:
    word = message[token[0] : token[1]].lower().replace("’", "'")
    return word in r["function"] or _base(word) in r["function"]


_WORD_BEFORE = re.compile(r"(?<![\w&/+.-])([A-Za-z][A-Za-z'’]*)[ \t]+$")  # whole: not "FP&[A]"
_WORD_AFTER = re.compile(r"[ \t]+([A-Za-z][A-Za-z'’]*)")
_FIRST_WORD = re.compile(r"([A-Za-z][A-Za-z'’]*)")


def _word_before(message: str, start: int) -> tuple[str, int] | None:
    """The word right before ``start`` in the same clause (only spaces between), lowered, and
    where it starts."""
    found = _WORD_BEFORE.search(message, max(0, start - 40), start)
    if found is None or found.end() != start:
        return None
    return found.group(1).lower().replace("’", "'"), found.start(1)


def _widened(message: str, start: int) -> int:
    """``start`` moved left over the words of the phrase's own noun phrase before it ("a
    strong" before "mutual fit"), so that the quote is the whole noun phrase."""
    r = _rules()
    for _ in range(r["max_widen"]):
        before = _word_before(message, start)
        if before is None or before[0] not in r["np_modifiers"]:
            break
        start = before[1]
    return start


def _with_subject(message: str, start: int) -> int:
    """``start`` moved left over the subject pronoun of a span that opens on a negated
    copula followed by a noun phrase or a degree word ("it" before "wasn't quite the right
    fit"): the clause is quoted whole."""
    r = _rules()
    first = _FIRST_WORD.match(message, start)
    if first is None or first.group(1).lower().replace("’", "'") not in r["auxiliaries"]:
        return start
    following = _WORD_AFTER.match(message, first.end())
    if following is None or following.group(1).lower() not in r["copula_next"]:
        return start  # "weren't sure the match": a clause cut short, no phrase to quote
    before = _word_before(message, start)
    return before[1] if before is not None and before[0] in r["subjects"] else start


def whole_constituent(message: str, start: int, end: int) -> bool:
    """Whether ``message[start:end]`` is not cut out of a verb phrase: a phrase that ends on a
    word that may be a verb ("fit", "match") is cut when a word that opens a verb phrase comes
    right before it ("may better fit", "we feel best fit") or its object right after it ("...
    fit our needs")."""
    r = _rules()
    found = words(message[start:end])
    if not found or found[-1] not in r["verb_heads"] or r["determiners"] & set(found[:-1]):
        return True  # no verb at the end, or a noun after its determiner ("an immediate match")
    before = _word_before(message, start)
    after = _WORD_AFTER.match(message, end)
    following = after.group(1).lower() if after else ""
    opened = before is not None and before[0] in r["verb_openers"]
    return not opened and following not in r["object_openers"]


def clean_quote(message: str, start: int, end: int) -> str | None:
    """The phrase at ``message[start:end]`` ready to quote (one line, a sentence-initial
    capital lowered), or ``None`` when it is not a clean, whole phrase of the message.

    A span that starts or ends on a word that cannot open or close a phrase is trimmed first.
    """
    if not 0 <= start < end <= len(message) or not whole_words_at(message, start, end):
        return None
    if _stranded(message, start, end):
        return None
    start, end = _trimmed(message, start, end)
    start = _widened(message, _with_subject(message, start))
    end = _with_head(message, end)
    if not whole_words_at(message, start, end) or not whole_constituent(message, start, end):
        return None
    if _before_stranded(message, end):  # "more confident" out of "more confident in."
        return None
    if _before_of(message, end):  # "more years" out of "more years of cardiac experience"
        return None
    phrase = " ".join(message[start:end].split())
    if not is_clean_phrase(phrase):
        return None
    first = phrase.split(" ", 1)[0]
    before = message[:start].rstrip(" \t")
    opens_sentence = not before or before[-1] in '.!?:;\n-*•("“'  # mid-sentence: a name
    if opens_sentence and len(first) > 1 and first[0].isupper() and first[1:].islower():
        phrase = phrase[0].lower() + phrase[1:]
    return phrase


def quote_in(message: str, quote: str) -> bool:
    """Whether ``quote`` is a clean phrase found, as whole words and a whole constituent (see
    :func:`whole_constituent`), in ``message`` (spacing and the case of its first letter may
    differ)."""
    if not is_clean_phrase(quote):
        return False
    parts = [re.escape(p) for p in quote.split()]
    head = parts[0]
    if head and head[0].isalpha():
        head = f"[{head[0].lower()}{head[0].upper()}]{head[1:]}"
    pattern = re.compile(r"(?<![\w'’])" + r"\s+".join([head, *parts[1:]]) + r"(?![\w'’])")
    return any(
        _widened(message, m.start()) == m.start()
        and whole_constituent(message, *m.span())
        and not _before_stranded(message, m.end())
        and _head_after(message, m.end()) is None
        for m in pattern.finditer(message)
    )


def _head_after(message: str, end: int) -> re.Match[str] | None:
    """The head noun of the phrase's noun phrase right after ``end`` ("experience" after
    "more site management"), if there is one."""
    after = _WORD_AFTER.match(message, end)
    if after is None or after.group(1).lower() not in _rules()["np_heads"]:
        return None
    return after


def _with_head(message: str, end: int) -> int:
    """``end`` moved over the head noun that follows the phrase, so that the quote is the
    whole noun phrase ("more site management experience")."""
    after = _head_after(message, end)
    return end if after is None else after.end(1)


def _before_stranded(message: str, end: int) -> bool:
    """Whether the words end right before a preposition that closes their clause (a quote
    "what we are looking" out of "what we are looking for.")."""
    after = _WORD_AFTER.match(message, end)
    return after is not None and _stranded(message, after.start(1), after.end(1))


def _before_of(message: str, end: int) -> bool:
    """Whether the words end on a noun of quantity or kind (``partitive_heads``) right before
    "of", which goes on with what it is a quantity of."""
    after = _WORD_AFTER.match(message, end)
    if after is None or after.group(1).lower() != "of":
        return False
    last = words(message[max(0, end - _LAST_WORD_CHARS) : end])[-1:]  # not the whole prefix:
    return bool(last) and last[0] in _rules()["partitive_heads"]  # linear in the message


#: How far back the last word of a phrase is read: longer than any word of ``partitive_heads``,
#: so a longer word cut by the window is still no such word.
_LAST_WORD_CHARS = 60

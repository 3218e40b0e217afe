"""Which language a message is in: only English is analyzed, so any other is told apart.

A message is taken as English without more ado when English function words make up a good
share of its first words (:func:`english_share`, a few microseconds). Only a message with a low
share, about one in a hundred English ones, goes to the compact language detector (``pycld2``,
whose tables are compiled into the package: nothing is downloaded), and only a reliable
verdict for another language sets it apart. A message too short to judge is taken as English.
"""

from __future__ import annotations

import functools
import string

from .resources import data_file

ENGLISH = "en"
#: The first characters of the message whose words are counted (about 65 words).
SHARE_CHARS = 400
#: The first characters of the message the detector reads.
SAMPLE_CHARS = 2000
#: Fewer words than this and the message is too short to judge: taken as English.
MIN_WORDS = 4
#: At least this share of English function words and a message is English (letters in other
#: languages score below 0.1; English ones mostly above 0.3).
ENGLISH_SHARE = 0.2
#: The detector's verdict must be at least this share of the text to count.
MIN_PERCENT = 60
#: Stripped from a word's ends before it is looked up ("regards," -> "regards").
_PUNCTUATION = string.punctuation + "’‘“”«»¿¡…"


@functools.cache
def stopwords() -> frozenset[str]:
    """The English function words of ``patterns/english_stopwords.txt``."""
    lines = data_file("patterns", "english_stopwords.txt").read_text(encoding="utf-8")
    return frozenset(
        w for w in (line.strip() for line in lines.splitlines()) if w and not w.startswith("#")
    )


def english_share(text: str) -> tuple[int, float]:
    """How many words the first :data:`SHARE_CHARS` of ``text`` hold, and the share of them
    that are English function words (split on whitespace: a regular expression costs three
    times as much, and this runs on every message)."""
    words = text[:SHARE_CHARS].lower().split()
    if not words:
        return 0, 0.0
    known = stopwords()
    hits = len([w for w in words if w in known or w.strip(_PUNCTUATION) in known])
    return len(words), hits / len(words)


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language of ``text``: ``"en"`` for English, and also when
    the text is too short or too mixed to tell."""
    count, share = english_share(text)
    if count < MIN_WORDS or share >= ENGLISH_SHARE:
        return ENGLISH
    return _detected(text[:SAMPLE_CHARS])


def _detected(sample: str) -> str:
    import pycld2

    try:
        reliable, _, details = pycld2.detect(sample.encode("utf-8", "replace"))
    except pycld2.error:  # bytes it cannot take (it checks they are valid UTF-8)
        return ENGLISH
    _, code, percent, _ = details[0]
    if not reliable or code in (ENGLISH, "un") or percent < MIN_PERCENT:
        return ENGLISH
    return str(code)


def language_name(code: str) -> str:
    """The English name of the language ``code`` ("fr" -> "French"); the code if unknown."""
    import pycld2

    names = {c: name for name, c in pycld2.LANGUAGES}
    return names[code].capitalize() if code in names else code


def foreign_note(language: str) -> str:
    """The note of a report on a message that is not in English."""
    return (
        f"the message looks like {language_name(language)}: only English is analyzed, "
        "so this report may miss or misread what it says"
    )

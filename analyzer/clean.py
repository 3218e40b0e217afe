"""Find the sender's own words in a pasted reply.

Pasted replies carry more than the sender wrote: the candidate's quoted message ("On Tue, ...
wrote:", "> ..."), a signature, a legal footer. Analysis should see only the sender's words, yet
every offset must still point into the text exactly as the caller gave it.

Rather than cutting text out (and keeping a map of offsets), :func:`clean` *masks* it: every
character outside the sender's words becomes a space (newlines are kept), so the analyzed text
has the same length as the input and offsets need no translation at all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .replies import reply_reader

_QUOTED_LINE = re.compile(r"^[ \t]*>.*$", re.MULTILINE)
_NOT_NEWLINE = re.compile(r"[^\n]")
#: A line that opens with a dash before a word ("- The take-home was solid"), which the reply
#: parser takes for the first line of a signature ("- Kayla").
_DASH_LINE = re.compile(r"^[ \t]*(?:> ?)*(-)(?= ?\w)", re.MULTILINE)
#: A dash line followed by more non-empty lines than this (or by another dash line) is an item
#: of a list, not a signature: a signature's dash line is its last line or the one before it.
_LINES_AFTER_A_SIGNATURE = 1


@dataclass(frozen=True)
class Cleaned:
    """The result of :func:`clean`.

    Attributes:
        text: the input with everything but the sender's words replaced by spaces; same length
            as the input, so any offset into it is an offset into the input.
        body: ``(start, end)`` of the sender's own message in the input.
        signature: ``(start, end)`` of the sign-off and signature block, when one was found.
    """

    text: str
    body: tuple[int, int]
    signature: tuple[int, int] | None = None


def _mask(text: str, start: int, end: int) -> str:
    return text[:start] + _NOT_NEWLINE.sub(" ", text[start:end]) + text[end:]


def _locate(haystack: str, needle: str, start: int = 0) -> int:
    """Offset of ``needle`` in ``haystack`` (from ``start``), trying its first line if need be."""
    needle = needle.strip()
    if not needle:
        return -1
    found = haystack.find(needle, start)
    if found < 0:
        first_line = needle.splitlines()[0].strip()
        found = haystack.find(first_line, start) if first_line else -1
    return found


def clean(text: str) -> Cleaned:
    """Mask quoted replies, signatures and footers in ``text``.

    When the reply parser cannot place the sender's message in the input, nothing is masked:
    analysing too much is better than losing the sender's words.
    """
    if not text.strip():
        return Cleaned(text=text, body=(0, len(text)))
    read = _unbulleted(text)  # what the parser reads: the same offsets as ``text``
    try:
        replies = reply_reader()(read).replies
    except Exception:  # the parser is a third-party heuristic; never let it stop an analysis
        replies = []
    if not replies:
        return Cleaned(text=text, body=(0, len(text)))
    reply = replies[0]
    body_text = (reply.body or "").strip()
    start = _locate(read, body_text)
    if start < 0:
        return Cleaned(text=text, body=(0, len(text)))
    end = read.find(body_text, start)
    end = start + len(body_text) if end == start else _end_of(read, start, body_text)
    signature = _signature_range(read, end, reply.signatures or "")
    masked = _mask(text, 0, start)
    masked = _mask(masked, end, len(text))
    masked = _QUOTED_LINE.sub(lambda m: " " * len(m.group(0)), masked)
    return Cleaned(text=masked, body=(start, end), signature=signature)


def _unbulleted(text: str) -> str:
    """``text`` with the dash of each list item made an asterisk (same length, same offsets),
    so that the reply parser does not take a dashed list for a signature and drop the feedback
    it holds. A dash line stays as it is when it may be a signature: among the last lines and
    with no dash line after it."""
    found = list(_DASH_LINE.finditer(text))
    if not found:
        return text
    last = found[-1]
    after = text[last.end() :].split("\n")[1:]
    last_is_item = sum(1 for line in after if line.strip()) > _LINES_AFTER_A_SIGNATURE
    chars = list(text)
    for match in found if last_is_item else found[:-1]:  # each but the last has one after it
        chars[match.start(1)] = "*"
    return "".join(chars)


def _end_of(text: str, start: int, body_text: str) -> int:
    """End offset of the body when it is not an exact substring (the parser reflowed it)."""
    last_line = body_text.splitlines()[-1].strip()
    found = text.find(last_line, start) if last_line else -1
    return found + len(last_line) if found >= 0 else len(text)


def _signature_range(text: str, body_end: int, signature: str) -> tuple[int, int] | None:
    start = _locate(text, signature, body_end)
    if start < 0:
        return None
    return start, start + len(signature.strip())

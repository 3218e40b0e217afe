"""Undo ``format=flowed`` line wrapping (RFC 3676) in text/plain bodies."""

from __future__ import annotations

import re

_QUOTES = re.compile(r">*")
_SIGNATURE_SEPARATOR = "-- "


def unflow(text: str, *, delsp: bool = False) -> str:
    """Join the soft-wrapped lines of a ``format=flowed`` body.

    A line ending in a space continues on the next line of the same quote
    depth; with ``delsp`` that trailing space is removed when joining.
    Space-stuffing is undone; blank lines are kept even after a soft break.
    """
    out: list[str] = []
    quotes, paragraph = "", ""
    pending = False
    for raw_line in text.split("\n"):
        line_quotes, line = _split_line(raw_line)
        if pending and (line_quotes != quotes or not line):
            out.append(_render(quotes, paragraph.rstrip(" ")))
            pending, paragraph = False, ""
        flowed = line.endswith(" ") and line != _SIGNATURE_SEPARATOR
        if flowed and delsp:
            line = line[:-1]
        quotes, paragraph = line_quotes, paragraph + line
        if not flowed:
            out.append(_render(quotes, paragraph))
            paragraph = ""
        pending = flowed
    if pending:
        out.append(_render(quotes, paragraph.rstrip(" ")))
    return "\n".join(out)


def _split_line(line: str) -> tuple[str, str]:
    """Split ``line`` into its quote marks and its space-unstuffed content."""
    match = _QUOTES.match(line)
    quotes = match.group(0) if match else ""
    content = line[len(quotes) :]
    return quotes, content[1:] if content.startswith(" ") else content


def _render(quotes: str, content: str) -> str:
    """Join quote marks and content, with one space between when both exist."""
    return f"{quotes} {content}" if quotes and content else quotes + content

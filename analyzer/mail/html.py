"""HTML to readable plain text, and the reader for ``.html``/``.htm`` files.

Uses html2text configured for plain text: link targets and images are
dropped, nothing is wrapped, headings lose their ``#`` marks, layout and
data tables become lines of cells, and the Markdown escapes html2text adds
(``1\\.``, ``\\--``) are undone. Block quotes keep their ``> `` markers so the
reply-stripping step can still see what was quoted.
"""

from __future__ import annotations

import html as html_entities
import os
import re

import html2text

from analyzer.errors import InputError
from analyzer.mail._common import build_message, reason_of
from analyzer.mail.charset import decode_with_charset
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.textio import Decoded, decode_bytes, read_file_bytes

_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_CELLS = frozenset({"td", "th"})
_MD_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!])")
_MANY_BLANK_LINES = re.compile(r"\n{3,}")
_META_CHARSET = re.compile(rb"""<meta[^>]*?charset\s*=\s*["']?\s*([A-Za-z0-9._:-]+)""", re.I)
_TITLE = re.compile(r"<title[^>]*>(.*?)</title\s*>", re.I | re.S)
_SNIFF_BYTES = 4096


class _PlainTextConverter(html2text.HTML2Text):
    """html2text tuned to give plain, readable text rather than Markdown."""

    def __init__(self) -> None:
        """Configure the converter: no links, images, emphasis nor wrapping."""
        super().__init__(bodywidth=0)
        self.ignore_links = True
        self.ignore_images = True
        self.ignore_emphasis = True
        self.ignore_tables = True
        self.unicode_snob = True
        self.ul_item_mark = "-"

    def handle_tag(self, tag: str, attrs: dict[str, str | None], start: bool) -> None:
        """Render headings and rules as paragraph breaks, separate table cells."""
        if tag in _HEADINGS or tag == "hr":
            self.p()
            return
        super().handle_tag(tag, attrs, start)
        if tag in _CELLS and not start:
            self.o("  ")


def html_to_text(html: str) -> str:
    """Convert an HTML document or fragment to readable plain text."""
    markdown = _PlainTextConverter().handle(html)
    text = _MD_ESCAPE.sub(r"\1", markdown).replace("\xa0", " ")
    lines = [line.rstrip() for line in text.splitlines()]
    return _MANY_BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


def decode_html_bytes(data: bytes) -> Decoded:
    """Decode HTML bytes, honouring a ``<meta charset>`` declaration.

    Raises:
        InputError: no charset is declared and the data looks binary.
    """
    match = _META_CHARSET.search(data[:_SNIFF_BYTES])
    if match is None:
        return decode_bytes(data)
    return decode_with_charset(data, match.group(1).decode("ascii"))


def html_title(html: str) -> str | None:
    """Return the text of the document's ``<title>``, or ``None``."""
    match = _TITLE.search(html)
    if match is None:
        return None
    title = " ".join(html_entities.unescape(match.group(1)).split())
    return title or None


def read_html(path: str | os.PathLike[str]) -> Message | ReadError:
    """Read an ``.html``/``.htm`` file as one message."""
    name = os.fspath(path)
    origin = Origin(name)
    try:
        decoded = decode_html_bytes(read_file_bytes(path))
    except InputError as exc:
        return ReadError(origin, reason_of(exc, name))
    return build_message(
        html_to_text(decoded.text), origin, notes=[decoded.note], subject=html_title(decoded.text)
    )

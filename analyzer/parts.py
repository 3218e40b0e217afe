"""Where a message's text came from: its body, an attached letter, or a document file.

A message read from more than one source (an email body and the PDF letter attached to it) is
analyzed as one text; each :class:`Part` says which stretch of that text came from where, in the
same character offsets as the report's findings.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

#: Part kinds: the message's own body, a file attached to it, or a document read as a file.
BODY, ATTACHMENT, FILE = "body", "attachment", "file"
#: How each format is named in notes.
FORMAT_NAMES: Mapping[str, str] = MappingProxyType(
    {"text": "text", "html": "HTML", "pdf": "PDF", "docx": "Word document"}
)
#: Between the texts of two parts.
SEPARATOR = "\n\n"


@dataclass(frozen=True)
class Part:
    """``text[start:end]`` came from this part: the ``kind`` of part, its ``format`` and, for
    attachments and files, its file ``name``."""

    kind: str
    format: str
    start: int
    end: int
    name: str | None = None

    def to_dict(self, *, offsets: bool = True) -> dict[str, Any]:
        """JSON-ready data: part, format, name and (with ``offsets``) start and end."""
        data: dict[str, Any] = {"part": self.kind, "format": self.format, "name": self.name}
        if offsets:
            data.update(start=self.start, end=self.end)
        return data

    def describe(self) -> str:
        """Say where the part came from, in a few words."""
        fmt = FORMAT_NAMES.get(self.format, self.format)
        if self.kind == BODY:
            return "the message body" if self.format == "text" else f"the message body ({fmt})"
        if self.kind == ATTACHMENT:
            return f"the attached {fmt} {self.name or '(unnamed)'}"
        return f"the {fmt} {self.name or '(unnamed)'}"


@dataclass(frozen=True)
class Piece:
    """A part's text before the parts are joined into one message text."""

    kind: str
    format: str
    text: str
    name: str | None = None


def join_pieces(pieces: Sequence[Piece]) -> tuple[str, tuple[Part, ...]]:
    """Join the pieces' texts with :data:`SEPARATOR`; return the text and where each part is."""
    chunks: list[str] = []
    parts: list[Part] = []
    offset = 0
    for piece in pieces:
        if chunks:
            chunks.append(SEPARATOR)
            offset += len(SEPARATOR)
        chunks.append(piece.text)
        parts.append(Part(piece.kind, piece.format, offset, offset + len(piece.text), piece.name))
        offset += len(piece.text)
    return "".join(chunks), tuple(parts)


def clip_parts(parts: Iterable[Part], length: int) -> tuple[Part, ...]:
    """The parts that still start within a text cut to ``length`` characters, cut there too."""
    return tuple(
        Part(p.kind, p.format, p.start, min(p.end, length), p.name)
        for p in parts
        if p.start < length
    )


def parts_note(parts: Sequence[Part]) -> str | None:
    """One sentence saying which parts the text came from, in order (``None`` when nothing to
    say); the offsets are in the report's ``parts``."""
    if not parts:
        return None
    places = [p.describe() for p in parts]
    if len(places) == 1:
        return f"text read from {places[0]}"
    return f"text read from {', '.join(places[:-1])}, then {places[-1]}"

"""Plain data types produced by the mail readers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from analyzer.parts import Part


@dataclass(frozen=True)
class Origin:
    """Where a message came from: a file, and its position inside an mbox.

    ``index`` is the 0-based position of the message inside an mbox file,
    ``None`` for single-message files.
    """

    path: str
    index: int | None = None

    def __str__(self) -> str:
        """Return ``path`` or ``path#index`` for display."""
        return self.path if self.index is None else f"{self.path}#{self.index}"


@dataclass(frozen=True)
class Message:
    """One message's text and what is known about it.

    ``text`` is the readable body (newlines normalised to ``\\n``), quoted
    replies and signatures included. ``note`` tells the user about anything
    worth knowing (a guessed encoding, a truncation, an HTML-only body). ``parts`` says where
    each stretch of ``text`` came from when it is not just the message body (an attached
    letter, a PDF or Word file); empty otherwise.
    """

    text: str
    origin: Origin
    sender: str | None = None
    subject: str | None = None
    date: datetime | None = None
    message_id: str | None = None
    note: str | None = None
    parts: tuple[Part, ...] = ()


@dataclass(frozen=True)
class ReadError:
    """A file, or a message inside one, that could not be read, and why."""

    origin: Origin
    reason: str

    def __str__(self) -> str:
        """Return ``origin: reason`` on one line."""
        return f"{self.origin}: {self.reason}"

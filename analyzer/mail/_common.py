"""Helpers shared by the mail readers: text clean-up and result building."""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime

from analyzer.errors import InputError
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.parts import Part, clip_parts
from analyzer.textio import clip_text, scrub_surrogates

_LEADING_BLANK_LINES = re.compile(r"\A(?:[ \t]*\n)+")


def normalize_text(text: str) -> str:
    """Use ``\\n`` newlines, drop leading blank lines and trailing whitespace."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\x00", "")
    return _LEADING_BLANK_LINES.sub("", text).rstrip()


def join_notes(notes: Iterable[str | None]) -> str | None:
    """Join the non-empty ``notes`` with ``"; "``, or return ``None``."""
    kept = [note for note in notes if note]
    return "; ".join(kept) if kept else None


def reason_of(exc: InputError, path: str) -> str:
    """Return the message of ``exc`` without its leading ``"path: "``."""
    message = str(exc)
    prefix = f"{path}: "
    return message[len(prefix) :] if message.startswith(prefix) else message


def build_message(
    text: str,
    origin: Origin,
    *,
    notes: Iterable[str | None] = (),
    sender: str | None = None,
    subject: str | None = None,
    date: datetime | None = None,
    message_id: str | None = None,
    parts: tuple[Part, ...] = (),
) -> Message | ReadError:
    """Clean ``text`` and wrap it in a :class:`Message`.

    Returns a :class:`ReadError` instead when no text is left. ``parts`` must already be
    offsets into normalized text (see :func:`analyzer.parts.join_pieces`).
    """
    cleaned, scrub_note = scrub_surrogates(normalize_text(text))
    if not cleaned:
        return ReadError(origin, "message has no text")
    clipped, clip_note = clip_text(cleaned)
    return Message(
        text=clipped,
        origin=origin,
        sender=_scrubbed(sender),
        subject=_scrubbed(subject),
        date=date,
        message_id=_scrubbed(message_id),
        note=join_notes([*notes, scrub_note, clip_note]),
        parts=clip_parts(parts, len(clipped)),
    )


def _scrubbed(header: str | None) -> str | None:
    return None if header is None else scrub_surrogates(header)[0]

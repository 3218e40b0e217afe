"""Reader for Outlook ``.msg`` files, using extract-msg."""

from __future__ import annotations

import os
from datetime import datetime, timezone
from typing import Any

from analyzer.errors import InputError
from analyzer.mail._common import build_message, join_notes
from analyzer.mail.eml import MAX_EMAIL_BYTES
from analyzer.mail.html import decode_html_bytes, html_to_text
from analyzer.mail.letter import Letters, attached_letter, with_attachments
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.parts import BODY, Piece


def read_msg(path: str | os.PathLike[str]) -> Message | ReadError:
    """Read the Outlook ``.msg`` file at ``path`` as one message."""
    name = os.fspath(path)
    origin = Origin(name)
    problem = _check_file(name)
    if problem is not None:
        return ReadError(origin, problem)
    import extract_msg  # about 0.1 s to import: only when a .msg file is read

    try:
        outlook = extract_msg.openMsg(name)
    except Exception as exc:  # deliberately broad: extract-msg raises many kinds
        return ReadError(origin, f"not a readable Outlook .msg file ({_short(exc)})")
    try:
        return _to_message(outlook, origin)
    except Exception as exc:  # deliberately broad: lazy properties parse on access
        return ReadError(origin, f"cannot read the Outlook message ({_short(exc)})")
    finally:
        outlook.close()


def _to_message(outlook: Any, origin: Origin) -> Message | ReadError:
    """Build a :class:`Message` from an opened extract-msg object, with the letters attached
    to it as PDF, Word or text files."""
    body = _body(outlook)
    letters = Letters.of(map(_attached, _attachments(outlook)))
    if body is None and not letters.pieces:
        reason = "Outlook message has no text or HTML body"
        return ReadError(origin, join_notes([reason, *letters.notes]) or reason)
    piece, notes = body if body is not None else (None, [])
    text, parts = with_attachments(piece, letters)
    return build_message(
        text,
        origin,
        notes=[*notes, *letters.notes],
        parts=parts,
        sender=_clean(getattr(outlook, "sender", None)),
        subject=_clean(getattr(outlook, "subject", None)),
        date=_aware(getattr(outlook, "date", None)),
        message_id=_clean(getattr(outlook, "messageId", None)),
    )


def _attachments(outlook: Any) -> list[Any]:
    """The message's attachments; none when they cannot be listed (a damaged file's body is
    still worth reading)."""
    try:
        return list(getattr(outlook, "attachments", None) or ())
    except Exception:  # deliberately broad: extract-msg parses attachments on access
        return []


def _attached(attachment: Any) -> Piece | str | None:
    """The letter in one attachment (see :func:`attached_letter`); embedded messages and
    attachments without data (or whose data cannot be read) are not letters."""
    try:
        data = getattr(attachment, "data", None)
    except Exception:  # deliberately broad: extract-msg reads the data on access
        return None
    if not isinstance(data, bytes) or not data:
        return None
    filename = next(
        (
            name
            for key in ("longFilename", "shortFilename", "name")
            if isinstance(name := getattr(attachment, key, None), str) and name.strip()
        ),
        None,
    )
    is_text = getattr(attachment, "mimetype", None) == "text/plain"
    return attached_letter(_clean(filename), data, is_text=is_text)


def _body(outlook: Any) -> tuple[Piece, list[str | None]] | None:
    """Return the plain body, else the HTML body as text, with notes."""
    plain = getattr(outlook, "body", None)
    if isinstance(plain, str) and plain.strip():
        return Piece(BODY, "text", plain), []
    html = getattr(outlook, "htmlBody", None)
    if isinstance(html, bytes) and html.strip():
        try:
            decoded = decode_html_bytes(html)
        except InputError:
            return None
        text = html_to_text(decoded.text)
        if text.strip():
            return Piece(BODY, "html", text), [decoded.note, "converted from HTML"]
    return None
    return None


def _check_file(name: str) -> str | None:
    """Return why ``name`` cannot be read, or ``None``."""
    try:
        size = os.stat(name).st_size
    except FileNotFoundError:
        return "file not found"
    except OSError as exc:
        return f"cannot read file ({exc.strerror or exc})"
    if os.path.isdir(name):
        return "is a directory, not a file"
    if size == 0:
        return "file is empty"
    if size > MAX_EMAIL_BYTES:
        return f"file is larger than the {MAX_EMAIL_BYTES:,}-byte limit"
    if not os.access(name, os.R_OK):
        return "permission denied"
    return None


def _clean(value: object) -> str | None:
    """Return ``value`` as a one-line string, ``None`` when empty or absent."""
    if not isinstance(value, str):
        return None
    return " ".join(value.split()) or None


def _aware(value: object) -> datetime | None:
    """Return ``value`` if it is a datetime, made timezone-aware (UTC if naive)."""
    if not isinstance(value, datetime):
        return None
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _short(exc: Exception) -> str:
    """Describe ``exc`` on one short line."""
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

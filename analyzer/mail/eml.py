"""Reader for single saved emails (``.eml``), also used for mbox entries."""

from __future__ import annotations

import email.policy
import functools
import os
import re
from datetime import datetime
from email import errors as email_errors
from email.headerregistry import BaseHeader, HeaderRegistry
from email.message import EmailMessage
from email.parser import BytesParser
from types import MappingProxyType
from typing import NamedTuple

from analyzer.errors import InputError
from analyzer.mail._common import build_message, join_notes, reason_of
from analyzer.mail.charset import decode_with_charset
from analyzer.mail.dates import parse_date
from analyzer.mail.flowed import unflow
from analyzer.mail.html import html_to_text
from analyzer.mail.letter import Letters, attached_letter, with_attachments
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.parts import BODY, Piece
from analyzer.textio import Decoded, read_file_bytes

#: Largest ``.eml``/``.msg`` file accepted: 50 MiB. Emails carry attachments,
#: so the limit is looser than the one for plain text files.
MAX_EMAIL_BYTES = 50 * 1024 * 1024

_STRUCTURAL_DEFECTS = (
    email_errors.StartBoundaryNotFoundDefect,
    email_errors.CloseBoundaryNotFoundDefect,
    email_errors.NoBoundaryInMultipartDefect,
    email_errors.MultipartInvariantViolationDefect,
    email_errors.MissingHeaderBodySeparatorDefect,
    email_errors.FirstHeaderLineIsContinuationDefect,
    email_errors.InvalidBase64PaddingDefect,
    email_errors.InvalidBase64CharactersDefect,
    email_errors.InvalidBase64LengthDefect,
)


class _MemoHeaders(HeaderRegistry):
    """The email package's header registry, with parsed headers kept by name and raw value
    and one header class per name.

    Parsing a header with the modern policy is the slowest step of reading an email, and a
    mailbox repeats the same headers (``Content-Type``, the sender of a form letter) across
    thousands of messages. Parsed headers are immutable, so one object serves every repeat.
    """

    def __init__(self) -> None:
        super().__init__()
        self._classes: dict[str, type[BaseHeader]] = {}

    def __getitem__(self, name: str) -> type[BaseHeader]:
        # The base class builds a new class on every call; one per header name is enough.
        key = name.lower()
        found = self._classes.get(key)
        if found is None:
            found = self._classes[key] = super().__getitem__(name)
        return found

    def map_to_type(self, name: str, cls: type[BaseHeader]) -> None:
        super().map_to_type(name, cls)
        self._classes.pop(name.lower(), None)

    def __call__(self, name: str, value: str) -> BaseHeader:
        return _parsed_header(self, name, value)


@functools.lru_cache(maxsize=4096)
def _parsed_header(registry: HeaderRegistry, name: str, value: str) -> BaseHeader:
    return HeaderRegistry.__call__(registry, name, value)


#: The default policy, reading headers through :class:`_MemoHeaders`.
POLICY = email.policy.default.clone(header_factory=_MemoHeaders())


#: Headers whose decoded text is their raw text when the raw text has this form (plain ASCII,
#: no encoded words; a well-formed id): reading them so skips the email package's parser, the
#: slowest step of reading a mailbox.
_PLAIN = re.compile(r"[\x20-\x7e\t\r\n]*\Z")
_VERBATIM = MappingProxyType(
    {
        "subject": _PLAIN,
        # a Date header reads as a reformatted date; :func:`header_date` parses either alike
        "date": _PLAIN,
        "message-id": re.compile(r"\s*<[\w.!#$%&'*+/=?^`{|}~-]+@[\w.-]+>\s*\Z", re.ASCII),
    }
)


def read_eml(path: str | os.PathLike[str]) -> Message | ReadError:
    """Read the ``.eml`` file at ``path`` as one message."""
    name = os.fspath(path)
    try:
        data = read_file_bytes(path, max_bytes=MAX_EMAIL_BYTES)
    except InputError as exc:
        return ReadError(Origin(name), reason_of(exc, name))
    return parse_email_bytes(data, Origin(name))


def parse_email_bytes(data: bytes, origin: Origin) -> Message | ReadError:
    """Parse raw RFC 5322 bytes into a :class:`Message`."""
    if b"\x00" in data[:4096]:
        return ReadError(origin, "looks like a binary file, not an email")
    parsed = BytesParser(policy=POLICY).parsebytes(data)
    if not isinstance(parsed, EmailMessage):  # the default policy always makes one
        return ReadError(origin, "could not parse the email")
    return message_from_email(parsed, origin)


def message_from_email(parsed: EmailMessage, origin: Origin) -> Message | ReadError:
    """Turn a parsed email into a :class:`Message`, or say why it has no text.

    Letters attached as PDF, Word or text files are read with the body (see
    :func:`~analyzer.mail.attachments.with_attachments`).
    """
    body = _body_text(parsed)
    letters = _attached_letters(parsed) if parsed.is_multipart() else Letters()
    if isinstance(body, str) and not letters.pieces:
        return ReadError(origin, join_notes([body, *letters.notes]) or body)
    notes: list[str | None] = [] if isinstance(body, str) else body.notes
    text, parts = with_attachments(None if isinstance(body, str) else body.piece, letters)
    notes += letters.notes
    if _is_damaged(parsed):
        notes.append("the email is malformed; its text may be incomplete")
    return build_message(
        text,
        origin,
        notes=notes,
        parts=parts,
        sender=header_text(parsed, "From"),
        subject=header_text(parsed, "Subject"),
        date=header_date(parsed),
        message_id=header_text(parsed, "Message-ID"),
    )


def header_text(parsed: EmailMessage, name: str) -> str | None:
    """Return the decoded header ``name`` on one line, or ``None``."""
    plain = _VERBATIM.get(name.lower())
    if plain is not None:
        raw = next((v for k, v in parsed.raw_items() if k.lower() == name.lower()), None)
        if raw is not None and "=?" not in raw and plain.match(raw):
            return " ".join(raw.split()) or None
    try:
        value = parsed.get(name)
        text = None if value is None else " ".join(str(value).split())
    except Exception:  # deliberately broad: the email package can fail on odd headers
        return None
    return text or None


def header_date(parsed: EmailMessage) -> datetime | None:
    """Return the ``Date`` header as an aware datetime, ``None`` if unparsable (see
    :func:`~analyzer.mail.dates.parse_date` for the forms read besides RFC 5322)."""
    return parse_date(header_text(parsed, "Date"))


def _body_text(parsed: EmailMessage) -> Body | str:
    """Return the body as text plus notes (text/plain first, then HTML).

    Returns the reason as a string when there is no usable body.
    """
    found_empty = False
    for kind in ("plain", "html"):
        part = _find_part(parsed, kind)
        if part is None:
            continue
        decoded = _decode_part(part)
        text = _plain_text(part, decoded.text) if kind == "plain" else html_to_text(decoded.text)
        if text.strip():
            notes = [decoded.note, "converted from HTML" if kind == "html" else None]
            return Body(Piece(BODY, "text" if kind == "plain" else "html", text), notes)
        found_empty = True
    if found_empty:
        return "email body is empty"
    if not _looks_like_email(parsed):
        return "does not look like an email (no headers, no text part)"
    return "email has no text part (only attachments or other content)"


def _attached_letters(parsed: EmailMessage) -> Letters:
    """The letters attached to ``parsed`` as PDF, Word or text files."""
    body_parts = [_find_part(parsed, kind) for kind in ("plain", "html")]
    found: list[Piece | str | None] = []
    for part in parsed.walk():
        if part.is_multipart() or any(part is body for body in body_parts):
            continue
        filename = _filename(part)
        if filename is None and part.get_content_disposition() != "attachment":
            continue
        payload = part.get_payload(decode=True)
        if isinstance(payload, bytes) and payload:
            is_text = part.get_content_type() == "text/plain"
            charset = _type_params(part).charset if is_text else None
            found.append(attached_letter(filename, payload, is_text=is_text, charset=charset))
    return Letters.of(found)


def _filename(part: EmailMessage) -> str | None:
    try:
        name = part.get_filename()
    except Exception:  # deliberately broad: malformed Content-Disposition parameters
        return None
    return (" ".join(name.split()) or None) if isinstance(name, str) else None


def _is_damaged(parsed: EmailMessage) -> bool:
    """Tell whether the MIME structure is broken (truncated, bad boundaries...)."""
    return any(
        isinstance(defect, _STRUCTURAL_DEFECTS) for part in parsed.walk() for defect in part.defects
    )


def _find_part(parsed: EmailMessage, kind: str) -> EmailMessage | None:
    """Find the body part of subtype ``kind``, ignoring attachments."""
    try:
        part = parsed.get_body(preferencelist=(kind,))
    except Exception:  # deliberately broad: broken MIME trees can upset get_body
        return None
    return part if isinstance(part, EmailMessage) else None


def _decode_part(part: EmailMessage) -> Decoded:
    """Decode a text part's transfer encoding and charset."""
    payload = part.get_payload(decode=True)
    if isinstance(payload, bytes):
        return decode_with_charset(payload, _type_params(part).charset)
    raw = part.get_payload()
    return Decoded(raw if isinstance(raw, str) else "", "utf-8")


def _plain_text(part: EmailMessage, text: str) -> str:
    """Return ``text`` of a text/plain ``part``, unwrapped if ``format=flowed``."""
    params = _type_params(part)
    if params.format != "flowed":
        return text
    return unflow(text.replace("\r\n", "\n"), delsp=params.delsp == "yes")


class Body(NamedTuple):
    """The message body and the notes on reading it."""

    piece: Piece
    notes: list[str | None]


class _TypeParams(NamedTuple):
    charset: str | None
    format: str | None
    delsp: str | None


def _type_params(part: EmailMessage) -> _TypeParams:
    """The Content-Type parameters the reader needs (charset lower-cased by the email package,
    ``format`` and ``delsp`` lower-cased here)."""
    raw = next((v for k, v in part.raw_items() if k.lower() == "content-type"), None)
    return _params_of(raw)


@functools.lru_cache(maxsize=1024)
def _params_of(raw: str | None) -> _TypeParams:
    """:func:`_type_params` for a raw Content-Type value: read once per distinct value, as a
    mailbox repeats the same few (``text/plain; charset=utf-8``)."""
    probe = EmailMessage(policy=POLICY)
    if raw is not None:
        probe.set_raw("Content-Type", raw)
    return _TypeParams(_charset(probe), _param(probe, "format"), _param(probe, "delsp"))


def _param(part: EmailMessage, name: str) -> str | None:
    """Return the lower-cased Content-Type parameter ``name``, or ``None``."""
    try:
        value = part.get_param(name)
    except Exception:  # deliberately broad: malformed Content-Type parameters
        return None
    return value.strip().lower() if isinstance(value, str) else None


def _charset(part: EmailMessage) -> str | None:
    """Return the declared charset of ``part``, ``None`` if absent or broken."""
    try:
        return part.get_content_charset()
    except Exception:  # deliberately broad: malformed Content-Type parameters
        return None


def _looks_like_email(parsed: EmailMessage) -> bool:
    """Tell whether ``parsed`` has any of the headers every email has."""
    return any(header_text(parsed, name) for name in ("From", "Subject", "Date", "Message-ID"))

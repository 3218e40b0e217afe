"""Letters as files and as attachments: PDF and Word documents, told apart by their content.

:func:`read_letter` reads one file whatever its name says it is: a PDF or Word document by its
text, a known non-text format (an image, an archive) refused, anything else decoded as text.
:func:`attached_letter` does the same for an email's attachment.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass

from analyzer.documents import (
    DOCUMENT_FORMATS,
    HEAD_BYTES,
    MAX_DOCUMENT_BYTES,
    OLE,
    PDF,
    ZIP,
    extract,
    refusal,
    sniff,
    sniff_file,
)
from analyzer.errors import InputError, NotALetterError
from analyzer.mail._common import build_message, normalize_text, reason_of
from analyzer.mail.charset import decode_with_charset
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.mail.text import read_text
from analyzer.parts import ATTACHMENT, FILE, Part, Piece, join_pieces
from analyzer.textio import read_file_bytes

#: Attachments with these names are read as text (when their content is text).
TEXT_ATTACHMENT_SUFFIXES = (".txt",)


def read_by_content(path: str | os.PathLike[str], *, suffix: str) -> Message | ReadError | None:
    """Read ``path`` by its content when that is a PDF, a Word document or a refused format;
    ``None`` when the content is text-like, or an Outlook file named ``.msg`` (``suffix``),
    and the reader for the file's extension should read it."""
    kind = sniff_file(path)
    if kind is None or (kind == OLE and suffix == ".msg"):
        return None
    return read_letter(path)


def read_letter(path: str | os.PathLike[str]) -> Message | ReadError:
    """Read the PDF, Word or text file at ``path`` as one message, by its content."""
    name = os.fspath(path)
    kind = sniff_file(name)
    if kind is None:
        return read_text(name)
    origin = Origin(name)
    if kind not in DOCUMENT_FORMATS:
        return ReadError(origin, refusal(kind))
    try:
        data = read_file_bytes(name, max_bytes=MAX_DOCUMENT_BYTES)
    except InputError as exc:
        return ReadError(origin, reason_of(exc, name))
    return document_message(data, origin, name=os.path.basename(name))


def document_message(data: bytes, origin: Origin, *, name: str) -> Message | ReadError:
    """The message in the PDF or Word document ``data`` (a file called ``name``), or why
    there is none."""
    try:
        document = extract(data)
    except InputError as exc:
        return ReadError(origin, str(exc))
    text, parts = join_pieces([Piece(FILE, document.format, normalize_text(document.text), name)])
    return build_message(text, origin, notes=[document.note], parts=parts)


def attached_letter(
    filename: str | None, data: bytes, *, is_text: bool, charset: str | None = None
) -> Piece | str | None:
    """The letter in an attachment: a :class:`Piece` when read, a note saying why a PDF or
    Word attachment could not be read, ``None`` for anything that is not a letter (an image,
    a calendar invitation...). ``is_text`` tells whether the sender declared it plain text."""
    name = filename or "(unnamed)"
    kind = sniff(data[:HEAD_BYTES])
    if kind in (PDF, ZIP):
        try:
            document = extract(data)
        except NotALetterError:
            return None
        except InputError as exc:
            return f"{name} not read: {exc}"
        return Piece(ATTACHMENT, document.format, normalize_text(document.text), filename)
    if kind is not None or not _is_text_attachment(filename, is_text):
        return None
    try:
        decoded = decode_with_charset(data, charset)
    except InputError:
        return None
    text = normalize_text(decoded.text)
    return Piece(ATTACHMENT, "text", text, filename) if text else None


def _is_text_attachment(filename: str | None, is_text: bool) -> bool:
    return is_text or (filename or "").lower().endswith(TEXT_ATTACHMENT_SUFFIXES)


@dataclass(frozen=True)
class Letters:
    """The letters read from a message's attachments, and notes on those that could not be."""

    pieces: tuple[Piece, ...] = ()
    notes: tuple[str, ...] = ()

    @classmethod
    def of(cls, found: Iterable[Piece | str | None]) -> Letters:
        """Gather what :func:`attached_letter` returned for each attachment."""
        results = list(found)
        return cls(
            tuple(r for r in results if isinstance(r, Piece)),
            tuple(r for r in results if isinstance(r, str)),
        )


def with_attachments(body: Piece | None, letters: Letters) -> tuple[str, tuple[Part, ...]]:
    """The message's text: each attached letter, then the body, and where each part is.

    The letters come first: the analysis sets aside what follows a sign-off (a signature, a
    quoted thread), and the body is mostly a covering note ("please find attached") whose
    sign-off would hide the letter, where the decision is. With no letter read, the text is
    the body as it is, with no parts. ``body`` may be ``None`` only when there are letters.
    """
    if not letters.pieces:
        return (body.text if body else ""), ()
    pieces = list(letters.pieces)
    if body is not None:
        cleaned = normalize_text(body.text)
        pieces = [*pieces, Piece(body.kind, body.format, cleaned)] if cleaned else pieces
    return join_pieces(pieces)

"""Letters saved as documents: telling formats apart by their first bytes, and the text of PDF
and Word (``.docx``) files.

A file's format is read from its content, never from its name: a PDF named ``.txt`` is read as
a PDF, and an image named ``.pdf`` is refused. pypdf and python-docx are imported only when such
a file is read, so that a plain text analysis does not load them. Everything here returns text
or raises :class:`~analyzer.errors.InputError` with a one-line reason; nothing is printed.
"""

from __future__ import annotations

import contextlib
import io
import os
import warnings
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Any

from analyzer.errors import InputError, NotALetterError
from analyzer.textio import MAX_MESSAGE_CHARS

#: Largest PDF or Word file accepted: 50 MiB (letterheads, logos and fonts make them larger
#: than the text they carry).
MAX_DOCUMENT_BYTES = 50 * 1024 * 1024
#: Bytes of a file's start that :func:`sniff` looks at.
HEAD_BYTES = 1024

#: Formats recognised by their content.
PDF, ZIP, OLE = "pdf", "zip", "ole"
#: The formats that can hold a readable letter.
DOCUMENT_FORMATS = frozenset({PDF, ZIP})

# First bytes of each format; a PDF may have a little junk before its header (see _is_pdf).
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"PK\x03\x04", ZIP),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLE),
    (b"\x89PNG\r\n\x1a\n", "png"),
    (b"\xff\xd8\xff", "jpeg"),
    (b"GIF87a", "gif"),
    (b"GIF89a", "gif"),
    (b"II*\x00", "tiff"),
    (b"MM\x00*", "tiff"),
    (b"\x1f\x8b", "gzip"),
    (b"7z\xbc\xaf\x27\x1c", "7z"),
    (b"Rar!\x1a\x07", "rar"),
    (b"{\\rtf", "rtf"),
    (b"%!PS", "postscript"),
    (b"\x7fELF", "program"),
)
_WHAT: Mapping[str, str] = MappingProxyType(
    {
        OLE: "a Microsoft Office binary file (an old .doc or .xls, a password-protected "
        "Office document, or an Outlook message not named .msg)",
        "png": "a PNG image",
        "jpeg": "a JPEG image",
        "gif": "a GIF image",
        "tiff": "a TIFF image",
        "gzip": "a gzip archive",
        "7z": "a 7-Zip archive",
        "rar": "a RAR archive",
        "rtf": "an RTF document",
        "postscript": "a PostScript file",
        "program": "a program",
    }
)
_ADVICE = "save the letter as PDF (with its text), .docx or .txt"
_PDF_HEADER = b"%PDF-"
_DOCX_BODY = "word/document.xml"
# What the ZIP-based formats that are not Word documents hold, to name them in the error.
_ZIP_KINDS = (
    ("xl/", "an Excel workbook"),
    ("ppt/", "a PowerPoint presentation"),
    ("content.xml", "an OpenDocument file"),
)


@dataclass(frozen=True)
class Document:
    """The text of a PDF or Word file: ``format`` is ``"pdf"`` or ``"docx"``; ``note`` tells
    the user what was read (e.g. the number of pages)."""

    text: str
    format: str
    note: str | None = None


def sniff(head: bytes) -> str | None:
    """Name the format of data starting with ``head``: ``"pdf"``, ``"zip"``, ``"ole"``, a
    known non-text format (``"png"``, ``"jpeg"``...), or ``None`` for anything else (text, or
    binary that the text decoder will refuse)."""
    if _is_pdf(head):
        return PDF
    return next((kind for magic, kind in _SIGNATURES if head.startswith(magic)), None)


def sniff_file(path: str | os.PathLike[str]) -> str | None:
    """:func:`sniff` the start of the file at ``path``; ``None`` when it cannot be read (the
    reader that follows says why)."""
    try:
        with open(path, "rb") as handle:
            return sniff(handle.read(HEAD_BYTES))
    except OSError:
        return None


def refusal(kind: str, *, what: str | None = None) -> str:
    """The one-line reason a file of format ``kind`` (or described as ``what``) is not read."""
    what = what or _WHAT.get(kind, "a binary file")
    return f"not a letter: looks like {what}; {_ADVICE}"


def extract(data: bytes) -> Document:
    """The text of the PDF or Word document ``data``.

    Raises:
        NotALetterError: a format that holds no letter (an image, an archive...).
        InputError: a PDF without a text layer (a scan), a password-protected
            or damaged file.
    """
    kind = sniff(data[:HEAD_BYTES])
    if kind == PDF:
        return _pdf_text(data)
    if kind == ZIP:
        return _docx_text(data)
    raise NotALetterError(refusal(kind) if kind else "not a PDF or Word document")


def _is_pdf(head: bytes) -> bool:
    """PDF readers accept a header anywhere in the first kilobyte; only blank space or NULs
    are accepted before it here, so that a text mentioning the header stays text."""
    return head.lstrip(b"\x00\t\n\r\f ").startswith(_PDF_HEADER)


# -- PDF ----------------------------------------------------------------------------------
def _pdf_text(data: bytes) -> Document:
    """Read the text layer of every page, up to the longest message the analyzer reads."""
    from pypdf import PdfReader  # only when a PDF is read

    try:
        with _quiet_pypdf():
            reader = PdfReader(io.BytesIO(data))
            _unlock(reader)
            pages = len(reader.pages)
            text = _pages_text(reader)
    except InputError:
        raise
    except Exception as exc:  # deliberately broad: pypdf raises many kinds on damaged files
        raise InputError(f"not a readable PDF ({_short(exc)})") from None
    if not text.strip():
        raise InputError(
            "the PDF has no text layer (a scanned image?); this tool does not read images: "
            "use a PDF with selectable text, or copy the text into a .txt file"
        )
    return Document(text, PDF, f"read the text layer of the PDF ({pages} page{'s' * (pages != 1)})")


def _unlock(reader: Any) -> None:
    """Open an encrypted PDF that needs no password to read (a permissions-only lock)."""
    if not reader.is_encrypted:
        return
    try:
        opened = reader.decrypt("")
    except Exception as exc:  # e.g. an AES cipher without a crypto library
        raise InputError(f"the PDF is encrypted and cannot be opened ({_short(exc)})") from None
    if not opened:
        raise InputError("the PDF is password-protected; save an unprotected copy to read it")


def _pages_text(reader: Any) -> str:
    texts: list[str] = []
    length = 0
    for page in reader.pages:
        text = (page.extract_text() or "").strip()
        if text:
            texts.append(text)
            length += len(text)
        if length > MAX_MESSAGE_CHARS:
            break
    return "\n\n".join(texts)


@contextlib.contextmanager
def _quiet_pypdf() -> Iterator[None]:
    """Silence pypdf's warnings about odd but readable files while it works."""
    import logging

    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)


# -- Word ---------------------------------------------------------------------------------
def _docx_text(data: bytes) -> Document:
    """Read the paragraphs and table cells of a Word document, in order."""
    import zipfile  # like the readers below, only when such a file is read

    try:
        names = zipfile.ZipFile(io.BytesIO(data)).namelist()
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise InputError(f"not a readable ZIP or Word file ({_short(exc)})") from None
    if _DOCX_BODY not in names:
        what = next((w for start, w in _ZIP_KINDS if any(n.startswith(start) for n in names)), None)
        raise NotALetterError(refusal(ZIP, what=what or "a ZIP archive"))
    import docx  # only when a Word document is read

    try:
        document = docx.Document(io.BytesIO(data))
        text = "\n".join(_block_lines(document))
    except Exception as exc:  # deliberately broad: python-docx and lxml raise many kinds
        raise InputError(f"not a readable Word document ({_short(exc)})") from None
    if not text.strip():
        raise InputError("the Word document has no text")
    return Document(text, "docx", "read the text of a Word document")


def _block_lines(document: Any) -> list[str]:
    """The document's paragraphs, and each table row as its cells joined by two spaces."""
    lines: list[str] = []
    for block in document.iter_inner_content():
        rows = getattr(block, "rows", None)
        if rows is None:
            lines.append(block.text)
            continue
        for row in rows:
            cells = [" ".join(cell.text.split()) for cell in row.cells]
            lines.append("  ".join(cell for cell in cells if cell))
    return lines


def _short(exc: Exception) -> str:
    """Describe ``exc`` on one short line."""
    text = " ".join(str(exc).split())[:120]
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__

"""Telling formats apart by content, and reading the text of PDF and Word files."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.documents import OLE, PDF, ZIP, extract, sniff
from analyzer.errors import InputError, NotALetterError
from analyzer.parts import ATTACHMENT, BODY, Piece, join_pieces, parts_note

from .builders import PNG_HEAD, docx_file, encrypted_pdf
from .conftest import LETTER


def _zip(*names: str) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        for name in names:
            archive.writestr(name, "<x/>")
    return out.getvalue()


SNIFF_CASES = [
    ("pdf", b"%PDF-1.7\n%binary", PDF),
    ("pdf-after-blank", b"\r\n  %PDF-1.4\n", PDF),
    ("zip", b"PK\x03\x04\x14\x00", ZIP),
    ("ole", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00", OLE),
    ("png", PNG_HEAD, "png"),
    ("jpeg", b"\xff\xd8\xff\xe0\x00\x10JFIF", "jpeg"),
    ("tiff", b"II*\x00\x08\x00", "tiff"),
    ("rtf", b"{\\rtf1\\ansi Dear Sam", "rtf"),
    ("text", b"Dear Sam, thank you for applying.", None),
    ("text-mentioning-pdf", b"Attached: the %PDF-1.4 header explained", None),
    ("empty", b"", None),
]


@pytest.mark.parametrize(
    ("head", "expected"), [c[1:] for c in SNIFF_CASES], ids=[c[0] for c in SNIFF_CASES]
)
def test_sniff_tells_formats_by_their_first_bytes(head: bytes, expected: str | None) -> None:
    assert sniff(head) == expected


def test_text_pdf_gives_every_page_in_order(letter_pdf: bytes) -> None:
    document = extract(letter_pdf)
    assert document.format == "pdf"
    positions = [document.text.index(line) for line in LETTER]
    assert positions == sorted(positions)
    assert document.note is not None and "2 pages" in document.note


def test_pdf_locked_for_editing_only_is_read(letter_pdf: bytes) -> None:
    # an empty user password: every viewer opens it, so it is read
    assert LETTER[2] in extract(encrypted_pdf(letter_pdf, password="")).text


def test_docx_gives_paragraphs_then_table_rows() -> None:
    data = docx_file(LETTER, table=[["Role", "Research Assistant"], ["Reference", "RA-17"]])
    document = extract(data)
    assert document.format == "docx"
    lines = document.text.splitlines()
    assert lines[: len(LETTER)] == LETTER
    assert lines[-2:] == ["Role  Research Assistant", "Reference  RA-17"]


ERROR_CASES = [
    # (id, data builder, error class, reason fragment)
    ("scanned", lambda f: f["scan_pdf"], InputError, "no text layer"),
    ("encrypted", lambda f: f["locked_pdf"], InputError, "password-protected"),
    ("damaged-pdf", lambda f: b"%PDF-1.4\n1 0 obj\n<< /Type", InputError, "not a readable PDF"),
    ("png", lambda f: PNG_HEAD, NotALetterError, "a PNG image"),
    ("xlsx", lambda f: _zip("xl/workbook.xml"), NotALetterError, "an Excel workbook"),
    ("zip", lambda f: _zip("notes/a.txt"), NotALetterError, "a ZIP archive"),
    ("damaged-docx", lambda f: _zip("word/document.xml"), InputError, "not a readable Word"),
    ("text", lambda f: b"plain words", NotALetterError, "not a PDF or Word document"),
]


@pytest.mark.parametrize(
    ("build", "error", "reason"), [c[1:] for c in ERROR_CASES], ids=[c[0] for c in ERROR_CASES]
)
def test_unreadable_documents_raise_one_line_reasons(
    request: pytest.FixtureRequest,
    build: Callable[[dict[str, bytes]], bytes],
    error: type[Exception],
    reason: str,
) -> None:
    fixtures = {name: request.getfixturevalue(name) for name in ("scan_pdf", "locked_pdf")}
    with pytest.raises(error) as caught:
        extract(build(fixtures))
    assert reason in str(caught.value)
    assert "\n" not in str(caught.value)


def test_a_text_pdf_that_cannot_be_decrypted_is_not_called_a_scan(locked_pdf: bytes) -> None:
    with pytest.raises(InputError) as caught:
        extract(locked_pdf)
    assert "no text layer" not in str(caught.value)


_texts = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=40)


@given(st.lists(st.tuples(st.sampled_from([BODY, ATTACHMENT]), _texts), min_size=1, max_size=4))
def test_joined_parts_point_at_their_own_text(pieces: list[tuple[str, str]]) -> None:
    text, parts = join_pieces([Piece(kind, "text", body) for kind, body in pieces])
    assert [text[p.start : p.end] for p in parts] == [body for _, body in pieces]
    assert parts_note(parts) is not None

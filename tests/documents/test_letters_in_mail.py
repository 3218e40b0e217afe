"""Letters as files read by their content, and letters attached to .eml and .msg messages."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import pytest

from analyzer.mail import Message, ReadError, iter_messages, read_file
from analyzer.mail.eml import read_eml
from analyzer.mail.msg import read_msg
from analyzer.parts import ATTACHMENT, BODY, FILE
from tests.mail.test_mail_msg import FakeOutlook

from .builders import PNG_HEAD, email_with_attachments
from .conftest import COVER_NOTE, LETTER


def _one(path: Path) -> Message | ReadError:
    results = list(read_file(path))
    assert len(results) == 1
    return results[0]


def _where(message: Message) -> list[tuple[str, str, str | None]]:
    return [(p.kind, p.format, p.name) for p in message.parts]


FILE_CASES = [
    # (id, file name, fixture or bytes, format read, or reason fragment for a ReadError)
    ("pdf", "letter.pdf", "letter_pdf", "pdf"),
    ("pdf-named-txt", "letter.txt", "letter_pdf", "pdf"),
    ("pdf-named-eml", "letter.eml", "letter_pdf", "pdf"),
    ("docx", "letter.docx", "letter_docx", "docx"),
    ("docx-named-md", "letter.md", "letter_docx", "docx"),
    ("scan", "scan.pdf", "scan_pdf", "no text layer"),
    ("encrypted", "locked.pdf", "locked_pdf", "password-protected"),
    ("png-named-pdf", "letter.pdf", PNG_HEAD, "looks like a PNG image"),
    ("png-named-txt", "letter.txt", PNG_HEAD, "looks like a PNG image"),
    ("ole-named-docx", "letter.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(64), "Office"),
]


@pytest.mark.parametrize(
    ("name", "content", "expected"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_files_are_read_by_their_content(
    request: pytest.FixtureRequest, tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    path = tmp_path / name
    path.write_bytes(request.getfixturevalue(content) if isinstance(content, str) else content)
    result = _one(path)
    if expected in ("pdf", "docx"):
        assert isinstance(result, Message), result
        assert _where(result) == [(FILE, expected, name)]
        assert [line for line in LETTER if line not in result.text] == []
        assert result.parts[0].start == 0 and result.parts[0].end == len(result.text)
    else:
        assert isinstance(result, ReadError)
        assert expected in result.reason and "\n" not in result.reason


def test_text_named_pdf_is_read_as_text(tmp_path: Path) -> None:
    path = tmp_path / "notes.pdf"
    path.write_text(COVER_NOTE, encoding="utf-8")
    result = _one(path)
    assert isinstance(result, Message) and result.text == COVER_NOTE and result.parts == ()


def test_folders_include_letters(tmp_path: Path, letter_pdf: bytes, letter_docx: bytes) -> None:
    (tmp_path / "a.pdf").write_bytes(letter_pdf)
    (tmp_path / "b.docx").write_bytes(letter_docx)
    (tmp_path / "c.png").write_bytes(PNG_HEAD)  # not a supported extension: not even read
    results = list(iter_messages([tmp_path]))
    assert [(type(r), Path(r.origin.path).name) for r in results] == [
        (Message, "a.pdf"),
        (Message, "b.docx"),
    ]


def _attachments(
    request: pytest.FixtureRequest, table: list[tuple[str, str, str]]
) -> list[tuple[str, str, bytes]]:
    return [(name, mime, request.getfixturevalue(data)) for name, mime, data in table]


EML_CASES = [
    # (id, body, attachments (name, mime type, fixture), expected parts, note fragment)
    (
        "pdf",
        COVER_NOTE,
        [("outcome.pdf", "application/pdf", "letter_pdf")],
        [(ATTACHMENT, "pdf", "outcome.pdf"), (BODY, "text", None)],
        None,
    ),
    (
        "docx-no-body",
        None,
        [("outcome.docx", "application/octet-stream", "letter_docx")],
        [(ATTACHMENT, "docx", "outcome.docx")],
        None,
    ),
    (
        "scan-and-pdf",
        COVER_NOTE,
        [
            ("scan.pdf", "application/pdf", "scan_pdf"),
            ("letter.pdf", "application/pdf", "letter_pdf"),
        ],
        [(ATTACHMENT, "pdf", "letter.pdf"), (BODY, "text", None)],
        "scan.pdf not read: the PDF has no text layer",
    ),
    (
        "pdf-and-logo",
        COVER_NOTE,
        [("logo.png", "image/png", "png"), ("outcome.pdf", "application/pdf", "letter_pdf")],
        [(ATTACHMENT, "pdf", "outcome.pdf"), (BODY, "text", None)],
        None,
    ),
    ("logo-only", COVER_NOTE, [("logo.png", "image/png", "png")], [], None),
]


@pytest.fixture
def png() -> bytes:
    return PNG_HEAD


@pytest.mark.parametrize(
    ("body", "attached", "parts", "note"),
    [c[1:] for c in EML_CASES],
    ids=[c[0] for c in EML_CASES],
)
def test_eml_letters_are_read_with_the_body(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    body: str | None,
    attached: list[tuple[str, str, str]],
    parts: list[tuple[str, str, str | None]],
    note: str | None,
) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(email_with_attachments(body, _attachments(request, attached)))
    result = read_eml(path)
    assert isinstance(result, Message), result
    assert _where(result) == parts
    if parts:
        assert result.text.startswith(LETTER[0])  # the letter first, the covering note after
        assert result.text[result.parts[0].start : result.parts[0].end].endswith(LETTER[-1])
    if body is not None:
        assert "Please find our letter attached." in result.text
    if note is not None:
        assert result.note is not None and note in result.note


def test_eml_text_attachment_is_a_letter(tmp_path: Path) -> None:
    letter = "\n".join(LETTER).encode("utf-8")
    path = tmp_path / "mail.eml"
    path.write_bytes(email_with_attachments(None, [("letter.txt", "text/plain", letter)]))
    result = read_eml(path)
    assert isinstance(result, Message) and _where(result) == [(ATTACHMENT, "text", "letter.txt")]
    assert result.text == "\n".join(LETTER)


def test_eml_with_only_a_scan_says_why(tmp_path: Path, scan_pdf: bytes) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(email_with_attachments(None, [("scan.pdf", "application/pdf", scan_pdf)]))
    result = read_eml(path)
    assert isinstance(result, ReadError)
    assert "no text part" in result.reason and "scan.pdf not read" in result.reason


@dataclass
class FakeAttachment:
    """Stands in for an extract_msg attachment."""

    data: object
    longFilename: str | None = None  # extract-msg spells it so
    mimetype: str | None = None


class BrokenAttachment(FakeAttachment):
    """An attachment whose data fails to load, as a damaged stream does."""

    def __getattribute__(self, name: str) -> object:
        if name == "data":
            raise ValueError("damaged stream")
        return super().__getattribute__(name)


@dataclass
class OutlookWithAttachments(FakeOutlook):
    attachments: list[FakeAttachment] = field(default_factory=list)


MSG_CASES = [
    # (id, body, attachments (fixture or bytes, name, mime type), expected parts)
    (
        "pdf",
        "Please see the attached letter.",
        [("letter_pdf", "outcome.pdf", None)],
        [(ATTACHMENT, "pdf", "outcome.pdf"), (BODY, "text", None)],
    ),
    ("docx-no-body", None, [("letter_docx", "o.docx", None)], [(ATTACHMENT, "docx", "o.docx")]),
    (
        "txt",
        "See attached.",
        [(b"Dear Sam,\nWe chose another candidate.", "note", "text/plain")],
        [(ATTACHMENT, "text", "note"), (BODY, "text", None)],
    ),
    ("embedded-message", "Body only.", [(object(), "fwd.msg", None)], []),
    ("unreadable-attachment", "Body only.", [(BrokenAttachment(b""), "x.pdf", None)], []),
]


@pytest.mark.parametrize(
    ("body", "attached", "parts"), [c[1:] for c in MSG_CASES], ids=[c[0] for c in MSG_CASES]
)
def test_msg_letters_are_read_with_the_body(
    request: pytest.FixtureRequest,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    body: str | None,
    attached: list[tuple[object, str, str | None]],
    parts: list[tuple[str, str, str | None]],
) -> None:
    attachments = [
        data
        if isinstance(data, FakeAttachment)
        else FakeAttachment(request.getfixturevalue(data) if isinstance(data, str) else data, n, m)
        for data, n, m in attached
    ]
    fake = OutlookWithAttachments(body=body, attachments=attachments)
    monkeypatch.setattr("extract_msg.openMsg", lambda path: fake)
    path = tmp_path / "mail.msg"
    path.write_bytes(b"placeholder")
    result = read_msg(path)
    assert isinstance(result, Message), result
    assert _where(result) == parts
    for part in result.parts:
        assert result.text[part.start : part.end].strip()
    assert fake.closed == [True]


def test_msg_with_only_a_scan_says_why(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, scan_pdf: bytes
) -> None:
    fake = OutlookWithAttachments(attachments=[FakeAttachment(scan_pdf, "scan.pdf")])
    monkeypatch.setattr("extract_msg.openMsg", lambda path: fake)
    path = tmp_path / "mail.msg"
    path.write_bytes(b"placeholder")
    result = read_msg(path)
    assert isinstance(result, ReadError)
    assert "no text or HTML body" in result.reason and "scan.pdf not read" in result.reason

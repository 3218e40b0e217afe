"""Tests for the .eml reader, on emails built with the email package."""

from __future__ import annotations

import quopri
from collections.abc import Callable
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from pathlib import Path

import pytest

from analyzer.mail.eml import read_eml
from analyzer.mail.model import Message, Origin, ReadError

Factory = Callable[..., EmailMessage]
WriteFile = Callable[[str, bytes], Path]

FRENCH = "Le café était très bon — merci! “Super” 5 €"
GERMAN = "Grüße aus München, schöne Äpfel und Öl"


def _raw(body: bytes, headers: dict[str, str]) -> bytes:
    """Assemble raw email bytes from ``headers`` and an already encoded body."""
    head = "".join(f"{name}: {value}\r\n" for name, value in headers.items())
    return head.encode("ascii") + b"\r\n" + body


def _plain(make: Factory) -> bytes:
    return bytes(make("Hello, the app is great.\nThanks!"))


def _alternative(make: Factory) -> bytes:
    msg = make("Plain version of the feedback.")
    msg.add_alternative("<p>HTML <b>version</b> of the feedback.</p>", subtype="html")
    return bytes(msg)


def _quoted_printable(make: Factory) -> bytes:
    long_line = "The export button " + "really " * 20 + "does not work. Café crème."
    return bytes(make(long_line, cte="quoted-printable"))


def _base64(make: Factory) -> bytes:
    return bytes(make("Base64 body: naïve café ✓", cte="base64"))


def _declared(charset: str, text: str, cte: str = "8bit") -> bytes:
    body = text.encode(charset if charset != "x-unknown-charset" else "cp1252")
    if cte == "quoted-printable":
        body = quopri.encodestring(body)
    headers = {
        "From": "bob@example.com",
        "Subject": "charset test",
        "MIME-Version": "1.0",
        "Content-Type": f'text/plain; charset="{charset}"',
        "Content-Transfer-Encoding": cte,
    }
    return _raw(body, headers)


def _wrong_charset(make: Factory) -> bytes:
    headers = {
        "From": "bob@example.com",
        "Subject": "wrong charset",
        "Content-Type": "text/plain; charset=utf-8",
        "Content-Transfer-Encoding": "8bit",
    }
    return _raw(FRENCH.encode("cp1252"), headers)


def _html_only(make: Factory) -> bytes:
    msg = EmailMessage()
    msg["From"] = "carol@example.com"
    msg["Subject"] = "html only"
    msg.set_content(
        "<html><body><h1>Bug</h1><p>The <a href='https://x.example'>page</a> is slow.</p>"
        "</body></html>",
        subtype="html",
    )
    return bytes(msg)


def _encoded_subject(make: Factory) -> bytes:
    return bytes(make("Body.", subject="Café — ça marche ✓"))


Builder = Callable[[Factory], bytes]
EmlCase = tuple[str, Builder, str, str | None]

MESSAGE_CASES: list[EmlCase] = [
    # (id, builder, text that must be in the message, note fragment or None)
    ("plain", _plain, "Hello, the app is great.\nThanks!", None),
    ("multipart-alternative-prefers-plain", _alternative, "Plain version of the feedback.", None),
    ("quoted-printable", _quoted_printable, "does not work. Café crème.", None),
    ("base64", _base64, "Base64 body: naïve café ✓", None),
    ("latin-1", lambda make: _declared("iso-8859-1", GERMAN), GERMAN, None),
    ("latin-1-qp", lambda make: _declared("latin1", GERMAN, "quoted-printable"), GERMAN, None),
    ("windows-1252", lambda make: _declared("windows-1252", FRENCH), FRENCH, None),
    ("wrong-charset", _wrong_charset, FRENCH, "declared utf-8 did not fit"),
    ("unknown-charset", lambda make: _declared("x-unknown-charset", FRENCH), FRENCH, "unknown"),
    ("html-only", _html_only, "Bug\n\nThe page is slow.", "converted from HTML"),
]


@pytest.mark.parametrize(
    ("build", "expected", "note"),
    [case[1:] for case in MESSAGE_CASES],
    ids=[case[0] for case in MESSAGE_CASES],
)
def test_eml_messages(
    write_file: WriteFile,
    make_email: Factory,
    build: Builder,
    expected: str,
    note: str | None,
) -> None:
    path = write_file("mail.eml", build(make_email))
    result = read_eml(path)
    assert isinstance(result, Message), result
    assert expected in result.text
    assert "\r" not in result.text
    assert result.origin == Origin(str(path))
    if note is None:
        assert result.note is None
    else:
        assert result.note is not None and note in result.note


def test_eml_headers(write_file: WriteFile, make_email: Factory) -> None:
    result = read_eml(write_file("h.eml", _encoded_subject(make_email)))
    assert isinstance(result, Message)
    assert result.sender == "Alice Example <alice@example.com>"
    assert result.subject == "Café — ça marche ✓"
    assert result.message_id == "<1@example.com>"
    assert result.date == datetime(2024, 1, 1, 10, 0, tzinfo=timezone(timedelta(hours=1)))


DATE_CASES = [
    ("Tue, 02 Jan 2024 08:30:00 -0500", datetime(2024, 1, 2, 13, 30, tzinfo=timezone.utc)),
    ("Tue, 02 Jan 2024 08:30:00 -0000", datetime(2024, 1, 2, 8, 30, tzinfo=timezone.utc)),
    ("not a date at all", None),
    ("Tue, 99 Foo 2024 99:99:99 +0000", None),
    (None, None),
]


@pytest.mark.parametrize(("header", "expected"), DATE_CASES)
def test_eml_date(
    write_file: WriteFile, make_email: Factory, header: str | None, expected: datetime | None
) -> None:
    result = read_eml(write_file("d.eml", bytes(make_email(date=header))))
    assert isinstance(result, Message)
    assert result.date == expected
    if result.date is not None:
        assert result.date.tzinfo is not None


def _attachment_only(make: Factory) -> bytes:
    msg = EmailMessage()
    msg["From"] = "dan@example.com"
    msg["Subject"] = "see attached"
    msg.add_attachment(b"%PDF-1.4 fake", maintype="application", subtype="pdf", filename="a.pdf")
    return bytes(msg)


def _calendar_attachment_only(make: Factory) -> bytes:
    # text, but not a letter: a text/plain or .txt attachment would be read (tests/documents)
    msg = EmailMessage()
    msg["From"] = "dan@example.com"
    msg.add_attachment("BEGIN:VCALENDAR\nEND:VCALENDAR", subtype="calendar", filename="a.ics")
    return bytes(msg)


def _empty_body(make: Factory) -> bytes:
    return bytes(make("\n\n  \n"))


ERROR_CASES = [
    ("attachment-only", _attachment_only, "no text part"),
    ("calendar-attachment-only", _calendar_attachment_only, "no text part"),
    ("empty-body", _empty_body, "empty"),
    ("empty-file", lambda make: b"", "empty"),
    ("binary", lambda make: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
]


@pytest.mark.parametrize(
    ("build", "reason"), [case[1:] for case in ERROR_CASES], ids=[case[0] for case in ERROR_CASES]
)
def test_eml_errors(
    write_file: WriteFile, make_email: Factory, build: Builder, reason: str
) -> None:
    path = write_file("bad.eml", build(make_email))
    result = read_eml(path)
    assert isinstance(result, ReadError), result
    assert reason in result.reason
    assert result.origin.path == str(path)
    assert "\n" not in result.reason


def test_truncated_mime_keeps_partial_text_with_note(
    write_file: WriteFile, make_email: Factory
) -> None:
    raw = _alternative(make_email)
    cut = raw.index(b"version of the feedback")
    result = read_eml(write_file("cut.eml", raw[:cut]))
    assert isinstance(result, Message)
    assert result.text.startswith("Plain")
    assert result.note is not None and "malformed" in result.note


@pytest.mark.parametrize("fraction", [0.1, 0.25, 0.5, 0.75, 0.9])
def test_truncated_mime_never_raises(
    write_file: WriteFile, make_email: Factory, fraction: float
) -> None:
    raw = _alternative(make_email)
    result = read_eml(write_file("cut.eml", raw[: int(len(raw) * fraction)]))
    assert isinstance(result, (Message, ReadError))


def test_missing_file() -> None:
    result = read_eml("/nonexistent/dir/mail.eml")
    assert result == ReadError(Origin("/nonexistent/dir/mail.eml"), "file not found")

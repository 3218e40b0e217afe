"""Tests for the Outlook .msg reader (extract-msg is mocked for happy paths)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import pytest

from analyzer.mail.model import Message, Origin, ReadError
from analyzer.mail.msg import read_msg

WriteFile = Callable[[str, bytes], Path]


@dataclass
class FakeOutlook:
    """Stands in for an extract_msg.Message."""

    body: str | None = None
    htmlBody: bytes | None = None  # extract-msg spells it so
    sender: str | None = "Erin <erin@example.com>"
    subject: str | None = "Outlook feedback"
    date: datetime | None = datetime(2024, 3, 1, 9, 0)
    messageId: str | None = "<msg-1@example.com>"
    closed: list[bool] = field(default_factory=list)

    def close(self) -> None:
        self.closed.append(True)


def _use(monkeypatch: pytest.MonkeyPatch, fake: FakeOutlook) -> None:
    monkeypatch.setattr("extract_msg.openMsg", lambda path: fake)


def test_msg_plain_body(write_file: WriteFile, monkeypatch: pytest.MonkeyPatch) -> None:
    fake = FakeOutlook(body="Plain body\r\nfrom Outlook.\r\n", htmlBody=b"<p>ignored</p>")
    _use(monkeypatch, fake)
    path = write_file("mail.msg", b"placeholder")
    result = read_msg(path)
    assert result == Message(
        text="Plain body\nfrom Outlook.",
        origin=Origin(str(path)),
        sender="Erin <erin@example.com>",
        subject="Outlook feedback",
        date=datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc),
        message_id="<msg-1@example.com>",
    )
    assert fake.closed == [True]


def test_msg_html_body_when_no_plain(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    html = '<html><head><meta charset="windows-1252"></head><body><p>Caf\xe9 <b>ok</b></p></body>'
    _use(monkeypatch, FakeOutlook(body="  ", htmlBody=html.encode("cp1252")))
    result = read_msg(write_file("mail.msg", b"placeholder"))
    assert isinstance(result, Message)
    assert result.text == "Café ok"
    assert result.note is not None and "converted from HTML" in result.note


class ExplodingOutlook(FakeOutlook):
    """A message whose body property fails, as corrupt streams do."""

    def __getattribute__(self, name: str) -> object:
        if name == "body":
            raise ValueError("corrupt stream")
        return super().__getattribute__(name)


FAILURE_CASES = [
    ("no-body", FakeOutlook(), "no text or HTML body"),
    ("empty-html", FakeOutlook(htmlBody=b"<html><body> </body></html>"), "no text or HTML body"),
    ("property-fails", ExplodingOutlook(), "cannot read"),
]


@pytest.mark.parametrize(
    ("fake", "reason"), [c[1:] for c in FAILURE_CASES], ids=[c[0] for c in FAILURE_CASES]
)
def test_msg_failures(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch, fake: FakeOutlook, reason: str
) -> None:
    _use(monkeypatch, fake)
    result = read_msg(write_file("mail.msg", b"placeholder"))
    assert isinstance(result, ReadError)
    assert reason in result.reason
    assert fake.closed == [True]


FILE_CASES = [
    ("not-ole", b"This is not an Outlook file at all.\n", "not a readable Outlook .msg file"),
    ("empty", b"", "empty"),
]


@pytest.mark.parametrize(
    ("data", "reason"), [c[1:] for c in FILE_CASES], ids=[c[0] for c in FILE_CASES]
)
def test_msg_real_extract_msg_rejects_bad_files(
    write_file: WriteFile, data: bytes, reason: str
) -> None:
    path = write_file("fake.msg", data)
    result = read_msg(path)
    assert isinstance(result, ReadError)
    assert reason in result.reason
    assert result.origin == Origin(str(path))
    assert "\n" not in result.reason


def test_msg_missing(tmp_path: Path) -> None:
    result = read_msg(tmp_path / "gone.msg")
    assert result == ReadError(Origin(str(tmp_path / "gone.msg")), "file not found")

"""Tests for the mbox reader."""

from __future__ import annotations

import mailbox
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest

from analyzer.mail.mbox import read_mbox, unescape_from_lines
from analyzer.mail.model import Message, Origin, ReadError

Factory = Callable[..., EmailMessage]
WriteFile = Callable[[str, bytes], Path]
WriteMbox = Callable[[str, list[EmailMessage]], Path]


def _three(make: Factory) -> list[EmailMessage]:
    return [
        make("First message.", subject="one", message_id="<1@x>"),
        make("Second message.\nFrom here on the app crashes.\nBye", subject="two"),
        make("Third message.", subject="three", date="garbage"),
    ]


def test_mbox_three_messages(write_mbox: WriteMbox, make_email: Factory) -> None:
    path = write_mbox("box.mbox", _three(make_email))
    assert b"\n>From here on" in path.read_bytes()  # mailbox escaped the body line
    results = list(read_mbox(path))
    assert all(isinstance(result, Message) for result in results)
    messages = [result for result in results if isinstance(result, Message)]
    assert [m.subject for m in messages] == ["one", "two", "three"]
    assert [m.origin for m in messages] == [Origin(str(path), i) for i in range(3)]
    assert messages[0].text == "First message."
    assert messages[1].text == "Second message.\nFrom here on the app crashes.\nBye"
    assert messages[0].message_id == "<1@x>"
    assert messages[2].date is None


def test_mbox_is_streamed(
    write_mbox: WriteMbox, make_email: Factory, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write_mbox("box.mbox", _three(make_email))
    reads: list[str] = []
    original = mailbox.mbox.get_bytes

    def counting(self: mailbox.mbox, key: str, from_: bool = False) -> bytes:
        reads.append(key)
        return original(self, key, from_)

    monkeypatch.setattr(mailbox.mbox, "get_bytes", counting)
    monkeypatch.setattr(Path, "read_bytes", _forbidden)
    results = read_mbox(path)
    first = next(results)
    assert isinstance(first, Message) and first.subject == "one"
    assert len(reads) == 1


def _forbidden(self: Path) -> bytes:
    raise AssertionError("the whole mbox must not be read at once")


UNESCAPE_CASES = [
    (b">From here\n", b"From here\n"),
    (b">>From here\n", b">From here\n"),
    (b"> From here\n", b"> From here\n"),
    (b"text >From here\n", b"text >From here\n"),
    (b"a\n>From x\nb\n", b"a\nFrom x\nb\n"),
]


@pytest.mark.parametrize(("raw", "expected"), UNESCAPE_CASES)
def test_unescape_from_lines(raw: bytes, expected: bytes) -> None:
    assert unescape_from_lines(raw) == expected


MBOX_ERROR_CASES = [
    ("empty", b"", "empty"),
    ("whitespace", b"\n\n  \n", "empty"),
    ("binary", b"\x00\x01\x02\x03PK\x03\x04", "binary"),
    ("not-an-mbox", b"Just a text file\nwith no From_ lines.\n", "no messages"),
]


@pytest.mark.parametrize(
    ("data", "reason"), [c[1:] for c in MBOX_ERROR_CASES], ids=[c[0] for c in MBOX_ERROR_CASES]
)
def test_mbox_errors(write_file: WriteFile, data: bytes, reason: str) -> None:
    path = write_file("bad.mbox", data)
    results = list(read_mbox(path))
    assert len(results) == 1
    assert isinstance(results[0], ReadError)
    assert reason in results[0].reason
    assert results[0].origin == Origin(str(path))


def test_mbox_missing_file(tmp_path: Path) -> None:
    results = list(read_mbox(tmp_path / "gone.mbox"))
    assert results == [ReadError(Origin(str(tmp_path / "gone.mbox")), "file not found")]


def test_mbox_bad_message_does_not_stop_the_others(
    write_file: WriteFile, make_email: Factory
) -> None:
    good = bytes(make_email("Good one.")).replace(b"\r\n", b"\n")
    attachment_only = (
        b"From: x@example.com\nContent-Type: application/pdf\n"
        b"Content-Transfer-Encoding: base64\n\nJVBERi0xLjQ=\n"
    )
    data = b"From a@b Mon Jan  1 00:00:00 2024\n" + good + b"\n"
    data += b"From a@b Mon Jan  1 00:00:00 2024\n" + attachment_only + b"\n"
    data += b"From a@b Mon Jan  1 00:00:00 2024\n" + good + b"\n"
    path = write_file("mixed.mbox", data)
    kinds = [type(result) for result in read_mbox(path)]
    assert kinds == [Message, ReadError, Message]


def test_mbox_damaged_message_loses_only_itself(write_file: WriteFile, make_email: Factory) -> None:
    """NUL bytes in one message near the start make that message an error, not the mailbox."""
    good = bytes(make_email("Good one.")).replace(b"\r\n", b"\n")
    data = b"From a@b Mon Jan  1 00:00:00 2024\n" + good + b"\n"
    data += b"From a@b Mon Jan  1 00:00:00 2024\n\x00\x01\x02garbage\x00\n"
    data += b"From a@b Mon Jan  1 00:00:00 2024\n" + good + b"\n"
    path = write_file("damaged.mbox", data)
    results = list(read_mbox(path))
    assert [type(result) for result in results] == [Message, ReadError, Message]
    assert isinstance(results[1], ReadError) and "binary" in results[1].reason

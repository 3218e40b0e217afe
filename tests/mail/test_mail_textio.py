"""Tests for analyzer.textio: byte decoding and reading user text files."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import AnalyzerError, InputError
from analyzer.mail.charset import decode_with_charset
from analyzer.textio import (
    MAX_FILE_BYTES,
    MAX_MESSAGE_CHARS,
    Decoded,
    clip_text,
    decode_bytes,
    read_text_file,
)

FRENCH = "Le café était très bon, merci beaucoup pour votre aide. “Super” – bravo! 5 €"
POLISH = "Zażółć gęślą jaźń, to jest polski tekst o kawie i herbacie."
RUSSIAN = "Привет, это тестовое сообщение о продукте. Спасибо!"

DECODE_CASES = [
    # (id, data, expected text, expected encoding, note expected?)
    ("ascii", b"plain ascii", "plain ascii", "utf-8", False),
    ("utf8", "naïve café ✓".encode(), "naïve café ✓", "utf-8", False),
    ("utf8-bom", codecs.BOM_UTF8 + "café".encode(), "café", "utf-8-sig", False),
    ("utf16-le-bom", "café ✓".encode("utf-16"), "café ✓", "utf-16", True),
    ("utf16-be-bom", codecs.BOM_UTF16_BE + "café".encode("utf-16-be"), "café", "utf-16", True),
    ("utf32-bom", "café".encode("utf-32"), "café", "utf-32", True),
    ("utf16-le-no-bom", "hello world".encode("utf-16-le"), "hello world", "utf-16-le", True),
    ("utf16-be-no-bom", "hello world".encode("utf-16-be"), "hello world", "utf-16-be", True),
    ("cp1252", FRENCH.encode("cp1252"), FRENCH, "windows-1252", True),
    ("latin1-short", "naïve café".encode("latin-1"), "naïve café", "windows-1252", True),
    ("cp1250", POLISH.encode("cp1250"), POLISH, "windows-1250", True),
    ("cp1251", RUSSIAN.encode("cp1251"), RUSSIAN, "windows-1251", True),
    ("empty", b"", "", "utf-8", False),
]


@pytest.mark.parametrize(
    ("data", "text", "encoding", "has_note"),
    [case[1:] for case in DECODE_CASES],
    ids=[case[0] for case in DECODE_CASES],
)
def test_decode_bytes(data: bytes, text: str, encoding: str, has_note: bool) -> None:
    decoded = decode_bytes(data)
    assert decoded == Decoded(text, encoding, decoded.note)
    assert (decoded.note is not None) == has_note
    codecs.lookup(decoded.encoding)  # always a codec name Python accepts


def test_decode_note_names_the_encoding() -> None:
    assert decode_bytes(FRENCH.encode("cp1252")).note == "decoded as windows-1252"


BINARY_CASES = {
    "nul-bytes": b"hello\x00world\x00\x01\x02\x03",
    "png-header": b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00",
    "control-chars": bytes(range(1, 9)) * 20,
    "random-high-bytes": bytes(range(128, 256)) * 4 + b"\x00",
}


@pytest.mark.parametrize("data", BINARY_CASES.values(), ids=BINARY_CASES.keys())
def test_decode_bytes_rejects_binary(data: bytes) -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(data)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=2048))
def test_decode_bytes_only_raises_input_error(data: bytes) -> None:
    try:
        decoded = decode_bytes(data)
    except InputError:
        return
    assert isinstance(decoded.text, str)
    codecs.lookup(decoded.encoding)


@settings(max_examples=200, deadline=None)
@given(
    st.binary(max_size=1024),
    st.sampled_from(
        [
            None,
            "",
            "utf-8",
            "us-ascii",
            "iso-8859-1",
            "windows-1252",
            "utf-16",
            "shift_jis",
            "x-unknown",
            '"koi8-r"',
            "utf-7",
        ]
    ),
)
def test_decode_with_charset_never_raises(data: bytes, charset: str | None) -> None:
    decoded = decode_with_charset(data, charset)
    assert isinstance(decoded.text, str)


CHARSET_CASES = [
    # (id, data, declared charset, expected text, note fragment or None)
    ("declared-right", "café".encode("latin-1"), "iso-8859-1", "café", None),
    ("latin1-means-cp1252", "“café”".encode("cp1252"), "iso-8859-1", "“café”", None),
    ("cp1252", "5 € “ok”".encode("cp1252"), "windows-1252", "5 € “ok”", None),
    ("utf8-labelled-latin1", "café".encode(), "iso-8859-1", "café", "declared iso-8859-1"),
    ("latin1-labelled-utf8", FRENCH.encode("cp1252"), "utf-8", FRENCH, "did not fit"),
    ("unknown-charset", FRENCH.encode("cp1252"), "x-unknown", FRENCH, "unknown charset"),
    ("no-charset", "café".encode(), None, "café", None),
]


@pytest.mark.parametrize(
    ("data", "charset", "text", "note"),
    [case[1:] for case in CHARSET_CASES],
    ids=[case[0] for case in CHARSET_CASES],
)
def test_decode_with_charset(data: bytes, charset: str | None, text: str, note: str | None) -> None:
    decoded = decode_with_charset(data, charset)
    assert decoded.text == text
    if note is None:
        assert decoded.note is None
    else:
        assert decoded.note is not None and note in decoded.note


def test_read_text_file_ok(tmp_path: Path) -> None:
    path = tmp_path / "note.txt"
    path.write_bytes(FRENCH.encode("cp1252"))
    assert read_text_file(path) == Decoded(FRENCH, "windows-1252", "decoded as windows-1252")


def _missing(tmp_path: Path) -> Path:
    return tmp_path / "missing.txt"


def _directory(tmp_path: Path) -> Path:
    return tmp_path


def _empty(tmp_path: Path) -> Path:
    (tmp_path / "empty.txt").write_bytes(b"")
    return tmp_path / "empty.txt"


def _blank(tmp_path: Path) -> Path:
    (tmp_path / "blank.txt").write_bytes(b" \r\n\t\n")
    return tmp_path / "blank.txt"


def _binary(tmp_path: Path) -> Path:
    (tmp_path / "blob.txt").write_bytes(BINARY_CASES["png-header"])
    return tmp_path / "blob.txt"


def _too_big(tmp_path: Path) -> Path:
    (tmp_path / "big.txt").write_bytes(b"x" * 101)
    return tmp_path / "big.txt"


READ_ERROR_CASES = [
    (_missing, "not found"),
    (_directory, "directory"),
    (_empty, "empty"),
    (_blank, "whitespace"),
    (_binary, "binary"),
    (_too_big, "larger than"),
]


@pytest.mark.parametrize(("make", "reason"), READ_ERROR_CASES, ids=[r for _, r in READ_ERROR_CASES])
def test_read_text_file_errors(tmp_path: Path, make: object, reason: str) -> None:
    assert callable(make)
    path = make(tmp_path)
    with pytest.raises(InputError) as caught:
        read_text_file(path, max_bytes=100)
    message = str(caught.value)
    assert reason in message
    assert str(path) in message
    assert "\n" not in message
    assert isinstance(caught.value, AnalyzerError)


def test_read_text_file_permission_denied(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")

    def deny(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(InputError, match="permission denied"):
        read_text_file(path)


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read anything")
def test_read_text_file_unreadable_for_real(tmp_path: Path) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("hidden")
    path.chmod(0)
    with pytest.raises(InputError, match="permission denied"):
        read_text_file(path)


def test_limits_are_documented_defaults() -> None:
    assert MAX_FILE_BYTES == 10 * 1024 * 1024
    assert MAX_MESSAGE_CHARS == 200_000


def test_clip_text() -> None:
    assert clip_text("short", limit=10) == ("short", None)
    clipped, note = clip_text("x" * 20, limit=10)
    assert clipped == "x" * 10
    assert note is not None and "10" in note

"""Tests for iter_messages: expansion of paths, dispatch and error reporting."""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.mail import SUPPORTED_EXTENSIONS, iter_messages
from analyzer.mail.model import Message, Origin, ReadError
from analyzer.textio import MAX_MESSAGE_CHARS

Factory = Callable[..., EmailMessage]
WriteFile = Callable[[str, bytes], Path]
WriteMbox = Callable[[str, list[EmailMessage]], Path]

FRENCH = "Le café était très bon, merci beaucoup pour votre aide. “Super” – bravo!"


def _texts(results: list[Message | ReadError]) -> list[str]:
    return [r.text if isinstance(r, Message) else f"ERROR {r.reason}" for r in results]


def test_supported_extensions() -> None:
    expected = {".eml", ".mbox", ".msg", ".txt", ".md", ".html", ".htm", ".pdf", ".docx"}
    assert expected == SUPPORTED_EXTENSIONS


TEXT_FILE_CASES = [
    # (id, file name, bytes, expected text, note fragment or None)
    ("utf8-txt", "a.txt", "Plain feedback ✓\r\n".encode(), "Plain feedback ✓", None),
    ("utf8-bom-md", "a.md", codecs.BOM_UTF8 + b"# Title\n\nBody", "# Title\n\nBody", None),
    (
        "utf16-bom-txt",
        "a.txt",
        "Grüße ✓\r\nzweite Zeile".encode("utf-16"),
        "Grüße ✓\nzweite Zeile",
        "utf-16",
    ),
    ("cp1252-txt", "a.txt", FRENCH.encode("cp1252"), FRENCH, "windows-1252"),
    ("html", "a.html", b"<p>From <b>HTML</b></p>", "From HTML", None),
    ("htm-upper-ext", "A.HTM", b"<p>Upper case extension</p>", "Upper case extension", None),
]


@pytest.mark.parametrize(
    ("name", "data", "expected", "note"),
    [c[1:] for c in TEXT_FILE_CASES],
    ids=[c[0] for c in TEXT_FILE_CASES],
)
def test_text_like_files(
    write_file: WriteFile, name: str, data: bytes, expected: str, note: str | None
) -> None:
    path = write_file(name, data)
    results = list(iter_messages([path]))
    assert results == [Message(expected, Origin(str(path)), note=results[0].note)]  # type: ignore[union-attr]
    message = results[0]
    assert isinstance(message, Message)
    if note is None:
        assert message.note is None
    else:
        assert message.note is not None and note in message.note


BAD_FILE_CASES = [
    # (id, extension, bytes, reason fragment)
    *[(f"empty{ext}", ext, b"", "empty") for ext in sorted(SUPPORTED_EXTENSIONS)],
    *[
        (f"binary{ext}", ext, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01", "")
        for ext in sorted(SUPPORTED_EXTENSIONS)
    ],
    ("broken-pdf", ".pdf", b"%PDF-1.4", "not a readable PDF"),
    ("unsupported-odt", ".odt", b"text", "unsupported file type (.odt)"),
    ("unsupported-none", "", b"text", "unsupported file type (no extension)"),
]


@pytest.mark.parametrize(
    ("ext", "data", "reason"), [c[1:] for c in BAD_FILE_CASES], ids=[c[0] for c in BAD_FILE_CASES]
)
def test_bad_files_give_read_errors(
    write_file: WriteFile, ext: str, data: bytes, reason: str
) -> None:
    path = write_file(f"bad{ext}", data)
    results = list(iter_messages([str(path)]))
    assert len(results) == 1
    error = results[0]
    assert isinstance(error, ReadError), error
    assert error.origin.path == str(path)
    assert reason in error.reason
    assert error.reason and "\n" not in error.reason


@pytest.mark.parametrize("name", ["nope.eml", "nope", "nope.odt", "nope.mbox"])
def test_missing_path_gives_read_error(tmp_path: Path, name: str) -> None:
    """A path that does not exist is "not found", whatever its extension says."""
    missing = tmp_path / name
    assert list(iter_messages([missing])) == [ReadError(Origin(str(missing)), "file not found")]


@pytest.fixture
def tree(write_file: WriteFile, write_mbox: WriteMbox, make_email: Factory) -> Path:
    """A directory tree with supported and unsupported files at several depths."""
    write_file("b.txt", b"text b")
    write_file("a.eml", bytes(make_email("email a")))
    write_file("notes.odt", b"PK ignored")
    write_file("sub/c.md", b"markdown c")
    write_file("sub/deeper/d.html", b"<p>html d</p>")
    write_file("sub/.hidden/e.txt", b"text e")
    write_file("sub/image.png", b"\x89PNG ignored")
    write_mbox("sub/z.mbox", [make_email("mbox 1"), make_email("mbox 2")])
    return write_file("sub/b.txt", b"sub text").parent.parent


def test_directory_is_walked_recursively_and_sorted(tree: Path) -> None:
    results = list(iter_messages([tree]))
    assert _texts(results) == [
        "email a",
        "text b",
        "sub text",
        "markdown c",
        "html d",
        "mbox 1",
        "mbox 2",
    ]  # sub/.hidden/e.txt is skipped
    origins = [r.origin for r in results]
    assert origins[0] == Origin(str(tree / "a.eml"))
    assert origins[-2:] == [Origin(str(tree / "sub" / "z.mbox"), i) for i in (0, 1)]


def test_empty_directory(tmp_path: Path, write_file: WriteFile) -> None:
    write_file("only.odt", b"PK")
    assert list(iter_messages([tmp_path])) == [
        ReadError(Origin(str(tmp_path)), "directory contains no supported files")
    ]


GLOB_CASES = [
    ("*.txt", ["text b"]),
    ("**/*.txt", ["text b", "sub text"]),  # glob skips hidden folders
    ("su?/*.md", ["markdown c"]),
    ("[ab].*", ["email a", "text b"]),
    ("s*", ["sub text", "markdown c", "html d", "mbox 1", "mbox 2"]),
]


@pytest.mark.parametrize(("pattern", "expected"), GLOB_CASES)
def test_glob_patterns(tree: Path, pattern: str, expected: list[str]) -> None:
    assert _texts(list(iter_messages([str(tree / pattern)]))) == expected


@pytest.mark.parametrize(
    ("pattern", "reason"),
    [("*.zip", "no files match"), ("*.odt", "no supported files match")],
)
def test_glob_without_usable_matches(tree: Path, pattern: str, reason: str) -> None:
    results = list(iter_messages([str(tree / pattern)]))
    assert len(results) == 1 and isinstance(results[0], ReadError)
    assert reason in results[0].reason


def test_existing_file_with_glob_characters_is_not_a_pattern(write_file: WriteFile) -> None:
    path = write_file("odd[1].txt", b"bracketed name")
    assert _texts(list(iter_messages([path]))) == ["bracketed name"]


def test_file_vanishing_between_listing_and_reading(tree: Path) -> None:
    results = iter_messages([tree])
    first = next(results)
    assert isinstance(first, Message) and first.text == "email a"
    os.remove(tree / "b.txt")
    rest = list(results)
    assert rest[0] == ReadError(Origin(str(tree / "b.txt")), "file not found")
    assert len(rest) == 6


def test_unexpected_reader_failure_is_reported(
    write_file: WriteFile, monkeypatch: pytest.MonkeyPatch
) -> None:
    def explode(*args: object, **kwargs: object) -> object:
        raise RuntimeError("boom")

    monkeypatch.setattr("analyzer.mail.text.read_text_file", explode)
    path = write_file("x.txt", b"hello")
    assert list(iter_messages([path])) == [
        ReadError(Origin(str(path)), "unexpected error: RuntimeError: boom")
    ]


def test_long_text_is_truncated_with_note(write_file: WriteFile) -> None:
    path = write_file("long.txt", b"x" * (MAX_MESSAGE_CHARS + 10))
    [message] = list(iter_messages([path]))
    assert isinstance(message, Message)
    assert len(message.text) == MAX_MESSAGE_CHARS
    assert message.note is not None and "truncated" in message.note


def test_several_paths_keep_their_order(write_file: WriteFile) -> None:
    second = write_file("2.txt", b"two")
    first = write_file("1.txt", b"one")
    assert _texts(list(iter_messages([second, str(first)]))) == ["two", "one"]


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.binary(max_size=600), ext=st.sampled_from(sorted(SUPPORTED_EXTENSIONS)))
def test_iter_messages_never_raises(tmp_path: Path, data: bytes, ext: str) -> None:
    path = tmp_path / f"fuzz{ext}"
    path.write_bytes(data)
    for result in iter_messages([path]):
        assert isinstance(result, (Message, ReadError))

"""Tests for HTML to text conversion and the .html reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.mail.html import html_title, html_to_text, read_html
from analyzer.mail.model import Message, ReadError

WriteFile = Callable[[str, bytes], Path]

CONVERSION_CASES = [
    # (id, html, expected exact text)
    ("paragraphs", "<p>One</p><p>Two</p>", "One\n\nTwo"),
    ("line-breaks", "Hi team,<br>line two<br>", "Hi team,\nline two"),
    ("link-text-kept-url-dropped", '<a href="https://x.example/a">the page</a>', "the page"),
    ("image-dropped", '<p>See <img src="cid:logo" alt="logo">here</p>', "See here"),
    ("emphasis-dropped", "<b>bold</b> and <i>italic</i>", "bold and italic"),
    ("heading-without-hashes", "<h2>Details</h2><p>text</p>", "Details\n\ntext"),
    (
        "no-markdown-escapes",
        "<p>1. first</p><p>-- </p><p>a+b *c* _d_</p>",
        "1. first\n\n--\n\na+b *c* _d_",
    ),
    ("entities", "<p>Caf&eacute; &amp; cr&egrave;me&nbsp;&mdash; ok</p>", "Café & crème — ok"),
    ("script-and-style-dropped", "<style>p{}</style><script>x=1</script><p>body</p>", "body"),
    ("blockquote-marked", "<p>Reply</p><blockquote>old text</blockquote>", "Reply\n\n> old text"),
    ("table-cells-separated", "<table><tr><td>Plan</td><td>10</td></tr></table>", "Plan  10"),
    ("list", "<ul><li>one</li><li>two</li></ul>", "  - one\n  - two"),
    ("no-wrapping", "<p>" + "word " * 100 + "</p>", ("word " * 100).strip()),
    ("empty", "<html><body> </body></html>", ""),
]


@pytest.mark.parametrize(
    ("html", "expected"),
    [c[1:] for c in CONVERSION_CASES],
    ids=[c[0] for c in CONVERSION_CASES],
)
def test_html_to_text(html: str, expected: str) -> None:
    assert html_to_text(html) == expected


@settings(max_examples=100, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>/=\"'&;# abpdivtrl\n")), max_size=200))
def test_html_to_text_handles_junk(html: str) -> None:
    assert isinstance(html_to_text(html), str)


def test_html_title() -> None:
    assert html_title("<html><title> A &amp; B\n</title></html>") == "A & B"
    assert html_title("<p>no title</p>") is None


READ_CASES = [
    # (id, bytes, expected text, note fragment or None)
    ("utf8", "<p>Caf\u00e9 ✓</p>".encode(), "Café ✓", None),
    (
        "meta-charset",
        b'<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">'
        b"<p>\x93Caf\xe9\x94</p>",
        "“Café”",
        None,
    ),
    (
        "detected",
        "<p>Le café était très bon, merci beaucoup!</p>".encode("cp1252"),
        "Le café était très bon, merci beaucoup!",
        "windows-1252",
    ),
]


@pytest.mark.parametrize(
    ("data", "expected", "note"), [c[1:] for c in READ_CASES], ids=[c[0] for c in READ_CASES]
)
def test_read_html(write_file: WriteFile, data: bytes, expected: str, note: str | None) -> None:
    result = read_html(write_file("page.html", data))
    assert isinstance(result, Message)
    assert result.text == expected
    if note is None:
        assert result.note is None
    else:
        assert result.note is not None and note in result.note


def test_read_html_subject_from_title(write_file: WriteFile) -> None:
    result = read_html(write_file("p.htm", b"<title>Survey</title><p>Answer</p>"))
    assert isinstance(result, Message) and result.subject == "Survey"


@pytest.mark.parametrize(
    ("data", "reason"),
    [(b"", "empty"), (b"<html><body><p> </p></body></html>", "no text"), (b"\x00\xff", "binary")],
    ids=["empty", "no-text", "binary"],
)
def test_read_html_errors(write_file: WriteFile, data: bytes, reason: str) -> None:
    result = read_html(write_file("page.html", data))
    assert isinstance(result, ReadError)
    assert reason in result.reason

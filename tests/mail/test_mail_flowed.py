"""Tests for format=flowed unwrapping, alone and through the .eml reader."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.mail.eml import read_eml
from analyzer.mail.flowed import unflow
from analyzer.mail.model import Message

WriteFile = Callable[[str, bytes], Path]

UNFLOW_CASES = [
    # (id, flowed text, delsp, expected)
    (
        "joins-soft-breaks",
        "This is a long \nparagraph that \nwraps.",
        False,
        "This is a long paragraph that wraps.",
    ),
    ("fixed-lines-kept", "line one\nline two", False, "line one\nline two"),
    ("delsp-removes-space", "Zusammen \ngeschrieben", True, "Zusammengeschrieben"),
    (
        "quotes-join-per-depth",
        "> quoted soft \n> continued\n>> deeper",
        False,
        "> quoted soft continued\n>> deeper",
    ),
    ("quote-depth-change-ends-paragraph", "> soft \nnot quoted", False, "> soft\nnot quoted"),
    ("signature-separator-is-fixed", "Bye\n-- \nJane", False, "Bye\n-- \nJane"),
    ("space-stuffing-undone", " From the start", False, "From the start"),
    ("blank-line-after-soft-break-kept", "para \n\nNext", False, "para\n\nNext"),
]


@pytest.mark.parametrize(
    ("text", "delsp", "expected"), [c[1:] for c in UNFLOW_CASES], ids=[c[0] for c in UNFLOW_CASES]
)
def test_unflow(text: str, delsp: bool, expected: str) -> None:
    assert unflow(text, delsp=delsp) == expected


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ("; format=flowed", "The export is really slow today."),
        ("; format=flowed; delsp=yes", "The export is really slowtoday."),
        ("", "The export is really slow \ntoday."),
    ],
    ids=["flowed", "flowed-delsp", "not-flowed"],
)
def test_eml_flowed_body(write_file: WriteFile, params: str, expected: str) -> None:
    raw = (
        "From: a@example.com\r\nSubject: flowed\r\n"
        f"Content-Type: text/plain; charset=utf-8{params}\r\n\r\n"
        "The export is really slow \r\ntoday.\r\n"
    ).encode()
    result = read_eml(write_file("f.eml", raw))
    assert isinstance(result, Message)
    assert result.text == expected

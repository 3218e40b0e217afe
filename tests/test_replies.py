"""The reply parser's regexes, run sparingly, find exactly what the library's regexes find."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.replies import (
    DISCLAIMER_WORDS,
    HEADER_WORDS,
    LineStartSearch,
    WordGuard,
    begins_at_line_starts,
    line_start_candidates,
    line_start_search,
    regex_parser,
    reply_reader,
)


def _library_message() -> Any:
    from mailparser_reply import EmailReplyParser
    from mailparser_reply.parser import EmailMessage

    languages = list(EmailReplyParser(languages=["en"]).languages)
    return EmailMessage(text="", languages=languages)


def _replies(read_result: object) -> list[tuple[str, str, str, list[str]]]:
    return [
        (r.content, r.headers, r.signatures, r.disclaimers)
        for r in read_result.replies  # type: ignore[attr-defined]
    ]


REPLY_CASES = [
    "",
    "Thanks for applying.\n\nBest regards,\nAna\nTalent team",
    "Short answer: no.\n\nOn Tue, 3 Mar 2026 at 10:00, Sam <sam@x.org> wrote:\n> Any feedback?",
    "Hi,\n\nsee below.\n\n-----Original Message-----\nFrom: Sam\nSent: Monday\n\nHello",
    "Sent from my iPhone",
    "This email and any attachments are confidential. If you are not the intended recipient...",
    "Thanks for your time.\n\nCAUTION: This email originated outside the company.\nmail ends",
    "No.\n\n\n" + "_" * 40 + "\nFrom: HR",
    "Hello\n  \n\t\n-- \nAna",
]


@pytest.mark.parametrize("text", REPLY_CASES)
def test_the_reply_reader_reads_as_the_library_parser(text: str) -> None:
    from mailparser_reply import EmailReplyParser

    expected = EmailReplyParser(languages=["en"]).read(text)
    assert _replies(reply_reader()(text)) == _replies(expected)


def test_the_reply_reader_reads_the_corpus_as_the_library_parser() -> None:
    from mailparser_reply import EmailReplyParser

    from analyzer.classify.corpus import load_corpus

    corpus = Path(__file__).resolve().parent.parent / "corpora" / "messages"
    parser = EmailReplyParser(languages=["en"])
    for message in load_corpus(corpus):
        assert _replies(reply_reader()(message.text)) == _replies(parser.read(message.text))


HEADER_PIECES = [
    "On Tue, 3 Mar 2026, Sam wrote:",
    "On Tue Sam WROTE:",
    "From: Sam",
    "\u017fent: Monday",  # a long s, which the case-insensitive regex reads as "s"
    "SUBJECT: hi",
    "T\u0131tle",
    "Organ\u0130zation: X",
    "-----Original Message-----",
    "----- original message -----",
    "> From: a",
    "Cc:",
    "to",
    "Thanks,",
    "\n",
    "",
]


def test_the_header_words_cover_the_header_regex() -> None:
    """Each way the parser's regex knows to recognise a header holds one of the words."""
    header = _library_message().HEADER_REGEX
    (names,) = re.findall(r"\(\?:((?:[A-Za-z]+\|)+[A-Za-z]+)\):", header.pattern)
    assert {f"{name.lower()}:" for name in names.split("|")} <= set(HEADER_WORDS)
    parser = regex_parser()
    ((op, (_, alternatives)),) = list(parser.parse(header.pattern, header.flags))
    assert (
        op == parser.BRANCH and len(alternatives) == 3
    )  # "... wrote:", "Name:" lines, "--- Original Message ---"
    assert "wrote:" in header.pattern and "Original Message" in header.pattern


DISCLAIMER_PIECES = [
    "CAUTION: external",
    "Disclaimer: this e-mail",
    "** DISCLAIMER **",
    "Confidential Notice: the email",
    "IMPORTANT\u00a0INFORMATION: mail",
    "CONFIDENTIALITY: This message",
    "WARNING: the mail is",
    "Thi\u017f e-MAIL",
    "ma\u0130l",
    "Privileged note:",
    "mail",
    ".",
    "\n",
    "",
]


@pytest.mark.parametrize(
    ("regex", "words", "pieces"),
    [
        ("HEADER_REGEX", (HEADER_WORDS,), HEADER_PIECES),
        ("DISCLAIMERS_REGEX", DISCLAIMER_WORDS, DISCLAIMER_PIECES),
    ],
)
@settings(max_examples=250, deadline=None)
@given(data=st.data())
def test_a_word_guard_finds_what_its_regex_finds(
    regex: str, words: tuple[tuple[str, ...], ...], pieces: list[str], data: st.DataObject
) -> None:
    pattern = getattr(_library_message(), regex)
    parts = data.draw(st.lists(st.sampled_from(pieces) | st.text(max_size=12), max_size=8))
    for joiner in ("\n", " "):
        text = joiner.join(parts)
        assert WordGuard(pattern, words).findall(text) == pattern.findall(text)


def test_the_disclaimer_words_cover_the_disclaimer_regex() -> None:
    """Every disclaimer the parser knows opens with one of the words and says "mail"."""
    from mailparser_reply.constants import MAIL_LANGUAGES

    mail, openers = DISCLAIMER_WORDS
    for entry in MAIL_LANGUAGES["en"]["disclaimers"]:
        options = re.findall(r"\(\?:([^)]*)\)", entry)
        for option in options[0].split("|") if options else [entry]:
            assert any(word in option.lower() for word in openers), option
    pattern = _library_message().DISCLAIMERS_REGEX.pattern
    assert mail == ("mail",) and pattern.endswith(
        "(?:mail)[a-zA-Z0-9\\u00C0-\\u017F:;.,?!<>()@&/\\'\\\"\\“\\” \\u200b\\xA0\\t\\-]*){1,2}"
    )


@pytest.mark.parametrize(
    ("text", "candidates"),
    [
        ("", [0]),
        ("abc", [0]),
        ("a\nb", [0, 1, 2]),
        ("\n", [0, 1]),
        ("ab  \ncd", [0, 2, 3, 4, 5]),
        ("a\n \n b", [0, 1, 2, 3, 4]),  # the space after the last newline begins no match
        ("a \u2028\nb", [0, 1, 2, 3, 4]),  # any whitespace before a newline
        ("a\n\n", [0, 1, 2, 3]),
    ],
)
def test_line_start_candidates(text: str, candidates: list[int]) -> None:
    assert line_start_candidates(text) == candidates


@pytest.mark.parametrize(
    ("pattern", "flags", "expected"),
    [
        (r"^Best", re.M, True),
        (r"\s*^(?:> ?)*Best", re.M, True),
        (r"(?<!\A)^x", re.M, True),
        (r"(\n{2,} ?[_-]{32,})", 0, True),
        (r"\A-- ", 0, True),
        (r"\n+x|^y", re.M, True),
        (r"((\s*^a|\n\nb)(.|\s)*)", re.M, True),
        (r"[ \t]*\n", 0, True),  # whitespace up to a newline
        (r"\s+$", re.M, False),  # whitespace up to a line end: anywhere
        (r"\bBest", 0, False),
        (r"Best|^x", re.M, False),
        (r"(?:> ?)*Best", 0, False),
        (r"\n?x", 0, False),
        (r"[\S\n]x", 0, False),
        (r"", 0, False),
    ],
)
def test_begins_at_line_starts(pattern: str, flags: int, expected: bool) -> None:
    regex = re.compile(pattern, flags)
    assert begins_at_line_starts(regex) is expected
    assert isinstance(line_start_search(regex), LineStartSearch) is expected


ANCHORED = [r"^Best", r"\s*^(?:> ?)*Best", r"(?<!\A)^x", r"(\n{2,} ?[_-]{32,})", r"\n+x|^y"]


@pytest.mark.parametrize("pattern", ANCHORED)
@settings(max_examples=150, deadline=None)
@given(
    pieces=st.lists(
        st.sampled_from(["Best", "x", "y", "> ", "\n", "\n\n", " ", "\t", "_" * 32, "\u2028"])
        | st.text(max_size=4),
        max_size=10,
    )
)
def test_a_line_start_search_finds_what_its_regex_finds(pattern: str, pieces: list[str]) -> None:
    regex = re.compile(pattern, re.MULTILINE)
    text = "".join(pieces)
    expected, found = regex.search(text), LineStartSearch(regex).search(text)
    assert (found and found.span()) == (expected and expected.span())


def test_the_signature_regex_matches_only_from_line_starts() -> None:
    """What :class:`LineStartSearch` relies on holds for the parser's signature regex, so the
    reply reader uses it."""
    signature = _library_message().SIGNATURE_REGEX
    assert begins_at_line_starts(signature)
    assert isinstance(line_start_search(signature), LineStartSearch)


SIGNATURE_PIECES = [
    "Best regards,",
    "kind regards",
    "THANKS,",
    "Thank you,",
    "All the best",
    "Sent from my iPhone",
    "Get Outlook for iOS",
    "-- ",
    "--",
    "__",
    "- Ana",
    "-x",
    "> Best,",
    "_" * 32,
    "-" * 33,
    "\n",
    "\n\n",
    "  ",
    "\t",
    "\u2028",
    "\x85",
    "",
]


@settings(max_examples=400, deadline=None)
@given(pieces=st.lists(st.sampled_from(SIGNATURE_PIECES) | st.text(max_size=10), max_size=10))
def test_the_line_start_search_finds_what_the_signature_regex_finds(pieces: list[str]) -> None:
    signature = _library_message().SIGNATURE_REGEX
    for joiner in ("\n", " ", ""):
        text = joiner.join(pieces)
        expected, found = signature.search(text), LineStartSearch(signature).search(text)
        assert (found and found.group()) == (expected and expected.group())
        assert (found and found.span()) == (expected and expected.span())

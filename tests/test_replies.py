"""The reply parser's regexes, run sparingly, find exactly what the library's regexes find."""

from __future__ import annotations

import re
from pathlib import Path
from re import _parser  # type: ignore[attr-defined]
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.replies import (
    DISCLAIMER_WORDS,
    HEADER_WORDS,
    LineStartSearch,
    WordGuard,
    line_start_candidates,
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
    ((op, (_, alternatives)),) = list(_parser.parse(header.pattern, header.flags))
    assert (
        op == _parser.BRANCH and len(alternatives) == 3
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


#: ``\s*`` as the regex parser reads it.
_ANY_SPACE = (
    _parser.MAX_REPEAT,
    (0, _parser.MAXREPEAT, [(_parser.IN, [(_parser.CATEGORY, _parser.CATEGORY_SPACE)])]),
)


def _plain(node: Any) -> Any:
    """A parsed regex with its sub-patterns as lists, so that parts compare with ``==``."""
    if isinstance(node, (list, _parser.SubPattern)):
        return [_plain(item) for item in node]
    if isinstance(node, tuple):
        return tuple(_plain(item) for item in node)
    return node


def _begins_at_a_line_start(alternative: list[tuple[Any, Any]]) -> bool:
    """Whether an alternative can only match from a line start (``^``, ``(?<!...)^``), from
    whitespace running to one (``\\s*^``), or from a newline (``\\n{2,}``)."""
    first, *rest = _plain(alternative)
    if first[0] == _parser.SUBPATTERN:
        return _begins_at_a_line_start(first[1][3])
    if first[0] == _parser.MAX_REPEAT and first != _ANY_SPACE:
        return first[1][0] >= 1 and list(first[1][2]) == [(_parser.LITERAL, ord("\n"))]
    if first[0] == _parser.ASSERT_NOT or first == _ANY_SPACE:
        first = rest[0]
    return bool(first == (_parser.AT, _parser.AT_BEGINNING))


def test_the_signature_regex_matches_only_from_line_starts() -> None:
    """What :class:`LineStartSearch` relies on holds for the parser's signature regex."""
    signature = _library_message().SIGNATURE_REGEX
    assert signature.flags & re.MULTILINE
    ((op, (_, _, _, whole)),) = list(_parser.parse(signature.pattern, signature.flags))
    (op, (_, _, _, group)), _rest = list(whole)
    ((op, (_, alternatives)),) = list(group)
    assert op == _parser.BRANCH and len(alternatives) == 4
    assert all(_begins_at_a_line_start(list(alternative)) for alternative in alternatives)


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

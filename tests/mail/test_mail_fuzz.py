"""Fuzzing the mail readers with structured garbage: malformed MIME, wrong or unknown
charsets, truncated base64 and quoted-printable, deep and broken multiparts, mbox "From "
lines inside bodies, raw 8-bit headers. Every input gives messages or error values, never an
exception, and every message's text and headers can be written as UTF-8.

Bounded in CI (the ``ci`` profile); ``FUZZ_EXAMPLES=20000 pytest tests/mail/test_mail_fuzz.py``
runs as long as you like.
"""

from __future__ import annotations

import base64
import email.policy
import os
from datetime import timezone
from email.message import EmailMessage
from email.parser import BytesParser
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.mail import Message, ReadError, iter_messages
from analyzer.mail.eml import message_from_email, parse_email_bytes
from analyzer.mail.model import Origin

EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "40"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

CHARSETS = st.sampled_from(
    [
        "utf-8",
        "us-ascii",
        "iso-8859-1",
        "windows-1252",
        "utf-16",
        "koi8-r",
        "x-unknown",
        "",
        'utf-8"',
    ]
)
ENCODINGS = st.sampled_from(["7bit", "8bit", "base64", "quoted-printable", "x-uuencode", "bogus"])
TYPES = st.sampled_from(["text/plain", "text/html", "application/octet-stream", "text/", "/", ""])
WORDS = st.sampled_from(
    [
        "Unfortunately",
        "we decided",
        "not the right fit",
        "=C3=A9",
        "=\n",
        "=ZZ",
        "<p>",
        "</div",
        "From me",
        "\nFrom someone@x Tue Mar  3 10:00:00 2026\n",
        "é",
        "\x00",
        "\xff",
        "--b",
        "\r\n",
    ]
)
BODY = st.lists(WORDS, max_size=25).map(" ".join)
FLOWED = st.sampled_from(["", "; format=flowed", '; Format="Flowed"; DelSp=Yes', "; format=fixed"])


@st.composite
def encoded_body(draw: st.DrawFn) -> tuple[str, bytes]:
    """A Content-Transfer-Encoding and a body that may or may not match it."""
    encoding = draw(ENCODINGS)
    raw = draw(BODY).encode(draw(st.sampled_from(["utf-8", "latin-1"])), "replace")
    if encoding == "base64":
        raw = base64.b64encode(raw)
        raw = raw[: draw(st.integers(0, len(raw)))]  # often truncated mid-quantum
    return encoding, raw


@st.composite
def part(draw: st.DrawFn, depth: int = 0) -> bytes:
    """One MIME entity: a leaf, or (not too deep) a multipart whose boundary may be wrong."""
    if depth < 3 and draw(st.booleans()):
        boundary = draw(st.sampled_from(["b", "b1", "", "x y", "--"]))
        children = draw(st.lists(part(depth + 1), max_size=3))
        declared = draw(st.sampled_from([boundary, "other", boundary]))
        subtype = draw(st.sampled_from(["mixed", "alternative", "weird"]))
        head = f'Content-Type: multipart/{subtype}; boundary="{declared}"\n\n'
        body = b"".join(b"--" + boundary.encode() + b"\n" + c + b"\n" for c in children)
        closing = draw(st.sampled_from([b"--" + boundary.encode() + b"--\n", b""]))
        return head.encode() + body + closing
    encoding, raw = draw(encoded_body())
    head = (
        f"Content-Type: {draw(TYPES)}; charset={draw(CHARSETS)}{draw(FLOWED)}\n"
        f"Content-Transfer-Encoding: {encoding}\n\n"
    )
    return head.encode() + raw


@st.composite
def email_bytes(draw: st.DrawFn) -> bytes:
    headers = [
        b"From: "
        + draw(
            st.sampled_from([b"Ana <ana@x.org>", b"\xc3\xa9\xff <@>", b"", b"=?utf-8?b?broken?="])
        ),
        b"Subject: "
        + draw(
            st.sampled_from(
                [b"Your application", b"=?iso-8859-1?q?R=E9ponse?=", b"\xff\xfe", b"=?x?q?"]
            )
        ),
        b"Date: "
        + draw(
            st.sampled_from(
                [
                    b"Tue, 3 Mar 2026 10:00:00 +0000",
                    b"yesterday",
                    b"Tue, 31 Feb 2026 99:99",
                    b"",
                    b"3 Mar 26 10:00 EST",
                    b"Tue, 3 Mar 2026 10:00:00 -0000",
                    b"Tue, 3 Mar 2026\n 10:00:00 +0100",
                    b"=?utf-8?q?Tue=2C_3_Mar_2026_10=3A00=3A00_+0000?=",
                    b"Tue, 3 Mar 2026 10:00:00 +0000 \xc3\xa9",
                ]
            )
        ),
        b"Message-ID: " + draw(st.sampled_from([b"<1@x>", b"", b"<\xff>"])),
        b"MIME-Version: 1.0",
    ]
    return (
        b"\n".join(draw(st.permutations(headers))[: draw(st.integers(0, 5))]) + b"\n" + draw(part())
    )


def _check(path: Path) -> None:
    for result in iter_messages([path]):
        assert isinstance(result, (Message, ReadError))
        if isinstance(result, Message):
            assert result.text.strip()
            for value in (result.text, result.sender, result.subject, result.message_id):
                if value is not None:
                    value.encode("utf-8")  # no lone surrogates left behind
        else:
            assert str(result).strip()


@FUZZ
@given(data=email_bytes())
def test_eml_reader(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "fuzz.eml"
    path.write_bytes(data)
    _check(path)


@FUZZ
@given(data=email_bytes())
def test_memoized_headers_read_as_the_default_policy(data: bytes) -> None:
    """Parsed headers are shared between messages; what a message reads is unchanged."""
    origin = Origin("fuzz.eml")
    with_memo = parse_email_bytes(data, origin)
    plain = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(plain, EmailMessage)
    if b"\x00" not in data[:4096]:  # binary data is refused before parsing
        assert with_memo == message_from_email(plain, origin)
    again = parse_email_bytes(data, origin)  # now every header comes from the memo
    assert again == with_memo


@FUZZ
@given(
    messages=st.lists(email_bytes(), min_size=1, max_size=4),
    lead=st.sampled_from([b"From x\n", b"", b"From \n", b"\n"]),
)
def test_mbox_reader(tmp_path: Path, messages: list[bytes], lead: bytes) -> None:
    path = tmp_path / "fuzz.mbox"
    path.write_bytes(b"".join(lead + m + b"\n" for m in messages))
    _check(path)


@FUZZ
@given(
    body=BODY,
    tags=st.lists(
        st.sampled_from(["<p>", "<script>", "<!--", "<br/>", "&amp;", "&#xZZ;", "<table><tr><td>"]),
        max_size=10,
    ),
)
def test_html_reader(tmp_path: Path, body: str, tags: list[str]) -> None:
    path = tmp_path / "fuzz.html"
    path.write_bytes(("".join(tags) + body).encode("utf-8", "replace"))
    _check(path)


@FUZZ
@given(data=st.binary(max_size=2048), ole=st.booleans())
def test_msg_reader(tmp_path: Path, data: bytes, ole: bool) -> None:
    header = bytes.fromhex("d0cf11e0a1b11ae1") if ole else b""  # the OLE signature, then junk
    path = tmp_path / "fuzz.msg"
    path.write_bytes(header + data)
    _check(path)


@FUZZ
@given(
    value=st.one_of(
        st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), max_size=80),
        st.from_regex(r"<[a-z0-9.+_-]{1,20}@[a-z0-9.-]{1,20}>", fullmatch=True),
    ),
    fold=st.booleans(),
)
def test_verbatim_headers_read_as_the_email_package_reads_them(value: str, fold: bool) -> None:
    """Subject and Message-ID in plain ASCII are read without the header parser, identically."""
    from analyzer.mail.eml import header_text

    folded = value.replace(" ", "\r\n ", 1) if fold else value
    raw = f"Subject: {folded}\r\nMessage-ID: {folded}\r\n\r\nBody text.\r\n".encode("ascii")
    parsed = BytesParser(policy=email.policy.default).parsebytes(raw)
    assert isinstance(parsed, EmailMessage)
    for name in ("Subject", "Message-ID"):
        try:
            expected = " ".join(str(parsed.get(name)).split()) or None
        except Exception:  # the stdlib parser raises on some malformed ids ("<")
            expected = None
        assert header_text(parsed, name) == expected


@FUZZ
@given(data=email_bytes())
def test_fast_header_reads_equal_the_email_packages(data: bytes) -> None:
    """The Date header and the Content-Type parameters, read from the raw header values,
    are what the email package's own parsers give (a Date it cannot read is read loosely)."""
    from email.utils import parsedate_to_datetime

    from analyzer.mail.dates import YEARS
    from analyzer.mail.eml import _type_params, header_date

    plain = BytesParser(policy=email.policy.default).parsebytes(data)
    assert isinstance(plain, EmailMessage)
    try:
        value = plain["Date"]
        expected = None if value is None else parsedate_to_datetime(" ".join(str(value).split()))
    except (TypeError, ValueError, IndexError, OverflowError):
        expected = None
    if expected is not None and expected.tzinfo is None:
        expected = expected.replace(tzinfo=timezone.utc)
    if expected is not None and expected.year in YEARS:
        assert header_date(plain) == expected
    for entity in plain.walk():
        assert isinstance(entity, EmailMessage)
        params = _type_params(entity)
        assert params.charset == entity.get_content_charset()
        for name in ("format", "delsp"):
            value = entity.get_param(name)
            assert getattr(params, name) == (
                value.strip().lower() if isinstance(value, str) else None
            )

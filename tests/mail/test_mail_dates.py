"""Date headers in RFC 5322 and in the common other forms found in saved mail."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from analyzer.mail.dates import parse_date
from analyzer.mail.eml import parse_email_bytes
from analyzer.mail.model import Message, Origin

UTC = timezone.utc
PLUS_TWO = timezone(timedelta(hours=2))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Thu, 12 Apr 2018 09:31:00 +0200", datetime(2018, 4, 12, 9, 31, tzinfo=PLUS_TWO)),
        ("2018-04-12 09:31:00", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("2018-04-12T09:31:00Z", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("2018-04-12T09:31:00+02:00", datetime(2018, 4, 12, 9, 31, tzinfo=PLUS_TWO)),
        ("2018-04-12 09:31:00 CEST", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("2018/04/12 09:31", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("12/04/2018 09:31", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("04/13/2018 09:31", datetime(2018, 4, 13, 9, 31, tzinfo=UTC)),
        ("12.04.2018 09:31", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("Thu, 12 Apr 2018 9:31 AM", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
        ("Thursday, April 12, 2018 9:31:00 PM", datetime(2018, 4, 12, 21, 31, tzinfo=UTC)),
        ("  12 Apr 2018\t09:31 GMT ", datetime(2018, 4, 12, 9, 31, tzinfo=UTC)),
    ],
)
def test_common_forms_are_read(raw: str, expected: datetime) -> None:
    assert parse_date(raw) == expected


@pytest.mark.parametrize(
    "raw", [None, "", "yesterday", "5", "Thu 9:31", "soon, promise", "31/31/2018", "x" * 200]
)
def test_what_names_no_full_date_is_none(raw: str | None) -> None:
    assert parse_date(raw) is None


@pytest.mark.parametrize("header", ["2018-04-12 09:31:00", "Thu, 12 Apr 2018 9:31 AM"])
def test_an_email_with_a_non_rfc_date_gets_its_date(header: str) -> None:
    data = (
        f"From: hr@example.com\nSubject: Your application\nDate: {header}\n\n"
        "Thank you for applying. We have chosen another candidate.\n"
    )
    message = parse_email_bytes(data.encode(), Origin("m.eml"))
    assert isinstance(message, Message)
    assert message.date == datetime(2018, 4, 12, 9, 31, tzinfo=UTC)

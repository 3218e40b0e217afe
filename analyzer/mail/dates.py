"""Date headers as written in the wild: RFC 5322 first, then the common other forms.

Saved mail often carries a Date that is not RFC 5322: ``2018-04-12 09:31:00`` from an export,
ISO 8601 from a web form, ``12/04/2018 09:31`` or ``Thu, 12 Apr 2018 9:31 AM`` from a client.
The standard library reads the first kinds; ``python-dateutil`` reads what it gives up on.
A date that names no year, or a year outside :data:`YEARS`, is taken as unreadable.
"""

from __future__ import annotations

import re
import warnings
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

#: The years a Date header may plausibly name; outside them the parse was a misreading.
YEARS = range(1970, 2200)
#: What dateutil fills in for a missing field: year 1 falls outside YEARS, so no year, no date.
_NO_YEAR = datetime(1, 1, 1)
#: A date written year first (``2018-04-12``, ``2018/04/12``) keeps the month second.
_YEAR_FIRST = re.compile(r"\d{4}\D")
#: A 12-hour clock, which the RFC 5322 parser reads past (9:31 PM as 9:31).
_TWELVE_HOUR = re.compile(r"\d\s*[ap]\.?m\b", re.IGNORECASE)
#: A header longer than this is not a date (and is not worth parsing).
MAX_DATE_CHARS = 100


def parse_date(raw: str | None) -> datetime | None:
    """``raw`` as an aware datetime (UTC when it names no zone), or ``None`` if unreadable.

    Numeric day and month in either order are read day first (``12/04/2018`` is 12 April)
    unless only the other order is a valid date (``04/13/2018``).
    """
    if not raw or len(raw) > MAX_DATE_CHARS:
        return None
    text = " ".join(raw.split())
    strict = None if _TWELVE_HOUR.search(text) else _rfc5322(text) or _iso(text)
    date = strict or _loose(text)
    if date is None or date.year not in YEARS:
        return None
    return date if date.tzinfo is not None else date.replace(tzinfo=timezone.utc)


def _rfc5322(text: str) -> datetime | None:
    try:
        return parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None


def _iso(text: str) -> datetime | None:
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00", 1) if text[-1:] in "zZ" else text)
    except ValueError:
        return None


def _loose(text: str) -> datetime | None:
    from dateutil import parser

    with warnings.catch_warnings():  # an unknown zone name is read as no zone: UTC
        warnings.simplefilter("ignore")
        try:
            year_first = bool(_YEAR_FIRST.match(text))
            return parser.parse(
                text, dayfirst=not year_first, yearfirst=year_first, default=_NO_YEAR
            )
        except (ValueError, OverflowError, TypeError):
            return None

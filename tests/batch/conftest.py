"""Fixtures for the batch tests: mail files of every supported format, built in tmp_path."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

import pytest

REJECTION = (
    "Dear Sam,\n\nThank you for your interest in the analyst role. After careful consideration "
    "we have decided to move forward with other candidates who more closely match our needs. "
    "We will keep your resume on file.\n\nBest regards,\nThe Hiring Team"
)
NOW = datetime(2024, 3, 10, 12, 0, tzinfo=timezone.utc)


def email_message(
    body: str = REJECTION,
    *,
    subject: str = "Your application",
    sender: str = "Hiring Team <jobs@example.com>",
    date: datetime | None = NOW,
    message_id: str | None = "<1@example.com>",
) -> EmailMessage:
    """A text/plain email with the usual headers."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["Subject"] = subject
    if date is not None:
        msg["Date"] = format_datetime(date)
    if message_id is not None:
        msg["Message-ID"] = message_id
    msg.set_content(body)
    return msg


def variant(n: int) -> str:
    """A rejection text that differs from the others by its n."""
    return REJECTION.replace("analyst role", f"analyst role number {n}")


@pytest.fixture
def write(tmp_path: Path) -> Callable[[str, bytes | str], Path]:
    """Write bytes or text to ``tmp_path / name`` (folders created) and return the path."""

    def _write(name: str, data: bytes | str) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, str):
            path.write_text(data, encoding="utf-8")
        else:
            path.write_bytes(data)
        return path

    return _write

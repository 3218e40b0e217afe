"""Fixtures for the mail reader tests: emails and files built in code."""

from __future__ import annotations

from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path

import pytest


def build_email(
    body: str = "Hello from the customer.",
    *,
    subject: str = "Feedback",
    sender: str = "Alice Example <alice@example.com>",
    date: str | None = "Mon, 01 Jan 2024 10:00:00 +0100",
    message_id: str | None = "<1@example.com>",
    cte: str | None = None,
) -> EmailMessage:
    """Build a single-part text/plain email with the usual headers."""
    msg = EmailMessage()
    msg["From"] = sender
    msg["Subject"] = subject
    if date is not None:
        msg["Date"] = date
    if message_id is not None:
        msg["Message-ID"] = message_id
    if cte is None:
        msg.set_content(body)
    else:
        msg.set_content(body, cte=cte)
    return msg


@pytest.fixture
def make_email() -> Callable[..., EmailMessage]:
    """Return :func:`build_email` (keyword options: subject, sender, date...)."""
    return build_email


@pytest.fixture
def write_file(tmp_path: Path) -> Callable[[str, bytes], Path]:
    """Return a function writing bytes to ``tmp_path / name`` (dirs created)."""

    def write(name: str, data: bytes) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        return path

    return write

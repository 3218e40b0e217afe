"""Shared fixtures. Every pipeline here is built on spacy.blank("en"): no download needed."""

from __future__ import annotations

import mailbox
import os
import socket
from collections.abc import Callable
from email.message import EmailMessage
from pathlib import Path
from typing import Any

import pytest

from analyzer.analysis import Analyzer

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = Path(__file__).parent / "examples"


class NetworkBlocked(RuntimeError):
    """Raised when code under test tries to reach the network."""


def _refusing(original: Callable[..., Any]) -> Callable[..., Any]:
    def guarded(sock: socket.socket, *args: Any, **kwargs: Any) -> Any:
        if sock.family == socket.AF_UNIX:
            return original(sock, *args, **kwargs)
        raise NetworkBlocked(f"network access attempted: {args[:1]!r}")

    return guarded


def _refuse(*args: Any, **kwargs: Any) -> Any:
    raise NetworkBlocked(f"network access attempted: {args[:1]!r}")


def pytest_configure(config: pytest.Config) -> None:
    """Block the network for the whole run: the analyzer must work fully offline.

    Inet sockets cannot connect and no name is resolved; Unix sockets (used by process pools
    on some platforms) still work. Subprocesses (the wheel test's pip) are not affected.
    """
    socket.socket.connect = _refusing(socket.socket.connect)  # type: ignore[method-assign]
    socket.socket.connect_ex = _refusing(socket.socket.connect_ex)  # type: ignore[method-assign]
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse


@pytest.fixture(scope="session")
def rules_only() -> Analyzer:
    """An analyzer with the built-in rules and no classifiers."""
    return Analyzer(use_models=False)


@pytest.fixture(scope="session")
def nlp(rules_only: Analyzer):  # type: ignore[no-untyped-def]
    return rules_only.nlp


def check_golden(name: str, actual: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN"):
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(actual, encoding="utf-8")
    assert path.exists(), f"missing golden file {path}; run with UPDATE_GOLDEN=1"
    assert actual == path.read_text(encoding="utf-8")


@pytest.fixture
def write_mbox(tmp_path: Path) -> Callable[[str, list[EmailMessage]], Path]:
    """Return a function writing ``messages`` into an mbox under ``tmp_path`` (dirs created)."""

    def write(name: str, messages: list[EmailMessage]) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        box = mailbox.mbox(str(path))
        try:
            for message in messages:
                box.add(message)
            box.flush()
        finally:
            box.close()
        return path

    return write

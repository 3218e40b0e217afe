"""The suite runs with the network blocked (see conftest), and the analyzer works under it."""

from __future__ import annotations

import socket
import urllib.request

import pytest

import analyzer

from .conftest import NetworkBlocked


@pytest.mark.parametrize(
    "attempt",
    [
        lambda: socket.create_connection(("192.0.2.1", 80), timeout=1),
        lambda: socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(("192.0.2.1", 80)),
        lambda: socket.getaddrinfo("example.org", 443),
        lambda: urllib.request.urlopen("http://192.0.2.1/", timeout=1),
    ],
    ids=["create_connection", "connect", "getaddrinfo", "urlopen"],
)
def test_the_network_is_blocked(attempt) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(Exception) as info:
        attempt()
    assert any(isinstance(exc, NetworkBlocked) for exc in _chain(info.value))


def _chain(exc: BaseException | None) -> list[BaseException]:
    """The exception, what it wraps (urllib's ``reason``) and what caused it."""
    seen: list[BaseException] = []
    while exc is not None and exc not in seen:
        seen.append(exc)
        wrapped = getattr(exc, "reason", None)
        exc = wrapped if isinstance(wrapped, BaseException) else exc.__cause__ or exc.__context__
    return seen


def test_analysis_with_models_runs_offline() -> None:
    report = analyzer.analyze("We went with a candidate who was more qualified. Best, Ana")
    # a bare "we went with someone else" reads as a rejection or as the answer to "why?"
    assert report.kind.label in ("rejection", "feedback_reply")
    # the decision and its unanchored basis, as the annotated real mail marks them both
    assert [f.text for f in report.findings] == ["went with a candidate", "more qualified"]

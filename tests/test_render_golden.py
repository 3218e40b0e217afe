"""Rendered output of the team's own example replies, compared with golden files."""

from __future__ import annotations

from pathlib import Path

import pytest
from rich.console import Console

from analyzer.analysis import Analyzer
from analyzer.render import plain
from analyzer.render.terminal import render

from .conftest import check_golden

EXAMPLES = Path(__file__).parent / "examples"
NAMES = ["warm_manager", "ats_decline", "quoted_thread", "explained_note"]


@pytest.mark.parametrize("name", NAMES)
@pytest.mark.parametrize(("fmt", "func"), [("txt", plain.to_text), ("md", plain.to_markdown)])
def test_golden(rules_only: Analyzer, name: str, fmt: str, func) -> None:  # type: ignore[no-untyped-def]
    text = (EXAMPLES / f"{name}.txt").read_text(encoding="utf-8")
    check_golden(f"analyze/{name}.{fmt}", func(rules_only.analyze(text)))


def test_rich_highlights_every_finding_and_respects_no_color(rules_only: Analyzer) -> None:
    text = (EXAMPLES / "warm_manager.txt").read_text(encoding="utf-8")
    report = rules_only.analyze(text)
    console = Console(record=True, width=100, color_system="truecolor", force_terminal=True)
    console.print(render(report))
    out = console.export_text(styles=True)
    assert "\x1b[" in out
    plain_console = Console(record=True, width=100, no_color=True, force_terminal=True)
    plain_console.print(render(report))
    shown = " ".join(plain_console.export_text().split())
    missing = [f.text for f in report.findings if f.text.split()[0] not in shown]
    assert not missing

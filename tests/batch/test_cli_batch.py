"""The ``batch`` command: exit codes, stdout/stderr apart, resume, interruption, HTML escaping."""

from __future__ import annotations

import html
import json
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

import analyzer.batch
from analyzer.commands.batch import batch
from analyzer.exitcodes import ExitCode

from .conftest import NOW, email_message, variant

NOW_ARG = ["--now", NOW.isoformat()]


def invoke(*args: str | Path) -> Result:
    return CliRunner().invoke(batch, [*map(str, args), "-j", "1", *NOW_ARG])


@pytest.fixture
def inbox(tmp_path: Path, write: Callable[..., Path]) -> Path:
    folder = tmp_path / "inbox"
    for n in range(4):
        write(f"inbox/m{n}.eml", bytes(email_message(variant(n), message_id=f"<{n}@x>")))
    return folder


def test_all_analyzed_exits_0_with_the_summary_on_stdout(inbox: Path) -> None:
    result = invoke(inbox)
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "Messages by kind" in result.stdout and "Reasons given" in result.stdout
    assert "Fresh enough to ask about" in result.stdout
    assert "Your application" in result.stdout  # the fresh ones (dated NOW) are listed
    assert result.stderr == ""


def test_some_inputs_failed_exits_partial(inbox: Path, write: Callable[..., Path]) -> None:
    bad = write("inbox/empty.eml", b"")
    result = invoke(inbox, inbox.parent / "nothing.mbox", "-o", inbox.parent / "out.csv")
    assert result.exit_code == ExitCode.PARTIAL
    assert f"{bad}: file is empty" in result.stderr
    assert "nothing.mbox" in result.stderr and "nothing.mbox" not in result.stdout
    rows = (inbox.parent / "out.csv").read_text().splitlines()
    assert len(rows) == 1 + 6 and sum(r.startswith("error,") for r in rows) == 2


@pytest.mark.parametrize(
    "args",
    [
        ["--resume"],
        ["--resume", "-o", "out.csv"],
        ["-o", "out.txt"],
        ["--html", "r.pdf"],
        ["--kind", "spam"],
        ["--jobs", "0"],
        ["--now", "soon"],
    ],
)
def test_usage_errors_exit_2(inbox: Path, args: list[str]) -> None:
    result = CliRunner().invoke(batch, [str(inbox), *args])
    assert result.exit_code == ExitCode.USAGE
    assert result.stdout == ""


def test_no_paths_is_a_usage_error() -> None:
    assert CliRunner().invoke(batch, []).exit_code == ExitCode.USAGE


def test_resume_skips_finished_messages(inbox: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = inbox.parent / "out.jsonl"
    assert invoke(inbox / "m0.eml", inbox / "m1.eml", "-o", out).exit_code == 0
    analyzed: list[str] = []
    real = analyzer.batch.analyze_texts

    def spy(analyzer_: object, texts: list[str], *rest: object) -> object:
        analyzed.extend(texts)
        return real(analyzer_, texts, *rest)  # type: ignore[arg-type]

    monkeypatch.setattr(analyzer.batch, "analyze_texts", spy)
    result = invoke(inbox, "-o", out, "--resume")
    assert result.exit_code == 0, result.stderr
    assert len(analyzed) == 2  # m2 and m3 only
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    assert [Path(r["source"]["path"]).name for r in rows] == [f"m{n}.eml" for n in range(4)]
    assert "from the earlier run" in result.stdout


def test_interrupted_run_closes_the_output_and_exits_130(
    inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = analyzer.batch.run_batch

    def interrupted(paths: object, options: object) -> Iterator[object]:
        for n, item in enumerate(real(paths, options)):  # type: ignore[arg-type]
            if n == 2:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(analyzer.batch, "run_batch", interrupted)
    out, page = inbox.parent / "out.jsonl", inbox.parent / "r.html"
    result = invoke(inbox, "-o", out, "--html", page)
    assert result.exit_code == ExitCode.INTERRUPTED
    assert "interrupted: 2 message(s)" in result.stderr
    assert [json.loads(line)["status"] for line in out.read_text().splitlines()] == ["ok", "ok"]
    assert "interrupted" in page.read_text()


def test_only_rejections_without_kind_model_keeps_all_and_says_so_once(
    inbox: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from analyzer.report import Prediction

    real = analyzer.batch.analyze_texts

    def no_kind(analyzer_: object, texts: list[str], *rest: object) -> list[object]:
        reports = real(analyzer_, texts, *rest)  # type: ignore[arg-type]
        return [r.__class__(**{**r.__dict__, "kind": Prediction(None)}) for r in reports]

    monkeypatch.setattr(analyzer.batch, "analyze_texts", no_kind)
    result = invoke(inbox, "--only", "rejections")
    assert result.exit_code == 0
    assert result.stderr.count("note:") == 1
    assert "unknown" in result.stdout


PAYLOADS = (
    "<script>alert(1)</script>",
    '" onmouseover="alert(2)',
    "'><img src=x onerror=alert(3)>",
)


def test_html_report_escapes_every_piece_of_email_text(
    tmp_path: Path, write: Callable[..., Path]
) -> None:
    body = variant(1) + "\n" + " ".join(PAYLOADS) + "\nnot the right fit <b>bold</b>"
    msg = email_message(body, subject=" ".join(PAYLOADS), sender=f"{PAYLOADS[1]} <a@b.c>")
    write("evil.eml", bytes(msg))
    write("evil2.txt", "<script>alert(4)</script> " + variant(2))
    page = tmp_path / "r.html"
    result = invoke(tmp_path / "evil.eml", tmp_path / "evil2.txt", "--html", page)
    assert result.exit_code == 0, result.stderr
    text = page.read_text(encoding="utf-8")
    for payload in (*PAYLOADS, "<script>alert(4)", "<b>bold</b>"):
        assert payload not in text
    assert "<script" not in text.lower()
    assert html.escape(PAYLOADS[0]) in text
    assert "onerror=" not in text.replace("onerror=alert(3)&gt;", "")
    assert "<mark class=" in text  # highlighted phrases
    assert "http://" not in text and "https://" not in text  # nothing fetched


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_broken_model_fails_fast_with_the_model_exit_code(
    inbox: Path, monkeypatch: pytest.MonkeyPatch, jobs: str
) -> None:
    import analyzer.analysis
    from analyzer.errors import ModelError

    class Broken(analyzer.analysis.Analyzer):
        @property
        def models(self) -> None:
            raise ModelError("models/kind.joblib: corrupt")

    monkeypatch.setattr(analyzer.analysis, "Analyzer", Broken)
    analyzer.batch.worker_analyzer.cache_clear()
    try:
        result = CliRunner().invoke(batch, [str(inbox), "-q", "-j", jobs])
    finally:
        analyzer.batch.worker_analyzer.cache_clear()
    assert result.exit_code == ExitCode.MODEL
    assert "corrupt" in result.stderr

"""PDF and Word letters, alone or attached, through every command that reads files."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analyzer.cli import cli
from analyzer.exitcodes import ExitCode
from tests.mail.test_mail_msg import FakeOutlook

from .builders import PNG_HEAD
from .conftest import LETTER
from .test_letters_in_mail import FakeAttachment, OutlookWithAttachments

COMMANDS = [
    # (command and options, whether stdout is the JSON report)
    (["analyze", "--json"], True),
    (["questions", "--json"], True),
    (["draft", "--format", "text"], False),
]
READABLE = [
    # (id, file name, fixture, parts expected as (part, format, name))
    ("pdf", "letter.pdf", "letter_pdf", [("file", "pdf", "letter.pdf")]),
    ("pdf-named-txt", "letter.txt", "letter_pdf", [("file", "pdf", "letter.txt")]),
    ("docx", "letter.docx", "letter_docx", [("file", "docx", "letter.docx")]),
    (
        "eml-with-pdf",
        "mail.eml",
        "eml_with_pdf",
        [("attachment", "pdf", "outcome.pdf"), ("body", "text", None)],
    ),
]
UNREADABLE = [
    # (id, file name, fixture or bytes, reason fragment)
    ("scan", "scan.pdf", "scan_pdf", "no text layer"),
    ("encrypted", "locked.pdf", "locked_pdf", "password-protected"),
    ("png-named-pdf", "letter.pdf", PNG_HEAD, "looks like a PNG image"),
]


def _invoke(args: list[str]) -> Result:
    return CliRunner().invoke(cli, args)


def _write(request: pytest.FixtureRequest, folder: Path, name: str, data: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(request.getfixturevalue(data) if isinstance(data, str) else data)
    return path


def _check_parts(result: Result, is_json: bool, parts: list[tuple[str, str, str | None]]) -> None:
    assert result.exit_code == ExitCode.OK, result.output
    if is_json:
        data = json.loads(result.stdout)
        assert [(p["part"], p["format"], p["name"]) for p in data["parts"]] == parts
        assert any(n.startswith("text read from") for n in data["notes"])
    else:
        assert "text read from" in result.stderr
        assert "Research Assistant" in result.stdout  # the draft names the role in the letter


@pytest.mark.parametrize(("command", "is_json"), COMMANDS, ids=[c[0][0] for c in COMMANDS])
@pytest.mark.parametrize(
    ("name", "fixture", "parts"), [c[1:] for c in READABLE], ids=[c[0] for c in READABLE]
)
def test_letters_are_analyzed(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    command: list[str],
    is_json: bool,
    name: str,
    fixture: str,
    parts: list[tuple[str, str, str | None]],
) -> None:
    path = _write(request, tmp_path, name, fixture)
    result = _invoke([command[0], "-f", str(path), *command[1:]])
    _check_parts(result, is_json, parts)


def test_analyze_finds_the_letters_phrases_at_their_offsets(
    tmp_path: Path, eml_with_pdf: bytes
) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(eml_with_pdf)
    result = _invoke(["analyze", "-f", str(path), "--json"])
    data = json.loads(result.stdout)
    letter = data["parts"][0]
    inside = [f for f in data["findings"] if letter["start"] <= f["start"] < letter["end"]]
    assert {f["text"] for f in inside} >= {"stronger experience"}


@pytest.mark.parametrize("command", [c[0] for c in COMMANDS], ids=[c[0][0] for c in COMMANDS])
@pytest.mark.parametrize(
    ("name", "data", "reason"), [c[1:] for c in UNREADABLE], ids=[c[0] for c in UNREADABLE]
)
def test_unreadable_letters_exit_3_in_one_line(
    request: pytest.FixtureRequest,
    tmp_path: Path,
    command: list[str],
    name: str,
    data: str | bytes,
    reason: str,
) -> None:
    path = _write(request, tmp_path, name, data)
    result = _invoke([command[0], "-f", str(path), *command[1:]])
    assert result.exit_code == ExitCode.INPUT
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Error: ") and reason in lines[0]


STDIN_CASES = [
    # (id, fixture or bytes, exit code, what stdout or stderr says)
    ("pdf", "letter_pdf", ExitCode.OK, '"format": "pdf"'),
    ("scan", "scan_pdf", ExitCode.INPUT, "Error: stdin: the PDF has no text layer"),
    ("png", PNG_HEAD, ExitCode.INPUT, "Error: stdin: not a letter: looks like a PNG image"),
]


@pytest.mark.parametrize(
    ("data", "code", "says"), [c[1:] for c in STDIN_CASES], ids=[c[0] for c in STDIN_CASES]
)
def test_letters_piped_to_stdin(
    request: pytest.FixtureRequest, data: str | bytes, code: ExitCode, says: str
) -> None:
    piped = request.getfixturevalue(data) if isinstance(data, str) else data
    result = CliRunner().invoke(cli, ["analyze", "--json"], input=piped)
    assert result.exit_code == code
    assert says in (result.stdout if code == ExitCode.OK else result.stderr)


def test_plain_text_does_not_load_the_document_readers(tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text("\n".join(LETTER), encoding="utf-8")
    probe = (
        "import sys; from pathlib import Path; from analyzer.cliutils import read_input; "
        f"read_input(None, Path({str(path)!r})); "
        "print(sorted(m for m in ('pypdf', 'docx', 'lxml') if m in sys.modules))"
    )
    root = Path(__file__).parents[2]  # this checkout, not another installed copy
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, cwd=root
    )
    assert done.stdout.strip() == "[]"


def test_msg_with_a_pdf_letter(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, letter_pdf: bytes
) -> None:
    fake: FakeOutlook = OutlookWithAttachments(
        body="Please see the attached letter.",
        attachments=[FakeAttachment(letter_pdf, "outcome.pdf")],
    )
    monkeypatch.setattr("extract_msg.openMsg", lambda path: fake)
    path = tmp_path / "mail.msg"
    path.write_bytes(b"placeholder")
    result = _invoke(["analyze", "-f", str(path), "--json"])
    _check_parts(result, True, [("attachment", "pdf", "outcome.pdf"), ("body", "text", None)])


def test_redact_masks_the_text_and_keeps_the_parts_on_it(
    tmp_path: Path, eml_with_pdf: bytes
) -> None:
    path = tmp_path / "mail.eml"
    path.write_bytes(eml_with_pdf)
    result = _invoke(["analyze", "-f", str(path), "--json", "--redact"])
    data = json.loads(result.stdout)
    assert data["parts"][0]["end"] < data["parts"][1]["start"]
    for finding in data["findings"]:
        assert data["parts"][0]["start"] <= finding["start"] < data["parts"][-1]["end"]


def test_batch_folder_with_letters_goes_on_past_a_scan(
    request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    folder = tmp_path / "letters"
    folder.mkdir()
    for name, fixture in [
        ("a.pdf", "letter_pdf"),
        ("b.pdf", "scan_pdf"),
        ("c.eml", "eml_with_pdf"),
        ("d.docx", "letter_docx"),
        ("e.pdf", PNG_HEAD),
    ]:
        _write(request, folder, name, fixture)
    output = tmp_path / "out.jsonl"
    result = _invoke(["batch", str(folder), "-j", "1", "-q", "--no-models", "-o", str(output)])
    assert result.exit_code == ExitCode.PARTIAL
    rows = {
        Path(r["source"]["path"]).name: r for r in map(json.loads, output.read_text().splitlines())
    }
    assert {n: r["status"] for n, r in rows.items()} == {
        "a.pdf": "ok",
        "b.pdf": "error",
        "c.eml": "ok",
        "d.docx": "duplicate",  # the same letter as a.pdf
        "e.pdf": "error",
    }
    assert "no text layer" in rows["b.pdf"]["error"] and "PNG" in rows["e.pdf"]["error"]
    assert rows["a.pdf"]["source"]["parts"] == [{"part": "file", "format": "pdf", "name": "a.pdf"}]
    assert [p["name"] for p in rows["c.eml"]["source"]["parts"]] == ["outcome.pdf", None]
    report = rows["c.eml"]["report"]
    assert [p["part"] for p in report["parts"]] == ["attachment", "body"]
    assert any(n.startswith("text read from the attached PDF") for n in report["notes"])
    assert "Traceback" not in result.output and LETTER[0] not in result.stderr

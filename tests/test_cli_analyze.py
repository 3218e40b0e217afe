"""The analyze, rules and evaluate commands through Click's CliRunner (stdout, stderr apart)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.exitcodes import ExitCode

REPLY = "We went with someone more qualified. We will keep your CV on file."


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def run(runner: CliRunner, args: list[str], stdin: str | bytes | None = None):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, args, input=stdin, catch_exceptions=False)


def test_text_argument_json(runner: CliRunner) -> None:
    result = run(runner, ["analyze", REPLY, "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {f["text"] for f in data["findings"]} >= {"more qualified", "keep your CV on file"}
    for f in data["findings"]:
        assert REPLY[f["start"] : f["end"]] == f["text"]
    assert result.stderr == ""


def test_file_input(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "reply.txt"
    path.write_text(REPLY, encoding="utf-8")
    result = run(runner, ["analyze", "-f", str(path), "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout)["findings"]


@pytest.mark.parametrize("args", [["analyze"], ["analyze", "-f", "-"], ["analyze", "-"]])
def test_stdin_input(runner: CliRunner, args: list[str]) -> None:
    result = run(runner, [*args, "--format", "text"], stdin=REPLY)
    assert result.exit_code == 0
    assert "[more qualified]" in result.stdout


@pytest.mark.parametrize(
    ("fmt", "marker"),
    [("text", "Vague phrases:"), ("markdown", "## Vague phrases"), ("rich", "Vague phrases")],
)
def test_formats(runner: CliRunner, fmt: str, marker: str) -> None:
    result = run(runner, ["analyze", REPLY, "--format", fmt])
    assert result.exit_code == 0
    assert marker in result.stdout


def test_piped_default_is_plain_text(runner: CliRunner) -> None:
    result = run(runner, ["analyze", REPLY])
    assert "\x1b[" not in result.stdout
    assert "Questions to ask, in order:" in result.stdout


def test_example(runner: CliRunner) -> None:
    result = run(runner, ["analyze", "--example", "--json"])
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["findings"]) >= 4


@pytest.mark.parametrize(
    ("encoding", "text"),
    [
        ("cp1252", "We felt you weren’t quite senior enough – sorry."),
        ("utf-16", "We felt you weren’t quite senior enough – sorry."),
    ],
)
def test_other_encodings_are_decoded_with_a_note(
    runner: CliRunner, tmp_path: Path, encoding: str, text: str
) -> None:
    path = tmp_path / "reply.txt"
    path.write_bytes(text.encode(encoding))
    result = run(runner, ["analyze", "-f", str(path), "--json"])
    assert result.exit_code == 0
    assert "note:" in result.stderr
    assert any(f["text"] == "We felt" for f in json.loads(result.stdout)["findings"])


def _write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _big(path: Path) -> Path:
    with path.open("wb") as fh:
        fh.seek(11 * 1024 * 1024)
        fh.write(b"x")
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda p: p / "missing.txt", "not found"),
        (lambda p: _write(p / "empty.txt", b""), "empty"),
        (lambda p: _write(p / "blank.txt", b"  \n\t "), "whitespace"),
        (lambda p: _write(p / "bin.txt", b"\x00\x01\x02PK\x03\x04" * 50), "binary"),
        (lambda p: p, "directory"),
        (lambda p: _big(p / "big.txt"), "larger than"),
    ],
)
def test_bad_files_give_one_line_and_input_exit_code(
    runner: CliRunner,
    tmp_path: Path,
    make,
    message: str,  # type: ignore[no-untyped-def]
) -> None:
    path = make(tmp_path)
    result = run(runner, ["analyze", "-f", str(path)])
    assert result.exit_code == ExitCode.INPUT
    assert result.stdout == ""
    assert message in result.stderr.lower()
    assert len(result.stderr.strip().splitlines()) == 1
    assert "Traceback" not in result.stderr


@pytest.mark.parametrize("stdin", ["", "   \n  "])
def test_empty_stdin(runner: CliRunner, stdin: str) -> None:
    result = run(runner, ["analyze"], stdin=stdin)
    assert result.exit_code == ExitCode.INPUT
    assert result.stdout == ""


def test_text_and_file_together_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "r.txt"
    path.write_text(REPLY)
    result = run(runner, ["analyze", REPLY, "-f", str(path)])
    assert result.exit_code == ExitCode.USAGE


def test_user_rules_add_findings(runner: CliRunner, tmp_path: Path) -> None:
    rules = tmp_path / "coach.jsonl"
    rules.write_text(
        '{"label": "fit_euphemism", "pattern": "not a natural fit for the squad"}\n'
        '{"label": "unspecified_gap", "pattern": [{"LOWER": "rough"}, {"LEMMA": "edge"}],'
        ' "explanation": "Which edges?"}\n',
        encoding="utf-8",
    )
    text = "We will not move forward: you are not a natural fit for the squad and have rough edges."
    result = run(runner, ["analyze", text, "--rules", str(rules), "--json"])
    assert result.exit_code == 0, result.stderr
    found = {f["text"]: f for f in json.loads(result.stdout)["findings"]}
    assert "not a natural fit for the squad" in found
    assert found["rough edges"]["explanation"] == "Which edges?"


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("{not json", "coach.jsonl:2: not valid JSON"),
        ('{"label": "nonsense", "pattern": "x"}', "coach.jsonl:2: label must be one of"),
        (
            '{"label": "fit_euphemism", "pattern": [{"LOWERR": "x"}]}',
            "coach.jsonl:2: invalid token",
        ),
        ('{"label": "fit_euphemism", "pattern": 5}', "coach.jsonl:2: pattern must be"),
    ],
)
def test_malformed_rules_name_the_line(
    runner: CliRunner, tmp_path: Path, line: str, expected: str
) -> None:
    rules = tmp_path / "coach.jsonl"
    rules.write_text('{"label": "fit_euphemism", "pattern": "ok"}\n' + line + "\n")
    result = run(runner, ["analyze", REPLY, "--rules", str(rules)])
    assert result.exit_code == ExitCode.RULES
    assert expected in result.stderr
    assert result.stdout == ""


def test_rules_command_lists_types_and_patterns(runner: CliRunner) -> None:
    result = run(runner, ["rules"])
    assert result.exit_code == 0
    for vague_type in ("unanchored_comparison", "fit_euphemism", "decision_formula"):
        assert f"{vague_type}:" in result.stdout
    assert "df-decided-other" in result.stdout


def test_rules_command_json_is_the_pattern_format(runner: CliRunner) -> None:
    result = run(runner, ["rules", "--type", "fit_euphemism", "--json"])
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["label"] == "fit_euphemism" and r["pattern"] for r in rows)


def test_rules_command_unknown_type(runner: CliRunner) -> None:
    assert run(runner, ["rules", "--type", "nope"]).exit_code == ExitCode.USAGE


def test_evaluate_on_own_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    text = "We decided to move forward with other candidates who were more qualified."
    row = {
        "id": "t1",
        "text": text,
        "kind": "rejection",
        "feedback_policy": "unspecified",
        "reasons": ["competition"],
        "specific_feedback": [],
        "vague_phrases": [
            {"span": "decided to move forward with other candidates", "type": "decision_formula"},
            {"span": "more qualified", "type": "unanchored_comparison"},
        ],
    }
    gold.write_text(json.dumps(row) + "\n")
    result = run(runner, ["evaluate", "--gold", str(gold), "--json", "--no-models"])
    assert result.exit_code == 0
    spans = json.loads(result.stdout)["spans"]
    assert spans["recall"] == 1.0 and spans["precision"] == 1.0


def _gold_row(n: int, text: str, policy: str, reasons: list[str]) -> dict[str, object]:
    return {
        "id": f"p{n}",
        "text": text,
        "kind": "rejection",
        "feedback_policy": policy,
        "reasons": reasons,
        "vague_phrases": [],
    }


def test_evaluate_plans_on_own_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        _gold_row(
            1,
            "We went with people whose skills were more closely aligned.",
            "unspecified",
            ["competition"],
        ),
        _gold_row(
            2,
            "Sadly we cannot give feedback on applications. We chose someone else.",
            "declines",
            ["competition"],
        ),
        _gold_row(3, "The post was cancelled after a budget cut.", "unspecified", ["logistics"]),
    ]
    gold.write_text("".join(json.dumps(r) + "\n" for r in rows))
    result = run(runner, ["evaluate", "--gold", str(gold), "--plans", "--json", "--no-models"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["plans"] == 3 and data["issues"] == []
    assert data["declines_plans"] == 1 and data["out_of_control_plans"] == 1
    assert data["max_pairwise_similarity"] < data["similarity_threshold"]
    assert max(int(k) for k in data["plan_sizes"]) <= 4
    text = run(runner, ["evaluate", "--gold", str(gold), "--plans", "--no-models"])
    assert "Every plan passes every check." in text.stdout


def test_evaluate_bad_gold_file(runner: CliRunner, tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text('{"text": "x"}\n')
    result = run(runner, ["evaluate", "--gold", str(gold)])
    assert result.exit_code == ExitCode.INPUT
    assert "gold.jsonl:1" in result.stderr


@pytest.mark.parametrize("command", ["analyze", "rules", "evaluate"])
def test_every_command_has_help(runner: CliRunner, command: str) -> None:
    result = run(runner, [command, "--help"])
    assert result.exit_code == 0 and "Usage:" in result.stdout


def test_the_readme_shows_the_current_example_output(runner: CliRunner) -> None:
    """The README's first example is this command's real output (it must not drift)."""
    command = "$ feedback-analyzer analyze --example --format text\n"
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    start = readme.index(command) + len(command)
    shown = readme[start : readme.index("```", start)]
    result = run(runner, ["analyze", "--example", "--format", "text"])
    assert result.exit_code == 0
    assert result.stdout == shown

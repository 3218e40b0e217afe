"""Only English is analyzed: letters in French, German, Dutch and Spanish are told apart (with a
note and their own exit code), and English letters with a few foreign words stay English.

The letters are in ``letters.jsonl`` beside this file, written for these tests.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result
from hypothesis import given, settings
from hypothesis import strategies as st

import analyzer.language
from analyzer.analysis import Analyzer
from analyzer.cli import cli
from analyzer.commands.batch import batch
from analyzer.exitcodes import ExitCode
from analyzer.language import ENGLISH, detect_language, english_share

LETTERS = [
    json.loads(line)
    for line in (Path(__file__).parent / "letters.jsonl").read_text(encoding="utf-8").splitlines()
]
FOREIGN = [letter for letter in LETTERS if letter["lang"] != ENGLISH]
ENGLISH_LETTERS = [letter for letter in LETTERS if letter["lang"] == ENGLISH]
NAMES = {"fr": "French", "de": "German", "nl": "Dutch", "es": "Spanish"}


def _ids(letters: list[dict[str, str]]) -> list[str]:
    return [letter["id"] for letter in letters]


def test_the_letters_cover_four_languages_and_english() -> None:
    assert {letter["lang"] for letter in FOREIGN} == set(NAMES)
    assert len(ENGLISH_LETTERS) >= 5


@pytest.mark.parametrize("letter", LETTERS, ids=_ids(LETTERS))
def test_each_letter_gets_its_language(letter: dict[str, str]) -> None:
    assert detect_language(letter["text"]) == letter["lang"]


@pytest.mark.parametrize("letter", ENGLISH_LETTERS, ids=_ids(ENGLISH_LETTERS))
def test_english_letters_never_reach_the_detector(
    letter: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(sample: str) -> str:
        raise AssertionError("the detector ran on an English letter")

    monkeypatch.setattr(analyzer.language, "_detected", refuse)
    assert english_share(letter["text"])[1] >= analyzer.language.ENGLISH_SHARE
    assert detect_language(letter["text"]) == ENGLISH


@pytest.mark.parametrize("text", ["", "Merci beaucoup", "Danke!", "¡Gracias!", "12/04/2018"])
def test_too_short_to_tell_is_english(text: str) -> None:
    assert detect_language(text) == ENGLISH


@pytest.mark.parametrize("letter", FOREIGN, ids=_ids(FOREIGN))
def test_a_foreign_report_says_so_in_its_notes(
    letter: dict[str, str], rules_only: Analyzer
) -> None:
    report = rules_only.analyze(letter["text"])
    assert report.language == letter["lang"] and not report.is_english
    assert report.to_dict()["language"] == letter["lang"]
    assert any(
        NAMES[letter["lang"]] in note and "only English is analyzed" in note
        for note in report.notes
    )


@pytest.mark.parametrize("letter", ENGLISH_LETTERS, ids=_ids(ENGLISH_LETTERS))
def test_an_english_report_has_no_language_note(
    letter: dict[str, str], rules_only: Analyzer
) -> None:
    report = rules_only.analyze(letter["text"])
    assert report.is_english
    assert not any("only English" in note for note in report.notes)


def _run(*args: str) -> Result:
    return CliRunner().invoke(cli, [*args, "--no-models"] if args[0] == "batch" else [*args])


COMMANDS = [["analyze", "--format", "text"], ["questions", "--json"], ["draft", "--format", "text"]]


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("letter", FOREIGN[::3], ids=_ids(FOREIGN[::3]))
def test_a_foreign_letter_exits_7_with_a_plain_note(
    command: list[str], letter: dict[str, str]
) -> None:
    result = _run(*command, letter["text"])
    assert result.exit_code == ExitCode.NOT_ENGLISH == 7
    assert f"looks like {NAMES[letter['lang']]}: only English is analyzed" in result.stderr
    assert "--force" in result.stderr
    # the report is still written; a draft is not (a letter that was not read gets none)
    assert bool(result.stdout) is (command[0] != "draft")


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
def test_force_accepts_a_foreign_letter(command: list[str]) -> None:
    result = _run(*command, "--force", FOREIGN[0]["text"])
    assert "only English is analyzed" in result.stderr
    if command[0] == "draft":
        # read as English, the letter states no decision the analyzer knows: nothing to draft
        assert result.exit_code == ExitCode.INPUT
        assert "not a rejection" in result.stderr
    else:
        assert result.exit_code == ExitCode.OK


@pytest.mark.parametrize("command", COMMANDS, ids=[c[0] for c in COMMANDS])
@pytest.mark.parametrize("letter", ENGLISH_LETTERS, ids=_ids(ENGLISH_LETTERS))
def test_english_letters_with_foreign_words_exit_0(
    command: list[str], letter: dict[str, str]
) -> None:
    result = _run(*command, letter["text"])
    assert result.exit_code == ExitCode.OK, result.stderr
    assert "only English" not in result.stderr + result.stdout


@pytest.fixture
def mixed_inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    folder.mkdir()
    for letter in LETTERS:
        (folder / f"{letter['id']}.txt").write_text(letter["text"], encoding="utf-8")
    return folder


def _batch(*args: str | Path) -> Result:
    return CliRunner().invoke(batch, [*map(str, args), "-j", "1", "-q", "--no-models"])


def test_batch_counts_foreign_letters_apart(mixed_inbox: Path) -> None:
    out, page = mixed_inbox.parent / "out.jsonl", mixed_inbox.parent / "report.html"
    result = _batch(mixed_inbox, "-o", out, "--html", page)
    assert result.exit_code == ExitCode.OK, result.stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    statuses = {r["source"]["path"].rsplit("/", 1)[1][:-4]: r["status"] for r in records}
    assert statuses == {
        letter["id"]: "ok" if letter["lang"] == ENGLISH else "foreign" for letter in LETTERS
    }
    for name in NAMES.values():
        assert f"not English ({name})" in result.stdout
        assert f"not English ({name})" in page.read_text(encoding="utf-8")
    unknown_kind = _count(result.stdout, "unknown")
    assert unknown_kind == len(ENGLISH_LETTERS)  # no models: only the English ones counted
    assert _count(result.stdout, "Rejections (and feedback replies)") == len(ENGLISH_LETTERS)


def test_resume_keeps_the_foreign_count(mixed_inbox: Path) -> None:
    out = mixed_inbox.parent / "out.jsonl"
    assert _batch(mixed_inbox, "-o", out).exit_code == ExitCode.OK
    again = _batch(mixed_inbox, "-o", out, "--resume")
    assert again.exit_code == ExitCode.OK, again.stderr
    french = sum(letter["lang"] == "fr" for letter in LETTERS)
    assert _count(again.stdout, "not English (French)") == french
    assert len(out.read_text(encoding="utf-8").splitlines()) == len(LETTERS)  # none again


def _count(summary: str, label: str) -> int:
    """The number on the summary's line that starts with ``label``."""
    line = next(line for line in summary.splitlines() if line.strip().startswith(label))
    return int(line.split()[-1])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_any_text_gets_a_language_code(text: str) -> None:
    code = detect_language(text)
    assert code == ENGLISH or (code.isalpha() and code.islower() and code != "un")


@given(st.text(alphabet=" \n\t.,!?-", max_size=50))
def test_no_words_is_english(text: str) -> None:
    assert detect_language(text) == ENGLISH


def test_a_lone_surrogate_does_not_hide_the_language() -> None:
    assert detect_language(FOREIGN[0]["text"] + "\ud800") == FOREIGN[0]["lang"]

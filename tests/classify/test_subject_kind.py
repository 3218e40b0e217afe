"""The subject line as evidence of the kind: the API's ``subject`` option and ``batch`` reading
the subjects of .eml files."""

from __future__ import annotations

import json
from email.message import EmailMessage
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.analysis import Analyzer
from analyzer.classify.store import has_models, models_dir
from analyzer.commands.batch import batch

needs_models = pytest.mark.skipif(not has_models(models_dir()), reason="no trained models")

FOOTER = (
    "You are receiving this notice because you asked for updates.\n"
    "Manage notifications | Help centre | Privacy\n"
    "Pinecrest Networks Ltd, 12 Harbour Row, Leith"
)
REJECTION = (
    "Hi Sam,\n\nThank you for interviewing for the Data Engineer role. Unfortunately we have "
    "decided to move forward with other candidates whose experience more closely matches our "
    "needs.\n\nBest,\nOwen"
)
VIEWED = "Your application was viewed by Pinecrest Networks"


@pytest.fixture(scope="module")
def with_models() -> Analyzer:
    return Analyzer()


@needs_models
@pytest.mark.parametrize(
    ("text", "subject", "kind"),
    [
        (FOOTER, None, "other"),  # pasted text: nothing changes without a subject
        (FOOTER, VIEWED, "acknowledgement"),  # the subject carries the meaning
        (FOOTER, f"Re: {VIEWED}", "other"),  # a reply's subject names the earlier message
        (FOOTER, "   ", "other"),
        (REJECTION, None, "rejection"),
        (REJECTION, "Your application was received", "rejection"),  # never over a decision
    ],
)
def test_subject_option(with_models: Analyzer, text: str, subject: str | None, kind: str) -> None:
    assert with_models.analyze(text, subject=subject).kind.label == kind


@needs_models
def test_analyze_many_pairs_subjects_with_texts(with_models: Analyzer) -> None:
    texts = [FOOTER, FOOTER + "\nUnsubscribe", REJECTION]
    reports = with_models.analyze_many(texts, subjects=[None, VIEWED, None], batch_size=2)
    assert [r.kind.label for r in reports] == ["other", "acknowledgement", "rejection"]


def test_a_subject_must_be_text(with_models: Analyzer) -> None:
    with pytest.raises(TypeError, match="subject"):
        with_models.analyze(REJECTION, subject=42)  # type: ignore[arg-type]


def _eml(body: str, subject: str, number: int) -> bytes:
    msg = EmailMessage()
    msg["From"] = "Pinecrest Networks <jobs@example.com>"
    msg["Subject"] = subject
    msg["Message-ID"] = f"<{number}@example.com>"
    msg.set_content(body)
    return bytes(msg)


@needs_models
def test_batch_reads_the_subject_of_eml_files(tmp_path: Path) -> None:
    folder = tmp_path / "mail"
    folder.mkdir()
    (folder / "viewed.eml").write_bytes(_eml(FOOTER, VIEWED, 1))
    (folder / "digest.eml").write_bytes(_eml(FOOTER + "\nUnsubscribe", "Monthly digest", 2))
    out = tmp_path / "out.jsonl"
    result = CliRunner().invoke(batch, [str(folder), "-j", "1", "-o", str(out)])
    assert result.exit_code == 0, result.stderr
    rows = [json.loads(line) for line in out.read_text().splitlines()]
    kinds = {Path(r["source"]["path"]).name: r["report"]["kind"]["label"] for r in rows}
    assert kinds == {"viewed.eml": "acknowledgement", "digest.eml": "other"}


@needs_models
@pytest.mark.parametrize(
    ("subject", "kind"), [(VIEWED, "acknowledgement"), ("Monthly digest", "other")]
)
def test_analyze_reads_the_subject_of_an_eml_file(tmp_path: Path, subject: str, kind: str) -> None:
    from analyzer.cli import analyze

    path = tmp_path / "message.eml"
    path.write_bytes(_eml(FOOTER, subject, 1))
    result = CliRunner().invoke(analyze, ["--file", str(path), "--json"])
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["kind"]["label"] == kind

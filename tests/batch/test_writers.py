"""Writers stay valid when a run stops mid-stream; resume reads them back and repairs them."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from analyzer.batch import BatchRecord
from analyzer.report import Finding, Prediction, Question, Report
from analyzer.writers import CSV_COLUMNS, open_writer, scan_jsonl

PAYLOAD = '=HYPERLINK("http://x")'


def record(n: int) -> BatchRecord:
    report = Report(
        text="We felt you were not the right fit.",
        kind=Prediction("rejection", 0.9),
        feedback_policy=Prediction("unspecified", None, "rule"),
        findings=(Finding("not the right fit", 17, 34, "fit_euphemism", "e", "Which?"),),
        questions=(Question("Hi?", "opener"), Question("Which criteria?", "clarify")),
    )
    meta = {"path": "box.mbox", "index": n, "subject": f"S{n}\nline", "message_id": f"<{n}@x>"}
    if n == 1:
        return BatchRecord("error", {"path": "bad.eml", "index": None}, error="file is empty")
    if n == 2:
        return BatchRecord("duplicate", meta, duplicate_of="box.mbox#0")
    return BatchRecord("ok", {**meta, "sender": PAYLOAD}, report=report)


def crashing(count: int) -> Iterator[BatchRecord]:
    for n in range(count):
        yield record(n)
    raise RuntimeError("crash in the middle of the stream")


@pytest.mark.parametrize("suffix", [".jsonl", ".csv", ".md"])
def test_file_is_valid_after_a_crash(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"out{suffix}"
    writer = open_writer(path)
    with pytest.raises(RuntimeError):
        try:
            for item in crashing(4):
                writer.write(item)
        finally:
            writer.close()
    text = path.read_text(encoding="utf-8")
    if suffix == ".jsonl":
        rows = [json.loads(line) for line in text.splitlines()]
        assert [r["status"] for r in rows] == ["ok", "error", "duplicate", "ok"]
        assert "text" not in rows[0]["report"] and rows[0]["report"]["findings"]
        assert rows[1]["source"]["path"] == "bad.eml" and rows[1]["error"] == "file is empty"
    elif suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines(keepends=True)))
        assert list(rows[0]) == list(CSV_COLUMNS)
        assert [r["status"] for r in rows] == ["ok", "error", "duplicate", "ok"]
        assert rows[0]["vague_phrases"] == "1" and rows[0]["top_question"] == "Which criteria?"
        assert rows[0]["sender"] == "'" + PAYLOAD  # not run as a spreadsheet formula
        assert rows[0]["subject"] == "S0\nline"
    else:
        assert text.count("\n## ") == 4 and "Error: file is empty" in text


def test_the_file_is_flushed_after_every_record(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = open_writer(path)
    writer.write(record(0))
    assert len(path.read_text(encoding="utf-8").splitlines()) == 1  # before close
    writer.close()


def test_scan_jsonl_keys_and_cuts_a_half_written_line(tmp_path: Path) -> None:
    path = tmp_path / "out.jsonl"
    writer = open_writer(path)
    for n in range(4):
        writer.write(record(n))
    writer.close()
    with open(path, "a", encoding="utf-8") as handle:
        handle.write('{"status": "ok", "source": {"pa')
    seen: list[dict[str, object]] = []
    keys = scan_jsonl(path, seen.append)
    assert keys == {"origin:box.mbox#0", "id:<0@x>", "origin:box.mbox#2", "id:<2@x>",
                    "origin:box.mbox#3", "id:<3@x>"}  # fmt: skip
    assert [r["status"] for r in seen] == ["ok", "duplicate", "ok"]
    assert path.read_text(encoding="utf-8").endswith("}\n")
    writer = open_writer(path, append=True)
    writer.write(record(5))
    writer.close()
    assert len([json.loads(line) for line in path.read_text().splitlines()]) == 5

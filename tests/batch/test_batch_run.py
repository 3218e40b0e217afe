"""run_batch over every format, malformed inputs, duplicates, the kind filter, ordering."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path

import pytest

from analyzer.batch import BatchOptions, BatchRecord, _Item, _merge, body_digest, run_batch
from analyzer.report import Prediction, Report

from .conftest import NOW, email_message, variant

HTML = "<html><body><p>{}</p><script>var x = 1;</script></body></html>"


def _run(paths: list[Path], **options: object) -> list[BatchRecord]:
    return list(run_batch([str(p) for p in paths], BatchOptions(**options)))  # type: ignore[arg-type]


def test_every_format_in_a_folder_keeps_metadata(
    tmp_path: Path, write: Callable[..., Path], write_mbox: Callable[..., Path]
) -> None:
    write("a.eml", bytes(email_message(variant(1), subject="Eml one", message_id="<e1@x>")))
    write_mbox(
        "sub/box.mbox",
        [email_message(variant(n), subject=f"Box {n}", message_id=f"<b{n}@x>") for n in (2, 3)],
    )
    write("sub/deeper/c.txt", variant(4))
    write("d.md", variant(5))
    write("e.html", HTML.format(variant(6)))
    write("f.htm", HTML.format(variant(7)))
    write("ignored.odt", b"PK\x03\x04")
    records = _run([tmp_path])
    assert [r.status for r in records] == ["ok"] * 7
    by_name = {Path(r.meta["path"]).name + f"#{r.meta['index']}": r for r in records}
    assert set(by_name) == {"a.eml#None", "box.mbox#0", "box.mbox#1", "c.txt#None",
                            "d.md#None", "e.html#None", "f.htm#None"}  # fmt: skip
    eml = by_name["a.eml#None"]
    assert eml.meta["subject"] == "Eml one"
    assert eml.meta["sender"] == "Hiring Team <jobs@example.com>"
    assert eml.meta["message_id"] == "<e1@x>"
    assert eml.meta["date"] == NOW.isoformat()
    assert by_name["box.mbox#1"].meta["subject"] == "Box 3"
    html = by_name["e.html#None"].report
    assert html is not None and "var x" not in html.text
    for record in records:
        assert record.report is not None and record.report.findings


def test_glob_pattern_and_input_order(tmp_path: Path, write: Callable[..., Path]) -> None:
    for n in range(5):
        write(f"m{n}.txt", variant(n))
    records = _run([tmp_path / "m*.txt"], chunk_size=2, jobs=1)
    assert [Path(r.meta["path"]).name for r in records] == [f"m{n}.txt" for n in range(5)]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("empty.txt", b"", "empty"),
        ("blank.eml", b"   \n\n", "empty"),
        ("binary.eml", bytes(range(256)) * 8, "binary"),
        ("binary.mbox", b"From x\n\x00\x01\x02" * 50, "binary"),
        ("notext.eml", b"From: a@b.c\nSubject: s\nContent-Type: image/png\n\nAAAA\n", "text"),
        (
            "broken.eml",
            b'From: a@b.c\nContent-Type: multipart/mixed; boundary="zz"\n\n--zz\n',
            "",
        ),
        ("missing.eml", None, "not found"),
        ("kind.odt", b"plain words", "unsupported"),
        ("broken.pdf", b"%PDF-1.7\n1 0 obj", "not a readable pdf"),
    ],
)
def test_bad_input_is_an_error_record_and_the_run_goes_on(
    tmp_path: Path, write: Callable[..., Path], name: str, data: bytes | None, reason: str
) -> None:
    bad = tmp_path / name if data is None else write(name, data)
    good = write("good.txt", variant(1))
    records = _run([bad, good])
    assert records[0].status == "error"
    assert records[0].meta["path"] == str(bad)
    assert reason in (records[0].error or "").lower()
    assert records[-1].status == "ok"


def test_undecodable_bytes_are_read_with_a_note(tmp_path: Path, write: Callable[..., Path]) -> None:
    path = write("latin.txt", variant(1).encode("utf-8") + b"\n\xe9t\xe9 \xff\xfe caf\xe9\n")
    (record,) = _run([path])
    assert record.status == "ok"
    assert record.report is not None


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their mode")
def test_unreadable_file(tmp_path: Path, write: Callable[..., Path]) -> None:
    path = write("locked.txt", variant(1))
    path.chmod(0)
    (record,) = _run([path])
    assert record.status == "error"


def test_a_file_that_vanishes_mid_run(tmp_path: Path, write: Callable[..., Path]) -> None:
    paths = [write(f"m{n}.txt", variant(n)) for n in range(3)]
    stream = run_batch([str(tmp_path)], BatchOptions(chunk_size=1))
    first = next(stream)
    paths[2].unlink()
    rest = list(stream)
    assert first.status == "ok"
    assert [r.status for r in rest] == ["ok", "error"]
    assert rest[-1].meta["path"].endswith("m2.txt")


def test_duplicates_by_message_id_and_by_normalized_body(
    tmp_path: Path, write_mbox: Callable[..., Path]
) -> None:
    text = variant(1)
    shouty = "  " + text.upper().replace(" ", "   \n")
    box = write_mbox(
        "dups.mbox",
        [
            email_message(text, message_id="<a@x>"),
            email_message(variant(2), message_id="<a@x>"),  # same id
            email_message(shouty, message_id="<c@x>"),  # same normalized body
            email_message(variant(3), message_id="<d@x>"),
        ],
    )
    records = _run([box])
    assert [r.status for r in records] == ["ok", "duplicate", "duplicate", "ok"]
    assert records[1].duplicate_of == f"{box}#0"
    assert body_digest(text) == body_digest(shouty)


def test_two_jobs_give_the_same_records_as_one(tmp_path: Path, write: Callable[..., Path]) -> None:
    for n in range(7):
        write(f"m{n}.txt", variant(n))
    write("bad.eml", b"")
    one = _run([tmp_path], jobs=1, chunk_size=2)
    two = _run([tmp_path], jobs=2, chunk_size=2)
    assert [r.to_dict() for r in one] == [r.to_dict() for r in two]
    assert all(r.report.text for r in two if r.report is not None)


def _report(kind: str | None) -> Report:
    return Report(text="x", kind=Prediction(kind), feedback_policy=Prediction("unspecified"))


@pytest.mark.parametrize(
    ("kind", "kinds", "status"),
    [
        ("rejection", frozenset({"rejection"}), "ok"),
        ("invitation", frozenset({"rejection"}), "filtered"),
        (None, frozenset({"rejection"}), "ok"),  # unknown kind: kept
        ("invitation", None, "ok"),
    ],
)
def test_kind_filter(kind: str | None, kinds: frozenset[str] | None, status: str) -> None:
    (record,) = _merge([_Item({"path": "p"}, text="x")], [_report(kind)], kinds)
    assert record.status == status


def test_analysis_failure_becomes_an_error_record() -> None:
    records = list(_merge([_Item({"path": "p"}, text="x")], ["analysis failed: boom"], None))
    assert records[0].status == "error" and "boom" in (records[0].error or "")


@pytest.mark.parametrize(
    ("lengths", "size", "max_chars", "expected"),
    [
        ([10, 10, 10], 2, 1000, [2, 1]),  # by count of texts
        ([400, 400, 400, 400], 10, 1000, [3, 1]),  # by characters
        ([5000, 10, 10], 10, 1000, [1, 2]),  # a long text makes a chunk of its own
        ([], 10, 1000, []),
    ],
)
def test_chunks_are_bounded_by_count_and_characters(
    lengths: list[int], size: int, max_chars: int, expected: list[int]
) -> None:
    from analyzer.batch import _chunks, _Item

    items = iter([_Item({"path": "x", "index": i}, text="a" * n) for i, n in enumerate(lengths)])
    assert [len(c) for c in _chunks(items, size, max_chars)] == expected

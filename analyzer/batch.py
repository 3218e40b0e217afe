"""Batch analysis of saved emails: streamed, de-duplicated, spread over worker processes.

:func:`run_batch` reads the inputs with :func:`analyzer.mail.iter_messages`, drops messages
already finished (``--resume``) or seen before (same Message-ID or same normalized body), sends
the rest in chunks to worker processes that each build one :class:`Analyzer`, and yields one
:class:`BatchRecord` per message, in input order. Only a few chunks are in flight at any time, so
memory stays bounded whatever the size of the mailbox. Nothing here prints.
"""

from __future__ import annotations

import functools
import gc
import glob
import hashlib
import os
import signal
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .mail import SUPPORTED_EXTENSIONS, Message, Origin, ReadError, iter_messages
from .parts import Part
from .report import Report

if TYPE_CHECKING:  # spaCy loads with the analyzer, after the reader has started (see _run_pool)
    from .analysis import Analyzer

#: Messages sent to a worker at a time.
CHUNK_SIZE = 200
#: Characters of text in a chunk, at most (unless one message is longer): with the number of
#: chunks read ahead and in flight, this bounds the memory the texts take, however long they are.
CHUNK_CHARS = 1_000_000
#: Chunks the reading process may have ready before the analysis takes them.
READ_AHEAD_CHUNKS = 64
#: Chunks a worker analyzes before it is replaced by a fresh one. spaCy's string store keeps
#: every new word it has seen, so a long-lived worker grows with the mailbox; a restart every
#: 20,000 messages keeps memory flat (where workers are forked, a restart is a fork of the
#: warm parent; elsewhere it rebuilds the pipeline, about two seconds).
CHUNKS_PER_WORKER = 100
#: Net allocations between collections of the youngest generation, in a worker process.
WORKER_GC_YOUNG = 20_000
#: Analyzed once when a process's analyzer is built: what loads on first use (the sparse-matrix
#: library, the reply parser, the matchers' indexes) then loads once in the parent, not in
#: every worker forked from it, and a model that cannot be read fails before any message.
WARM_UP_TEXT = (
    "Hi Sam,\n\nThank you for interviewing with us. We have decided to move forward with "
    "other candidates whose experience is a closer match.\n\nBest regards,\nAlex"
)
OK, DUPLICATE, ERROR, SKIPPED, FILTERED = "ok", "duplicate", "error", "skipped", "filtered"
#: The status of a message not in English: analyzed, but counted apart (only English is).
FOREIGN = "foreign"


@dataclass(frozen=True)
class BatchOptions:
    """How to run a batch (everything a worker needs must pickle)."""

    rules: tuple[str, ...] = ()
    use_models: bool = True
    min_confidence: float | None = None
    jobs: int = 1
    chunk_size: int = CHUNK_SIZE
    kinds: frozenset[str] | None = None
    done: frozenset[str] = field(default_factory=frozenset)


@dataclass(frozen=True)
class BatchRecord:
    """One input message's outcome: ``ok`` (with a report), ``duplicate``, ``error``,
    ``skipped`` (finished in an earlier run), ``filtered`` (kind not asked for) or ``foreign``
    (not in English; with a report that says so in its notes)."""

    status: str
    meta: dict[str, Any]
    report: Report | None = None
    error: str | None = None
    duplicate_of: str | None = None

    @property
    def origin(self) -> str:
        """``path`` or ``path#index``."""
        return origin_text(self.meta)

    def to_dict(self) -> dict[str, Any]:
        """The JSONL record: status, source metadata and the report (without the text)."""
        data: dict[str, Any] = {"status": self.status, "source": self.meta}
        if self.report is not None:
            data["report"] = self.report.to_dict(include_text=False)
        if self.error is not None:
            data["error"] = self.error
        if self.duplicate_of is not None:
            data["duplicate_of"] = self.duplicate_of
        return data


def meta_of(item: Message | ReadError) -> dict[str, Any]:
    """Source metadata of a message (or of an unreadable input) as JSON-ready data."""
    meta: dict[str, Any] = {"path": item.origin.path, "index": item.origin.index}
    if isinstance(item, Message):
        meta.update(
            sender=item.sender,
            subject=item.subject,
            date=item.date.isoformat() if item.date else None,
            message_id=item.message_id,
            note=item.note,
        )
        if item.parts:  # the text was read from more than the message body; the offsets are
            # in the report, whose text they index (and which --redact moves)
            meta["parts"] = [part.to_dict(offsets=False) for part in item.parts]
    return meta


def origin_text(meta: dict[str, Any]) -> str:
    """``path`` or ``path#index`` from source metadata."""
    index = meta.get("index")
    return str(meta.get("path", "")) if index is None else f"{meta.get('path', '')}#{index}"


def record_keys(meta: dict[str, Any]) -> list[str]:
    """The keys under which ``--resume`` recognises a finished message."""
    keys = [f"origin:{origin_text(meta)}"]
    if meta.get("message_id"):
        keys.append(f"id:{meta['message_id']}")
    return keys


# -- reading and de-duplicating -----------------------------------------------------------
@dataclass(frozen=True)
class _Item:
    """A message waiting in a chunk: its text goes to a worker unless it has a record."""

    meta: dict[str, Any]
    text: str | None = None
    record: BatchRecord | None = None
    parts: tuple[Part, ...] = ()
    subject: str | None = None


class _Seen:
    """Message-IDs and body digests seen so far, each with the origin that had it first.

    Kept small, as it grows with the mailbox: keys are 64-bit digests and origins are packed
    into one int (file number, index in the file), about 100 bytes a key.
    """

    def __init__(self) -> None:
        self._first: dict[int, int] = {}
        self._paths: dict[str, int] = {}
        self._names: list[str] = []

    def first(self, message: Message) -> str | None:
        """The origin of an earlier identical message, or ``None`` (and remember this one)."""
        keys = [body_digest(message.text)]
        if message.message_id:
            keys.append(_digest("id\x00" + message.message_id))
        earlier = next((self._first[k] for k in keys if k in self._first), None)
        packed = self._pack(message.origin)
        for key in keys:
            self._first.setdefault(key, packed)
        return None if earlier is None else self._unpack(earlier)

    def _pack(self, origin: Origin) -> int:
        number = self._paths.setdefault(origin.path, len(self._names))
        if number == len(self._names):
            self._names.append(origin.path)
        return number << 32 | (0 if origin.index is None else origin.index + 1)

    def _unpack(self, packed: int) -> str:
        index = (packed & 0xFFFFFFFF) - 1
        return str(Origin(self._names[packed >> 32], None if index < 0 else index))


def body_digest(text: str) -> int:
    """A 64-bit digest of ``text`` with case and whitespace normalized."""
    return _digest(" ".join(text.split()).casefold())


def _digest(text: str) -> int:
    data = text.encode("utf-8", "replace")
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "big")


def _items(paths: Iterable[str], done: frozenset[str]) -> Iterator[_Item]:
    seen = _Seen()
    for item in iter_messages(paths):
        meta = meta_of(item)
        if isinstance(item, ReadError):
            yield _Item(meta, record=BatchRecord(ERROR, meta, error=item.reason))
            continue
        earlier = seen.first(item)
        if done and any(key in done for key in record_keys(meta)):
            yield _Item(meta, record=BatchRecord(SKIPPED, meta))
        elif earlier is not None:
            yield _Item(meta, record=BatchRecord(DUPLICATE, meta, duplicate_of=earlier))
        else:
            yield _Item(meta, text=item.text, parts=item.parts, subject=item.subject)


def _chunks(
    items: Iterator[_Item], size: int, max_chars: int = CHUNK_CHARS
) -> Iterator[list[_Item]]:
    """Group items so that each chunk holds at most ``size`` texts to analyze, and texts of at
    most ``max_chars`` characters in all (or a single longer one)."""
    chunk: list[_Item] = []
    texts = chars = 0
    for item in items:
        chunk.append(item)
        texts += item.text is not None
        chars += len(item.text or "")
        if texts >= size or len(chunk) >= 4 * size or chars >= max_chars:
            yield chunk
            chunk, texts, chars = [], 0, 0
    if chunk:
        yield chunk


# -- analyzing ----------------------------------------------------------------------------
@functools.lru_cache(maxsize=2)
def worker_analyzer(
    rules: tuple[str, ...], use_models: bool, min_confidence: float | None = None
) -> Analyzer:
    """The process's analyzer for these settings, built once (with its pipeline)."""
    from .analysis import Analyzer

    analyzer = Analyzer(rules=rules, use_models=use_models, min_confidence=min_confidence)
    analyzer.analyze(WARM_UP_TEXT)
    return analyzer


def _init_worker(
    rules: tuple[str, ...], use_models: bool, min_confidence: float | None = None
) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent handles Ctrl-C
    # A message makes tens of thousands of short-lived objects and few reference cycles:
    # collecting the youngest generation every WORKER_GC_YOUNG allocations instead of Python's
    # 700 spares about 1% of a worker's time, for a few MB at most.
    gc.set_threshold(WORKER_GC_YOUNG, *gc.get_threshold()[1:])
    try:
        worker_analyzer(rules, use_models, min_confidence)
    except Exception:  # raised again by the first task, so the parent sees it
        return


def analyze_texts(
    analyzer: Analyzer,
    texts: list[str],
    keep_text: bool,
    subjects: list[str | None] | None = None,
) -> list[Report | str]:
    """Reports for ``texts`` (or an error string for each that failed), in order;
    ``subjects`` holds their subject lines (evidence of the kind), when known."""
    heads = [None] * len(texts) if subjects is None else subjects
    try:
        # the chunk is one batch: chunks are already bounded in size (CHUNK_SIZE, CHUNK_CHARS)
        reports = list(analyzer.analyze_many(texts, batch_size=max(1, len(texts)), subjects=heads))
    except Exception:  # isolate the failing message(s): one at a time
        return [
            _analyze_one(analyzer, text, keep_text, subject)
            for text, subject in zip(texts, heads, strict=True)
        ]
    return [r if keep_text else replace(r, text="") for r in reports]


def _analyze_one(
    analyzer: Analyzer, text: str, keep_text: bool, subject: str | None = None
) -> Report | str:
    try:
        report = analyzer.analyze(text, subject=subject)
    except Exception as exc:  # reported as an error row, the run goes on
        return f"analysis failed: {type(exc).__name__}: {exc}"
    return report if keep_text else replace(report, text="")


def _work(
    rules: tuple[str, ...],
    use_models: bool,
    min_confidence: float | None,
    texts: list[str],
    subjects: list[str | None] | None = None,
) -> list[Report | str]:
    analyzer = worker_analyzer(rules, use_models, min_confidence)
    return analyze_texts(analyzer, texts, keep_text=False, subjects=subjects)


def _merge(
    chunk: list[_Item], results: list[Report | str], kinds: frozenset[str] | None
) -> Iterator[BatchRecord]:
    outcomes = iter(results)
    for item in chunk:
        if item.record is not None:
            yield item.record
            continue
        outcome = next(outcomes)
        if isinstance(outcome, str):
            yield BatchRecord(ERROR, item.meta, error=outcome)
            continue
        report = outcome if outcome.text else replace(outcome, text=item.text or "")
        report = report.with_parts(item.parts) if item.parts else report
        label = report.kind.label
        status = FILTERED if kinds is not None and label is not None and label not in kinds else OK
        if not report.is_english:
            status = FOREIGN
        yield BatchRecord(status, item.meta, report=report)


def run_batch(paths: Iterable[str], options: BatchOptions) -> Iterator[BatchRecord]:
    """Analyze every message under ``paths``; one record per message, in input order."""
    paths = tuple(paths)
    if options.jobs <= 1:
        yield from _run_here(input_chunks(paths, options.done, options.chunk_size), options)
    else:
        yield from _run_pool(paths, options)


def input_chunks(paths: tuple[str, ...], done: frozenset[str], size: int) -> Iterator[list[_Item]]:
    """The inputs read, de-duplicated and grouped for the workers."""
    return _chunks(_items(paths, done), size)


def _run_here(chunks: Iterator[list[_Item]], options: BatchOptions) -> Iterator[BatchRecord]:
    analyzer: Analyzer | None = None
    for chunk in chunks:
        texts, subjects = _texts(chunk)
        if texts and analyzer is None:
            analyzer = worker_analyzer(*_settings(options))
        results = analyze_texts(analyzer, texts, True, subjects) if analyzer and texts else []
        yield from _merge(chunk, results, options.kinds)


def _run_pool(paths: tuple[str, ...], options: BatchOptions) -> Iterator[BatchRecord]:
    import multiprocessing

    from .readahead import ReadAhead

    settings = _settings(options)
    # The mail is read and parsed in a process of its own, started first: it gets going while
    # this one loads spaCy and the models, and later runs beside the workers.
    args = (paths, options.done, options.chunk_size)
    with ReadAhead(input_chunks, args, ahead=READ_AHEAD_CHUNKS) as chunks:
        remaining = iter(chunks)
        try:
            if multiprocessing.get_start_method() == "fork":
                yield from _warm_parent(remaining, options)
            yield from _pooled(remaining, options, settings)
        finally:
            gc.unfreeze()


def _texts(chunk: list[_Item]) -> tuple[list[str], list[str | None]]:
    """The texts of a chunk to analyze, and their subject lines."""
    items = [item for item in chunk if item.text is not None]
    return [item.text or "" for item in items], [item.subject for item in items]


def _settings(options: BatchOptions) -> tuple[tuple[str, ...], bool, float | None]:
    """What a worker builds its analyzer from."""
    return options.rules, options.use_models, options.min_confidence


def _warm_parent(chunks: Iterator[list[_Item]], options: BatchOptions) -> Iterator[BatchRecord]:
    """Build the analyzer here and analyze the first chunk with it, before any worker is forked.

    Built once here, the pipeline and models are shared (copy-on-write) by every worker forked
    from this process. The first chunk fills the caches that a new vocabulary fills (the
    tokenizer's, the lemmas', the feature stores), so every worker starts with them filled
    instead of each filling them again; meanwhile the reading process has the other core.
    spaCy and the other modules are frozen once imported, so the build's collections skip them.
    """
    from . import analysis  # noqa: F401

    gc.freeze()
    first = next(chunks, None)
    if first is not None:
        yield from _run_here(iter([first]), options)
    else:
        worker_analyzer(*_settings(options))
    gc.freeze()  # so that the workers' collections do not write to the shared pages


def _pooled(
    chunks: Iterator[list[_Item]],
    options: BatchOptions,
    settings: tuple[tuple[str, ...], bool, float | None],
) -> Iterator[BatchRecord]:
    import multiprocessing

    with multiprocessing.Pool(
        options.jobs, _init_worker, settings, maxtasksperchild=CHUNKS_PER_WORKER
    ) as pool:
        pending: deque[tuple[list[_Item], Any]] = deque()
        for chunk in chunks:
            texts, subjects = _texts(chunk)
            pending.append((chunk, pool.apply_async(_work, (*settings, texts, subjects))))
            while len(pending) > 2 * options.jobs or (pending and pending[0][1].ready()):
                done_chunk, result = pending.popleft()
                yield from _merge(done_chunk, result.get(), options.kinds)
        while pending:
            done_chunk, result = pending.popleft()
            yield from _merge(done_chunk, result.get(), options.kinds)


# -- progress estimate --------------------------------------------------------------------
def estimate_total(paths: Iterable[str]) -> int | None:
    """A quick count of the messages under ``paths`` (for a progress bar's ETA), or None."""
    total = 0
    try:
        for name in _expand(paths):
            total += _count_mbox(name) if name.lower().endswith(".mbox") else 1
    except OSError:
        return None
    return total or None


def _expand(paths: Iterable[str]) -> Iterator[str]:
    for path in paths:
        if os.path.isdir(path):
            for folder, subfolders, files in os.walk(path):
                subfolders[:] = [s for s in subfolders if not s.startswith(".")]
                yield from (
                    os.path.join(folder, f)
                    for f in files
                    if not f.startswith(".") and Path(f).suffix.lower() in SUPPORTED_EXTENSIONS
                )
        elif os.path.exists(path):
            yield path
        else:
            yield from _expand(sorted(glob.glob(path, recursive=True)))


def _count_mbox(name: str) -> int:
    with open(name, "rb") as handle:
        return max(1, sum(1 for line in handle if line.startswith(b"From ")))

"""Every speed and memory figure of feedback-analyzer, in one run and one table.

    python benchmarks/run.py            # cold start, warm latency, batch 1k and 10k
    python benchmarks/run.py --full     # and batch 100k (about half an hour on 2 cores)

Rows:
- cold start: the whole ``feedback-analyzer analyze -f FILE --format json`` process, beside the
  floor of a process that only imports the libraries it needs (spaCy, numpy, scipy.sparse, Click,
  Rich, the reply parser);
  median of several interleaved runs, and the median ratio of the pairs (target <= 1.3).
- warm latency: one ~150-word rejection analyzed again and again in one process, median and
  95th percentile (target < 20 ms).
- batch: ``feedback-analyzer batch`` over generated mboxes of 10k messages with one job, and of
  1k, 10k (and 100k) messages with ``--jobs`` (default 2), each a fresh process, with messages
  per second, peak memory, CPU time per message (all processes; steadier than wall time on a
  shared machine) and the time growth between sizes (targets: >= 1,000 messages/s with two
  jobs, < 500 MB, 100k <= 11 x 10k).

The package's bytecode is written first, as installing it writes it (see ``compile_package``).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

from bench_batch import compile_package, mailbox, run

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent / "corpora" / "messages"
#: What an analyze process cannot do without: the libraries it imports (scikit-learn is only
#: needed to train, so it is not among them).
FLOOR = (
    "import click, rich, numpy, scipy.sparse, spacy, spacy.lang.en, mailparser_reply, "
    "charset_normalizer"
)
TYPICAL_ID = "B-0013"  # a 148-word rejection from a hiring manager


def typical_email() -> str:
    """The text of the corpus message used for latency (about 150 words)."""
    with (CORPUS / "B.jsonl").open(encoding="utf-8") as lines:
        for line in lines:
            row = json.loads(line)
            if row["id"] == TYPICAL_ID:
                return str(row["text"])
    raise SystemExit(f"{TYPICAL_ID} is not in the corpus")


def _wall(command: list[str], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(repeat: int) -> dict[str, float]:
    """Median wall time of the analyze process and of the import floor, interleaved."""
    path = HERE / "data" / "typical.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(typical_email(), encoding="utf-8")
    analyze = [sys.executable, "-m", "analyzer", "analyze", "-f", str(path), "--format", "json"]
    floor = [sys.executable, "-c", FLOOR]
    _wall(analyze, 1)  # warm the file cache
    pairs = [(_wall(analyze, 1), _wall(floor, 1)) for _ in range(repeat)]
    full = statistics.median(a for a, _ in pairs)
    base = statistics.median(f for _, f in pairs)
    # the median of the per-pair ratios: each pair ran back to back, so a slow spell of a
    # shared machine affects both of its runs
    ratio = statistics.median(a / f for a, f in pairs)
    return {"analyze_s": full, "floor_s": base, "ratio": ratio}


def warm_latency(runs: int) -> dict[str, float]:
    """Median and p95 milliseconds of ``Analyzer.analyze`` on the typical email."""
    from analyzer.analysis import Analyzer

    analyzer = Analyzer()
    text = typical_email()
    for _ in range(10):
        analyzer.analyze(text)
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        analyzer.analyze(text)
        times.append((time.perf_counter() - start) * 1000)
    times.sort()
    return {
        "median_ms": statistics.median(times),
        "p95_ms": times[int(0.95 * (len(times) - 1))],
        "words": len(text.split()),
    }


def main() -> None:
    """Run the benchmarks and print one table (and the machine it ran on)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="Also run the 100k-message batch.")
    parser.add_argument("--repeat", type=int, default=7, help="Cold-start runs (median).")
    parser.add_argument("--jobs", type=int, default=2, help="Batch worker processes.")
    args = parser.parse_args()
    compile_package()

    rows: list[tuple[str, str, str]] = []
    cold = cold_start(args.repeat)
    rows.append(("cold start, analyze one email (process)", f"{cold['analyze_s']:.2f} s", ""))
    rows.append(("cold start, import floor (process)", f"{cold['floor_s']:.2f} s", ""))
    rows.append(("cold start ratio", f"{cold['ratio']:.2f} x", "<= 1.3"))
    warm = warm_latency(200)
    label = f"warm latency, {warm['words']:.0f}-word email"
    rows.append((label, f"{warm['median_ms']:.1f} ms (p95 {warm['p95_ms']:.1f})", "< 20 ms"))

    sizes = [1_000, 10_000] + ([100_000] if args.full else [])
    single = run(mailbox(10_000), 1, 10_000)
    batches = [run(mailbox(n), args.jobs, n) for n in sizes]
    for b in [single, *batches]:
        rows.append(
            (
                f"batch {b['messages']:,} messages, --jobs {b['jobs']}",
                f"{b['seconds']:.1f} s, {b['msg_per_s']:.0f} msg/s, peak {b['peak_pss_mb']:.0f} MB,"
                f" {b['cpu_ms_per_msg']:.1f} CPU ms/msg",
                ">= 1000 msg/s, < 500 MB" if b["jobs"] >= 2 else "< 500 MB",
            )
        )
    for small, big in itertools.pairwise(batches):
        growth = big["seconds"] / small["seconds"]
        target = "<= 11 x" if big["messages"] == 100_000 else ""
        rows.append(
            (f"time growth {small['messages']:,} -> {big['messages']:,}", f"{growth:.1f} x", target)
        )

    width = max(len(r[0]) for r in rows)
    value_width = max(len(r[1]) for r in rows)
    print(f"{'benchmark':<{width}}  {'result':<{value_width}}  target")
    for name, value, target in rows:
        print(f"{name:<{width}}  {value:<{value_width}}  {target}")
    cpus = os.cpu_count()
    print(f"\nmachine: {platform.machine()}, {cpus} CPUs, Python {platform.python_version()}")


if __name__ == "__main__":
    main()

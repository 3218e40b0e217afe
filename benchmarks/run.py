"""Every speed and memory figure of feedback-analyzer, in one run and one table.

    python benchmarks/run.py            # cold start, warm latency, batch 1k and 10k
    python benchmarks/run.py --full     # and batch 100k (about half an hour on 2 cores)
    python benchmarks/run.py --baseline REV   # every row for git revision REV too, same run

With ``--baseline``, the revision's tree is exported from git to ``benchmarks/out/`` and every
row runs for both trees in the same run (cold-start pairs and batch runs alternate between
them), so a change is measured against what it changed under the same machine conditions.

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
import shutil
import statistics
import subprocess
import sys
import tarfile
import time
from io import BytesIO
from pathlib import Path

from bench_batch import compile_package, mailbox, run

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
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


def _wall(command: list[str], repeat: int, tree: Path = ROOT) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, stdout=subprocess.DEVNULL, cwd=tree)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def cold_start(repeat: int, tree: Path = ROOT) -> dict[str, float]:
    """Median wall time of the analyze process (the package of ``tree``) and of the import
    floor, interleaved."""
    path = HERE / "data" / "typical.txt"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(typical_email(), encoding="utf-8")
    analyze = [sys.executable, "-m", "analyzer", "analyze", "-f", str(path), "--format", "json"]
    floor = [sys.executable, "-c", FLOOR]
    _wall(analyze, 1, tree)  # warm the file cache
    pairs = [(_wall(analyze, 1, tree), _wall(floor, 1)) for _ in range(repeat)]
    full = statistics.median(a for a, _ in pairs)
    base = statistics.median(f for _, f in pairs)
    # the median of the per-pair ratios: each pair ran back to back, so a slow spell of a
    # shared machine affects both of its runs
    ratio = statistics.median(a / f for a, f in pairs)
    return {"analyze_s": full, "floor_s": base, "ratio": ratio}


#: Run in a child process whose working directory is the measured tree.
WARM = """
import json, statistics, sys, time
from analyzer.analysis import Analyzer
text, runs = sys.stdin.read(), int(sys.argv[1])
analyzer = Analyzer()
for _ in range(10):
    analyzer.analyze(text)
times = []
for _ in range(runs):
    start = time.perf_counter()
    analyzer.analyze(text)
    times.append((time.perf_counter() - start) * 1000)
times.sort()
print(json.dumps({"median_ms": statistics.median(times), "p95_ms": times[int(0.95 * (runs - 1))]}))
"""


def warm_latency(runs: int, tree: Path = ROOT) -> dict[str, float]:
    """Median and p95 milliseconds of ``Analyzer.analyze`` on the typical email."""
    text = typical_email()
    out = subprocess.run(
        [sys.executable, "-c", WARM, str(runs)],
        input=text,
        capture_output=True,
        text=True,
        check=True,
        cwd=tree,
    ).stdout
    return {**json.loads(out.strip().splitlines()[-1]), "words": len(text.split())}


def export(revision: str) -> Path:
    """The tree of git ``revision`` (package, models, corpus), written to ``benchmarks/out/``."""
    target = HERE / "out" / f"baseline-{revision.replace('/', '_')}"
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    archive = subprocess.run(
        ["git", "archive", "--format=tar", revision, "analyzer", "models"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(target, filter="data")
    return target


def _rows(trees: dict[str, Path], args: argparse.Namespace) -> list[tuple[str, list[str], str]]:
    """Every benchmark for every tree, alternating trees within each benchmark."""
    rows: list[tuple[str, list[str], str]] = []

    def each(measure):  # one result a tree, in the order of ``trees``
        return [measure(tree) for tree in trees.values()]

    colds = each(lambda t: cold_start(args.repeat, t))
    rows.append(
        ("cold start, analyze one email (process)", [f"{c['analyze_s']:.2f} s" for c in colds], "")
    )
    rows.append(
        ("cold start, import floor (process)", [f"{c['floor_s']:.2f} s" for c in colds], "")
    )
    rows.append(("cold start ratio", [f"{c['ratio']:.2f} x" for c in colds], "<= 1.3"))
    warms = each(lambda t: warm_latency(200, t))
    label = f"warm latency, {warms[0]['words']:.0f}-word email"
    rows.append(
        (label, [f"{w['median_ms']:.1f} ms (p95 {w['p95_ms']:.1f})" for w in warms], "< 20 ms")
    )

    sizes = [1_000, 10_000] + ([100_000] if args.full else [])
    runs = [(10_000, 1), *((n, args.jobs) for n in sizes)]
    results = {(n, j): _median_runs(each, n, j, args.rounds) for n, j in runs}
    for (n, j), per_tree in results.items():
        rows.append(
            (
                f"batch {n:,} messages, --jobs {j}",
                [
                    f"{b['seconds']:.1f} s, {b['msg_per_s']:.0f} msg/s, peak "
                    f"{b['peak_pss_mb']:.0f} MB, {b['cpu_ms_per_msg']:.1f} CPU ms/msg"
                    for b in per_tree
                ],
                ">= 1000 msg/s, < 500 MB" if j >= 2 else "< 500 MB",
            )
        )
    for small, big in itertools.pairwise(sizes):
        growth = [
            f"{b['seconds'] / s['seconds']:.1f} x"
            for s, b in zip(results[(small, args.jobs)], results[(big, args.jobs)], strict=True)
        ]
        target = "<= 11 x" if big == 100_000 else ""
        rows.append((f"time growth {small:,} -> {big:,}", growth, target))
    return rows


def _median_runs(each, count: int, jobs: int, rounds: int) -> list[dict[str, float]]:
    """``rounds`` batch runs of every tree, alternating trees within each round; for each tree
    the run of median time (the machine's speed drifts between runs: a median of pairs taken
    side by side is steadier than one run)."""
    per_round = [each(lambda t: run(mailbox(count), jobs, count, t)) for _ in range(rounds)]
    per_tree = list(zip(*per_round, strict=True))
    return [sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2] for runs in per_tree]


def main() -> None:
    """Run the benchmarks and print one table (and the machine it ran on)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="Also run the 100k-message batch.")
    parser.add_argument("--repeat", type=int, default=7, help="Cold-start runs (median).")
    parser.add_argument("--jobs", type=int, default=2, help="Batch worker processes.")
    parser.add_argument(
        "--rounds", type=int, default=1, help="Batch runs of each tree (median; trees alternate)."
    )
    parser.add_argument(
        "--baseline", metavar="REV", help="Also measure git revision REV, in the same run."
    )
    args = parser.parse_args()
    trees = {"result": ROOT}
    if args.baseline:
        trees = {f"baseline {args.baseline}": export(args.baseline), "this tree": ROOT}
    for tree in trees.values():
        compile_package(tree)
    rows = _rows(trees, args)

    names = list(trees)
    widths = [max(len(r[0]) for r in rows)] + [
        max(len(names[i]), *(len(r[1][i]) for r in rows)) for i in range(len(names))
    ]
    header = ["benchmark", *names, "target"]
    print("  ".join(f"{h:<{w}}" for h, w in zip(header, [*widths, 0], strict=True)).rstrip())
    for name, values, target in rows:
        cells = [name, *values, target]
        print("  ".join(f"{c:<{w}}" for c, w in zip(cells, [*widths, 0], strict=True)).rstrip())
    cpus = os.cpu_count()
    print(f"\nmachine: {platform.machine()}, {cpus} CPUs, Python {platform.python_version()}")


if __name__ == "__main__":
    main()

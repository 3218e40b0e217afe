"""End-to-end speed and memory of ``feedback-analyzer batch`` (a script, not a test).

    python benchmarks/bench_batch.py                 # 10k mbox, --jobs 1 and --jobs 2
    python benchmarks/bench_batch.py --with-100k     # and the 100k mbox with --jobs 2
    python benchmarks/bench_batch.py --profile       # cProfile of a 1k run in one process

Each run is a fresh child process (so start-up, model loading and the worker pool are counted).
Peak memory is the largest PSS of the batch's whole process tree, sampled while it runs (shared
pages counted once); ``ru_maxrss`` of the parent and of its largest worker are shown beside it.
Targets on a 2-core machine: >= 1,000 messages/s with two jobs, peak < 500 MB,
100k <= 11 x the 10k time.
"""

from __future__ import annotations

import argparse
import compileall
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
DATA = HERE / "data"
CHILD = """
import json, resource, sys
from analyzer.commands.batch import batch
code = 0
try:
    batch.main(sys.argv[1:], standalone_mode=False)
except SystemExit as exc:
    code = exc.code
except Exception as exc:
    code = getattr(exc, "exit_code", 1)
me = resource.getrusage(resource.RUSAGE_SELF)
kids = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime
stats = {"code": code, "self_kb": me.ru_maxrss, "children_kb": kids.ru_maxrss, "cpu_s": cpu}
print(json.dumps(stats), file=sys.stderr)
"""


def compile_package(tree: Path = HERE.parent) -> None:
    """Write the package's bytecode, as ``pip install`` does for an installed copy.

    The libraries of the cold-start floor run from bytecode that pip compiled when it installed
    them. A checkout run where bytecode is not written (``PYTHONDONTWRITEBYTECODE``) would
    compile every module of the package from source in every process, and be measured slower
    than any install is.
    """
    compileall.compile_dir(str(tree / "analyzer"), quiet=1)


def mailbox(count: int) -> Path:
    """The benchmark mbox with ``count`` messages, generated on first use."""
    path = DATA / f"mail{count}.mbox"
    if not path.exists():
        DATA.mkdir(parents=True, exist_ok=True)
        script = str(HERE / "make_mailbox.py")
        command = [sys.executable, script, "--count", str(count), "--out", str(DATA)]
        subprocess.run(command, check=True)
    return path


def _tree(pid: int) -> list[int]:
    """``pid`` and all its descendants (Linux /proc)."""
    found, todo = [], [pid]
    while todo:
        current = todo.pop()
        found.append(current)
        try:
            with open(f"/proc/{current}/task/{current}/children") as kids:
                todo += [int(k) for k in kids.read().split()]
        except OSError:
            continue
    return found


def _pss_mb(pid: int) -> float:
    """Proportional set size of a process tree: shared pages counted once, split fairly."""
    total = 0
    for member in _tree(pid):
        try:
            with open(f"/proc/{member}/smaps_rollup") as rollup:
                for line in rollup:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except OSError:
            continue
    return total / 1024


def run(path: Path, jobs: int, count: int, tree: Path = HERE.parent) -> dict[str, float]:
    """One batch run in a child process: wall time, messages/s and peak memory.

    The child runs the package of ``tree`` (a checkout: this one, or an earlier version's).

    Peak memory is sampled every 0.2 s as the PSS of the whole process tree (the parent and its
    workers, shared pages counted once); ``ru_maxrss`` of parent and largest worker are kept
    for reference.
    """
    out = DATA / f"bench-{count}-{jobs}.jsonl"
    args = [str(path), "--jobs", str(jobs), "--quiet", "--output", str(out)]
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, *args],
        cwd=tree,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )
    peak = 0.0
    while child.poll() is None:
        peak = max(peak, _pss_mb(child.pid))
        time.sleep(0.2)
    seconds = time.perf_counter() - start
    stats = json.loads((child.stderr.read() if child.stderr else "").strip().splitlines()[-1])
    parent_mb, worker_mb = stats["self_kb"] / 1024, stats["children_kb"] / 1024
    return {
        "messages": count,
        "jobs": jobs,
        "seconds": round(seconds, 2),
        "msg_per_s": round(count / seconds, 1),
        "cpu_ms_per_msg": round(stats["cpu_s"] / count * 1000, 2),
        "peak_pss_mb": round(peak, 1),
        "parent_rss_mb": round(parent_mb, 1),
        "worker_rss_mb": round(worker_mb, 1),
        "exit": stats["code"],
    }


def profile(count: int = 1000) -> None:
    """Where the time goes: cProfile of a one-process run over ``count`` messages."""
    import cProfile
    import pstats

    from analyzer.batch import BatchOptions, run_batch

    path = mailbox(count)
    options = BatchOptions(jobs=1)
    list(run_batch([str(path)], BatchOptions(jobs=1, chunk_size=10)))  # warm up the models
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in run_batch([str(path)], options):
        pass
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("cumulative").print_stats(35)
    stats.sort_stats("tottime").print_stats(25)


def main() -> None:
    """Run the benchmarks and print one table."""
    parser = argparse.ArgumentParser(description="Batch benchmark")
    parser.add_argument("--with-100k", action="store_true", help="Also time 100k messages.")
    parser.add_argument("--profile", action="store_true", help="Profile a 1k run instead.")
    parser.add_argument("--count", type=int, default=10_000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2], help="Job counts to run.")
    args = parser.parse_args()
    if args.profile:
        profile()
        return
    compile_package()
    runs = [run(mailbox(args.count), jobs, args.count) for jobs in args.jobs]
    if args.with_100k:
        runs.append(run(mailbox(100_000), 2, 100_000))
    keys = list(runs[0])
    print(" | ".join(keys))
    for row in runs:
        print(" | ".join(str(row[k]) for k in keys))
    if args.with_100k:
        ratio = runs[-1]["seconds"] / runs[-2]["seconds"]
        print(f"100k / 10k time (jobs 2): {ratio:.1f} x (target <= 11)")
    print(f"(benchmark process itself: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss} kB)")


if __name__ == "__main__":
    main()

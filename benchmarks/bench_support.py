"""Shared by the benchmark scripts (run as `python benchmarks/bench_X.py`): peak memory of
this process, and building the demo competition into a database."""

from __future__ import annotations

import resource
import time
from pathlib import Path


def reset_peak() -> bool:
    """Reset the peak-memory mark (Linux); False where that is not possible."""
    try:
        Path("/proc/self/clear_refs").write_text("5")  # Linux: reset VmHWM
        return True
    except OSError:
        return False


def peak_mb(resettable: bool) -> float:
    """Peak memory since the last reset (or since start), in MB."""
    if resettable:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def build(target: str, entries: int, judges: int) -> None:
    """The unscored demo (3 judges per entry) into `target`; prints what was built."""
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(target)
    start = time.perf_counter()
    summary = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges,
                         judges_per_entry=3)
    print(f"demo built in {time.perf_counter() - start:.1f} s: {summary.code}, "
          f"{summary.assignments} assignments ({summary.assignments / judges:.0f} per judge)")
    print(summary.code, summary.round_code)
    db.close()


def phase(name: str, fn, resettable: bool, width: int = 36):
    """Run fn, print its seconds and the peak memory it reached; return its result."""
    reset_peak()
    start = time.perf_counter()
    result = fn()
    seconds = time.perf_counter() - start
    print(f"{name:<{width}} {seconds:>8.2f} s   peak {peak_mb(resettable):>7.0f} MB")
    return result

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


def prepare_demo(description: str, default_db: str, script: str):
    """The command line shared by the judging benchmarks (--db, --entries, --judges, --keep)
    and the unscored demo built fresh in a child process (so that this process's peak memory
    is the benchmark's own). Returns (args, competition code, round code), or None when this
    process is that child (it has built the demo)."""
    import argparse
    import subprocess
    import sys

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--db", default=default_db)
    parser.add_argument("--entries", type=int, default=10000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--keep", action="store_true", help="keep the database file")
    parser.add_argument("--build-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.build_only:
        build(args.db, args.entries, args.judges)
        return None
    if "://" not in args.db:
        Path(args.db).parent.mkdir(parents=True, exist_ok=True)
        for suffix in ("", "-wal", "-shm"):
            Path(args.db + suffix).unlink(missing_ok=True)
    child = subprocess.run([sys.executable, script, "--build-only", "--db", args.db,
                            "--entries", str(args.entries), "--judges", str(args.judges)],
                           check=True, capture_output=True, text=True)
    print(child.stdout.splitlines()[0])
    code, round_code = child.stdout.splitlines()[-1].split()
    return args, code, round_code


def scored_demo(path: Path, entries: int, judges: int) -> str:
    """The code of the (first) competition in the SQLite file `path`; when the file does not
    exist, the scored demo is built there first."""
    import sqlite3

    if not path.exists():
        from judging_app.demo.generator import build_demo
        from judging_app.services.workspace import Workspace
        from judging_app.store.database import open_database

        path.parent.mkdir(parents=True, exist_ok=True)
        db = open_database(path)
        start = time.perf_counter()
        summary = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges,
                             scored=True)
        print(f"built demo in {time.perf_counter() - start:.1f} s: {summary.scores} scores")
        db.close()
    with sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True) as conn:
        (code,) = conn.execute("SELECT code FROM competitions ORDER BY id LIMIT 1").fetchone()
    return code

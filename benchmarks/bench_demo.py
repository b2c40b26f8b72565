"""Build the scored demo into a fresh SQLite file and report how long it took.

    .venv/bin/python benchmarks/bench_demo.py --entries 30000 --judges 60 --out /tmp/demo.sqlite

Prints the elapsed seconds (opening the database included), the number of scores and the
file size in MB (after a WAL checkpoint, so the size is the database's own).
"""

from __future__ import annotations

import argparse
import sqlite3
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--judges-per-entry", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--out", type=Path, default=None,
                        help="SQLite file to create (replaced if it exists); default: a temp file")
    args = parser.parse_args(argv)
    out = args.out or Path(tempfile.mkdtemp(prefix="bench-demo-")) / "demo.sqlite"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{out}{suffix}").unlink(missing_ok=True)

    start = time.perf_counter()
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(out)
    try:
        summary = build_demo(
            Workspace(db, "benchmark"), entries=args.entries, judges=args.judges,
            seed=args.seed, scored=True, judges_per_entry=args.judges_per_entry,
        )
    finally:
        db.close()
    elapsed = time.perf_counter() - start

    conn = sqlite3.connect(out)
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        scores = conn.execute("SELECT count(*) FROM scores").fetchone()[0]
    finally:
        conn.close()
    size_mb = out.stat().st_size / 1_000_000
    print(f"file:        {out}")
    print(f"entries:     {summary.entries} ({summary.eligible} eligible), judges: {summary.judges}")
    print(f"sheets:      {summary.sheets} ({summary.draft_sheets} drafts)")
    print(f"scores:      {scores}")
    print(f"elapsed:     {elapsed:.2f} s")
    print(f"file size:   {size_mb:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""How long a writer waits behind a scores import on SQLite: while the import runs (in a
child process, into a copy of bench_imports.py's 30,000-entry demo), this process takes
SQLite's write lock every 20 ms in an empty write transaction (BEGIN IMMEDIATE;
COMMIT), as a judge's save must, and records how long each wait took. The longest wait is
the longest the import held the lock; no other load, so it measures the lock alone.

    python benchmarks/bench_write_lock.py [--csv scores-10000.csv,scores-87120.csv]
                                          [--returns]

--returns also imports the judges' returns bench_imports.py wrote (benchmarks/out/returns,
one transaction per file, file after file) beside the writer.

Needs bench_imports.py run once before (it builds the demo, the CSV files and the returns;
--big for the 87,120-row file).
"""

from __future__ import annotations

import argparse
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import bench_imports  # noqa: E402

CHILD = """
import sys, time
from pathlib import Path
from judging_app.services.score_import import import_paper_scores
from judging_app.services.workspace import Workspace
from judging_app.store.database import open_database
db = open_database(sys.argv[1])
start = time.perf_counter()
report = import_paper_scores(Workspace(db, "benchmark"), sys.argv[2], Path(sys.argv[3]))
print(f"  import: {report.scores:,} rows on {report.sheets:,} sheets in "
      f"{time.perf_counter() - start:.2f} s")
"""

CHILD_RETURNS = """
import sys, time
from pathlib import Path
from judging_app.services.judge_packages import import_return
from judging_app.services.workspace import Workspace
from judging_app.store.database import open_database
db = open_database(sys.argv[1])
files = sorted(Path(sys.argv[3]).glob("*.jret"))
start = time.perf_counter()
for path in files:
    import_return(Workspace(db, "benchmark"), sys.argv[2], path)
print(f"  import: {len(files)} returns in {time.perf_counter() - start:.2f} s")
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--csv", default="scores-10000.csv,scores-87120.csv")
    parser.add_argument("--returns", action="store_true", help="the judges' returns too")
    args = parser.parse_args()
    from judging_app.store.database import open_database

    base = bench_imports.OUT / "imports-base.sqlite"
    code = bench_imports.assigned(base, 1)[0]
    runs = [(name, CHILD) for name in args.csv.split(",") if name]
    if args.returns:
        runs.append(("returns", CHILD_RETURNS))
    for name, script in runs:
        source = bench_imports.OUT / name
        if not source.exists():
            print(f"{name}: not there (run bench_imports.py first)")
            continue
        target = bench_imports.copy(base, "write-lock.sqlite")
        open_database(target).close()  # brought to the current schema before timing
        child = subprocess.Popen([sys.executable, "-c", script, str(target), code, str(source)])
        conn = sqlite3.connect(target, timeout=600, isolation_level=None)
        waits = []
        while child.poll() is None:
            start = time.perf_counter()
            conn.execute("BEGIN IMMEDIATE")
            conn.execute("COMMIT")
            waits.append(time.perf_counter() - start)
            time.sleep(0.02)
        conn.close()
        waits.sort()
        ms = [1000 * waits[min(len(waits) - 1, int(q * len(waits)))] for q in (0.5, 0.95)]
        print(f"{name}: {len(waits)} writes beside the import; wait p50 {ms[0]:.0f} ms, "
              f"p95 {ms[1]:.0f} ms, max {1000 * waits[-1]:.0f} ms")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

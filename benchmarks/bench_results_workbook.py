"""The results workbook at scale: the 30,000-entry scored demo (about 860,000 counted scores).

Each export runs in a fresh child process, so that its peak memory is its own. Prints, with
rank stability left out (the default above 10,000 entries) and forced in (it re-ranks
under every aggregation method): the whole
export's time (read, compute, write), the time of the writing alone, the file size and the
peak memory, and the CPU time (close to the wall time on an idle machine; a busy one
stretches the wall time). Targets: under 10 s and under 500 MB. Usage:

    python benchmarks/bench_results_workbook.py [--db FILE] [--entries 30000] [--judges 60]

Without --db (or when the file does not exist) the demo is built first (about 10 s).
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def build(path: Path, entries: int, judges: int) -> None:
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(path)
    start = time.perf_counter()
    summary = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges, scored=True)
    print(f"built demo in {time.perf_counter() - start:.1f} s: {summary.scores} scores")
    db.close()


def child(db_path: Path, out: Path, stability: bool, lang: str) -> None:
    """One export, timed; prints a JSON line."""
    from judging_app.services import competitions, results_export
    from judging_app.store.database import open_database

    db = open_database(db_path)
    code = competitions.list_competitions(db)[0].code
    marks: dict[str, float] = {}

    def progress(done: int, total: int) -> None:
        if done >= results_export.READ_SHARE and "read" not in marks:
            marks["read"] = time.perf_counter()

    cpu = time.process_time()
    start = time.perf_counter()
    results_export.export_results_workbook(db, code, out, lang=lang, progress=progress,
                                           include_stability=stability)
    end = time.perf_counter()
    print(json.dumps({
        "seconds": end - start, "cpu": time.process_time() - cpu, "writing": end - marks.get("read", start),
        "bytes": out.stat().st_size,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/results30k.sqlite"))
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument("--child", metavar="OUT", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--stability", type=int, default=1, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.db, args.child, bool(args.stability), args.lang)
        return 0
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        build(args.db, args.entries, args.judges)
    print(f"{'rank stability':<16} {'export':>8} {'CPU':>8} {'writing':>8} {'file MB':>8} "
          f"{'peak MB':>8}")
    with tempfile.TemporaryDirectory() as folder:
        for stability in (False, True):
            out = Path(folder) / f"hasil-{int(stability)}.xlsx"
            run = subprocess.run(
                [sys.executable, __file__, "--db", str(args.db), "--child", str(out),
                 "--stability", str(int(stability)), "--lang", args.lang],
                check=True, capture_output=True, text=True,
            )
            r = json.loads(run.stdout.strip().splitlines()[-1])
            label = "forced in" if stability else "left out"
            print(f"{label:<16} {r['seconds']:>7.2f}s {r['cpu']:>7.2f}s {r['writing']:>7.2f}s "
                  f"{r['bytes'] / 1e6:>8.1f} {r['peak_mb']:>8.0f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

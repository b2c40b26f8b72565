"""Results at scale: the 30,000-entry scored demo (about 900,000 scores).

Prints, for each aggregation method: the in-process time (load from the database + rank),
the whole `judging-app results` command's wall time and peak memory; next to the time the
`sqlite3` shell takes for the bare per-entry weighted mean with GROUP BY on the same file,
and the ratio. Usage:

    python benchmarks/bench_results.py [--db FILE] [--entries 30000] [--judges 60] [--repeat 3]

Without --db (or when the file does not exist) the demo is built first.
"""

from __future__ import annotations

import argparse
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

BARE_SQL = """
SELECT sh.entry_id, AVG(t) FROM (
  SELECT s.sheet_id, SUM(c.weight_milli * s.value_milli * 1.0 / c.scale_max_milli) AS t
  FROM scores s JOIN criteria c ON c.id = s.criterion_id GROUP BY s.sheet_id
) x JOIN score_sheets sh ON sh.id = x.sheet_id WHERE sh.state = 'submitted'
GROUP BY sh.entry_id;
"""


def best(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def build(path: Path, entries: int, judges: int) -> str:
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    db = open_database(path)
    start = time.perf_counter()
    summary = build_demo(Workspace(db, "benchmark"), entries=entries, judges=judges, scored=True)
    print(f"built demo in {time.perf_counter() - start:.1f} s: {summary.scores} scores")
    db.close()
    return summary.code


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/results30k.sqlite"))
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        code = build(args.db, args.entries, args.judges)
    else:
        from judging_app.services import competitions
        from judging_app.store.database import open_database

        db = open_database(args.db)
        code = competitions.list_competitions(db)[0].code
        db.close()

    sqlite3 = shutil.which("sqlite3")
    bare = None
    if sqlite3:
        bare = best(lambda: subprocess.run([sqlite3, str(args.db)], input=BARE_SQL, text=True,
                                           capture_output=True, check=True), args.repeat)
        print(f"sqlite3 shell, bare weighted mean per entry (GROUP BY): {bare:.3f} s")
    else:
        print("sqlite3 shell not installed (apt-get install sqlite3): no bare-query baseline")

    from judging_app.core.enums import AggregationMethod
    from judging_app.services import results
    from judging_app.store.database import open_database

    db = open_database(args.db)
    exe = Path(sys.executable).with_name("judging-app")
    print(f"\n{'method':<14} {'in-process':>10} {'CLI':>8} {'ratio':>6} {'CLI peak MB':>12}")
    for method in AggregationMethod:
        inproc = best(lambda m=method: results.compute(db, code, method=m), args.repeat)
        peaks = []

        def cli(m=method, peaks=peaks):
            before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
            subprocess.run([str(exe), "--db", str(args.db), "results", "--competition", code,
                            "--method", m.value, "--json"], check=True, stdout=subprocess.DEVNULL)
            peaks.append(max(before, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))

        whole = best(cli, args.repeat)
        ratio = f"{whole / bare:.1f}x" if bare else "-"
        print(f"{method.value:<14} {inproc:>9.3f}s {whole:>7.3f}s {ratio:>6} {max(peaks) / 1024:>12.0f}")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

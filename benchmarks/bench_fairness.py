"""`judging-app fairness --json` at scale, next to the bare GROUP BY of the same scores.

On the 30,000-entry scored demo (about 900,000 scores): the whole command's wall time
(start, read, panels, rank stability under the four methods, JSON written) and the
`sqlite3` shell's bare weighted mean per entry with GROUP BY on the same file, measured in
turns (one of each per repetition, so that a busy machine slows both alike), best of N, and
their ratio (of the wall times, and of the CPU times, which a busy machine disturbs
less). Also the in-process phases of one run (reading, panels, each ranking, JSON).

    python benchmarks/bench_fairness.py [--db FILE] [--entries 30000] [--judges 60] [--repeat 5]

Without --db (or when the file does not exist) the demo is built first.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.bench_results import BARE_SQL  # noqa: E402
from benchmarks.bench_support import scored_demo  # noqa: E402


def timed(args: list[str], **kwargs) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of a command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL, **kwargs)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, after.ru_utime + after.ru_stime - before.ru_utime - before.ru_stime


def phases(path: Path, code: str) -> None:
    """Where one in-process run spends its CPU time (the collector paused, as the command
    does)."""
    from judging_app.core.gc_pause import paused_gc

    with paused_gc():
        _phases(path, code)


def _phases(path: Path, code: str) -> None:
    from judging_app.core.scoring.fairness import compute_fairness
    from judging_app.services.fairness_json import fairness_json_text
    from judging_app.services.fairness_view import _view
    from judging_app.services.results_input import load_results_input, rules_for
    from judging_app.store.rows import open_sqlite_reader

    reader = open_sqlite_reader(path)
    marks = [("start", time.process_time())]
    inp = load_results_input(reader, code, titles=False)  # as the command reads it
    inp.read_sheet_totals()
    marks.append(("reading the input", time.process_time()))

    def progress(done: int, total: int) -> None:
        if done:
            marks.append((f"step {done} of {total}", time.process_time()))

    report = compute_fairness(inp.entries, inp.rounds, rules_for(inp), inp.setup.award_tiers,
                              inp.chair_decisions, category_order=inp.category_order,
                              progress=progress)
    marks.append(("the rows side by side", time.process_time()))
    judges = dict(reader.all("SELECT id, code FROM judges"))
    text = fairness_json_text(_view(inp, report, judges))
    marks.append((f"JSON ({len(text) / 1e6:.1f} MB)", time.process_time()))
    reader.close()
    panels = len(report.panels)
    for (_n0, t0), (name, t1) in zip(marks, marks[1:], strict=False):
        if name.startswith("step"):
            step = int(name.split()[1])
            name += " (a panel)" if step <= panels else " (a method's ranking)"
        print(f"  {name:<34} {t1 - t0:6.2f} s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/results30k.sqlite")
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    code = scored_demo(args.db, args.entries, args.judges)
    # As installed (a wheel or the bundle carries bytecode): compiled modules, not each
    # module compiled again on every start (PYTHONDONTWRITEBYTECODE would make it so).
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "judging_app")],
                   check=True, stdout=subprocess.DEVNULL)
    sqlite3_shell = shutil.which("sqlite3")
    if not sqlite3_shell:
        print("sqlite3 shell not installed (apt-get install sqlite3): no bare-query baseline")
        return 1
    cli = [str(Path(sys.executable).with_name("judging-app")), "--db", str(args.db),
           "fairness", "--competition", code, "--json"]
    bare, whole = [], []
    for _ in range(args.repeat):
        bare.append(timed([sqlite3_shell, str(args.db)], input=BARE_SQL.encode()))
        whole.append(timed(cli))
    print(f"database: {args.db}, competition {code}; best of {args.repeat}, in turns")
    print(f"{'':<56}{'wall':>8}{'CPU':>8}")
    for label, runs in (("sqlite3 shell, bare weighted mean per entry (GROUP BY)", bare),
                        ("judging-app fairness --json (whole command)", whole)):
        print(f"{label:<56}{min(w for w, _c in runs):>7.3f}s{min(c for _w, c in runs):>7.3f}s")
    wall = min(w for w, _c in whole) / min(w for w, _c in bare)
    cpu = min(c for _w, c in whole) / min(c for _w, c in bare)
    print(f"ratio: {wall:.1f}x wall, {cpu:.1f}x CPU")
    load = os.getloadavg()
    print("one run in-process (CPU seconds):")
    phases(args.db, code)
    print(f"load average (1, 5, 15 min): {load} on {os.cpu_count()} CPUs")
    print(f"RESULT fairness --json {min(w for w, _c in whole):.2f} s = {wall:.1f}x the bare "
          f"GROUP BY ({min(w for w, _c in bare):.2f} s) wall, {cpu:.1f}x in CPU time; target "
          f"within 5x: {'met' if wall <= 5 else 'NOT met'} (load {load[0]:.1f} on "
          f"{os.cpu_count()} CPUs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The Results view at scale: the 30,000-entry scored demo (about 900,000 scores).

Measures, in a real (offscreen) window with the asynchronous background runner:
- the first load of the view (refresh until the ranking model holds rows);
- recomputing after a method switch, for each method: the time from the recompute request
  until the model holds the new rows, the window processing events meanwhile, next to the
  bare `results.compute` of the same method in-process (so the view's own cost shows even
  on a busy machine);
- the fairness evidence (rank stability across the four methods + per-judge distributions);
- the Progress view's load;
and the Python allocation peak (tracemalloc) of one recompute on the same path without Qt's
event loop (results.compute + the readiness check + filling the model). Peak memory of the
whole process is the maximum resident set size.

    python benchmarks/bench_results_view.py [--db FILE] [--entries 30000] [--judges 60]

Without --db (or when the file does not exist) the demo is built first (about 10 s).
"""

from __future__ import annotations

import argparse
import os
import resource
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


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


def wait_until(app, done, timeout: float = 300.0) -> float:
    """Run an event loop (as the application does) until done() is true, checking every
    20 ms; returns the seconds it took."""
    from PySide6.QtCore import QEventLoop, QTimer

    start = time.perf_counter()
    loop = QEventLoop()
    timer = QTimer()
    timer.setInterval(20)

    def check() -> None:
        if done() or time.perf_counter() - start > timeout:
            loop.quit()

    timer.timeout.connect(check)
    timer.start()
    if not done():
        loop.exec()
    timer.stop()
    if not done():
        raise SystemExit("timed out waiting for the view")
    return time.perf_counter() - start


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/results30k.sqlite")
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    args = parser.parse_args()
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if not args.db.exists():
        args.db.parent.mkdir(parents=True, exist_ok=True)
        code = build(args.db, args.entries, args.judges)
    else:
        from judging_app.services import competitions
        from judging_app.store.database import open_database

        db = open_database(args.db)
        code = competitions.list_competitions(db)[0].code
        db.close()

    from judging_app.core.enums import AggregationMethod
    from judging_app.services import results
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.progress_view import ProgressView
    from judging_app.ui.views.results_load import load_results
    from judging_app.ui.views.results_view import ResultsView

    app = application()
    db = open_database(args.db)
    settings = AppSettings.at_path(args.db.parent / "bench-settings.ini")
    ctx = ViewContext(db=db, competition=code, settings=settings, dialogs=Dialogs(),
                      runner=Runner(), language=lambda: "en", actor=lambda parent: "benchmark")
    print(f"competition {code} in {args.db}; peak RSS before the view: {peak_rss_mb():.0f} MB")

    view = ResultsView(ctx)
    view.resize(1100, 700)
    view.show()
    start = time.perf_counter()
    view.refresh()
    wait_until(app, lambda: view.computed is not None and view.model.rowCount() > 0)
    rows = len(view.computed.results.rows)
    print(f"first load of the Results view: {time.perf_counter() - start:.2f} s ({rows} entries)")

    for method in (*list(AggregationMethod)[1:], AggregationMethod.MEAN):
        start = time.perf_counter()
        results.compute(db, code, None, method)
        bare = time.perf_counter() - start
        view.method.setCurrentIndex(view.method.findData(method))
        start = time.perf_counter()
        view.recompute()
        wait_until(app, lambda m=method: view.computed.results.method == m
                   and view.model.rowCount() > 0)
        print(f"recompute with {method.value:<13}: {time.perf_counter() - start:.2f} s "
              f"(request -> model holds the new rows; bare results.compute {bare:.2f} s)")

    start = time.perf_counter()
    view.tabs.setCurrentWidget(view.fairness)
    wait_until(app, lambda: view.evidence is not None, timeout=300)
    panels = len(view.evidence.fairness.report.panels)
    print(f"fairness evidence (4 methods + distributions): {time.perf_counter() - start:.2f} s "
          f"({panels} panels)")

    pview = ProgressView(ctx)
    pview.show()
    start = time.perf_counter()
    pview.refresh()
    wait_until(app, lambda: pview.data is not None)
    print(f"first load of the Progress view: {time.perf_counter() - start:.2f} s "
          f"({len(pview.data.entries)} entries)")
    print(f"peak RSS of the process: {peak_rss_mb():.0f} MB")

    tracemalloc.start()  # the view's worker part (results_load) and its GUI part
    view.show_results(load_results(db, code, None, AggregationMethod.MEAN))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"Python allocation peak of one recompute (tracemalloc): {peak / 2**20:.0f} MB")
    print(f"load average (1, 5, 15 min): {os.getloadavg()} on {os.cpu_count()} CPUs")
    from PySide6.QtCore import QThreadPool

    QThreadPool.globalInstance().waitForDone()
    for widget in (view, pview):
        widget.close()
        widget.deleteLater()
    app.processEvents()
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

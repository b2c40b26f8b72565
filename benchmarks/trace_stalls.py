"""Where the GUI thread stalls when a view opens on the 30,000-entry scored demo (offscreen,
1366×768, Indonesian; the Results view by default): a sampler thread records the GUI
thread's Python stack every millisecond while a 10 ms QTimer (repainting the window, as
bench_waiting.py's probe does) marks the gaps in the event loop; the stacks sampled inside
the longest gaps are printed, grouped by the app's outermost and innermost frames and the
library call they were in. Samples with no app frame ("| <string>:wait") are Qt's own work
in the event loop (layout, painting) or waiting for the GIL.

    python benchmarks/trace_stalls.py [--db FILE] [--top 5] [--view results] [--tab ranking]

Without --db (or when the file does not exist) the demo is built first (about 20 s). Use it
to find what bench_waiting.py's "longest stall" is made of.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

CHILD = r"""
import collections, sys, threading, time
from pathlib import Path
from PySide6.QtCore import QEventLoop, QTimer
from judging_app.ui.launch import application, start
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.settings import AppSettings

db_path, tmp, top, tab, key = (sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4],
                               sys.argv[5])
settings = AppSettings.at_path(Path(tmp) / "trace.ini")
settings.actor_name = "benchmark"
app = application([])
session = start(app, db_path, "id", settings, Dialogs())
window = session.window
window.resize(1366, 768)
window.show()
gui = threading.get_ident()
samples = []  # (time, stack of "file:function:line", innermost last)
running = True


def where(frame):
    stack = []
    while frame is not None:
        code = frame.f_code
        mine = "judging_app" in code.co_filename
        stack.append(("" if mine else "~") + f"{Path(code.co_filename).name}:{code.co_name}:"
                     f"{frame.f_lineno}")
        frame = frame.f_back
    return stack[::-1]


def sample():
    while running:
        frame = sys._current_frames().get(gui)
        if frame is not None:
            samples.append((time.perf_counter(), where(frame)))
        time.sleep(0.001)


ticks = []
timer = QTimer()
timer.setInterval(10)
timer.timeout.connect(lambda: (ticks.append(time.perf_counter()), window.update()))


def wait(condition, limit=300.0):
    start = time.perf_counter()
    loop = QEventLoop()
    check = QTimer()
    check.setInterval(5)
    check.timeout.connect(lambda: (condition() or time.perf_counter() - start > limit)
                          and loop.quit())
    check.start()
    if not condition():
        loop.exec()
    check.stop()


def run():
    global running
    code = window.competitions.model.competitions()[0].code
    window.open_competition(code)
    app.processEvents()
    ws = window.workspace
    threading.Thread(target=sample, daemon=True).start()
    ticks.append(time.perf_counter())
    timer.start()
    start = time.perf_counter()
    view = ws.show_view(key)
    if key == "results" and tab == "ranking":
        view.tabs.setCurrentWidget(view.ranking)
    if key == "results":
        wait(lambda: view.ranking_ready())
    else:
        wait(lambda: not window.runner.busy())
    print(f"{key} ready in {time.perf_counter() - start:.2f} s")
    ticks.append(time.perf_counter())
    wait(lambda: False, 0.3)  # what follows the results (layout, paint)
    timer.stop()
    running = False
    ticks.append(time.perf_counter())
    gaps = sorted(((b - a, a, b) for a, b in zip(ticks, ticks[1:])), reverse=True)[:top]
    for gap, a, b in gaps:
        inside = [s for t, s in samples if a <= t <= b]
        print(f"\n=== gap {gap * 1000:.0f} ms ({len(inside)} samples)")
        ours = collections.Counter()
        for s in inside:
            # the app's own frames (outermost two, innermost two) and the library call
            mine = [f for f in s if not f.startswith("~")]
            lib = next((f[1:] for f in reversed(s) if f.startswith("~")
                        and s.index(f) > (s.index(mine[-1]) if mine else -1)), "")
            ours[" > ".join(dict.fromkeys(mine[:2] + mine[-2:])) + (" | " + lib if lib
                                                                       else "")] += 1
        for stack, n in ours.most_common(8):
            print(f"{n:5d}  {stack}")
    app.quit()


QTimer.singleShot(0, run)
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=ROOT / "benchmarks/out/results30k.sqlite")
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--top", type=int, default=5)
    parser.add_argument("--tab", choices=("winners", "ranking"), default="winners")
    parser.add_argument("--view", default="results",
                        choices=("overview", "setup", "entries", "judges", "assignments",
                                 "progress", "results", "reports"))
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from benchmarks.bench_support import scored_demo

    scored_demo(args.db, args.entries, 60)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, "-c", CHILD, str(args.db), tmp, str(args.top),
                               args.tab, args.view], env=env, check=False)
    return done.returncode


if __name__ == "__main__":
    sys.exit(main())

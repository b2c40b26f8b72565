"""Start-up of the desktop app: from launching the process to the main window shown on a
database (the 30,000-entry demo by default), under the offscreen platform; and opening a
competition's workspace. Prints seconds and peak memory.

    python benchmarks/bench_gui_start.py [--db FILE] [--entries 30000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

CHILD = r"""
import os, sys, time, resource
from pathlib import Path
from PySide6.QtCore import QTimer
from judging_app.ui.launch import application, start
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.settings import AppSettings

settings = AppSettings.at_path(Path(sys.argv[2]) / "bench.ini")
settings.actor_name = "benchmark"
app = application([])
session = start(app, sys.argv[1], "id", settings, Dialogs())
session.window.show()

def shown():
    t_shown = time.perf_counter()
    code = session.window.competitions.model.competitions()[0].code
    session.window.open_competition(code)
    app.processEvents()
    t_workspace = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"{t_shown} {t_workspace - t_shown} {peak}", flush=True)
    app.quit()

QTimer.singleShot(0, shown)
app.exec()
"""


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path, default=Path("benchmarks/out/results30k.sqlite"))
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not args.db.exists():
        from judging_app.demo.generator import build_demo
        from judging_app.services.workspace import Workspace
        from judging_app.store.database import open_database

        args.db.parent.mkdir(parents=True, exist_ok=True)
        db = open_database(args.db)
        build_demo(Workspace(db, "benchmark"), entries=args.entries, judges=60, scored=True)
        db.close()
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    starts, workspaces, peaks = [], [], []
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(args.repeat):
            launched = time.perf_counter()
            out = subprocess.run([sys.executable, "-c", CHILD, str(args.db), tmp], env=env,
                                 capture_output=True, text=True, check=True).stdout.split()
            shown, workspace, peak = float(out[0]), float(out[1]), float(out[2])
            starts.append(shown - launched)
            workspaces.append(workspace)
            peaks.append(peak)
    print(f"database: {args.db}")
    print(f"start to main window shown: {min(starts):.2f} s (best of {args.repeat})")
    print(f"opening the competition workspace: {min(workspaces):.2f} s")
    print(f"peak memory: {max(peaks):.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""The overview's numbers at scale: `services.dashboard.dashboard` (aggregate queries only,
run when a competition opens) and `dashboard.undecided` (computes the results; the overview
runs it in the background), on the 30,000-entry scored demo. Usage:

    python benchmarks/bench_dashboard.py [--db FILE] [--entries 30000] [--judges 60] [--repeat 3]

Without --db (or when the file does not exist) the scored demo is built first.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_results import best  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", type=Path)
    parser.add_argument("--entries", type=int, default=30000)
    parser.add_argument("--judges", type=int, default=60)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    from judging_app.demo.generator import build_demo
    from judging_app.services import dashboard
    from judging_app.services.competitions import list_competitions
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database

    path = args.db or Path(tempfile.gettempdir()) / f"bench-dashboard-{args.entries}.sqlite"
    db = open_database(str(path))
    if not list_competitions(db):
        start = time.perf_counter()
        build_demo(Workspace(db, "benchmark"), entries=args.entries, judges=args.judges,
                   scored=True)
        print(f"scored demo built in {time.perf_counter() - start:.1f} s into {path}")
    code = list_competitions(db)[0].code
    d = dashboard.dashboard(db, code)
    print(f"{d.entries} entries, {d.judges} judges, {d.assignments} assignments, "
          f"sheets {d.round.submitted}/{d.round.expected}, stage {d.stage.value}")
    print(f"dashboard (when a competition opens) {best(lambda: dashboard.dashboard(db, code), args.repeat):8.3f} s")
    print(f"undecided (in the background)        {best(lambda: dashboard.undecided(db, code), args.repeat):8.3f} s")
    db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())

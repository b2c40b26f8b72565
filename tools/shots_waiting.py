"""Screenshots of honest waiting and empty searches, in the real window at 1366×768 (a
typical government laptop), in Indonesian and English:

* the Results view while the results are computed (the winners' loading state, not an
  empty list of winners or "0 ties");
* the Fairness tab part-way through its steps (the progress reported by the work);
* searches that find nothing in Entries, Results, Progress and Assignments ("no matches");

    python tools/shots_waiting.py      # writes docs/screenshots/waiting_*.png

Runs on Qt's offscreen platform with a throw-away database (the 140-entry scored demo) and
settings in a temporary folder. The background work is held where a picture needs it.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)
ACTOR = "Dewi Lestari"


def _held_runner():
    """A runner that keeps the work until released (what the window shows meanwhile)."""
    from judging_app.ui import background

    class Held(background.Runner):
        def __init__(self) -> None:
            super().__init__(synchronous=True)
            self.hold, self.held = False, []

        def run(self, work, **kwargs):
            if not self.hold:
                return super().run(work, **kwargs)
            self.held.append((work, kwargs))
            return background._Done()

        def release(self) -> None:
            self.hold = False
            while self.held:
                work, kwargs = self.held.pop(0)
                super().run(work, **kwargs)

    return Held()


def demo_window(app, tmp: Path, language: str, size: tuple[int, int] = SIZE):
    """The app's own window at `size` on the scored 140-entry demo built in `tmp`, its work
    done at once unless held (`window.runner.hold = True`): (session, the demo's code)."""
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.launch import start
    from judging_app.ui.settings import AppSettings

    path = tmp / "demo.sqlite"
    db = open_database(path)
    demo = build_demo(Workspace(db, ACTOR), entries=140, judges=5, scored=True)
    db.close()
    settings = AppSettings.at_path(tmp / "settings.ini")
    settings.actor_name = ACTOR
    session = start(app, str(path), language, settings, Dialogs())
    session.window.runner = _held_runner()
    session.window.resize(*size)
    session.window.show()
    return session, demo.code


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from judging_app.ui.launch import application

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str) -> None:
        for _ in range(5):
            app.processEvents()
        path = out_dir / f"waiting_{name}_{language}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="judging-app-waiting-shots-") as tmp:
        session, code = demo_window(app, Path(tmp), language)
        window, runner = session.window, session.window.runner
        workspace = window.open_competition(code)

        runner.hold = True
        results = workspace.show_view("results")
        save(window, "results_loading")
        runner.release()
        results.tabs.setCurrentWidget(results.fairness)  # computed at once: held next time
        runner.hold = True
        results.recompute()
        runner.release()  # the ranking
        runner.hold = True
        results.tabs.setCurrentWidget(results.stability)
        results.tabs.setCurrentWidget(results.fairness)
        for page in (results.stability, results.fairness):
            page.loading.set_progress(3, 8)  # as the work reports its steps
        page = results.fairness
        page.setCurrentWidget(page.loading)  # past the grace period of a reload
        save(window, "fairness_progress")
        runner.release()
        results.tabs.setCurrentWidget(results.ranking)  # the search is on the ranking
        results.find.setText("tidak ada")
        save(window, "results_no_matches")

        entries = workspace.show_view("entries")
        entries.search.setText("tidak ada yang begini")
        entries.apply_filters()
        save(window, "entries_no_matches")
        progress = workspace.show_view("progress")
        progress.find.setText("tidak ada")
        save(window, "progress_no_matches")
        assignments = workspace.show_view("assignments")
        assignments.search.setText("tidak ada")
        save(window, "assignments_no_matches")
        window.close()
        session.translations.uninstall()
        session.window.db.close()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        for shot in shoot(OUT, lang):
            print(shot.relative_to(ROOT))

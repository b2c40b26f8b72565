"""Screenshots of the Progress and Results views on demo data, in Indonesian and English.

    python tools/shots_results.py          # writes docs/screenshots/progress_*.png, results_*.png

Runs on Qt's offscreen platform with a throw-away database and settings in a temporary
folder. The demo competition (140 entries, 5 judges, proposal round scored) has a few draft
sheets (entries blocking results) and a tie on an award boundary.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)
ACTOR = "Dewi Lestari"


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _frame(view, current: str):
    """The view beside a navigation like the workspace's."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QHBoxLayout, QListWidget, QWidget

    from judging_app.ui.workspace import VIEWS

    window = QWidget()
    nav = QListWidget()
    nav.setFixedWidth(190)
    for key, _module, _cls in VIEWS:
        nav.addItem(QCoreApplication.translate("CompetitionWorkspace", key.capitalize()))
    nav.setCurrentRow([k for k, _m, _c in VIEWS].index(current))
    layout = QHBoxLayout(window)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(nav)
    layout.addWidget(view, 1)
    window.resize(*SIZE)
    return window


def shoot(out_dir: Path, language: str) -> list[Path]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace
    from judging_app.store.database import open_database
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext
    from judging_app.ui.views.progress_view import ProgressView
    from judging_app.ui.views.results_decision import TieDecisionDialog, TiedEntry
    from judging_app.ui.views.results_view import ResultsView

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-app-results-shots-") as tmp:
        db = open_database(Path(tmp) / "demo.sqlite")
        try:
            demo = build_demo(Workspace(db, ACTOR), entries=140, judges=5, scored=True)
            settings = AppSettings.at_path(Path(tmp) / "settings.ini")
            settings.actor_name = ACTOR
            ctx = ViewContext(db=db, competition=demo.code, settings=settings, dialogs=Dialogs(),
                              runner=Runner(synchronous=True), language=lambda: language,
                              actor=lambda parent: ACTOR)

            def save(widget, name: str) -> None:
                _settle(app)
                path = out_dir / f"{name}_{language}.png"
                if not widget.grab().save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written.append(path)

            progress = ProgressView(ctx)
            window = _frame(progress, "progress")
            window.show()
            progress.refresh()
            save(window, "progress")
            progress.only_blocking.setChecked(True)
            save(window, "progress_blocking")
            window.close()

            results = ResultsView(ctx)
            window = _frame(results, "results")
            window.show()
            results.refresh()
            results.tabs.setCurrentIndex(1)  # the detailed ranking (the winners come first)
            save(window, "results_ranking")
            results.method.setCurrentIndex(results.method.findData("median"))
            results.recompute()
            save(window, "results_median")
            results.method.setCurrentIndex(results.method.findData("mean"))
            results.recompute()
            results.tabs.setCurrentWidget(results.stability)
            save(window, "results_stability")
            results.tabs.setCurrentWidget(results.fairness)
            save(window, "results_fairness")
            tie = results.ties_panel.selected()
            if tie is not None:
                entries = results.computed.entries
                dialog = TieDecisionDialog(
                    [TiedEntry(entries[e].code, entries[e].title) for e in tie.entry_ids],
                    "99,33", results.ties_panel.model.cell(tie, 3), ["Prof. Dr. Ir. Bambang"],
                    window)
                dialog.reason.setPlainText("Presentasi lebih meyakinkan pada sidang pleno.")
                dialog.move_selected(1)
                dialog.show()
                save(dialog, "results_decide_tie")
                dialog.close()
            window.close()
            window.deleteLater()
            _settle(app)
        finally:
            db.close()
    translations.uninstall()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        for shot in shoot(OUT, lang):
            print(shot.relative_to(ROOT))

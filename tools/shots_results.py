"""Screenshots of the Progress and Results views on demo data, in Indonesian and English, in
the real window at 1366×768 (a typical government laptop).

    python tools/shots_results.py          # writes docs/screenshots/progress_*.png, results_*.png

Runs on Qt's offscreen platform with a throw-away database and settings in a temporary
folder. The demo competition (140 entries, 5 judges, proposal round scored) has a few draft
sheets (entries blocking results) and a tie on an award boundary. The winners are shown
once while the results are still being computed (the work is held) and once computed.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 768)


def _settle(app) -> None:
    for _ in range(5):
        app.processEvents()


def _frame(view, current: str):
    """The view beside a navigation like the workspace's (tools/shots_reports.py)."""
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
    sys.path.insert(0, str(ROOT / "tools"))
    from shots_waiting import demo_window

    from judging_app.ui.launch import application
    from judging_app.ui.views.results_decision import TieDecisionDialog, TiedEntry

    app = application()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-app-results-shots-") as tmp:
        session, code = demo_window(app, Path(tmp), language, SIZE)
        try:
            window, runner = session.window, session.window.runner
            workspace = window.open_competition(code)

            def save(widget, name: str) -> None:
                _settle(app)
                path = out_dir / f"{name}_{language}.png"
                if not widget.grab().save(str(path)):
                    raise SystemExit(f"could not write {path}")
                written.append(path)

            progress = workspace.show_view("progress")
            save(window, "progress")
            progress.only_blocking.setChecked(True)
            save(window, "progress_blocking")

            runner.hold = True  # the winners while the results are computed
            results = workspace.show_view("results")
            save(window, "results_winners_loading")
            runner.release()
            save(window, "results_winners")
            results.tabs.setCurrentWidget(results.ranking)
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
            _settle(app)
        finally:
            session.translations.uninstall()
            session.window.db.close()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        for shot in shoot(OUT, lang):
            print(shot.relative_to(ROOT))

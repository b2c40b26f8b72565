"""Screenshots of the Judges and Assignments views on a demo competition.

    python tools/shots_judges.py            # docs/screenshots/judges_*.png, assignments_*.png

Builds a throw-away demo database (140 entries, 5 judges, scored) in a temporary folder,
adds two judges (one inactive, one from a government unit) and a declared conflict, and
shoots each view in a window of 1100×700 under Qt's offscreen platform, in Indonesian and
English. Open the pictures afterwards: clipped text, wasted space, unreadable tables.
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)


def _seed(db) -> str:
    from judging_app.core.enums import ConflictReason
    from judging_app.demo.generator import build_demo
    from judging_app.services import conflicts, judges
    from judging_app.services.judges import JudgeInput
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, "Dewi Lestari")
    code = build_demo(ws, entries=140, judges=5, scored=True).code
    judges.add_judge(ws, code, JudgeInput("J06", "Ir. Bambang Sutrisno, M.M.",
                                          "Dinas Komunikasi dan Informatika", unit="OPD-001"))
    judges.add_judge(ws, code, JudgeInput("J07", "Dra. Sri Wahyuni", "Praktisi pelayanan publik",
                                          active=False))
    conflicts.declare_conflict(ws, code, "J06", "INV-012", ConflictReason.OTHER,
                               "Pernah menjadi anggota tim inovasi ini.")
    return code


def _context(db, code: str, language: str, tmp: Path):
    from judging_app.ui.background import Runner
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.settings import AppSettings
    from judging_app.ui.views.base import ViewContext

    settings = AppSettings.at_path(tmp / f"settings-{language}.ini")
    return ViewContext(db=db, competition=code, settings=settings, dialogs=Dialogs(),
                       runner=Runner(synchronous=True), language=lambda: language,
                       actor=lambda parent: "Dewi Lestari")


def _save(app, widget, path: Path, size: tuple[int, int] | None = SIZE) -> Path:
    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    widget.close()
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def _dialogs(app, db, code: str, out_dir: Path, language: str) -> list[Path]:
    """The judge form (with a problem showing) and the declare-conflict dialog, filled in."""
    from judging_app.services.assignment_queries import entry_choices
    from judging_app.services.entries import list_units
    from judging_app.services.judges import JudgeInput
    from judging_app.ui.views.judges_dialogs import DeclareConflictDialog, JudgeFormDialog

    form = JudgeFormDialog(None, list_units(db, code), {"J01", "J02"},
                           JudgeInput("J08", "Dr. Ratna Dewi, M.Si.", "Universitas Contoh",
                                      email="ratna.dewi"))
    form.setWindowTitle(form.tr("Add judge"))
    declare = DeclareConflictDialog(None, "J03 Dr. Yohana Lestari, Ph.D.", entry_choices(db, code))
    declare.search.setText("kesehatan")
    declare.entries.setCurrentIndex(declare.filtered.index(1, 0))
    declare.reason.setCurrentIndex(declare.reason.findData("other"))
    declare.text.setText("Suami juri adalah inovator inovasi ini.")
    return [_save(app, form, out_dir / f"judges_form_{language}.png", None),
            _save(app, declare, out_dir / f"judges_declare_{language}.png", None)]


def shoot(out_dir: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from judging_app.store.database import open_database
    from judging_app.ui.i18n import Translations
    from judging_app.ui.views.assignments_view import AssignmentsView
    from judging_app.ui.views.judges_view import JudgesView

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory(prefix="judging-shots-") as folder:
        tmp = Path(folder)
        db = open_database(tmp / "demo.sqlite")
        try:
            code = _seed(db)
            ctx = _context(db, code, language, tmp)

            judges_view = JudgesView(ctx)
            judges_view.retranslate()
            judges_view.refresh()
            judges_view.select_judge("J06")
            written.append(_save(app, judges_view, out_dir / f"judges_{language}.png"))
            written += _dialogs(app, db, code, out_dir, language)

            view = AssignmentsView(ctx)
            view.retranslate()
            view.refresh()
            view.entries_table.selectRow(1)
            written.append(_save(app, view, out_dir / f"assignments_{language}.png"))
            view.k_spin.setValue(4)
            view.short_only.setChecked(True)
            view.preview_automatic()
            written.append(_save(app, view, out_dir / f"assignments_preview_{language}.png"))
            view.close()
            judges_view.close()
        finally:
            db.close()
    translations.uninstall()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        shoot(OUT, lang)

"""Screenshots of judge mode on a demo competition.

    python tools/shots_judge.py            # docs/screenshots/judge_*.png

Builds a throw-away demo database (140 entries, 5 judges, scored) in a temporary folder and
adds a sixth judge half-way through the round (some sheets submitted, some in draft, most
not started). Then, in a window of 1100×700 under Qt's offscreen platform, in Indonesian and
English:
- judge_home: the judge's list with states and progress (database mode);
- judge_sheet: a sheet being scored by keyboard (the focused criterion's levels shown);
- judge_submitted: a submitted, read-only sheet;
- judge_package, judge_package_sheet: the same judge's package opened on a laptop, in a
  blind round (no unit, innovators or contact);
- judge_identity, judge_conflict: choosing who you are; declaring a conflict.
Until the lead merges tools/translations/judge.tsv into the catalogue, the Indonesian
pictures take judge mode's texts from that file (a translator that reads it).
"""

from __future__ import annotations

import dataclasses
import os
import sys
import tempfile
from decimal import Decimal
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1100, 700)
JUDGE = "J06"




def _seed(db):
    """The demo, plus judge J06 with 24 entries: 9 submitted, 3 in draft, 12 not started."""
    from judging_app.demo.generator import build_demo
    from judging_app.services import assignments, judges, sheets
    from judging_app.services.judges import JudgeInput
    from judging_app.services.sheets import SheetInput
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, "Dewi Lestari")
    demo = build_demo(ws, entries=140, judges=5, scored=True)
    judges.add_judge(ws, demo.code, JudgeInput(JUDGE, "Dr. Ratna Dewi, M.Si.",
                                               "Universitas Contoh"))
    entries = sorted({e for _, e in assignments.list_assignments(db, demo.code,
                                                                 demo.round_code)})[:24]
    assignments.assign(ws, demo.code, demo.round_code, JUDGE, entries)
    rubric = [c.code for c in _round(db, demo).criteria]
    for i, entry in enumerate(entries[:12]):
        n = len(rubric) if i < 9 else 4 + i % 3
        scores = {c: Decimal(1 + (i * 3 + k * 7) % 5) for k, c in enumerate(rubric[:n])}
        sheets.save_sheet(ws, demo.code, demo.round_code, JUDGE, entry, SheetInput(scores))
        if i < 9:
            sheets.submit_sheet(ws, demo.code, demo.round_code, JUDGE, entry)
    return ws, demo, entries


def _round(db, demo):
    from judging_app.services.competitions import get_setup

    return next(r for r in get_setup(db, demo.code).rounds if r.code == demo.round_code)


def _save(app, widget, path: Path, size: tuple[int, int] | None = SIZE) -> Path:
    if size is not None:
        widget.resize(*size)
    widget.show()
    for _ in range(5):
        app.processEvents()
    if not widget.grab().save(str(path)):
        raise SystemExit(f"could not write {path}")
    print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return path


def _window(session, language, translations, tmp: Path):
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.judge.window import JudgeWindow
    from judging_app.ui.settings import AppSettings

    settings = AppSettings.at_path(tmp / f"settings-{language}.ini")
    return JudgeWindow(session, settings, Dialogs(), translations)


def _type(app, widget, text: str, enter: bool = True) -> None:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest

    widget.setFocus()
    app.processEvents()
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)
    app.processEvents()


def _database_shots(app, db, demo, entries, language, translations, tmp, out_dir) -> list[Path]:
    from judging_app.ui.judge.database_session import DatabaseJudgeSession

    window = _window(DatabaseJudgeSession(db, demo.code, demo.round_code, JUDGE), language,
                     translations, tmp)
    window.home.select(entries[12])
    written = [_save(app, window, out_dir / f"judge_home_{language}.png")]
    window.open_entry(entries[12])
    rows = window.sheet.rubric.rows
    for row, text in zip(rows[:4], ("4", "5", "3", "4"), strict=True):
        _type(app, row.score, text)
    _type(app, rows[1].comment, "Sudah diterapkan di tiga kelurahan.", enter=False)
    _type(app, rows[4].score, "4", enter=False)
    window.sheet.rubric.show_guide(rows[4].criterion.code)
    written.append(_save(app, window, out_dir / f"judge_sheet_{language}.png"))
    window.open_entry(entries[0])
    written.append(_save(app, window, out_dir / f"judge_submitted_{language}.png"))
    window.close()
    return written


def _package_shots(app, ws, demo, language, translations, tmp, out_dir) -> list[Path]:
    from judging_app.services import competitions, judge_packages
    from judging_app.ui.judge.package_session import PackageJudgeSession

    setup = competitions.get_setup(ws.db, demo.code)
    blind = dataclasses.replace(setup, rounds=tuple(
        dataclasses.replace(r, blind=True) if r.code == demo.round_code else r
        for r in setup.rounds))
    competitions.update_setup(ws, demo.code, blind)
    laptop = tmp / f"laptop-{language}"
    laptop.mkdir()
    package = judge_packages.export_package(ws, demo.code, demo.round_code, JUDGE, laptop)
    competitions.update_setup(ws, demo.code, setup)
    window = _window(PackageJudgeSession(package), language, translations, tmp)
    codes = [it.code for it in window.home.model.all_items()]
    window.home.select(codes[12])
    written = [_save(app, window, out_dir / f"judge_package_{language}.png")]
    window.open_entry(codes[13])
    _type(app, window.sheet.rubric.rows[0].score, "3")
    window.sheet.rubric.show_guide(window.sheet.rubric.rows[1].criterion.code)
    written.append(_save(app, window, out_dir / f"judge_package_sheet_{language}.png"))
    window.close()
    return written


def _dialog_shots(app, db, language, out_dir) -> list[Path]:
    from judging_app.services.judge_mode import judging_choices
    from judging_app.ui.judge.dialogs import ConflictDialog, IdentityDialog

    identity = IdentityDialog(None, judging_choices(db))
    identity.judge.setCurrentIndex(identity.judge.count() - 1)
    conflict = ConflictDialog(None, "INV-014 · Layanan Antar Jemput Dokumen Kependudukan")
    conflict.reason.setCurrentIndex(conflict.reason.findData("other"))
    conflict.text.setPlainText("Saya pernah menjadi narasumber dalam penyusunan inovasi ini.")
    written = [_save(app, identity, out_dir / f"judge_identity_{language}.png", None),
               _save(app, conflict, out_dir / f"judge_conflict_{language}.png", None)]
    identity.close()
    conflict.close()
    return written


def shoot(out_dir: Path, language: str) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from judging_app.store.database import open_database
    from judging_app.ui.i18n import Translations

    app = QApplication.instance() or QApplication([])
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory(prefix="judging-shots-") as folder:
        tmp = Path(folder)
        db = open_database(tmp / "demo.sqlite")
        try:
            ws, demo, entries = _seed(db)
            written += _database_shots(app, db, demo, entries, language, translations, tmp,
                                       out_dir)
            written += _package_shots(app, ws, demo, language, translations, tmp, out_dir)
            written += _dialog_shots(app, db, language, out_dir)
        finally:
            db.close()
    translations.uninstall()
    return written


if __name__ == "__main__":
    for lang in ("id", "en"):
        shoot(OUT, lang)

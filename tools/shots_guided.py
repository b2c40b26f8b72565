"""Screenshots of the guided start, the overview, the winners, the judge's path, the draft
question and the next steps, in Indonesian and English, at a laptop's 1366×768 (the window
is 1366×700: maximized, less the title bar and the taskbar).

    python tools/shots_guided.py            # docs/screenshots/guided_*.png
    python tools/shots_guided.py --size 1920x1012 --out /tmp/big   # a full-HD screen

A throw-away demo (140 entries, 5 judges, scored; judge J06 half-way through, as in
tools/shots_judge.py) and an empty database, in a temporary folder, on Qt's offscreen
platform.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parent.parent
for folder in (ROOT, ROOT / "tools"):
    if str(folder) not in sys.path:
        sys.path.insert(0, str(folder))
OUT = ROOT / "docs" / "screenshots"
SIZE = (1366, 700)
ACTOR = "Dewi Lestari"


def _settle(app, seconds: float = 0.3) -> None:
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def shoot(out_dir: Path, language: str, size: tuple[int, int] = SIZE) -> list[Path]:
    from shots_judge import JUDGE, _seed

    from judging_app.store.database import open_database
    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.i18n import Translations
    from judging_app.ui.launch import application
    from judging_app.ui.main_window import MainWindow
    from judging_app.ui.settings import AppSettings

    app = application()
    translations = Translations(app)
    translations.apply(language)
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []

    def save(widget, name: str, fixed: tuple[int, int] | None | bool = True) -> None:
        if fixed is not None:
            widget.resize(*(size if fixed is True else fixed))
        widget.show()
        _settle(app)
        path = out_dir / f"guided_{name}_{language}.png"
        if not widget.grab().save(str(path)):
            raise SystemExit(f"could not write {path}")
        print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
        written.append(path)

    with tempfile.TemporaryDirectory(prefix="judging-app-guided-shots-") as tmp_name:
        tmp = Path(tmp_name)
        settings = AppSettings.at_path(tmp / "settings.ini")
        settings.actor_name = ACTOR
        dialogs = Dialogs()
        empty = MainWindow(open_database(tmp / "kosong.sqlite"), settings, dialogs, translations)
        save(empty, "start")
        empty.close()

        from judging_app.services.templates import list_templates
        from judging_app.ui.new_competition import NewCompetitionDialog

        dialog = NewCompetitionDialog(list_templates(), language)
        save(dialog, "new_competition", None)
        dialog.close()

        db = open_database(tmp / "demo.sqlite")
        ws, demo, entries = _seed(db)
        window = MainWindow(db, settings, dialogs, translations)
        save(window, "competitions")
        workspace = window.open_competition(demo.code)
        _settle(app, 1.0)
        save(window, "overview")
        results = workspace.show_view("results")
        _settle(app, 1.5)
        save(window, "winners")
        results.tabs.setCurrentIndex(1)  # the ranking, its notes naming the deciding rule
        save(window, "ranking")
        window.close()
        tied = _tied_competition(db)
        window = MainWindow(db, settings, dialogs, translations)
        workspace = window.open_competition(tied)
        tied_results = workspace.show_view("results")
        _settle(app, 1.0)
        save(window, "winners_tie")
        tied_results.tabs.setCurrentIndex(1)  # its notes name the rule that decided
        save(window, "ranking_tie")
        window.close()
        written += _judge_shots(app, db, demo, entries, JUDGE, language, translations, tmp,
                                save)
        written += _reports_and_steps(app, db, demo, language, translations, tmp, save,
                                      settings, dialogs)
        db.close()
    translations.uninstall()
    return written


def _tied_competition(db) -> str:
    """A small competition whose two best entries of a category tie on every criterion: the
    tie blocks Juara I and II until the chair decides."""
    from decimal import Decimal as D

    from judging_app.core.enums import CompetitionStatus, EntryStatus
    from judging_app.services import assignments, competitions, entries, judges, sheets
    from judging_app.services.entries import EntryInput
    from judging_app.services.judges import JudgeInput
    from judging_app.services.sheets import SheetInput
    from judging_app.services.templates import load_template
    from judging_app.services.workspace import Workspace

    ws = Workspace(db, ACTOR)
    setup = load_template("city_competition")
    import dataclasses

    setup = dataclasses.replace(setup, name="Lomba Inovasi Kecamatan Taman", year=2026)
    code = competitions.create_competition(ws, setup).code
    competitions.set_status(ws, code, CompetitionStatus.REGISTRATION)
    category = setup.categories[0].code
    entries.add_unit(ws, code, "U1", "Dinas Kesehatan", "dinas")
    entries.add_unit(ws, code, "U2", "Dinas Pendidikan", "dinas")
    titles = ["SI-SEHAT: Antrean Puskesmas Daring", "Rapor Digital Sekolah Dasar",
              "Layanan Gizi Balita Keliling", "Posyandu Remaja Berbasis WhatsApp",
              "Perpustakaan Keliling Kampung", "Bank Sampah Sekolah"]
    for i, title in enumerate(titles, start=1):
        entries.add_entry(ws, code, EntryInput(code=f"INV-{i:02d}", title=title,
                                               unit=f"U{1 + i % 2}", category=category))
    entries.set_entry_status(ws, code, [f"INV-{i:02d}" for i in range(1, 7)],
                             EntryStatus.ELIGIBLE)
    for j in (1, 2, 3):
        judges.add_judge(ws, code, JudgeInput(code=f"J{j}", name=f"Juri {j}"))
    first = next(r for r in setup.rounds if r.kind == "scored")
    assignments.auto_assign(ws, code, first.code, 3)
    competitions.set_status(ws, code, CompetitionStatus.JUDGING)
    # weights 25/20/25/15/15: INV-05 and INV-06 both total 75, INV-05 ahead on the first
    # criterion of weight 25 (the tie-break names it)
    levels = {"INV-01": (5,) * 5, "INV-02": (5,) * 5, "INV-03": (4,) * 5,
              "INV-04": (3,) * 5, "INV-05": (4, 4, 3, 4, 4), "INV-06": (3, 4, 4, 4, 4)}
    for entry, values in levels.items():
        for j in (1, 2, 3):
            scores = {c.code: D(v) for c, v in zip(first.criteria, values, strict=True)}
            sheets.save_sheet(ws, code, first.code, f"J{j}", entry, SheetInput(scores))
            sheets.submit_sheet(ws, code, first.code, f"J{j}", entry)
    return code


def _judge_shots(app, db, demo, entries, judge, language, translations, tmp, save) -> list:
    from PySide6.QtTest import QTest

    from judging_app.ui.dialogs import Dialogs
    from judging_app.ui.help import JUDGE_GUIDE, GuideDialog
    from judging_app.ui.judge.database_session import DatabaseJudgeSession
    from judging_app.ui.judge.window import JudgeWindow
    from judging_app.ui.settings import AppSettings

    session = DatabaseJudgeSession(db, demo.code, demo.round_code, judge)
    window = JudgeWindow(session, AppSettings.at_path(tmp / f"judge-{language}.ini"),
                         Dialogs(), translations)
    save(window, "judge_home")
    window.open_entry(window.home.current_code())
    rubric = window.sheet.rubric
    field = rubric.rows[0].score
    field.setFocus()
    _settle(app, 0.1)
    QTest.keyClicks(field, "7")  # refused: the reason shows under the criteria
    save(window, "judge_sheet")
    window.close()
    guide = GuideDialog(language, None, JUDGE_GUIDE)
    save(guide, "judge_guide", (720, 640))
    guide.close()
    return []


def _reports_and_steps(app, db, demo, language, translations, tmp, save, settings,
                       dialogs) -> list:
    from judging_app.services.templates import create_from_template
    from judging_app.services.workspace import Workspace
    from judging_app.ui.main_window import MainWindow
    from judging_app.ui.views.reports_view import ReportsDialogs

    shown = {}

    class Capture(ReportsDialogs):
        def confirm_draft(self, parent, title, text, details, proceed):
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Warning, title, text,
                              QMessageBox.StandardButton.Cancel, parent)
            box.setInformativeText(details)
            box.addButton(proceed, QMessageBox.ButtonRole.AcceptRole)
            shown["box"] = box
            return False

    window = MainWindow(db, settings, dialogs, translations)
    workspace = window.open_competition(demo.code)
    reports = workspace.show_view("reports")
    reports.dialogs = Capture()
    reports.export("winners")
    _settle(app, 1.0)
    if "box" in shown:
        save(shown["box"], "draft_question", None)
        shown["box"].close()
    window.close()
    # a fresh competition from a template: the next steps of the empty views
    fresh = create_from_template(Workspace(db, ACTOR), "city_competition",
                                 name="Kompetisi Inovasi Kota Madiun", year=2026)
    window = MainWindow(db, settings, dialogs, translations)
    workspace = window.open_competition(fresh.code)
    _settle(app, 0.5)
    save(window, "overview_new")
    for key in ("judges", "assignments"):
        workspace.show_view(key)
        _settle(app, 0.5)
        save(window, f"next_{key}")
    window.close()
    return []


if __name__ == "__main__":
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", default=f"{SIZE[0]}x{SIZE[1]}", help="window WIDTHxHEIGHT")
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--lang", default="id,en")
    args = parser.parse_args()
    width, height = (int(n) for n in args.size.split("x"))
    for lang in args.lang.split(","):
        shoot(args.out, lang, (width, height))

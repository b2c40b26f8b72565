"""The Progress view on a real database: per judge and per entry sheet counts, the entries
blocking results, the filters; the models without a window."""

from __future__ import annotations

from decimal import Decimal as D

from PySide6.QtCore import QLocale, Qt

from judging_app.demo.generator import build_demo
from judging_app.services import assignments, progress, sheets
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.ui.views.progress_view import (
    PERCENT_ROLE,
    EntryProgressModel,
    JudgeProgressModel,
    ProgressView,
)
from judging_app.ui.views.results_models import BLOCKING_COLOUR

from factories import seeded_competition
from ui_view_support import make_ctx


def save(s, judge, entry, submit=True):
    sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(3), "B": D(4)}))
    if submit:
        sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


def partly_scored(db):
    """E1: 2 submitted + 1 draft; E2: complete; E3, E4: nothing yet."""
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    save(s, "J1", "E1")
    save(s, "J2", "E1")
    save(s, "J3", "E1", submit=False)
    for judge in ("J1", "J2", "J3"):
        save(s, judge, "E2")
    return s


def open_view(qtbot, db, code, tmp_path) -> ProgressView:
    view = ProgressView(make_ctx(db, code, tmp_path))
    qtbot.addWidget(view)
    view.resize(1100, 700)
    view.show()
    view.refresh()
    return view


def column(model, col: int) -> list[str]:
    return [model.data(model.index(r, col)) for r in range(model.rowCount())]


def test_counts_per_judge_and_entry(qtbot, sqlite_db, tmp_path):
    s = partly_scored(sqlite_db)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.round.currentText() == "Penilaian proposal"
    assert view.summary.text() == ("Sheets submitted: 5 of 12 (41%); in draft: 1; not started: 6. "
                                   "Entries blocking results: 3.")
    judges = view.judges
    assert column(judges, JudgeProgressModel.CODE) == ["J1", "J2", "J3"]
    assert column(judges, JudgeProgressModel.SUBMITTED) == ["2", "2", "1"]
    assert column(judges, JudgeProgressModel.DRAFT) == ["0", "0", "1"]
    assert column(judges, JudgeProgressModel.NOT_STARTED) == ["2", "2", "2"]
    assert column(judges, JudgeProgressModel.PROGRESS) == ["50%", "50%", "25%"]
    assert judges.data(judges.index(2, JudgeProgressModel.PROGRESS), PERCENT_ROLE) == 25
    entries = view.entries
    assert column(entries, EntryProgressModel.CODE) == ["E1", "E2", "E3", "E4"]
    assert column(entries, EntryProgressModel.STATUS) == [
        "Blocking results", "Complete", "Blocking results", "Blocking results"]
    assert column(entries, EntryProgressModel.MISSING) == ["0", "0", "3", "3"]
    assert entries.data(entries.index(0, 0), Qt.ItemDataRole.BackgroundRole) == BLOCKING_COLOUR
    assert entries.data(entries.index(1, 0), Qt.ItemDataRole.BackgroundRole) is None
    assert not view.judge_table.grab().isNull()  # the progress bars paint


def test_filter_blocking_entries_and_find(qtbot, sqlite_db, tmp_path):
    s = partly_scored(sqlite_db)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    qtbot.mouseClick(view.only_blocking, Qt.MouseButton.LeftButton)
    assert column(view.entries, EntryProgressModel.CODE) == ["E1", "E3", "E4"]
    assert view.shown.text() == "Shown: 3 of 4"
    qtbot.keyClicks(view.find, "inovasi 4")
    assert column(view.entries, EntryProgressModel.CODE) == ["E4"]
    qtbot.mouseClick(view.only_blocking, Qt.MouseButton.LeftButton)
    view.find.clear()
    assert view.entries.rowCount() == 4


def test_sorting_inside_the_model(qtbot, sqlite_db, tmp_path):
    s = partly_scored(sqlite_db)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    view.entry_table.sortByColumn(EntryProgressModel.SUBMITTED, Qt.SortOrder.DescendingOrder)
    assert column(view.entries, EntryProgressModel.CODE)[:2] == ["E2", "E1"]
    view.judge_table.sortByColumn(JudgeProgressModel.DRAFT, Qt.SortOrder.DescendingOrder)
    assert column(view.judges, JudgeProgressModel.CODE)[0] == "J3"


def test_view_follows_new_sheets_after_refresh(qtbot, sqlite_db, tmp_path):
    s = partly_scored(sqlite_db)
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    sheets.submit_sheet(s.ws, s.code, "prop", "J3", "E1")
    view.refresh()
    assert column(view.entries, EntryProgressModel.STATUS)[0] == "Complete"
    assert view.summary.text().endswith("Entries blocking results: 2.")


def test_demo_rounds_and_unassigned_round(qtbot, sqlite_db, tmp_path):
    demo = build_demo(Workspace(sqlite_db, "Sekretariat Uji"), entries=30, judges=4, scored=True)
    view = open_view(qtbot, sqlite_db, demo.code, tmp_path)
    assert view.round.count() == 3 and view.round.currentData() == demo.round_code
    expected = progress.round_progress(sqlite_db, demo.code)
    assert view.entries.rowCount() == len(expected.entries)
    view.round.setFocus()
    qtbot.keyClick(view.round, Qt.Key.Key_Down)  # presentation: nobody has advanced yet
    assert view.round.currentIndex() == 1
    assert view.summary.text() == "No entries take part in this round yet."
    assert view.entries.rowCount() == 0 and view.judges.rowCount() == 4


def test_entries_without_judges(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1"])
    view = open_view(qtbot, sqlite_db, s.code, tmp_path)
    assert view.summary.text().endswith("Entries blocking results: 1. Entries without judges: 3.")
    assert column(view.entries, EntryProgressModel.STATUS) == [
        "Blocking results", "No judges assigned", "No judges assigned", "No judges assigned"]


def test_models_without_a_window(sqlite_db):
    s = partly_scored(sqlite_db)
    data = progress.round_progress(sqlite_db, s.code)
    judges = JudgeProgressModel()
    judges.locale = QLocale(QLocale.Language.Indonesian, QLocale.Country.Indonesia)
    judges.set_rows(data.judges)
    assert judges.rowCount() == 3 and judges.columnCount() == 7
    assert judges.headerData(JudgeProgressModel.NOT_STARTED, Qt.Orientation.Horizontal) == "Not started"
    judges.sort(JudgeProgressModel.SUBMITTED, Qt.SortOrder.AscendingOrder)
    assert judges.record(0).code == "J3"
    entries = EntryProgressModel()
    entries.set_rows(data.entries)
    entries.set_filter(lambda e: e.blocking)
    assert [entries.record(i).code for i in range(entries.rowCount())] == ["E1", "E3", "E4"]
    entries.sort(EntryProgressModel.STATUS, Qt.SortOrder.AscendingOrder)
    assert entries.record(0).blocking
    alignment = entries.data(entries.index(0, EntryProgressModel.EXPECTED),
                             Qt.ItemDataRole.TextAlignmentRole)
    assert alignment & Qt.AlignmentFlag.AlignRight

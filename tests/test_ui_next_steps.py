"""Views with nothing to show yet say what to do next, with a button that does it or leads to
the view where it is done, instead of a bare empty table."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPushButton

from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.services import competitions, entries
from judging_app.services.entries import EntryInput
from judging_app.services.judges import JudgeInput
from judging_app.services.workspace import Workspace
from judging_app.ui.views.assignments_view import AssignmentsView
from judging_app.ui.views.judges_view import JudgesView
from judging_app.ui.views.progress_view import ProgressView
from judging_app.ui.views.results_view import ResultsView

from factories import seeded_competition, tiny_setup
from ui_view_support import make_ctx


def made(qtbot, cls, db, code, tmp_path):
    view = cls(make_ctx(db, code, tmp_path))
    qtbot.addWidget(view)
    view.show()
    view.retranslate()
    view.refresh()
    return view


def test_judges_without_judges_offers_to_add_one(qtbot, sqlite_db, tmp_path):
    code = competitions.create_competition(Workspace(sqlite_db, "X"), tiny_setup()).code
    view = made(qtbot, JudgesView, sqlite_db, code, tmp_path)
    step = view.next_step
    assert step.isVisible() and step.title.text() == "No judges yet"
    asked = []
    view.dialogs.judge_form = lambda *a, **k: asked.append(a[1]) or None  # cancelled
    (button,) = step.buttons
    assert button.text() == "Add judge…"
    # shown again (retranslate and refresh both say it): the buttons it replaced are gone
    # from sight at once, never drawn over the sentence while waiting to be deleted
    QApplication.processEvents()  # the layout shows its new buttons (deletions wait)
    shown = [b for b in step.findChildren(QPushButton) if b.isVisible()]
    assert shown == [button]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert asked == ["Add judge"]


def test_assignments_lead_to_entries_then_judges_then_a_preview(qtbot, sqlite_db, tmp_path):
    ws = Workspace(sqlite_db, "X")
    code = competitions.create_competition(ws, tiny_setup()).code
    view = made(qtbot, AssignmentsView, sqlite_db, code, tmp_path)
    went = []
    view.navigate.connect(went.append)
    assert view.next_step.title.text() == "No entries to assign yet"
    qtbot.mouseClick(view.next_step.buttons[0], Qt.MouseButton.LeftButton)
    assert went == ["entries"]
    entries.add_unit(ws, code, "U1", "Dinas Kesehatan", "dinas")
    entries.add_entry(ws, code, EntryInput(code="E1", title="Inovasi", unit="U1",
                                           category="umum"))
    entries.set_entry_status(ws, code, ["E1"], EntryStatus.ELIGIBLE)
    view.refresh()
    assert view.next_step.title.text() == "No judges to assign yet"
    qtbot.mouseClick(view.next_step.buttons[0], Qt.MouseButton.LeftButton)
    assert went == ["entries", "judges"]
    from judging_app.services.judges import add_judge

    add_judge(ws, code, JudgeInput(code="J1", name="Juri Satu"))
    view.refresh()
    assert view.next_step.title.text() == "Nothing is assigned in this round yet"
    qtbot.mouseClick(view.next_step.buttons[0], Qt.MouseButton.LeftButton)
    assert view.preview is not None and not view.next_step.isVisible()


def test_progress_and_results_before_any_sheet(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)  # judging, but nobody assigned
    progress = made(qtbot, ProgressView, sqlite_db, s.code, tmp_path)
    went = []
    progress.navigate.connect(went.append)
    assert progress.next_step.isVisible()
    assert progress.next_step.title.text() == "No score sheets are expected in this round yet"
    qtbot.mouseClick(progress.next_step.buttons[0], Qt.MouseButton.LeftButton)
    results = made(qtbot, ResultsView, sqlite_db, s.code, tmp_path)
    results.navigate.connect(went.append)
    assert results.next_step.isVisible() and results.next_step.title.text() == "No results yet"
    assert results.winners.empty.isVisibleTo(results.winners)
    qtbot.mouseClick(results.next_step.buttons[0], Qt.MouseButton.LeftButton)
    assert went == ["assignments", "progress"]
    assert competitions.get_summary(sqlite_db, s.code).status == CompetitionStatus.JUDGING

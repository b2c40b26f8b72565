"""The Entries view driven as a person would: loading, searching as you type, filters,
sorting by a header click, selecting with clicks and Ctrl+A, screening in bulk."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QPoint, Qt
from sqlalchemy import update

from judging_app.core.enums import EntryStatus
from judging_app.services import entries
from judging_app.store.models import Competition
from judging_app.ui.background import Runner
from judging_app.ui.views.entries_dialogs import EntriesDialogs
from judging_app.ui.views.entries_model import COL_STATUS, COL_TITLE, COL_UNIT
from judging_app.ui.views.entries_view import EntriesView
from judging_app.ui.workspace import CompetitionWorkspace

from factories import seeded_competition
from ui_view_support import make_ctx

CTRL = Qt.KeyboardModifier.ControlModifier


class ScriptedQuestions(EntriesDialogs):
    """Answers the view's questions from lists the test fills; records what was asked."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.reasons: list[str | None] = []
        self.confirmations: list[bool] = []
        self.dialog_scripts: list = []  # callables(dialog) -> bool (accepted)

    def run(self, dialog) -> bool:
        self.asked.append(("dialog", dialog.objectName()))
        return self.dialog_scripts.pop(0)(dialog) if self.dialog_scripts else False

    def ask_reason(self, parent, title: str, prompt: str) -> str | None:
        self.asked.append(("reason", title, prompt))
        return self.reasons.pop(0)

    def confirm(self, parent, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return self.confirmations.pop(0)


def open_view(qtbot, db, code: str, tmp_path, runner: Runner | None = None) -> EntriesView:
    ctx = make_ctx(db, code, tmp_path)
    if runner is not None:
        ctx.runner = runner
    view = EntriesView(ctx)
    qtbot.addWidget(view)
    view.questions = ScriptedQuestions()
    view.resize(1100, 700)
    view.refresh()
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.fixture
def seeded(sqlite_db):
    return seeded_competition(sqlite_db, n_entries=12, judging=False)


@pytest.fixture
def view(qtbot, sqlite_db, seeded, tmp_path) -> EntriesView:
    return open_view(qtbot, sqlite_db, seeded.code, tmp_path)


def shown_codes(view: EntriesView) -> list[str]:
    return [view.model.entry_at(row).code for row in range(view.model.rowCount())]


def statuses(db, code: str) -> dict[str, tuple[str, str]]:
    return {e.code: (e.status, e.status_reason) for e in entries.list_entries(db, code)}


def click_row(qtbot, view: EntriesView, row: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    rect = view.table.visualRect(view.model.index(row, COL_TITLE))
    qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_action(qtbot, view: EntriesView, action) -> None:
    qtbot.mouseClick(view.toolbar.widgetForAction(action), Qt.MouseButton.LeftButton)


def test_the_workspace_offers_the_entries_view(qtbot, sqlite_db, seeded, tmp_path):
    workspace = CompetitionWorkspace(make_ctx(sqlite_db, seeded.code, tmp_path))
    qtbot.addWidget(workspace)
    assert workspace.keys().count("entries") == 1
    view = workspace.show_view("entries")
    assert isinstance(view, EntriesView) and view.model.total_count() == 12


def test_loads_the_entries_in_code_order_with_a_count(view):
    assert shown_codes(view) == [f"E{i}" for i in range(1, 13)]
    assert re.search(r"\b12\b", view.count_label.text())
    assert view.stack.currentWidget() is not view.empty_page
    assert view.model.data(view.model.index(0, COL_UNIT)) == "Dinas Contoh 1"
    assert not view.edit_action.isEnabled() and not view.disqualify_action.isEnabled()


def test_an_empty_competition_says_what_to_do(qtbot, sqlite_db, tmp_path):
    empty = seeded_competition(sqlite_db, n_entries=0, judging=False)
    view = open_view(qtbot, sqlite_db, empty.code, tmp_path)
    assert view.stack.currentWidget() is view.empty_page
    assert "No entries yet — add one or import a spreadsheet" in view.empty_title.text()
    view.questions.dialog_scripts.append(lambda dialog: False)
    qtbot.mouseClick(view.empty_add, Qt.MouseButton.LeftButton)
    assert view.questions.asked == [("dialog", "entryForm")]


def test_typing_filters_after_a_short_pause_and_counts_what_is_shown(qtbot, view):
    qtbot.keyClicks(view.search, "inovasi 1")
    assert view.model.rowCount() == 12  # not on every keystroke: after the pause
    qtbot.waitUntil(lambda: view.model.rowCount() == 6, timeout=2000)
    # every word somewhere: "1" is in the titles of E1, E10-E12 and in the unit of E4, E7
    assert shown_codes(view) == ["E1", "E4", "E7", "E10", "E11", "E12"]
    assert re.search(r"\b6 of 12\b", view.count_label.text())
    qtbot.keyClicks(view.search, "1")
    qtbot.waitUntil(lambda: shown_codes(view) == ["E11"], timeout=2000)
    view.search.clear()
    qtbot.waitUntil(lambda: view.model.rowCount() == 12, timeout=2000)


def test_ctrl_f_puts_the_cursor_in_the_search_box(qtbot, view):
    view.activateWindow()
    view.table.setFocus()
    qtbot.waitUntil(view.table.hasFocus, timeout=2000)
    qtbot.keyClick(view.table, Qt.Key.Key_F, CTRL)
    assert view.search.hasFocus()


def test_filters_by_status_category_and_stage(qtbot, view, sqlite_db, seeded):
    entries.set_entry_status(seeded.ws, seeded.code, ["E2", "E4"], EntryStatus.DISQUALIFIED, "x")
    view.refresh()
    view.status_filter.setCurrentIndex(view.status_filter.findData("disqualified"))
    assert shown_codes(view) == ["E2", "E4"]
    assert view.status_filter.currentText() == "Disqualified"
    view.category_filter.setCurrentIndex(view.category_filter.findData("umum"))
    assert shown_codes(view) == []  # the disqualified ones are in "pd"
    view.status_filter.setCurrentIndex(0)
    assert shown_codes(view) == ["E1", "E3", "E5", "E7", "E9", "E11"]
    view.stage_filter.setCurrentIndex(view.stage_filter.findData("trial"))
    assert shown_codes(view) == []
    assert [view.category_filter.itemText(i) for i in range(3)] == [
        "All categories", "General", "Perangkat Daerah"]  # English names where the setup has them


def test_a_header_click_sorts_and_the_selection_follows_the_entries(qtbot, view):
    click_row(qtbot, view, 1)  # E2
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(COL_UNIT) + 10
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert [view.model.entry_at(r).unit_name for r in (0, 11)] == ["Dinas Contoh 1", "Dinas Contoh 3"]
    assert shown_codes(view)[:4] == ["E1", "E4", "E7", "E10"]  # same unit: code order
    assert view.selected_codes() == ["E2"]
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert header.sortIndicatorOrder() == Qt.SortOrder.DescendingOrder
    assert shown_codes(view)[:4] == ["E3", "E6", "E9", "E12"]
    assert view.selected_codes() == ["E2"]


def test_disqualify_several_with_a_required_reason(qtbot, view, sqlite_db, seeded):
    click_row(qtbot, view, 1)
    click_row(qtbot, view, 4, CTRL)
    assert view.selected_codes() == ["E2", "E5"] and view.selection_label.text() == "2 selected"
    view.questions.reasons.append(None)  # cancelled: nothing happens
    click_action(qtbot, view, view.disqualify_action)
    assert statuses(sqlite_db, seeded.code)["E2"] == ("eligible", "")
    view.questions.reasons.append("Berkas bukti dukung tidak lengkap")
    with qtbot.waitSignal(view.changed):
        click_action(qtbot, view, view.disqualify_action)
    assert view.questions.asked[-1] == (
        "reason", "Disqualify", "Why are the 2 selected entries disqualified?")
    now = statuses(sqlite_db, seeded.code)
    assert now["E2"] == now["E5"] == ("disqualified", "Berkas bukti dukung tidak lengkap")
    assert now["E1"] == ("eligible", "")
    assert view.model.data(view.model.index(1, COL_STATUS)) == "Disqualified"  # shown without a reload
    assert view.selected_codes() == ["E2", "E5"]


def test_withdraw_one_entry(qtbot, view, sqlite_db, seeded):
    click_row(qtbot, view, 2)
    view.questions.reasons.append("Unit mengundurkan diri")
    view.withdraw_action.trigger()
    assert view.questions.asked[-1] == ("reason", "Withdraw", "Why is E3 withdrawn?")
    assert statuses(sqlite_db, seeded.code)["E3"] == ("withdrawn", "Unit mengundurkan diri")
    assert "Unit mengundurkan diri" in view.details.toPlainText()


def test_ctrl_a_then_mark_eligible_asks_before_clearing_reasons(qtbot, view, sqlite_db, seeded):
    entries.set_entry_status(seeded.ws, seeded.code, ["E7"], EntryStatus.WITHDRAWN, "Mundur")
    entries.set_entry_status(seeded.ws, seeded.code, ["E8"], EntryStatus.REGISTERED)
    view.refresh()
    view.table.setFocus()
    qtbot.keyClick(view.table, Qt.Key.Key_A, CTRL)
    assert len(view.selected_codes()) == 12
    view.questions.confirmations.append(False)
    click_action(qtbot, view, view.eligible_action)
    assert view.questions.asked[-1][0] == "confirm" and "selected entries: 1." in view.questions.asked[-1][2]
    assert statuses(sqlite_db, seeded.code)["E7"] == ("withdrawn", "Mundur")
    view.questions.confirmations.append(True)
    click_action(qtbot, view, view.eligible_action)
    assert set(statuses(sqlite_db, seeded.code).values()) == {("eligible", "")}


def test_selection_keeps_the_entries_still_shown_after_a_search(qtbot, view):
    click_row(qtbot, view, 0)  # E1
    click_row(qtbot, view, 1, CTRL)  # E2
    view.search.setText("inovasi 1")
    view.apply_filters()
    assert view.selected_codes() == ["E1"]  # E2 is no longer shown
    view.search.clear()
    view.apply_filters()
    assert view.selected_codes() == ["E1"]


@pytest.mark.tampers  # finalized with SQL, not through the app
def test_a_finalized_competition_is_read_only(qtbot, sqlite_db, seeded, tmp_path):
    with sqlite_db.write() as s:
        s.execute(update(Competition).where(Competition.code == seeded.code).values(status="finalized"))
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path)
    click_row(qtbot, view, 0)
    assert view.selected_codes() == ["E1"]
    for action in (view.add_action, view.edit_action, view.eligible_action,
                   view.disqualify_action, view.withdraw_action, view.units_action):
        assert not action.isEnabled(), action.objectName()


def test_loads_on_a_worker_and_reloads_when_shown_again(qtbot, sqlite_db, seeded, tmp_path):
    view = open_view(qtbot, sqlite_db, seeded.code, tmp_path, runner=Runner())
    qtbot.waitUntil(lambda: view.model.total_count() == 12, timeout=5000)
    view.hide()
    entries.set_entry_status(seeded.ws, seeded.code, ["E1"], EntryStatus.DISQUALIFIED, "x")
    view.refresh()  # out of sight: waits
    assert view.model.entry_at(0).status == "eligible"
    with qtbot.waitSignal(view.loaded, timeout=5000):
        view.show()
    assert view.model.entry_at(0).status == "disqualified"


def test_a_failed_load_is_shown(qtbot, sqlite_db, tmp_path):
    view = open_view(qtbot, sqlite_db, "no-such-competition", tmp_path)
    kinds = view.ctx.dialogs.kinds()
    assert kinds == ["error"] and view.ctx.dialogs.asked[0][1] == "Cannot load the entries"
    assert not view.add_action.isEnabled()
    assert view.count_label.text() == "Not loaded (F5 loads the entries)"

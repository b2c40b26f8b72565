"""The Assignments view on a real database: preview before anything is written, apply,
manual changes by selection and by dropping a judge, the "too few judges" warning and
filter, refusals, and loading on a worker."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt

from judging_app.core.enums import ConflictReason
from judging_app.services import assignments, conflicts, judges, sheets
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.ui.background import Runner
from judging_app.ui.views.assignments_models import EntryAssignmentModel, JudgeLoadModel
from judging_app.ui.views.assignments_view import AssignmentsView

from factories import seeded_competition
from ui_view_support import make_ctx

E, J = EntryAssignmentModel, JudgeLoadModel


def make_view(qtbot, ctx) -> AssignmentsView:
    view = AssignmentsView(ctx)
    qtbot.addWidget(view)
    view.retranslate()
    view.refresh()
    view.resize(1000, 650)
    view.show()
    return view


@pytest.fixture
def setup(qtbot, sqlite_db, tmp_path):
    """E1..E6 (units U1,U2,U3,…); J1 works in U1 (conflicted with E1, E4); J4 is inactive."""
    s = seeded_competition(sqlite_db, n_entries=6, n_judges=4)
    judges.edit_judge(s.ws, s.code, "J1", JudgeInput("J1", "Juri 1", unit="U1"))
    judges.edit_judge(s.ws, s.code, "J4", JudgeInput("J4", "Juri 4", active=False))
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    return s, ctx, make_view(qtbot, ctx)


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def select(view, judge: str | None = None, entries: tuple[str, ...] = ()) -> None:
    if judge is not None:
        view.judges_table.selectRow(view.judges_model.row_of(judge))
    selection = view.entries_table.selectionModel()
    selection.clearSelection()
    for code in entries:
        selection.select(view.entries_model.index(view.entries_model.row_of(code), 0),
                         QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)


def test_round_entries_and_counts_are_shown(setup):
    s, ctx, view = setup
    assert [view.round_combo.itemData(i) for i in range(view.round_combo.count())] == ["prop"]
    assert view.k_spin.value() == 3
    assert column(view.entries_model, E.COL_CODE) == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert column(view.entries_model, E.COL_COUNT) == ["0"] * 6
    assert column(view.judges_model, J.COL_NAME) == ["Juri 1", "Juri 2", "Juri 3", "Juri 4 (inactive)"]
    assert view.summary.text() == (
        "Entries in this round: 6 · assignments: 0 · with too few judges (under 3): 6")
    assert not view.apply_button.isEnabled() and view.judges_table.isColumnHidden(J.COL_AFTER)


def test_preview_shows_new_loads_and_warnings_before_anything_is_written(setup, qtbot):
    s, ctx, view = setup
    click(qtbot, view.preview_button)
    assert assignments.list_assignments(ctx.db, s.code, "prop") == []  # nothing written
    assert not view.judges_table.isColumnHidden(J.COL_AFTER)
    assert not view.entries_table.isColumnHidden(E.COL_PROPOSED)
    assert column(view.judges_model, J.COL_AFTER) == ["4 (+4)", "6 (+6)", "6 (+6)", "0"]
    assert view.entries_model.index(0, E.COL_PROPOSED).data() == "+ J2, J3"  # J1 conflicted
    lines = view.preview_text.text().splitlines()
    assert lines[0] == "Preview, not written yet. New assignments: 16."
    assert lines[1] == (
        "⚠ Entries that cannot get 3 judges without a conflict of interest (2): E1, E4")
    assert "differ by more than one" in lines[2]
    assert view.apply_button.isEnabled()
    view.k_spin.setValue(2)  # a different k: the preview no longer holds
    assert view.preview is None and not view.apply_button.isEnabled()
    assert view.judges_table.isColumnHidden(J.COL_AFTER)
    assert view.summary.text().endswith("with too few judges (under 2): 6")


def test_apply_writes_the_previewed_assignment(setup, qtbot):
    s, ctx, view = setup
    view.k_spin.setValue(2)
    click(qtbot, view.preview_button)
    previewed = sorted(view.preview.preview.new_assignments)
    with qtbot.waitSignal(view.changed, timeout=2000):
        click(qtbot, view.apply_button)
    assert sorted(assignments.list_assignments(ctx.db, s.code, "prop")) == previewed
    assert view.message.text() == "Assignments added: 12."
    assert view.preview is None and column(view.entries_model, E.COL_COUNT) == ["2"] * 6
    assert view.summary.text() == (
        "Entries in this round: 6 · assignments: 12 · with too few judges (under 2): 0")


def test_apply_says_when_the_data_changed_since_the_preview(setup, qtbot):
    s, ctx, view = setup
    view.k_spin.setValue(2)
    click(qtbot, view.preview_button)
    assignments.assign(s.ws, s.code, "prop", "J3", ["E1"])  # someone else, meanwhile
    click(qtbot, view.apply_button)
    assert view.message.text().startswith("Assignments added: 11. The data had changed")


def test_too_few_judges_are_highlighted_and_can_be_listed_alone(setup, qtbot):
    s, ctx, view = setup
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E2", "E3"])
    assignments.assign(s.ws, s.code, "prop", "J3", ["E1", "E2", "E3"])
    view.refresh()
    view.k_spin.setValue(2)
    colours = [view.entries_model.index(r, E.COL_COUNT).data(Qt.ItemDataRole.BackgroundRole)
               for r in range(6)]
    assert [c is not None for c in colours] == [False, False, False, True, True, True]
    view.short_only.click()
    assert column(view.entries_model, E.COL_CODE) == ["E4", "E5", "E6"]
    qtbot.keyClicks(view.search, "E5")
    assert column(view.entries_model, E.COL_CODE) == ["E5"]


def test_assign_and_remove_by_selection(setup, qtbot):
    s, ctx, view = setup
    select(view, "J1", ("E2", "E3", "E4"))
    click(qtbot, view.assign_button)
    assert assignments.list_assignments(ctx.db, s.code, "prop") == [("J1", "E2"), ("J1", "E3")]
    assert view.message.text() == (
        "J1 assigned to: E2, E3. Not assigned (conflict of interest): E4.")
    assert column(view.entries_model, E.COL_JUDGES)[:4] == ["", "J1", "J1", ""]
    assert [view.entries_model.row_at(i.row()).code
            for i in view.entries_table.selectionModel().selectedRows()] == ["E2", "E3", "E4"]
    assert column(view.judges_model, J.COL_LOAD)[0] == "2"
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E2", SheetInput({"A": D(3)}))
    view.refresh()  # J1 has started scoring E2
    select(view, "J1", ("E2", "E3", "E5"))
    click(qtbot, view.remove_button)
    assert assignments.list_assignments(ctx.db, s.code, "prop") == [("J1", "E2")]
    assert view.message.text() == (
        "J1 removed from: E3. Was not assigned: E5. Kept, a sheet exists: E2.")


def test_inactive_judge_cannot_be_assigned(setup):
    s, ctx, view = setup
    select(view, "J4", ("E2",))
    assert not view.assign_button.isEnabled() and view.remove_button.isEnabled()
    assert view.assign_button.toolTip() == "Select entries and an active judge"


def test_dropping_a_judge_assigns_the_selection_or_the_entry_under_it(setup):
    s, ctx, view = setup
    mime = view.judges_model.mimeData([view.judges_model.index(view.judges_model.row_of("J2"), 0)])
    select(view, None, ("E1", "E2"))
    target = view.entries_model.index(view.entries_model.row_of("E2"), E.COL_TITLE)
    assert view.entries_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert assignments.list_assignments(ctx.db, s.code, "prop") == [("J2", "E1"), ("J2", "E2")]
    target = view.entries_model.index(view.entries_model.row_of("E6"), E.COL_CODE)
    view.entries_model.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert ("J2", "E6") in assignments.list_assignments(ctx.db, s.code, "prop")
    assert len(assignments.list_assignments(ctx.db, s.code, "prop")) == 3


def test_a_refusal_is_shown_and_nothing_changes(setup, qtbot):
    s, ctx, view = setup
    # declared meanwhile by someone else: the view does not know yet
    conflicts.declare_conflict(s.ws, s.code, "J3", "E5", ConflictReason.PERSONAL)
    select(view, "J3", ("E5", "E6"))
    changed = []
    view.changed.connect(lambda: changed.append(1))
    click(qtbot, view.assign_button)
    (error,) = [a for a in ctx.dialogs.asked if a[0] == "error"]
    assert error[1] == "Cannot assign the judge"
    assert "conflict of interest with E5" in error[2]
    assert assignments.list_assignments(ctx.db, s.code, "prop") == [] and changed == []


def test_rounds_without_entries_say_why(qtbot, sqlite_db, tmp_path):
    from judging_app.demo.generator import build_demo

    demo = build_demo(Workspace(sqlite_db, "Sekretariat Uji"), entries=24, judges=4)
    view = make_view(qtbot, make_ctx(sqlite_db, demo.code, tmp_path))
    codes = [view.round_combo.itemData(i) for i in range(view.round_combo.count())]
    assert codes == ["proposal", "presentasi", "verifikasi"]  # scored rounds only
    assert view.round_combo.itemText(0) == "Proposal evaluation"  # English names in English
    view.ctx.language = lambda: "id"
    view.retranslate()
    assert view.round_combo.itemText(0) == "Penilaian Proposal"
    assert view.round_combo.currentData() == "proposal"
    assert view.entries_model.short_count() == 0
    view.round_combo.setCurrentIndex(1)
    assert view.entries_model.rowCount() == 0
    assert view.summary.text().startswith("No entries take part in this round yet")


def test_loading_runs_on_a_worker(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db, n_entries=6, n_judges=3)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    ctx.runner = Runner()
    view = make_view(qtbot, ctx)
    qtbot.waitUntil(lambda: view.entries_model.rowCount() == 6, timeout=5000)
    assert column(view.entries_model, E.COL_COUNT) == ["2"] * 6
    click(qtbot, view.preview_button)
    qtbot.waitUntil(lambda: view.preview is not None, timeout=5000)
    assert view.preview_text.text().startswith("Preview, not written yet. New assignments: 6.")
    qtbot.waitUntil(lambda: not ctx.runner.busy(), timeout=5000)

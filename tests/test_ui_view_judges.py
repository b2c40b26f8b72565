"""The Judges view on a real database: the panel, the judge form, deactivating, and the
selected judge's conflicts of interest (declare, withdraw)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from judging_app.core.enums import ConflictReason, JudgeRole
from judging_app.services import assignments, conflicts, judges
from judging_app.services.judges import JudgeInput
from judging_app.ui.views.judges_dialogs import ConflictAnswer
from judging_app.ui.views.judges_models import ConflictTableModel, JudgeTableModel
from judging_app.ui.views.judges_view import JudgesView

from factories import seeded_competition
from ui_view_support import make_ctx


class AnsweringDialogs:
    """Stands in for JudgesDialogs: answers from lists, records what was asked."""

    def __init__(self) -> None:
        self.forms: list[JudgeInput | None] = []
        self.conflicts: list[ConflictAnswer | None] = []
        self.confirms: list[bool] = []
        self.asked: list[tuple] = []

    def judge_form(self, parent, title, units, taken_codes, initial):
        self.asked.append(("form", title, initial, set(taken_codes), [u.code for u in units]))
        return self.forms.pop(0) if self.forms else None

    def declare_conflict(self, parent, judge_label, choices):
        self.asked.append(("declare", judge_label, [c.code for c in choices]))
        return self.conflicts.pop(0) if self.conflicts else None

    def confirm(self, parent, title, text, informative, action):
        self.asked.append(("confirm", title, text, informative, action))
        return self.confirms.pop(0) if self.confirms else False


@pytest.fixture
def setup(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db, n_entries=6, n_judges=3)
    judges.edit_judge(s.ws, s.code, "J1", JudgeInput("J1", "Juri 1", "Dinas Contoh 1", unit="U1"))
    conflicts.declare_conflict(s.ws, s.code, "J2", "E3", ConflictReason.PERSONAL, "")
    ctx = make_ctx(sqlite_db, s.code, tmp_path)
    view = JudgesView(ctx)
    view.dialogs = AnsweringDialogs()
    qtbot.addWidget(view)
    view.retranslate()
    view.refresh()
    view.resize(1000, 650)
    view.show()
    return s, ctx, view


def texts(model, column: int) -> list[str]:
    return [model.index(r, column).data() for r in range(model.rowCount())]


def click(qtbot, button) -> None:
    assert button.isEnabled(), button.text()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_panel_lists_judges_with_unit_role_and_conflicts(setup):
    s, ctx, view = setup
    m = view.model
    assert texts(m, JudgeTableModel.COL_CODE) == ["J1", "J2", "J3"]
    assert texts(m, JudgeTableModel.COL_UNIT) == ["Dinas Contoh 1", "", ""]
    assert texts(m, JudgeTableModel.COL_CONFLICTS) == ["2", "1", "0"]  # E1, E4 share U1
    assert texts(m, JudgeTableModel.COL_ROLE) == ["Judge"] * 3
    assert view.summary.text() == "Judges: 3 · active: 3 · chairs: 0"
    assert view.conflicts_hint.text().startswith("Select a judge")
    assert not view.edit_button.isEnabled() and not view.declare_button.isEnabled()


def test_selecting_a_judge_shows_automatic_conflicts_explained(setup):
    s, ctx, view = setup
    view.table.selectRow(0)
    assert view.conflicts_box.title() == "Conflicts of interest of J1 Juri 1"
    cm = view.conflicts_model
    assert texts(cm, ConflictTableModel.COL_ENTRY) == ["E1", "E4"]
    assert texts(cm, ConflictTableModel.COL_KIND) == ["Automatic", "Automatic"]
    assert texts(cm, ConflictTableModel.COL_REASON)[0] == (
        "Same unit: the judge works in Dinas Contoh 1, which submitted this entry.")
    view.conflicts_table.selectRow(0)
    assert not view.withdraw_button.isEnabled()
    assert "change the judge's or the entry's unit" in view.withdraw_button.toolTip()
    view.table.selectRow(2)
    assert view.conflicts_model.rowCount() == 0
    assert view.conflicts_hint.text().startswith("No conflicts of interest")


def test_add_judge_through_the_form(setup, qtbot):
    s, ctx, view = setup
    view.dialogs.forms = [JudgeInput("J4", "Dr. Rina Marlina", "Universitas Contoh", unit="U2",
                                     role=JudgeRole.CHAIR)]
    changed = []
    view.changed.connect(lambda: changed.append(1))
    click(qtbot, view.add_button)
    kind, title, initial, taken, units = view.dialogs.asked[0]
    assert (kind, title, initial.code, taken, units) == (
        "form", "Add judge", "J4", {"J1", "J2", "J3"}, ["U1", "U2", "U3"])
    added = {j.code: j for j in judges.list_judges(ctx.db, s.code)}["J4"]
    assert (added.name, added.unit_code, added.role) == ("Dr. Rina Marlina", "U2", "chair")
    assert changed == [1]
    assert view.selected_judge().code == "J4"  # the new judge is selected, with its conflicts
    assert texts(view.conflicts_model, ConflictTableModel.COL_ENTRY) == ["E2", "E5"]
    assert view.summary.text() == "Judges: 4 · active: 4 · chairs: 1"


def test_refused_form_opens_again_with_what_was_typed(setup, qtbot):
    s, ctx, view = setup
    typed = JudgeInput("J4", "Juri Baru", email="bukan-alamat")
    view.dialogs.forms = [typed, None]
    click(qtbot, view.add_button)
    errors = [a for a in ctx.dialogs.asked if a[0] == "error"]
    assert len(errors) == 1 and errors[0][1] == "Cannot save the judge"
    assert "not valid" in errors[0][2]
    assert view.dialogs.asked[0][2] == JudgeInput("J4", "")
    assert view.dialogs.asked[1][2] == typed
    assert [j.code for j in judges.list_judges(ctx.db, s.code)] == ["J1", "J2", "J3"]


def test_edit_judge_keeps_its_own_code_free(setup, qtbot):
    s, ctx, view = setup
    view.table.selectRow(1)
    view.dialogs.forms = [JudgeInput("J2b", "Juri Dua", "Universitas Contoh")]
    click(qtbot, view.edit_button)
    _, title, initial, taken, _ = view.dialogs.asked[0]
    assert title == "Edit judge J2" and initial.code == "J2" and taken == {"J1", "J3"}
    assert [j.code for j in judges.list_judges(ctx.db, s.code)] == ["J1", "J2b", "J3"]
    assert view.selected_judge().code == "J2b"


def test_deactivate_asks_first_and_activate_does_not(setup, qtbot):
    s, ctx, view = setup
    view.table.selectRow(2)
    assert view.active_button.text() == "Deac&tivate"
    view.dialogs.confirms = [False]
    click(qtbot, view.active_button)
    assert all(j.active for j in judges.list_judges(ctx.db, s.code))
    view.dialogs.confirms = [True]
    click(qtbot, view.active_button)
    assert view.dialogs.asked[-1][2] == "Deactivate J3 Juri 3?"
    assert not {j.code: j for j in judges.list_judges(ctx.db, s.code)}["J3"].active
    assert texts(view.model, JudgeTableModel.COL_ACTIVE) == ["Yes", "Yes", "No"]
    assert view.model.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert view.active_button.text() == "Ac&tivate"
    asked = len(view.dialogs.asked)
    click(qtbot, view.active_button)
    assert len(view.dialogs.asked) == asked  # no question to activate
    assert all(j.active for j in judges.list_judges(ctx.db, s.code))


def test_declare_conflict_removes_the_assignment(setup, qtbot):
    s, ctx, view = setup
    assignments.assign(s.ws, s.code, "prop", "J3", ["E2", "E5"])
    view.table.selectRow(2)
    view.dialogs.conflicts = [ConflictAnswer("E2", ConflictReason.OTHER, "pembimbing skripsi inovator")]
    click(qtbot, view.declare_button)
    assert view.dialogs.asked[0][:2] == ("declare", "J3 Juri 3")
    assert view.dialogs.asked[0][2] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert texts(view.conflicts_model, ConflictTableModel.COL_REASON) == [
        "Other: pembimbing skripsi inovator"]
    assert assignments.list_assignments(ctx.db, s.code, "prop") == [("J3", "E5")]
    assert texts(view.model, JudgeTableModel.COL_CONFLICTS)[2] == "1"
    # an entry already declared is not offered again
    view.dialogs.conflicts = [None]
    click(qtbot, view.declare_button)
    assert "E2" not in view.dialogs.asked[-1][2]


def test_withdraw_a_declared_conflict_after_confirming(setup, qtbot):
    s, ctx, view = setup
    view.table.selectRow(1)
    view.conflicts_table.selectRow(0)
    assert texts(view.conflicts_model, ConflictTableModel.COL_KIND) == ["Declared"]
    assert texts(view.conflicts_model, ConflictTableModel.COL_REASON) == ["Personal"]
    view.dialogs.confirms = [True]
    click(qtbot, view.withdraw_button)
    assert view.dialogs.asked[-1][2] == "Withdraw the declared conflict between J2 and E3?"
    assert [c for c in conflicts.list_conflicts(ctx.db, s.code) if c.judge_code == "J2"] == []
    assert view.conflicts_model.rowCount() == 0


def test_refusal_is_shown_as_a_message(setup, qtbot):
    s, ctx, view = setup
    view.table.selectRow(1)
    # someone else withdrew the conflict meanwhile: the view still shows it
    conflicts.withdraw_conflict(s.ws, s.code, "J2", "E3")
    view.conflicts_table.selectRow(0)
    view.dialogs.confirms = [True]
    click(qtbot, view.withdraw_button)
    (error,) = [a for a in ctx.dialogs.asked if a[0] == "error"]
    assert error[1] == "Cannot withdraw the conflict of interest"
    assert "no declared conflict" in error[2]
    assert view.conflicts_model.rowCount() == 0  # reloaded


def test_judge_form_checks_what_is_typed(qtbot):
    from judging_app.core.records import UnitRecord
    from judging_app.ui.views.judges_dialogs import JudgeFormDialog

    dialog = JudgeFormDialog(None, [UnitRecord(1, "U1", "Dinas Kesehatan")], {"J1"},
                             JudgeInput("J2", ""))
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "name" in dialog.problem.text()
    qtbot.keyClicks(dialog.name, "Dr. Sri Wahyuni")
    assert ok.isEnabled() and dialog.problem.text() == ""
    dialog.code.setText("J1")
    assert not ok.isEnabled() and "Another judge" in dialog.problem.text()
    dialog.code.setText("J2")
    qtbot.keyClicks(dialog.email, "sri")
    assert not ok.isEnabled() and "@" in dialog.problem.text()
    qtbot.keyClicks(dialog.email, "@contoh.go.id")
    dialog.unit.setCurrentIndex(1)
    dialog.role.setCurrentIndex(dialog.role.findData("chair"))
    dialog.active.setChecked(False)
    assert ok.isEnabled()
    assert dialog.value() == JudgeInput("J2", "Dr. Sri Wahyuni", "", "U1", "sri@contoh.go.id", "",
                                        JudgeRole.CHAIR, False)


def test_declare_dialog_searches_and_needs_text_for_other(qtbot):
    from judging_app.services.assignment_queries import EntryChoice
    from judging_app.ui.views.judges_dialogs import DeclareConflictDialog

    choices = [EntryChoice("E1", "Antrean Daring", "Dinas Kesehatan"),
               EntryChoice("E2", "Sampah Jadi Emas", "Dinas Lingkungan Hidup")]
    dialog = DeclareConflictDialog(None, "J1 Juri 1", choices)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.search, "lingkungan")
    assert dialog.filtered.rowCount() == 1
    assert not dialog.select_entry("E1")  # filtered out
    assert dialog.select_entry("E2") and ok.isEnabled()
    dialog.reason.setCurrentIndex(dialog.reason.findData("other"))
    assert not ok.isEnabled()
    qtbot.keyClicks(dialog.text, "keluarga inovator")
    assert ok.isEnabled()
    assert dialog.answer() == ConflictAnswer("E2", ConflictReason.OTHER, "keluarga inovator")


def test_suggested_codes_follow_the_highest():
    from judging_app.ui.views.judges_view import suggest_code

    assert suggest_code([]) == "J01"
    assert suggest_code(["J01", "J09", "Ketua"]) == "J10"
    assert suggest_code(["J1", "J2"]) == "J3"

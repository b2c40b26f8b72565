"""The Judges view's table models without a window: texts, labels, sorting inside the model,
and reloads that keep the selection."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt

from judging_app.services.assignment_queries import JudgeConflict, JudgeOverview
from judging_app.ui.views.judges_models import (
    ConflictTableModel,
    JudgeTableModel,
    conflict_explanation,
    role_label,
)


def judge(code: str, name: str, *, unit: str | None = None, role: str = "judge",
          active: bool = True, conflicts: int = 0) -> JudgeOverview:
    return JudgeOverview(code, name, "Universitas Contoh", unit, f"Dinas {unit}" if unit else "",
                         f"{code.lower()}@contoh.id", "0812", role, active, conflicts)


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def test_judge_texts_tooltips_and_styles(qapp):
    m = JudgeTableModel()
    m.set_rows([judge("J1", "Ani", unit="U1", conflicts=3), judge("J2", "Budi", role="chair"),
                judge("J3", "Citra", active=False)])
    assert m.rowCount() == 3 and m.columnCount() == 7
    headers = [m.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert headers == ["Code", "Name", "Affiliation", "Unit", "Role", "Active", "Conflicts"]
    assert column(m, m.COL_UNIT) == ["Dinas U1", "", ""]
    assert column(m, m.COL_ROLE) == ["Judge", "Chair", "Judge"]
    assert column(m, m.COL_ACTIVE) == ["Yes", "Yes", "No"]
    assert column(m, m.COL_CONFLICTS) == ["3", "0", "0"]
    assert "unit code U1" in m.index(0, m.COL_UNIT).data(Qt.ItemDataRole.ToolTipRole)
    assert "j1@contoh.id" in m.index(0, m.COL_NAME).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(1, m.COL_ROLE).data(Qt.ItemDataRole.FontRole).bold()
    assert m.index(2, 0).data(Qt.ItemDataRole.ForegroundRole) is not None
    assert m.index(0, 0).data(Qt.ItemDataRole.ForegroundRole) is None
    assert int(m.index(0, m.COL_CONFLICTS).data(Qt.ItemDataRole.TextAlignmentRole)) & int(
        Qt.AlignmentFlag.AlignRight)
    assert m.index(0, 0).data(Qt.ItemDataRole.UserRole).code == "J1"


def test_sorting_happens_in_the_model_and_is_kept_on_reload(qapp):
    m = JudgeTableModel()
    m.set_rows([judge("J1", "Citra", conflicts=1), judge("J2", "Ani", conflicts=5),
                judge("J3", "Budi", conflicts=0)])
    m.sort(m.COL_NAME)
    assert column(m, m.COL_CODE) == ["J2", "J3", "J1"]
    m.sort(m.COL_CONFLICTS, Qt.SortOrder.DescendingOrder)
    assert column(m, m.COL_CODE) == ["J2", "J1", "J3"]
    m.set_rows([judge("J3", "Budi", conflicts=9), judge("J1", "Citra", conflicts=1)])
    assert column(m, m.COL_CODE) == ["J3", "J1"]  # the last sort applies to new rows


def test_reload_with_the_same_rows_keeps_the_selection(qapp):
    m = JudgeTableModel()
    rows = [judge("J1", "Ani"), judge("J2", "Budi")]
    m.set_rows(rows)
    selection = QItemSelectionModel(m)
    selection.select(m.index(1, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    resets = []
    m.modelReset.connect(lambda: resets.append(1))
    m.set_rows([judge("J1", "Ani"), judge("J2", "Budi Santoso")])
    assert resets == [] and [i.row() for i in selection.selectedRows()] == [1]
    assert m.index(1, m.COL_NAME).data() == "Budi Santoso"
    m.set_rows([judge("J1", "Ani")])
    assert resets == [1]
    assert m.row_of("J1") == 0 and m.row_of("J9") == -1


def test_sort_keeps_the_selected_record_selected(qapp):
    m = JudgeTableModel()
    m.set_rows([judge("J1", "Citra"), judge("J2", "Ani"), judge("J3", "Budi")])
    selection = QItemSelectionModel(m)
    selection.select(m.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                     | QItemSelectionModel.SelectionFlag.Rows)
    m.sort(m.COL_NAME)
    (selected,) = selection.selectedRows()
    assert m.row_at(selected.row()).code == "J1"


def test_conflict_rows_explain_themselves(qapp):
    auto = JudgeConflict("E1", "Antrean Daring", "U1", "Dinas Kesehatan", "automatic", "same_unit",
                         "", "")
    personal = JudgeConflict("E2", "Sampah Jadi Emas", "U2", "DLH", "declared", "personal", "",
                             "Sekretariat")
    other = JudgeConflict("E3", "Posyandu Digital", "U3", "Puskesmas", "declared", "other",
                          "pembimbing skripsi", "Sekretariat")
    assert conflict_explanation(auto) == (
        "Same unit: the judge works in Dinas Kesehatan, which submitted this entry.")
    assert conflict_explanation(personal) == "Personal"
    assert conflict_explanation(other) == "Other: pembimbing skripsi"
    m = ConflictTableModel()
    m.set_rows([other, auto, personal])
    assert column(m, m.COL_KIND) == ["Declared", "Automatic", "Declared"]
    assert m.index(0, m.COL_KIND).data(Qt.ItemDataRole.ToolTipRole) == (
        "Declared by Sekretariat; can be withdrawn")
    assert "follow" not in m.index(0, m.COL_KIND).data(Qt.ItemDataRole.ToolTipRole)
    m.sort(m.COL_ENTRY)
    assert column(m, m.COL_ENTRY) == ["E1", "E2", "E3"]
    assert role_label("judge") == "Judge" and role_label("unknown") == "unknown"

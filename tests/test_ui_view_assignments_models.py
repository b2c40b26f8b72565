"""The Assignments view's models without a window: the count in the warning colour below k,
the "too few judges" filter and search inside the model, the preview's columns, and dragging
a judge onto an entry."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QMimeData, QModelIndex, Qt

from judging_app.services.assignment_queries import EntryAssignments, JudgeLoad, LoadChange
from judging_app.ui.views.assignments_models import (
    WARNING_BACKGROUND,
    EntryAssignmentModel,
    JudgeLoadModel,
    codes_text,
    judge_from_mime,
    preview_lines,
)


def entry(code: str, judges: tuple[str, ...] = (), *, started: tuple[str, ...] = (),
          conflicted: tuple[str, ...] = (), in_round: bool = True, title: str = "Inovasi",
          unit: str = "Dinas Kesehatan") -> EntryAssignments:
    return EntryAssignments(code, f"{title} {code}", "U1", unit, "Umum",
                            "eligible" if in_round else "disqualified", in_round, judges, started,
                            conflicted)


def column(model, col: int) -> list[str]:
    return [model.index(r, col).data() for r in range(model.rowCount())]


def entries_model() -> EntryAssignmentModel:
    m = EntryAssignmentModel()
    m.set_rows([
        entry("E1", ("J1", "J2", "J3"), started=("J1",)),
        entry("E2", ("J1",), conflicted=("J4",), unit="Kecamatan Tengah"),
        entry("E3", ()),
        entry("E4", ("J2",), in_round=False),
    ])
    return m


def test_count_turns_to_the_warning_colour_below_k(qapp):
    m = entries_model()
    assert column(m, m.COL_COUNT) == ["3", "1", "0", "1"]
    assert column(m, m.COL_JUDGES) == ["J1, J2, J3", "J1", "", "J2"]
    background = [m.index(r, m.COL_COUNT).data(Qt.ItemDataRole.BackgroundRole) for r in range(4)]
    assert background == [None, WARNING_BACKGROUND, WARNING_BACKGROUND, None]  # E4: out of round
    assert m.index(1, m.COL_COUNT).data(Qt.ItemDataRole.ToolTipRole) == "Too few judges (under 3)"
    assert "No longer takes part" in m.index(3, m.COL_COUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert "Disqualified" in m.index(3, m.COL_COUNT).data(Qt.ItemDataRole.ToolTipRole)
    assert m.index(3, m.COL_CODE).data(Qt.ItemDataRole.ForegroundRole) is not None
    tip = m.index(0, m.COL_JUDGES).data(Qt.ItemDataRole.ToolTipRole)
    assert "cannot be removed): J1" in tip
    assert "Conflict of interest: J4" in m.index(1, m.COL_JUDGES).data(Qt.ItemDataRole.ToolTipRole)
    assert m.short_count() == 2
    m.set_k(1)
    assert m.short_count() == 1
    assert m.index(1, m.COL_COUNT).data(Qt.ItemDataRole.BackgroundRole) is None


def test_filter_and_search_happen_in_the_model(qapp):
    m = entries_model()
    m.set_short_only(True)
    assert column(m, m.COL_CODE) == ["E2", "E3"]
    m.set_k(4)
    assert column(m, m.COL_CODE) == ["E1", "E2", "E3"]
    m.set_short_only(False)
    m.set_search("tengah")
    assert column(m, m.COL_CODE) == ["E2"]
    m.set_search("j2")  # judges are searched too
    assert column(m, m.COL_CODE) == ["E1", "E4"]
    m.set_search("")
    m.sort(m.COL_COUNT, Qt.SortOrder.DescendingOrder)
    assert column(m, m.COL_CODE) == ["E1", "E2", "E4", "E3"]
    m.set_short_only(True)
    assert column(m, m.COL_CODE) == ["E1", "E2", "E3"]  # sorted and filtered


def test_reload_keeps_selected_entries_when_the_rows_stay(qapp):
    m = entries_model()
    selection = QItemSelectionModel(m)
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(m.index(1, 0), flags)
    selection.select(m.index(2, 0), flags)
    m.set_rows([entry("E1", ("J1", "J2", "J3")), entry("E2", ("J1", "J5")), entry("E3", ("J5",)),
                entry("E4", ("J2",), in_round=False)])
    assert sorted(i.row() for i in selection.selectedRows()) == [1, 2]
    assert column(m, m.COL_COUNT) == ["3", "2", "1", "1"]


def test_proposed_judges_show_while_previewing(qapp):
    m = entries_model()
    m.set_proposed({"E2": ("J2", "J3"), "E3": ("J1", "J2", "J3")})
    assert column(m, m.COL_PROPOSED) == ["", "+ J2, J3", "+ J1, J2, J3", ""]
    m.set_proposed(None)
    assert column(m, m.COL_PROPOSED) == ["", "", "", ""]


def test_judge_loads_and_the_new_load_of_a_preview(qapp):
    m = JudgeLoadModel()
    m.set_rows([JudgeLoad("J1", "Ani", "chair", True, 4, 1), JudgeLoad("J2", "Budi", "judge", True, 2, 0),
                JudgeLoad("J3", "Citra", "judge", False, 1, 0)])
    assert [m.headerData(c, Qt.Orientation.Horizontal) for c in range(4)] == [
        "Code", "Name", "Load", "New load"]
    assert column(m, m.COL_NAME) == ["Ani", "Budi", "Citra (inactive)"]
    assert column(m, m.COL_AFTER) == ["", "", ""]
    assert m.index(0, m.COL_LOAD).data(Qt.ItemDataRole.ToolTipRole) == (
        "Entries in this round: 4 · with a sheet already: 1")
    m.set_preview([LoadChange("J1", "Ani", True, 4, 0), LoadChange("J2", "Budi", True, 2, 3),
                   LoadChange("J3", "Citra", False, 1, 0)])
    assert m.has_preview()
    assert column(m, m.COL_AFTER) == ["4", "5 (+3)", "1"]
    assert m.index(1, m.COL_AFTER).data(Qt.ItemDataRole.ToolTipRole) == (
        "2 now, 3 added by the preview, 5 after applying it")
    m.sort(m.COL_AFTER, Qt.SortOrder.DescendingOrder)
    assert column(m, m.COL_CODE) == ["J2", "J1", "J3"]


def test_drag_a_judge_onto_an_entry(qapp):
    judges = JudgeLoadModel()
    judges.set_rows([JudgeLoad("J1", "Ani", "judge", True, 0, 0),
                     JudgeLoad("J2", "Budi", "judge", False, 0, 0)])
    assert judges.flags(judges.index(0, 0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not judges.flags(judges.index(1, 0)) & Qt.ItemFlag.ItemIsDragEnabled  # inactive
    mime = judges.mimeData([judges.index(0, 0), judges.index(0, 1)])
    assert judge_from_mime(mime) == "J1"
    m = entries_model()
    dropped = []
    m.judge_dropped.connect(lambda j, e: dropped.append((j, e)))
    target = m.index(2, m.COL_TITLE)
    assert m.canDropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert m.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, target)
    assert dropped == [("J1", "E3")]
    other = QMimeData()
    other.setText("J1")
    assert not m.canDropMimeData(other, Qt.DropAction.CopyAction, -1, -1, target)
    assert not m.dropMimeData(mime, Qt.DropAction.CopyAction, -1, -1, QModelIndex())  # no row
    assert dropped == [("J1", "E3")]


def test_preview_lines_name_every_warning(qapp):
    from judging_app.services.assignment_queries import LoadPreview
    from judging_app.services.assignments import AssignmentPreview

    assert preview_lines(None).startswith("Preview automatic assignment")
    quiet = LoadPreview(AssignmentPreview("prop", 3, [], {"J1": 2}, {}, False),
                        [LoadChange("J1", "Ani", True, 2, 0)], {})
    assert preview_lines(quiet).splitlines() == [
        "Preview, not written yet. New assignments: 0.",
        "Nothing to add: every entry already has enough judges (3)."]
    loud = LoadPreview(
        AssignmentPreview("prop", 3, [("J1", "E1"), ("J1", "E2")], {"J1": 4, "J2": 0},
                          {"E1": 2, "E2": 2}, True),
        [LoadChange("J1", "Ani", True, 2, 2), LoadChange("J2", "Budi", True, 0, 0),
         LoadChange("J3", "Citra", False, 0, 0)], {"E1": ("J1",), "E2": ("J1",)})
    assert loud.unbalanced
    assert preview_lines(loud).splitlines() == [
        "Preview, not written yet. New assignments: 2.",
        "⚠ The panel is too small: judges needed per entry: 3, active judges: 2.",
        "⚠ Entries that cannot get 3 judges without a conflict of interest (2): E1, E2",
        "⚠ Judges' loads would differ by more than one (conflicts or earlier assignments)."]
    assert codes_text([f"E{i}" for i in range(12)]) == "E0, E1, E2, E3, E4, E5, E6, E7, E8, E9 … (+2)"

"""Ctrl+Z / Ctrl+Shift+Z in the Setup view undo and redo edits of the working copy."""

from __future__ import annotations

from decimal import Decimal as D

from test_ui_view_setup import draft, open_view, show_round, type_in_cell  # noqa: F401

from judging_app.ui.views.setup_history import EditHistory
from judging_app.ui.views.setup_tables import CriteriaModel


def test_history_coalesces_a_burst_of_typing_and_redoes():
    now = [0.0]
    history = EditHistory(clock=lambda: now[0])
    history.record("a", "ab")
    now[0] = 0.3
    history.record("ab", "abc")  # same burst: one step
    now[0] = 5.0
    history.record("abc", "abcd")
    assert history.undo("abcd") == "abc"
    assert history.undo("abc") == "a"
    assert history.undo("a") is None
    assert history.redo("a") == "abc"
    history.record("abc", "x")  # a new edit forgets the redo
    assert not history.can_redo()


def test_undo_and_redo_a_weight_and_a_name(qtbot, draft, tmp_path):  # noqa: F811
    db, code = draft
    view = open_view(qtbot, db, code, tmp_path)
    assert not view.undo_action.isEnabled()
    show_round(view, "prop")
    table = view.rounds.criteria_editor.table
    type_in_cell(qtbot, table, 0, CriteriaModel.WEIGHT, "45")
    assert view.working.rounds[1].criteria[0].weight == D(45)
    view.history._last_edit = float("-inf")  # the next edit is a separate step
    view.rules.organiser_edit.selectAll()
    qtbot.keyClicks(view.rules.organiser_edit, "Bappeda Kota Lain")
    assert view.undo_action.isEnabled() and view.dirty()
    view.undo_action.trigger()
    assert view.rules.organiser_edit.text() == "Bappeda Kota Contoh"
    assert view.working.rounds[1].criteria[0].weight == D(45)
    view.undo_action.trigger()
    assert view.working.rounds[1].criteria[0].weight == D(40)
    assert view.rounds.total_label.text() == "Total weight: 100 / 100"
    assert not view.dirty() and not view.undo_action.isEnabled()
    view.redo_action.trigger()
    assert view.working.rounds[1].criteria[0].weight == D(45)
    assert view.rounds.total_label.text() == "Total weight: 105 / 100"

"""Judge mode on the secretariat's database, driven by the keyboard as a judge does: the
home, scoring with Enter, values off the scale that cannot be typed, the running total,
submit, undo/redo, comments, a declared conflict, and never another judge's scores."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from judging_app.core.enums import CompetitionStatus
from judging_app.services import competitions, conflicts, judge_mode, sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.judge.database_session import DatabaseJudgeSession

from test_judge_mode_support import (
    CONFLICT,
    SECRET_COMMENT,
    SECRET_OVERALL,
    judging_with_assignments,
    open_window,
    type_score,
    visible_texts,
)

CTRL, SHIFT = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier


@pytest.fixture
def judging(sqlite_db):
    return judging_with_assignments(sqlite_db)


@pytest.fixture
def opened(qtbot, judging, sqlite_db, tmp_path):
    """J1's judge window, in English."""
    session = DatabaseJudgeSession(sqlite_db, judging.code, "prop", "J1")
    window, dialogs, translations = open_window(qtbot, session, tmp_path)
    yield window, dialogs
    translations.restore()


def stored(s, entry: str = "E1", judge: str = "J1"):
    return sheets.get_sheet(s.ws.db, s.code, "prop", judge, entry)


def open_first_entry(qtbot, window) -> None:
    """Enter on the list opens the selected entry (the first one)."""
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Qt.Key.Key_Return)
    assert window.pages.currentWidget() is window.sheet


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    qtbot.keyClick(QApplication.focusWidget() or window, key, modifiers)


def test_home_lists_only_the_judges_entries_with_states(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E2", SheetInput({"A": D(3)}))
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E3", SheetInput({"A": D(5), "B": D(5)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E3")
    window.refresh_home()
    model = window.home.model
    window.home.set_filter("all")
    rows = [[model.index(r, c).data() for c in (0, 3, 4, 5)] for r in range(model.rowCount())]
    assert rows == [["E1", "Not started", "0/2", ""], ["E2", "Draft", "1/2", "24.00"],
                    ["E3", "Submitted", "2/2", "100.00"]]
    assert window.home.progress_text.text() == "1 of 3 submitted · 1 in draft · 1 not started"
    assert window.home.progress.value() == 1 and window.home.progress.maximum() == 3
    model.sort(3, Qt.SortOrder.DescendingOrder)
    assert [model.item(r).code for r in range(3)] == ["E3", "E2", "E1"]


def test_scoring_by_keyboard_saves_every_value_at_once(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    a = type_score(qtbot, window, "A", "4")
    assert stored(s).scores == {"A": D(4)}  # saved before B is typed
    assert window.sheet.rubric.total.text() == "Running total: 32.00"
    b = type_score(qtbot, window, "B", "3,5")  # Enter moved the focus here
    assert stored(s).scores == {"A": D(4), "B": D("3.5")}
    assert (a.text(), b.text()) == ("4", "3.5")
    assert window.sheet.rubric.total.text() == "Total: 74.00"
    assert window.sheet.rubric.scored.text() == "2 of 2 criteria scored"
    assert window.sheet.rubric.overall.hasFocus()  # after the last criterion
    assert window.home.model.item(0).state == "draft"
    assert "All changes saved" in window.save_state.text()


def test_running_total_in_indonesian(qtbot, judging, sqlite_db, tmp_path):
    session = DatabaseJudgeSession(sqlite_db, judging.code, "prop", "J1")
    window, _dialogs, translations = open_window(qtbot, session, tmp_path, "id")
    try:
        open_first_entry(qtbot, window)
        type_score(qtbot, window, "A", "4")
        b = type_score(qtbot, window, "B", "3,5")
        assert "74,00" in window.sheet.rubric.total.text()
        assert b.text() == "3,5"
        assert window.home.model.index(0, 5).data() == "74,00"
    finally:
        translations.restore()


def test_values_off_the_scale_cannot_be_typed(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    a = type_score(qtbot, window, "A", "7", enter=False)
    assert a.text() == ""  # the field refused the keystroke
    qtbot.keyClicks(a, "0")
    assert a.text() == ""
    a.insert("6")  # a paste is refused the same way
    assert a.text() == ""
    qtbot.keyClick(a, Qt.Key.Key_Return)  # nothing to save; an empty score stays empty
    assert stored(s) is None
    qtbot.keyClicks(a, "2")
    qtbot.keyClick(a, Qt.Key.Key_Return)
    b = window.sheet.rubric.row("B").score
    qtbot.keyClicks(b, "3.2")
    assert b.text() == "3."  # "3,2" is off the step of 0,5
    qtbot.keyClicks(b, "5")
    assert b.text() == "3.5"  # never 3.25
    qtbot.keyClick(b, Qt.Key.Key_Return)
    assert stored(s).scores == {"A": D(2), "B": D("3.5")}


def test_up_and_down_step_through_the_scale(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    a = type_score(qtbot, window, "A", "3")
    b = window.sheet.rubric.row("B").score
    for key, expected in ((Qt.Key.Key_Up, "1"), (Qt.Key.Key_Up, "1.5"), (Qt.Key.Key_Up, "2"),
                          (Qt.Key.Key_Down, "1.5")):
        qtbot.keyClick(b, key)
        assert b.text() == expected
    qtbot.keyClick(b, Qt.Key.Key_Return)
    assert stored(s).scores == {"A": D(3), "B": D("1.5")}
    assert a.text() == "3"


def test_submit_is_refused_while_empty_then_confirmed_then_read_only(qtbot, judging, opened):
    s, (window, dialogs) = judging, opened
    open_first_entry(qtbot, window)
    type_score(qtbot, window, "A", "4")
    press(qtbot, window, Qt.Key.Key_Return, CTRL)  # Ctrl+Enter: submit
    assert dialogs.asked[-1][:3] == ("error", "Not submitted",
                                     "Every criterion needs a score before the sheet can be "
                                     "submitted.")
    assert "2. Kemanfaatan" in dialogs.asked[-1][3]
    assert window.ask.kinds() == []  # no confirmation was asked
    assert stored(s).state == "draft"
    assert window.sheet.rubric.row("B").score.hasFocus()  # the empty criterion
    type_score(qtbot, window, "B", "5")
    window.ask.confirms = [False]
    qtbot.mouseClick(window.sheet.submit_button, Qt.MouseButton.LeftButton)
    assert window.ask.asked[-1] == ("confirm_submit", "E1 · Inovasi 1")
    assert stored(s).state == "draft"
    window.ask.confirms = [True]
    qtbot.mouseClick(window.sheet.submit_button, Qt.MouseButton.LeftButton)
    assert stored(s).state == "submitted"
    assert window.sheet.entry == "E2"  # on to the next entry to do, by itself
    assert window.statusBar().currentMessage() == "E1 submitted. Next to do: E2."
    press(qtbot, window, Qt.Key.Key_PageUp, CTRL)  # back to the submitted sheet
    assert window.sheet.entry == "E1"
    a = window.sheet.rubric.row("A").score
    assert a.isReadOnly() and window.sheet.rubric.overall.isReadOnly()
    assert window.sheet.banner.isVisible() and "locked" in window.sheet.banner.text()
    assert not window.sheet.submit_button.isEnabled()
    a.setFocus()
    qtbot.keyClicks(a, "1")
    qtbot.keyClick(a, Qt.Key.Key_Return)
    assert stored(s).scores == {"A": D(4), "B": D(5)}
    assert not window.undo_action.isEnabled()
    assert window.home.model.all_items()[0].state == "submitted"


def test_undo_and_redo_restore_the_field_and_the_database(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    a = type_score(qtbot, window, "A", "4")
    b = type_score(qtbot, window, "B", "3,5")
    a.setFocus()
    type_score(qtbot, window, "A", "2")
    assert stored(s).scores["A"] == D(2)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert a.text() == "4" and stored(s).scores == {"A": D(4), "B": D("3.5")}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert b.text() == "" and stored(s).scores == {"A": D(4)}
    assert window.sheet.rubric.total.text() == "Running total: 32.00"
    press(qtbot, window, Qt.Key.Key_Z, CTRL | SHIFT)
    assert b.text() == "3.5" and stored(s).scores["B"] == D("3.5")
    press(qtbot, window, Qt.Key.Key_Y, CTRL)
    assert a.text() == "2" and stored(s).scores["A"] == D(2)
    assert not window.redo_action.isEnabled()


def test_comments_are_saved_and_undone(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    comment = window.sheet.rubric.row("A").comment
    assert not comment.isEnabled()  # a comment needs a score
    type_score(qtbot, window, "A", "4", enter=False)
    qtbot.keyClick(window.sheet.rubric.row("A").score, Qt.Key.Key_Tab)  # to A's comment
    assert stored(s).scores == {"A": D(4)}  # leaving the field saved the score
    qtbot.waitUntil(comment.hasFocus)
    qtbot.keyClicks(comment, "Sangat baru")
    qtbot.keyClick(comment, Qt.Key.Key_Return)
    assert stored(s).comments == {"A": "Sangat baru"}
    overall = window.sheet.rubric.overall
    overall.setFocus()
    qtbot.keyClicks(overall, "Layak dilanjutkan")
    qtbot.waitUntil(lambda: stored(s).overall_comment == "Layak dilanjutkan", timeout=3000)
    press(qtbot, window, Qt.Key.Key_Z, CTRL)  # the whole overall comment at once
    assert stored(s).overall_comment == "" and overall.toPlainText() == ""
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored(s).comments == {} and comment.text() == ""


def test_clearing_a_score_and_undo_bring_back_its_comment(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}, {"A": "jelas"}))
    window.refresh_home()
    open_first_entry(qtbot, window)
    a = window.sheet.rubric.row("A").score
    a.setFocus()
    qtbot.keyClick(a, Qt.Key.Key_A, CTRL)
    qtbot.keyClick(a, Qt.Key.Key_Delete)
    qtbot.keyClick(a, Qt.Key.Key_Return)
    assert stored(s).scores == {} and stored(s).comments == {}
    press(qtbot, window, Qt.Key.Key_Z, CTRL)
    assert stored(s).comments == {"A": "jelas"}
    assert window.sheet.rubric.row("A").comment.text() == "jelas"


def test_declare_a_conflict_from_the_sheet(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    type_score(qtbot, window, "A", "4")
    window.ask.conflicts = [None]  # cancelled
    qtbot.mouseClick(window.sheet.conflict_button, Qt.MouseButton.LeftButton)
    assert [c.entry_code for c in conflicts.list_conflicts(s.ws.db, s.code)] == []
    window.ask.conflicts = [CONFLICT]
    qtbot.mouseClick(window.sheet.conflict_button, Qt.MouseButton.LeftButton)
    (declared,) = conflicts.list_conflicts(s.ws.db, s.code)
    assert (declared.judge_code, declared.entry_code, declared.reason, declared.reason_text) == (
        "J1", "E1", "personal", "Saudara kandung inovator")
    assert window.pages.currentWidget() is window.home
    assert [window.home.model.item(r).code for r in range(window.home.model.rowCount())] == [
        "E2", "E3"]
    assert stored(s) is None  # the draft went with the assignment


def test_another_judges_scores_never_appear(qtbot, judging, opened):
    s, (window, _dialogs) = judging, opened
    assert window.home.model.item(0).state == "not_started"
    open_first_entry(qtbot, window)
    text = visible_texts(window)
    assert SECRET_COMMENT not in text and SECRET_OVERALL not in text
    assert window.sheet.rubric.row("A").score.text() == ""
    assert window.sheet.rubric.row("B").score.text() == ""
    assert window.sheet.rubric.total.text() == "Running total: –"
    type_score(qtbot, window, "A", "5")
    assert stored(s, judge="J2").scores == {"A": D(2), "B": D("1.5")}
    assert SECRET_COMMENT not in visible_texts(window)
    assert judge_mode.judge_entries(s.ws.db, s.code, "prop", "J1")[0].scores == {"A": D(5)}


def test_moving_between_sheets_and_back_home(qtbot, judging, opened):
    _s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    type_score(qtbot, window, "A", "4", enter=False)
    press(qtbot, window, Qt.Key.Key_PageDown, CTRL)  # the typed 4 is saved on the way
    assert window.sheet.entry == "E2"
    assert window.sheet.rubric.row("A").score.hasFocus()
    press(qtbot, window, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.pages.currentWidget() is window.home
    assert window.home.current_code() == "E2"
    assert window.home.model.item(0).scored == 1


def test_a_closed_competition_is_read_only(qtbot, judging, sqlite_db, tmp_path):
    s = judging
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    competitions.set_status(s.ws, s.code, CompetitionStatus.REGISTRATION)
    session = DatabaseJudgeSession(sqlite_db, s.code, "prop", "J1")
    window, _dialogs, translations = open_window(qtbot, session, tmp_path)
    try:
        open_first_entry(qtbot, window)
        assert window.sheet.rubric.row("B").score.isReadOnly()
        assert "closed" in window.sheet.banner.text()
        assert not window.sheet.submit_button.isEnabled()
    finally:
        translations.restore()


def test_switching_language_mid_sheet_keeps_the_values(qtbot, judging, opened):
    _s, (window, _dialogs) = judging, opened
    open_first_entry(qtbot, window)
    type_score(qtbot, window, "A", "4")
    b = type_score(qtbot, window, "B", "3.5")
    window.set_language("id")
    assert b.text() == "3,5"
    assert window.sheet.rubric.total.text().endswith("74,00")
    assert window.home.model.index(0, 5).data() == "74,00"
    assert window.language_actions["id"].isChecked()
    window.set_language("en")
    assert b.text() == "3.5" and window.sheet.rubric.total.text() == "Total: 74.00"

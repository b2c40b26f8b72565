"""The judge's path through what is left: the list opens on the first unfinished entry with
a filter (to do, drafts, submitted, all), a submitted sheet leads on to the next one to do,
F1 opens the judge's guide, a refused key says why for a moment, and ten criteria fit a
1366×768 screen with the column header in view."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from judging_app.services import sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.help import JUDGE_GUIDE, guide_html
from judging_app.ui.judge.database_session import DatabaseJudgeSession

from test_judge_mode_support import judging_with_assignments, open_window, type_score

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def judging(sqlite_db):
    s = judging_with_assignments(sqlite_db)
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(5), "B": D(5)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E1")
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E3", SheetInput({"A": D(3)}))
    return s


@pytest.fixture
def opened(qtbot, judging, sqlite_db, tmp_path):
    session = DatabaseJudgeSession(sqlite_db, judging.code, "prop", "J1")
    window, dialogs, translations = open_window(qtbot, session, tmp_path)
    yield window, dialogs
    translations.restore()


def shown(window) -> list[str]:
    return [it.code for it in window.home.model.items()]


def test_the_list_opens_on_what_is_left_and_filters(qtbot, opened):
    window, _dialogs = opened
    home = window.home
    assert home.filter_buttons["todo"].isChecked()
    assert shown(window) == ["E2", "E3"]  # E1 is submitted
    assert home.current_code() == "E2"  # the first unfinished, not the submitted E1
    texts = {name: b.text() for name, b in home.filter_buttons.items()}
    assert texts == {"todo": "To do (2)", "drafts": "Drafts (1)", "submitted": "Submitted (1)",
                     "all": "All (3)"}
    qtbot.mouseClick(home.filter_buttons["drafts"], Qt.MouseButton.LeftButton)
    assert shown(window) == ["E3"]
    qtbot.mouseClick(home.filter_buttons["submitted"], Qt.MouseButton.LeftButton)
    assert shown(window) == ["E1"] and home.current_code() == "E1"
    qtbot.mouseClick(home.filter_buttons["all"], Qt.MouseButton.LeftButton)
    assert shown(window) == ["E1", "E2", "E3"]
    assert not home.empty_hint.isVisibleTo(home)


def test_after_submit_the_next_sheet_to_do_opens_then_the_list_says_all_is_done(
        qtbot, opened, judging):
    window, _dialogs = opened
    window.home.table.setFocus()
    qtbot.keyClick(window.home.table, Qt.Key.Key_Return)
    assert window.sheet.entry == "E2"
    type_score(qtbot, window, "A", "4")
    type_score(qtbot, window, "B", "4")
    window.ask.confirms = [True]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert window.sheet.entry == "E3"  # the draft, next in the list (E1 is submitted)
    assert window.sheet.rubric.row("B").score.hasFocus()  # its first empty criterion
    type_score(qtbot, window, "B", "3")
    window.ask.confirms = [True]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, CTRL)
    assert window.pages.currentWidget() is window.home  # nothing left: home
    assert window.statusBar().currentMessage() == ("E3 submitted. Every sheet is submitted: "
                                                   "thank you!")
    home = window.home
    assert home.model.rowCount() == 0 and home.empty_hint.isVisibleTo(home)
    assert home.empty_hint.text().startswith("Nothing left to do")
    assert home.progress_text.text() == "3 of 3 submitted · 0 in draft · 0 not started"


def test_f1_opens_the_judges_guide_in_both_languages(qtbot, opened):
    window, _dialogs = opened
    assert window.guide_action.shortcut() == QKeySequence(QKeySequence.StandardKey.HelpContents)
    assert window.guide_action in window.help_menu.actions()
    window.guide_action.trigger()
    assert window.ask.asked[-1] == ("guide", "en")
    en, id_ = guide_html("en", JUDGE_GUIDE), guide_html("id", JUDGE_GUIDE)
    assert "Judge's guide" in en and "Panduan juri" in id_
    assert en.count("<h3>") == id_.count("<h3>") and en.count("<li>") == id_.count("<li>")
    for key in ("Ctrl+Enter", "Ctrl+PgDown", "Ctrl+Z", "F1"):
        assert key in en and key in id_


def test_a_refused_key_says_why_for_a_moment(qtbot, opened):
    window, _dialogs = opened
    window.open_entry("E2")
    rubric = window.sheet.rubric
    field = rubric.row("A").score
    field.setFocus()
    qtbot.keyClicks(field, "7")
    assert field.text() == ""  # not typed
    assert rubric.refusal.isVisibleTo(rubric)
    assert rubric.refusal.text() == "1. Kebaruan: “7” is not on the scale 1–5 (step 1)."
    qtbot.keyClicks(field, "x")
    assert rubric.refusal.text() == "1. Kebaruan: Only numbers here: a score on the scale 1–5."
    rubric.refusal_timer.timeout.emit()  # a few seconds later
    assert not rubric.refusal.isVisibleTo(rubric)
    qtbot.keyClicks(field, "4")  # a good key says nothing
    assert field.text() == "4" and not rubric.refusal.isVisibleTo(rubric)


def test_ten_criteria_fit_a_laptop_screen_with_the_header_in_view(qtbot, sqlite_db, tmp_path):
    from judging_app.demo.generator import build_demo
    from judging_app.services.workspace import Workspace

    demo = build_demo(Workspace(sqlite_db, "X"), entries=12, judges=3, scored=False)
    session = DatabaseJudgeSession(sqlite_db, demo.code, demo.round_code, "J01")
    window, _dialogs, translations = open_window(qtbot, session, tmp_path, "id")
    try:
        window.resize(1366, 700)  # 768 less the title bar and the taskbar
        window.open_entry(session.entries()[0].code)
        qtbot.wait(50)
        rubric = window.sheet.rubric
        assert len(rubric.rows) == 10
        assert rubric.header.isVisible() and rubric.headers[0].text() == "Kriteria"
        viewport = rubric.scroll.viewport()
        last = rubric.rows[-1].score
        bottom = last.mapTo(rubric.scroll.widget(), last.rect().bottomLeft()).y()
        # criterion 10 is on screen, or one keystroke away: the scroll area follows the focus
        last.setFocus()
        qtbot.wait(20)
        top = rubric.scroll.verticalScrollBar().value()
        assert top <= bottom <= top + viewport.height()
    finally:
        translations.restore()

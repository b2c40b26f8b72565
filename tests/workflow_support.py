"""Helpers for the end-to-end workflow test (tests/test_ui_workflow.py), no tests here.

The people at the desk: stand-ins for each view's dialog service that answer without
blocking. Where the view hands over a real dialog (or where the real service would build
one), they build that real dialog, show it, type into it and press its buttons as a person
would, then give the view what the real service returns. Nothing here calls exec()."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QMenu,
    QTableView,
    QToolButton,
    QWidget,
)

from judging_app.ui.main_window import MainWindow
from judging_app.ui.new_competition import NewCompetitionDialog
from judging_app.ui.views.entries_dialogs import EntriesDialogs
from judging_app.ui.views.entries_import import EntryImportDialogs
from judging_app.ui.views.judges_dialogs import DeclareConflictDialog, JudgeFormDialog
from judging_app.ui.views.results_decision import DigestDialog, ResultsDialogs, TieDecisionDialog
from judging_app.ui.views.setup_view import SetupDialogs

from test_ui_support import ScriptedDialogs

OK = QDialogButtonBox.StandardButton.Ok
CTRL = Qt.KeyboardModifier.ControlModifier
Script = Callable[[QDialog], None]  # fills a shown dialog in and presses its buttons


# -- hands on the widgets ----------------------------------------------------------------------

def click(qtbot, widget: QWidget) -> None:
    assert widget.isEnabled(), f"{widget.objectName() or type(widget).__name__} is disabled"
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)


def click_tool(qtbot, toolbar, action) -> None:
    """Use `action` from the toolbar: a click on its button, or, when it sits in a toolbar
    button's menu, a click on that button and then on the action in the menu that opens."""
    assert action.isEnabled(), action.text()
    button = toolbar.widgetForAction(action)
    if button is not None and button.isVisible():
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        return
    menus = [m for m in action.associatedObjects() if isinstance(m, QMenu)]
    holders = [(b, m) for m in menus for b in toolbar.findChildren(QToolButton)
               if b.isVisible() and m.menuAction() in (b.defaultAction(), b.menu() and b.menu().menuAction())]
    assert holders, f"{action.text()} is neither on the toolbar nor in one of its menus"
    click_in_menu(qtbot, *holders[0], action)


def click_in_menu(qtbot, opener: QWidget, menu: QMenu, action) -> None:
    """Click `opener` (its menu opens in a local event loop), then the menu's `action`."""
    picked = []

    def pick() -> None:
        if not menu.isVisible():
            QTimer.singleShot(10, pick)
            return
        picked.append(True)
        rect = menu.actionGeometry(action)
        try:
            QTest.mouseClick(menu, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier,
                             rect.center())
        finally:
            if menu.isVisible():  # the click missed: do not leave the test waiting
                menu.close()

    QTimer.singleShot(0, pick)
    qtbot.mouseClick(opener, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(picked) and not menu.isVisible(), timeout=5000)


def click_cell(qtbot, table: QTableView, row: int, column: int = 1,
               modifier=Qt.KeyboardModifier.NoModifier) -> None:
    index = table.model().index(row, column)
    table.scrollTo(index)
    rect = table.visualRect(index)
    assert rect.isValid(), f"row {row} is not shown"
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())


def click_row_of(qtbot, table: QTableView, code: str, column: int = 0) -> None:
    """A click on the row whose `column` shows `code`."""
    model = table.model()
    rows = [r for r in range(model.rowCount()) if model.index(r, column).data() == code]
    assert len(rows) == 1, f"{code} is shown {len(rows)} times"
    click_cell(qtbot, table, rows[0], column)


def choose(combo: QComboBox, text: str) -> None:
    """Pick the item a person reads as `text`."""
    index = combo.findText(text)
    assert index >= 0, f"{text!r} is not among {[combo.itemText(i) for i in range(combo.count())]}"
    combo.setCurrentIndex(index)


def retype(qtbot, edit, text: str) -> None:
    """Select what the field holds and type over it."""
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClicks(edit, text)


def press_ok(qtbot, buttons: QDialogButtonBox, which=OK) -> None:
    click(qtbot, buttons.button(which))


def go_to(qtbot, window: MainWindow, key: str):
    """Click the view's name in the workspace's navigation; returns the view shown."""
    nav = window.workspace.nav
    row = window.workspace.keys().index(key)
    rect = nav.visualItemRect(nav.item(row))
    qtbot.mouseClick(nav.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view = window.workspace.views[key]
    assert window.workspace.stack.currentWidget() is view
    return view


def shown(qtbot, dialog: QDialog) -> QDialog:
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def accepted(dialog: QDialog) -> bool:
    return dialog.result() == QDialog.DialogCode.Accepted


# -- the people answering each view's questions -----------------------------------------------

class AtTheDesk(ScriptedDialogs):
    """The window's questions. A new competition is chosen in the real dialog."""

    def __init__(self, qtbot) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.new_competition_scripts: list[Script] = []

    def choose_new_competition(self, parent, templates, language: str):
        self.asked.append(("new_competition", [t.key for t in templates], language))
        dialog = shown(self.qtbot, NewCompetitionDialog(templates, language, parent))
        try:
            self.new_competition_scripts.pop(0)(dialog)
            return dialog.choice() if accepted(dialog) else None
        finally:
            dialog.deleteLater()


class SetupDesk(SetupDialogs):
    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []

    def confirm(self, parent, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return True


class EntriesDesk(EntriesDialogs):
    """Every dialog the Entries view shows (the entry form, the units, the reason of a
    disqualification) is filled in by the next script for its object name."""

    def __init__(self, qtbot) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.scripts: dict[str, list[Script]] = {}
        self.asked: list[tuple] = []

    def expect(self, object_name: str, script: Script) -> None:
        self.scripts.setdefault(object_name, []).append(script)

    def run(self, dialog: QDialog) -> bool:
        self.asked.append(("dialog", dialog.objectName(), dialog.windowTitle()))
        try:
            self.scripts[dialog.objectName()].pop(0)(shown(self.qtbot, dialog))
            return accepted(dialog)
        finally:
            dialog.close()
            dialog.deleteLater()

    def confirm(self, parent, title: str, text: str) -> bool:
        self.asked.append(("confirm", title, text))
        return True


class ImportDesk(EntryImportDialogs):
    """Chooses the files the test names; the preview is read and answered by a script."""

    def __init__(self, qtbot) -> None:
        super().__init__()
        self.qtbot = qtbot
        self.files: list[str] = []
        self.template_paths: list[str] = []
        self.previews: list[Script] = []
        self.messages: list[tuple[str, str]] = []

    def choose_spreadsheet(self, parent, directory: str) -> str | None:
        return self.files.pop(0)

    def choose_template_path(self, parent, suggested: str) -> str | None:
        return self.template_paths.pop(0)

    def run_preview(self, dialog) -> bool:
        try:
            self.previews.pop(0)(shown(self.qtbot, dialog))
            return accepted(dialog)
        finally:
            dialog.close()
            dialog.deleteLater()

    def inform(self, parent, title: str, text: str) -> None:
        self.messages.append((title, text))


class JudgesDesk:
    """The Judges view's questions, answered in the real judge form and declare dialog."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.forms: list[Script] = []
        self.declarations: list[Script] = []
        self.asked: list[tuple] = []

    def judge_form(self, parent, title, units, taken_codes, initial):
        dialog = JudgeFormDialog(parent, units, taken_codes, initial)
        dialog.setWindowTitle(title)
        self.asked.append(("form", title, initial.code if initial else None))
        return self._answer(dialog, self.forms, JudgeFormDialog.value)

    def declare_conflict(self, parent, judge_label, choices):
        dialog = DeclareConflictDialog(parent, judge_label, choices)
        self.asked.append(("declare", judge_label, [c.code for c in choices]))
        return self._answer(dialog, self.declarations, DeclareConflictDialog.answer)

    def confirm(self, parent, title, text, informative, action) -> bool:
        self.asked.append(("confirm", title, text))
        return True

    def _answer(self, dialog, scripts: list[Script], value):
        try:
            scripts.pop(0)(shown(self.qtbot, dialog))
            return value(dialog) if accepted(dialog) else None
        finally:
            dialog.close()
            dialog.deleteLater()


class ResultsDesk(ResultsDialogs):
    """The chair's decision is entered in the real dialog; finalizing is confirmed; the
    digest is read off the real digest dialog."""

    def __init__(self, qtbot) -> None:
        self.qtbot = qtbot
        self.decisions: list[Script] = []
        self.asked: list[tuple] = []
        self.digests_read: list[str] = []

    def decide_tie(self, parent, entries, score, at_stake, chairs):
        self.asked.append(("decide", [e.code for e in entries], score, at_stake, list(chairs)))
        dialog = shown(self.qtbot, TieDecisionDialog(entries, score, at_stake, chairs, parent))
        try:
            self.decisions.pop(0)(dialog)
            return dialog.decision() if accepted(dialog) else None
        finally:
            dialog.close()
            dialog.deleteLater()

    def confirm_finalize(self, parent, title, text, informative, accept_label) -> bool:
        self.asked.append(("confirm", title, text, informative))
        return True

    def show_digest(self, parent, digest: str) -> None:
        dialog = shown(self.qtbot, DigestDialog(digest, parent))
        try:
            self.asked.append(("digest", dialog.windowTitle()))
            self.digests_read.append(dialog.digest.text())
            click(self.qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Close))
        finally:
            dialog.deleteLater()


def tick(qtbot, checkbox) -> None:
    """A click on the box itself (a wide check box only reacts on its box and text)."""
    qtbot.mouseClick(checkbox, Qt.MouseButton.LeftButton, pos=QPoint(8, checkbox.height() // 2))

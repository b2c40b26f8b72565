"""Helpers for the judge-mode tests (no tests here): a judging competition with assignments
and another judge's sheet, scripted judge dialogs, and a JudgeWindow ready for keyboard
input."""

from __future__ import annotations

from decimal import Decimal as D
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPlainTextEdit, QTextBrowser

from judging_app.core.enums import ConflictReason
from judging_app.services import assignments, sheets
from judging_app.services.sheets import SheetInput
from judging_app.ui.judge.dialogs import ConflictAnswer, Identity, JudgeDialogs
from judging_app.ui.judge.session import JudgeSession
from judging_app.ui.judge.window import JudgeWindow

from factories import Seeded, seeded_competition
from test_ui_support import ScriptedDialogs, TranslationsForTest, make_settings

SECRET_COMMENT = "RAHASIA-J2-komentar"
SECRET_OVERALL = "RAHASIA-J2-catatan"


def judging_with_assignments(db) -> Seeded:
    """seeded_competition; J1 scores E1, E2, E3; J2 scores E1 and E4 and has a draft for E1
    (A 2, B 1,5, with comments nobody else may see)."""
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2", "E3"])
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E4"])
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput(
        {"A": D(2), "B": D("1.5")}, {"A": SECRET_COMMENT}, SECRET_OVERALL))
    return s


class ScriptedJudgeDialogs(JudgeDialogs):
    """Answers from lists; records every question."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[tuple] = []
        self.confirms: list[bool] = []
        self.conflicts: list[ConflictAnswer | None] = []
        self.return_paths: list[str | None] = []
        self.identities: list[Identity | None] = []

    def confirm_submit(self, parent, entry_text: str) -> bool:
        self.asked.append(("confirm_submit", entry_text))
        return self.confirms.pop(0) if self.confirms else False

    def ask_conflict(self, parent, entry_text: str) -> ConflictAnswer | None:
        self.asked.append(("conflict", entry_text))
        return self.conflicts.pop(0) if self.conflicts else None

    def conflict_via_secretariat(self, parent, entry_text: str) -> None:
        self.asked.append(("conflict_via_secretariat", entry_text))

    def choose_return_file(self, parent, suggested: str) -> str | None:
        self.asked.append(("return_file", suggested))
        return self.return_paths.pop(0) if self.return_paths else None

    def choose_identity(self, parent, choices) -> Identity | None:
        self.asked.append(("identity", [(c.code, [j.code for j in c.judges]) for c in choices]))
        return self.identities.pop(0) if self.identities else None

    def show_info(self, parent, title: str, text: str) -> None:
        self.asked.append(("info", title, text))

    def show_guide(self, parent, language: str) -> None:
        self.asked.append(("guide", language))

    def open_outside(self, parent, path) -> None:
        self.asked.append(("open_outside", path))

    def kinds(self) -> list[str]:
        return [a[0] for a in self.asked]


def open_window(qtbot, session: JudgeSession, tmp_path: Path,
                language: str = "en") -> tuple[JudgeWindow, ScriptedDialogs, TranslationsForTest]:
    translations = TranslationsForTest(QApplication.instance())
    translations.apply(language)
    dialogs = ScriptedDialogs()
    window = JudgeWindow(session, make_settings(tmp_path), dialogs, translations)
    window.ask = ScriptedJudgeDialogs()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    return window, dialogs, translations


def type_score(qtbot, window: JudgeWindow, code: str, text: str, enter: bool = True) -> QLineEdit:
    """Type into a criterion's score field as a person does (it must have the focus)."""
    field = window.sheet.rubric.row(code).score
    qtbot.waitUntil(field.hasFocus, timeout=2000)
    qtbot.keyClicks(field, text)
    if enter:
        qtbot.keyClick(field, Qt.Key.Key_Return)
    return field


def visible_texts(window: JudgeWindow) -> str:
    """Everything a person can read in the window (labels, fields, tables, menus)."""
    out = [window.windowTitle()]
    for cls, get in ((QLabel, QLabel.text), (QLineEdit, QLineEdit.text),
                     (QPlainTextEdit, QPlainTextEdit.toPlainText),
                     (QTextBrowser, QTextBrowser.toPlainText)):
        out += [get(w) for w in window.findChildren(cls)]
    model = window.home.model
    out += [str(model.index(r, c).data()) for r in range(model.rowCount())
            for c in range(model.columnCount())]
    return "\n".join(out)


CONFLICT = ConflictAnswer(ConflictReason.PERSONAL, "Saudara kandung inovator")

"""The questions judge mode asks: who you are (database mode), confirming a submit, a
conflict of interest with its reason, where to write the return file. `JudgeDialogs` is the
one place that runs them; tests replace it with answers. The dialogs' widgets can be filled
in without running them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import ConflictReason
from judging_app.services.judge_mode import JudgingChoice
from judging_app.ui.documents.outside import open_outside
from judging_app.ui.i18n import fill
from judging_app.ui.views.judges_models import conflict_reason_label

DECLARABLE = (ConflictReason.PROFESSIONAL, ConflictReason.PERSONAL, ConflictReason.OTHER)


@dataclass(frozen=True)
class ConflictAnswer:
    reason: ConflictReason
    text: str


@dataclass(frozen=True)
class Identity:
    competition: str
    round: str
    judge: str


class ConflictDialog(QDialog):
    """Declare a conflict of interest with one entry, with a reason."""

    def __init__(self, parent: QWidget | None, entry_text: str) -> None:
        super().__init__(parent)
        self.setObjectName("declareConflictDialog")
        self.entry = QLabel(entry_text)
        self.entry.setWordWrap(True)
        self.reason = QComboBox()
        for reason in DECLARABLE:
            self.reason.addItem(conflict_reason_label(reason), reason.value)
        self.text = QPlainTextEdit()
        self.text.setTabChangesFocus(True)
        self.text.setMaximumHeight(90)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.entry, self.reason, self.text), strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.reason.currentIndexChanged.connect(self.check)
        self.text.textChanged.connect(self.check)
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        self.labels[0].setText(self.tr("Entry:"))
        self.labels[1].setText(self.tr("&Reason:"))
        self.labels[2].setText(self.tr("&Explanation:"))
        self.note.setText(self.tr("You will not score this entry: it leaves your list and "
                                  "your draft for it is removed. The secretariat sees the "
                                  "reason."))
        self.check()
        self.resize(460, self.sizeHint().height())

    def answer(self) -> ConflictAnswer:
        return ConflictAnswer(ConflictReason(self.reason.currentData()),
                              self.text.toPlainText().strip())

    def check(self) -> None:
        answer = self.answer()
        ok = answer.reason != ConflictReason.OTHER or bool(answer.text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class IdentityDialog(QDialog):
    """Database mode: the competition, the round and the judge's own name."""

    def __init__(self, parent: QWidget | None, choices: Sequence[JudgingChoice]) -> None:
        super().__init__(parent)
        self.setObjectName("judgeIdentityDialog")
        self.choices = list(choices)
        self.competition = QComboBox()
        for c in self.choices:
            self.competition.addItem(f"{c.name} ({c.year})", c.code)
        self.round = QComboBox()
        self.judge = QComboBox()
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.labels = [QLabel(), QLabel(), QLabel()]
        form = QFormLayout()
        for label, field in zip(self.labels, (self.competition, self.round, self.judge),
                                strict=True):
            label.setBuddy(field)
            form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.competition.currentIndexChanged.connect(self._fill)
        self.setWindowTitle(self.tr("Who is judging?"))
        self.intro.setText(self.tr("Choose the competition, the round and your own name. You "
                                   "will see only the entries assigned to you, and only your "
                                   "own scores."))
        self.labels[0].setText(self.tr("&Competition:"))
        self.labels[1].setText(self.tr("&Round:"))
        self.labels[2].setText(self.tr("&Your name:"))
        self._fill()
        self.resize(480, self.sizeHint().height())

    def _fill(self) -> None:
        self.round.clear()
        self.judge.clear()
        index = self.competition.currentIndex()
        if index < 0:
            return
        choice = self.choices[index]
        for r in choice.rounds:
            self.round.addItem(r.name, r.code)
        for j in choice.judges:
            self.judge.addItem(f"{j.name} ({j.code})", j.code)

    def identity(self) -> Identity | None:
        if self.competition.currentIndex() < 0 or self.judge.currentIndex() < 0:
            return None
        return Identity(self.competition.currentData(), self.round.currentData(),
                        self.judge.currentData())


class JudgeDialogs(QObject):
    """The real dialogs; tests replace the methods."""

    def confirm_submit(self, parent: QWidget | None, entry_text: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Submit the sheet"),
                          fill(self.tr("Submit your sheet for %1?"), entry_text),
                          QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
                          parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(self.tr("After submitting you cannot change it any more; only "
                                       "the secretariat can reopen it."))
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        try:
            return box.exec() == QMessageBox.StandardButton.Yes
        finally:
            box.deleteLater()

    def ask_conflict(self, parent: QWidget | None, entry_text: str) -> ConflictAnswer | None:
        dialog = ConflictDialog(parent, entry_text)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def conflict_via_secretariat(self, parent: QWidget | None, entry_text: str) -> None:
        """Package mode: a return cannot carry a declaration; the judge tells the
        secretariat, who records it."""
        QMessageBox.information(
            parent, self.tr("Declare a conflict of interest"),
            fill(self.tr("To declare a conflict of interest with %1, tell the secretariat "
                         "(with the reason) and do not score this entry. The secretariat "
                         "records the declaration and takes the entry off your list."),
                 entry_text))

    def choose_return_file(self, parent: QWidget | None, suggested: str) -> str | None:
        path, _filter = QFileDialog.getSaveFileName(
            parent, self.tr("Export return file"), suggested,
            fill(self.tr("Judge returns (%1)"), "*.jret"))
        return path or None

    def choose_identity(self, parent: QWidget | None,
                        choices: Sequence[JudgingChoice]) -> Identity | None:
        dialog = IdentityDialog(parent, choices)
        try:
            return dialog.identity() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def show_info(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

    def show_guide(self, parent: QWidget | None, language: str) -> None:
        """The judge's guide (F1), in the window's language."""
        from judging_app.ui.help import JUDGE_GUIDE, GuideDialog

        dialog = GuideDialog(language, parent, JUDGE_GUIDE)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def open_outside(self, parent: QWidget | None, path: Path) -> None:
        """A document in the computer's own viewer (its program for PDFs, images, ...)."""
        open_outside(parent, path)

"""The questions the Judges view asks: the judge form, declaring a conflict of interest, and
confirmations. `JudgesDialogs` is the one place that runs them; tests replace it with
answers. The form widgets are usable without running them (tests fill them in)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QSortFilterProxyModel, QStringListModel, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import ConflictReason, JudgeRole
from judging_app.core.records import UnitRecord
from judging_app.services.assignment_queries import EntryChoice
from judging_app.services.judges import JudgeInput
from judging_app.ui.i18n import fill
from judging_app.ui.views.judges_models import conflict_reason_label, role_label

DECLARABLE_REASONS = (ConflictReason.PROFESSIONAL, ConflictReason.PERSONAL, ConflictReason.OTHER)


@dataclass(frozen=True)
class ConflictAnswer:
    entry_code: str
    reason: ConflictReason
    text: str


class JudgeFormDialog(QDialog):
    """Add or edit a judge. OK stays disabled while the form has a problem, which is named
    under the fields."""

    def __init__(self, parent: QWidget | None, units: Sequence[UnitRecord],
                 taken_codes: set[str], initial: JudgeInput | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeFormDialog")
        self.taken_codes = taken_codes
        self.code = QLineEdit()
        self.name = QLineEdit()
        self.affiliation = QLineEdit()
        self.unit = QComboBox()
        self.unit.addItem("", None)
        for u in units:
            self.unit.addItem(f"{u.name} ({u.code})", u.code)
        self.email = QLineEdit()
        self.phone = QLineEdit()
        self.role = QComboBox()
        for role in JudgeRole:
            self.role.addItem(role_label(role), role.value)
        self.active = QCheckBox()
        self.active.setChecked(True)
        self.unit_hint = QLabel()
        self.unit_hint.setWordWrap(True)
        self.problem = QLabel()
        self.problem.setObjectName("problemLabel")
        self.problem.setStyleSheet("color: #a4262c;")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel() for _ in range(8)]
        fields = (self.code, self.name, self.affiliation, self.unit, self.email, self.phone,
                  self.role, self.active)
        for label, field in zip(self.labels, fields, strict=True):
            label.setBuddy(field)
            self.form.addRow(label, field)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.unit_hint)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        if initial is not None:
            self.set_value(initial)
        for edit in (self.code, self.name, self.email):
            edit.textChanged.connect(self.check)
        self.retranslate()
        self.resize(480, self.sizeHint().height())

    def retranslate(self) -> None:
        texts = (self.tr("&Code:"), self.tr("&Name:"), self.tr("&Affiliation:"), self.tr("&Unit:"),
                 self.tr("&E-mail:"), self.tr("&Phone:"), self.tr("&Role:"), self.tr("Acti&ve:"))
        for label, text in zip(self.labels, texts, strict=True):
            label.setText(text)
        self.unit.setItemText(0, self.tr("(no government unit)"))
        self.active.setText(self.tr("Takes part in this competition"))
        self.unit_hint.setText(self.tr("A judge who works in a government unit never scores "
                                       "that unit's entries (automatic conflict of interest)."))
        self.check()

    def set_value(self, data: JudgeInput) -> None:
        self.code.setText(data.code)
        self.name.setText(data.name)
        self.affiliation.setText(data.affiliation)
        self.unit.setCurrentIndex(max(0, self.unit.findData(data.unit)) if data.unit else 0)
        self.email.setText(data.email)
        self.phone.setText(data.phone)
        self.role.setCurrentIndex(max(0, self.role.findData(str(data.role))))
        self.active.setChecked(data.active)

    def value(self) -> JudgeInput:
        return JudgeInput(
            code=self.code.text().strip(), name=self.name.text().strip(),
            affiliation=self.affiliation.text().strip(), unit=self.unit.currentData(),
            email=self.email.text().strip(), phone=self.phone.text().strip(),
            role=JudgeRole(self.role.currentData()), active=self.active.isChecked(),
        )

    def problems(self) -> list[str]:
        data = self.value()
        out = []
        if not data.code:
            out.append(self.tr("Enter the judge's code (for example J06)."))
        elif data.code in self.taken_codes:
            out.append(self.tr("Another judge already has this code."))
        if not data.name:
            out.append(self.tr("Enter the judge's name."))
        if data.email and "@" not in data.email:
            out.append(self.tr("The e-mail address needs an @."))
        return out

    def check(self) -> None:
        problems = self.problems()
        self.problem.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not problems)


class DeclareConflictDialog(QDialog):
    """Choose the entry (searchable list), the reason and, for 'other', an explanation."""

    def __init__(self, parent: QWidget | None, judge_label: str,
                 choices: Sequence[EntryChoice]) -> None:
        super().__init__(parent)
        self.setObjectName("declareConflictDialog")
        self.judge_label = judge_label
        self.codes = [c.code for c in choices]
        self.entries_model = QStringListModel([f"{c.code} — {c.title} ({c.unit_name})" for c in choices], self)
        self.filtered = QSortFilterProxyModel(self)
        self.filtered.setSourceModel(self.entries_model)
        self.filtered.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self.filtered.setFilterFixedString)
        self.entries = QListView()
        self.entries.setModel(self.filtered)
        self.entries.setUniformItemSizes(True)
        self.reason = QComboBox()
        for reason in DECLARABLE_REASONS:
            self.reason.addItem(conflict_reason_label(reason), reason.value)
        self.text = QLineEdit()
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.search_label, self.reason_label, self.text_label = QLabel(), QLabel(), QLabel()
        for label, field in ((self.search_label, self.search), (self.reason_label, self.reason),
                             (self.text_label, self.text)):
            label.setBuddy(field)
        form = QFormLayout()
        form.addRow(self.reason_label, self.reason)
        form.addRow(self.text_label, self.text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.search_label)
        layout.addWidget(self.search)
        layout.addWidget(self.entries, 1)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.buttons)
        self.entries.selectionModel().selectionChanged.connect(self.check)
        self.reason.currentIndexChanged.connect(self.check)
        self.text.textChanged.connect(self.check)
        self.retranslate()
        self.resize(620, 520)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Declare a conflict of interest"))
        self.intro.setText(fill(self.tr("Judge: %1"), self.judge_label))
        self.search_label.setText(self.tr("&Entry (type to search by code, title or unit):"))
        self.reason_label.setText(self.tr("&Reason:"))
        self.text_label.setText(self.tr("E&xplanation:"))
        self.note.setText(self.tr("The judge's assignment and draft sheet for this entry are "
                                  "removed; a submitted sheet must be reopened first."))
        self.check()

    def select_entry(self, code: str) -> bool:
        """Select an entry by code in the (filtered) list; False when it is not shown."""
        if code not in self.codes:
            return False
        index = self.filtered.mapFromSource(self.entries_model.index(self.codes.index(code)))
        if not index.isValid():
            return False
        self.entries.setCurrentIndex(index)
        return True

    def chosen_entry(self) -> str | None:
        rows = self.entries.selectionModel().selectedRows()
        if not rows:
            return None
        return self.codes[self.filtered.mapToSource(rows[0]).row()]

    def answer(self) -> ConflictAnswer | None:
        code = self.chosen_entry()
        if code is None:
            return None
        return ConflictAnswer(code, ConflictReason(self.reason.currentData()), self.text.text().strip())

    def check(self) -> None:
        reason = ConflictReason(self.reason.currentData())
        needs_text = reason == ConflictReason.OTHER
        self.text.setPlaceholderText(self.tr("required for 'Other'") if needs_text
                                     else self.tr("optional"))
        ok = self.chosen_entry() is not None and (not needs_text or bool(self.text.text().strip()))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(ok)


class JudgesDialogs:
    """Runs the view's dialogs modally. Tests put a stand-in with the same methods."""

    def judge_form(self, parent: QWidget, title: str, units: Sequence[UnitRecord],
                   taken_codes: set[str], initial: JudgeInput | None) -> JudgeInput | None:
        dialog = JudgeFormDialog(parent, units, taken_codes, initial)
        dialog.setWindowTitle(title)
        try:
            return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def declare_conflict(self, parent: QWidget, judge_label: str,
                         choices: Sequence[EntryChoice]) -> ConflictAnswer | None:
        dialog = DeclareConflictDialog(parent, judge_label, choices)
        try:
            return dialog.answer() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def confirm(self, parent: QWidget, title: str, text: str, informative: str,
                action: str) -> bool:
        box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.Cancel,
                          parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(informative)
        ok = box.addButton(action, QMessageBox.ButtonRole.AcceptRole)
        box.setDefaultButton(ok)
        try:
            box.exec()
            return box.clickedButton() is ok
        finally:
            box.deleteLater()

"""The entry form: register a new entry or edit one. Problems are listed as you type and
Save waits until there are none; a refusal from the service on Save (e.g. a code taken
meanwhile) is shown in the form, which stays open with what was typed."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QLocale, QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import InnovationStage, InnovationType
from judging_app.core.records import EntryRecord, UnitRecord
from judging_app.core.setup import CategorySpec
from judging_app.services import entries
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ServiceError
from judging_app.ui.i18n import message_text
from judging_app.ui.views.entries_model import full_year_format, stage_labels, type_labels

ERROR_STYLE = "color: #a81d1d;"
EMPTY_DATE = QDate(1900, 1, 1)  # shown as "not set"
SaveEntry = Callable[[EntryInput], str | None]  # returns the refusal, or None when saved


class OptionalDateEdit(QWidget):
    """A date that may be left empty: a QDateEdit whose lowest date reads "Not set", with a
    button to clear it. The calendar opens on today when no date is set."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.edit = QDateEdit()
        self.edit.setObjectName("startedOn")
        self.edit.setCalendarPopup(True)
        self.edit.setMinimumDate(EMPTY_DATE)
        self.edit.setMaximumDate(QDate(2100, 12, 31))
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearStartedOn")
        self.clear_button.setText("×")
        self.clear_button.clicked.connect(self.clear)
        self.edit.calendarWidget().installEventFilter(self)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.edit)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.retranslate()
        self.clear()

    def retranslate(self) -> None:
        self.edit.setDisplayFormat(full_year_format(QLocale()))
        self.edit.setSpecialValueText(self.tr("Not set"))
        self.clear_button.setToolTip(self.tr("No start date"))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Show and self.value() is None:
            today = QDate.currentDate()
            self.edit.calendarWidget().setCurrentPage(today.year(), today.month())
        return False

    def clear(self) -> None:
        self.edit.setDate(EMPTY_DATE)

    def value(self) -> date | None:
        d = self.edit.date()
        return None if d == EMPTY_DATE else d.toPython()

    def set_value(self, value: date | None) -> None:
        self.edit.setDate(QDate(value) if value else EMPTY_DATE)


class EntryFormDialog(QDialog):
    """`taken_codes`: codes other entries use (checked as you type); `save` runs the use
    case. Editing: pass the entry."""

    def __init__(self, units: Sequence[UnitRecord], categories: Sequence[CategorySpec],
                 taken_codes: set[str], save: SaveEntry, *, entry: EntryRecord | None = None,
                 language: str = "en", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("entryForm")
        self._save, self.entry = save, entry
        self.taken = set(taken_codes) - ({entry.code} if entry else set())
        self.code, self.title, self.innovators, self.contact = (QLineEdit() for _ in range(4))
        self.code.setMaxLength(64)
        self.title.setMaxLength(500)
        self.contact.setMaxLength(300)
        self.unit, self.category, self.stage, self.kind = (QComboBox() for _ in range(4))
        for u in units:
            self.unit.addItem(u.name, u.code)
        for c in categories:
            self.category.addItem(c.name_en if language == "en" and c.name_en else c.name, c.code)
        for s in InnovationStage:
            self.stage.addItem("", s.value)
        for t in InnovationType:
            self.kind.addItem("", t.value)
        self.started = OptionalDateEdit()
        self.summary, self.links = QPlainTextEdit(), QPlainTextEdit()
        for box in (self.summary, self.links):
            box.setTabChangesFocus(True)
        self.summary.setMinimumHeight(90)
        self.links.setFixedHeight(60)
        for name, w in (("code", self.code), ("title", self.title), ("unit", self.unit),
                        ("category", self.category), ("innovators", self.innovators),
                        ("contact", self.contact), ("stage", self.stage), ("type", self.kind),
                        ("summary", self.summary), ("links", self.links)):
            w.setObjectName(f"entry_{name}")
        self.form = QFormLayout()
        for w in (self.code, self.title, self.unit, self.category, self.innovators,
                  self.contact, self.stage, self.kind, self.started, self.summary, self.links):
            self.form.addRow(QLabel(), w)
        self.problems = QLabel()
        self.problems.setObjectName("entryProblems")
        self.problems.setWordWrap(True)
        self.problems.setStyleSheet(ERROR_STYLE)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        if entry is not None:
            self._fill(entry)
        else:  # unit and category chosen on purpose (they decide conflicts and ranking)
            self.unit.setCurrentIndex(-1)
            self.category.setCurrentIndex(-1 if self.category.count() > 1 else 0)
            self.stage.setCurrentIndex(list(InnovationStage).index(InnovationStage.IMPLEMENTATION))
        for edit in (self.code, self.title):
            edit.textChanged.connect(self.validate)
        for combo in (self.unit, self.category):
            combo.currentIndexChanged.connect(self.validate)
        self.retranslate()
        self.resize(620, 640)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Edit entry") if self.entry else self.tr("New entry"))
        labels = (self.tr("&Code:"), self.tr("&Title:"), self.tr("&Unit:"), self.tr("C&ategory:"),
                  self.tr("&Innovators:"), self.tr("C&ontact:"), self.tr("&Stage:"),
                  self.tr("T&ype:"), self.tr("Start &date:"), self.tr("Su&mmary:"),
                  self.tr("&Links:"))
        for row, text in enumerate(labels):
            label = self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget()
            label.setText(text)
            label.setBuddy(self.form.itemAt(row, QFormLayout.ItemRole.FieldRole).widget())
        self.code.setPlaceholderText(self.tr("Unique, e.g. INV-001"))
        for combo in (self.unit, self.category):
            combo.setPlaceholderText(self.tr("Choose…"))
        self.innovators.setPlaceholderText(self.tr("One or more names, separated by semicolons"))
        self.contact.setPlaceholderText(self.tr("Phone or e-mail"))
        self.links.setPlaceholderText(self.tr("One link per line (evidence documents, video)"))
        for combo, labels_of in ((self.stage, stage_labels()), (self.kind, type_labels())):
            for i in range(combo.count()):
                combo.setItemText(i, labels_of[combo.itemData(i)])
        self.started.retranslate()
        self.validate()

    def _fill(self, e: EntryRecord) -> None:
        self.code.setText(e.code)
        self.title.setText(e.title)
        for combo, value in ((self.unit, e.unit_code), (self.category, e.category_code),
                             (self.stage, e.stage), (self.kind, e.innovation_type)):
            combo.setCurrentIndex(combo.findData(value))
        self.innovators.setText(e.innovators)
        self.contact.setText(e.contact)
        self.started.set_value(e.started_on)
        self.summary.setPlainText(e.summary)
        self.links.setPlainText(e.links)
        for edit in (self.code, self.title, self.innovators, self.contact):
            edit.setCursorPosition(0)  # long texts show their beginning

    def problem_list(self) -> list[str]:
        out = []
        code = self.code.text().strip()
        if not code:
            out.append(self.tr("The code is required."))
        elif code in self.taken:
            out.append(self.tr("Another entry already has this code."))
        if not self.title.text().strip():
            out.append(self.tr("The title is required."))
        if self.unit.currentIndex() < 0:
            out.append(self.tr("Choose a unit (add units with Units… first)."))
        if self.category.currentIndex() < 0:
            out.append(self.tr("Choose a category."))
        return out

    def validate(self) -> bool:
        problems = self.problem_list()
        self.problems.setText("\n".join(problems))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not problems)
        return not problems

    def entry_input(self) -> EntryInput:
        return EntryInput(
            code=self.code.text().strip(), title=self.title.text().strip(),
            unit=self.unit.currentData() or "", category=self.category.currentData() or "",
            innovators=self.innovators.text().strip(), contact=self.contact.text().strip(),
            stage=InnovationStage(self.stage.currentData()),
            innovation_type=InnovationType(self.kind.currentData()),
            started_on=self.started.value(), summary=self.summary.toPlainText().strip(),
            links="\n".join(line.strip() for line in self.links.toPlainText().splitlines()
                            if line.strip()),
        )

    def save(self) -> None:
        if not self.validate():
            return
        refusal = self._save(self.entry_input())
        if refusal:
            self.problems.setText(refusal)
            return
        self.accept()


def open_entry_form(view, entry: EntryRecord | None) -> None:
    """The form for a new entry (entry None) or for editing one, saving through the entries
    use cases; a saved entry goes back to the view (view.entry_saved)."""
    dialog: EntryFormDialog | None = None
    ctx = view.ctx

    def save(data: EntryInput) -> str | None:
        ws = ctx.workspace(dialog)
        if ws is None:
            return QCoreApplication.translate("EntryFormDialog", "Not saved: say who is working first.")
        try:
            if entry is None:
                saved = entries.add_entry(ws, ctx.competition, data)
            else:
                saved = entries.edit_entry(ws, ctx.competition, entry.code, data)
        except ServiceError as exc:
            return message_text(exc)
        view.entry_saved(saved, entry.code if entry else None)
        return None

    dialog = EntryFormDialog(view.units, view.categories, view.model.codes(), save, entry=entry,
                             language=ctx.language(), parent=view)
    view.questions.run(dialog)

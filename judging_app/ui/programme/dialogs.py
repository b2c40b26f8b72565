"""The questions the programme window asks: files and folders, and small forms (a unit, a
rename, a merger, a status, an innovation, the catalogue's options). Behind one class that
tests replace with scripted answers; the form itself is built from a list of fields."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)


@dataclass
class Field:
    key: str
    label: str
    kind: str = "text"  # text, note, date, year, choice, multi, check
    choices: list[tuple[Any, str]] = field(default_factory=list)  # (data, text)
    initial: Any = None


class FormDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, fields: list[Field]) -> None:
        super().__init__(parent)
        self.setObjectName("programmeForm")
        self.setWindowTitle(title)
        self.setMinimumWidth(460)
        self.fields = fields
        self.widgets: dict[str, QWidget] = {}
        form = QFormLayout(self)
        for f in fields:
            widget = self._widget(f)
            widget.setObjectName(f"field_{f.key}")
            self.widgets[f.key] = widget
            form.addRow(f.label, widget)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        form.addRow(self.buttons)

    def _widget(self, f: Field) -> QWidget:
        if f.kind == "date":
            w = QDateEdit(calendarPopup=True)
            w.setDisplayFormat("dd/MM/yyyy")
            day = f.initial or date.today()
            w.setDate(QDate(day.year, day.month, day.day))
            return w
        if f.kind == "year":
            w = QSpinBox()
            w.setRange(2000, 2200)
            w.setValue(f.initial or date.today().year)
            return w
        if f.kind == "choice":
            w = QComboBox()
            for data, text in f.choices:
                w.addItem(text, data)
            if f.initial is not None and w.findData(f.initial) >= 0:
                w.setCurrentIndex(w.findData(f.initial))
            return w
        if f.kind == "multi":
            w = QListWidget()
            w.setMinimumHeight(140)
            for data, text in f.choices:
                item = QListWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, data)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if data in (f.initial or ())
                                   else Qt.CheckState.Unchecked)
                w.addItem(item)
            return w
        if f.kind == "check":
            w = QCheckBox()
            w.setChecked(bool(f.initial))
            return w
        if f.kind == "note":
            w = QPlainTextEdit(f.initial or "")
            w.setFixedHeight(70)
            return w
        return QLineEdit(f.initial or "")

    def values(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        for f in self.fields:
            w = self.widgets[f.key]
            if isinstance(w, QDateEdit):
                out[f.key] = w.date().toPython()
            elif isinstance(w, QSpinBox):
                out[f.key] = w.value()
            elif isinstance(w, QComboBox):
                out[f.key] = w.currentData()
            elif isinstance(w, QListWidget):
                out[f.key] = [w.item(i).data(Qt.ItemDataRole.UserRole) for i in range(w.count())
                              if w.item(i).checkState() == Qt.CheckState.Checked]
            elif isinstance(w, QCheckBox):
                out[f.key] = w.isChecked()
            elif isinstance(w, QPlainTextEdit):
                out[f.key] = w.toPlainText()
            else:
                out[f.key] = w.text()
        return out


class ProgrammeDialogs:
    """Every question of the programme window (tests replace this object)."""

    def save_file(self, parent: QWidget, title: str, suggested: str, filters: str) -> str | None:
        path, _ = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path or None

    def open_file(self, parent: QWidget, title: str, start: str, filters: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(parent, title, start, filters)
        return path or None

    def choose_folder(self, parent: QWidget, title: str, start: str) -> str | None:
        return QFileDialog.getExistingDirectory(parent, title, start) or None

    def ask_form(self, parent: QWidget, title: str, fields: list[Field]) -> dict | None:
        dialog = FormDialog(parent, title, fields)
        return dialog.values() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def confirm(self, parent: QWidget, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def inform(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.information(parent, title, text)

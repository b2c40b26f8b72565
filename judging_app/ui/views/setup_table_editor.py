"""An editable table of the Setup view: the cell editor (decimals typed the local way, choices
from a list) and the table with Add / Remove / Move up / Move down beside it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.numbers import NumberError
from judging_app.ui.views.setup_tables import CHOICE, CODE_LENGTH, DECIMAL, INT, SpecTableModel
from judging_app.ui.views.setup_texts import (
    decimal_validator,
    parse_decimal_text,
)


class SetupDelegate(QStyledItemDelegate):
    """Editors by column kind: decimals take a comma or a point; choices are a drop-down;
    typed text reaches the model on every keystroke (live totals and problems)."""

    def createEditor(self, parent, option, index):
        model: SpecTableModel = index.model()
        kind = model.kind(index.column())
        if kind == CHOICE:
            box = QComboBox(parent)
            for value, label in model.choices(model.FIELDS[index.column()][0]):
                box.addItem(label, value or "")
            box.activated.connect(lambda _i, b=box: self.commitData.emit(b))
            return box
        edit = QLineEdit(parent)
        if kind == DECIMAL:
            edit.setValidator(decimal_validator(edit))
        elif kind == INT:
            edit.setValidator(QRegularExpressionValidator(QRegularExpression(r"\d{0,4}"), edit))
        elif model.FIELDS[index.column()][0] == "code":
            edit.setMaxLength(CODE_LENGTH)
        edit.textEdited.connect(lambda _t, e=edit: self.commitData.emit(e))
        return edit

    def setEditorData(self, editor, index) -> None:
        model: SpecTableModel = index.model()
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(model.raw(index) or "")))
            return
        if self._same(editor.text(), model.raw(index), model.kind(index.column())):
            return  # a live commit: leave what the person is typing alone ('12,' stays)
        editor.setText(model.text(index))

    @staticmethod
    def _same(text: str, value: Any, kind: str) -> bool:
        if kind == DECIMAL:
            try:
                return parse_decimal_text(text) == value
            except NumberError:
                return False
        return text == ("" if value is None else str(value))

    def setModelData(self, editor, model, index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData())
        else:
            model.setData(index, editor.text())


class TableEditor(QWidget):
    """A SpecTableModel in a table, with Add / Remove / Up / Down under it."""

    def __init__(self, model: SpecTableModel, make_item: Callable[[], object],
                 name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model, self.make_item = model, make_item
        self.removable: Callable[[int], bool] = lambda row: True
        self.table = QTableView()
        self.table.setObjectName(f"{name}Table")
        self.table.setModel(model)
        self.table.setItemDelegate(SetupDelegate(self.table))
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers
                                   & ~QAbstractItemView.EditTrigger.CurrentChanged)
        self.table.verticalHeader().setVisible(False)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.hint = QLabel()
        self.hint.setWordWrap(True)
        self.hint.setContentsMargins(4, 4, 4, 4)
        self.hint.setVisible(False)
        self.add_button, self.remove_button = QPushButton(), QPushButton()
        self.up_button, self.down_button = QPushButton(), QPushButton()
        self.bar = QHBoxLayout()
        self.bar.setContentsMargins(0, 0, 0, 0)
        for button, tail in ((self.add_button, "Add"), (self.remove_button, "Remove"),
                             (self.up_button, "Up"), (self.down_button, "Down")):
            button.setObjectName(f"{name}{tail}Button")
            self.bar.addWidget(button)
        self.bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.hint)
        layout.addWidget(self.table, 1)
        layout.addLayout(self.bar)
        self.add_button.clicked.connect(self.add)
        self.remove_button.clicked.connect(self.remove)
        self.up_button.clicked.connect(lambda: self.move(-1))
        self.down_button.clicked.connect(lambda: self.move(1))
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.update_buttons())
        model.modelReset.connect(self.update_buttons)
        model.rowsInserted.connect(lambda *_: self.fit_columns())
        self.editable = True
        self.retranslate()

    def retranslate(self) -> None:
        self.model.retranslate()
        self.add_button.setText(self.tr("Add"))
        self.remove_button.setText(self.tr("Remove"))
        self.up_button.setText(self.tr("Move up"))
        self.down_button.setText(self.tr("Move down"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def set_hint(self, text: str) -> None:
        self.hint.setText(text)
        self.hint.setVisible(bool(text))

    def fit_columns(self, widest: int = 280) -> None:
        """Columns as wide as their contents (and a drop-down's longest choice), within reason."""
        self.table.resizeColumnsToContents()
        metrics = self.table.fontMetrics()
        header = self.table.horizontalHeader()
        last = len(self.model.FIELDS) - 1
        for column, (field, kind) in enumerate(self.model.FIELDS):
            if column == last and header.stretchLastSection():
                # it takes the rest of the width (a width set here would stick)
                header.setSectionResizeMode(column, QHeaderView.ResizeMode.Stretch)
                continue
            width = self.table.columnWidth(column)
            if kind == CHOICE:
                width = min(max([width] + [metrics.horizontalAdvance(label) + 36
                                           for _value, label in self.model.choices(field)]), 200)
            self.table.setColumnWidth(column, min(width, widest))

    def current_row(self) -> int:
        index = self.table.currentIndex()
        return index.row() if index.isValid() else -1

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.setCurrentIndex(self.model.index(row, 0))
            self.table.selectRow(row)
        self.update_buttons()

    def set_editable(self, editable: bool) -> None:
        self.editable = editable
        self.update_buttons()

    def update_buttons(self) -> None:
        row, count = self.current_row(), self.model.rowCount()
        self.add_button.setEnabled(self.editable)
        self.remove_button.setEnabled(self.editable and row >= 0 and self.removable(row))
        self.up_button.setEnabled(self.editable and row > 0)
        self.down_button.setEnabled(self.editable and 0 <= row < count - 1)

    def add(self) -> None:
        row = self.model.insert_item(self.make_item(), self.current_row() + 1 or None)
        self.select_row(row)
        self.table.edit(self.model.index(row, 1))

    def remove(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.remove_item(row)
            self.select_row(min(row, self.model.rowCount() - 1))

    def move(self, delta: int) -> None:
        row = self.current_row()
        if row >= 0:
            self.select_row(self.model.move_item(row, delta))

"""The preview of an entry import: the file, its sheet (a choice when the workbook has
several), the header row found, how many entries per category, the government units an import
would create (with a hint when one looks like a registered unit), the reader's notes and every
problem with its place. Import stays disabled, with the reason shown, while anything is wrong."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.services.entry_import import EntryImportPreview
from judging_app.ui.i18n import fill, format_int, message_text
from judging_app.ui.views.entries_form import ERROR_STYLE

COL_SHEET, COL_ROW, COL_COLUMN, COL_HEADER, COL_MESSAGE = range(5)
PROBLEM_COLUMNS = 5
HINT_COLOR = "#a81d1d"


class ImportProblemsModel(QAbstractTableModel):
    """The preview's problems (sheet, row, column letter, header, message); sorted here."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list = []

    def set_problems(self, problems) -> None:
        self.beginResetModel()
        self._items = list(problems)
        self.endResetModel()

    def problem_at(self, row: int):
        return self._items[row]

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else PROBLEM_COLUMNS

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        p, column = self._items[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (p.sheet, p.row, p.column, p.header, p.message)[column]
            return "" if value is None else message_text(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == COL_ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Sheet"), self.tr("Row"), self.tr("Column"), self.tr("Header"),
                self.tr("Problem"))[section]

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        def key(p):
            place = (p.sheet or "", p.row or 0, len(p.column or ""), p.column or "")
            return {COL_SHEET: place, COL_ROW: place[1:] + (p.sheet or "",),
                    COL_COLUMN: (len(p.column or ""), p.column or "", p.row or 0),
                    COL_HEADER: ((p.header or "").casefold(), p.row or 0),
                    COL_MESSAGE: (message_text(p.message).casefold(), p.row or 0)}[column]

        self.layoutAboutToBeChanged.emit()
        self._items.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


class ImportPreviewDialog(QDialog):
    """What the file holds and what an import would do. `recheck(sheet)` asks for a new
    check (another sheet, or the same file again after it was corrected)."""

    recheck = Signal(str)

    def __init__(self, preview: EntryImportPreview, category_names: dict[str, str],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="entryImportPreview")
        self.preview, self.category_names, self.busy = preview, category_names, False
        self.sheet_names: list[str] = []
        self.file_label, self.sheet_label, self.header_label = QLabel(), QLabel(), QLabel()
        self.count_label = QLabel(objectName="importCount", wordWrap=True)
        self.sheet_combo = QComboBox(objectName="importSheet")
        self.sheet_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.sheet_combo.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.sheet_combo.activated.connect(lambda _i: self.recheck.emit(self.sheet_combo.currentText()))
        self.form = QFormLayout()
        for field in (self.file_label, self.sheet_combo, self.sheet_label, self.header_label,
                      self.count_label):
            self.form.addRow(QLabel(), field)
        self.units_box = QGroupBox(objectName="newUnitsBox")
        self.units_table = QTableWidget(0, 4, objectName="newUnitsTable")
        self.create_units = QCheckBox(objectName="createUnits")
        self.create_units.toggled.connect(self._update)
        self.notes_box = QGroupBox(objectName="notesBox")
        self.notes = QLabel(objectName="importNotes", wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.problems_box = QGroupBox(objectName="problemsBox")
        self.problems_label = QLabel(objectName="problemCount", wordWrap=True)
        self.problems_label.setStyleSheet(ERROR_STYLE)
        self.problems_model = ImportProblemsModel(self)
        self.problems_table = QTableView(objectName="problemsTable", wordWrap=True)
        self.problems_table.setModel(self.problems_model)
        for table in (self.units_table, self.problems_table):
            table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
            table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
            table.verticalHeader().setVisible(False)
            table.horizontalHeader().setStretchLastSection(True)
            table.setAlternatingRowColors(True)
        self.problems_table.setSortingEnabled(True)
        self.problems_table.horizontalHeader().setSortIndicator(COL_ROW, Qt.SortOrder.AscendingOrder)
        self.reason = QLabel(objectName="importReason", wordWrap=True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.import_button = self.buttons.addButton("", QDialogButtonBox.ButtonRole.AcceptRole)
        self.import_button.setObjectName("importButton")
        self.check_button = QPushButton(objectName="checkAgain")
        self.buttons.addButton(self.check_button, QDialogButtonBox.ButtonRole.ResetRole)
        self.check_button.clicked.connect(lambda: self.recheck.emit(self.chosen_sheet() or ""))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        for box, widgets, stretch in ((self.units_box, (self.units_table, self.create_units), 0),
                                      (self.notes_box, (self.notes,), 0),
                                      (self.problems_box, (self.problems_label, self.problems_table), 1)):
            inner = QVBoxLayout(box)
            for w in widgets:
                inner.addWidget(w, 1 if w is self.problems_table else 0)
            layout.addWidget(box, stretch)
        layout.addStretch(0)  # takes the spare room when no problems are shown
        layout.addWidget(self.reason)
        layout.addWidget(self.buttons)
        self.retranslate()  # shows the preview too
        self.resize(900, 640 if self.problems_box.isVisibleTo(self) else self.sizeHint().height())

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Import entries from a spreadsheet"))
        for row, text in enumerate((self.tr("File:"), self.tr("Sheet:"), self.tr("Sheet:"),
                                    self.tr("Header row:"), self.tr("Entries to import:"))):
            self.form.itemAt(row, QFormLayout.ItemRole.LabelRole).widget().setText(text)
        self.units_table.setHorizontalHeaderLabels(
            [self.tr("Name in the file"), self.tr("Code it gets"), self.tr("Rows"),
             self.tr("Looks like the registered unit")])
        self.notes_box.setTitle(self.tr("Notes"))
        self.problems_box.setTitle(self.tr("Problems"))
        self.import_button.setText(self.tr("&Import"))
        self.check_button.setText(self.tr("&Check again"))
        self.set_preview(self.preview)

    def set_preview(self, preview: EntryImportPreview) -> None:
        self.preview, self.busy = preview, False
        p = preview
        self.sheet_names = p.sheet_names or self.sheet_names  # a refused sheet keeps the list
        several = len(self.sheet_names) > 1
        self.sheet_combo.clear()
        self.sheet_combo.addItems(self.sheet_names)
        self.sheet_combo.setCurrentText(p.sheet)
        self.form.setRowVisible(1, several)
        self.form.setRowVisible(2, not several and bool(p.sheet))
        self.file_label.setText(p.source)
        self.sheet_label.setText(p.sheet)
        self.header_label.setText(fill(self.tr("row %1 (%2 columns recognised)"), format_int(p.header_row),
                                       format_int(len(p.columns))) if p.header_row else self.tr("not found"))
        order = list(self.category_names)  # the competition's order
        parts = [f"{self.category_names.get(code, code)}: {format_int(n)}" for code, n in sorted(
            p.by_category.items(), key=lambda item: order.index(item[0]) if item[0] in order else 0)]
        self.count_label.setText(f"<b>{format_int(len(p.rows))}</b>"
                                 + (" — " + " · ".join(parts) if parts else ""))
        self.units_box.setVisible(bool(p.new_units))
        self.units_box.setTitle(fill(self.tr("New government units (%1)"), format_int(len(p.new_units))))
        self.units_table.setRowCount(len(p.new_units))
        for row, u in enumerate(p.new_units):
            rows = fill(self.tr("%1 (first on row %2)"), format_int(u.rows), format_int(u.first_row))
            for column, text in enumerate((u.name, u.code, rows, u.similar)):
                self.units_table.setItem(row, column, QTableWidgetItem(text))
                self.units_table.item(row, column).setToolTip(text)
            self.units_table.item(row, 3).setForeground(QColor(HINT_COLOR))  # a typo?
        self._fit_units_table(len(p.new_units))
        self.create_units.setText(self.tr("Create these %n new unit(s)", "", len(p.new_units)))
        self.notes_box.setVisible(bool(p.notes))
        self.notes.setText("\n".join(f"• {message_text(note)}" for note in p.notes))
        self.problems_box.setVisible(not p.ok)
        layout = self.layout()
        layout.setStretch(layout.indexOf(self.reason) - 1, 0 if self.problems_box.isVisibleTo(self) else 1)
        self.problems_label.setText(
            fill(self.tr("Problems found: %1 (the first %2 are listed). Nothing can be imported until "
                    "the file is corrected."), format_int(p.problem_count), format_int(len(p.problems)))
            if p.problem_count > len(p.problems) else
            fill(self.tr("Problems found: %1. Nothing can be imported until the file is corrected."),
                 format_int(p.problem_count)))
        self.problems_model.set_problems(p.problems)
        header = self.problems_table.horizontalHeader()
        self.problems_model.sort(header.sortIndicatorSection(), header.sortIndicatorOrder())
        for column, chars in ((COL_SHEET, 10), (COL_ROW, 7), (COL_COLUMN, 8), (COL_HEADER, 18)):
            self.problems_table.setColumnWidth(column, self.fontMetrics().averageCharWidth() * chars)
        self.problems_table.resizeRowsToContents()
        self._update()

    def _fit_units_table(self, count: int) -> None:
        """Names and hints share the width; the table is as tall as its rows (up to 8)."""
        table, header = self.units_table, self.units_table.horizontalHeader()
        for column, mode in enumerate((QHeaderView.ResizeMode.Stretch, QHeaderView.ResizeMode.Interactive,
                                       QHeaderView.ResizeMode.ResizeToContents,
                                       QHeaderView.ResizeMode.Stretch)):
            header.setSectionResizeMode(column, mode)
        table.setColumnWidth(1, min(table.sizeHintForColumn(1) + 12,
                                    self.fontMetrics().averageCharWidth() * 28))
        table.setFixedHeight(header.sizeHint().height() + 2 * table.frameWidth()
                             + min(max(count, 1), 8) * table.verticalHeader().defaultSectionSize())

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._update()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self.problems_box.isVisibleTo(self):  # no long list: no empty space either
            layout = self.layout()
            self.resize(self.width(), layout.totalHeightForWidth(self.width())
                        if layout.hasHeightForWidth() else self.sizeHint().height())

    def reject(self) -> None:
        if not self.busy:  # a check is running (its progress dialog offers Cancel)
            super().reject()

    def chosen_sheet(self) -> str | None:
        return self.preview.sheet or None

    def creates_units(self) -> bool:
        return bool(self.preview.new_units) and self.create_units.isChecked()

    def _update(self) -> None:
        p = self.preview
        if self.busy:
            why = self.tr("Checking the file…")
        elif not p.ok:
            why = self.tr("Correct the problems in the spreadsheet, save it, then press Check again.")
        elif not p.rows:
            why = self.tr("The file holds no entries to import.")
        elif p.new_units and not self.create_units.isChecked():
            why = self.tr("Tick the box to create the new units, or correct the unit names in the file "
                     "(a typo would create a unit that should not exist).")
        else:
            why = ""
        self.import_button.setEnabled(not why)
        self.sheet_combo.setEnabled(not self.busy)
        self.check_button.setEnabled(not self.busy)
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setEnabled(not self.busy)
        self.reason.setText(why or self.tr("Nothing is written until you press Import."))
        self.reason.setStyleSheet(ERROR_STYLE if why and not self.busy else "")

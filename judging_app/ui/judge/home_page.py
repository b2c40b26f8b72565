"""The judge's home: the assigned entries with the state of the judge's own sheet (not
started, draft, submitted), how far along the judge is, and the round's instructions."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.exchange.judge_package import natural_key
from judging_app.ui.i18n import fill
from judging_app.ui.judge.labels import escape, sheet_state_label, total_text
from judging_app.ui.judge.session import (
    DRAFT,
    NOT_STARTED,
    SHEET_STATES,
    SUBMITTED,
    EntryItem,
    SessionInfo,
)

COL_CODE, COL_TITLE, COL_CATEGORY, COL_STATE, COL_SCORED, COL_TOTAL = range(6)
COLUMN_COUNT = 6
_INDEX = QModelIndex | QPersistentModelIndex
STATE_COLOURS = {SUBMITTED: QColor(0x1B, 0x6E, 0x2E), DRAFT: QColor(0x8A, 0x5A, 0x00)}
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


# The list's filters: which sheet states each one shows.
FILTERS = {"todo": (NOT_STARTED, DRAFT), "drafts": (DRAFT,), "submitted": (SUBMITTED,),
           "all": SHEET_STATES}


class JudgeEntriesModel(QAbstractTableModel):
    """The judge's entries, the shown ones filtered by state; sorting is done here, on the
    model's own list."""

    def __init__(self, criteria: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.criteria = criteria
        self._all: list[EntryItem] = []
        self._items: list[EntryItem] = []
        self.filter = "all"
        self._sort = (COL_CODE, Qt.SortOrder.AscendingOrder)

    def set_items(self, items: list[EntryItem]) -> None:
        self.beginResetModel()
        self._all = list(items)
        self._sort_items()
        self.endResetModel()

    def set_filter(self, name: str) -> None:
        self.beginResetModel()
        self.filter = name
        self._sort_items()
        self.endResetModel()

    def items(self) -> list[EntryItem]:
        """The entries shown (in the list's order)."""
        return list(self._items)

    def all_items(self) -> list[EntryItem]:
        """Every entry of the judge, in the list's order, whatever the filter."""
        return list(self._all)

    def count(self, name: str) -> int:
        return sum(it.state in FILTERS[name] for it in self._all)

    def item(self, row: int) -> EntryItem:
        return self._items[row]

    def row_of(self, code: str) -> int:
        return next((i for i, it in enumerate(self._items) if it.code == code), -1)

    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def data(self, index: _INDEX, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        it, col = self._items[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return {COL_CODE: it.code, COL_TITLE: it.title, COL_CATEGORY: it.category,
                    COL_STATE: sheet_state_label(it.state),
                    COL_SCORED: f"{it.scored}/{self.criteria}",
                    COL_TOTAL: total_text(it.total) if it.total is not None else ""}[col]
        if role == Qt.ItemDataRole.ToolTipRole and col == COL_TITLE:
            return it.title
        if role == Qt.ItemDataRole.ForegroundRole and col == COL_STATE:
            return STATE_COLOURS.get(it.state)
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (COL_SCORED, COL_TOTAL):
            return RIGHT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole):
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return (self.tr("Code"), self.tr("Entry"), self.tr("Category"), self.tr("State"),
                self.tr("Scored"), self.tr("Your total"))[section]

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._items:  # states in the new language, totals with its decimal separator
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._items) - 1, COLUMN_COUNT - 1))

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        self._sort_items()
        self.layoutChanged.emit()

    def _sort_items(self) -> None:
        column, order = self._sort
        keys = {
            COL_CODE: lambda it: natural_key(it.code),
            COL_TITLE: lambda it: (it.title.lower(), natural_key(it.code)),
            COL_CATEGORY: lambda it: (it.category.lower(), natural_key(it.code)),
            COL_STATE: lambda it: (SHEET_STATES.index(it.state), natural_key(it.code)),
            COL_SCORED: lambda it: (it.scored, natural_key(it.code)),
            COL_TOTAL: lambda it: (it.total is not None, it.total or 0, natural_key(it.code)),
        }
        self._all.sort(key=keys[column], reverse=order == Qt.SortOrder.DescendingOrder)
        shown = FILTERS[self.filter]
        self._items = [it for it in self._all if it.state in shown]


class HomePage(QWidget):
    openEntry = Signal(str)
    exportRequested = Signal()

    def __init__(self, info: SessionInfo, criteria: int, can_export: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgeHome")
        self.info = info
        self.language = "en"
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 15pt; font-weight: bold;")
        self.subtitle = QLabel()
        self.subtitle.setTextFormat(Qt.TextFormat.PlainText)
        self.progress = QProgressBar()
        self.progress.setObjectName("judgeProgress")
        self.progress.setTextVisible(False)
        self.progress.setMaximumHeight(12)
        self.progress_text = QLabel()
        self.progress_text.setObjectName("progressText")
        self.instructions = QLabel()
        self.instructions.setWordWrap(True)
        self.instructions.setTextFormat(Qt.TextFormat.RichText)
        self.model = JudgeEntriesModel(criteria, self)
        self.table = QTableView()
        self.table.setObjectName("judgeEntries")
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(COL_CODE, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.activated.connect(self._activated)
        self.filter_buttons: dict[str, QToolButton] = {}
        self.filter_group = QButtonGroup(self)
        self.filter_group.setExclusive(True)
        filters = QHBoxLayout()
        self.filter_label = QLabel()
        filters.addWidget(self.filter_label)
        for name in FILTERS:
            button = QToolButton()
            button.setObjectName(f"filter_{name}")
            button.setCheckable(True)
            button.setAutoRaise(False)
            button.clicked.connect(lambda _c=False, n=name: self.set_filter(n))
            self.filter_group.addButton(button)
            self.filter_buttons[name] = button
            filters.addWidget(button)
        filters.addStretch(1)
        self.filter_buttons["all"].setChecked(True)
        self._filter_chosen = False  # chosen at the first list, then kept
        self.empty_hint = QLabel(self.table.viewport())
        self.empty_hint.setObjectName("judgeEmptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setStyleSheet("color: #5f6368; padding: 24px;")
        self.empty_hint.hide()
        self.open_button = QPushButton()
        self.open_button.setObjectName("openSheetButton")
        self.open_button.clicked.connect(self._open_current)
        self.export_button = QPushButton()
        self.export_button.setObjectName("exportReturnButton")
        self.export_button.setVisible(can_export)
        self.export_button.clicked.connect(self.exportRequested)
        self.note = QLabel()
        self.note.setWordWrap(True)
        self.note.setStyleSheet("color: #5f6368;")
        buttons = QHBoxLayout()
        buttons.addWidget(self.note, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.subtitle)
        layout.addWidget(self.progress)
        layout.addWidget(self.progress_text)
        layout.addWidget(self.instructions)
        layout.addLayout(filters)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)

    def set_language(self, language: str) -> None:
        self.language = language
        self.retranslate()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        i = self.info
        name = i.round_name_en if self.language == "en" and i.round_name_en else i.round_name
        self.title.setText(fill(self.tr("%1 — your entries"), name))
        self.subtitle.setText(fill(self.tr("%1 · judge: %2 (%3)"), i.competition_name,
                                   i.judge_name, i.judge_code))
        text = i.instructions_en if self.language == "en" and i.instructions_en else i.instructions
        self.instructions.setVisible(bool(text.strip()))
        heading = escape(self.tr("Instructions"))
        self.instructions.setText(f"<b>{heading}</b><br>{escape(text)}")
        self.open_button.setText(self.tr("&Open the sheet"))
        self.export_button.setText(self.tr("E&xport return file…"))
        if i.work_file:
            self.note.setText(fill(self.tr("Your work is saved as you type, in %1. When you "
                                           "have finished, export the return file and send "
                                           "it to the secretariat."), i.work_file))
        else:
            self.note.setText(self.tr("Your scores are saved in the secretariat's database as "
                                      "you type them."))
        self.filter_label.setText(self.tr("Show:"))
        self.model.retranslate()
        self._progress_texts()

    def set_items(self, items: list[EntryItem]) -> None:
        current = self.current_code()
        self.model.set_items(items)
        if not self._filter_chosen:  # at the start: what is left (all when nothing is)
            self._filter_chosen = True
            self._apply_filter("todo" if self.model.count("todo") else "all")
        shown = [it.code for it in self.model.items()]
        self.select(current if current in shown else self.first_unfinished())
        self._progress_texts()

    def first_unfinished(self, after: str | None = None) -> str | None:
        """The first entry (in the list's order) whose sheet is not submitted, after `after`
        when given (then from the top again); None when every sheet is submitted."""
        items = self.model.all_items()
        codes = [it.code for it in items]
        start = codes.index(after) + 1 if after in codes else 0
        for it in items[start:] + items[:start]:
            if it.state != SUBMITTED and it.code != after:
                return it.code
        return None

    def set_filter(self, name: str) -> None:
        """Show only the entries to do, the drafts, the submitted ones, or all (kept)."""
        self._filter_chosen = True
        self._apply_filter(name)

    def _apply_filter(self, name: str) -> None:
        current = self.current_code()
        self.model.set_filter(name)
        self.filter_buttons[name].setChecked(True)
        shown = [it.code for it in self.model.items()]
        self.select(current if current in shown else (shown[0] if shown else None))
        self._progress_texts()

    def _progress_texts(self) -> None:
        items = self.model.all_items()
        submitted = sum(it.state == SUBMITTED for it in items)
        drafts = sum(it.state == DRAFT for it in items)
        self.progress.setMaximum(max(1, len(items)))
        self.progress.setValue(submitted)
        self.progress_text.setText(fill(
            self.tr("%1 of %2 submitted · %3 in draft · %4 not started"), submitted,
            len(items), drafts, len(items) - submitted - drafts))
        self.open_button.setEnabled(self.current_code() is not None)
        counts = {name: self.model.count(name) for name in FILTERS}
        labels = {"todo": self.tr("To do (%1)"), "drafts": self.tr("Drafts (%1)"),
                  "submitted": self.tr("Submitted (%1)"), "all": self.tr("All (%1)")}
        for name, button in self.filter_buttons.items():
            button.setText(fill(labels[name], counts[name]))
        empty = {"todo": self.tr("Nothing left to do: every sheet is submitted. Thank you!"),
                 "drafts": self.tr("No sheet in draft."),
                 "submitted": self.tr("No sheet submitted yet."),
                 "all": self.tr("No entry is assigned to you in this round.")}
        self.empty_hint.setText(empty[self.model.filter])
        self.empty_hint.setGeometry(self.table.viewport().rect())
        self.empty_hint.setVisible(self.model.rowCount() == 0)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.empty_hint.setGeometry(self.table.viewport().rect())

    def current_code(self) -> str | None:
        index = self.table.currentIndex()
        return self.model.item(index.row()).code if index.isValid() else None

    def select(self, code: str | None) -> None:
        row = self.model.row_of(code) if code else -1
        if row >= 0:
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, COL_CODE))

    def focus_table(self) -> None:
        self.table.setFocus(Qt.FocusReason.OtherFocusReason)

    def _activated(self, index: QModelIndex) -> None:
        if index.isValid():
            self.openEntry.emit(self.model.item(index.row()).code)

    def _open_current(self) -> None:
        code = self.current_code()
        if code:
            self.openEntry.emit(code)

"""The competitions page: a table of the competitions with an Open button (Enter and a
double-click open too), or the guided start when there are none."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.records import CompetitionSummary
from judging_app.ui.competition_table import (
    COL_CODE,
    COL_NAME,
    COL_ORGANISER,
    CompetitionTableModel,
)
from judging_app.ui.icons import icon
from judging_app.ui.start_page import StartPage


class CompetitionList(QStackedWidget):
    """Page 0: the table. Page 1: the guided start (no competitions yet)."""

    openRequested = Signal(str)  # a competition's code: open it

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = CompetitionTableModel(self)
        self.table = QTableView()
        self.table.setObjectName("competitionTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setSortingEnabled(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(COL_NAME, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicatorShown(False)  # the service's order until a header is clicked
        self.table.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.table.activated.connect(lambda index: self._open_row(index.row()))
        self.list_title = QLabel()
        self.list_title.setObjectName("listTitle")
        font = self.list_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.list_title.setFont(font)
        self.list_hint = QLabel()
        self.list_hint.setObjectName("listHint")
        self.list_hint.setStyleSheet("color: #4a4f57;")
        self.open_button = QPushButton()
        self.open_button.setObjectName("openCompetitionButton")
        self.open_button.setIcon(icon("next"))
        self.open_button.setDefault(True)
        self.open_button.clicked.connect(lambda: self._open_row(self.table.currentIndex().row()))
        self.table.selectionModel().currentRowChanged.connect(
            lambda current, _previous: self.open_button.setEnabled(current.isValid()))
        self.open_button.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(self.list_title)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.list_hint, 1)
        bottom.addWidget(self.open_button)
        self.list_page = QWidget()
        layout = QVBoxLayout(self.list_page)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addLayout(bottom)

        self.empty_page = StartPage()
        self.addWidget(self.list_page)
        self.addWidget(self.empty_page)
        self.retranslate()
        self.set_competitions([])

    def _open_row(self, row: int) -> None:
        item = self.model.competition_at(row) if row >= 0 else None
        if item is not None:
            self.openRequested.emit(item.code)

    def set_competitions(self, items: Sequence[CompetitionSummary]) -> None:
        self.model.set_competitions(items)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.setCurrentWidget(self.list_page if items else self.empty_page)
        if items:
            self.fit_columns()
            self.table.setCurrentIndex(self.model.index(0, COL_NAME))
            self.table.selectRow(0)
        self.open_button.setEnabled(bool(items))

    def fit_columns(self) -> None:
        """Columns as wide as their contents, but long codes and organisers capped so the
        name (the column that stretches) keeps most of the room."""
        cap = max(160, self.table.fontMetrics().horizontalAdvance("M") * 18)
        for column in range(self.model.columnCount()):
            if column == COL_NAME:
                continue
            self.table.resizeColumnToContents(column)
            if column in (COL_CODE, COL_ORGANISER):
                self.table.setColumnWidth(column, min(self.table.columnWidth(column), cap))

    def is_empty_state(self) -> bool:
        return self.currentWidget() is self.empty_page

    def retranslate(self) -> None:
        self.list_title.setText(self.tr("Competitions in this database"))
        self.list_hint.setText(self.tr(
            "Choose a competition and press Enter, double-click it or use Open."))
        self.open_button.setText(self.tr("&Open"))
        self.empty_page.retranslate()
        self.model.retranslate()
        if self.model.rowCount():
            self.fit_columns()  # headers and status labels changed width

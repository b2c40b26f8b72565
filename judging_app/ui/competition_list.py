"""The competitions page: a table of the competitions, or an empty-state message."""

from __future__ import annotations

import html
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
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
from judging_app.ui.i18n import fill

DEMO_COMMAND = "judging-app demo"


class CompetitionList(QStackedWidget):
    """Page 0: the table. Page 1: what to do when there are no competitions yet."""

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

        self.empty_page = QWidget()
        self.empty_page.setObjectName("emptyState")
        self.empty_title = QLabel()
        self.empty_title.setObjectName("emptyTitle")
        self.empty_title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_title.setWordWrap(True)
        font = self.empty_title.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.empty_title.setFont(font)
        self.empty_hint = QLabel()
        self.empty_hint.setObjectName("emptyHint")
        self.empty_hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_hint.setWordWrap(True)
        self.empty_hint.setTextFormat(Qt.TextFormat.RichText)
        self.empty_hint.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout = QVBoxLayout(self.empty_page)
        layout.setContentsMargins(48, 48, 48, 48)
        layout.addStretch(2)
        layout.addWidget(self.empty_title)
        layout.addSpacing(12)
        layout.addWidget(self.empty_hint)
        layout.addStretch(3)

        self.addWidget(self.table)
        self.addWidget(self.empty_page)
        self.retranslate()
        self.set_competitions([])

    def set_competitions(self, items: Sequence[CompetitionSummary]) -> None:
        self.model.set_competitions(items)
        self.table.horizontalHeader().setSortIndicatorShown(False)
        self.setCurrentWidget(self.table if items else self.empty_page)
        if items:
            self.fit_columns()

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
        self.empty_title.setText(
            self.tr("No competitions yet — create one from a template or run the demo")
        )
        command = f"<code>{html.escape(DEMO_COMMAND)}</code>"
        self.empty_hint.setText(
            fill(
                html.escape(
                    self.tr("To try the app with sample data, run %1 in a terminal.")
                ),
                command,
            )
        )
        self.model.retranslate()
        if self.model.rowCount():
            self.fit_columns()  # headers and status labels changed width

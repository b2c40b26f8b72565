"""Table model of the competitions in the open database (rows: CompetitionSummary).

Sorting happens inside the model on its own list (a sort proxy calls back into Python for
every comparison). Tested without a window.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)

from judging_app.core.records import CompetitionSummary
from judging_app.ui.i18n import format_int
from judging_app.ui.labels import competition_status_label, competition_status_rank

COL_CODE = 0
COL_NAME = 1
COL_YEAR = 2
COL_ORGANISER = 3
COL_STATUS = 4
COL_ENTRIES = 5
COL_JUDGES = 6
COLUMN_COUNT = 7

NUMERIC_COLUMNS = frozenset({COL_YEAR, COL_ENTRIES, COL_JUDGES})

SORT_KEYS: dict[int, Callable[[CompetitionSummary], object]] = {
    COL_CODE: lambda c: c.code.casefold(),
    COL_NAME: lambda c: c.name.casefold(),
    COL_YEAR: lambda c: c.year,
    COL_ORGANISER: lambda c: c.organiser.casefold(),
    COL_STATUS: lambda c: competition_status_rank(c.status),
    COL_ENTRIES: lambda c: c.entries,
    COL_JUDGES: lambda c: c.judges,
}

_INDEX = QModelIndex | QPersistentModelIndex


class CompetitionTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[CompetitionSummary] = []

    # -- data in ----------------------------------------------------------------------
    def set_competitions(self, items: Sequence[CompetitionSummary]) -> None:
        self.beginResetModel()
        self._items = list(items)
        self.endResetModel()

    def competition_at(self, row: int) -> CompetitionSummary:
        return self._items[row]

    def competitions(self) -> list[CompetitionSummary]:
        return list(self._items)

    def retranslate(self) -> None:
        """Headers and status labels come from the catalogue: ask views to redraw them."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, COLUMN_COUNT - 1)
        if self._items:
            self.dataChanged.emit(
                self.index(0, 0), self.index(len(self._items) - 1, COLUMN_COUNT - 1)
            )

    # -- Qt model interface -------------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def header_labels(self) -> list[str]:
        return [
            self.tr("Code"),
            self.tr("Name"),
            self.tr("Year"),
            self.tr("Organiser"),
            self.tr("Status"),
            self.tr("Entries"),
            self.tr("Judges"),
        ]

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.header_labels()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: _INDEX, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.display_text(item, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return item.id
        return None

    @staticmethod
    def display_text(item: CompetitionSummary, column: int) -> str:
        if column == COL_CODE:
            return item.code
        if column == COL_NAME:
            return item.name
        if column == COL_YEAR:
            return str(item.year)  # a year, not a quantity: no thousands separator
        if column == COL_ORGANISER:
            return item.organiser
        if column == COL_STATUS:
            return competition_status_label(item.status)
        if column == COL_ENTRIES:
            return format_int(item.entries)
        if column == COL_JUDGES:
            return format_int(item.judges)
        return ""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_rows = [self._items[i.row()] for i in old_persistent]
        # Stable sort; ties keep the service's order (year descending, then name).
        positions = sorted(
            range(len(self._items)),
            key=lambda i: key(self._items[i]),
            reverse=order == Qt.SortOrder.DescendingOrder,
        )
        self._items = [self._items[i] for i in positions]
        new_row = {id(item): row for row, item in enumerate(self._items)}
        self.changePersistentIndexList(
            old_persistent,
            [self.index(new_row[id(item)], idx.column()) for item, idx in zip(old_rows, old_persistent, strict=True)],
        )
        self.layoutChanged.emit()

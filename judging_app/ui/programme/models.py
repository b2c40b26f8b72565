"""Table models of the programme window: one model class driven by named columns (a header,
a value per record, an alignment, a sort key), sorting done inside the model; and the
labels of the programme's stored codes.

Module-level label functions use QCoreApplication.translate (see ui/i18n.py)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from judging_app.core.programme import CompetitionLevel, InnovationRelation, InnovationState

STANDS_OUT = QBrush(QColor("#fbe3d6"))  # a unit without an innovation
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def state_label(state: str | None) -> str:
    labels = {
        InnovationState.CONTINUED: QCoreApplication.translate("ProgrammeLabels", "continued"),
        InnovationState.STOPPED: QCoreApplication.translate("ProgrammeLabels", "stopped"),
    }
    return labels.get(state, state or "")


def level_label(level: str | None) -> str:
    labels = {
        CompetitionLevel.CITY: QCoreApplication.translate("ProgrammeLabels", "city"),
        CompetitionLevel.REGIONAL: QCoreApplication.translate("ProgrammeLabels", "provincial"),
        CompetitionLevel.NATIONAL: QCoreApplication.translate("ProgrammeLabels", "national"),
    }
    return labels.get(level, level or "")


def relation_label(relation: str | None) -> str:
    labels = {
        InnovationRelation.NEW: QCoreApplication.translate("ProgrammeLabels", "new"),
        InnovationRelation.CONTINUES: QCoreApplication.translate("ProgrammeLabels", "continues"),
        InnovationRelation.DEVELOPS: QCoreApplication.translate("ProgrammeLabels", "develops"),
        InnovationRelation.FORWARDED: QCoreApplication.translate("ProgrammeLabels", "forwarded"),
    }
    return labels.get(relation, relation or "")


@dataclass(frozen=True)
class Col:
    header: Callable[[], str]  # called on every language change
    value: Callable[[Any], Any]  # what the cell shows
    align: int = 0
    key: Callable[[Any], Any] | None = None  # sort key (default: the value)


class RecordsModel(QAbstractTableModel):
    """Rows of plain records; `marked(record)` paints a row that stands out."""

    def __init__(self, columns: Sequence[Col], marked: Callable[[Any], bool] | None = None,
                 parent=None) -> None:
        super().__init__(parent)
        self.columns = list(columns)
        self.marked = marked
        self._rows: list[Any] = []

    def set_records(self, records: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(records)
        self.endResetModel()

    def records(self) -> list[Any]:
        return list(self._rows)

    def record_at(self, row: int) -> Any | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        record, col = self._rows[index.row()], self.columns[index.column()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = col.value(record)  # the tooltip shows what an elided cell hides
            return "" if value is None else str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.align:
            return col.align
        if role == Qt.ItemDataRole.BackgroundRole and self.marked and self.marked(record):
            return STANDS_OUT
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.columns[section].header()
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.columns):  # no sort column: keep the records' order
            return
        col = self.columns[column]
        key = col.key or col.value
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=lambda r: _sortable(key(r)),
                        reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.columns) - 1)


def _sortable(value: Any) -> tuple:
    if value is None:
        return (1, "")
    if isinstance(value, int | float):
        return (0, value)
    return (0, str(value).casefold())

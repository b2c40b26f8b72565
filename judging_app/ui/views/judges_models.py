"""Table models of the Judges view (judges; one judge's conflicts of interest), the labels
people see for roles and conflict reasons, and `RecordTableModel`, the base these models and
the Assignments view's models share: a list of records, named columns, sorting and
filtering inside the model (no sort proxy), and in-place updates that keep the selection.
Tested without a window."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QApplication

from judging_app.core.enums import ConflictReason, ConflictSource, JudgeRole
from judging_app.services.assignment_queries import JudgeConflict, JudgeOverview
from judging_app.ui.i18n import fill, format_int

_INDEX = QModelIndex | QPersistentModelIndex
RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def role_label(role: str) -> str:
    labels = {JudgeRole.JUDGE: QCoreApplication.translate("JudgeLabels", "Judge"),
              JudgeRole.CHAIR: QCoreApplication.translate("JudgeLabels", "Chair")}
    return labels.get(role, role)  # type: ignore[call-overload]


def conflict_source_label(source: str) -> str:
    labels = {ConflictSource.AUTOMATIC: QCoreApplication.translate("JudgeLabels", "Automatic"),
              ConflictSource.DECLARED: QCoreApplication.translate("JudgeLabels", "Declared")}
    return labels.get(source, source)  # type: ignore[call-overload]


def conflict_reason_label(reason: str) -> str:
    labels = {
        ConflictReason.SAME_UNIT: QCoreApplication.translate("JudgeLabels", "Same unit"),
        ConflictReason.PROFESSIONAL: QCoreApplication.translate("JudgeLabels", "Professional"),
        ConflictReason.PERSONAL: QCoreApplication.translate("JudgeLabels", "Personal"),
        ConflictReason.OTHER: QCoreApplication.translate("JudgeLabels", "Other"),
    }
    return labels.get(reason, reason)  # type: ignore[call-overload]


def conflict_explanation(conflict: JudgeConflict) -> str:
    """Why the judge may not score the entry, in a sentence."""
    if not conflict.declared:
        return fill(QCoreApplication.translate(
            "JudgeLabels", "Same unit: the judge works in %1, which submitted this entry."),
            conflict.unit_name)
    label = conflict_reason_label(conflict.reason)
    return f"{label}: {conflict.reason_text}" if conflict.reason_text.strip() else label


def muted_colour() -> QColor:
    return QApplication.palette().color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)


class RecordTableModel(QAbstractTableModel):
    """Rows are records; subclasses give headers(), text(), sort_keys() and optional hooks."""

    COLUMN_COUNT = 0
    NUMERIC_COLUMNS: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[Any] = []
        self._rows: list[Any] = []  # the visible ones, in order
        self._sorted: tuple[int, Qt.SortOrder] | None = None

    # -- hooks ---------------------------------------------------------------------------
    def headers(self) -> list[str]:
        raise NotImplementedError

    def text(self, item: Any, column: int) -> str:
        raise NotImplementedError

    def sort_keys(self) -> dict[int, Callable[[Any], object]]:
        return {}

    def tooltip(self, item: Any, column: int) -> str:
        return self.text(item, column)

    def style(self, item: Any, column: int, role: int) -> object:
        """Foreground, background or font for a cell (None: the default)."""
        return None

    def identity(self, item: Any) -> Hashable:
        return item

    def accepts(self, item: Any) -> bool:
        return True

    # -- data in and out -----------------------------------------------------------------
    def set_rows(self, items: Sequence[Any]) -> None:
        """Replace the records. When the same rows stay visible in the same order, only the
        cells are updated, so the selection survives a reload."""
        self._all = list(items)
        if self._sorted is not None:
            self._sort_all(*self._sorted)
        visible = [i for i in self._all if self.accepts(i)]
        same = [self.identity(i) for i in visible] == [self.identity(i) for i in self._rows]
        if same and visible:
            self._rows = visible
            self.dataChanged.emit(self.index(0, 0), self.index(len(visible) - 1, self.COLUMN_COUNT - 1))
        else:
            self.beginResetModel()
            self._rows = visible
            self.endResetModel()

    def refilter(self) -> None:
        self.set_rows(self._all)

    def row_at(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        return list(self._rows)

    def all_rows(self) -> list[Any]:
        return list(self._all)

    def row_of(self, key: Hashable) -> int:
        for row, item in enumerate(self._rows):
            if self.identity(item) == key:
                return row
        return -1

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, self.COLUMN_COUNT - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, self.COLUMN_COUNT - 1))

    # -- Qt model interface ------------------------------------------------------------------
    def rowCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _INDEX = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0):
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < self.COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.NUMERIC_COLUMNS:
            return RIGHT
        return None

    def data(self, index: _INDEX, role: int = 0):
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        item, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self.text(item, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(item, column) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC_COLUMNS:
            return RIGHT
        if role == Qt.ItemDataRole.UserRole:
            return item
        if role in (Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.BackgroundRole,
                    Qt.ItemDataRole.FontRole):
            return self.style(item, column, role)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if column not in self.sort_keys():
            return
        self.layoutAboutToBeChanged.emit()
        old_persistent = self.persistentIndexList()
        old_items = [self._rows[i.row()] if 0 <= i.row() < len(self._rows) else None
                     for i in old_persistent]
        self._sort_all(column, order)
        self._rows = [i for i in self._all if self.accepts(i)]
        new_row = {id(item): row for row, item in enumerate(self._rows)}
        self.changePersistentIndexList(old_persistent, [
            self.index(new_row[id(item)], idx.column()) if item is not None else QModelIndex()
            for item, idx in zip(old_items, old_persistent, strict=True)
        ])
        self.layoutChanged.emit()

    def _sort_all(self, column: int, order: Qt.SortOrder) -> None:
        key = self.sort_keys().get(column)
        if key is None:
            return
        self._sorted = (column, order)
        self._all.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)  # stable


def _bold() -> QFont:
    font = QFont()
    font.setBold(True)
    return font


class JudgeTableModel(RecordTableModel):
    """Rows: JudgeOverview."""

    COL_CODE, COL_NAME, COL_AFFILIATION, COL_UNIT, COL_ROLE, COL_ACTIVE, COL_CONFLICTS = range(7)
    COLUMN_COUNT = 7
    NUMERIC_COLUMNS = frozenset({COL_CONFLICTS})

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Affiliation"), self.tr("Unit"),
                self.tr("Role"), self.tr("Active"), self.tr("Conflicts")]

    def identity(self, item: JudgeOverview) -> Hashable:
        return item.code

    def text(self, item: JudgeOverview, column: int) -> str:
        if column == self.COL_CODE:
            return item.code
        if column == self.COL_NAME:
            return item.name
        if column == self.COL_AFFILIATION:
            return item.affiliation
        if column == self.COL_UNIT:
            return item.unit_name if item.unit_code else ""
        if column == self.COL_ROLE:
            return role_label(item.role)
        if column == self.COL_ACTIVE:
            return self.tr("Yes") if item.active else self.tr("No")
        if column == self.COL_CONFLICTS:
            return format_int(item.conflicts)
        return ""

    def tooltip(self, item: JudgeOverview, column: int) -> str:
        if column == self.COL_UNIT and item.unit_code:
            return fill(self.tr("%1 (unit code %2): entries of this unit are conflicts of interest "
                                "for this judge"), item.unit_name, item.unit_code)
        if column == self.COL_NAME:
            contact = " · ".join(x for x in (item.email, item.phone) if x)
            return f"{item.name}\n{contact}" if contact else item.name
        return self.text(item, column)

    def style(self, item: JudgeOverview, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and not item.active:
            return muted_colour()
        if role == Qt.ItemDataRole.FontRole and column == self.COL_ROLE and item.role == JudgeRole.CHAIR:
            return _bold()
        return None

    def sort_keys(self) -> dict[int, Callable[[Any], object]]:
        return {
            self.COL_CODE: lambda j: j.code.casefold(),
            self.COL_NAME: lambda j: j.name.casefold(),
            self.COL_AFFILIATION: lambda j: j.affiliation.casefold(),
            self.COL_UNIT: lambda j: (j.unit_code is None, j.unit_name.casefold()),
            self.COL_ROLE: lambda j: j.role != JudgeRole.CHAIR,
            self.COL_ACTIVE: lambda j: not j.active,
            self.COL_CONFLICTS: lambda j: j.conflicts,
        }


class ConflictTableModel(RecordTableModel):
    """Rows: JudgeConflict of one judge."""

    COL_ENTRY, COL_TITLE, COL_KIND, COL_REASON = range(4)
    COLUMN_COUNT = 4

    def headers(self) -> list[str]:
        return [self.tr("Entry"), self.tr("Title"), self.tr("Kind"), self.tr("Reason")]

    def identity(self, item: JudgeConflict) -> Hashable:
        return item.entry_code

    def text(self, item: JudgeConflict, column: int) -> str:
        if column == self.COL_ENTRY:
            return item.entry_code
        if column == self.COL_TITLE:
            return item.entry_title
        if column == self.COL_KIND:
            return conflict_source_label(item.source)
        if column == self.COL_REASON:
            return conflict_explanation(item)
        return ""

    def tooltip(self, item: JudgeConflict, column: int) -> str:
        if column == self.COL_KIND:
            if item.declared:
                return fill(self.tr("Declared by %1; can be withdrawn"), item.declared_by)
            return self.tr("Found from the units; changes only when a unit changes")
        return self.text(item, column)

    def sort_keys(self) -> dict[int, Callable[[Any], object]]:
        return {
            self.COL_ENTRY: lambda c: c.entry_code.casefold(),
            self.COL_TITLE: lambda c: c.entry_title.casefold(),
            self.COL_KIND: lambda c: c.source,
            self.COL_REASON: lambda c: (c.reason, c.reason_text.casefold()),
        }

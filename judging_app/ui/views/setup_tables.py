"""Editable tables of the Setup view: categories, criteria, level descriptors, award tiers.

Each model holds a list of frozen setup dataclasses (core/setup.py) and replaces a row with
dataclasses.replace on every edit, emitting `edited`; named column constants; cells with a
problem from validate_setup are tinted and say why in their tooltip. The delegate commits
text as it is typed (setup_table_editor), so totals and problems follow each keystroke.
"""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QBrush, QColor

from judging_app.core.enums import AwardKind
from judging_app.core.numbers import NumberError
from judging_app.core.setup import (
    AwardTierSpec,
    CategorySpec,
    CriterionSpec,
    LevelDescriptor,
    Problem,
)
from judging_app.ui.views.setup_texts import (
    award_kind_label,
    decimal_text,
    parse_decimal_text,
    problem_message,
)

TEXT, DECIMAL, INT, BOOL, CHOICE = "text", "decimal", "int", "bool", "choice"
PROBLEM_BRUSH = QBrush(QColor(255, 214, 214))
CODE_LENGTH = 64
ROLE = Qt.ItemDataRole


class SpecTableModel(QAbstractTableModel):
    """Rows are frozen dataclasses; FIELDS[i] = (field name, kind) of column i."""

    FIELDS: tuple[tuple[str, str], ...] = ()
    edited = Signal()

    def __init__(self, prefix: str = "", parent=None) -> None:
        super().__init__(parent)
        self.prefix = prefix  # where validate_setup locates these rows, e.g. 'categories'
        self._rows: list[Any] = []
        self._read_only = False
        self._problems: dict[tuple[int, str], list[str]] = {}

    # -- loading and reading back ----------------------------------------------------------
    def set_rows(self, rows, read_only: bool = False, prefix: str | None = None) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._read_only = read_only
        if prefix is not None:
            self.prefix = prefix
        self._problems = {}
        self.endResetModel()

    def items(self) -> tuple:
        return tuple(self._rows)

    def row_at(self, row: int):
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def set_problems(self, problems: list[Problem]) -> None:
        """Keep the problems located in these rows ('<prefix>[row]' or '<prefix>[row].field')."""
        found: dict[tuple[int, str], list[str]] = {}
        start = f"{self.prefix}["
        for p in problems:
            if not p.where.startswith(start):
                continue
            index, _, rest = p.where[len(start):].partition("]")
            field = rest.lstrip(".").split(".")[0].split("[")[0]
            if index.isdigit():
                found.setdefault((int(index), field), []).append(problem_message(p))
        if found != self._problems:
            self._problems = found
            if self._rows:
                self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1,
                                      len(self.FIELDS) - 1), [ROLE.BackgroundRole, ROLE.ToolTipRole])

    def retranslate(self) -> None:
        """Headers and labels again, after a language change."""
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(self.FIELDS) - 1)
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, len(self.FIELDS) - 1))

    # -- what subclasses say ----------------------------------------------------------------
    def titles(self) -> list[str]:
        return [name for name, _kind in self.FIELDS]

    def choices(self, field: str) -> list[tuple[Any, str]]:
        return []

    def locked_reason(self, row: int, field: str) -> str:
        """Why this cell cannot be changed ('' = it can)."""
        return ""

    def normalise(self, item):
        """Fix up a row after an edit (e.g. clear fields a kind does not use)."""
        return item

    # -- Qt model ---------------------------------------------------------------------------
    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.FIELDS)

    def headerData(self, section: int, orientation, role=ROLE.DisplayRole):
        if role == ROLE.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.titles()[section]
        if role == ROLE.DisplayRole:
            return str(section + 1)
        return None

    def kind(self, column: int) -> str:
        return self.FIELDS[column][1]

    def raw(self, index: QModelIndex) -> Any:
        return getattr(self._rows[index.row()], self.FIELDS[index.column()][0])

    def text(self, index: QModelIndex) -> str:
        value, kind = self.raw(index), self.kind(index.column())
        if kind == DECIMAL:
            return decimal_text(value)
        if kind == CHOICE:
            return dict(self.choices(self.FIELDS[index.column()][0])).get(value, str(value or ""))
        if kind == BOOL:
            return ""
        return "" if value is None else str(value)

    def data(self, index: QModelIndex, role=ROLE.DisplayRole):
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        field = self.FIELDS[index.column()][0]
        problems = self._problems.get((index.row(), field)) or (
            self._problems.get((index.row(), "")) if index.column() == 0 else None)
        if role in (ROLE.DisplayRole, ROLE.EditRole):
            return self.text(index)
        locked = self.locked_reason(index.row(), field)
        if role == ROLE.CheckStateRole and self.kind(index.column()) == BOOL and not locked:
            return Qt.CheckState.Checked if self.raw(index) else Qt.CheckState.Unchecked
        if role == ROLE.ForegroundRole and (locked or self._read_only):
            return QBrush(QColor(110, 110, 110))
        if role == ROLE.BackgroundRole and problems:
            return PROBLEM_BRUSH
        if role == ROLE.ToolTipRole:
            long_text = self.kind(index.column()) == TEXT and len(self.text(index)) > 30
            return "\n".join(problems or []) or locked or (self.text(index) if long_text else None)
        if role == ROLE.TextAlignmentRole and self.kind(index.column()) in (DECIMAL, INT):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self._read_only or self.locked_reason(index.row(), self.FIELDS[index.column()][0]):
            return flags
        if self.kind(index.column()) == BOOL:
            return flags | Qt.ItemFlag.ItemIsUserCheckable
        return flags | Qt.ItemFlag.ItemIsEditable

    def setData(self, index: QModelIndex, value: Any, role=ROLE.EditRole) -> bool:
        if not index.isValid() or not self.flags(index) & (
            Qt.ItemFlag.ItemIsEditable | Qt.ItemFlag.ItemIsUserCheckable):
            return False
        field, kind = self.FIELDS[index.column()]
        try:
            if kind == BOOL and role == ROLE.CheckStateRole:
                new = Qt.CheckState(value) == Qt.CheckState.Checked
            elif role != ROLE.EditRole or kind == BOOL:
                return False
            elif kind == DECIMAL:
                new = parse_decimal_text(str(value))
                if new is None and not self.optional(field):
                    return False
            elif kind == INT:
                new = int(value) if str(value).strip() else None
            elif kind == CHOICE:
                matches = [v for v, _label in self.choices(field) if (v or "") == (value or "")]
                if not matches:
                    return False
                new = matches[0]
            else:
                new = value
        except (NumberError, ValueError):
            return False
        if new == getattr(self._rows[index.row()], field):
            return True
        self._rows[index.row()] = self.normalise(
            dataclasses.replace(self._rows[index.row()], **{field: new}))
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), len(self.FIELDS) - 1))
        self.edited.emit()
        return True

    def optional(self, field: str) -> bool:
        return False

    # -- rows -------------------------------------------------------------------------------
    def insert_item(self, item, at: int | None = None) -> int:
        at = len(self._rows) if at is None else at
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.insert(at, item)
        self.endInsertRows()
        self.edited.emit()
        return at

    def remove_item(self, row: int) -> None:
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._rows[row]
        self.endRemoveRows()
        self.edited.emit()

    def replace_item(self, row: int, item) -> None:
        """A change made elsewhere (e.g. a criterion's levels): no `edited`."""
        self._rows[row] = item
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.FIELDS) - 1))

    def move_item(self, row: int, delta: int) -> int:
        target = row + delta
        if not (0 <= row < len(self._rows) and 0 <= target < len(self._rows)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), target + (1 if delta > 0 else 0))
        self._rows.insert(target, self._rows.pop(row))
        self.endMoveRows()
        self.edited.emit()
        return target

    def new_code(self, stem: str) -> str:
        taken = {getattr(r, "code", "") for r in self._rows}
        n = len(self._rows) + 1
        while f"{stem}{n}" in taken:
            n += 1
        return f"{stem}{n}"


class CategoriesModel(SpecTableModel):
    CODE, NAME, NAME_EN = range(3)
    FIELDS = (("code", TEXT), ("name", TEXT), ("name_en", TEXT))

    def __init__(self, parent=None) -> None:
        super().__init__("categories", parent)
        self.entries: dict[str, int] = {}  # category code -> entries (its code is fixed)

    def titles(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Name in English")]

    def locked_reason(self, row: int, field: str) -> str:
        n = self.entries.get(self._rows[row].code, 0)
        if field == "code" and n:
            return self.tr("%Ln entries are in this category; its code cannot change.", "", n)
        return ""

    def new_item(self) -> CategorySpec:
        return CategorySpec(self.new_code("kategori"), self.tr("New category"))


class CriteriaModel(SpecTableModel):
    CODE, NAME, WEIGHT, MIN, MAX, STEP, GROUP, NAME_EN = range(8)
    FIELDS = (("code", TEXT), ("name", TEXT), ("weight", DECIMAL), ("scale_min", DECIMAL),
              ("scale_max", DECIMAL), ("scale_step", DECIMAL), ("group", TEXT), ("name_en", TEXT))

    def titles(self) -> list[str]:
        return [self.tr("Code"), self.tr("Criterion"), self.tr("Weight (%)"), self.tr("Min"),
                self.tr("Max"), self.tr("Step"), self.tr("Group"), self.tr("In English")]

    def new_item(self) -> CriterionSpec:
        return CriterionSpec(self.new_code("k"), self.tr("New criterion"), Decimal(0),
                             Decimal(1), Decimal(5), Decimal(1))


class LevelsModel(SpecTableModel):
    SCORE, TEXT_ID, TEXT_EN = range(3)
    FIELDS = (("score", DECIMAL), ("text", TEXT), ("text_en", TEXT))

    def titles(self) -> list[str]:
        return [self.tr("Score"), self.tr("What it means"), self.tr("In English")]

    def new_item(self, criterion: CriterionSpec | None) -> LevelDescriptor:
        used = {level.score for level in self._rows}
        score = criterion.scale_min if criterion else Decimal(1)
        while criterion and score in used and score + criterion.scale_step <= criterion.scale_max:
            score += criterion.scale_step
        return LevelDescriptor(score, "")


class AwardTiersModel(SpecTableModel):
    CODE, LABEL, KIND, RANK_FROM, RANK_TO, MIN, MIN_INCL, MAX, MAX_INCL, CATEGORY, LABEL_EN = range(11)
    FIELDS = (("code", TEXT), ("label", TEXT), ("kind", CHOICE), ("rank_from", INT),
              ("rank_to", INT), ("min_score", DECIMAL), ("min_inclusive", BOOL),
              ("max_score", DECIMAL), ("max_inclusive", BOOL), ("category", CHOICE),
              ("label_en", TEXT))
    RANK_FIELDS = ("rank_from", "rank_to")
    BAND_FIELDS = ("min_score", "min_inclusive", "max_score", "max_inclusive")

    def __init__(self, parent=None) -> None:
        super().__init__("award_tiers", parent)
        self.categories: list[CategorySpec] = []

    def titles(self) -> list[str]:
        return [self.tr("Code"), self.tr("Label"), self.tr("Kind"), self.tr("Rank from"),
                self.tr("Rank to"), self.tr("Min score"), self.tr("Min incl."),
                self.tr("Max score"), self.tr("Max incl."), self.tr("Category"),
                self.tr("In English")]

    def choices(self, field: str) -> list[tuple[Any, str]]:
        if field == "kind":
            return [(k, award_kind_label(k)) for k in AwardKind]
        return [(None, self.tr("All categories"))] + [(c.code, c.name or c.code) for c in self.categories]

    def optional(self, field: str) -> bool:
        return field == "max_score"

    def set_categories(self, categories) -> None:
        self.categories = list(categories)
        if self._rows:
            column = self.CATEGORY
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def locked_reason(self, row: int, field: str) -> str:
        kind = self._rows[row].kind
        if kind == AwardKind.RANK and field in self.BAND_FIELDS:
            return self.tr("A rank tier has no score band.")
        if kind == AwardKind.BAND and field in self.RANK_FIELDS:
            return self.tr("A score band has no ranks.")
        return ""

    def normalise(self, item: AwardTierSpec) -> AwardTierSpec:
        if item.kind == AwardKind.RANK:
            return dataclasses.replace(item, min_score=None, max_score=None)
        return dataclasses.replace(item, rank_from=None, rank_to=None,
                                   min_score=item.min_score if item.min_score is not None else Decimal(0))

    def new_item(self) -> AwardTierSpec:
        last = max((t.rank_to or 0 for t in self._rows), default=0)
        return AwardTierSpec(self.new_code("t"), self.tr("New award"), AwardKind.RANK,
                             rank_from=last + 1, rank_to=last + 1)



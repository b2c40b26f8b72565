"""Table models and labels of the Results view (also used by the Progress view).

Sorting happens inside the models (a sort proxy calls Python per comparison); the scores
are never compared here: ordering by score means ordering by the rank the engine gave.
Numbers are exact values turned into text: `format_decimal` (half up) and the locale's
decimal sign.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from fractions import Fraction
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QCoreApplication, QLocale, QModelIndex, QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QHeaderView, QTableView

from judging_app.core.enums import (
    TIE_BREAK_CHAIR_DECISION,
    TIE_BREAK_CRITERIA_BY_WEIGHT,
    TIE_BREAK_CRITERION_PREFIX,
    TIE_BREAK_FIRST_PLACES,
    TIE_BREAK_LATER_ROUND,
    AggregationMethod,
    RoundCombination,
)
from judging_app.core.numbers import exact_text, format_decimal
from judging_app.core.scoring import RankedRow
from judging_app.services.results import ResultsView
from judging_app.ui.i18n import fill, message_text

TIE_COLOUR = QColor("#fff1b8")  # still tied after the whole chain
BLOCKING_COLOUR = QColor("#ffc9c0")  # tied across an award boundary: the chair decides
DECIDED_COLOUR = QColor("#e3f0fb")  # an equal score separated by a tie-break
CHANGED_COLOUR = QColor("#ffe4c4")  # award changes with the method
INK = QColor("#1d1d1d")

_ROLES_DISPLAY = Qt.ItemDataRole.DisplayRole
_ALIGN_NUMBER = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


def localized_number(text: str, locale: QLocale | None = None) -> str:
    """'1234.56' / '-2.31' (from format_decimal or exact_text) in the locale: '1.234,56'."""
    if not text or "/" in text:
        return text
    locale = locale or QLocale()
    negative = text.startswith("-")
    whole, _, decimals = text.lstrip("-").partition(".")
    out = locale.toString(int(whole))
    if decimals:
        out += locale.decimalPoint() + decimals
    return (locale.negativeSign() if negative else "") + out


def number_text(value: Fraction | float | None, places: int = 2, locale: QLocale | None = None
                ) -> str:
    """An exact value (or a float statistic) as text, half up, in the locale."""
    if value is None:
        return ""
    return localized_number(format_decimal(Fraction(value), places), locale)


def method_label(method: AggregationMethod | str) -> str:
    labels = {
        AggregationMethod.MEAN: QCoreApplication.translate("ResultsView", "Mean"),
        AggregationMethod.MEDIAN: QCoreApplication.translate("ResultsView", "Median"),
        AggregationMethod.TRIMMED_MEAN: QCoreApplication.translate("ResultsView", "Trimmed mean"),
        AggregationMethod.STANDARDIZED: QCoreApplication.translate("ResultsView", "Standardized"),
    }
    return labels.get(AggregationMethod(method), str(method))


def tie_break_label(name: str) -> str:
    if name.startswith(TIE_BREAK_CRITERION_PREFIX):
        return fill(QCoreApplication.translate("ResultsView", "criterion %1"),
                    name[len(TIE_BREAK_CRITERION_PREFIX):])
    labels = {
        TIE_BREAK_CRITERIA_BY_WEIGHT: QCoreApplication.translate(
            "ResultsView", "criteria by weight"),
        TIE_BREAK_LATER_ROUND: QCoreApplication.translate("ResultsView", "later round"),
        TIE_BREAK_FIRST_PLACES: QCoreApplication.translate("ResultsView", "first places"),
        TIE_BREAK_CHAIR_DECISION: QCoreApplication.translate("ResultsView", "chair's decision"),
    }
    return labels.get(name, name)


def formula_text(method: AggregationMethod, combination: RoundCombination,
                 rounds: Sequence[str]) -> str:
    """The formula in use, in words (the engine's `formula`, translated)."""
    across_judges = {
        AggregationMethod.MEAN: QCoreApplication.translate(
            "ResultsView", "mean of the judges' totals"),
        AggregationMethod.MEDIAN: QCoreApplication.translate(
            "ResultsView", "median of the judges' totals"),
        AggregationMethod.TRIMMED_MEAN: QCoreApplication.translate(
            "ResultsView", "mean without the highest and the lowest total"),
        AggregationMethod.STANDARDIZED: QCoreApplication.translate(
            "ResultsView", "mean of per-judge standardized totals"),
    }[AggregationMethod(method)]
    if combination == RoundCombination.WEIGHTED:
        across_rounds = QCoreApplication.translate(
            "ResultsView", "Σ round weight × round score / 100")
    else:
        across_rounds = fill(QCoreApplication.translate("ResultsView", "round %1 alone"),
                             ", ".join(rounds))
    return fill(QCoreApplication.translate(
        "ResultsView", "Total of a sheet = Σ weight × score / max (weights in percent, 0–100); "
        "across judges: %1; across rounds: %2."), across_judges, across_rounds)


def rounding_text() -> str:
    return QCoreApplication.translate(
        "ResultsView", "Scores are shown with two decimals, rounded half up; ranks use the exact "
        "values.")


def note_texts(view: ResultsView, round_names: dict[str, str]) -> list[str]:
    """The results' notes in the current language (the English message when unknown)."""
    out = []
    if view.note:
        out.append(fill(QCoreApplication.translate(
            "ResultsView", "The last round has not started, so the weighted final score cannot "
            "be computed yet; showing %1 alone."),
            ", ".join(round_names.get(r, r) for r in view.round_codes)))
    rounds = {r.round.id: round_names.get(r.round.code, r.round.code)
              for r in view.results.rounds}
    for note in view.results.notes:
        n, rnd = len(note.entry_ids), rounds.get(note.round_id or -1, "")
        if note.code == "incomplete_unranked":
            text = fill(QCoreApplication.translate(
                "ResultsView", "Incomplete entries not ranked (missing sheets): %1. The rules "
                "may allow incomplete entries."), n)
        elif note.code == "round_missing":
            text = fill(QCoreApplication.translate(
                "ResultsView", "Entries without a score in at least one round: %1; if "
                "incomplete entries are ranked, that round counts as 0."), n)
        elif note.code == "trimmed_mean_fallback":
            text = fill(QCoreApplication.translate(
                "ResultsView", "%1: the trimmed mean needs at least %2 sheets; the plain mean is "
                "used for %3 entries with fewer sheets."), rnd,
                view.results.rules.trimmed_min_sheets, n)
        elif note.code == "standardized_zero_spread":
            text = fill(QCoreApplication.translate(
                "ResultsView", "%1: some judges gave the same total to every entry they scored "
                "in a category; their sheets count as the panel mean."), rnd)
        else:
            text = message_text(note.message)
        out.append(text)
    return out


class RowTableModel(QAbstractTableModel):
    """Plain records in a table: a filter and a stable sort by a key per column, both done
    on the model's own list. Subclasses give headers, cells and sort keys."""

    NUMERIC: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.locale = QLocale()
        self._all: list[Any] = []
        self._rows: list[Any] = []
        self._accept: Callable[[Any], bool] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._columns: int | None = None  # the headers' count, asked for very often

    # -- for subclasses ----------------------------------------------------------------------
    def headers(self) -> Sequence[str]:
        return ()

    def cell(self, record: Any, column: int) -> str:
        return ""

    def sort_key(self, record: Any, column: int) -> Any:
        return self.cell(record, column)

    def sort_key_function(self, column: int) -> Callable[[Any], Any]:
        """A column's sort key as a function of the record, called once per row on every
        reset (subclasses return a direct one for their busiest columns)."""
        return lambda r: self.sort_key(r, column)

    def background(self, record: Any) -> QColor | None:
        return None

    def tooltip(self, record: Any, column: int) -> str | None:
        return None

    # -- the model ---------------------------------------------------------------------------
    def set_rows(self, rows: Sequence[Any], accept: Callable[[Any], bool] | None = None) -> None:
        """New records (and the filter that applies to them: one reset, one sort)."""
        self._reset(_all=list(rows), _accept=accept)

    def set_filter(self, accept: Callable[[Any], bool] | None) -> None:
        self._reset(_accept=accept)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self._reset(_sort=(column, order))

    def _reset(self, **state: Any) -> None:
        self.beginResetModel()
        self.__dict__.update(state)
        rows = self._all if self._accept is None else [r for r in self._all if self._accept(r)]
        if self._sort is not None:
            column, order = self._sort
            rows = sorted(rows, key=self.sort_key_function(column),
                          reverse=order == Qt.SortOrder.DescendingOrder)
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> Any:
        return self._rows[row]

    def rows(self) -> list[Any]:
        """The records shown, in their order."""
        return self._rows

    def all_records(self) -> list[Any]:
        return list(self._all)

    def retranslate(self) -> None:
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, max(self.columnCount() - 1, 0))
        if self._rows:
            self.dataChanged.emit(self.index(0, 0),
                                  self.index(len(self._rows) - 1, self.columnCount() - 1))

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: B008
        if self._columns is None:
            self._columns = len(self.headers())
        return 0 if parent.isValid() else self._columns

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = _ROLES_DISPLAY) -> Any:
        if role == _ROLES_DISPLAY and orientation == Qt.Orientation.Horizontal:
            headers = self.headers()
            return headers[section] if 0 <= section < len(headers) else None
        return super().headerData(section, orientation, role)

    def data(self, index: QModelIndex, role: int = _ROLES_DISPLAY) -> Any:
        if not index.isValid():
            return None
        record, column = self._rows[index.row()], index.column()
        if role == _ROLES_DISPLAY:
            return self.cell(record, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.NUMERIC:
            return _ALIGN_NUMBER
        if role == Qt.ItemDataRole.BackgroundRole:
            return self.background(record)
        if role == Qt.ItemDataRole.ForegroundRole:
            return INK if self.background(record) is not None else None
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(record, column)
        return None


def _rank_key(row: RankedRow) -> tuple:
    return (row.rank is None, row.rank or 0)


class RankingModel(RowTableModel):
    """One category's ranking: rows of the engine's RankedRow, in rank order by default."""

    RANK, AWARD, CODE, TITLE, UNIT, SCORE, SHEETS, FLAGS = range(8)
    NUMERIC = frozenset({RANK, SCORE, SHEETS})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.entries: dict = {}
        self.tier_labels: dict[str, str] = {}
        self.criterion_names: dict[str, str] = {}  # code -> name, for the tie-break notes

    def set_ranking(self, rows: Sequence[RankedRow], entries: dict, tier_labels: dict[str, str]
                    ) -> None:
        self.entries, self.tier_labels = entries, tier_labels
        self.set_rows(rows)

    def headers(self) -> Sequence[str]:
        return (self.tr("Rank"), self.tr("Award"), self.tr("Code"), self.tr("Title"),
                self.tr("Unit"), self.tr("Score"), self.tr("Sheets"), self.tr("Notes"))

    def code(self, row: RankedRow) -> str:
        return self.entries[row.entry_id].code

    def award_text(self, row: RankedRow) -> str:
        parts = [self.tier_labels.get(t, t) for t in (row.award, row.band) if t]
        return " · ".join(parts)

    def notes_of(self, row: RankedRow) -> list[str]:
        out = []
        if row.blocked:
            out.append(self.tr("Tie on an award boundary: the chair decides"))
        elif row.tied:
            out.append(self.tr("Tied"))
        if row.decided_on:
            name = self.criterion_names.get(row.decided_on, row.decided_on)
            out.append(fill(self.tr("decided by the criterion “%1”"), name))
        elif row.decided_by:
            out.append(fill(self.tr("decided by: %1"), tie_break_label(row.decided_by)))
        if row.incomplete:
            out.append(self.tr("Incomplete"))
        if row.fallback:
            out.append(self.tr("mean used (too few sheets to trim)"))
        return out

    def cell(self, row: RankedRow, column: int) -> str:
        entry = self.entries[row.entry_id]
        if column == self.RANK:
            return "" if row.rank is None else self.locale.toString(row.rank)
        if column == self.AWARD:
            return self.award_text(row)
        if column == self.CODE:
            return entry.code
        if column == self.TITLE:
            return entry.title
        if column == self.UNIT:
            return entry.unit or ""
        if column == self.SCORE:
            return localized_number(row.displayed_score, self.locale)
        if column == self.SHEETS:
            return fill("%1/%2", self.locale.toString(row.sheet_count),
                        self.locale.toString(row.expected_sheets))
        return "; ".join(self.notes_of(row))

    def sort_key(self, row: RankedRow, column: int) -> Any:
        if column in (self.RANK, self.SCORE):
            return _rank_key(row)
        if column == self.SHEETS:
            return (row.sheet_count, row.expected_sheets)
        return (self.cell(row, column).casefold(), _rank_key(row))

    def sort_key_function(self, column: int) -> Callable[[Any], Any]:
        if column in (self.RANK, self.SCORE):  # the default order: 30,000 rows at most
            return _rank_key
        return super().sort_key_function(column)

    def background(self, row: RankedRow) -> QColor | None:
        if row.blocked:
            return BLOCKING_COLOUR
        if row.tied:
            return TIE_COLOUR
        if row.decided_by:
            return DECIDED_COLOUR
        return None

    def tooltip(self, row: RankedRow, column: int) -> str | None:
        if column == self.SCORE and row.score is not None:
            if row.exact:
                return fill(self.tr("Exact score: %1"),
                            localized_number(exact_text(row.score), self.locale))
            return fill(self.tr("Score to 40 decimals: %1"),
                        localized_number(format_decimal(row.score, 40), self.locale))
        if column == self.FLAGS:
            return "\n".join(self.notes_of(row)) or None
        if column in (self.TITLE, self.UNIT, self.AWARD):
            return self.cell(row, column) or None
        return None


FIT_SAMPLE = 60  # rows from each end of the table


def fit_numeric_columns(view: QTableView, model: RowTableModel) -> None:
    """Numeric columns as wide as their header and the texts of the first and last rows
    (sorted tables have their longest numbers at one end). Qt's ResizeToContents asks the
    model for up to 1,000 rows, several roles each, on every reset and change: hundreds of
    milliseconds of Python calls for a 30,000-row ranking."""
    rows = model.rows()
    sample = rows[:FIT_SAMPLE] + rows[-FIT_SAMPLE:] if len(rows) > 2 * FIT_SAMPLE else rows
    metrics, header = view.fontMetrics(), view.horizontalHeader()
    headers = model.headers()
    for column in model.NUMERIC:
        texts = [model.cell(r, column) for r in sample]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=0)
        title = header.fontMetrics().horizontalAdvance(headers[column]) + 24  # sort arrow
        view.setColumnWidth(column, max(widest + 16, title))


def table(model: RowTableModel, name: str, widths: dict[int, int] | None = None,
          stretch: int | None = None) -> QTableView:
    """A read-only table of one-line rows, sorted by its first column; numeric columns fit
    their contents (fit_numeric_columns), `widths` sets others, `stretch` takes the
    remaining width."""
    view = QTableView()
    view.setObjectName(name)
    view.setModel(model)
    view.setWordWrap(False)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setStretchLastSection(stretch is None)
    if model.NUMERIC:
        model.modelReset.connect(lambda: fit_numeric_columns(view, model))
        model.headerDataChanged.connect(lambda *_a: fit_numeric_columns(view, model))
        fit_numeric_columns(view, model)
    for column, width in (widths or {}).items():
        view.setColumnWidth(column, width)
    if stretch is not None:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    return view

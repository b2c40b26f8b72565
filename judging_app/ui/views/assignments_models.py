"""Table models of the Assignments view: judges with their load in the round (and, while a
preview is shown, the load after automatic assignment), and the round's entries with their
judges, a count that turns to the warning colour below k, and the judges a preview would
add. A judge can be dragged from the first onto the second (`judge_dropped`). Sorting and
the "too few judges" filter happen inside the models. Tested without a window."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Sequence
from typing import Any

from PySide6.QtCore import (
    QByteArray,
    QCoreApplication,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from judging_app.core.enums import EntryStatus
from judging_app.services.assignment_queries import (
    EntryAssignments,
    JudgeLoad,
    LoadChange,
    LoadPreview,
)
from judging_app.ui.i18n import fill, format_int
from judging_app.ui.views.judges_models import RecordTableModel, muted_colour, role_label

JUDGE_MIME = "application/x-judging-app-judge"
WARNING_BACKGROUND = QColor("#fde7c4")
WARNING_TEXT = QColor("#8a4b00")
_INDEX = QModelIndex | QPersistentModelIndex
DROP_TARGET = Qt.ItemFlag.ItemIsDropEnabled
DROP_TARGET_CELL = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | DROP_TARGET


def entry_status_label(status: str) -> str:
    labels = {
        EntryStatus.REGISTERED: QCoreApplication.translate("AssignmentLabels", "Registered"),
        EntryStatus.ELIGIBLE: QCoreApplication.translate("AssignmentLabels", "Eligible"),
        EntryStatus.DISQUALIFIED: QCoreApplication.translate("AssignmentLabels", "Disqualified"),
        EntryStatus.WITHDRAWN: QCoreApplication.translate("AssignmentLabels", "Withdrawn"),
    }
    return labels.get(status, status)  # type: ignore[call-overload]


def judge_mime(code: str) -> QMimeData:
    mime = QMimeData()
    mime.setData(JUDGE_MIME, QByteArray(code.encode("utf-8")))
    mime.setText(code)
    return mime


def judge_from_mime(mime: QMimeData) -> str | None:
    if not mime.hasFormat(JUDGE_MIME):
        return None
    return bytes(mime.data(JUDGE_MIME).data()).decode("utf-8") or None


def codes_text(codes: list[str], limit: int = 10) -> str:
    """Codes for a message: the first `limit`, then how many more (…, +12)."""
    return ", ".join(codes[:limit]) + (f" … (+{len(codes) - limit})" if len(codes) > limit else "")


def preview_lines(preview: LoadPreview | None) -> str:
    """What automatic assignment would do, and its warnings, for the view's preview box."""
    if preview is None:
        return QCoreApplication.translate(
            "AssignmentsView",
            "Preview automatic assignment to see each judge's new load before anything is written.")
    p, k = preview.preview, format_int(preview.preview.judges_per_entry)
    lines = [fill(QCoreApplication.translate(
        "AssignmentsView", "Preview, not written yet. New assignments: %1."),
        format_int(len(p.new_assignments)))]
    if not p.new_assignments and not p.short_entries:
        lines.append(fill(QCoreApplication.translate(
            "AssignmentsView", "Nothing to add: every entry already has enough judges (%1)."), k))
    if p.panel_too_small:
        active = format_int(sum(c.active for c in preview.loads))
        lines.append("⚠ " + fill(QCoreApplication.translate(
            "AssignmentsView",
            "The panel is too small: judges needed per entry: %1, active judges: %2."),
            k, active))
    if p.short_entries:
        lines.append("⚠ " + fill(QCoreApplication.translate(
            "AssignmentsView",
            "Entries that cannot get %1 judges without a conflict of interest (%2): %3"),
            k, format_int(len(p.short_entries)), codes_text(sorted(p.short_entries))))
    if preview.unbalanced:
        lines.append("⚠ " + QCoreApplication.translate(
            "AssignmentsView",
            "Judges' loads would differ by more than one (conflicts or earlier assignments)."))
    return "\n".join(lines)


class JudgeLoadModel(RecordTableModel):
    """Rows: JudgeLoad; with a preview, also each judge's load after applying it."""

    COL_CODE, COL_NAME, COL_LOAD, COL_AFTER = range(4)
    COLUMN_COUNT = 4
    NUMERIC_COLUMNS = frozenset({COL_LOAD, COL_AFTER})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._changes: dict[str, LoadChange] = {}

    def set_preview(self, changes: Sequence[LoadChange] | None) -> None:
        self._changes = {c.code: c for c in changes or ()}
        self.refilter()

    def has_preview(self) -> bool:
        return bool(self._changes)

    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Name"), self.tr("Load"), self.tr("New load")]

    def identity(self, item: JudgeLoad) -> Hashable:
        return item.code

    def text(self, item: JudgeLoad, column: int) -> str:
        change = self._changes.get(item.code)
        if column == self.COL_CODE:
            return item.code
        if column == self.COL_NAME:
            return item.name if item.active else fill(self.tr("%1 (inactive)"), item.name)
        if column == self.COL_LOAD:
            return format_int(item.load)
        if column == self.COL_AFTER:
            if change is None:
                return ""
            added = f" (+{format_int(change.added)})" if change.added else ""
            return format_int(change.after) + added
        return ""

    def tooltip(self, item: JudgeLoad, column: int) -> str:
        if column in (self.COL_CODE, self.COL_NAME):
            return fill(self.tr("%1 %2 (%3) — drag onto entries to assign"), item.code,
                        item.name, role_label(item.role))
        if column == self.COL_LOAD:
            return fill(self.tr("Entries in this round: %1 · with a sheet already: %2"),
                        format_int(item.load), format_int(item.started))
        if column == self.COL_AFTER and (change := self._changes.get(item.code)):
            return fill(self.tr("%1 now, %2 added by the preview, %3 after applying it"),
                        format_int(change.current), format_int(change.added),
                        format_int(change.after))
        return self.text(item, column)

    def style(self, item: JudgeLoad, column: int, role: int) -> object:
        if role == Qt.ItemDataRole.ForegroundRole and not item.active:
            return muted_colour()
        return None

    def sort_keys(self) -> dict[int, Callable[[Any], object]]:
        def change(j: JudgeLoad) -> LoadChange | None:
            return self._changes.get(j.code)

        return {
            self.COL_CODE: lambda j: j.code.casefold(),
            self.COL_NAME: lambda j: j.name.casefold(),
            self.COL_LOAD: lambda j: j.load,
            self.COL_AFTER: lambda j: c.after if (c := change(j)) else j.load,
        }

    # -- dragging a judge ------------------------------------------------------------------
    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and self.row_at(index.row()).active:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def mimeTypes(self) -> list[str]:
        return [JUDGE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid()})
        return judge_mime(self.row_at(rows[0]).code) if rows else QMimeData()

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction


class EntryAssignmentModel(RecordTableModel):
    """Rows: EntryAssignments of one round. `k` is the number of judges each entry needs."""

    judge_dropped = Signal(str, str)  # judge code, entry code

    COL_CODE, COL_TITLE, COL_UNIT, COL_JUDGES, COL_COUNT, COL_PROPOSED = range(6)
    COLUMN_COUNT = 6
    NUMERIC_COLUMNS = frozenset({COL_COUNT})

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.k = 3
        self.short_only = False
        self.search = ""
        self._proposed: dict[str, tuple[str, ...]] = {}

    # -- settings that change what is shown ---------------------------------------------------
    def set_k(self, k: int) -> None:
        self.k = k
        self.refilter()

    def set_short_only(self, on: bool) -> None:
        self.short_only = on
        self.refilter()

    def set_search(self, text: str) -> None:
        self.search = text.strip().casefold()
        self.refilter()

    def set_proposed(self, proposed: dict[str, tuple[str, ...]] | None) -> None:
        self._proposed = dict(proposed or {})
        self.refilter()

    def is_short(self, item: EntryAssignments) -> bool:
        return item.in_round and item.count < self.k

    def short_count(self) -> int:
        return sum(self.is_short(e) for e in self.all_rows())

    def accepts(self, item: EntryAssignments) -> bool:
        if self.short_only and not self.is_short(item):
            return False
        if self.search:
            haystack = f"{item.code}\n{item.title}\n{item.unit_name}\n{' '.join(item.judges)}"
            return self.search in haystack.casefold()
        return True

    # -- cells -------------------------------------------------------------------------------
    def headers(self) -> list[str]:
        return [self.tr("Code"), self.tr("Title"), self.tr("Unit"), self.tr("Judges"),
                self.tr("Count"), self.tr("Proposed")]

    def identity(self, item: EntryAssignments) -> Hashable:
        return item.code

    def text(self, item: EntryAssignments, column: int) -> str:
        if column == self.COL_CODE:
            return item.code
        if column == self.COL_TITLE:
            return item.title
        if column == self.COL_UNIT:
            return item.unit_name
        if column == self.COL_JUDGES:
            return ", ".join(item.judges)
        if column == self.COL_COUNT:
            return format_int(item.count)
        if column == self.COL_PROPOSED:
            added = self._proposed.get(item.code)
            return "+ " + ", ".join(added) if added else ""
        return ""

    def tooltip(self, item: EntryAssignments, column: int) -> str:
        if column == self.COL_COUNT:
            if not item.in_round:
                return fill(self.tr("No longer takes part in this round (%1)"),
                            entry_status_label(item.status))
            if self.is_short(item):
                return fill(self.tr("Too few judges (under %1)"), format_int(self.k))
            return ""
        if column == self.COL_JUDGES:
            lines = [self.text(item, column)]
            if item.started:
                lines.append(fill(self.tr("Already scoring (a sheet exists, cannot be removed): %1"),
                                  ", ".join(item.started)))
            if item.conflicted:
                lines.append(fill(self.tr("Conflict of interest: %1"), ", ".join(item.conflicted)))
            return "\n".join(lines)
        return self.text(item, column)

    def style(self, item: EntryAssignments, column: int, role: int) -> object:
        if not item.in_round and role == Qt.ItemDataRole.ForegroundRole:
            return muted_colour()
        if column == self.COL_COUNT and self.is_short(item):
            if role == Qt.ItemDataRole.BackgroundRole:
                return WARNING_BACKGROUND
            if role == Qt.ItemDataRole.ForegroundRole:
                return WARNING_TEXT
        return None

    def sort_keys(self) -> dict[int, Callable[[Any], object]]:
        return {
            self.COL_CODE: lambda e: e.code.casefold(),
            self.COL_TITLE: lambda e: e.title.casefold(),
            self.COL_UNIT: lambda e: e.unit_name.casefold(),
            self.COL_JUDGES: lambda e: e.judges,
            self.COL_COUNT: lambda e: e.count,
            self.COL_PROPOSED: lambda e: self._proposed.get(e.code, ()),
        }

    # -- dropping a judge --------------------------------------------------------------------
    def flags(self, index: _INDEX) -> Qt.ItemFlag:
        # called for every cell when a selection is read: a constant, no enum arithmetic
        return DROP_TARGET_CELL if index.isValid() else DROP_TARGET

    def mimeTypes(self) -> list[str]:
        return [JUDGE_MIME]

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.CopyAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: _INDEX) -> bool:
        return judge_from_mime(data) is not None and self._target(row, parent) is not None

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: _INDEX) -> bool:
        judge, entry = judge_from_mime(data), self._target(row, parent)
        if judge is None or entry is None:
            return False
        self.judge_dropped.emit(judge, entry.code)
        return True

    def _target(self, row: int, parent: _INDEX) -> EntryAssignments | None:
        target = parent.row() if parent.isValid() else row
        return self.row_at(target) if 0 <= target < self.rowCount() else None

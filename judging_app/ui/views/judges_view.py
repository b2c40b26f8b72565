"""The Judges view: the panel (code, name, affiliation, unit, role, active, conflicts), adding
and editing a judge in a form, deactivating; below, the selected judge's conflicts of
interest — automatic (same unit, explained) and declared (with the reason) — with
"Declare conflict…" and "Withdraw conflict"."""

from __future__ import annotations

import re
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus, JudgeRole
from judging_app.services import conflicts, entries, judges
from judging_app.services.assignment_queries import (
    JudgeConflict,
    JudgeOverview,
    conflicts_of_judge,
    entry_choices,
    judge_overview,
)
from judging_app.services.competitions import get_summary
from judging_app.services.judges import JudgeInput
from judging_app.ui.i18n import fill, format_int
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.judges_dialogs import JudgesDialogs
from judging_app.ui.views.judges_models import ConflictTableModel, JudgeTableModel
from judging_app.ui.views.next_step import NextStep


def suggest_code(codes: list[str], prefix: str = "J") -> str:
    """The next free code after the highest J<number> (keeping its zero padding)."""
    numbers = [m for c in codes if (m := re.fullmatch(rf"{prefix}(\d+)", c))]
    if not numbers:
        return f"{prefix}01"
    width = max(len(m.group(1)) for m in numbers)
    return f"{prefix}{max(int(m.group(1)) for m in numbers) + 1:0{width}d}"


def judge_input(j: JudgeOverview) -> JudgeInput:
    return JudgeInput(j.code, j.name, j.affiliation, j.unit_code, j.email, j.phone,
                      JudgeRole(j.role), j.active)


def table(model, stretch: int, widths: dict[int, int] | None = None) -> QTableView:
    """A read-only table on `model`, sorted by its first column; `stretch` takes the room
    left, `widths` gives other columns a width in characters (never measured row by row:
    a table may hold 30,000 rows)."""
    view = QTableView()
    view.setModel(model)
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    view.column_chars = dict(widths or {})  # type: ignore[attr-defined]
    fit_columns(view)
    return view


def fit_columns(view: QTableView) -> None:
    """Give the sized columns their width, and at least their header's (call again after a
    language change)."""
    char = view.fontMetrics().averageCharWidth()
    model = view.model()
    for column, chars in view.column_chars.items():  # type: ignore[attr-defined]
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        needed = view.horizontalHeader().fontMetrics().horizontalAdvance(title) + 22
        view.horizontalHeader().resizeSection(column, max(chars * char + 16, needed))


def row(*items) -> QHBoxLayout:
    """Widgets and layouts side by side; (item, stretch) pairs stretch, an int is a stretch."""
    layout = QHBoxLayout()
    _fill(layout, items)
    return layout


def column(*items) -> QWidget:
    widget = QWidget()
    layout = QVBoxLayout(widget)
    layout.setContentsMargins(0, 0, 0, 0)
    _fill(layout, items)
    return widget


def _fill(layout, items) -> None:
    for item in items:
        thing, stretch = item if isinstance(item, tuple) else (item, 0)
        if isinstance(thing, int):
            layout.addStretch(thing)
        elif isinstance(thing, QWidget):
            layout.addWidget(thing, stretch)
        else:
            layout.addLayout(thing, stretch)


class JudgesView(View):
    key = "judges"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = JudgesDialogs()
        self.writable = True
        self.model = JudgeTableModel(self)
        self.conflicts_model = ConflictTableModel(self)
        self.summary = QLabel()
        self.add_button = QPushButton()
        self.edit_button = QPushButton()
        self.active_button = QPushButton()
        M = JudgeTableModel
        self.table = table(self.model, M.COL_AFFILIATION, {
            M.COL_CODE: 6, M.COL_NAME: 28, M.COL_UNIT: 22, M.COL_ROLE: 18, M.COL_ACTIVE: 6,
            M.COL_CONFLICTS: 9})
        self.table.setObjectName("judgesTable")
        self.table.doubleClicked.connect(lambda _index: self.edit_judge())
        self.conflicts_box = QGroupBox()
        self.conflicts_hint = QLabel()
        self.conflicts_hint.setWordWrap(True)
        C = ConflictTableModel
        self.conflicts_table = table(self.conflicts_model, C.COL_REASON, {
            C.COL_ENTRY: 9, C.COL_TITLE: 32, C.COL_KIND: 11})
        self.conflicts_table.setObjectName("conflictsTable")
        self.declare_button = QPushButton()
        self.withdraw_button = QPushButton()
        self._layout()
        self.add_button.clicked.connect(self.add_judge)
        self.edit_button.clicked.connect(self.edit_judge)
        self.active_button.clicked.connect(self.toggle_active)
        self.declare_button.clicked.connect(self.declare_conflict)
        self.withdraw_button.clicked.connect(self.withdraw_conflict)
        self.table.selectionModel().selectionChanged.connect(self._load_conflicts)
        self.conflicts_table.selectionModel().selectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _layout(self) -> None:
        box = QVBoxLayout(self.conflicts_box)
        box.addWidget(self.conflicts_hint)
        box.addWidget(self.conflicts_table)
        box.addLayout(row(self.declare_button, self.withdraw_button, 1))
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(column(row(self.add_button, self.edit_button, self.active_button, 1,
                                      self.summary), self.table))
        splitter.addWidget(self.conflicts_box)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.next_step = NextStep()
        layout = QVBoxLayout(self)
        layout.addWidget(self.next_step)
        layout.addWidget(splitter)

    # -- texts and data ----------------------------------------------------------------------
    def retranslate(self) -> None:
        self.add_button.setText(self.tr("&Add judge…"))
        self.edit_button.setText(self.tr("&Edit…"))
        self.declare_button.setText(self.tr("&Declare conflict…"))
        self.withdraw_button.setText(self.tr("&Withdraw conflict"))
        self.model.retranslate()
        self.conflicts_model.retranslate()
        fit_columns(self.table)
        fit_columns(self.conflicts_table)
        self._update_texts()

    def refresh(self) -> None:
        chosen = self.selected_judge()
        self.writable = get_summary(self.ctx.db, self.ctx.competition).status != CompetitionStatus.FINALIZED
        self.model.set_rows(judge_overview(self.ctx.db, self.ctx.competition))
        self.select_judge(chosen.code if chosen else None)
        self._load_conflicts()

    def _update_texts(self) -> None:
        rows = self.model.all_rows()
        if rows or not self.writable:
            self.next_step.hide()
        else:
            self.next_step.show_step(
                self.tr("No judges yet"),
                self.tr("Enrol the panel: each judge with their unit (a judge never scores the "
                        "entries of their own unit) and one chair, who decides ties at the "
                        "plenary."), [(self.tr("Add judge…"), self.add_judge)])
        self.summary.setText(fill(self.tr("Judges: %1 · active: %2 · chairs: %3"),
                                  format_int(len(rows)), format_int(sum(j.active for j in rows)),
                                  format_int(sum(j.role == JudgeRole.CHAIR for j in rows))))
        judge = self.selected_judge()
        self.active_button.setText(self.tr("Ac&tivate") if judge and not judge.active
                                   else self.tr("Deac&tivate"))
        if judge is None:
            self.conflicts_box.setTitle(self.tr("Conflicts of interest"))
            self.conflicts_hint.setText(self.tr("Select a judge to see their conflicts of interest."))
            return
        self.conflicts_box.setTitle(fill(self.tr("Conflicts of interest of %1 %2"), judge.code, judge.name))
        if not self.conflicts_model.rowCount():
            self.conflicts_hint.setText(self.tr("No conflicts of interest: this judge may score every entry."))
        else:
            self.conflicts_hint.setText(self.tr(
                "This judge never scores these entries. Automatic conflicts follow the units "
                "(change a unit to change them); declared ones can be withdrawn."))

    def _load_conflicts(self) -> None:
        judge = self.selected_judge()
        rows = conflicts_of_judge(self.ctx.db, self.ctx.competition, judge.code) if judge else []
        self.conflicts_model.set_rows(rows)
        self._update_buttons()

    def _update_buttons(self) -> None:
        judge = self.selected_judge()
        conflict = self.selected_conflict()
        self.add_button.setEnabled(self.writable)
        for b in (self.edit_button, self.active_button, self.declare_button):
            b.setEnabled(self.writable and judge is not None)
        self.withdraw_button.setEnabled(self.writable and conflict is not None and conflict.declared)
        self.withdraw_button.setToolTip(
            self.tr("Automatic conflicts follow the units: change the judge's or the entry's unit.")
            if conflict is not None and not conflict.declared else "")
        self._update_texts()

    # -- selection -------------------------------------------------------------------------
    def selected_judge(self) -> JudgeOverview | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_judge(self, code: str | None) -> None:
        row = self.model.row_of(code) if code else -1
        if row < 0:
            self.table.clearSelection()
        else:
            self.table.selectRow(row)

    def selected_conflict(self) -> JudgeConflict | None:
        rows = self.conflicts_table.selectionModel().selectedRows()
        return self.conflicts_model.row_at(rows[0].row()) if rows else None

    # -- actions ---------------------------------------------------------------------------
    def _save(self, title: str, initial: JudgeInput, action, own_code: str = "") -> None:
        """Show the form until it is saved or cancelled (a refusal keeps what was typed)."""
        units = entries.list_units(self.ctx.db, self.ctx.competition)
        taken = {j.code for j in self.model.all_rows()} - {own_code}
        data: JudgeInput | None = initial
        while True:
            data = self.dialogs.judge_form(self, title, units, taken, data)
            if data is None:
                return
            if self._write_judge(action, data) is not False:
                break
        self.refresh()
        self.select_judge(data.code)

    def _write_judge(self, action, data: JudgeInput) -> bool | None:
        """True when saved, False when refused (the form opens again), None when cancelled
        at "who is working"."""
        tried: list[bool] = []

        def write(ws):
            tried.append(True)
            action(ws, data)
            return True

        return True if self.run_write(write, self.tr("Cannot save the judge")) else (
            False if tried else None)

    def add_judge(self) -> None:
        code = suggest_code([j.code for j in self.model.all_rows()])
        self._save(self.tr("Add judge"), JudgeInput(code=code, name=""),
                   lambda ws, d: judges.add_judge(ws, self.ctx.competition, d))

    def edit_judge(self) -> None:
        j = self.selected_judge()
        if j is None or not self.writable:
            return
        self._save(fill(self.tr("Edit judge %1"), j.code), judge_input(j),
                   lambda ws, d: judges.edit_judge(ws, self.ctx.competition, j.code, d), j.code)

    def toggle_active(self) -> None:
        j = self.selected_judge()
        if j is None:
            return
        if j.active and not self.dialogs.confirm(
            self, self.tr("Deactivate judge"), fill(self.tr("Deactivate %1 %2?"), j.code, j.name),
            self.tr("An inactive judge gets no new assignments. Existing assignments and sheets "
                    "stay; remove assignments in the Assignments view if needed."),
            self.tr("Deactivate"),
        ):
            return
        data = replace(judge_input(j), active=not j.active)
        self.run_write(lambda ws: judges.edit_judge(ws, self.ctx.competition, j.code, data),
                       self.tr("Cannot change the judge"))
        self.refresh()

    def declare_conflict(self) -> None:
        j = self.selected_judge()
        if j is None:
            return
        declared = {c.entry_code for c in self.conflicts_model.all_rows() if c.declared}
        choices = [c for c in entry_choices(self.ctx.db, self.ctx.competition) if c.code not in declared]
        answer = self.dialogs.declare_conflict(self, f"{j.code} {j.name}", choices)
        if answer is None:
            return
        self.run_write(lambda ws: conflicts.declare_conflict(
            ws, self.ctx.competition, j.code, answer.entry_code, answer.reason, answer.text),
            self.tr("Cannot declare the conflict of interest"))
        self.refresh()

    def withdraw_conflict(self) -> None:
        j, c = self.selected_judge(), self.selected_conflict()
        if j is None or c is None or not c.declared:
            return
        if not self.dialogs.confirm(
            self, self.tr("Withdraw conflict of interest"),
            fill(self.tr("Withdraw the declared conflict between %1 and %2?"), j.code, c.entry_code),
            fill(self.tr("%1 may then be assigned to %2 again (unless they share a unit)."),
                 j.code, c.entry_code),
            self.tr("Withdraw the conflict"),
        ):
            return
        self.run_write(lambda ws: conflicts.withdraw_conflict(ws, self.ctx.competition, j.code, c.entry_code),
                       self.tr("Cannot withdraw the conflict of interest"))
        self.refresh()

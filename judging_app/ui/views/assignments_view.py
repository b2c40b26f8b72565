"""The Assignments view: for a scored round and k judges per entry, preview automatic
assignment (every judge's load now and after, and the warnings) before anything is written,
then apply it; change assignments by hand by selecting entries and a judge (or dragging the
judge onto entries); entries with fewer than k judges stand out and can be listed alone.
The round's data and the preview are read on a worker (30,000 entries stay responsive)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus, RoundKind
from judging_app.core.setup import RoundSpec
from judging_app.services.assignment_queries import (
    EntryAssignments,
    JudgeLoad,
    LoadPreview,
    RoundAssignments,
    preview_with_loads,
    round_assignments,
)
from judging_app.services.assignments import assign, auto_assign, unassign
from judging_app.services.competitions import get_setup, get_summary
from judging_app.services.errors import ServiceError
from judging_app.ui.i18n import ENGLISH, fill, format_int
from judging_app.ui.views.assignments_models import (
    EntryAssignmentModel,
    JudgeLoadModel,
    codes_text,
    preview_lines,
)
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.judges_view import column, fit_columns, row, table
from judging_app.ui.views.next_step import NextStep

DEFAULT_JUDGES_PER_ENTRY = 3


class AssignmentsView(View):
    key = "assignments"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.writable = True
        self.data: RoundAssignments | None = None
        self.preview: LoadPreview | None = None
        self._generation = 0  # a reload started later wins over one still running
        self._rounds: list[RoundSpec] = []
        self.round_label, self.k_label, self.judges_title = QLabel(), QLabel(), QLabel()
        self.round_combo = QComboBox()
        self.round_combo.setMinimumContentsLength(24)
        self.k_spin = QSpinBox()
        self.k_spin.setRange(1, 50)
        self.k_spin.setValue(DEFAULT_JUDGES_PER_ENTRY)
        self.round_label.setBuddy(self.round_combo)
        self.k_label.setBuddy(self.k_spin)
        self.preview_button, self.apply_button, self.discard_button = QPushButton(), QPushButton(), QPushButton()
        self.auto_box = QGroupBox()
        self.summary, self.preview_text, self.message = QLabel(), QLabel(), QLabel()
        for label in (self.summary, self.preview_text, self.message):
            label.setWordWrap(True)
        self.preview_text.setObjectName("previewText")
        J, E = JudgeLoadModel, EntryAssignmentModel
        self.judges_model = J(self)
        self.judges_table = table(self.judges_model, J.COL_NAME, {
            J.COL_CODE: 4, J.COL_LOAD: 5, J.COL_AFTER: 9})
        self.judges_table.setObjectName("judgeLoadsTable")
        self.judges_table.setDragEnabled(True)
        self.judges_table.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        self.search = QLineEdit()
        self.search.setClearButtonEnabled(True)
        self.short_only = QCheckBox()
        self.entries_model = E(self)
        self.entries_table = table(self.entries_model, E.COL_TITLE, {
            E.COL_CODE: 8, E.COL_UNIT: 14, E.COL_JUDGES: 12, E.COL_COUNT: 4, E.COL_PROPOSED: 14})
        self.entries_table.setObjectName("entryAssignmentsTable")
        self.entries_table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.entries_table.setDragDropMode(QAbstractItemView.DragDropMode.DropOnly)
        self.entries_table.setDragDropOverwriteMode(True)
        self.entries_table.setDefaultDropAction(Qt.DropAction.CopyAction)
        self.assign_button, self.remove_button = QPushButton(), QPushButton()
        self.no_matches = EmptyHint(self.entries_table, self._no_matches_text)
        self._layout()
        self.round_combo.currentIndexChanged.connect(self._round_changed)
        self.k_spin.valueChanged.connect(self._k_changed)
        self.preview_button.clicked.connect(self.preview_automatic)
        self.apply_button.clicked.connect(self.apply_preview)
        self.discard_button.clicked.connect(self.clear_preview)
        self.search.textChanged.connect(self.entries_model.set_search)
        self.short_only.toggled.connect(self.entries_model.set_short_only)
        self.assign_button.clicked.connect(self.assign_selected)
        self.remove_button.clicked.connect(self.remove_selected)
        self.entries_model.judge_dropped.connect(self.judge_dropped)
        for view in (self.judges_table, self.entries_table):
            view.selectionModel().selectionChanged.connect(self._update_buttons)
        self.entries_model.modelReset.connect(self._update_buttons)
        self.clear_preview()

    def _layout(self) -> None:
        auto = QVBoxLayout(self.auto_box)
        auto.addLayout(row(self.k_label, self.k_spin, self.preview_button, 1))
        auto.addWidget(self.preview_text)
        auto.addLayout(row(self.apply_button, self.discard_button, 1))
        left = column(self.judges_title, (self.judges_table, 1), self.auto_box)
        right = column(row(self.search, self.short_only), (self.entries_table, 1),
                       row(self.assign_button, self.remove_button, (self.message, 1)))
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setSizes([380, 700])  # the judges' names readable at 1366 pixels
        splitter.setStretchFactor(1, 1)
        self.next_step = NextStep()
        layout = QVBoxLayout(self)
        layout.addLayout(row(self.round_label, self.round_combo, (self.summary, 1)))
        layout.addWidget(self.next_step)
        layout.addWidget(splitter, 1)

    # -- texts -----------------------------------------------------------------------------
    def _no_matches_text(self) -> str | None:
        needle = self.search.text().strip()
        if needle:
            return fill(self.tr("No entry matches “%1”."), needle)
        if self.short_only.isChecked():
            return self.tr("Every entry has enough judges.")
        return None

    def retranslate(self) -> None:
        self.round_label.setText(self.tr("&Round:"))
        self.k_label.setText(self.tr("&Judges per entry:"))
        self.preview_button.setText(self.tr("&Preview"))
        self.apply_button.setText(self.tr("App&ly"))
        self.discard_button.setText(self.tr("&Discard preview"))
        self.judges_title.setText(self.tr("Judges (drag one onto entries to assign)"))
        self.auto_box.setTitle(self.tr("Automatic assignment"))
        self.search.setPlaceholderText(self.tr("Search code, title, unit or judge"))
        self.short_only.setText(self.tr("&Only entries with too few judges"))
        self.assign_button.setText(self.tr("&Assign judge to selected"))
        self.remove_button.setText(self.tr("Re&move judge from selected"))
        self._fill_rounds()
        self.no_matches.follow()
        self.judges_model.retranslate()
        self.entries_model.retranslate()
        fit_columns(self.judges_table)
        fit_columns(self.entries_table)
        self._update_texts()

    def _update_texts(self) -> None:
        k = self.k_spin.value()
        if self.round_combo.count() == 0:
            self.summary.setText(self.tr("This competition has no scored round to assign."))
        elif self.data is not None and not self.data.entries:
            self.summary.setText(self.tr(
                "No entries take part in this round yet: entries take part once they are eligible "
                "and, after a round with an advancement rule, once they have advanced."))
        elif self.data is not None:
            self.summary.setText(fill(
                self.tr("Entries in this round: %1 · assignments: %2 · with too few judges (under %3): %4"),
                format_int(sum(e.in_round for e in self.data.entries)),
                format_int(self.data.assignment_count()), format_int(k),
                format_int(self.entries_model.short_count())))
        self.preview_text.setText(preview_lines(self.preview))
        self._next_step()

    def _next_step(self) -> None:
        """What to do when the round cannot be assigned yet, or nothing is assigned."""
        d = self.data
        self.summary.setVisible(d is None or bool(d.entries))  # else the step says it
        if d is None or not self.writable:
            self.next_step.hide()
        elif not d.entries:
            self.next_step.show_step(
                self.tr("No entries to assign yet"),
                self.tr("Entries take part once they are eligible: screen them in Entries."),
                [(self.tr("Go to Entries"), lambda: self.navigate.emit("entries"))])
        elif not d.judges:
            self.next_step.show_step(
                self.tr("No judges to assign yet"),
                self.tr("Enrol the judges first, with their units."),
                [(self.tr("Go to Judges"), lambda: self.navigate.emit("judges"))])
        elif not d.assignment_count() and self.preview is None:
            self.next_step.show_step(
                self.tr("Nothing is assigned in this round yet"),
                self.tr("Let the app propose an assignment: every entry gets the number of "
                        "judges chosen below, the loads are balanced and nobody gets an entry "
                        "of their own unit. You see it before anything is saved."),
                [(self.tr("Preview an automatic assignment"), self.preview_automatic)])
        else:
            self.next_step.hide()

    # -- data --------------------------------------------------------------------------------
    def round_code(self) -> str | None:
        return self.round_combo.currentData()

    def refresh(self) -> None:
        self.writable = get_summary(self.ctx.db, self.ctx.competition).status != CompetitionStatus.FINALIZED
        self._rounds = [r for r in get_setup(self.ctx.db, self.ctx.competition).rounds
                        if r.kind == RoundKind.SCORED]
        self._fill_rounds()
        self.load()

    def _fill_rounds(self) -> None:
        """The scored rounds, named in the current language; the chosen one stays chosen."""
        english, current = self.ctx.language() == ENGLISH, self.round_code()
        self.round_combo.blockSignals(True)
        self.round_combo.clear()
        for r in self._rounds:
            self.round_combo.addItem(r.name_en if english and r.name_en else r.name, r.code)
        self.round_combo.setCurrentIndex(max(0, self.round_combo.findData(current)))
        self.round_combo.blockSignals(False)

    def load(self) -> None:
        """Read the round's entries, judges and loads on a worker; the preview is dropped."""
        self.clear_preview()
        self._generation += 1
        generation, code = self._generation, self.round_code()
        if code is None:
            self._loaded(generation, None)
            return
        self.run_in_background(
            lambda progress: round_assignments(self.ctx.db, self.ctx.competition, code, progress),
            self.tr("Reading the assignments…"), lambda result: self._loaded(generation, result),
            self.tr("Cannot read the assignments"))

    def _loaded(self, generation: int, result: RoundAssignments | None) -> None:
        if generation != self._generation:
            return
        self.data = result
        self.judges_model.set_rows(result.judges if result else [])
        self.entries_model.set_rows(result.entries if result else [])
        self._update_buttons()

    def _round_changed(self) -> None:
        self.message.clear()
        self.load()

    def _k_changed(self, k: int) -> None:
        self.clear_preview()
        self.entries_model.set_k(k)
        self._update_texts()

    def _update_buttons(self) -> None:
        has_round = self.round_code() is not None
        judge, entries = self.selected_judge(), self.entries_table.selectionModel().hasSelection()
        self.preview_button.setEnabled(self.writable and has_round)
        self.apply_button.setEnabled(self.writable and self.preview is not None
                                     and bool(self.preview.preview.new_assignments))
        self.discard_button.setEnabled(self.preview is not None)
        self.assign_button.setEnabled(self.writable and entries and judge is not None and judge.active)
        self.remove_button.setEnabled(self.writable and entries and judge is not None)
        self.assign_button.setToolTip(self.tr("Select entries and an active judge") if not
                                      self.assign_button.isEnabled() else "")
        self._update_texts()

    # -- automatic assignment -----------------------------------------------------------------
    def clear_preview(self) -> None:
        self.show_preview(None)

    def preview_automatic(self) -> None:
        code, k = self.round_code(), self.k_spin.value()
        if code is None:
            return
        self.run_in_background(
            lambda progress: preview_with_loads(self.ctx.db, self.ctx.competition, code, k),
            self.tr("Working out the assignment…"), lambda result: self._previewed(code, k, result),
            self.tr("Cannot preview the assignment"))

    def _previewed(self, code: str, k: int, result: LoadPreview) -> None:
        if code == self.round_code() and k == self.k_spin.value():  # else changed meanwhile
            self.message.clear()
            self.show_preview(result)

    def show_preview(self, preview: LoadPreview | None) -> None:
        """Show (or, with None, drop) the preview: new loads, proposed judges, warnings."""
        self.preview = preview
        self.judges_model.set_preview(preview.loads if preview else None)
        self.entries_model.set_proposed(preview.proposed if preview else None)
        self.judges_table.setColumnHidden(JudgeLoadModel.COL_AFTER, preview is None)
        self.entries_table.setColumnHidden(EntryAssignmentModel.COL_PROPOSED, preview is None)
        self._update_buttons()

    def apply_preview(self) -> None:
        """Write the previewed assignment. Like run_write (who is working, refusals shown,
        `changed` emitted) but on a worker: 30,000 entries take a few seconds."""
        if self.preview is None:
            return
        ws = self.ctx.workspace(self)
        if ws is None:
            return
        shown = self.preview.preview
        failure = self.tr("Cannot apply the assignment")

        def work(progress):
            try:
                return auto_assign(ws, self.ctx.competition, shown.round_code, shown.judges_per_entry)
            except ServiceError as exc:
                return exc

        def done(result) -> None:
            if isinstance(result, ServiceError):
                self.ctx.dialogs.show_error(self, failure, str(result).splitlines()[0], "", str(result))
                return
            self.changed.emit()
            self.load()
            text = fill(self.tr("Assignments added: %1."), format_int(len(result.new_assignments)))
            if sorted(result.new_assignments) != sorted(shown.new_assignments):
                text += " " + self.tr("The data had changed since the preview, so the result differs "
                                      "from it.")
            self.message.setText(text)

        self.run_in_background(work, self.tr("Writing the assignment…"), done, failure)

    # -- manual changes ------------------------------------------------------------------------
    def selected_judge(self) -> JudgeLoad | None:
        rows = self.judges_table.selectionModel().selectedRows()
        return self.judges_model.row_at(rows[0].row()) if rows else None

    def selected_entries(self) -> list[EntryAssignments]:
        """From the selection's ranges (selectedRows() asks the model about every cell)."""
        rows = {r for sel in self.entries_table.selectionModel().selection()
                for r in range(sel.top(), sel.bottom() + 1)}
        return [self.entries_model.row_at(r) for r in sorted(rows)]

    def assign_selected(self) -> None:
        if (judge := self.selected_judge()) is not None:
            self.change(judge.code, self.selected_entries(), adding=True)

    def remove_selected(self) -> None:
        if (judge := self.selected_judge()) is not None:
            self.change(judge.code, self.selected_entries(), adding=False)

    def judge_dropped(self, judge_code: str, entry_code: str) -> None:
        """A judge dropped on an entry: onto the selection when the entry is in it."""
        selected = self.selected_entries()
        targets = selected if entry_code in {e.code for e in selected} else [
            e for e in self.entries_model.all_rows() if e.code == entry_code]
        self.change(judge_code, targets, adding=True)

    def change(self, judge: str, entries: list[EntryAssignments], adding: bool) -> None:
        """Assign the judge to the entries, or remove them; entries where that cannot be done
        (conflict of interest; a sheet exists) or is already so are named, not sent."""
        rnd = self.round_code()
        if rnd is None or not entries or not self.writable:
            return
        if adding:
            blocked = [e.code for e in entries if judge in e.conflicted]
            unchanged = [e.code for e in entries if judge in e.judges]
        else:
            blocked = [e.code for e in entries if judge in e.started]
            unchanged = [e.code for e in entries if judge not in e.judges]
        todo = [e.code for e in entries if e.code not in blocked and e.code not in unchanged]
        comp, parts = self.ctx.competition, []
        if todo:
            use_case = assign if adding else unassign
            done = self.run_write(lambda ws: use_case(ws, comp, rnd, judge, todo),
                                  self.tr("Cannot assign the judge") if adding
                                  else self.tr("Cannot remove the assignment"))
            if done is None:
                return
            parts.append(fill(self.tr("%1 assigned to: %2.") if adding
                              else self.tr("%1 removed from: %2."), judge, codes_text(todo)))
        if unchanged:
            parts.append(fill(self.tr("Already assigned: %1.") if adding
                              else self.tr("Was not assigned: %1."), codes_text(unchanged)))
        if blocked:
            parts.append(fill(self.tr("Not assigned (conflict of interest): %1.") if adding
                              else self.tr("Kept, a sheet exists: %1."), codes_text(blocked)))
        self.message.setText(" ".join(parts))
        if todo:
            self.load()

"""Entries: the competition's entries in a table that stays quick at 30,000 rows (search as
you type, filters, sorting by any column, all inside the model: entries_model.py), the entry
form (entries_form.py), administrative screening in bulk and the government units
(entries_dialogs.py). Loading runs on a worker; saves update the table without a reload."""

from __future__ import annotations

import html

from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTableView,
    QTextBrowser,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.enums import CompetitionStatus, InnovationStage
from judging_app.core.records import EntryRecord
from judging_app.services import competitions, entries, entry_queries
from judging_app.ui.background import Cancelled
from judging_app.ui.i18n import fill, first_line, format_int
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.entries_dialogs import (
    EntriesDialogs,
    disqualify,
    mark_eligible,
    open_units,
    withdraw,
)
from judging_app.ui.views.entries_documents import EntryDocumentsPanel
from judging_app.ui.views.entries_documents_folder import (
    attach_a_folder,
    edit_limits,
    show_missing_proposals,
)
from judging_app.ui.views.entries_form import open_entry_form
from judging_app.ui.views.entries_import import (
    EntryImportDialogs,
    import_from_spreadsheet,
    save_import_template,
)
from judging_app.ui.views.entries_model import (
    COL_CATEGORY,
    COL_CODE,
    COL_INNOVATORS,
    COL_STAGE,
    COL_STARTED,
    COL_STATUS,
    COL_TITLE,
    COL_TYPE,
    COL_UNIT,
    COLUMN_COUNT,
    EntriesTableModel,
    EntryFilter,
    EntryIndex,
    stage_labels,
    status_labels,
    type_labels,
)

# Widths of the free-text columns in average characters (the others fit their contents).
TEXT_CHARS = {COL_TITLE: 44, COL_UNIT: 30, COL_CATEGORY: 20, COL_INNOVATORS: 26}


class EntriesView(View):
    key = "entries"
    loaded = Signal()  # new data is in the table (after each load)
    SEARCH_DELAY_MS = 150

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.questions = EntriesDialogs(self)
        self.import_questions = EntryImportDialogs(self)
        self.model = EntriesTableModel(self)
        self.units, self.categories, self.locked = [], [], False
        self._loading = self._reload_wanted = self._stale = self._loaded_once = False
        self._make_actions()
        self.search = QLineEdit(objectName="entrySearch", clearButtonEnabled=True)
        self.search_timer = QTimer(self, singleShot=True, interval=self.SEARCH_DELAY_MS)
        self.search_timer.timeout.connect(self.apply_filters)
        self.search.textChanged.connect(lambda _text: self.search_timer.start())
        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        self.category_filter, self.status_filter, self.stage_filter = (
            QComboBox(objectName=name) for name in ("categoryFilter", "statusFilter", "stageFilter"))
        for combo in (self.category_filter, self.status_filter, self.stage_filter):
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(16)
            combo.currentIndexChanged.connect(self.apply_filters)
            filters.addWidget(combo)
        self.count_label = QLabel(objectName="entryCount")
        self.selection_label = QLabel(objectName="selectionCount")
        self.toolbar = QToolBar(toolButtonStyle=Qt.ToolButtonStyle.ToolButtonTextOnly)
        for group in ((self.add_action, self.edit_action),
                      (self.import_menu.menuAction(), self.documents_menu.menuAction()),
                      (self.eligible_action, self.disqualify_action, self.withdraw_action),
                      (self.units_action,)):
            self.toolbar.addActions(group)
            self.toolbar.addSeparator()
        for menu in (self.import_menu, self.documents_menu):
            self.toolbar.widgetForAction(menu.menuAction()).setPopupMode(
                QToolButton.ToolButtonPopupMode.InstantPopup)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        for w in (spacer, self.selection_label, QLabel("   "), self.count_label):
            self.toolbar.addWidget(w)

        self.table = QTableView(objectName="entriesTable", alternatingRowColors=True,
                                wordWrap=False)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.table.addActions([self.edit_action, self.eligible_action, self.disqualify_action,
                               self.withdraw_action])
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # no per-row measuring
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setHighlightSections(False)
        # The header gets a selection model of its own that stays empty: with the table's,
        # Qt asks "is this column selected?" row by row on every repaint (a second at 30,000
        # selected rows). Sorting is wired here, not with setSortingEnabled, so that the
        # selection is set aside while the model sorts (see sort_by).
        header.setSelectionModel(QItemSelectionModel(self.model, header))
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(*self.model.sort_column())
        header.sortIndicatorChanged.connect(self.sort_by)
        self.table.activated.connect(lambda _index: self.edit_entry())
        self.no_matches = EmptyHint(self.table, lambda: self.tr(
            "No entries match the search or the filters.") if self.model.total_count() else None)
        self.table.selectionModel().selectionChanged.connect(self._update_state)
        self.details = QTextBrowser(objectName="entryDetails", openExternalLinks=True)
        self.documents = EntryDocumentsPanel(self)
        below = QSplitter(Qt.Orientation.Horizontal)
        below.addWidget(self.details)
        below.addWidget(self.documents)
        below.setSizes([450, 550])
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(below)
        splitter.setSizes([430, 190])
        table_page = QWidget()
        page = QVBoxLayout(table_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addLayout(filters)
        page.addWidget(splitter, 1)

        self.empty_page = QWidget(objectName="emptyState")
        self.empty_title = QLabel(objectName="emptyTitle", alignment=Qt.AlignmentFlag.AlignCenter,
                                  wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.empty_add = QPushButton(objectName="emptyAdd")
        self.empty_add.clicked.connect(self.add_action.trigger)
        empty = QVBoxLayout(self.empty_page)
        empty.addStretch(2)
        empty.addWidget(self.empty_title)
        empty.addWidget(self.empty_add, 0, Qt.AlignmentFlag.AlignCenter)
        empty.addStretch(3)
        self.stack = QStackedWidget()
        self.stack.addWidget(table_page)
        self.stack.addWidget(self.empty_page)
        layout = QVBoxLayout(self)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.stack, 1)
        self.retranslate()

    def _make_actions(self) -> None:
        def action(name: str, slot, shortcut=None) -> QAction:
            a = QAction(self, objectName=name)
            a.triggered.connect(slot)
            if shortcut is not None:
                a.setShortcut(QKeySequence(shortcut))
                a.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
                self.addAction(a)
            return a

        self.find_action = action("findEntries", self.focus_search, QKeySequence.StandardKey.Find)
        self.reload_action = action("reloadEntries", self.load, QKeySequence.StandardKey.Refresh)
        self.add_action = action("addEntry", self.add_entry, "Ctrl+Shift+N")
        self.edit_action = action("editEntry", self.edit_entry)
        self.eligible_action = action("markEligible", lambda: mark_eligible(self))
        self.disqualify_action = action("disqualify", lambda: disqualify(self))
        self.withdraw_action = action("withdraw", lambda: withdraw(self))
        self.units_action = action("units", lambda: open_units(self))
        self.import_action = action("importEntries", lambda: import_from_spreadsheet(self))
        self.template_action = action("saveImportTemplate", lambda: save_import_template(self))
        self.import_menu = QMenu(self, objectName="importMenu")  # one button: the toolbar is full
        self.import_menu.addActions([self.import_action, self.template_action])
        self.attach_folder_action = action("attachFolder", lambda: attach_a_folder(self))
        self.missing_action = action("missingProposals", lambda: show_missing_proposals(self))
        self.limits_action = action("documentLimits", lambda: edit_limits(self))
        self.documents_menu = QMenu(self, objectName="documentsMenu")
        self.documents_menu.addActions([self.attach_folder_action, self.missing_action,
                                        self.limits_action])

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search code, title, unit or innovator (Ctrl+F)"))
        for a, text in ((self.add_action, self.tr("&Add entry…")), (self.edit_action, self.tr("&Edit…")),
                        (self.eligible_action, self.tr("Mark &eligible")),
                        (self.disqualify_action, self.tr("&Disqualify…")),
                        (self.withdraw_action, self.tr("&Withdraw…")),
                        (self.units_action, self.tr("&Units…")),
                        (self.import_action, self.tr("&Import from spreadsheet…")),
                        (self.template_action, self.tr("Save import &template…")),
                        (self.import_menu.menuAction(), self.tr("&Import")),
                        (self.documents_menu.menuAction(), self.tr("D&ocuments")),
                        (self.attach_folder_action, self.tr("Attach a &folder of documents…")),
                        (self.missing_action, self.tr("Entries without a &proposal…")),
                        (self.limits_action, self.tr("Document &limits…")),
                        (self.find_action, self.tr("Find")), (self.reload_action, self.tr("Reload"))):
            a.setText(text)
        self.empty_title.setText("<p style='font-size: large'><b>{}</b></p><p>{}</p>".format(
            html.escape(self.tr("No entries yet — add one or import a spreadsheet")),
            html.escape(self.tr("Register the government units first (Units…), then add the "
                                "entries."))))
        self.empty_add.setText(self.tr("Add entry…"))
        self.model.retranslate()
        self._fill_filters()
        self.fit_columns()
        self.no_matches.follow()

    def _fill_filters(self) -> None:
        english = self.ctx.language() == "en"
        cats = [(c.name_en if english and c.name_en else c.name, c.code) for c in self.categories]
        self.model.category_names = {code: name for name, code in cats}
        for combo, everything, items in (
            (self.category_filter, self.tr("All categories"), cats),
            (self.status_filter, self.tr("All statuses"),
             [(label, code) for code, label in status_labels().items()]),
            (self.stage_filter, self.tr("All stages"),
             [(stage_labels()[s.value], s.value) for s in InnovationStage]),
        ):
            current = combo.currentData() or ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, "")
            for text, code in items:
                combo.addItem(text, code)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        self.apply_filters()
        self._update_state()

    def fit_columns(self) -> None:
        """Codes, labels and dates fit; long texts get a fixed share (no measuring of
        30,000 rows)."""
        fm, header = self.fontMetrics(), self.table.horizontalHeader()
        sample = [self.model.entry_at(r) for r in range(min(self.model.rowCount(), 200))]
        for column in range(COLUMN_COUNT - 1):
            title = self.model.headerData(column, Qt.Orientation.Horizontal)
            width = header.fontMetrics().horizontalAdvance(title) + 28  # room for the arrow
            if column in TEXT_CHARS:
                width = max(width, fm.averageCharWidth() * TEXT_CHARS[column])
            elif column == COL_STARTED:
                width = max(width, fm.horizontalAdvance("28/12/2024") + 16)
            else:
                texts = {COL_STATUS: status_labels().values(), COL_STAGE: stage_labels().values(),
                         COL_TYPE: type_labels().values(), COL_CODE: [e.code for e in sample]}
                width = max([width] + [fm.horizontalAdvance(t) + 16 for t in texts[column]])
            self.table.setColumnWidth(column, width)

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload; a view out of sight reloads when it is shown again."""
        if self._loaded_once and not self.isVisible():
            self._stale = True
        else:
            self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.load()

    def load(self) -> None:
        """Read the entries on a worker (the runner's progress dialog and Cancel)."""
        if self._loading:
            self._reload_wanted = True
            return
        self._loading = True
        self._update_state()
        db, competition = self.ctx.db, self.ctx.competition

        def work(progress):
            progress(0, 3)
            status = competitions.get_summary(db, competition).status
            categories = competitions.get_setup(db, competition).categories
            units = entries.list_units(db, competition)
            progress(1, 3)
            records = entry_queries.list_entry_records(db, competition)
            progress(2, 3)
            return status, categories, units, EntryIndex(records, [c.code for c in categories])

        def failed(exc: BaseException, trace: str) -> None:
            self._loading = self._reload_wanted = False
            self._update_state()
            if not isinstance(exc, Cancelled):
                self.ctx.dialogs.show_error(self, self.tr("Cannot load the entries"),
                                            first_line(exc), "", trace)

        self.ctx.runner.run(work, label=self.tr("Loading entries…"), parent=self,
                            on_done=self._loaded, on_error=failed)

    def _loaded(self, result) -> None:
        status, categories, self.units, index = result
        self.locked = status == CompetitionStatus.FINALIZED
        first = not self._loaded_once
        self._loading, self._loaded_once = False, True
        if list(categories) != self.categories:
            self.categories = list(categories)
            self._fill_filters()
        selected = self.selected_codes()
        self.model.set_index(index)
        if first:
            self.fit_columns()
        self.select_codes(selected)
        self._update_state()
        self.loaded.emit()
        if self._reload_wanted:
            self._reload_wanted = False
            self.load()

    # -- filtering and selection ---------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def apply_filters(self) -> None:
        """The search text (after the typing pause) and the three filters; the selection
        keeps the entries that are still shown."""
        self.search_timer.stop()
        f = EntryFilter(self.search.text(), self.category_filter.currentData() or "",
                        self.status_filter.currentData() or "", self.stage_filter.currentData() or "")
        if f != self.model.entry_filter():
            selected = self.model.positions(self._spans())
            self.model.set_filter(f)
            if selected:
                self.select_rows(self.model.rows_at(selected))
            self._update_state()

    def sort_by(self, column: int, order: Qt.SortOrder) -> None:
        """The model sorts its own rows; the selected entries stay selected."""
        selected = self.model.positions(self._spans())
        self.table.selectionModel().clearSelection()
        self.model.sort(column, order)
        if selected:
            self.select_rows(self.model.rows_at(selected))

    def _spans(self) -> list[tuple[int, int]]:
        return [(r.top(), r.bottom()) for r in self.table.selectionModel().selection()]

    def selected_rows(self) -> list[int]:
        rows: set[int] = set()
        for top, bottom in self._spans():
            rows.update(range(top, bottom + 1))
        return sorted(rows)

    def selected_entries(self) -> list[EntryRecord]:
        return [self.model.entry_at(row) for row in self.selected_rows()]

    def selected_codes(self) -> list[str]:
        return [e.code for e in self.selected_entries()]

    def select_codes(self, codes) -> None:
        self.select_rows(self.model.rows_of(codes))

    def select_rows(self, rows: list[int]) -> None:
        """Select these shown rows (ascending; contiguous rows as one range)."""
        selection, start = QItemSelection(), 0
        for i in range(1, len(rows) + 1):
            if i == len(rows) or rows[i] != rows[i - 1] + 1:
                selection.select(self.model.index(rows[start], 0),
                                 self.model.index(rows[i - 1], COLUMN_COUNT - 1))
                start = i
        flags = QItemSelectionModel.SelectionFlag
        self.table.selectionModel().select(selection, flags.ClearAndSelect | flags.Rows)
        if rows:
            self.table.selectionModel().setCurrentIndex(self.model.index(rows[0], 0), flags.NoUpdate)

    def _update_state(self) -> None:
        total, shown = self.model.total_count(), self.model.rowCount()
        empty = self._loaded_once and not total
        self.stack.setCurrentWidget(self.empty_page if empty else self.stack.widget(0))
        if not self._loaded_once:
            self.count_label.setText(self.tr("Loading entries…") if self._loading
                                     else self.tr("Not loaded (F5 loads the entries)"))
        elif shown == total:
            self.count_label.setText(self.tr("%Ln entry(s)", "", total))
        else:
            self.count_label.setText(fill(self.tr("%1 of %Ln entry(s)", "", total), format_int(shown)))
        rows = self.selected_rows()
        self.selection_label.setText(fill(self.tr("%1 selected"), format_int(len(rows))) if rows else "")
        writable = self._loaded_once and not self.locked
        for a in (self.add_action, self.units_action, self.import_action, self.empty_add,
                  self.attach_folder_action, self.limits_action):
            a.setEnabled(writable)
        self.edit_action.setEnabled(writable and len(rows) == 1)
        for a in (self.eligible_action, self.disqualify_action, self.withdraw_action):
            a.setEnabled(writable and bool(rows))
        self._show_details(self.model.entry_at(rows[0]) if len(rows) == 1 else None)
        self.documents.set_entry(self.model.entry_at(rows[0]).code if len(rows) == 1 else None,
                                 writable)

    def _show_details(self, e: EntryRecord | None) -> None:
        if e is None:
            hint = self.tr("Select one entry to read its summary, contacts and links.")
            self.details.setHtml(f'<span style="color: gray">{html.escape(hint)}</span>')
            return
        esc = html.escape
        facts = [e.unit_name, self.model.display_text(e, COL_CATEGORY), self.model.display_text(e, COL_STATUS)
                 + (f" — {e.status_reason}" if e.status_reason else ""), e.innovators, e.contact]
        links = "<br>".join(f'<a href="{esc(u)}">{esc(u)}</a>' for u in e.links.splitlines() if u)
        self.details.setHtml(f"<b>{esc(e.code)} — {esc(e.title)}</b><br>"
                             f"{' · '.join(esc(t) for t in facts if t)}"
                             f"<p>{esc(e.summary)}</p>{links}")

    # -- writing -------------------------------------------------------------------------------
    def add_entry(self) -> None:
        if self.add_action.isEnabled():
            open_entry_form(self, None)

    def edit_entry(self) -> None:
        chosen = self.selected_entries()
        if len(chosen) == 1 and self.edit_action.isEnabled():
            open_entry_form(self, chosen[0])

    def entry_saved(self, saved: EntryRecord, old_code: str | None) -> None:
        """After the form saved: show the entry as saved (no reload), selected."""
        self.model.put_record(saved, old_code)
        self.select_codes([saved.code])
        self.table.scrollTo(self.table.currentIndex())
        self._update_state()
        self.changed.emit()

    def statuses_saved(self, codes: list[str], status: str, reason: str) -> None:
        """After a screening decision: show it without a reload, the entries still selected."""
        self.model.set_status(codes, status, reason)
        self.select_codes(codes)
        self._update_state()
        self.changed.emit()

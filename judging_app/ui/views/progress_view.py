"""Progress: per judge and per entry of a scored round, how many score sheets are submitted,
in draft or not started, and which entries block the results."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QPainter, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionProgressBar,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.services import progress
from judging_app.services.progress import EntryProgress, JudgeProgress, RoundProgress
from judging_app.ui.i18n import ENGLISH, fill
from judging_app.ui.views.base import View, ViewContext
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.next_step import NextStep
from judging_app.ui.views.results_models import BLOCKING_COLOUR, RowTableModel, table

PERCENT_ROLE = Qt.ItemDataRole.UserRole + 1


class JudgeProgressModel(RowTableModel):
    CODE, NAME, ASSIGNED, SUBMITTED, DRAFT, NOT_STARTED, PROGRESS = range(7)
    NUMERIC = frozenset({ASSIGNED, SUBMITTED, DRAFT, NOT_STARTED})

    def headers(self) -> Sequence[str]:
        return (self.tr("Code"), self.tr("Judge"), self.tr("Assigned"), self.tr("Submitted"),
                self.tr("Draft"), self.tr("Not started"), self.tr("Submitted share"))

    def _count(self, j: JudgeProgress, column: int) -> int:
        return {self.ASSIGNED: j.assigned, self.SUBMITTED: j.submitted, self.DRAFT: j.draft,
                self.NOT_STARTED: j.not_started, self.PROGRESS: j.percent_submitted}[column]

    def cell(self, j: JudgeProgress, column: int) -> str:
        if column == self.CODE:
            return j.code
        if column == self.NAME:
            return j.name if j.active else fill(self.tr("%1 (inactive)"), j.name)
        if column == self.PROGRESS:
            return fill("%1%", self.locale.toString(j.percent_submitted))
        return self.locale.toString(self._count(j, column))

    def sort_key(self, j: JudgeProgress, column: int) -> Any:
        if column in (self.CODE, self.NAME):
            return self.cell(j, column).casefold()
        return self._count(j, column)

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == PERCENT_ROLE and index.isValid():
            return self.record(index.row()).percent_submitted
        return super().data(index, role)


class EntryProgressModel(RowTableModel):
    CODE, TITLE, CATEGORY, EXPECTED, SUBMITTED, DRAFT, MISSING, STATUS = range(8)
    NUMERIC = frozenset({EXPECTED, SUBMITTED, DRAFT, MISSING})

    def headers(self) -> Sequence[str]:
        return (self.tr("Code"), self.tr("Title"), self.tr("Category"),
                self.tr("Expected"), self.tr("Submitted"), self.tr("Draft"), self.tr("Missing"),
                self.tr("Status"))

    def status(self, e: EntryProgress) -> str:
        if e.blocking:
            return self.tr("Blocking results")
        if not e.assigned:
            return self.tr("No judges assigned")
        return self.tr("Complete") if e.complete else self.tr("Incomplete (allowed)")

    def _count(self, e: EntryProgress, column: int) -> int:
        return {self.EXPECTED: e.expected, self.SUBMITTED: e.submitted, self.DRAFT: e.draft,
                self.MISSING: e.missing}[column]

    def cell(self, e: EntryProgress, column: int) -> str:
        texts = {self.CODE: e.code, self.TITLE: e.title, self.CATEGORY: e.category_name}
        if column in texts:
            return texts[column]
        if column == self.STATUS:
            return self.status(e)
        return self.locale.toString(self._count(e, column))

    def sort_key(self, e: EntryProgress, column: int) -> Any:
        if column in self.NUMERIC:
            return self._count(e, column)
        if column == self.STATUS:
            return (not e.blocking, e.assigned, e.complete)
        return self.cell(e, column).casefold()

    def sort_key_function(self, column: int) -> Callable[[EntryProgress], Any]:
        if column == self.CODE:  # the default order: 30,000 rows
            return lambda e: e.code.casefold()
        return super().sort_key_function(column)

    def background(self, e: EntryProgress) -> QColor | None:
        return BLOCKING_COLOUR if e.blocking else None

    def tooltip(self, e: EntryProgress, column: int) -> str | None:
        return f"{e.code} — {e.title}\n{e.unit}" if column == self.TITLE else None


class ProgressBarDelegate(QStyledItemDelegate):
    """Draws the percentage in PERCENT_ROLE as a progress bar."""

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        value = index.data(PERCENT_ROLE)
        if value is None:
            super().paint(painter, option, index)
            return
        bar = QStyleOptionProgressBar()
        bar.rect = option.rect.adjusted(3, 3, -3, -3)
        bar.minimum, bar.maximum, bar.progress = 0, 100, int(value)
        bar.text = index.data(Qt.ItemDataRole.DisplayRole)
        bar.textVisible = True
        bar.textAlignment = Qt.AlignmentFlag.AlignCenter
        bar.state = option.state | QStyle.StateFlag.State_Horizontal
        style = option.widget.style() if option.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ProgressBar, bar, painter, option.widget)


class ProgressView(View):
    key = "progress"

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.data: RoundProgress | None = None
        self._loaded = self._stale = False
        self._request = 0
        self._job = None  # the load under way
        self.round_label = QLabel()
        self.round = QComboBox()
        self.round.setObjectName("round")
        self.round_label.setBuddy(self.round)
        self.round.activated.connect(lambda _i: self.load())
        self.summary = QLabel()
        self.summary.setObjectName("summary")
        self.summary.setWordWrap(True)
        self.judges = JudgeProgressModel(self)
        m = JudgeProgressModel
        self.judge_table = table(self.judges, "judgeTable", {m.CODE: 70, m.PROGRESS: 170},
                                 stretch=m.NAME)
        self.judge_table.setItemDelegateForColumn(JudgeProgressModel.PROGRESS,
                                                  ProgressBarDelegate(self.judge_table))
        self.entries = EntryProgressModel(self)
        e = EntryProgressModel
        self.entry_table = table(self.entries, "entryTable", {e.CODE: 80, e.CATEGORY: 130,
                                                               e.STATUS: 130},
                                 stretch=e.TITLE)
        self.only_blocking = QCheckBox()
        self.only_blocking.setObjectName("onlyBlocking")
        self.only_blocking.toggled.connect(lambda _c: self._filter())
        self.find = QLineEdit()
        self.find.setObjectName("find")
        self.find.setClearButtonEnabled(True)
        self.find.textChanged.connect(lambda _t: self._filter())
        self.shown = QLabel()
        self.no_matches = EmptyHint(self.entry_table, self._no_matches_text)
        self.judges_box, self.entries_box = QGroupBox(), QGroupBox()
        QVBoxLayout(self.judges_box).addWidget(self.judge_table)
        filters = QHBoxLayout()
        filters.addWidget(self.only_blocking)
        filters.addWidget(self.find, 1)
        filters.addWidget(self.shown)
        el = QVBoxLayout(self.entries_box)
        el.addLayout(filters)
        el.addWidget(self.entry_table, 1)
        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(self.judges_box)
        split.addWidget(self.entries_box)
        split.setStretchFactor(0, 1)
        split.setStretchFactor(1, 3)
        split.setSizes([230, 470])  # room for a panel of five judges
        self.paper_button = QPushButton()
        self.paper_button.setObjectName("paperSheets")
        self.paper_button.clicked.connect(self.open_paper_sheets)
        top = QHBoxLayout()
        top.addWidget(self.round_label)
        top.addWidget(self.round)
        top.addWidget(self.summary, 1)
        top.addWidget(self.paper_button)
        self.sheets = Loadable(split)  # the counts, or what is being done instead
        self.next_step = NextStep()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.next_step)
        layout.addWidget(self.sheets, 1)
        self.retranslate()

    def refresh(self) -> None:
        if self._loaded and not self.isVisible():
            self._stale = True  # reloaded when shown again
            return
        self._loaded, self._stale = True, False
        chosen = self.round.currentData()
        rounds = progress.scored_rounds(self.ctx.db, self.ctx.competition)
        self.round.clear()
        english = self.ctx.language() == ENGLISH
        for r in rounds:
            self.round.addItem(r.name_en or r.name if english else r.name, r.code)
        index = self.round.findData(chosen if chosen else progress.default_round(rounds))
        self.round.setCurrentIndex(max(index, 0))
        self.load()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def load(self) -> None:
        code = self.round.currentData()
        if code is None:
            return
        self._request += 1
        request, db, comp = self._request, self.ctx.db, self.ctx.competition

        def done(data: RoundProgress) -> None:
            if request == self._request:
                self.show_progress(data)
                self.sheets.finish()

        if self._job is not None:
            self._job.cancel()
        self._job = self.load_in_background(
            lambda _p: progress.round_progress(db, comp, code), [self.sheets],
            self.tr("Counting the score sheets…"), done, self.tr("Cannot count the score sheets"))

    def show_progress(self, data: RoundProgress) -> None:
        self.data = data
        self.judges.set_rows(data.judges)
        self.entries.set_rows(data.entries, self._accept())  # one reset, one sort
        self.retranslate()
        self._next_step()

    def _next_step(self) -> None:
        if self.data is None or self.data.expected:
            self.next_step.hide()
        else:
            self.next_step.show_step(
                self.tr("No score sheets are expected in this round yet"),
                self.tr("Sheets are expected once judges are assigned to the eligible entries "
                        "of the round."),
                [(self.tr("Go to Assignments"), lambda: self.navigate.emit("assignments"))])

    def _filter(self) -> None:
        self.entries.set_filter(self._accept())
        self.retranslate()

    def _accept(self) -> Callable[[EntryProgress], bool] | None:
        only, needle = self.only_blocking.isChecked(), self.find.text().strip().casefold()
        if not only and not needle:
            return None

        def accept(e: EntryProgress) -> bool:
            return (not only or e.blocking) and (
                not needle or needle in e.code.casefold() or needle in e.title.casefold())

        return accept

    def open_paper_sheets(self) -> None:
        """Typed-up paper sheets, entered twice by two people before they count."""
        from judging_app.ui.views.paper_entry import PaperEntryDialog

        if not self.round.currentData():
            return
        dialog = PaperEntryDialog(self.ctx, self.round.currentData(), self)
        dialog.changed.connect(self.load)
        dialog.changed.connect(self.changed.emit)
        dialog.exec()
        dialog.deleteLater()

    def retranslate(self) -> None:
        self.paper_button.setText(self.tr("&Paper sheets…"))
        self.round_label.setText(self.tr("&Round:"))
        self.judges_box.setTitle(self.tr("Judges"))
        self.entries_box.setTitle(self.tr("Entries"))
        self.only_blocking.setText(self.tr("Only entries &blocking results"))
        self.find.setPlaceholderText(self.tr("Find code or title"))
        n = self.entries.locale.toString
        self.shown.setText(fill(self.tr("Shown: %1 of %2"), n(self.entries.rowCount()),
                                n(len(self.data.entries) if self.data else 0)))
        self.summary.setText(self._summary_text())
        self.judges.retranslate()
        self.entries.retranslate()
        self.no_matches.follow()

    def _no_matches_text(self) -> str | None:
        if self.data is None or not self.data.entries:
            return None  # the summary says why the table is empty
        needle = self.find.text().strip()
        if needle:
            return fill(self.tr("No entry matches “%1”."), needle)
        return self.tr("No entry blocks the results.") if self.only_blocking.isChecked() else None

    def _summary_text(self) -> str:
        d = self.data
        if d is None:
            return ""
        if not d.entries:
            return self.tr("No entries take part in this round yet.")
        n = self.entries.locale.toString
        parts = [fill(self.tr("Sheets submitted: %1 of %2 (%3%); in draft: %4; not started: %5."),
                      n(d.submitted), n(d.expected), n(d.percent_submitted), n(d.draft),
                      n(d.not_started))]
        if d.allow_incomplete:
            parts.append(self.tr("The rules allow incomplete entries: none blocks the results."))
        else:
            parts.append(fill(self.tr("Entries blocking results: %1."),
                              n(len(d.blocking_entries))))
        if d.unassigned_entries:
            parts.append(fill(self.tr("Entries without judges: %1."),
                              n(len(d.unassigned_entries))))
        return " ".join(parts)

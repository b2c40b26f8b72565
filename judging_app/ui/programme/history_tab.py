"""A unit's history: its names and the units merged into it, then year by year its numbers,
its entries (every competition, awards, where they were forwarded), the monitoring of its
innovations and the innovations of others it replicated."""

from __future__ import annotations

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from judging_app.services import registry
from judging_app.services.unit_history import UnitHistory, unit_history
from judging_app.ui.i18n import fill, locale_for
from judging_app.ui.programme.base import ProgrammeTab
from judging_app.ui.programme.models import STANDS_OUT, level_label, relation_label, state_label
from judging_app.ui.views.assignments_models import entry_status_label


class HistoryTab(ProgrammeTab):
    key = "history"

    def __init__(self, ctx, dialogs, parent: QWidget | None = None) -> None:
        super().__init__(ctx, dialogs, parent)
        self.history: UnitHistory | None = None
        self.unit_label = QLabel()
        self.unit_box = QComboBox()
        self.unit_box.setObjectName("unitBox")
        self.unit_box.setMinimumWidth(420)
        self.unit_box.currentIndexChanged.connect(lambda _i: self.load())
        top = QHBoxLayout()
        top.addWidget(self.unit_label)
        top.addWidget(self.unit_box, 1)
        self.about = QLabel()
        self.about.setObjectName("unitAbout")
        self.about.setWordWrap(True)
        self.tree = QTreeWidget()
        self.tree.setObjectName("historyTree")
        self.tree.setColumnCount(5)
        self.tree.setAlternatingRowColors(True)
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, 300)  # long competition names are elided, not the titles
        for column in range(2, 5):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.about)
        layout.addWidget(self.tree, 1)

    def retranslate(self) -> None:
        self.unit_label.setText(self.tr("Government unit:"))
        self.tree.setHeaderLabels([self.tr("Year / innovation"), self.tr("Competition"),
                                   self.tr("Status"), self.tr("Award"), self.tr("Innovation")])
        self._show()

    def refresh(self) -> None:
        current = self.unit_box.currentData()
        self.unit_box.blockSignals(True)
        self.unit_box.clear()
        for unit in registry.list_registry_units(self.ctx.db):
            self.unit_box.addItem(f"{unit.name} ({unit.code})", unit.code)
        if current is not None and self.unit_box.findData(current) >= 0:
            self.unit_box.setCurrentIndex(self.unit_box.findData(current))
        self.unit_box.blockSignals(False)
        self.load()

    def show_unit(self, code: str) -> None:
        index = self.unit_box.findData(code)
        if index >= 0:
            self.unit_box.setCurrentIndex(index)

    def load(self) -> None:
        code = self.unit_box.currentData()
        self.history = unit_history(self.ctx.db, code) if code else None
        self._show()

    def _date(self, day) -> str:
        return locale_for(self.ctx.language()).toString(day, "d MMMM yyyy")

    def _show(self) -> None:
        self.tree.clear()
        if self.history is None:
            self.about.setText(self.tr("The register has no units yet."))
            return
        u = self.history.unit
        lines = [f"{u.name} ({u.code})"]
        lines += [fill(self.tr("named %1 from %2"), name, self._date(since))
                  for since, name in u.names if since]
        if u.ended_on:
            lines.append(fill(self.tr("merged into %1 on %2"), u.successor_code,
                              self._date(u.ended_on)) if u.successor_code
                         else fill(self.tr("ended on %1"), self._date(u.ended_on)))
        for a in self.history.absorbed:
            lines.append(fill(self.tr("%1 (%2) merged into it on %3; its history is shown "
                                      "here"), a.name, a.code, self._date(a.ended_on)))
        self.about.setText("\n".join(lines))
        bold = QFont()
        bold.setBold(True)
        for y in reversed(self.history.years):
            item = self._year(y, bold)
            self.tree.addTopLevelItem(item)
            item.setFirstColumnSpanned(True)  # the year's line reads across the columns
        self.tree.expandAll()

    def _year(self, y, bold: QFont) -> QTreeWidgetItem:
        n = y.numbers
        if n is None:
            head = fill(self.tr("%1 — not listed on its own"), y.year)
        else:
            head = fill(self.tr("%1 — %2 registered, %3 entered, %4 eligible, %5 awarded"),
                        y.year, n.registered, n.entered, n.eligible, n.awarded)
        if n is not None and not n.compliant:
            head += " — " + self.tr("no innovation this year")
        item = QTreeWidgetItem([head])
        item.setFont(0, bold)
        if n is not None and not n.compliant:
            item.setBackground(0, STANDS_OUT)
        for e in y.entries:
            via = f" [{e.unit}]" if e.unit != self.history.unit.code else ""  # merged in
            title = f"{e.entry}{via} {e.title}"
            if e.forwarded_to:
                title += " → " + ", ".join(e.forwarded_to)
            line = QTreeWidgetItem(item, [
                title, f"{e.competition_name} ({level_label(e.level)})",
                entry_status_label(e.status), e.award or "",
                f"{e.innovation or ''} {relation_label(e.relation)}".strip()])
            line.setToolTip(0, title)
            line.setToolTip(1, line.text(1))
        for s in y.statuses:
            who = ", ".join(name for _, name in s.replicated_by)
            state = state_label(s.state) + (
                fill(self.tr("; replicated by %1"), who) if who else "")
            QTreeWidgetItem(item, [f"{s.title} — {s.note}" if s.note else s.title,
                                   self.tr("Monitoring"), state, "", s.innovation])
        for s in y.replicated:
            QTreeWidgetItem(item, [fill(self.tr("Replicated %1 (of %2)"), s.title, s.owner),
                                   self.tr("Monitoring"), state_label(s.state), "",
                                   s.innovation])
        return item

"""The Results view's detailed ranking: one category at a time (or the overall ranking),
searchable by code or title, with the colours of ties and tie-breaks, and above it the
blocking ties waiting for the chair's decision."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from judging_app.core.scoring import RankedRow
from judging_app.ui.i18n import fill
from judging_app.ui.views.empty_hint import EmptyHint
from judging_app.ui.views.results_decision import BlockingTiesPanel
from judging_app.ui.views.results_models import (
    BLOCKING_COLOUR,
    DECIDED_COLOUR,
    TIE_COLOUR,
    RankingModel,
    table,
)


class RankingPage(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows_by_group: dict[str | None, Sequence[RankedRow]] = {}
        self.entries: dict = {}
        self.tier_labels: dict[str, str] = {}
        self.category_names: dict[str, str] = {}
        self.category_label, self.find_label = QLabel(), QLabel()
        self.category = QComboBox()
        self.category.setObjectName("category")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.category.currentIndexChanged.connect(lambda _i: self.show_category())
        self.category_label.setBuddy(self.category)
        self.find = QLineEdit()
        self.find.setObjectName("find")
        self.find.setClearButtonEnabled(True)
        self.find.setMinimumWidth(180)
        self.find.textChanged.connect(lambda _t: self.show_category())
        self.find_label.setBuddy(self.find)
        self.legend = QLabel()
        self.legend.setObjectName("legend")
        top = QHBoxLayout()
        for w in (self.category_label, self.category, self.find_label, self.find):
            top.addWidget(w)
        top.addStretch(1)
        self.model = RankingModel(self)
        m = RankingModel
        self.table = table(self.model, "rankingTable", {m.AWARD: 125, m.CODE: 80, m.UNIT: 150,
                                                        m.FLAGS: 290}, stretch=m.TITLE)
        self.no_matches = EmptyHint(self.table, lambda: fill(self.tr(
            "No entry in this category matches “%1”."), self.find.text().strip())
            if self.find.text().strip() else None)
        self.ties_panel = BlockingTiesPanel()
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.ties_panel)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.legend)

    def set_ranking(self, rows_by_group: dict[str | None, Sequence[RankedRow]],
                    entries: dict, tier_labels: dict[str, str],
                    category_names: dict[str, str]) -> None:
        """New results: the categories offered (keeping the one chosen) and its ranking."""
        self.rows_by_group, self.entries = rows_by_group, entries
        self.tier_labels, self.category_names = tier_labels, category_names
        chosen = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        for group in rows_by_group:
            self.category.addItem("", group)
        self.category.setCurrentIndex(max(self.category.findData(chosen), 0))
        self.category.blockSignals(False)
        self.retranslate()
        self.show_category()

    def show_category(self) -> None:
        group, needle = self.category.currentData(), self.find.text().strip().casefold()
        rows = self.rows_by_group.get(group, ())
        if needle:
            entries = self.entries
            rows = [r for r in rows if needle in entries[r.entry_id].code.casefold()
                    or needle in entries[r.entry_id].title.casefold()]
        self.model.set_ranking(rows, self.entries, self.tier_labels)

    def retranslate(self) -> None:
        self.model.tier_labels = self.tier_labels
        self.category_label.setText(self.tr("&Category:"))
        self.find_label.setText(self.tr("F&ind:"))
        self.find.setPlaceholderText(self.tr("Code or title"))
        self.legend.setText(" ".join(
            f'<span style="background:{c.name()}; color:#1d1d1d">&nbsp;{t}&nbsp;</span>'
            for c, t in ((TIE_COLOUR, self.tr("tied")),
                         (BLOCKING_COLOUR, self.tr("tie on an award boundary")),
                         (DECIDED_COLOUR, self.tr("equal score, separated by a tie-break")))))
        for i in range(self.category.count()):
            group = self.category.itemData(i)
            self.category.setItemText(i, self.category_names.get(group, group) if group
                                      else self.tr("All entries (overall ranking)"))
        self.model.retranslate()
        self.no_matches.follow()
        self.ties_panel.retranslate()

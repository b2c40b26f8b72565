"""The winners overview: every category's award places on one page, before the detailed
ranking. A place shows its tier label, the entry, its unit and score; a blocking tie shows
where the awards it straddles would be, with "Decide…" leading to the chair's decision.
The places are computed with the results on a worker thread (results_load.py); until they
arrive the page shows the loading state, never an empty list that looks final."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.scoring import TieGroup
from judging_app.core.scoring.winners import CategoryWinners, Place
from judging_app.ui.i18n import fill
from judging_app.ui.views.loading import Loadable
from judging_app.ui.views.results_models import BLOCKING_COLOUR, localized_number

MUTED = "#5f6368"


class WinnersPage(Loadable):
    decideRequested = Signal(object)  # the TieGroup the chair must decide

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(QScrollArea(), parent)
        self.setObjectName("winnersPage")
        self.scroll: QScrollArea = self.content
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.inner = QWidget()
        self.column = QVBoxLayout(self.inner)
        self.column.setSpacing(10)
        self.scroll.setWidget(self.inner)
        self.groups: Sequence[CategoryWinners] = ()
        self.entries: dict = {}
        self.tier_labels: dict[str, str] = {}
        self.category_names: dict[str, str] = {}
        self.allowed = False
        self.decide_buttons: list[QPushButton] = []
        self.empty = QLabel()
        self.empty.setObjectName("winnersEmpty")
        self.empty.setWordWrap(True)
        self.empty.setStyleSheet(f"color: {MUTED}; padding: 16px;")

    def set_winners(self, groups: Sequence[CategoryWinners], entries: dict,
                    tier_labels: dict[str, str], category_names: dict[str, str],
                    allowed: bool) -> None:
        self.groups, self.entries = groups, entries
        self.tier_labels, self.category_names, self.allowed = tier_labels, category_names, allowed
        self.rebuild()

    def rebuild(self) -> None:
        """Lay the places out again (after new results or a change of language)."""
        while self.column.count():
            item = self.column.takeAt(0)
            widget = item.widget()
            if widget is not None and widget is not self.empty:
                widget.deleteLater()
        self.decide_buttons = []
        shown = [g for g in self.groups if g.places]
        for group in shown:
            self.column.addWidget(self._category_box(group))
        self.empty.setText(self.tr("No award is given yet: no entry is ranked (see Progress "
                                   "for the sheets still missing)."))
        self.empty.setVisible(not shown)
        self.column.addWidget(self.empty)
        self.column.addStretch(1)

    def _category_box(self, group: CategoryWinners) -> QGroupBox:
        name = self.category_names.get(group.group or "", "") if group.group else ""
        box = QGroupBox(name or self.tr("All entries (overall ranking)"))
        box.setObjectName("winnersCategory")
        box.setStyleSheet("QGroupBox#winnersCategory { font-weight: bold; }")
        grid = QGridLayout(box)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(4)
        grid.setColumnStretch(2, 1)
        for row, place in enumerate(group.places):
            self._place(grid, row, place)
        return box

    def _label(self, text: str, style: str = "") -> QLabel:
        label = QLabel(text)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setStyleSheet("font-weight: normal;" + style)
        return label

    def _place(self, grid: QGridLayout, row: int, place: Place) -> None:
        tiers = " / ".join(self.tier_labels.get(t, t) for t in place.tiers)
        score = localized_number(place.rows[0].displayed_score) if place.rows else ""
        if place.tie is None:
            grid.addWidget(self._label(tiers, "font-weight: bold;"), row, 0)
            entries = [self.entries[r.entry_id] for r in place.rows]
            grid.addWidget(self._label(" = ".join(e.code for e in entries)), row, 1)
            title = self._label("\n".join(e.title for e in entries))
            title.setWordWrap(True)
            grid.addWidget(title, row, 2)
            grid.addWidget(self._label("\n".join(e.unit or "" for e in entries),
                                       f"color: {MUTED};"), row, 3)
            grid.addWidget(self._label(score), row, 4, Qt.AlignmentFlag.AlignRight)
            return
        shade = f"background: {BLOCKING_COLOUR.name()}; padding: 3px;"
        grid.addWidget(self._label(tiers, "font-weight: bold;" + shade), row, 0)
        codes = " = ".join(self.entries[r.entry_id].code for r in place.rows)
        text = fill(self.tr("Tie: %1 have the same score; the chair decides who gets which "
                            "award."), codes)
        tie = self._label(text, shade)
        tie.setWordWrap(True)
        grid.addWidget(tie, row, 1, 1, 3)
        grid.addWidget(self._label(score, shade), row, 4, Qt.AlignmentFlag.AlignRight)
        button = QPushButton(self.tr("Decide…"))
        button.setObjectName("winnersDecide")
        button.setEnabled(self.allowed)
        button.setToolTip(self.tr("Record the chair's order of the tied entries, with a reason")
                          if self.allowed else self.tr("Deciding ties uses all rounds with the "
                                                       "competition's method."))
        tie_group: TieGroup = place.tie
        button.clicked.connect(lambda _c=False, t=tie_group: self.decideRequested.emit(t))
        grid.addWidget(button, row, 5)
        self.decide_buttons.append(button)

    def ready(self) -> bool:
        """The winners of the results asked for are shown (not loading)."""
        return self.has_content() and not self.is_loading()

    def texts(self) -> list[str]:
        """What the page shows, line by line (tests and screenshots)."""
        out = []
        for box in self.inner.findChildren(QGroupBox):
            out.append(box.title())
            out += [w.text() for w in box.findChildren(QLabel)]
        return out

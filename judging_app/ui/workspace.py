"""A competition's workspace: a navigation that follows the competition's life (Overview,
the landing page, then Setup → Entries → Judges → Assignments → Progress → Results →
Reports), each with its icon, beside the current view.
Views are built on first visit, their code imported then too (importing every view at the
first opening took longer than the whole landing view: openpyxl alone, for the entries
import, is half a second), and reloaded whenever another view changes data."""

from __future__ import annotations

import importlib
import importlib.util

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtWidgets import QHBoxLayout, QListWidget, QListWidgetItem, QStackedWidget, QWidget

from judging_app.ui.icons import icon
from judging_app.ui.views.base import View, ViewContext

# (key, module, class) in the order of the competition's life.
VIEWS = (
    ("overview", "judging_app.ui.views.overview_view", "OverviewView"),
    ("setup", "judging_app.ui.views.setup_view", "SetupView"),
    ("entries", "judging_app.ui.views.entries_view", "EntriesView"),
    ("judges", "judging_app.ui.views.judges_view", "JudgesView"),
    ("assignments", "judging_app.ui.views.assignments_view", "AssignmentsView"),
    ("progress", "judging_app.ui.views.progress_view", "ProgressView"),
    ("results", "judging_app.ui.views.results_view", "ResultsView"),
    ("reports", "judging_app.ui.views.reports_view", "ReportsView"),
)


def available_views() -> list[tuple[str, str, str]]:
    """(key, module, class) of the views this build has, without importing them."""
    return [v for v in VIEWS if importlib.util.find_spec(v[1]) is not None]


def view_class(module_name: str, class_name: str) -> type[View]:
    return getattr(importlib.import_module(module_name), class_name)


class CompetitionWorkspace(QWidget):
    changed = Signal()  # data changed in some view (the window updates its status bar)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("competitionWorkspace")
        self.ctx = ctx
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setIconSize(QSize(20, 20))
        self.nav.setSpacing(2)
        self.stack = QStackedWidget()
        self.classes = {key: (module, name) for key, module, name in available_views()}
        self.views: dict[str, View] = {}
        self.placeholders: dict[str, QWidget] = {}
        for key in self.classes:
            item = QListWidgetItem()
            item.setData(Qt.ItemDataRole.UserRole, key)
            item.setIcon(icon(key))
            self.nav.addItem(item)
            placeholder = QWidget()
            self.placeholders[key] = placeholder
            self.stack.addWidget(placeholder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.nav.currentRowChanged.connect(self._show_row)
        self.retranslate()
        if self.nav.count():
            self.nav.setCurrentRow(0)

    def keys(self) -> list[str]:
        return list(self.classes)

    def view(self, key: str) -> View:
        """The view (built on first use)."""
        if key not in self.views:
            view = view_class(*self.classes[key])(self.ctx, self)
            view.changed.connect(lambda source=view: self._data_changed(source))
            view.navigate.connect(self.show_view)  # next steps lead to other views
            index = self.stack.indexOf(self.placeholders[key])
            self.stack.insertWidget(index, view)
            self.stack.removeWidget(self.placeholders[key])
            self.placeholders.pop(key).deleteLater()
            self.views[key] = view
            view.retranslate()
            view.refresh()
        return self.views[key]

    def show_view(self, key: str) -> View:
        self.nav.setCurrentRow(self.keys().index(key))
        return self.views[key]

    def current_key(self) -> str | None:
        item = self.nav.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item else None

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        key = self.keys()[row]
        self.stack.setCurrentWidget(self.view(key))

    def _data_changed(self, source: View) -> None:
        for view in self.views.values():
            if view is not source:
                view.refresh()
        self.changed.emit()

    def refresh(self) -> None:
        for view in self.views.values():
            view.refresh()

    def retranslate(self) -> None:
        for row, key in enumerate(self.keys()):
            self.nav.item(row).setText(self.title(key))

    def title(self, key: str) -> str:
        titles = {
            "overview": self.tr("Overview"),
            "setup": self.tr("Setup"), "entries": self.tr("Entries"), "judges": self.tr("Judges"),
            "assignments": self.tr("Assignments"), "progress": self.tr("Progress"),
            "results": self.tr("Results"), "reports": self.tr("Reports"),
        }
        return titles[key]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

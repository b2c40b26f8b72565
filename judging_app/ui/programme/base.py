"""What every tab of the programme window shares: the workspace view's helpers (writes that
ask who is working and show refusals; background work with progress), the window's dialogs,
and the last folder used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QAbstractItemModel, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableView,
    QWidget,
)

from judging_app.ui.programme.dialogs import ProgrammeDialogs
from judging_app.ui.views.base import View, ViewContext


def programme_context(db, settings, dialogs, runner, language, actor,
                      signed_in=lambda: None) -> ViewContext:
    """A ViewContext for the whole database (no competition: the programme spans them).
    `actor(parent)`: who writes (the main window's signed-in person, else a typed name)."""
    return ViewContext(db=db, competition="", settings=settings, dialogs=dialogs,
                       runner=runner, language=language, actor=actor, signed_in=signed_in)


class ProgrammeTab(View):
    """A tab of the programme window. Emits `changed` after a write (the window reloads the
    other tabs)."""

    def __init__(self, ctx: ViewContext, dialogs: ProgrammeDialogs,
                 parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.dialogs = dialogs

    def start_dir(self) -> str:
        return self.ctx.settings.last_directory or str(Path.home())

    def remember_dir(self, folder: Path) -> None:
        self.ctx.settings.last_directory = str(folder)


def records_table(model: QAbstractItemModel, name: str, stretch: int = 1,
                  sortable: bool = False) -> QTableView:
    """A read-only table of whole rows, one selected at a time; column `stretch` takes the
    room left, the others fit their contents. Sortable tables start in the records' order."""
    table = QTableView()
    table.setObjectName(name)
    table.setModel(model)
    if sortable:
        table.setSortingEnabled(True)
        table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def button_row(specs, prefix: str) -> tuple[QHBoxLayout, dict[str, QPushButton]]:
    """Buttons (key, action) in a row, named `<prefix>_<key>`; their texts are set by the
    tab's retranslate()."""
    row, buttons = QHBoxLayout(), {}
    for key, action in specs:
        button = QPushButton()
        button.setObjectName(f"{prefix}_{key}")
        button.clicked.connect(action)
        buttons[key] = button
        row.addWidget(button)
    return row, buttons

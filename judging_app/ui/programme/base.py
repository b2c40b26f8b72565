"""What every tab of the programme window shares: the workspace view's helpers (writes that
ask who is working and show refusals; background work with progress), the window's dialogs,
and the last folder used."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QWidget

from judging_app.ui.programme.dialogs import ProgrammeDialogs
from judging_app.ui.views.base import View, ViewContext


def programme_context(db, settings, dialogs, runner, language, actor) -> ViewContext:
    """A ViewContext for the whole database (no competition: the programme spans them)."""
    return ViewContext(db=db, competition="", settings=settings, dialogs=dialogs,
                       runner=runner, language=language, actor=actor)


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

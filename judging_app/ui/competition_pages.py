"""Opening a competition's workspace from the list, and going back (mixed into MainWindow)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from judging_app.services.competitions import get_summary
from judging_app.ui.background import release_frozen
from judging_app.ui.i18n import fill
from judging_app.ui.labels import competition_status_label
from judging_app.ui.views.base import ViewContext
from judging_app.ui.workspace import CompetitionWorkspace


class CompetitionPages:
    """Uses MainWindow's pages, competitions, db, settings, dialogs, translations, runner."""

    def open_competition(self, code: str) -> CompetitionWorkspace:
        self.show_competition_list()
        ctx = ViewContext(
            db=self.db, competition=code, settings=self.settings, dialogs=self.dialogs,
            runner=self.runner, language=lambda: self.translations.language,
            actor=lambda parent: self.who(parent),
            change_who=lambda parent: self.change_actor(),
            signed_in=lambda: self.principal,
        )
        self.workspace = CompetitionWorkspace(ctx, self)
        self.workspace.changed.connect(self._update_texts)
        self.pages.addWidget(self.workspace)
        self.pages.setCurrentWidget(self.workspace)
        self.back_action.setEnabled(True)
        self._update_texts()
        return self.workspace

    def show_competition_list(self) -> None:
        if self.workspace is not None:
            self.pages.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
            release_frozen()  # its views' results, kept out of collections, can go now
            self.refresh()
        self.pages.setCurrentWidget(self.competitions)
        self.back_action.setEnabled(False)
        self._update_texts()

    def _competition_text(self) -> str:
        if self.workspace is None:
            return ""
        try:
            summary = get_summary(self.db, self.workspace.ctx.competition)
        except Exception:  # noqa: BLE001 - the status bar must never break the window
            return ""
        return fill(QCoreApplication.translate("MainWindow", "%1 — %2"), summary.name, competition_status_label(summary.status))

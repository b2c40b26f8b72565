"""What every view of the competition workspace gets and provides."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QWidget

from judging_app.core.messages import MessageError
from judging_app.services.errors import ServiceError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.ui.background import Cancelled, Runner, Work
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.i18n import first_line, message_text
from judging_app.ui.settings import AppSettings
from judging_app.ui.views.loading import Loadable


@dataclass
class ViewContext:
    """Shared by the views of one open competition."""

    db: Database
    competition: str  # competition code
    settings: AppSettings
    dialogs: Dialogs
    runner: Runner
    language: Callable[[], str]  # "id" or "en", current
    # who is working: the signed-in person (a Principal) on a protected database, else a
    # typed name asked once and remembered; None = cancelled
    actor: Callable[[QWidget | None], Any]
    # the main window's "change who is working" (signs in again on a protected database)
    change_who: Callable[[QWidget | None], None] | None = None
    signed_in: Callable[[], Any] = lambda: None  # the signed-in person, or None

    def workspace(self, parent: QWidget | None) -> Workspace | None:
        """For writes: who is working (asked once), or None when the person cancels."""
        who = self.actor(parent)
        return Workspace(self.db, who) if who else None

    def who_name(self) -> str | None:
        """The name the audit trail records for the next write, as far as known now."""
        principal = self.signed_in()
        return principal.name if principal is not None else self.settings.actor_name or None


class View(QWidget):
    """A page of the workspace (its title is in the workspace's navigation). Subclasses set
    `key`, build widgets in __init__, and implement retranslate() and refresh(). Emit
    `changed` after any write so the other views and the status bar reload."""

    key = "view"
    changed = Signal()
    navigate = Signal(str)  # another view's key: the workspace shows it (next steps)

    def __init__(self, ctx: ViewContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{self.key}View")

    def retranslate(self) -> None:
        """Set every visible text again (called on language change)."""

    def refresh(self) -> None:
        """Reload what the view shows from the services."""

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- helpers for subclasses ------------------------------------------------------------
    def run_write(self, action: Callable[[Workspace], Any], failure_title: str) -> Any:
        """Run one use case that writes; show a refusal as a message; emit `changed` on
        success. Returns the use case's result, or None when refused or cancelled."""
        ws = self.ctx.workspace(self)
        if ws is None:
            return None
        try:
            result = action(ws)
        except ServiceError as exc:
            text = message_text(exc)
            self.ctx.dialogs.show_error(self, failure_title, text.splitlines()[0], "", text)
            return None
        self.changed.emit()
        return result

    def run_in_background(self, work: Work, label: str, on_done: Callable[[Any], None],
                          failure_title: str) -> None:
        """Long work with a progress dialog; refusals and errors shown as messages."""
        self.ctx.runner.run(work, label=label, parent=self, on_done=on_done,
                            on_error=self._show_failure(failure_title))

    def load_in_background(self, work: Work, pages: Sequence[Loadable], label: str,
                           on_done: Callable[[Any], None], failure_title: str) -> Any:
        """Loading what some pages show: no dialog, the pages show the loading state and
        the work's progress in place of their content (on_done must call their finish()).
        Returns the job (cancel() it when a newer load makes it pointless)."""
        for page in pages:
            page.begin(label)
        show = self._show_failure(failure_title)

        def on_error(exc: BaseException, trace: str) -> None:
            if isinstance(exc, Cancelled):
                return  # a newer load took over
            for page in pages:
                page.fail(failure_title)
            show(exc, trace)

        def on_progress(done: int, total: int) -> None:
            for page in pages:
                page.loading.set_progress(done, total)

        return self.ctx.runner.run(work, label=label, parent=self, on_done=on_done,
                                   on_error=on_error, on_progress=on_progress)

    def _show_failure(self, failure_title: str) -> Callable[[BaseException, str], None]:
        def on_error(exc: BaseException, trace: str) -> None:
            if isinstance(exc, Cancelled):
                return
            # A refusal's details are its whole text, never a traceback.
            refused = isinstance(exc, ServiceError | MessageError)
            self.ctx.dialogs.show_error(self, failure_title, first_line(exc), "",
                                        message_text(exc) if refused else trace)

        return on_error

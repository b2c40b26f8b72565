"""The window's ways in (mixed into MainWindow): the toolbar with the main actions, and the
demo competition built in the background into its own file."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtWidgets import QToolBar

from judging_app.ui.icons import icon

DEMO_FILE = "demo.sqlite"
DEMO_ACTOR = "Demo"
DEMO_SIZE = {"entries": 140, "judges": 5, "scored": True}


class GuidedStart:
    """Uses MainWindow's actions, db, settings, dialogs, runner, opener and pages."""

    def _build_toolbar(self) -> None:
        bar = QToolBar(self)
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setIconSize(QSize(20, 20))
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        for action, name in ((self.back_action, "competitions"),
                             (self.new_competition_action, "new"),
                             (self.open_action, "open"), (self.server_action, "server"),
                             (self.demo_action, "demo"), (self.judge_action, "judge"),
                             (self.guide_action, "help")):
            action.setIcon(icon(name))
            bar.addAction(action)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.toolbar = bar

    def _connect_start_page(self) -> None:
        start = self.competitions.empty_page
        start.newRequested.connect(self.create_competition)
        start.demoRequested.connect(self.try_demo)
        start.openRequested.connect(self.choose_and_open_database)
        start.serverRequested.connect(self.connect_to_server)
        self.competitions.openRequested.connect(self.open_competition)

    def toolbar_texts(self) -> None:
        """Short texts on the toolbar (the menus keep the long ones)."""
        for action, text in (
            (self.back_action, QCoreApplication.translate("MainWindow", "Competitions")),
            (self.new_competition_action, QCoreApplication.translate("MainWindow", "New")),
            (self.open_action, QCoreApplication.translate("MainWindow", "Open")),
            (self.server_action, QCoreApplication.translate("MainWindow", "Server")),
            (self.demo_action, QCoreApplication.translate("MainWindow", "Demo")),
            (self.judge_action, QCoreApplication.translate("MainWindow", "Judge mode")),
            (self.guide_action, QCoreApplication.translate("MainWindow", "Guide"))):
            action.setIconText(text)
            action.setToolTip(action.text().replace("&", ""))

    def demo_location(self) -> str:
        from judging_app.store.paths import default_database_path

        path = default_database_path().parent / DEMO_FILE
        path.parent.mkdir(parents=True, exist_ok=True)
        return str(path)

    def try_demo(self) -> bool:
        """Open the demo file (built first, in the background with its progress, when it has
        no competition yet) and its competition. The demo never goes into the open
        database: sample data stays apart from a real competition."""
        from judging_app.services.competitions import list_competitions
        from judging_app.ui.actor import current_actor
        from judging_app.ui.opening import open_in_window

        db = open_in_window(self.demo_location(), self.dialogs, self.settings, self.opener, self)
        if db is None:
            return False
        before = self.principal
        if not self.sign_in_to(db):  # who works on it, as for any other file (issue 10)
            db.close()
            return False
        existing = list_competitions(db)
        if existing:
            self.replace_database(db)
            self.open_competition(existing[0].code)
            return True
        from judging_app.demo.generator import build_demo
        from judging_app.services.workspace import Workspace

        ws = Workspace(db, self.principal or current_actor(self.settings) or DEMO_ACTOR)

        def done(summary) -> None:
            self.replace_database(db)
            self.open_competition(summary.code)

        def failed(exc: BaseException, trace: str) -> None:
            db.close()
            self.principal = before  # still working on the database that stays open
            from judging_app.ui.background import Cancelled
            from judging_app.ui.i18n import first_line

            if isinstance(exc, Cancelled):
                return
            self.dialogs.show_error(
                self, QCoreApplication.translate("MainWindow", "The demo was not built"),
                first_line(exc), "", trace)

        self.runner.run(lambda progress: build_demo(ws, progress=progress, **DEMO_SIZE),
                        label=QCoreApplication.translate(
                            "MainWindow", "Building the demo competition…"),
                        parent=self, on_done=done, on_error=failed)
        return True

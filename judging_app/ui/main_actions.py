"""Actions of the main window that open dialogs (kept apart to keep the window small)."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, qVersion

import judging_app
from judging_app.ui.i18n import fill, message_text


class MainWindowActions:
    # Texts use QCoreApplication.translate with the literal "MainWindow" context: lupdate
    # reads it, and self.tr in a mixin would depend on the runtime class.
    """Mixed into MainWindow: uses its db, settings, dialogs, translations and refresh()."""

    def create_competition(self) -> bool:
        """Ask for a template, a name and a year; create the competition in this database."""
        from judging_app.services.errors import ServiceError
        from judging_app.services.templates import create_from_template, list_templates
        from judging_app.services.workspace import Workspace

        choice = self.dialogs.choose_new_competition(
            self, list_templates(), self.translations.language
        )
        if choice is None:
            return False
        actor = self.who(self)
        if not actor:
            return False
        try:
            summary = create_from_template(Workspace(self.db, actor), choice.template,
                                           name=choice.name, year=choice.year)
        except ServiceError as exc:
            self.dialogs.show_error(
                self, QCoreApplication.translate("MainWindow", "Cannot create the competition"),
                QCoreApplication.translate("MainWindow", "The competition was not created."), "",
                message_text(exc),
            )
            return False
        self.refresh()
        self.open_competition(summary.code)  # its overview says what to do next
        return True

    def show_about(self) -> None:
        import PySide6

        text = "".join(
            (
                f"<h3>{html.escape(self.app_title())}</h3>",
                "<p>",
                html.escape(fill(QCoreApplication.translate("MainWindow", "Version %1"), judging_app.__version__)),
                "</p><p>",
                html.escape(
                    QCoreApplication.translate("MainWindow",
                        "Judging public-service innovation competitions: entries, judges, "
                        "weighted criteria, exact rankings and award lists."
                    )
                ),
                "</p><p><small>",
                html.escape(f"Qt {qVersion()}, PySide6 {PySide6.__version__}"),
                "</small></p>",
            )
        )
        self.dialogs.show_about(self, fill(QCoreApplication.translate("MainWindow", "About %1"), self.app_title()), text)

    def show_guide(self) -> None:
        self.dialogs.show_guide(self, self.translations.language)

    def connect_to_server(self) -> bool:
        """A shared PostgreSQL server for the whole panel: asks for its URL."""
        url = self.dialogs.ask_server_url(self)
        return bool(url) and self.open_location(url)

    def open_default_database(self) -> bool:
        from judging_app.store.database import default_database_path

        return self.open_location(str(default_database_path()))

    def open_judge_mode(self, package: str | None = None) -> object | None:
        """Judge mode beside this window: on the open database (choose who you are), or on
        a judge package. Returns the judge window, or None when nothing was opened."""
        from judging_app.ui.judge.launch import open_database_session, open_package_session
        from judging_app.ui.judge.window import JudgeWindow

        if package:
            session = open_package_session(package, self.dialogs)
        else:
            target = (str(self.db.path) if self.db.path
                      else self.db.url.render_as_string(hide_password=False))
            session = open_database_session(target, self.dialogs, self.judge_dialogs,
                                            self.settings)
        if session is None:
            return None
        window = JudgeWindow(session, self.settings, self.dialogs, self.translations)
        window.ask = self.judge_dialogs
        self.judge_windows.append(window)
        window.destroyed.connect(lambda _o=None, w=window: self.judge_windows.remove(w)
                                 if w in self.judge_windows else None)
        window.show()
        return window

    def open_judge_package(self) -> object | None:
        path = self.dialogs.choose_judge_package(self, self.settings.last_directory)
        return self.open_judge_mode(path) if path else None

"""Every modal question the app asks, behind one small replaceable service.

Windows never open a QMessageBox or QFileDialog themselves: they call a `Dialogs` method.
Tests pass a `Dialogs` whose methods they replace (or a subclass) and answer without
blocking; the app uses the real dialogs below.
"""

from __future__ import annotations

import enum

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox, QPushButton, QWidget

from judging_app.ui.actor import ActorDialog
from judging_app.ui.i18n import fill


class OpenFailedChoice(enum.Enum):
    OPEN_OTHER = "open_other"
    QUIT = "quit"


DATABASE_SUFFIX = "sqlite"


class Dialogs(QObject):
    """The real dialogs. Each method is one question; override any of them in tests."""

    def show_error(
        self, parent: QWidget | None, title: str, text: str, informative: str = "",
        details: str = "",
    ) -> None:
        box = QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, parent)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setInformativeText(informative)
        box.setDetailedText(details)
        box.exec()
        box.deleteLater()

    def show_crash(self, parent: QWidget | None, line: str, details: str) -> None:
        """Something nobody caught: one line, and the details to copy (ui/crash.py)."""
        from judging_app.ui.crash import CrashDialog

        dialog = CrashDialog(parent, line, details)
        dialog.exec()
        dialog.deleteLater()

    def open_failed(
        self, parent: QWidget | None, location: str, reason: str, details: str = ""
    ) -> OpenFailedChoice:
        """The database could not be opened: open another file, or quit."""
        box, open_button = self.open_failed_box(parent, location, reason, details)
        box.exec()
        choice = (
            OpenFailedChoice.OPEN_OTHER if box.clickedButton() == open_button else OpenFailedChoice.QUIT
        )
        box.deleteLater()
        return choice

    def open_failed_box(
        self, parent: QWidget | None, location: str, reason: str, details: str = ""
    ) -> tuple[QMessageBox, QPushButton]:
        """The message shown when a database cannot be opened, not yet shown (tests and the
        screenshots script look at it without running it)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setWindowTitle(self.tr("Cannot open the database"))
        box.setText(fill(self.tr("The database %1 could not be opened."), location))
        box.setInformativeText(reason)
        box.setDetailedText(details)
        open_button = box.addButton(
            self.tr("Open another database…"), QMessageBox.ButtonRole.AcceptRole
        )
        quit_button = box.addButton(self.tr("Quit"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(open_button)
        box.setEscapeButton(quit_button)
        return box, open_button

    def choose_database_to_open(self, parent: QWidget | None, directory: str) -> str | None:
        return self._run_file_dialog(self.database_file_dialog(parent, directory, new=False))

    def choose_new_database(self, parent: QWidget | None, directory: str) -> str | None:
        return self._run_file_dialog(self.database_file_dialog(parent, directory, new=True))

    def database_file_dialog(self, parent: QWidget | None, directory: str, new: bool) -> QFileDialog:
        """A file dialog for a database file (native where the platform has one)."""
        title = self.tr("New database") if new else self.tr("Open database")
        dialog = QFileDialog(parent, title, directory, self.database_filters())
        if new:
            dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
            dialog.setDefaultSuffix(DATABASE_SUFFIX)
        else:
            dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return dialog

    @staticmethod
    def _run_file_dialog(dialog: QFileDialog) -> str | None:
        try:
            if dialog.exec() != QFileDialog.DialogCode.Accepted or not dialog.selectedFiles():
                return None
            return dialog.selectedFiles()[0]
        finally:
            dialog.deleteLater()

    def ask_actor_name(self, parent: QWidget | None, current: str = "") -> str | None:
        dialog = ActorDialog(parent, current)
        if dialog.exec() != ActorDialog.DialogCode.Accepted:
            return None
        return dialog.name()

    def ask_sign_in(self, parent: QWidget | None, where: str, problem: str = "",
                    login: str = "") -> tuple[str, str] | None:
        """(login, password) of who signs in to `where`, or None when cancelled."""
        from judging_app.ui.sign_in import SignInDialog

        dialog = SignInDialog(parent, where, problem, login)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.credentials()
        finally:
            dialog.deleteLater()

    def manage_people(self, parent: QWidget | None, db, who) -> None:
        """The people of the database, their roles, judge links and passwords."""
        from judging_app.ui.people_dialog import PeopleDialog

        dialog = PeopleDialog(db, who, self, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def ask_person(self, parent: QWidget | None, judges, person=None):
        """A person to add (or the new roles and judges of `person`); None when cancelled."""
        from judging_app.ui.people_dialog import PersonDialog

        dialog = PersonDialog(judges, person, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.answer()
        finally:
            dialog.deleteLater()

    def show_password(self, parent: QWidget | None, login: str, password: str) -> None:
        """A new password, shown once to be handed to the person."""
        box = QMessageBox(QMessageBox.Icon.Information, self.tr("New password"),
                          fill(self.tr("The password of %1 (shown once; give it to the "
                                       "person, who can change it later):"), login),
                          QMessageBox.StandardButton.Ok, parent)
        box.setInformativeText(password)
        box.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        box.exec()
        box.deleteLater()

    def confirm(self, parent: QWidget | None, title: str, text: str) -> bool:
        answer = QMessageBox.question(parent, title, text)
        return answer == QMessageBox.StandardButton.Yes

    def show_about(self, parent: QWidget | None, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)

    def choose_judge_package(self, parent: QWidget | None, directory: str) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            parent, self.tr("Open a judge package"), directory,
            self.tr("Judge packages (*.jpkg);;All files (*)"))
        return path or None

    def ask_server_url(self, parent: QWidget | None) -> str | None:
        """The SQLAlchemy URL of a database server, or None when cancelled."""
        from PySide6.QtWidgets import QInputDialog, QLineEdit

        text, ok = QInputDialog.getText(
            parent, self.tr("Connect to a database server"),
            self.tr("Server address, for example\npostgresql+psycopg://user:password@host/database"),
            QLineEdit.EchoMode.Normal, "postgresql+psycopg://",
        )
        text = text.strip()
        return text if ok and "://" in text and not text.endswith("://") else None

    def show_guide(self, parent: QWidget | None, language: str) -> None:
        from judging_app.ui.help import GuideDialog

        dialog = GuideDialog(language, parent)
        dialog.exec()
        dialog.deleteLater()

    def choose_new_competition(self, parent: QWidget | None, templates, language: str):
        """The template, name and year for a new competition, or None when cancelled."""
        from judging_app.ui.new_competition import NewCompetitionDialog

        dialog = NewCompetitionDialog(templates, language, parent)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    def database_filters(self) -> str:
        return ";;".join(
            (
                fill(self.tr("Judging databases (%1)"), f"*.{DATABASE_SUFFIX}"),
                fill(self.tr("All files (%1)"), "*"),
            )
        )

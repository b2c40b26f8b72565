"""Signing in: the dialog (login and password) and who is working in a window.

- An unprotected database: a typed name, asked once (ui/actor.py), recorded as not
  verified.
- A protected SQLite file: the sign-in dialog before the database is shown; wrong answers
  are asked again with the reason, Cancel closes it.
- A locked-down server: signing in is the PostgreSQL login; the dialog is asked before
  connecting (`server_target`), and the person is read from the connection.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.people import Principal
from judging_app.store.database import Database
from judging_app.ui.i18n import fill, message_text

MAX_ATTEMPTS = 5


class SignInDialog(QDialog):
    """Who is signing in, with their password. OK only when both are given."""

    def __init__(self, parent: QWidget | None = None, where: str = "", problem: str = "",
                 login: str = "") -> None:
        super().__init__(parent)
        self.setObjectName("signInDialog")
        self.where = where
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.problem = QLabel(problem)
        self.problem.setObjectName("signInProblem")
        self.problem.setWordWrap(True)
        self.problem.setStyleSheet("color: #b00020;")
        self.problem.setVisible(bool(problem))
        self.login_edit = QLineEdit(login)
        self.login_edit.setObjectName("loginEdit")
        self.password_edit = QLineEdit()
        self.password_edit.setObjectName("passwordEdit")
        self.password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.form = QFormLayout()
        self.login_label, self.password_label = QLabel(), QLabel()
        self.login_label.setBuddy(self.login_edit)
        self.password_label.setBuddy(self.password_edit)
        self.form.addRow(self.login_label, self.login_edit)
        self.form.addRow(self.password_label, self.password_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        for edit in (self.login_edit, self.password_edit):
            edit.textChanged.connect(self._update_ok)
        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.problem)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.retranslate()
        self._update_ok()
        (self.password_edit if login else self.login_edit).setFocus()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Sign in"))
        self.explanation.setText(fill(self.tr(
            "%1 is protected: sign in with your login and password. Every change you make "
            "is recorded under your name."), self.where))
        self.login_label.setText(self.tr("&Login:"))
        self.password_label.setText(self.tr("&Password:"))
        self.login_edit.setPlaceholderText(self.tr("e.g. siti_aminah"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def credentials(self) -> tuple[str, str]:
        return self.login_edit.text().strip().lower(), self.password_edit.text()

    def _update_ok(self) -> None:
        login, password = self.credentials()
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(
            bool(login and password))


def sign_in(db: Database, dialogs, parent: QWidget | None = None) -> Principal | None:
    """The person signed in on a protected file (asked until right, at most MAX_ATTEMPTS
    times) or on a server (the connection's login); None when cancelled."""
    from judging_app.services import people
    from judging_app.services.errors import ServiceError

    if people.security_mode(db) == "server":
        return people.server_principal(db)
    problem, login = "", ""
    for _ in range(MAX_ATTEMPTS):
        answer = dialogs.ask_sign_in(parent, db.display_name(), problem, login)
        if answer is None:
            return None
        login, password = answer
        try:
            return people.sign_in(db, login, password)
        except ServiceError as exc:
            problem = message_text(exc)
    return None


def server_target(target: str, ask: Callable[[str, str, str], tuple[str, str] | None],
                  problem: str = "") -> str | None:
    """A PostgreSQL URL without a user name: ask who signs in and connect as their login
    (store/server_sql.login_role). Any other target is returned as it is."""
    if "://" not in target or not target.startswith("postgresql"):
        return target
    from sqlalchemy.engine import make_url

    url = make_url(target)
    if url.username:
        return target
    from judging_app.store.server_sql import login_role

    answer = ask(url.render_as_string(hide_password=True), problem, "")
    if answer is None:
        return None
    login, password = answer
    return url.set(username=login_role(url.database or "", login),
                   password=password).render_as_string(hide_password=False)

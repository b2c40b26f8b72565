"""Who is working in the main window (mixed into MainWindow): the signed-in person of a
protected database or a server, or the typed name of an unprotected one; the People and
Protect actions; the status bar's text. Texts use QCoreApplication.translate with the
literal "MainWindow" context (see the note in ui/main_actions.py)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from judging_app.core.people import Principal, Role
from judging_app.ui.actor import change_actor, current_actor, ensure_actor
from judging_app.ui.i18n import fill, message_text


def first_sign_in(db, settings, dialogs, parent: QWidget | None = None):
    """Before the window shows: a protected database or a server needs the person (None
    when they cancel: the app does not open it); an unprotected one asks a name once."""
    from judging_app.services import people
    from judging_app.ui.sign_in import sign_in

    if people.security_mode(db) == "open":
        ensure_actor(settings, dialogs, parent)
        return False
    return sign_in(db, dialogs, parent)


class WhoIsWorking:
    """Uses MainWindow's db, settings, dialogs and `principal` (None: unprotected)."""

    principal: Principal | None = None

    def who(self, parent: QWidget | None = None) -> Principal | str | None:
        """For a write: the signed-in person, else the typed name (asked once)."""
        if self.principal is not None:
            return self.principal
        if self._mode() != "open":
            return self._sign_in_again(parent)
        return ensure_actor(self.settings, self.dialogs, parent)

    def _mode(self) -> str:
        from judging_app.services import people

        try:
            return people.security_mode(self.db)
        except Exception:  # noqa: BLE001 - a vanished database: the write will say so
            return "open"

    def _sign_in_again(self, parent: QWidget | None) -> Principal | None:
        from judging_app.ui.sign_in import sign_in

        principal = sign_in(self.db, self.dialogs, parent or self)
        if principal is not None:
            self.principal = principal
            self._update_texts()
        return principal

    def change_actor(self) -> None:
        if self._mode() == "open":
            self.principal = None
            change_actor(self.settings, self.dialogs, self)
        else:
            self._sign_in_again(self)
        self._update_texts()

    def who_text(self) -> str:
        if self.principal is not None:
            roles = ", ".join(self._role_label(r) for r in sorted(self.principal.roles))
            return fill(QCoreApplication.translate("MainWindow", "Signed in: %1 (%2) · verified"),
                        self.principal.name, roles)
        actor = current_actor(self.settings)
        if not actor:
            return QCoreApplication.translate("MainWindow", "Working as: (not set)")
        return fill(QCoreApplication.translate(
            "MainWindow", "Working as: %1 · name not verified"), actor)

    @staticmethod
    def _role_label(role: Role) -> str:
        return {
            Role.SECRETARIAT: QCoreApplication.translate("MainWindow", "secretariat"),
            Role.CHAIR: QCoreApplication.translate("MainWindow", "chair"),
            Role.JUDGE: QCoreApplication.translate("MainWindow", "judge"),
            Role.OBSERVER: QCoreApplication.translate("MainWindow", "observer"),
        }[Role(role)]

    def manage_people(self) -> None:
        who = self.who(self)
        if who is not None:
            self.dialogs.manage_people(self, self.db, who)

    def protect_database(self) -> None:
        """From now on every change needs a signed-in person: the secretariat who protects
        it signs in with their password first."""
        from judging_app.services import people
        from judging_app.services.errors import ServiceError
        from judging_app.services.workspace import Workspace
        from judging_app.ui.sign_in import sign_in

        title = QCoreApplication.translate("MainWindow", "Protect this database")
        if not self.dialogs.confirm(self, title, QCoreApplication.translate("MainWindow", "From now on everyone signs in with a login and a password, and only the "
                "roles you give them may change anything. Continue?")):
            return
        principal = sign_in(self.db, self.dialogs, self)
        if principal is None:
            return
        try:
            people.protect(Workspace(self.db, principal))
        except ServiceError as exc:
            text = message_text(exc)
            self.dialogs.show_error(self, title, text.splitlines()[0], "", text)
            return
        self.principal = principal
        self._update_texts()

    def sign_in_to(self, db) -> bool:
        """Before a newly opened database replaces the current one: who works on it."""
        principal = first_sign_in(db, self.settings, self.dialogs, self)
        if principal is None:
            return False
        self.principal = principal or None
        return True

"""Who is working: the name recorded on every change in the audit trail.

Asked once with a small dialog and remembered in the settings.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from judging_app.ui.settings import AppSettings

if TYPE_CHECKING:
    from judging_app.ui.dialogs import Dialogs

MAX_NAME_LENGTH = 120


def current_actor(settings: AppSettings) -> str | None:
    """The remembered name of the person working, or None if nobody said yet."""
    return settings.actor_name or None


def ensure_actor(settings: AppSettings, dialogs: Dialogs, parent: QWidget | None = None) -> str | None:
    """The remembered name; if there is none, ask once and remember the answer.
    None when the person declined (the app can still show data, but not change it)."""
    name = current_actor(settings)
    if name:
        return name
    return change_actor(settings, dialogs, parent)


def change_actor(settings: AppSettings, dialogs: Dialogs, parent: QWidget | None = None) -> str | None:
    """Ask for the name (pre-filled with the current one); remember a non-empty answer."""
    answer = dialogs.ask_actor_name(parent, settings.actor_name)
    if answer is None or not answer.strip():
        return current_actor(settings)
    settings.actor_name = answer
    settings.sync()
    return current_actor(settings)


class ActorDialog(QDialog):
    """A small 'who is working?' question: one name, OK only when it is not blank."""

    def __init__(self, parent: QWidget | None = None, current: str = "") -> None:
        super().__init__(parent)
        self.explanation = QLabel()
        self.explanation.setWordWrap(True)
        self.name_label = QLabel()
        self.name_edit = QLineEdit(current)
        self.name_edit.setMaxLength(MAX_NAME_LENGTH)
        self.name_label.setBuddy(self.name_edit)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.name_edit.textChanged.connect(self._update_ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.explanation)
        layout.addWidget(self.name_label)
        layout.addWidget(self.name_edit)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.retranslate()
        self._update_ok()

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Who is working?"))
        self.explanation.setText(
            self.tr(
                "Your name is recorded with every change you make, in the audit trail of "
                "the database. It is asked once and remembered on this computer."
            )
        )
        self.name_label.setText(self.tr("Your &name:"))
        self.name_edit.setPlaceholderText(self.tr("Full name, as in the minutes"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def name(self) -> str:
        return " ".join(self.name_edit.text().split())

    def _update_ok(self) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(self.name()))

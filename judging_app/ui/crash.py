"""No traceback reaches a user of the window either.

An exception nobody caught (in a slot, a timer, a worker thread) goes to `CrashReporter`:
its details are written to a crash log in the user's log folder (services/crash_log.py)
and the person sees one line in the window's language (a known database failure says what
it is: busy, a missing privilege, a lost connection; anything else "something unexpected
went wrong", with the log's path) and a "Copy details" button for whoever helps them.
The app keeps running. Installed by run_gui and run_judge_gui.
"""

from __future__ import annotations

import sys
import threading

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from judging_app.core.messages import Message
from judging_app.ui.i18n import message_text


class CrashDialog(QDialog):
    """One line, the details folded away, Copy details and Close."""

    def __init__(self, parent: QWidget | None, line: str, details: str) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Something went wrong"))
        self.details = details
        layout = QVBoxLayout(self)
        self.line = QLabel(line, self)
        self.line.setWordWrap(True)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.line)
        self.text = QPlainTextEdit(details, self)
        self.text.setReadOnly(True)
        self.text.setVisible(False)
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(self)
        self.copy_button = buttons.addButton(self.tr("Copy details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        self.show_button = buttons.addButton(self.tr("Show details"),
                                             QDialogButtonBox.ButtonRole.ActionRole)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        self.copy_button.clicked.connect(self.copy_details)
        self.show_button.clicked.connect(self._toggle)
        layout.addWidget(buttons)
        self.resize(560, 160)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))

    def _toggle(self) -> None:
        self.text.setVisible(not self.text.isVisible())
        self.show_button.setText(self.tr("Hide details") if self.text.isVisible()
                                 else self.tr("Show details"))
        self.adjustSize()


def one_line(exc: BaseException, log_path: str) -> str:
    """What the person reads: a known failure in words, else the unexpected and the log."""
    from judging_app.store.db_errors import explain

    known = explain(exc)
    if known is not None:
        return message_text(known)
    renderer = getattr(exc, "render", None)
    if callable(renderer):  # a refusal that escaped its view: still the app's own words
        return message_text(exc)
    return message_text(Message("common.unexpected", path=log_path))


class CrashReporter(QObject):
    """sys.excepthook and threading.excepthook, shown on the GUI thread."""

    crashed = Signal(str, str)  # (line, details), delivered on the GUI thread

    def __init__(self, dialogs, parent_of=lambda: None) -> None:  # noqa: ANN001
        super().__init__()
        self.dialogs, self.parent_of = dialogs, parent_of
        self.crashed.connect(self._show, Qt.ConnectionType.QueuedConnection)
        self._previous = (sys.excepthook, threading.excepthook)

    def install(self) -> None:
        sys.excepthook = self.handle
        threading.excepthook = lambda args: self.handle(args.exc_type, args.exc_value,
                                                        args.exc_traceback)

    def uninstall(self) -> None:
        sys.excepthook, threading.excepthook = self._previous

    def handle(self, exc_type, exc, tb) -> None:  # noqa: ANN001 - sys.excepthook's signature
        if exc is None or isinstance(exc, KeyboardInterrupt | SystemExit):
            self._previous[0](exc_type, exc, tb)
            return
        from judging_app.services.crash_log import crash_report, write_crash_log

        if exc.__traceback__ is None:
            exc = exc.with_traceback(tb)
        path = write_crash_log(exc, "judging-app (window)")
        self.crashed.emit(one_line(exc, str(path)), crash_report(exc, "judging-app (window)"))

    def _show(self, line: str, details: str) -> None:
        self.dialogs.show_crash(self.parent_of(), line, details)

"""`judging-app gui --smoke-test` / `judging-app-gui --smoke-test`: does this installation
open its window?

Starts the app as usual, answers Cancel to every question it asks on the way (who is
working, a database that cannot be opened, ...), and closes the window as soon as it has
shown and drawn itself. Exit status 0 when the window opened. CI runs it on the bundle with
QT_QPA_PLATFORM=offscreen (tools/smoke_test_bundle.py); on a desktop it flashes the window.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QWidget

from judging_app.core.messages import Message
from judging_app.ui.i18n import message_text

POLL_MS = 100
EXIT_WINDOW_MISSING = 1


def say(message: Message) -> None:
    print(message_text(message), flush=True)


class SmokeTest(QObject):
    """Declines the app's questions while it starts; ends the event loop once the window
    has shown."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.app = app
        self.window: QWidget | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.decline_question)
        self.timer.start()  # modal dialogs run their own event loop, which fires it too

    def decline_question(self) -> None:
        widget = QApplication.activeModalWidget()
        if widget is None:
            return
        say(Message("install.smoke_question_declined", title=widget.windowTitle()))
        if isinstance(widget, QDialog):
            widget.reject()
        else:
            widget.close()

    def close_when_shown(self, window: QWidget) -> None:
        """Call after window.show(), before the event loop starts."""
        self.window = window
        QTimer.singleShot(0, lambda: self._finish(window))

    def stop(self) -> None:
        """Call after the event loop has ended. The window is closed only now: closing the
        last window inside the loop would leave a Quit event behind for the next loop."""
        self.timer.stop()
        if self.window is not None:
            self.window.close()
        self.deleteLater()

    def _finish(self, window: QWidget) -> None:
        self.timer.stop()
        if not window.isVisible() or window.grab().isNull():
            say(Message("install.smoke_window_missing"))
            self.app.exit(EXIT_WINDOW_MISSING)
            return
        say(Message("install.smoke_window_shown", title=window.windowTitle(),
                    width=window.width(), height=window.height()))
        self.app.exit(0)

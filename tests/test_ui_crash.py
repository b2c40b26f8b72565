"""An exception nobody caught in the window (a slot, a worker thread) is one line in a
dialog with "Copy details", its details in a crash log; the app keeps running."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from sqlalchemy.exc import OperationalError

from judging_app.ui.crash import CrashDialog, CrashReporter
from judging_app.ui.dialogs import Dialogs


class Recorder(Dialogs):
    def __init__(self) -> None:
        super().__init__()
        self.crashes: list[tuple[str, str]] = []

    def show_crash(self, parent, line: str, details: str) -> None:
        self.crashes.append((line, details))


@pytest.fixture
def reporter(qapp):
    dialogs = Recorder()
    reporter = CrashReporter(dialogs)
    reporter.install()
    yield reporter, dialogs
    reporter.uninstall()


def _logs(tmp_path):
    import os
    from pathlib import Path

    return list(Path(os.environ["XDG_STATE_HOME"]).rglob("crash-*.log"))


@pytest.mark.qt_no_exception_capture
def test_an_exception_in_a_slot_is_one_line_and_a_crash_log(qtbot, reporter, tmp_path):
    _, dialogs = reporter
    before = len(_logs(tmp_path))

    def broken() -> None:
        raise ZeroDivisionError("a bug in a view")

    QTimer.singleShot(0, broken)
    qtbot.waitUntil(lambda: bool(dialogs.crashes), timeout=5000)
    line, details = dialogs.crashes[0]
    logs = _logs(tmp_path)
    assert len(logs) == before + 1 and str(max(logs, key=lambda p: p.stat().st_mtime)) in line
    assert "Something unexpected went wrong" in line and "Traceback" not in line
    assert "ZeroDivisionError: a bug in a view" in details


def test_an_exception_in_a_worker_thread_reaches_the_window(qtbot, reporter):
    _, dialogs = reporter

    def busy() -> None:
        raise OperationalError("INSERT", {}, Exception("database is locked"))

    thread = threading.Thread(target=busy)
    thread.start()
    thread.join()
    qtbot.waitUntil(lambda: bool(dialogs.crashes), timeout=5000)
    assert dialogs.crashes[0][0].startswith("The database is busy")


def test_the_dialog_copies_its_details(qtbot):
    dialog = CrashDialog(None, "Something unexpected went wrong.", "Traceback: the details")
    qtbot.addWidget(dialog)
    assert not dialog.text.isVisible()
    dialog.copy_button.click()
    assert QApplication.clipboard().text() == "Traceback: the details"
    assert dialog.isVisible() is False  # copying does not close it (it was never shown)
    dialog.show()
    dialog.show_button.click()
    assert dialog.text.isVisible()

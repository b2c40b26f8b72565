"""Killing the app loses nothing: the judge app runs in a subprocess (offscreen), a driver
types scores into the sheet with QTest (with Enter, with Tab, and one without either, saved
after the pause), then says it is ready; the test SIGKILLs it mid-sheet, starts judge mode
again and finds every value that was typed."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from decimal import Decimal as D
from pathlib import Path

import pytest

from judging_app.services import assignments, judge_packages, sheets
from judging_app.ui.judge.database_session import DatabaseJudgeSession
from judging_app.ui.judge.package_session import PackageJudgeSession

from factories import seeded_competition
from test_judge_mode_support import open_window

pytestmark = pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="needs SIGKILL")
ROOT = Path(__file__).resolve().parents[1]

DRIVER = r'''
import os, sys
os.environ["QT_QPA_PLATFORM"] = "offscreen"
from pathlib import Path
from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from judging_app.ui.dialogs import Dialogs
from judging_app.ui.judge.dialogs import Identity, JudgeDialogs
from judging_app.ui.judge.launch import start_judge
from judging_app.ui.judge.score_edit import SCORE_PAUSE_MS
from judging_app.ui.settings import AppSettings

mode, target, work, competition, ready = sys.argv[1:6]


class Me(JudgeDialogs):
    def choose_identity(self, parent, choices):
        return Identity(competition, "prop", "J1")


app = QApplication([])
started = start_judge(app, target if mode == "db" else None,
                      target if mode == "package" else None, "id",
                      AppSettings.at_path(Path(ready).with_suffix(".ini")), Dialogs(), Me(),
                      work_path=work if mode == "package" else None)
window = started.window
window.show()


def keys(text, enter=True):
    widget = QApplication.focusWidget()
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def run():
    window.activateWindow()
    window.home.focus_table()
    QTest.keyClick(window.home.table, Qt.Key.Key_Return)      # E1
    keys("4")
    keys("3,5")
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_PageDown,
                   Qt.KeyboardModifier.ControlModifier)          # E2
    keys("5", enter=False)
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # to A's comment
    keys("Inovatif")
    keys("2", enter=False)                                       # B: no Enter, no Tab
    QTest.qWait(SCORE_PAUSE_MS + 600)
    Path(ready).write_text("ready")


QTimer.singleShot(200, run)
app.exec()  # typing is done; the process stays open, mid-sheet, until it is killed
'''


def kill_mid_sheet(tmp_path: Path, mode: str, target: Path, competition: str,
                   work: Path | None = None) -> None:
    driver, ready = tmp_path / "driver.py", tmp_path / "ready.flag"
    driver.write_text(DRIVER, encoding="utf-8")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, str(driver), mode, str(target), str(work or ""),
                             competition, str(ready)], cwd=ROOT, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 90
        while not ready.exists():
            if proc.poll() is not None:
                pytest.fail(f"the judge app ended early:\n{proc.stdout.read().decode()}")
            if time.monotonic() > deadline:
                pytest.fail("the judge app did not get ready")
            time.sleep(0.1)
        assert proc.poll() is None  # still running, the sheet open
        os.kill(proc.pid, signal.SIGKILL)
        assert proc.wait(timeout=30) == -signal.SIGKILL
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
        proc.stdout.close()


def check_restarted(qtbot, session, tmp_path: Path) -> None:
    """The restarted app shows everything typed before the kill."""
    window, _dialogs, translations = open_window(qtbot, session, tmp_path / "again", "id")
    try:
        states = {it.code: (it.state, it.scored) for it in window.home.model.items()}
        assert states["E1"] == ("draft", 2) and states["E2"] == ("draft", 2)
        window.open_entry("E2")
        rubric = window.sheet.rubric
        assert (rubric.row("A").score.text(), rubric.row("A").comment.text(),
                rubric.row("B").score.text()) == ("5", "Inovatif", "2")
    finally:
        translations.restore()


def test_killing_the_app_on_a_package_loses_nothing(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2", "E3"])
    package = judge_packages.export_package(s.ws, s.code, "prop", "J1", tmp_path)
    work = tmp_path / "laptop" / "work.jret"
    kill_mid_sheet(tmp_path, "package", package, s.code, work)
    session = PackageJudgeSession(package, work)
    assert session.sheet("E1").scores == {"A": D(4), "B": D("3.5")}
    assert session.sheet("E2").scores == {"A": D(5), "B": D(2)}
    assert session.sheet("E2").comments == {"A": "Inovatif"}
    assert [p.name for p in work.parent.iterdir()] == ["work.jret"]  # no half-written file
    check_restarted(qtbot, session, tmp_path)


def test_killing_the_app_on_the_database_loses_nothing(qtbot, sqlite_db, tmp_path):
    s = seeded_competition(sqlite_db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2", "E3"])
    kill_mid_sheet(tmp_path, "db", Path(sqlite_db.path), s.code)
    e1 = sheets.get_sheet(sqlite_db, s.code, "prop", "J1", "E1")
    e2 = sheets.get_sheet(sqlite_db, s.code, "prop", "J1", "E2")
    assert e1.scores == {"A": D(4), "B": D("3.5")}
    assert (e2.scores, e2.comments) == ({"A": D(5), "B": D(2)}, {"A": "Inovatif"})
    check_restarted(qtbot, DatabaseJudgeSession(sqlite_db, s.code, "prop", "J1"), tmp_path)

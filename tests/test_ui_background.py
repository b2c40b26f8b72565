"""Background work: results and errors come back on the GUI thread; Cancel stops the work;
the event loop keeps running meanwhile."""

from __future__ import annotations

import threading
import time

from judging_app.ui.background import Cancelled, Runner


def test_result_arrives_on_the_gui_thread(qtbot, qapp):
    runner = Runner()
    got = {}
    gui_thread = threading.get_ident()

    def work(progress):
        got["worker_thread"] = threading.get_ident()
        for i in range(5):
            progress(i, 5)
            time.sleep(0.01)
        return 42

    def done(result):
        got["result"] = result
        got["done_thread"] = threading.get_ident()

    runner.run(work, label="working", parent=None, on_done=done, on_error=lambda e, t: None)
    ticks = []
    qtbot.waitUntil(lambda: ticks.append(1) or "result" in got, timeout=5000)
    assert got["result"] == 42
    assert got["done_thread"] == gui_thread != got["worker_thread"]
    assert len(ticks) > 1  # the GUI thread kept processing events while the work ran
    assert not runner.busy()


def test_errors_and_cancel_are_reported(qtbot):
    runner = Runner()
    errors = []

    def failing(progress):
        raise ValueError("berkas rusak")

    runner.run(failing, label="x", parent=None, on_done=lambda r: None,
               on_error=lambda e, t: errors.append((e, t)))
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0][0], ValueError) and "berkas rusak" in errors[0][1]

    started = threading.Event()

    def endless(progress):
        started.set()
        while True:
            progress(0, 10)
            time.sleep(0.005)

    errors.clear()
    runner.run(endless, label="y", parent=None, on_done=lambda r: None,
               on_error=lambda e, t: errors.append((e, t)))
    qtbot.waitUntil(started.is_set, timeout=5000)  # started by the event loop's next turn
    job = next(iter(runner._running))
    job.cancelled = True  # what the progress dialog's Cancel button does
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0][0], Cancelled)


def test_work_starts_once_the_gui_thread_is_free_and_a_load_cancelled_before_never_runs(qtbot):
    runner = Runner()
    ran, done, errors = [], [], []
    runner.run(lambda progress: ran.append("first") or 1, label="", parent=None,
               on_done=done.append, on_error=lambda e, t: errors.append(e))
    time.sleep(0.05)  # the GUI thread still busy (building a view, say)
    assert ran == []  # the worker does not compete with it for the GIL meanwhile
    qtbot.waitUntil(lambda: done == [1], timeout=5000)
    job = runner.run(lambda progress: ran.append("second"), label="", parent=None,
                     on_done=done.append, on_error=lambda e, t: errors.append(e))
    job.cancel()  # a newer load took over before this one started
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], Cancelled) and ran == ["first"] and done == [1]
    assert not runner.busy()


def test_synchronous_runner_for_tests():
    runner = Runner(synchronous=True)
    out = []
    runner.run(lambda progress: "ok", label="", parent=None, on_done=out.append,
               on_error=lambda e, t: out.append(e))
    assert out == ["ok"]


def test_a_job_whose_window_is_gone_ends_quietly(qapp):
    """Quitting while a job runs deletes its signal objects: the job stops at its next
    progress report and says nothing (it printed 'Signal source has been deleted')."""
    import shiboken6

    from judging_app.ui.background import _Job, _Signals

    reached = []

    def work(report):
        report(1, 2)
        reached.append("after the report")
        return 42

    signals = _Signals()
    job = _Job(work, signals)
    shiboken6.delete(signals)
    job.run()  # raised RuntimeError from the thread before
    assert reached == []
    assert isinstance(job.error, Cancelled)

    finished = _Signals()
    quiet = _Job(lambda report: 7, finished)
    shiboken6.delete(finished)
    quiet.run()
    assert quiet.result == 7 and quiet.error is None


def test_a_job_whose_view_was_closed_meanwhile_hands_its_outcome_to_no_one(qtbot):
    """A competition closed while one of its views was still loading: the view is gone when
    the work ends; its outcome is dropped instead of calling into the deleted widget (that
    raised 'Internal C++ object already deleted' into the event loop)."""
    import shiboken6
    from PySide6.QtWidgets import QWidget

    runner = Runner()
    release = threading.Event()
    view, kept = QWidget(), QWidget()
    qtbot.addWidget(kept)
    outcomes = []
    for parent, work in ((view, lambda p: release.wait(5) and "read"),
                         (view, lambda p: release.wait(5) and 1 / 0),
                         (kept, lambda p: release.wait(5) and "still wanted")):
        runner.run(work, label="", parent=parent, on_progress=lambda d, t: None,
                   on_done=outcomes.append, on_error=lambda e, t: outcomes.append(e))
    shiboken6.delete(view)  # the workspace closed
    release.set()
    qtbot.waitUntil(lambda: not runner.busy(), timeout=5000)
    assert outcomes == ["still wanted"]

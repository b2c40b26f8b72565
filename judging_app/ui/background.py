"""One helper for work that may take longer than a fifth of a second: it runs on a worker
thread, reports progress to a progress dialog with Cancel (or, for a view loading what it
shows, to the view itself: `on_progress`, no dialog), and hands the result (or the error)
back on the GUI thread. The window stays responsive meanwhile.

The work is a plain function taking a `progress(done, total)` callable; calling it after
Cancel raises `Cancelled` inside the work, which must then leave nothing half-written (the
services' transactions guarantee that). `run` returns the job: `cancel()` stops a load that
is no longer wanted. Tests may use `Runner(synchronous=True)`.

Work on the worker thread is Python holding the GIL most of the time, and the GUI thread
needs the GIL for every call into Python (each table cell painted, each event handled).
CPython hands the GIL over only after the waiting thread has waited a whole switch interval
(5 ms by default): a repaint making hundreds of such calls would stall for seconds while a
long computation runs. `Runner` therefore shortens the interval while a job runs
(FAST_SWITCH) and restores it when none does: the worker gives way within a
fraction of a millisecond whenever the GUI thread wants to run, and loses nothing while the
window is idle (nobody asks for the GIL then). The cyclic garbage collector is paused while
a job runs (core/gc_pause.py): its full collections hold the GIL for up to half a second.

What a large job built stays alive in the window (30,000 ranked rows, the evidence): every
later full collection would walk it again, on the GUI thread, at whatever moment (more than
0.1 s of CPU once the entries, the progress and the results of the 30,000-entry demo are
loaded). So the job's young garbage is collected on its worker, and when the last running
job that made more than LARGE_JOB objects ends, the survivors are frozen (`gc.freeze`: the
collector ignores them; reference counting still frees them). A frozen cycle is never
collected: `release_frozen()` (called when a competition's workspace closes, whose views
hold cycles) hands them back to the collector.
"""

from __future__ import annotations

import gc
import sys
import traceback
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from judging_app.core.gc_pause import paused_gc

FAST_SWITCH = 0.0002  # seconds; see the module's docstring
LARGE_JOB = 50_000  # objects made by a job: its survivors are frozen (see the docstring)
_switch = {"jobs": 0, "interval": sys.getswitchinterval(), "large": False}


def _started() -> None:
    if not _switch["jobs"]:
        _switch["interval"] = sys.getswitchinterval()
        sys.setswitchinterval(FAST_SWITCH)
    _switch["jobs"] += 1


def _ended(made: int) -> None:
    _switch["jobs"] -= 1
    _switch["large"] = _switch["large"] or made > LARGE_JOB
    if not _switch["jobs"]:
        sys.setswitchinterval(_switch["interval"])
        if _switch["large"]:  # no job is half-way: what is alive now is kept
            _switch["large"] = False
            gc.freeze()


def release_frozen() -> None:
    """Hand the objects frozen after large jobs back to the cyclic collector."""
    gc.unfreeze()


class Cancelled(Exception):
    """The person pressed Cancel."""


Progress = Callable[[int, int], None]
Work = Callable[[Progress], Any]


class _Signals(QObject):
    # No Python objects travel through the signals (PySide has shown reference-counting
    # crashes with Signal(object) across threads): results and errors stay on the job.
    progress = Signal(int, int)
    finished = Signal()
    failed = Signal()


class _Job(QRunnable):
    def __init__(self, work: Work, signals: _Signals) -> None:
        super().__init__()
        self.work = work
        self.signals = signals
        self.cancelled = False
        self.result: Any = None
        self.error: BaseException | None = None
        self.trace = ""
        self.made = 0  # objects the work made (tracked by the collector, net)
        self.setAutoDelete(False)

    def cancel(self) -> None:
        """Stop the work at its next progress report (it ends with `Cancelled`)."""
        self.cancelled = True

    def report(self, done: int, total: int) -> None:
        if self.cancelled or not self._emit(self.signals.progress, done, total):
            raise Cancelled()

    @staticmethod
    def _emit(signal, *args) -> bool:
        """Tell the GUI thread; False when no one is left to tell (the app is quitting
        and its signal objects are already gone: the work stops quietly instead of printing
        'Signal source has been deleted')."""
        try:
            signal.emit(*args)
        except RuntimeError:
            return False
        return True

    def run(self) -> None:
        try:
            if self.cancelled:  # cancelled before it started
                raise Cancelled()
            with paused_gc():  # see core/gc_pause: full collections froze the window
                self.result = self.work(self.report)
                # What the work made sits in the young generations: walked here, not by
                # the first collection on the GUI thread (16 ms for the 30,000-entry
                # results).
                self.made = gc.get_count()[0]
                gc.collect(1)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.error, self.trace = exc, traceback.format_exc()
            self._emit(self.signals.failed)
        else:
            self._emit(self.signals.finished)


class _Done:
    """The handle of a job that already ended (synchronous runner)."""

    def cancel(self) -> None:
        pass


class Runner(QObject):
    """Runs jobs; keeps them (and their signal objects) alive until they end."""

    SHOW_AFTER_MS = 200

    def __init__(self, parent: QObject | None = None, *, synchronous: bool = False) -> None:
        super().__init__(parent)
        self.synchronous = synchronous
        self.pool = QThreadPool.globalInstance()
        self._running: set[_Job] = set()

    def busy(self) -> bool:
        return bool(self._running)

    def run(
        self,
        work: Work,
        *,
        label: str,
        parent: QWidget | None,
        on_done: Callable[[Any], None],
        on_error: Callable[[BaseException, str], None],
        cancellable: bool = True,
        on_progress: Callable[[int, int], None] | None = None,
    ) -> _Job | _Done:
        """With `on_progress`, the caller shows the progress itself (inline): no dialog."""
        if self.synchronous:
            report = on_progress or (lambda done, total: None)
            try:
                result = work(report)
            except BaseException as exc:
                on_error(exc, traceback.format_exc())
            else:
                on_done(result)
            return _Done()
        signals = _Signals()
        job = _Job(work, signals)
        if on_progress is not None:
            signals.progress.connect(on_progress)
            return self._start(job, signals, on_done, on_error, lambda: None, parent)
        dialog = QProgressDialog(label, "", 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(self.SHOW_AFTER_MS)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        if cancellable:
            dialog.setCancelButtonText(self.tr("Cancel"))
            dialog.canceled.connect(lambda: setattr(job, "cancelled", True))
        else:
            dialog.setCancelButton(None)

        def progress(done: int, total: int) -> None:
            dialog.setMaximum(max(total, 0))
            dialog.setValue(min(done, total) if total else 0)

        def close() -> None:
            dialog.reset()
            dialog.deleteLater()

        signals.progress.connect(progress)
        return self._start(job, signals, on_done, on_error, close, parent)

    def _start(self, job: _Job, signals: _Signals, on_done: Callable[[Any], None],
               on_error: Callable[[BaseException, str], None], close: Callable[[], None],
               parent: QWidget | None) -> _Job:
        def finish() -> bool:
            """Whether anyone is left to hand the outcome to: the widget that asked may
            have been closed meanwhile (a competition closed while its view was loading)."""
            self._running.discard(job)
            _ended(job.made)
            close()
            signals.deleteLater()
            return parent is None or shiboken6.isValid(parent)

        def done() -> None:
            result, job.result = job.result, None
            if finish():
                on_done(result)

        def failed() -> None:
            error, job.error = job.error, None
            if finish():
                on_error(error, job.trace)  # type: ignore[arg-type]

        signals.finished.connect(done)
        signals.failed.connect(failed)
        _started()
        self._running.add(job)
        # Started on the next turn of the event loop: what the GUI thread is doing now
        # (building a view, laying it out, showing the loading state) is not slowed down by
        # the worker taking the GIL in turns with it.
        QTimer.singleShot(0, self, lambda: self.pool.start(job))
        return job

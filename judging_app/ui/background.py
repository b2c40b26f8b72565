"""One helper for work that may take longer than a fifth of a second: it runs on a worker
thread, reports progress to a progress dialog with Cancel, and hands the result (or the
error) back on the GUI thread. The window stays responsive meanwhile.

The work is a plain function taking a `progress(done, total)` callable; calling it after
Cancel raises `Cancelled` inside the work, which must then leave nothing half-written (the
services' transactions guarantee that). Tests may use `Runner(synchronous=True)`.
"""

from __future__ import annotations

import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget


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
        self.setAutoDelete(False)

    def report(self, done: int, total: int) -> None:
        if self.cancelled:
            raise Cancelled()
        self.signals.progress.emit(done, total)

    def run(self) -> None:
        try:
            self.result = self.work(self.report)
        except BaseException as exc:  # handed to the GUI thread, never lost
            self.error, self.trace = exc, traceback.format_exc()
            self.signals.failed.emit()
        else:
            self.signals.finished.emit()


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
    ) -> None:
        if self.synchronous:
            try:
                result = work(lambda done, total: None)
            except BaseException as exc:
                on_error(exc, traceback.format_exc())
            else:
                on_done(result)
            return
        signals = _Signals()
        job = _Job(work, signals)
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

        def finish() -> None:
            self._running.discard(job)
            dialog.reset()
            dialog.deleteLater()
            signals.deleteLater()

        def done() -> None:
            finish()
            result, job.result = job.result, None
            on_done(result)

        def failed() -> None:
            finish()
            error, job.error = job.error, None
            on_error(error, job.trace)  # type: ignore[arg-type]

        signals.progress.connect(progress)
        signals.finished.connect(done)
        signals.failed.connect(failed)
        self._running.add(job)
        self.pool.start(job)

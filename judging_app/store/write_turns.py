"""Writers on one SQLite file wait for their turn in the operating system, not in SQLite's
busy handler.

SQLite lets one writer at a time hold a file's write lock. A writer that finds it taken
sleeps and tries again (the busy handler): 1, 2, 5, 10 … ms at first, then 100 ms at a time.
Under many writers that is unfair and wasteful: a judge who has waited a while sleeps 100 ms
between tries while newcomers try every few milliseconds and win the lock, and the lock
stands idle while the sleepers sleep. With 60 judges saving on a 2-core machine that made
the slowest 5 % of saves wait 4 s and more (benchmarks/bench_concurrent_judges.py).

So a write transaction first takes an exclusive `flock` on a small file beside the database
(`<file>-writers`): waiters block in the kernel and are woken the moment the holder is done,
and the first of them to run goes next (whether it came first or last: a strict queue was
tried and made it worse, see docs/imports.md). SQLite's own lock is then free nearly every
time, and its busy handler stays what protects the file from writers that do not take a
turn (another program, an older version of the app). The wait for a turn is bounded like
SQLite's (`timeout`): after it the writer goes on to SQLite's lock as before, which refuses
it in the usual way ("busy, nothing was written") if the file is still held. A process
that dies holding a turn gives it back (the operating system drops its locks).

Nothing of this exists where `fcntl` does not (Windows): there the busy handler alone
serves. A nested write transaction of the same thread does not wait for itself; a folder
where the file cannot be made changes nothing.
"""

from __future__ import annotations

import contextlib
import os
import threading
from collections.abc import Iterator
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

SUFFIX = "-writers"


class WriteTurns:
    """Turns at writing one SQLite file, across the processes and threads using it (a
    `flock` belongs to an open file: each turn opens the file anew)."""

    def __init__(self, database: Path, timeout: float) -> None:
        self.path = Path(str(database) + SUFFIX)
        self.timeout = timeout
        self._mine = threading.local()  # this thread already holds a turn

    @contextlib.contextmanager
    def turn(self) -> Iterator[None]:
        if fcntl is None or getattr(self._mine, "held", False):
            yield
            return
        fd = self._enter()
        self._mine.held = True
        try:
            yield
        finally:
            self._mine.held = False
            if fd is not None:
                os.close(fd)  # gives the turn back

    def _open(self) -> int | None:
        try:
            return os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_CLOEXEC", 0),
                           0o600)
        except OSError:  # a read-only folder: no turns, SQLite's lock alone
            return None

    def _enter(self) -> int | None:
        """A descriptor holding the turn; None when none was had within the timeout (or
        none can be had here)."""
        fd = self._open()
        if fd is None:
            return None
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return fd
        except OSError:
            os.close(fd)
        return _wait_for_turn(self._open, self.timeout)


def _wait_for_turn(opener, timeout: float) -> int | None:
    """Block for the flock in a helper thread for at most `timeout` seconds. A helper that
    gets it after the caller stopped waiting closes its descriptor (giving it back) at once."""
    got = threading.Event()
    state: dict = {"fd": None, "abandoned": False}
    guard = threading.Lock()

    def take() -> None:
        fd = opener()
        if fd is None:
            got.set()
            return
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
        except OSError:
            os.close(fd)
            got.set()
            return
        with guard:
            if state["abandoned"]:
                os.close(fd)
                return
            state["fd"] = fd
        got.set()

    threading.Thread(target=take, name="write-turn", daemon=True).start()
    got.wait(timeout)
    with guard:
        state["abandoned"] = True
        return state["fd"]

"""Writes that lose a race are tried again, a few times, then refused in one line.

On PostgreSQL two transactions may still meet in a deadlock or a serialization failure
(the server then cancels one of them; nothing of it was written); on SQLite a writer may
wait longer than the busy timeout. Both are transient: `write_with_retry` runs the whole
unit of work again (a fresh transaction, re-reading everything), up to ATTEMPTS times with
a short random pause, then raises BusyError: "busy, nothing was written".
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database
from judging_app.store.db_errors import is_transient

T = TypeVar("T")
ATTEMPTS = 6
PAUSE = 0.05  # seconds, doubled each time, with jitter


class BusyError(ServiceError):
    """Others were writing the same rows at the same moment, every time it was tried."""


def busy_error() -> BusyError:
    return BusyError(Message("db.busy"))


def retry_transient(call: Callable[[], T], attempts: int = ATTEMPTS) -> T:
    """`call()` (a whole use case: its own transaction), run again from the start when it
    failed for a transient reason; BusyError after `attempts` tries."""
    for attempt in range(attempts):
        try:
            return call()
        except DBAPIError as exc:
            if not is_transient(exc):
                raise
            if attempt == attempts - 1:
                raise busy_error() from exc
            time.sleep(PAUSE * (2 ** attempt) * (0.5 + random.random()))
    raise AssertionError("unreachable")  # pragma: no cover


def write_with_retry(db: Database, work: Callable[[Session], T],
                     attempts: int = ATTEMPTS) -> T:
    """`work(session)` in one write transaction; run again from the start when the
    transaction failed for a transient reason."""
    def once() -> T:
        with db.write() as session:
            return work(session)

    return retry_transient(once, attempts)

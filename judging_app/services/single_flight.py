"""One computation shared by the threads that ask for the same thing at the same time.

Opening a competition starts the Overview's count of undecided ties (the final results,
computed in the background); choosing Results at once starts the same computation again.
On the 30,000-entry demo the two then ran side by side on the GIL, each taking twice as
long, and the window's event loop waited behind both. `SingleFlight.share(key, work)` runs
`work` in the first thread that asks for `key` and hands its outcome (result or exception)
to every thread that asks for the same key meanwhile. Nothing is kept afterwards: a later
request computes anew. The key must say everything the outcome depends on, including the
state of the data (see services.results: the latest audit event, which every write adds).
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from concurrent.futures import Future
from typing import Generic, TypeVar

T = TypeVar("T")


class SingleFlight(Generic[T]):
    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._flights: dict[Hashable, Future[T]] = {}
        self.waiting = 0  # threads waiting for another's outcome (tests look at it)

    def share(self, key: Hashable, work: Callable[[], T]) -> T:
        with self._lock:
            flight = self._flights.get(key)
            owner = flight is None
            if owner:
                flight = self._flights[key] = Future()
            else:
                self.waiting += 1
        if not owner:
            try:
                return flight.result()
            finally:
                with self._lock:
                    self.waiting -= 1
        try:
            result = work()
        except BaseException as exc:
            flight.set_exception(exc)
            raise
        else:
            flight.set_result(result)
            return result
        finally:
            with self._lock:
                del self._flights[key]

"""Python's cyclic garbage collector paused while large results are built.

Results and fairness build hundreds of thousands of small acyclic objects (row tuples,
fractions, dicts): reference counting frees them; the cyclic collector only finds nothing,
and its full collections walk the whole heap each time it grows by a quarter. On the
30,000-entry demo that was 40 % of the fairness evidence's time (nine full collections of
up to half a second each), and every full collection holds the GIL: the window froze for
as long. `paused_gc()` turns it off for the duration and back on afterwards (nested and
concurrent pauses count: the collector resumes when the last one ends).
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_state = {"pauses": 0, "was_enabled": True}


@contextmanager
def paused_gc() -> Iterator[None]:
    with _lock:
        if not _state["pauses"]:
            _state["was_enabled"] = gc.isenabled()
            gc.disable()
        _state["pauses"] += 1
    try:
        yield
    finally:
        with _lock:
            _state["pauses"] -= 1
            if not _state["pauses"] and _state["was_enabled"]:
                gc.enable()

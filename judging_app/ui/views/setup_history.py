"""Undo and redo of edits to the setup's working copy (Ctrl+Z / Ctrl+Shift+Z). The working
copy is an immutable CompetitionSetup, so the history is simply the copies before each
edit; a burst of edits within COALESCE_SECONDS (typing a name) counts as one."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterator
from typing import Generic, TypeVar

T = TypeVar("T")

COALESCE_SECONDS = 1.0
LIMIT = 200


class EditHistory(Generic[T]):
    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self.clock = clock
        self.undo_states: list[T] = []
        self.redo_states: list[T] = []
        self.restoring = False
        self._last_edit = float("-inf")

    def record(self, before: T, after: T) -> None:
        """An edit turned `before` into `after`."""
        if before == after:
            return
        now = self.clock()
        if not self.undo_states or now - self._last_edit > COALESCE_SECONDS:
            self.undo_states.append(before)
            del self.undo_states[:-LIMIT]
        self._last_edit = now
        self.redo_states.clear()

    def undo(self, current: T) -> T | None:
        if not self.undo_states:
            return None
        self.redo_states.append(current)
        self._last_edit = float("-inf")
        return self.undo_states.pop()

    def redo(self, current: T) -> T | None:
        if not self.redo_states:
            return None
        self.undo_states.append(current)
        self._last_edit = float("-inf")
        return self.redo_states.pop()

    def can_undo(self) -> bool:
        return bool(self.undo_states)

    def can_redo(self) -> bool:
        return bool(self.redo_states)

    def clear(self) -> None:
        self.undo_states.clear()
        self.redo_states.clear()

    @contextlib.contextmanager
    def restoring_state(self) -> Iterator[None]:
        """While a restored state is loaded into the widgets, their change signals are not
        new edits."""
        self.restoring = True
        try:
            yield
        finally:
            self.restoring = False

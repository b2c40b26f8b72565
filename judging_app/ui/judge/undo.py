"""Undo and redo of a judge's edits: one QUndoCommand per change of one field of one sheet
(a criterion's score with its comment, or the overall comment). The change is already made
and saved when the command is pushed; undo and redo make it again through the session, so
they are saved too (in the database, or in the package's work file).

A refused undo or redo (the sheet was submitted or changed elsewhere meanwhile) is reported
through the session's `undoFailed` signal; the sheet's history is then cleared, because
it no longer describes what is stored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand

from judging_app.ui.i18n import message_text
from judging_app.ui.judge.session import SaveFailed, SessionError

if TYPE_CHECKING:
    from judging_app.ui.judge.session import JudgeSession

MERGEABLE = 1


class SheetCommand(QUndoCommand):
    def __init__(self, session: JudgeSession, entry: str, criterion: str, before, after,
                 merge_key: object = None) -> None:
        super().__init__(f"{entry} {criterion or '*'}")
        self.session = session
        self.entry = entry
        self.criterion = criterion  # '' for the overall comment
        self.before = before
        self.after = after
        self.merge_key = merge_key
        self._applied = True  # pushed after the change was made: the first redo does nothing

    def id(self) -> int:
        return MERGEABLE if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, SheetCommand) or self.merge_key is None:
            return False
        if (other.merge_key, other.entry, other.criterion) != (
                self.merge_key, self.entry, self.criterion):
            return False
        self.after = other.after
        return True

    def redo(self) -> None:
        if self._applied:
            self._applied = False
            return
        self._put(self.after)

    def undo(self) -> None:
        self._put(self.before)

    def _put(self, value) -> None:
        try:
            self.session.apply(self.entry, self.criterion, value)
        except SaveFailed as exc:
            self.session.sheetChanged.emit(self.entry, self.criterion)
            self.session.undoFailed.emit(self.entry, message_text(exc))
            return
        except SessionError as exc:
            # Not while the stack is inside undo(): clear it once it has returned.
            entry = self.entry
            QTimer.singleShot(0, lambda: self.session.forget_history(entry))
            self.session.undoFailed.emit(entry, message_text(exc))
            return
        self.session.sheetChanged.emit(self.entry, self.criterion)

"""The fields of a sheet, built for the keyboard.

`ScoreEdit` accepts only scores on its criterion's scale: its validator refuses every
keystroke that cannot lead to one ("7" on a 1–5 scale, "3,25" with a step of 0,5), so a
wrong value cannot even be typed. Enter commits and asks to move to the next criterion; Up
and Down step by the scale's step; Escape puts back the saved value. A typed value is also
committed when the field loses focus and after a short pause, so closing the lid loses
nothing.

Comment fields commit when left and after a short pause. In every field, Ctrl+Z and
Ctrl+Shift+Z / Ctrl+Y go to the sheet's undo history (the window's actions), not to the
field's own text undo.
"""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from judging_app.ui.judge.labels import decimal_point
from judging_app.ui.judge.scale import ScaleRule, Typed, show

SCORE_PAUSE_MS = 1200  # a typed score is saved after this pause even without Enter
COMMENT_PAUSE_MS = 800
_STATES = {Typed.ACCEPTABLE: QValidator.State.Acceptable,
           Typed.INTERMEDIATE: QValidator.State.Intermediate,
           Typed.INVALID: QValidator.State.Invalid}


def is_history_key(event: QKeyEvent) -> bool:
    """Undo or redo, whichever way the platform spells them (also Ctrl+Y, Ctrl+Shift+Z)."""
    if event.matches(QKeySequence.StandardKey.Undo) or event.matches(QKeySequence.StandardKey.Redo):
        return True
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    ctrl, shift = Qt.KeyboardModifier.ControlModifier, Qt.KeyboardModifier.ShiftModifier
    return (event.key() == Qt.Key.Key_Y and mods == ctrl) or (
        event.key() == Qt.Key.Key_Z and mods == ctrl | shift)


def leave_history_keys_to_window(widget: QWidget, event: QEvent) -> bool:
    """True when a shortcut-override for undo/redo was declined (so the window's actions,
    i.e. the sheet's history, get the key instead of the field's own text undo)."""
    if event.type() == QEvent.Type.ShortcutOverride and is_history_key(event):  # type: ignore[arg-type]
        event.ignore()
        return True
    return False


class ScoreValidator(QValidator):
    def __init__(self, rule: ScaleRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule

    def validate(self, text: str, pos: int):  # noqa: D401 - Qt signature
        return _STATES[self.rule.classify(text)], text, pos


class _Visits:
    """Counts visits of a field: edits made during one visit undo as one."""

    def __init__(self) -> None:
        self.visit = 0

    def key(self, field: QWidget) -> tuple:
        return (id(field), self.visit)


class ScoreEdit(QLineEdit):
    committed = Signal(str, object, object)  # criterion, Decimal | None, merge key
    advance = Signal(str)  # Enter on a valid value: go to the next criterion
    entered = Signal(str)  # the field got the focus
    refused = Signal(str, str)  # criterion, the text the refused key would have made

    def __init__(self, rule: ScaleRule, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rule = rule
        self.code = rule.criterion.code
        self.stored: Decimal | None = None
        self.visits = _Visits()
        self.setValidator(ScoreValidator(rule, self))
        self.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setMaxLength(12)
        self.pause = QTimer(self, singleShot=True, interval=SCORE_PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.textEdited.connect(lambda _text: self.pause.start())

    def set_value(self, value: Decimal | None) -> None:
        self.stored = value
        if self.hasFocus() and self.rule.value(self.text()) == value and self.text():
            return  # the person's own spelling of the same value stays as typed
        self.setText(show(value, decimal_point()))

    def typed_value(self) -> tuple[bool, Decimal | None]:
        """(whether the text is a committable value, that value; None = empty)."""
        text = self.text().strip()
        if not text:
            return True, None
        value = self.rule.value(text)
        return value is not None, value

    def commit(self) -> bool:
        """Save the typed value if it is one and differs from the saved one."""
        self.pause.stop()
        if self.isReadOnly():
            return True
        ok, value = self.typed_value()
        if not ok:
            return False
        if value != self.stored:
            self.committed.emit(self.code, value, self.visits.key(self))
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & (
                Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier):
            if self.commit():
                self.advance.emit(self.code)
            else:
                QApplication.beep()
            return
        if key in (Qt.Key.Key_Up, Qt.Key.Key_Down) and not self.isReadOnly():
            steps = 1 if key == Qt.Key.Key_Up else -1
            self.setText(show(self.rule.stepped(self.text(), steps), decimal_point()))
            self.pause.start()
            return
        if key == Qt.Key.Key_Escape and self.text() != show(self.stored, decimal_point()):
            self.pause.stop()
            self.setText(show(self.stored, decimal_point()))
            return
        self._say_if_refused(event.text())
        super().keyPressEvent(event)

    def _say_if_refused(self, typed: str) -> None:
        """A key the scale refuses ("7" on 1–5, a letter) is not typed (the validator);
        `refused` lets the sheet say why, briefly."""
        if not typed or not typed.isprintable() or self.isReadOnly():
            return
        text = self.text()
        if self.hasSelectedText():
            start = self.selectionStart()
            end = start + len(self.selectedText())
        else:
            start = end = self.cursorPosition()
        candidate = text[:start] + typed + text[end:]
        if self.rule.classify(candidate) == Typed.INVALID:
            self.refused.emit(self.code, candidate)

    def event(self, event: QEvent) -> bool:
        if leave_history_keys_to_window(self, event):
            return True
        if event.type() == QEvent.Type.KeyPress and event.key() in (  # type: ignore[attr-defined]
                Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.commit()  # saved first, so the comment field next to it opens for Tab
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.visits.visit += 1
        super().focusInEvent(event)
        self.selectAll()  # typing replaces the value
        if event.reason() == Qt.FocusReason.MouseFocusReason:
            QTimer.singleShot(0, self.selectAll)  # also after the click placed the cursor
        self.entered.emit(self.code)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        # Saved, then shown as saved ("3.5" becomes "3,5" in Indonesian); an unfinished
        # "3," goes back to the saved value.
        self.commit()
        self.setText(show(self.stored, decimal_point()))
        super().focusOutEvent(event)


class CommentEdit(QLineEdit):
    """A criterion's comment (one line)."""

    committed = Signal(str, str, object)  # criterion, text, merge key
    advance = Signal(str)  # Enter: go to the next criterion's score
    entered = Signal(str)

    def __init__(self, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.stored = ""
        self.visits = _Visits()
        self.setClearButtonEnabled(False)
        self.pause = QTimer(self, singleShot=True, interval=COMMENT_PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.textEdited.connect(lambda _text: self.pause.start())
        self.editingFinished.connect(self.commit)
        self.returnPressed.connect(lambda: self.advance.emit(self.code))

    def set_value(self, text: str) -> None:
        self.stored = text
        if self.text() != text and not (self.hasFocus() and self.pause.isActive()):
            self.setText(text)

    def commit(self) -> None:
        self.pause.stop()
        if not self.isReadOnly() and self.isEnabled() and self.text() != self.stored:
            self.committed.emit(self.code, self.text(), self.visits.key(self))

    def event(self, event: QEvent) -> bool:
        if leave_history_keys_to_window(self, event):
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.visits.visit += 1
        super().focusInEvent(event)
        self.entered.emit(self.code)


class OverallCommentEdit(QPlainTextEdit):
    """The sheet's overall comment (several lines; Tab moves on)."""

    committed = Signal(str, object)  # text, merge key

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.stored = ""
        self.visits = _Visits()
        self.setTabChangesFocus(True)
        self.pause = QTimer(self, singleShot=True, interval=COMMENT_PAUSE_MS)
        self.pause.timeout.connect(self.commit)
        self.textChanged.connect(self._typed)
        self._setting = False

    def _typed(self) -> None:
        if not self._setting:
            self.pause.start()

    def set_value(self, text: str) -> None:
        self.stored = text
        if self.toPlainText() != text and not self.pause.isActive():
            self._setting = True
            self.setPlainText(text)
            self._setting = False

    def commit(self) -> None:
        self.pause.stop()
        if not self.isReadOnly() and self.toPlainText() != self.stored:
            self.committed.emit(self.toPlainText(), self.visits.key(self))

    def event(self, event: QEvent) -> bool:
        if leave_history_keys_to_window(self, event):
            return True
        return super().event(event)

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.visits.visit += 1
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.commit()
        super().focusOutEvent(event)

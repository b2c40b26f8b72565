"""Parts of the paper-sheet dialog (paper_entry.py): its questions (replaced in tests), the
input validator that lets only scores on the scale be typed, the table of fields that differ
between the two entries, and one criterion's row of widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor, QValidator
from PySide6.QtWidgets import (
    QInputDialog,
    QLabel,
    QLineEdit,
    QWidget,
)

from judging_app.core.setup import CriterionSpec
from judging_app.services.paper_sheets import (
    COMMENT,
    INVALID,
    OK,
    SCORE,
    FieldMismatch,
    typed_value_state,
)
from judging_app.ui.i18n import fill
from judging_app.ui.views.results_models import RowTableModel, localized_number

MISMATCH_COLOUR = QColor("#ffc9c0")


class PaperDialogs(QObject):
    """The questions the dialog asks; tests replace the methods."""

    def discard_reason(self, parent: QWidget | None) -> str | None:
        text, ok = QInputDialog.getMultiLineText(
            parent, self.tr("Discard first entry"),
            self.tr("Why is the first entry discarded? (recorded in the audit trail)"))
        return text.strip() if ok and text.strip() else None


class ScaleValidator(QValidator):
    """Accepts only what is, or may still become, a value on the criterion's scale."""

    STATES = {OK: QValidator.State.Acceptable, INVALID: QValidator.State.Invalid}

    def __init__(self, spec: CriterionSpec, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.spec = spec

    def validate(self, text: str, pos: int) -> Any:
        state = typed_value_state(text, self.spec)
        return self.STATES.get(state, QValidator.State.Intermediate), text, pos


class MismatchModel(RowTableModel):
    """What differs between the two entries, in rubric order."""

    FIELD, FIRST, SECOND = range(3)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: dict[str, str] = {}  # criterion code -> name shown
        self.order: dict[str, int] = {}  # criterion code -> position in the rubric

    def headers(self) -> Sequence[str]:
        return (self.tr("Field"), self.tr("First entry"), self.tr("Second entry"))

    def cell(self, m: FieldMismatch, column: int) -> str:
        name = self.names.get(m.criterion, m.criterion)
        if column == self.FIELD:
            if m.field == SCORE:
                return fill(self.tr("Score: %1"), name)
            return fill(self.tr("Comment: %1"), name) if m.field == COMMENT else self.tr(
                "Overall comment")
        text = m.first if column == self.FIRST else m.second
        if m.field == SCORE:
            return localized_number(text, self.locale)
        return " ".join(text.split()) or self.tr("(empty)")

    def sort_key(self, m: FieldMismatch, column: int) -> Any:
        if column == self.FIELD:
            return (self.order.get(m.criterion, len(self.order)), m.field != SCORE)
        return self.cell(m, column).casefold()

    def background(self, m: FieldMismatch) -> QColor | None:
        return MISMATCH_COLOUR

    def tooltip(self, m: FieldMismatch, column: int) -> str | None:
        return None if column == self.FIELD else self.cell(m, column)


@dataclass
class CriterionRow:
    spec: CriterionSpec
    name: QLabel
    level: QLabel  # what the typed score means (its level descriptor)
    hint: QLabel  # the scale
    value: QLineEdit
    comment: QLineEdit

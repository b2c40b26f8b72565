"""A table that shows nothing says why, in the table itself: "no matches" when a search or
a filter hides every row, instead of an empty grid that looks like missing data.

`EmptyHint(table, text)` puts a label over the table's viewport; `text()` gives the words
for the current state (None: say nothing, e.g. while the table simply has no rows yet and
the view explains that elsewhere). It follows the model: shown whenever the model has no
rows and there is something to say.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QLabel


class EmptyHint(QObject):
    def __init__(self, table: QAbstractItemView, text: Callable[[], str | None]) -> None:
        super().__init__(table)
        self.table, self.text = table, text
        self.label = QLabel(table.viewport())
        self.label.setObjectName("emptyHint")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.label.setStyleSheet("color: #555555; padding: 24px;")
        self.label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.label.hide()
        model = table.model()
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved,
                       model.layoutChanged):
            signal.connect(self.follow)
        table.viewport().installEventFilter(self)
        self.follow()

    def follow(self, *_args) -> None:
        """Show or hide the words for the current rows (call after retranslating too)."""
        words = self.text() if self.table.model().rowCount() == 0 else None
        self.label.setVisible(bool(words))
        if words:
            self.label.setText(words)
            self.label.setGeometry(self.table.viewport().rect())

    def shown_text(self) -> str | None:
        """The words shown, None when hidden (for tests and screenshots)."""
        return self.label.text() if not self.label.isHidden() else None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and not self.label.isHidden():
            self.label.setGeometry(self.table.viewport().rect())
        return False

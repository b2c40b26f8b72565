"""A view with nothing to show yet says what to do next instead of showing a bare empty
table: `NextStep` is a calm box with a title, a sentence and (optionally) buttons for the
actions that fill it. The view decides when it shows (`show_step` / `hide`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from judging_app.ui.icons import icon

STYLE = ("QFrame#nextStep { background: #eef4fb; border: 1px solid #b9cde5;"
         " border-radius: 6px; }")


class NextStep(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("nextStep")
        self.setStyleSheet(STYLE)
        self.title = QLabel()
        self.title.setObjectName("nextStepTitle")
        self.title.setStyleSheet("font-weight: bold; border: none; background: transparent;")
        self.text = QLabel()
        self.text.setObjectName("nextStepText")
        self.text.setWordWrap(True)
        self.text.setStyleSheet("border: none; background: transparent;")
        self.buttons_row = QHBoxLayout()
        self.buttons: list[QPushButton] = []
        pic = QLabel()
        pic.setPixmap(icon("next", "#0b5cad").pixmap(QSize(22, 22)))
        pic.setStyleSheet("border: none; background: transparent;")
        pic.setAlignment(Qt.AlignmentFlag.AlignTop)
        words = QVBoxLayout()
        words.addWidget(self.title)
        words.addWidget(self.text)
        words.addLayout(self.buttons_row)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.addWidget(pic, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(words, 1)
        self.hide()

    def show_step(self, title: str, text: str,
                  actions: Sequence[tuple[str, Callable[[], object]]] = ()) -> None:
        """Show the title, the sentence and one button per (text, what it does)."""
        self.title.setText(title)
        self.text.setText(text)
        while self.buttons_row.count():
            item = self.buttons_row.takeAt(0)
            if item.widget() is not None:  # hidden at once: deleted when the loop returns
                item.widget().hide()
                item.widget().deleteLater()
        self.buttons = []
        for text_, slot in actions:
            button = QPushButton(text_)
            button.setObjectName("nextStepButton")
            button.clicked.connect(lambda _c=False, s=slot: s())
            self.buttons_row.addWidget(button)
            self.buttons.append(button)
        if actions:
            self.buttons_row.addStretch(1)
        self.show()

    def shown_text(self) -> str | None:
        """Title and sentence while shown (tests and screenshots), else None."""
        return f"{self.title.text()} {self.text.text()}" if not self.isHidden() else None

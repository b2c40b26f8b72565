"""The guided start: what an empty window offers (no competition in the open database yet).
Four big actions a first-time secretariat recognises, each with one line saying what it
does; the window connects their signals."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.ui.icons import icon

ACCENT = "#0b5cad"
BUTTON_STYLE = (
    "QToolButton { text-align: left; padding: 10px 14px; border: 1px solid #c4c9d0;"
    " border-radius: 6px; background: palette(base); }"
    "QToolButton:hover, QToolButton:focus { border: 2px solid " + ACCENT + "; }"
)


class StartAction(QToolButton):
    """A large button: icon, a bold title and a line of explanation that wraps."""

    def __init__(self, key: str, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"start_{key}")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumHeight(84)
        self.setStyleSheet(BUTTON_STYLE)
        self.title, self.detail = "", ""
        picture = QLabel()
        picture.setPixmap(icon(icon_name, ACCENT).pixmap(QSize(36, 36)))
        self.title_label, self.detail_label = QLabel(), QLabel()
        self.title_label.setStyleSheet("font-weight: bold; font-size: 11pt;")
        self.detail_label.setWordWrap(True)
        self.detail_label.setStyleSheet("color: #4a4f57;")
        words = QVBoxLayout()
        words.setSpacing(2)
        words.addWidget(self.title_label)
        words.addWidget(self.detail_label)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(14)
        layout.addWidget(picture)
        layout.addLayout(words, 1)
        for label in (picture, self.title_label, self.detail_label):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)

    def set_texts(self, title: str, detail: str) -> None:
        """The title (with its & mnemonic: Alt+letter presses it) and the explanation."""
        self.title, self.detail = title, detail
        self.title_label.setText(title.replace("&&", "\0").replace("&", "").replace("\0", "&"))
        self.detail_label.setText(detail)
        self.setShortcut(QKeySequence.mnemonic(title))
        self.setAccessibleName(self.title_label.text())
        self.setAccessibleDescription(detail)


class StartPage(QWidget):
    newRequested = Signal()
    demoRequested = Signal()
    openRequested = Signal()
    serverRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        self.title = QLabel()
        self.title.setObjectName("emptyTitle")
        self.title.setWordWrap(True)
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.5)
        font.setBold(True)
        self.title.setFont(font)
        self.hint = QLabel()
        self.hint.setObjectName("emptyHint")
        self.hint.setWordWrap(True)
        self.hint.setStyleSheet("color: #4a4f57;")
        self.actions = {
            "new": StartAction("new", "new"),
            "demo": StartAction("demo", "demo"),
            "open": StartAction("open", "open"),
            "server": StartAction("server", "server"),
        }
        for key, signal in (("new", self.newRequested), ("demo", self.demoRequested),
                            ("open", self.openRequested), ("server", self.serverRequested)):
            self.actions[key].clicked.connect(signal)
        grid = QGridLayout()
        grid.setHorizontalSpacing(16)
        grid.setVerticalSpacing(16)
        for i, key in enumerate(("new", "demo", "open", "server")):
            grid.addWidget(self.actions[key], i // 2, i % 2)
        inner = QWidget()
        inner.setMaximumWidth(980)
        inner.setMinimumWidth(640)
        inner.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        column = QVBoxLayout(inner)
        column.addWidget(self.title)
        column.addWidget(self.hint)
        column.addSpacing(18)
        column.addLayout(grid)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(40, 32, 40, 32)
        middle = QHBoxLayout()
        middle.addStretch(1)
        middle.addWidget(inner, 10)
        middle.addStretch(1)
        layout.addStretch(1)
        layout.addLayout(middle)
        layout.addStretch(2)
        self.retranslate()

    def retranslate(self) -> None:
        self.title.setText(self.tr("Welcome. How do you want to start?"))
        self.hint.setText(self.tr(
            "This database has no competition yet. Start a new one from a ready-made rubric, "
            "look around in a demo competition with sample entries and scores, or open the "
            "competitions your team already keeps in a file or on a server."))
        self.actions["new"].set_texts(
            self.tr("&New competition from a template"),
            self.tr("A city, national (KIPP) or IGA rubric, ready to adjust"))
        self.actions["demo"].set_texts(
            self.tr("&Try with demo data"),
            self.tr("140 sample innovations, 5 judges and their scores, in a separate file"))
        self.actions["open"].set_texts(
            self.tr("&Open a file"),
            self.tr("A judging database (.sqlite) saved on this computer or a flash drive"))
        self.actions["server"].set_texts(
            self.tr("&Connect to a server"),
            self.tr("The panel's shared PostgreSQL database"))

"""The user guide (F1), in the interface's language, shown inside the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from judging_app.resources_access import read_resource_text


def guide_html(language: str) -> str:
    return read_resource_text(f"help/guide_{'id' if language == 'id' else 'en'}.html")


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(720, 640)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        self.browser.setHtml(guide_html(language))
        self.setWindowTitle(self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.setWindowTitle(self.tr("User guide"))
        super().changeEvent(event)

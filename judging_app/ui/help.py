"""The user guide (F1), in the interface's language, shown inside the app."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from judging_app.resources_access import read_resource_text

GUIDE, JUDGE_GUIDE = "guide", "judge_guide"


def guide_html(language: str, name: str = GUIDE) -> str:
    return read_resource_text(f"help/{name}_{'id' if language == 'id' else 'en'}.html")


class GuideDialog(QDialog):
    """The secretariat's guide (`GUIDE`) or the judge's (`JUDGE_GUIDE`)."""

    def __init__(self, language: str, parent: QWidget | None = None, name: str = GUIDE) -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.name = name
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
        self.browser.setHtml(guide_html(language, self.name))
        self._title()

    def _title(self) -> None:
        self.setWindowTitle(self.tr("Judge's guide") if self.name == JUDGE_GUIDE
                            else self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._title()
        super().changeEvent(event)

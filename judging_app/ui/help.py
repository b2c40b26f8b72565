"""The user manual (F1), in the interface's language, shown inside the app with its
screenshots: the whole manual in the secretariat's window, the judge's part in the judge's
(resources/help/, built from docs/manual/ by tools/build_manual.py)."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from judging_app.exchange.manual_pdf import add_images, manual_html

PARTS = ("manual", "judge")


def guide_html(language: str, part: str = "manual") -> str:
    return manual_html(language, part)


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None,
                 part: str = "manual") -> None:
        super().__init__(parent)
        self.setObjectName("guideDialog")
        self.part = part
        self.browser = QTextBrowser()
        self.browser.setObjectName("guideText")
        self.browser.setOpenExternalLinks(True)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(self.buttons)
        self.resize(860, 680)
        self.set_language(language)

    def set_language(self, language: str) -> None:
        html = guide_html(language, self.part)
        add_images(self.browser.document(), html)
        self.browser.setHtml(html)
        self._title()

    def _title(self) -> None:
        self.setWindowTitle(self.tr("Judge's guide") if self.part == "judge"
                            else self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._title()
        super().changeEvent(event)

"""The user manual (F1), in the interface's language, shown inside the app with its
screenshots in the secretariat's window (resources/help/manual_*.html, built from
docs/manual/ by tools/build_manual.py); the judge's guide in the judge's window."""

from __future__ import annotations

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from judging_app.exchange.manual_pdf import add_images, manual_html

# The whole manual (the secretariat's window); the judge's guide (the judge's window: the
# keys and the path through a list, resources/help/judge_guide_*.html).
GUIDE, JUDGE_GUIDE = "manual", "judge_guide"


def guide_html(language: str, part: str = GUIDE) -> str:
    return manual_html(language, part)


class GuideDialog(QDialog):
    def __init__(self, language: str, parent: QWidget | None = None,
                 part: str = GUIDE) -> None:
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
        self.setWindowTitle(self.tr("Judge's guide") if self.part == JUDGE_GUIDE
                            else self.tr("User guide"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._title()
        super().changeEvent(event)

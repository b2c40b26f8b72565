"""Honest waiting inside a view: while a page's data is computed it shows what is being done
and how far it got (real steps when the work reports them, a moving bar when it cannot),
never the empty tables and zeros of data that is not there yet.

`Loadable` holds a page's content and a `LoadingPanel` and shows one of them. A first load
shows the panel at once (there is nothing to show yet); a reload keeps the previous content
greyed out and shows the panel only if the work takes longer than RELOAD_GRACE_MS, so a
quick recomputation does not flicker.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QLabel, QProgressBar, QStackedWidget, QVBoxLayout, QWidget

RELOAD_GRACE_MS = 250


class LoadingPanel(QWidget):
    """What is being done and a progress bar, centred in the page."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("loadingPanel")
        self.label = QLabel()
        self.label.setObjectName("loadingText")
        self.label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.label.setWordWrap(True)
        self.bar = QProgressBar()
        self.bar.setObjectName("loadingProgress")
        self.bar.setMinimumWidth(320)
        self.bar.setMaximumWidth(480)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.label)
        layout.addWidget(self.bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)

    def begin(self, text: str) -> None:
        self.label.setText(text)
        self.bar.setRange(0, 0)  # moving: no step reported yet
        self.bar.show()

    def set_text(self, text: str) -> None:
        self.label.setText(text)

    def set_progress(self, done: int, total: int) -> None:
        if total > 0:
            self.bar.setRange(0, total)
            self.bar.setValue(min(done, total))

    def fail(self, text: str) -> None:
        """The work failed: say so where the content would be."""
        self.label.setText(text)
        self.bar.hide()

    def progress_text(self) -> str | None:
        """'3/8' once steps are reported; None while the bar only moves."""
        if self.bar.maximum() <= 0:
            return None
        return f"{self.bar.value()}/{self.bar.maximum()}"


class Loadable(QStackedWidget):
    """A page's content, or the loading panel in its place."""

    def __init__(self, content: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.content = content
        self.loading = LoadingPanel()
        self.addWidget(content)
        self.addWidget(self.loading)
        self._loading = False
        self._has_content = False
        self._grace = QTimer(self)
        self._grace.setSingleShot(True)
        self._grace.setInterval(RELOAD_GRACE_MS)
        self._grace.timeout.connect(lambda: self.setCurrentWidget(self.loading))

    def begin(self, text: str) -> None:
        """Loading starts: the panel now (first load) or after the grace period (reload)."""
        self._loading = True
        self.loading.begin(text)
        self.content.setEnabled(False)
        if self._has_content:
            self._grace.start()
        else:
            self.setCurrentWidget(self.loading)

    def finish(self) -> None:
        """The content is up to date: show it."""
        self._loading, self._has_content = False, True
        self._grace.stop()
        self.content.setEnabled(True)
        self.setCurrentWidget(self.content)

    def fail(self, text: str) -> None:
        """The load failed (the error was shown): the previous content if there is one,
        else the reason in its place."""
        self._loading = False
        self._grace.stop()
        if self._has_content:
            self.content.setEnabled(True)
            self.setCurrentWidget(self.content)
        else:
            self.loading.fail(text)
            self.setCurrentWidget(self.loading)

    def is_loading(self) -> bool:
        return self._loading

    def has_content(self) -> bool:
        """A load has finished at least once (the content shows real data)."""
        return self._has_content

"""The document viewer: which document, page N of M, zoom, search, "open outside", over the
continuous page view. Rendering happens on a worker thread (render_worker.py) that asks a
separate process for PDF pages, so a heavy page never freezes the window; a file that
cannot be shown says so, with "open outside" as the way on.

Keys act only while the focus is inside the viewer (so a judge's digits always go to the
score fields): PgUp/PgDn, arrows, Home/End, Space scroll; Ctrl+F searches; Enter and
Shift+Enter in the search field go to the next and previous hit; Ctrl++ / Ctrl+- zoom,
Ctrl+0 fits the width; Esc leaves the viewer (leaveRequested)."""

from __future__ import annotations

import time

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMetaObject,
    QObject,
    Qt,
    QThread,
    Signal,
)
from PySide6.QtGui import QAction, QImage, QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QSpinBox,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from judging_app.ui.documents.page_view import FIT_WIDTH, PageView
from judging_app.ui.documents.render_worker import RenderWorker
from judging_app.ui.i18n import fill

ZOOMS = (FIT_WIDTH, 0.5, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0)


class DocumentViewer(QWidget):
    openOutside = Signal()  # the person wants the system's viewer
    documentChosen = Signal(int)  # index in the list given to set_documents
    leaveRequested = Signal()  # Esc: give the focus back to where the work is
    firstPageShown = Signal(float)  # seconds from show_file to the first page's pixels
    # requests to the worker (queued: they run on its thread)
    _open = Signal(int, str, str)
    _fetch = Signal(int, object)
    _render = Signal(int, int, float)
    _search = Signal(int, str)
    _warm = Signal()

    def __init__(self, parent: QWidget | None = None, time_limit: float | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentViewer")
        self.token = 0
        self.reason = ""  # why the current file cannot be shown ('' when it can)
        self.hits: list[tuple[int, int]] = []  # (page, index among the page's rects)
        self.hit = -1
        self._opened_at = 0.0
        self._first_shown = True
        self._make_widgets()
        self._thread = QThread(self)
        self._thread.setObjectName("documentRenderer")
        self.worker = RenderWorker(time_limit)
        self.worker.moveToThread(self._thread)
        self._open.connect(self.worker.open)
        self._fetch.connect(self.worker.fetch_and_open)
        self._render.connect(self.worker.render)
        self._search.connect(self.worker.search)
        self._warm.connect(self.worker.warm_up)
        self.worker.opened.connect(self._opened)
        self.worker.failed.connect(self._failed)
        self.worker.pageReady.connect(self._page_ready)
        self.worker.pageFailed.connect(self._page_failed)
        self.worker.found.connect(self._found)
        self._thread.finished.connect(self.worker.deleteLater)
        self._stopped = False
        self.retranslate()
        self._update_controls()

    # -- widgets ----------------------------------------------------------------------------
    def _make_widgets(self) -> None:
        def tool(name: str, text: str, slot) -> QToolButton:
            button = QToolButton(objectName=name, text=text, autoRaise=True)
            button.clicked.connect(slot)
            return button

        self.documents = QComboBox(objectName="documentChoice")
        self.documents.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.documents.setMinimumContentsLength(14)
        self.documents.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.documents.activated.connect(self.documentChosen.emit)
        self.previous_page = tool("previousPage", "▲", lambda: self.go_to(self.current_page() - 1))
        self.next_page = tool("nextPage", "▼", lambda: self.go_to(self.current_page() + 1))
        self.page = QSpinBox(objectName="pageNumber", minimum=1, maximum=1, keyboardTracking=False)
        self.page.valueChanged.connect(lambda n: self.go_to(n - 1))
        self.page_count_label = QLabel(objectName="pageCount")
        self.zoom_out = tool("zoomOut", "−", lambda: self._step_zoom(1 / 1.25))
        self.zoom_choice = QComboBox(objectName="zoomChoice")
        self.zoom_choice.activated.connect(lambda i: self.pages.set_zoom(ZOOMS[i]))
        self.zoom_in = tool("zoomIn", "+", lambda: self._step_zoom(1.25))
        self.search = QLineEdit(objectName="documentSearch", clearButtonEnabled=True)
        self.search.setMinimumWidth(90)
        self.search.returnPressed.connect(self._search_or_next)
        self.search.installEventFilter(self)
        self.hit_label = QLabel(objectName="hitCount")
        self.previous_hit = tool("previousHit", "‹", lambda: self.step_hit(-1))
        self.next_hit = tool("nextHit", "›", lambda: self.step_hit(1))
        self.outside = QToolButton(objectName="openOutside", autoRaise=True)
        self.outside.clicked.connect(self.openOutside.emit)
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.setSpacing(2)
        top.addWidget(self.documents, 1)
        top.addWidget(self.outside)
        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        bar.setSpacing(2)
        for w in (self.previous_page, self.next_page, self.page, self.page_count_label):
            bar.addWidget(w)
        bar.addSpacing(6)
        for w in (self.zoom_out, self.zoom_choice, self.zoom_in):
            bar.addWidget(w)
        bar.addSpacing(6)
        bar.addWidget(self.search, 1)
        for w in (self.hit_label, self.previous_hit, self.next_hit):
            bar.addWidget(w)
        self.pages = PageView()
        self.pages.wanted.connect(self._want)
        self.pages.currentPageChanged.connect(self._page_changed)
        self.pages.zoomChanged.connect(lambda _z: self._update_controls())
        self.pages.installEventFilter(self)
        self.message = QLabel(objectName="documentMessage", wordWrap=True,
                              alignment=Qt.AlignmentFlag.AlignCenter)
        self.message_outside = QPushButton(objectName="messageOpenOutside")
        self.message_outside.clicked.connect(self.openOutside.emit)
        message_page = QWidget()
        box = QVBoxLayout(message_page)
        box.addStretch(1)
        box.addWidget(self.message)
        box.addWidget(self.message_outside, 0, Qt.AlignmentFlag.AlignCenter)
        box.addStretch(2)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.pages)
        self.stack.addWidget(message_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(3)
        layout.addLayout(top)
        layout.addLayout(bar)
        layout.addWidget(self.stack, 1)
        for name, keys, slot in (
                ("findInDocument", QKeySequence.StandardKey.Find, self.focus_search),
                ("zoomInDocument", QKeySequence.StandardKey.ZoomIn, lambda: self._step_zoom(1.25)),
                ("zoomOutDocument", QKeySequence.StandardKey.ZoomOut,
                 lambda: self._step_zoom(1 / 1.25)),
                ("fitWidth", QKeySequence("Ctrl+0"), lambda: self.pages.set_zoom(FIT_WIDTH))):
            action = QAction(self, objectName=name)
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search in the document"))
        self.outside.setText(self.tr("Open outside"))
        self.outside.setToolTip(self.tr("Open the file in the computer's own viewer"))
        self.message_outside.setText(self.tr("Open outside the app"))
        for button, tip in ((self.previous_page, self.tr("Previous page (PgUp)")),
                            (self.next_page, self.tr("Next page (PgDn)")),
                            (self.zoom_out, self.tr("Zoom out (Ctrl+-)")),
                            (self.zoom_in, self.tr("Zoom in (Ctrl++)")),
                            (self.previous_hit, self.tr("Previous match (Shift+Enter)")),
                            (self.next_hit, self.tr("Next match (Enter)"))):
            button.setToolTip(tip)
        current = self.zoom_choice.currentIndex()
        self.zoom_choice.clear()
        self.zoom_choice.addItems([self.tr("Fit width") if z == FIT_WIDTH else f"{round(z * 100)} %"
                                   for z in ZOOMS])
        self.zoom_choice.setCurrentIndex(max(0, current))
        self.pages.placeholder_text = self.tr("Opening…")
        if self.reason:
            self.message.setText(self._reason_text(self.reason))
        self._update_controls()

    def _reason_text(self, reason: str) -> str:
        why = {
            "encrypted": self.tr("This PDF is protected with a password, so it cannot be "
                                 "displayed here."),
            "damaged": self.tr("This file cannot be displayed here: it is damaged or not what "
                               "its name says."),
            "unreadable": self.tr("This file cannot be displayed here."),
            "empty": self.tr("This PDF has no pages."),
            "too_complex": self.tr("This document cannot be displayed here: it is too large or "
                                   "too complex to draw in reasonable time and memory."),
            "not_shown": self.tr("This kind of file is not displayed in the app."),
            "none": self.tr("This entry has no documents."),
        }.get(reason, reason)
        if reason == "none":
            return why
        return why + "\n" + self.tr("You can open it outside the app with the button below.")

    # -- what is shown ----------------------------------------------------------------------
    def set_documents(self, titles: list[str], current: int = 0) -> None:
        self.documents.clear()
        self.documents.addItems(titles)
        self.documents.setCurrentIndex(current if titles else -1)
        self.documents.setEnabled(len(titles) > 1)

    def _ensure_thread(self) -> None:
        """The worker's thread starts with the first document (a window that never shows
        one never starts it)."""
        if not self._thread.isRunning() and not self._stopped:
            app = QCoreApplication.instance()
            if app is not None:  # however the app ends, the thread and the process end too
                app.aboutToQuit.connect(self.shutdown)
            self._thread.start()

    def prepare(self) -> None:
        """Start the renderer process now, ahead of the first document."""
        self._ensure_thread()
        self._warm.emit()

    def show_file(self, path: str, media_type: str) -> None:
        self._begin()
        self._open.emit(self.token, str(path), media_type)

    def show_fetched(self, fetch) -> None:
        """Show the file `fetch()` gives as (path, media type); fetch runs on the worker
        thread (writing a document from the database must not freeze the window)."""
        self._begin()
        self._fetch.emit(self.token, fetch)

    def _begin(self) -> None:
        self._ensure_thread()
        self.token += 1
        self.reason = ""
        self.hits, self.hit = [], -1
        self._opened_at, self._first_shown = time.perf_counter(), False
        self.worker.wanted = frozenset()
        self.pages.clear()
        self.stack.setCurrentWidget(self.pages)
        self._update_controls()

    def show_problem(self, reason: str) -> None:
        """A file that cannot be shown: why (a reason code, or a sentence)."""
        self.token += 1
        self.reason = reason
        self.pages.clear()
        self.message.setText(self._reason_text(reason))
        self.message_outside.setVisible(reason != "none")
        self.stack.setCurrentIndex(1)
        self._update_controls()

    def page_count(self) -> int:
        return len(self.pages.sizes)

    def current_page(self) -> int:
        return self.pages.current_page()

    def go_to(self, index: int) -> None:
        self.pages.go_to_page(index)

    # -- worker answers ---------------------------------------------------------------------
    def _opened(self, token: int, sizes: list) -> None:
        if token != self.token:
            return
        self.pages.set_document([tuple(s) for s in sizes])
        self._update_controls()

    def _failed(self, token: int, reason: str) -> None:
        if token == self.token:
            self.show_problem(reason)

    def _want(self, pages: list, scale: float) -> None:
        self.worker.wanted = frozenset((self.token, p, scale) for p in pages)
        for p in pages:
            self._render.emit(self.token, p, scale)

    def _page_ready(self, token: int, index: int, scale: float, image: QImage) -> None:
        if token != self.token:
            return
        self.pages.set_page_image(index, scale, image)
        if not self._first_shown:
            self._first_shown = True
            self.firstPageShown.emit(time.perf_counter() - self._opened_at)

    def _page_failed(self, token: int, index: int) -> None:
        if token == self.token:
            self.pages.set_page_failed(index)
            if len(self.pages.failed) >= min(2, self.page_count()):  # nothing can be drawn
                self.show_problem("too_complex")

    # -- search -----------------------------------------------------------------------------
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _search_or_next(self) -> None:
        text = self.search.text().strip()
        if not text:
            self.pages.set_hits({})
            self.hits, self.hit = [], -1
            self._update_controls()
        elif self.hits and getattr(self, "_searched", "") == text:
            self.step_hit(1)
        else:
            self._searched = text
            self.hit_label.setText(self.tr("Searching…"))
            self._ensure_thread()
            self._search.emit(self.token, text)

    def _found(self, token: int, text: str, found: list) -> None:
        if token != self.token or text != self.search.text().strip():
            return
        by_page = {page: [tuple(r) for r in rects] for page, rects in found}
        self.pages.set_hits(by_page)
        self.hits = [(page, i) for page, rects in sorted(by_page.items()) for i in range(len(rects))]
        self.hit = -1
        if self.hits:
            start = next((n for n, (p, _) in enumerate(self.hits) if p >= self.current_page()), 0)
            self.hit = start - 1
            self.step_hit(1)
        self._update_controls()

    def step_hit(self, delta: int) -> None:
        if not self.hits:
            return
        self.hit = (self.hit + delta) % len(self.hits)
        self.pages.show_hit(*self.hits[self.hit])
        self._update_controls()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if watched is self.search:
                if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                        event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
                    self.step_hit(-1)
                    return True
                if event.key() == Qt.Key.Key_Escape:
                    self.pages.setFocus()
                    return True
            elif watched is self.pages and event.key() == Qt.Key.Key_Escape:
                self.leaveRequested.emit()
                return True
        return super().eventFilter(watched, event)

    # -- controls ---------------------------------------------------------------------------
    def _step_zoom(self, factor: float) -> None:
        self.pages.set_zoom(self.pages.zoom() * factor)

    def _page_changed(self, page: int) -> None:
        self.page.blockSignals(True)
        self.page.setValue(page + 1)
        self.page.blockSignals(False)
        self._update_controls()

    def _update_controls(self) -> None:
        count = self.page_count()
        shown = count > 0 and self.stack.currentIndex() == 0
        self.page.blockSignals(True)
        self.page.setMaximum(max(1, count))
        self.page.setValue(self.current_page() + 1)
        self.page.blockSignals(False)
        self.page_count_label.setText(fill(self.tr("of %1"), str(count)) if count else "")
        for w in (self.previous_page, self.next_page, self.page, self.zoom_out, self.zoom_in,
                  self.zoom_choice, self.search):
            w.setEnabled(shown)
        current = self.current_page()
        self.previous_page.setEnabled(shown and current > 0)
        self.next_page.setEnabled(shown and current < count - 1)
        self.zoom_choice.blockSignals(True)
        setting = self.pages.zoom_setting
        self.zoom_choice.setCurrentIndex(ZOOMS.index(setting) if setting in ZOOMS else -1)
        if setting not in ZOOMS:
            self.zoom_choice.setEditText(f"{round(self.pages.zoom() * 100)} %")
        self.zoom_choice.blockSignals(False)
        searched = bool(self.search.text().strip()) and getattr(self, "_searched", None)
        if self.hits:
            self.hit_label.setText(fill(self.tr("%1 of %2"), str(self.hit + 1), str(len(self.hits))))
        else:
            self.hit_label.setText(self.tr("no match") if searched and shown else "")
        self.previous_hit.setEnabled(bool(self.hits))
        self.next_hit.setEnabled(bool(self.hits))
        self.outside.setEnabled(self.reason != "none" and self.documents.count() > 0)

    # -- the end ----------------------------------------------------------------------------
    def shutdown(self) -> None:
        """Stop the renderer process and the worker thread (call before the window goes)."""
        self._stopped = True
        if not self._thread.isRunning():
            return
        self.worker.wanted = frozenset()
        self.worker.renderer.abort()  # a page still being drawn stops now
        QMetaObject.invokeMethod(self.worker, "shutdown", Qt.ConnectionType.BlockingQueuedConnection)
        self._thread.quit()
        self._thread.wait(10_000)

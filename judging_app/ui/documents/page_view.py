"""A document's pages one below the other, scrolled continuously: page sizes are known
when the document opens, pixels arrive from the worker for the pages in sight (a grey
placeholder meanwhile), and only the pages near the sight are kept in memory. Search hits
are drawn over the pages. The keys work only while this view has the focus."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import QAbstractScrollArea, QWidget

GAP = 10  # pixels between pages and around them
KEEP = 2  # pages kept rendered on each side of the visible ones
MIN_ZOOM, MAX_ZOOM = 0.25, 4.0
FIT_WIDTH = 0.0  # the zoom that fits a page's width to the view
HIT, CURRENT_HIT = QColor(255, 213, 0, 90), QColor(255, 140, 0, 130)


class PageView(QAbstractScrollArea):
    wanted = Signal(list, float)  # [page index, ...] in sight, scale (device pixels per point)
    currentPageChanged = Signal(int)
    zoomChanged = Signal(float)  # the zoom in use (1.0 = 100 %: 96 pixels per inch)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("documentPages")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.viewport().setStyleSheet("background: #7f7f7f;")
        self.sizes: list[tuple[float, float]] = []
        self.images: dict[int, QImage] = {}
        self.rendered_at: dict[int, float] = {}  # page -> the scale its image was asked at
        self.failed: set[int] = set()
        self.hits: dict[int, list[tuple[float, float, float, float]]] = {}
        self.current_hit: tuple[int, int] | None = None  # (page, index among its rects)
        self.zoom_setting = FIT_WIDTH
        self.placeholder_text = ""
        self._tops: list[int] = []
        self._current = 0
        self._ask = QTimer(self, singleShot=True, interval=30)
        self._ask.timeout.connect(self._ask_for_pages)

    # -- geometry ---------------------------------------------------------------------------
    def zoom(self) -> float:
        if self.zoom_setting != FIT_WIDTH or not self.sizes:
            return self.zoom_setting or 1.0
        widest = max(w for w, _ in self.sizes)
        room = max(50, self.viewport().width() - 2 * GAP)
        return max(MIN_ZOOM / 4, min(MAX_ZOOM, room / (widest * 96 / 72)))

    def scale(self) -> float:
        """Logical pixels per PDF point."""
        return self.zoom() * 96 / 72

    def device_scale(self) -> float:
        return round(self.scale() * self.devicePixelRatioF(), 4)

    def page_size(self, index: int) -> QSize:
        w, h = self.sizes[index]
        return QSize(max(1, round(w * self.scale())), max(1, round(h * self.scale())))

    def _layout(self) -> None:
        self._tops, y = [], GAP
        widest = 0
        for i in range(len(self.sizes)):
            self._tops.append(y)
            size = self.page_size(i)
            y += size.height() + GAP
            widest = max(widest, size.width())
        bar_v, bar_h = self.verticalScrollBar(), self.horizontalScrollBar()
        bar_v.setRange(0, max(0, y - self.viewport().height()))
        bar_v.setPageStep(self.viewport().height())
        bar_v.setSingleStep(40)
        bar_h.setRange(0, max(0, widest + 2 * GAP - self.viewport().width()))
        bar_h.setPageStep(self.viewport().width())

    def page_rect(self, index: int) -> QRect:
        size = self.page_size(index)
        width = self.viewport().width()
        left = max(GAP, (width - size.width()) // 2) - self.horizontalScrollBar().value()
        return QRect(QPoint(left, self._tops[index] - self.verticalScrollBar().value()), size)

    def visible_pages(self) -> list[int]:
        if not self._tops:
            return []
        top, bottom = self.verticalScrollBar().value(), self.verticalScrollBar().value() + \
            self.viewport().height()
        return [i for i, y in enumerate(self._tops)
                if y < bottom and y + self.page_size(i).height() > top]

    # -- content ----------------------------------------------------------------------------
    def set_document(self, sizes: list[tuple[float, float]]) -> None:
        self.sizes = list(sizes)
        self.images.clear()
        self.rendered_at.clear()
        self.failed.clear()
        self.hits.clear()
        self.current_hit = None
        self._current = 0
        self.verticalScrollBar().setValue(0)
        self._layout()
        self.viewport().update()
        self._ask.start()
        self.currentPageChanged.emit(0)

    def clear(self) -> None:
        self.set_document([])

    def set_page_image(self, index: int, scale: float, image: QImage) -> None:
        if index >= len(self.sizes) or abs(scale - self.device_scale()) > 1e-3:
            return
        image.setDevicePixelRatio(self.devicePixelRatioF())
        self.images[index] = image
        self.rendered_at[index] = scale  # (an image may be smaller: a huge page is capped)
        self.failed.discard(index)
        near = set(self._near())
        for old in [i for i in self.images if i not in near]:
            del self.images[old]  # memory stays bounded whatever the page count
            del self.rendered_at[old]
        self.viewport().update()

    def set_page_failed(self, index: int) -> None:
        self.failed.add(index)
        self.viewport().update()

    def set_zoom(self, zoom: float) -> None:
        """A zoom factor (1.0 = 100 %), or FIT_WIDTH."""
        zoom = zoom if zoom == FIT_WIDTH else max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        if zoom == self.zoom_setting:
            return
        page, offset = self.current_page(), self._offset_in_page()
        self.zoom_setting = zoom
        self._layout()
        if self.sizes:
            self.verticalScrollBar().setValue(self._tops[page] + round(offset * self.page_size(
                page).height()))
        self.viewport().update()
        self._ask.start()
        self.zoomChanged.emit(self.zoom())

    def _offset_in_page(self) -> float:
        if not self.sizes:
            return 0.0
        page = self.current_page()
        return max(0.0, (self.verticalScrollBar().value() - self._tops[page])
                   / max(1, self.page_size(page).height()))

    def set_hits(self, hits: dict[int, list[tuple[float, float, float, float]]]) -> None:
        self.hits = hits
        self.current_hit = None
        self.viewport().update()

    def show_hit(self, page: int, index: int) -> None:
        """Scroll so that a hit is in sight and mark it as the current one."""
        self.current_hit = (page, index)
        left, bottom, right, top = self.hits[page][index]
        height_pt = self.sizes[page][1]
        y = self._tops[page] + round((height_pt - top) * self.scale())
        bar = self.verticalScrollBar()
        if not bar.value() + 40 <= y <= bar.value() + self.viewport().height() - 60:
            bar.setValue(y - self.viewport().height() // 3)
        self.viewport().update()

    # -- navigation -------------------------------------------------------------------------
    def current_page(self) -> int:
        if not self._tops:
            return 0
        probe = self.verticalScrollBar().value() + self.viewport().height() // 3
        for i in range(len(self._tops) - 1, -1, -1):
            if self._tops[i] <= probe:
                return i
        return 0

    def go_to_page(self, index: int) -> None:
        if self.sizes:
            index = max(0, min(len(self.sizes) - 1, index))
            self.verticalScrollBar().setValue(self._tops[index] - GAP)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, page = event.key(), self.current_page()
        bar = self.verticalScrollBar()
        if key == Qt.Key.Key_PageDown or (key == Qt.Key.Key_Right and not event.modifiers()):
            self.go_to_page(page + 1)
        elif key == Qt.Key.Key_PageUp or (key == Qt.Key.Key_Left and not event.modifiers()):
            self.go_to_page(page - 1 if bar.value() <= self._tops[page] - GAP else page)
        elif key == Qt.Key.Key_Home:
            self.go_to_page(0)
        elif key == Qt.Key.Key_End:
            self.go_to_page(len(self.sizes) - 1)
        elif key == Qt.Key.Key_Space:
            step = bar.pageStep() - 40
            bar.setValue(bar.value() + (-step if event.modifiers() & Qt.KeyboardModifier.ShiftModifier
                                        else step))
        else:
            super().keyPressEvent(event)  # arrows scroll; everything else goes up

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * (1.15 ** steps))
            event.accept()
            return
        super().wheelEvent(event)

    # -- painting ---------------------------------------------------------------------------
    def scrollContentsBy(self, dx: int, dy: int) -> None:
        self.viewport().update()
        self._ask.start()
        page = self.current_page()
        if page != self._current:
            self._current = page
            self.currentPageChanged.emit(page)

    def resizeEvent(self, event: QResizeEvent) -> None:
        page, offset = self.current_page(), self._offset_in_page()
        super().resizeEvent(event)
        self._layout()
        if self.sizes and self.zoom_setting == FIT_WIDTH:
            self.verticalScrollBar().setValue(self._tops[page] + round(
                offset * self.page_size(page).height()))
        self._ask.start()

    def _near(self) -> list[int]:
        shown = self.visible_pages()
        if not shown:
            return []
        return list(range(max(0, shown[0] - KEEP), min(len(self.sizes), shown[-1] + KEEP + 1)))

    def _ask_for_pages(self) -> None:
        shown = self.visible_pages()
        if not shown:
            return
        scale = self.device_scale()
        stale = [i for i in shown if i not in self.failed
                 and abs(self.rendered_at.get(i, 0.0) - scale) > 1e-3]
        ahead = [i for i in (shown[-1] + 1, shown[0] - 1)
                 if 0 <= i < len(self.sizes) and i not in self.images and i not in self.failed]
        if stale or ahead:
            self.wanted.emit(stale + ahead, scale)

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        if not self.sizes:
            if self.placeholder_text:
                painter.setPen(QColor("white"))
                painter.drawText(self.viewport().rect(), Qt.AlignmentFlag.AlignCenter
                                 | Qt.TextFlag.TextWordWrap, self.placeholder_text)
            return
        for i in self.visible_pages():
            rect = self.page_rect(i)
            painter.fillRect(rect.translated(2, 2), QColor(0, 0, 0, 60))
            image = self.images.get(i)
            if image is not None:
                painter.drawImage(rect, image)
            else:
                painter.fillRect(rect, QColor("white"))
                painter.setPen(QColor("#9aa0a6"))
                painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "×" if i in self.failed
                                 else str(i + 1))
            self._paint_hits(painter, i, rect)

    def _paint_hits(self, painter: QPainter, page: int, rect: QRect) -> None:
        if page not in self.hits:
            return
        s, height_pt = self.scale(), self.sizes[page][1]
        for n, (left, bottom, right, top) in enumerate(self.hits[page]):
            box = QRectF(rect.left() + left * s, rect.top() + (height_pt - top) * s,
                         (right - left) * s, (top - bottom) * s).adjusted(-1, -1, 1, 1)
            painter.fillRect(box, CURRENT_HIT if self.current_hit == (page, n) else HIT)

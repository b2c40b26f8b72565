"""The document viewer's worker: lives on its own thread, opens one document at a time and
renders the pages the view asks for, so the window never waits for a page. PDFs go to a
renderer process (exchange/pdf_process.py: time and memory limits); PNG and JPEG images are
read with Qt's image reader under an allocation limit.

Requests carry a token (one per opened document) and the view publishes the pages it still
wants (`wanted`): a request no longer wanted (scrolled past, zoomed away) is skipped."""

from __future__ import annotations

import contextlib
import logging

from PySide6.QtCore import QObject, QSize, Qt, Signal, Slot
from PySide6.QtGui import QImage, QImageReader

from judging_app.core.attachments import JPEG, PDF, PNG
from judging_app.exchange.pdf_pages import PdfProblem, render_size
from judging_app.exchange.pdf_process import PdfRenderer

log = logging.getLogger(__name__)
IMAGE_ALLOCATION_MB = 256  # Qt refuses to decode an image needing more
VIEW_MAX_PIXELS = 16_000_000  # a page on screen: an A4 page at 400 % on a large screen
MAX_IMAGE_PIXELS = 60_000_000
POINTS_PER_PIXEL = 72 / 96  # an image is shown as if printed at 96 dpi


class _Image:
    def __init__(self, path: str) -> None:
        QImageReader.setAllocationLimit(IMAGE_ALLOCATION_MB)
        reader = QImageReader(path)
        reader.setAutoTransform(True)  # photos from phones: EXIF orientation
        size = reader.size()
        if size.isValid() and size.width() * size.height() > MAX_IMAGE_PIXELS:
            raise PdfProblem("too_complex")
        image = reader.read()
        if image.isNull():
            raise PdfProblem("damaged")
        self.image = image.convertToFormat(QImage.Format.Format_RGBX8888)

    def sizes(self) -> list[tuple[float, float]]:
        return [(self.image.width() * POINTS_PER_PIXEL, self.image.height() * POINTS_PER_PIXEL)]

    def render(self, _index: int, scale: float) -> QImage:
        w, h = self.sizes()[0]
        scale, width, height = render_size(w, h, scale, VIEW_MAX_PIXELS)
        return self.image.scaled(QSize(width, height), Qt.AspectRatioMode.IgnoreAspectRatio,
                                 Qt.TransformationMode.SmoothTransformation)


def to_qimage(page) -> QImage:
    """A rendered page (exchange.pdf_pages.PageImage) as a QImage owning its pixels."""
    return QImage(page.pixels, page.width, page.height, page.stride,
                  QImage.Format.Format_RGBX8888).copy()


class RenderWorker(QObject):
    opened = Signal(int, list)  # token, page sizes in points
    failed = Signal(int, str)  # token, reason: encrypted, damaged, unreadable, empty, too_complex
    pageReady = Signal(int, int, float, QImage)  # token, page index, scale, image
    pageFailed = Signal(int, int)  # token, page index
    found = Signal(int, str, list)  # token, text, [(page, [(l, b, r, t), ...]), ...]

    def __init__(self, time_limit: float | None = None) -> None:
        super().__init__()
        self.renderer = PdfRenderer() if time_limit is None else PdfRenderer(time_limit)
        self.token = 0
        self.kind = ""
        self.image: _Image | None = None
        self.wanted: frozenset[tuple[int, int, float]] = frozenset()  # set by the view

    @Slot()
    def warm_up(self) -> None:
        """Start the renderer process ahead of the first document."""
        with contextlib.suppress(OSError):
            self.renderer.start()

    @Slot(int, str, str)
    def open(self, token: int, path: str, media_type: str) -> None:
        self.token, self.kind, self.image = token, media_type, None
        try:
            if media_type == PDF:
                sizes = self.renderer.open(path)
            elif media_type in (PNG, JPEG):
                self.image = _Image(path)
                sizes = self.image.sizes()
            else:
                raise PdfProblem("unreadable")
        except PdfProblem as exc:
            self.failed.emit(token, exc.reason)
            return
        except OSError:
            self.failed.emit(token, "unreadable")
            return
        self.opened.emit(token, sizes)

    @Slot(int, object)
    def fetch_and_open(self, token: int, fetch: object) -> None:
        """Get the file first (`fetch()` -> (path, media type), e.g. written from the
        database or a package), then open it; a failure shows as 'unreadable'."""
        try:
            path, media_type = fetch()  # type: ignore[operator]
        except Exception:  # noqa: BLE001 - whatever went wrong, the viewer says it cannot show it
            log.exception("document viewer: the file could not be fetched")
            self.failed.emit(token, "unreadable")
            return
        self.open(token, str(path), media_type)

    @Slot(int, int, float)
    def render(self, token: int, index: int, scale: float) -> None:
        if token != self.token or (token, index, scale) not in self.wanted:
            return  # a page no longer on screen, or another document
        try:
            if self.image is not None:
                image = self.image.render(index, scale)
            else:
                image = to_qimage(self.renderer.render(index, scale, VIEW_MAX_PIXELS))
        except PdfProblem:
            self.pageFailed.emit(token, index)
            return
        self.pageReady.emit(token, index, scale, image)

    @Slot(int, str)
    def search(self, token: int, text: str) -> None:
        if token != self.token or self.kind != PDF:
            self.found.emit(token, text, [])
            return
        try:
            hits = self.renderer.search(text)
        except PdfProblem:
            hits = []
        self.found.emit(token, text, hits)

    @Slot()
    def shutdown(self) -> None:
        self.renderer.close()

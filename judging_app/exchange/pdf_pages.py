"""Reading a PDF with PDFium (pypdfium2): page count and sizes, a page as pixels, text
search. Runs inside the renderer process (exchange/pdf_process.py), never in the window's:
a file built to exhaust a renderer can only take that process down.

Why pypdfium2 (benchmarks/bench_pdf_renderers.py, docs/documents-attached.md): PDFium is the
engine Qt's own QtPdf wraps, so both render alike and as fast (page 1 of a 30-page proposal
in about 10 ms, a 50 MB one in about 100 ms), but QtPdf lives in PySide6-Addons (a 175 MB
wheel, 417 MB installed) while pypdfium2 is a 4 MB wheel (9 MB installed), BSD-3-Clause /
Apache-2.0, with text search, and runs without Qt, so it can render in a child process.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MAX_POINTS = 14_400  # PDF's own largest page side (200 inches)
MAX_PIXELS = 40_000_000  # a rendered page is scaled down to at most this many pixels
MAX_SIDE = 16_000  # and at most this many pixels wide or high
MAX_HITS = 2_000  # search results kept

# PDFium's load errors (FPDF_ERR_*) and what they mean to a person
_LOAD_ERRORS = {2: "unreadable", 3: "damaged", 4: "encrypted", 5: "encrypted"}


class PdfProblem(Exception):
    """The file cannot be shown: `reason` is one of encrypted, damaged, unreadable, empty,
    too_complex (a page that cannot be drawn)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class PageImage:
    width: int
    height: int
    stride: int
    pixels: bytes  # RGBX, 8 bits per channel, rows of `stride` bytes
    scale: float  # the scale actually used (smaller than asked when capped)


def render_size(width_pt: float, height_pt: float, scale: float,
                max_pixels: int = MAX_PIXELS) -> tuple[float, int, int]:
    """The scale to use and the pixel size for a page, capped so that no page (whatever
    size it claims) becomes more than `max_pixels` or MAX_SIDE on a side."""
    width_pt = min(max(width_pt, 1.0), MAX_POINTS)
    height_pt = min(max(height_pt, 1.0), MAX_POINTS)
    scale = max(scale, 0.01)
    area = width_pt * height_pt * scale * scale
    if area > max_pixels:
        scale = math.sqrt(max_pixels / (width_pt * height_pt))
    scale = min(scale, MAX_SIDE / width_pt, MAX_SIDE / height_pt)
    return scale, max(1, math.floor(width_pt * scale)), max(1, math.floor(height_pt * scale))


class PdfPages:
    """One open PDF."""

    def __init__(self, path: str) -> None:
        # imported here (0.1 s): the Entries view imports this module to check documents
        import pypdfium2 as pdfium

        try:
            self.doc = pdfium.PdfDocument(path)
        except pdfium.PdfiumError as exc:
            raise PdfProblem(_LOAD_ERRORS.get(getattr(exc, "err_code", 0), "damaged")) from None
        except (OSError, ValueError):
            raise PdfProblem("unreadable") from None
        if len(self.doc) == 0:
            self.doc.close()
            raise PdfProblem("empty")
        self.sizes: list[tuple[float, float]] = []
        for index in range(len(self.doc)):
            try:
                w, h = self.doc.get_page_size(index)
            except pdfium.PdfiumError:
                w, h = 595.0, 842.0  # a page whose size cannot be read: A4, drawn or refused later
            self.sizes.append((min(max(w, 1.0), MAX_POINTS), min(max(h, 1.0), MAX_POINTS)))

    def render(self, index: int, scale: float, max_pixels: int = MAX_PIXELS) -> PageImage:
        import pypdfium2 as pdfium

        width_pt, height_pt = self.sizes[index]
        scale, _, _ = render_size(width_pt, height_pt, scale, max_pixels)
        try:
            page = self.doc[index]
            try:
                bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True,
                                     may_draw_forms=False)
                pixels = bytes(bitmap.buffer)
                image = PageImage(bitmap.width, bitmap.height, bitmap.stride, pixels, scale)
                bitmap.close()
                return image
            finally:
                page.close()
        except pdfium.PdfiumError:
            raise PdfProblem("too_complex") from None

    def search(self, text: str) -> list[tuple[int, list[tuple[float, float, float, float]]]]:
        """Pages with matches of `text` (case ignored) and each match's rectangles in PDF
        points (left, bottom, right, top), at most MAX_HITS matches in all."""
        found: list[tuple[int, list[tuple[float, float, float, float]]]] = []
        total = 0
        text = text.strip()
        if not text:
            return found
        for index in range(len(self.doc)):
            page = self.doc[index]
            textpage = page.get_textpage()
            try:
                searcher = textpage.search(text, match_case=False)
                rects: list[tuple[float, float, float, float]] = []
                while total < MAX_HITS and (hit := searcher.get_next()) is not None:
                    start, count = hit
                    for i in range(textpage.count_rects(start, count)):
                        rects.append(tuple(textpage.get_rect(i)))
                    total += 1
                searcher.close()
                if rects:
                    found.append((index, rects))
            finally:
                textpage.close()
                page.close()
            if total >= MAX_HITS:
                break
        return found

    def close(self) -> None:
        self.doc.close()

"""A small page-layout engine on Qt's own PDF writer (QtGui only: QPdfWriter, QPainter,
QTextLayout; no widgets): A4 with 20 mm margins, a running header, "page X of Y" footers,
paragraphs that wrap and flow across pages, tables whose rows wrap and whose header row
repeats on every page.

Text is drawn as plain text, never HTML, so user text needs no escaping. The flowables are
laid out twice: the first pass measures and counts the pages, the second draws them with
the page count known. Fonts need a QGuiApplication: `ensure_gui_app()` uses the running one
or makes one (on the offscreen platform when Linux has no display).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QLineF, QMarginsF, QPointF, QRectF, Qt, qInstallMessageHandler
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QGuiApplication,
    QImage,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
    QTextLayout,
    QTextOption,
)

from judging_app.exchange import atomic_files, pdf_glyphs

RES = 600  # device units per inch
MM, PT = RES / 25.4, RES / 72
MARGIN, PAD = 20 * MM, 1.2 * MM
FAMILIES = ["Arial", "Liberation Sans", "DejaVu Sans"]  # Windows, Linux, Debian's minimum
LEFT, RIGHT, CENTER = (int(Qt.AlignmentFlag.AlignLeft), int(Qt.AlignmentFlag.AlignRight),
                       int(Qt.AlignmentFlag.AlignHCenter))
WRAP, ANYWHERE = int(Qt.TextFlag.TextWordWrap), int(Qt.TextFlag.TextWrapAnywhere)
EMPTY = -1.0  # a measured empty cell
Progress = Callable[[int, int], None]
_APP: list[QGuiApplication] = []


def _qt_message_to_log(_mode, _context, message: str) -> None:
    logging.getLogger("judging_app.qt").debug("%s", message)


def ensure_gui_app() -> QGuiApplication:
    """The running QGuiApplication, or a new one kept for the process."""
    app = QGuiApplication.instance()
    if app is None:
        if (sys.platform.startswith("linux") and not os.environ.get("QT_QPA_PLATFORM")
                and not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY")):
            os.environ["QT_QPA_PLATFORM"] = "offscreen"
        app = QGuiApplication([])
        _APP.append(app)
        # Qt's own warnings ("QPainter::begin(): Returned false" for a file it cannot
        # write) are English and meant for developers: the command says what went wrong in
        # the user's language; Qt's words go to the log.
        qInstallMessageHandler(_qt_message_to_log)
    elif not isinstance(app, QGuiApplication):
        raise RuntimeError("PDF documents need a QGuiApplication, not a QCoreApplication")
    return app


def font(size: float, bold: bool = False, italic: bool = False) -> QFont:
    f = QFont()
    f.setFamilies(FAMILIES)
    f.setPointSizeF(size)
    f.setBold(bold)
    f.setItalic(italic)
    return f


@dataclass
class Paragraph:
    text: str  # plain text; "\n" breaks the line
    size: float = 10.5
    bold: bool = False
    align: int = LEFT
    before: float = 0.0  # space above, mm
    after: float = 2.5  # space below, mm
    width: float = 1.0  # share of the text width, flush right (0.45: a signature block)
    keep: float = 0.0  # mm of what follows to keep on the same page (headings)
    italic: bool = False
    _lines: list = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class Column:
    title: str
    width: float  # relative to the other columns
    align: int = LEFT


@dataclass
class Table:
    """Rows of cells; a cell is a text or a (text, alignment) pair."""

    columns: Sequence[Column]
    rows: Sequence[Sequence]
    size: float = 9.0
    caption: str = ""  # drawn above the repeated header on later pages
    min_row: float = 0.0  # minimum row height, mm (rows to write or sign in)
    middle: bool = False  # cells centred vertically
    tail: float = 0.0  # mm kept on the page after the last row (what follows the table)
    plain: bool = False  # no header row and no lines: aligned text only
    _heights: list[float] = field(default_factory=list, repr=False)
    _cells: list[tuple] = field(default_factory=list, repr=False)


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Header:
    """The running header from the next page on; `restart`: the page numbers start again at
    1 there (each judge's score sheets are numbered on their own: "Halaman 1 dari 3")."""

    left: str
    right: str
    restart: bool = False


@dataclass
class Letterhead:
    """The kop surat: a logo (PNG/JPEG bytes) on the left, the government, the office and the
    address centred beside it, and a double rule under them."""

    government: str = ""
    office: str = ""
    address: str = ""
    logo: bytes = b""


@dataclass(frozen=True)
class Keep:
    """Kept on one page: a new page starts when they do not fit the rest of this one (as
    long as they fit a page at all)."""

    items: Sequence[Paragraph | Table]


Flowable = Paragraph | Table | PageBreak | Header | Keep | Letterhead


class _Flow:
    """One pass over the flowables: measuring (painter None) or drawing."""

    def __init__(self, size: QRectF, painter: QPainter | None, writer: QPdfWriter,
                 header: tuple[str, str], footer: Callable[[int], str],
                 progress: Callable[[int], None], watermark: str = "") -> None:
        self.left, self.top, self.page = MARGIN, MARGIN, 1
        self.width, self.bottom = size.width() - 2 * MARGIN, size.height() - MARGIN
        self.p, self.writer, self.header, self.footer = painter, writer, header, footer
        self.progress, self.y, self.watermark, self.size = progress, self.top, watermark, size
        self.sections = [1]  # the first page of each run of page numbers
        self._start_page()

    def _start_page(self) -> None:
        if self.p is None:
            return
        if self.watermark:
            self._watermark()
        p, small = self.p, font(8)
        p.setFont(small)
        p.setPen(QColor(60, 60, 60))
        lh = QFontMetricsF(small, self.writer).height()
        band = QRectF(self.left, MARGIN - 6 * MM - lh, self.width, lh)
        p.drawText(band, LEFT, self.header[0])
        p.drawText(band, RIGHT, self.header[1])
        p.drawText(QRectF(self.left, self.bottom + 6 * MM, self.width, lh), RIGHT,
                   self.footer(self.page))
        p.setPen(QPen(QColor(0, 0, 0), 0.6 * PT))

    def _watermark(self) -> None:
        """The word (DRAF) across the page, large, light grey, under everything else."""
        p = self.p
        p.save()
        big = font(110, bold=True)
        p.setFont(big)
        p.setPen(QColor(0, 0, 0, 28))
        p.translate(self.size.width() / 2, self.size.height() / 2)
        p.rotate(-55 if self.size.height() > self.size.width() else -35)
        advance = QFontMetricsF(big, self.writer).horizontalAdvance(self.watermark)
        p.drawText(QPointF(-advance / 2, 0), self.watermark)
        p.restore()

    def new_page(self) -> None:
        if self.p is not None:
            self.writer.newPage()
        self.page, self.y = self.page + 1, self.top
        self._start_page()

    def need(self, height: float) -> None:
        if self.y + height > self.bottom and self.y > self.top:
            self.new_page()

    def run(self, items: Sequence[Flowable]) -> None:
        for item in items:
            if isinstance(item, Paragraph):
                self.paragraph(item)
            elif isinstance(item, Table):
                self.table(item)
            elif isinstance(item, Header):
                self.header = (item.left, item.right)
                if item.restart:
                    self.sections.append(self.page + 1)
            elif isinstance(item, Letterhead):
                self.letterhead(item)
            elif isinstance(item, Keep):
                height = sum(self._par_height(i) if isinstance(i, Paragraph)
                             else self._table_height(i) for i in item.items)
                if height <= self.bottom - self.top:
                    self.need(height)
                self.run(item.items)
            elif self.y > self.top:
                self.new_page()

    # ---- paragraphs --------------------------------------------------------------------
    def _lines(self, par: Paragraph) -> list:
        if not par._lines:
            text = par.text.replace("\n", "\u2028")
            layout = QTextLayout(text, font(par.size, par.bold, par.italic), self.writer)
            option = QTextOption(Qt.AlignmentFlag(par.align))
            option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
            layout.setTextOption(option)
            layout.beginLayout()
            while (line := layout.createLine()).isValid():
                line.setLineWidth(self.width * par.width)
            layout.endLayout()
            par._lines = [layout] + [layout.lineAt(i) for i in range(layout.lineCount())]
        return par._lines[1:]

    def _par_height(self, par: Paragraph) -> float:
        return (par.before + par.after) * MM + sum(x.height() for x in self._lines(par))

    def paragraph(self, par: Paragraph) -> None:
        lines = self._lines(par)
        self.y += par.before * MM
        if lines:  # no single line left alone at the foot of a page
            self.need(min(sum(x.height() for x in lines), lines[0].height() * 2)
                      + par.keep * MM)
        x = self.left + self.width * (1 - par.width)
        for line in lines:
            self.need(line.height())
            if self.p is not None:
                line.draw(self.p, QPointF(x, self.y - line.y()))
            self.y += line.height()
        self.y += par.after * MM

    # ---- letterhead --------------------------------------------------------------------
    def letterhead(self, head: Letterhead) -> None:
        logo_w = 24 * MM if head.logo else 0.0
        lines = [(head.government, 12.5, True), (head.office, 14, True), (head.address, 9, False)]
        lines = [(t, size, bold) for t, size, bold in lines if t]
        top, x, width = self.y, self.left + logo_w, self.width - 2 * logo_w
        for text, size, bold in lines:
            par = Paragraph(text, size=size, bold=bold, align=CENTER, after=0.6)
            layout = _KopLine(self, par, width)
            self.y = layout.draw(x, self.y)
        text_h = self.y - top
        height = max(text_h, 26 * MM if head.logo else 0.0)
        if self.p is not None and head.logo:
            image = QImage.fromData(head.logo)
            if not image.isNull():
                box_h = min(height, 26 * MM)
                scale = min(logo_w / image.width(), box_h / image.height())
                w, h = image.width() * scale, image.height() * scale
                self.p.drawImage(QRectF(self.left + (logo_w - w) / 2, top + (height - h) / 2, w, h),
                                 image)
        self.y = top + height + 1.5 * MM
        if self.p is not None:
            right = self.left + self.width
            self.p.save()
            self.p.setPen(QPen(QColor(0, 0, 0), 1.6 * PT))
            self.p.drawLine(QLineF(self.left, self.y, right, self.y))
            self.p.setPen(QPen(QColor(0, 0, 0), 0.5 * PT))
            self.p.drawLine(QLineF(self.left, self.y + 1 * MM, right, self.y + 1 * MM))
            self.p.restore()
        self.y += 5 * MM

    # ---- tables ------------------------------------------------------------------------
    def _measure_row(self, fm: QFontMetricsF, widths, row, columns, memo: dict,
                     minimum: float) -> tuple[float, tuple]:
        """The row's height and per cell: EMPTY, the advance of a one-line text, or
        (flags, height) of a wrapped one. Measured once, in the first pass."""
        cells, tallest = [], fm.height()
        for w, text, c in zip(widths, row, columns, strict=True):
            text, align = text if type(text) is tuple else (text, c.align)
            if not text:
                cells.append(EMPTY)
                continue
            if (advance := memo.get(text)) is None:
                advance = memo[text] = fm.horizontalAdvance(text)
            if advance <= w - 2 * PAD and "\n" not in text:
                cells.append(advance)
                continue
            flags = align | WRAP
            rect = fm.boundingRect(QRectF(0, 0, w - 2 * PAD, 1e7), flags, text)
            if rect.width() > w - 2 * PAD + 0.5:  # a word wider than the column
                flags = align | ANYWHERE
                rect = fm.boundingRect(QRectF(0, 0, w - 2 * PAD, 1e7), flags, text)
            cells.append((flags, rect.height()))
            tallest = max(tallest, rect.height())
        return max(tallest + 2 * PAD, minimum * MM), tuple(cells)

    def _draw_row(self, fm, xs, widths, row, cells, height, columns, middle: bool) -> None:
        line_h, ascent = fm.height(), fm.ascent()
        for x, w, text, c, cell in zip(xs, widths, row, columns, cells, strict=True):
            if cell is EMPTY:
                continue
            text, align = text if type(text) is tuple else (text, c.align)
            if type(cell) is float:  # one line: drawn at its baseline, the fast way
                top = self.y + ((height - line_h) / 2 if middle else PAD)
                x += (w - PAD - cell if align & RIGHT else (w - cell) / 2 if align & CENTER
                      else PAD)
                self.p.drawText(QPointF(x, top + ascent), text)
            else:
                flags, h = cell
                top = self.y + ((height - h) / 2 if middle else PAD)
                self.p.drawText(QRectF(x + PAD, top, w - 2 * PAD, h + PAD), flags, text)

    def _measure(self, table: Table):
        fm = QFontMetricsF(font(table.size), self.writer)
        fmb = QFontMetricsF(font(table.size, bold=True), self.writer)
        total = sum(c.width for c in table.columns)
        widths = [self.width * c.width / total for c in table.columns]
        xs = [self.left + sum(widths[:i]) for i in range(len(widths))]
        head = self._measure_row(fmb, widths, [c.title for c in table.columns], table.columns,
                                 {}, 0.0)
        if not table._heights:
            memo: dict[str, float] = {}
            for row in table.rows:
                h, cells = self._measure_row(fm, widths, row, table.columns, memo, table.min_row)
                table._heights.append(h)
                table._cells.append(cells)
        return fm, fmb, xs, widths, (0.0, ()) if table.plain else head

    def _table_height(self, table: Table) -> float:
        return self._measure(table)[4][0] + sum(table._heights) + 3 * MM

    def table(self, table: Table) -> None:
        fm, fmb, xs, widths, head = self._measure(table)
        heights, last, tail = table._heights, len(table._heights) - 1, table.tail * MM
        self.need(head[0] + (heights[0] + (tail if last == 0 else 0.0) if heights else 0.0))
        top = self._header(table, xs, widths, head, fmb, False)
        lines: list[QLineF] = []
        right = self.left + self.width
        for i, (row, h) in enumerate(zip(table.rows, heights, strict=True)):
            if self.y + h + (tail if i == last else 0.0) > self.bottom:
                self._grid(table, xs, top, lines)
                self.new_page()
                top, lines = self._header(table, xs, widths, head, fmb, True), []
            if self.p is not None:
                self._draw_row(fm, xs, widths, row, table._cells[i], h, table.columns,
                               table.middle)
                lines.append(QLineF(self.left, self.y + h, right, self.y + h))
            self.y += h
            if i % 200 == 199:
                self.progress(200)
        self.progress(len(heights) % 200)
        self._grid(table, xs, top, lines)
        self.y += 3 * MM

    def _header(self, table: Table, xs, widths, head, fmb, repeat: bool) -> float:
        if repeat and table.caption:
            if self.p is not None:
                self.p.setFont(font(table.size, bold=True))
                self.p.drawText(QPointF(self.left, self.y + fmb.ascent()), table.caption)
            self.y += fmb.height() + PAD
        top, (head_h, cells) = self.y, head
        if self.p is not None and not table.plain:
            right = self.left + self.width
            self.p.fillRect(QRectF(self.left, top, self.width, head_h), QColor(225, 225, 225))
            self.p.setFont(font(table.size, bold=True))
            self._draw_row(fmb, xs, widths, [c.title for c in table.columns], cells, head_h,
                           table.columns, True)
            self.p.drawLines([QLineF(self.left, top, right, top),
                              QLineF(self.left, top + head_h, right, top + head_h)])
        if self.p is not None:
            self.p.setFont(font(table.size))
        self.y += head_h
        return top

    def _grid(self, table: Table, xs, top: float, lines: list[QLineF]) -> None:
        if self.p is not None and not table.plain:
            lines.extend(QLineF(x, top, x, self.y) for x in [*xs, self.left + self.width])
            self.p.drawLines(lines)


class _KopLine:
    """One centred paragraph of the letterhead, laid out in a given width."""

    def __init__(self, flow: _Flow, par: Paragraph, width: float) -> None:
        self.flow, self.layout = flow, QTextLayout(par.text.replace("\n", "\u2028"),
                                                   font(par.size, par.bold), flow.writer)
        option = QTextOption(Qt.AlignmentFlag.AlignHCenter)
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.layout.setTextOption(option)
        self.layout.beginLayout()
        while (line := self.layout.createLine()).isValid():
            line.setLineWidth(width)
        self.layout.endLayout()
        self.after = par.after * MM

    def draw(self, x: float, y: float) -> float:
        for i in range(self.layout.lineCount()):
            line = self.layout.lineAt(i)
            if self.flow.p is not None:
                line.draw(self.flow.p, QPointF(x, y - line.y()))
            y += line.height()
        return y + self.after


@dataclass(frozen=True)
class PageSetup:
    landscape: bool = False
    title: str = ""  # the PDF's title
    header_left: str = ""
    header_right: str = ""
    watermark: str = ""  # across every page (DRAF), when given


def render(path: Path, flowables: Sequence[Flowable], setup: PageSetup,
           footer: Callable[[int, int], str], progress: Progress | None = None) -> int:
    """Write the PDF; returns the page count. `footer(page, pages)` is each page's footer;
    `progress(done, total)` is called as table rows are laid out and drawn. The file is
    written beside `path` and moved into place at the end, so a failure (or a cancel raised
    by `progress`) leaves no half-written document."""
    ensure_gui_app()
    flowables = pdf_glyphs.printable_flowables(flowables)  # no character vanishes
    setup, text_of = pdf_glyphs.printable_setup(setup), footer
    footer = lambda page, pages: pdf_glyphs.printable(text_of(page, pages))  # noqa: E731
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    atomic_files.remove_stale_parts(path.parent)
    tmp = atomic_files.part_path(path)
    items = [f for x in flowables for f in (x.items if isinstance(x, Keep) else [x])]
    total, done = 2 * sum(len(f.rows) for f in items if isinstance(f, Table)), [0]

    def step(n: int) -> None:
        done[0] += n
        if progress is not None:
            progress(done[0], total)

    writer = QPdfWriter(str(tmp))
    try:
        writer.setResolution(RES)
        writer.setTitle(setup.title)
        writer.setCreator("judging-app")
        orientation = QPageLayout.Orientation.Landscape if setup.landscape else \
            QPageLayout.Orientation.Portrait
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4), orientation,
                                         QMarginsF(0, 0, 0, 0)))
        size, header = QRectF(writer.pageLayout().fullRectPixels(RES)), (setup.header_left,
                                                                       setup.header_right)
        measure = _Flow(size, None, writer, header, str, step)
        measure.run(flowables)
        painter = QPainter(writer)
        try:
            pages = measure.page
            starts = [*measure.sections, pages + 1]

            def numbered(n: int) -> str:  # page n within its run of page numbers
                i = max(k for k, start in enumerate(starts[:-1]) if start <= n)
                return footer(n - starts[i] + 1, starts[i + 1] - starts[i])

            _Flow(size, painter, writer, header, numbered, step, setup.watermark
                  ).run(flowables)
        finally:
            painter.end()
            del painter
    except BaseException:
        _forget(items)
        del writer
        tmp.unlink(missing_ok=True)
        raise
    _forget(items)  # text layouts refer to the writer: gone before it
    del writer  # closes the file
    os.replace(tmp, path)
    return pages


def _forget(items: Sequence[Flowable]) -> None:
    for item in items:
        if isinstance(item, Paragraph):
            item._lines = []

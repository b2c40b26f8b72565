"""Plots of the fairness evidence, drawn with QPainter (PySide6-Essentials has no QtCharts).

The widgets only place what they are given: positions are display values (floats from
exact numbers) and every label arrives as text already formatted by the caller. Nothing
here decides anything.

Painting collects the shapes first and draws each kind in one call (drawLines, drawRects,
drawPoints): a paint costs a couple of dozen QPainter calls whatever the number of judges
and sheets. The dots of a judge's totals (tens of thousands on a large competition) are
built once, in the totals' own coordinates (`judge_dots`, on the worker thread that computed
them), and placed by the painter's transform: no point is created while painting.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from PySide6.QtCore import QEvent, QLineF, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QFontMetrics,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
    QTransform,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from judging_app.ui.views.results_models import number_text

AXIS = QColor("#555555")
GRID = QColor("#e2e2e2")
BOX = QColor("#2a5a9a")
DOT = QColor(74, 120, 181, 90)
MEAN = QColor("#1d1d1d")
HARSH = QColor("#2f6db5")  # severity below 0
LENIENT = QColor("#d9822b")  # severity above 0
BAR_COLOURS = (QColor("#4a78b5"), QColor("#7aa6d9"), QColor("#6a9a4f"))
BANDS = ((0.5, QColor("#fbeaea")), (0.75, QColor("#fdf5e3")), (0.9, QColor("#eef6ea")),
         (1.0, QColor("#e2f0dc")))  # Koo & Li (2016): poor, moderate, good, excellent


JITTER = 11  # vertical positions of the dots, so that equal totals stay visible


def judge_dots(totals: Sequence[float]) -> QPolygonF:
    """One point per total: x on 0-100, y in [-1, 1] (spread so equal totals show apart)."""
    return QPolygonF([QPointF(v, ((k * 7919) % JITTER - 5) / 5) for k, v in enumerate(totals)])


@dataclass(frozen=True)
class JudgeRow:
    label: str  # code and name
    dots: QPolygonF  # judge_dots of the totals given
    five: tuple[float, float, float, float, float]  # min, lower quartile, median, upper, max
    mean: float
    severity: float | None
    severity_text: str


@dataclass(frozen=True)
class AgreementBar:
    name: str  # "ICC(2,1)"
    value: float | None
    text: str  # the value as shown


@dataclass(frozen=True)
class AgreementGroup:
    label: str  # category
    bars: Sequence[AgreementBar]
    note: str | None  # shown instead of bars when there is nothing to show


def nice_limit(worst: float, minimum: float = 5.0) -> tuple[float, float]:
    """A symmetric axis limit at or above `worst` and its tick step (two ticks a side)."""
    target = max(worst, minimum)
    for step in (2.5, 5, 10, 20, 25, 50):
        if 2 * step >= target:
            return (step if step >= target else 2 * step), step
    return 100.0, 50.0


def pen(colour: QColor, width: float = 1.0, round_cap: bool = False) -> QPen:
    return QPen(colour, width, Qt.PenStyle.SolidLine,
                Qt.PenCapStyle.RoundCap if round_cap else Qt.PenCapStyle.SquareCap)


class _Plot(QWidget):
    ROW = 26
    PAD = 10

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Base)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.updateGeometry()
            self.update()
        super().changeEvent(event)

    def axis_height(self) -> int:
        """Tick labels and an axis title of up to two lines."""
        return 3 * self.fontMetrics().height() + 14

    @staticmethod
    def at(t: float, lo: float, hi: float, left: float, right: float) -> float:
        return left + (t - lo) / (hi - lo) * (right - left)

    def axis_lines(self, left: float, right: float, y: float, ticks: Sequence[float],
                   lo: float, hi: float) -> list[QLineF]:
        out = [QLineF(left, y, right, y)]
        out += [QLineF(x, y, x, y + 4) for x in (self.at(t, lo, hi, left, right) for t in ticks)]
        return out

    def axis_texts(self, p: QPainter, left: float, right: float, y: float,
                   ticks: Sequence[float], lo: float, hi: float, label: str,
                   places: int = 0) -> None:
        fm = self.fontMetrics()
        for t in ticks:
            text = number_text(t, places)
            x = self.at(t, lo, hi, left, right) - fm.horizontalAdvance(text) / 2
            p.drawText(QPointF(x, y + 5 + fm.ascent()), text)
        p.drawText(QRectF(left - 20, y + 8 + fm.height(), right - left + 40, 2 * fm.height()),
                   int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                       | Qt.TextFlag.TextWordWrap), label)

    def grid_lines(self, left: float, right: float, top: float, bottom: float,
                   ticks: Sequence[float], lo: float, hi: float) -> list[QLineF]:
        return [QLineF(x, top, x, bottom) for x in (self.at(t, lo, hi, left, right) for t in ticks)]


class JudgePlot(_Plot):
    """Per judge: the totals they gave (dots, box of the middle half, median line, ● mean)
    on a 0-100 axis shared by all judges, and their severity as a bar on a shared axis
    (below 0 = harsher than the other judges on the same entries)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("judgePlot")
        self.rows: list[JudgeRow] = []

    def set_rows(self, rows: Sequence[JudgeRow]) -> None:
        self.rows = list(rows)
        self.updateGeometry()
        self.update()

    def _top(self) -> int:
        return self.fontMetrics().height() + 2 * self.PAD

    def sizeHint(self) -> QSize:
        return QSize(640, self._top() + max(len(self.rows), 1) * self.ROW + self.axis_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(420, self.sizeHint().height())

    def severity_axis(self) -> tuple[float, float]:
        worst = max((abs(r.severity) for r in self.rows if r.severity is not None), default=0)
        return nice_limit(worst)

    def layout_x(self) -> tuple[float, float, float, float, float]:
        """Right edge of the labels, the totals panel and the severity panel."""
        fm = self.fontMetrics()
        label_w = min(max((fm.horizontalAdvance(r.label) for r in self.rows), default=60) + 12,
                      self.width() * 0.24)
        value_w = fm.horizontalAdvance("-00,00") + 8
        free = self.width() - label_w - 2 * self.PAD - 4 * self.PAD - value_w
        tot_l = self.PAD + label_w
        tot_r = tot_l + free * 0.55
        sev_l = tot_r + 2 * self.PAD + value_w
        return label_w, tot_l, tot_r, sev_l, self.width() - self.PAD - value_w

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = self.fontMetrics()
        top = self._top()
        label_w, tot_l, tot_r, sev_l, sev_r = self.layout_x()
        bottom = top + len(self.rows) * self.ROW
        limit, step = self.severity_axis()
        n = round(limit / step)
        ticks, sev_ticks = [0, 20, 40, 60, 80, 100], [k * step for k in range(-n, n + 1)]
        zero, half = (sev_l + sev_r) / 2, self.ROW * 0.32

        def x(v: float) -> float:
            return tot_l + v / 100 * (tot_r - tot_l)

        whiskers, boxes, medians, means = [], [], [], []
        harsh, lenient = [], []
        for i, row in enumerate(self.rows):
            y = top + i * self.ROW + self.ROW / 2
            lo, q1, med, q3, hi = (x(v) for v in row.five)
            whiskers += [QLineF(lo, y, q1, y), QLineF(q3, y, hi, y),
                         QLineF(lo, y - half / 2, lo, y + half / 2),
                         QLineF(hi, y - half / 2, hi, y + half / 2)]
            boxes.append(QRectF(q1, y - half, max(q3 - q1, 1), 2 * half))
            medians.append(QLineF(med, y - half, med, y + half))
            means.append(QPointF(x(row.mean), y))
            if row.severity is not None:
                end = zero + row.severity / limit * (sev_r - sev_l) / 2
                bar = QRectF(min(zero, end), y - self.ROW * 0.3, abs(end - zero), self.ROW * 0.6)
                (harsh if row.severity < 0 else lenient).append(bar)
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.setPen(pen(GRID))
        p.drawLines(self.grid_lines(tot_l, tot_r, top, bottom, ticks, 0, 100)
                    + self.grid_lines(sev_l, sev_r, top, bottom, sev_ticks, -limit, limit))
        most = max((r.dots.size() for r in self.rows), default=1)
        dot = QColor(DOT)
        dot.setAlpha(int(max(15, min(DOT.alpha(), DOT.alpha() * 60 / most))))  # many: fainter
        dots = pen(dot, 4.4, round_cap=True)
        dots.setCosmetic(True)  # 4.4 pixels whatever the transform
        p.setPen(dots)
        for i, row in enumerate(self.rows):  # totals -> pixels: x(v), y + jitter × spread
            y = top + i * self.ROW + self.ROW / 2
            p.setTransform(QTransform((tot_r - tot_l) / 100, 0, 0, half * 0.8, tot_l, y))
            p.drawPoints(row.dots)
        p.resetTransform()
        p.setPen(pen(BOX, 1.4))
        p.drawLines(whiskers)
        p.drawRects(boxes)
        p.setPen(pen(BOX, 2.6))
        p.drawLines(medians)
        p.setPen(pen(MEAN, 9, round_cap=True))
        p.drawPoints(QPolygonF(means))
        p.setPen(Qt.PenStyle.NoPen)
        for colour, bars in ((HARSH, harsh), (LENIENT, lenient)):
            p.setBrush(colour)
            p.drawRects(bars)
        p.setPen(pen(AXIS))
        p.drawLines(self.axis_lines(tot_l, tot_r, bottom + 2, ticks, 0, 100)
                    + self.axis_lines(sev_l, sev_r, bottom + 2, sev_ticks, -limit, limit)
                    + [QLineF(zero, top, zero, bottom)])
        p.setPen(MEAN)  # the texts
        self._title(p, self.tr("Totals given (0–100)"), tot_l, tot_r, self.PAD, tot_r)
        self._title(p, self.tr("Severity"), sev_l, sev_r, tot_r + self.PAD, self.width())
        for i, row in enumerate(self.rows):
            y = top + i * self.ROW + self.ROW / 2
            p.drawText(QRectF(self.PAD, y - self.ROW / 2, label_w - 6, self.ROW),
                       int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft),
                       fm.elidedText(row.label, Qt.TextElideMode.ElideRight, int(label_w) - 6))
            if row.severity is not None:
                end = zero + row.severity / limit * (sev_r - sev_l) / 2
                w = fm.horizontalAdvance(row.severity_text)
                tx = end + 4 if row.severity >= 0 else end - 4 - w
                p.drawText(QPointF(tx, y + fm.ascent() / 2 - 1), row.severity_text)
        self.axis_texts(p, tot_l, tot_r, bottom + 2, ticks, 0, 100, self.tr("Total score"))
        self.axis_texts(p, sev_l, sev_r, bottom + 2, sev_ticks, -limit, limit,
                        self.tr("Points; below 0 = harsher"), places=0 if step >= 1 else 1)
        p.end()

    def _title(self, p: QPainter, text: str, left: float, right: float, lo: float, hi: float
               ) -> None:
        """Centred over [left, right], shifted (then elided) to stay within [lo, hi]."""
        fm = self.fontMetrics()
        text = fm.elidedText(text, Qt.TextElideMode.ElideRight, int(hi - lo))
        w = fm.horizontalAdvance(text)
        p.drawText(QPointF(min(max((left + right - w) / 2, lo), hi - w), self.PAD + fm.ascent()),
                   text)


class AgreementPlot(_Plot):
    """Per category: ICC(2,1), ICC(2,k) and Kendall's W as bars on one 0-1 axis, with the
    values written at the bars; faint bands mark poor / moderate / good / excellent."""

    BAR = 16

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agreementPlot")
        self.groups: list[AgreementGroup] = []

    def set_groups(self, groups: Sequence[AgreementGroup]) -> None:
        self.groups = list(groups)
        self.updateGeometry()
        self.update()

    def _group_height(self, g: AgreementGroup) -> int:
        lines = 1 if g.note else len(g.bars)
        return self.fontMetrics().height() + 6 + lines * (self.BAR + 4) + 8

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        body = sum(self._group_height(g) for g in self.groups)
        return QSize(360, self.PAD + fm.height() + 8 + body + self.axis_height())

    def minimumSizeHint(self) -> QSize:
        return QSize(240, self.sizeHint().height())

    def lower_limit(self) -> float:
        lowest = min((b.value for g in self.groups for b in g.bars if b.value is not None),
                     default=0.0)
        return max(-1.0, min(0.0, -(-lowest * 4 // 1) / 4))

    def paintEvent(self, event: QPaintEvent) -> None:
        fm = self.fontMetrics()
        names = [b.name for g in self.groups for b in g.bars]
        left = self.PAD + max((fm.horizontalAdvance(n) for n in names), default=60) + 10
        right = self.width() - self.PAD - fm.horizontalAdvance("-0,00") - 8
        lo, hi = self.lower_limit(), 1.0
        top = self.PAD + fm.height() + 8
        bottom = top + sum(self._group_height(g) for g in self.groups)
        ticks = [t / 4 for t in range(int(lo * 4), 5)]
        labels = (self.tr("poor"), self.tr("moderate"), self.tr("good"), self.tr("excellent"))

        def x(v: float) -> float:
            return self.at(max(v, lo), lo, hi, left, right)

        bands, start = [], lo
        for (upper, colour), label in zip(BANDS, labels, strict=True):
            if upper > lo:
                bands.append((QRectF(x(start), top, x(upper) - x(start), bottom - top), colour,
                              label))
            start = upper
        bars: list[list[QRectF]] = [[] for _ in BAR_COLOURS]
        texts: list[tuple[QRectF | QPointF, int, str]] = []
        headings: list[tuple[float, str]] = []
        y, align_right = top, int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignRight)
        for g in self.groups:
            headings.append((y, g.label))
            y += fm.height() + 6
            if g.note:
                texts.append((QRectF(self.PAD, y, self.width() - 2 * self.PAD, self.BAR),
                              int(Qt.AlignmentFlag.AlignVCenter), fm.elidedText(
                                  g.note, Qt.TextElideMode.ElideRight, self.width() - 2 * self.PAD)))
                y += self.BAR + 4
            for k, bar in enumerate(() if g.note else g.bars):
                texts.append((QRectF(self.PAD, y, left - self.PAD - 6, self.BAR), align_right,
                              bar.name))
                if bar.value is not None:
                    bars[k % len(bars)].append(QRectF(min(x(0), x(bar.value)), y + 2,
                                                      abs(x(bar.value) - x(0)), self.BAR - 4))
                texts.append((QPointF(max(x(bar.value or 0), x(0)) + 4,
                                      y + self.BAR / 2 + fm.ascent() / 2 - 1), 0, bar.text))
                y += self.BAR + 4
            y += 8
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        for rect, colour, _label in bands:
            p.fillRect(rect, colour)
        p.setPen(pen(GRID))
        p.drawLines(self.grid_lines(left, right, top, bottom, ticks, lo, hi))
        p.setPen(Qt.PenStyle.NoPen)
        for colour, rects in zip(BAR_COLOURS, bars, strict=True):
            p.setBrush(colour)
            p.drawRects(rects)
        p.setPen(pen(AXIS))
        p.drawLines(self.axis_lines(left, right, bottom + 2, ticks, lo, hi))
        for rect, _colour, label in bands:  # texts from here on
            if fm.horizontalAdvance(label) + 4 <= rect.width():
                p.drawText(QRectF(rect.left(), self.PAD, rect.width(), fm.height()),
                           int(Qt.AlignmentFlag.AlignHCenter), label)
        p.setPen(MEAN)
        for where, flags, text in texts:
            if isinstance(where, QRectF):
                p.drawText(where, flags, text)
            else:
                p.drawText(where, text)
        self.axis_texts(p, left, right, bottom + 2, ticks, lo, hi,
                        self.tr("Agreement between judges (1 = perfect, 0 = none)"), places=2)
        bold = p.font()
        bold.setBold(True)
        p.setFont(bold)
        for y0, label in headings:
            p.drawText(QPointF(self.PAD, y0 + fm.ascent() + 2), QFontMetrics(bold).elidedText(
                label, Qt.TextElideMode.ElideRight, self.width() - 2 * self.PAD))
        p.end()

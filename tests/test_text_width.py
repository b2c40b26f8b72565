"""Row heights of the results workbook against real font metrics: Qt lays the same texts out
in Carlito (Calibri's metric-compatible twin, as LibreOffice prints it; Debian's
fonts-crosextra-carlito, installed by .ci/run) at the column's width, and the workbook's
rows must be at least that many lines tall (never text over the next row), and not much
taller."""

from __future__ import annotations

import random
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtGui import QFont, QFontDatabase, QTextLayout, QTextOption

from judging_app.exchange.text_width import (
    LINE_PT,
    column_points,
    fitting_width,
    text_width,
    wrapped_lines,
)

CARLITO = Path("/usr/share/fonts/truetype/crosextra")
WORDS = ["Sistem", "Informasi", "Pelayanan", "Terpadu", "Berbasis", "Aplikasi", "Android", "untuk", "Warga", "Lansia", "Kelurahan", "Dinas", "Pemberdayaan", "Perempuan", "dan", "Perlindungan", "Anak", "Kependudukan", "Pencatatan", "Sipil", "E-RUJUK:", "SI-CANTIK", "(SIKAT)", "Puskesmas", "2026", "Gerakan", "Literasi—Baca", "WWWW", "mmmm", "iiii", "Üñïçødé", "98,75"]


@pytest.fixture(scope="module")
def carlito(qapp):
    family = None
    for style in ("Regular", "Bold"):
        path = CARLITO / f"Carlito-{style}.ttf"
        if not path.is_file():
            pytest.skip("Carlito is not installed (Debian: fonts-crosextra-carlito)")
        fid = QFontDatabase.addApplicationFont(str(path))
        family = QFontDatabase.applicationFontFamilies(fid)[0]
    return family


def qt_lines(family: str, text: str, width_pt: float, bold: bool = False) -> int:
    """Lines Qt's line breaking gives `text` in Carlito 11 pt in `width_pt` points (measured
    at 100 units per point, no hinting: the design widths)."""
    font = QFont(family)
    font.setPixelSize(1100)
    font.setBold(bold)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    count = 0
    for paragraph in text.split("\n"):
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while (line := layout.createLine()).isValid():
            line.setLineWidth(width_pt * 100)
            count += 1
        layout.endLayout()
    return count


def test_widths_equal_carlitos(carlito):
    from PySide6.QtGui import QFontMetricsF

    font = QFont(carlito)
    font.setPixelSize(1100)
    font.setHintingPreference(QFont.HintingPreference.PreferNoHinting)
    metrics = QFontMetricsF(font)
    for text in ("Kebaruan (15%)", "Dinas Kependudukan dan Pencatatan Sipil", "0123456789", "Ā–Σ≥…"):
        assert text_width(text) == pytest.approx(metrics.horizontalAdvance(text) / 100, rel=0.01)


def test_never_fewer_lines_than_the_font_needs(carlito):
    rng = random.Random(16)
    over = 0
    for _ in range(400):
        text = " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 30)))
        if rng.random() < 0.1:
            text += "\n" + " ".join(rng.choice(WORDS) for _ in range(5))
        width = rng.choice((10, 16, 24, 30, 38, 46))
        bold = rng.random() < 0.2
        want = qt_lines(carlito, text, column_points(width), bold)
        got = wrapped_lines(text, width, 11, bold)
        assert got >= want, (text, width)
        over += got - want
    assert over <= 220  # about one text in two gets a spare line (the 5 % margin); never one too few


def test_a_header_column_holds_its_longest_word(carlito):
    for label in ("Kemanfaatan (25%)", "Signifikansi (30%)", "Keberlanjutan Inovasi (15%)"):
        width = fitting_width(label, 10, 30)
        longest = max(label.split(), key=lambda w: text_width(w, bold=True))
        assert qt_lines(carlito, longest, column_points(width), bold=True) == 1


def test_the_workbook_rows_hold_their_wrapped_text(carlito, sqlite_db, tmp_path):
    """Every wrapped cell of every sheet: the row is as tall as Qt's line count needs."""
    from test_results_workbook import _score, _seed

    from judging_app.services.results_export import export_results_workbook

    s = _seed(sqlite_db)
    _score(s)
    for lang in ("id", "en"):
        path = export_results_workbook(sqlite_db, s.code, tmp_path / f"h-{lang}.xlsx", lang=lang)
        wb = openpyxl.load_workbook(path)
        checked = 0
        for ws in wb.worksheets:
            merged = {str(r).split(":")[0] for r in ws.merged_cells.ranges}
            for row in ws.iter_rows():
                for cell in row:
                    if not (isinstance(cell.value, str) and cell.alignment.wrap_text):
                        continue
                    if cell.coordinate in merged:
                        continue  # the subtitle: measured across the table
                    width = ws.column_dimensions[cell.column_letter].width
                    need = qt_lines(carlito, cell.value, column_points(width),
                                    bool(cell.font and cell.font.b))
                    height = ws.row_dimensions[cell.row].height or LINE_PT[11]
                    assert height >= need * LINE_PT[11], (ws.title, cell.coordinate, cell.value)
                    checked += 1
        assert checked > 20
        for ws in wb.worksheets:  # every font is named (LibreOffice would print a serif)
            for row in ws.iter_rows(max_row=4):
                for cell in row:
                    if cell.value is not None:
                        assert cell.font.name == "Calibri", (ws.title, cell.coordinate)

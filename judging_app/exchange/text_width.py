"""How wide a text is in Calibri, and how many lines it takes wrapped in a spreadsheet column,
without Qt and without any font installed: the advance widths of about 800 characters
(Latin, Greek, punctuation, symbols) in Calibri's design units, read from Carlito (its
metric-compatible twin, which LibreOffice uses in its place) by tools/make_font_widths.py
into resources/fonts/calibri_widths.json.

Why a table rather than Qt's QFontMetrics: the export then measures the same on every
machine (Qt would measure whatever font it finds: Calibri on Windows, Carlito or a
fallback with other widths on Linux), needs no QGuiApplication in the command line, and a
dictionary lookup per character is fast enough for 30,000 rows. The tests check this
module against Qt's own line breaking on the installed Carlito (tests/test_text_width.py).

Spreadsheet geometry (Excel; LibreOffice is a little wider, so Excel's is the bound):
a column of width w is w × 7 pixels wide at 96 dpi (7 px: the widest digit of Calibri 11),
of which about 3 px are padding; a line of 11-point text takes 15 points of row height.
Text wraps at spaces; a word wider than the column breaks anywhere. Widths are counted 5 %
wider than designed (screen hinting rounds glyphs up), so a row is never too short.
"""

from __future__ import annotations

import json
import math
from functools import lru_cache

from judging_app.resources_access import read_resource_text

PX_PER_WIDTH = 7.0  # pixels per unit of Excel column width (Calibri 11, 96 dpi)
PADDING_PX = 3.0
SAFETY = 1.05
LINE_PT = {11: 15.0, 10: 13.5, 13: 17.5}  # row height per line of text, by font size


class _Widths(dict):
    """Character → advance in font units; characters outside the table count as an em."""

    def __init__(self, data: dict[str, int], em: int) -> None:
        super().__init__(data)
        self.em = em

    def __missing__(self, ch: str) -> int:
        return self.em


@lru_cache(maxsize=1)
def _tables() -> dict[tuple[bool, bool], _Widths]:
    data = json.loads(read_resource_text("fonts/calibri_widths.json"))
    em = int(data["units_per_em"])
    styles = {(False, False): "regular", (True, False): "bold", (False, True): "italic",
              (True, True): "bold_italic"}
    return {key: _Widths(data[name], em) for key, name in styles.items()}


def text_width(text: str, size: float = 11, bold: bool = False, italic: bool = False) -> float:
    """Width of one line of `text` in points (as designed, without the safety margin)."""
    table = _tables()[(bold, italic)]
    return sum(map(table.__getitem__, text)) * size / table.em


def column_points(width: float) -> float:
    """The room for text in a column of Excel width `width`, in points."""
    return max(width * PX_PER_WIDTH - PADDING_PX, 1.0) * 0.75


@lru_cache(maxsize=200_000)
def wrapped_lines(text: str, width: float, size: float = 11, bold: bool = False) -> int:
    """Lines `text` takes in a wrapping cell of a column of Excel width `width`."""
    table = _tables()[(bold, False)]
    get = table.__getitem__
    room = column_points(width) * table.em / (size * SAFETY)  # in font units
    lines = 0
    space = get(" ")
    for paragraph in text.split("\n"):
        if sum(map(get, paragraph)) <= room:
            lines += 1
            continue
        used = -1.0  # nothing on the current line yet
        count = 1
        for word in paragraph.split(" "):
            w = sum(map(get, word))
            if used >= 0 and used + space + w <= room:
                used += space + w
                continue
            if used >= 0:
                count += 1
            if w > room:  # broken anywhere, character by character
                w = 0.0
                for ch in word:
                    c = get(ch)
                    if w + c > room and w > 0:
                        count += 1
                        w = 0.0
                    w += c
            used = w
        lines += count
    return lines


def row_height(lines: int, size: float = 11) -> float:
    """Points of row height for `lines` lines of text (Excel's limit is 409 points)."""
    return min(LINE_PT.get(int(size), size * 1.36) * lines + (2 if lines > 1 else 0), 409.0)


def fitting_width(text: str, minimum: float, maximum: float, size: float = 11,
                  bold: bool = True) -> float:
    """The Excel column width (between `minimum` and `maximum`) that holds the longest word
    of `text` on one line, so that wrapping never breaks a word."""
    longest = max((text_width(word, size, bold) for word in text.split()), default=0.0)
    needed = (longest * SAFETY / 0.75 + PADDING_PX) / PX_PER_WIDTH
    return float(min(max(math.ceil(needed), minimum), maximum))

"""Every character a PDF document holds is printed: none vanishes for want of a glyph.

Qt draws a character with the first font (of the families asked for, then the system's
fallbacks) that has it; with none, it drew nothing at all ("ＡＢ=1" printed as "=1" on a
machine with DejaVu only). Before laying out, each character no installed font covers is
replaced by its compatibility form when that is printable (NFKC: fullwidth "ＡＢ" → "AB",
"Ｘ２" → "X2", the ligature "ﬁ" → "fi"), otherwise by "?" (docs/documents.md says so).
Needs a QGuiApplication (pdf_layout.render makes one first).
"""

from __future__ import annotations

import dataclasses
import functools
import unicodedata
from collections.abc import Sequence

from PySide6.QtGui import QFont, QFontDatabase, QFontMetricsF

MISSING = "?"
_SAFE_BELOW = 0x0250  # Latin, Latin-1 and Latin Extended: in every font the app asks for


@functools.cache
def _metrics() -> tuple[QFontMetricsF, ...]:
    return tuple(QFontMetricsF(QFont(family)) for family in QFontDatabase.families())


@functools.lru_cache(maxsize=8192)
def _covered(code: int) -> bool:
    return any(m.inFontUcs4(code) for m in _metrics())


@functools.lru_cache(maxsize=8192)
def printable_character(ch: str) -> str:
    code = ord(ch)
    if code < _SAFE_BELOW or unicodedata.category(ch)[0] in "ZC" or _covered(code):
        return ch
    compatible = unicodedata.normalize("NFKC", ch)
    if compatible != ch and all(printable_character(c) == c for c in compatible):
        return compatible
    return MISSING


def printable(text: str) -> str:
    """The text with every character printable (see the module docstring)."""
    if text.isascii():
        return text
    return "".join(printable_character(ch) for ch in text)


def _cell(cell):
    if isinstance(cell, str):
        return printable(cell)
    if isinstance(cell, tuple) and cell and isinstance(cell[0], str):
        return (printable(cell[0]), *cell[1:])
    return cell


def printable_flowables(flowables: Sequence) -> list:
    """The document's paragraphs, tables and headers with printable text."""
    from judging_app.exchange import pdf_layout as pl

    out = []
    for item in flowables:
        if isinstance(item, pl.Paragraph):
            item = dataclasses.replace(item, text=printable(item.text), _lines=[])
        elif isinstance(item, pl.Table):
            item = dataclasses.replace(
                item, caption=printable(item.caption),
                columns=[dataclasses.replace(c, title=printable(c.title)) for c in item.columns],
                rows=[[_cell(c) for c in row] for row in item.rows], _heights=[], _cells=[])
        elif isinstance(item, pl.Header):
            item = dataclasses.replace(item, left=printable(item.left),
                                       right=printable(item.right))  # keeps `restart`
        elif isinstance(item, pl.Keep):
            item = pl.Keep(printable_flowables(item.items))
        out.append(item)
    return out


def printable_setup(setup):
    """The page setup's header texts, printable."""
    return dataclasses.replace(setup, header_left=printable(setup.header_left),
                               header_right=printable(setup.header_right))

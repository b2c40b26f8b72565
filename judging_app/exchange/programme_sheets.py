"""Small tables to Excel for the programme (compliance, catalogue): openpyxl's write-only
mode, a bold frozen header with a filter, column widths, and every text written as text
(never a formula, whatever it starts with). The file appears only when complete."""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

MAX_TEXT = 32_767  # Excel's limit for one cell
HEAD_FONT = Font(bold=True)
HEAD_FILL = PatternFill("solid", fgColor="DDE5F0")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
MISSING_FILL = PatternFill("solid", fgColor="FCE4D6")  # a row that stands out


@dataclass(frozen=True)
class Col:
    title: str
    width: float
    wrap: bool = False


@dataclass
class SheetData:
    title: str
    columns: Sequence[Col]
    rows: Iterable[Sequence[Any]]
    notes: Sequence[str] = ()  # lines above the table
    marked: set[int] | None = None  # indexes of rows that stand out


def _cell(ws, value: Any, *, bold: bool = False, fill=None, wrap: bool = False) -> WriteOnlyCell:
    cell = WriteOnlyCell(ws, value=None)
    if isinstance(value, str):
        if value:
            cell.value = value[:MAX_TEXT]
            cell.data_type = "s"  # '=SUM(…)' typed by a user stays text
    else:
        cell.value = value
    if bold:
        cell.font = HEAD_FONT
    if fill is not None:
        cell.fill = fill
    cell.alignment = WRAP if wrap else TOP
    return cell


def write_workbook(path: Path | str, sheets: Sequence[SheetData], title: str = "") -> Path:
    path = Path(path)
    book = Workbook(write_only=True)
    book.properties.title = title
    book.properties.creator = "judging-app"
    for data in sheets:
        ws = book.create_sheet(data.title[:31])
        for i, col in enumerate(data.columns, 1):
            ws.column_dimensions[get_column_letter(i)].width = col.width
        head = len(data.notes) + 1
        ws.freeze_panes = f"A{head + 1}"
        for note in data.notes:
            ws.append([_cell(ws, note)])
        ws.append([_cell(ws, c.title, bold=True, fill=HEAD_FILL, wrap=True) for c in data.columns])
        count = 0
        for index, row in enumerate(data.rows):
            fill = MISSING_FILL if data.marked and index in data.marked else None
            ws.append([_cell(ws, v, fill=fill, wrap=c.wrap) for v, c in
                       zip(row, data.columns, strict=True)])
            count += 1
        last = get_column_letter(len(data.columns))
        ws.auto_filter.ref = f"A{head}:{last}{head + max(count, 1)}"
    tmp = path.with_name(path.name + ".part")
    try:
        book.save(tmp)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path

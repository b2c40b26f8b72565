"""Reading the city's list of government units (perangkat daerah) from a spreadsheet
(.xlsx, .xls, .ods) or CSV, through the same guarded opening as the entry lists
(exchange/entry_guard.py, exchange/entry_reader.py): the file's real kind, size and zip
ratios are checked before anything is unpacked, formulas are refused, merged cells too.

Columns (Indonesian or English, found in a header row among the first 20 rows): Kode
(Code) and Nama perangkat daerah (Name) are required; Jenis (Type) and Tanggal dibentuk
(Established) are optional. Problems name the sheet, the cell (as the spreadsheet shows it)
and its header, so a person can fix the file; none are guessed away.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from judging_app.core.messages import Message
from judging_app.exchange import csv_reading
from judging_app.exchange import entry_guard as guard
from judging_app.exchange.entry_format import (
    MAX_CSV_BYTES,
    EntryFileError,
    EntryProblem,
    cell_text,
    column_letter,
    normalise,
    parse_date,
)
from judging_app.exchange.entry_reader import _open_sheet as open_workbook_sheet
from judging_app.exchange.entry_reader import file_sha256

HEADER_SEARCH_ROWS = 20
COLUMNS = {  # key → accepted headers (compared after normalise)
    "code": ("kode", "kode perangkat daerah", "kode unit", "kode opd", "kode skpd", "code",
             "unit code"),
    "name": ("nama perangkat daerah", "perangkat daerah", "nama", "nama unit", "nama opd",
             "nama skpd", "unit kerja", "name", "unit name", "government unit"),
    "kind": ("jenis", "jenis perangkat daerah", "tipe", "type", "kind"),
    "established_on": ("tanggal dibentuk", "dibentuk", "tanggal pembentukan", "established",
                       "established on"),
}
REQUIRED = ("code", "name")
HEADERS = {"code": "Kode (Code)", "name": "Nama perangkat daerah (Name)",
           "kind": "Jenis (Type)", "established_on": "Tanggal dibentuk (Established)"}
_ALIASES = {normalise(alias): key for key, names in COLUMNS.items() for alias in names}


@dataclass(frozen=True)
class UnitRow:
    row: int
    code: str
    name: str
    kind: str = ""
    established_on: date | None = None


@dataclass
class UnitList:
    source: str
    sheet: str
    header_row: int
    columns: dict[str, tuple[str, str]]  # key → (letter, header as written)
    rows: list[UnitRow] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)
    sha256: str = ""

    def problem(self, problem: Message, row: int | None = None, key: str | None = None) -> None:
        """A problem in a cell (row and column), a column, or a row of the sheet."""
        letter, header = self.columns.get(key, ("", "")) if key else ("", "")
        sheet = self.sheet or "-"
        if row is not None and letter:
            where = Message("programme.list_cell", sheet=sheet, cell=f"{letter}{row}",
                            header=header)
        elif letter:
            where = Message("programme.list_column", sheet=sheet, column=letter, header=header)
        else:
            where = Message("programme.list_row", sheet=sheet, row=row)
        self.problems.append(Message("programme.list_problem", where=where, problem=problem))


def _refuse(source: str, message: Message, sheet: str | None) -> EntryFileError:
    return EntryFileError(source, [EntryProblem(message, sheet=sheet)])


def _csv_rows(path: Path) -> Iterator[tuple[int, list[str]]]:
    """The rows of a CSV list, read strictly (exchange/csv_reading.py), numbered by the line
    each starts on; the separator is the one under which the header names our columns."""
    try:
        text = csv_reading.read_text(path, MAX_CSV_BYTES)
        delimiter = csv_reading.choose_delimiter(text, lambda cell: match_header(cell) is not None)
        for record in csv_reading.records(path.name, text, delimiter):
            yield record.line, record.cells
    except csv_reading.CsvFileError as exc:
        raise EntryFileError(path.name, [EntryProblem(p) for p in exc.problems]) from None


def match_header(value: Any) -> str | None:
    return _ALIASES.get(normalise(value)) if isinstance(value, str) and value.strip() else None


def read_unit_list(path: str | Path, sheet: str | None = None) -> UnitList:
    """Raises EntryFileError when the file cannot be read at all; cell problems are
    collected in UnitList.problems."""
    path = Path(path)
    kind = guard.sniff(path)
    if kind == "csv":
        out = _read(path.name, "", _csv_rows(path), None)
    else:
        with open_workbook_sheet(path, kind, sheet) as (name, _names, rows, _total, scan, merges):
            if merges:
                first = merges[0]
                raise _refuse(path.name, Message(
                    "programme.list_merged", cell=f"{column_letter(first[1])}{first[0] + 1}"),
                    name)
            out = _read(path.name, name, rows, scan)
    out.sha256 = file_sha256(path)
    return out


def _read(source: str, sheet: str, rows: Iterator[tuple[int, list[Any]]], scan) -> UnitList:
    header = None
    for number, cells in rows:
        keys = [match_header(v) for v in cells]
        if {"code", "name"} <= set(keys):
            header = (number, cells, keys)
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if header is None:
        raise _refuse(source, Message("programme.list_no_header", rows=HEADER_SEARCH_ROWS),
                      sheet or None)
    number, cells, keys = header
    columns: dict[str, tuple[str, str]] = {}
    for i, key in enumerate(keys):
        if key is not None and key not in columns:
            columns[key] = (column_letter(i), cell_text(cells[i]))
    out = UnitList(source, sheet, number, columns)
    index = {k: guard.column_index(letter) for k, (letter, _) in columns.items()}
    if scan is not None:
        for key, (letter, _) in columns.items():
            found = sorted(r for r in scan.formula_cells.get(letter, ()) if r > number)
            if found:
                out.problem(Message("programme.list_formulas", count=len(found),
                                    first=f"{letter}{found[0]}"), key=key)
    seen_codes: dict[str, int] = {}
    seen_names: dict[str, int] = {}
    for number, cells in rows:
        values = {k: cell_text(cells[i]) if i < len(cells) else "" for k, i in index.items()}
        if not any(values.values()):
            continue
        row = _row(out, number, values, cells, index)
        if row is None:
            continue
        for seen, value, key in ((seen_codes, row.code.casefold(), "code"),
                                 (seen_names, normalise(row.name), "name")):
            if value in seen:
                out.problem(Message("programme.list_repeated", first=seen[value]), number, key)
                row = None
                break
            seen[value] = number
        if row is not None:
            out.rows.append(row)
    if not out.rows and not out.problems:
        raise _refuse(source, Message("programme.list_empty", row=out.header_row), sheet or None)
    return out


def _row(out: UnitList, number: int, values: dict[str, str], cells: list,
         index: dict[str, int]) -> UnitRow | None:
    ok = True
    for key in REQUIRED:
        if not values[key]:
            out.problem(Message("programme.list_required"), number, key)
            ok = False
    limits = {"code": 64, "name": 300, "kind": 64}
    for key, limit in limits.items():
        if len(values.get(key, "")) > limit:
            out.problem(Message("programme.list_too_long", limit=limit), number, key)
            ok = False
    established = None
    if values.get("established_on"):
        established, why = parse_date(cells[index["established_on"]])
        if why:
            out.problem(Message("programme.list_bad_date", value=values["established_on"]),
                        number, "established_on")
            ok = False
    if not ok:
        return None
    return UnitRow(number, values["code"], " ".join(values["name"].split()),
                   values.get("kind", ""), established)

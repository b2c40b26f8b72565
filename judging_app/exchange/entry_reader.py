"""Reading an entry list from a spreadsheet (.xlsx, .xls, .ods via calamine) or CSV.

`read_entry_file` finds the header row (the first of the first 20 rows naming at least two
known columns, in Indonesian or English), maps the columns and reads every row below it.
A file that cannot be read at all raises EntryFileError; problems in cells (a missing
required value, a bad date, an unknown stage, a repeated code, …) are collected in
`EntrySheet.problems` with their sheet, row, column and header, so that a caller can show
them all at once. Nothing here knows the competition: categories, units and existing
entries are checked by services/entry_import.py.
"""

from __future__ import annotations

import hashlib
import zipfile
import zlib
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from judging_app.core.enums import InnovationStage, InnovationType
from judging_app.core.messages import Message, Text
from judging_app.exchange import entry_guard as guard
from judging_app.exchange.entry_format import (
    BY_KEY,
    EXAMPLE_CODES,
    MAX_LENGTH,
    REQUIRED,
    EntryFileError,
    EntryProblem,
    ProblemList,
    cell_text,
    column_letter,
    csv_rows,
    match_header,
    parse_date,
    parse_stage,
    parse_type,
    split_links,
)
from judging_app.exchange.file_details import detail_of

HEADER_SEARCH_ROWS = 20
PROGRESS_EVERY = 2000
Progress = Callable[[int, int], Any]
RowSource = Iterable[tuple[int, list[Any]]]  # (1-based row number, cells from column A)


@dataclass(frozen=True)
class EntryRow:
    row: int  # as the spreadsheet numbers it
    code: str
    title: str
    unit: str  # as typed: a unit's name or code
    category: str  # as typed: a category's name or code
    innovators: str = ""
    contact: str = ""
    stage: InnovationStage | None = None  # None: left empty
    innovation_type: InnovationType | None = None
    started_on: date | None = None
    summary: str = ""
    links: str = ""  # one per line
    documents: str = ""  # file names relative to the workbook's folder, one per line


@dataclass
class EntrySheet:
    source: str  # the file's name
    sheet: str  # the sheet read ('' for CSV)
    sheet_names: list[str]
    header_row: int
    columns: dict[str, tuple[str, str]]  # column key → (letter, header as written)
    rows: list[EntryRow] = field(default_factory=list)
    problems: ProblemList = field(default_factory=ProblemList)
    notes: list[Text] = field(default_factory=list)
    sha256: str = ""

    def problem(self, message: Text, row: int | None = None, key: str | None = None) -> None:
        letter, header = self.columns.get(key, (None, None)) if key else (None, None)
        self.problems.add(EntryProblem(message, self.sheet or None, row, letter, header))


def file_sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while chunk := fh.read(2**20):
            digest.update(chunk)
    return digest.hexdigest()


def read_entry_file(path: str | Path, sheet: str | None = None,
                    progress: Progress | None = None) -> EntrySheet:
    """Reads the first visible worksheet (or `sheet`) of a workbook, or a CSV file.
    `progress(done, total)` is called every few thousand rows; an exception it raises
    (e.g. Cancelled) stops the reading."""
    path = Path(path)
    kind = guard.sniff(path)
    sha = file_sha256(path)
    if kind == "csv":
        total, rows = csv_rows(path)
        result = _read_rows(path.name, "", [], rows, total, None, None, progress)
    else:
        with _open_sheet(path, kind, sheet) as (name, names, rows, total, scan, merges):
            result = _read_rows(path.name, name, names, rows, total, scan, merges, progress)
    result.sha256 = sha
    return result


def _choose(source: str, names: list[str], visible: list[str], wanted: str | None) -> str:
    if wanted is not None:
        if wanted in names:
            return wanted
        raise guard.refuse(source, Message("entry_file.no_such_sheet", sheet=wanted,
                                           sheets=[repr(n) for n in names]))
    if not names:
        raise guard.refuse(source, Message("entry_file.no_worksheets"))
    return (visible or names)[0]


def _prescan(path: Path, kind: str, wanted: str | None):
    """Checks a zip-based workbook before calamine opens it; (kind, sheet, scan)."""
    source = path.name
    budget = [guard.MAX_UNPACKED_BYTES]
    with guard.open_zip(path) as zf:
        try:
            kind = guard.zip_kind(zf, source)
            if kind == "xlsx":
                sheets = guard.xlsx_sheets(zf, source)
                chosen = _choose(source, [n for n, _, _ in sheets],
                                 [n for n, _, visible in sheets if visible], wanted)
                member = next(m for n, m, _ in sheets if n == chosen)
                scan = guard.scan_xlsx(zf, member, budget, source, chosen)
            else:
                member = "content.xml"
                names, chosen, scan = guard.scan_ods(zf, budget, source, wanted)
                chosen = chosen or _choose(source, names, names, wanted)
        except EntryFileError:
            raise
        except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError,
                RuntimeError, NotImplementedError) as exc:  # RuntimeError: a zip password
            raise guard.refuse(source, Message("entry_file.damaged_or_protected",
                                               detail=detail_of(exc))) from None
        guard.drain(zf, member, budget, source)
    if scan.height > guard.MAX_ROWS + 50 or scan.height * scan.width > guard.MAX_CELLS:
        raise guard.too_big(source, chosen, scan.height, scan.width)
    return kind, chosen, scan


@contextmanager
def _open_sheet(path: Path, kind: str, wanted: str | None):
    from python_calamine import CalamineWorkbook, PasswordError

    source, scan = path.name, None
    if kind == "ole":
        guard.check_ole(path)
        kind, chosen = "xls", None
    else:
        kind, chosen, scan = _prescan(path, kind, wanted)
    try:
        with path.open("rb") as fh:
            book = CalamineWorkbook.from_filelike(fh)
        if chosen is None:
            meta = [m for m in book.sheets_metadata if "WorkSheet" in str(m.typ)]
            chosen = _choose(source, [m.name for m in meta],
                             [m.name for m in meta if "Visible" in str(m.visible)], wanted)
        sheet = book.get_sheet_by_name(chosen)
    except EntryFileError:
        raise
    except PasswordError:
        raise guard.refuse(source, Message("entry_file.password")) from None
    except BaseException as exc:  # calamine raises its own errors and Rust panics
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        detail = detail_of(exc)
        raise guard.refuse(source, Message("entry_file.xls_unreadable", detail=detail)
                           if kind == "xls" else Message("entry_file.unreadable", detail=detail)
                           ) from None
    try:
        if kind == "ods":
            merges = scan.merges
        else:
            merges = [(a, b, c, d) for (a, b), (c, d) in sheet.merged_cell_ranges or ()]
        r0 = (sheet.start or (0, 0))[0]
        yield chosen, book.sheet_names, _numbered(sheet), r0 + sheet.height, scan, merges
    finally:
        book.close()


def _numbered(sheet) -> Iterator[tuple[int, list[Any]]]:
    """Rows numbered as the spreadsheet shows them, cells from column A. (python-calamine's
    iter_rows starts at column `start` but, in the versions seen, at row 0, padding the
    empty rows above; a start row holds a value, so an empty first row tells which.)"""
    r0, c0 = sheet.start or (0, 0)
    pad = [""] * c0
    rows = iter(sheet.iter_rows())
    first = next(rows, None)
    if first is None:
        return
    offset = r0 if any(v != "" for v in first) else 0
    yield offset + 1, pad + first
    for i, cells in enumerate(rows, start=offset + 2):
        yield i, pad + cells


def _find_header(source: str, sheet: str, rows: Iterator[tuple[int, list[Any]]]):
    seen = 0
    for number, cells in rows:
        seen += 1
        keys = [match_header(v) for v in cells]
        if len({k for k in keys if k is not None}) >= 2:
            return number, cells, keys
        if seen >= HEADER_SEARCH_ROWS:
            break
    if seen == 0:
        raise guard.refuse(source, Message("entry_file.empty_sheet") if sheet
                           else Message("entry_file.empty_text"), sheet or None)
    raise guard.refuse(source, Message("entry_file.no_header", rows=HEADER_SEARCH_ROWS),
                       sheet or None)


def _map_columns(source: str, sheet: str, number: int, cells: list, keys: list) -> tuple[dict, list]:
    columns: dict[str, tuple[str, str]] = {}
    problems, notes = [], []
    for i, (value, key) in enumerate(zip(cells, keys, strict=True)):
        letter, text = column_letter(i), cell_text(value).rstrip(" *")
        if key is None:
            if text:
                notes.append(Message("entry_file.column_ignored", column=letter, header=text))
            continue
        if key in columns:
            problems.append(EntryProblem(Message(
                "entry_file.column_twice", name=_column_name(key), first=columns[key][0],
                column=letter), sheet or None, number, letter, text))
            continue
        columns[key] = (letter, text)
    missing = [_column_name(k) for k in REQUIRED if k not in columns]
    if missing:
        problems.append(EntryProblem(Message(
            "entry_file.missing_columns", missing=missing,
            found=[cell_text(v) for v in cells if cell_text(v)]), sheet or None, number))
    if problems:
        raise EntryFileError(source, problems)
    return columns, notes


def _check_merges(source: str, sheet: str, header_row: int, merges,
                  out: EntrySheet | None = None) -> None:
    """Merges in the header row refuse the file; merges below it, in the columns read,
    are problems (`out` given: after the columns are known)."""
    header0 = header_row - 1
    for r0, c0, r1, c1 in merges or ():
        ref = f"{column_letter(c0)}{r0 + 1}:{column_letter(c1)}{r1 + 1}"
        if out is None:
            if r0 <= header0 <= r1:
                raise guard.refuse(source, Message("entry_file.merged_header", cells=ref),
                                   sheet or None)
            continue
        hit = [k for k, (letter, _) in out.columns.items()
               if c0 <= guard.column_index(letter) <= c1]
        if r1 > header0 and hit:
            out.problem(Message("entry_file.merged", cells=ref), r0 + 1, hit[0])


def _check_formulas(out: EntrySheet, scan) -> dict[str, set[int]]:
    """One problem per column holding formulas, and one per column holding error values
    ('#N/A' typed or pasted: calamine reads it as an empty cell), below the header; returns
    those cells (their values are not reported again as missing)."""
    found: dict[str, set[int]] = {}
    if scan is None:
        return found
    for cells, formulas in ((scan.formula_cells, True), (scan.error_cells, False)):
        for key, (letter, _) in out.columns.items():
            rows = {r for r in cells.get(letter, ()) if r > out.header_row}
            if rows:
                found.setdefault(key, set()).update(rows)
                refs = ", ".join(f"{letter}{r}" for r in sorted(rows)[:3])
                out.problem(Message("entry_file.formulas", count=len(rows), cells=refs)
                            if formulas else
                            Message("entry_file.error_values", count=len(rows), cells=refs),
                            key=key)
    return found


def _read_rows(source, sheet, names, rows: RowSource, total, scan, merges,
               progress: Progress | None) -> EntrySheet:
    it = iter(rows)
    number, cells, keys = _find_header(source, sheet, it)
    _check_merges(source, sheet, number, merges)
    columns, notes = _map_columns(source, sheet, number, cells, keys)
    out = EntrySheet(source, sheet, names, number, columns, notes=notes)
    col_of = {k: guard.column_index(letter) for k, (letter, _) in columns.items()}
    _check_merges(source, sheet, number, merges, out)
    formula_cells = _check_formulas(out, scan)
    missing: dict[str, list[int]] = {k: [] for k in REQUIRED}
    first_row_of: dict[str, int] = {}
    data_rows = 0
    read_rows: set[int] = set()
    width = len(cells) if not sheet else None  # CSV: values beyond the header are a mistake
    for number, cells in it:
        values = {k: (cells[i] if i < len(cells) else None) for k, i in col_of.items()}
        if all(cell_text(v) == "" for v in values.values()):
            continue
        if cell_text(values.get("code")).casefold() in EXAMPLE_CODES:
            out.notes.append(Message("entry_file.example_row", row=number,
                                     code=cell_text(values["code"])))
            continue
        data_rows += 1
        read_rows.add(number)
        if width is not None and len(cells) > width and any(c.strip() for c in cells[width:]):
            out.problem(Message("entry_file.too_many_values", column=column_letter(width)),
                        number)
        if data_rows > guard.MAX_ROWS:
            raise guard.too_big(source, sheet, number, None)
        if progress and data_rows % PROGRESS_EVERY == 0:
            progress(min(number, total), total)
        row = _parse_row(out, number, values, missing)
        if row is None:
            continue
        folded = row.code.casefold()
        if folded in first_row_of:
            out.problem(Message("entry_file.code_again", code=row.code,
                                first=first_row_of[folded]), number, "code")
            continue
        first_row_of[folded] = number
        out.rows.append(row)
    if data_rows == 0:
        raise guard.refuse(source, Message("entry_file.no_entries", row=out.header_row),
                           sheet or None)
    hidden = sorted(r for r in (scan.hidden_rows if scan else ()) if r > out.header_row
                    and r in read_rows)
    if hidden:  # a list filtered in Excel is still read whole
        out.notes.append(Message("entry_file.hidden_rows", count=len(hidden),
                                 rows=", ".join(map(str, hidden[:10]))))
    for key, where in missing.items():
        where = [r for r in where if r not in formula_cells.get(key, ())]
        if where and len(where) == data_rows:
            out.problem(Message("entry_file.column_empty", rows=data_rows), key=key)
        else:
            for r in where:
                out.problem(Message("entry_file.value_missing"), r, key)
    out.problems.items.sort(key=lambda p: (p.row or 0, guard.column_index(p.column or "A")))
    if progress:
        progress(total, total)
    return out


CHOICES = {
    "stage": (parse_stage, lambda value: Message("entry_file.not_a_stage", value=value)),
    "innovation_type": (parse_type, lambda value: Message("entry_file.not_a_type", value=value)),
}


def _column_name(key: str) -> str:
    return f"{BY_KEY[key].header_id} ({BY_KEY[key].header_en})"


def _parse_row(out: EntrySheet, number: int, values: dict[str, Any],
               missing: dict[str, list[int]]) -> EntryRow | None:
    text = {k: cell_text(v) for k, v in values.items()}
    ok = True
    for key in REQUIRED:
        if not text.get(key):
            missing[key].append(number)
            ok = False
    for key, limit in MAX_LENGTH.items():
        if len(text.get(key, "")) > limit:
            out.problem(Message("entry_file.too_long", limit=limit, length=len(text[key])),
                        number, key)
            ok = False
    parsed: dict[str, Any] = {}
    for key, (parse, what) in CHOICES.items():
        if text.get(key):
            parsed[key] = parse(text[key])
            if parsed[key] is None:
                out.problem(what(text[key]), number, key)
                ok = False
    if text.get("started_on"):
        parsed["started_on"], why = parse_date(values["started_on"])
        if why:
            out.problem(why, number, "started_on")
            ok = False
    if not ok:
        return None
    return EntryRow(
        row=number, code=text["code"], title=text["title"], unit=" ".join(text["unit"].split()),
        category=text["category"], innovators=text.get("innovators", ""),
        contact=text.get("contact", ""), summary=text.get("summary", ""),
        links=split_links(text.get("links", "")),
        documents=split_links(text.get("documents", "")), **parsed)

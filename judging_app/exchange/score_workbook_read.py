"""Reading a filled score workbook, safely and exactly.

Before anything parses the file, `entry_guard` decides what it really is by its bytes (a
renamed .docx, a PDF, an old .xls, an .ods are refused with their own message), checks the
zip directory (declared sizes and ratios: zip bombs), then every worksheet's XML is streamed
once with a byte budget and scanned for its extent and its formula cells (python-calamine
gives cached values only, no formulas). Then python-calamine reads the identity sheet and
the data sheet. openpyxl is not used for reading: everything the import needs comes from
the scan (formulas) and calamine (values). The caller checks the identity's signature.
"""

from __future__ import annotations

import dataclasses
import re
import zipfile
import zlib
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from judging_app.core.messages import Message, Text
from judging_app.core.numbers import NumberError, from_milli, parse_decimal, to_milli
from judging_app.exchange import entry_guard as guard
from judging_app.exchange.entry_format import EntryFileError
from judging_app.exchange.judge_package_fields import CompetitionRef, JudgeRef
from judging_app.exchange.score_workbook import (
    COMMENT,
    CRITERION,
    ENTRY,
    FIRST_ROW,
    FORMAT,
    FORMAT_VERSION,
    HEADER_ROW,
    IDENTITY_SHEET,
    ROLES,
    Column,
    FilledRow,
    FilledScoreWorkbook,
    ScoreWorkbookError,
    ScoreWorkbookIdentity,
    file_sha256,
)

NOT_OURS = ("this workbook is not a judging-app score sheet: it has no identity (the hidden "
            f"sheet '{IDENTITY_SHEET}'); import the workbook exported for the judge, as filled in")
KEEP_AS_SENT = ("use the workbook exactly as it was sent (columns, rows and sheets unchanged), "
                "or ask the secretariat for a new one")
SLACK = 1000  # rows or columns beyond the issued table that may hold stray cells
_HEX64 = re.compile(r"[0-9a-f]{64}")
_LETTERS = re.compile(r"[A-Z]{1,3}")


def _refuse(source: str, message: str) -> ScoreWorkbookError:
    return ScoreWorkbookError(source, [message])


def _from_guard(exc: EntryFileError) -> ScoreWorkbookError:
    """The guard's message, said for a score workbook (only .xlsx is one)."""
    out = []
    for p in map(str, exc.problems):
        if p.startswith("this is not a spreadsheet"):
            p = ("this is not a spreadsheet: expected the Excel score workbook (.xlsx) exported "
                 "for the judge, as filled in")
        out.append(p)
    return ScoreWorkbookError(exc.source, out)


def read(path: Path) -> FilledScoreWorkbook:
    source = path.name
    try:
        scans, saved_at = _prescan(path)
    except EntryFileError as exc:
        raise _from_guard(exc) from None
    sha = file_sha256(path)
    identity, data_rows = _calamine(path, scans)
    reader = _DataSheet(source, identity, data_rows, scans.get(identity.data_sheet))
    return dataclasses.replace(reader.read(sha), saved_at=saved_at)


_MODIFIED = re.compile(rb"<dcterms:modified[^>]*>([^<]{1,64})</dcterms:modified>")


def saved_time(zf: zipfile.ZipFile) -> str:
    """When the workbook was last saved, from its document properties (Excel, LibreOffice
    and this app write it on every save), as UTC ISO text; "" when it has none."""
    try:
        info = zf.getinfo("docProps/core.xml")
        if info.file_size > 2**20:
            return ""
        found = _MODIFIED.search(zf.read(info))
        if found is None:
            return ""
        moment = datetime.fromisoformat(found.group(1).decode("ascii").strip())
    except (KeyError, ValueError, UnicodeDecodeError, zipfile.BadZipFile, zlib.error, OSError):
        return ""
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC).isoformat(timespec="seconds")


# ---- the file, before calamine -----------------------------------------------------------

def _prescan(path: Path) -> tuple[dict[str, guard.SheetScan], str]:
    """Refuses what is not an .xlsx or not safe to unpack; every worksheet's scan by name,
    and when the workbook was last saved."""
    source = path.name
    kind = guard.sniff(path)
    if kind == "csv":
        raise guard.refuse(source, "this is a CSV file, not a score workbook: import the Excel "
                                   "workbook (.xlsx) exported for the judge, as filled in")
    if kind == "ole":
        guard.check_ole(path)
        raise guard.refuse(source, "this is an old-format Excel workbook (.xls); a score "
                                   "workbook must stay an Excel Workbook (.xlsx): open the file "
                                   "the judge received and save it as .xlsx")
    budget = [guard.MAX_UNPACKED_BYTES]
    scans: dict[str, guard.SheetScan] = {}
    with guard.open_zip(path) as zf:
        try:
            if guard.zip_kind(zf, source) == "ods":
                raise guard.refuse(source, "this is an OpenDocument spreadsheet (.ods); a score "
                                           "workbook must stay an Excel Workbook (.xlsx): save "
                                           "it as .xlsx")
            sheets = guard.xlsx_sheets(zf, source)
            members = set()
            for name, member, _visible in sheets:
                if member in zf.namelist():
                    scans[name] = guard.scan_xlsx(zf, member, budget, source, name)
                    members.add(member)
            for info in zf.infolist():  # every other part once: real sizes, CRCs
                if info.filename not in members and not info.is_dir():
                    _stream(zf, info.filename, budget, source)
            saved_at = saved_time(zf)
        except EntryFileError:
            raise
        except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError,
                RuntimeError, NotImplementedError) as exc:  # RuntimeError: a zip password
            raise guard.refuse(source, f"the workbook is damaged or protected ({exc})") from None
    for name, scan in scans.items():
        if scan.height > guard.MAX_ROWS + 50 or scan.height * scan.width > guard.MAX_CELLS:
            raise guard.too_big(source, name, scan.height, scan.width)
    if IDENTITY_SHEET not in scans:
        raise guard.refuse(source, NOT_OURS)
    return scans, saved_at


def _stream(zf: zipfile.ZipFile, member: str, budget: list[int], source: str) -> None:
    with zf.open(member) as fh:
        while chunk := fh.read(guard.CHUNK):
            budget[0] -= len(chunk)
            if budget[0] < 0:
                raise guard.refuse(source, "unpacked, the file is larger than "
                                           f"{guard.MAX_UNPACKED_BYTES // 2**20} MB: refused")


def _bounded(source: str, identity: ScoreWorkbookIdentity, scan: guard.SheetScan) -> None:
    """The data sheet is no larger than what was issued (with room for stray cells), so
    calamine never materialises a huge sheet."""
    rows = FIRST_ROW - 1 + len(identity.entries)
    if scan.height > rows + SLACK or scan.width > len(identity.columns) + SLACK:
        raise _refuse(source, f"the sheet '{identity.data_sheet}' holds values down to row "
                              f"{scan.height:,} and across to column "
                              f"{guard.column_letter(scan.width - 1)}; "
                              f"it was issued with {len(identity.entries)} entries in rows "
                              f"{FIRST_ROW}–{rows}: delete what was added below or beside the "
                              f"table, or {KEEP_AS_SENT}")


def _calamine(path: Path, scans: dict[str, guard.SheetScan]):
    """(identity, data sheet rows) as calamine reads them."""
    from python_calamine import CalamineWorkbook, PasswordError

    source = path.name
    try:
        with path.open("rb") as fh:
            book = CalamineWorkbook.from_filelike(fh)
    except PasswordError:
        raise _refuse(source, "the workbook is protected with a password to open; remove the "
                              "password in Excel and save it again") from None
    except BaseException as exc:  # calamine raises its own errors and Rust panics
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _refuse(source, f"this workbook cannot be read; it may be damaged "
                              f"({type(exc).__name__}: {exc})") from None
    try:
        ident_rows = _rows(book, IDENTITY_SHEET, source)
        if scans[IDENTITY_SHEET].formula_cells:
            raise _refuse(source, f"the score sheet's identity (hidden sheet '{IDENTITY_SHEET}') "
                                  "holds formulas: it was altered")
        identity = parse_identity(source, ident_rows)
        scan = scans.get(identity.data_sheet)
        if scan is None:
            raise _refuse(source, f"the sheet '{identity.data_sheet}' with the scores is missing "
                                  f"(renamed or deleted); {KEEP_AS_SENT}")
        _bounded(source, identity, scan)
        data_rows = _rows(book, identity.data_sheet, source)
    finally:
        book.close()
    return identity, data_rows


def _rows(book, name: str, source: str) -> list[list[Any]]:
    try:
        return book.get_sheet_by_name(name).to_python(skip_empty_area=False)
    except BaseException as exc:
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _refuse(source, f"the sheet '{name}' cannot be read; the workbook may be damaged "
                              f"({type(exc).__name__}: {exc})") from None


# ---- the identity ----------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def parse_identity(source: str, rows: list[list[Any]]) -> ScoreWorkbookIdentity:
    """The identity sheet as written by score_workbook_sheets.identity_rows."""
    def damaged(detail: str) -> ScoreWorkbookError:
        return _refuse(source, f"the score sheet's identity (hidden sheet '{IDENTITY_SHEET}') is "
                               f"damaged or was altered: {detail}")

    single: dict[str, list[str]] = {}
    columns: list[Column] = []
    entries: list[tuple[int, str]] = []
    for number, raw in enumerate(rows, start=1):
        cells = [_text(v) for v in raw]
        while cells and cells[-1] == "":
            cells.pop()
        if not cells or cells[0] == "note":
            continue
        key, values = cells[0], cells[1:]
        if key == "column":
            columns.append(_column(values, number, damaged))
        elif key == "entry":
            if len(values) != 2 or not values[0].isdigit() or not values[1]:
                raise damaged(f"row {number} should name a row number and an entry code")
            entries.append((int(values[0]), values[1]))
        elif key in single:
            raise damaged(f"'{key}' is given twice (rows {single[key][0]} and {number})")
        else:
            single[key] = [str(number), *values]
    if (single.get("format") or ["", ""])[1:2] != [FORMAT]:
        raise _refuse(source, NOT_OURS)

    def one(key: str, n: int = 1) -> list[str]:
        values = single.get(key)
        if values is None:
            raise damaged(f"'{key}' is missing")
        values = values[1:] + [""] * n
        return values[:n]

    version = one("version")[0]
    if not version.isdigit() or int(version) < 1:
        raise damaged(f"the format version {version!r} is not valid")
    if int(version) > FORMAT_VERSION:
        raise _refuse(source, f"this score sheet was made by a newer version of judging-app "
                              f"(format version {version}; this version reads up to "
                              f"{FORMAT_VERSION}); install the newer version to import it")
    unknown = sorted(set(single) - {"format", "version", "workbook_id", "created_at",
                                    "created_by", "lang", "competition", "round", "judge",
                                    "rubric_sha256", "data_sheet", "signature"})
    if unknown:
        raise damaged(f"unknown key(s) {', '.join(map(repr, unknown))}")
    comp, rnd, judge = one("competition", 3), one("round", 3), one("judge", 2)
    signature = one("signature")[0]
    if not _HEX64.fullmatch(signature):
        raise damaged("the signature is missing or malformed")
    if rnd[2] not in ("blind", "open"):
        raise damaged(f"the round is marked {rnd[2]!r}, not 'blind' or 'open'")
    if not comp[0] or not rnd[0] or not judge[0] or not one("workbook_id")[0]:
        raise damaged("the competition, round, judge or workbook id is empty")
    if not any(c.role == CRITERION for c in columns) or [c.role for c in columns].count(ENTRY) != 1:
        raise damaged("the column layout lacks the entry code or the criteria")
    return ScoreWorkbookIdentity(
        workbook_id=one("workbook_id")[0], created_at=one("created_at")[0],
        created_by=one("created_by")[0], lang=one("lang")[0],
        competition=CompetitionRef(*comp), round_code=rnd[0], round_name=rnd[1],
        blind=rnd[2] == "blind", judge=JudgeRef(*judge), rubric_sha256=one("rubric_sha256")[0],
        data_sheet=one("data_sheet")[0], columns=tuple(columns), entries=tuple(entries),
        signature=signature, version=int(version))


def _column(values: list[str], number: int, damaged) -> Column:
    values = values + [""] * (7 - len(values))
    letter, role, criterion, header, lo, hi, step = values[:7]
    if not _LETTERS.fullmatch(letter) or role not in ROLES or len(values) > 7:
        raise damaged(f"row {number} is not a column of the layout")
    if role != CRITERION:
        return Column(letter, role, header)
    try:
        scale = [parse_decimal(v, "scale") for v in (lo, hi, step)]
    except NumberError:
        raise damaged(f"row {number}: the scale of criterion {criterion!r} is not valid") from None
    if not criterion or scale[2] <= 0 or scale[1] <= scale[0]:
        raise damaged(f"row {number}: criterion {criterion!r} has no valid scale")
    return Column(letter, role, header, criterion, *scale)


# ---- the data sheet --------------------------------------------------------------------

def _same(a: str, b: str) -> bool:
    return " ".join(a.split()) == " ".join(b.split())


class _DataSheet:
    def __init__(self, source: str, identity: ScoreWorkbookIdentity, rows: list[list[Any]],
                 scan: guard.SheetScan | None) -> None:
        self.source, self.identity, self.rows = source, identity, rows
        self.name = identity.data_sheet
        self.formulas = scan.formula_cells if scan else {}
        self.problems: list[Text] = []
        self.index = {c.letter: guard.column_index(c.letter) for c in identity.columns}
        self.bounds = {c.letter: tuple(to_milli(v) for v in (c.scale_min, c.scale_max,
                                                             c.scale_step))
                       for c in identity.criteria()}

    def cell(self, row: int, letter: str) -> Any:
        cells = self.rows[row - 1] if row - 1 < len(self.rows) else []
        i = self.index.get(letter, guard.column_index(letter))
        return cells[i] if i < len(cells) else ""

    def where(self, ref: str) -> str:
        return f"sheet {self.name}, cell {ref}"

    def read(self, sha: str) -> FilledScoreWorkbook:
        rows: list[FilledRow] = []
        if self._header_ok():
            rows = self._data_rows()
        seen = {r.entry for r in rows}
        missing = tuple(code for _, code in self.identity.entries if code not in seen)
        return FilledScoreWorkbook(self.source, sha, self.identity, tuple(rows),
                                   () if self.problems else missing, tuple(self.problems))

    def _header_ok(self) -> bool:
        """Compares the header row with the signed layout, naming every column that differs."""
        cols = self.identity.columns
        home = {" ".join(c.header.split()): c.letter for c in cols}
        header = [_text(v).strip() for v in (self.rows[HEADER_ROW - 1] if self.rows else [])]
        while header and not header[-1]:
            header.pop()
        permuted = sorted(" ".join(h.split()) for h in header) == sorted(home)
        how = "columns were moved" if permuted else "columns were moved, inserted or deleted"
        bad = []
        for c in cols:
            found = _text(self.cell(HEADER_ROW, c.letter)).strip()
            if _same(found, c.header):
                continue
            other = home.get(" ".join(found.split()))
            if not found:
                bad.append(f"sheet {self.name}, column {c.letter}: the header should be "
                           f"'{c.header}' but cell {c.letter}{HEADER_ROW} is empty ({how})")
            elif other:
                bad.append(f"sheet {self.name}, column {c.letter}: it holds the column "
                           f"'{found}', which was issued in column {other}, instead of "
                           f"'{c.header}' ({how})")
            else:
                bad.append(f"sheet {self.name}, cell {c.letter}{HEADER_ROW}: the header "
                           f"'{found}' should be '{c.header}' (the column was renamed, or "
                           f"{how})")
        for i in range(len(cols), len(header)):
            if header[i]:
                bad.append(f"sheet {self.name}, column {guard.column_letter(i)}: an extra "
                           f"column '{header[i]}' that this score sheet was not issued with")
        if bad:
            bad[-1] += f"; {KEEP_AS_SENT}"
            self.problems += bad
        return not bad

    def _data_rows(self) -> list[FilledRow]:
        ident = self.identity
        code_col = ident.column(ENTRY)
        comment_col = ident.column(COMMENT)
        criteria = ident.criteria()
        issued = {code for _, code in ident.entries}
        first: dict[str, int] = {}
        out: list[FilledRow] = []
        inputs = [c for c in (*criteria, comment_col) if c is not None]
        for r in range(FIRST_ROW, len(self.rows) + 1):
            code = _text(self.cell(r, code_col.letter)).strip()
            filled = any(_text(self.cell(r, c.letter)).strip() for c in inputs)
            if not code:
                if filled:
                    self.problems.append(f"sheet {self.name}, row {r}: scores without an entry "
                                         f"code (cell {code_col.letter}{r} is empty)")
                continue
            ref = f"{code_col.letter}{r}"
            if code not in issued:
                self.problems.append(
                    f"{self.where(ref)}: entry '{code}' is not on this score sheet (it was "
                    f"issued with {len(issued)} entries for judge {ident.judge.code}; rows "
                    "cannot be added)")
                continue
            if code in first:
                self.problems.append(f"{self.where(ref)}: entry '{code}' appears twice (first "
                                     f"on row {first[code]})")
                continue
            first[code] = r
            scores = {}
            for c in criteria:
                value = self._score(r, c, code)
                if value is not None:
                    scores[c.criterion] = value
            comment = self._comment(r, comment_col, code) if comment_col else ""
            out.append(FilledRow(r, code, scores, comment))
        return out

    def _formula(self, r: int, letter: str) -> bool:
        return r in self.formulas.get(letter, ())

    def _score(self, r: int, c: Column, entry: str) -> Decimal | None:
        ref = f"{c.letter}{r}"
        about = f"(entry {entry}, criterion {c.criterion})"
        if self._formula(r, c.letter):
            self.problems.append(f"{self.where(ref)}: a formula; type the score as a number "
                                 f"{about}")
            return None
        value = self.cell(r, c.letter)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            return None
        if isinstance(value, date | datetime | time | timedelta):
            self.problems.append(f"{self.where(ref)}: {str(value)!r} is a date or time, not a "
                                 f"score {about}")
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            shown = {True: "TRUE", False: "FALSE"}.get(value, value)  # type: ignore[call-overload]
            self.problems.append(f"{self.where(ref)}: '{shown}' is not a number {about}")
            return None
        try:  # a number written as text is read as that number, strictly
            milli = to_milli(value)
        except NumberError as exc:
            self.problems.append(Message("score_workbook.bad_number", sheet=self.name,
                                         cell=ref, problem=exc.problem, entry=entry,
                                         criterion=c.criterion))
            return None
        lo, hi, step = self.bounds[c.letter]
        if not lo <= milli <= hi:
            self.problems.append(f"{self.where(ref)}: {from_milli(milli)} is outside the scale "
                                 f"{from_milli(lo)}–{from_milli(hi)} {about}")
            return None
        if (milli - lo) % step:
            self.problems.append(f"{self.where(ref)}: {from_milli(milli)} is not on the "
                                 f"scale's step of {from_milli(step)} {about}")
            return None
        return from_milli(milli)

    def _comment(self, r: int, c: Column, entry: str) -> str:
        if self._formula(r, c.letter):
            self.problems.append(f"{self.where(f'{c.letter}{r}')}: a formula in the comment "
                                 f"(entry {entry}); type the comment as text")
            return ""
        value = self.cell(r, c.letter)
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        return _text(value).strip() if value is not None else ""

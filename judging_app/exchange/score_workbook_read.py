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
from judging_app.exchange.file_details import detail_of
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

NOT_OURS = Message("score_workbook.not_ours", sheet=IDENTITY_SHEET)
KEEP_AS_SENT = Message("score_workbook.keep_as_sent")
SLACK = 1000  # rows or columns beyond the issued table that may hold stray cells
_HEX64 = re.compile(r"[0-9a-f]{64}")
_LETTERS = re.compile(r"[A-Z]{1,3}")


def _refuse(source: str, message: Message) -> ScoreWorkbookError:
    return ScoreWorkbookError(source, [message])


def _from_guard(exc: EntryFileError) -> ScoreWorkbookError:
    """The guard's message, said for a score workbook (only .xlsx is one)."""
    out: list[Text] = []
    for p in exc.problems:
        message = getattr(p.message, "code", None) == "entry_file.not_spreadsheet"
        out.append(Message("score_workbook.not_spreadsheet") if message else p.as_message())
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
        raise guard.refuse(source, Message("score_workbook.csv"))
    if kind == "ole":
        guard.check_ole(path)
        raise guard.refuse(source, Message("score_workbook.xls"))
    budget = [guard.MAX_UNPACKED_BYTES]
    scans: dict[str, guard.SheetScan] = {}
    with guard.open_zip(path) as zf:
        try:
            if guard.zip_kind(zf, source) == "ods":
                raise guard.refuse(source, Message("score_workbook.ods"))
            sheets = guard.xlsx_sheets(zf, source)
            members = set()
            for name, member, visible in sheets:
                if member in zf.namelist():
                    scans[name] = guard.scan_xlsx(zf, member, budget, source, name)
                    scans[name].visible = visible
                    members.add(member)
            for info in zf.infolist():  # every other part once: real sizes, CRCs
                if info.filename not in members and not info.is_dir():
                    _stream(zf, info.filename, budget, source)
            saved_at = saved_time(zf)
        except EntryFileError:
            raise
        except (KeyError, ValueError, zipfile.BadZipFile, zlib.error, EOFError, OSError,
                RuntimeError, NotImplementedError) as exc:  # RuntimeError: a zip password
            raise guard.refuse(source, Message("score_workbook.damaged", detail=detail_of(exc))) \
                from None
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
                raise guard.refuse(source, guard.unpacked_too_large())


def _bounded(source: str, identity: ScoreWorkbookIdentity, scan: guard.SheetScan) -> None:
    """The data sheet is no larger than what was issued (with room for stray cells), so
    calamine never materialises a huge sheet."""
    rows = FIRST_ROW - 1 + len(identity.entries)
    if scan.height > rows + SLACK or scan.width > len(identity.columns) + SLACK:
        raise _refuse(source, Message("score_workbook.beyond_table", sheet=identity.data_sheet,
                                      height=scan.height,
                                      column=guard.column_letter(scan.width - 1),
                                      entries=len(identity.entries), first=FIRST_ROW, last=rows,
                                      advice=KEEP_AS_SENT))


def _calamine(path: Path, scans: dict[str, guard.SheetScan]):
    """(identity, data sheet rows) as calamine reads them."""
    from python_calamine import CalamineWorkbook, PasswordError

    source = path.name
    try:
        with path.open("rb") as fh:
            book = CalamineWorkbook.from_filelike(fh)
    except PasswordError:
        raise _refuse(source, Message("score_workbook.password")) from None
    except BaseException as exc:  # calamine raises its own errors and Rust panics
        if isinstance(exc, KeyboardInterrupt | SystemExit):
            raise
        raise _refuse(source, Message("score_workbook.unreadable",
                                      detail=detail_of(exc))) from None
    try:
        ident_rows = _rows(book, IDENTITY_SHEET, source)
        if scans[IDENTITY_SHEET].formula_cells:
            raise _refuse(source, Message("score_workbook.identity_formulas",
                                          sheet=IDENTITY_SHEET))
        identity = parse_identity(source, ident_rows)
        scan = scans.get(identity.data_sheet)
        if scan is None:
            raise _refuse(source, Message("score_workbook.data_sheet_missing",
                                          sheet=identity.data_sheet, advice=KEEP_AS_SENT))
        if not scan.visible:  # a visible copy beside it would be what the judge last saw
            raise _refuse(source, Message("score_workbook.data_sheet_hidden",
                                          sheet=identity.data_sheet))
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
        raise _refuse(source, Message("score_workbook.sheet_unreadable", sheet=name,
                                      detail=detail_of(exc))) from None


# ---- the identity ----------------------------------------------------------------------

def _text(value: Any) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return value if isinstance(value, str) else str(value)


def parse_identity(source: str, rows: list[list[Any]]) -> ScoreWorkbookIdentity:
    """The identity sheet as written by score_workbook_sheets.identity_rows."""
    def damaged(detail: Message) -> ScoreWorkbookError:
        return _refuse(source, Message("score_workbook.identity_damaged", sheet=IDENTITY_SHEET,
                                       detail=detail))

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
                raise damaged(Message("score_workbook.identity.entry_row", row=number))
            entries.append((int(values[0]), values[1]))
        elif key in single:
            raise damaged(Message("score_workbook.identity.twice", key=key,
                                  first=single[key][0], row=number))
        else:
            single[key] = [str(number), *values]
    if (single.get("format") or ["", ""])[1:2] != [FORMAT]:
        raise _refuse(source, NOT_OURS)

    def one(key: str, n: int = 1) -> list[str]:
        values = single.get(key)
        if values is None:
            raise damaged(Message("score_workbook.identity.missing", key=key))
        values = values[1:] + [""] * n
        return values[:n]

    version = one("version")[0]
    if not version.isdigit() or int(version) < 1:
        raise damaged(Message("score_workbook.identity.version", version=repr(version)))
    if int(version) > FORMAT_VERSION:
        raise _refuse(source, Message("score_workbook.newer", version=version,
                                      supported=FORMAT_VERSION))
    unknown = sorted(set(single) - {"format", "version", "workbook_id", "created_at",
                                    "created_by", "lang", "competition", "round", "judge",
                                    "rubric_sha256", "data_sheet", "signature"})
    if unknown:
        raise damaged(Message("score_workbook.identity.unknown", keys=list(map(repr, unknown))))
    comp, rnd, judge = one("competition", 3), one("round", 3), one("judge", 2)
    signature = one("signature")[0]
    if not _HEX64.fullmatch(signature):
        raise damaged(Message("score_workbook.identity.signature"))
    if rnd[2] not in ("blind", "open"):
        raise damaged(Message("score_workbook.identity.round_kind", found=repr(rnd[2]),
                              allowed="'blind', 'open'"))
    if not comp[0] or not rnd[0] or not judge[0] or not one("workbook_id")[0]:
        raise damaged(Message("score_workbook.identity.empty_ids"))
    if not any(c.role == CRITERION for c in columns) or [c.role for c in columns].count(ENTRY) != 1:
        raise damaged(Message("score_workbook.identity.layout"))
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
        raise damaged(Message("score_workbook.identity.column_row", row=number))
    if role != CRITERION:
        return Column(letter, role, header)
    try:
        scale = [parse_decimal(v, "scale") for v in (lo, hi, step)]
    except NumberError:
        raise damaged(Message("score_workbook.identity.scale", row=number,
                              criterion=criterion)) from None
    if not criterion or scale[2] <= 0 or scale[1] <= scale[0]:
        raise damaged(Message("score_workbook.identity.no_scale", row=number,
                              criterion=criterion))
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
        self.errors = scan.error_cells if scan else {}
        self.merged = scan.merged_ranges if scan else []
        self.problems: list[Text] = []
        self.index = {c.letter: guard.column_index(c.letter) for c in identity.columns}
        self.bounds = {c.letter: tuple(to_milli(v) for v in (c.scale_min, c.scale_max,
                                                             c.scale_step))
                       for c in identity.criteria()}

    def cell(self, row: int, letter: str) -> Any:
        cells = self.rows[row - 1] if row - 1 < len(self.rows) else []
        i = self.index.get(letter, guard.column_index(letter))
        return cells[i] if i < len(cells) else ""


    def read(self, sha: str) -> FilledScoreWorkbook:
        rows: list[FilledRow] = []
        self.problems += [Message("score_workbook.merged", sheet=self.name, cells=ref)
                          for ref in self.merged]
        if not self.problems and self._header_ok():
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
        how = (Message("score_workbook.header.moved") if permuted
               else Message("score_workbook.header.changed"))
        bad = []
        for c in cols:
            found = _text(self.cell(HEADER_ROW, c.letter)).strip()
            if _same(found, c.header):
                continue
            other = home.get(" ".join(found.split()))
            if not found:
                bad.append(Message("score_workbook.header.empty", sheet=self.name,
                                   column=c.letter, header=c.header,
                                   cell=f"{c.letter}{HEADER_ROW}", how=how))
            elif other:
                bad.append(Message("score_workbook.header.elsewhere", sheet=self.name,
                                   column=c.letter, found=found, other=other, header=c.header,
                                   how=how))
            else:
                bad.append(Message("score_workbook.header.renamed", sheet=self.name,
                                   cell=f"{c.letter}{HEADER_ROW}", found=found, header=c.header,
                                   how=how))
        for i in range(len(cols), len(header)):
            if header[i]:
                bad.append(Message("score_workbook.header.extra", sheet=self.name,
                                   column=guard.column_letter(i), found=header[i]))
        if bad:
            bad[-1] = Message("score_workbook.with_advice", problem=bad[-1], advice=KEEP_AS_SENT)
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
                    self.problems.append(Message("score_workbook.no_code", sheet=self.name,
                                                 row=r, cell=f"{code_col.letter}{r}"))
                continue
            ref = f"{code_col.letter}{r}"
            if code not in issued:
                self.problems.append(Message(
                    "score_workbook.not_issued", sheet=self.name, cell=ref, entry=code,
                    count=len(issued), judge=ident.judge.code))
                continue
            if code in first:
                self.problems.append(Message("score_workbook.twice", sheet=self.name, cell=ref,
                                             entry=code, first=first[code]))
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
        at = dict(sheet=self.name, cell=ref, entry=entry, criterion=c.criterion)
        if self._formula(r, c.letter):
            self.problems.append(Message("score_workbook.bad_number", **at,
                                         problem=Message("score_workbook.formula")))
            return None
        if r in self.errors.get(c.letter, ()):
            self.problems.append(Message("score_workbook.bad_number", **at,
                                         problem=Message("score_workbook.error_value")))
            return None
        value = self.cell(r, c.letter)
        if isinstance(value, str):
            value = value.strip()
        if value is None or value == "":
            return None
        if isinstance(value, date | datetime | time | timedelta):
            self.problems.append(Message("score_workbook.bad_number", **at, problem=Message(
                "score_workbook.date", value=repr(str(value)))))
            return None
        if isinstance(value, bool) or not isinstance(value, int | float | str):
            shown = {True: "TRUE", False: "FALSE"}.get(value, value)  # type: ignore[call-overload]
            self.problems.append(Message("score_workbook.bad_number", **at, problem=Message(
                "numbers.not_a_number", value=f"'{shown}'")))
            return None
        try:  # a number written as text is read as that number, strictly
            milli = to_milli(value)
        except NumberError as exc:
            self.problems.append(Message("score_workbook.bad_number", **at,
                                         problem=exc.problem))
            return None
        lo, hi, step = self.bounds[c.letter]
        if not lo <= milli <= hi:
            self.problems.append(Message("score_workbook.bad_number", **at, problem=Message(
                "score_workbook.off_scale", value=from_milli(milli), low=from_milli(lo),
                high=from_milli(hi))))
            return None
        if (milli - lo) % step:
            self.problems.append(Message("score_workbook.bad_number", **at, problem=Message(
                "score_workbook.off_step", value=from_milli(milli), step=from_milli(step))))
            return None
        return from_milli(milli)

    def _comment(self, r: int, c: Column, entry: str) -> str:
        if self._formula(r, c.letter):
            self.problems.append(Message("score_workbook.comment_formula", sheet=self.name,
                                         cell=f"{c.letter}{r}", entry=entry))
            return ""
        value = self.cell(r, c.letter)
        if isinstance(value, datetime | date | time):
            return value.isoformat()
        return _text(value).strip() if value is not None else ""

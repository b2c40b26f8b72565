"""Reading a list of judges from a spreadsheet (.xlsx, .xls, .ods) or a CSV file.

The header row is the first of the first 20 rows that names a code and a name column, in
Indonesian or English (kode / code, nama / name, instansi / affiliation, perangkat daerah /
unit, surel / email, telepon / phone, peran / role). Spreadsheets go through the same guards
as entry lists (size, zip bombs, formulas: exchange/entry_guard.py); CSV files through the
strict CSV reader (exchange/csv_reading.py). Every problem names the file, the cell as the
spreadsheet shows it (B7) and its header; the caller refuses the whole file when there is
one. Units are resolved, and existing judges checked, by services/judge_import.py.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from judging_app.core.enums import JudgeRole
from judging_app.core.messages import Message
from judging_app.exchange import csv_reading
from judging_app.exchange.entry_format import cell_text, column_letter, normalise

HEADER_SEARCH_ROWS = 20
MAX_CSV_BYTES = 10 * 2**20
MAX_JUDGES = 5_000

HEADERS = {  # column key -> accepted header names (compared after normalise())
    "code": ("kode", "code", "kode juri", "judge code", "no", "nomor"),
    "name": ("nama", "name", "nama juri", "nama lengkap", "judge", "juri"),
    "affiliation": ("instansi", "affiliation", "asal instansi", "lembaga", "institution"),
    "unit": ("perangkat daerah", "unit", "opd", "unit kerja", "kode perangkat daerah"),
    "email": ("surel", "email", "e mail", "alamat surel"),
    "phone": ("telepon", "phone", "no hp", "hp", "nomor telepon", "telp"),
    "role": ("peran", "role", "jabatan dalam dewan juri"),
}
_BY_NAME = {normalise(name): key for key, names in HEADERS.items() for name in names}
ROLES = {"": JudgeRole.JUDGE, "juri": JudgeRole.JUDGE, "judge": JudgeRole.JUDGE,
         "anggota": JudgeRole.JUDGE, "anggota dewan juri": JudgeRole.JUDGE,
         "ketua": JudgeRole.CHAIR, "chair": JudgeRole.CHAIR, "ketua dewan juri": JudgeRole.CHAIR}


@dataclass(frozen=True)
class JudgeRow:
    row: int  # as the spreadsheet (or a text editor, for CSV) numbers it
    code: str
    name: str
    affiliation: str = ""
    unit: str = ""  # as typed: a unit's code or name
    email: str = ""
    phone: str = ""
    role: JudgeRole = JudgeRole.JUDGE


@dataclass
class JudgeSheet:
    source: str  # the file's name
    header_row: int = 0
    columns: dict[str, int] = field(default_factory=dict)  # key -> 0-based column
    headers: dict[str, str] = field(default_factory=dict)  # key -> header as written
    rows: list[JudgeRow] = field(default_factory=list)
    problems: list[Message] = field(default_factory=list)

    def problem(self, row: int, key: str, problem: Message) -> None:
        self.problems.append(Message(
            "judge_list.cell", file=self.source, cell=f"{column_letter(self.columns[key])}{row}",
            header=self.headers[key], problem=problem))


class JudgeFileError(ValueError):
    """The file cannot be read as a list of judges at all; `problems` say why."""

    def __init__(self, source: str, problems: list[Any]) -> None:
        self.source, self.problems = source, problems
        super().__init__(f"{source}: " + "; ".join(str(p) for p in problems))


def read_judge_file(path: str | Path, sheet: str | None = None) -> JudgeSheet:
    path = Path(path)
    if path.suffix.lower() in (".csv", ".txt"):
        return _read_rows(path.name, _csv_rows(path))
    from judging_app.exchange import entry_guard
    from judging_app.exchange.entry_format import EntryFileError
    from judging_app.exchange.entry_reader import _open_sheet

    try:
        kind = entry_guard.sniff(path)
        if kind == "csv":
            return _read_rows(path.name, _csv_rows(path))
        with _open_sheet(path, kind, sheet) as (_name, _names, rows, _total, _scan, _merges):
            return _read_rows(path.name, rows)
    except EntryFileError as exc:
        raise JudgeFileError(path.name, [p.message for p in exc.problems]) from None


def _csv_rows(path: Path) -> Iterator[tuple[int, list[Any]]]:
    try:
        text = csv_reading.read_text(path, MAX_CSV_BYTES)
        delimiter = csv_reading.choose_delimiter(text, lambda c: normalise(c) in _BY_NAME)
        for record in csv_reading.records(path.name, text, delimiter):
            yield record.line, record.cells
    except csv_reading.CsvFileError as exc:
        raise JudgeFileError(path.name, exc.problems) from None


def _read_rows(source: str, rows: Iterable[tuple[int, list[Any]]]) -> JudgeSheet:
    out = JudgeSheet(source)
    rows = iter(rows)
    for number, cells in rows:
        found = {}
        for index, value in enumerate(cells):
            key = _BY_NAME.get(normalise(cell_text(value)))
            if key and key not in found:
                found[key] = index
        if "code" in found and "name" in found:
            out.header_row, out.columns = number, found
            out.headers = {k: cell_text(cells[i]) for k, i in found.items()}
            break
        if number >= HEADER_SEARCH_ROWS:
            break
    if not out.header_row:
        raise JudgeFileError(source, [Message("judge_list.no_header", rows=HEADER_SEARCH_ROWS)])
    seen: dict[str, int] = {}
    for number, cells in rows:
        values = {k: cell_text(cells[i]) if i < len(cells) else "" for k, i in out.columns.items()}
        if not any(values.values()):
            continue
        if len(out.rows) >= MAX_JUDGES:
            raise JudgeFileError(source, [Message("judge_list.too_many", limit=MAX_JUDGES)])
        row = _row(out, number, values, seen)
        if row is not None:
            out.rows.append(row)
    if not out.rows and not out.problems:
        raise JudgeFileError(source, [Message("judge_list.empty", row=out.header_row)])
    return out


def _row(out: JudgeSheet, number: int, values: dict[str, str],
         seen: dict[str, int]) -> JudgeRow | None:
    ok = True
    for key in ("code", "name"):
        if not values[key]:
            out.problem(number, key, Message("judge_list.required"))
            ok = False
    code = values["code"]
    folded = code.casefold()  # letter case ignored: 'x1' repeats 'X1'
    if code and folded in seen:
        out.problem(number, "code", Message("judge_list.repeated", code=code, row=seen[folded]))
        ok = False
    seen.setdefault(folded, number)
    role = ROLES.get(normalise(values.get("role", "")))
    if role is None:
        out.problem(number, "role", Message("judge_list.bad_role", value=values["role"]))
        ok = False
    if not ok:
        return None
    return JudgeRow(number, code, values["name"], values.get("affiliation", ""),
                    values.get("unit", ""), values.get("email", ""), values.get("phone", ""),
                    role)

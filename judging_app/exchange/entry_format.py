"""The entry import format: its columns (Indonesian and English names), how cell values are
read, how problems are reported, and the rows of a CSV file. Shared by the template writer,
the file reader and the import use case (docs/entry-import.md says the same for people)."""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from judging_app.core.enums import InnovationStage, InnovationType
from judging_app.core.messages import Message, Text, as_text
from judging_app.exchange import csv_reading

MAX_LISTED_PROBLEMS = 200  # problems kept with their details; the rest are only counted
MAX_CSV_BYTES = 100 * 2**20  # as for any entry file (entry_guard.MAX_FILE_BYTES)
EXAMPLE_CODES = frozenset({"contoh", "example"})  # a row with this code is skipped, with a note


@dataclass(frozen=True)
class Column:
    key: str  # the EntryInput field it fills
    header_id: str
    header_en: str
    required: bool
    aliases: tuple[str, ...]  # more accepted names (compared after normalise())
    hint_id: str = ""
    hint_en: str = ""


COLUMNS: tuple[Column, ...] = (
    Column("code", "Kode", "Code", True,
           ("kode inovasi", "kode peserta", "kode entri", "entry code", "innovation code"),
           "Kode unik inovasi, mis. INV-001", "Unique entry code, e.g. INV-001"),
    Column("title", "Judul inovasi", "Title", True,
           ("judul", "nama inovasi", "inovasi", "innovation title", "innovation", "entry title"),
           "Judul atau nama inovasi (paling panjang 500 karakter)",
           "Title of the innovation (at most 500 characters)"),
    Column("unit", "Perangkat daerah", "Government unit", True,
           ("unit", "unit kerja", "perangkat daerah unit kerja", "opd", "skpd", "instansi",
            "nama perangkat daerah", "nama opd", "unit name", "government unit name"),
           "Pilih dari daftar atau ketik nama perangkat daerah baru",
           "Choose from the list or type the name of a new unit"),
    Column("category", "Kategori", "Category", True,
           ("kelompok", "kategori kelompok", "group", "category group"),
           "Pilih dari daftar", "Choose from the list"),
    Column("innovators", "Inovator", "Innovators", False,
           ("nama inovator", "para inovator", "innovator", "innovator names"),
           "Nama inovator, boleh lebih dari satu", "Innovators' names, one or more"),
    Column("contact", "Kontak", "Contact", False,
           ("narahubung", "kontak inovator", "no hp", "nomor hp", "telepon", "contact person"),
           "Telepon dan/atau surel narahubung", "Phone and/or e-mail of the contact person"),
    Column("stage", "Tahapan", "Stage", False,
           ("tahapan inovasi", "tahap inovasi", "innovation stage"),
           "inisiatif, uji coba atau penerapan (kosong = penerapan)",
           "initiative, trial or implementation (empty = implementation)"),
    Column("innovation_type", "Jenis", "Type", False,
           ("jenis inovasi", "tipe", "tipe inovasi", "innovation type"),
           "digital atau non-digital (kosong = digital)", "digital or non-digital (empty = digital)"),
    Column("started_on", "Tanggal mulai", "Start date", False,
           ("tgl mulai", "mulai", "tanggal mulai inovasi", "waktu mulai", "started on",
            "date started"),
           "Tanggal (sel tanggal, atau 17/08/2024, atau 2024-08-17)",
           "A date (a date cell, or 17/08/2024, or 2024-08-17)"),
    Column("summary", "Ringkasan", "Summary", False,
           ("ringkasan inovasi", "deskripsi", "uraian", "description", "abstract"),
           "Ringkasan singkat inovasi", "A short summary of the innovation"),
    Column("links", "Tautan", "Links", False,
           ("link", "url", "tautan bukti dukung", "bukti dukung", "evidence links"),
           "Satu atau beberapa tautan, dipisah baris baru atau ';'",
           "One or more links, separated by new lines or ';'"),
    Column("documents", "Dokumen", "Documents", False,
           ("berkas", "berkas dokumen", "lampiran", "file", "files", "dokumen proposal",
            "attachments", "document files"),
           "Nama berkas di folder berkas ini, mis. dokumen/INV-001 proposal.pdf; beberapa "
           "dipisah baris baru atau ';'",
           "File names in this workbook's folder, e.g. documents/INV-001 proposal.pdf; several "
           "separated by new lines or ';'"),
)
BY_KEY = {c.key: c for c in COLUMNS}
REQUIRED = tuple(c.key for c in COLUMNS if c.required)
MAX_LENGTH = {"code": 64, "title": 500, "unit": 300, "contact": 300}

STAGE_LABELS_ID = {InnovationStage.INITIATIVE: "inisiatif", InnovationStage.TRIAL: "uji coba",
                   InnovationStage.IMPLEMENTATION: "penerapan"}
TYPE_LABELS = {InnovationType.DIGITAL: "digital", InnovationType.NON_DIGITAL: "non-digital"}
_STAGES = {
    "inisiatif": InnovationStage.INITIATIVE, "initiative": InnovationStage.INITIATIVE,
    "ujicoba": InnovationStage.TRIAL, "trial": InnovationStage.TRIAL,
    "penerapan": InnovationStage.IMPLEMENTATION, "implementasi": InnovationStage.IMPLEMENTATION,
    "implementation": InnovationStage.IMPLEMENTATION,
}
_TYPES = {"digital": InnovationType.DIGITAL, "nondigital": InnovationType.NON_DIGITAL}


def normalise(text: str) -> str:
    """Lower case, accents and punctuation removed, single spaces: 'Judul  Inovasi*' and
    'judul-inovasi' both become 'judul inovasi'."""
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return " ".join(re.sub(r"[^a-z0-9]+", " ", text).split())


_ALIASES: dict[str, str] = {}
for _c in COLUMNS:
    for _name in (_c.header_id, _c.header_en, _c.key.replace("_", " "), *_c.aliases):
        _ALIASES[normalise(_name)] = _c.key


def match_header(text: Any) -> str | None:
    """The column key a header cell names, or None. 'Perangkat daerah / Unit' and
    'Kode (Code)' match too: each part is tried when the whole does not."""
    if not isinstance(text, str) or not text.strip():
        return None
    whole = normalise(text)
    if whole in _ALIASES:
        return _ALIASES[whole]
    for part in re.split(r"[/\n()\[\]|]+", text):
        key = _ALIASES.get(normalise(part))
        if key:
            return key
    return None


def column_letter(index: int) -> str:
    """0 → A, 25 → Z, 26 → AA."""
    out = ""
    index += 1
    while index:
        index, rem = divmod(index - 1, 26)
        out = chr(65 + rem) + out
    return out


def column_index(letters: str) -> int:
    """A → 0, AA → 26 (inverse of column_letter)."""
    n = 0
    for ch in letters:
        n = n * 26 + ord(ch) - 64
    return n - 1


# ---- problems ------------------------------------------------------------------------------

@dataclass(frozen=True)
class EntryProblem:
    """One thing wrong, with where it is: sheet, row (1-based as the spreadsheet shows it),
    column letter and its header. File-level problems have no row or column."""

    message: Text
    sheet: str | None = None
    row: int | None = None
    column: str | None = None
    header: str | None = None

    def as_message(self) -> Text:
        """The problem with its place in front ("sheet 'Data', cell C7 (Judul): …")."""
        where: list[Message] = []
        if self.sheet:
            where.append(Message("entry_file.where.sheet", sheet=self.sheet))
        if self.row is not None and self.column:
            where.append(Message("entry_file.where.cell", cell=f"{self.column}{self.row}"))
        elif self.row is not None:
            where.append(Message("entry_file.where.row", row=self.row))
        elif self.column:
            where.append(Message("entry_file.where.column", column=self.column))
        if self.header and where:
            where[-1] = Message("entry_file.where.with_header", where=where[-1],
                                header=self.header)
        elif self.header:
            where.append(Message("entry_file.where.header", header=self.header))
        if not where:
            return self.message
        return Message("entry_file.problem_at", where=where, problem=self.message)

    def render(self, language: str) -> str:
        return as_text(self.as_message(), language)

    def __str__(self) -> str:
        return self.render("en")


class ProblemList:
    """Collects problems, keeping the first MAX_LISTED_PROBLEMS and counting the rest."""

    def __init__(self, limit: int = MAX_LISTED_PROBLEMS) -> None:
        self.items: list[EntryProblem] = []
        self.total = 0
        self.limit = limit

    def add(self, problem: EntryProblem) -> None:
        self.total += 1
        if len(self.items) < self.limit:
            self.items.append(problem)

    def __bool__(self) -> bool:
        return self.total > 0

    def lines(self) -> list[Text]:
        out: list[Text] = [p.as_message() for p in self.items]
        if self.total > len(self.items):
            out.append(Message("common.and_more", count=self.total - len(self.items)))
        return out


class EntryFileError(ValueError):
    """A file that cannot be read as an entry list at all (not a spreadsheet, damaged,
    encrypted, too large, no header, …). `problems` say why and where."""

    def __init__(self, source: str, problems: list[EntryProblem]) -> None:
        self.source = source
        self.problems = problems
        super().__init__(f"{source}: " + "; ".join(str(p) for p in problems))


class Cancelled(Exception):  # noqa: N818 - a request, not an error
    """Raise from a progress callback to stop reading or importing; nothing is written."""


# ---- cell values ---------------------------------------------------------------------------

def cell_text(value: Any) -> str:
    """A cell as the text a person sees: whole numbers without '.0', dates as ISO."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return str(int(value))
    if isinstance(value, datetime):
        return value.isoformat(sep=" ") if value.time() != datetime.min.time() else \
            value.date().isoformat()
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return str(value).strip()


@functools.lru_cache(maxsize=256)
def parse_stage(text: str) -> InnovationStage | None:
    return _STAGES.get(normalise(text).replace(" ", ""))


@functools.lru_cache(maxsize=256)
def parse_type(text: str) -> InnovationType | None:
    return _TYPES.get(normalise(text).replace(" ", ""))


_DMY = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})")
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?")
MIN_YEAR, MAX_YEAR = 1900, 2200


def parse_date(value: Any) -> tuple[date | None, Message | str]:
    """(date, '') or (None, why not). Accepts date cells, 'yyyy-mm-dd', 'dd/mm/yyyy',
    'dd-mm-yyyy' (and 'dd.mm.yyyy')."""
    if isinstance(value, datetime):
        found = value.date()
    elif isinstance(value, date):
        found = value
    elif isinstance(value, int | float):  # bool is an int too
        return None, Message("entry_file.date_number", value=cell_text(value))
    else:
        text = cell_text(value)
        iso, dmy = _ISO.fullmatch(text), _DMY.fullmatch(text)
        try:
            if iso:
                found = date(int(iso[1]), int(iso[2]), int(iso[3]))
            elif dmy:
                found = date(int(dmy[3]), int(dmy[2]), int(dmy[1]))
            else:
                return None, Message("entry_file.not_a_date", value=repr(text))
        except ValueError:
            return None, Message("entry_file.not_a_real_date", value=repr(text))
    if not MIN_YEAR <= found.year <= MAX_YEAR:
        return None, Message("entry_file.implausible_year", year=found.year)
    return found, ""


def split_links(text: str) -> str:
    """Links separated by new lines or ';' → one per line."""
    return "\n".join(p.strip() for p in re.split(r"[;\r\n]+", text) if p.strip())


# ---- CSV -----------------------------------------------------------------------------------

def csv_rows(path) -> tuple[int, Iterator[tuple[int, list[str]]]]:
    """(how many lines, the rows numbered by the line each starts on), read strictly
    (exchange/csv_reading.py): UTF-8 with or without BOM; comma, semicolon or tab, whichever
    makes the header readable; an unclosed quote, an oversize cell or an unstorable
    character refuses the file with its line."""
    source = path.name
    try:
        text = csv_reading.read_text(path, MAX_CSV_BYTES)
    except csv_reading.CsvFileError as exc:
        raise EntryFileError(source, [EntryProblem(p) for p in exc.problems]) from None
    delimiter = csv_reading.choose_delimiter(text, lambda cell: match_header(cell) is not None)

    def rows() -> Iterator[tuple[int, list[str]]]:
        try:
            for record in csv_reading.records(source, text, delimiter):
                yield record.line, record.cells
        except csv_reading.CsvFileError as exc:
            raise EntryFileError(source, [EntryProblem(p) for p in exc.problems]) from None

    return max(text.count("\n"), 1), rows()

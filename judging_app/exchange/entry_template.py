"""The entry import template (.xlsx): a data sheet with one header row and dropdowns, an
instructions sheet in Indonesian and English holding one example row, and a hidden sheet
with the dropdown lists. Written with openpyxl; every text that comes from people (category
and unit names, the example) is written as text, never as a formula."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.comments import Comment
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation

from judging_app.core.enums import InnovationStage
from judging_app.exchange.entry_format import COLUMNS, STAGE_LABELS_ID, TYPE_LABELS

TEMPLATE_ROWS = 10_000  # rows below the header that get the dropdowns and formats
# LibreOffice, saving as .xlsx, writes a sheet only down to its last row holding a value plus
# 1,000 rows (cell formats and data validations beyond are dropped; a value in a hidden
# column is dropped too). A small visible note in the first column right of the table, on
# the last templated row, keeps the dropdowns of all TEMPLATE_ROWS rows through such a save.
# The importer reads only headed columns, so the note is never imported.
END_NOTE = {"id": "batas baris berdaftar pilihan", "en": "last row with dropdowns"}
SHEETS = {"id": ("Inovasi", "Petunjuk", "Daftar"), "en": ("Entries", "Instructions", "Lists")}
STAGE_LABELS_EN = {s: s.value for s in InnovationStage}
WIDTHS = {"code": 14, "title": 40, "unit": 32, "category": 28, "innovators": 28, "contact": 26,
          "stage": 14, "innovation_type": 14, "started_on": 14, "summary": 50, "links": 40,
          "documents": 40}
EXAMPLE = {
    "code": "CONTOH", "title": "Layanan Antar Jemput Dokumen Kependudukan",
    "unit": "Dinas Kependudukan dan Pencatatan Sipil", "category": None,
    "innovators": "Siti Rahma; Budi Santoso", "contact": "0812-3456-7890 / inovasi@contoh.go.id",
    "stage": "penerapan", "innovation_type": "digital", "started_on": date(2024, 8, 17),
    "summary": "Warga mengajukan dokumen lewat aplikasi; petugas mengantar ke rumah.",
    "links": "https://contoh.go.id/inovasi\nhttps://youtu.be/contoh",
    "documents": "dokumen/CONTOH proposal.pdf\ndokumen/CONTOH SK.pdf",
}
GUIDE_ID = [
    "PETUNJUK PENGISIAN",
    "1. Isi satu inovasi per baris pada lembar '{data}', mulai baris 2. Jangan ubah baris judul kolom.",
    "2. Kolom bertanda * wajib diisi: Kode, Judul inovasi, Perangkat daerah, Kategori.",
    "3. Kode harus unik. Kategori, Tahapan dan Jenis dipilih dari daftar.",
    "4. Perangkat daerah dipilih dari daftar; nama baru boleh diketik (dibuat saat impor, setelah dikonfirmasi).",
    "5. Tanggal mulai: sel tanggal, atau 17/08/2024 (hari/bulan/tahun), atau 2024-08-17.",
    "6. Tautan: beberapa tautan dipisah baris baru (Alt+Enter) atau titik koma (;).",
    "7. Dokumen: nama berkas (PDF, gambar) di folder berkas ini atau di bawahnya, mis. dokumen/INV-001 proposal.pdf; dilampirkan saat impor.",
    "8. Isi nilai, bukan rumus. Jangan menggabungkan sel (merge).",
    "9. Contoh pengisian ada di bawah; baris dengan kode CONTOH tidak diimpor.",
]
GUIDE_EN = [
    "HOW TO FILL IN",
    "1. One entry per row on the sheet '{data}', from row 2 on. Do not change the header row.",
    "2. Columns marked * are required: Code, Title, Government unit, Category.",
    "3. Codes must be unique. Category, Stage and Type are chosen from the lists.",
    "4. Choose the government unit from the list; a new unit's name may be typed (created on import, once confirmed).",
    "5. Start date: a date cell, or 17/08/2024 (day/month/year), or 2024-08-17.",
    "6. Links: several links separated by new lines (Alt+Enter) or semicolons (;).",
    "7. Documents: file names (PDFs, images) in this workbook's folder or below it, e.g. documents/INV-001 proposal.pdf; attached on import.",
    "8. Enter values, not formulas. Do not merge cells.",
    "9. An example follows below; a row whose code is CONTOH is never imported.",
]


def _clean(value: Any) -> Any:
    return ILLEGAL_CHARACTERS_RE.sub("", value) if isinstance(value, str) else value


def _put(ws, row: int, col: int, value: Any):
    """Writes a value; text stays text even when it starts with '='."""
    cell = ws.cell(row=row, column=col)
    cell.value = _clean(value)
    if cell.data_type == "f":
        cell.data_type = "s"
    return cell


def _names(items: Iterable[Any]) -> list[str]:
    out: list[str] = []
    for item in items:
        name = item if isinstance(item, str) else getattr(item, "name", "")
        if name and name not in out:
            out.append(name)
    return out


def write_entry_template(path: str | Path, setup: Any, units: Iterable[Any],
                         lang: str = "id") -> Path:
    """Writes the template for a competition. `setup` is a CompetitionSetup (or anything
    with `.categories` of objects with `name`/`name_en`, and optionally `.name`); `units` are
    UnitRecords or names. `lang` ('id' or 'en') chooses the headers and dropdown labels;
    the instructions are always in both languages."""
    if lang not in SHEETS:
        raise ValueError(f"lang must be 'id' or 'en', not {lang!r}")
    en = lang == "en"
    data_name, guide_name, list_name = SHEETS[lang]
    categories = _names(
        (c.name_en or c.name) if en else c.name for c in getattr(setup, "categories", ()))
    stages = list((STAGE_LABELS_EN if en else STAGE_LABELS_ID).values())
    lists = {"category": categories, "unit": _names(units), "stage": stages,
             "innovation_type": list(TYPE_LABELS.values())}
    wb = Workbook()
    data = wb.active
    data.title = data_name
    guide = wb.create_sheet(guide_name)
    hidden = wb.create_sheet(list_name)
    hidden.sheet_state = "hidden"
    ranges = {}
    for col, (key, values) in enumerate(lists.items(), start=1):
        _put(hidden, 1, col, f"list: {key}")
        for row, value in enumerate(values, start=2):
            _put(hidden, row, col, value)
        if values:
            letter = get_column_letter(col)
            ranges[key] = f"'{list_name}'!${letter}$2:${letter}${len(values) + 1}"
    _header(data, en)
    _dropdowns(data, ranges, en)
    _end_note(data, lang)
    _guide(guide, setup, data_name, categories, en)
    data.freeze_panes = "A2"
    wb.active = 0
    path = Path(path)
    wb.save(path)
    return path


def _header(ws, en: bool) -> None:
    fill_required = PatternFill("solid", fgColor="FCE4D6")
    fill_optional = PatternFill("solid", fgColor="DDEBF7")
    for col, spec in enumerate(COLUMNS, start=1):
        title = spec.header_en if en else spec.header_id
        other = spec.header_id if en else spec.header_en
        cell = _put(ws, 1, col, title + (" *" if spec.required else ""))
        cell.font = Font(bold=True)
        cell.fill = fill_required if spec.required else fill_optional
        cell.alignment = Alignment(wrap_text=True, vertical="top")
        note = f"{other}\n{spec.hint_id}\n{spec.hint_en}"
        cell.comment = Comment(note, "judging-app", width=260, height=110)
        letter = get_column_letter(col)
        ws.column_dimensions[letter].width = WIDTHS.get(spec.key, 16)
        dim = ws.column_dimensions[letter]
        dim.number_format = "DD/MM/YYYY" if spec.key == "started_on" else "@"


def _dropdowns(ws, ranges: dict[str, str], en: bool) -> None:
    position = {spec.key: get_column_letter(i) for i, spec in enumerate(COLUMNS, start=1)}
    last = TEMPLATE_ROWS + 1
    for key, formula in ranges.items():
        strict = key != "unit"
        dv = DataValidation(type="list", formula1=formula, allow_blank=True,
                            showErrorMessage=strict, showInputMessage=not strict)
        if strict:
            dv.errorTitle = "Pilih dari daftar" if not en else "Choose from the list"
            dv.error = ("Pilih nilai dari daftar. / Choose a value from the list.")
        else:
            dv.promptTitle = "Perangkat daerah / Unit"
            dv.prompt = ("Pilih dari daftar atau ketik nama baru. / "
                         "Choose from the list or type a new name.")
        dv.add(f"{position[key]}2:{position[key]}{last}")
        ws.add_data_validation(dv)


def _end_note(ws, lang: str) -> None:
    col = len(COLUMNS) + 1
    cell = _put(ws, TEMPLATE_ROWS + 1, col, END_NOTE[lang])
    cell.font = Font(italic=True, size=8, color="808080")
    ws.column_dimensions[get_column_letter(col)].width = 24


def _guide(ws, setup: Any, data_name: str, categories: list[str], en: bool) -> None:
    row = 1
    name = getattr(setup, "name", "")
    if name:
        _put(ws, row, 1, name).font = Font(bold=True, size=13)
        row += 2
    for lines in (GUIDE_ID, GUIDE_EN):
        for i, line in enumerate(lines):
            cell = _put(ws, row, 1, line.format(data=data_name))
            if i == 0:
                cell.font = Font(bold=True)
            row += 1
        row += 1
    for col, title in enumerate(("Kolom", "Column", "Wajib / Required", "Isian", "Contents"), 1):
        _put(ws, row, col, title).font = Font(bold=True)
    for spec in COLUMNS:
        row += 1
        values = (spec.header_id, spec.header_en, "ya / yes" if spec.required else "",
                  spec.hint_id, spec.hint_en)
        for col, value in enumerate(values, 1):
            _put(ws, row, col, value)
    row += 2
    _put(ws, row, 1, "CONTOH / EXAMPLE (tidak diimpor / not imported)").font = Font(bold=True)
    example = dict(EXAMPLE, category=categories[0] if categories else "Umum")
    if en:
        example["stage"] = InnovationStage.IMPLEMENTATION.value
    for col, spec in enumerate(COLUMNS, start=1):
        _put(ws, row + 1, col, spec.header_en if en else spec.header_id).font = Font(bold=True)
        cell = _put(ws, row + 2, col, example[spec.key])
        if spec.key == "started_on":
            cell.number_format = "DD/MM/YYYY"
        cell.alignment = Alignment(wrap_text=True, vertical="top")
    for col, width in enumerate((34, 30, 28, 30, 30), 1):
        ws.column_dimensions[get_column_letter(col)].width = width

"""Building a score workbook with openpyxl: the data sheet, the instructions (Indonesian,
then English) and the hidden identity sheet. Text that comes from people is always written
as text (never a formula, even when it starts with '='); the only formulas are the totals
this module writes, in locked cells."""

from __future__ import annotations

from copy import copy
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill, Protection
from openpyxl.workbook.protection import WorkbookProtection
from openpyxl.worksheet.datavalidation import DataValidation

from judging_app.exchange.judge_package_fields import RubricCriterion, dec_text
from judging_app.exchange.score_workbook import (
    COMMENT,
    CRITERION,
    ENTRY,
    FIRST_ROW,
    FORMAT,
    FORMAT_VERSION,
    GUIDE_SHEET,
    HEADER_ROW,
    IDENTITY_SHEET,
    STATE_LABELS,
    STATUS,
    TITLE,
    TOTAL,
    UNIT,
    ScoreWorkbookData,
    ScoreWorkbookIdentity,
    cell_text,
    decimal_id,
)

MAX_TEXT = 32767  # Excel's limit for one cell
WIDTHS = {ENTRY: 13, TITLE: 46, UNIT: 28, CRITERION: 17, TOTAL: 12, COMMENT: 42, STATUS: 17}
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
INPUT_FILL = PatternFill("solid", fgColor="FFF2CC")
LOCKED_FILL = PatternFill("solid", fgColor="E7E6E6")
UNLOCKED = Protection(locked=False)
LOCKED = Protection(locked=True)
WRAP_TOP = Alignment(wrap_text=True, vertical="top")

GUIDE_ID = [
    "PETUNJUK PENGISIAN LEMBAR NILAI",
    "1. Isi nilai pada lembar '{data}': satu baris per inovasi, satu kolom per kriteria. "
    "Hanya sel nilai (kuning) dan kolom '{comment}' yang dapat diisi; sel lain dikunci.",
    "2. Setiap nilai berupa angka pada skala kriterianya (lihat judul kolom dan tabel "
    "kriteria di bawah), mis. 4, atau 3,5 bila kelipatannya 0,5. Excel menolak nilai di luar "
    "skala atau kelipatan.",
    "3. Ketik angka, bukan rumus atau teks. Hindari menempel (paste) dari berkas lain: "
    "tempelan melewati pemeriksaan Excel, dan nilai yang salah membuat seluruh berkas ditolak "
    "saat diimpor.",
    "4. Kolom '{total}' dihitung otomatis bila semua kriteria terisi: Σ bobot × nilai / nilai "
    "maksimum (0–100). Kolom ini hanya panduan; nilai resmi dihitung oleh sekretariat.",
    "5. Saat diimpor, baris yang semua kriterianya terisi menjadi lembar nilai terkirim "
    "(dikunci); baris yang belum lengkap disimpan sebagai draf; baris kosong tidak mengubah "
    "apa pun.",
    "6. Baris berstatus 'terkirim (dikunci)' sudah dikunci; hubungi sekretariat bila perlu "
    "diubah.",
    "7. Jangan menambah, menghapus, memindahkan atau mengganti nama kolom, baris atau lembar, "
    "dan jangan mengubah kode inovasi. Simpan sebagai Excel Workbook (.xlsx).",
    "8. Berkas ini khusus untuk juri {judge}. Kirim berkas yang sudah diisi kepada sekretariat.",
]
GUIDE_EN = [
    "HOW TO FILL IN THE SCORE SHEET",
    "1. Enter the scores on the sheet '{data}': one row per entry, one column per criterion. "
    "Only the score cells (yellow) and the column '{comment}' can be typed in; every other "
    "cell is locked.",
    "2. Every score is a number on its criterion's scale (see the column heading and the "
    "criteria table below), e.g. 4, or 3.5 when the step is 0.5. Excel refuses a value off the "
    "scale or the step.",
    "3. Type numbers, not formulas or text. Avoid pasting from other files: a paste bypasses "
    "Excel's checks, and one wrong value refuses the whole file when it is imported.",
    "4. The column '{total}' is computed once every criterion has a score: Σ weight × score / "
    "maximum (0–100). It is a guide only; the secretariat computes the official results.",
    "5. On import, a row with every criterion scored becomes a submitted (locked) score sheet; "
    "an incomplete row is kept as a draft; an empty row changes nothing.",
    "6. Rows marked 'submitted (locked)' are locked; ask the secretariat if one must change.",
    "7. Do not add, delete, move or rename columns, rows or sheets, and do not change the entry "
    "codes. Save as an Excel Workbook (.xlsx).",
    "8. This file is for judge {judge} only. Send the filled file to the secretariat.",
]
BLIND = ("Tahap ini dinilai tanpa identitas perangkat daerah (penilaian tertutup).",
         "This round is judged without the entries' government units (blind).")
RUBRIC_HEADERS = (("Kode", "Kriteria", "Bobot (%)", "Skala", "Kelipatan", "Uraian / tingkatan"),
                  ("Code", "Criterion", "Weight (%)", "Scale", "Step", "Description / levels"))


def put(ws, row: int, col: int, value: Any, *, text: bool = True):
    """Write a value; text is always text, never a formula, even when it starts with '='."""
    cell = ws.cell(row=row, column=col)
    if value == "":
        cell.value = None
    elif isinstance(value, str) and text:
        cell.value = cell_text(value)[:MAX_TEXT]
        cell.data_type = "s"
    else:
        cell.value = value
    return cell


def _protect(ws, password: str | None) -> None:
    p = ws.protection
    p.sheet = True
    p.formatColumns = p.formatRows = False  # widening columns and rows stays allowed
    p.selectLockedCells = p.selectUnlockedCells = False
    if password:
        p.password = password


def build_workbook(data: ScoreWorkbookData, ident: ScoreWorkbookIdentity,
                   password: str | None) -> Workbook:
    wb = Workbook()
    sheet = wb.active
    sheet.title = ident.data_sheet
    _data_sheet(sheet, data, ident)
    _protect(sheet, password)
    guide = wb.create_sheet(GUIDE_SHEET[ident.lang])
    _guide(guide, data, ident)
    _protect(guide, password)
    hidden = wb.create_sheet(IDENTITY_SHEET)
    _identity(hidden, ident)
    _protect(hidden, password)
    hidden.sheet_state = "veryHidden"
    wb.active = 0
    wb.security = WorkbookProtection(lockStructure=True)
    if password:
        wb.security.workbookPassword = password
    wb.properties.title = f"{ident.competition.name} — {ident.round_name} — {ident.judge.code}"
    wb.properties.creator = "judging-app"
    wb.properties.keywords = FORMAT
    return wb


# ---- the data sheet --------------------------------------------------------------------

def _number(value) -> int | float:
    """A stored score as an Excel number (scores have at most three decimals)."""
    return int(value) if value == value.to_integral_value() else float(value)


def _data_sheet(ws, data: ScoreWorkbookData, ident: ScoreWorkbookIdentity) -> None:
    en = int(ident.lang == "en")
    cols = ident.columns
    crit_cols = ident.criteria()
    rubric = {c.code: c for c in data.rubric}
    sheets = {s.entry: s for s in data.sheets}
    last = FIRST_ROW + len(data.entries) - 1
    for i, col in enumerate(cols, start=1):
        cell = put(ws, HEADER_ROW, i, col.header)
        cell.font, cell.fill, cell.alignment = Font(bold=True), HEADER_FILL, WRAP_TOP
        ws.column_dimensions[col.letter].width = WIDTHS[col.role]
    ws.row_dimensions[HEADER_ROW].height = 62
    first_crit, last_crit = crit_cols[0].letter, crit_cols[-1].letter
    terms = "+".join(f"{c.letter}{{r}}*{dec_text(rubric[c.criterion].weight)}/"
                     f"{dec_text(c.scale_max)}" for c in crit_cols)
    total_formula = (f'=IF(COUNT({first_crit}{{r}}:{last_crit}{{r}})={len(crit_cols)},'
                     f'ROUND({terms},2),"")')
    style = _Styles()
    for r, entry in enumerate(data.entries, start=FIRST_ROW):
        stored = sheets.get(entry.code)
        locked = stored is not None and stored.state == "submitted"
        values = {ENTRY: entry.code, TITLE: entry.title,
                  UNIT: entry.unit_name or entry.unit or "",
                  COMMENT: stored.overall_comment if stored else "",
                  STATUS: STATE_LABELS[stored.state][en] if stored else ""}
        for i, col in enumerate(cols, start=1):
            if col.role == CRITERION:
                score = stored.scores.get(col.criterion) if stored else None
                cell = put(ws, r, i, None if score is None else _number(score))
            elif col.role == TOTAL:
                cell = put(ws, r, i, total_formula.replace("{r}", str(r)), text=False)
            else:
                cell = put(ws, r, i, values[col.role])
            style(cell, col.role, locked)
    if data.entries:
        for col in crit_cols:
            ws.add_data_validation(_validation(rubric[col.criterion], col.letter,
                                               f"{col.letter}{FIRST_ROW}:{col.letter}{last}",
                                               ident.lang))
    ws.freeze_panes = f"{first_crit}{FIRST_ROW}"
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    _fit_width(ws, "landscape")
    who = (f"{ident.competition.name} — {ident.round_name} — {ident.judge.code} "
           f"{ident.judge.name}")
    ws.oddHeader.center.text = cell_text(who).replace("&", "&&")[:200]
    ws.oddFooter.center.text = "&A — &P / &N"


class _Styles:
    """A data cell's style by (role, locked): set through openpyxl's style descriptors once,
    then copied as openpyxl's own style array (setting protection, fill and alignment on
    every cell costs most of the writing time)."""

    def __init__(self) -> None:
        self.done: dict[tuple[str, bool], object] = {}

    def __call__(self, cell, role: str, locked: bool) -> None:
        key = (role, locked and role in (CRITERION, COMMENT))
        template = self.done.get(key)
        if template is not None:
            cell._style = copy(template)
            return
        if role in (CRITERION, COMMENT):
            cell.protection = LOCKED if key[1] else UNLOCKED
            cell.fill = LOCKED_FILL if key[1] else INPUT_FILL
        if role in (TITLE, COMMENT):
            cell.alignment = WRAP_TOP
        if role == TOTAL:
            cell.number_format = "0.00"
        self.done[key] = copy(cell._style)


def _fit_width(ws, orientation: str) -> None:
    ws.page_setup.orientation = orientation
    ws.page_setup.paperSize = ws.PAPERSIZE_A4
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def _validation(c: RubricCriterion, letter: str, cells: str, lang: str) -> DataValidation:
    """Whole numbers between min and max for a step of 1 from a whole minimum; otherwise a
    custom rule: a number, in range, on the step (rounded so 0.1 steps are not lost)."""
    lo, hi, step = (dec_text(v) for v in (c.scale_min, c.scale_max, c.scale_step))
    ref = f"{letter}{FIRST_ROW}"
    if c.scale_step == 1 and c.scale_min == c.scale_min.to_integral_value():
        dv = DataValidation(type="whole", operator="between", formula1=lo, formula2=hi,
                            allow_blank=True)
    else:
        dv = DataValidation(type="custom", allow_blank=True, formula1=(
            f"AND(ISNUMBER({ref}),{ref}>={lo},{ref}<={hi},"
            f"MOD(ROUND(({ref}-{lo})/{step},6),1)=0)"))
    num = decimal_id if lang == "id" else dec_text
    scale = f"{decimal_id(c.scale_min)}–{decimal_id(c.scale_max)}"
    step_id = f" dengan kelipatan {decimal_id(c.scale_step)}" if c.scale_step != 1 else ""
    step_en = f" in steps of {dec_text(c.scale_step)}" if c.scale_step != 1 else ""
    dv.errorTitle = "Nilai tidak valid"
    dv.error = (f"Nilai kriteria {c.code} harus angka {scale}{step_id}. / The score must be a "
                f"number from {dec_text(c.scale_min)} to {dec_text(c.scale_max)}{step_en}.")[:255]
    dv.promptTitle = cell_text(f"{c.code} — {c.name}")[:32]
    levels = "; ".join(f"{num(lv.score)} = {lv.text if lang == 'id' else lv.text_en or lv.text}"
                       for lv in c.levels)
    scale_en = f"{dec_text(c.scale_min)}–{dec_text(c.scale_max)}{step_en}"
    prompt = f"Nilai {scale}{step_id}." if lang == "id" else f"Score {scale_en}."
    dv.prompt = cell_text(f"{prompt} {levels}".strip())[:255]
    dv.showErrorMessage = dv.showInputMessage = True
    dv.errorStyle = "stop"
    dv.add(cells)
    return dv


# ---- the instructions ------------------------------------------------------------------

def _guide(ws, data: ScoreWorkbookData, ident: ScoreWorkbookIdentity) -> None:
    headers = {col.role: col.header for col in ident.columns}
    fmt = {"data": ident.data_sheet, "comment": headers[COMMENT], "total": headers[TOTAL],
           "judge": f"{ident.judge.code} ({ident.judge.name})"}
    comp, rnd = ident.competition, data.round
    row = 1
    put(ws, row, 1, comp.name).font = Font(bold=True, size=13)
    row += 1
    for lang, lines, instructions in (
            ("id", GUIDE_ID, rnd.instructions), ("en", GUIDE_EN, rnd.instructions_en)):
        en = lang == "en"
        facts = [
            ("Competition" if en else "Kompetisi", f"{comp.name} ({comp.code})"),
            ("Round" if en else "Tahap",
             f"{(rnd.name_en or rnd.name) if en else rnd.name} ({rnd.code})"),
            ("Judge" if en else "Juri", f"{ident.judge.name} ({ident.judge.code})"),
            ("Entries" if en else "Jumlah inovasi", str(len(data.entries))),
            ("Issued" if en else "Diterbitkan", ident.created_at[:19].replace("T", " ") + " UTC"),
            ("Score sheet id" if en else "ID lembar nilai", ident.workbook_id),
        ]
        row += 1
        for label, value in facts:
            put(ws, row, 1, label).font = Font(bold=True)
            put(ws, row, 2, value)
            row += 1
        row += 1
        for i, line in enumerate(lines):
            cell = put(ws, row, 1, line.format(**fmt))
            cell.font = Font(bold=True) if i == 0 else Font()
            ws.merge_cells(start_row=row, start_column=1, end_row=row, end_column=6)
            cell.alignment = WRAP_TOP
            ws.row_dimensions[row].height = 15 if i == 0 else 31
            row += 1
        if rnd.blind:
            put(ws, row, 1, BLIND[int(en)]).font = Font(italic=True)
            row += 1
        text = instructions or (rnd.instructions if en else "")
        if text:
            label = "Round instructions:" if en else "Petunjuk tahap:"
            put(ws, row, 1, label).font = Font(bold=True)
            cell = put(ws, row, 2, text)
            ws.merge_cells(start_row=row, start_column=2, end_row=row, end_column=6)
            cell.alignment = WRAP_TOP
            ws.row_dimensions[row].height = min(400, 15 * (1 + len(text) // 110 + text.count("\n")))
            row += 1
        row = _rubric_table(ws, row + 1, data.rubric, en)
    for col, width in enumerate((16, 34, 11, 11, 11, 70), start=1):
        ws.column_dimensions[chr(64 + col)].width = width
    _fit_width(ws, "portrait")


def _rubric_table(ws, row: int, rubric: tuple[RubricCriterion, ...], en: bool) -> int:
    num = dec_text if en else decimal_id
    put(ws, row, 1, "CRITERIA" if en else "KRITERIA PENILAIAN").font = Font(bold=True)
    row += 1
    for col, title in enumerate(RUBRIC_HEADERS[int(en)], start=1):
        cell = put(ws, row, col, title)
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    for c in rubric:
        row += 1
        name = (c.name_en or c.name) if en else c.name
        description = (c.description_en or c.description) if en else c.description
        if c.group:
            description = f"[{c.group}] {description}".strip()
        values = (c.code, name, num(c.weight), f"{num(c.scale_min)}–{num(c.scale_max)}",
                  num(c.scale_step), description)
        for col, value in enumerate(values, start=1):
            put(ws, row, col, value).alignment = WRAP_TOP
        ws.cell(row=row, column=1).font = Font(bold=True)
        for lv in c.levels:
            row += 1
            put(ws, row, 2, f"{'score' if en else 'nilai'} {num(lv.score)}").alignment = \
                Alignment(horizontal="right", vertical="top")
            put(ws, row, 6, (lv.text_en or lv.text) if en else lv.text).alignment = WRAP_TOP
    row += 1
    formula = ("Judge's total = Σ weight × score / maximum (weights in percent, 0–100)" if en else
               "Nilai total juri = Σ bobot × nilai / nilai maksimum (bobot dalam persen, 0–100)")
    put(ws, row, 1, formula).font = Font(italic=True)
    return row + 2


# ---- the identity ----------------------------------------------------------------------

def identity_rows(ident: ScoreWorkbookIdentity) -> list[list[str]]:
    """The identity sheet, one key per row (every cell text); read back by
    score_workbook_read.parse_identity."""
    c = ident.competition
    rows = [
        ["note", "judging-app: identity of this score sheet, checked on import. Do not edit."],
        ["format", FORMAT], ["version", str(FORMAT_VERSION)],
        ["workbook_id", ident.workbook_id], ["created_at", ident.created_at],
        ["created_by", ident.created_by], ["lang", ident.lang],
        ["competition", c.code, c.name, c.created_at],
        ["round", ident.round_code, ident.round_name, "blind" if ident.blind else "open"],
        ["judge", ident.judge.code, ident.judge.name],
        ["rubric_sha256", ident.rubric_sha256], ["data_sheet", ident.data_sheet],
    ]
    rows += [["column", *col.as_row()] for col in ident.columns]
    rows += [["entry", str(r), code] for r, code in ident.entries]
    rows.append(["signature", ident.signature])
    return rows


def _identity(ws, ident: ScoreWorkbookIdentity) -> None:
    for r, values in enumerate(identity_rows(ident), start=1):
        for col, value in enumerate(values, start=1):
            put(ws, r, col, value)

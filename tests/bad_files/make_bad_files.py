"""The corpus of files the entry import must refuse, each with its own clear message.

Nothing here is stored in the repository: the files are written at test time (the zip bomb
and the 2,000,000-row sheet are large), by tests/test_entry_import_files.py, or by hand:

    python tests/bad_files/make_bad_files.py OUT_DIR

Two old-format .xls samples are the exception: they are committed next to this script,
because writing .xls needs xlwt, which the project does not depend on
(`python tests/bad_files/make_bad_files.py --xls` remakes them where xlwt is installed).

`CASES` maps a file name to what its refusal must say: words that must appear in the
message and where (sheet, row, column), when the problem has a place.
"""

from __future__ import annotations

import struct
import sys
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from openpyxl import Workbook

HEADER_ID = ["Kode", "Judul inovasi", "Perangkat daerah", "Kategori", "Inovator", "Kontak",
             "Tahapan", "Jenis", "Tanggal mulai", "Ringkasan", "Tautan"]


def good_row(i: int) -> list:
    return [f"B{i}", f"Inovasi {i}", "Dinas Contoh 1", "Umum", "Ani", "0812", "penerapan",
            "digital", date(2024, 1, 2), "ringkas", "https://contoh.go.id"]


# ---- minimal writers -----------------------------------------------------------------------

_CT = ('<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/'
       'package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.'
       'openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="'
       'application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.'
       'openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/'
       'worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.'
       'spreadsheetml.worksheet+xml"/></Types>')
_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
         'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://'
         'schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="'
         'xl/workbook.xml"/></Relationships>')
_BOOK = ('<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.'
         'org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/'
         'officeDocument/2006/relationships"><sheets><sheet name="Inovasi" sheetId="1" r:id="rId1"'
         '/></sheets></workbook>')
_BOOK_RELS = ('<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.'
              'openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="'
              'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" '
              'Target="worksheets/sheet1.xml"/></Relationships>')


def _col(i: int) -> str:
    out = ""
    i += 1
    while i:
        i, r = divmod(i - 1, 26)
        out = chr(65 + r) + out
    return out


def raw_xlsx(path: Path, rows, *, level: int = 6) -> Path:
    """A minimal .xlsx written as XML straight into the zip (fast for huge sheets): `rows`
    yields (row number, [text or None, ...]) with text cells as inline strings."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CT)
        zf.writestr("_rels/.rels", _RELS)
        zf.writestr("xl/workbook.xml", _BOOK)
        zf.writestr("xl/_rels/workbook.xml.rels", _BOOK_RELS)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            fh.write(b'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.'
                     b'openxmlformats.org/spreadsheetml/2006/main"><sheetData>')
            buf = []
            for number, cells in rows:
                parts = [f'<row r="{number}">']
                for i, text in enumerate(cells):
                    if text is not None:
                        parts.append(f'<c r="{_col(i)}{number}" t="inlineStr"><is><t>{text}'
                                     f'</t></is></c>')
                parts.append("</row>")
                buf.append("".join(parts))
                if len(buf) >= 5000:
                    fh.write("".join(buf).encode())
                    buf = []
            fh.write("".join(buf).encode() + b"</sheetData></worksheet>")
    return path


def ole_file(path: Path, streams: dict[str, bytes]) -> Path:
    """A small but well-formed OLE compound file (v3, 512-byte sectors) holding `streams`,
    each padded to 4096 bytes so that it lives in regular sectors."""
    sectors: list[bytes] = []
    fat: list[int] = []
    entries = []
    for name, data in streams.items():
        data = data.ljust(max(4096, -(-len(data) // 512) * 512), b"\0")
        first = len(sectors) + 2  # sector 0: FAT, sector 1: directory
        count = len(data) // 512
        for k in range(count):
            sectors.append(data[k * 512:(k + 1) * 512])
        entries.append((name, 2, first, len(data)))
        fat_chain = [first + k + 1 for k in range(count - 1)] + [0xFFFFFFFE]
        fat.extend(fat_chain)
    fat = [0xFFFFFFFD, 0xFFFFFFFE] + fat
    fat += [0xFFFFFFFF] * (128 - len(fat))

    def dirent(name: str, kind: int, start: int, size: int, child: int = 0xFFFFFFFF,
               right: int = 0xFFFFFFFF) -> bytes:
        raw = (name + "\0").encode("utf-16-le")
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1)
                + struct.pack("<III", 0xFFFFFFFF, right, child) + b"\0" * 16 + b"\0" * 4
                + b"\0" * 16 + struct.pack("<IIi", start, size, 0))

    dirs = [dirent("Root Entry", 5, 0xFFFFFFFE, 0, child=1)]
    for n, (name, kind, start, size) in enumerate(entries, start=1):
        right = n + 1 if n < len(entries) else 0xFFFFFFFF
        dirs.append(dirent(name, kind, start, size, right=right))
    directory = b"".join(dirs).ljust(512, b"\0")
    header = (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 16 + struct.pack("<HHHHH", 0x3E, 3,
              0xFFFE, 9, 6) + b"\0" * 6 + struct.pack("<IIIIIIIII", 0, 1, 1, 0, 4096, 0xFFFFFFFE,
              0, 0xFFFFFFFE, 0) + struct.pack("<I", 0) + b"\xff" * 436)
    fat_bytes = struct.pack("<128I", *fat)
    path.write_bytes(header + fat_bytes + directory + b"".join(sectors))
    return path


def xlsx(path: Path, rows: list[list], edit=None) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "Inovasi"
    for row in rows:
        ws.append(row)
    if edit:
        edit(ws)
    wb.save(path)
    return path


# ---- the corpus ----------------------------------------------------------------------------

@dataclass(frozen=True)
class Case:
    write: Callable[[Path], object]  # writes the file at the path given
    words: tuple[str, ...]  # must all appear in the message (case-insensitive)
    where: str = ""  # e.g. "sheet 'Inovasi', cell I3 (Tanggal mulai)"
    sheet: str | None = None  # read this sheet instead of the first
    big: bool = False  # hundreds of MB when unpacked: written at test time only


ROWS = [HEADER_ID, good_row(1), good_row(2), good_row(3)]
CASES: dict[str, Case] = {}


def case(name: str, words: tuple[str, ...], where: str = "", **kw):
    def register(write):
        CASES[name] = Case(write, words, where, **kw)
        return write
    return register


def _sheet(rows: list[list], edit=None) -> Callable[[Path], Path]:
    return lambda path: xlsx(path, rows, edit)


def _bytes(data: bytes) -> Callable[[Path], int]:
    return lambda path: path.write_bytes(data)


def _merge(ref: str):
    return lambda ws: ws.merge_cells(ref)


def _formulas(ws) -> None:
    for r in range(2, 5):
        ws.cell(r, 2).value = f'="Inovasi "&A{r}'


def _zip(members: dict[str, bytes | str]) -> Callable[[Path], None]:
    def write(path: Path) -> None:
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in members.items():
                zf.writestr(name, data)
    return write


def _truncated(path: Path) -> None:
    path.write_bytes(xlsx(path, ROWS).read_bytes()[:1500])


S = "sheet 'Inovasi'"
case("not_a_zip.xlsx", ("not a spreadsheet",))(_bytes(b"Kode;Judul\nE1;Inovasi\n"))
case("renamed_docx.xlsx", ("word document", "not a workbook"))(
    _zip({"[Content_Types].xml": "<Types/>", "word/document.xml": "<document/>"}))
case("encrypted.xlsx", ("encrypted", "password"))(lambda p: ole_file(p, {
    "EncryptionInfo": b"\x04\x00\x04\x00\x40\x00\x00\x00", "EncryptedPackage": b"\x99" * 5000}))
case("damaged_old.xls", ("old excel workbook (.xls)", "cannot be read"))(
    lambda p: ole_file(p, {"Workbook": b"\x09\x08" + b"\x00" * 100}))
case("truncated.xlsx", ("damaged",))(_truncated)
case("report.xlsx", ("pdf",))(_bytes(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n"))
case("web_export.xls", ("web page", "save it as an excel workbook"))(
    _bytes(b"<html><body><table><tr><td>Kode</td></tr></table>"))
case("binary.xlsb", ("binary workbook (.xlsb)",))(
    _zip({"[Content_Types].xml": "<Types/>", "xl/workbook.bin": b"\x83\x01"}))
case("empty_workbook.xlsx", ("sheet is empty",), S)(_sheet([]))
case("no_header.xlsx", ("no header row", "first 20 rows"), S)(
    _sheet([["Laporan"], ["E1", "Inovasi", "Dinas"]]))
case("missing_columns.xlsx", ("missing required column", "perangkat daerah", "kategori"),
     f"{S}, row 1")(_sheet([["Kode", "Judul", "Keterangan"], ["E1", "X", "y"]]))
case("merged_header.xlsx", ("merged cells a1:b1", "header row"), S)(_sheet(ROWS, _merge("A1:B1")))
case("merged_data.xlsx", ("cells c2:c3 are merged",), f"{S}, cell C2 (Perangkat daerah)")(
    _sheet(ROWS, _merge("C2:C3")))
case("formulas.xlsx", ("3 cell(s) hold formulas", "b2, b3, b4", "paste"),
     f"{S}, column B (Judul inovasi)")(_sheet(ROWS, _formulas))
case("text_in_date.xlsx", ("'maret 2024' is not a date", "dd/mm/yyyy"),
     f"{S}, cell I3 (Tanggal mulai)")(
    _sheet([HEADER_ID, good_row(1), [*good_row(2)[:8], "Maret 2024", "", ""]]))
case("number_in_date.xlsx", ("45000 is a number, not a date",), f"{S}, cell I2 (Tanggal mulai)")(
    _sheet([HEADER_ID, [*good_row(1)[:8], 45000, "", ""]]))
case("duplicate_codes.xlsx", ("code 'b1' is used again", "first on row 2"), f"{S}, cell A4 (Kode)")(
    _sheet([HEADER_ID, good_row(1), good_row(2), ["b1", *good_row(3)[1:]]]))
case("unknown_stage.xlsx", ("'selesai' is not a stage", "inisiatif, uji coba"),
     f"{S}, cell G2 (Tahapan)")(
    _sheet([HEADER_ID, [*good_row(1)[:6], "selesai", *good_row(1)[7:]]]))
case("unknown_type.xlsx", ("'analog' is not a type", "non-digital"), f"{S}, cell H2 (Jenis)")(
    _sheet([HEADER_ID, [*good_row(1)[:7], "analog", *good_row(1)[8:]]]))
case("missing_code.xlsx", ("required value is missing",), f"{S}, cell A3 (Kode)")(
    _sheet([HEADER_ID, good_row(1), ["", *good_row(2)[1:]]]))
case("unknown_category.xlsx", ("unknown category 'umun'", "did you mean 'umum'"),
     f"{S}, cell D2 (Kategori)")(_sheet([HEADER_ID, [*good_row(1)[:3], "Umun", *good_row(1)[4:]]]))
case("existing_code.xlsx", ("code 'e1' already exists",), f"{S}, cell A2 (Kode)")(
    _sheet([HEADER_ID, ["E1", *good_row(1)[1:]]]))
case("long_title.xlsx", ("longer than 500 characters",), f"{S}, cell B2 (Judul inovasi)")(
    _sheet([HEADER_ID, ["B1", "x" * 501, *good_row(1)[2:]]]))
case("other_sheet.xlsx", ("no sheet named 'data'", "'inovasi'"), sheet="Data")(_sheet(ROWS))
case("blank_title_column.xlsx", ("every cell of this required column is empty (30000 rows)",),
     f"{S}, column B (Judul inovasi)")(lambda p: raw_xlsx(p, (
         (n, HEADER_ID[:4] if n == 1 else [f"B{n}", "   ", "Dinas Contoh 1", "Umum"])
         for n in range(1, 30_002))))
case("far_away_row.xlsx", ("at least 2,000,000 rows", "200,000"), S)(lambda p: raw_xlsx(p, [
    (1, HEADER_ID[:4]), (2, ["B1", "X", "Dinas Contoh 1", "Umum"]),
    (2_000_000, ["B2", "Y", "Dinas Contoh 1", "Umum"])]))
case("not_utf8.csv", ("not utf-8", "csv utf-8"), "line 2")(_bytes(
    "Kode;Judul;Perangkat daerah;Kategori\nB1;Caf\xe9;Dinas Contoh 1;Umum\n".encode("cp1252")))
case("empty.csv", ("empty",))(_bytes(b""))
case("only_header.csv", ("no entries below the header row (row 1)",))(
    _bytes(b"Kode,Judul,Perangkat daerah,Kategori\n"))


@case("zip_bomb.xlsx", ("zip bomb", "300 mb"), big=True)
def _zip_bomb(path: Path) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as zf:
        for name, text in (("[Content_Types].xml", _CT), ("_rels/.rels", _RELS),
                           ("xl/workbook.xml", _BOOK), ("xl/_rels/workbook.xml.rels", _BOOK_RELS)):
            zf.writestr(name, text)
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            for _ in range(300):
                fh.write(b" " * 2**20)


case("ratio_bomb.xlsx", ("compressed", "times", "zip bomb"), big=True)(
    lambda p: _zip({"xl/sharedStrings.xml": b" " * 50 * 2**20})(p))
case("two_million_rows.xlsx", ("the sheet has at least", "rows", "200,000 entries"), S, big=True)(
    lambda p: raw_xlsx(p, ((n, HEADER_ID[:4] if n == 1 else [str(n)])
                           for n in range(1, 2_000_001)), level=1))


@case("repeated_rows.ods", ("at least 2,000,001 rows",), S)
def _repeated_rows(path: Path) -> None:
    cells = "".join(f'<table:table-cell office:value-type="string"><text:p>{h}</text:p>'
                    "</table:table-cell>" for h in HEADER_ID[:4])
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:oasis:'
        'names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:'
        'xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:'
        'body><office:spreadsheet><table:table table:name="Inovasi"><table:table-row>' + cells
        + '</table:table-row><table:table-row table:number-rows-repeated="2000000"><table:'
        'table-cell office:value-type="string" table:number-columns-repeated="4"><text:p>x'
        "</text:p></table:table-cell></table:table-row></table:table></office:spreadsheet>"
        "</office:body></office:document-content>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)


def build(out: Path, big: bool = True) -> dict[str, Case]:
    """Writes every file of the corpus into `out`; returns name → expected refusal."""
    out.mkdir(parents=True, exist_ok=True)
    chosen = {name: c for name, c in CASES.items() if big or not c.big}
    for name, c in chosen.items():
        c.write(out / name)
    return chosen




# ---- old .xls samples (committed; remade by hand with `--xls`, which needs xlwt) ------------

XLS_SAMPLES = ("old_format.xls", "old_format_merged_header.xls")


def write_xls_samples(out: Path) -> None:
    """old_format.xls: a title merged above the header, three entries, a date cell;
    old_format_merged_header.xls: the header's first two cells merged (refused)."""
    import xlwt  # not a dependency of the project: only to remake these two files

    for name, merge_header in zip(XLS_SAMPLES, (False, True), strict=True):
        book = xlwt.Workbook(encoding="utf-8")
        ws = book.add_sheet("Inovasi")
        ws.write_merge(0, 0, 0, 3, "Daftar inovasi (format lama)")
        header = list(HEADER_ID)
        if merge_header:
            ws.write_merge(1, 1, 0, 1, header[0])
            header = header[2:]
            start = 2
        else:
            start = 0
        for c, text in enumerate(header, start=start):
            ws.write(1, c, text)
        dates = xlwt.easyxf(num_format_str="DD/MM/YYYY")
        for r, row in enumerate([good_row(1), good_row(2), good_row(3)], start=2):
            for c, value in enumerate(row):
                ws.write(r, c, value, dates) if isinstance(value, date) else ws.write(r, c, value)
        book.save(str(out / name))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--xls"]:
        write_xls_samples(Path(__file__).parent)
        sys.exit(0)
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "bad_files_out")
    for name, c in build(target).items():
        print(f"{name}: {', '.join(c.words)}")

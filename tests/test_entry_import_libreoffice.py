"""Entry files as LibreOffice writes them: the app's template, filled in, then saved once by
LibreOffice 7.4 as .ods and as .xlsx (tests/fixtures/libreoffice, remade by
tools/make_libreoffice_fixtures.py). LibreOffice writes `table:style-name` beside
`table:name`, shared strings, repeated rows and cells; and it keeps a sheet's formats and
dropdowns only down to 1,000 rows below the last value (the template's end note)."""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from datetime import date
from pathlib import Path

import pytest
from defusedxml import ElementTree
from openpyxl import load_workbook

from judging_app.exchange.entry_format import COLUMNS
from judging_app.exchange.entry_template import TEMPLATE_ROWS, write_entry_template
from judging_app.services import competitions, entries
from judging_app.services.entry_import import import_entries, preview_entry_import

from factories import seeded_competition

FIXTURES = Path(__file__).parent / "fixtures" / "libreoffice"
SAVED = [FIXTURES / "entries_saved_by_libreoffice.ods",
         FIXTURES / "entries_saved_by_libreoffice.xlsx"]


@pytest.mark.parametrize("path", SAVED, ids=lambda p: p.suffix)
def test_a_template_saved_by_libreoffice_imports(sqlite_db, path):
    seeded = seeded_competition(sqlite_db, judging=False)
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert preview.ok, preview.problem_lines()
    assert preview.sheet == "Inovasi"
    rows = {r.entry.code: r.entry for r in preview.rows}
    assert sorted(rows) == ["007", "LO-1", "LO-2"]  # the leading zero kept
    first = rows["LO-1"]
    assert (first.title, first.unit, first.category) == ("Layanan Antar Jemput Dokumen", "U1", "umum")
    assert (first.stage.value, first.started_on) == ("trial", date(2024, 8, 17))
    assert first.links == "https://contoh.go.id/a\nhttps://contoh.go.id/b"
    assert rows["LO-2"].innovation_type.value == "non_digital"
    assert rows["LO-2"].category == "pd"
    report = import_entries(seeded.ws, seeded.code, path)
    assert report.entries == 3
    assert {"LO-1", "LO-2", "007"} <= {e.code for e in entries.list_entries(sqlite_db, seeded.code)}


def _validated_rows_xlsx(path: Path) -> set[str]:
    ws = load_workbook(path).worksheets[0]
    return {str(dv.sqref) for dv in ws.data_validations.dataValidation if dv.type == "list"}


def test_the_dropdowns_survive_a_save_as_xlsx_in_libreoffice():
    assert _validated_rows_xlsx(SAVED[1]) == {
        f"{c}2:{c}{TEMPLATE_ROWS + 1}" for c in "CDGH"}


def test_the_dropdowns_survive_a_save_as_ods_in_libreoffice():
    ns = "{urn:oasis:names:tc:opendocument:xmlns:table:1.0}"
    with zipfile.ZipFile(SAVED[0]) as zf:
        root = ElementTree.fromstring(zf.read("content.xml"))
    table = next(t for t in root.iter(f"{ns}table") if t.get(f"{ns}name") == "Inovasi")
    validated: dict[str, int] = {}
    row = 0
    for r in table.iter(f"{ns}table-row"):
        repeat = int(r.get(f"{ns}number-rows-repeated", "1"))
        col = 0
        for cell in r:
            span = int(cell.get(f"{ns}number-columns-repeated", "1"))
            name = cell.get(f"{ns}content-validation-name")
            if name and row >= 1:
                for c in range(col, col + span):
                    validated[chr(65 + c)] = validated.get(chr(65 + c), 0) + repeat
            col += span
        row += repeat
    assert validated == dict.fromkeys("CDGH", TEMPLATE_ROWS)


def test_the_template_carries_its_end_note_outside_the_table(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = write_entry_template(tmp_path / "t.xlsx", competitions.get_setup(sqlite_db, seeded.code),
                                entries.list_units(sqlite_db, seeded.code))
    ws = load_workbook(path).worksheets[0]
    after = len(COLUMNS) + 1  # the column after the table
    assert ws.cell(TEMPLATE_ROWS + 1, after).value == "batas baris berdaftar pilihan"
    assert ws.cell(1, after).value is None  # no header: the importer never reads it


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
def test_the_template_of_today_survives_a_save_in_libreoffice(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    source = write_entry_template(tmp_path / "t.xlsx", competitions.get_setup(sqlite_db, seeded.code),
                                  entries.list_units(sqlite_db, seeded.code))
    out = tmp_path / "out"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path / 'profile'}", "--headless",
                    "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    assert _validated_rows_xlsx(out / "t.xlsx") == {f"{c}2:{c}{TEMPLATE_ROWS + 1}" for c in "CDGH"}

"""Entry import: the template round trip, CSV, new units, cancelling, previews."""

from __future__ import annotations

import hashlib
import json
import zipfile
from datetime import date, datetime

import openpyxl
import pytest
from sqlalchemy import func, select, update

from judging_app.core.enums import EntryStatus
from judging_app.exchange.entry_template import write_entry_template
from judging_app.services import competitions, conflicts, entries, judges
from judging_app.services.entry_import import (
    Cancelled,
    import_entries,
    preview_entry_import,
)
from judging_app.services.errors import ImportFileError, LockedError
from judging_app.services.judges import JudgeInput
from judging_app.store.models import AuditEvent, Competition, Entry, Unit

from factories import seeded_competition


def _counts(db) -> tuple[int, int, int]:
    with db.read() as s:
        return tuple(s.scalar(select(func.count()).select_from(m)) for m in (Entry, Unit, AuditEvent))


def _template(db, code, path, lang="id"):
    setup = competitions.get_setup(db, code)
    return write_entry_template(path, setup, entries.list_units(db, code), lang=lang)


# What a person types into the template, column by column (A..K).
PEOPLE_ROWS = [
    ["N-01", "Sistem Antrean Daring Puskesmas", "Dinas Contoh 1", "Umum",
     "Siti Rahma\nBudi Santoso", "0812-3456-7890", "uji coba", "digital",
     date(2024, 8, 17), "Warga mengambil nomor antrean dari rumah.",
     "https://contoh.go.id/antrean; https://youtu.be/abc"],
    ["N-02", "Pojok Baca Kelurahan", "Dinas Contoh 2", "Perangkat Daerah", "Ani", "",
     "Penerapan", "non-digital", datetime(2023, 1, 5, 0, 0), "", ""],
    ["N-03", "Layanan Jemput Bola KTP", "Kecamatan Baru", "umum", "", "ani@contoh.go.id",
     "inisiatif", "Non Digital", "05/02/2025", "Petugas datang ke rumah lansia.",
     "https://a.example\nhttps://b.example"],
    ["007", "Kode dengan nol di depan", "U3", "pd", "", "", "", "", "2022-12-31", "", ""],
]
EXPECTED = {
    "N-01": ("Sistem Antrean Daring Puskesmas", "U1", "umum", "Siti Rahma\nBudi Santoso",
             "0812-3456-7890", "trial", "digital", date(2024, 8, 17),
             "Warga mengambil nomor antrean dari rumah.",
             "https://contoh.go.id/antrean\nhttps://youtu.be/abc"),
    "N-02": ("Pojok Baca Kelurahan", "U2", "pd", "Ani", "", "implementation", "non_digital",
             date(2023, 1, 5), "", ""),
    "N-03": ("Layanan Jemput Bola KTP", "KECAMATAN-BARU", "umum", "", "ani@contoh.go.id",
             "initiative", "non_digital", date(2025, 2, 5), "Petugas datang ke rumah lansia.",
             "https://a.example\nhttps://b.example"),
    "007": ("Kode dengan nol di depan", "U3", "pd", "", "", "implementation", "digital",
            date(2022, 12, 31), "", ""),
}


def _fill(path, rows, sheet=None):
    wb = openpyxl.load_workbook(path)
    ws = wb[sheet] if sheet else wb.worksheets[0]
    for r, values in enumerate(rows, start=2):
        for c, value in enumerate(values, start=1):
            cell = ws.cell(r, c)
            cell.value = value
            if isinstance(value, date):
                cell.number_format = "DD/MM/YYYY"
    wb.save(path)


def _as_tuple(e):
    return (e.title, e.unit_code, e.category_code, e.innovators, e.contact, e.stage,
            e.innovation_type, e.started_on, e.summary, e.links)


def test_template_round_trip_matches_the_cells(db, tmp_path):
    seeded = seeded_competition(db, judging=False)
    judges.add_judge(seeded.ws, seeded.code, JudgeInput(code="JU1", name="Juri Unit", unit="U1"))
    path = _template(db, seeded.code, tmp_path / "template.xlsx")
    _fill(path, PEOPLE_ROWS)
    before = _counts(db)

    report = import_entries(seeded.ws, seeded.code, path, create_units=True)

    assert report.entries == 4 and report.sheet == "Inovasi"
    assert [(u.code, u.name) for u in report.units_created] == [("KECAMATAN-BARU", "Kecamatan Baru")]
    assert report.by_category == {"umum": 2, "pd": 2}
    assert any("without a stage" in str(n) for n in report.notes)
    got = {e.code: e for e in entries.list_entries(db, seeded.code)}
    for code, expected in EXPECTED.items():
        assert _as_tuple(got[code]) == expected, code
        assert got[code].status == EntryStatus.REGISTERED.value
    assert _counts(db) == (before[0] + 4, before[1] + 1, before[2] + 1)  # ONE audit event
    with db.read() as s:
        event = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert event.action == "entries.import" and event.entity_key == "template.xlsx"
    payload = json.loads(event.new)
    assert payload["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest() == report.sha256
    assert payload["entries"] == 4 and payload["units_created"][0]["code"] == "KECAMATAN-BARU"
    pairs = {(c.judge_code, c.entry_code) for c in conflicts.list_conflicts(db, seeded.code)}
    assert ("JU1", "N-01") in pairs and ("JU1", "N-02") not in pairs


def test_english_template_and_labels(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = _template(sqlite_db, seeded.code, tmp_path / "en.xlsx", lang="en")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Entries", "Instructions", "Lists"]
    assert wb["Entries"]["A1"].value == "Code *" and "Kode" in wb["Entries"]["A1"].comment.text
    _fill(path, [["X1", "Title", "Dinas Contoh 3", "General", "", "", "trial", "digital",
                  "2024-01-31", "", ""]])
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert preview.ok, preview.problem_lines()
    (row,) = preview.rows
    assert (row.row, row.entry.unit, row.entry.category, row.entry.stage) == (2, "U3", "umum", "trial")


def test_template_has_dropdowns_instructions_and_text_never_formulas(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    entries.add_unit(seeded.ws, seeded.code, "EVIL", '=HYPERLINK("http://x","klik")', "")
    path = _template(sqlite_db, seeded.code, tmp_path / "t.xlsx")
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == ["Inovasi", "Petunjuk", "Daftar"]
    assert wb["Daftar"].sheet_state == "hidden"
    header = [c.value for c in wb["Inovasi"][1] if c.value is not None]
    assert header == ["Kode *", "Judul inovasi *", "Perangkat daerah *", "Kategori *", "Inovator",
                      "Kontak", "Tahapan", "Jenis", "Tanggal mulai", "Ringkasan", "Tautan",
                      "Dokumen"]
    validations = {str(dv.sqref): dv for dv in wb["Inovasi"].data_validations.dataValidation}
    assert set(validations) == {"C2:C10001", "D2:D10001", "G2:G10001", "H2:H10001"}
    assert validations["C2:C10001"].showErrorMessage is False  # new units may be typed
    assert validations["D2:D10001"].showErrorMessage is True
    lists = {c.value for c in wb["Daftar"]["C"]} | {c.value for c in wb["Daftar"]["D"]}
    assert {"inisiatif", "uji coba", "penerapan", "digital", "non-digital"} <= lists
    guide = "\n".join(str(c.value) for row in wb["Petunjuk"].iter_rows() for c in row if c.value)
    assert "PETUNJUK PENGISIAN" in guide and "HOW TO FILL IN" in guide and "CONTOH" in guide
    with zipfile.ZipFile(path) as zf:
        xml = "".join(zf.read(n).decode() for n in zf.namelist() if n.startswith("xl/worksheets/"))
    assert "<f>" not in xml and "HYPERLINK" in xml  # the unit's name is there, as text
    assert preview_entry_import(sqlite_db, seeded.code, path).problem_lines() == [
        "sheet 'Inovasi': no entries below the header row (row 1)"]


def test_csv_with_semicolons_bom_and_mixed_headers(db, tmp_path):
    seeded = seeded_competition(db, judging=False)
    text = ("\ufeffCode;Judul;Unit;Kategori;Innovators;Kontak;Stage;Jenis;Tanggal mulai;"
            "Ringkasan;Links\r\n"
            'C-1;"Inovasi; dengan titik koma";Dinas Contoh 1;Umum;"Ani\nBudi";0812;'
            'implementation;digital;17-08-2024;Ringkas;"https://a;https://b"\r\n'
            'C-2;Kedua;u2;PD;;;uji coba;non-digital;2024-08-18;"baris 1\nbaris 2";\r\n')
    path = tmp_path / "entries.csv"
    path.write_bytes(text.encode("utf-8"))
    report = import_entries(seeded.ws, seeded.code, path)
    assert report.entries == 2 and report.sheet == ""
    got = {e.code: e for e in entries.list_entries(db, seeded.code)}
    assert _as_tuple(got["C-1"]) == ("Inovasi; dengan titik koma", "U1", "umum", "Ani\nBudi",
                                     "0812", "implementation", "digital", date(2024, 8, 17),
                                     "Ringkas", "https://a\nhttps://b")
    assert _as_tuple(got["C-2"]) == ("Kedua", "U2", "pd", "", "", "trial", "non_digital",
                                     date(2024, 8, 18), "baris 1\nbaris 2", "")


def test_csv_row_with_an_unquoted_separator_is_a_problem(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = tmp_path / "e.csv"
    path.write_text("Kode;Judul;Unit;Kategori;Tautan\nK1;Satu;U1;umum;https://a;https://b\n")
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert preview.problem_lines() == [
        "row 2: more values than the header has columns (from column F on); a value may hold "
        'the separator: put it in double quotes ("…")']


def test_comma_csv_without_bom(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = tmp_path / "e.csv"
    path.write_text("kode,judul,perangkat daerah,kategori\nK1,Satu,U1,umum\n", encoding="utf-8")
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert preview.ok and [r.entry.code for r in preview.rows] == ["K1"]


def test_header_found_below_a_title_with_tolerant_names(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "Data 2026"
    ws["A1"] = "DAFTAR INOVASI KOTA CONTOH"
    ws.append([])
    ws.append(["No.", "KODE INOVASI", "Judul  Inovasi*", "Perangkat Daerah / Unit", "kategori:",
               "Tgl. Mulai", "Catatan"])
    ws.append([1, "T1", "Satu", "dinas contoh 1", "UMUM", date(2020, 3, 1), "abaikan"])
    ws.append([])
    ws.append([2, "T2", "Dua", "  Dinas   Contoh 2 ", "Perangkat Daerah", None, ""])
    wb.create_sheet("Lain")
    wb.save(tmp_path / "h.xlsx")
    preview = preview_entry_import(sqlite_db, seeded.code, tmp_path / "h.xlsx")
    assert preview.ok, preview.problem_lines()
    assert (preview.sheet, preview.header_row) == ("Data 2026", 3)
    assert preview.columns["code"] == ("B", "KODE INOVASI")
    assert preview.columns["started_on"][0] == "F"
    assert any("column A (No.) is not imported" in str(n) for n in preview.notes)
    assert [(r.row, r.entry.unit, r.entry.category) for r in preview.rows] == [
        (4, "U1", "umum"), (6, "U2", "pd")]
    assert preview.sheet_names == ["Data 2026", "Lain"]
    assert _counts(sqlite_db)[0] == 4  # a preview writes nothing


def test_unknown_units_are_refused_until_confirmed(db, tmp_path):
    seeded = seeded_competition(db, judging=False)
    path = tmp_path / "u.csv"
    path.write_text("Kode;Judul;Perangkat daerah;Kategori\nA1;Satu;Dinas Contoh 11;umum\n"
                    "A2;Dua;Badan Baru;pd\nA3;Tiga;badan  baru;pd\n", encoding="utf-8")
    before = _counts(db)
    preview = preview_entry_import(db, seeded.code, path)
    assert preview.ok
    assert [(u.name, u.first_row, u.rows) for u in preview.new_units] == [
        ("Dinas Contoh 11", 2, 1), ("Badan Baru", 3, 2)]
    assert preview.new_units[0].similar == "Dinas Contoh 1"
    with pytest.raises(ImportFileError) as err:
        import_entries(db and seeded.ws, seeded.code, path)
    text = str(err.value)
    assert "unknown government unit 'Dinas Contoh 11' (row 2, 1 row(s)); did you mean " \
           "'Dinas Contoh 1'?" in text
    assert "unknown government unit 'Badan Baru' (row 3, 2 row(s))" in text
    assert "--create-units" in text
    assert _counts(db) == before
    report = import_entries(seeded.ws, seeded.code, path, create_units=True)
    assert [u.code for u in report.units_created] == ["DINAS-CONTOH-11", "BADAN-BARU"]
    units = {u.code: u.name for u in entries.list_units(db, seeded.code)}
    assert units["BADAN-BARU"] == "Badan Baru"
    got = {e.code: e.unit_code for e in entries.list_entries(db, seeded.code)}
    assert (got["A2"], got["A3"]) == ("BADAN-BARU", "BADAN-BARU")
    assert _counts(db) == (before[0] + 3, before[1] + 2, before[2] + 1)


class PressedCancel(Exception):
    """Like the GUI runner's own exception: any exception from progress stops the work."""


@pytest.mark.parametrize(("stop_at", "error"), [(100, PressedCancel), (600, Cancelled)])
def test_cancelling_from_progress_writes_nothing(db, tmp_path, stop_at, error):  # reading; writing
    from bad_files.make_bad_files import HEADER_ID, raw_xlsx

    seeded = seeded_competition(db, judging=False)
    raw_xlsx(tmp_path / "many.xlsx", ((n, HEADER_ID[:4] if n == 1 else
                                       [f"M{n}", "Judul", "Unit Baru", "umum"])
                                      for n in range(1, 12_002)))
    before = _counts(db)
    seen = []

    def progress(done, total):
        seen.append((done, total))
        if done >= stop_at:
            raise error()

    with pytest.raises(error):
        import_entries(seeded.ws, seeded.code, tmp_path / "many.xlsx", create_units=True,
                       progress=progress)
    assert _counts(db) == before
    assert all(t == 1000 for _, t in seen) and seen == sorted(seen)
    done = []
    import_entries(seeded.ws, seeded.code, tmp_path / "many.xlsx", create_units=True,
                   progress=lambda d, t: done.append(d))
    assert done[-1] == 1000 and _counts(db)[0] == before[0] + 12_000


def test_example_row_is_skipped_with_a_note(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    path = tmp_path / "x.csv"
    path.write_text("Kode,Judul,Unit,Kategori\nCONTOH,Contoh,U1,umum\nR1,Nyata,U1,umum\n")
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert [r.entry.code for r in preview.rows] == ["R1"]
    assert "row 2: the example row (code CONTOH) was skipped" in map(str, preview.notes)


@pytest.mark.tampers  # finalized with SQL, not through the app
def test_finalized_competition_is_refused(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    with sqlite_db.write() as s:
        s.execute(update(Competition).values(status="finalized"))
    path = tmp_path / "f.csv"
    path.write_text("Kode,Judul,Unit,Kategori\nR1,Nyata,U1,umum\n")
    preview = preview_entry_import(sqlite_db, seeded.code, path)
    assert not preview.ok and "finalized" in preview.problem_lines()[0]
    with pytest.raises(LockedError):
        import_entries(seeded.ws, seeded.code, path)


def test_minimal_ods_is_read(sqlite_db, tmp_path):
    seeded = seeded_competition(sqlite_db, judging=False)
    cells = lambda values: "<table:table-row>" + "".join(  # noqa: E731
        f'<table:table-cell office:value-type="string"><text:p>{v}</text:p></table:table-cell>'
        for v in values) + "</table:table-row>"
    content = ('<?xml version="1.0" encoding="UTF-8"?><office:document-content xmlns:office="urn:'
               'oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:'
               'opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:'
               'text:1.0"><office:body><office:spreadsheet><table:table table:name="Lembar1">'
               + cells(["Kode", "Judul", "Perangkat daerah", "Kategori", "Tahapan"])
               + cells(["O1", "Dari ODS", "Dinas Contoh 2", "Umum", "uji coba"])
               + "</table:table></office:spreadsheet></office:body></office:document-content>")
    with zipfile.ZipFile(tmp_path / "e.ods", "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("mimetype", "application/vnd.oasis.opendocument.spreadsheet",
                    compress_type=zipfile.ZIP_STORED)
        zf.writestr("content.xml", content)
        zf.writestr("META-INF/manifest.xml", (
            '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:'
            'names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.2"><manifest:file-entry'
            ' manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.'
            'spreadsheet"/></manifest:manifest>'))
    preview = preview_entry_import(sqlite_db, seeded.code, tmp_path / "e.ods")
    assert preview.ok, preview.problem_lines()
    assert (preview.sheet, preview.rows[0].entry.stage) == ("Lembar1", "trial")

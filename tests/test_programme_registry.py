"""The register of units (add, rename from a date, merge, end, import the city's list) and
the links from competitions to it, on both backends."""

from __future__ import annotations

from datetime import date

import pytest
from openpyxl import Workbook

from judging_app.core.programme import InnovationRelation
from judging_app.services import audit, entries, innovations, programme_matches, registry
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ImportFileError, ServiceError
from judging_app.services.registry_import import import_unit_list, preview_unit_import

from programme_support import UNITS, city_competition, register, workspace


def test_units_are_added_renamed_from_a_date_merged_and_ended(db):
    ws = workspace(db)
    register(ws)
    assert registry.rename_registry_unit(ws, "DISKOMINFO", "Dinas Komunikasi, Informatika dan "
                                         "Statistik", date(2025, 1, 1))
    assert not registry.rename_registry_unit(ws, "DISKOMINFO", "Dinas Komunikasi, Informatika "
                                             "dan Statistik", date(2025, 6, 1))  # no change
    with pytest.raises(ServiceError, match="valid from January 1, 2025"):
        registry.rename_registry_unit(ws, "DISKOMINFO", "Older", date(2024, 12, 1))
    registry.merge_registry_unit(ws, "DISPENDUK", "DISKOMINFO", date(2026, 1, 1))
    registry.end_registry_unit(ws, "KEC-GADING", date(2026, 6, 30))
    with pytest.raises(ServiceError, match="ended on January 1, 2026"):
        registry.merge_registry_unit(ws, "DISPENDUK", "DINKES", date(2026, 2, 1))
    with pytest.raises(ServiceError, match="merged into it"):
        registry.merge_registry_unit(ws, "DISKOMINFO", "DISPENDUK", date(2027, 1, 1))
    with pytest.raises(ServiceError, match="already has a unit with code DINKES"):
        registry.add_registry_unit(ws, "DINKES", "Dinas Kesehatan Lagi")
    units = {u.code: u for u in registry.list_registry_units(db)}
    kominfo = units["DISKOMINFO"]
    assert kominfo.names == ((None, "Dinas Komunikasi dan Informatika"),
                             (date(2025, 1, 1), "Dinas Komunikasi, Informatika dan Statistik"))
    assert kominfo.name == "Dinas Komunikasi, Informatika dan Statistik"
    assert (units["DISPENDUK"].successor_code, units["DISPENDUK"].ended_on) == (
        "DISKOMINFO", date(2026, 1, 1))
    assert (units["KEC-GADING"].successor_code, units["KEC-GADING"].ended_on) == (
        None, date(2026, 6, 30))
    assert audit.verify_chain(db).ok


def _list_workbook(path, rows, header=("Kode", "Nama Perangkat Daerah", "Jenis")):
    book = Workbook()
    sheet = book.active
    sheet.title = "Daftar PD"
    sheet.append(["DAFTAR PERANGKAT DAERAH KOTA CONTOH"])
    sheet.append([])
    sheet.append(list(header))
    for row in rows:
        sheet.append(list(row))
    book.save(path)
    return path


def test_the_city_list_is_imported_whole_renaming_from_the_date_given(db, tmp_path):
    ws = workspace(db)
    register(ws, {"DINKES": ("Dinas Kesehatan", "dinas")})
    path = _list_workbook(tmp_path / "pd.xlsx", [
        ("DINKES", "Dinas Kesehatan dan Keluarga Berencana", "dinas"),
        ("BAPPEDA", "Badan Perencanaan Pembangunan Daerah", "badan"),
        ("KEC-01", "Kec. Gadingrejo", "kecamatan"),
    ])
    plan = preview_unit_import(db, path)
    assert [r.code for r in plan.added] == ["BAPPEDA", "KEC-01"]
    assert [(r.code, r.new_name) for r in plan.renamed] == [
        ("DINKES", "Dinas Kesehatan dan Keluarga Berencana")]
    assert registry.list_registry_units(db)[0].name == "Dinas Kesehatan"  # preview wrote nothing
    import_unit_list(ws, path, effective_on=date(2025, 1, 1))
    units = {u.code: u for u in registry.list_registry_units(db)}
    assert sorted(units) == ["BAPPEDA", "DINKES", "KEC-01"]
    assert units["DINKES"].names[-1] == (date(2025, 1, 1), "Dinas Kesehatan dan Keluarga Berencana")
    assert units["KEC-01"].kind == "kecamatan"


def test_a_list_with_problems_is_refused_whole_naming_the_cells(db, tmp_path):
    ws = workspace(db)
    path = _list_workbook(tmp_path / "bad.xlsx", [
        ("DINKES", "Dinas Kesehatan", "dinas"),
        ("", "Dinas Tanpa Kode", "dinas"),
        ("DINKES", "Dinas Kesehatan Lagi", "dinas"),
        ("BAPPEDA", "Dinas Kesehatan", "badan"),
    ])
    with pytest.raises(ImportFileError) as caught:
        import_unit_list(ws, path)
    text = caught.value.render("en")
    assert "sheet Daftar PD, cell A5 (Kode): a required value is missing" in text
    assert "sheet Daftar PD, cell A6 (Kode): the same value as on row 4" in text
    assert "sheet Daftar PD, cell B7 (Nama Perangkat Daerah): the same value as on row 4" in text
    assert "sel A5 (Kode): nilai wajib belum diisi" in caught.value.render("id")
    assert registry.list_registry_units(db) == []


def test_a_csv_list_and_a_file_without_the_columns(db, tmp_path):
    ws = workspace(db)
    good = tmp_path / "pd.csv"
    good.write_text("Kode;Nama;Tanggal dibentuk\nDLH;Dinas Lingkungan Hidup;02/01/2017\n",
                    encoding="utf-8")
    import_unit_list(ws, good)
    (unit,) = registry.list_registry_units(db)
    assert (unit.code, unit.name, unit.established_on) == ("DLH", "Dinas Lingkungan Hidup",
                                                           date(2017, 1, 2))
    bad = tmp_path / "other.csv"
    bad.write_text("Judul,Juri\nA,B\n", encoding="utf-8")
    with pytest.raises(ImportFileError, match="no header row with the columns Kode"):
        import_unit_list(ws, bad)


def test_units_and_entries_are_linked_when_added_and_uncertain_ones_wait(db):
    ws = workspace(db)
    register(ws)
    comp = city_competition(ws, 2024, [("E1", "Sistem Antrean Daring", "U1"),
                                       ("E2", "Posyandu Digital", "U2"),
                                       ("E3", "Layanan Keliling", "U3")],
                            {"U1": "Dinas Komunikasi dan Informatika",  # same name: linked
                             "U2": "Dinas Kesehatn",  # a typo: proposed
                             "U3": "Dinas Pariwisata"})  # not in the register
    waiting = programme_matches.pending(db, comp)
    assert [(u.unit_code, u.registry_code) for u in waiting.units] == [("U2", "DINKES"),
                                                                      ("U3", None)]
    (inno,) = innovations.list_innovations(db)
    assert (inno.title, inno.unit_code, inno.first_year, inno.years) == (
        "Sistem Antrean Daring", "DISKOMINFO", 2024, (2024,))
    programme_matches.confirm_unit(ws, comp, "U2")  # its entry gets an innovation now
    programme_matches.register_unit(ws, comp, "U3", "DISPAR")
    assert programme_matches.pending(db, comp).units == []
    assert sorted(i.unit_code for i in innovations.list_innovations(db)) == [
        "DINKES", "DISKOMINFO", "DISPAR"]
    with pytest.raises(ServiceError, match="no proposed match"):
        programme_matches.reject_unit(ws, comp, "U2")
    assert audit.verify_chain(db).ok


def test_a_later_entry_continues_the_innovation_or_is_proposed_when_similar(db):
    ws = workspace(db)
    register(ws)
    units = {"KOMINFO": "Dinas Komunikasi dan Informatika"}
    city_competition(ws, 2024, [("A1", "Sistem Antrean Daring", "KOMINFO"),
                                ("A2", "Aplikasi Pengaduan Warga", "KOMINFO"),
                                ("A3", "Layanan Akta Kelahiran Daring", "KOMINFO")], units)
    comp = city_competition(ws, 2025, [("B1", "Sistem Antrean Daring", "KOMINFO"),
                                       ("B2", "Aplikasi Pengaduan Warga Terpadu", "KOMINFO")],
                            units)
    waiting = programme_matches.pending(db, comp).entries
    assert [(m.entry_code, m.innovation_title) for m in waiting] == [
        ("B2", "Aplikasi Pengaduan Warga")]
    programme_matches.confirm_entry(ws, comp, "B2", relation=InnovationRelation.DEVELOPS)
    listed = {i.title: i for i in innovations.list_innovations(db)}
    assert len(listed) == 3  # both continue 2024 innovations: none new in 2025
    assert listed["Sistem Antrean Daring"].years == (2024, 2025)
    assert listed["Aplikasi Pengaduan Warga"].entries == 2
    entries.add_entry(ws, comp, EntryInput("B3", "Layanan Akta Kelahiran Daring Keliling",
                                           "KOMINFO", "umum"))
    assert [m.entry_code for m in programme_matches.pending(db, comp).entries] == ["B3"]
    code = programme_matches.new_innovation_for_entry(ws, comp, "B3")  # not the same one
    assert code == "INO-2025-0001"
    assert programme_matches.pending(db, comp).entries == []
    assert len(innovations.list_innovations(db)) == 4


def test_competitions_made_before_the_register_are_linked_by_the_import(db, tmp_path):
    ws = workspace(db)
    comp = city_competition(ws, 2024, [("E1", "Sistem Antrean Daring", "DINKES")],
                            {"DINKES": "Dinas Kesehatan"})
    assert innovations.list_innovations(db) == []  # no register yet: nothing linked
    plan = import_unit_list(ws, _list_workbook(tmp_path / "pd.xlsx", [
        (code, name, kind) for code, (name, kind) in UNITS.items()]))
    assert plan.links.units_linked == 1 and plan.links.innovations_created == 1
    assert programme_matches.pending(db, comp).units == []


def test_the_schema_0006_fixture_keeps_its_register_when_opened(tmp_path, monkeypatch):
    import shutil
    from pathlib import Path

    from judging_app.services import keys
    from judging_app.services.keys_transfer import import_keys
    from judging_app.store.database import open_database

    monkeypatch.setenv(keys.FOLDER_ENV, str(tmp_path / "keys"))  # see test_schema_fixtures
    keys.forget_cached()

    fixtures = Path(__file__).parent / "fixtures"
    path = tmp_path / "old.sqlite"
    shutil.copy(fixtures / "schema_0006.sqlite", path)
    import_keys(fixtures / "schema_0006.keys", "fixture passphrase")
    db = open_database(path)
    try:
        units = {u.code: u for u in registry.list_registry_units(db)}
        assert units["U2"].successor_code == "U1"
        assert [i.code for i in innovations.list_innovations(db)] == [
            "INO-2026-0001", "INO-2026-0002", "INO-2026-0003"]
        assert innovations.list_innovations(db)[0].latest_state == "continued"
        assert audit.verify_chain(db).ok
    finally:
        db.close()


def test_a_list_with_formulas_or_merged_cells_is_refused(sqlite_db, tmp_path):
    ws = workspace(sqlite_db)
    path = _list_workbook(tmp_path / "rumus.xlsx", [("DINKES", "=A1&\" Kesehatan\"", "dinas")])
    with pytest.raises(ImportFileError, match="cell holds formulas \\(first B4\\)"):
        import_unit_list(ws, path)
    from openpyxl import load_workbook

    book = load_workbook(_list_workbook(tmp_path / "gabung.xlsx", [
        ("DINKES", "Dinas Kesehatan", "dinas"), ("BAPPEDA", "Badan Perencanaan", "badan")]))
    book.active.merge_cells("D4:D5")
    book.save(tmp_path / "gabung.xlsx")
    with pytest.raises(ImportFileError, match="merged cells D4; unmerge them"):
        import_unit_list(ws, tmp_path / "gabung.xlsx")
    assert registry.list_registry_units(sqlite_db) == []


def test_a_new_competition_gets_the_register_units_of_its_year(db):
    ws = workspace(db)
    register(ws)
    registry.merge_registry_unit(ws, "DISPENDUK", "DISKOMINFO", date(2025, 1, 1))
    registry.rename_registry_unit(ws, "DINKES", "Dinas Kesehatan dan KB", date(2025, 1, 1))
    comp = city_competition(ws, 2025, [], {"BAPPEDA": "Badan Perencanaan Pembangunan Daerah"})
    assert programme_matches.add_register_units(ws, comp) == 3  # not the merged one again
    units = {u.code: u.name for u in entries.list_units(db, comp)}
    assert units == {"BAPPEDA": "Badan Perencanaan Pembangunan Daerah",
                     "DINKES": "Dinas Kesehatan dan KB",  # the name of that year
                     "DISKOMINFO": "Dinas Komunikasi dan Informatika",
                     "KEC-GADING": "Kecamatan Gadingrejo"}
    assert programme_matches.pending(db, comp).units == []  # every one linked
    assert programme_matches.add_register_units(ws, comp) == 0  # twice: nothing more

"""The command line's setup commands as a secretariat uses them: units, entries (add, edit,
screening), judges (add, edit, disable, import from a list) and conflicts of interest."""

from __future__ import annotations

import re

import pytest
from openpyxl import Workbook

from judging_app.services import assignments, entries
from judging_app.store.database import open_database

from cli_support import Cli
from factories import seeded_competition

COMP = ("--competition", "kota")


@pytest.fixture
def cli(tmp_path, capsys) -> Cli:
    run = Cli(tmp_path / "kota.sqlite", capsys)
    run("competition", "create", "--template", "city_competition", "--code", "kota")
    run("competition", "start-registration", *COMP)
    run("units", "add", *COMP, "--code", "DINKES", "--name", "Dinas Kesehatan", "--kind", "dinas")
    run("units", "add", *COMP, "--code", "DISDIK", "--name", "Dinas Pendidikan")
    for i, unit in enumerate(["DINKES", "DINKES", "DISDIK", "DISDIK"], start=1):
        run("entries", "add", *COMP, "--code", f"E{i}", "--title", f"Inovasi {i}",
            "--unit", unit, "--category", "perangkat_daerah")
    return run


def test_units_are_listed_added_and_renamed(cli):
    assert cli.json("units", "list", *COMP)["units"] == [
        {"code": "DINKES", "name": "Dinas Kesehatan", "kind": "dinas"},
        {"code": "DISDIK", "name": "Dinas Pendidikan", "kind": ""}]
    assert "DISDIK is now called Dinas Pendidikan dan Kebudayaan" in cli(
        "units", "rename", *COMP, "--code", "DISDIK", "--name", "Dinas Pendidikan dan Kebudayaan")
    lines = cli("units", "list", *COMP).splitlines()
    assert lines[0].split() == ["code", "kind", "name"]
    assert lines[2].split(None, 1) == ["DISDIK", "Dinas Pendidikan dan Kebudayaan"]
    err = cli("units", "add", *COMP, "--code", "DINKES", "--name", "Lagi", expect=1)
    assert "DINKES" in err and "Traceback" not in err


def test_entries_are_added_shown_edited_and_filtered(cli):
    shown = cli("entries", "show", *COMP, "--code", "E1")
    assert "Inovasi 1" in shown and "DINKES — Dinas Kesehatan" in shown
    assert "implementation" in shown and "registered" in shown
    assert "Entry E2 changed." in cli("entries", "edit", *COMP, "--code", "E2", "--title",
                                      "SIPANDU", "--stage", "trial", "--started", "2025-03-01")
    e2 = cli.json("entries", "show", *COMP, "--code", "E2")
    assert (e2["title"], e2["stage"], e2["started_on"], e2["unit"]) == (
        "SIPANDU", "trial", "2025-03-01", "DINKES")  # what was not given stays
    assert [e["code"] for e in cli.json("entries", "list", *COMP, "--unit", "DISDIK")[
        "entries"]] == ["E3", "E4"]
    assert "4 entries." in cli("entries", "list", *COMP)
    err = cli("entries", "add", *COMP, "--code", "E9", "--title", "X", "--unit", "NOPE",
              "--category", "perangkat_daerah", expect=1)
    assert "NOPE" in err
    assert "1 Maret is not a date; write it as YYYY-MM-DD" in cli(
        "entries", "edit", *COMP, "--code", "E1", "--started", "1 Maret", expect=1)


def test_screening_needs_a_reason_to_disqualify_and_marks_the_rest_eligible(cli):
    err = cli("entries", "screen", *COMP, "--disqualify", "E4", expect=1)
    assert "reason" in err
    assert cli.json("entries", "show", *COMP, "--code", "E4")["status"] == "registered"
    cli("entries", "screen", *COMP, "--disqualify", "E4", "--reason", "Bukan inovasi baru")
    assert "3 entries marked eligible." in cli("entries", "screen", *COMP,
                                               "--remaining-eligible")
    listing = cli("entries", "list", *COMP, "--status", "disqualified")
    assert re.search(r"E4 .* disqualified +Inovasi 4 +Bukan inovasi baru", listing)
    assert "E1" not in listing
    assert "1 of 2 entries marked eligible; the others already were." in cli(
        "entries", "screen", *COMP, "--eligible", "E1,E4")
    err = cli("entries", "screen", *COMP, "--eligible", "E2,E99", expect=1)
    assert "E99" in err


def test_judges_added_with_a_unit_get_its_conflicts_and_edits_change_only_what_is_given(cli):
    out = cli("judges", "add", *COMP, "--code", "J1", "--name", "Dr. Ani", "--unit", "DINKES",
              "--email", "ani@example.org")
    assert "Judge J1 added: Dr. Ani." in out and "2 conflicts of interest" in out
    cli("judges", "add", *COMP, "--code", "J2", "--name", "Budi", "--role", "chair")
    listed = {j["code"]: j for j in cli.json("judges", "list", *COMP)["judges"]}
    assert listed["J1"]["conflicts"] == 2 and listed["J1"]["unit"] == "DINKES"
    assert listed["J2"]["role"] == "chair" and listed["J2"]["active"] is True
    cli("judges", "edit", *COMP, "--code", "J1", "--affiliation", "Universitas X", "--no-unit")
    j1 = next(j for j in cli.json("judges", "list", *COMP)["judges"] if j["code"] == "J1")
    assert (j1["affiliation"], j1["unit"], j1["email"], j1["conflicts"]) == (
        "Universitas X", None, "ani@example.org", 0)
    table = cli("judges", "list", *COMP)
    assert "chair" in table and "active" in table and "('" not in table


def test_disabling_a_judge_removes_the_assignments_not_started(tmp_path, capsys):
    db = open_database(tmp_path / "s.sqlite")
    seeded = seeded_competition(db, n_entries=2, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J2", ["E1", "E2"])
    db.close()
    cli = Cli(tmp_path / "s.sqlite", capsys)
    out = cli("judges", "disable", "--competition", seeded.code, "--code", "J2")
    assert "J2 is inactive" in out and "2 assignments not started yet removed" in out
    assert "prop/E1, prop/E2" in out
    assert "inactive" in cli("judges", "list", "--competition", seeded.code)
    assert "J2 is active again." in cli("judges", "enable", "--competition", seeded.code,
                                        "--code", "J2")


def _judge_book(path, rows) -> None:
    book = Workbook()
    book.active.append(["Daftar Juri Lomba Inovasi 2026"])
    book.active.append([])
    book.active.append(["No", "Nama lengkap", "Instansi", "Perangkat daerah", "Surel", "Peran"])
    for row in rows:
        book.active.append(row)
    book.save(path)


def test_judges_are_imported_from_a_spreadsheet_all_or_nothing(cli, tmp_path):
    good = tmp_path / "juri.xlsx"
    _judge_book(good, [["J1", "Prof. Ani", "UNHAS", "", "", "Ketua"],
                       ["J2", "Budi", "Dinas Kesehatan", "Dinas Kesehatan", "budi@x.id", ""],
                       [3, "Citra", "BPS", "DISDIK", "", "juri"]])
    out = cli("judges", "import", good, *COMP, "--dry-run")
    assert "3 judges would be added; nothing was written" in out
    assert cli.json("judges", "list", *COMP)["judges"] == []
    out = cli("judges", "import", good, *COMP)
    assert "juri.xlsx: 3 judges added." in out
    listed = {j["code"]: j for j in cli.json("judges", "list", *COMP)["judges"]}
    assert listed["J1"]["role"] == "chair" and listed["J2"]["unit"] == "DINKES"
    assert listed["3"]["unit"] == "DISDIK" and listed["J2"]["conflicts"] == 2
    bad = tmp_path / "juri2.xlsx"
    _judge_book(bad, [["J4", "", "UNHAS", "", "", ""], ["J5", "Eka", "", "DINSOS", "", ""],
                      ["J6", "Fajar", "", "", "fajar", "anggota"], ["J6", "Gita", "", "", "", "wakil"],
                      ["J1", "Lagi", "", "", "", ""]])
    err = cli("judges", "import", bad, *COMP, expect=1)
    assert "juri2.xlsx: nothing was imported; 6 problems" in err
    for where in ("cell B4 (Nama lengkap): a value is required", "cell D5 (Perangkat daerah)",
                  "DINSOS", "row 6: 'fajar' is not an e-mail address",
                  "cell A7 (No): code J6 is repeated (first on row 6)",
                  "cell F7 (Peran): 'wakil' is not a role", "cell A8 (No)"):
        assert where in err, where
    assert len(cli.json("judges", "list", *COMP)["judges"]) == 3
    err = cli("judges", "import", bad, *COMP, expect=1, lang="id")
    assert "sel B4 (Nama lengkap): wajib diisi" in err and "tidak ada yang diimpor" in err


def test_a_judge_list_from_csv_and_files_that_are_no_list(cli, tmp_path):
    csv_file = tmp_path / "juri.csv"
    csv_file.write_text("kode;nama;peran\nJ7;Hana;juri\n", encoding="utf-8")
    assert "1 judge added" in cli("judges", "import", csv_file, *COMP)
    other = tmp_path / "lain.csv"
    other.write_text("judul,nilai\nA,1\n", encoding="utf-8")
    err = cli("judges", "import", other, *COMP, expect=1)
    assert "names a code and a name column" in err
    err = cli("judges", "import", tmp_path / "tidak-ada.csv", *COMP, expect=1)
    assert "tidak-ada.csv" in err and "Traceback" not in err


def test_conflicts_are_declared_listed_and_withdrawn(cli):
    cli("judges", "add", *COMP, "--code", "J1", "--name", "Ani", "--unit", "DINKES")
    cli("judges", "add", *COMP, "--code", "J2", "--name", "Budi")
    err = cli("conflicts", "declare", *COMP, "--judge", "J2", "--entry", "E3", "--reason",
              "other", expect=1)
    assert "explanation" in err
    out = cli("conflicts", "declare", *COMP, "--judge", "J2", "--entry", "E3", "--reason",
              "other", "--explanation", "Pembimbing tim inovator")
    assert "J2 will not score E3 (other)" in out
    rows = cli.json("conflicts", "list", *COMP)["conflicts"]
    assert {(c["judge"], c["entry"], c["source"]) for c in rows} == {
        ("J1", "E1", "automatic"), ("J1", "E2", "automatic"), ("J2", "E3", "declared")}
    assert "other: Pembimbing tim inovator" in cli("conflicts", "list", *COMP, "--judge", "J2")
    cli("conflicts", "withdraw", *COMP, "--judge", "J2", "--entry", "E3")
    assert "No conflicts of interest." in cli("conflicts", "list", *COMP, "--judge", "J2")


def test_entries_added_from_the_command_line_are_the_services_own(cli, tmp_path):
    """The command line writes what the window would: the same records, audited."""
    db = open_database(cli.database)
    try:
        e1 = entries.get_entry(db, "kota", "E1")
        assert (e1.unit_code, e1.category_code, e1.stage) == ("DINKES", "perangkat_daerah",
                                                              "implementation")
        from judging_app.services.audit import verify_chain

        assert verify_chain(db).ok
    finally:
        db.close()

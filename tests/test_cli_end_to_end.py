"""A whole competition run through the command line alone, as a secretariat's script would
run it: the people who sign in and the database protected → create from a template → import entries from a spreadsheet → units → judges →
screening (one disqualified, with its reason) → automatic assignment → judging opened →
scores from an Excel sheet and typed-up paper sheets → results with a blocking tie → the
chair's decision → finalize → the workbook, the minutes and the winners list. At each step
the test checks what a person would look at: counts, who is assigned to whom, the winners,
the files. Every change is made by a signed-in person in the role it needs (the
secretariat, the chair for the tie, the judge for their own sheets), as
docs/security.md describes. On SQLite and on PostgreSQL."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest
from openpyxl import Workbook, load_workbook

from judging_app.cli.main import main

# Each entry's scores on the five proposal criteria (weights 25, 20, 25, 15, 15; scale 1-5),
# the same from every judge: E3 and E4 tie exactly on the Juara III / Harapan I boundary.
CRITERIA = ("kebaruan", "efektif", "bermanfaat", "mudah_direplikasi", "berkelanjutan")
SCORES = {"E1": (5, 5, 5, 5, 4), "E2": (5, 4, 5, 4, 4), "E3": (4, 4, 4, 4, 4),
          "E4": (4, 4, 4, 4, 4), "E5": (3, 4, 3, 3, 3), "E6": (3, 3, 3, 3, 3),
          "E7": (2, 2, 2, 2, 2), "E8": (1, 1, 1, 1, 1)}
UNITS = {"E1": "Dinas Kesehatan", "E2": "Dinas Kesehatan", "E3": "Dinas Pendidikan",
         "E4": "Dinas Pendidikan", "E5": "Dinas Perhubungan", "E6": "Dinas Perhubungan",
         "E7": "Kecamatan Tamalate", "E8": "Kecamatan Tamalate"}


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def target(request, tmp_path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "kota.sqlite")
    return request.getfixturevalue("pg_url")


PASSWORD = "sandi-panitia-2026"


def test_a_whole_competition_through_the_command_line(target, tmp_path, capsys, monkeypatch):
    monkeypatch.setenv("JUDGING_APP_PASSWORD", PASSWORD)

    def cli(*argv, expect: int = 0, user: str = "sekre") -> str:
        code = main(["--db", target, "--user", user, *map(str, argv)])
        out, err = capsys.readouterr()
        assert code == expect, f"{argv}: exit {code}\n{out}\n{err}"
        return out if expect == 0 else err

    def data(*argv) -> dict:
        return json.loads(cli(*argv, "--json"))

    def register(login: str, name: str, *options: str, user: str = "sekre") -> None:
        monkeypatch.setattr("sys.stdin", io.StringIO(PASSWORD + "\n"))
        assert f"Registered {login}" in cli("people", "add", "--login", login, "--name", name,
                                            *options, "--password-stdin", user=user)

    comp = ("--competition", "kota")
    # 0. The secretariat registers itself on the new database and protects it: from then on
    # every change needs a signed-in person; a typed name is no longer enough.
    register("sekre", "Siti Aminah, S.Sos.", "--role", "secretariat", user="Panitia")
    assert "protected" in cli("db", "protect")
    register("ketua", "Prof. Dr. Ani Wijaya", "--role", "chair")
    monkeypatch.delenv("JUDGING_APP_PASSWORD")
    assert "JUDGING_APP_PASSWORD" in cli("competition", "create", "--template",
                                         "city_competition", user="Panitia", expect=2)
    monkeypatch.setenv("JUDGING_APP_PASSWORD", PASSWORD)

    # 1. The competition from a template, opened for registration.
    assert "Created competition 'kota'" in cli(
        "competition", "create", "--template", "city_competition", "--code", "kota",
        "--name", "Lomba Inovasi Kota Contoh 2026", "--year", "2026")
    cli("competition", "start-registration", *comp)
    setup = data("competition", "show", *comp)["competition"]
    assert [r["code"] for r in setup["rounds"]][:2] == ["administrasi", "proposal"]

    # 2. Entries from a spreadsheet the units filled in; the units come with them.
    book = Workbook()
    sheet = book.active
    sheet.append(["Kode", "Judul inovasi", "Perangkat daerah", "Kategori", "Tahapan"])
    for code, unit in UNITS.items():
        sheet.append([code, f"Inovasi {code}", unit, "perangkat_daerah", "penerapan"])
    book.save(tmp_path / "inovasi.xlsx")
    preview = cli("entries", "import", tmp_path / "inovasi.xlsx", *comp, "--create-units",
                  "--dry-run")
    assert "8 entries" in preview and data("entries", "list", *comp)["entries"] == []
    cli("entries", "import", tmp_path / "inovasi.xlsx", *comp, "--create-units")
    units = data("units", "list", *comp)["units"]
    assert sorted(u["name"] for u in units) == sorted(set(UNITS.values()))
    dinkes = next(u["code"] for u in units if u["name"] == "Dinas Kesehatan")
    cli("units", "rename", *comp, "--code", dinkes, "--name", "Dinas Kesehatan Kota")
    assert "Dinas Kesehatan Kota" in cli("units", "list", *comp)

    # 3. The panel: four judges from a list (one of them from Dinas Kesehatan), one by hand,
    # one declared conflict of interest.
    with (tmp_path / "juri.csv").open("w", newline="", encoding="utf-8") as fh:
        csv.writer(fh).writerows([
            ["Kode", "Nama", "Instansi", "Perangkat daerah", "Peran"],
            ["J1", "Prof. Dr. Ani Wijaya", "Universitas Hasanuddin", "", "ketua"],
            ["J2", "Dr. Budi Santoso", "Dinas Kesehatan", "Dinas Kesehatan Kota", "juri"],
            ["J3", "Citra Lestari, M.Si.", "Ombudsman", "", "juri"],
            ["J4", "Dedi Kurniawan", "BPS", "", ""]])
    cli("judges", "import", tmp_path / "juri.csv", *comp)
    cli("judges", "add", *comp, "--code", "J5", "--name", "Eka Putri, S.T.",
        "--affiliation", "Universitas Negeri Makassar")
    cli("conflicts", "declare", *comp, "--judge", "J3", "--entry", "E5", "--reason", "personal")
    judges = {j["code"]: j for j in data("judges", "list", *comp)["judges"]}
    assert sorted(judges) == ["J1", "J2", "J3", "J4", "J5"] and judges["J1"]["role"] == "chair"
    assert judges["J2"]["conflicts"] == 2  # E1 and E2, same unit
    conflicts = {(c["judge"], c["entry"]) for c in data("conflicts", "list", *comp)["conflicts"]}
    assert conflicts == {("J2", "E1"), ("J2", "E2"), ("J3", "E5")}

    # 4. Screening: E8 disqualified with its reason, the others eligible.
    cli("entries", "screen", *comp, "--disqualify", "E8", "--reason", "Proposal tidak lengkap")
    assert "7 entries marked eligible" in cli("entries", "screen", *comp, "--remaining-eligible")
    entries = {e["code"]: e for e in data("entries", "list", *comp)["entries"]}
    assert entries["E8"]["status"] == "disqualified"
    assert entries["E8"]["status_reason"] == "Proposal tidak lengkap"
    assert sum(e["status"] == "eligible" for e in entries.values()) == 7

    # 5. Three judges per entry, automatically; the preview writes nothing.
    cli("assign", *comp, "--auto", "--per-entry", "3", "--preview")
    assert data("assign", "list", *comp, "--round", "proposal")["judges"][0]["load"] == 0
    cli("assign", *comp, "--auto", "--per-entry", "3")
    assigned = data("assign", "list", *comp, "--round", "proposal")
    pairs = {(j, e["entry"]) for e in assigned["entries"] for j in e["judges"]}
    assert all(len(e["judges"]) == 3 for e in assigned["entries"] if e["in_round"])
    assert len(pairs) == 21 and not pairs & conflicts
    assert "E8" not in {e for _, e in pairs}
    loads = [j["load"] for j in assigned["judges"]]
    assert max(loads) - min(loads) <= 1
    cli("competition", "start-judging", *comp)

    # 6. Judge J1 fills an Excel sheet; the others' paper sheets are typed into a CSV.
    cli("excel-sheets", "export", *comp, "--round", "proposal", "--judge", "J1",
        "--out", tmp_path / "excel")
    (workbook_path,) = (tmp_path / "excel").glob("*.xlsx")
    workbook = load_workbook(workbook_path)
    scores_sheet = workbook.worksheets[0]
    columns = {str(c.value).split(" — ")[0]: c.column_letter for c in scores_sheet[1] if c.value}
    for row in range(2, scores_sheet.max_row + 1):
        entry = scores_sheet[f"A{row}"].value
        for criterion, value in zip(CRITERIA, SCORES[entry], strict=True):
            scores_sheet[f"{columns[criterion]}{row}"] = value
    workbook.save(workbook_path)
    assert "J1" in cli("excel-sheets", "import", workbook_path, *comp, "--draft")
    j1_entries = sorted(e for j, e in pairs if j == "J1")
    # only J1 submits J1's sheets: the judge signs in with their own login
    register("juri1", "Prof. Dr. Ani Wijaya", "--role", "judge", "--judge", "kota/J1")
    sheet = (*comp, "--round", "proposal", "--judge", "J1", "--entry", j1_entries[0])
    assert "J1" in cli("sheets", "submit", *sheet, expect=1)  # not the secretariat's sheet
    for entry in j1_entries:
        cli("sheets", "submit", *comp, "--round", "proposal", "--judge", "J1", "--entry", entry,
            user="juri1")
    assert data("sheets", "show", *sheet)["state"] == "submitted"
    with (tmp_path / "nilai.csv").open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["tahap", "juri", "inovasi", "kriteria", "nilai", "catatan"])
        for judge, entry in sorted(pairs):
            if judge != "J1":
                out.writerows(["proposal", judge, entry, c, v, ""]
                              for c, v in zip(CRITERIA, SCORES[entry], strict=True))
    cli("scores", "import", tmp_path / "nilai.csv", *comp)
    progress = data("progress", *comp)
    assert (progress["submitted"], progress["expected"]) == (21, 21)
    assert progress["entries_missing_sheets"] == []

    # 7. Results: E3 and E4 tie on the award boundary; finalizing waits for the chair.
    results = data("results", *comp)
    rows = {r["code"]: r for r in results["categories"][0]["rows"]}
    assert rows["E1"]["award"] == "Juara I" and rows["E2"]["award"] == "Juara II"
    assert rows["E3"]["blocking_tie"] and rows["E4"]["blocking_tie"]
    assert rows["E3"]["score_exact"] == rows["E4"]["score_exact"] == "80"
    assert not results["can_finalize"]
    cli("finalize", *comp, expect=1)
    tie = ("decide-tie", *comp, "--order", "E4,E3", "--reason", "Sidang pleno 3 Desember 2026")
    cli(*tie, expect=1)  # the chair's decision, not the secretariat's
    cli(*tie, user="ketua")
    rows = {r["code"]: r for r in data("results", *comp)["categories"][0]["rows"]}
    assert [rows[e]["award"] for e in ("E1", "E2", "E4", "E3", "E5", "E6")] == [
        "Juara I", "Juara II", "Juara III", "Juara Harapan I", "Juara Harapan II",
        "Juara Harapan III"]
    finalized = cli("finalize", *comp)
    assert "SHA-256" in finalized
    assert data("competition", "status", *comp)["status"] == "finalized"
    digest = re.search(r"\b[0-9a-f]{64}\b", finalized)[0]
    assert "still give exactly the finalized results" in cli("verify", *comp, "--digest", digest)

    # 8. The documents for the decree.
    cli("export", "results", *comp, "--out", tmp_path / "hasil.xlsx")
    recap = load_workbook(tmp_path / "hasil.xlsx", read_only=True)
    cells = [str(v) for ws in recap.worksheets for row in ws.iter_rows(values_only=True)
             for v in row if v is not None]
    assert {"Inovasi E1", "Inovasi E4", "Juara III"} <= set(cells)
    for document in ("minutes", "winners"):
        out = tmp_path / f"{document}.pdf"
        assert "Wrote" in cli("export", document, *comp, "--out", out)
        assert out.read_bytes().startswith(b"%PDF")
    assert "intact" in cli("db", "verify-audit")

"""The command line: what a secretariat's script sees (output, files, exit codes)."""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal as D

import pytest

from judging_app import __version__
from judging_app.cli.main import main
from judging_app.services import assignments, sheets
from judging_app.store.database import open_database

from factories import seeded_competition


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("JUDGING_APP_AS", raising=False)


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_version_as_module():
    out = subprocess.run([sys.executable, "-m", "judging_app", "--version"],
                         capture_output=True, text=True, check=True).stdout
    assert out.strip() == f"judging-app {__version__}"


def test_default_database_is_created_in_user_data_folder(capsys, tmp_path):
    code, out, _ = run(capsys, "competition", "list")
    assert code == 0
    assert (tmp_path / "data" / "judging-app" / "judging_app.sqlite").is_file()
    assert "No competitions" in out


def test_create_from_template_export_import_round_trip(capsys, tmp_path):
    dbp = tmp_path / "c.sqlite"
    code, out, _ = run(capsys, "--db", dbp, "--as", "Ani", "competition", "create",
                       "--template", "city_competition", "--name", "KIPP Kota Contoh", "--code", "kota")
    assert code == 0 and "Created competition 'kota'" in out
    assert run(capsys, "competition", "export", "--db", dbp, "--competition", "kota",
               "--out", tmp_path / "kota.json")[0] == 0
    code, _, err = run(capsys, "competition", "import", tmp_path / "kota.json", "--db", dbp,
                       "--code", "kota2")
    assert code == 2 and "--user" in err  # nothing remembered: say who is working each time
    code, out, _ = run(capsys, "competition", "import", tmp_path / "kota.json", "--db", dbp,
                       "--code", "kota2", "--user", "Ani")
    assert code == 0
    assert run(capsys, "competition", "export", "--db", dbp, "--competition", "kota2",
               "--out", tmp_path / "kota2.json")[0] == 0
    assert (tmp_path / "kota.json").read_text() == (tmp_path / "kota2.json").read_text()
    data = json.loads((tmp_path / "kota.json").read_text())
    assert data["competition"]["name"] == "KIPP Kota Contoh"
    code, out, _ = run(capsys, "competition", "list", "--db", dbp)
    assert "kota\t2026\tdraft" in out and "kota2\t" in out


def test_unknown_template_and_missing_actor(capsys, tmp_path):
    dbp = tmp_path / "c.sqlite"
    code, _, err = run(capsys, "--db", dbp, "--as", "Ani", "competition", "create", "--template", "nope")
    assert code == 2 and "No template 'nope'" in err and "city_competition" in err
    assert not (tmp_path / "config" / "judging-app" / "cli-actor.txt").exists()
    code, _, err = run(capsys, "--db", dbp, "competition", "create", "--template", "city_competition")
    assert code == 2 and "--user NAME" in err


def test_refuses_a_file_that_is_not_a_database(capsys, tmp_path):
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    code, _, err = run(capsys, "--db", bad, "competition", "list")
    assert code == 1
    assert "not a judging_app database" in err and str(bad) in err


def test_backup_and_verify_audit(capsys, tmp_path):
    dbp = tmp_path / "c.sqlite"
    run(capsys, "--db", dbp, "--as", "Ani", "competition", "create", "--template", "iga_presentation")
    code, out, _ = run(capsys, "db", "backup", tmp_path / "copy.sqlite", "--db", dbp)
    assert code == 0
    code, out, _ = run(capsys, "db", "verify-audit", "--db", tmp_path / "copy.sqlite")
    assert code == 0 and "intact: 2 events (keyed: yes)" in out  # keyed, then created
    code, _, err = run(capsys, "db", "backup", tmp_path / "copy.sqlite", "--db", dbp)
    assert code == 1 and "already exists" in err
    code, out, _ = run(capsys, "db", "upgrade", "--db", dbp)
    assert code == 0 and "schema" in out


def _paper_setup(tmp_path):
    dbp = tmp_path / "p.sqlite"
    db = open_database(dbp)
    seeded = seeded_competition(db, n_entries=2, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1", "E2"])
    assignments.assign(seeded.ws, seeded.code, "prop", "J2", ["E1"])
    db.close()
    return dbp, seeded.code


def test_paper_scores_import_all_or_nothing(capsys, tmp_path):
    dbp, comp = _paper_setup(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text(
        "tahap;juri;inovasi;kriteria;nilai;catatan\n"
        "prop;J1;E1;A;4;bagus\n"
        "prop;J1;E1;B;3,5;\n"
        "prop;J1;E2;A;9;\n"        # off the scale
        "prop;J2;E2;A;3;\n"        # J2 not assigned to E2
        "prop;J1;E1;A;5;\n",       # duplicate of row 2
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--as", "Ani", "scores", "import", bad, "--competition", comp, "--db", dbp)
    assert code == 1
    assert "nothing was imported" in err and "line 6: the same score as line 2" in err
    good = tmp_path / "good.csv"
    good.write_text(
        "round,judge,entry,criterion,score,comment\n"
        "prop,J1,E1,A,4,bagus\n"
        "prop,J1,E1,B,3.5,\n"
        "prop,J1,E2,A,9,\n"
        "prop,J2,E1,A,3,\n",
        encoding="utf-8",
    )
    code, _, err = run(capsys, "--as", "Ani", "scores", "import", good, "--competition", comp, "--db", dbp)
    assert code == 1
    assert "line 4, column 'score': 9 is outside the scale 1–5" in err
    db = open_database(dbp)
    assert sheets.get_sheet(db, comp, "prop", "J1", "E1") is None  # nothing half-written
    db.close()
    good.write_text(
        "round,judge,entry,criterion,score,comment\n"
        "prop,J1,E1,A,4,bagus\n"
        "prop,J1,E1,B,3.5,\n"
        "prop,J2,E1,A,3,\n",
        encoding="utf-8",
    )
    code, out, _ = run(capsys, "--as", "Ani", "scores", "import", good, "--competition", comp, "--db", dbp)
    assert code == 0 and "Imported 3 scores on 2 sheets (1 submitted; 2 new" in out
    db = open_database(dbp)
    full = sheets.get_sheet(db, comp, "prop", "J1", "E1")
    assert (full.state, full.source, full.scores, full.comments) == (
        "submitted", "paper", {"A": D(4), "B": D("3.5")}, {"A": "bagus"})
    assert sheets.get_sheet(db, comp, "prop", "J2", "E1").state == "draft"
    db.close()


def test_paper_scores_header_problems(capsys, tmp_path):
    dbp, comp = _paper_setup(tmp_path)
    f = tmp_path / "h.csv"
    f.write_text("juri,inovasi,nilai\nJ1,E1,4\n", encoding="utf-8")
    code, _, err = run(capsys, "--as", "Ani", "scores", "import", f, "--competition", comp, "--db", dbp)
    assert code == 1 and "line 1: missing column(s) round, criterion" in err

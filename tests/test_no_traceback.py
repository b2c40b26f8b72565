"""No traceback reaches a user of the command line: each case a hostile test found on
3578f17 is now one line in the user's language with a documented exit status (1 refused,
3 unexpected with a crash log), and nothing is created or half-written."""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from judging_app.cli import commands
from judging_app.cli.main import main
from judging_app.services import assignments
from judging_app.store.database import open_database

from factories import seeded_competition

EXIT_REFUSED, EXIT_UNEXPECTED = 1, 3


@pytest.fixture(autouse=True)
def _isolated(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    monkeypatch.setenv("JUDGING_APP_AS", "Ani")


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    assert "Traceback" not in out + err
    return code, out, err


def one_line(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith(("error: ", "kesalahan: "))  # --lang en / id
    return lines[0]


@pytest.fixture
def small_db(tmp_path):
    path = tmp_path / "c.sqlite"
    db = open_database(path)
    seeded = seeded_competition(db, n_entries=2, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1", "E2"])
    db.close()
    return path, seeded.code


def test_demo_with_no_entries(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "d.sqlite", "demo", "--entries", "0")
    assert code == EXIT_REFUSED and "at least one entry" in one_line(err)
    assert not (tmp_path / "d.sqlite").exists()


def test_demo_with_fewer_judges_than_each_entry_needs(capsys, tmp_path):
    code, _, err = run(capsys, "--db", tmp_path / "d.sqlite", "demo", "--entries", "3",
                       "--judges", "1", "--scored")
    assert code == EXIT_REFUSED
    assert "1 judge cannot give every entry 3 judges" in one_line(err)
    code, _, err = run(capsys, "--db", tmp_path / "d.sqlite", "--lang", "id", "demo",
                       "--entries", "3", "--judges", "1")
    assert "1 juri tidak cukup untuk memberi setiap inovasi 3 juri" in one_line(err)


def test_a_url_that_names_no_database(capsys):
    code, _, err = run(capsys, "--db", "nonsense://x", "competition", "list")
    assert code == EXIT_REFUSED and "not a database the app can use" in one_line(err)


def test_postgres_url_without_the_driver_says_what_to_install(capsys, monkeypatch):
    """The README's plain install has no psycopg."""
    for name in [n for n in sys.modules if n == "psycopg" or n.startswith("psycopg.")]:
        monkeypatch.delitem(sys.modules, name)
    monkeypatch.setitem(sys.modules, "psycopg", None)  # `import psycopg` now fails
    code, _, err = run(capsys, "--db", "postgresql+psycopg://u@localhost/x", "competition",
                       "list")
    assert code == EXIT_REFUSED and 'pip install "judging-app[postgres]"' in one_line(err)
    code, _, err = run(capsys, "--db", "postgresql://u@localhost/x", "competition", "list")
    assert "judging-app[postgres]" in one_line(err)


def test_a_mistyped_db_path_creates_nothing_for_read_only_commands(capsys, tmp_path):
    typo = tmp_path / "kompetisi-2026.sqlite"
    for argv in (["competition", "list"], ["results", "--competition", "x"],
                 ["fairness", "--competition", "x"], ["db", "verify-audit"],
                 ["export", "results", "--competition", "x", "--out", tmp_path / "r.xlsx"]):
        code, _, err = run(capsys, "--db", typo, *argv)
        assert code == EXIT_REFUSED and "does not exist" in one_line(err)
    assert not typo.exists()
    nested = tmp_path / "no" / "such" / "folder" / "x.sqlite"
    for argv in (["competition", "list"], ["demo", "--entries", "3"]):
        code, _, err = run(capsys, "--db", nested, *argv)
        assert code == EXIT_REFUSED and "does not exist" in one_line(err)
    assert not (tmp_path / "no").exists()


def test_export_to_a_folder_is_refused_and_leaves_no_part_file(capsys, tmp_path, small_db):
    path, comp = small_db
    out = tmp_path / "out"
    out.mkdir()
    code, _, err = run(capsys, "--db", path, "export", "results", "--competition", comp,
                       "--out", out)
    assert code == EXIT_REFUSED
    assert f"{out} is a folder; give a file name, e.g. {out / 'results.xlsx'}" in one_line(err)
    assert not [p for p in tmp_path.rglob("*.part")]


def test_something_unexpected_writes_a_crash_log(capsys, tmp_path, small_db, monkeypatch):
    path, comp = small_db

    def broken(args):
        raise ZeroDivisionError("a bug")

    monkeypatch.setitem(commands.HANDLERS, "results", broken)
    code, _, err = run(capsys, "--db", path, "results", "--competition", comp)
    assert code == EXIT_UNEXPECTED
    line = one_line(err)
    logs = list((tmp_path / "state").rglob("crash-*.log"))
    assert len(logs) == 1 and str(logs[0]) in line
    assert "ZeroDivisionError: a bug" in logs[0].read_text(encoding="utf-8")
    code, _, err = run(capsys, "--db", path, "--lang", "id", "results", "--competition", comp)
    assert "Terjadi kesalahan tak terduga" in one_line(err)


def test_ctrl_c_is_one_line(capsys, tmp_path, small_db, monkeypatch):
    path, comp = small_db

    def interrupted(args):
        raise KeyboardInterrupt

    monkeypatch.setitem(commands.HANDLERS, "results", interrupted)
    code, _, err = run(capsys, "--db", path, "results", "--competition", comp)
    assert code == 130 and "Interrupted" in err and len(err.strip().splitlines()) == 1


def _competition_file(tmp_path: Path, change) -> Path:
    from judging_app.exchange.competition_file import setup_to_json

    from factories import tiny_setup

    doc = json.loads(setup_to_json(tiny_setup()))
    change(doc["competition"])
    path = tmp_path / "kompetisi.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    return path


@pytest.mark.parametrize("change", [
    lambda c: c["award_tiers"][0].update(rank_to=10**30),
    lambda c: c["rounds"][1].update(advancement={"kind": "top_n", "top_n": 10**30}),
    lambda c: c.update(name="Lomba \ud800"),
    lambda c: c.update(organiser="Bappeda\x00"),
], ids=["rank_to", "top_n", "lone_surrogate", "nul"])
def test_competition_files_with_values_no_database_holds(capsys, tmp_path, change):
    path = _competition_file(tmp_path, change)
    code, _, err = run(capsys, "--db", tmp_path / "c.sqlite", "competition", "import", path)
    assert code == EXIT_REFUSED
    assert "too large" in err or "cannot be stored" in err
    assert "competition." in err


@pytest.mark.postgres
def test_postgres_role_without_create_on_public(capsys, pg_url):
    engine = create_engine(pg_url, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:  # this database only: nothing cluster-wide
        conn.execute(text("REVOKE CREATE ON SCHEMA public FROM pg_database_owner, PUBLIC"))
    engine.dispose()
    code, _, err = run(capsys, "--db", pg_url, "competition", "list")
    line = one_line(err)
    assert code == EXIT_REFUSED
    assert "lacks the CREATE privilege on schema public" in line and "GRANT CREATE" in line


@pytest.mark.postgres
def test_postgres_role_without_insert_on_a_table(capsys, tmp_path, pg_url):
    db = open_database(pg_url)
    seeded = seeded_competition(db, n_entries=2, n_judges=2)
    assignments.assign(seeded.ws, seeded.code, "prop", "J1", ["E1"])
    with db.engine.connect() as conn:
        conn.execute(text("REVOKE INSERT ON score_sheets FROM CURRENT_USER"))
        conn.commit()
    db.close()
    csv = tmp_path / "s.csv"
    csv.write_text("round,judge,entry,criterion,score\nprop,J1,E1,A,4\n", encoding="utf-8")
    code, _, err = run(capsys, "--db", pg_url, "scores", "import", csv, "--competition",
                       seeded.code)
    assert code == EXIT_REFUSED
    assert "lacks the INSERT privilege on table score_sheets" in one_line(err)


def test_stale_part_files_of_killed_exports_are_cleaned_up(capsys, tmp_path, small_db):
    """A killed export leaves its temporary file; the next export into the folder removes
    the ones old enough to be nobody's work in progress."""
    path, comp = small_db
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".results.xlsx.part"
    stale.write_bytes(b"half a workbook")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    code, _, _ = run(capsys, "--db", path, "export", "results", "--competition", comp,
                     "--out", out / "winners.xlsx")
    assert code == 0 and (out / "winners.xlsx").is_file()
    assert not stale.exists()

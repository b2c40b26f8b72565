"""`judging-app results` on a SQLite file reads read-only without SQLAlchemy (store.rows),
and prints exactly what the use case computes through a session."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from decimal import Decimal as D
from pathlib import Path

import pytest

from judging_app.cli.main import main
from judging_app.core.scoring import tiebreak_context
from judging_app.services import assignments, results, sheets
from judging_app.services.sheets import SheetInput
from judging_app.store.database import open_database

from factories import seeded_competition

# Category pd (even codes): E2, E4 and E6 all at 80; E4 is higher on the heavier criterion
# B, E2 and E6 are identical (a tie the chair decides). Category umum: E1, E3, E5.
SCORES = {
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
    "E4": {"J1": (2, 5), "J2": (5, 4), "J3": (2, 5)},
    "E5": {"J1": (3, 3), "J2": (3, 3), "J3": (3, 3)},
    "E6": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},
}


@pytest.fixture(autouse=True)
def _isolated_config(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))


@pytest.fixture
def scored_file(tmp_path) -> tuple[Path, str]:
    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    s = seeded_competition(db, n_entries=6)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for entry, by_judge in SCORES.items():
        for judge, (a, b) in by_judge.items():
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
            sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
    db.close()
    return path, s.code


def _cli_json(capsys, path, code, *extra) -> dict:
    assert main(["--db", str(path), "results", "--competition", code, "--json", *extra]) == 0
    return json.loads(capsys.readouterr().out)


@pytest.mark.parametrize("method", ["mean", "median", "trimmed_mean", "standardized"])
def test_cli_prints_what_the_use_case_computes(scored_file, capsys, method):
    path, code = scored_file
    printed = _cli_json(capsys, path, code, "--method", method)
    db = open_database(path)
    try:
        expected = results.results_json(results.compute(db, code, method=method))
    finally:
        db.close()
    assert printed == json.loads(json.dumps(expected))
    rows = {r["code"]: r for c in printed["categories"] for r in c["rows"]}
    if method == "mean":
        assert (rows["E4"]["rank"], rows["E2"]["rank"]) == (1, 2)
        assert rows["E4"]["tie_break"] == "criteria_by_weight"
        assert rows["E4"]["tie_break_criterion"] == "B"  # the heavier criterion decided
        assert rows["E2"]["tied"] and rows["E6"]["tied"] and rows["E6"]["rank"] == 2
        assert rows["E6"]["blocking_tie"] and not printed["can_finalize"]


def test_reading_every_tied_entry_at_once_gives_the_same(scored_file, capsys, monkeypatch):
    """Few tied entries are read by id; many, a whole criterion at once: the same ranks."""
    path, code = scored_file
    by_id = _cli_json(capsys, path, code, "--method", "trimmed_mean")
    monkeypatch.setattr(tiebreak_context, "FEW_ENTRIES", 0)
    assert _cli_json(capsys, path, code, "--method", "trimmed_mean") == by_id


def test_the_results_command_does_not_start_sqlalchemy(scored_file):
    path, code = scored_file
    probe = ("import sys; from judging_app.cli.main import main; "
             f"rc = main(['--db', {str(path)!r}, 'results', '--competition', {code!r}, '--json']); "
             "print('SQLALCHEMY' if 'sqlalchemy' in sys.modules else 'plain', rc, file=sys.stderr)")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert done.stderr.split() == ["plain", "0"]
    assert json.loads(done.stdout)["competition"] == code


def test_an_older_file_is_migrated_the_full_way(tmp_path, capsys):
    path = tmp_path / "old.sqlite"
    shutil.copy(Path(__file__).parent / "fixtures" / "schema_0001.sqlite", path)
    assert main(["--db", str(path), "competition", "list"]) == 0
    code = capsys.readouterr().out.split()[0]
    assert main(["--db", str(path), "results", "--competition", code, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["competition"] == code
    assert list(tmp_path.glob("old.before-upgrade-from-0001-*.sqlite"))


def test_an_unknown_competition_is_named(scored_file, capsys):
    path, _code = scored_file
    assert main(["--db", str(path), "results", "--competition", "nope"]) == 1
    assert "No competition 'nope' in this database." in capsys.readouterr().err


def test_a_damaged_file_is_refused_and_left_as_it_was(scored_file, capsys):
    path, code = scored_file
    data = bytearray(path.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    for start in range(page, len(data), page):  # every b-tree page header after the first
        data[start:start + 8] = b"\xff" * 8
    path.write_bytes(bytes(data))
    before = path.read_bytes()
    code_ = main(["--db", str(path), "results", "--competition", code, "--json"])
    err = capsys.readouterr().err
    assert code_ == 1 and "cannot be read" in err and "It was not changed" in err, err
    assert path.read_bytes() == before


def test_no_side_files_are_left_next_to_the_database(scored_file, capsys):
    path, code = scored_file
    before = sorted(p.name for p in path.parent.iterdir())
    assert main(["--db", str(path), "results", "--competition", code, "--json"]) == 0
    capsys.readouterr()
    assert sorted(p.name for p in path.parent.iterdir()) == before

"""The command line's setup and judging commands on a protected database: each refuses a
person without the role it needs, with the reason, and changes nothing (the same checks
as the window: services/authorization.py). Secretariat: setup, status, entries, units,
judges, conflicts withdrawn, assignments, sheets reopened, advancing, finalizing; chair: a
tie decided; a judge: only their own sheet. The whole path done by the right people is
tests/test_cli_end_to_end.py."""

from __future__ import annotations

import json

import pytest
from security_support import PASSWORD, register_panel

from judging_app.cli.main import main
from judging_app.services import assignments
from judging_app.store.database import open_database

SECRETARIAT_ONLY = [
    ("units", "add", "--code", "U9", "--name", "Dinas Baru"),
    ("units", "rename", "--code", "U1", "--name", "Dinas Lain"),
    ("entries", "add", "--code", "E9", "--title", "Baru", "--unit", "U1", "--category", "umum"),
    ("entries", "edit", "--code", "E1", "--title", "Diubah"),
    ("entries", "screen", "--disqualify", "E2", "--reason", "tidak lengkap"),
    ("judges", "add", "--code", "J9", "--name", "Juri Baru"),
    ("judges", "edit", "--code", "J2", "--name", "Juri Diubah"),
    ("judges", "disable", "--code", "J3"),
    ("assign", "--auto", "--per-entry", "2", "--round", "prop"),
    ("assign", "remove", "--round", "prop", "--judge", "J1", "--entries", "E1"),
    ("competition", "set-status", "registration"),
    ("sheets", "reopen", "--round", "prop", "--judge", "J1", "--entry", "E1", "--reason", "x"),
    ("finalize",),
]


@pytest.fixture
def panel_file(tmp_path):
    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    panel = register_panel(db)
    assignments.auto_assign(panel.ws("sekre"), panel.code, "prop", 3)
    db.close()
    (tmp_path / "juri.csv").write_text("Kode,Nama\nJ8,Juri Delapan\n", encoding="utf-8")
    return path, panel.code


def _cli(capsys, path, user, *argv) -> tuple[int, str]:
    code = main(["--db", str(path), "--user", user, *argv])
    out, err = capsys.readouterr()
    return code, out + err


@pytest.mark.parametrize("user", ["juri1", "ketua", "pengamat"])
def test_only_the_secretariat_changes_the_competition(panel_file, capsys, monkeypatch, user):
    monkeypatch.setenv("JUDGING_APP_PASSWORD", PASSWORD)
    path, code = panel_file
    assert main(["--db", str(path), "entries", "list", "--competition", code, "--json"]) == 0
    before = capsys.readouterr().out
    for argv in [*SECRETARIAT_ONLY, ("judges", "import", str(path.parent / "juri.csv"))]:
        argv = [*argv[:2], "--competition", code, *argv[2:]] if len(argv) > 1 else [
            *argv, "--competition", code]
        status, said = _cli(capsys, path, user, *argv)
        assert status == 1, (argv, said)
        assert "may not do this" in said and "secretariat" in said, (argv, said)
    assert main(["--db", str(path), "entries", "list", "--competition", code, "--json"]) == 0
    assert capsys.readouterr().out == before


def test_a_judge_submits_their_own_sheets_and_the_chair_decides_ties(panel_file, capsys,
                                                                     monkeypatch):
    monkeypatch.setenv("JUDGING_APP_PASSWORD", PASSWORD)
    path, code = panel_file
    where = ["--competition", code, "--round", "prop"]
    status, said = _cli(capsys, path, "juri2", "sheets", "submit", *where, "--judge", "J1",
                        "--entry", "E1")
    assert status == 1 and "J1" in said
    status, said = _cli(capsys, path, "sekre", "decide-tie", "--competition", code,
                        "--order", "E2,E4", "--reason", "pleno")
    assert status == 1 and "chair" in said
    status, said = _cli(capsys, path, "sekre", "sheets", "show", *where, "--judge", "J1",
                        "--entry", "E1", "--json")
    assert status == 0 and json.loads(said) is None  # nothing was written


def test_a_name_is_not_enough_on_a_protected_database(panel_file, capsys, monkeypatch):
    monkeypatch.delenv("JUDGING_APP_PASSWORD", raising=False)
    path, code = panel_file
    status, said = _cli(capsys, path, "Siti", "units", "add", "--competition", code,
                        "--code", "U9", "--name", "Dinas Baru")
    assert status == 2 and "JUDGING_APP_PASSWORD" in said

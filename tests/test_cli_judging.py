"""The command line from assignment to judging: automatic and manual assignment, the
competition's status, its setup replaced from a file, reopening a rubric, sheets one by one,
progress, and a second demo."""

from __future__ import annotations

import json

import pytest

from judging_app.services import assignments, sheets
from judging_app.services.sheets import SheetInput
from judging_app.store.database import open_database

from cli_support import Cli
from factories import seeded_competition


@pytest.fixture
def seeded(tmp_path, capsys):
    """tiny_setup: entries E1..E6 (eligible), judges J1..J4, status judging."""
    db = open_database(tmp_path / "s.sqlite")
    made = seeded_competition(db, n_entries=6, n_judges=4)
    db.close()
    return Cli(tmp_path / "s.sqlite", capsys), ("--competition", made.code), made.code


def test_automatic_assignment_previews_then_writes_loads_within_one(seeded):
    cli, comp, _ = seeded
    out = cli("assign", *comp, "--auto", "--per-entry", "2", "--preview")
    assert "Round prop: 12 new assignments would give every entry 2 judges." in out
    assert "Nothing was written (--preview)." in out
    header, *rows = [line.split() for line in out.splitlines()[1:5]]
    assert header == ["judge", "now", "added", "after"] and rows[0] == ["J1", "0", "3", "3"]
    assert sum(j["load"] for j in cli.json("assign", "list", *comp)["judges"]) == 0
    out = cli("assign", *comp, "--auto", "--per-entry", "2")
    assert "12 new assignments" in out
    listed = cli.json("assign", "list", *comp)
    assert [len(e["judges"]) for e in listed["entries"]] == [2] * 6
    assert sorted(j["load"] for j in listed["judges"]) == [3, 3, 3, 3]
    assert "0 new assignments" in cli("assign", *comp, "--auto", "--per-entry", "2")


def test_manual_assignment_and_its_refusals(seeded):
    cli, comp, _ = seeded
    out = cli("assign", "add", *comp, "--round", "prop", "--judge", "J1", "--entries", "E1,E2")
    assert "J1 assigned to 2 more entries in round prop." in out
    assert "1 assignment of J1 removed" in cli("assign", "remove", *comp, "--judge", "J1",
                                               "--entries", "E2")
    cli("conflicts", "declare", *comp, "--judge", "J2", "--entry", "E3", "--reason", "personal")
    err = cli("assign", "add", *comp, "--judge", "J2", "--entries", "E3", expect=1)
    assert "J2" in err and "E3" in err and "conflict" in err
    assert cli.json("assign", "list", *comp)["entries"][0]["judges"] == ["J1"]
    code, _, err = cli.run("assign", *comp)
    assert code == 2 and "--auto --per-entry K" in err
    code, _, err = cli.run("assign", "--auto")
    assert code == 2 and "--competition" in err


def test_the_competitions_status_moves_and_reports(tmp_path, capsys):
    cli = Cli(tmp_path / "c.sqlite", capsys)
    cli("competition", "create", "--template", "city_competition", "--code", "kota")
    comp = ("--competition", "kota")
    err = cli("competition", "start-judging", *comp, expect=1)
    assert "draft" in err and "judging" in err
    assert "kota is now in registration." in cli("competition", "start-registration", *comp)
    out = cli("competition", "start-judging", *comp)
    assert "kota is now in judging." in out and "Judges can now score" in out
    status = cli.json("competition", "status", *comp)
    assert status["status"] == "judging" and status["entries"]["eligible"] == 0
    assert [r["round"] for r in status["rounds"]] == ["proposal", "presentasi", "verifikasi"]
    assert "kota is now in registration." in cli("competition", "set-status", "registration",
                                                  *comp)
    text = cli("competition", "status", *comp, lang="id")
    assert "berstatus pendaftaran" in text and "Inovasi: belum ada" in text


def test_the_setup_is_shown_and_replaced_from_an_edited_file(seeded, tmp_path):
    cli, comp, code = seeded
    shown = cli("competition", "show", *comp)
    assert "Round 2: prop — Penilaian proposal (scored)" in shown
    assert "1–5, step 0.5" in shown and "Juara I" in shown
    data = cli.json("competition", "show", *comp)
    data["competition"]["rounds"][1]["criteria"][0]["name"] = "Kebaruan dan Keunikan"
    edited = tmp_path / "setup.json"
    edited.write_text(json.dumps(data), encoding="utf-8")
    assert f"The setup of {code} was replaced" in cli("competition", "update", *comp,
                                                     "--file", edited)
    assert "Kebaruan dan Keunikan" in cli("competition", "show", *comp)
    data["competition"]["rounds"][1]["criteria"][0]["weight"] = 50
    edited.write_text(json.dumps(data), encoding="utf-8")
    err = cli("competition", "update", *comp, "--file", edited, expect=1)
    assert "weights add up to 110; they must add up to exactly 100" in err
    after = cli.json("competition", "show", *comp)["competition"]["rounds"][1]["criteria"][0]
    assert after["weight"] == 40


def test_sheets_are_shown_reopened_with_a_reason_and_submitted_again(seeded):
    cli, comp, code = seeded
    db = open_database(cli.database)
    ws = seeded_workspace(db)
    assignments.assign(ws, code, "prop", "J1", ["E1", "E2"])
    sheets.save_sheet(ws, code, "prop", "J1", "E1", SheetInput(
        scores={"A": "4", "B": "3.5"}, comments={"A": "Baru di kota ini"}))
    sheets.submit_sheet(ws, code, "prop", "J1", "E1")
    db.close()
    key = ("--round", "prop", "--judge", "J1", "--entry", "E1")
    shown = cli("sheets", "show", *comp, *key)
    assert "Sheet of J1 for E1, round prop: submitted (version" in shown
    assert "3.5" in shown and "Baru di kota ini" in shown
    err = cli("sheets", "reopen", *comp, *key, "--reason", " ", expect=1)
    assert "reason" in err
    assert "is a draft again" in cli("sheets", "reopen", *comp, *key, "--reason",
                                     "Nilai B salah ketik")
    assert "Reopened because: Nilai B salah ketik" in cli("sheets", "show", *comp, *key)
    progress = cli.json("progress", *comp)
    assert (progress["submitted"], progress["draft"], progress["not_started"]) == (0, 1, 1)
    assert "submitted and locked" in cli("sheets", "submit", *comp, *key)
    text = cli("progress", *comp)
    assert "Round prop: 1 of 2 sheets submitted (50%), 0 in draft, 1 not started." in text
    assert "1 entry still misses sheets:" in text
    assert "4 entries have no judge yet" in text
    assert cli.json("sheets", "show", *comp, "--round", "prop", "--judge", "J2",
                    "--entry", "E1") is None


def seeded_workspace(db):
    from judging_app.services.workspace import Workspace

    return Workspace(db, "Sekretariat Uji")


def test_reopening_a_rubric_puts_its_sheets_back_to_draft(seeded):
    cli, comp, code = seeded
    db = open_database(cli.database)
    ws = seeded_workspace(db)
    assignments.assign(ws, code, "prop", "J1", ["E1"])
    sheets.save_sheet(ws, code, "prop", "J1", "E1", SheetInput(scores={"A": "4", "B": "3"}))
    sheets.submit_sheet(ws, code, "prop", "J1", "E1")
    db.close()
    out = cli("competition", "reopen-rubric", *comp, "--round", "prop", "--reason",
              "Bobot kriteria salah")
    assert "1 submitted sheet went back to draft" in out


def test_a_second_demo_names_the_first_and_how_to_make_another(tmp_path, capsys):
    cli = Cli(tmp_path / "d.sqlite", capsys)
    assert "Demo competition 'demo-2026'" in cli("demo", "--entries", "8", "--judges", "3")
    err = cli("demo", "--entries", "8", "--judges", "3", expect=1)
    assert "already has the demo competition demo-2026" in err and "--code" in err
    assert "'demo-b'" in cli("demo", "--entries", "8", "--judges", "3", "--code", "demo-b")
    listed = cli("competition", "list")
    assert "demo-2026" in listed and "demo-b" in listed and "demo-2026-2" not in listed

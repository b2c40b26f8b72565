"""The derived per-entry totals (store.entry_totals) follow every change of what counts:
submitting, reopening, bulk merges, rubric reopening, conflicts; a migration from schema
0001 fills them; `db verify-totals` finds a damaged row. (Every test using the `db` fixture
also checks them at teardown: see conftest.)"""

from __future__ import annotations

from decimal import Decimal as D

from sqlalchemy import text

from judging_app.cli.main import main
from judging_app.services import assignments, competitions, sheets
from judging_app.services.sheets import SheetInput
from judging_app.store import entry_totals

from factories import seeded_competition


def _totals(db) -> dict[tuple[str, str], tuple[int, int, int, int]]:
    """(entry code, criterion code) -> (sum, count, min, max) as stored."""
    with db.read() as s:
        rows = s.execute(text(
            "SELECT e.code, c.code, t.total_milli, t.score_count, t.min_milli, t.max_milli"
            " FROM entry_criterion_totals t JOIN entries e ON e.id = t.entry_id"
            " JOIN criteria c ON c.id = t.criterion_id"
        )).all()
    return {(e, c): (int(t), n, lo, hi) for e, c, t, n, lo, hi in rows}


def _sheets(db) -> dict[str, int]:
    with db.read() as s:
        rows = s.execute(text(
            "SELECT e.code, t.sheets FROM entry_round_totals t JOIN entries e ON e.id = t.entry_id"
        )).all()
    return dict(rows)


def _score(s, entry, judge, a, b, submit=True):
    sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
    if submit:
        sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


def test_submitting_and_reopening_move_the_totals(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _score(s, "E1", "J1", 4, "3.5")
    _score(s, "E1", "J2", 2, 5)
    _score(s, "E1", "J3", 1, 1, submit=False)  # a draft counts for nothing
    assert _totals(db)[("E1", "A")] == (6000, 2, 2000, 4000)
    assert _totals(db)[("E1", "B")] == (8500, 2, 3500, 5000)
    assert _sheets(db) == {"E1": 2}
    sheets.reopen_sheet(s.ws, s.code, "prop", "J2", "E1", "salah ketik")
    assert _totals(db)[("E1", "A")] == (4000, 1, 4000, 4000)
    assert _sheets(db) == {"E1": 1}
    sheets.reopen_sheet(s.ws, s.code, "prop", "J1", "E1", "salah ketik")
    assert _totals(db) == {} and _sheets(db) == {}


def test_reopening_the_rubric_empties_the_round(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _score(s, "E1", "J1", 4, 4)
    _score(s, "E2", "J1", 3, 3)
    assert set(_sheets(db)) == {"E1", "E2"}
    competitions.reopen_rubric(s.ws, s.code, "prop", "bobot salah")
    assert _totals(db) == {} and _sheets(db) == {}


def test_a_damaged_row_is_reported_and_a_rebuild_mends_it(db, capsys):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _score(s, "E1", "J1", 4, 4)
    with db.write() as w:
        w.execute(text("UPDATE entry_criterion_totals SET total_milli = total_milli + 1"))
    with db.read() as r:
        wrong = entry_totals.differences(r)
    assert len(wrong) == 4  # two criteria: a stale row and a missing one each
    with db.write() as w:
        entry_totals.rebuild(w)
    with db.read() as r:
        assert entry_totals.differences(r) == []


def test_cli_verify_totals(tmp_path, capsys):
    path = tmp_path / "d.sqlite"
    assert main(["--db", str(path), "--as", "Tester", "demo", "--entries", "12", "--judges", "4", "--scored"]) == 0
    assert main(["--db", str(path), "db", "verify-totals"]) == 0
    assert "in step" in capsys.readouterr().out
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("DELETE FROM entry_round_totals WHERE entry_id ="
                " (SELECT MIN(entry_id) FROM entry_round_totals)")
    con.commit()
    con.close()
    assert main(["--db", str(path), "db", "verify-totals"]) == 1
    out = capsys.readouterr()
    assert "the entry's totals are missing or wrong" in out.err
    assert "demo-2026 / round proposal / entry INV-" in out.err  # named by codes


def test_migrating_from_0001_fills_the_totals(tmp_path):
    """A database scored under schema 0001 (no totals tables) gets them filled on opening."""
    from alembic import command
    from alembic.config import Config

    from judging_app.store import database

    path = tmp_path / "old.sqlite"
    db = database.open_database(path)
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _score(s, "E1", "J1", 4, 4)
    _score(s, "E2", "J2", 3, "2.5")
    expected = _totals(db)
    config = Config()
    config.set_main_option("script_location", str(database.Path(database.__file__).parent / "migrations"))
    with db.engine.connect() as conn:
        # as the app's own migration runner does: batch migrations recreate tables, and
        # with foreign keys on that would cascade-delete the sheets
        conn.connection.driver_connection.execute("PRAGMA foreign_keys = OFF")
        with conn.begin():
            config.attributes["connection"] = conn
            command.downgrade(config, "0001")
    db.close()
    db = database.open_database(path)
    try:
        assert db.backup_path is not None  # it was migrated
        assert _totals(db) == expected and len(expected) == 4
        with db.read() as r:
            assert entry_totals.differences(r) == []
    finally:
        db.close()


def test_two_users_submitting_for_one_entry_at_once_both_count(db):
    """On a server two secretariat users may submit sheets of the same entry at the same
    moment: both sheets count, neither submission fails (SQLite serializes writers)."""
    import threading
    import time

    from sqlalchemy import select

    from judging_app.store.models import ScoreSheet

    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for judge in ("J1", "J2"):
        sheets.save_sheet(s.ws, s.code, "prop", judge, "E1", SheetInput({"A": D(4), "B": D(4)}))
    outcome = {}

    def second_user():
        try:
            sheets.submit_sheet(s.ws, s.code, "prop", "J2", "E1")
            outcome["J2"] = "ok"
        except Exception as exc:  # noqa: BLE001 - the test reports what went wrong
            outcome["J2"] = f"{type(exc).__name__}: {exc}"

    with db.write() as w:  # the first user's submission, still open
        key = sheets.resolve_key(w, s.code, "prop", "J1", "E1")
        row = w.scalar(select(ScoreSheet).where(ScoreSheet.judge_id == key.judge.id,
                                                ScoreSheet.entry_id == key.entry.id))
        sheets.submit_in_session(w, "Pengguna 1", key, row)
        thread = threading.Thread(target=second_user)
        thread.start()
        time.sleep(0.5 if db.is_sqlite else 1.0)
    thread.join(timeout=30)
    assert outcome == {"J2": "ok"}
    assert _sheets(db) == {"E1": 2}


def test_a_refresh_of_some_rounds_leaves_the_others_and_agrees_with_the_sql(db):
    """`refresh(ids, rounds)` (store/entry_totals_bulk: Python over one read) writes exactly
    what the whole-table SQL computes, medians of odd and even counts included, and leaves
    other rounds' rows alone."""
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _score(s, "E1", "J1", 4, "3.5")
    _score(s, "E1", "J2", 1, 5)
    _score(s, "E1", "J3", 2, 5)  # three scores: the middle one
    _score(s, "E2", "J1", 3, 2)
    _score(s, "E2", "J2", 5, 2)  # two: the middle two added
    with db.read() as r:
        stored = {t: r.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2, 3")).all()
                  for t in ("entry_round_totals", "entry_criterion_totals", "sheet_totals")}
        prop = r.execute(text("SELECT id FROM rounds WHERE code = 'prop'")).scalar()
        entries = r.execute(text("SELECT id FROM entries")).scalars().all()
    medians = {(e, c): m for e, c, m in (
        (row[2], row[1], row[7]) for row in stored["entry_criterion_totals"])}
    assert sorted(medians.values()) == sorted([2 * 2000, 2 * 5000, 3000 + 5000, 2 * 2000])
    with db.write() as w:  # a fake row in another round: a refresh of 'prop' keeps it
        other = w.execute(text("SELECT id FROM rounds WHERE id != :p"), {"p": prop}).scalar()
        if other is not None:
            w.execute(text("INSERT INTO sheet_totals VALUES (:r, :e, 1, 7)"),
                      {"r": other, "e": entries[0]})
        w.execute(text("DELETE FROM entry_criterion_totals"))  # damaged in 'prop'
        entry_totals.refresh(w, entries, [prop])
    with db.read() as r:
        again = {t: r.execute(text(f"SELECT * FROM {t} ORDER BY 1, 2, 3")).all()
                 for t in stored}
        kept = r.execute(text("SELECT count(*) FROM sheet_totals WHERE numerator = 7")).scalar()
    if other is not None:
        assert kept == 1
        again["sheet_totals"] = [row for row in again["sheet_totals"] if row[3] != 7]
        with db.write() as w:
            w.execute(text("DELETE FROM sheet_totals WHERE numerator = 7"))
    assert again == stored
    with db.read() as r:
        assert entry_totals.differences(r) == []

"""The trail vouches for each competition's setup, its entries' eligibility and its
assignments (services/audit_digests.py): changed with a database shell before finalize,
each is found by `db verify-audit`, naming the competition and what differs; a normal run
of the app (setup, screening, assigning, scoring, finalize, reopen) still verifies."""

from __future__ import annotations

import json
from dataclasses import replace
from decimal import Decimal as D

import pytest
from security_support import SCORES, register_panel, score_all
from server_support import new_server_db  # noqa: F401 (a fixture)
from sqlalchemy import text
from test_security_server import locked  # noqa: F401 (a fixture)

from judging_app.core.enums import EntryStatus
from judging_app.core.messages import Message
from judging_app.services import (
    assignments,
    audit,
    competitions,
    entries,
    reopening,
    results,
)
from judging_app.services.entries import EntryInput

from factories import seeded_competition


def shell(db, *statements: str) -> None:
    """What someone with the sqlite3 shell or psql does, behind the app's back."""
    with db.engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))


def _problems(db) -> list[Message]:
    check = audit.verify_chain(db)
    assert not check.ok, "the change behind the app's back verified as intact"
    return check.problems


SETUP_ATTACKS = {
    "a weight moved": (["UPDATE criteria SET weight_milli = 90000 WHERE code = 'A'",
                        "UPDATE criteria SET weight_milli = 10000 WHERE code = 'B'"],
                       "criteria"),
    "a scale widened": (["UPDATE criteria SET scale_max_milli = 10000 WHERE code = 'B'"],
                        "criteria"),
    "an award tier widened": (["UPDATE award_tiers SET rank_to = 3 WHERE code = 'j2'"], "tiers"),
    "the aggregation changed": (["UPDATE competitions SET aggregation = 'median'"], "rules"),
    "an advancement rule set": (["UPDATE rounds SET advancement = 'top_n', advancement_top_n = 1"
                                 " WHERE code = 'adm'"], "rounds"),
    "a category renamed": (["UPDATE categories SET name = 'Lain' WHERE code = 'pd'"],
                           "categories"),
}


@pytest.mark.tampers
@pytest.mark.parametrize("attack", sorted(SETUP_ATTACKS))
def test_a_setup_changed_behind_the_apps_back_is_named(db, attack):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    assert audit.verify_chain(db).ok
    statements, piece = SETUP_ATTACKS[attack]
    shell(db, *statements)
    assert _problems(db) == [Message("audit.setup_differs", competition=s.code,
                                     parts=[Message(f"audit.piece.{piece}")])]


@pytest.mark.tampers
@pytest.mark.parametrize("attack", ["disqualified", "category changed", "advanced"])
def test_an_entrys_eligibility_changed_behind_the_apps_back_is_named(db, attack):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    sql, piece = {
        "disqualified": ("UPDATE entries SET status = 'disqualified', status_reason = 'x'"
                         " WHERE code = 'E2'", "entries"),
        "category changed": ("UPDATE entries SET category_id = (SELECT id FROM categories"
                             " WHERE code = 'umum') WHERE code = 'E2'", "entries"),
        "advanced": ("INSERT INTO advancements (round_id, entry_id, source) SELECT r.id, e.id,"
                     " 'manual' FROM rounds r, entries e WHERE r.code = 'adm'"
                     " AND e.code = 'E2'", "advancements"),
    }[attack]
    shell(db, sql)
    assert _problems(db) == [Message("audit.eligibility_differs", competition=s.code,
                                     parts=[Message(f"audit.piece.{piece}")])]


@pytest.mark.tampers
def test_an_assignment_moved_behind_the_apps_back_names_both_judges(db):
    s = seeded_competition(db, n_judges=4)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    pairs = assignments.list_assignments(db, s.code, "prop")  # (judge, entry)
    judge, entry = pairs[0]
    other = next(j for j in ("J1", "J2", "J3", "J4") if (j, entry) not in pairs)
    shell(db, f"UPDATE assignments SET judge_id = (SELECT id FROM judges WHERE code = '{other}')"
              f" WHERE judge_id = (SELECT id FROM judges WHERE code = '{judge}')"
              f" AND entry_id = (SELECT id FROM entries WHERE code = '{entry}')")
    assert _problems(db) == [Message("audit.assignments_differ", competition=s.code,
                                     judges=sorted([judge, other]))]


@pytest.mark.tampers
def test_a_deleted_assignment_and_a_deleted_judge_are_named(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    shell(db, "DELETE FROM assignments WHERE judge_id = (SELECT id FROM judges"
              " WHERE code = 'J1') AND entry_id = (SELECT id FROM entries WHERE code = 'E1')")
    assert _problems(db) == [Message("audit.assignments_differ", competition=s.code,
                                     judges=["J1"])]
    with db.read() as sess:
        j2 = sess.execute(text("SELECT id FROM judges WHERE code = 'J2'")).scalar_one()
    shell(db, "DELETE FROM judges WHERE code = 'J2'")  # its assignments go with it
    assert _problems(db) == [Message("audit.assignments_differ", competition=s.code,
                                     judges=sorted(["J1", f"#{j2}"]))]


def test_a_normal_run_of_the_app_verifies_and_records_what_it_vouches_for(db):
    """Setup changed, screening, assigning by hand, scoring, finalize, reopen: intact, and
    each kind of write recorded the digest of what it changed."""
    panel = register_panel(db)
    sekre = panel.ws("sekre")
    setup = competitions.get_setup(db, panel.code)
    rounds = tuple(replace(r, criteria=tuple(replace(c, weight=D(50)) for c in r.criteria))
                   if r.code == "prop" else r for r in setup.rounds)
    competitions.update_setup(sekre, panel.code, replace(setup, rounds=rounds))
    entries.add_entry(sekre, panel.code, EntryInput(code="E5", title="Inovasi 5", unit="U1",
                                                    category="umum"))
    entries.set_entry_status(sekre, panel.code, ["E5"], EntryStatus.DISQUALIFIED, "berkas kurang")
    e3 = entries.get_entry(db, panel.code, "E3")
    entries.edit_entry(sekre, panel.code, "E3", EntryInput(
        code="E3", title=e3.title, unit=e3.unit_code, category="pd"))
    assignments.unassign(sekre, panel.code, "prop", "J3", ["E1"])
    assignments.assign(sekre, panel.code, "prop", "J3", ["E1"])
    score_all(panel, SCORES)
    results.finalize(sekre, panel.code)
    reopening.approve_reopening(panel.ws("ketua"), panel.code, "salah ketik pada bobot")
    reopening.reopen_finalized(panel.ws("sekre2"), panel.code, "salah ketik pada bobot")
    check = audit.verify_chain(db)
    assert check.ok, [str(p) for p in check.problems]
    with db.read() as s:
        recorded = {action: json.loads(state) for action, state in s.execute(text(
            "SELECT action, state FROM audit_events ORDER BY id")).all()}
    assert {"setup", "eligibility", "assignments"} <= set(recorded["competition.update_setup"])
    assert "eligibility" in recorded["entry.set_status"] and "eligibility" in recorded["entry.edit"]
    assert "assignments" in recorded["assignment.add"]
    assert "assignments" in recorded["assignment.remove"]
    assert "setup" not in recorded["sheet.submit"]  # a sheet's write hashes no setup


def _as_an_older_version_wrote_it(db) -> None:
    """Every event's state without the digests, re-chained with this computer's audit key:
    the trail as the app wrote it before it recorded setup, eligibility and assignments."""
    from judging_app.services import keys
    from judging_app.services.audit_digests import PARTS
    from judging_app.services.audit_verify import _events

    with db.write() as s:
        sec = audit.security_row(s)
        key = keys.load_audit_key(sec.database_id, sec.audit_key_check)
        prev = audit.GENESIS
        for ev in list(_events(s)):
            state = json.loads(ev["state"]) if ev["state"] else None
            if state:
                state = {k: v for k, v in state.items() if k not in PARTS} or None
            ev["state"] = audit.canonical_json(state)
            ev["hash"] = audit.keyed_hash(key.secret, prev, ev)
            s.execute(text("UPDATE audit_events SET state = :st, prev_hash = :p, hash = :h"
                           " WHERE id = :i"),
                      {"st": ev["state"], "p": prev, "h": ev["hash"], "i": ev["id"]})
            prev = ev["hash"]
        s.execute(text("UPDATE audit_head SET last_hash = :h"), {"h": prev})
        count = s.execute(text("SELECT count(*) FROM audit_events")).scalar_one()
    keys._head_path(sec.database_id).unlink()  # this computer saw the trail as it is now
    keys.remember_event(sec.database_id, count, prev)


@pytest.mark.tampers
def test_a_trail_older_than_the_digests_is_checked_from_the_first_event_that_has_one(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    _as_an_older_version_wrote_it(db)
    assert audit.verify_chain(db).ok
    shell(db, "UPDATE criteria SET weight_milli = 50000")  # nothing recorded to compare with
    assert audit.verify_chain(db).ok
    setup = competitions.get_setup(db, s.code)  # an event that records the whole setup
    competitions.update_setup(s.ws, s.code, setup)
    assert audit.verify_chain(db).ok
    shell(db, "UPDATE criteria SET weight_milli = 40000 WHERE code = 'A'",
          "UPDATE entries SET status = 'withdrawn', status_reason = 'x' WHERE code = 'E1'")
    assert [p.code for p in _problems(db)] == ["audit.setup_differs", "audit.eligibility_differs"]


@pytest.mark.postgres
@pytest.mark.tampers
def test_on_a_server_a_judges_own_conflict_verifies_and_an_administrators_move_does_not(
        locked):  # noqa: F811
    """A judge's login sees its own judge row only: declaring a conflict records that
    judge's assignments; the secretariat's check still finds every judge's as recorded.
    An assignment then moved by the server's administrator with psql is named."""
    from judging_app.core.enums import ConflictReason
    from judging_app.services import conflicts
    from judging_app.store.database import open_database

    j2 = locked.open_as("juri2")
    try:
        conflicts.declare_conflict(locked.ws(j2), locked.code, "J2", "E3",
                                   ConflictReason.PROFESSIONAL)
    finally:
        j2.close()
    sekre = locked.open_as("sekre")
    try:
        check = audit.verify_chain(sekre)
        assert check.ok, [str(p) for p in check.problems]
        admin = open_database(locked.url, server_admin=True)
        try:
            shell(admin, "UPDATE assignments SET judge_id = (SELECT id FROM judges WHERE"
                         " code = 'J2') WHERE entry_id = (SELECT id FROM entries WHERE"
                         " code = 'E2')")
        finally:
            admin.close()
        assert _problems(sekre) == [Message("audit.assignments_differ", competition=locked.code,
                                            judges=["J1", "J2"])]
    finally:
        sekre.close()


def test_small_blocks_of_entries_screened_and_moved_verify_and_a_change_is_found(db,
                                                                                monkeypatch):
    """Eligibility is digested per category and block of entry ids, a write reading again
    only the blocks whose fingerprint moved: with blocks of 2 entries, screening, a move
    to another category and new entries all verify; a change behind the app's back in a
    block no write touched since is still found."""
    from judging_app.services import audit_digests

    monkeypatch.setattr(audit_digests, "BLOCK", 2)
    s = seeded_competition(db, n_entries=7)
    entries.set_entry_status(s.ws, s.code, ["E2", "E5"], EntryStatus.WITHDRAWN, "mundur")
    e6 = entries.get_entry(db, s.code, "E6")
    entries.edit_entry(s.ws, s.code, "E6", EntryInput(code="E6", title=e6.title,
                                                      unit=e6.unit_code, category="umum"))
    entries.add_entry(s.ws, s.code, EntryInput(code="E8", title="Inovasi 8", unit="U2",
                                               category="pd"))
    assert audit.verify_chain(db).ok
    shell(db, "UPDATE entries SET status = 'registered' WHERE code = 'E7'")
    assert [p.code for p in _problems(db)] == ["audit.eligibility_differs"]
    shell(db, "UPDATE entries SET status = 'eligible' WHERE code = 'E7'")
    assert audit.verify_chain(db).ok


@pytest.mark.tampers
def test_the_cache_of_digests_never_vouches_for_what_verification_has_not_read(db):
    """The per-process cache (fingerprint -> digest) only spares a write reading rows; a
    wrong digest in it is recorded by the next write and reported by verification, which
    reads every row."""
    from judging_app.services import audit_digests

    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    cache = audit_digests._cache[db.engine.pool]
    with db.read() as sess:
        j1 = str(sess.execute(text("SELECT id FROM judges WHERE code = 'J1'")).scalar_one())
    key = next(k for k in cache if k[0] == audit_digests.ASSIGNMENTS and k[2] == j1)
    cache[key] = (cache[key][0], "0" * 64)  # as if J1's rows had changed keeping its fingerprint
    free = next(e for e in ("E1", "E2", "E3", "E4")
                if ("J2", e) not in assignments.list_assignments(db, s.code, "prop"))
    assignments.assign(s.ws, s.code, "prop", "J2", [free])
    assert _problems(db) == [Message("audit.assignments_differ", competition=s.code,
                                     judges=["J1"])]

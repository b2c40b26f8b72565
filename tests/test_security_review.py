"""Attacks found by the review of issue 10 (branch review-10): each test is one hole,
made as an attacker would (plain SQL on the file, psycopg as a person's login, the CLI)."""

from __future__ import annotations

import json

import pytest
from server_support import new_server_db  # noqa: F401 (a fixture)
from sqlalchemy import text
from test_security_server import locked  # noqa: F401 (a fixture)

from judging_app.services import audit, results
from judging_app.store.database import open_database

psycopg = pytest.importorskip("psycopg")


@pytest.mark.postgres
def test_a_judges_login_cannot_submit_scores_off_the_scale(locked):  # noqa: F811
    """juri1 (J1, assigned E1 and E2) scores E2 with plain SQL: 1,000 on a 1-5 criterion,
    submits it, writes the matching trail event and refreshes the totals. The database
    must refuse a score off the criterion's scale (the app checks it, the login does not
    go through the app)."""
    with locked.psycopg("juri1") as conn:
        rid, cid = conn.execute("SELECT r.id, r.competition_id FROM rounds r"
                                " WHERE r.code = 'prop'").fetchone()
        jid = conn.execute("SELECT id FROM judges WHERE code = 'J1'").fetchone()[0]
        eid = conn.execute("SELECT id FROM entries WHERE code = 'E2'").fetchone()[0]
        crit = conn.execute("SELECT id FROM criteria WHERE round_id = %s ORDER BY id",
                            (rid,)).fetchall()
        sid = conn.execute(
            "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
            " overall_comment, reopened_reason, updated_at) VALUES (%s, %s, %s, 'draft', 1,"
            " 'direct', '', '', now()) RETURNING id", (rid, jid, eid)).fetchone()[0]
        refused = False
        try:
            for (c,) in crit:
                conn.execute("INSERT INTO scores (sheet_id, criterion_id, value_milli, comment)"
                             " VALUES (%s, %s, 1000000, '')", (sid, c))
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.CheckViolation,
                psycopg.errors.RaiseException):
            refused = True
        if not refused:
            conn.execute("UPDATE score_sheets SET state = 'submitted', submitted_at = now()"
                         " WHERE id = %s", (sid,))
            scores = ",".join(f"{c}=1000000" for (c,) in crit)
            state = {"status": {str(cid): "judging"},
                     "sheets": {str(sid): f"{rid}/{jid}/{eid}|submitted|{scores}"}}
            conn.execute("SELECT judging.audit_append(%s, 'sheet.submit', 'sheet', 'x',"
                         " 'null', 'null', %s)", (cid, json.dumps(state)))
            conn.execute("SELECT judging.refresh_entry_totals(ARRAY[%s])", (eid,))
    sekre = locked.open_as("sekre")
    try:
        view = results.compute(sekre, locked.code)
        e2 = next(r for r in view.results.rows if view.entries[r.entry_id].code == "E2")
        check = audit.verify_chain(sekre)
        assert refused, (f"a judge's login submitted 1000 on a 1-5 scale; E2 now scores"
                         f" {e2.score} and verify-audit says ok={check.ok}")
    finally:
        sekre.close()


@pytest.mark.postgres
def test_a_judges_login_cannot_open_a_sheet_in_a_round_it_is_not_assigned_to(locked):  # noqa: F811
    """juri1 is assigned E2 in round 'prop' only; a sheet for E2 in round 'adm' (another
    round of the same competition) must be refused as the app refuses it."""
    with locked.psycopg("juri1") as conn:
        rid = conn.execute("SELECT id FROM rounds WHERE code = 'adm'").fetchone()[0]
        jid = conn.execute("SELECT id FROM judges WHERE code = 'J1'").fetchone()[0]
        eid = conn.execute("SELECT id FROM entries WHERE code = 'E2'").fetchone()[0]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute(
                "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version,"
                " source, overall_comment, reopened_reason, updated_at) VALUES (%s, %s, %s,"
                " 'draft', 1, 'direct', '', '', now())", (rid, jid, eid))


def _shell(db, *statements: str) -> None:
    with db.engine.begin() as conn:
        for sql in statements:
            conn.execute(text(sql))


@pytest.mark.tampers
def test_finalized_winners_cannot_be_renamed_behind_the_apps_back(sqlite_db):
    """After finalize, someone with the file swaps the winner's title and unit with another
    entry's (no score, rank or award moves). The winners list and the minutes print what
    the snapshot fixed, or refuse: never another unit's name next to the winning rank."""
    from security_support import finalized_panel

    from judging_app.services.documents import minutes_data
    from judging_app.services.snapshots import SnapshotMismatch
    from judging_app.services.verification import verify_competition

    db = sqlite_db
    panel, digest = finalized_panel(db)
    with db.read() as s:
        frozen = json.loads(s.execute(text("SELECT payload FROM result_snapshots")).scalar_one())
    rows = {r["code"]: r for g in frozen["categories"] for r in g["rows"]}
    first = next(r for r in rows.values() if r["rank"] == 1)
    other = next(r for r in rows.values() if r["code"] != first["code"])
    _shell(db,
           f"UPDATE entries SET unit_id = (SELECT unit_id FROM entries WHERE code ="
           f" '{other['code']}'), title = '{other['title']}' WHERE code = '{first['code']}'")
    try:
        data = minutes_data(db, panel.code)
    except SnapshotMismatch:
        return  # refused: fine
    printed = next(line for c in data.categories for line in c.lines
                   if line.code == first["code"])
    assert (printed.title, printed.unit) == (first["title"], first["unit"]), (
        f"the winners list prints {first['code']} (rank 1) as {printed.title!r} of"
        f" {printed.unit!r}; the signed snapshot says {first['title']!r} of"
        f" {first['unit']!r}; verify --digest ok="
        f"{verify_competition(db, panel.code, digest).ok},"
        f" verify-audit ok={audit.verify_chain(db).ok}")


def test_one_secretariat_alone_cannot_reopen_finalized_results(sqlite_db):
    """The reopening needs the chair's sign-off, then another person. One secretariat
    makes a chair of their own (a person whose password they chose), signs off as that
    person and reopens: the two-person rule must not fall to one secretariat. (The same
    route gives them tie decisions and the second typist of a paper sheet.)"""
    from security_support import PASSWORD, Panel, finalized_panel

    from judging_app.core.people import Role
    from judging_app.services import people, reopening
    from judging_app.services.errors import PermissionDenied, ServiceError
    from judging_app.services.people import PersonInput

    panel, _ = finalized_panel(sqlite_db)
    sekre = panel.ws("sekre")
    with pytest.raises((PermissionDenied, ServiceError)):
        people.add_person(sekre, PersonInput("ketua_bayangan", "Ketua Bayangan", "",
                                             (Role.CHAIR,), ()), PASSWORD)
        reopening.approve_reopening(Panel.ws(panel, "ketua_bayangan"), panel.code, "salah")
        reopening.reopen_finalized(sekre, panel.code, "salah")


@pytest.mark.tampers
def test_a_protected_file_switched_back_to_open_does_not_verify(sqlite_db):
    """At the desk (the key store is this account's), someone sets app_security.mode back
    to 'open' with the sqlite3 shell: from then on a typed name does anything (here: juri1
    scores and submits J2's sheet as 'Juri 2'). The app writes a well-keyed trail for it,
    but a trail that says the database was protected, followed by unverified events, or
    a live mode 'open' after `database.protect`, must not verify."""
    from decimal import Decimal as D

    from security_support import register_panel

    from judging_app.services import sheets
    from judging_app.services.sheets import SheetInput
    from judging_app.services.workspace import Workspace

    db = sqlite_db
    panel = register_panel(db)
    _shell(db, "UPDATE app_security SET mode = 'open'")
    typed = Workspace(db, "Juri 2")
    sheets.save_sheet(typed, panel.code, "prop", "J2", "E1", SheetInput({"A": D(5), "B": D(5)}))
    sheets.submit_sheet(typed, panel.code, "prop", "J2", "E1")
    check = audit.verify_chain(db)
    assert not check.ok, "verify-audit: intact, though the protection was switched off"


@pytest.mark.tampers
def test_a_rival_disqualified_and_a_weight_moved_before_finalize_do_not_verify(sqlite_db):
    """Before finalize, someone with the file (no key store needed) disqualifies the
    leading entry and moves a criterion's weight with the sqlite3 shell. The ranking the
    panel will finalize changes; the trail must not vouch for that data as it is."""
    from security_support import register_panel, score_all

    db = sqlite_db
    panel = register_panel(db)
    score_all(panel)
    before = results.compute(db, panel.code)
    lead = before.entries[next(r for r in before.results.rows if r.rank == 1).entry_id].code
    _shell(db, "UPDATE entries SET status = 'disqualified', status_reason = 'x'"
               f" WHERE code = '{lead}'",
           "UPDATE criteria SET weight_milli = 90000 WHERE code = 'A'",
           "UPDATE criteria SET weight_milli = 10000 WHERE code = 'B'")
    check = audit.verify_chain(db)
    assert not check.ok, (f"{lead} disqualified and the weights moved to 90/10 behind the"
                          " app's back: verify-audit says intact")


def _finalize_on_server(locked) -> None:  # noqa: F811
    """The rest of the locked fixture's sheets submitted, each judge as their login, and
    the results finalized by the secretariat's login."""
    from decimal import Decimal as D

    from judging_app.services import assignments, sheets
    from judging_app.services.sheets import SheetInput

    sdb = locked.open_as("sekre")
    try:
        assignments.assign(locked.ws(sdb), locked.code, "prop", "J1", ["E4"])
    finally:
        sdb.close()
    for judge, login, entry, a in (("J1", "juri1", "E2", 3), ("J2", "juri2", "E3", 2),
                                   ("J1", "juri1", "E4", 1)):
        jdb = locked.open_as(login)
        try:
            ws = locked.ws(jdb)
            sheets.save_sheet(ws, locked.code, "prop", judge, entry,
                              SheetInput({"A": D(a), "B": D(a)}))
            sheets.submit_sheet(ws, locked.code, "prop", judge, entry)
        finally:
            jdb.close()
    sdb = locked.open_as("sekre")
    try:
        results.finalize(locked.ws(sdb), locked.code)
    finally:
        sdb.close()


@pytest.mark.postgres
def test_the_secretariats_login_cannot_reopen_finalized_results_without_the_chair(locked):  # noqa: F811
    """On a server, the secretariat's own login (psql) puts finalized results back into
    judging with no sign-off of the chair, and appends a trail event that says so. The
    database must refuse it (reopening is the chair's sign-off, then the secretariat), or
    verify-audit must find it."""
    _finalize_on_server(locked)
    refused = False
    with locked.psycopg("sekre") as conn:
        cid = conn.execute("SELECT id FROM competitions").fetchone()[0]
        try:
            with conn.transaction():
                conn.execute("UPDATE result_snapshots SET superseded_at = now()")
                conn.execute("UPDATE competitions SET status = 'judging', finalized_at = NULL")
                state = {"status": {str(cid): "judging"}, "snapshots": {str(cid): None}}
                conn.execute("SELECT judging.audit_append(%s, 'results.reopen', 'competition',"
                             " 'x', 'null', 'null', %s)", (cid, json.dumps(state)))
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException):
            refused = True
    sdb = locked.open_as("sekre")
    try:
        check = audit.verify_chain(sdb)
        with sdb.read() as s:
            status = s.execute(text("SELECT status FROM competitions")).scalar()
            chair = s.execute(text("SELECT count(*) FROM decisions WHERE kind ="
                                   " 'reopen_approval'")).scalar()
    finally:
        sdb.close()
    assert refused or not check.ok, (
        f"status {status} with {chair} sign-offs of the chair; verify-audit ok={check.ok}")


@pytest.mark.postgres
def test_on_a_server_the_chairs_sign_off_still_reopens(locked):  # noqa: F811
    """The legitimate path through the app: the chair signs off, the secretariat reopens."""
    from judging_app.services import reopening

    _finalize_on_server(locked)
    for login, step in (("ketua", reopening.approve_reopening),
                        ("sekre", reopening.reopen_finalized)):
        db = locked.open_as(login)
        try:
            step(locked.ws(db), locked.code, "nilai salah ketik")
        finally:
            db.close()
    db = locked.open_as("sekre")
    try:
        with db.read() as s:
            assert s.execute(text("SELECT status FROM competitions")).scalar() == "judging"
        assert audit.verify_chain(db).ok
    finally:
        db.close()


@pytest.mark.postgres
def test_the_secretariats_login_cannot_change_a_finalized_sheet(locked):  # noqa: F811
    """After finalize, the secretariat's login changes a submitted score with plain SQL,
    refreshes the totals and appends a trail event saying the sheet is so: the database
    must refuse (finalized scores change only after a reopening), or verify-audit find it."""
    _finalize_on_server(locked)
    refused = False
    with locked.psycopg("sekre") as conn:
        cid = conn.execute("SELECT id FROM competitions").fetchone()[0]
        sid, rid, jid, eid = conn.execute(
            "SELECT sh.id, sh.round_id, sh.judge_id, sh.entry_id FROM score_sheets sh"
            " JOIN entries e ON e.id = sh.entry_id WHERE e.code = 'E4'").fetchone()
        try:
            with conn.transaction():
                conn.execute("UPDATE scores SET value_milli = 5000 WHERE sheet_id = %s", (sid,))
                crit = conn.execute("SELECT criterion_id FROM scores WHERE sheet_id = %s"
                                    " ORDER BY criterion_id", (sid,)).fetchall()
                scores = ",".join(f"{c}=5000" for (c,) in crit)
                state = {"status": {str(cid): "finalized"},
                         "sheets": {str(sid): f"{rid}/{jid}/{eid}|submitted|{scores}"}}
                conn.execute("SELECT judging.audit_append(%s, 'sheet.submit', 'sheet', 'x',"
                             " 'null', 'null', %s)", (cid, json.dumps(state)))
                conn.execute("SELECT judging.refresh_entry_totals(NULL)")
        except (psycopg.errors.InsufficientPrivilege, psycopg.errors.RaiseException):
            refused = True
    sdb = locked.open_as("sekre")
    try:
        check = audit.verify_chain(sdb)
    finally:
        sdb.close()
    assert refused or not check.ok, "E4's finalized sheet rewritten; verify-audit ok"
    with locked.psycopg("sekre") as conn:  # nor its sheet row, nor a new sheet
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE score_sheets SET overall_comment = 'x' WHERE id = %s", (sid,))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("DELETE FROM score_sheets WHERE id = %s", (sid,))


@pytest.mark.postgres
def test_server_init_leaves_no_password_hashes_for_staff_logins_to_read(new_server_db):  # noqa: F811
    """A database protected on PostgreSQL (people with scrypt hashes), then `server init`:
    signing in is the PostgreSQL login from then on, so the old hashes serve nobody; left
    in `people`, every staff login (secretariat, chair, observer) reads everyone's hash
    and may crack it offline (scrypt N = 2^14), a password people reuse."""
    from security_support import register_panel

    from judging_app.store import server_sql

    server = new_server_db
    db = open_database(server.url)
    register_panel(db)
    db.close()
    server_sql.init_server(server.url, ("sekre", "Sekretariat Satu", "rahasia-server-123"))
    with server.psycopg("sekre") as conn:
        hashes = conn.execute("SELECT login FROM people WHERE password_hash IS NOT NULL"
                              " ORDER BY login").fetchall()
    assert hashes == [], f"the secretariat's login reads the password hashes of {hashes}"


@pytest.mark.postgres
def test_a_judges_login_cannot_submit_a_sheet_with_a_criterion_left_out(locked):  # noqa: F811
    """juri1 scores E2 on B only and submits with plain SQL: the missing A counts as 0,
    below the scale's 1 that the app would have allowed (E2 ranked on 60 of 100 with no
    note of it). The database must refuse submitting an incomplete sheet."""
    with locked.psycopg("juri1") as conn:
        rid = conn.execute("SELECT id FROM rounds WHERE code = 'prop'").fetchone()[0]
        jid = conn.execute("SELECT id FROM judges WHERE code = 'J1'").fetchone()[0]
        eid = conn.execute("SELECT id FROM entries WHERE code = 'E2'").fetchone()[0]
        b = conn.execute("SELECT id FROM criteria WHERE round_id = %s AND code = 'B'",
                         (rid,)).fetchone()[0]
        sid = conn.execute(
            "INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
            " overall_comment, reopened_reason, updated_at) VALUES (%s, %s, %s, 'draft', 1,"
            " 'direct', '', '', now()) RETURNING id", (rid, jid, eid)).fetchone()[0]
        conn.execute("INSERT INTO scores (sheet_id, criterion_id, value_milli, comment)"
                     " VALUES (%s, %s, 5000, '')", (sid, b))
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE score_sheets SET state = 'submitted', submitted_at = now()"
                         " WHERE id = %s", (sid,))


def test_a_chair_who_is_also_secretariat_hands_the_chair_role_on(sqlite_db):
    """The other side of the rule above: the chair role still changes hands, by a
    signed-in chair (given the secretariat role to manage people), and the chair's own
    password stays the chair's."""
    from security_support import PASSWORD, register_panel

    from judging_app.core.people import Role
    from judging_app.services import people
    from judging_app.services.errors import PermissionDenied
    from judging_app.services.people import PersonInput

    panel = register_panel(sqlite_db)
    sekre = panel.ws("sekre")
    with pytest.raises(PermissionDenied):
        people.reset_password(sekre, "ketua", "kata-sandi-baru-1")
    with pytest.raises(PermissionDenied):
        people.set_roles(sekre, "sekre", (Role.SECRETARIAT, Role.CHAIR))
    people.set_roles(sekre, "ketua", (Role.CHAIR, Role.SECRETARIAT))  # not the chair role
    people.add_person(panel.ws("ketua"), PersonInput("ketua2", "Ketua Baru", "",
                                                     (Role.CHAIR,), ()), PASSWORD)
    people.set_roles(panel.ws("ketua"), "ketua", (Role.SECRETARIAT,))  # steps down
    assert {p.login: p.roles for p in people.list_people(sqlite_db)}["ketua"] == ("secretariat",)
    people.reset_password(panel.ws("ketua2"), "ketua2", "kata-sandi-baru-2")


@pytest.mark.postgres
def test_on_a_server_the_secretariats_login_cannot_make_a_chair(locked):  # noqa: F811
    """The same rule held by the database: the secretariat's login gives no chair role,
    neither through the login functions nor by writing person_roles, and sets no chair's
    password."""
    attempts = {
        "grant": "SELECT judging.app_set_roles('sekre', ARRAY['secretariat', 'chair'])",
        "row": "INSERT INTO person_roles SELECT id, 'chair' FROM people WHERE login = 'sekre'",
        "new": "SELECT judging.app_create_login('bayangan', NULL, ARRAY['chair'])",
        "password": "SELECT judging.app_set_password('ketua', 'SCRAM-SHA-256$x')",
        "take": "DELETE FROM person_roles WHERE role = 'chair'",
    }
    refused = []
    with locked.psycopg("sekre") as conn:
        for name, sql in attempts.items():
            try:
                with conn.transaction():
                    conn.execute(sql)
            except psycopg.errors.InsufficientPrivilege:
                refused.append(name)
    assert refused == list(attempts)

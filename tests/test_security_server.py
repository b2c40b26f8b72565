"""A locked-down server (`judging-app server init`): what the database itself enforces on
each person's login, proven with plain psycopg connections as that login, not through the
app; and the app working on it, each person signed in as their own login."""

from __future__ import annotations

from decimal import Decimal as D

import pytest
from server_support import PASSWORD, new_server_db  # noqa: F401 (a fixture)
from sqlalchemy import text

from judging_app.core.people import Role
from judging_app.services import assignments, audit, people, results, sheets
from judging_app.services.people import PersonInput
from judging_app.services.sheets import SheetInput
from judging_app.store import entry_totals, server_sql
from judging_app.store.database import open_database

from factories import seeded_competition

pytestmark = pytest.mark.postgres
psycopg = pytest.importorskip("psycopg")


@pytest.fixture
def locked(new_server_db):  # noqa: F811
    """A competition in judging, locked down; people added by the first secretariat on
    the server; J1 and J2 have scored E1 (submitted) through the app, each as themself."""
    server = new_server_db
    db = open_database(server.url)
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2"])
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E3"])
    db.close()
    server_sql.init_server(server.url, ("sekre", "Sekretariat Satu", PASSWORD))
    sekre_db = server.open_as("sekre")
    sekre = server.ws(sekre_db)
    for login, name, role, judges in (
        ("ketua", "Ketua Dewan Juri", Role.CHAIR, ()),
        ("juri1", "Juri 1", Role.JUDGE, ((s.code, "J1"),)),
        ("juri2", "Juri 2", Role.JUDGE, ((s.code, "J2"),)),
        ("pengamat", "Pengamat", Role.OBSERVER, ()),
    ):
        people.add_person(sekre, PersonInput(login, name, "", (role,), judges), PASSWORD)
    sekre_db.close()
    for judge, login, values in (("J1", "juri1", (4, "3.5")), ("J2", "juri2", (5, 4))):
        jdb = server.open_as(login)
        ws = server.ws(jdb)
        sheets.save_sheet(ws, s.code, "prop", judge, "E1", SheetInput({"A": D(values[0]),
                                                                      "B": D(values[1])}))
        sheets.submit_sheet(ws, s.code, "prop", judge, "E1")
        jdb.close()
    server.code = s.code
    return server


def _denied(conn, sql: str, params=()) -> None:
    with pytest.raises((psycopg.errors.InsufficientPrivilege,
                        psycopg.errors.RaiseException)):
        conn.execute(sql, params)


def test_a_judges_login_sees_only_that_judges_work(locked):
    with locked.psycopg("juri1") as conn:
        judges = conn.execute("SELECT DISTINCT j.code FROM score_sheets sh"
                              " JOIN judges j ON j.id = sh.judge_id").fetchall()
        assert judges == [("J1",)]
        assert conn.execute("SELECT count(*) FROM scores").fetchone() == (2,)
        assert conn.execute(
            "SELECT count(*) FROM scores s JOIN score_sheets sh ON sh.id = s.sheet_id"
            " JOIN judges j ON j.id = sh.judge_id WHERE j.code = 'J2'").fetchone() == (0,)
        assert conn.execute("SELECT code FROM judges").fetchall() == [("J1",)]
        assert sorted(conn.execute("SELECT code FROM entries").fetchall()) == [("E1",), ("E2",)]
        assert conn.execute("SELECT count(*) FROM result_snapshots").fetchone() == (0,)
        assert conn.execute("SELECT login FROM people").fetchall() == [("juri1",)]
        for table in ("entry_round_totals", "entry_criterion_totals", "sheet_totals",
                      "advancements", "decisions", "audit_events", "audit_head",
                      "audit_secret"):
            _denied(conn, f"SELECT * FROM {table}")


def _ids(locked) -> dict[str, int]:
    admin = open_database(locked.url, server_admin=True)
    try:
        with admin.read() as s:
            return {**dict(s.execute(text("SELECT 'round', id FROM rounds WHERE code = 'prop'")).all()),
                    **dict(s.execute(text("SELECT code, id FROM judges")).all()),
                    **dict(s.execute(text("SELECT code, id FROM entries")).all())}
    finally:
        admin.close()


def test_a_judges_login_cannot_write_anything_but_their_own_drafts(locked):
    ids = _ids(locked)
    insert = ("INSERT INTO score_sheets (round_id, judge_id, entry_id, state, version, source,"
              " overall_comment, reopened_reason, updated_at)"
              " VALUES (%s, %s, %s, %s, 1, 'direct', '', '', now())")
    with locked.psycopg("juri1") as conn:
        other = conn.execute("SELECT count(*) FROM score_sheets").fetchone()
        assert other == (1,)
        # another judge's sheet: invisible, so nothing is updated or deleted
        cur = conn.execute("UPDATE scores SET value_milli = 1000 WHERE sheet_id IN"
                           " (SELECT id FROM score_sheets)")
        assert cur.rowcount == 0  # J1's own sheet is submitted: locked too
        cur = conn.execute("UPDATE score_sheets SET state = 'draft'")
        assert cur.rowcount == 0
        for judge, entry, state in (("J1", "E3", "draft"),  # not assigned to J1
                                    ("J2", "E3", "draft"),  # another judge's sheet
                                    ("J1", "E2", "submitted")):  # submitted outright
            with pytest.raises(psycopg.errors.InsufficientPrivilege):  # row-level security
                conn.execute(insert, (ids["round"], ids[judge], ids[entry], state))
        conn.execute(insert, (ids["round"], ids["J1"], ids["E2"], "draft"))  # its own: fine
        for sql in ("UPDATE competitions SET status = 'finalized'",
                    "UPDATE criteria SET weight_milli = 50000",
                    "INSERT INTO units (competition_id, code, name, kind) VALUES (1, 'X', 'X', '')",
                    "INSERT INTO decisions (competition_id, kind, subject, outcome, reason,"
                    " decided_by, decided_at) VALUES (1, 'tie_break', '{}', '{}', 'x', 'x', now())",
                    "INSERT INTO result_snapshots (competition_id, created_at, created_by, method,"
                    " rules, payload, digest, receipt) VALUES (1, now(), 'x', 'mean', '{}', '{}',"
                    " 'x', '{}')",
                    "UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events",
                    "INSERT INTO audit_events (at, actor, action, entity, entity_key, old, new,"
                    " prev_hash, hash, verified, scheme, state) VALUES ('t', 'x', 'x', 'x', '',"
                    " 'null', 'null', 'x', 'x', true, 'server', 'null')",
                    "UPDATE judges SET name = 'x'",
                    "SELECT judging.app_create_login('x', NULL, ARRAY['secretariat'])"):
            _denied(conn, sql)


def test_the_database_names_the_actor_from_the_login(locked):
    with locked.psycopg("juri1") as conn:
        conn.execute("SELECT judging.audit_append(NULL, 'forged', 'x', 'x', 'null', 'null',"
                     " 'null')")
    admin = open_database(locked.url, server_admin=True)
    try:
        with admin.read() as s:
            actor, verified, scheme = s.execute(text(
                "SELECT actor, verified, scheme FROM audit_events ORDER BY id DESC LIMIT 1")).one()
            saves = s.execute(text("SELECT DISTINCT actor FROM audit_events"
                                   " WHERE action = 'sheet.submit'")).scalars().all()
        assert (actor, verified, scheme) == ("Juri 1", True, "server")
        assert sorted(saves) == ["Juri 1", "Juri 2"]
    finally:
        admin.close()


def test_no_role_may_change_or_delete_the_trail_not_even_the_administrator(locked):
    engine = open_database(locked.url, server_admin=True)
    try:
        for sql in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events",
                    "TRUNCATE audit_events", "DELETE FROM audit_secret"):
            with pytest.raises(Exception, match="append-only"), engine.engine.begin() as conn:
                conn.execute(text(sql))
        with engine.read() as s:
            assert entry_totals.differences(s) == []
    finally:
        engine.close()
    with locked.psycopg("sekre") as conn:
        for sql in ("UPDATE audit_events SET actor = 'x'", "DELETE FROM audit_events",
                    "SELECT * FROM audit_secret", "UPDATE audit_head SET count = 0",
                    "INSERT INTO decisions (competition_id, kind, subject, outcome, reason,"
                    " decided_by, decided_at) VALUES (1, 'tie_break', '{}', '{}', 'x', 'x', now())"):
            _denied(conn, sql)
    with locked.psycopg("ketua") as conn:
        _denied(conn, "UPDATE competitions SET status = 'finalized'")
        _denied(conn, "INSERT INTO result_snapshots (competition_id, created_at, created_by,"
                      " method, rules, payload, digest, receipt) VALUES (1, now(), 'x', 'mean',"
                      " '{}', '{}', 'x', '{}')")


def test_the_app_works_on_the_server_each_person_as_their_login(locked):
    from judging_app.services.errors import NotFoundError, PermissionDenied

    jdb = locked.open_as("juri1")
    try:
        ws = locked.ws(jdb)
        assert ws.principal.verified and ws.principal.roles == {Role.JUDGE}
        sheets.save_sheet(ws, locked.code, "prop", "J1", "E2", SheetInput({"A": D(2)}))
        with pytest.raises(NotFoundError):  # on the server, J2 does not exist for juri1
            sheets.save_sheet(ws, locked.code, "prop", "J2", "E3", SheetInput({"A": D(2)}))
        with pytest.raises(PermissionDenied):
            results.finalize(ws, locked.code)
    finally:
        jdb.close()
    from judging_app.core.enums import ConflictReason
    from judging_app.services import conflicts, judge_mode

    j2 = locked.open_as("juri2")  # a judge declares their own conflict through the app
    try:
        conflicts.declare_conflict(locked.ws(j2), locked.code, "J2", "E3",
                                   ConflictReason.PROFESSIONAL)
        assert [r.code for r in judge_mode.judge_entries(j2, locked.code, "prop", "J2")] == ["E1"]
    finally:
        j2.close()
    sdb = locked.open_as("sekre")
    try:
        view = results.compute(sdb, locked.code)
        e1 = next(r for r in view.results.rows if view.entries[r.entry_id].code == "E1")
        assert e1.sheet_count == 2  # the judges' submits kept the totals in step
        check = audit.verify_chain(sdb)
        assert check.ok, check.problems
    finally:
        sdb.close()
    admin = open_database(locked.url, server_admin=True)
    try:
        with admin.read() as s:
            assert entry_totals.differences(s) == []
            schemas = set(s.execute(text(
                "SELECT schemaname FROM pg_tables WHERE tablename = 'scores'")).scalars())
        assert schemas == {"judging"}
    finally:
        admin.close()


def test_init_refuses_while_judges_keys_are_still_in_the_database(new_server_db):  # noqa: F811
    from judging_app.services import signing
    from judging_app.store.database import DatabaseOpenError

    db = open_database(new_server_db.url)
    s = seeded_competition(db)
    with db.engine.begin() as conn:  # as a database made before schema 0005 holds them
        conn.execute(text("UPDATE judges SET package_secret = :k"), {"k": "ab" * 32})
    with pytest.raises(DatabaseOpenError) as exc:
        server_sql.init_server(new_server_db.url)
    assert exc.value.message.code == "server.keys_in_database"
    signing.prepare(s.ws, s.code)  # `judging-app keys take-out`, by the secretariat
    db.close()
    server_sql.init_server(new_server_db.url)


def test_a_judges_login_reads_the_documents_of_its_own_entries_only(new_server_db,  # noqa: F811
                                                                    tmp_path):
    from judging_app.core.attachments import DocumentKind
    from judging_app.services import attachments as att

    import sample_pdfs

    db = open_database(new_server_db.url)
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1"])
    mine = sample_pdfs.write(tmp_path / "E1.pdf", sample_pdfs.proposal_pdf(2, photo_every=0))
    other = sample_pdfs.write(tmp_path / "E3.pdf", sample_pdfs.proposal_pdf(3, photo_every=0))
    att.attach_documents(s.ws, s.code, [att.NewDocument("E1", mine, DocumentKind.PROPOSAL),
                                        att.NewDocument("E3", other, DocumentKind.PROPOSAL)])
    db.close()
    server_sql.init_server(new_server_db.url, ("sekre", "Sekretariat Satu", PASSWORD))
    sekre_db = new_server_db.open_as("sekre")
    people.add_person(new_server_db.ws(sekre_db), PersonInput(
        "juri1", "Juri 1", "", (Role.JUDGE,), ((s.code, "J1"),)), PASSWORD)
    sekre_db.close()
    jdb = new_server_db.open_as("juri1")
    try:
        (doc,) = att.list_documents(jdb, s.code)  # through the app: E1's alone
        assert doc.entry == "E1"
        assert b"".join(att.document_pieces(jdb, doc.sha256)) == mine.read_bytes()
    finally:
        jdb.close()
    with new_server_db.psycopg("juri1") as conn:
        assert conn.execute("SELECT count(*) FROM documents").fetchone() == (1,)
        assert conn.execute("SELECT count(DISTINCT sha256) FROM document_chunks").fetchone() == (1,)
        assert conn.execute("SELECT count(*) FROM entry_documents").fetchone() == (1,)

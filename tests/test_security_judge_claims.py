"""On a server a judge's login appends its own audit events (audit_append), and the state an
event records is what `db verify-audit` vouches for. juri1, with plain psycopg, appended an
event saying the competition was finalized: verify-audit then reported the competition as
tampered with ("judging but the audit trail says finalized"), and an event recording J2's
sheet with other scores would have made it vouch for them (hostile review 17h). The
database now refuses such claims from a login that is neither secretariat nor chair."""

from __future__ import annotations

import json

import pytest
from server_support import new_server_db  # noqa: F401 (a fixture)
from sqlalchemy import text
from test_security_server import locked  # noqa: F401 (a fixture)

from judging_app.services.audit_verify import verify_trail
from judging_app.store.database import open_database

psycopg = pytest.importorskip("psycopg")

APPEND = "SELECT audit_append(%s, 'sheet.save', 'sheet', 'x', NULL, NULL, %s)"


def _facts(server) -> dict:
    admin = open_database(server.url, server_admin=True)
    try:
        with admin.read() as s:
            cid = s.execute(text("SELECT id FROM competitions")).scalar_one()
            sheets = dict(s.execute(text(
                "SELECT j.code, sh.id FROM score_sheets sh JOIN judges j ON j.id = sh.judge_id"
            )).all())
            judges = dict(s.execute(text("SELECT code, id FROM judges")).all())
        return {"cid": cid, "sheets": sheets, "judges": judges}
    finally:
        admin.close()


@pytest.mark.postgres
@pytest.mark.parametrize("claim", [
    lambda f: {"status": {str(f["cid"]): "finalized"}},
    lambda f: {"sheets": {str(f["sheets"]["J2"]): "2/2/1|submitted|1=1000,2=1000"}},
    lambda f: {"sheets": {str(f["sheets"]["J2"]): None}},
    lambda f: {"assignments": {str(f["cid"]): {str(f["judges"]["J2"]): "0" * 64}}},
    lambda f: {"decisions": {str(f["cid"]): {}}},
], ids=["status", "other_sheet", "other_sheet_gone", "other_assignments", "decisions"])
def test_a_judges_login_cannot_record_claims_beyond_its_own_work(locked, claim):  # noqa: F811
    facts = _facts(locked)
    with locked.psycopg("juri1") as conn, pytest.raises((psycopg.errors.InsufficientPrivilege,
                        psycopg.errors.RaiseException)):
        conn.execute(APPEND, (facts["cid"], json.dumps(claim(facts))))
    admin = open_database(locked.url, server_admin=True)
    try:
        assert verify_trail(admin).problems == []
    finally:
        admin.close()


@pytest.mark.postgres
def test_a_judges_login_still_records_its_own_sheet(locked):  # noqa: F811
    facts = _facts(locked)
    admin = open_database(locked.url, server_admin=True)
    with admin.read() as s:
        own = s.execute(text("SELECT state FROM audit_events WHERE action = 'sheet.submit'"
                             " ORDER BY id LIMIT 1")).scalar_one()
    with locked.psycopg("juri1") as conn:
        conn.execute(APPEND, (facts["cid"], own))
        conn.commit()
    try:
        assert verify_trail(admin).problems == []
    finally:
        admin.close()

"""The programme's writes under the trust rules (both backends): the register, matches,
monitoring, levels and forwarding are the secretariat's; their audit events name the
signed-in person, verified; a competition made by forwarding keeps its secret in the key
store, never in the database; on a locked-down server the database itself refuses the
other roles' logins."""

from __future__ import annotations

from datetime import date

import pytest
from security_support import PASSWORD, register_panel
from server_support import PASSWORD as SERVER_PASSWORD
from server_support import new_server_db  # noqa: F401 (a fixture)
from sqlalchemy import select

from judging_app.core.people import Role
from judging_app.core.programme import CompetitionLevel
from judging_app.services import (
    competitions,
    forwarding,
    innovations,
    judges,
    keys,
    people,
    programme_matches,
    registry,
    signing,
)
from judging_app.services.errors import PermissionDenied
from judging_app.services.judges import JudgeInput
from judging_app.services.people import PersonInput
from judging_app.services.registry_import import import_unit_list
from judging_app.services.workspace import Workspace
from judging_app.store import server_sql
from judging_app.store.database import open_database
from judging_app.store.models import AuditEvent, Competition, Judge

from factories import seeded_competition


@pytest.fixture
def panel(db):
    """A protected database (a secretariat, a chair, judges, an observer) whose competition's
    units U1 and U2 are in the register, linked, with their entries' innovations."""
    panel = register_panel(db)
    sekre = panel.ws("sekre")
    registry.add_registry_unit(sekre, "U1", "Dinas Contoh 1", "dinas")
    registry.add_registry_unit(sekre, "U2", "Dinas Contoh 2", "dinas")
    programme_matches.link(sekre, panel.code)
    return panel


def _attempts(ws, panel, innovation: str, tmp_path):
    unit_list = tmp_path / "daftar.csv"
    unit_list.write_text("Kode,Nama perangkat daerah\nU9,Dinas Baru\n", encoding="utf-8")
    return {
        "add a unit": lambda: registry.add_registry_unit(ws, "U9", "Dinas Baru", "dinas"),
        "import the list": lambda: import_unit_list(ws, unit_list),
        "rename": lambda: registry.rename_registry_unit(ws, "U1", "Dinas Lain",
                                                        date(2027, 1, 1)),
        "merge": lambda: registry.merge_registry_unit(ws, "U2", "U1", date(2027, 1, 1)),
        "end": lambda: registry.end_registry_unit(ws, "U2", date(2027, 1, 1)),
        "link": lambda: programme_matches.link(ws, panel.code),
        "reject a unit": lambda: programme_matches.reject_unit(ws, panel.code, "U3"),
        "status": lambda: innovations.record_status(ws, innovation, 2027, "continued"),
        "level": lambda: innovations.set_competition_level(ws, panel.code,
                                                           CompetitionLevel.REGIONAL),
        "forward": lambda: forwarding.forward_entries(
            ws, panel.code, "kipp-2027", entry_codes=["E1"], category="umum",
            new_target=forwarding.NewTarget("national_kipp")),
    }


@pytest.mark.parametrize("login", ["juri1", "ketua", "pengamat"])
def test_only_the_secretariat_changes_the_programme(db, panel, login, tmp_path):
    innovation = innovations.list_innovations(db)[0].code
    before = _trail(db)
    for what, attempt in _attempts(panel.ws(login), panel, innovation, tmp_path).items():
        with pytest.raises(PermissionDenied) as exc:
            attempt()
        assert exc.value.message.code == "auth.role_needed", what
        assert "secretariat" in str(exc.value), what
    assert [u.code for u in registry.list_registry_units(db)] == ["U1", "U2"]
    assert all(u.successor_code is None and u.ended_on is None
               for u in registry.list_registry_units(db))
    assert [c.code for c in competitions.list_competitions(db)] == [panel.code]
    assert innovations.list_innovations(db)[0].latest_state is None
    assert _trail(db) == before  # nothing written, not even an event


def test_a_typed_name_cannot_change_the_programme_of_a_protected_database(db, panel,
                                                                          tmp_path):
    innovation = innovations.list_innovations(db)[0].code
    typed = Workspace(db, "Siapa Saja")
    for what, attempt in _attempts(typed, panel, innovation, tmp_path).items():
        with pytest.raises(PermissionDenied) as exc:
            attempt()
        assert exc.value.message.code == "auth.sign_in_needed", what


def test_the_secretariats_changes_are_recorded_as_that_person_verified(db, panel):
    sekre = panel.ws("sekre")
    innovation = innovations.list_innovations(db)[0].code
    registry.merge_registry_unit(sekre, "U2", "U1", date(2027, 1, 1))
    innovations.record_status(sekre, innovation, 2027, "continued", note="masih berjalan")
    report = forwarding.forward_entries(sekre, panel.code, "kipp-2027", entry_codes=["E1"],
                                        category="umum",
                                        new_target=forwarding.NewTarget("national_kipp"))
    assert report.created and [e.code for e in report.entries] == ["E1"]
    events = [e for e in _events(db) if e.action.startswith(("registry.", "innovation.",
                                                             "programme.", "entry.forward",
                                                             "competition.create"))]
    mine = [e for e in events if e.action in ("registry.unit_merge", "innovation.status",
                                              "competition.create", "entry.forward")]
    assert [e.action for e in mine][-4:] == ["registry.unit_merge", "innovation.status",
                                             "competition.create", "entry.forward"]
    assert all((e.actor, e.verified) == ("Sekretariat Satu", True) for e in mine[-4:])


def test_a_competition_made_by_forwarding_keeps_its_keys_out_of_the_database(db, panel):
    sekre = panel.ws("sekre")
    forwarding.forward_entries(sekre, panel.code, "kipp-2027", entry_codes=["E1"],
                               category="umum", new_target=forwarding.NewTarget("national_kipp"))
    judges.add_judge(sekre, "kipp-2027", JudgeInput(code="JN1", name="Juri Nasional"))
    with db.read() as s:
        comp = s.scalar(select(Competition).where(Competition.code == "kipp-2027"))
        judge = s.scalar(select(Judge).where(Judge.competition_id == comp.id))
        key = keys.load_competition_key(comp.key_id, comp.code)  # in this computer's store
        signing_key = signing.judge_key(s, comp, judge)
        assert judge.package_secret is None
        assert signing_key == key.judge_key(judge.key_nonce)
    dump = _every_text(db)
    for secret in (key.secret.hex(), signing_key):
        assert secret not in dump


def _every_text(db) -> str:
    """Every value of every table, as text (to look for a secret anywhere)."""
    from judging_app.store.models import Base

    parts = []
    with db.read() as s:
        for table in Base.metadata.sorted_tables:
            for row in s.execute(table.select()):
                parts.extend(str(v) for v in row)
    return "\n".join(parts)


def _events(db) -> list[AuditEvent]:
    with db.read() as s:
        return list(s.scalars(select(AuditEvent).order_by(AuditEvent.id)))


def _trail(db) -> list[tuple[int, str]]:
    return [(e.id, e.action) for e in _events(db)]


@pytest.mark.postgres
def test_on_a_server_the_database_itself_keeps_the_programme_the_secretariats(
        new_server_db):  # noqa: F811
    psycopg = pytest.importorskip("psycopg")
    server = new_server_db
    db = open_database(server.url)
    seeded = seeded_competition(db)
    db.close()
    server_sql.init_server(server.url, ("sekre", "Sekretariat Satu", SERVER_PASSWORD))
    sekre_db = server.open_as("sekre")
    sekre = server.ws(sekre_db)
    for login, name, role, judged in (("juri1", "Juri 1", Role.JUDGE, ((seeded.code, "J1"),)),
                                      ("pengamat", "Pengamat", Role.OBSERVER, ())):
        people.add_person(sekre, PersonInput(login, name, "", (role,), judged), SERVER_PASSWORD)
    registry.add_registry_unit(sekre, "U1", "Dinas Contoh 1", "dinas")
    programme_matches.link(sekre, seeded.code)
    report = forwarding.forward_entries(sekre, seeded.code, "kipp-2027", entry_codes=["E1"],
                                        category="umum",
                                        new_target=forwarding.NewTarget("national_kipp"))
    assert report.created and [e.code for e in report.entries] == ["E1"]
    with sekre_db.read() as s:  # the database named the actor from the login
        last = s.scalar(select(AuditEvent).order_by(AuditEvent.id.desc()).limit(1))
        assert (last.action, last.actor, last.verified) == ("entry.forward",
                                                            "Sekretariat Satu", True)
    sekre_db.close()
    observer_db = server.open_as("pengamat")
    try:
        with pytest.raises(PermissionDenied):  # the app's refusal, first
            registry.add_registry_unit(server.ws(observer_db), "U9", "Dinas Baru", "dinas")
    finally:
        observer_db.close()
    with server.psycopg("pengamat") as conn:  # and the database's, without the app
        assert conn.execute("SELECT code FROM registry_units").fetchall() == [("U1",)]
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("INSERT INTO registry_units (code, name, kind, created_at)"
                         " VALUES ('U9', 'Dinas Baru', 'dinas', now())")
        with pytest.raises(psycopg.errors.InsufficientPrivilege):
            conn.execute("UPDATE innovations SET title = 'lain'")
    with (server.psycopg("juri1") as conn,  # a judge's login does not see the register
          pytest.raises(psycopg.errors.InsufficientPrivilege)):
        conn.execute("SELECT code FROM registry_units")


def test_the_command_line_signs_in_and_refuses_other_roles(capsys, monkeypatch, tmp_path):
    from judging_app.cli.main import main

    path = tmp_path / "lomba.sqlite"
    db = open_database(path)
    code = register_panel(db).code
    db.close()

    def run(login: str, *argv: str) -> tuple[int, str, str]:
        monkeypatch.setenv("JUDGING_APP_PASSWORD", PASSWORD)
        status = main(["--db", str(path), "--user", login, *argv])
        out, err = capsys.readouterr()
        return status, out, err

    add = ("programme", "unit", "add", "--code", "U9", "--name", "Dinas Baru")
    forward = ("competition", "forward", "--from", code, "--to", "kipp-2027", "--entries",
               "E1", "--category", "umum", "--template", "national_kipp")
    for login in ("juri1", "pengamat"):
        for argv in (add, forward):
            status, _, err = run(login, *argv)
            assert status == 1 and "secretariat" in err and "Traceback" not in err
    assert run("sekre", *add)[0] == 0
    status, out, err = run("sekre", *forward)
    assert status == 0 and "kipp-2027 created from template national_kipp" in out, err

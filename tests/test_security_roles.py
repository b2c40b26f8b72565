"""People and roles on a protected database (both backends): every write needs a signed-in
person whose role allows it, and the audit trail records that person, verified."""

from __future__ import annotations

import json
from decimal import Decimal as D

import pytest
from security_support import PASSWORD, finalized_panel, register_panel, score_all
from sqlalchemy import select

from judging_app.core.enums import CompetitionStatus, SheetSource
from judging_app.core.people import Role
from judging_app.services import (
    competitions,
    document_admin,
    entries,
    paper_sheets,
    people,
    reopening,
    results,
    sheets,
)
from judging_app.services.entries import EntryInput
from judging_app.services.errors import PermissionDenied, ServiceError
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.store.models import AuditEvent


def _code(exc) -> str:
    return exc.value.message.code


def test_a_typed_name_can_no_longer_write_once_protected(db):
    panel = register_panel(db)
    with pytest.raises(PermissionDenied) as exc:
        entries.add_unit(Workspace(db, "Siapa Saja"), panel.code, "U9", "Dinas Baru")
    assert _code(exc) == "auth.sign_in_needed"
    entries.add_unit(panel.ws("sekre"), panel.code, "U9", "Dinas Baru")


def test_sign_in_refuses_wrong_passwords_unknown_logins_and_disabled_people_alike(db):
    panel = register_panel(db)
    for login, password in (("sekre", "salah-sekali"), ("tidakada", PASSWORD)):
        with pytest.raises(PermissionDenied) as exc:
            people.sign_in(db, login, password)
        assert _code(exc) == "auth.bad_credentials"
    judge = panel.ws("juri1")  # signed in before being disabled
    people.set_disabled(panel.ws("sekre"), "juri1")
    with pytest.raises(PermissionDenied):
        people.sign_in(db, "juri1", PASSWORD)
    with pytest.raises(PermissionDenied) as exc:  # the open session stops at once
        sheets.save_sheet(judge, panel.code, "prop", "J1", "E1", SheetInput({"A": D(3)}))
    assert _code(exc) == "auth.person_disabled"


@pytest.mark.parametrize("login", ["juri1", "ketua", "pengamat"])
def test_only_the_secretariat_sets_up_registers_and_finalizes(db, login):
    panel = register_panel(db)
    ws = panel.ws(login)
    attempts = [
        lambda: entries.add_entry(ws, panel.code, EntryInput("E9", "Baru", "U1", "umum")),
        lambda: competitions.set_status(ws, panel.code, CompetitionStatus.REGISTRATION),
        lambda: results.finalize(ws, panel.code),
        lambda: people.add_person(ws, people.PersonInput("baru", "Orang Baru", "",
                                                         (Role.SECRETARIAT,)), PASSWORD),
        lambda: document_admin.add_link(ws, panel.code, "E1", "Situs", "https://contoh.go.id"),
    ]
    for attempt in attempts:
        with pytest.raises(PermissionDenied) as exc:
            attempt()
        assert _code(exc) == "auth.role_needed"
        assert "secretariat" in str(exc.value)


def test_only_the_chair_decides_ties(db):
    panel = register_panel(db)
    for login in ("sekre", "juri1"):
        with pytest.raises(PermissionDenied) as exc:
            results.record_tie_decision(panel.ws(login), panel.code, ["E2", "E4"], "pleno")
        assert "chair of the panel" in str(exc.value)
    with pytest.raises(ServiceError) as exc:  # the chair gets past the role: no tie yet
        results.record_tie_decision(panel.ws("ketua"), panel.code, ["E2", "E4"], "pleno")
    assert not isinstance(exc.value, PermissionDenied)


def test_a_judge_writes_only_their_own_sheets(db):
    panel = register_panel(db)
    juri1 = panel.ws("juri1")
    sheets.save_sheet(juri1, panel.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    for who, judge in ((juri1, "J2"), (panel.ws("sekre"), "J1"), (panel.ws("ketua"), "J1")):
        with pytest.raises(PermissionDenied) as exc:
            sheets.save_sheet(who, panel.code, "prop", judge, "E1", SheetInput({"A": D(1)}))
        assert _code(exc) == "auth.not_your_sheet"
    with pytest.raises(PermissionDenied):
        sheets.submit_sheet(panel.ws("juri2"), panel.code, "prop", "J1", "E1")
    with pytest.raises(PermissionDenied):  # a judge does not type paper sheets
        sheets.save_sheet(juri1, panel.code, "prop", "J1", "E1", SheetInput({"A": D(1)}),
                          source=SheetSource.PAPER)


def test_paper_sheets_are_the_secretariats_with_double_entry_by_two_people(db):
    panel = register_panel(db)
    values = {"A": "4", "B": "3.5"}
    paper_sheets.enter_first(panel.ws("sekre"), panel.code, "prop", "J2", "E1", values)
    with pytest.raises(PermissionDenied):
        paper_sheets.confirm(panel.ws("juri2"), panel.code, "prop", "J2", "E1", values)
    paper_sheets.confirm(panel.ws("sekre2"), panel.code, "prop", "J2", "E1", values)
    rec = sheets.get_sheet(db, panel.code, "prop", "J2", "E1")
    assert (rec.state, rec.source) == ("submitted", "paper")


def test_the_trail_records_the_signed_in_person_never_a_typed_name(db):
    panel = register_panel(db)
    sheets.save_sheet(panel.ws("juri1"), panel.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    with db.read() as s:
        events = s.scalars(select(AuditEvent).order_by(AuditEvent.id)).all()
    before = [e for e in events if e.action == "person.add"]
    assert before and all(not e.verified and e.actor == "Sekretariat Uji" for e in before)
    protect = next(e for e in events if e.action == "database.protect")
    save = events[-1]
    assert (protect.actor, protect.verified) == ("Sekretariat Satu", True)
    assert (save.action, save.actor, save.verified) == ("sheet.save", "Juri 1", True)
    assert save.person_id == people.sign_in(db, "juri1", PASSWORD).person_id


def test_the_last_secretariat_keeps_the_role(db):
    panel = register_panel(db)
    sekre = panel.ws("sekre")
    people.set_disabled(sekre, "sekre2")
    with pytest.raises(ServiceError) as exc:
        people.set_disabled(sekre, "sekre")
    assert _code(exc) == "people.last_secretariat"
    with pytest.raises(ServiceError):
        people.set_roles(sekre, "sekre", (Role.CHAIR,))


def test_reopening_finalized_results_needs_the_chair_then_another_secretariat(db):
    panel, digest = finalized_panel(db)
    with pytest.raises(ServiceError) as exc:
        reopening.reopen_finalized(panel.ws("sekre"), panel.code, "salah ketik")
    assert _code(exc) == "reopen.chair_needed"
    with pytest.raises(PermissionDenied):
        reopening.approve_reopening(panel.ws("sekre"), panel.code, "salah ketik")
    reopening.approve_reopening(panel.ws("ketua"), panel.code, "nilai J2 salah ketik")
    with pytest.raises(PermissionDenied):
        reopening.reopen_finalized(panel.ws("ketua"), panel.code, "nilai J2 salah ketik")
    reopening.reopen_finalized(panel.ws("sekre"), panel.code, "nilai J2 salah ketik")
    assert competitions.get_summary(db, panel.code).status == "judging"
    with db.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
    assert (last.action, last.actor) == ("results.reopen", "Sekretariat Satu")
    assert json.loads(last.new)["approved_by"] == "Ketua Dewan Juri"
    assert json.loads(last.old)["digest"] == digest


def test_an_unprotected_database_records_names_as_not_verified(db):
    panel = register_panel(db, protect=False)
    score_all(panel)  # signed in with passwords: verified even before protecting
    entries.add_unit(Workspace(db, "Ani"), panel.code, "U9", "Dinas Baru")
    with db.read() as s:
        last = s.scalars(select(AuditEvent).order_by(AuditEvent.id.desc())).first()
        saves = s.scalars(select(AuditEvent).where(AuditEvent.action == "sheet.save")).all()
    assert (last.actor, last.verified, last.person_id) == ("Ani", False, None)
    assert all(e.verified for e in saves)


def test_exporting_signed_files_is_the_secretariats(db, tmp_path):
    from judging_app.services import judge_packages, score_workbooks

    panel = register_panel(db)
    for login in ("juri1", "ketua"):
        with pytest.raises(PermissionDenied):
            judge_packages.export_packages(panel.ws(login), panel.code, "prop", tmp_path / "p")
        with pytest.raises(PermissionDenied):
            score_workbooks.export_score_workbooks(panel.ws(login), panel.code, "prop",
                                                   tmp_path / "x")
    assert len(judge_packages.export_packages(panel.ws("sekre"), panel.code, "prop",
                                              tmp_path / "p")) == 3
    assert len(score_workbooks.export_score_workbooks(panel.ws("sekre"), panel.code, "prop",
                                                      tmp_path / "x")) == 3

"""Creating and editing a competition's setup through the use cases (both backends)."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from judging_app.core.enums import CompetitionStatus
from judging_app.core.setup import CategorySpec, CriterionSpec
from judging_app.services import assignments, audit, competitions, sheets
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import seeded_competition, tiny_setup


def test_create_and_read_back_setup(db):
    ws = Workspace(db, "Ani")
    summary = competitions.create_competition(ws, tiny_setup())
    assert summary.code == "lomba-inovasi-kota-contoh-2026"
    assert summary.status == "draft"
    assert competitions.get_setup(db, summary.code) == tiny_setup()
    assert [c.code for c in competitions.list_competitions(db)] == [summary.code]


def test_second_competition_with_same_name_gets_distinct_code(db):
    ws = Workspace(db, "Ani")
    a = competitions.create_competition(ws, tiny_setup())
    b = competitions.create_competition(ws, tiny_setup())
    assert a.code != b.code


def test_invalid_setup_is_refused_with_locations(db):
    ws = Workspace(db, "Ani")
    bad_round = dataclasses.replace(
        tiny_setup().rounds[1],
        criteria=(
            CriterionSpec("A", "Kebaruan", D(40), D(1), D(5), D(1)),
            CriterionSpec("B", "Kemanfaatan", D(50), D(0), D(10), D(3)),
        ),
    )
    setup = dataclasses.replace(tiny_setup(), rounds=(tiny_setup().rounds[0], bad_round))
    with pytest.raises(ValidationError) as err:
        competitions.create_competition(ws, setup)
    text = str(err.value)
    assert "Round “Penilaian proposal”: The criterion weights add up to 90;" in text
    assert ("Round “Penilaian proposal”, criterion “Kemanfaatan”: The step 3 does not divide "
            "the range 0–10 evenly.") in text
    assert competitions.list_competitions(db) == []


def test_nobody_may_write_anonymously(db):
    with pytest.raises(ServiceError, match="Say who is working"):
        Workspace(db, "  ")


def test_update_setup_edits_categories_and_weights(db):
    ws = Workspace(db, "Ani")
    comp = competitions.create_competition(ws, tiny_setup())
    setup = tiny_setup()
    prop = setup.rounds[1]
    new_prop = dataclasses.replace(prop, criteria=(
        dataclasses.replace(prop.criteria[0], weight=D("45.5")),
        dataclasses.replace(prop.criteria[1], weight=D("54.5")),
    ))
    changed = dataclasses.replace(
        setup,
        categories=setup.categories + (CategorySpec("kec", "Kecamatan"),),
        rounds=(setup.rounds[0], new_prop),
    )
    competitions.update_setup(ws, comp.code, changed)
    assert competitions.get_setup(db, comp.code) == changed


def _submit_one(seeded):
    ws, code = seeded.ws, seeded.code
    assignments.assign(ws, code, "prop", "J1", ["E1"])
    sheets.save_sheet(ws, code, "prop", "J1", "E1", SheetInput({"A": D(4), "B": D("3.5")}))
    sheets.submit_sheet(ws, code, "prop", "J1", "E1")


def test_rubric_locked_after_a_submission_until_reopened(db):
    seeded = seeded_competition(db)
    _submit_one(seeded)
    setup = competitions.get_setup(db, seeded.code)
    prop = setup.rounds[1]
    changed = dataclasses.replace(setup, rounds=(setup.rounds[0], dataclasses.replace(
        prop, criteria=(dataclasses.replace(prop.criteria[0], weight=D(50)),
                        dataclasses.replace(prop.criteria[1], weight=D(50))))))
    with pytest.raises(LockedError, match="rubric of round 'prop' is locked"):
        competitions.update_setup(seeded.ws, seeded.code, changed)
    # Non-rubric changes are still allowed while locked.
    renamed = dataclasses.replace(setup, organiser="Bappeda Kota Lain")
    competitions.update_setup(seeded.ws, seeded.code, renamed)
    assert competitions.reopen_rubric(seeded.ws, seeded.code, "prop", "bobot salah ketik") == 1
    assert sheets.get_sheet(db, seeded.code, "prop", "J1", "E1").state == "draft"
    competitions.update_setup(seeded.ws, seeded.code, dataclasses.replace(changed, organiser="Bappeda Kota Lain"))
    assert competitions.get_setup(db, seeded.code).rounds[1].criteria[0].weight == D(50)


def test_reopen_rubric_needs_reason(db):
    seeded = seeded_competition(db)
    with pytest.raises(ValidationError, match="needs a reason"):
        competitions.reopen_rubric(seeded.ws, seeded.code, "prop", " ")


def test_status_moves_and_refusals(db):
    ws = Workspace(db, "Ani")
    comp = competitions.create_competition(ws, tiny_setup())
    with pytest.raises(ServiceError, match="cannot go from draft to judging"):
        competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    competitions.set_status(ws, comp.code, CompetitionStatus.REGISTRATION)
    competitions.set_status(ws, comp.code, CompetitionStatus.JUDGING)
    assert competitions.get_summary(db, comp.code).status == "judging"


def test_every_change_is_audited_and_chain_verifies(db):
    seeded = seeded_competition(db)
    _submit_one(seeded)
    check = audit.verify_chain(db)
    assert check.ok, check
    assert check.events > 10
    from sqlalchemy import select

    from judging_app.store.models import AuditEvent

    with db.read() as s:
        actions = [e.action for e in s.scalars(select(AuditEvent).order_by(AuditEvent.id))]
        actors = {e.actor for e in s.scalars(select(AuditEvent))}
    assert actions[:2] == ["audit.keyed", "competition.create"]  # the trail is keyed at once
    assert {"entry.add", "judge.add", "sheet.save", "sheet.submit"} <= set(actions)
    assert actors == {"Sekretariat Uji"}


@pytest.mark.tampers
def test_tampering_with_the_audit_trail_is_detected(db):
    seeded = seeded_competition(db)
    from sqlalchemy import text

    with db.write() as s:
        s.execute(text("UPDATE audit_events SET actor = 'Orang Lain' WHERE id = 3"))
    check = audit.verify_chain(db)
    assert not check.ok
    assert check.first_bad_id == 3
    assert seeded.code

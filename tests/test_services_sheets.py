"""Score sheets: drafts, scale checks, submit, lock, reopen (both backends)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.core.enums import CompetitionStatus
from judging_app.services import assignments, competitions, sheets
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.sheets import SheetInput

from factories import seeded_competition


@pytest.fixture
def judging(db):
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2"])
    return s


def test_draft_saves_and_versions(judging, db):
    s = judging
    rec = sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}, {"A": "baik"}))
    assert (rec.state, rec.version, rec.scores, rec.comments) == ("draft", 1, {"A": D(4)}, {"A": "baik"})
    rec = sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"B": "3,5"}, overall_comment="ok"))
    assert rec.version == 2
    assert rec.scores == {"A": D(4), "B": D("3.5")}
    assert rec.overall_comment == "ok"
    rec = sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": None}))
    assert rec.scores == {"B": D("3.5")}


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (D(6), "6 is outside the scale 1–5"),
        (D(0), "0 is outside the scale 1–5"),
        (D("4.5"), None),
        (D("4.25"), "not on the scale's step of 0.5"),
        ("empat", "is not a number"),
        (D("3.0001"), "more than 3 decimals"),
    ],
)
def test_values_off_the_scale_are_refused(judging, db, value, message):
    s = judging
    if message is None:
        assert sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"B": value})).scores["B"] == value
        return
    with pytest.raises(ValidationError, match=message):
        sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"B": value}))
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None


def test_unknown_criterion_and_unassigned_judge_refused(judging, db):
    s = judging
    with pytest.raises(ValidationError, match="no criterion 'Z'"):
        sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"Z": D(1)}))
    with pytest.raises(ServiceError, match="not assigned to this entry"):
        sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(1)}))


def test_submit_refused_while_a_criterion_is_empty_then_locked(judging, db):
    s = judging
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    with pytest.raises(ValidationError, match="criteria without a score") as err:
        sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E1")
    assert "B" in str(err.value)
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"B": D(5)}))
    rec = sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E1")
    assert rec.state == "submitted"
    with pytest.raises(LockedError, match="submitted and locked"):
        sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(1)}))
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1").scores == {"A": D(4), "B": D(5)}


def test_reopen_needs_reason_and_unlocks(judging, db):
    s = judging
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4), "B": D(5)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E1")
    with pytest.raises(ValidationError, match="needs a reason"):
        sheets.reopen_sheet(s.ws, s.code, "prop", "J1", "E1", "")
    rec = sheets.reopen_sheet(s.ws, s.code, "prop", "J1", "E1", "juri salah input")
    assert (rec.state, rec.reopened_reason) == ("draft", "juri salah input")
    rec = sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(3)}))
    assert rec.scores["A"] == D(3)


def test_stale_version_is_refused(judging, db):
    s = judging
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    with pytest.raises(ServiceError, match="changed elsewhere"):
        sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(2)}), expected_version=0)


def test_scoring_closed_outside_judging(judging, db):
    s = judging
    competitions.set_status(s.ws, s.code, CompetitionStatus.REGISTRATION)
    with pytest.raises(LockedError, match="not in judging"):
        sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))


def test_database_refuses_bad_score_rows_directly(judging, db):
    """CHECK constraints hold even for code that bypasses the use cases."""
    from sqlalchemy import text
    from sqlalchemy.exc import IntegrityError

    s = judging
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E1", SheetInput({"A": D(4)}))
    with pytest.raises(IntegrityError), db.write() as ses:
        ses.execute(text("UPDATE scores SET value_milli = -1"))
    with pytest.raises(IntegrityError), db.write() as ses:
        ses.execute(text("UPDATE score_sheets SET state = 'done'"))
    with pytest.raises(IntegrityError), db.write() as ses:
        ses.execute(text("INSERT INTO scores (sheet_id, criterion_id, value_milli, comment) "
                         "VALUES (999999, 1, 1000, '')"))

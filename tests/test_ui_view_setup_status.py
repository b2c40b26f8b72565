"""services.setup_status: which rounds are locked, which rounds and categories are in use
(both backends)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.services import assignments, competitions, setup_status, sheets
from judging_app.services.errors import NotFoundError
from judging_app.services.sheets import SheetInput

from factories import seeded_competition


def _score(seeded, judge: str, entry: str, submit: bool) -> None:
    ws, code = seeded.ws, seeded.code
    assignments.assign(ws, code, "prop", judge, [entry])
    sheets.save_sheet(ws, code, "prop", judge, entry, SheetInput({"A": D(4), "B": D("3.5")}))
    if submit:
        sheets.submit_sheet(ws, code, "prop", judge, entry)


def test_nothing_locked_in_a_fresh_competition(db):
    seeded = seeded_competition(db)
    assert setup_status.locked_rounds(db, seeded.code) == {}
    usage = setup_status.setup_usage(db, seeded.code)
    assert usage.submitted_sheets == {} and usage.sheets == {}
    assert usage.entries == {"umum": 2, "pd": 2}
    assert not usage.rubric_locked("prop")


def test_submitted_sheets_lock_the_round_until_its_rubric_is_reopened(db):
    seeded = seeded_competition(db)
    _score(seeded, "J1", "E1", submit=True)
    _score(seeded, "J2", "E1", submit=True)
    _score(seeded, "J3", "E2", submit=False)
    assert setup_status.locked_rounds(db, seeded.code) == {"prop": 2}
    usage = setup_status.setup_usage(db, seeded.code)
    assert usage.submitted_sheets == {"prop": 2}
    assert usage.sheets == {"prop": 3}
    assert usage.rubric_locked("prop") and not usage.rubric_locked("adm")

    competitions.reopen_rubric(seeded.ws, seeded.code, "prop", "bobot salah ketik")
    assert setup_status.locked_rounds(db, seeded.code) == {}
    assert setup_status.setup_usage(db, seeded.code).sheets == {"prop": 3}


def test_counts_are_per_competition(db):
    first = seeded_competition(db)
    second = seeded_competition(db, n_entries=1)
    _score(first, "J1", "E1", submit=True)
    assert setup_status.locked_rounds(db, second.code) == {}
    assert setup_status.setup_usage(db, second.code).entries == {"umum": 1}


def test_unknown_competition_is_refused(db):
    with pytest.raises(NotFoundError):
        setup_status.locked_rounds(db, "no-such-competition")

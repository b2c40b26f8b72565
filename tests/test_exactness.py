"""Every setup the app accepts keeps every total exact in storage: maxima whose totals
would overflow the database's 64-bit integers (71/73/79/83/89/97 made `scores import`
overflow SQLite; 99.999/99.998/99.997 stored a total as a float and `results` crashed) are
refused when the setup is made, and random scales within what is accepted never overflow
and never store a float."""

from __future__ import annotations

import dataclasses
import os
from decimal import Decimal as D

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import text

from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.core.exactness import INT64_MAX, MAX_COMMON_MULTIPLE, common_multiple
from judging_app.core.scoring.inputs import CriterionInfo
from judging_app.core.scoring.totals import sheet_numerator
from judging_app.core.setup import CriterionSpec, validate_setup
from judging_app.services import assignments, competitions, entries, judges, results, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ServiceError
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace
from judging_app.store.database import open_database

from factories import tiny_setup

EXAMPLES = int(os.environ.get("JUDGING_APP_FUZZ_EXAMPLES", "15"))


def _with_maxima(maxima: list[D]):
    weights = [D(100) // len(maxima)] * len(maxima)
    weights[0] += D(100) - sum(weights)
    crits = tuple(CriterionSpec(f"c{i}", f"Kriteria {i}", w, D(0), m, D("0.001"))
                  for i, (w, m) in enumerate(zip(weights, maxima, strict=True)))
    setup = tiny_setup()
    return dataclasses.replace(setup, rounds=(setup.rounds[0], dataclasses.replace(
        setup.rounds[1], criteria=crits)))


@pytest.mark.parametrize("maxima", [
    ["71", "73", "79", "83", "89", "97"], ["99.999", "99.998", "99.997"]])
def test_maxima_without_a_small_common_multiple_are_refused_at_setup(maxima, sqlite_db):
    setup = _with_maxima([D(m) for m in maxima])
    problems = validate_setup(setup)
    assert [p.where for p in problems] == ["rounds[1].criteria"]
    assert "no common measure small enough" in str(problems[0])
    with pytest.raises(ServiceError):
        competitions.create_competition(Workspace(sqlite_db, "Ani"), setup)


def test_the_limit_leaves_room_for_ninety_thousand_sheets_per_entry():
    assert 92_000 * 100_000 * MAX_COMMON_MULTIPLE <= INT64_MAX


_maximum = st.one_of(  # mostly scales people use, some anything the file format accepts
    st.integers(1, 100).map(D),
    st.decimals(min_value=D("0.5"), max_value=D("100"), places=1),
    st.decimals(min_value=D("0.001"), max_value=D("999999.999"), places=3))


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                 HealthCheck.filter_too_much])
@given(st.lists(_maximum, min_size=1, max_size=5))
def test_accepted_scales_store_every_total_exactly(tmp_path_factory, maxima):
    setup = _with_maxima(maxima)
    accepted = not validate_setup(setup)
    assert accepted == (common_multiple(maxima) <= MAX_COMMON_MULTIPLE)
    if not accepted:
        return
    db = open_database(tmp_path_factory.mktemp("exact") / "x.sqlite")
    try:
        ws = Workspace(db, "Ani")
        code = competitions.create_competition(ws, setup).code
        entries.add_unit(ws, code, "U1", "Dinas", "dinas")
        entries.add_entry(ws, code, EntryInput(code="E1", title="Inovasi", unit="U1",
                                               category="umum"))
        entries.set_entry_status(ws, code, ["E1"], EntryStatus.ELIGIBLE)
        competitions.set_status(ws, code, CompetitionStatus.REGISTRATION)
        competitions.set_status(ws, code, CompetitionStatus.JUDGING)
        top = {c.code: c.scale_max for c in setup.rounds[1].criteria}
        for j in ("J1", "J2", "J3"):
            judges.add_judge(ws, code, JudgeInput(code=j, name=j))
            assignments.assign(ws, code, "prop", j, ["E1"])
            sheets.save_sheet(ws, code, "prop", j, "E1", SheetInput(scores=top))
            sheets.submit_sheet(ws, code, "prop", j, "E1")
        criteria = setup.rounds[1].criteria
        expected = sheet_numerator(
            [CriterionInfo(i, c.code, c.weight, c.scale_max, i) for i, c in enumerate(criteria)],
            {i: c.scale_max for i, c in enumerate(criteria)})
        with db.read() as s:
            kinds = s.execute(text(
                "SELECT typeof(numerator), numerator FROM sheet_totals")).all()
            total = s.execute(text(
                "SELECT typeof(numerator), numerator FROM entry_round_totals")).one()
        assert kinds == [("integer", expected)] * 3
        assert tuple(total) == ("integer", 3 * expected)
        view = results.compute(db, code)
        assert [r.score for r in view.results.rows if r.score is not None] == [100]
    finally:
        db.close()


"""Rules found missing by a review: each demonstrated with the smallest competition."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.core.enums import EntryStatus
from judging_app.services import assignments, competitions, entries, judges, results, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import seeded_competition, tiny_setup


def _submit(s, judge, entry, a, b):
    sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
    sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


def test_finalize_refuses_nothing_scored_and_entries_without_any_sheet(db):
    s = seeded_competition(db, n_entries=3, n_judges=2)
    with pytest.raises(LockedError, match="Nothing has been scored"):
        results.finalize(s.ws, s.code)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2"])
    _submit(s, "J1", "E1", 4, 4)
    _submit(s, "J1", "E2", 3, 3)
    view = results.compute(db, s.code)
    assert view.unscored == ("E3",)  # eligible, never assigned: it must not vanish silently
    with pytest.raises(LockedError, match=r"1 entry takes part without any score sheet \(E3\)"):
        results.finalize(s.ws, s.code)
    entries.set_entry_status(s.ws, s.code, ["E3"], EntryStatus.WITHDRAWN, "ditarik")
    assert results.finalize(s.ws, s.code)


def test_a_tie_decision_orders_the_whole_tie_and_only_a_real_tie(db):
    s = seeded_competition(db, n_entries=6, n_judges=1)  # umum: E1, E3, E5
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2", "E3", "E4", "E5", "E6"])
    for entry in ("E1", "E3", "E5"):
        _submit(s, "J1", entry, 4, 4)  # a three-way tie
    for entry, a in (("E2", 2), ("E4", 3), ("E6", 5)):
        _submit(s, "J1", entry, a, 1)
    with pytest.raises(ServiceError, match="between E1, E3, E5: put all of them in order"):
        results.record_tie_decision(s.ws, s.code, ["E1", "E3"], "sebagian")
    with pytest.raises(ServiceError, match="no tie to decide"):
        results.record_tie_decision(s.ws, s.code, ["E1", "E2"], "beda kategori")
    results.record_tie_decision(s.ws, s.code, ["E5", "E1", "E3"], "keputusan pleno")
    ranks = {results.compute(db, s.code).entries[r.entry_id].code: r.rank
             for r in results.compute(db, s.code).results.rows}
    assert (ranks["E5"], ranks["E1"], ranks["E3"]) == (1, 2, 3)
    # the decision follows the entries, not their codes
    entries.edit_entry(s.ws, s.code, "E5", EntryInput("E05", "Inovasi 5", "U2", "umum"))
    ranks = {results.compute(db, s.code).entries[r.entry_id].code: r.rank
             for r in results.compute(db, s.code).results.rows}
    assert ranks["E05"] == 1
    results.record_tie_decision(s.ws, s.code, ["E1", "E3", "E05"], "ditinjau ulang")


def test_inactive_judges_and_ineligible_entries_are_not_scored(db):
    s = seeded_competition(db, n_entries=2, n_judges=2)
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E2"])
    _submit(s, "J2", "E1", 4, 4)
    judges.edit_judge(s.ws, s.code, "J2", JudgeInput("J2", "Juri 2", active=False))
    # the started sheet stays; the entry not started no longer waits for J2
    assert assignments.list_assignments(db, s.code, "prop") == [("J2", "E1")]
    sheets.reopen_sheet(s.ws, s.code, "prop", "J2", "E1", "periksa")
    with pytest.raises(ServiceError, match="judge J2 is inactive"):
        sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(1)}))
    entries.set_entry_status(s.ws, s.code, ["E2"], EntryStatus.DISQUALIFIED, "bukan inovasi")
    with pytest.raises(ServiceError, match="not eligible"):
        assignments.assign(s.ws, s.code, "prop", "J1", ["E2"])


def test_codes_numbers_spaces_and_repeated_screening(db):
    ws = Workspace(db, "Ani")
    with pytest.raises(ValidationError, match="needs a letter"):
        competitions.create_competition(ws, tiny_setup(), code="1")
    s = seeded_competition(db, judging=False)
    with pytest.raises(ServiceError, match="'E1' already exists"):
        entries.add_entry(s.ws, s.code, EntryInput("E1 ", "Lagi", "U1", "umum"))
    with pytest.raises(ServiceError, match="'J1' already exists"):
        judges.add_judge(s.ws, s.code, JudgeInput(" J1", "Lagi"))
    assert entries.set_entry_status(s.ws, s.code, ["E1"], EntryStatus.ELIGIBLE, "alasan") == 0

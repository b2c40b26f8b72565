"""services/assignment_queries.py: the reads behind the Judges and Assignments views
(both backends)."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.core.enums import ConflictReason, EntryStatus
from judging_app.services import assignments, conflicts, entries, judges, sheets
from judging_app.services.assignment_queries import (
    conflicts_of_judge,
    entry_choices,
    judge_overview,
    preview_with_loads,
    round_assignments,
)
from judging_app.services.errors import NotFoundError, ServiceError
from judging_app.services.judges import JudgeInput
from judging_app.services.sheets import SheetInput

from factories import seeded_competition


def _panel(db):
    """E1..E6 (units U1,U2,U3,U1,U2,U3); J1 belongs to U1; J4 inactive; J3 declared on E2."""
    s = seeded_competition(db, n_entries=6, n_judges=4)
    judges.edit_judge(s.ws, s.code, "J1", JudgeInput("J1", "Juri 1", "Dinas Contoh 1", unit="U1"))
    judges.edit_judge(s.ws, s.code, "J4", JudgeInput("J4", "Juri 4", active=False))
    conflicts.declare_conflict(s.ws, s.code, "J3", "E2", ConflictReason.OTHER, "kerabat inovator")
    return s


def test_judge_overview_counts_conflicts_and_names_the_unit(db):
    s = _panel(db)
    rows = {j.code: j for j in judge_overview(db, s.code)}
    assert list(rows) == ["J1", "J2", "J3", "J4"]
    j1 = rows["J1"]
    assert (j1.unit_code, j1.unit_name, j1.affiliation, j1.conflicts) == (
        "U1", "Dinas Contoh 1", "Dinas Contoh 1", 2)  # E1 and E4 are U1's
    assert (rows["J2"].unit_code, rows["J2"].unit_name, rows["J2"].conflicts) == (None, "", 0)
    assert rows["J3"].conflicts == 1
    assert not rows["J4"].active and rows["J1"].active
    with pytest.raises(NotFoundError):
        judge_overview(db, "no-such-competition")


def test_conflicts_of_judge_explain_automatic_and_declared(db):
    s = _panel(db)
    auto = conflicts_of_judge(db, s.code, "J1")
    assert [(c.entry_code, c.source, c.reason, c.unit_name, c.declared) for c in auto] == [
        ("E1", "automatic", "same_unit", "Dinas Contoh 1", False),
        ("E4", "automatic", "same_unit", "Dinas Contoh 1", False),
    ]
    (declared,) = conflicts_of_judge(db, s.code, "J3")
    assert (declared.entry_code, declared.entry_title, declared.reason, declared.reason_text,
            declared.declared_by, declared.declared) == (
        "E2", "Inovasi 2", "other", "kerabat inovator", "Sekretariat Uji", True)
    assert conflicts_of_judge(db, s.code, "J2") == []
    with pytest.raises(NotFoundError):
        conflicts_of_judge(db, s.code, "J9")


def test_entry_choices_list_every_entry_with_its_unit(db):
    s = _panel(db)
    entries.set_entry_status(s.ws, s.code, ["E6"], EntryStatus.WITHDRAWN, "mundur")
    choices = entry_choices(db, s.code)
    assert [c.code for c in choices] == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert (choices[1].title, choices[1].unit_name) == ("Inovasi 2", "Dinas Contoh 2")


def test_round_assignments_show_judges_sheets_conflicts_and_loads(db):
    s = _panel(db)
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E2", "E3"])
    assignments.assign(s.ws, s.code, "prop", "J1", ["E2"])
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(4)}))
    entries.set_entry_status(s.ws, s.code, ["E3"], EntryStatus.DISQUALIFIED, "plagiat")
    data = round_assignments(db, s.code, "prop")
    by_code = {e.code: e for e in data.entries}
    assert list(by_code) == ["E1", "E2", "E3", "E4", "E5", "E6"]
    assert (by_code["E1"].judges, by_code["E1"].started, by_code["E1"].conflicted) == (
        ("J2",), ("J2",), ("J1",))
    assert by_code["E2"].judges == ("J1", "J2") and by_code["E2"].conflicted == ("J3",)
    assert by_code["E2"].count == 2 and by_code["E2"].in_round
    # disqualified after being assigned: still listed, marked as no longer in the round
    assert (by_code["E3"].in_round, by_code["E3"].status, by_code["E3"].judges) == (
        False, "disqualified", ("J2",))
    assert by_code["E5"].unit_name == "Dinas Contoh 2" and by_code["E5"].count == 0
    loads = {j.code: (j.load, j.started, j.active) for j in data.judges}
    assert loads == {"J1": (1, 0, True), "J2": (3, 1, True), "J3": (0, 0, True), "J4": (0, 0, False)}
    assert data.assignment_count() == 4
    assert data.short_entries(1) == ["E4", "E5", "E6"]  # E3 is out of the round
    assert data.short_entries(2) == ["E1", "E4", "E5", "E6"]


def test_round_assignments_reports_progress_and_refuses_screening_rounds(db):
    s = _panel(db)
    steps: list[tuple[int, int]] = []
    round_assignments(db, s.code, "prop", lambda done, total: steps.append((done, total)))
    assert steps[0] == (0, 5) and steps[-1] == (5, 5)
    with pytest.raises(ServiceError, match="screening round"):
        round_assignments(db, s.code, "adm")


def test_preview_with_loads_writes_nothing_and_adds_up(db):
    s = _panel(db)
    assignments.assign(s.ws, s.code, "prop", "J2", ["E1", "E2"])
    before = assignments.list_assignments(db, s.code, "prop")
    result = preview_with_loads(db, s.code, "prop", 2)
    assert assignments.list_assignments(db, s.code, "prop") == before  # nothing written
    changes = {c.code: c for c in result.loads}
    assert list(changes) == ["J1", "J2", "J3", "J4"]
    assert changes["J2"].current == 2
    assert changes["J4"].added == 0 and not changes["J4"].active  # inactive: never assigned
    assert sum(c.added for c in result.loads) == len(result.preview.new_assignments) == 10
    for c in result.loads:
        assert c.after == c.current + c.added
    proposed_pairs = sorted((j, e) for e, js in result.proposed.items() for j in js)
    assert proposed_pairs == sorted(result.preview.new_assignments)
    assert "J1" not in result.proposed.get("E1", ()) and "J3" not in result.proposed.get("E2", ())
    assert not result.unbalanced and not result.preview.panel_too_small
    applied = assignments.auto_assign(s.ws, s.code, "prop", 2)
    assert sorted(applied.new_assignments) == sorted(result.preview.new_assignments)
    assert round_assignments(db, s.code, "prop").short_entries(2) == []


def test_preview_with_loads_warns_of_a_small_panel_and_short_entries(db):
    s = _panel(db)
    result = preview_with_loads(db, s.code, "prop", 3)  # three active judges; J1 and J3 conflicted
    assert not result.preview.panel_too_small
    assert result.preview.short_entries == {"E1": 1, "E2": 1, "E4": 1}
    assert preview_with_loads(db, s.code, "prop", 4).preview.panel_too_small
    with pytest.raises(ServiceError, match="screening round"):
        preview_with_loads(db, s.code, "adm", 2)

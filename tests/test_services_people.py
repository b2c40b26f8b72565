"""Entries, units, judges, conflicts and assignments: rules and refusals (both backends)."""

from __future__ import annotations

import pytest

from judging_app.core.enums import ConflictReason, EntryStatus
from judging_app.services import assignments, conflicts, entries, judges
from judging_app.services.entries import EntryInput
from judging_app.services.errors import NotFoundError, ServiceError, ValidationError
from judging_app.services.judges import JudgeInput

from factories import seeded_competition


def test_entry_add_edit_and_duplicate_code(db):
    s = seeded_competition(db, judging=False)
    with pytest.raises(ServiceError, match="code 'E1' already exists"):
        entries.add_entry(s.ws, s.code, EntryInput("E1", "Lain", "U1", "umum"))
    rec = entries.edit_entry(s.ws, s.code, "E1", EntryInput("E1-new", "Judul Baru", "U2", "pd"))
    assert (rec.code, rec.title, rec.unit_code, rec.category_code) == ("E1-new", "Judul Baru", "U2", "pd")
    with pytest.raises(NotFoundError, match="No unit with code 'U9'"):
        entries.add_entry(s.ws, s.code, EntryInput("E9", "X", "U9", "umum"))
    with pytest.raises(ValidationError, match="The title is required"):
        entries.add_entry(s.ws, s.code, EntryInput("E9", " ", "U1", "umum"))


def test_screening_disqualify_needs_reason_and_is_a_decision(db):
    s = seeded_competition(db, judging=False)
    with pytest.raises(ValidationError, match="needs a reason"):
        entries.set_entry_status(s.ws, s.code, ["E1"], EntryStatus.DISQUALIFIED)
    n = entries.set_entry_status(s.ws, s.code, ["E1", "E2"], EntryStatus.DISQUALIFIED,
                                 "berkas tidak lengkap")
    assert n == 2
    got = {e.code: (e.status, e.status_reason) for e in entries.list_entries(db, s.code)}
    assert got["E1"] == ("disqualified", "berkas tidak lengkap")
    assert got["E3"] == ("eligible", "")
    from sqlalchemy import func, select

    from judging_app.store.models import Decision

    with db.read() as ses:
        assert ses.scalar(select(func.count()).select_from(Decision)) == 2
    entries.set_entry_status(s.ws, s.code, ["E2"], EntryStatus.WITHDRAWN, "ditarik oleh OPD")
    assert entries.get_entry(db, s.code, "E2").status == "withdrawn"


def test_unit_names_unique(db):
    s = seeded_competition(db, judging=False)
    with pytest.raises(ServiceError, match="named 'Dinas Contoh 1' already exists"):
        entries.add_unit(s.ws, s.code, "U9", "Dinas Contoh 1")
    entries.rename_unit(s.ws, s.code, "U1", "Dinas Kesehatan")
    assert "Dinas Kesehatan" in [u.name for u in entries.list_units(db, s.code)]


def test_judge_from_entry_unit_is_conflicted_automatically(db):
    s = seeded_competition(db, judging=False)
    judges.add_judge(s.ws, s.code, JudgeInput("J9", "Pak Budi", unit="U1"))
    found = {(c.judge_code, c.entry_code, c.source) for c in conflicts.list_conflicts(db, s.code)}
    # entries E1 and E4 are from U1 (units cycle U1, U2, U3)
    assert found == {("J9", "E1", "automatic"), ("J9", "E4", "automatic")}
    judges.edit_judge(s.ws, s.code, "J9", JudgeInput("J9", "Pak Budi", unit="U2"))
    found = {(c.judge_code, c.entry_code) for c in conflicts.list_conflicts(db, s.code)}
    assert found == {("J9", "E2")}
    entries.edit_entry(s.ws, s.code, "E1", EntryInput("E1", "Inovasi 1", "U2", "umum"))
    found = {(c.judge_code, c.entry_code) for c in conflicts.list_conflicts(db, s.code)}
    assert found == {("J9", "E1"), ("J9", "E2")}


def test_declared_conflict_removes_assignment_and_blocks_manual_assignment(db):
    s = seeded_competition(db)
    assignments.assign(s.ws, s.code, "prop", "J1", ["E1", "E2"])
    with pytest.raises(ValidationError, match="needs an explanation"):
        conflicts.declare_conflict(s.ws, s.code, "J1", "E1", ConflictReason.OTHER)
    conflicts.declare_conflict(s.ws, s.code, "J1", "E1", ConflictReason.PROFESSIONAL, "pembimbing")
    assert assignments.list_assignments(db, s.code, "prop") == [("J1", "E2")]
    with pytest.raises(ServiceError, match="conflict of interest with E1"):
        assignments.assign(s.ws, s.code, "prop", "J1", ["E1"])
    conflicts.withdraw_conflict(s.ws, s.code, "J1", "E1")
    assert assignments.assign(s.ws, s.code, "prop", "J1", ["E1"]) == 1


def test_auto_assign_gives_k_judges_balanced_and_never_conflicted(db):
    s = seeded_competition(db, n_entries=10, n_judges=4)
    judges.add_judge(s.ws, s.code, JudgeInput("J5", "Bu Sari", unit="U1"))
    conflicts.declare_conflict(s.ws, s.code, "J2", "E3", ConflictReason.PERSONAL, "saudara")
    preview = assignments.preview_auto_assign(db, s.code, "prop", 3)
    assert assignments.list_assignments(db, s.code, "prop") == []  # a preview changes nothing
    applied = assignments.auto_assign(s.ws, s.code, "prop", 3)
    assert applied.new_assignments == preview.new_assignments
    pairs = assignments.list_assignments(db, s.code, "prop")
    per_entry: dict[str, set[str]] = {}
    for j, e in pairs:
        per_entry.setdefault(e, set()).add(j)
    assert all(len(js) == 3 for js in per_entry.values()) and len(per_entry) == 10
    bad = {(c.judge_code, c.entry_code) for c in conflicts.list_conflicts(db, s.code)}
    assert not bad & set(pairs)
    loads = assignments.judge_loads(db, s.code, "prop")
    assert sum(loads.values()) == 30
    assert max(loads.values()) - min(loads.values()) <= 1
    again = assignments.auto_assign(s.ws, s.code, "prop", 3)
    assert again.new_assignments == []


def test_auto_assign_reports_small_panel(db):
    s = seeded_competition(db, n_entries=3, n_judges=2)
    preview = assignments.auto_assign(s.ws, s.code, "prop", 3)
    assert preview.panel_too_small
    assert preview.short_entries == {"E1": 1, "E2": 1, "E3": 1}
    assert any("panel is too small" in str(w) for w in preview.warnings())


def test_only_eligible_entries_are_assigned(db):
    s = seeded_competition(db, n_entries=4, n_judges=3)
    entries.set_entry_status(s.ws, s.code, ["E4"], EntryStatus.DISQUALIFIED, "bukan inovasi")
    assignments.auto_assign(s.ws, s.code, "prop", 2)
    assert "E4" not in {e for _, e in assignments.list_assignments(db, s.code, "prop")}

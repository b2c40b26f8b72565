"""The read use cases of judge mode (services/judge_mode.py), on both backends: one judge's
entries and sheets only, never another judge's; blind rounds without unit or innovators."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D

import pytest

from judging_app.core.enums import CompetitionStatus, ConflictReason
from judging_app.services import competitions, conflicts, entries, judge_mode, sheets
from judging_app.services.entries import EntryInput
from judging_app.services.errors import ServiceError
from judging_app.services.sheets import SheetInput
from judging_app.store.models import Attachment, Entry

from test_judge_mode_support import judging_with_assignments


@pytest.fixture
def judging(db):
    return judging_with_assignments(db)


def test_choices_list_competitions_in_judging_with_rounds_and_active_judges(judging, db):
    (choice,) = judge_mode.judging_choices(db)
    assert choice.code == judging.code
    assert [r.code for r in choice.rounds] == ["prop"]  # not the screening round
    assert [j.code for j in choice.judges] == ["J1", "J2", "J3"]
    competitions.set_status(judging.ws, judging.code, CompetitionStatus.REGISTRATION)
    assert judge_mode.judging_choices(db) == []


def test_entries_of_one_judge_with_only_their_own_sheets(judging, db):
    s = judging
    rows = judge_mode.judge_entries(db, s.code, "prop", "J1")
    assert [(r.code, r.sheet_state, r.scores) for r in rows] == [
        ("E1", None, {}), ("E2", None, {}), ("E3", None, {})]  # J2's draft for E1 is not J1's
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E2", SheetInput({"A": D(4)}, {}, "ok"))
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E3", SheetInput({"A": D(5), "B": D("4.5")}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E3")
    rows = {r.code: r for r in judge_mode.judge_entries(db, s.code, "prop", "J1")}
    assert (rows["E2"].sheet_state, rows["E2"].scores, rows["E2"].overall_comment) == (
        "draft", {"A": D(4)}, "ok")
    assert (rows["E3"].sheet_state, rows["E3"].scores) == ("submitted", {"A": D(5), "B": D("4.5")})
    j2 = {r.code: r for r in judge_mode.judge_entries(db, s.code, "prop", "J2")}
    assert sorted(j2) == ["E1", "E4"] and j2["E1"].scores == {"A": D(2), "B": D("1.5")}


def test_natural_order_and_conflicts_leave_the_list(judging, db):
    s = judging
    entries.add_entry(s.ws, s.code, EntryInput("E10", "Inovasi 10", "U1", "umum"))
    entries.set_entry_status(s.ws, s.code, ["E10"], "eligible")
    from judging_app.services import assignments

    assignments.assign(s.ws, s.code, "prop", "J1", ["E10"])
    assert [r.code for r in judge_mode.judge_entries(db, s.code, "prop", "J1")] == [
        "E1", "E2", "E3", "E10"]
    conflicts.declare_conflict(s.ws, s.code, "J1", "E2", ConflictReason.PERSONAL)
    assert [r.code for r in judge_mode.judge_entries(db, s.code, "prop", "J1")] == [
        "E1", "E3", "E10"]
    with pytest.raises(ServiceError, match="not assigned"):
        judge_mode.entry_for_judge(db, s.code, "prop", "J1", "E2")


def test_entry_details_with_links_and_attachments(judging, db):
    s = judging
    old = entries.get_entry(db, s.code, "E1")
    entries.edit_entry(s.ws, s.code, "E1", EntryInput(
        "E1", old.title, "U1", "umum", innovators="Siti Aminah", contact="0812",
        summary="Layanan antar dokumen.", links="https://contoh.go.id/e1\n\nhttps://x.id/v"))
    with db.write() as session:
        eid = session.query(Entry.id).filter(Entry.code == "E1").scalar()
        session.add(Attachment(entry_id=eid, label="Proposal", location="/data/e1.pdf"))
    e = judge_mode.entry_for_judge(db, s.code, "prop", "J1", "E1")
    assert (e.title, e.summary, e.category_name) == ("Inovasi 1", "Layanan antar dokumen.", "Umum")
    assert e.links == ("https://contoh.go.id/e1", "https://x.id/v")
    assert [(a.label, a.location) for a in e.attachments] == [("Proposal", "/data/e1.pdf")]
    assert (e.unit_name, e.innovators, e.contact) == ("Dinas Contoh 1", "Siti Aminah", "0812")
    with pytest.raises(ServiceError, match="not assigned"):
        judge_mode.entry_for_judge(db, s.code, "prop", "J1", "E4")


def test_blind_round_leaves_out_unit_innovators_and_contact(judging, db):
    s = judging
    setup = competitions.get_setup(db, s.code)
    rounds = tuple(dataclasses.replace(r, blind=True) if r.code == "prop" else r
                   for r in setup.rounds)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rounds=rounds))
    e = judge_mode.entry_for_judge(db, s.code, "prop", "J1", "E1")
    assert (e.unit_name, e.innovators, e.contact) == (None, None, None)
    found = judge_mode.judge_round(db, s.code, "prop", "J1")
    assert found.round.blind and found.scoring_open
    assert [c.code for c in found.round.criteria] == ["A", "B"]
    assert (found.judge_name, found.competition_code) == ("Juri 1", s.code)


def test_screening_round_and_unknown_judge_are_refused(judging, db):
    with pytest.raises(ServiceError, match="screening"):
        judge_mode.judge_entries(db, judging.code, "adm", "J1")
    with pytest.raises(ServiceError, match="J9"):
        judge_mode.judge_round(db, judging.code, "prop", "J9")


def test_a_database_judge_session_on_both_backends(judging, db, qapp):
    """The judge window's database mode end to end, without the window."""
    from judging_app.ui.judge.database_session import DatabaseJudgeSession

    s = judging
    session = DatabaseJudgeSession(db, s.code, "prop", "J1")
    session.edit_score("E1", "A", D(4))
    session.edit_score("E1", "B", D("3.5"))
    session.edit_comment("E1", "A", "jelas")
    session.undo_stack("E1").undo()
    session.undo_stack("E1").undo()
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1").scores == {"A": D(4)}
    session.undo_stack("E1").redo()
    session.submit("E1")
    record = sheets.get_sheet(db, s.code, "prop", "J1", "E1")
    assert (record.state, record.scores) == ("submitted", {"A": D(4), "B": D("3.5")})
    session.declare_conflict("E2", ConflictReason.OTHER, "keluarga")
    assert [e.code for e in session.entries()] == ["E1", "E3"]
    assert session.progress() == (1, 0, 2)
    assert sheets.get_sheet(db, s.code, "prop", "J2", "E1").scores == {"A": D(2), "B": D("1.5")}

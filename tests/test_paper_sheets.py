"""Double entry of paper score sheets (both backends): a first entry counts for nothing, a
different person confirms, mismatches are reported field by field and nothing is written."""

from __future__ import annotations

from decimal import Decimal as D

import pytest

from judging_app.core.enums import ConflictReason
from judging_app.core.setup import CriterionSpec
from judging_app.services import assignments, audit, conflicts, paper_sheets, results, sheets
from judging_app.services.errors import LockedError, NotFoundError, ServiceError, ValidationError
from judging_app.services.paper_sheets import (
    COMMENT,
    INVALID,
    OK,
    OVERALL,
    PARTIAL,
    SCORE,
    FieldMismatch,
    typed_value_state,
)
from judging_app.services.sheets import SheetInput
from judging_app.services.workspace import Workspace

from factories import seeded_competition

VALUES = {"A": "4", "B": "3,5"}


@pytest.fixture
def paper(db):
    """J1, J2 assigned to E1, E2; J1 has already submitted E2 directly."""
    s = seeded_competition(db)
    for judge in ("J1", "J2"):
        assignments.assign(s.ws, s.code, "prop", judge, ["E1", "E2"])
    sheets.save_sheet(s.ws, s.code, "prop", "J1", "E2", SheetInput({"A": D(3), "B": D(4)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J1", "E2")
    return s


def ani(s) -> Workspace:
    return Workspace(s.ws.db, "Ani Wulandari")


def budi(s) -> Workspace:
    return Workspace(s.ws.db, "Budi Santoso")


def first(s, judge="J1", entry="E1", values=VALUES, **kw):
    return paper_sheets.enter_first(ani(s), s.code, "prop", judge, entry, values, **kw)


def test_first_entry_counts_for_nothing(paper, db):
    s = paper
    before = results.results_json(results.compute(db, s.code))
    pending = first(s, comments={"A": "cukup baru"}, overall_comment="Perlu data.")
    assert (pending.round_code, pending.judge_code, pending.entry_code) == ("prop", "J1", "E1")
    assert pending.typed_by == "Ani Wulandari" and pending.typed_at and pending.pending_id
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None
    assert results.results_json(results.compute(db, s.code)) == before
    assert paper_sheets.pending_paper_sheets(db, s.code) == [pending]
    assert audit.verify_chain(db).ok


def test_the_first_typist_cannot_confirm(paper, db):
    s = paper
    first(s)
    for name in ("Ani Wulandari", "  ani   WULANDARI "):
        with pytest.raises(ServiceError, match="a different person must type the sheet again"):
            paper_sheets.confirm(Workspace(db, name), s.code, "prop", "J1", "E1", VALUES)
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None
    assert len(paper_sheets.pending_paper_sheets(db, s.code)) == 1


def test_matching_second_entry_submits_the_sheet(paper, db):
    s = paper
    before = results.results_json(results.compute(db, s.code))
    pending = first(s, comments={"A": "cukup  baru"}, overall_comment="Perlu data.")
    done = paper_sheets.confirm(budi(s), s.code, "prop", "J1", "E1", {"A": D(4), "B": "3.50"},
                                {"A": "cukup baru", "B": "  "}, " Perlu\ndata. ")
    assert done.confirmed and done.mismatches == () and done.pending_id == pending.pending_id
    rec = sheets.get_sheet(db, s.code, "prop", "J1", "E1")
    assert done.sheet == rec
    assert (rec.state, rec.source) == ("submitted", "paper")
    assert rec.scores == {"A": D(4), "B": D("3.5")}
    assert rec.comments == {"A": "cukup baru"}
    assert rec.overall_comment == "Perlu\ndata."
    assert paper_sheets.pending_paper_sheets(db, s.code) == []
    after = results.results_json(results.compute(db, s.code))
    assert after != before
    e1 = next(r for c in after["categories"] for r in c["rows"] if r["code"] == "E1")
    assert e1["sheets"] == 1
    with pytest.raises(LockedError, match="submitted sheet already counts"):
        first(s)
    assert audit.verify_chain(db).ok


def test_mismatch_reports_fields_and_writes_nothing(paper, db):
    s = paper
    first(s, comments={"A": "baru"}, overall_comment="Bagus.")
    before = results.results_json(results.compute(db, s.code))
    done = paper_sheets.confirm(budi(s), s.code, "prop", "J1", "E1", {"A": "4", "B": "4,5"},
                                {"A": "baru sekali"}, "")
    assert not done.confirmed and done.sheet is None
    assert done.mismatches == (
        FieldMismatch("A", COMMENT, "baru", "baru sekali"),
        FieldMismatch("B", SCORE, "3.5", "4.5"),
        FieldMismatch("", OVERALL, "Bagus.", ""),
    )
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1") is None
    assert results.results_json(results.compute(db, s.code)) == before
    assert len(paper_sheets.pending_paper_sheets(db, s.code)) == 1
    # the confirmer checks the paper, corrects, and retries
    done = paper_sheets.confirm(budi(s), s.code, "prop", "J1", "E1", VALUES, {"A": "baru"},
                                "Bagus.")
    assert done.confirmed
    assert sheets.get_sheet(db, s.code, "prop", "J1", "E1").state == "submitted"


def test_off_scale_and_incomplete_refused_at_first_entry(paper, db):
    s = paper
    with pytest.raises(ValidationError) as caught:
        first(s, values={"A": "6", "B": "3,25"})
    assert "6 is outside the scale 1–5" in str(caught.value)
    assert "3.25 is not on the scale's step of 0.5" in str(caught.value)
    with pytest.raises(ValidationError, match="B: no score typed"):
        first(s, values={"A": "4", "B": " "})
    with pytest.raises(ValidationError, match="no criterion 'Z'"):
        first(s, values={**VALUES, "Z": "1"})
    with pytest.raises(ValidationError, match="is not a number"):
        first(s, values={"A": "empat", "B": "3"})
    assert paper_sheets.pending_paper_sheets(db, s.code) == []
    first(s)
    with pytest.raises(ValidationError, match="outside the scale"):  # the second entry too
        paper_sheets.confirm(budi(s), s.code, "prop", "J1", "E1", {"A": "0", "B": "3"})


def test_refusals_before_anything_is_typed(paper, db):
    s = paper
    with pytest.raises(LockedError, match="submitted sheet already counts"):
        first(s, entry="E2")
    with pytest.raises(ServiceError, match="not assigned"):
        first(s, judge="J3")
    with pytest.raises(ServiceError, match="no first entry awaits confirmation"):
        paper_sheets.confirm(budi(s), s.code, "prop", "J2", "E1", VALUES)


def test_second_first_entry_needs_explicit_replace(paper, db):
    s = paper
    old = first(s, values={"A": "1", "B": "1"})
    with pytest.raises(ServiceError, match="typed by Ani Wulandari already awaits confirmation"):
        paper_sheets.enter_first(budi(s), s.code, "prop", "J1", "E1", VALUES)
    new = paper_sheets.enter_first(budi(s), s.code, "prop", "J1", "E1", VALUES, replace=True)
    assert new.pending_id != old.pending_id and new.typed_by == "Budi Santoso"
    assert paper_sheets.pending_paper_sheets(db, s.code) == [new]
    # Ani may now confirm Budi's typing; the superseded values no longer matter
    assert paper_sheets.confirm(ani(s), s.code, "prop", "J1", "E1", VALUES).confirmed


def test_pending_list_by_round(paper, db):
    s = paper
    first(s, judge="J2", entry="E2")
    first(s, judge="J1", entry="E1")
    first(s, judge="J2", entry="E1")
    listed = paper_sheets.pending_paper_sheets(db, s.code, "prop")
    assert [(p.judge_code, p.entry_code) for p in listed] == [("J1", "E1"), ("J2", "E1"),
                                                               ("J2", "E2")]
    assert paper_sheets.pending_paper_sheets(db, s.code, "adm") == []
    with pytest.raises(NotFoundError):
        paper_sheets.pending_paper_sheets(db, s.code, "nope")
    paper_sheets.confirm(budi(s), s.code, "prop", "J2", "E1", VALUES)
    assert len(paper_sheets.pending_paper_sheets(db, s.code)) == 2


def test_discard_needs_a_reason_and_frees_the_entry(paper, db):
    s = paper
    first(s)
    with pytest.raises(ValidationError, match="needs a reason"):
        paper_sheets.discard_pending(budi(s), s.code, "prop", "J1", "E1", "  ")
    dropped = paper_sheets.discard_pending(budi(s), s.code, "prop", "J1", "E1",
                                           "Diketik dari lembar juri lain.")
    assert dropped.typed_by == "Ani Wulandari"
    assert paper_sheets.pending_paper_sheets(db, s.code) == []
    with pytest.raises(ServiceError, match="no first entry awaits confirmation"):
        paper_sheets.confirm(budi(s), s.code, "prop", "J1", "E1", VALUES)
    with pytest.raises(ServiceError, match="no first entry awaits confirmation"):
        paper_sheets.discard_pending(budi(s), s.code, "prop", "J1", "E1", "lagi")
    first(s)  # may be typed again
    assert len(paper_sheets.pending_paper_sheets(db, s.code)) == 1
    assert audit.verify_chain(db).ok


def test_confirmed_paper_sheet_replaces_a_draft(paper, db):
    s = paper
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1",
                      SheetInput({"A": D(2)}, {"A": "draf lama"}, "draf"))
    first(s, judge="J2")
    assert sheets.get_sheet(db, s.code, "prop", "J2", "E1").state == "draft"  # untouched
    paper_sheets.confirm(budi(s), s.code, "prop", "J2", "E1", VALUES)
    rec = sheets.get_sheet(db, s.code, "prop", "J2", "E1")
    assert (rec.state, rec.source, rec.scores) == ("submitted", "paper",
                                                   {"A": D(4), "B": D("3.5")})
    assert (rec.comments, rec.overall_comment) == ({}, "")


def test_sheet_submitted_meanwhile_blocks_confirmation(paper, db):
    s = paper
    first(s, judge="J2")
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E1", SheetInput({"A": D(2), "B": D(2)}))
    sheets.submit_sheet(s.ws, s.code, "prop", "J2", "E1")
    with pytest.raises(LockedError):
        paper_sheets.confirm(budi(s), s.code, "prop", "J2", "E1", VALUES)
    paper_sheets.discard_pending(budi(s), s.code, "prop", "J2", "E1", "Juri mengisi langsung.")
    assert paper_sheets.pending_paper_sheets(db, s.code) == []


def test_paper_round_offers_open_assignments_only(paper, db):
    s = paper
    assignments.assign(s.ws, s.code, "prop", "J3", ["E3"])
    conflicts.declare_conflict(s.ws, s.code, "J3", "E3", ConflictReason.PERSONAL)
    sheets.save_sheet(s.ws, s.code, "prop", "J2", "E2", SheetInput({"A": D(2)}))
    first(s, judge="J2", entry="E1")
    rnd = paper_sheets.paper_round(db, s.code, "prop")
    assert (rnd.round_code, rnd.round_name) == ("prop", "Penilaian proposal")
    assert [c.code for c in rnd.criteria] == ["A", "B"]
    assert rnd.criteria[0].levels[0].text == "kurang"
    assert [(c.judge_code, c.entry_code) for c in rnd.choices] == [
        ("J1", "E1"), ("J2", "E1"), ("J2", "E2")]
    by_pair = {(c.judge_code, c.entry_code): c for c in rnd.choices}
    assert by_pair["J2", "E1"].pending.typed_by == "Ani Wulandari"
    assert by_pair["J1", "E1"].pending is None
    assert by_pair["J2", "E2"].has_draft and not by_pair["J1", "E1"].has_draft
    assert by_pair["J1", "E1"].entry_title == "Inovasi 1" and by_pair["J1", "E1"].judge_name == "Juri 1"
    with pytest.raises(ServiceError, match="screening round"):
        paper_sheets.paper_round(db, s.code, "adm")


SCALE = CriterionSpec("B", "B", D(60), D(1), D(5), D("0.5"))
WIDE = CriterionSpec("C", "C", D(40), D(10), D(100), D(5))


@pytest.mark.parametrize(("text", "spec", "state"), [
    ("", SCALE, PARTIAL), ("3", SCALE, OK), ("3,5", SCALE, OK), ("3.5", SCALE, OK),
    ("3,", SCALE, PARTIAL), (",", SCALE, PARTIAL), ("3,2", SCALE, PARTIAL),
    ("6", SCALE, INVALID), ("5,5", SCALE, INVALID), ("0", SCALE, PARTIAL), ("-1", SCALE, INVALID),
    ("3,5555", SCALE, INVALID), ("a", SCALE, INVALID), ("1.2.3", SCALE, INVALID),
    ("1", WIDE, PARTIAL), ("15", WIDE, OK), ("17", WIDE, PARTIAL), ("105", WIDE, INVALID),
    ("100", WIDE, OK),
])
def test_typed_value_state(text, spec, state):
    assert typed_value_state(text, spec) == state

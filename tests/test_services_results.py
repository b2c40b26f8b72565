"""Results through the database (both backends): exact totals from stored scores, ties,
chair decisions, conflicts, incomplete entries, finalizing with a snapshot digest."""

from __future__ import annotations

import hashlib
import json
from decimal import Decimal as D
from fractions import Fraction as F

import pytest
from sqlalchemy import select

from judging_app.core.enums import AggregationMethod, ConflictReason
from judging_app.services import assignments, competitions, conflicts, results, sheets
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.sheets import SheetInput
from judging_app.store.models import ResultSnapshot

from factories import seeded_competition

# tiny_setup: criterion A weight 40 (1-5), B weight 60 (1-5 step 0.5); total = 40·A/5 + 60·B/5
SCORES = {  # entry -> judge -> (A, B)
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},  # 74, 88, 60 -> mean 74
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},  # 100, 68, 52 -> mean 220/3
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},  # 80, 80, 80 -> mean 80
    "E4": {"J1": (2, 5), "J2": (5, 4), "J3": (2, 5)},  # 76, 88, 76 -> mean 80, B mean 14/3
}


def _score_all(s, scores=SCORES, submit=True):
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for entry, by_judge in scores.items():
        for judge, (a, b) in by_judge.items():
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
            if submit:
                sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


def _rows(view):
    return {view.entries[r.entry_id].code: r for r in view.results.rows}


def test_exact_means_ranks_awards_and_tie_break(db):
    s = seeded_competition(db)
    _score_all(s)
    view = results.compute(db, s.code)
    rows = _rows(view)
    assert rows["E1"].score == 74 and rows["E3"].score == F(220, 3)
    assert rows["E3"].displayed_score == "73.33"
    assert (rows["E1"].rank, rows["E1"].award, rows["E3"].rank, rows["E3"].award) == (1, "j1", 2, "j2")
    # E2 and E4 both 80 exactly; E4 is higher on the heaviest criterion B (14/3 > 4)
    assert rows["E2"].score == rows["E4"].score == 80
    assert (rows["E4"].rank, rows["E2"].rank) == (1, 2)
    assert rows["E4"].decided_by == "criteria_by_weight"
    assert not rows["E4"].tied and view.results.can_finalize


def test_identical_scores_are_a_blocking_tie_until_the_chair_decides(db):
    s = seeded_competition(db)
    scores = dict(SCORES, E4=SCORES["E2"])
    _score_all(s, scores)
    view = results.compute(db, s.code)
    rows = _rows(view)
    assert rows["E2"].rank == rows["E4"].rank == 1 and rows["E2"].tied and rows["E2"].blocked
    assert not view.results.can_finalize
    with pytest.raises(LockedError, match="E2 = E4|E4 = E2"):
        results.finalize(s.ws, s.code)
    with pytest.raises(ValidationError, match="reason"):
        results.record_tie_decision(s.ws, s.code, ["E4", "E2"], "")
    with pytest.raises(ServiceError, match="no tie"):
        results.record_tie_decision(s.ws, s.code, ["E1", "E3"], "bukan seri")
    results.record_tie_decision(s.ws, s.code, ["E4", "E2"], "presentasi E4 lebih meyakinkan")
    rows = _rows(results.compute(db, s.code))
    assert (rows["E4"].rank, rows["E2"].rank) == (1, 2)
    assert rows["E4"].decided_by == "chair_decision"
    digest = results.finalize(s.ws, s.code)
    assert competitions.get_summary(db, s.code).status == "finalized"
    with db.read() as ses:
        snap = ses.scalars(select(ResultSnapshot)).one()
    assert snap.digest == digest == hashlib.sha256(snap.payload.encode()).hexdigest()
    payload = json.loads(snap.payload)
    assert [r["code"] for r in payload["categories"][1]["rows"]] == ["E4", "E2"]
    with pytest.raises(LockedError, match="finalized"):
        sheets.reopen_sheet(s.ws, s.code, "prop", "J1", "E1", "terlambat")


def test_conflicted_and_draft_sheets_never_count(db):
    s = seeded_competition(db)
    _score_all(s)
    sheets.reopen_sheet(s.ws, s.code, "prop", "J3", "E3", "periksa ulang")
    rows = _rows(results.compute(db, s.code))
    assert rows["E3"].incomplete and rows["E3"].rank is None  # a draft does not count
    assert rows["E3"].sheet_count == 2 and rows["E3"].expected_sheets == 3
    sheets.submit_sheet(s.ws, s.code, "prop", "J3", "E3")
    sheets.reopen_sheet(s.ws, s.code, "prop", "J3", "E1", "konflik ditemukan")
    conflicts.declare_conflict(s.ws, s.code, "J3", "E1", ConflictReason.PERSONAL, "kerabat")
    rows = _rows(results.compute(db, s.code))
    assert rows["E1"].score == F(74 + 88, 2) and not rows["E1"].incomplete


def test_methods_differ_where_they_should(db):
    s = seeded_competition(db)
    _score_all(s)
    median = _rows(results.compute(db, s.code, method=AggregationMethod.MEDIAN))
    assert median["E3"].score == 68 and median["E1"].score == 74
    trimmed = results.compute(db, s.code, method=AggregationMethod.TRIMMED_MEAN)
    assert any(n.code == "trimmed_mean_fallback" and "plain mean" in str(n.message)
               for n in trimmed.results.notes)
    assert _rows(trimmed)["E3"].score == F(220, 3)  # 3 sheets < 5: the mean, and it says so


def test_results_json_shape(db):
    s = seeded_competition(db)
    _score_all(s)
    data = results.results_json(results.compute(db, s.code))
    assert data["method"] == "mean" and "rounded half up" in data["rounding"]
    (umum,) = [c for c in data["categories"] if c["category"] == "umum"]
    first = umum["rows"][0]
    assert first == {
        "code": "E1", "title": "Inovasi 1", "unit": "Dinas Contoh 1", "category": "umum",
        "score_exact": "74", "exact": True, "score": "74.00", "rank": 1, "award": "Juara I",
        "predicate": None, "tied": False, "tie_break": None, "tie_break_criterion": None,
        "blocking_tie": False,
        "incomplete": False, "sheets": 3, "expected_sheets": 3,
    }
    assert umum["rows"][1]["score_exact"] == "220/3"


def test_fairness_reports_judges_and_stability(db):
    s = seeded_competition(db)
    _score_all(s)
    view = results.fairness(db, s.code)
    panel = next(p for p in view.report.panels if p.group == "umum")
    severity = {view.judges[j.judge_id]: j.severity for j in panel.judges}
    # J2 on E1: 88 - (74+60)/2 = 21; on E3: 68 - (100+52)/2 = -8 -> mean 13/2
    assert severity["J2"] == F(13, 2)
    assert len(view.report.stability) == 4

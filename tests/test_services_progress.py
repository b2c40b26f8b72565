"""Progress of a round (both backends): sheet counts per judge and per entry, the entries
that block the results, finalize readiness, the result snapshot and judges' distributions."""

from __future__ import annotations

import dataclasses
from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from judging_app.core.enums import ConflictReason, EntryStatus
from judging_app.services import (
    assignments,
    competitions,
    conflicts,
    entries,
    progress,
    results,
    sheets,
)
from judging_app.services.errors import NotFoundError
from judging_app.services.sheets import SheetInput

from factories import seeded_competition

# tiny_setup: total = 40·A/5 + 60·B/5
SCORES = {  # entry -> judge -> (A, B)
    "E1": {"J1": (4, "3.5"), "J2": (5, 4), "J3": (3, 3)},  # 74, 88, 60
    "E3": {"J1": (5, 5), "J2": (4, 3), "J3": (2, 3)},  # 100, 68, 52
    "E2": {"J1": (4, 4), "J2": (4, 4), "J3": (4, 4)},  # 80, 80, 80
    "E4": {"J1": (2, 5), "J2": (5, 4), "J3": (2, 5)},  # 76, 88, 76
}


def _save(s, judge, entry, submit=True):
    a, b = SCORES[entry][judge]
    sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput({"A": D(a), "B": D(b)}))
    if submit:
        sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)


def _score_all(s):
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    for entry, by_judge in SCORES.items():
        for judge in by_judge:
            _save(s, judge, entry)


def test_counts_per_judge_and_entry_and_blocking_entries(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    _save(s, "J1", "E1")
    _save(s, "J2", "E1")
    _save(s, "J3", "E1", submit=False)  # E1: 2 submitted, 1 draft
    for judge in ("J1", "J2", "J3"):
        _save(s, judge, "E2")  # E2 complete
    p = progress.round_progress(db, s.code)
    assert p.round_code == "prop" and not p.allow_incomplete
    judges = {j.code: j for j in p.judges}
    assert (judges["J1"].assigned, judges["J1"].submitted, judges["J1"].draft) == (4, 2, 0)
    assert judges["J3"].draft == 1 and judges["J3"].not_started == 2
    assert judges["J1"].percent_submitted == 50
    by_code = {e.code: e for e in p.entries}
    e1 = by_code["E1"]
    assert (e1.expected, e1.submitted, e1.draft, e1.missing, e1.blocking) == (3, 2, 1, 0, True)
    assert by_code["E2"].complete and not by_code["E2"].blocking
    assert (by_code["E3"].missing, by_code["E3"].blocking) == (3, True)
    assert by_code["E1"].category_name == "Umum" and by_code["E1"].unit == "Dinas Contoh 1"
    assert (p.expected, p.submitted, p.draft, p.not_started) == (12, 5, 1, 6)
    assert [e.code for e in progress.blocking_entries(db, s.code, "prop")] == ["E1", "E3", "E4"]


def test_conflicts_ineligible_entries_and_allowed_incomplete(db):
    s = seeded_competition(db)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    conflicts.declare_conflict(s.ws, s.code, "J3", "E1", ConflictReason.PERSONAL, "kerabat")
    entries.set_entry_status(s.ws, s.code, ["E4"], EntryStatus.DISQUALIFIED, "plagiat")
    p = progress.round_progress(db, s.code, "prop")
    by_code = {e.code: e for e in p.entries}
    assert "E4" not in by_code  # only eligible entries
    assert by_code["E1"].expected == 2  # the conflicted judge does not count
    assert {j.code: j.assigned for j in p.judges}["J3"] == 2  # E2, E3 (E4 is out)
    setup = competitions.get_setup(db, s.code)
    rules = dataclasses.replace(setup.rules, allow_incomplete=True)
    competitions.update_setup(s.ws, s.code, dataclasses.replace(setup, rules=rules))
    p = progress.round_progress(db, s.code, "prop")
    assert p.allow_incomplete and p.blocking_entries == ()


def test_rounds_default_and_unassigned_entries(db):
    s = seeded_competition(db)
    rounds = progress.scored_rounds(db, s.code)
    assert [(r.code, r.started) for r in rounds] == [("prop", False)]  # screening left out
    assert progress.default_round(rounds) == "prop"
    p = progress.round_progress(db, s.code)
    assert len(p.entries) == 4 and p.unassigned_entries == p.entries
    assert p.blocking_entries == ()  # nothing expected yet, nothing blocks
    assert all(j.assigned == 0 and j.percent_submitted == 0 for j in p.judges)
    with pytest.raises(NotFoundError, match="screening"):
        progress.round_progress(db, s.code, "adm")


def test_finalize_readiness_and_snapshot(db):
    s = seeded_competition(db)
    _score_all(s)
    sheets.reopen_sheet(s.ws, s.code, "prop", "J3", "E3", "periksa ulang")
    status = competitions.get_summary(db, s.code).status
    ready = progress.finalize_readiness(results.compute(db, s.code), status)
    assert ready.incomplete_entries == ("E3",) and not ready.ready
    sheets.submit_sheet(s.ws, s.code, "prop", "J3", "E3")
    ready = progress.finalize_readiness(results.compute(db, s.code), status)
    assert ready.ready and ready.blocking_ties == 0
    assert progress.final_snapshot(db, s.code) is None
    digest = results.finalize(s.ws, s.code)
    snap = progress.final_snapshot(db, s.code)
    assert snap is not None and snap.digest == digest and snap.method == "mean"
    assert snap.created_by == "Sekretariat Uji"
    after = progress.finalize_readiness(results.compute(db, s.code), "finalized")
    assert not after.ready


def test_judge_distributions_match_the_fairness_panels(db):
    s = seeded_competition(db)
    _score_all(s)
    dists = progress.judge_distributions(db, s.code)
    fair = results.fairness(db, s.code)
    assert set(dists) == {(p.round_id, p.group) for p in fair.report.panels}
    (umum,) = [v for (_r, g), v in dists.items() if g == "umum"]
    j2 = next(d for d in umum if d.code == "J2")
    assert j2.totals == (F(68), F(88)) and j2.name == "Juri 2"
    assert (j2.minimum, j2.median, j2.maximum) == (68, 78, 88)


def test_five_number_summary_uses_tukey_hinges():
    d = progress.distribution(1, "J1", "Juri", [F(5), F(1), F(3), F(2), F(4)])
    assert (d.minimum, d.lower_quartile, d.median, d.upper_quartile, d.maximum) == (1, 2, 3, 4, 5)
    d = progress.distribution(1, "J1", "Juri", [F(1), F(2), F(3), F(4)])
    assert (d.lower_quartile, d.median, d.upper_quartile) == (F(3, 2), F(5, 2), F(7, 2))
    d = progress.distribution(1, "J1", "Juri", [F(7)])
    assert d.lower_quartile == d.upper_quartile == 7

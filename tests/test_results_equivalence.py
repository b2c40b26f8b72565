"""Results through the database (per-entry totals, plain-SQL reads, stored criteria keys,
the read-only command) equal the engine run on the raw score sheets, on random competitions
with drafts, reopened sheets, missing sheets, a declared conflict and a disqualified entry,
for every method, on both backends."""

from __future__ import annotations

import random
from decimal import Decimal as D

import pytest
from sqlalchemy import text

from judging_app.core.enums import AggregationMethod, ConflictReason, EntryStatus
from judging_app.core.scoring import (
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    compute_results,
)
from judging_app.services import assignments, conflicts, entries, results, sheets
from judging_app.services.sheets import SheetInput
from judging_app.store.setup_rows import read_setup

from factories import seeded_competition

A_VALUES = [D(3), D(4)]  # few distinct values: many exact ties for the chain to break
B_VALUES = [D(3), D("3.5"), D(4)]


def _random_competition(db, seed: int) -> str:
    rng = random.Random(seed)
    s = seeded_competition(db, n_entries=16, n_judges=5)
    conflicts.declare_conflict(s.ws, s.code, "J5", "E3", ConflictReason.PERSONAL)
    assignments.auto_assign(s.ws, s.code, "prop", 3)
    with db.read() as r:
        pairs = r.execute(text(
            "SELECT j.code, e.code FROM assignments a JOIN judges j ON j.id = a.judge_id"
            " JOIN entries e ON e.id = a.entry_id")).all()
    # E1 and E3 (one category) tie at 72 exactly: E1 sums A 9, B 12; E3 sums A 12, B 10.
    # The heavier criterion B puts E1 first (under the mean: the stored criteria key).
    engineered = {"E1": [(3, 4), (3, 4), (3, 4)], "E3": [(4, 4), (4, 3), (4, 3)]}
    for judge, entry in pairs:
        if entry in engineered:
            a, b = engineered[entry].pop()
            sheets.save_sheet(s.ws, s.code, "prop", judge, entry,
                              SheetInput({"A": D(a), "B": D(b)}))
            sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
            continue
        fate = rng.random()
        if fate < 0.03:
            continue  # never scored: the entry is incomplete
        scores = {"A": rng.choice(A_VALUES), "B": rng.choice(B_VALUES)}
        sheets.save_sheet(s.ws, s.code, "prop", judge, entry, SheetInput(scores))
        if fate < 0.06:
            continue  # a draft counts for nothing
        sheets.submit_sheet(s.ws, s.code, "prop", judge, entry)
        if fate < 0.09:
            sheets.reopen_sheet(s.ws, s.code, "prop", judge, entry, "periksa ulang")
    entries.set_entry_status(s.ws, s.code, ["E7"], EntryStatus.DISQUALIFIED, "plagiat")
    return s.code


def _from_raw_sheets(db, code: str, method: AggregationMethod):
    """The engine on sheets read straight from the scores: submitted, judge not
    conflicted, entry eligible; expected sheets from the assignments."""
    with db.read() as r:
        comp_id = r.execute(text("SELECT id FROM competitions WHERE code = :c"), {"c": code}).scalar()
        setup = read_setup(r, comp_id)
        rnd = r.execute(text("SELECT id FROM rounds WHERE code = 'prop'")).scalar()
        crits = r.execute(text("SELECT id, code, weight_milli, scale_max_milli, position"
                               " FROM criteria WHERE round_id = :r ORDER BY position"),
                          {"r": rnd}).all()
        eligible = r.execute(text(
            "SELECT e.id, e.code, e.title, u.name, c.code FROM entries e JOIN units u"
            " ON u.id = e.unit_id JOIN categories c ON c.id = e.category_id"
            " WHERE e.status = 'eligible'")).all()
        raw = r.execute(text(
            "SELECT sh.judge_id, sh.entry_id, s.criterion_id, s.value_milli FROM scores s"
            " JOIN score_sheets sh ON sh.id = s.sheet_id WHERE sh.state = 'submitted'"
            " AND NOT EXISTS (SELECT 1 FROM conflicts cf WHERE cf.judge_id = sh.judge_id"
            " AND cf.entry_id = sh.entry_id)")).all()
        expected = dict(r.execute(text(
            "SELECT a.entry_id, COUNT(*) FROM assignments a WHERE NOT EXISTS (SELECT 1 FROM"
            " conflicts cf WHERE cf.judge_id = a.judge_id AND cf.entry_id = a.entry_id)"
            " GROUP BY a.entry_id")).all())
    ids = {e[0] for e in eligible}
    info = RoundInfo(rnd, "prop", 1, D(0), tuple(
        CriterionInfo(cid, c, D(w) / 1000, D(m) / 1000, p) for cid, c, w, m, p in crits))
    by_sheet: dict[tuple[int, int], dict[int, D]] = {}
    for judge, entry, crit, value in raw:
        if entry in ids:
            by_sheet.setdefault((judge, entry), {})[crit] = D(value) / 1000
    data = RoundData.from_sheets(
        info, [SheetScores(rnd, j, e, sc) for (j, e), sc in sorted(by_sheet.items())],
        {e: n for e, n in expected.items() if e in ids})
    return compute_results(
        [EntryInfo(*e) for e in eligible], [data], setup.rules, setup.award_tiers, {},
        method=method, category_order=[c.code for c in setup.categories])


def _rows(res, code_of):
    return [(code_of[r.entry_id], r.group, r.rank, r.score, r.tied, r.decided_by, r.decided_on,
             r.award,
             r.incomplete, r.blocked, r.sheet_count, r.expected_sheets) for r in res.rows]


@pytest.mark.parametrize("seed", [1, 2, 3, 4])
def test_database_results_equal_the_engine_on_raw_sheets(db, seed):
    code = _random_competition(db, seed)
    for method in AggregationMethod:
        view = results.compute(db, code, method=method)
        code_of = {e.id: e.code for e in view.entries.values()}
        got = _rows(view.results, code_of)
        assert got == _rows(_from_raw_sheets(db, code, method), code_of), method
    mean = {r.entry_id: r for r in results.compute(db, code).results.rows}
    e1, e3 = (next(i for i, c in code_of.items() if c == x) for x in ("E1", "E3"))
    assert mean[e1].score == mean[e3].score == 72 and mean[e1].rank < mean[e3].rank
    assert mean[e1].decided_by == "criteria_by_weight"

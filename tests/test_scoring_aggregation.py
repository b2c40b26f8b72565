"""Across judges: mean, median, trimmed mean (with its fallback), standardized; incomplete."""

import math
from decimal import Decimal as D
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.enums import AggregationMethod as M
from judging_app.core.scoring import (
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetTotals,
    compute_results,
)
from judging_app.core.setup import ResultRules

ROUND = RoundInfo(1, "proposal", 1, D(100))


def make_round(totals, expected=None, round_info=ROUND):
    """totals: entry id -> {judge id: total}."""
    rows = [(e, j, F(t)) for e, by_judge in totals.items() for j, t in by_judge.items()]
    if expected is None:
        expected = {e: len(by_judge) for e, by_judge in totals.items()}
    return RoundData(round_info, SheetTotals.from_fractions(rows), expected)


def make_entries(ids, category="umum"):
    return [EntryInfo(i, f"E{i}", category=category) for i in ids]


def results(totals, method=M.MEAN, expected=None, **rules):
    data = make_round(totals, expected)
    return compute_results(
        make_entries(sorted(totals) + sorted(set(expected or ()) - set(totals))),
        [data],
        ResultRules(aggregation=method, **rules),
    )


def scores(res):
    return {r.entry_id: r.score for r in res.rows}


def test_mean_of_three_judges():
    res = results({1: {1: 70, 2: 80, 3: 84}, 2: {1: 60, 2: 61, 3: 62}})
    # (70 + 80 + 84)/3 = 234/3 = 78 ; (60 + 61 + 62)/3 = 61
    assert scores(res) == {1: 78, 2: 61}
    assert res.row(1).displayed_score == "78.00"


def test_mean_keeps_thirds_exact_and_displays_half_up():
    res = results({1: {1: 70, 2: 70, 3: 71}, 2: {1: F(1001, 40), 2: F(1001, 40)}})
    # (70 + 70 + 71)/3 = 211/3 = 70.333…
    assert res.row(1).score == F(211, 3)
    assert res.row(1).displayed_score == "70.33"
    # 1001/40 = 25.025 exactly: half up gives 25.03 (a float would give 25.02)
    assert res.row(2).displayed_score == "25.03"


def test_median_odd_and_even():
    res = results({1: {1: 70, 2: 84, 3: 80}, 2: {1: 70, 2: 80, 3: 84, 4: 90}}, M.MEDIAN)
    # sorted 70, 80, 84 -> 80 ; sorted 70, 80, 84, 90 -> (80 + 84)/2 = 82
    assert scores(res) == {1: 80, 2: 82}


def test_trimmed_mean_drops_one_highest_and_one_lowest():
    res = results({1: {1: 60, 2: 70, 3: 80, 4: 90, 5: 100}}, M.TRIMMED_MEAN)
    # drop 60 and 100: (70 + 80 + 90)/3 = 80
    assert res.row(1).score == 80
    assert not res.row(1).fallback
    assert not [n for n in res.notes if n.code == "trimmed_mean_fallback"]


def test_trimmed_mean_drops_exactly_one_of_equal_extremes():
    res = results({1: {1: 60, 2: 60, 3: 80, 4: 100, 5: 100}}, M.TRIMMED_MEAN)
    # drop one 60 and one 100: (60 + 80 + 100)/3 = 80
    assert res.row(1).score == 80


def test_trimmed_mean_falls_back_to_mean_and_says_so():
    res = results(
        {1: {1: 60, 2: 70, 3: 95}, 2: {1: 60, 2: 70, 3: 80, 4: 90, 5: 100}}, M.TRIMMED_MEAN
    )
    # entry 1 has 3 sheets < 5: mean (60 + 70 + 95)/3 = 75 ; entry 2 trimmed: 80
    assert scores(res) == {1: 75, 2: 80}
    assert res.row(1).fallback and not res.row(2).fallback
    (note,) = [n for n in res.notes if n.code == "trimmed_mean_fallback"]
    assert note.entry_ids == (1,)
    assert "at least 5 sheets" in str(note.message) and "plain mean" in str(note.message)


def test_trimmed_min_sheets_is_configurable():
    res = results({1: {1: 60, 2: 70, 3: 95}}, M.TRIMMED_MEAN, trimmed_min_sheets=3)
    # 3 sheets >= 3: drop 60 and 95 -> 70
    assert res.row(1).score == 70 and not res.row(1).fallback


def test_incomplete_entry_is_reported_and_unranked():
    totals = {1: {1: 90, 2: 90}, 2: {1: 80, 2: 80, 3: 80}, 3: {1: 70, 2: 70, 3: 70}}
    res = results(totals, expected={1: 3, 2: 3, 3: 3})
    row = res.row(1)
    assert row.incomplete and row.rank is None and row.award is None
    assert (row.sheet_count, row.expected_sheets) == (2, 3)
    assert [(r.entry_id, r.rank) for r in res.rows] == [(2, 1), (3, 2), (1, None)]
    (note,) = [n for n in res.notes if n.code == "incomplete_unranked"]
    assert note.entry_ids == (1,)


def test_incomplete_entry_is_ranked_when_allowed():
    totals = {1: {1: 90, 2: 90}, 2: {1: 80, 2: 80, 3: 80}}
    res = results(totals, expected={1: 3, 2: 3}, allow_incomplete=True)
    # entry 1: mean of the two sheets it has = 90
    assert [(r.entry_id, r.rank, r.incomplete) for r in res.rows] == [(1, 1, True), (2, 2, False)]


def test_entry_without_any_sheet_is_never_ranked():
    res = results({1: {1: 80}}, expected={1: 1, 2: 2}, allow_incomplete=True)
    assert res.row(2).rank is None and res.row(2).score is None
    assert res.row(2).displayed_score == ""


# --- standardized -------------------------------------------------------------------------
#
# Judge A (strict, spread 10) scores E1 = 80, E2 = 60: μA = 70, VA = (10² + 10²)/2 = 100.
# Judge B (lenient, spread 5) scores E3 = 95, E4 = 85: μB = 90, VB = (5² + 5²)/2 = 25.
# Panel: μp = (80 + 60 + 95 + 85)/4 = 80 ; pooled within-judge variance
# Vp = (200 + 50)/4 = 62.5. z-scores: E1 +1, E2 −1, E3 +1, E4 −1, so
# E1 = E3 = 80 + √62.5 ≈ 87.9057 and E2 = E4 = 80 − √62.5 ≈ 72.0943 — exactly equal pairs,
# although √(Vp/VA) = √0.625 and √(Vp/VB) = √2.5 are irrational (their ratio is exactly 2).
STANDARD_CASE = {1: {"A": 80}, 2: {"A": 60}, 3: {"B": 95}, 4: {"B": 85}}


def judge_ids(case):
    ids = {"A": 1, "B": 2, "C": 3}
    return {e: {ids[j]: t for j, t in by.items()} for e, by in case.items()}


def test_standardized_hand_example_ties_exactly_equal_z_scores():
    res = results(judge_ids(STANDARD_CASE), M.STANDARDIZED)
    rows = {r.entry_id: r for r in res.rows}
    assert rows[1].rank == rows[3].rank == 1 and rows[1].tied and rows[3].tied
    assert rows[2].rank == rows[4].rank == 3
    assert not rows[1].exact  # irrational, shown to ~40 decimals
    assert abs(float(rows[1].score) - (80 + math.sqrt(62.5))) < 1e-12
    assert rows[1].displayed_score == "87.91" and rows[2].displayed_score == "72.09"
    # the plain mean ranks them differently: E3 (95), E4 (85), E1 (80), E2 (60)
    mean = results(judge_ids(STANDARD_CASE), M.MEAN)
    assert [r.entry_id for r in mean.rows] == [3, 4, 1, 2]


def test_standardized_rational_case():
    # A: 72, 68 (μ 70, V 4); B: 94, 66 (μ 80, V 196); Vp = (8 + 392)/4 = 100, √Vp = 10,
    # μp = (72 + 68 + 94 + 66)/4 = 75: every +1 z-score maps to 85, every −1 to 65.
    case = {1: {"A": 72}, 2: {"A": 68}, 3: {"B": 94}, 4: {"B": 66}}
    res = results(judge_ids(case), M.STANDARDIZED)
    assert scores(res) == {1: 85, 3: 85, 2: 65, 4: 65}
    assert all(r.exact for r in res.rows)


def test_standardized_entry_scored_by_two_judges_is_the_mean_of_its_sheets():
    # A scores E1 = 80, E2 = 60 (μ 70, V 100); B scores E1 = 90, E2 = 70 (μ 80, V 100).
    # Vp = (200 + 200)/4 = 100, μp = (80 + 60 + 90 + 70)/4 = 75.
    # E1: both sheets z = +1 -> 85 each -> 85 ; E2 -> 65.
    case = {1: {"A": 80, "B": 90}, 2: {"A": 60, "B": 70}}
    res = results(judge_ids(case), M.STANDARDIZED)
    assert scores(res) == {1: 85, 2: 65}


def test_standardized_judge_with_one_sheet_counts_as_the_panel_mean():
    # C scored only E5: no spread, z = 0, so E5 gets the panel mean of this category.
    case = dict(STANDARD_CASE)
    case[5] = {"C": 99}
    res = results(judge_ids(case), M.STANDARDIZED)
    # μp = (80 + 60 + 95 + 85 + 99)/5 = 419/5
    assert res.row(5).score == F(419, 5)
    assert any(n.code == "standardized_zero_spread" for n in res.notes)


def test_standardized_is_per_category():
    # the same sheets in two categories standardize separately and identically
    case = judge_ids(STANDARD_CASE)
    doubled = dict(case)
    doubled.update({e + 10: {j + 10: t for j, t in by.items()} for e, by in case.items()})
    data = make_round(doubled)
    entries = make_entries([1, 2, 3, 4], "umum") + make_entries([11, 12, 13, 14], "khusus")
    res = compute_results(entries, [data], ResultRules(aggregation=M.STANDARDIZED))
    assert res.row(1).score == res.row(11).score
    assert [r.group for r in res.rows][:4] == ["khusus"] * 4  # groups sorted by code


def float_reference(totals):
    """A plain float implementation of the standardized method (one category)."""
    by_judge = {}
    for by in totals.values():
        for j, t in by.items():
            by_judge.setdefault(j, []).append(float(t))
    mu = {j: sum(xs) / len(xs) for j, xs in by_judge.items()}
    var = {j: sum((x - mu[j]) ** 2 for x in xs) / len(xs) for j, xs in by_judge.items()}
    all_x = [x for xs in by_judge.values() for x in xs]
    mu_p = sum(all_x) / len(all_x)
    var_p = sum(var[j] * len(xs) for j, xs in by_judge.items()) / len(all_x)
    out = {}
    for e, by in totals.items():
        vals = []
        for j, t in by.items():
            # (float noise can make the variance of equal totals a tiny positive number;
            # the exact engine sees exactly zero)
            if var[j] > 1e-15 and var_p > 1e-15:
                vals.append(mu_p + (float(t) - mu[j]) * math.sqrt(var_p / var[j]))
            else:
                vals.append(mu_p)
        out[e] = sum(vals) / len(vals)
    return out


@settings(max_examples=50, deadline=None)
@given(
    st.dictionaries(
        st.integers(1, 15),
        st.dictionaries(
            st.integers(1, 5),
            st.integers(0, 100_000).map(lambda m: F(m, 1000)),
            min_size=1,
            max_size=4,
        ),
        min_size=2,
        max_size=15,
    )
)
def test_standardized_agrees_with_a_float_reference(totals):
    res = results(totals, M.STANDARDIZED)
    ref = float_reference(totals)
    for r in res.rows:
        assert math.isclose(float(r.score), ref[r.entry_id], rel_tol=1e-9, abs_tol=1e-9)
    for a in res.rows:
        for b in res.rows:
            if ref[a.entry_id] > ref[b.entry_id] + 1e-6:
                assert a.rank < b.rank

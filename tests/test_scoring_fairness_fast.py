"""The fast fairness statistics (integer sums; rankings shared between methods) equal the
straightforward ones (tests/fairness_reference.py: Fractions sheet by sheet, every method's
full results) on random panels and competitions, exactly: same fractions, same floats, same
rows in the same order."""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal as D
from fractions import Fraction as F

import fairness_reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.enums import AdvancementKind, AwardKind, RankingScope, RoundCombination
from judging_app.core.enums import AggregationMethod as M
from judging_app.core.scoring import (
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    compute_fairness,
    compute_results,
)
from judging_app.core.scoring.panel_stats import judge_stats, outliers
from judging_app.core.scoring.reliability import icc, kendall_w
from judging_app.core.scoring.stability import rankings_to_compute
from judging_app.core.setup import AdvancementRule, AwardTierSpec, ResultRules

# --- panels: entry -> judge -> numerator ---------------------------------------------------


@st.composite
def panels(draw):
    """Few judges, few distinct totals (ties, equal totals, single sheets), a denominator
    that does not divide the totals."""
    judges = draw(st.integers(1, 5))
    totals = st.sampled_from([0, 1, 7, 40, 41, 99, 100]) | st.integers(0, 10_000)
    out = {}
    for e in range(1, draw(st.integers(0, 9)) + 1):
        chosen = draw(st.sets(st.integers(1, judges), min_size=1))
        out[e] = {j: draw(totals) for j in sorted(chosen)}
    return out, draw(st.sampled_from([1, 3, 100, 1000, 7000]))


@settings(max_examples=300, deadline=None)
@given(panels())
def test_judge_figures_and_outliers_equal_the_straightforward_ones(case):
    totals, den = case
    assert judge_stats(totals, den) == ref.judge_stats(totals, den)
    assert outliers(totals, den) == ref.outliers(totals, den)


def test_an_outlier_found_by_hand_is_the_same_both_ways():
    totals = {1: {1: 70, 2: 72, 3: 30}, 2: {1: 60, 2: 62, 3: 61}, 3: {1: 80, 2: 80, 3: 82}}
    found, _limit = outliers(totals, 1)
    assert [(o.entry_id, o.judge_id, o.difference) for o in found] == [(1, 3, -41)]
    assert (found, _limit) == ref.outliers(totals, 1)


matrices = st.integers(2, 6).flatmap(lambda k: st.lists(
    st.lists(st.sampled_from([0, 3, 5, 5, 8]) | st.integers(-50, 500), min_size=k, max_size=k),
    min_size=2, max_size=8))


@settings(max_examples=200, deadline=None)
@given(matrices, st.sampled_from([1, 7, 1000]))
def test_icc_and_w_equal_the_straightforward_ones(matrix, den):
    fractions = [[F(v, den) for v in row] for row in matrix]
    assert icc(matrix, den) == ref.icc(fractions)
    assert icc(fractions) == ref.icc(fractions)
    assert kendall_w(matrix) == ref.kendall_w(fractions) == kendall_w(fractions)


# --- whole competitions: panels and rank stability -----------------------------------------

CRITERIA = (CriterionInfo(11, "A", D(40), D(5), 1), CriterionInfo(12, "B", D(60), D(5), 2))
TIERS = (
    AwardTierSpec("j1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1),
    AwardTierSpec("j2", "Juara II", AwardKind.RANK, rank_from=2, rank_to=3),
    AwardTierSpec("baik", "Baik", AwardKind.BAND, min_score=D(60), max_score=D(80)),
)
CHAINS = [("criteria_by_weight", "first_places", "chair_decision"),
          ("criterion:B", "later_round"), ()]


@st.composite
def competitions(draw):
    n_entries = draw(st.integers(1, 10))
    n_judges = draw(st.integers(1, 6))
    two_rounds = draw(st.booleans())
    entries = [EntryInfo(e, f"E{e:02d}", category=draw(st.sampled_from(["umum", "pd"])))
               for e in range(1, n_entries + 1)]
    rounds = []
    for r in (1, 2) if two_rounds else (1,):
        info = RoundInfo(r, f"r{r}", r, D(50), CRITERIA)
        sheets = []
        for e in range(1, n_entries + 1):
            for j in sorted(draw(st.sets(st.integers(1, n_judges), max_size=n_judges))):
                scores = {11: D(draw(st.integers(1, 5))), 12: D(draw(st.integers(3, 5)))}
                sheets.append(SheetScores(r, j, e, scores))
        rounds.append(RoundData.from_sheets(info, sheets))
    rules = ResultRules(
        ranking_scope=draw(st.sampled_from(list(RankingScope))),
        aggregation=draw(st.sampled_from(list(M))),
        trimmed_min_sheets=draw(st.sampled_from([3, 4, 5])),
        allow_incomplete=draw(st.booleans()),
        round_combination=RoundCombination.WEIGHTED if two_rounds else RoundCombination.LAST_ROUND,
        tie_breaks=draw(st.sampled_from(CHAINS)),
    )
    decisions = {1: 1, 2: 2} if draw(st.booleans()) else {}
    return entries, rounds, rules, decisions


@settings(max_examples=120, deadline=None)
@given(competitions())
def test_rank_stability_equals_every_method_computed_in_full(case):
    entries, rounds, rules, decisions = case
    report = compute_fairness(entries, rounds, rules, TIERS, decisions)
    assert report.stability == ref.stability(entries, rounds, rules, TIERS, decisions)


@settings(max_examples=80, deadline=None)
@given(competitions(), st.sampled_from([None, 1, 2]))
def test_a_ranking_without_scores_ranks_and_awards_as_the_full_one(case, top_n):
    """What rank stability reads (ranks_only) is the full computation's, also when the
    last round cuts at a top N through a tie."""
    entries, rounds, rules, decisions = case
    if top_n is not None:
        last = rounds[-1]
        rule = AdvancementRule(AdvancementKind.TOP_N, top_n=top_n)
        rounds = [*rounds[:-1], replace(last, round=replace(last.round, advancement=rule))]
    for method in M:
        full, light = (compute_results(entries, rounds, rules, TIERS, decisions, method=method,
                                       ranks_only=only) for only in (False, True))
        assert [(r.entry_id, r.group, r.rank, r.award, r.band, r.tied, r.decided_by)
                for r in light.final.rows] == [
            (r.entry_id, r.group, r.rank, r.award, r.band, r.tied, r.decided_by)
            for r in full.final.rows]
        assert {r.score for r in light.final.rows if r.rank is not None} <= {None}
        assert [(t.group, t.rank, t.entry_ids, t.position_awards) for t in light.final.ties] \
            == [(t.group, t.rank, t.entry_ids, t.position_awards) for t in full.final.ties]


@settings(max_examples=60, deadline=None)
@given(competitions())
def test_progress_counts_every_step_up_to_the_total(case):
    entries, rounds, rules, decisions = case
    seen = []
    compute_fairness(entries, rounds, rules, TIERS, decisions,
                     progress=lambda done, total: seen.append((done, total)))
    total = seen[0][1]
    assert [done for done, _t in seen] == list(range(total + 1))
    assert {t for _d, t in seen} == {total}


def test_the_trimmed_mean_is_not_computed_again_when_nobody_can_be_trimmed():
    sheets = [SheetScores(1, j, e, {11: D(e), 12: D(3)}) for e in (1, 2) for j in (1, 2, 3)]
    data = RoundData.from_sheets(RoundInfo(1, "r1", 1, D(100), CRITERIA), sheets)
    assert M.TRIMMED_MEAN not in rankings_to_compute([data], ResultRules(trimmed_min_sheets=4))
    assert M.TRIMMED_MEAN in rankings_to_compute([data], ResultRules(trimmed_min_sheets=3))


def test_a_difference_of_exactly_the_limit_is_not_an_outlier():
    # 2 × SD: E1 differs by 30; pooled variance (450 + 0) / 2 = 225, SD 15, limit 30
    assert outliers({1: {1: 50, 2: 80}, 2: {1: 60, 2: 60}}, 1) == ((), 30)
    # the 15-point floor: E1 differs by 15; variance 112.5 / 3, 2 × SD ≈ 12.2 < 15
    assert outliers({1: {1: 50, 2: 65}, 2: {1: 60, 2: 60}, 3: {1: 70, 2: 70}}, 1) == ((), 15)
    # one point more is one
    found, _limit = outliers({1: {1: 50, 2: 66}, 2: {1: 60, 2: 60}, 3: {1: 70, 2: 70}}, 1)
    assert [(o.entry_id, o.judge_id) for o in found] == [(1, 1), (1, 2)]

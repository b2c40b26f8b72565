"""Across rounds (last round alone, weighted) and advancement out of a round."""

from decimal import Decimal as D
from fractions import Fraction as F

import pytest

from judging_app.core.enums import AdvancementKind, AggregationMethod, RoundCombination
from judging_app.core.scoring import (
    AdvancementStatus,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetTotals,
    compute_results,
)
from judging_app.core.setup import AdvancementRule, ResultRules

WEIGHTED = ResultRules(round_combination=RoundCombination.WEIGHTED)


def entries(*ids, category="umum"):
    return [EntryInfo(i, f"E{i}", category=category) for i in ids]


def round_data(round_info, totals, expected=None):
    """totals: entry -> list of judge totals (judges 1, 2, ...)."""
    rows = [(e, j, F(t)) for e, ts in totals.items() for j, t in enumerate(ts, start=1)]
    expected = expected or {e: len(ts) for e, ts in totals.items()}
    return RoundData(round_info, SheetTotals.from_fractions(rows), expected)


PROPOSAL = RoundInfo(1, "proposal", 1, D(40))
PRESENTATION = RoundInfo(2, "presentasi", 2, D(60))


def test_last_round_alone_is_the_default():
    rounds = [
        round_data(PROPOSAL, {1: [90], 2: [60], 3: [99]}),
        round_data(PRESENTATION, {1: [70], 2: [80]}),
    ]
    res = compute_results(entries(1, 2, 3), list(reversed(rounds)))  # order given is irrelevant
    # only the presentation's participants are ranked, on the presentation score
    assert [(r.entry_id, r.score) for r in res.rows] == [(2, 80), (1, 70)]
    assert [rr.round.code for rr in res.rounds] == ["proposal", "presentasi"]
    assert res.rounds[-1].ranking is res.final


def test_weighted_combination_of_rounds():
    rounds = [
        round_data(PROPOSAL, {1: [80, 90], 2: [70, 70]}),
        round_data(PRESENTATION, {1: [70, 70], 2: [85, 75]}),
    ]
    res = compute_results(entries(1, 2), rounds, WEIGHTED)
    # E1: 0.4 × (80 + 90)/2 + 0.6 × 70 = 0.4 × 85 + 42 = 34 + 42 = 76
    # E2: 0.4 × 70 + 0.6 × (85 + 75)/2 = 28 + 0.6 × 80 = 28 + 48 = 76 -> tie
    assert [(r.entry_id, r.score, r.rank) for r in res.rows] == [(1, 76, 1), (2, 76, 1)]
    assert (res.row(1).sheet_count, res.row(1).expected_sheets) == (4, 4)


def test_weighted_combination_keeps_fractions_exact():
    rounds = [
        round_data(PROPOSAL, {1: [70, 70, 71]}),
        round_data(PRESENTATION, {1: [80, 81, 81]}),
    ]
    res = compute_results(entries(1), rounds, WEIGHTED)
    # 0.4 × 211/3 + 0.6 × 242/3 = (84.4 + 145.2)/3 = 229.6/3 = 1148/15
    assert res.row(1).score == F(1148, 15)
    assert res.row(1).displayed_score == "76.53"


def test_weights_must_sum_to_100():
    rounds = [
        round_data(RoundInfo(1, "a", 1, D(40)), {1: [80]}),
        round_data(PRESENTATION, {1: [70]}),
    ]
    rounds[0] = round_data(RoundInfo(1, "a", 1, D(30)), {1: [80]})
    with pytest.raises(ValueError, match="sum to 90"):
        compute_results(entries(1), rounds, WEIGHTED)


def test_entry_missing_a_round_is_incomplete_and_counts_zero_there_if_allowed():
    rounds = [
        round_data(PROPOSAL, {1: [80]}, expected={1: 1, 2: 1}),
        round_data(PRESENTATION, {1: [70], 2: [90]}),
    ]
    res = compute_results(entries(1, 2), rounds, WEIGHTED)
    assert res.row(2).incomplete and res.row(2).rank is None
    assert any(n.code == "round_missing" and n.entry_ids == (2,) for n in res.notes)
    allowed = ResultRules(round_combination=RoundCombination.WEIGHTED, allow_incomplete=True)
    res = compute_results(entries(1, 2), rounds, allowed)
    # E1: 0.4 × 80 + 0.6 × 70 = 32 + 42 = 74 ; E2: 0.4 × 0 + 0.6 × 90 = 54
    assert [(r.entry_id, r.score, r.rank) for r in res.rows] == [(1, 74, 1), (2, 54, 2)]


def test_weighted_standardized_combines_exact_surds():
    # in each round judges 1 and 2 gave the same multiset of totals (equal means and
    # spreads), E1 and E2 are mirror images: E1 = E2 exactly, though irrational.
    rounds = [
        round_data(PROPOSAL, {1: [80, 60], 2: [60, 80], 3: [75, 75]}),
        round_data(PRESENTATION, {1: [70, 91], 2: [91, 70], 3: [77, 77]}),
    ]
    rules = ResultRules(
        round_combination=RoundCombination.WEIGHTED, aggregation=AggregationMethod.STANDARDIZED
    )
    res = compute_results(entries(1, 2, 3), rounds, rules)
    assert res.row(1).rank == res.row(2).rank and res.row(1).tied
    assert [t.entry_ids for t in res.unresolved_ties] == [(1, 2)]


def advancing(rule, totals, **kwargs):
    r = RoundInfo(1, "proposal", 1, advancement=rule)
    data = round_data(r, totals, kwargs.pop("expected", None))
    res = compute_results(entries(*sorted({*totals, *kwargs.get("extra", ())})), [data])
    return res.final.advancement


def test_top_n_advancement():
    status = advancing(AdvancementRule(AdvancementKind.TOP_N, top_n=2), {1: [90], 2: [80], 3: [70]})
    assert status == {
        1: AdvancementStatus.ADVANCES,
        2: AdvancementStatus.ADVANCES,
        3: AdvancementStatus.ELIMINATED,
    }


def test_top_n_tie_fully_inside_the_cut_advances():
    status = advancing(
        AdvancementRule(AdvancementKind.TOP_N, top_n=3), {1: [90], 2: [80], 3: [80], 4: [70]}
    )
    assert [status[e] for e in (1, 2, 3, 4)] == [
        AdvancementStatus.ADVANCES,
        AdvancementStatus.ADVANCES,
        AdvancementStatus.ADVANCES,
        AdvancementStatus.ELIMINATED,
    ]


def test_threshold_advancement_is_exact():
    # passing grade 85: 85 advances, 84.999 and 84 + 2/3 do not
    rule = AdvancementRule(AdvancementKind.THRESHOLD, threshold=D(85))
    status = advancing(rule, {1: [85], 2: [F(84999, 1000)], 3: [84, 85, 85], 4: [90]})
    # E3: (84 + 85 + 85)/3 = 254/3 = 84.67
    assert [status[e] for e in (1, 2, 3, 4)] == [
        AdvancementStatus.ADVANCES,
        AdvancementStatus.ELIMINATED,
        AdvancementStatus.ELIMINATED,
        AdvancementStatus.ADVANCES,
    ]


def test_manual_advancement_and_unranked_entries():
    r = RoundInfo(1, "proposal", 1, advancement=AdvancementRule(AdvancementKind.MANUAL))
    data = round_data(r, {1: [90], 2: [80]}, expected={1: 1, 2: 2})
    res = compute_results(entries(1, 2), [data])
    assert res.final.advancement == {
        1: AdvancementStatus.MANUAL,
        2: AdvancementStatus.NOT_RANKED,
    }


def test_earlier_round_has_its_own_ranking_and_advancement():
    proposal = RoundInfo(
        1, "proposal", 1, D(40), advancement=AdvancementRule(AdvancementKind.TOP_N, top_n=2)
    )
    rounds = [
        round_data(proposal, {1: [90], 2: [80], 3: [70]}),
        round_data(PRESENTATION, {1: [70], 2: [80]}),
    ]
    res = compute_results(entries(1, 2, 3), rounds)
    first = res.rounds[0]
    assert [(r.entry_id, r.rank) for r in first.ranking.rows] == [(1, 1), (2, 2), (3, 3)]
    assert first.ranking.advancement[3] == AdvancementStatus.ELIMINATED
    assert all(r.award is None for r in first.ranking.rows)

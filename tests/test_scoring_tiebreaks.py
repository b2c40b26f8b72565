"""The tie-break chain: each metric, unresolved ties, blocking ties, chair decisions."""

from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.enums import (
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RoundCombination,
)
from judging_app.core.scoring import (
    AdvancementStatus,
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    SheetTotals,
    compute_results,
    register_metric,
)
from judging_app.core.setup import AdvancementRule, AwardTierSpec, ResultRules

INOV = CriterionInfo(1, "inov", D(40), D(5), 1)
MANF = CriterionInfo(2, "manf", D(60), D(5), 2)
PRESENTATION = RoundInfo(1, "presentasi", 1, D(100), (INOV, MANF))

JUARA = [
    AwardTierSpec("juara_1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1),
    AwardTierSpec("juara_2", "Juara II", AwardKind.RANK, rank_from=2, rank_to=2),
    AwardTierSpec("juara_3", "Juara III", AwardKind.RANK, rank_from=3, rank_to=3),
]


def entries(*ids):
    return [EntryInfo(i, f"E{i}", category="umum") for i in ids]


def sheet(entry, judge, inov, manf, round_id=1):
    return SheetScores(round_id, judge, entry, {1: D(inov), 2: D(manf)})


def ranked(res):
    return [(r.entry_id, r.rank, r.tied, r.decided_by) for r in res.rows]


# E3: 40×5/5 + 60×5/5 = 100 ; E1: 40×5/5 + 60×3/5 = 40 + 36 = 76 ;
# E2: 40×2/5 + 60×5/5 = 16 + 60 = 76 -> E1 and E2 tie on the total.
BASIC = [sheet(3, 1, 5, 5), sheet(1, 1, 5, 3), sheet(2, 1, 2, 5)]


def compute(
    sheets, tie_breaks=(), tiers=(), decisions=None, round_info=PRESENTATION, ids=(1, 2, 3)
):
    data = RoundData.from_sheets(round_info, sheets)
    rules = ResultRules(tie_breaks=tuple(tie_breaks))
    return compute_results(entries(*ids), [data], rules, tiers, decisions)


def test_without_a_chain_the_tie_stays_unresolved():
    res = compute(BASIC)
    assert ranked(res) == [(3, 1, False, None), (1, 2, True, None), (2, 2, True, None)]
    assert [t.entry_ids for t in res.unresolved_ties] == [(1, 2)]


def test_criterion_metric():
    res = compute(BASIC, ["criterion:inov"])  # inov 5 > 2
    assert ranked(res) == [
        (3, 1, False, None),
        (1, 2, False, "criterion:inov"),
        (2, 3, False, "criterion:inov"),
    ]
    res = compute(BASIC, ["criterion:manf"])  # manf 5 > 3
    assert [r.entry_id for r in res.rows] == [3, 2, 1]
    assert not res.unresolved_ties


def test_criteria_by_weight_uses_the_heaviest_criterion_first():
    res = compute(BASIC, ["criteria_by_weight"])  # manf (60) before inov (40): 5 > 3
    assert [(r.entry_id, r.decided_by) for r in res.rows][1:] == [
        (2, "criteria_by_weight"),
        (1, "criteria_by_weight"),
    ]


def test_criteria_by_weight_equal_weights_go_by_position():
    a = CriterionInfo(1, "a", D(50), D(5), 1)
    b = CriterionInfo(2, "b", D(50), D(5), 2)
    r = RoundInfo(1, "r", 1, D(100), (a, b))
    # E1: 50×4/5 + 50×2/5 = 40 + 20 = 60 ; E2: 50×2/5 + 50×4/5 = 60
    sheets = [sheet(1, 1, 4, 2), sheet(2, 1, 2, 4)]
    res = compute(sheets, ["criteria_by_weight"], round_info=r, ids=(1, 2))
    assert [r.entry_id for r in res.rows] == [1, 2]  # a (position 1) decides: 4 > 2
    swapped = RoundInfo(1, "r", 1, D(100), (a, CriterionInfo(2, "b", D(50), D(5), 0)))
    res = compute(sheets, ["criteria_by_weight"], round_info=swapped, ids=(1, 2))
    assert [r.entry_id for r in res.rows] == [2, 1]  # now b comes first: 4 > 2


def test_criterion_scores_are_aggregated_like_the_totals():
    # two judges; E1 inov 5 and 3 (mean 4), manf 3 and 4 -> totals 76 and 24 + 48 = 72
    # E2 inov 4 and 4 (mean 4) ... equal on inov; manf 3 and 4 -> same totals: still tied
    sheets = [sheet(1, 1, 5, 3), sheet(1, 2, 3, 4), sheet(2, 1, 4, 3), sheet(2, 2, 4, 4)]
    # E1 total mean: (76 + 72)/2 = 74 ; E2: (32 + 36 + 32 + 48)/2 = (68 + 80)/2 = 74
    res = compute(sheets, ["criterion:inov"], ids=(1, 2))
    assert [t.entry_ids for t in res.unresolved_ties] == [(1, 2)]


def test_criterion_provider_is_called_lazily_with_tied_entries_only():
    data = RoundData.from_sheets(PRESENTATION, BASIC)
    calls = []

    def provider(entry_ids):
        calls.append(sorted(entry_ids))
        return data.criterion_scores(entry_ids)

    lazy = RoundData(data.round, data.totals, data.expected_sheets, provider)
    rules = ResultRules(tie_breaks=("criterion:inov", "criterion:manf"))
    compute_results(entries(1, 2, 3), [lazy], rules)
    assert calls == [[1, 2]]
    # and not at all without ties
    calls.clear()
    compute_results(
        entries(1, 3),
        [
            RoundData(
                lazy.round,
                SheetTotals(data.totals.denominator, [r for r in data.totals.rows if r[0] != 2]),
                {1: 1, 3: 1},
                provider,
            )
        ],
        rules,
    )
    assert calls == []


def test_missing_provider_for_a_criterion_tie_break_is_an_error():
    data = RoundData.from_sheets(PRESENTATION, BASIC)
    bare = RoundData(data.round, data.totals, data.expected_sheets)
    with pytest.raises(ValueError, match="criterion scores"):
        compute_results(entries(1, 2, 3), [bare], ResultRules(tie_breaks=("criterion:inov",)))


def test_unknown_tie_break_is_an_error():
    with pytest.raises(ValueError, match="unknown tie-break"):
        compute(BASIC, ["coin_toss"])


def test_later_round():
    proposal = RoundInfo(1, "proposal", 1, D(40), (INOV, MANF))
    presentation = RoundInfo(2, "presentasi", 2, D(60), (INOV, MANF))
    # E1: proposal 80, presentation 70 -> 0.4×80 + 0.6×70 = 32 + 42 = 74
    # E2: proposal 65, presentation 80 -> 0.4×65 + 0.6×80 = 26 + 48 = 74
    totals1 = SheetTotals.from_fractions([(1, 1, 80), (2, 1, 65)])
    totals2 = SheetTotals.from_fractions([(1, 1, 70), (2, 1, 80)])
    rounds = [
        RoundData(proposal, totals1, {1: 1, 2: 1}),
        RoundData(presentation, totals2, {1: 1, 2: 1}),
    ]
    rules = ResultRules(round_combination=RoundCombination.WEIGHTED, tie_breaks=("later_round",))
    res = compute_results(entries(1, 2), rounds, rules)
    assert [(r.entry_id, r.score, r.decided_by) for r in res.rows] == [
        (2, 74, "later_round"),
        (1, 74, "later_round"),
    ]


def test_later_round_in_last_round_mode_looks_at_the_earlier_round():
    proposal = RoundInfo(1, "proposal", 1)
    presentation = RoundInfo(2, "presentasi", 2)
    rounds = [
        RoundData(proposal, SheetTotals.from_fractions([(1, 1, 90), (2, 1, 85)]), {1: 1, 2: 1}),
        RoundData(presentation, SheetTotals.from_fractions([(1, 1, 70), (2, 1, 70)]), {1: 1, 2: 1}),
    ]
    res = compute_results(entries(1, 2), rounds, ResultRules(tie_breaks=("later_round",)))
    assert [r.entry_id for r in res.rows] == [1, 2]  # 70 = 70 in the last round, 90 > 85


def test_first_places():
    # totals: J1 E1 90 / E2 80 ; J2 E1 85 / E2 80 ; J3 E1 60 / E2 75 ; J4 70 / 70
    # sums 305 = 305: tied means. First places: J1 -> E1, J2 -> E1, J3 -> E2, J4 none (shared)
    rows = [(1, 1, 90), (2, 1, 80), (1, 2, 85), (2, 2, 80), (1, 3, 60), (2, 3, 75)]
    rows += [(1, 4, 70), (2, 4, 70)]
    data = RoundData(PRESENTATION, SheetTotals.from_fractions(rows), {1: 4, 2: 4})
    res = compute_results(entries(1, 2), [data], ResultRules(tie_breaks=("first_places",)))
    assert [(r.entry_id, r.rank, r.decided_by) for r in res.rows] == [
        (1, 1, "first_places"),
        (2, 2, "first_places"),
    ]


def test_first_places_counts_only_judges_who_scored_two_of_the_tied_entries():
    # J1 scored only E1 (no comparison), J2 scored both and prefers E2; means: E1 = 80,
    # E2 = (70 + 90)/2 = 80; J3 scored E2 alone.
    rows = [(1, 1, 80), (1, 2, 80), (2, 2, 90), (2, 3, 70)]
    data = RoundData(PRESENTATION, SheetTotals.from_fractions(rows), {1: 2, 2: 2})
    res = compute_results(entries(1, 2), [data], ResultRules(tie_breaks=("first_places",)))
    # J2: E2 90 > E1 80 -> one first place for E2 ; J1 and J3 give none
    assert [r.entry_id for r in res.rows] == [2, 1]


def test_chair_decision_orders_the_tied_entries():
    res = compute(BASIC, [], decisions={2: 1, 1: 2})
    assert ranked(res)[1:] == [(2, 2, False, "chair_decision"), (1, 3, False, "chair_decision")]


def test_a_partial_chair_decision_does_not_separate():
    res = compute(BASIC, [], decisions={2: 1})
    assert [t.entry_ids for t in res.unresolved_ties] == [(1, 2)]


def test_chain_is_applied_in_order_and_skips_metrics_that_cannot_separate():
    a = CriterionInfo(1, "a", D(20), D(10), 1)
    b = CriterionInfo(2, "b", D(40), D(10), 2)
    c = CriterionInfo(3, "c", D(40), D(10), 3)
    r = RoundInfo(1, "r", 1, D(100), (a, b, c))
    # E1: 20×5/10 + 40×8/10 + 40×6/10 = 10 + 32 + 24 = 66
    # E2: 20×5/10 + 40×6/10 + 40×8/10 = 10 + 24 + 32 = 66
    sheets = [
        SheetScores(1, 1, 1, {1: D(5), 2: D(8), 3: D(6)}),
        SheetScores(1, 1, 2, {1: D(5), 2: D(6), 3: D(8)}),
    ]
    res = compute(sheets, ["criterion:a", "criterion:c"], round_info=r, ids=(1, 2))
    # a: 5 = 5, cannot separate; c: 8 > 6 decides
    assert [(x.entry_id, x.decided_by) for x in res.rows] == [
        (2, "criterion:c"),
        (1, "criterion:c"),
    ]
    # first places: the only judge gave both 66, a shared top: no first place; then b: 8 > 6
    res = compute(sheets, ["first_places", "criterion:b"], round_info=r, ids=(1, 2))
    assert [(x.entry_id, x.decided_by) for x in res.rows] == [
        (1, "criterion:b"),
        (2, "criterion:b"),
    ]


def test_three_way_tie_split_in_two_steps_records_the_last_deciding_metric():
    # all three total 76: E1 (5, 3), E2 (2, 5), E4 (5, 3) -> inov splits {E1, E4} > {E2};
    # manf cannot split E1/E4 (both 3); the chair decides E4 before E1.
    sheets = [sheet(1, 1, 5, 3), sheet(2, 1, 2, 5), sheet(4, 1, 5, 3)]
    res = compute(
        sheets, ["criterion:inov", "criterion:manf"], decisions={4: 1, 1: 2}, ids=(1, 2, 4)
    )
    assert ranked(res) == [
        (4, 1, False, "chair_decision"),
        (1, 2, False, "chair_decision"),
        (2, 3, False, "criterion:inov"),
    ]


def test_custom_metric_can_be_registered():
    register_metric("lower_entry_id", lambda ctx, group: [[e] for e in sorted(group)])
    res = compute(BASIC, ["lower_entry_id"])
    assert [(r.entry_id, r.decided_by) for r in res.rows][1:] == [
        (1, "lower_entry_id"),
        (2, "lower_entry_id"),
    ]


# --- blocking ties ------------------------------------------------------------------------


def four_entries(totals, **kwargs):
    rows = [(e, 1, t) for e, t in totals.items()]
    data = RoundData(PRESENTATION, SheetTotals.from_fractions(rows), dict.fromkeys(totals, 1))
    return compute_results(entries(*totals), [data], kwargs.pop("rules", None), **kwargs)


def test_tie_straddling_an_award_boundary_is_blocking():
    # 90, 80, 70, 70: E3 and E4 tie for 3rd; only rank 3 is Juara III
    res = four_entries({1: 90, 2: 80, 3: 70, 4: 70}, award_tiers=JUARA)
    assert [(r.entry_id, r.rank, r.award, r.blocked) for r in res.rows] == [
        (1, 1, "juara_1", False),
        (2, 2, "juara_2", False),
        (3, 3, None, True),
        (4, 3, None, True),
    ]
    (tie,) = res.blocking_ties
    assert tie.entry_ids == (3, 4) and tie.position_awards == ("juara_3", None)
    assert tie.straddles_award and not tie.at_cutoff
    assert not res.can_finalize


def test_tie_inside_one_tier_is_not_blocking_and_both_get_the_tier():
    top5 = [AwardTierSpec("top5", "Top 5", AwardKind.RANK, rank_from=1, rank_to=5)]
    res = four_entries({1: 90, 2: 80, 3: 70, 4: 70}, award_tiers=top5)
    assert [r.award for r in res.rows] == ["top5"] * 4
    assert res.unresolved_ties and not res.blocking_ties and res.can_finalize


def test_tie_between_two_different_tiers_is_blocking():
    tiers = JUARA + [
        AwardTierSpec("harapan_1", "Harapan I", AwardKind.RANK, rank_from=4, rank_to=4)
    ]
    res = four_entries({1: 90, 2: 80, 3: 70, 4: 70}, award_tiers=tiers)
    (tie,) = res.blocking_ties
    assert tie.position_awards == ("juara_3", "harapan_1")


def test_tie_below_every_tier_is_not_blocking():
    res = four_entries({1: 90, 2: 80, 3: 70, 4: 60, 5: 50, 6: 50}, award_tiers=JUARA)
    assert len(res.unresolved_ties) == 1 and not res.blocking_ties


def test_chair_decision_clears_a_blocking_tie():
    res = four_entries(
        {1: 90, 2: 80, 3: 70, 4: 70}, award_tiers=JUARA, chair_decisions={4: 1, 3: 2}
    )
    assert [(r.entry_id, r.rank, r.award, r.decided_by) for r in res.rows][2:] == [
        (4, 3, "juara_3", "chair_decision"),
        (3, 4, None, "chair_decision"),
    ]
    assert res.can_finalize


def test_tie_at_the_advancement_cut_off_is_reported_not_cut():
    top3 = RoundInfo(1, "proposal", 1, advancement=AdvancementRule(AdvancementKind.TOP_N, top_n=3))
    rows = [(1, 1, 90), (2, 1, 80), (3, 1, 70), (4, 1, 70), (5, 1, 60)]
    data = RoundData(top3, SheetTotals.from_fractions(rows), dict.fromkeys(range(1, 6), 1))
    res = compute_results(entries(1, 2, 3, 4, 5), [data])
    status = res.final.advancement
    assert [status[e] for e in range(1, 6)] == [
        AdvancementStatus.ADVANCES,
        AdvancementStatus.ADVANCES,
        AdvancementStatus.TIE_AT_CUTOFF,
        AdvancementStatus.TIE_AT_CUTOFF,
        AdvancementStatus.ELIMINATED,
    ]
    (tie,) = res.blocking_ties
    assert tie.at_cutoff and tie.entry_ids == (3, 4)
    assert res.row(3).blocked and res.row(4).blocked
    decided = compute_results(entries(1, 2, 3, 4, 5), [data], chair_decisions={3: 1, 4: 2})
    assert decided.final.advancement[3] == AdvancementStatus.ADVANCES
    assert decided.final.advancement[4] == AdvancementStatus.ELIMINATED
    assert decided.can_finalize


def test_criterion_provider_is_called_once_per_round_across_categories():
    sheets = BASIC + [sheet(11, 1, 5, 3), sheet(12, 1, 2, 5)]  # a second 76/76 tie
    data = RoundData.from_sheets(PRESENTATION, sheets)
    calls = []

    def provider(entry_ids):
        calls.append(sorted(entry_ids))
        return data.criterion_scores(entry_ids)

    lazy = RoundData(data.round, data.totals, data.expected_sheets, provider)
    cats = [EntryInfo(i, f"E{i}", category="umum") for i in (1, 2, 3)]
    cats += [EntryInfo(i, f"E{i}", category="khusus") for i in (11, 12)]
    res = compute_results(cats, [lazy], ResultRules(tie_breaks=("criterion:inov",)))
    assert calls == [[1, 2, 11, 12]]
    assert [r.entry_id for r in res.rows] == [11, 12, 3, 1, 2]


def test_sheets_of_unknown_entries_are_refused():
    data = RoundData.from_sheets(PRESENTATION, BASIC)
    with pytest.raises(ValueError, match="unknown entries"):
        compute_results(entries(1, 2), [data])


def _with_summaries(data: RoundData, sheets, keys: str = "summaries") -> RoundData:
    """The same round, with criterion tie-break data given the ways the database gives it
    instead of per-sheet scores: per-criterion summaries in thousandths ("summaries"),
    per-criterion keys the database computes, for a few entries at a time ("keys"), or
    the per-entry criteria keys kept with the totals ("criteria_keys")."""
    import dataclasses
    import math

    from judging_app.core.scoring.criteria_keys import mean_criteria_key, median_criteria_key

    acc: dict[tuple[int, int], list[int]] = {}
    for s in sheets:
        for cid, value in s.scores.items():
            acc.setdefault((s.entry_id, cid), []).append(int(value * 1000))

    def summaries(criterion_id, extremes):
        return [(e, sum(v), len(v), min(v), max(v))[:5 if extremes else 3]
                for (e, c), v in sorted(acc.items()) if c == criterion_id]

    def values(criterion_id):
        return [(e, x) for (e, c), v in sorted(acc.items()) if c == criterion_id for x in v]

    sums: dict[int, list[int]] = {}
    for e, _j, x in data.totals.rows:
        sums.setdefault(e, [0, 0])
        sums[e][0] += x
        sums[e][1] += 1
    def criterion_keys(criterion_id, floor, entry_ids, median):
        most = max((len(v) for v in acc.values()), default=1)
        scale = math.lcm(*range(1, most + 1))
        out = {}
        for (e, c), v in acc.items():
            if c != criterion_id or (entry_ids is not None and e not in entry_ids):
                continue
            ordered = sorted(v)
            if median:
                out[e] = ordered[(len(v) - 1) // 2] + ordered[len(v) // 2]
            elif floor is not None and len(v) >= floor:
                out[e] = (sum(v) - min(v) - max(v)) * (scale // (len(v) - 2))
            else:
                out[e] = sum(v) * (scale // len(v))
        return out

    order = [c.id for c in sorted(data.round.criteria, key=lambda c: (-c.weight, c.position))]

    def criteria_keys():
        return {e: mean_criteria_key([(sum(acc[(e, c)]), len(acc[(e, c)])) if (e, c) in acc
                                      else None for c in order]) for e in sums}

    def median_keys():
        def twice_median(v):
            v = sorted(v)
            return v[(len(v) - 1) // 2] + v[len(v) // 2]
        return {e: median_criteria_key([twice_median(acc[(e, c)]) if (e, c) in acc else None
                                        for c in order]) for e in sums}

    return dataclasses.replace(
        data, criterion_scores=None, criterion_summaries=summaries, criterion_values=values,
        entry_sums=[(e, s, n) for e, (s, n) in sorted(sums.items())],
        criterion_keys=criterion_keys if keys == "keys" else None,
        mean_criteria_keys=criteria_keys if keys == "criteria_keys" else None,
        median_criteria_keys=median_keys if keys == "criteria_keys" else None)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.integers(1, 6), st.integers(1, 5), st.integers(1, 5), st.integers(1, 5)),
        min_size=2, max_size=40, unique_by=lambda t: (t[0], t[1]),
    ),
    st.sampled_from(list(AggregationMethod)),
)
def test_summaries_from_the_database_rank_exactly_like_per_sheet_scores(rows, method):
    sheets = [sheet(e, j, a, b) for e, j, a, b in rows]
    ids = sorted({e for e, *_ in rows})
    rules = ResultRules(tie_breaks=("criteria_by_weight", "criterion:inov"), trimmed_min_sheets=3)
    per_sheet = RoundData.from_sheets(PRESENTATION, sheets)
    a = compute_results(entries(*ids), [per_sheet], rules, JUARA, method=method)
    for way in ("summaries", "keys", "criteria_keys"):
        summarised = _with_summaries(per_sheet, sheets, way)
        b = compute_results(entries(*ids), [summarised], rules, JUARA, method=method)
        assert ranked(a) == ranked(b), way


# Four criteria weighing 40/30/20/10 on 1-5: total = 8a + 6b + 4c + 2d. Three entries at 60:
# E3 (4,2,2,4) is ahead on the heaviest criterion; E1 (3,3,3,3) and E2 (3,3,2,5) are equal
# on the first two and separated by the third.
K1, K2, K3, K4 = (CriterionInfo(i, c, D(w), D(5), i)
                  for i, c, w in ((1, "k1", 40), (2, "k2", 30), (3, "k3", 20), (4, "k4", 10)))
FOUR = RoundInfo(1, "prop", 1, D(100), (K1, K2, K3, K4))


def test_the_deciding_criterion_of_criteria_by_weight_is_noted():
    sheets = [SheetScores(1, 1, e, {1: D(a), 2: D(b), 3: D(c), 4: D(d)})
              for e, (a, b, c, d) in {1: (3, 3, 3, 3), 2: (3, 3, 2, 5), 3: (4, 2, 2, 4)}.items()]
    res = compute(sheets, ["criteria_by_weight"], round_info=FOUR)
    rows = [(r.entry_id, r.rank, r.decided_by, r.decided_on) for r in res.rows]
    assert rows == [(3, 1, "criteria_by_weight", "k1"),  # ahead of E1 on k1
                    (1, 2, "criteria_by_weight", "k3"),  # last separated from E2, on k3
                    (2, 3, "criteria_by_weight", "k3")]
    named = compute(sheets, ["criterion:k4"], round_info=FOUR)
    assert {r.entry_id: r.decided_on for r in named.rows} == {2: "k4", 3: "k4", 1: "k4"}
    untied = compute(BASIC, [])
    assert {r.decided_on for r in untied.rows} == {None}

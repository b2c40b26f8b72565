"""Ranking: standard competition ranking on exact scores, per category; property tests."""

import random
from decimal import Decimal as D
from fractions import Fraction as F

from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.enums import AggregationMethod as M
from judging_app.core.enums import RankingScope
from judging_app.core.scoring import (
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetTotals,
    compute_results,
)
from judging_app.core.setup import ResultRules

ROUND = RoundInfo(1, "presentasi", 1, D(100))


def rank_rows(rows, entries, method=M.MEAN, expected=None, **rules):
    """rows: (entry, judge, total) with exact totals."""
    totals = SheetTotals.from_fractions(rows)
    if expected is None:
        expected = {}
        for e, _j, _t in rows:
            expected[e] = expected.get(e, 0) + 1
    data = RoundData(ROUND, totals, expected)
    return compute_results(entries, [data], ResultRules(aggregation=method, **rules))


def entries_for(ids, categories=("umum",)):
    return [EntryInfo(i, f"E{i:03d}", category=categories[i % len(categories)]) for i in ids]


def ranks(res):
    return {r.entry_id: r.rank for r in res.rows}


def test_the_standardized_method_is_not_monotone():
    """Documented (docs/results.md): under z-scores a judge's scale follows their own
    totals, so raising one total can lower that entry's rank. Judge 1 gives E1, E2, E3
    0, 1, 3; judge 2 gives 9, 7, 3. E3 leads. Judge 2 raising E3 from 3 to 5 narrows that
    judge's spread, so E1's lead with judge 2 weighs more, and E1 overtakes E3."""
    rows = [(1, 1, F(0)), (2, 1, F(1)), (3, 1, F(3)), (1, 2, F(9)), (2, 2, F(7)), (3, 2, F(3))]
    raised = [(e, j, F(5) if (e, j) == (3, 2) else t) for e, j, t in rows]
    entries = entries_for([1, 2, 3])
    assert ranks(rank_rows(rows, entries, M.STANDARDIZED))[3] == 1
    assert ranks(rank_rows(raised, entries, M.STANDARDIZED))[3] == 2
    # under the mean the same raise only helps (E3: 3 -> 4; E1 4.5 stays ahead)
    assert ranks(rank_rows(rows, entries))[3] == 3 and ranks(rank_rows(raised, entries))[3] == 2


def test_standard_competition_ranking_1_2_2_4():
    rows = [(1, 1, 90), (2, 1, 80), (3, 1, 80), (4, 1, 70)]
    res = rank_rows(rows, entries_for([1, 2, 3, 4]))
    assert [(r.entry_id, r.rank, r.tied) for r in res.rows] == [
        (1, 1, False),
        (2, 2, True),
        (3, 2, True),
        (4, 4, False),
    ]
    (tie,) = res.unresolved_ties
    assert (tie.rank, tie.entry_ids) == (2, (2, 3))
    assert not tie.blocking  # no award tiers at all


def test_ranking_is_per_category_and_overall_on_request():
    rows = [(1, 1, 90), (2, 1, 80), (3, 1, 85), (4, 1, 70)]
    entries = entries_for([1, 2, 3, 4], ("replikasi", "umum"))  # odd ids umum, even replikasi
    res = rank_rows(rows, entries)
    assert [(r.group, r.entry_id, r.rank) for r in res.rows] == [
        ("replikasi", 2, 1),
        ("replikasi", 4, 2),
        ("umum", 1, 1),
        ("umum", 3, 2),
    ]
    overall = rank_rows(rows, entries, ranking_scope=RankingScope.OVERALL)
    assert [(r.group, r.entry_id, r.rank) for r in overall.rows] == [
        (None, 1, 1),
        (None, 3, 2),
        (None, 2, 3),
        (None, 4, 4),
    ]


def test_category_order_can_be_given():
    rows = [(1, 1, 90), (2, 1, 80)]
    entries = entries_for([1, 2], ("replikasi", "umum"))
    res = compute_results(
        entries,
        [RoundData(ROUND, SheetTotals.from_fractions(rows), {1: 1, 2: 1})],
        category_order=["umum", "replikasi"],
    )
    assert [r.group for r in res.rows] == ["umum", "replikasi"]


def test_totals_a_third_of_a_thousandth_apart_never_tie():
    third = F(1, 3000)
    rows = [(1, 1, 70 + third), (2, 1, 70), (3, 1, 70 - third)]
    res = rank_rows(rows, entries_for([1, 2, 3]))
    assert ranks(res) == {1: 1, 2: 2, 3: 3}
    assert not res.unresolved_ties
    assert {r.displayed_score for r in res.rows} == {"70.00"}  # display rounds, ranks don't


def test_totals_with_the_same_float_but_different_exact_values_do_not_tie():
    a = F(100, 3)
    b = a + F(1, 10**20)
    assert float(a) == float(b) and a != b
    res = rank_rows([(1, 1, a), (2, 1, b)], entries_for([1, 2]))
    assert ranks(res) == {2: 1, 1: 2}


def test_means_over_different_panel_sizes_compare_exactly():
    # (70 + 71)/2 = 70.5 vs (70 + 70 + 71.5)/3 = 211.5/3 = 70.5: an exact tie
    # (70 + 70 + 71.6)/3 = 70.5333… is above
    rows = [(1, 1, 70), (1, 2, 71), (2, 1, 70), (2, 2, 70), (2, 3, F(715, 10))]
    rows += [(3, 1, 70), (3, 2, 70), (3, 3, F(716, 10))]
    res = rank_rows(rows, entries_for([1, 2, 3]))
    assert ranks(res) == {3: 1, 1: 2, 2: 2}


# --- properties ---------------------------------------------------------------------------

totals_st = st.integers(0, 100_000).map(lambda milli: F(milli, 1000))


@st.composite
def competitions(draw):
    n_entries = draw(st.integers(1, 12))
    n_judges = draw(st.integers(1, 4))
    rows = []
    for e in range(1, n_entries + 1):
        for j in range(1, n_judges + 1):
            rows.append((e, j, draw(totals_st)))
    categories = draw(st.sampled_from([("umum",), ("umum", "replikasi")]))
    return rows, entries_for(range(1, n_entries + 1), categories)


def rows_key(res):
    return [(r.entry_id, r.group, r.rank, r.score, r.tied, r.award) for r in res.rows]


methods = st.sampled_from(list(M))


@settings(max_examples=60, deadline=None)
@given(competitions(), methods, st.randoms(use_true_random=False))
def test_results_do_not_depend_on_the_order_rows_arrive_in(case, method, rnd):
    rows, entries = case
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    shuffled_entries = list(entries)
    rnd.shuffle(shuffled_entries)
    assert rows_key(rank_rows(rows, entries, method)) == rows_key(
        rank_rows(shuffled, shuffled_entries, method)
    )


@settings(max_examples=60, deadline=None)
@given(competitions(), st.sampled_from([M.MEAN, M.MEDIAN, M.TRIMMED_MEAN]), st.data())
def test_raising_one_score_never_lowers_that_entrys_rank(case, method, data):
    rows, entries = case
    i = data.draw(st.integers(0, len(rows) - 1))
    e, j, t = rows[i]
    raised = list(rows)
    raised[i] = (e, j, t + F(data.draw(st.integers(1, 20_000)), 1000))
    before = rank_rows(rows, entries, method).row(e).rank
    after = rank_rows(raised, entries, method).row(e).rank
    assert after <= before


@settings(max_examples=60, deadline=None)
@given(competitions(), methods)
def test_ties_share_a_rank_and_the_next_rank_skips(case, method):
    rows, entries = case
    res = rank_rows(rows, entries, method)
    by_group = {}
    for r in res.rows:
        by_group.setdefault(r.group, []).append(r)
    for group_rows in by_group.values():
        for position, r in enumerate(group_rows, start=1):
            # rank = 1 + number of entries with a strictly higher exact score
            higher = sum(1 for other in group_rows if other.score > r.score)
            assert r.rank == higher + 1
            equal = [o for o in group_rows if o.score == r.score]
            assert r.tied == (len(equal) > 1)  # the chain has nothing to go on here
            assert r.rank <= position


@settings(max_examples=40, deadline=None)
@given(competitions())
def test_exact_equality_is_the_only_source_of_ties(case):
    rows, entries = case
    res = rank_rows(rows, entries)
    sums = {}
    for e, _j, t in rows:
        sums.setdefault(e, []).append(t)
    means = {e: sum(ts) / len(ts) for e, ts in sums.items()}
    for tie in res.unresolved_ties:
        assert len({means[e] for e in tie.entry_ids}) == 1
    for a in res.rows:
        for b in res.rows:
            if a.group == b.group and a.entry_id != b.entry_id:
                assert (a.rank == b.rank) == (means[a.entry_id] == means[b.entry_id])


def test_standardized_entries_with_identical_sheets_tie():
    rnd = random.Random(5)
    rows = []
    for e in range(1, 21):
        for j in rnd.sample(range(1, 7), 3):
            rows.append((e, j, F(rnd.randint(40_000, 95_000), 1000)))
    # entry 21 copies entry 3's sheets exactly: same judges, same totals
    rows += [(21, j, t) for e, j, t in rows if e == 3]
    res = rank_rows(rows, entries_for(range(1, 22)), M.STANDARDIZED)
    assert res.row(21).rank == res.row(3).rank
    assert res.row(21).score == res.row(3).score
    tied_groups = [set(t.entry_ids) for t in res.unresolved_ties]
    assert {3, 21} in tied_groups

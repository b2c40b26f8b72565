"""The standardized method orders its exact scores through floats only as a pre-filter: each
float is within a proven bound E of the exact score, and entries whose floats are too close
to tell apart are ordered by their exact scores. These tests check the bound on random
panels, and that the order is the exact one whatever floats within E the filter is given
(adversarial floats included), and when floats cannot be trusted at all."""

import random
from fractions import Fraction as F

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from judging_app.core.scoring import ordering
from judging_app.core.scoring.ordering import order_by_value
from judging_app.core.scoring.standardized import StandardizedScores, standardized_values
from judging_app.core.scoring.surds import RootClasses

panels = st.dictionaries(  # entry -> judge -> total numerator (over 1000), 3 entries at least
    st.integers(1, 40),
    st.dictionaries(st.integers(1, 6), st.integers(0, 100_000), min_size=1, max_size=4),
    min_size=3,
    max_size=40,
)


def scores_of(totals, group_of=None, denominator=1000):
    rows = [(e, j, x) for e, by in totals.items() for j, x in by.items()]
    group_of = group_of or dict.fromkeys(totals, "umum")
    roots = RootClasses()
    values, _flat = standardized_values(rows, denominator, group_of, roots)
    return values, roots


def exact_order(values, roots, ids):
    """The order straight from the exact scores (every one built)."""
    return order_by_value(ids, dict(values.items()), roots)


@settings(max_examples=60, deadline=None)
@given(panels)
def test_every_float_is_within_its_bound_of_the_exact_score(totals):
    values, roots = scores_of(totals)
    floats, error = values.floats()
    for e, surd in values.items():
        assert abs(F(floats[e]) - roots.approximate(surd)) <= F(error) + F(1, 10**30)


@settings(max_examples=60, deadline=None)
@given(panels, st.integers(0, 2**32))
def test_the_order_is_the_exact_one_for_any_floats_within_the_bound(totals, seed):
    """Floats moved anywhere within a (much widened) bound of the exact scores, so that many
    run together, still give the exact order, ties in the order the ids were given."""
    values, roots = scores_of(totals)
    ids = sorted(totals, reverse=True)
    expected = exact_order(values, roots, ids)
    rng = random.Random(seed)
    error = rng.choice([1e-9, 0.5, 5.0, 1000.0])
    moved = {e: float(roots.approximate(s)) + rng.uniform(-error, error)
             for e, s in values.items()}
    fresh, fresh_roots = scores_of(totals)
    assert ordering._order_by_floats(ids, fresh, moved, error, fresh_roots) == expected
    assert order_by_value(ids, scores_of(totals)[0], roots) == expected


def test_equal_scores_from_judges_with_different_spreads_tie():
    """80 + √62.5 reached through √0.625 (judge A) and √2.5 (judge B): equal exactly, the
    floats differ in the last bit or not; the entries tie either way."""
    values, roots = scores_of({1: {1: 80}, 2: {1: 60}, 3: {2: 95}, 4: {2: 85}})
    assert order_by_value([1, 2, 3, 4], values, roots) == [[1, 3], [2, 4]]
    assert values[1] == values[3]


def test_scores_closer_than_a_float_can_tell_are_separated_exactly():
    """Two entries whose standardized scores differ by about 1e-20 (far below a float's
    precision, so their floats are equal) are still ordered, by their exact values."""
    big = 10**22
    totals = {1: {1: 50 * big}, 2: {1: 50 * big + 1}, 3: {1: 30 * big}, 4: {1: 70 * big}}
    values, roots = scores_of(totals, denominator=big)
    floats, _error = values.floats()
    assert floats[1] == floats[2]
    assert order_by_value([1, 2, 3, 4], values, roots) == [[4], [2], [1], [3]]


def test_floats_out_of_range_fall_back_to_the_exact_order():
    huge = 10**400  # totals of n/10^400: every factor far below the range of floats
    totals = {1: {1: 50 * huge}, 2: {1: 60 * huge}, 3: {1: 40 * huge}, 4: {2: 10 * huge}}
    values, roots = scores_of(totals, denominator=huge)
    assert values.floats() is None
    # judge 2 scored one entry: it counts as the panel mean, 40, as entry 1 does
    assert order_by_value([1, 2, 3, 4], values, roots) == [[2], [1, 4], [3]]


def test_scores_are_built_for_the_close_entries_only():
    values, roots = scores_of({1: {1: 80}, 2: {1: 60}, 3: {2: 95}, 4: {2: 85}, 5: {3: 10}})
    order_by_value([1, 2, 3, 4, 5], values, roots)
    assert isinstance(values, StandardizedScores)
    assert set(values.surds_of(())) == {1, 2, 3, 4}  # the two ties; entry 5 stands alone
    assert values[5] is not None  # reading any score builds them all


@pytest.mark.parametrize("group_of", [None, {1: "a", 2: "a", 3: "b", 4: "b"}])
def test_missing_entries_and_len(group_of):
    values, _roots = scores_of({1: {1: 80}, 2: {1: 60}, 3: {2: 95}, 4: {2: 85}}, group_of)
    assert len(values) == 4 and set(values) == {1, 2, 3, 4}
    assert 9 not in values and values.get(9) is None

"""Exact square-root arithmetic behind the standardized method."""

from fractions import Fraction as F
from math import isqrt

from judging_app.core.numbers import format_decimal
from judging_app.core.scoring.ordering import compare_to, order_by_value
from judging_app.core.scoring.surds import RootClasses, Surd, exact_sqrt


def root(roots, r, scope="umum"):
    """√r as a Surd."""
    q, k = roots.sqrt(F(r), scope)
    if k is None:
        return Surd.of(q.numerator, q.denominator)
    return Surd.of(0, 1, {k: (q.numerator, q.denominator)})


def test_exact_sqrt():
    assert exact_sqrt(F(9, 4)) == F(3, 2)
    assert exact_sqrt(F(2)) is None
    assert exact_sqrt(F(8, 2)) == 2  # reduced first: 4


def test_square_classes_make_equal_roots_equal():
    roots = RootClasses()
    # √8 = 2√2, √(1/2) = √2/2, √18 = 3√2: one class
    assert root(roots, 8) == root(roots, 2).scaled(F(2))
    assert root(roots, F(1, 2)) == root(roots, 2).scaled(F(1, 2))
    assert root(roots, 18) + root(roots, F(1, 2)) == root(roots, 2).scaled(F(7, 2))
    assert root(roots, 3) != root(roots, 2)
    assert root(roots, F(25, 4)).is_rational


def test_sum_of_independent_roots_is_not_rational():
    roots = RootClasses()
    value = root(roots, 2) + root(roots, 3)
    # √2 + √3 = 3.1462643699…
    assert compare_to(value, F(31462643699, 10**10), roots) == 1
    assert compare_to(value, F(31462643700, 10**10), roots) == -1


def test_values_closer_than_the_first_precision_are_ordered_correctly():
    roots = RootClasses()
    sqrt2 = root(roots, 2)
    below = F(isqrt(2 * 10**120), 10**60)  # √2 truncated at 60 decimals: below by < 1e-60
    values = {
        1: Surd.of(below.numerator, below.denominator),
        2: sqrt2,
        3: root(roots, 8).scaled(F(1, 2)),
    }
    # √8/2 = √2 exactly: entries 2 and 3 tie, entry 1 is just below
    assert order_by_value([1, 2, 3], values, roots) == [[2, 3], [1]]
    assert compare_to(sqrt2, below, roots) == 1


def test_display_rounding_of_irrational_values():
    roots = RootClasses()
    # 80 + √62.5 = 87.90569…
    value = Surd.of(80, 1) + root(roots, F(125, 2))
    assert abs(float(roots.approximate(value)) - 87.90569415042095) < 1e-12
    assert format_decimal(roots.approximate(value)) == "87.91"


def test_display_rounding_just_below_a_half_needs_more_digits():
    roots = RootClasses()
    below = F(isqrt(2 * 10**120), 10**60)
    tiny = root(roots, 2) + Surd.of(-below.numerator, below.denominator)  # 0 < tiny < 1e-60
    just_below = Surd.of(12345, 1000) + tiny.scaled(F(-1))  # 12.345 − tiny
    just_above = Surd.of(12345, 1000) + tiny
    assert format_decimal(roots.approximate(just_below)) == "12.34"
    assert format_decimal(roots.approximate(just_above)) == "12.35"


def test_bounds_of_many_values_are_each_values_bounds():
    """The batch used to order 30,000 standardized scores gives, value for value, the
    bounds of the one-at-a-time form (negative and positive coefficients, rational values,
    several classes)."""
    import random

    rng = random.Random(7)
    roots = RootClasses()
    values = []
    for _ in range(200):
        value = Surd.of(rng.randint(-10**6, 10**6), rng.randint(1, 999))
        for _term in range(rng.randint(0, 3)):
            value = value + root(roots, F(rng.randint(2, 500), rng.randint(1, 50))).scaled(
                F(rng.randint(-999, 999), rng.randint(1, 99)))
        values.append(value)
    expected = [RootClasses.bounds(copy_of(roots), v) for v in values]
    assert roots.bounds_many(values) == expected
    assert roots.bounds_many(values) == [roots.bounds(v) for v in values]  # cached alike


def copy_of(roots: RootClasses) -> RootClasses:
    """The same classes, nothing cached."""
    fresh = RootClasses()
    fresh._radicands = list(roots._radicands)
    return fresh

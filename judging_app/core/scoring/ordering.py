"""Exact scores and their order.

An aggregated score is either a pair of integers `(numerator, denominator)` (mean, median,
trimmed mean: rational) or a `Surd` (standardized: exact, possibly irrational). Pairs are
not reduced; they are ordered by integer keys over the least common denominator of the
group, so sorting 30,000 entries costs integer comparisons only, never a float and never a
Python-level comparison function.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction

from judging_app.core.scoring.standardized import StandardizedScores
from judging_app.core.scoring.surds import START_DIGITS, RootClasses, Surd

ScoreValue = tuple[int, int] | Surd

MAX_DIGITS = 1 << 16  # refinement beyond this would mean a bug, not a close call


def order_by_value(
    ids: Sequence[int], values: Mapping[int, ScoreValue], roots: RootClasses
) -> list[list[int]]:
    """The ids in groups of exactly equal values, highest first; within a group the ids keep
    the order they were given in."""
    if not ids:
        return []
    if isinstance(values, StandardizedScores) and not values.built:
        floats = values.floats()
        if floats is not None:
            return _order_by_floats(ids, values, *floats, roots)
    if any(isinstance(values[e], Surd) for e in ids):
        return _order_surds(ids, values, roots)
    dens = {values[e][1] for e in ids}  # type: ignore[index]
    common = math.lcm(*dens)
    factor = {d: common // d for d in dens}
    keys = [v[0] * factor[v[1]] for v in (values[e] for e in ids)]  # type: ignore[index]
    order = sorted(range(len(ids)), key=keys.__getitem__, reverse=True)  # stable
    groups: list[list[int]] = []
    previous = None
    for i in order:
        if keys[i] != previous:
            groups.append([ids[i]])
            previous = keys[i]
        else:
            groups[-1].append(ids[i])
    return groups


def _order_by_floats(
    ids: Sequence[int], values: StandardizedScores, floats: Mapping[int, float], error: float,
    roots: RootClasses,
) -> list[list[int]]:
    """Standardized scores ordered by their floats, each within `error` of the exact value:
    two floats more than 2·error apart order their exact values the same way (their
    difference, computed with a relative error of 2^-53, is checked against 4·error). Runs
    of floats closer than that are ordered by the exact values of their entries alone
    (`StandardizedScores.surds_of`): equal values tie, unequal ones are separated by
    interval bounds. A float never decides an order the exact values could decide
    otherwise."""
    ranked = sorted(ids, key=floats.__getitem__, reverse=True)  # stable
    apart = 4 * error
    groups: list[list[int]] = []
    runs: list[tuple[int, int]] = []  # (start, end) in `ranked` of runs of close floats
    start = 0
    previous = floats[ranked[0]]
    for i in range(1, len(ranked)):
        current = floats[ranked[i]]
        if previous - current > apart:
            if i - start > 1:
                runs.append((start, i))
            start = i
        previous = current
    if len(ranked) - start > 1:
        runs.append((start, len(ranked)))
    if not runs:
        return [[e] for e in ranked]
    surds = values.surds_of([x for s, e in runs for x in ranked[s:e]])
    position = {e: i for i, e in enumerate(ids)}.__getitem__
    done = 0
    for s, e in runs:
        groups.extend([x] for x in ranked[done:s])
        distinct: dict[Surd, list[int]] = {}
        for x in sorted(ranked[s:e], key=position):  # the given order inside a tie
            distinct.setdefault(surds[x], []).append(x)
        groups.extend(distinct[v] for v in _order_distinct(list(distinct), roots, START_DIGITS))
        done = e
    groups.extend([x] for x in ranked[done:])
    return groups


def _order_surds(
    ids: Sequence[int], values: Mapping[int, ScoreValue], roots: RootClasses
) -> list[list[int]]:
    """Sort by interval at 40 digits; only overlapping intervals need exact equality tests
    and, for unequal values, refinement."""
    surds = [as_surd(values[e]) for e in ids]
    bounds = roots.bounds_many(surds)
    highs = [b[1] for b in bounds]
    order = sorted(range(len(ids)), key=highs.__getitem__, reverse=True)  # stable
    groups: list[list[int]] = []
    cluster: list[int] = []
    cluster_low = 0
    for i in order:
        lo, hi = bounds[i]
        if cluster and hi < cluster_low:
            if len(cluster) == 1:
                groups.append([ids[cluster[0]]])
            else:
                groups.extend(_resolve_cluster(cluster, ids, surds, roots))
            cluster = []
        if not cluster or lo < cluster_low:
            cluster_low = lo
        cluster.append(i)
    if cluster:
        groups.extend(_resolve_cluster(cluster, ids, surds, roots))
    return groups


def _resolve_cluster(
    cluster: list[int], ids: Sequence[int], surds: list[Surd], roots: RootClasses
) -> list[list[int]]:
    if len(cluster) == 1:
        return [[ids[cluster[0]]]]
    distinct: dict[Surd, list[int]] = {}
    for i in sorted(cluster):  # the given order inside a tie
        distinct.setdefault(surds[i], []).append(ids[i])
    return [distinct[s] for s in _order_distinct(list(distinct), roots, START_DIGITS * 2)]


def _order_distinct(reps: list[Surd], roots: RootClasses, digits: int) -> list[Surd]:
    """Distinct values, highest first: sort by interval, refine only overlapping clusters."""
    if len(reps) <= 1:
        return reps
    if digits > MAX_DIGITS:
        raise RuntimeError("distinct exact values did not separate")
    bounded = sorted(((roots.bounds(s, digits), s) for s in reps), key=lambda b: b[0][1])
    bounded.reverse()  # by upper bound, highest first
    out: list[Surd] = []
    cluster: list[Surd] = []
    cluster_low = 0
    for (lo, hi), s in bounded:
        if cluster and hi < cluster_low:  # strictly below everything in the cluster
            out.extend(_order_distinct(cluster, roots, digits * 2))
            cluster = []
        if not cluster or lo < cluster_low:
            cluster_low = lo
        cluster.append(s)
    out.extend(_order_distinct(cluster, roots, digits * 2))
    return out


def as_surd(value: ScoreValue) -> Surd:
    if isinstance(value, Surd):
        return value
    return Surd.of(value[0], value[1])


def to_fraction(value: ScoreValue, roots: RootClasses) -> tuple[Fraction, bool]:
    """(the value as a fraction, exact?) — an irrational value comes back approximated to
    about 40 decimals, close enough to round correctly to two decimals for display."""
    if isinstance(value, Surd):
        return roots.approximate(value), value.is_rational
    return Fraction(value[0], value[1]), True


def compare_to(value: ScoreValue, bound: Fraction, roots: RootClasses) -> int:
    """-1, 0 or 1 as the exact value is below, equal to or above `bound`."""
    if isinstance(value, Surd):
        return roots.sign_of_difference(value, bound)
    left = value[0] * bound.denominator
    right = bound.numerator * value[1]
    return (left > right) - (left < right)


def weighted_sum(parts: Sequence[tuple[Fraction, ScoreValue]]) -> ScoreValue:
    """Σ factor × value, exactly (pairs stay pairs; any surd makes the result a surd)."""
    if any(isinstance(v, Surd) for _, v in parts):
        total = Surd(0, 1)
        for factor, v in parts:
            total = total + as_surd(v).scaled(factor)
        return total
    num, den = 0, 1
    for factor, (n, d) in parts:  # type: ignore[misc]
        term_num, term_den = factor.numerator * n, factor.denominator * d
        common = math.lcm(den, term_den)
        num = num * (common // den) + term_num * (common // term_den)
        den = common
    return num, den

"""The straightforward fairness statistics, as first written (Fractions all the way, one
sheet at a time): the reference the fast implementation in core/scoring is checked against
(tests/test_scoring_fairness_fast.py). Not used by the application."""

from __future__ import annotations

import math
from collections.abc import Mapping
from fractions import Fraction

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.engine import compute_results
from judging_app.core.scoring.fairness import (
    OUTLIER_MIN_POINTS,
    OUTLIER_SD_FACTOR,
    JudgeStats,
    OutlierSheet,
    StabilityRow,
)
from judging_app.core.scoring.reliability import IccResult


def _ratio(num: Fraction, den: Fraction) -> Fraction | None:
    return num / den if den else None


def icc(matrix) -> IccResult:
    n, k = len(matrix), len(matrix[0])
    x = [[Fraction(v) for v in row] for row in matrix]
    grand = sum(map(sum, x), Fraction(0)) / (n * k)
    row_means = [sum(row, Fraction(0)) / k for row in x]
    col_means = [sum((x[i][j] for i in range(n)), Fraction(0)) / n for j in range(k)]
    ss_total = sum(((v - grand) ** 2 for row in x for v in row), Fraction(0))
    ss_rows = k * sum(((m - grand) ** 2 for m in row_means), Fraction(0))
    ss_cols = n * sum(((m - grand) ** 2 for m in col_means), Fraction(0))
    ss_within = ss_total - ss_rows
    ss_error = ss_total - ss_rows - ss_cols
    bms = ss_rows / (n - 1)
    wms = ss_within / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))
    return IccResult(
        n, k, bms, wms, jms, ems,
        _ratio(bms - wms, bms + (k - 1) * wms),
        _ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        _ratio(bms - ems, bms + (k - 1) * ems),
        _ratio(bms - wms, bms),
        _ratio(bms - ems, bms + (jms - ems) / n),
        _ratio(bms - ems, bms),
    )


def average_ranks(values) -> tuple[list[Fraction], int]:
    order = sorted(range(len(values)), key=lambda i: values[i], reverse=True)
    ranks = [Fraction(0)] * len(values)
    ties = 0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        t = j - i + 1
        for p in range(i, j + 1):
            ranks[order[p]] = Fraction(i + 1 + j + 1, 2)
        ties += t**3 - t
        i = j + 1
    return ranks, ties


def kendall_w(matrix) -> Fraction | None:
    n, m = len(matrix), len(matrix[0])
    rank_sums = [Fraction(0)] * n
    tie_total = 0
    for j in range(m):
        ranks, ties = average_ranks([row[j] for row in matrix])
        tie_total += ties
        for i in range(n):
            rank_sums[i] += ranks[i]
    mean = sum(rank_sums, Fraction(0)) / n
    s = sum(((r - mean) ** 2 for r in rank_sums), Fraction(0))
    return _ratio(12 * s, Fraction(m * m * (n**3 - n) - m * tie_total))


def judge_stats(totals: Mapping[int, Mapping[int, int]], denominator: int
                ) -> tuple[JudgeStats, ...]:
    given: dict[int, list[int]] = {}
    deviations: dict[int, list[Fraction]] = {}
    for by_judge in totals.values():
        n, s = len(by_judge), sum(by_judge.values())
        for j, x in by_judge.items():
            given.setdefault(j, []).append(x)
            if n >= 2:
                deviations.setdefault(j, []).append(Fraction(x, 1) - Fraction(s - x, n - 1))
    out = []
    for j in sorted(given):
        xs = given[j]
        n = len(xs)
        spread = None
        if n >= 2:
            mean = Fraction(sum(xs), n)
            var = sum(((x - mean) ** 2 for x in xs), Fraction(0)) / (n - 1)
            spread = math.sqrt(var) / denominator
        devs = deviations.get(j, [])
        severity = sum(devs, Fraction(0)) / (len(devs) * denominator) if devs else None
        out.append(
            JudgeStats(j, n, Fraction(sum(xs), n * denominator), spread, severity, len(devs))
        )
    return tuple(out)


def outliers(totals: Mapping[int, Mapping[int, int]], denominator: int
             ) -> tuple[tuple[OutlierSheet, ...], float | None]:
    ss, dof = Fraction(0), 0
    for by_judge in totals.values():
        n = len(by_judge)
        if n >= 2:
            mean = Fraction(sum(by_judge.values()), n)
            ss += sum(((x - mean) ** 2 for x in by_judge.values()), Fraction(0))
            dof += n - 1
    if not dof:
        return (), None
    var = ss / dof
    floor = OUTLIER_MIN_POINTS * denominator
    limit = max(OUTLIER_MIN_POINTS, OUTLIER_SD_FACTOR * math.sqrt(var) / denominator)
    found = []
    for e in sorted(totals):
        by_judge = totals[e]
        n = len(by_judge)
        if n < 2:
            continue
        s = sum(by_judge.values())
        for j in sorted(by_judge):
            x = by_judge[j]
            d = Fraction(x) - Fraction(s - x, n - 1)
            if abs(d) > floor and d * d > OUTLIER_SD_FACTOR**2 * var:
                found.append(OutlierSheet(e, j, Fraction(x, denominator),
                                          Fraction(s - x, (n - 1) * denominator),
                                          d / denominator, limit))
    return tuple(found), limit


def stability(entries, rounds, rules, award_tiers=(), chair_decisions=None,
              category_order=()) -> tuple[StabilityRow, ...]:
    """Every method's full results, side by side."""
    results = {
        m: compute_results(entries, rounds, rules, award_tiers, chair_decisions, method=m,
                           category_order=category_order)
        for m in AggregationMethod
    }
    base = results[AggregationMethod(rules.aggregation)]
    rows = []
    for row in base.rows:
        ranks = {m: r.row(row.entry_id).rank for m, r in results.items()}
        awards = {m: (r.row(row.entry_id).award, r.row(row.entry_id).band)
                  for m, r in results.items()}
        rows.append(StabilityRow(row.entry_id, row.group, ranks, awards))
    return tuple(rows)

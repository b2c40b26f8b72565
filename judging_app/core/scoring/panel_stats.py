"""Each judge's figures and the outlier sheets of one panel (a round and a ranking group),
from integer sums of the stored sheet totals.

Every total is an integer numerator x over the round's denominator D, so the statistics
need only integer sums, each entry's count n, sum S and sum of squares, and per judge the
count, Σx and Σx², and per judge and entry size n: Σx and ΣS. Fractions appear once per
judge or panel, never once per sheet:

* spread (sample variance) = (c·Σx² − (Σx)²) / (c·(c − 1)) / D²;
* severity = Σₙ (Σx − (ΣS − Σx)/(n − 1)) / (sheets shared · D), since a sheet's deviation
  from the others' mean on its entry is x − (S − x)/(n − 1) = (n·x − S)/(n − 1);
* pooled within-entry variance V = Σₑ (n·Q − S²)/n / Σₑ (n − 1);
* a sheet is an outlier when |n·x − S| > 15·D·(n − 1) and (n·x − S)²·V.den > 4·V.num·(n − 1)².

The squares are Python integers: a numerator can exceed 10¹¹ (lcm of the maxima of the
criteria in thousandths × 100,000), its square does not fit the database's 64-bit sums.
The results equal, bit for bit, the straightforward Fraction-per-sheet computation
(tests/test_scoring_fairness_fast.py checks them against it on random panels).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from operator import mul
from typing import NamedTuple

OUTLIER_MIN_POINTS = 15
OUTLIER_SD_FACTOR = 2

PanelTotals = Mapping[int, Mapping[int, int]]  # entry -> judge -> numerator


@dataclass(frozen=True)
class JudgeStats:
    judge_id: int
    sheets: int
    mean_total: Fraction
    spread: float | None  # sample standard deviation of their totals
    severity: Fraction | None  # mean (own − others' mean) over shared entries
    shared_entries: int


class OutlierSheet(NamedTuple):
    """One outlier sheet (a NamedTuple: a panel of 10,000 entries can have thousands)."""

    entry_id: int
    judge_id: int
    total: Fraction
    others_mean: Fraction
    difference: Fraction  # total − others_mean
    limit: float  # max(15, 2 × pooled within-entry SD) in points


def judge_stats(totals: PanelTotals, denominator: int) -> tuple[JudgeStats, ...]:
    sums: dict[int, list[int]] = {}  # judge -> [sheets, Σx, Σx²]
    shared: dict[int, dict[int, list[int]]] = {}  # judge -> n -> [sheets, Σx, ΣS]
    for by_judge in totals.values():
        n = len(by_judge)
        s = sum(by_judge.values())
        for j, x in by_judge.items():
            acc = sums.get(j)
            if acc is None:
                sums[j] = [1, x, x * x]
            else:
                acc[0] += 1
                acc[1] += x
                acc[2] += x * x
            if n >= 2:
                by_n = shared.get(j)
                if by_n is None:
                    shared[j] = {n: [1, x, s]}
                else:
                    acc = by_n.get(n)
                    if acc is None:
                        by_n[n] = [1, x, s]
                    else:
                        acc[0] += 1
                        acc[1] += x
                        acc[2] += s
    out = []
    for j in sorted(sums):
        c, sx, sxx = sums[j]
        spread = None
        if c >= 2:
            spread = math.sqrt(Fraction(c * sxx - sx * sx, c * (c - 1))) / denominator
        severity, sheets_shared = None, 0
        if j in shared:
            deviation = Fraction(0)
            for n, (k, own, entry_sums) in shared[j].items():
                deviation += Fraction(own * (n - 1) - (entry_sums - own), n - 1)
                sheets_shared += k
            severity = deviation / (sheets_shared * denominator)
        out.append(JudgeStats(j, c, Fraction(sx, c * denominator), spread, severity,
                              sheets_shared))
    return tuple(out)


def outliers(totals: PanelTotals, denominator: int
             ) -> tuple[tuple[OutlierSheet, ...], float | None]:
    by_size: dict[int, int] = {}  # n -> Σₑ (n·Q − S²): the within-entry SS times n
    dof = 0
    floor = OUTLIER_MIN_POINTS * denominator
    candidates = []  # entries with a sheet past the 15-point floor (checked against 2·s below)
    for e, by_judge in totals.items():
        n = len(by_judge)
        if n >= 2:
            xs = by_judge.values()
            s = sum(xs)
            by_size[n] = by_size.get(n, 0) + n * sum(map(mul, xs, xs)) - s * s
            dof += n - 1
            if max(n * max(xs) - s, s - n * min(xs)) > floor * (n - 1):
                candidates.append(e)
    if not dof:
        return (), None
    var = sum((Fraction(v, n) for n, v in by_size.items()), Fraction(0)) / dof
    v_num, v_den = var.numerator, var.denominator
    limit = max(OUTLIER_MIN_POINTS, OUTLIER_SD_FACTOR * math.sqrt(var) / denominator)
    factor = OUTLIER_SD_FACTOR**2 * v_num
    found = []
    fractions: dict[tuple[int, int], Fraction] = {}  # (numerator, n − 1): many sheets share one

    def fraction(num: int, others: int) -> Fraction:
        key = (num, others)
        value = fractions.get(key)
        if value is None:
            value = fractions[key] = Fraction(num, others * denominator)
        return value

    for e in sorted(candidates):
        by_judge = totals[e]
        n = len(by_judge)
        s = sum(by_judge.values())
        for j in sorted(by_judge):
            x = by_judge[j]
            d = n * x - s  # (n − 1) × (x − others' mean)
            if abs(d) > floor * (n - 1) and d * d * v_den > factor * (n - 1) ** 2:
                found.append(OutlierSheet(
                    e, j, fraction(x, 1), fraction(s - x, n - 1), fraction(d, n - 1), limit))
    return tuple(found), limit

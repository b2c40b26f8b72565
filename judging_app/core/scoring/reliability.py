"""Agreement between judges: the six Shrout & Fleiss (1979) intraclass correlations and
Kendall's W with the tie correction.

Both need a complete block: n entries each scored by the same k judges. Neither needs a
square root, so both are computed exactly from the exact totals: integer sums of the
numerators (and of doubled ranks), fractions only at the end; they are evidence for the
chair and never decide a rank or an award.

Shrout & Fleiss, "Intraclass correlations: uses in assessing rater reliability",
Psychological Bulletin 86(2), 1979. With BMS (between entries), WMS (within entries),
JMS (between judges) and EMS (residual) mean squares:

    ICC(1,1) = (BMS − WMS) / (BMS + (k−1)·WMS)
    ICC(2,1) = (BMS − EMS) / (BMS + (k−1)·EMS + k·(JMS − EMS)/n)
    ICC(3,1) = (BMS − EMS) / (BMS + (k−1)·EMS)
    ICC(1,k) = (BMS − WMS) / BMS
    ICC(2,k) = (BMS − EMS) / (BMS + (JMS − EMS)/n)
    ICC(3,k) = (BMS − EMS) / BMS

Kendall's W (Kendall & Babington Smith 1939), m judges ranking n entries, average ranks
for ties, Rᵢ the rank sums, S = Σ (Rᵢ − R̄)², Tⱼ = Σ (t³ − t) over judge j's tied groups:

    W = 12·S / (m²·(n³ − n) − m·Σⱼ Tⱼ)
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

Matrix = Sequence[Sequence[Fraction | int]]  # rows = entries, columns = judges


@dataclass(frozen=True)
class IccResult:
    entries: int  # n
    judges: int  # k
    bms: Fraction
    wms: Fraction
    jms: Fraction
    ems: Fraction
    icc1_1: Fraction | None
    icc2_1: Fraction | None
    icc3_1: Fraction | None
    icc1_k: Fraction | None
    icc2_k: Fraction | None
    icc3_k: Fraction | None


def _ratio(num: Fraction, den: Fraction) -> Fraction | None:
    return num / den if den else None


def _check(matrix: Matrix) -> tuple[int, int]:
    n = len(matrix)
    k = len(matrix[0]) if n else 0
    if n < 2 or k < 2:
        raise ValueError("needs at least 2 entries and 2 judges")
    if any(len(row) != k for row in matrix):
        raise ValueError("every entry needs a total from every judge")
    return n, k


def _integers(matrix: Matrix) -> tuple[list[list[int]], int]:
    """The matrix as integer numerators over one common denominator."""
    ratios = [[Fraction(v).as_integer_ratio() for v in row] for row in matrix]
    den = math.lcm(*(d for row in ratios for _n, d in row))
    return [[n * (den // d) for n, d in row] for row in ratios], den


def icc(matrix: Matrix, denominator: int = 1) -> IccResult:
    """The six Shrout & Fleiss ICCs of a complete entries × judges matrix (None where the
    formula divides by zero, e.g. when every total is equal). The values are
    `matrix[i][j] / denominator`; with integer numerators every sum of squares is an
    integer sum, and only the mean squares are fractions."""
    n, k = _check(matrix)
    if all(type(v) is int for row in matrix for v in row):
        x, den = matrix, denominator
    else:
        x, inner = _integers(matrix)
        den = inner * denominator
    grand = sum(map(sum, x))
    squares = sum(v * v for row in x for v in row)
    rows = sum(sum(row) ** 2 for row in x)
    cols = sum(sum(row[j] for row in x) ** 2 for j in range(k))
    # SS × n·k·D²: total nk·Σx² − G², between entries n·Σrow² − G², between judges k·Σcol² − G²
    scale = n * k * den * den
    ss_total = Fraction(n * k * squares - grand * grand, scale)
    ss_rows = Fraction(n * rows - grand * grand, scale)
    ss_cols = Fraction(k * cols - grand * grand, scale)
    ss_within = ss_total - ss_rows
    ss_error = ss_total - ss_rows - ss_cols
    bms = ss_rows / (n - 1)
    wms = ss_within / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))
    return IccResult(
        n,
        k,
        bms,
        wms,
        jms,
        ems,
        _ratio(bms - wms, bms + (k - 1) * wms),
        _ratio(bms - ems, bms + (k - 1) * ems + k * (jms - ems) / n),
        _ratio(bms - ems, bms + (k - 1) * ems),
        _ratio(bms - wms, bms),
        _ratio(bms - ems, bms + (jms - ems) / n),
        _ratio(bms - ems, bms),
    )


def _doubled_ranks(values: Sequence[Fraction | int]) -> tuple[list[int], int]:
    """Twice the average ranks (integers; highest value = rank 1) and Σ (t³ − t)."""
    order = sorted(range(len(values)), key=values.__getitem__, reverse=True)
    ranks = [0] * len(values)
    ties = 0
    i = 0
    while i < len(order):
        j = i
        while j + 1 < len(order) and values[order[j + 1]] == values[order[i]]:
            j += 1
        t = j - i + 1
        for p in range(i, j + 1):
            ranks[order[p]] = i + j + 2
        ties += t**3 - t
        i = j + 1
    return ranks, ties


def average_ranks(values: Sequence[Fraction | int]) -> tuple[list[Fraction], int]:
    """Ranks 1..n (highest value = 1; ties share the average rank) and Σ (t³ − t)."""
    doubled, ties = _doubled_ranks(values)
    return [Fraction(r, 2) for r in doubled], ties


def kendall_w(matrix: Matrix) -> Fraction | None:
    """Kendall's W with the tie correction; None when every judge ties every entry.
    With doubled ranks (integers) Rᵢ = rᵢ/2 and S = (n·Σrᵢ² − (Σrᵢ)²) / (4n)."""
    n, m = _check(matrix)
    rank_sums = [0] * n
    tie_total = 0
    for j in range(m):
        ranks, ties = _doubled_ranks([row[j] for row in matrix])
        tie_total += ties
        for i in range(n):
            rank_sums[i] += ranks[i]
    total = sum(rank_sums)
    spread = n * sum(r * r for r in rank_sums) - total * total  # 4n·S
    den = m * m * (n**3 - n) - m * tie_total
    return Fraction(12 * spread, 4 * n * den) if den else None


def complete_block(
    totals: Mapping[int, Mapping[int, Fraction | int]],
) -> tuple[list[int], list[int]]:
    """The largest set of entries scored by exactly the same judges (at least two):
    (entry ids, judge ids), both sorted. Ties between candidate panels go to the one with
    more judges, then to the lower judge ids. Empty lists when there is none."""
    panels: dict[tuple[int, ...], list[int]] = {}
    for e, by_judge in totals.items():
        if len(by_judge) >= 2:
            judges = tuple(sorted(by_judge))
            entries = panels.get(judges)
            if entries is None:
                panels[judges] = [e]
            else:
                entries.append(e)
    if not panels:
        return [], []
    judges = min(panels, key=lambda p: (-len(panels[p]), -len(p), p))
    return sorted(panels[judges]), list(judges)

"""Agreement between judges: the six Shrout & Fleiss (1979) intraclass correlations and
Kendall's W with the tie correction.

Both need a complete block: n entries each scored by the same k judges. Neither needs a
square root, so both are computed exactly (Fractions) from the exact totals; they are
evidence for the chair and never decide a rank or an award.

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


def icc(matrix: Matrix) -> IccResult:
    """The six Shrout & Fleiss ICCs of a complete entries × judges matrix (None where the
    formula divides by zero, e.g. when every total is equal)."""
    n, k = _check(matrix)
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


def average_ranks(values: Sequence[Fraction | int]) -> tuple[list[Fraction], int]:
    """Ranks 1..n (highest value = 1; ties share the average rank) and Σ (t³ − t)."""
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


def kendall_w(matrix: Matrix) -> Fraction | None:
    """Kendall's W with the tie correction; None when every judge ties every entry."""
    n, m = _check(matrix)
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


def complete_block(
    totals: Mapping[int, Mapping[int, Fraction | int]],
) -> tuple[list[int], list[int]]:
    """The largest set of entries scored by exactly the same judges (at least two):
    (entry ids, judge ids), both sorted. Ties between candidate panels go to the one with
    more judges, then to the lower judge ids. Empty lists when there is none."""
    panels: dict[tuple[int, ...], list[int]] = {}
    for e, by_judge in totals.items():
        if len(by_judge) >= 2:
            panels.setdefault(tuple(sorted(by_judge)), []).append(e)
    if not panels:
        return [], []
    judges = min(panels, key=lambda p: (-len(panels[p]), -len(p), p))
    return sorted(panels[judges]), list(judges)

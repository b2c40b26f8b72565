"""Per-judge standardized aggregation, computed exactly.

Within one round and one ranking group (the category, or everything when ranking overall):

* each judge j has the mean μⱼ and the population variance Vⱼ of the totals they gave;
* the panel has the mean μₚ of all sheet totals and the pooled within-judge variance
  Vₚ = Σⱼ Σ (x − μⱼ)² / N (the spread left once each judge's severity is removed);
* a sheet's standardized total is μₚ + √Vₚ · (x − μⱼ)/√Vⱼ, i.e. its z-score mapped back to
  the panel's mean and spread; an entry's score is the mean over its sheets.

A judge whose totals are all equal (Vⱼ = 0, e.g. a single sheet) has z = 0 on every sheet:
those sheets count as the panel mean. The factor √(Vₚ/Vⱼ) is kept exact as q·√t (see
`surds`), so two entries whose judges gave identical totals get identical scores, and
entries tie only when their exact standardized scores are equal.

Within a group every entry's score is μₚ + √Vₚ × (mean of its z-scores), one increasing
map, so ranks follow the mean z-score. Raising one sheet never lowers that entry's rank:
its own z cannot decrease (∂zᵢ/∂xᵢ = (1 − 1/n − zᵢ²/n)/σ ≥ 0 since zᵢ² ≤ n − 1) and the
z-scores of the judge's other entries cannot increase.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Mapping, Sequence
from fractions import Fraction
from math import gcd
from operator import itemgetter

from judging_app.core.scoring.inputs import SheetTotalRow
from judging_app.core.scoring.surds import RootClasses, Surd

SQUARE = -1  # class key for judges whose factor √(Vₚ/Vⱼ) is rational

PanelKey = tuple[str | None, int]  # (group, judge)


def standardized_values(
    rows: Sequence[SheetTotalRow],
    denominator: int,
    group_of: Mapping[int, str | None],
    roots: RootClasses,
) -> tuple[dict[int, Surd], list[PanelKey]]:
    """Every entry's standardized score, and the (group, judge) pairs with zero spread."""
    # Pass 1: per (group, judge) slot: n, Σx, Σx² (x = numerator over `denominator`).
    slot_of: dict[PanelKey, int] = {}
    keys: list[PanelKey] = []
    n_: list[int] = []
    s_: list[int] = []
    q_: list[int] = []
    row_slots: list[int] = []
    for e, j, x in rows:
        key = (group_of[e], j)
        i = slot_of.get(key)
        if i is None:
            i = slot_of[key] = len(keys)
            keys.append(key)
            n_.append(0)
            s_.append(0)
            q_.append(0)
        n_[i] += 1
        s_[i] += x
        q_[i] += x * x
        row_slots.append(i)

    # Per group: N, Σx and the pooled within-judge sum of squares Σ (nQ − S²)/n (× D²).
    sheets: dict[str | None, int] = {}
    total: dict[str | None, int] = {}
    pooled: dict[str | None, Fraction] = {}
    for i, (g, _j) in enumerate(keys):
        sheets[g] = sheets.get(g, 0) + n_[i]
        total[g] = total.get(g, 0) + s_[i]
        pooled[g] = pooled.get(g, Fraction(0)) + Fraction(n_[i] * q_[i] - s_[i] ** 2, n_[i])

    # Per slot: √(Vₚ/Vⱼ) = q·√t_class; the sheet adds (x·n − S)·q/(n·D)·√t_class.
    flat: list[PanelKey] = []
    per_class: dict[tuple[str | None, int], list[tuple[int, Fraction]]] = {}
    for i, (g, _j) in enumerate(keys):
        spread = n_[i] * q_[i] - s_[i] ** 2  # n² D² Vⱼ
        if spread == 0 or pooled[g] == 0:
            flat.append(keys[i])
            continue
        ratio = pooled[g] / sheets[g] * Fraction(n_[i] ** 2, spread)  # Vₚ/Vⱼ, D² cancels
        q_root, k = roots.sqrt(ratio, scope=g)
        cls = SQUARE if k is None else k
        per_class.setdefault((g, cls), []).append((i, q_root / (n_[i] * denominator)))
    # Put each class's factors over one denominator W so the sums below stay integers.
    factor: list[tuple[int, int] | None] = [None] * len(keys)  # slot -> (class, U = f·W)
    common: dict[str | None, dict[int, int]] = {}  # group -> class -> W
    for ck, members in per_class.items():
        w = math.lcm(*(f.denominator for _, f in members))
        common.setdefault(ck[0], {})[ck[1]] = w
        for i, f in members:
            factor[i] = (ck[1], f.numerator * (w // f.denominator))

    # Pass 2: per entry and class, Σ (x·n − S)·U.
    acc: dict[int, dict[int, int]] = {}
    counts = Counter(map(itemgetter(0), rows))
    for (e, _j, x), i in zip(rows, row_slots, strict=True):
        fk = factor[i]
        if fk is None:
            continue
        cls, u = fk
        contribution = (x * n_[i] - s_[i]) * u
        terms = acc.get(e)
        if terms is None:
            acc[e] = {cls: contribution}
        else:
            terms[cls] = terms.get(cls, 0) + contribution

    # Each entry's Surd built here directly, its parts reduced as `Surd.of` would (30,000
    # entries: the generic constructor's dict and sort per entry showed in the profile).
    out: dict[int, Surd] = {}
    make = Surd
    for e, n_e in counts.items():
        g = group_of[e]
        num, den = total[g], sheets[g] * denominator  # the panel mean μₚ
        kept = []
        terms = acc.get(e)
        if terms:
            common_g = common[g]
            for cls in sorted(terms):  # SQUARE (-1) first, then the classes in order
                a = terms[cls]
                w = n_e * common_g[cls]
                if cls == SQUARE:
                    num, den = num * w + a * den, den * w
                elif a:
                    d = gcd(a, w)  # w > 0: the reduced pair keeps its sign on a
                    kept.append((cls, a // d, w // d))
        d = gcd(num, den)
        out[e] = make(num // d, den // d, tuple(kept))
    return out, flat

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
from collections.abc import Collection, Container, Mapping, Sequence
from fractions import Fraction
from itertools import compress
from math import gcd
from operator import itemgetter, sub

from judging_app.core.scoring.inputs import SheetTotalRow
from judging_app.core.scoring.surds import RootClasses, Surd

SQUARE = -1  # class key for judges whose factor √(Vₚ/Vⱼ) is rational

PanelKey = tuple[str | None, int]  # (group, judge)


def standardized_values(
    rows: Sequence[SheetTotalRow],
    denominator: int,
    group_of: Mapping[int, str | None],
    roots: RootClasses,
) -> tuple[StandardizedScores, list[PanelKey]]:
    """Every entry's standardized score (built on first use: see `StandardizedScores`), and
    the (group, judge) pairs with zero spread."""
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
    slots: list[tuple[int, Fraction] | None] = [None] * len(keys)  # slot -> (class, f)
    per_class: dict[tuple[str | None, int], list[tuple[int, Fraction]]] = {}
    for i, (g, _j) in enumerate(keys):
        spread = n_[i] * q_[i] - s_[i] ** 2  # n² D² Vⱼ
        if spread == 0 or pooled[g] == 0:
            flat.append(keys[i])
            continue
        ratio = pooled[g] / sheets[g] * Fraction(n_[i] ** 2, spread)  # Vₚ/Vⱼ, D² cancels
        q_root, k = roots.sqrt(ratio, scope=g)
        cls = SQUARE if k is None else k
        f = q_root / (n_[i] * denominator)
        slots[i] = (cls, f)
        per_class.setdefault((g, cls), []).append((i, f))
    # Put each class's factors over one denominator W so the sums below stay integers.
    factor: list[tuple[int, int] | None] = [None] * len(keys)  # slot -> (class, U = f·W)
    common: dict[str | None, dict[int, int]] = {}  # group -> class -> W
    for ck, members in per_class.items():
        w = math.lcm(*(f.denominator for _, f in members))
        common.setdefault(ck[0], {})[ck[1]] = w
        for i, f in members:
            factor[i] = (ck[1], f.numerator * (w // f.denominator))
    panel = _Panel(rows, row_slots, n_, s_, slots, factor, common, total, sheets, denominator,
                   group_of, Counter(map(itemgetter(0), rows)))
    return StandardizedScores(panel, roots), flat


class _Panel:
    """What pass 1 found, kept for building the scores (all, or a few) and their floats."""

    def __init__(self, rows, row_slots, n_, s_, slots, factor, common, total, sheets,
                 denominator, group_of, counts) -> None:
        self.rows, self.row_slots, self.n_, self.s_ = rows, row_slots, n_, s_
        self.slots, self.factor, self.common = slots, factor, common
        self.total, self.sheets, self.denominator = total, sheets, denominator
        self.group_of, self.counts = group_of, counts

    def surds(self, wanted: Container[int] | None = None) -> dict[int, Surd]:
        """The exact scores of every entry, or of the `wanted` ones."""
        factor, n_, s_ = self.factor, self.n_, self.s_
        # Pass 2: per entry and class, Σ (x·n − S)·U.
        acc: dict[int, dict[int, int]] = {}
        for (e, _j, x), i in zip(self.rows, self.row_slots, strict=True):
            fk = factor[i]
            if fk is None or (wanted is not None and e not in wanted):
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
        group_of, total, sheets, common = self.group_of, self.total, self.sheets, self.common
        denominator = self.denominator
        for e, n_e in self.counts.items():
            if wanted is not None and e not in wanted:
                continue
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
        return out

    def floats(self, roots: RootClasses) -> tuple[dict[int, float], float] | None:
        """Every entry's score as a float, and a bound E on the error of each (see
        `StandardizedScores.floats`); None when floats cannot be trusted (beyond their range,
        or so small that their relative precision is lost)."""
        n_, s_, rows = self.n_, self.s_, self.rows
        if not rows:
            return {}, 0.0
        try:
            phi: list[float] = []  # slot -> f·√t as a float (0.0 for a flat slot)
            spread = max(map(itemgetter(2), rows)) - min(map(itemgetter(2), rows))
            largest = 0.0  # max over slots of |φ|·n·(max x − min x) ≥ |(x·n − S)·φ|
            for i, slot in enumerate(self.slots):
                if slot is None:
                    phi.append(0.0)
                    continue
                cls, f = slot  # f > 0: the slot has a spread
                t = 1.0 if cls == SQUARE else float(roots.radicand(cls))
                p = float(f) * math.sqrt(t)
                if not all(_SAFE_LOW <= v <= _SAFE_HIGH for v in (float(f), t, p)):
                    return None
                phi.append(p)
                largest = max(largest, abs(p) * n_[i] * float(spread))
            means = {g: self.total[g] / (self.sheets[g] * self.denominator) for g in self.total}
            bound = max(map(abs, means.values()), default=0.0) + largest
            if not (bound == 0.0 or _SAFE_LOW <= bound <= _SAFE_HIGH):
                return None
            sums: dict[int, float] = {}
            get = sums.get
            for (e, _j, x), i in zip(rows, self.row_slots, strict=True):
                p = phi[i]
                if p:
                    sums[e] = get(e, 0.0) + (x * n_[i] - s_[i]) * p
        except OverflowError:  # an integer beyond the range of floats
            return None
        group_of = self.group_of
        out = {e: means[group_of[e]] + get(e, 0.0) / n_e for e, n_e in self.counts.items()}
        most = max(self.counts.values(), default=0)
        return out, (most + 16) * bound * _RELATIVE_ERROR


# The floats are trusted between these magnitudes only (no overflow to infinity, no loss of
# relative precision below the normal range).
_SAFE_LOW, _SAFE_HIGH = 2.0**-900, 2.0**900
_RELATIVE_ERROR = 2.0**-40  # per operation: 2^13 times the float unit roundoff 2^-53


class StandardizedScores(Mapping[int, Surd]):
    """entry -> its exact standardized score, built on first use: ordering the entries needs
    the exact score of only the few whose floats are too close to tell apart (`floats`);
    reading any score builds them all."""

    def __init__(self, panel: _Panel, roots: RootClasses) -> None:
        self._panel = panel
        self._roots = roots
        self._all: dict[int, Surd] | None = None
        self._some: dict[int, Surd] = {}
        self._floats: tuple[dict[int, float], float] | None | bool = False

    def __getitem__(self, e: int) -> Surd:
        return self.every_score()[e]

    def every_score(self) -> dict[int, Surd]:
        """Every entry's exact score (built on the first call)."""
        if self._all is None:
            self._all = self._panel.surds()
        return self._all

    @property
    def built(self) -> bool:
        """Every score has been built (ordering by floats would save nothing)."""
        return self._all is not None

    def get(self, e, default=None):  # type: ignore[override]
        return self[e] if e in self._panel.counts else default

    def __contains__(self, e: object) -> bool:
        return e in self._panel.counts

    def __iter__(self):
        return iter(self._panel.counts)

    def __len__(self) -> int:
        return len(self._panel.counts)

    @property
    def sheet_counts(self) -> Mapping[int, int]:
        """entry -> its number of sheets."""
        return self._panel.counts

    def floats(self) -> tuple[dict[int, float], float] | None:
        """(entry -> its score as a float, E) with |float − exact| <= E for every entry; None
        when the floats cannot be trusted.

        The float of an entry is μₚ + (Σ over its sheets of (x·n − S)·φ̂) / nₑ, φ̂ the float
        of the slot's exact factor f·√t (f: float of a fraction, √t: math.sqrt of the float
        of the radicand, both correctly rounded). With u = 2^-53: φ̂ is within 5u of φ
        relatively, each product within 8u, a sum of m terms adds at most (m−1)u of the sum
        of their magnitudes, the division and the final addition u each; every term is at
        most B = max|μₚ| + max |φ|·n·(max x − min x) in magnitude, so the error is below
        (m + 12)·1.02·u·B. E = (m + 16)·2^-40·B, m the most sheets of an entry, leaves a
        margin of more than 2^12."""
        if self._floats is False:
            self._floats = self._panel.floats(self._roots)
        return self._floats  # type: ignore[return-value]

    def surds_of(self, entries: Collection[int]) -> dict[int, Surd]:
        """The exact scores of some entries (at least), built without building them all: on
        the first call, for them and for every entry whose float is within 4E of another
        entry's (whatever entries an ordering looks at, those it cannot tell apart by floats
        are among these), in one pass over the rows."""
        if self._all is not None:
            return self._all
        missing = {e for e in entries if e not in self._some}
        if missing:
            if not self._some:
                missing.update(self._close())
            self._some.update(self._panel.surds(missing))
        return self._some

    def _close(self) -> set[int]:
        found = self.floats()
        if found is None:
            return set()
        floats, error = found
        ranked = sorted(floats.values())
        near = set()  # the floats within 4E of the next one up, and that one
        for k in compress(range(len(ranked) - 1), map((4 * error).__ge__,
                                                      map(sub, ranked[1:], ranked))):
            near.update(ranked[k:k + 2])
        return {e for e, f in floats.items() if f in near} if near else set()

"""Award tiers: rank tiers (Juara I = ranks 1..1, Harapan I = 4..4, Top N = 1..N) and score
bands (predicates such as "Sangat Inovatif"), optionally restricted to one category.

Score bands: by default a band covers min_score <= s < max_score (max_score None = no upper
bound), as `AwardTierSpec` documents; the boundary value belongs to the higher band. Bands
whose published rule is the other way round set the sides explicitly: the IGA predicates
"Sangat Inovatif above 60, Inovatif 35-60, Kurang Inovatif below 35" are
Sangat Inovatif (60, ∞) with min_inclusive=False, Inovatif [35, 60] with max_inclusive=True
and Kurang Inovatif [0, 35). Comparisons are exact (a score of 60.0001 is above 60).
An entry gets the first band (in the order given) that contains its final score.

Rank tiers are given by position once ties are settled. A tie the chain could not break
shares a rank; when the positions it spans all carry the same tier (or none), every tied
entry gets that tier; when they differ the tie straddles an award boundary: no tier is
given and the tie is blocking until the chair decides. In an overall ranking, rank tiers
restricted to a category are not used.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from fractions import Fraction

from judging_app.core.enums import AwardKind
from judging_app.core.scoring.ordering import ScoreValue, compare_to
from judging_app.core.scoring.surds import RootClasses
from judging_app.core.setup import AwardTierSpec


@dataclass(frozen=True, slots=True)
class AwardTier:
    code: str
    kind: AwardKind
    rank_from: int | None = None
    rank_to: int | None = None
    min_score: Fraction | None = None
    max_score: Fraction | None = None
    category: str | None = None  # None = every category
    min_inclusive: bool = True
    max_inclusive: bool = False
    label: str = ""

    @classmethod
    def from_spec(cls, spec: AwardTierSpec) -> AwardTier:
        return cls(
            code=spec.code,
            kind=AwardKind(spec.kind),
            rank_from=spec.rank_from,
            rank_to=spec.rank_to,
            min_score=None if spec.min_score is None else Fraction(spec.min_score),
            max_score=None if spec.max_score is None else Fraction(spec.max_score),
            category=spec.category,
            min_inclusive=spec.min_inclusive,
            max_inclusive=spec.max_inclusive,
            label=spec.label,
        )

    def covers_rank(self, position: int) -> bool:
        return (
            self.kind == AwardKind.RANK
            and self.rank_from is not None
            and self.rank_to is not None
            and self.rank_from <= position <= self.rank_to
        )

    def contains(self, value: ScoreValue, roots: RootClasses) -> bool:
        """Whether the exact score lies in this band (see the module docstring)."""
        if self.kind != AwardKind.BAND or self.min_score is None:
            return False
        low = compare_to(value, self.min_score, roots)
        if low < 0 or (low == 0 and not self.min_inclusive):
            return False
        if self.max_score is None:
            return True
        high = compare_to(value, self.max_score, roots)
        return high < 0 or (high == 0 and self.max_inclusive)

    def applies_to(self, category: str | None) -> bool:
        return self.category is None or self.category == category


def as_tiers(items: Iterable[AwardTierSpec | AwardTier]) -> tuple[AwardTier, ...]:
    return tuple(t if isinstance(t, AwardTier) else AwardTier.from_spec(t) for t in items)


def rank_tiers_for(
    tiers: Sequence[AwardTier], group: str | None, overall: bool
) -> tuple[AwardTier, ...]:
    """The rank tiers used in one ranking group."""
    return tuple(
        t
        for t in tiers
        if t.kind == AwardKind.RANK
        and (t.category is None or (not overall and t.category == group))
    )


def tier_at(rank_tiers: Sequence[AwardTier], position: int) -> str | None:
    for t in rank_tiers:
        if t.covers_rank(position):
            return t.code
    return None


def tiers_for_positions(
    rank_tiers: Sequence[AwardTier], first: int, count: int
) -> tuple[str | None, ...]:
    """The rank tier of each position first..first+count-1 (a tie spans these)."""
    return tuple(tier_at(rank_tiers, p) for p in range(first, first + count))


class BandFinder:
    """The first band (in the order given) containing an entry's score; fast for the rational
    (numerator, denominator) scores of the mean, median and trimmed mean."""

    def __init__(self, tiers: Sequence[AwardTier], roots: RootClasses) -> None:
        self.bands = [t for t in tiers if t.kind == AwardKind.BAND and t.min_score is not None]
        self.roots = roots
        self._limits: dict[int, list[tuple[str, str | None, int, int | None]]] = {}

    def __bool__(self) -> bool:
        return bool(self.bands)

    def __call__(self, category: str | None, value: ScoreValue) -> str | None:
        if type(value) is tuple:
            n, d = value
            limits = self._limits.get(d)
            if limits is None:
                limits = self._limits[d] = [
                    (t.code, t.category, *self._integer_limits(t, d)) for t in self.bands
                ]
            for code, only, low, high in limits:
                if low <= n and (high is None or n <= high) and (only is None or only == category):
                    return code
            return None
        for t in self.bands:
            if t.applies_to(category) and t.contains(value, self.roots):
                return t.code
        return None

    @staticmethod
    def _integer_limits(t: AwardTier, d: int) -> tuple[int, int | None]:
        """For scores n/d (d > 0): the band holds exactly the numerators low <= n <= high
        (high None = no upper bound); integer comparisons only."""
        scaled = t.min_score * d  # type: ignore[operator]
        low = math.ceil(scaled)
        if not t.min_inclusive and low == scaled:
            low += 1
        if t.max_score is None:
            return low, None
        scaled = t.max_score * d
        high = math.floor(scaled)
        if not t.max_inclusive and high == scaled:
            high -= 1
        return low, high

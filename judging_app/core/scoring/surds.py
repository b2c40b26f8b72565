"""Exact numbers of the form a + Σ cₖ·√tₖ (a, cₖ, tₖ rational), for the standardized method.

A judge's z-score divides by the square root of a variance, so standardized scores are in
general irrational. Rounding them to a fixed number of digits would make two entries that
are exactly equal (say both one standard deviation above their judge's mean, under judges
whose variances differ by a factor of 4) differ in the last digit, and would make a tie
depend on rounding noise. Instead we keep them exact:

* every square root is written q·√t where t is one representative per *square class*
  (two radicands are in the same class when their ratio is the square of a rational,
  checked with integer square roots, no factoring); `RootClasses` keeps the
  representatives, separately per scope (a round and category), because only values of
  the same scope are ever compared or added;
* square roots of distinct square classes are linearly independent over the rationals
  (Besicovitch), so two values are equal exactly when their rational parts and their
  coefficient per class are equal: equality is a comparison of fractions;
* order is decided from integer interval bounds at 40 digits, refined (doubling the
  digits) only for values whose intervals overlap, which happens only when they are very
  close; equal values are never refined, unequal values always separate.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from math import gcd, isqrt

START_DIGITS = 40
START_SCALE = 10**START_DIGITS


def exact_sqrt(r: Fraction) -> Fraction | None:
    """√r when it is rational, else None (r reduced: both parts must be perfect squares)."""
    n, d = r.numerator, r.denominator
    sn, sd = isqrt(n), isqrt(d)
    return Fraction(sn, sd) if sn * sn == n and sd * sd == d else None


def _reduced(n: int, d: int) -> tuple[int, int]:
    if d < 0:
        n, d = -n, -d
    g = gcd(n, d)
    return (n // g, d // g) if g > 1 else (n, d)


@dataclass(frozen=True, slots=True)
class Surd:
    """num/den + Σ (cn/cd)·√(radicand of class k), held as reduced integers so that equality
    and hashing are plain integer comparisons. Build with `Surd.of`, never directly."""

    num: int
    den: int
    terms: tuple[tuple[int, int, int], ...] = ()  # (class k, cn, cd), sorted by k, cn != 0

    @classmethod
    def of(cls, num: int, den: int, terms: dict[int, tuple[int, int]] | None = None) -> Surd:
        """From possibly unreduced parts; `terms` maps class -> (cn, cd)."""
        kept = []
        for k in sorted(terms or ()):
            cn, cd = terms[k]  # type: ignore[index]
            if cn:
                kept.append((k, *_reduced(cn, cd)))
        return cls(*_reduced(num, den), tuple(kept))

    @property
    def rational(self) -> Fraction:
        return Fraction(self.num, self.den)

    @property
    def is_rational(self) -> bool:
        return not self.terms

    def __add__(self, other: Surd) -> Surd:
        merged = {k: (cn, cd) for k, cn, cd in self.terms}
        for k, cn, cd in other.terms:
            if k in merged:
                an, ad = merged[k]
                merged[k] = (an * cd + cn * ad, ad * cd)
            else:
                merged[k] = (cn, cd)
        return Surd.of(self.num * other.den + other.num * self.den, self.den * other.den, merged)

    def scaled(self, factor: Fraction) -> Surd:
        fn, fd = factor.numerator, factor.denominator
        terms = {k: (cn * fn, cd * fd) for k, cn, cd in self.terms}
        return Surd.of(self.num * fn, self.den * fd, terms)


class RootClasses:
    """The square-class representatives in use, and interval evaluation of `Surd`s."""

    def __init__(self) -> None:
        self._radicands: list[Fraction] = []
        self._products: list[int] = []  # numerator × denominator of each radicand
        self._by_scope: dict[object, list[int]] = {}
        self._scaled: dict[tuple[int, int], tuple[int, int]] = {}
        self._bounds: dict[int, tuple[Surd, tuple[int, int]]] = {}

    def sqrt(self, r: Fraction, scope: object) -> tuple[Fraction, int | None]:
        """√r = q·√t_k as (q, k); k is None when √r is rational (then √r = q)."""
        if r < 0:
            raise ValueError("square root of a negative number")
        if not r:
            return Fraction(0), None
        root = exact_sqrt(r)
        if root is not None:
            return root, None
        # r/t = (n·d')/(d·n') is the square of a rational exactly when the integer
        # n·d·n'·d' is a perfect square, and then √(r/t) = √(n·d·n'·d')/(d·n').
        n, d = r.numerator, r.denominator
        product = n * d
        members = self._by_scope.setdefault(scope, [])
        for k in members:
            both = product * self._products[k]
            s = isqrt(both)
            if s * s == both:
                return Fraction(s, d * self._radicands[k].numerator), k
        self._radicands.append(r)
        self._products.append(product)
        members.append(len(self._radicands) - 1)
        return Fraction(1), len(self._radicands) - 1

    def radicand(self, k: int) -> Fraction:
        """t_k, the representative of square class k."""
        return self._radicands[k]

    def _scaled_root(self, k: int, digits: int) -> tuple[int, int]:
        """(s, d) with s/d < √t_k · 10^digits < (s + 1)/d (strict: t_k is not a square)."""
        key = (k, digits)
        hit = self._scaled.get(key)
        if hit is None:
            t = self._radicands[k]
            n, d = t.numerator, t.denominator
            hit = (isqrt(n * d * 10 ** (2 * digits)), d)
            self._scaled[key] = hit
        return hit

    def bounds(self, value: Surd, digits: int = START_DIGITS) -> tuple[int, int]:
        """Integers lo <= value × 10^digits <= hi (equal values give equal bounds)."""
        if digits == START_DIGITS:
            hit = self._bounds.get(id(value))
            if hit is not None and hit[0] is value:
                return hit[1]
            scale = START_SCALE
        else:
            scale = 10**digits
        a = value.num * scale
        lo = a // value.den
        hi = -((-a) // value.den)
        for k, cn, cd in value.terms:
            s, d = self._scaled_root(k, digits)
            if cn > 0:
                lo += (cn * s) // (cd * d)
                hi += -((-cn * (s + 1)) // (cd * d))
            else:
                lo += (cn * (s + 1)) // (cd * d)
                hi += -((-cn * s) // (cd * d))
        if digits == START_DIGITS:
            self._bounds[id(value)] = (value, (lo, hi))  # keeps value alive: ids stay unique
        return lo, hi

    def bounds_many(self, values: list[Surd]) -> list[tuple[int, int]]:
        """`bounds(value)` of many values at once (the same integers, and cached alike):
        ordering 30,000 standardized scores, without a call and a root lookup per term."""
        cache = self._bounds
        roots: dict[int, tuple[int, int]] = {}
        scale = START_SCALE
        out = []
        for value in values:
            hit = cache.get(id(value))
            if hit is not None and hit[0] is value:
                out.append(hit[1])
                continue
            a = value.num * scale
            den = value.den
            lo = a // den
            hi = -((-a) // den)
            for k, cn, cd in value.terms:
                root = roots.get(k)
                if root is None:
                    root = roots[k] = self._scaled_root(k, START_DIGITS)
                s, d = root
                q = cd * d
                if cn > 0:
                    lo += (cn * s) // q
                    hi += -((-cn * (s + 1)) // q)
                else:
                    lo += (cn * (s + 1)) // q
                    hi += -((-cn * s) // q)
            found = (lo, hi)
            cache[id(value)] = (value, found)
            out.append(found)
        return out

    def sign_of_difference(self, value: Surd, bound: Fraction) -> int:
        """-1, 0 or 1 as value is below, equal to or above a rational bound."""
        bn, bd = bound.numerator, bound.denominator
        if value.is_rational:
            left, right = value.num * bd, bn * value.den
            return (left > right) - (left < right)
        digits = START_DIGITS
        while True:  # an irrational value never equals the bound; its interval leaves it
            lo, hi = self.bounds(value, digits)
            scaled = bn * 10**digits  # compare lo/hi with bound × 10^digits = scaled / bd
            if lo * bd > scaled:
                return 1
            if hi * bd < scaled:
                return -1
            digits *= 2

    def approximate(self, value: Surd, places: int = 2) -> Fraction:
        """A rational within 10^-40 of the value that rounds (half up, `places`) like it."""
        if value.is_rational:
            return value.rational
        digits = START_DIGITS
        while True:
            lo, hi = self.bounds(value, digits)
            scale = 10**digits
            if _round_half_up(lo, scale, places) == _round_half_up(hi, scale, places):
                return Fraction(lo + hi, 2 * scale)
            digits *= 2


def _round_half_up(x: int, scale: int, places: int) -> int:
    """x / scale rounded half away from zero to `places` decimals, as an integer (the rule
    of numbers.format_decimal)."""
    unit = 10**places
    magnitude = (abs(x) * unit * 2 + scale) // (2 * scale)
    return magnitude if x >= 0 else -magnitude

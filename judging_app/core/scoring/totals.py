"""A judge's total for one entry in one round: Σ weightᵢ × scoreᵢ / maxᵢ (weights in percent,
so 0-100), exactly.

`sheet_total` is the reference definition. `round_denominator` and `sheet_numerator` give
the same number as an integer numerator over one denominator shared by the whole round,
which is what the database computes in SQL (integers only, nothing rounded):

    L           = lcm of the round's max_milli values
    denominator = 1000 × L
    numerator   = Σ weight_milli × value_milli × (L // max_milli)

because weight × value / max = (w/1000)(v/1000)/(m/1000) = w·v·(L/m) / (1000·L).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from judging_app.core.numbers import MILLI, to_milli
from judging_app.core.scoring.inputs import CriterionInfo

FORMULA = "total = Σ weight × score / max (weights in percent, 0-100)"


def _score_of(criterion: CriterionInfo, scores: Mapping[int, Decimal]) -> Decimal:
    try:
        return scores[criterion.id]
    except KeyError:
        raise ValueError(f"the sheet has no score for criterion {criterion.code!r}") from None


def sheet_total(criteria: Sequence[CriterionInfo], scores: Mapping[int, Decimal]) -> Fraction:
    """Σ weight × score / max over the round's criteria (the reference definition)."""
    total = Fraction(0)
    for c in criteria:
        total += Fraction(c.weight) * Fraction(_score_of(c, scores)) / Fraction(c.scale_max)
    return total


def round_denominator(criteria: Sequence[CriterionInfo]) -> int:
    """1000 × lcm(max_milli): every sheet total of the round is an integer over this."""
    if not criteria:
        raise ValueError("a scored round needs at least one criterion")
    return MILLI * math.lcm(*(to_milli(c.scale_max) for c in criteria))


def sheet_numerator(criteria: Sequence[CriterionInfo], scores: Mapping[int, Decimal]) -> int:
    """The integer numerator of `sheet_total` over `round_denominator(criteria)`."""
    common = math.lcm(*(to_milli(c.scale_max) for c in criteria))
    return sum(
        to_milli(c.weight) * to_milli(_score_of(c, scores)) * (common // to_milli(c.scale_max))
        for c in criteria
    )

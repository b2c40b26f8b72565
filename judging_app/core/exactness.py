"""Which setups keep every total exact in storage.

Over one round every sheet total is an integer numerator over 1000 × L, L the lcm of the
criteria's scale maxima in thousandths (core/scoring/totals.py), and the database adds
numerators (each at most 100,000 × L: the weights sum to 100,000 thousandths) per entry in
64-bit integers. With L at most MAX_COMMON_MULTIPLE a numerator stays below 10^14 and the
sum of 92,000 sheets still fits. Maxima without a small common multiple (71, 73, 79, 83,
89, 97; or 99.999, 99.998, 99.997) would overflow: such a round is refused when it is set
up (core/setup.validate_round), so no accepted setup can produce a total that is not
stored exactly.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal

from judging_app.core.numbers import NumberError, to_milli

MAX_COMMON_MULTIPLE = 10**9
INT64_MAX = 2**63 - 1


def common_multiple(maxima: Sequence[Decimal]) -> int | None:
    """L, the lcm of the maxima in thousandths; None when one is not a valid maximum."""
    try:
        milli = [to_milli(m) for m in maxima]
    except NumberError:
        return None
    if not milli or any(m <= 0 for m in milli):
        return None
    return math.lcm(*milli)


def exactness_problem(maxima: Sequence[Decimal]) -> int | None:
    """L when it is too large for the totals to be stored exactly (the round must be
    refused), else None."""
    common = common_multiple(maxima)
    return common if common is not None and common > MAX_COMMON_MULTIPLE else None

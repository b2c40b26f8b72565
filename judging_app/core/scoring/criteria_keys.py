"""One comparable value per entry for the `criteria_by_weight` tie-break under the mean.

The tie-break compares entries on their mean score per criterion, heaviest criterion first
(equal weights: lower position first); an entry without a score on a criterion comes after
every entry with one. `mean_criteria_key` turns an entry's (sum, count) per criterion, in
that order, into bytes that compare exactly like that: each mean times SCALE (an exact
integer: every count up to MAX_COUNT divides SCALE) plus one, as 8 big-endian bytes, and 0
for no score. The database keeps one per entry and round (store.entry_totals) so that the
tie-break is one sort; None (more than MAX_COUNT scores, or a value too large) means the
tie-break reads the criteria one by one instead.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

MAX_COUNT = 20
SCALE = math.lcm(*range(1, MAX_COUNT + 1))  # 232,792,560
_LIMIT = 1 << 64


def median_criteria_key(per_criterion: Sequence[int | None]) -> bytes | None:
    """The same for the median: twice the median of the scores on each criterion in
    tie-break order (None: no score), each plus one in 8 big-endian bytes, 0 for no score."""
    out = bytearray()
    for item in per_criterion:
        if item is None:
            out += bytes(8)
            continue
        if item < 0 or item + 1 >= _LIMIT:
            return None
        out += (item + 1).to_bytes(8, "big")
    return bytes(out)


def mean_criteria_key(per_criterion: Sequence[tuple[int, int] | None]) -> bytes | None:
    """(sum, count) of the scores on each criterion in tie-break order (None: no score)."""
    out = bytearray()
    for item in per_criterion:
        if item is None:
            out += bytes(8)
            continue
        total, count = item
        if not 0 < count <= MAX_COUNT or total < 0:
            return None
        value = total * (SCALE // count) + 1
        if value >= _LIMIT:
            return None
        out += value.to_bytes(8, "big")
    return bytes(out)

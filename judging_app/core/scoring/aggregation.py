"""Across judges: one score per entry and round from the sheet totals.

* mean (default): Σ totals / n;
* median: the middle total, or the mean of the two middle totals;
* trimmed mean: drop exactly one highest and one lowest total, mean of the rest; only with
  at least `trimmed_min_sheets` sheets (default 5). An entry with fewer sheets falls back
  to the mean, is flagged (`fallback`) and a note says so;
* standardized: see `standardized`.

Values are exact: `(numerator, denominator)` integer pairs over the round's denominator,
or `Surd`s for the standardized method. An entry with fewer sheets than expected is
`incomplete`; the caller decides whether it is ranked.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter

from judging_app.core.enums import AggregationMethod
from judging_app.core.messages import Message
from judging_app.core.scoring.inputs import RoundData, RoundInfo
from judging_app.core.scoring.ordering import ScoreValue
from judging_app.core.scoring.results import Note
from judging_app.core.scoring.standardized import standardized_values
from judging_app.core.scoring.surds import RootClasses

DEFAULT_TRIMMED_MIN_SHEETS = 5


@dataclass(frozen=True)
class RoundScores:
    round: RoundInfo
    method: AggregationMethod
    denominator: int  # of the sheet totals
    values: dict[int, ScoreValue]  # entries with at least one sheet
    sheet_counts: dict[int, int]
    expected: Mapping[int, int]
    participants: frozenset[int]  # expected to be scored, or scored
    incomplete: frozenset[int]
    fallback: frozenset[int]
    notes: tuple[Note, ...] = ()


def aggregate_round(
    data: RoundData,
    method: AggregationMethod = AggregationMethod.MEAN,
    trimmed_min_sheets: int = DEFAULT_TRIMMED_MIN_SHEETS,
    group_of: Mapping[int, str | None] | None = None,
    roots: RootClasses | None = None,
) -> RoundScores:
    """Aggregate one round. `group_of` (entry -> ranking group) is needed for standardized."""
    rows = data.totals.rows
    den = data.totals.denominator
    notes: list[Note] = []
    fallback: set[int] = set()
    counts: dict[int, int] = {}
    values: dict[int, ScoreValue]
    sums = data.entry_sums
    cannot_trim = (method == AggregationMethod.TRIMMED_MEAN and sums is not None
                   and nobody_trimmed(data, trimmed_min_sheets))
    if sums is not None and (method == AggregationMethod.MEAN or cannot_trim):
        counts = {e: n for e, _s, n in sums}
        values = {e: (s, n * den) for e, s, n in sums}
        if cannot_trim and counts:  # nobody has enough sheets: every entry takes the mean
            fallback.update(counts)
            notes.append(fallback_note(data.round, trimmed_min_sheets, fallback))
    elif method == AggregationMethod.MEAN:
        sums: defaultdict[int, int] = defaultdict(int)
        for e, _j, x in rows:
            sums[e] += x
        counts = Counter(map(itemgetter(0), rows))
        values = {e: (s, counts[e] * den) for e, s in sums.items()}
    elif method in (AggregationMethod.MEDIAN, AggregationMethod.TRIMMED_MEAN):
        lists: dict[int, list[int]] = {}
        for e, _j, x in rows:
            bucket = lists.get(e)
            if bucket is None:
                lists[e] = [x]
            else:
                bucket.append(x)
        counts = {e: len(xs) for e, xs in lists.items()}
        if method == AggregationMethod.MEDIAN:
            values = {e: median_pair(xs, den) for e, xs in lists.items()}
        else:
            values = {}
            for e, xs in lists.items():
                values[e], fell_back = trimmed_pair(xs, den, trimmed_min_sheets)
                if fell_back:
                    fallback.add(e)
            if fallback:
                notes.append(fallback_note(data.round, trimmed_min_sheets, fallback))
    elif method == AggregationMethod.STANDARDIZED:
        if group_of is None or roots is None:
            raise ValueError("the standardized method needs the entries' groups")
        values, flat = standardized_values(rows, den, group_of, roots)  # type: ignore[assignment]
        counts = values.sheet_counts  # type: ignore[attr-defined]
        if flat:
            notes.append(Note(
                "standardized_zero_spread",
                Message("results.note.standardized_zero_spread",
                        round=data.round.code),
                data.round.id,
            ))
    else:
        raise ValueError(f"unknown aggregation method {method!r}")

    expected = data.expected_sheets
    participants = frozenset(counts).union(e for e, n in expected.items() if n > 0)
    incomplete = frozenset(e for e, n in expected.items() if n > counts.get(e, 0))
    return RoundScores(
        data.round,
        method,
        den,
        values,
        counts,
        expected,
        participants,
        incomplete,
        frozenset(fallback),
        tuple(notes),
    )


def nobody_trimmed(data: RoundData, trimmed_min_sheets: int) -> bool:
    """No entry of the round has enough sheets for the trimmed mean to trim anything: every
    entry takes the plain mean."""
    floor = max(trimmed_min_sheets, 3)
    if data.entry_sums is not None:
        return all(n < floor for _e, _s, n in data.entry_sums)
    return all(n < floor for n in Counter(map(itemgetter(0), data.totals.rows)).values())


def median_pair(xs: list[int], den: int) -> tuple[int, int]:
    xs = sorted(xs)
    mid = len(xs) // 2
    if len(xs) % 2:
        return xs[mid], den
    return xs[mid - 1] + xs[mid], 2 * den


def trimmed_pair(xs: list[int], den: int, min_sheets: int) -> tuple[tuple[int, int], bool]:
    """((numerator, denominator), fell back to the mean?)."""
    n = len(xs)
    if n < max(min_sheets, 3):
        return (sum(xs), n * den), True
    return (sum(xs) - max(xs) - min(xs), (n - 2) * den), False


def aggregate_exact(
    values: Sequence[Decimal | Fraction | int], method: AggregationMethod, trimmed_min_sheets: int
) -> Fraction:
    """The same rules on a few exact values (per-criterion scores for tie-breaks), in integers
    over a common denominator. The standardized method is not defined per criterion: it
    uses the mean."""
    if not values:
        raise ValueError("nothing to aggregate")
    ratios = [v.as_integer_ratio() for v in values]
    den = math.lcm(*(d for _, d in ratios))
    xs = [n * (den // d) for n, d in ratios]
    if method == AggregationMethod.MEDIAN:
        pair = median_pair(xs, den)
    elif method == AggregationMethod.TRIMMED_MEAN:
        pair, _ = trimmed_pair(xs, den, trimmed_min_sheets)
    else:
        pair = (sum(xs), len(xs) * den)
    return Fraction(*pair)


def fallback_note(round_info: RoundInfo, min_sheets: int, entries: set[int]) -> Note:
    return Note(
        "trimmed_mean_fallback",
        Message("results.note.trimmed_mean_fallback", round=round_info.code,
                min=min_sheets, count=len(entries)),
        round_info.id,
        tuple(sorted(entries)),
    )

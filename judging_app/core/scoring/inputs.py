"""What the scoring engine reads: plain frozen records a repository can fill cheaply.

The heavy part of the input, one total per submitted sheet, is not a list of objects but
`SheetTotals`: integer numerators over one common denominator per round, as plain
`(entry_id, judge_id, numerator)` tuples straight from a SQL cursor. Per-criterion scores are
only needed to break ties, so they are fetched lazily through a `CriterionScoreProvider`
that the engine calls once per round with the ids of the tied entries only.

The caller filters: only submitted sheets of non-conflicted judges are passed in, one row
per (entry, judge) and round.
`expected_sheets` says how many sheets each entry should have (assigned, non-conflicted),
so that an entry missing sheets can be reported as incomplete.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from fractions import Fraction
from typing import NamedTuple

from judging_app.core.setup import AdvancementRule


@dataclass(frozen=True, slots=True)
class CriterionInfo:
    id: int
    code: str
    weight: Decimal  # percent of the round; a round's weights sum to 100
    scale_max: Decimal
    position: int = 0


@dataclass(frozen=True, slots=True)
class RoundInfo:
    id: int
    code: str
    position: int
    weight: Decimal = Decimal(0)  # percent in a weighted combination of rounds
    criteria: tuple[CriterionInfo, ...] = ()
    advancement: AdvancementRule = field(default_factory=AdvancementRule)

    def criterion_by_code(self, code: str) -> CriterionInfo | None:
        return next((c for c in self.criteria if c.code == code), None)


class EntryInfo(NamedTuple):  # 30,000 of them per results: a tuple is cheap
    id: int
    code: str
    title: str = ""
    unit: str | None = None
    category: str | None = None  # category code


@dataclass(frozen=True, slots=True)
class SheetScores:
    """One submitted sheet: a score per criterion id. Tie-breaks only compare a criterion's
    scores with each other, so a provider may give them in any one unit per round: Decimal
    points, or integer thousandths straight from the database."""

    round_id: int
    judge_id: int
    entry_id: int
    scores: Mapping[int, Decimal]


SheetTotalRow = tuple[int, int, int]  # (entry_id, judge_id, numerator)


@dataclass(frozen=True, slots=True)
class SheetTotals:
    """Every sheet total of one round as `numerator / denominator` (exact, 0-100).

    With `round_denominator` and `sheet_numerator` (module `totals`) the database can compute
    the numerators itself as Σ weight_milli × value_milli × (L // max_milli).
    """

    denominator: int
    rows: Sequence[SheetTotalRow]

    def __post_init__(self) -> None:
        if self.denominator <= 0:
            raise ValueError("the denominator of sheet totals must be positive")

    @classmethod
    def from_fractions(cls, rows: Iterable[tuple[int, int, Fraction | int]]) -> SheetTotals:
        """Totals given as exact fractions; they are put over their least common denominator."""
        materialised = [(e, j, Fraction(t)) for e, j, t in rows]
        denominator = math.lcm(1, *{t.denominator for _, _, t in materialised})
        return cls(
            denominator,
            [(e, j, t.numerator * (denominator // t.denominator)) for e, j, t in materialised],
        )


CriterionScoreProvider = Callable[[Collection[int]], Iterable[SheetScores]]
"""Given entry ids, return the sheets (with per-criterion scores) of those entries in one
round. Called at most once per round per ranking, and only with entries that are tied."""

CriterionSummaryRow = tuple[int, ...]
"""(entry_id, sum, count, min, max) of an entry's counted scores on one criterion; without
the extremes (entry_id, sum, count)."""
CriterionSummaryProvider = Callable[[int, bool], Iterable[CriterionSummaryRow]]
"""Given a criterion id and whether the minimum and maximum are wanted, every entry's summary
on it (integers, one unit per round): enough for the mean and the trimmed mean exactly,
read from the database's per-entry totals one criterion at a time (a tie-break that stops
after the heaviest criterion reads no other)."""

EntrySumRow = tuple[int, int, int]
"""(entry_id, Σ of its sheet numerators, number of sheets): all the mean needs."""

CriterionKeysProvider = Callable[
    [int, "int | None", "Collection[int] | None", bool], "Mapping[int, int] | None"]
"""Given a criterion id, for the trimmed mean its minimum number of scores (None for the
mean), the entries wanted (None: every entry) and whether the median is wanted: entry id ->
the entry's aggregated score on that criterion times a factor shared by every entry of the
round (for the median: twice the median), as `TieBreakContext` would compute it from the
summaries or the values, done by the database. An entry without a score on the criterion is
left out. None when it cannot (the summaries or values are used then)."""

CriterionValuesProvider = Callable[[int], Iterable[tuple[int, int]]]
"""Given a criterion id, every counted score on it as (entry_id, value), integers in one
unit per round: what the median needs, one criterion at a time (so a tie-break that stops
after the heaviest criterion never reads the others)."""


class LazyRows(Sequence):
    """Rows read on first use: the per-sheet totals are only needed by some methods,
    tie-breaks and the fairness evidence; the mean ranks from `RoundData.entry_sums`."""

    def __init__(self, load: Callable[[], Sequence]) -> None:
        self._load: Callable[[], Sequence] | None = load
        self._rows: Sequence = ()

    @property
    def loaded(self) -> bool:
        return self._load is None

    def _get(self) -> Sequence:
        if self._load is not None:
            self._rows, self._load = self._load(), None
        return self._rows

    def __len__(self) -> int:
        return len(self._get())

    def __getitem__(self, index):  # type: ignore[override]
        return self._get()[index]

    def __iter__(self):
        return iter(self._get())


@dataclass(frozen=True)
class RoundData:
    """Everything the engine needs about one scored round. `entry_sums`, when given, must
    agree with `totals` (per entry: the sum of its rows' numerators and their count)."""

    round: RoundInfo
    totals: SheetTotals
    expected_sheets: Mapping[int, int]  # entry_id -> sheets assigned to non-conflicted judges
    criterion_scores: CriterionScoreProvider | None = None
    criterion_summaries: CriterionSummaryProvider | None = None
    criterion_values: CriterionValuesProvider | None = None
    entry_sums: Sequence[EntrySumRow] | None = None
    criterion_keys: CriterionKeysProvider | None = None
    mean_criteria_keys: Callable[[], Mapping[int, bytes | None]] | None = None
    """entry -> core.scoring.criteria_keys.mean_criteria_key of its criterion totals (kept by
    the database): the criteria_by_weight tie-break under the mean in one sort."""
    median_criteria_keys: Callable[[], Mapping[int, bytes | None]] | None = None
    """The same with criteria_keys.median_criteria_key, for the median."""
    sheet_totals_of: Callable[[Collection[int]], Iterable[SheetTotalRow]] | None = None
    """The rows of `totals` for some entries only: what the first-places tie-break reads
    while the whole `totals` has not been read."""

    @classmethod
    def from_sheets(
        cls,
        round_info: RoundInfo,
        sheets: Iterable[SheetScores],
        expected_sheets: Mapping[int, int] | None = None,
    ) -> RoundData:
        """Build a round from full sheets (tests, small competitions, imports).

        Totals are computed exactly from the criterion scores; without `expected_sheets`
        every entry is expected to have exactly the sheets given."""
        from judging_app.core.scoring.totals import round_denominator, sheet_numerator

        own = [s for s in sheets if s.round_id == round_info.id]
        denominator = round_denominator(round_info.criteria)
        rows = [
            (s.entry_id, s.judge_id, sheet_numerator(round_info.criteria, s.scores)) for s in own
        ]
        if expected_sheets is None:
            counts: dict[int, int] = {}
            for s in own:
                counts[s.entry_id] = counts.get(s.entry_id, 0) + 1
            expected_sheets = counts
        by_entry: dict[int, list[SheetScores]] = {}
        for s in own:
            by_entry.setdefault(s.entry_id, []).append(s)

        def provider(entry_ids: Collection[int]) -> list[SheetScores]:
            return [s for e in entry_ids for s in by_entry.get(e, ())]

        return cls(round_info, SheetTotals(denominator, rows), expected_sheets, provider)

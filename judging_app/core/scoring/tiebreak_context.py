"""What tie-break metrics may look at, fetched lazily and cached for one ranking: aggregated
round totals, each judge's totals, per-criterion scores (through the round's provider,
once for all the tied entries) and the chair's recorded order."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction
from operator import itemgetter

from judging_app.core.enums import AggregationMethod
from judging_app.core.messages import Message, MessageError
from judging_app.core.scoring.aggregation import RoundScores, aggregate_exact
from judging_app.core.scoring.inputs import CriterionInfo, RoundData
from judging_app.core.scoring.surds import RootClasses

FEW_ENTRIES = 500
"""Up to this many entries still tied, a criterion is read for them alone; above it, for
every entry of the round at once (one scan beats a long list of ids)."""


class TieBreakContext:
    """Lazy, cached access to what the metrics need, for the rounds in scope of one ranking."""

    def __init__(
        self,
        rounds: Sequence[RoundData],
        scores: Mapping[int, RoundScores],
        method: AggregationMethod,
        trimmed_min_sheets: int,
        chair_positions: Mapping[int, int],
        roots: RootClasses,
        note_criteria: bool = True,
    ) -> None:
        self.rounds = sorted(rounds, key=lambda r: r.round.position)
        self.ranked_round = self.rounds[-1]
        self.scores = scores
        self.method = method
        self.trimmed_min_sheets = trimmed_min_sheets
        self.chair_positions = chair_positions
        self.roots = roots
        self._wanted: set[int] = set()
        self._criteria: dict[int, dict[int, dict[int, list[Decimal]]]] = {}
        self._columns: dict[tuple[int, int], _Column] = {}  # (round, criterion) -> column
        self._keys: dict[int, Mapping[int, bytes | None]] = {}
        self._judges: dict[int, dict[int, dict[int, int]]] = {}
        # entry -> code of the criterion on which `criteria_by_weight` last separated it
        # (noted only when `note_criteria`: a ranking without scores shows none)
        self.deciding_criterion: dict[int, str] = {}
        self.note_criteria = note_criteria

    def prefetch(self, entry_ids: Collection[int]) -> None:
        """Entries likely to be asked about: fetched together on the first request."""
        self._wanted.update(entry_ids)

    def find_criterion(self, code: str) -> tuple[RoundData, CriterionInfo]:
        for data in reversed(self.rounds):
            c = data.round.criterion_by_code(code)
            if c is not None:
                return data, c
        raise MessageError(Message("results.tie_break_criterion_out_of_scope", code=code))

    def uses_summaries(self, data: RoundData) -> bool:
        """Mean and trimmed mean per criterion come from sums, counts, minima and maxima
        (the standardized method compares criteria by their mean); the median needs every
        score."""
        return data.criterion_summaries is not None and self.method != AggregationMethod.MEDIAN

    def uses_values(self, data: RoundData) -> bool:
        return data.criterion_values is not None and self.method == AggregationMethod.MEDIAN

    def _median_column(self, data: RoundData, criterion_id: int) -> dict[int, int]:
        """Medians of one criterion for every entry of the round, from one provider call.
        The value kept is twice the median (the sum of the two middle scores when the count
        is even): an exact integer with the same factor for every entry."""
        by_entry: dict[int, list[int]] = {}
        for entry_id, value in data.criterion_values(criterion_id):  # type: ignore[misc]
            values = by_entry.get(entry_id)
            if values is None:
                by_entry[entry_id] = [value]
            else:
                values.append(value)
        out = {}
        for entry_id, values in by_entry.items():
            values.sort()
            n = len(values)
            out[entry_id] = values[(n - 1) // 2] + values[n // 2]
        return out

    def _summary_column(self, data: RoundData, criterion_id: int) -> dict[int, int]:
        """One criterion's aggregated score for every entry of the round, from the summaries
        (when the database cannot compute the keys itself). The value kept is the score times lcm(1..most scores per entry): an exact
        integer with the same factor for every entry, so it orders exactly like the score
        at the cost of an integer comparison (tie-breaks only compare; nothing shows it)."""
        trimmed = self.method == AggregationMethod.TRIMMED_MEAN
        floor = max(self.trimmed_min_sheets, 3)
        rows = list(data.criterion_summaries(criterion_id, trimmed))  # type: ignore[misc]
        if not rows:
            return {}
        scale = math.lcm(*range(1, max(map(itemgetter(2), rows)) + 1))
        if trimmed:
            return {
                e: (total - low - high) * (scale // (n - 2)) if n >= floor else total * (scale // n)
                for e, total, n, low, high in rows
            }
        return {e: total * (scale // n) for e, total, n in rows}

    def fetch_criteria(self, data: RoundData, entry_ids: Collection[int]) -> None:
        """Make sure the criterion scores of these entries (and of every prefetched entry)
        are at hand: one provider call for all of them."""
        if self.uses_summaries(data) or self.uses_values(data):
            return  # read one whole criterion at a time instead
        raw = self._criteria.setdefault(data.round.id, {})
        missing = [e for e in entry_ids if e not in raw]
        if not missing:
            return
        if data.criterion_scores is None:
            raise ValueError(
                f"tie-break needs criterion scores of round {data.round.code!r}, "
                "but no criterion_scores provider was given"
            )
        fetch = set(missing) | (self._wanted - raw.keys())
        for e in fetch:
            raw[e] = {}
        for sheet in data.criterion_scores(sorted(fetch)):
            per_entry = raw.get(sheet.entry_id) if sheet.entry_id in fetch else None
            if per_entry is None or sheet.round_id != data.round.id:
                continue
            for cid, value in sheet.scores.items():
                per_entry.setdefault(cid, []).append(value)

    def criteria_keys(self, data: RoundData, entry_ids: Collection[int]
                      ) -> Mapping[int, bytes | None] | None:
        """The round's per-entry criteria keys, when they apply to these entries: the
        median's for the median; the mean's for the mean, the standardized method (which
        compares criteria by their mean), and the trimmed mean when none of them has
        enough sheets to trim (it is then their mean)."""
        if self.method == AggregationMethod.MEDIAN:
            provider = data.median_criteria_keys
        else:
            provider = data.mean_criteria_keys
        if provider is None:
            return None
        if self.method == AggregationMethod.TRIMMED_MEAN:
            counts = self.scores[data.round.id].sheet_counts
            floor = max(self.trimmed_min_sheets, 3)
            if any(counts.get(e, 0) >= floor for e in entry_ids):
                return None
        keys = self._keys.get(data.round.id)
        if keys is None:
            keys = self._keys[data.round.id] = provider()
        return keys

    def has_whole_column(self, data: RoundData, criterion_id: int) -> bool:
        """True when every entry's value on the criterion is already at hand."""
        column = self._columns.get((data.round.id, criterion_id))
        return column is not None and column.complete

    def criterion_column(
        self, data: RoundData, criterion_id: int, entry_ids: Collection[int]
    ) -> Mapping[int, Fraction | int]:
        """entry -> a number that orders the entries' aggregated scores on one criterion
        exactly (the same factor for every entry), for at least `entry_ids`. An entry with
        no score on the criterion gets -1: after every entry with one (scores are >= 0)."""
        key = (data.round.id, criterion_id)
        column = self._columns.get(key)
        if column is None:
            column = self._columns[key] = _Column()
        if column.complete:
            return column
        wanted = [e for e in entry_ids if e not in column]
        if not wanted:
            return column
        summaries, median = self.uses_summaries(data), self.uses_values(data)
        if (summaries or median) and data.criterion_keys is not None:
            trimmed = self.method == AggregationMethod.TRIMMED_MEAN
            floor = max(self.trimmed_min_sheets, 3) if trimmed else None
            few = len(wanted) <= FEW_ENTRIES  # else the whole criterion at once
            keys = data.criterion_keys(criterion_id, floor, wanted if few else None, median)
            if keys is not None:
                column.update(keys)
                if few:
                    for e in wanted:
                        column.setdefault(e, -1)
                else:
                    column.complete = True
                return column
        if summaries:
            column.update(self._summary_column(data, criterion_id))
            column.complete = True
        elif median:
            column.update(self._median_column(data, criterion_id))
            column.complete = True
        else:
            self.fetch_criteria(data, wanted)
            raw = self._criteria[data.round.id]
            for e in wanted:
                values = raw[e].get(criterion_id)
                column[e] = (
                    aggregate_exact(values, self.method, self.trimmed_min_sheets)
                    if values else -1
                )
        return column

    def criterion_score(self, data: RoundData, entry_id: int, criterion_id: int) -> Fraction | None:
        """The entry's aggregated score on one criterion up to a factor shared by the round's
        entries (None without any score)."""
        value = self.criterion_column(data, criterion_id, (entry_id,))[entry_id]
        return None if value == -1 else value  # type: ignore[return-value]

    def judge_totals(
        self, data: RoundData, entry_ids: Collection[int]
    ) -> dict[int, dict[int, int]]:
        """entry -> judge -> total numerator (over the round's denominator)."""
        index = self._judges.setdefault(data.round.id, {})
        missing = [e for e in entry_ids if e not in index]
        if missing:
            rows = data.totals.rows
            fetch = set(missing)  # the entries still tied (metrics ask for all at once)
            if data.sheet_totals_of is not None and not getattr(rows, "loaded", True):
                rows = data.sheet_totals_of(sorted(fetch))  # read just theirs
            for e in fetch:
                index[e] = {}
            for e, j, x in rows:
                if e in fetch:
                    index[e][j] = x
        return {e: index[e] for e in entry_ids}


class _Column(dict):
    """entry -> ordering number on one criterion; entries never read count as unscored
    once the whole criterion was read (`complete`)."""

    complete = False

    def __missing__(self, key: int) -> int:
        if self.complete:
            return -1
        raise KeyError(key)

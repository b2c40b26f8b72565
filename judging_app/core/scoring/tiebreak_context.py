"""What tie-break metrics may look at, fetched lazily and cached for one ranking: aggregated
round totals, each judge's totals, per-criterion scores (through the round's provider,
once for all the tied entries) and the chair's recorded order."""

from __future__ import annotations

import math
from collections.abc import Collection, Mapping, Sequence
from decimal import Decimal
from fractions import Fraction

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.aggregation import RoundScores, aggregate_exact
from judging_app.core.scoring.inputs import CriterionInfo, RoundData
from judging_app.core.scoring.surds import RootClasses


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
        self._aggregated: dict[tuple[int, int, int], Fraction | int | None] = {}
        self._judges: dict[int, dict[int, dict[int, int]]] = {}
        self._summarised: set[int] = set()  # rounds whose criterion summaries are loaded
        self._summarised_values: set[tuple[int, int]] = set()  # (round, -criterion) loaded

    def prefetch(self, entry_ids: Collection[int]) -> None:
        """Entries likely to be asked about: fetched together on the first request."""
        self._wanted.update(entry_ids)

    def find_criterion(self, code: str) -> tuple[RoundData, CriterionInfo]:
        for data in reversed(self.rounds):
            c = data.round.criterion_by_code(code)
            if c is not None:
                return data, c
        raise ValueError(f"tie-break: no round in scope has a criterion {code!r}")

    def uses_summaries(self, data: RoundData) -> bool:
        """Mean and trimmed mean per criterion come from sums, counts, minima and maxima
        (the standardized method compares criteria by their mean); the median needs every
        score."""
        return data.criterion_summaries is not None and self.method != AggregationMethod.MEDIAN

    def uses_values(self, data: RoundData) -> bool:
        return data.criterion_values is not None and self.method == AggregationMethod.MEDIAN

    def _load_values(self, data: RoundData, criterion_id: int) -> None:
        """Medians of one criterion for every entry of the round, from one provider call.
        The cached value is twice the median (the sum of the two middle scores when the
        count is even): an exact integer with the same factor for every entry."""
        key = (data.round.id, -criterion_id)
        if key in self._summarised_values:
            return
        self._summarised_values.add(key)
        by_entry: dict[int, list[int]] = {}
        for entry_id, value in data.criterion_values(criterion_id):  # type: ignore[misc]
            by_entry.setdefault(entry_id, []).append(value)
        agg, rid = self._aggregated, data.round.id
        for entry_id, values in by_entry.items():
            values.sort()
            n = len(values)
            agg[(rid, entry_id, criterion_id)] = values[(n - 1) // 2] + values[n // 2]

    def _load_summaries(self, data: RoundData) -> None:
        """One provider call for the whole round. The cached value is the aggregated score
        times lcm(1..most sheets per entry): an exact integer with the same factor for every
        entry and criterion of the round, so it orders exactly like the score itself at the
        cost of an integer comparison (tie-breaks only compare; nothing displays it)."""
        if data.round.id in self._summarised:
            return
        self._summarised.add(data.round.id)
        rows = list(data.criterion_summaries())  # type: ignore[misc]
        if not rows:
            return
        scale = math.lcm(*range(1, max(r[3] for r in rows) + 1))
        floor = max(self.trimmed_min_sheets, 3)
        trimmed = self.method == AggregationMethod.TRIMMED_MEAN
        agg = self._aggregated
        rid = data.round.id
        for entry_id, criterion_id, total, count, low, high in rows:
            if trimmed and count >= floor:
                agg[(rid, entry_id, criterion_id)] = (total - low - high) * (scale // (count - 2))
            else:
                agg[(rid, entry_id, criterion_id)] = total * (scale // count)

    def fetch_criteria(self, data: RoundData, entry_ids: Collection[int]) -> None:
        """Make sure the criterion scores of these entries (and of every prefetched entry)
        are at hand: one provider call for all of them."""
        if self.uses_summaries(data) or self.uses_values(data):
            return  # loaded for the whole round on first use instead
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

    def criterion_score(self, data: RoundData, entry_id: int, criterion_id: int) -> Fraction | None:
        """The entry's aggregated score on one criterion (None without any), computed once."""
        key = (data.round.id, entry_id, criterion_id)
        if key in self._aggregated:
            return self._aggregated[key]
        if self.uses_summaries(data):
            self._load_summaries(data)
            return self._aggregated.setdefault(key, None)
        if self.uses_values(data):
            self._load_values(data, criterion_id)
            return self._aggregated.setdefault(key, None)
        if key not in self._aggregated:
            self.fetch_criteria(data, (entry_id,))
            values = self._criteria[data.round.id][entry_id].get(criterion_id)
            self._aggregated[key] = (
                aggregate_exact(values, self.method, self.trimmed_min_sheets) if values else None
            )
        return self._aggregated[key]

    def judge_totals(
        self, data: RoundData, entry_ids: Collection[int]
    ) -> dict[int, dict[int, int]]:
        """entry -> judge -> total numerator (over the round's denominator)."""
        index = self._judges.setdefault(data.round.id, {})
        missing = [e for e in entry_ids if e not in index]
        if missing:
            fetch = set(missing) | (self._wanted - index.keys())
            for e in fetch:
                index[e] = {}
            for e, j, x in data.totals.rows:
                if e in fetch:
                    index[e][j] = x
        return {e: index[e] for e in entry_ids}

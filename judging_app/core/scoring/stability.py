"""Rank stability: the final ranking under every aggregation method side by side; an entry
is flagged when its award (rank tier or score band) changes with the method.

Each method's ranking is the engine's own (`compute_results`, with its fast paths), computed
once; a method whose ranking is provably another's is not computed again:

* the trimmed mean when no entry of any round in scope has enough sheets to trim
  (max(trimmed_min_sheets, 3)): every entry then takes the plain mean, on the totals and on
  every criterion the tie-breaks look at, so its ranks, awards and bands are the mean's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.aggregation import nobody_trimmed
from judging_app.core.scoring.awards import AwardTier
from judging_app.core.scoring.engine import compute_results
from judging_app.core.scoring.inputs import EntryInfo, RoundData
from judging_app.core.scoring.results import CompetitionResults
from judging_app.core.setup import AwardTierSpec, ResultRules

METHODS = tuple(AggregationMethod)


@dataclass(frozen=True)
class StabilityRow:
    """`ranks` and `awards` have a key for every method, in the order of AggregationMethod."""

    entry_id: int
    group: str | None
    ranks: dict[AggregationMethod, int | None]
    awards: dict[AggregationMethod, tuple[str | None, str | None]]  # (rank tier, band)

    @cached_property
    def award_changes(self) -> bool:
        return len(set(self.awards.values())) > 1

    @cached_property
    def rank_changes(self) -> bool:
        return len(set(self.ranks.values())) > 1


def same_ranking(method: AggregationMethod, rounds: Sequence[RoundData], rules: ResultRules
                 ) -> AggregationMethod | None:
    """The method whose ranking `method`'s equals on these rounds, if any (see above)."""
    if method == AggregationMethod.TRIMMED_MEAN and all(
        nobody_trimmed(data, rules.trimmed_min_sheets) for data in rounds
    ):
        return AggregationMethod.MEAN
    return None


def rankings_to_compute(rounds: Sequence[RoundData], rules: ResultRules
                        ) -> list[AggregationMethod]:
    return [m for m in METHODS if same_ranking(m, rounds, rules) is None]


def rank_stability(
    entries: Sequence[EntryInfo],
    rounds: Sequence[RoundData],
    rules: ResultRules,
    award_tiers: Sequence[AwardTierSpec | AwardTier] = (),
    chair_decisions: Mapping[int, int] | None = None,
    *,
    category_order: Sequence[str] = (),
    known: Mapping[AggregationMethod, CompetitionResults] | None = None,
    step: Callable[[], None] | None = None,
) -> tuple[StabilityRow, ...]:
    """One row per entry of the competition's own method's ranking, in its order. `known`:
    rankings the caller already has (same rounds and rules); `step()` is called after each
    ranking computed (progress)."""
    results: dict[AggregationMethod, CompetitionResults] = dict(known or {})
    for m in rankings_to_compute(rounds, rules):
        if m not in results:
            results[m] = compute_results(entries, rounds, rules, award_tiers, chair_decisions,
                                         method=m, category_order=category_order)
        if step is not None:
            step()
    for m in METHODS:
        if m not in results:
            results[m] = results[same_ranking(m, rounds, rules)]  # type: ignore[index]
    columns = [{r.entry_id: r for r in results[m].rows} for m in METHODS]
    out = []
    for row in results[AggregationMethod(rules.aggregation)].rows:
        e = row.entry_id
        others = [column[e] for column in columns]
        out.append(StabilityRow(
            e, row.group, dict(zip(METHODS, [r.rank for r in others], strict=True)),
            dict(zip(METHODS, [(r.award, r.band) for r in others], strict=True))))
    return tuple(out)

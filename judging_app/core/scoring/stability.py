"""Rank stability: the final ranking under every aggregation method side by side; an entry
is flagged when its award (rank tier or score band) changes with the method.

Each method's ranking is the engine's own (`compute_results`, with its fast paths, without
the scores and deciding criteria nobody reads here: `ranks_only`), computed once; a method whose ranking is provably another's is not computed again:

* the trimmed mean when no entry of any round in scope has enough sheets to trim
  (max(trimmed_min_sheets, 3)): every entry then takes the plain mean, on the totals and on
  every criterion the tie-breaks look at, so its ranks, awards and bands are the mean's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import NamedTuple

from judging_app.core.enums import AggregationMethod
from judging_app.core.scoring.aggregation import nobody_trimmed
from judging_app.core.scoring.awards import AwardTier
from judging_app.core.scoring.engine import compute_results, ranking_spec
from judging_app.core.scoring.inputs import EntryInfo, RoundData
from judging_app.core.scoring.results import CompetitionResults
from judging_app.core.setup import AwardTierSpec, ResultRules

METHODS = tuple(AggregationMethod)
NO_AWARD: tuple[str | None, str | None] = (None, None)


class StabilityRow(NamedTuple):
    """One entry's rank and awards under every method (a NamedTuple: 30,000 are built per
    report). `ranks` and `awards` have a key for every method, in the order of
    AggregationMethod."""

    entry_id: int
    group: str | None
    ranks: dict[AggregationMethod, int | None]
    awards: dict[AggregationMethod, tuple[str | None, str | None]]  # (rank tier, band)

    @property
    def award_changes(self) -> bool:
        return len(set(self.awards.values())) > 1

    @property
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
    step: Callable[[], None] | None = None,
) -> tuple[StabilityRow, ...]:
    """One row per entry of the competition's own method's ranking, in its order; `step()`
    is called after each ranking computed (progress)."""
    results: dict[AggregationMethod, CompetitionResults] = {}
    spec = ranking_spec(entries, rules, category_order)  # shared by every method
    for m in rankings_to_compute(rounds, rules):
        results[m] = compute_results(entries, rounds, rules, award_tiers, chair_decisions,
                                     method=m, category_order=category_order, ranks_only=True,
                                     spec=spec)
        if step is not None:
            step()
    for m in METHODS:
        if m not in results:
            results[m] = results[same_ranking(m, rounds, rules)]  # type: ignore[index]
    base = results[AggregationMethod(rules.aggregation)].rows
    position = {row.entry_id: i for i, row in enumerate(base)}
    columns: dict[int, tuple[list, list]] = {}  # one per ranking computed
    for m in METHODS:
        res = results[m]
        if id(res) not in columns:
            if res.rows is base:  # the base ranking's rows are in its own order
                ranks = [r.rank for r in base]
                awards = [NO_AWARD if r.award is None and r.band is None else (r.award, r.band)
                          for r in base]
            else:
                ranks = [None] * len(base)
                awards = [NO_AWARD] * len(base)
                for r in res.rows:
                    i = position[r.entry_id]
                    ranks[i] = r.rank
                    if r.award is not None or r.band is not None:
                        awards[i] = (r.award, r.band)
            columns[id(res)] = ranks, awards
    by_method = [columns[id(results[m])] for m in METHODS]
    rank_rows = zip(*(ranks for ranks, _awards in by_method), strict=True)
    award_rows = list(zip(*(awards for _ranks, awards in by_method), strict=True))
    shared: dict[tuple, dict] = {}  # most entries share their awards (none): one dict each
    for awards_of in set(award_rows):
        shared[awards_of] = dict(zip(METHODS, awards_of, strict=True))
    new_row = tuple.__new__
    m0, m1, m2, m3 = METHODS  # a dict display: a third of dict(zip(...))'s time per row
    return tuple([new_row(StabilityRow, (row.entry_id, row.group,
                                         {m0: r0, m1: r1, m2: r2, m3: r3}, shared[awards_of]))
                  for row, (r0, r1, r2, r3), awards_of in zip(base, rank_rows, award_rows,
                                                               strict=True)])

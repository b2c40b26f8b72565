"""Fairness evidence for the chair, per round and ranking group (category, or everything when
ranking overall). Nothing here decides a rank or an award.

* ICC (six Shrout & Fleiss forms) and Kendall's W on the complete block: the largest set of
  entries scored by exactly the same judges (see `reliability.complete_block`); None with
  a reason when it has fewer than 2 entries or 2 judges.
* Per judge: mean total; spread = sample standard deviation of their totals (None with one
  sheet); severity = mean, over the entries they share with at least one other judge, of
  (their total − the mean of the other judges' totals on that entry); negative = harsher.
* Outlier sheets, rule: a sheet is an outlier when its total differs from the mean of the
  other judges' totals on the same entry by MORE than max(OUTLIER_MIN_POINTS,
  OUTLIER_SD_FACTOR × s), s being the panel's pooled within-entry standard deviation
  √(Σₑ Σⱼ (x − x̄ₑ)² / Σₑ (nₑ − 1)) over entries with at least two sheets. The comparison is
  exact (d > 15 and d² > 4·s²); only the reported limit is a float.
  (Both from integer sums: `panel_stats`.)
* Rank stability: the final ranking under every aggregation method side by side; an entry
  is flagged when its award (rank tier or score band) changes with the method
  (`stability`).

`compute_fairness` reports its progress step by step (each panel, each method's ranking)
to an optional `progress(done, total)`.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from judging_app.core.enums import RankingScope
from judging_app.core.messages import Message
from judging_app.core.scoring.awards import AwardTier
from judging_app.core.scoring.inputs import EntryInfo, RoundData
from judging_app.core.scoring.panel_stats import (  # noqa: F401 (the records' home for readers)
    OUTLIER_MIN_POINTS,
    OUTLIER_SD_FACTOR,
    JudgeStats,
    OutlierSheet,
    PanelTotals,
    judge_stats,
    outliers,
)
from judging_app.core.scoring.reliability import IccResult, complete_block, icc, kendall_w
from judging_app.core.scoring.stability import StabilityRow, rank_stability, rankings_to_compute
from judging_app.core.setup import AwardTierSpec, ResultRules

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class PanelFairness:
    round_id: int
    group: str | None
    entries_used: tuple[int, ...]  # the complete block used for ICC and W
    judges_used: tuple[int, ...]
    icc: IccResult | None
    kendall_w: Fraction | None
    agreement_note: Message | None  # why ICC / W are missing
    judges: tuple[JudgeStats, ...]
    outliers: tuple[OutlierSheet, ...]
    outlier_limit: float | None


@dataclass(frozen=True)
class FairnessReport:
    panels: tuple[PanelFairness, ...]
    stability: tuple[StabilityRow, ...]

    @property
    def unstable_entries(self) -> tuple[int, ...]:
        return tuple(r.entry_id for r in self.stability if r.award_changes)


def panel_totals(entries: Sequence[EntryInfo], data: RoundData, overall: bool
                 ) -> dict[str | None, dict[int, dict[int, int]]]:
    """group -> entry -> judge -> numerator, for one round."""
    group_of = {e.id: None if overall else e.category for e in entries}
    by_entry: dict[int, dict[int, int]] = {}
    for e, j, x in data.totals.rows:  # (setdefault would make a dict per row to throw away)
        judges = by_entry.get(e)
        if judges is None:
            by_entry[e] = {j: x}
        else:
            judges[j] = x
    by_group: dict[str | None, dict[int, dict[int, int]]] = {}
    for e, judges in by_entry.items():
        group = by_group.get(group_of[e])
        if group is None:
            by_group[group_of[e]] = {e: judges}
        else:
            group[e] = judges
    return by_group


def compute_fairness(
    entries: Sequence[EntryInfo],
    rounds: Sequence[RoundData],
    rules: ResultRules | None = None,
    award_tiers: Sequence[AwardTierSpec | AwardTier] = (),
    chair_decisions: Mapping[int, int] | None = None,
    *,
    category_order: Sequence[str] = (),
    stability: bool = True,
    progress: Progress | None = None,
) -> FairnessReport:
    rules = rules or ResultRules()
    overall = rules.ranking_scope == RankingScope.OVERALL
    ordered = sorted(rounds, key=lambda d: d.round.position)
    grouped = [(data, panel_totals(entries, data, overall)) for data in ordered]
    steps = sum(len(by_group) for _data, by_group in grouped)
    if stability:
        steps += len(rankings_to_compute(rounds, rules))
    done = 0

    def step() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, steps)

    if progress is not None:
        progress(0, steps)
    panels = []
    for data, by_group in grouped:
        for group in sorted(by_group, key=lambda g: (g is not None, g or "")):
            panels.append(
                panel_fairness(data.round.id, group, by_group[group], data.totals.denominator)
            )
            step()
    rows: tuple[StabilityRow, ...] = ()
    if stability:
        rows = rank_stability(entries, rounds, rules, award_tiers, chair_decisions,
                              category_order=category_order, step=step)
    return FairnessReport(tuple(panels), rows)


def panel_fairness(round_id: int, group: str | None, totals: PanelTotals, denominator: int
                   ) -> PanelFairness:
    """Statistics of one panel; `totals` = entry -> judge -> numerator over `denominator`."""
    block_entries, block_judges = complete_block(totals)
    icc_result = w = None
    note = None
    if len(block_entries) < 2 or len(block_judges) < 2:
        note = Message("results.fairness.no_agreement", count=len(block_entries))
    else:
        matrix = [[totals[e][j] for j in block_judges] for e in block_entries]
        icc_result, w = icc(matrix, denominator), kendall_w(matrix)
    return PanelFairness(
        round_id,
        group,
        tuple(block_entries),
        tuple(block_judges),
        icc_result,
        w,
        note,
        judge_stats(totals, denominator),
        *outliers(totals, denominator),
    )

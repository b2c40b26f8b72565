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
* Rank stability: the final ranking under every aggregation method side by side; an entry
  is flagged when its award (rank tier or score band) changes with the method.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from fractions import Fraction

from judging_app.core.enums import AggregationMethod, RankingScope
from judging_app.core.messages import Message
from judging_app.core.scoring.awards import AwardTier
from judging_app.core.scoring.engine import compute_results
from judging_app.core.scoring.inputs import EntryInfo, RoundData
from judging_app.core.scoring.reliability import IccResult, complete_block, icc, kendall_w
from judging_app.core.setup import AwardTierSpec, ResultRules

OUTLIER_MIN_POINTS = 15
OUTLIER_SD_FACTOR = 2


@dataclass(frozen=True)
class JudgeStats:
    judge_id: int
    sheets: int
    mean_total: Fraction
    spread: float | None  # sample standard deviation of their totals
    severity: Fraction | None  # mean (own − others' mean) over shared entries
    shared_entries: int


@dataclass(frozen=True)
class OutlierSheet:
    entry_id: int
    judge_id: int
    total: Fraction
    others_mean: Fraction
    difference: Fraction  # total − others_mean
    limit: float  # max(15, 2 × pooled within-entry SD) in points


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
class StabilityRow:
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


@dataclass(frozen=True)
class FairnessReport:
    panels: tuple[PanelFairness, ...]
    stability: tuple[StabilityRow, ...]

    @property
    def unstable_entries(self) -> tuple[int, ...]:
        return tuple(r.entry_id for r in self.stability if r.award_changes)


def compute_fairness(
    entries: Sequence[EntryInfo],
    rounds: Sequence[RoundData],
    rules: ResultRules | None = None,
    award_tiers: Sequence[AwardTierSpec | AwardTier] = (),
    chair_decisions: Mapping[int, int] | None = None,
    *,
    category_order: Sequence[str] = (),
    stability: bool = True,
) -> FairnessReport:
    rules = rules or ResultRules()
    overall = rules.ranking_scope == RankingScope.OVERALL
    group_of = {e.id: None if overall else e.category for e in entries}
    panels = []
    for data in sorted(rounds, key=lambda d: d.round.position):
        by_group: dict[str | None, dict[int, dict[int, int]]] = {}
        for e, j, x in data.totals.rows:
            by_group.setdefault(group_of[e], {}).setdefault(e, {})[j] = x
        for group in sorted(by_group, key=lambda g: (g is not None, g or "")):
            panels.append(
                panel_fairness(data.round.id, group, by_group[group], data.totals.denominator)
            )
    rows: list[StabilityRow] = []
    if stability:
        results = {
            m: compute_results(
                entries,
                rounds,
                rules,
                award_tiers,
                chair_decisions,
                method=m,
                category_order=category_order,
            )
            for m in AggregationMethod
        }
        base = results[AggregationMethod(rules.aggregation)]
        for row in base.rows:
            ranks = {m: r.row(row.entry_id).rank for m, r in results.items()}
            awards = {
                m: (r.row(row.entry_id).award, r.row(row.entry_id).band) for m, r in results.items()
            }
            rows.append(StabilityRow(row.entry_id, row.group, ranks, awards))
    return FairnessReport(tuple(panels), tuple(rows))


def panel_fairness(
    round_id: int, group: str | None, totals: Mapping[int, Mapping[int, int]], denominator: int
) -> PanelFairness:
    """Statistics of one panel; `totals` = entry -> judge -> numerator over `denominator`."""
    block_entries, block_judges = complete_block(totals)
    icc_result = w = None
    note = None
    if len(block_entries) < 2 or len(block_judges) < 2:
        note = Message("results.fairness.no_agreement", count=len(block_entries))
    else:
        matrix = [
            [Fraction(totals[e][j], denominator) for j in block_judges] for e in block_entries
        ]
        icc_result, w = icc(matrix), kendall_w(matrix)
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


def judge_stats(
    totals: Mapping[int, Mapping[int, int]], denominator: int
) -> tuple[JudgeStats, ...]:
    given: dict[int, list[int]] = {}
    deviations: dict[int, list[Fraction]] = {}
    for by_judge in totals.values():
        n, s = len(by_judge), sum(by_judge.values())
        for j, x in by_judge.items():
            given.setdefault(j, []).append(x)
            if n >= 2:
                deviations.setdefault(j, []).append(Fraction(x, 1) - Fraction(s - x, n - 1))
    out = []
    for j in sorted(given):
        xs = given[j]
        n = len(xs)
        spread = None
        if n >= 2:
            mean = Fraction(sum(xs), n)
            var = sum(((x - mean) ** 2 for x in xs), Fraction(0)) / (n - 1)
            spread = math.sqrt(var) / denominator
        devs = deviations.get(j, [])
        severity = sum(devs, Fraction(0)) / (len(devs) * denominator) if devs else None
        out.append(
            JudgeStats(j, n, Fraction(sum(xs), n * denominator), spread, severity, len(devs))
        )
    return tuple(out)


def outliers(
    totals: Mapping[int, Mapping[int, int]], denominator: int
) -> tuple[tuple[OutlierSheet, ...], float | None]:
    ss, dof = Fraction(0), 0
    for by_judge in totals.values():
        n = len(by_judge)
        if n >= 2:
            mean = Fraction(sum(by_judge.values()), n)
            ss += sum(((x - mean) ** 2 for x in by_judge.values()), Fraction(0))
            dof += n - 1
    if not dof:
        return (), None
    var = ss / dof  # in numerator units²
    floor = OUTLIER_MIN_POINTS * denominator
    limit = max(OUTLIER_MIN_POINTS, OUTLIER_SD_FACTOR * math.sqrt(var) / denominator)
    found = []
    for e in sorted(totals):
        by_judge = totals[e]
        n = len(by_judge)
        if n < 2:
            continue
        s = sum(by_judge.values())
        for j in sorted(by_judge):
            x = by_judge[j]
            d = Fraction(x) - Fraction(s - x, n - 1)
            if abs(d) > floor and d * d > OUTLIER_SD_FACTOR**2 * var:
                found.append(
                    OutlierSheet(
                        e,
                        j,
                        Fraction(x, denominator),
                        Fraction(s - x, (n - 1) * denominator),
                        d / denominator,
                        limit,
                    )
                )
    return tuple(found), limit

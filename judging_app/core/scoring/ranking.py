"""Ranking: per category (or overall), standard competition ranking (1, 2, 2, 4) on the exact
score, with the tie-break chain applied in order to groups of exactly equal scores.

Entries are first put in a fixed order (entry code, then id) so that the result never
depends on the order rows arrived in; that order only decides the display order inside an
unresolved tie. An entry's rank is 1 + the number of entries placed strictly before it; a
tie the chain cannot break shares one rank and the next rank skips. Incomplete entries are
unranked unless allowed; an entry without any sheet is never ranked.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from judging_app.core.enums import TIE_BREAK_CRITERIA_BY_WEIGHT, TIE_BREAK_CRITERION_PREFIX
from judging_app.core.scoring.awards import (
    AwardTier,
    BandFinder,
    rank_tiers_for,
    tiers_for_positions,
)
from judging_app.core.scoring.ordering import order_by_value, to_fraction
from judging_app.core.scoring.results import AdvancementStatus, RankedRow, Ranking, TieGroup
from judging_app.core.scoring.rounds import Population, advancement_for
from judging_app.core.scoring.standardized import StandardizedScores
from judging_app.core.scoring.surds import RootClasses
from judging_app.core.scoring.tiebreak_context import TieBreakContext
from judging_app.core.scoring.tiebreaks import TieBreakMetric, apply_chain
from judging_app.core.setup import AdvancementRule


def settle_ties(
    rankings: list[list[list[int]]],
    chain: Sequence[tuple[str, TieBreakMetric]],
    ctx: TieBreakContext,
) -> tuple[list[list[list[int]]], dict[int, str]]:
    """Apply the chain to the groups of equal scores of several rankings (categories) at
    once: per ranking, the ordered sub-groups (best first; several entries = unresolved
    tie), and the metric that decided each separated entry."""
    tied = [g for groups in rankings for g in groups if len(g) > 1]
    settled, decided = apply_chain(tied, chain, ctx)
    next_settled = iter(settled).__next__
    out = []
    for groups in rankings:
        parts: list[list[int]] = []
        for g in groups:
            if len(g) == 1:
                parts.append(g)
            else:
                parts.extend(next_settled())
        out.append(parts)
    return out, decided


@dataclass(frozen=True)
class RankingSpec:
    """How to rank: shared by the final ranking and the per-round rankings."""

    group_of: Mapping[int, str | None]  # entry -> ranking group (None when overall)
    category_of: Mapping[int, str | None]
    order_index: Mapping[int, int]  # entry -> position in the fixed (code, id) order
    group_order: Sequence[str | None]
    allow_incomplete: bool
    overall: bool
    chain: Sequence[tuple[str, TieBreakMetric]]
    # participants -> their ranking groups in order, each group's ids in the fixed order:
    # the same for every method (rank stability ranks the same entries four times)
    groups_cache: dict[frozenset[int], list[tuple[str | None, list[int]]]] = field(
        default_factory=dict, compare=False, repr=False)

    def ordered_groups(self, participants: frozenset[int]
                       ) -> list[tuple[str | None, list[int]]]:
        hit = self.groups_cache.get(participants)
        if hit is None:
            by_group: dict[str | None, list[int]] = {}
            group_of = self.group_of
            for e in participants:
                ids = by_group.get(group_of[e])
                if ids is None:
                    by_group[group_of[e]] = [e]
                else:
                    ids.append(e)
            index = self.order_index.__getitem__
            hit = self.groups_cache[participants] = [
                (group, sorted(by_group[group], key=index))
                for group in _ordered_groups(by_group, self.group_order)]
        return hit


def build_ranking(
    population: Population,
    spec: RankingSpec,
    ctx: TieBreakContext,
    roots: RootClasses,
    tiers: Sequence[AwardTier] = (),
    advancement: AdvancementRule | None = None,
    round_id: int | None = None,
    scores: bool = True,
) -> Ranking:
    """The ranked rows of a population; without `scores`, the rows of ranked entries carry
    no score and no deciding criterion (see `engine.compute_results`' `ranks_only`)."""
    values = population.values
    rows: list[RankedRow] = []
    ties: list[TieGroup] = []
    statuses: dict[int, AdvancementStatus] = {}
    band_of = BandFinder(tiers, roots)
    has_bands = bool(band_of)
    reads_values = scores or has_bands
    category_of = spec.category_of
    incomplete_all, fallback = population.incomplete, population.fallback
    counts_get, expected_get = population.sheet_counts.get, population.expected.get
    excluded = frozenset() if spec.allow_incomplete else population.incomplete
    fractions: dict[tuple[int, int], Fraction] = {}  # many entries share a score
    new_row = tuple.__new__
    if scores and isinstance(values, StandardizedScores):
        # Every score is shown: built (a plain dict from here on) and bounded in one batch
        # now; the bounds then order them exactly and round them for display.
        values = values.every_score()
        roots.bounds_many(list(values.values()))
    plans = []
    for group, ids in spec.ordered_groups(population.participants):
        rankable = [e for e in ids if e in values and e not in excluded]
        equal_groups = order_by_value(rankable, values, roots)
        ctx.prefetch([e for g in equal_groups if len(g) > 1 for e in g])  # one fetch per round
        plans.append((group, ids, rankable, equal_groups))
    settled, decided = settle_ties([plan[3] for plan in plans], spec.chain, ctx)
    decided_get = decided.get
    decided_on_get = deciding_criteria(decided, ctx.deciding_criterion).get if scores else {}.get
    for (group, ids, rankable, _equal), parts in zip(plans, settled, strict=True):
        cutoff_parts: set[int] = set()
        if advancement is not None:
            group_status, cutoff_parts = advancement_for(parts, advancement, values, roots)
            statuses.update(group_status)
        rank_tiers = rank_tiers_for(tiers, group, spec.overall)
        last_awarded = max((t.rank_to or 0 for t in rank_tiers), default=0)
        rank = 1
        for index, part in enumerate(parts):
            size = len(part)
            if rank > last_awarded:
                position_awards: tuple[str | None, ...] = (None,) * size
            else:
                position_awards = tiers_for_positions(rank_tiers, rank, size)
            straddles = size > 1 and len(set(position_awards)) > 1
            at_cutoff = index in cutoff_parts
            award = None if straddles else position_awards[0]
            if size > 1:
                ties.append(
                    TieGroup(group, rank, tuple(part), position_awards, at_cutoff, round_id)
                )
            tied, blocked = size > 1, straddles or at_cutoff
            for e in part:  # the hot loop: one row per ranked entry
                # (without scores nor bands the value is not read: a standardized score is
                # built only when read, see standardized.StandardizedScores)
                value = values[e] if reads_values else None
                if not scores:
                    score, exact = None, True
                elif type(value) is tuple:
                    score = fractions.get(value)
                    if score is None:
                        score = fractions[value] = Fraction(value[0], value[1])
                    exact = True
                else:
                    score, exact = to_fraction(value, roots)
                rows.append(new_row(RankedRow, (  # tuple.__new__: skips a Python-level __new__
                    e, group, rank, score, exact, tied, decided_get(e), e in incomplete_all,
                    award, band_of(category_of[e], value) if has_bands else None, blocked,
                    e in fallback, counts_get(e, 0), expected_get(e, 0), decided_on_get(e),
                )))  # fmt: skip
            rank += size
        if len(rankable) < len(ids):
            ranked_set = set(rankable)
            for e in ids:
                if e not in ranked_set:
                    rows.append(_row(e, group, None, population, roots, scores))
                    if advancement is not None:
                        statuses[e] = AdvancementStatus.NOT_RANKED
    return Ranking(tuple(rows), tuple(ties), statuses)


def deciding_criteria(decided: Mapping[int, str], noted: Mapping[int, str]
                      ) -> dict[int, str]:
    """entry -> the criterion whose score separated it, when the metric that last separated it
    compares criteria (``criterion:<code>``, or ``criteria_by_weight`` with what it noted)."""
    out = {}
    for e, name in decided.items():
        if name == TIE_BREAK_CRITERIA_BY_WEIGHT:
            if e in noted:
                out[e] = noted[e]
        elif name.startswith(TIE_BREAK_CRITERION_PREFIX):
            out[e] = name[len(TIE_BREAK_CRITERION_PREFIX):]
    return out


def _ordered_groups(
    by_group: Mapping[str | None, list[int]], group_order: Sequence[str | None]
) -> list[str | None]:
    known = list(dict.fromkeys(g for g in group_order if g in by_group))
    rest = sorted(set(by_group) - set(known), key=lambda g: (g is not None, g or ""))
    return known + rest


def _row(
    e: int,
    group: str | None,
    rank: int | None,
    population: Population,
    roots: RootClasses,
    scores: bool = True,
    tied: bool = False,
    decided_by: str | None = None,
    award: str | None = None,
    band: str | None = None,
    blocked: bool = False,
) -> RankedRow:
    value = population.values.get(e) if scores else None
    if value is None:
        score: Fraction | None = None
        exact = True
    elif type(value) is tuple:
        score, exact = Fraction(value[0], value[1]), True
    else:
        score, exact = to_fraction(value, roots)
    return RankedRow(
        e,
        group,
        rank,
        score,
        exact,
        tied,
        decided_by,
        e in population.incomplete,
        award,
        band,
        blocked,
        e in population.fallback,
        population.sheet_counts.get(e, 0),
        population.expected.get(e, 0),
    )

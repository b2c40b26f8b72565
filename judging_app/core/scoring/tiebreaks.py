"""The tie-break chain: named metrics from a registry, applied in order to groups of entries
whose exact scores are equal (Tabbycat's "standings precedence": the same chain drives the
ranking, the advancement cut and the awards).

A metric takes the still-tied group and returns it split into ordered sub-groups (best
first), or None / a single sub-group when it cannot separate them. Metrics:

* ``criterion:<code>``: higher aggregated score on that criterion, across the entry's
  sheets, with the same method as the totals applied to that criterion alone (the trimmed
  mean drops that criterion's own highest and lowest score; the standardized method uses
  the mean). The criterion is looked up in the round being ranked, else in the latest
  earlier round that has it. An entry without a score on it comes last.
* ``criteria_by_weight``: the aggregated criterion scores of the round being ranked, compared
  one criterion at a time in descending weight (equal weights: lower position first); the
  first difference decides. Which criterion separated each entry is noted in
  `TieBreakContext.deciding_criterion` (the results show it).
* ``later_round``: higher aggregated total in the latest round in scope, then the one
  before it, and so on; an entry without a score in a round comes after those with one.
* ``first_places``: the number of judges who put the entry first within the tied group: in
  the round being ranked, a judge who scored at least two of the group's entries gives a
  first place to the entry with their strictly highest total among those entries; a judge
  whose highest total is shared gives no first place.
* ``chair_decision``: the recorded order (entry id -> position, 1 = best) from the chair's
  decision; it separates a group only when every entry of the group has a position. When
  the competition's chain does not list it, it is applied after the listed metrics.

The chain is applied metric by metric to every tied group of a ranking at once
(`apply_chain`); a metric with a `batch` form (the criterion metrics, first places) then
reads what it needs once for all the groups (first places: the judges' totals of the
entries still tied, nothing more): a criterion's aggregated scores for the entries still tied
(`TieBreakContext.criterion_column`), or, under the mean and the median, one stored key
per entry that orders like all the criteria by weight (`criteria_keys`). The criterion
metrics also have a `refine` form that splits the chain's own parts in place (30,000 tied
entries are not copied into a second set of parts and back).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping, Sequence
from functools import partial
from operator import itemgetter

from judging_app.core.enums import (
    TIE_BREAK_CHAIR_DECISION,
    TIE_BREAK_CRITERIA_BY_WEIGHT,
    TIE_BREAK_CRITERION_PREFIX,
    TIE_BREAK_FIRST_PLACES,
    TIE_BREAK_LATER_ROUND,
)
from judging_app.core.scoring.inputs import RoundData
from judging_app.core.scoring.ordering import order_by_value
from judging_app.core.scoring.refinement import Refinement
from judging_app.core.scoring.tiebreak_context import TieBreakContext

Split = list[list[int]]


TieBreakMetric = Callable[[TieBreakContext, Sequence[int]], Split | None]


def split_by_key(group: Sequence[int], key: Callable[[int], Hashable]) -> Split:
    """Sub-groups of equal key, highest key first (stable within a sub-group: a reversed
    sort keeps the given order among equal keys)."""
    if len(group) < 2:
        return [list(group)]
    keyed = sorted(((key(e), e) for e in group), key=itemgetter(0), reverse=True)
    out: Split = []
    previous = object()
    for k, e in keyed:
        if k == previous:
            out[-1].append(e)
        else:
            out.append([e])
            previous = k
    return out


def _refine(ctx: TieBreakContext, data: RoundData, criterion_id: int, work: Refinement
            ) -> Split:
    """Split every still-tied part on one criterion; the criterion is read once for all
    the tied entries. Returns the parts that were split."""
    tied = () if ctx.has_whole_column(data, criterion_id) else work.tied_entries()
    return work.split_by_key(ctx.criterion_column(data, criterion_id, tied).__getitem__)


def _split_ranges(work: Refinement, ranges: Sequence[tuple[int, int]]
                  ) -> list[tuple[int, int]]:
    """The ranges (still tied before a step) that the step split."""
    starts = work.starts
    return [(s, e) for s, e in ranges if any(starts[s + 1:e])]


def _first_difference(a: bytes, b: bytes) -> int:
    """The first criterion (in tie-break order, 8 bytes each) on which two criteria keys
    differ: the first differing byte of their common length, found from the highest bit of
    the two read as big-endian integers, xor-ed (27,000 pairs per ranking on the demo)."""
    n = min(len(a), len(b))
    x = int.from_bytes(a[:n], "big") ^ int.from_bytes(b[:n], "big")
    if not x:
        return n // 8
    return (n - 1 - (x.bit_length() - 1) // 8) // 8


def _note_key_splits(ctx: TieBreakContext, codes: Sequence[str], work: Refinement,
                     ranges: Sequence[tuple[int, int]], keys) -> None:
    """After a split on the criteria keys: for each entry of a split range, the criterion on
    which its part was last separated from a neighbour (the later of the criteria that
    separate it from the part above and the part below: the one a criterion-by-criterion
    split would have applied last)."""
    order, starts, note = work.order, work.starts, ctx.deciding_criterion
    for s, e in _split_ranges(work, ranges):
        cuts = {i: _first_difference(keys[order[i - 1]], keys[order[i]])
                for i in range(s + 1, e) if starts[i]}
        begin = s
        for end in [*sorted(cuts), e]:
            index = max(cuts.get(begin, -1), cuts.get(end, -1))
            for x in order[begin:end]:
                note[x] = codes[index]
            begin = end


def criterion_metric_refine(code: str, ctx: TieBreakContext, work: Refinement) -> Split:
    """Split every still-tied part of `work` in place; the parts that were split."""
    data, criterion = ctx.find_criterion(code)
    ctx.fetch_criteria(data, work.tied_entries())
    return _refine(ctx, data, criterion.id, work)


def criterion_metric_batch(code: str, ctx: TieBreakContext,
                           groups: Sequence[Sequence[int]]) -> list[Split]:
    work = Refinement(groups)
    criterion_metric_refine(code, ctx, work)
    return work.parts()


def criterion_metric(code: str, ctx: TieBreakContext, group: Sequence[int]) -> Split:
    return criterion_metric_batch(code, ctx, [group])[0]


def criteria_by_weight_refine(ctx: TieBreakContext, work: Refinement) -> Split:
    """Lexicographic on the criteria in descending weight, evaluated lazily and for every
    tied part of `work` at once, in place: a criterion is read only for entries the
    previous criteria left tied. Returns the parts (as they were) that were split."""
    data = ctx.ranked_round
    ordered = sorted(data.round.criteria, key=lambda c: (-c.weight, c.position))
    tied = work.tied_entries()
    keys = ctx.criteria_keys(data, tied)
    if keys is not None and None not in map(keys.get, tied):
        before = list(work.ranges)
        done = work.split_by_key(keys.__getitem__)  # every criterion at once (criteria_keys)
        if ctx.note_criteria:
            _note_key_splits(ctx, [c.code for c in ordered], work, before, keys)
        return done
    ctx.fetch_criteria(data, tied)
    done = []
    for c in ordered:
        if not work.ranges:
            break
        before = list(work.ranges)
        done.extend(_refine(ctx, data, c.id, work))
        if ctx.note_criteria:
            for s, e in _split_ranges(work, before):  # the last criterion that split a part
                ctx.deciding_criterion.update(dict.fromkeys(work.order[s:e], c.code))
    return done


def criteria_by_weight_batch(ctx: TieBreakContext, groups: Sequence[Sequence[int]]
                             ) -> list[Split]:
    work = Refinement(groups)
    criteria_by_weight_refine(ctx, work)
    return work.parts()


def criteria_by_weight(ctx: TieBreakContext, group: Sequence[int]) -> Split:
    return criteria_by_weight_batch(ctx, [group])[0]


criteria_by_weight.batch = criteria_by_weight_batch  # type: ignore[attr-defined]
criteria_by_weight.refine = criteria_by_weight_refine  # type: ignore[attr-defined]


def later_round(ctx: TieBreakContext, group: Sequence[int]) -> Split:
    parts: Split = [list(group)]
    for data in reversed(ctx.rounds):
        values = ctx.scores[data.round.id].values
        refined: Split = []
        for part in parts:
            if len(part) == 1:
                refined.append(part)
                continue
            scored = [e for e in part if e in values]
            refined.extend(order_by_value(scored, values, ctx.roots))
            unscored = [e for e in part if e not in values]
            if unscored:
                refined.append(unscored)
        parts = refined
    return parts


def first_places_batch(ctx: TieBreakContext, groups: Sequence[Sequence[int]]) -> list[Split]:
    """First places in every still-tied group, each judge's totals read once for all of
    them (only the entries the earlier metrics left tied)."""
    totals = ctx.judge_totals(ctx.ranked_round, [e for g in groups for e in g])
    return [_first_places(totals, group) for group in groups]


def _first_places(totals: Mapping[int, Mapping[int, int]], group: Sequence[int]) -> Split:
    by_judge: dict[int, list[tuple[int, int]]] = {}
    for e in group:
        for j, x in totals[e].items():
            by_judge.setdefault(j, []).append((x, e))
    firsts = dict.fromkeys(group, 0)
    for items in by_judge.values():
        if len(items) < 2:
            continue
        top = max(x for x, _ in items)
        winners = [e for x, e in items if x == top]
        if len(winners) == 1:
            firsts[winners[0]] += 1
    return split_by_key(group, firsts.__getitem__)


def first_places(ctx: TieBreakContext, group: Sequence[int]) -> Split:
    return first_places_batch(ctx, [group])[0]


first_places.batch = first_places_batch  # type: ignore[attr-defined]


def chair_decision(ctx: TieBreakContext, group: Sequence[int]) -> Split | None:
    positions = ctx.chair_positions
    if not all(e in positions for e in group):
        return None
    return split_by_key(group, lambda e: -positions[e])


METRICS: dict[str, TieBreakMetric] = {
    TIE_BREAK_CRITERIA_BY_WEIGHT: criteria_by_weight,
    TIE_BREAK_LATER_ROUND: later_round,
    TIE_BREAK_FIRST_PLACES: first_places,
    TIE_BREAK_CHAIR_DECISION: chair_decision,
}


def register_metric(name: str, metric: TieBreakMetric) -> None:
    """Add a metric to the registry (names are stored in the competition's rules)."""
    METRICS[name] = metric


def resolve_metric(name: str) -> TieBreakMetric:
    if name.startswith(TIE_BREAK_CRITERION_PREFIX):
        code = name[len(TIE_BREAK_CRITERION_PREFIX) :]
        metric = partial(criterion_metric, code)
        metric.batch = partial(criterion_metric_batch, code)  # type: ignore[attr-defined]
        metric.refine = partial(criterion_metric_refine, code)  # type: ignore[attr-defined]
        return metric
    try:
        return METRICS[name]
    except KeyError:
        raise ValueError(f"unknown tie-break {name!r}") from None


def effective_chain(names: Sequence[str]) -> tuple[tuple[str, TieBreakMetric], ...]:
    """The competition's chain, resolved; the chair's decision is appended when not listed."""
    chain = list(dict.fromkeys(names))
    if TIE_BREAK_CHAIR_DECISION not in chain:
        chain.append(TIE_BREAK_CHAIR_DECISION)
    return tuple((n, resolve_metric(n)) for n in chain)


def apply_chain(
    groups: Sequence[Sequence[int]],
    chain: Sequence[tuple[str, TieBreakMetric]],
    ctx: TieBreakContext,
) -> tuple[list[Split], dict[int, str]]:
    """Split groups of equal scores with the chain, in order: each group's ordered
    sub-groups (a sub-group of several = unresolved tie) and, per entry, the name of the
    last metric that separated it from entries it was still tied with.

    Metric by metric for all groups at once (a metric with a `batch` form reads what it
    needs once for all of them): every part a metric leaves with several entries, split or
    not, goes on to the next metric, exactly as if each group went down the chain alone."""
    decided_by: dict[int, str] = {}
    work = Refinement(groups)
    for name, metric in chain:
        if not work.ranges:
            break
        refine = getattr(metric, "refine", None)  # splits the parts of `work` in place
        if refine is not None:
            split = refine(ctx, work)
        else:
            tied = work.tied_parts()
            batch = getattr(metric, "batch", None)
            split = work.split(batch(ctx, tied) if batch is not None
                               else [metric(ctx, part) for part in tied])
        for part in split:
            decided_by.update(dict.fromkeys(part, name))
    return work.parts(), decided_by

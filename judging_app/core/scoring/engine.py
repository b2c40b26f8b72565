"""`compute_results`: from sheet totals to the final ranking, awards and blocking ties."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from operator import attrgetter

from judging_app.core.enums import AggregationMethod, RankingScope, RoundCombination
from judging_app.core.messages import Message
from judging_app.core.scoring.aggregation import RoundScores, aggregate_round
from judging_app.core.scoring.awards import AwardTier, as_tiers
from judging_app.core.scoring.inputs import EntryInfo, RoundData
from judging_app.core.scoring.ranking import RankingSpec, build_ranking
from judging_app.core.scoring.results import CompetitionResults, Note, RoundResult
from judging_app.core.scoring.rounds import Population, combine_rounds
from judging_app.core.scoring.surds import RootClasses
from judging_app.core.scoring.tiebreak_context import TieBreakContext
from judging_app.core.scoring.tiebreaks import effective_chain
from judging_app.core.scoring.totals import FORMULA
from judging_app.core.setup import AwardTierSpec, ResultRules

METHOD_TEXT = {
    AggregationMethod.MEAN: "mean of the judges' totals",
    AggregationMethod.MEDIAN: "median of the judges' totals",
    AggregationMethod.TRIMMED_MEAN: "mean without the highest and the lowest total",
    AggregationMethod.STANDARDIZED: "mean of per-judge standardized totals",
}


def compute_results(
    entries: Sequence[EntryInfo],
    rounds: Sequence[RoundData],
    rules: ResultRules | None = None,
    award_tiers: Sequence[AwardTierSpec | AwardTier] = (),
    chair_decisions: Mapping[int, int] | None = None,
    *,
    method: AggregationMethod | None = None,
    category_order: Sequence[str] = (),
    ranks_only: bool = False,
    spec: RankingSpec | None = None,
) -> CompetitionResults:
    """Rank the entries of the last round given (rounds are ordered by position).

    `chair_decisions` maps entry id -> position (1 = best) as recorded at the plenary; it
    is the `chair_decision` tie-break. `method` overrides `rules.aggregation` (used for the
    rank-stability comparison). `category_order` orders the category groups in the rows.
    `ranks_only`: the final ranking's ranks, awards, bands and ties as the full computation
    gives them, and nothing rank stability does not read: no score (`score` None, where
    the full computation pays an exact fraction or a 40-digit approximation per entry), no
    deciding criterion (`decided_on` None), no advancement statuses (so no tie `at_cutoff`
    nor `blocked` by a cut-off) and no per-round rankings (`round_results` empty).
    `spec`: `ranking_spec(entries, rules, category_order)` built once by a caller ranking
    the same entries several times.
    """
    rules = rules or ResultRules()
    method = AggregationMethod(method or rules.aggregation)
    if not rounds:
        raise ValueError("no scored round to compute results from")
    ordered = sorted(rounds, key=lambda d: d.round.position)
    spec = spec or ranking_spec(entries, rules, category_order)
    category_of, group_of = spec.category_of, spec.group_of
    roots = RootClasses()

    scores: list[RoundScores] = []
    for data in ordered:
        rs = aggregate_round(data, method, rules.trimmed_min_sheets, _Checked(group_of), roots)
        unknown = rs.participants - category_of.keys()
        if unknown:
            raise ValueError(
                f"round {data.round.code!r} has sheets for unknown entries {sorted(unknown)[:5]}"
            )
        scores.append(rs)
    by_round = {rs.round.id: rs for rs in scores}

    decisions = dict(chair_decisions or {})
    combination = RoundCombination(rules.round_combination)

    def context(upto: int) -> TieBreakContext:
        return TieBreakContext(
            ordered[: upto + 1], by_round, method, rules.trimmed_min_sheets, decisions, roots,
            note_criteria=not ranks_only,
        )

    population, combination_notes = combine_rounds(scores, combination)
    final = build_ranking(
        population,
        spec,
        context(len(ordered) - 1),
        roots,
        as_tiers(award_tiers),
        None if ranks_only else ordered[-1].round.advancement,
        scores=not ranks_only,
    )
    round_results = []
    for i, (data, rs) in enumerate(zip(ordered, scores, strict=True)):
        if ranks_only:
            break  # only the final ranking is read
        last = i == len(ordered) - 1
        if last and combination == RoundCombination.LAST_ROUND:
            ranking = final
        else:
            rule = None if last else data.round.advancement
            ranking = build_ranking(
                Population.from_round(rs), spec, context(i), roots, (), rule, data.round.id,
                scores=not ranks_only,
            )
        round_results.append(RoundResult(data.round, rs, ranking))

    notes: list[Note] = [n for rs in scores for n in rs.notes]
    notes.extend(combination_notes)
    unranked_incomplete = sorted(r.entry_id for r in final.rows if r.incomplete and r.rank is None)
    if unranked_incomplete:
        notes.append(
            Note(
                "incomplete_unranked",
                Message("results.note.incomplete_unranked", count=len(unranked_incomplete)),
                None,
                tuple(unranked_incomplete),
            )
        )
    formula = f"{FORMULA}; across judges: {METHOD_TEXT[method]}; across rounds: " + (
        "last round"
        if combination == RoundCombination.LAST_ROUND
        else "Σ round weight × round score / 100"
    )
    return CompetitionResults(method, rules, final, tuple(round_results), tuple(notes), formula)


def ranking_spec(entries: Sequence[EntryInfo], rules: ResultRules | None = None,
                 category_order: Sequence[str] = ()) -> RankingSpec:
    """How `compute_results` ranks these entries under these rules, whatever the method."""
    rules = rules or ResultRules()
    overall = rules.ranking_scope == RankingScope.OVERALL
    category_of = {e.id: e.category for e in entries}
    sorted_entries = sorted(entries, key=attrgetter("code", "id"))
    return RankingSpec(
        group_of=dict.fromkeys(category_of) if overall else category_of,
        category_of=category_of,
        order_index={e.id: i for i, e in enumerate(sorted_entries)},
        group_order=[None] if overall else list(category_order),
        allow_incomplete=rules.allow_incomplete,
        overall=overall,
        chain=effective_chain(rules.tie_breaks),
    )


class _Checked(dict):
    """group_of that names the entry when a sheet refers to an unknown entry."""

    def __missing__(self, key: int) -> str | None:
        raise ValueError(f"a sheet refers to entry {key}, which is not among the entries")

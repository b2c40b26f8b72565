"""The scoring engine: exact totals, aggregation across judges and rounds, ranking with a
tie-break chain, awards, and fairness evidence. Pure Python, no I/O.

    criteria = (CriterionInfo(1, "inov", D(40), D(5), 1), CriterionInfo(2, "manf", D(60), D(5), 2))
    presentation = RoundInfo(id=2, code="presentasi", position=2, criteria=criteria)
    # rows from SQL: (entry_id, judge_id, Σ weight_milli × value_milli × (L // max_milli))
    totals = SheetTotals(round_denominator(criteria), rows)
    data = RoundData(
        presentation,
        totals,
        expected_sheets={10: 3, 11: 3},  # assigned, non-conflicted sheets per entry
        criterion_scores=lambda entry_ids: repo.sheet_scores(2, entry_ids),  # tied entries only
    )
    entries = [EntryInfo(10, "A-01", category="umum"), EntryInfo(11, "A-02", category="umum")]
    rules = ResultRules(tie_breaks=("criteria_by_weight", "first_places"))
    tiers = [AwardTierSpec("juara_1", "Juara I", AwardKind.RANK, rank_from=1, rank_to=1)]
    results = compute_results(entries, [data], rules, tiers, chair_decisions={11: 1, 10: 2})
    for row in results.rows:
        print(row.rank, row.entry_id, row.displayed_score, row.award, row.tied, row.decided_by)
    if not results.can_finalize:
        print(results.blocking_ties)  # the chair must decide these first
    fairness = compute_fairness(entries, [data], rules, tiers)

Each module's docstring states its rules; docs/design.md and docs/results.md are the overview.
"""

from judging_app.core.scoring.awards import AwardTier
from judging_app.core.scoring.engine import compute_results
from judging_app.core.scoring.fairness import FairnessReport, compute_fairness
from judging_app.core.scoring.inputs import (
    CriterionInfo,
    CriterionScoreProvider,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    SheetTotals,
)
from judging_app.core.scoring.results import (
    AdvancementStatus,
    CompetitionResults,
    Note,
    RankedRow,
    Ranking,
    RoundResult,
    TieGroup,
)
from judging_app.core.scoring.tiebreaks import register_metric
from judging_app.core.scoring.totals import round_denominator, sheet_numerator, sheet_total

__all__ = [
    "AdvancementStatus",
    "AwardTier",
    "CompetitionResults",
    "CriterionInfo",
    "CriterionScoreProvider",
    "EntryInfo",
    "FairnessReport",
    "Note",
    "RankedRow",
    "Ranking",
    "RoundData",
    "RoundInfo",
    "RoundResult",
    "SheetScores",
    "SheetTotals",
    "TieGroup",
    "compute_fairness",
    "compute_results",
    "register_metric",
    "round_denominator",
    "sheet_numerator",
    "sheet_total",
]

"""The scoring engine: exact totals, aggregation across judges and rounds, ranking with a
tie-break chain, awards, and fairness evidence. Pure Python, no I/O.

    results = compute_results(entries, [RoundData(round_info, totals, expected)], rules, tiers)
    fairness = compute_fairness(entries, rounds, rules, tiers)

See DESIGN.md section 3 for the rules; each module's docstring states its own.
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

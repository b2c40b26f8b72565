"""Texts the whole Setup view shares: labels for the setup's codes, the problems
validate_setup reports (Messages, located by round and criterion names in
core/setup_places.py) in the current language, and decimals shown and typed the local way
(Indonesian decimal comma).

Module-level functions use QCoreApplication.translate (as `translate`) with the literal
context "SetupLabels" (see the note in judging_app/ui/i18n.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator

from judging_app.core import setup_places
from judging_app.core.enums import (
    TIE_BREAK_CHAIR_DECISION,
    TIE_BREAK_CRITERIA_BY_WEIGHT,
    TIE_BREAK_CRITERION_PREFIX,
    TIE_BREAK_FIRST_PLACES,
    TIE_BREAK_LATER_ROUND,
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RankingScope,
    RoundCombination,
    RoundKind,
)
from judging_app.core.numbers import parse_decimal
from judging_app.core.setup import CompetitionSetup, CriterionSpec, Problem, RoundSpec
from judging_app.ui.i18n import fill, message_text

translate = QCoreApplication.translate  # module-level texts: context "SetupLabels"

# -- decimals ---------------------------------------------------------------------------------
DECIMAL_PATTERN = r"\d{0,6}([.,]\d{0,3})?"


def decimal_validator(parent=None) -> QRegularExpressionValidator:
    """Digits with at most three decimals, comma or point (no sign, no exponent)."""
    return QRegularExpressionValidator(QRegularExpression(DECIMAL_PATTERN), parent)


def decimal_text(value: Decimal | None) -> str:
    """'12.5' shown as '12,5' in Indonesian; None as ''."""
    if value is None:
        return ""
    text = format(value, "f")
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return text.replace(".", QLocale().decimalPoint())


def parse_decimal_text(text: str) -> Decimal | None:
    """Typed text to a Decimal ('3,5' or '3.5'); '' -> None. Raises NumberError."""
    return parse_decimal(text) if text.strip() else None


def weight_total(criteria: Iterable[CriterionSpec]) -> Decimal:
    """The running total of a round's criterion weights, exactly (shown as you type)."""
    return sum((c.weight for c in criteria), Decimal(0))


def round_weight_total(rounds: Iterable[RoundSpec]) -> Decimal:
    """The scored rounds' weights in a weighted combination (validate_setup adds them alike)."""
    return sum((r.weight for r in rounds if r.kind == RoundKind.SCORED), Decimal(0))


# -- codes ------------------------------------------------------------------------------------
def _choose(code: str, labels: dict[str, str]) -> str:
    return labels.get(str(code), str(code))


def ranking_scope_label(code: str) -> str:
    return _choose(code, {
        RankingScope.CATEGORY: translate("SetupLabels", "Per category"),
        RankingScope.OVERALL: translate("SetupLabels", "Overall (all categories together)"),
    })


def aggregation_label(code: str) -> str:
    return _choose(code, {
        AggregationMethod.MEAN: translate("SetupLabels", "Mean of the judges' totals"),
        AggregationMethod.MEDIAN: translate("SetupLabels", "Median of the judges' totals"),
        AggregationMethod.TRIMMED_MEAN: translate(
            "SetupLabels", "Trimmed mean (drop the highest and the lowest)"),
        AggregationMethod.STANDARDIZED: translate(
            "SetupLabels", "Standardized per judge (z-scores)"),
    })


def combination_label(code: str) -> str:
    return _choose(code, {
        RoundCombination.LAST_ROUND: translate("SetupLabels", "Last scored round only"),
        RoundCombination.WEIGHTED: translate("SetupLabels", "Weighted combination of the rounds"),
    })


def round_kind_label(code: str) -> str:
    return _choose(code, {
        RoundKind.SCREENING: translate("SetupLabels", "Screening (pass or fail)"),
        RoundKind.SCORED: translate("SetupLabels", "Scored with criteria"),
    })


def advancement_label(code: str) -> str:
    return _choose(code, {
        AdvancementKind.NONE: translate("SetupLabels", "Everyone eligible goes on"),
        AdvancementKind.TOP_N: translate("SetupLabels", "Top N per category"),
        AdvancementKind.THRESHOLD: translate("SetupLabels", "Score at or above a threshold"),
        AdvancementKind.MANUAL: translate("SetupLabels", "Chosen by the secretariat"),
    })


def award_kind_label(code: str) -> str:
    return _choose(code, {
        AwardKind.RANK: translate("SetupLabels", "By rank"),
        AwardKind.BAND: translate("SetupLabels", "By score band"),
    })


def criterion_names(setup: CompetitionSetup) -> dict[str, str]:
    """Criterion code -> name, over every round (the first round naming a code wins)."""
    names: dict[str, str] = {}
    for rnd in setup.rounds:
        for c in rnd.criteria:
            names.setdefault(c.code, c.name)
    return names


def tie_break_label(metric: str, names: dict[str, str] | None = None) -> str:
    if metric.startswith(TIE_BREAK_CRITERION_PREFIX):
        code = metric[len(TIE_BREAK_CRITERION_PREFIX):]
        name = (names or {}).get(code, code)
        return fill(translate(
            "SetupLabels", "Higher score on the criterion %1 (%2)"), name, code)
    return _choose(metric, {
        TIE_BREAK_CRITERIA_BY_WEIGHT: translate(
            "SetupLabels", "Higher score on the heaviest criterion, then the next"),
        TIE_BREAK_LATER_ROUND: translate("SetupLabels", "Higher score in the later round"),
        TIE_BREAK_FIRST_PLACES: translate("SetupLabels", "More first places among the judges"),
        TIE_BREAK_CHAIR_DECISION: translate(
            "SetupLabels", "Decision of the chair of the jury (with a reason)"),
    })


# -- problems ---------------------------------------------------------------------------------
def problem_message(problem: Problem) -> str:
    """The problem in the current language (core/setup.py says it as a Message)."""
    return message_text(problem.message)


def problem_place(where: str, setup: CompetitionSetup) -> str:
    """'rounds[1].criteria[0].weight' -> 'Round “Penilaian Proposal”, criterion “Kebaruan”'."""
    return message_text(setup_places.problem_place(where, setup))

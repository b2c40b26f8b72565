"""Texts the whole Setup view shares: labels for the setup's codes, the problems
validate_setup reports in words a secretariat reads (translated, located by round and
criterion names), and decimals shown and typed the local way (Indonesian decimal comma).

Module-level functions use QCoreApplication.translate (as `translate`) with the literal
context "SetupLabels" (see the note in judging_app/ui/i18n.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QLocale, QRegularExpression
from PySide6.QtGui import QRegularExpressionValidator

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
def _messages() -> list[tuple[str, str]]:
    """(pattern of core/setup.py's message, translated text with %1.. for the groups)."""
    return [
        (r"a criterion needs a code", translate("SetupLabels", "A criterion needs a code.")),
        (r"a criterion needs a name", translate("SetupLabels", "A criterion needs a name.")),
        (r"weight (\S+) must be between 0 and 100", translate("SetupLabels", "The weight %1 must be between 0 and 100.")),
        (r"the scale cannot start below 0", translate("SetupLabels", "The scale cannot start below 0.")),
        (r"scale max (\S+) must exceed min (\S+)", translate("SetupLabels", "The scale maximum %1 must be above the minimum %2.")),
        (r"the step must be positive", translate("SetupLabels", "The step must be above 0.")),
        (r"step (\S+) does not divide the range (\S+)-(\S+)",
         translate("SetupLabels", "The step %1 does not divide the range %2–%3 evenly.")),
        (r"score (\S+) is described twice", translate("SetupLabels", "The score %1 is described twice.")),
        (r"score (\S+) is not on the scale", translate("SetupLabels", "The score %1 is not on the scale.")),
        (r"a round needs a code", translate("SetupLabels", "A round needs a code.")),
        (r"a round needs a name", translate("SetupLabels", "A round needs a name.")),
        (r"a round's weight must be between 0 and 100", translate("SetupLabels", "A round's weight must be between 0 and 100.")),
        (r"criterion code '(.*)' is used twice", translate("SetupLabels", "The criterion code %1 is used twice.")),
        (r"a scored round needs at least one criterion", translate("SetupLabels", "A scored round needs at least one criterion.")),
        (r"weights sum to (\S+), they must sum to exactly 100",
         translate("SetupLabels", "The criterion weights add up to %1; they must add up to exactly 100.")),
        (r"a screening round has no criteria", translate("SetupLabels", "A screening round has no criteria; remove them.")),
        (r"top N needs N of at least 1", translate("SetupLabels", "Top N needs N of at least 1.")),
        (r"the threshold must be between 0 and 100", translate("SetupLabels", "The threshold must be between 0 and 100.")),
        (r"no criterion has the code '(.*)'", translate("SetupLabels", "No criterion has the code %1.")),
        (r"unknown tie-break '(.*)'", translate("SetupLabels", "Unknown tie-break %1.")),
        (r"an award tier needs a code", translate("SetupLabels", "An award tier needs a code.")),
        (r"award tier code '(.*)' is used twice", translate("SetupLabels", "The award tier code %1 is used twice.")),
        (r"an award tier needs a label", translate("SetupLabels", "An award tier needs a label.")),
        (r"no category has the code '(.*)'", translate("SetupLabels", "No category has the code %1.")),
        (r"a rank tier needs 1 <= rank_from <= rank_to",
         translate("SetupLabels", "A rank tier needs ranks from and to, with 1 ≤ from ≤ to.")),
        (r"a score band needs a minimum score", translate("SetupLabels", "A score band needs a minimum score.")),
        (r"a score band's maximum must exceed its minimum",
         translate("SetupLabels", "A score band's maximum must be above its minimum.")),
        (r"rank tiers '(.*)' and '(.*)' overlap", translate("SetupLabels", "The rank tiers %1 and %2 cover the same ranks.")),
        (r"a competition needs a name", translate("SetupLabels", "The competition needs a name.")),
        (r"year (\S+) is out of range", translate("SetupLabels", "The year %1 is out of range (2000–2200).")),
        (r"a category needs a code and a name", translate("SetupLabels", "A category needs a code and a name.")),
        (r"category code '(.*)' is used twice", translate("SetupLabels", "The category code %1 is used twice.")),
        (r"a competition needs at least one category", translate("SetupLabels", "The competition needs at least one category.")),
        (r"round code '(.*)' is used twice", translate("SetupLabels", "The round code %1 is used twice.")),
        (r"a competition needs at least one scored round",
         translate("SetupLabels", "The competition needs at least one scored round.")),
        (r"round weights sum to (\S+), they must sum to exactly 100",
         translate("SetupLabels", "The round weights add up to %1; they must add up to exactly 100.")),
        (r"trimming needs at least 3 sheets", translate("SetupLabels", "Trimming needs at least 3 sheets.")),
    ]


def extra_problems(setup: CompetitionSetup) -> list[Problem]:
    """What the database also needs and validate_setup does not check yet: award tiers
    with a code, each code once (a duplicate would fail the save with a database error)."""
    out, seen = [], set()
    for i, tier in enumerate(setup.award_tiers):
        if not tier.code.strip():
            out.append(Problem(f"award_tiers[{i}].code", "an award tier needs a code"))
        elif tier.code in seen:
            out.append(Problem(f"award_tiers[{i}].code", f"award tier code {tier.code!r} is used twice"))
        seen.add(tier.code)
    return out


def _shown(value: str) -> str:
    try:
        return decimal_text(Decimal(value))
    except ArithmeticError:
        return value


def problem_message(problem: Problem) -> str:
    """The problem in the current language (the core's English text when not known)."""
    if not isinstance(problem.message, str):  # a Message: the catalogue has both languages
        return message_text(problem.message)
    for pattern, text in _messages():
        match = re.fullmatch(pattern, problem.message)
        if match:
            return fill(text, *(_shown(g) for g in match.groups()))
    return problem.message


_STEP = re.compile(r"([a-z_]+)(?:\[(\d+)\])?")


def problem_area(where: str) -> str:
    """Which part of the view a problem belongs to: competition, categories, rounds,
    tiers or tiebreaks."""
    head = where.split(".")[0].split("[")[0]
    if where.startswith("rules.tie_breaks"):
        return "tiebreaks"
    return {"categories": "categories", "rounds": "rounds", "award_tiers": "tiers"}.get(
        head, "competition")


def problem_place(where: str, setup: CompetitionSetup) -> str:
    """'rounds[1].criteria[0].weight' -> 'Round “Penilaian Proposal”, criterion “Kebaruan”'."""
    steps = [(m.group(1), m.group(2)) for m in _STEP.finditer(where)]
    area = problem_area(where)
    if area == "competition":
        return translate("SetupLabels", "Competition and rules")
    index = steps[0][1]
    if area == "tiebreaks":
        return fill(translate("SetupLabels", "Tie-break chain, step %1"), int(steps[1][1] or 0) + 1)
    if index is None:
        return {"categories": translate("SetupLabels", "Categories"), "rounds": translate("SetupLabels", "Rounds"),
                "tiers": translate("SetupLabels", "Award tiers")}[area]
    i = int(index)
    if area == "categories":
        code = setup.categories[i].code if i < len(setup.categories) else ""
        return fill(translate("SetupLabels", "Category %1"), code or i + 1)
    if area == "tiers":
        tier = setup.award_tiers[i] if i < len(setup.award_tiers) else None
        return fill(translate("SetupLabels", "Award tier %1"), (tier and (tier.label or tier.code)) or i + 1)
    rnd = setup.rounds[i] if i < len(setup.rounds) else None
    text = fill(translate("SetupLabels", "Round “%1”"), (rnd and (rnd.name or rnd.code)) or i + 1)
    if len(steps) > 1 and steps[1][0] == "criteria" and steps[1][1] is not None and rnd:
        j = int(steps[1][1])
        crit = rnd.criteria[j] if j < len(rnd.criteria) else None
        text = fill(translate("SetupLabels", "%1, criterion “%2”"), text, (crit and (crit.name or crit.code)) or j + 1)
    return text

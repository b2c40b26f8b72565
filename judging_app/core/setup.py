"""A competition's setup (categories, rounds, rubric, award tiers, rules) as plain data,
and the rules that make it valid. The competition file, the templates, the database and
the setup screen all meet here."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from judging_app.core.enums import (
    SIMPLE_TIE_BREAKS,
    TIE_BREAK_CRITERION_PREFIX,
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RankingScope,
    RoundCombination,
    RoundKind,
)
from judging_app.core.exactness import MAX_COMMON_MULTIPLE, exactness_problem
from judging_app.core.messages import Message

HUNDRED = Decimal(100)


@dataclass(frozen=True)
class LevelDescriptor:
    """What a score on a criterion's scale means, e.g. 5 = 'sangat baik'."""

    score: Decimal
    text: str
    text_en: str = ""


@dataclass(frozen=True)
class CriterionSpec:
    code: str
    name: str
    weight: Decimal  # percent of the round; a scored round's weights sum to exactly 100
    scale_min: Decimal
    scale_max: Decimal
    scale_step: Decimal
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    group: str = ""
    levels: tuple[LevelDescriptor, ...] = ()


@dataclass(frozen=True)
class AdvancementRule:
    kind: AdvancementKind = AdvancementKind.NONE
    top_n: int | None = None  # with TOP_N: per category
    threshold: Decimal | None = None  # with THRESHOLD: final score on 0-100


@dataclass(frozen=True)
class RoundSpec:
    code: str
    name: str
    kind: RoundKind = RoundKind.SCORED
    weight: Decimal = Decimal(0)  # percent in a weighted combination of rounds
    name_en: str = ""
    blind: bool = False  # judges do not see the entry's unit and innovators
    advancement: AdvancementRule = field(default_factory=AdvancementRule)
    criteria: tuple[CriterionSpec, ...] = ()
    instructions: str = ""
    instructions_en: str = ""


@dataclass(frozen=True)
class CategorySpec:
    code: str
    name: str
    name_en: str = ""


@dataclass(frozen=True)
class AwardTierSpec:
    """RANK tiers cover ranks rank_from..rank_to. BAND tiers cover scores between min_score
    and max_score (None = no upper bound); by default min <= s < max, and min_inclusive /
    max_inclusive say otherwise (IGA: Sangat Inovatif is "above 60", so min 60 exclusive).
    category None = every category."""

    code: str
    label: str
    kind: AwardKind
    label_en: str = ""
    rank_from: int | None = None
    rank_to: int | None = None
    min_score: Decimal | None = None
    max_score: Decimal | None = None
    min_inclusive: bool = True
    max_inclusive: bool = False
    category: str | None = None


@dataclass(frozen=True)
class ResultRules:
    ranking_scope: RankingScope = RankingScope.CATEGORY
    aggregation: AggregationMethod = AggregationMethod.MEAN
    trimmed_min_sheets: int = 5
    allow_incomplete: bool = False
    round_combination: RoundCombination = RoundCombination.LAST_ROUND
    tie_breaks: tuple[str, ...] = ()


@dataclass(frozen=True)
class CompetitionSetup:
    name: str
    year: int
    organiser: str = ""
    name_en: str = ""
    description: str = ""
    description_en: str = ""
    rules: ResultRules = field(default_factory=ResultRules)
    categories: tuple[CategorySpec, ...] = ()
    rounds: tuple[RoundSpec, ...] = ()
    award_tiers: tuple[AwardTierSpec, ...] = ()


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a setup, located by a path such as 'rounds[2].criteria[0].weight'."""

    where: str
    message: Message

    def __str__(self) -> str:
        return f"{self.where}: {self.message}"


def validate_criterion(c: CriterionSpec, where: str) -> list[Problem]:
    out: list[Problem] = []
    if not c.code.strip():
        out.append(Problem(f"{where}.code", Message("setup.criterion_no_code")))
    if not c.name.strip():
        out.append(Problem(f"{where}.name", Message("setup.criterion_no_name")))
    if c.weight < 0 or c.weight > HUNDRED:
        out.append(Problem(f"{where}.weight",
                           Message("setup.criterion_weight_range", weight=c.weight)))
    if c.scale_min < 0:
        out.append(Problem(f"{where}.scale_min", Message("setup.scale_below_zero")))
    if c.scale_min >= c.scale_max:
        out.append(Problem(f"{where}.scale_max", Message(
            "setup.scale_max_not_above_min", max=c.scale_max, min=c.scale_min)))
    if c.scale_step <= 0:
        out.append(Problem(f"{where}.scale_step", Message("setup.step_not_positive")))
    elif c.scale_min < c.scale_max and (c.scale_max - c.scale_min) % c.scale_step != 0:
        out.append(Problem(f"{where}.scale_step", Message(
            "setup.step_does_not_divide", step=c.scale_step, min=c.scale_min, max=c.scale_max)))
    seen: set[Decimal] = set()
    for j, level in enumerate(c.levels):
        lw = f"{where}.levels[{j}]"
        if level.score in seen:
            out.append(Problem(lw, Message("setup.level_twice", score=level.score)))
        seen.add(level.score)
        if not is_on_scale(c, level.score):
            out.append(Problem(lw, Message("setup.level_off_scale", score=level.score)))
    return out


def is_on_scale(c: CriterionSpec, value: Decimal) -> bool:
    if c.scale_step <= 0:
        return False
    return c.scale_min <= value <= c.scale_max and (value - c.scale_min) % c.scale_step == 0


def validate_round(r: RoundSpec, where: str) -> list[Problem]:
    out: list[Problem] = []
    if not r.code.strip():
        out.append(Problem(f"{where}.code", Message("setup.round_no_code")))
    if not r.name.strip():
        out.append(Problem(f"{where}.name", Message("setup.round_no_name")))
    if r.weight < 0 or r.weight > HUNDRED:
        out.append(Problem(f"{where}.weight", Message("setup.round_weight_range")))
    codes: set[str] = set()
    for i, c in enumerate(r.criteria):
        cw = f"{where}.criteria[{i}]"
        if c.code in codes:
            out.append(Problem(f"{cw}.code", Message("setup.criterion_code_twice", code=c.code)))
        codes.add(c.code)
        out.extend(validate_criterion(c, cw))
    if r.kind == RoundKind.SCORED:
        if not r.criteria:
            out.append(Problem(f"{where}.criteria", Message("setup.scored_round_no_criteria")))
        too_large = exactness_problem([c.scale_max for c in r.criteria])
        if too_large is not None:
            maxima = sorted({c.scale_max for c in r.criteria})
            out.append(Problem(f"{where}.criteria", Message(
                "exactness.maxima", maxima=maxima, common=too_large,
                limit=MAX_COMMON_MULTIPLE)))
        total = sum((c.weight for c in r.criteria), Decimal(0))
        if r.criteria and total != HUNDRED:
            out.append(Problem(f"{where}.criteria",
                               Message("setup.criteria_weights_sum", total=total)))
    elif r.criteria:
        out.append(Problem(f"{where}.criteria", Message("setup.screening_round_criteria")))
    adv = r.advancement
    if adv.kind == AdvancementKind.TOP_N and (adv.top_n is None or adv.top_n < 1):
        out.append(Problem(f"{where}.advancement", Message("setup.top_n_too_small")))
    if adv.kind == AdvancementKind.THRESHOLD and (
        adv.threshold is None or not (0 <= adv.threshold <= HUNDRED)
    ):
        out.append(Problem(f"{where}.advancement", Message("setup.threshold_range")))
    return out


def validate_tie_breaks(setup: CompetitionSetup) -> list[Problem]:
    out: list[Problem] = []
    criterion_codes = {c.code for r in setup.rounds for c in r.criteria}
    for i, name in enumerate(setup.rules.tie_breaks):
        where = f"rules.tie_breaks[{i}]"
        if name.startswith(TIE_BREAK_CRITERION_PREFIX):
            code = name[len(TIE_BREAK_CRITERION_PREFIX) :]
            if code not in criterion_codes:
                out.append(Problem(where, Message("setup.no_such_criterion", code=code)))
        elif name not in SIMPLE_TIE_BREAKS:
            out.append(Problem(where, Message("setup.unknown_tie_break", name=name)))
    return out


def validate_award_tiers(setup: CompetitionSetup) -> list[Problem]:
    out: list[Problem] = []
    category_codes = {c.code for c in setup.categories}
    tier_codes: set[str] = set()
    for i, t in enumerate(setup.award_tiers):
        where = f"award_tiers[{i}]"
        if not t.code.strip():
            out.append(Problem(f"{where}.code", Message("setup.tier_no_code")))
        elif t.code in tier_codes:
            out.append(Problem(f"{where}.code", Message("setup.tier_code_twice", code=t.code)))
        tier_codes.add(t.code)
        if not t.label.strip():
            out.append(Problem(f"{where}.label", Message("setup.tier_no_label")))
        if t.category is not None and t.category not in category_codes:
            out.append(Problem(f"{where}.category",
                               Message("setup.no_such_category", code=t.category)))
        if t.kind == AwardKind.RANK:
            if t.rank_from is None or t.rank_to is None or not 1 <= t.rank_from <= t.rank_to:
                out.append(Problem(where, Message("setup.rank_tier_ranks")))
        else:
            if t.min_score is None:
                out.append(Problem(where, Message("setup.band_no_minimum")))
            elif t.max_score is not None and t.max_score <= t.min_score:
                out.append(Problem(where, Message("setup.band_max_not_above_min")))
    rank_tiers = [t for t in setup.award_tiers if t.kind == AwardKind.RANK]
    for a_index, a in enumerate(rank_tiers):
        for b in rank_tiers[a_index + 1 :]:
            same_scope = a.category is None or b.category is None or a.category == b.category
            if (
                same_scope
                and None not in (a.rank_from, a.rank_to, b.rank_from, b.rank_to)
                and a.rank_from <= b.rank_to  # type: ignore[operator]
                and b.rank_from <= a.rank_to  # type: ignore[operator]
            ):
                out.append(Problem("award_tiers", Message(
                    "setup.rank_tiers_overlap", first=a.code, second=b.code)))
    return out


def validate_setup(setup: CompetitionSetup) -> list[Problem]:
    """Every problem in the setup; an empty list means it is valid."""
    out: list[Problem] = []
    if not setup.name.strip():
        out.append(Problem("name", Message("setup.competition_no_name")))
    if not 2000 <= setup.year <= 2200:
        out.append(Problem("year", Message("setup.year_range", year=setup.year)))
    codes: set[str] = set()
    for i, c in enumerate(setup.categories):
        if not c.code.strip() or not c.name.strip():
            out.append(Problem(f"categories[{i}]", Message("setup.category_no_code_or_name")))
        if c.code in codes:
            out.append(Problem(f"categories[{i}].code",
                               Message("setup.category_code_twice", code=c.code)))
        codes.add(c.code)
    if not setup.categories:
        out.append(Problem("categories", Message("setup.no_category")))
    round_codes: set[str] = set()
    for i, r in enumerate(setup.rounds):
        if r.code in round_codes:
            out.append(Problem(f"rounds[{i}].code", Message("setup.round_code_twice", code=r.code)))
        round_codes.add(r.code)
        out.extend(validate_round(r, f"rounds[{i}]"))
    if not any(r.kind == RoundKind.SCORED for r in setup.rounds):
        out.append(Problem("rounds", Message("setup.no_scored_round")))
    rules = setup.rules
    if rules.round_combination == RoundCombination.WEIGHTED:
        total = sum((r.weight for r in setup.rounds if r.kind == RoundKind.SCORED), Decimal(0))
        if total != HUNDRED:
            out.append(Problem("rounds", Message("setup.round_weights_sum", total=total)))
    if rules.trimmed_min_sheets < 3:
        out.append(Problem("rules.trimmed_min_sheets", Message("setup.trimming_min_sheets")))
    out.extend(validate_tie_breaks(setup))
    out.extend(validate_award_tiers(setup))
    return out

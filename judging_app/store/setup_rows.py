"""Conversion between a competition's setup (core.setup dataclasses) and its rows."""

from __future__ import annotations

import json

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import (
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RankingScope,
    RoundCombination,
    RoundKind,
)
from judging_app.core.numbers import from_milli, to_milli
from judging_app.core.setup import (
    AdvancementRule,
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    LevelDescriptor,
    ResultRules,
    RoundSpec,
)
from judging_app.store.models import (
    AwardTier,
    Category,
    Competition,
    Criterion,
    CriterionLevel,
    Round,
)


def _opt_milli(value) -> int | None:
    return None if value is None else to_milli(value)


def _opt_decimal(value: int | None):
    return None if value is None else from_milli(value)


def apply_rules(comp: Competition, setup: CompetitionSetup) -> None:
    comp.name = setup.name
    comp.name_en = setup.name_en
    comp.year = setup.year
    comp.organiser = setup.organiser
    comp.description = setup.description
    comp.description_en = setup.description_en
    r = setup.rules
    comp.ranking_scope = r.ranking_scope.value
    comp.aggregation = r.aggregation.value
    comp.trimmed_min_sheets = r.trimmed_min_sheets
    comp.allow_incomplete = r.allow_incomplete
    comp.round_combination = r.round_combination.value
    comp.tie_breaks = json.dumps(list(r.tie_breaks))


def fill_category(row: Category, spec: CategorySpec, position: int) -> None:
    row.code, row.name, row.name_en, row.position = spec.code, spec.name, spec.name_en, position


def fill_round(row: Round, spec: RoundSpec, position: int) -> None:
    row.code = spec.code
    row.name = spec.name
    row.name_en = spec.name_en
    row.position = position
    row.kind = spec.kind.value
    row.weight_milli = to_milli(spec.weight)
    row.blind = spec.blind
    row.advancement = spec.advancement.kind.value
    row.advancement_top_n = spec.advancement.top_n
    row.advancement_threshold_milli = _opt_milli(spec.advancement.threshold)
    row.instructions = spec.instructions
    row.instructions_en = spec.instructions_en


def fill_criterion(row: Criterion, spec: CriterionSpec, position: int) -> None:
    row.code = spec.code
    row.name = spec.name
    row.name_en = spec.name_en
    row.description = spec.description
    row.description_en = spec.description_en
    row.group_name = spec.group
    row.position = position
    row.weight_milli = to_milli(spec.weight)
    row.scale_min_milli = to_milli(spec.scale_min)
    row.scale_max_milli = to_milli(spec.scale_max)
    row.scale_step_milli = to_milli(spec.scale_step)


def level_rows(spec: CriterionSpec) -> list[CriterionLevel]:
    return [
        CriterionLevel(score_milli=to_milli(lv.score), text=lv.text, text_en=lv.text_en)
        for lv in spec.levels
    ]


def fill_tier(row: AwardTier, spec: AwardTierSpec, position: int, category_id: int | None) -> None:
    row.code = spec.code
    row.label = spec.label
    row.label_en = spec.label_en
    row.kind = spec.kind.value
    row.rank_from = spec.rank_from
    row.rank_to = spec.rank_to
    row.min_score_milli = _opt_milli(spec.min_score)
    row.max_score_milli = _opt_milli(spec.max_score)
    row.min_inclusive = spec.min_inclusive
    row.max_inclusive = spec.max_inclusive
    row.category_id = category_id
    row.position = position


def read_setup(session: Session, competition_id: int) -> CompetitionSetup:
    comp = session.get_one(Competition, competition_id)
    categories = session.scalars(
        select(Category).where(Category.competition_id == competition_id).order_by(Category.position)
    ).all()
    category_code = {c.id: c.code for c in categories}
    rounds = session.scalars(
        select(Round).where(Round.competition_id == competition_id).order_by(Round.position)
    ).all()
    round_specs = []
    for rnd in rounds:
        criteria = session.scalars(
            select(Criterion).where(Criterion.round_id == rnd.id).order_by(Criterion.position)
        ).all()
        specs = []
        for c in criteria:
            levels = session.scalars(
                select(CriterionLevel)
                .where(CriterionLevel.criterion_id == c.id)
                .order_by(CriterionLevel.score_milli)
            ).all()
            specs.append(
                CriterionSpec(
                    code=c.code,
                    name=c.name,
                    name_en=c.name_en,
                    description=c.description,
                    description_en=c.description_en,
                    group=c.group_name,
                    weight=from_milli(c.weight_milli),
                    scale_min=from_milli(c.scale_min_milli),
                    scale_max=from_milli(c.scale_max_milli),
                    scale_step=from_milli(c.scale_step_milli),
                    levels=tuple(
                        LevelDescriptor(from_milli(lv.score_milli), lv.text, lv.text_en)
                        for lv in levels
                    ),
                )
            )
        round_specs.append(
            RoundSpec(
                code=rnd.code,
                name=rnd.name,
                name_en=rnd.name_en,
                kind=RoundKind(rnd.kind),
                weight=from_milli(rnd.weight_milli),
                blind=rnd.blind,
                advancement=AdvancementRule(
                    kind=AdvancementKind(rnd.advancement),
                    top_n=rnd.advancement_top_n,
                    threshold=_opt_decimal(rnd.advancement_threshold_milli),
                ),
                criteria=tuple(specs),
                instructions=rnd.instructions,
                instructions_en=rnd.instructions_en,
            )
        )
    tiers = session.scalars(
        select(AwardTier).where(AwardTier.competition_id == competition_id).order_by(AwardTier.position)
    ).all()
    return CompetitionSetup(
        name=comp.name,
        name_en=comp.name_en,
        year=comp.year,
        organiser=comp.organiser,
        description=comp.description,
        description_en=comp.description_en,
        rules=ResultRules(
            ranking_scope=RankingScope(comp.ranking_scope),
            aggregation=AggregationMethod(comp.aggregation),
            trimmed_min_sheets=comp.trimmed_min_sheets,
            allow_incomplete=comp.allow_incomplete,
            round_combination=RoundCombination(comp.round_combination),
            tie_breaks=tuple(json.loads(comp.tie_breaks)),
        ),
        categories=tuple(CategorySpec(c.code, c.name, c.name_en) for c in categories),
        rounds=tuple(round_specs),
        award_tiers=tuple(
            AwardTierSpec(
                code=t.code,
                label=t.label,
                label_en=t.label_en,
                kind=AwardKind(t.kind),
                rank_from=t.rank_from,
                rank_to=t.rank_to,
                min_score=_opt_decimal(t.min_score_milli),
                max_score=_opt_decimal(t.max_score_milli),
                min_inclusive=t.min_inclusive,
                max_inclusive=t.max_inclusive,
                category=category_code.get(t.category_id) if t.category_id else None,
            )
            for t in tiers
        ),
    )

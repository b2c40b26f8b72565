"""Conversion between a competition's setup (core.setup dataclasses) and its rows."""

from __future__ import annotations

import json

from sqlalchemy.orm import Session

from judging_app.core.numbers import from_milli, to_milli
from judging_app.core.setup import (
    AwardTierSpec,
    CategorySpec,
    CompetitionSetup,
    CriterionSpec,
    RoundSpec,
)
from judging_app.store import setup_read
from judging_app.store.models import (
    AwardTier,
    Category,
    Competition,
    Criterion,
    CriterionLevel,
    Round,
)
from judging_app.store.rows import RowReader


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
    """The competition's setup as of the session's transaction (store.setup_read)."""
    return setup_read.read_setup(RowReader.of_session(session), competition_id)

"""Reading a competition's setup (core.setup dataclasses) from its rows with plain SQL on a
`RowReader`: shared by the SQLAlchemy session path (store.setup_rows.read_setup) and the
read-only results command that runs without SQLAlchemy."""

from __future__ import annotations

import json
from dataclasses import dataclass

from judging_app.core.enums import (
    AdvancementKind,
    AggregationMethod,
    AwardKind,
    RankingScope,
    RoundCombination,
    RoundKind,
)
from judging_app.core.numbers import from_milli
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
from judging_app.store.rows import RowReader


@dataclass(frozen=True)
class CompetitionRow:
    """The competition's own row, as the results need it."""

    id: int
    code: str
    name: str
    status: str
    round_combination: str


def find_competition(reader: RowReader, ref: str | int) -> CompetitionRow | None:
    """By code first, then by id (int or digits); None when there is none."""
    columns = "SELECT id, code, name, status, round_combination FROM competitions WHERE "
    row = reader.one(columns + "code = :code", {"code": str(ref)})
    if row is None and (isinstance(ref, int) or (isinstance(ref, str) and ref.isdigit())):
        row = reader.one(columns + "id = :id", {"id": int(ref)})
    return None if row is None else CompetitionRow(*row)


def _opt_decimal(value: int | None):
    return None if value is None else from_milli(value)


_LEVELS = ("SELECT l.criterion_id, l.score_milli, l.text, l.text_en FROM criterion_levels l"
           " JOIN criteria c ON c.id = l.criterion_id")
_CRITERIA = ("SELECT c.round_id, c.id, c.code, c.name, c.name_en, c.description,"
             " c.description_en, c.group_name, c.weight_milli, c.scale_min_milli,"
             " c.scale_max_milli, c.scale_step_milli FROM criteria c")


def _levels(rows: list[tuple]) -> dict[int, list[LevelDescriptor]]:
    out: dict[int, list[LevelDescriptor]] = {}
    for cid, score, text, text_en in rows:
        out.setdefault(cid, []).append(LevelDescriptor(from_milli(score), text, text_en))
    return out


def _criteria(rows, levels: dict[int, list[LevelDescriptor]]) -> tuple[CriterionSpec, ...]:
    return tuple(
        CriterionSpec(
            code=ccode, name=cname, name_en=cname_en, description=desc,
            description_en=desc_en, group=group, weight=from_milli(w),
            scale_min=from_milli(lo), scale_max=from_milli(hi), scale_step=from_milli(step),
            levels=tuple(levels.get(cid, ())),
        )
        for cid, ccode, cname, cname_en, desc, desc_en, group, w, lo, hi, step in rows
    )


def round_criteria_rows(reader: RowReader, round_id: int) -> tuple[tuple, tuple]:
    """One round's criteria and their levels as stored (plain values, two statements):
    equal rows give equal `criteria_specs`."""
    return (tuple(row[1:] for row in reader.all(
                _CRITERIA + " WHERE c.round_id = :id ORDER BY c.position", {"id": round_id})),
            tuple(reader.all(_LEVELS + " WHERE c.round_id = :id"
                             " ORDER BY l.criterion_id, l.score_milli", {"id": round_id})))


def criteria_specs(criteria_rows: tuple, level_rows: tuple) -> tuple[CriterionSpec, ...]:
    """The criteria of `round_criteria_rows`, in order, as `read_setup` gives them."""
    return _criteria(criteria_rows, _levels(level_rows))


def read_setup(reader: RowReader, competition_id: int) -> CompetitionSetup:
    comp = reader.one(
        "SELECT name, name_en, year, organiser, description, description_en, ranking_scope,"
        " aggregation, trimmed_min_sheets, allow_incomplete, round_combination, tie_breaks"
        " FROM competitions WHERE id = :id", {"id": competition_id})
    if comp is None:
        raise LookupError(f"no competition with id {competition_id}")
    (name, name_en, year, organiser, description, description_en, scope, aggregation,
     trimmed, allow_incomplete, combination, tie_breaks) = comp
    categories = reader.all(
        "SELECT id, code, name, name_en FROM categories WHERE competition_id = :id"
        " ORDER BY position", {"id": competition_id})
    category_code = {cid: code for cid, code, _n, _e in categories}
    rounds = reader.all(
        "SELECT id, code, name, name_en, kind, weight_milli, blind, advancement,"
        " advancement_top_n, advancement_threshold_milli, instructions, instructions_en"
        " FROM rounds WHERE competition_id = :id ORDER BY position", {"id": competition_id})
    criteria: dict[int, list[tuple]] = {}
    for row in reader.all(
        _CRITERIA + " JOIN rounds r ON r.id = c.round_id WHERE r.competition_id = :id"
        " ORDER BY c.round_id, c.position", {"id": competition_id}
    ):
        criteria.setdefault(row[0], []).append(row[1:])
    levels = _levels(reader.all(
        _LEVELS + " JOIN rounds r ON r.id = c.round_id WHERE r.competition_id = :id"
        " ORDER BY l.criterion_id, l.score_milli", {"id": competition_id}))
    round_specs = []
    for (rid, code, rname, rname_en, kind, weight, blind, advancement, top_n, threshold,
         instructions, instructions_en) in rounds:
        specs = _criteria(criteria.get(rid, ()), levels)
        round_specs.append(RoundSpec(
            code=code, name=rname, name_en=rname_en, kind=RoundKind(kind),
            weight=from_milli(weight), blind=bool(blind),
            advancement=AdvancementRule(
                kind=AdvancementKind(advancement), top_n=top_n,
                threshold=_opt_decimal(threshold),
            ),
            criteria=specs, instructions=instructions, instructions_en=instructions_en,
        ))
    tiers = reader.all(
        "SELECT code, label, label_en, kind, rank_from, rank_to, min_score_milli,"
        " max_score_milli, min_inclusive, max_inclusive, category_id FROM award_tiers"
        " WHERE competition_id = :id ORDER BY position", {"id": competition_id})
    return CompetitionSetup(
        name=name, name_en=name_en, year=year, organiser=organiser, description=description,
        description_en=description_en,
        rules=ResultRules(
            ranking_scope=RankingScope(scope),
            aggregation=AggregationMethod(aggregation),
            trimmed_min_sheets=trimmed,
            allow_incomplete=bool(allow_incomplete),
            round_combination=RoundCombination(combination),
            tie_breaks=tuple(json.loads(tie_breaks)),
        ),
        categories=tuple(CategorySpec(code, cname, cname_en) for _i, code, cname, cname_en in categories),
        rounds=tuple(round_specs),
        award_tiers=tuple(
            AwardTierSpec(
                code=code, label=label, label_en=label_en, kind=AwardKind(kind),
                rank_from=rank_from, rank_to=rank_to,
                min_score=_opt_decimal(low), max_score=_opt_decimal(high),
                min_inclusive=bool(low_in), max_inclusive=bool(high_in),
                category=category_code.get(cat) if cat else None,
            )
            for code, label, label_en, kind, rank_from, rank_to, low, high, low_in, high_in, cat
            in tiers
        ),
    )

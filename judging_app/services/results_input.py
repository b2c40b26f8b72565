"""Loading what the scoring engine needs from the database, cheaply (see store.score_queries)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import DecisionKind, RoundCombination, RoundKind
from judging_app.core.numbers import from_milli
from judging_app.core.scoring import (
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    SheetTotals,
)
from judging_app.core.setup import AdvancementRule, CompetitionSetup
from judging_app.services import lookup
from judging_app.store import score_queries, setup_rows
from judging_app.store.models import (
    Assignment,
    Category,
    Competition,
    Criterion,
    Decision,
    Entry,
    Round,
    ScoreSheet,
    Unit,
)


@dataclass(frozen=True)
class ResultsInput:
    competition: Competition
    setup: CompetitionSetup
    entries: list[EntryInfo]
    rounds: list[RoundData]
    chair_decisions: dict[int, int]
    category_order: list[str]
    category_names: dict[str, str]
    combination: RoundCombination  # what the ranking uses (may differ from the rules)
    note: str | None = None  # why it differs


def _round_info(s: Session, rnd: Round, spec_by_code) -> RoundInfo:
    crits = s.scalars(select(Criterion).where(Criterion.round_id == rnd.id).order_by(Criterion.position))
    spec = spec_by_code[rnd.code]
    return RoundInfo(
        id=rnd.id, code=rnd.code, position=rnd.position, weight=from_milli(rnd.weight_milli),
        criteria=tuple(
            CriterionInfo(c.id, c.code, from_milli(c.weight_milli), from_milli(c.scale_max_milli), c.position)
            for c in crits
        ),
        advancement=spec.advancement if spec else AdvancementRule(),
    )


def _round_data(s: Session, info: RoundInfo) -> RoundData:
    lcm = score_queries.round_lcm(s, info.id)
    rows = score_queries.sheet_numerators(s, info.id, lcm)

    def provider(entry_ids):
        # Values in integer thousandths: tie-breaks only compare them with each other.
        sheets: dict[tuple[int, int], dict[int, int]] = {}
        for e, j, c, v in score_queries.criterion_scores_milli(s, info.id, entry_ids):
            sheets.setdefault((e, j), {})[c] = v
        return [SheetScores(info.id, j, e, scores) for (e, j), scores in sorted(sheets.items())]

    def summaries():
        return score_queries.criterion_summaries_milli(s, info.id)

    def values(criterion_id):
        return score_queries.criterion_values_milli(s, info.id, criterion_id)

    return RoundData(info, SheetTotals(1000 * lcm, rows),
                     score_queries.expected_sheet_counts(s, info.id), provider, summaries, values)


def rounds_to_rank(
    s: Session, comp: Competition, round_code: str | None
) -> tuple[list[Round], RoundCombination, str | None]:
    """The scored rounds whose scores make the result (ordered by position), how they
    combine, and a note when that is not what the rules say.

    A named round: that round alone. Otherwise: every scored round when rounds are combined
    by weight, as long as the last one has started (has assignments); before that, the last
    round that has started, alone. With 'last round': the last scored round that has a
    submitted sheet (or the first scored round when nothing is submitted yet)."""
    scored = list(s.scalars(
        select(Round).where(Round.competition_id == comp.id, Round.kind == RoundKind.SCORED.value)
        .order_by(Round.position)
    ))
    if not scored:
        raise lookup.NotFoundError(f"Competition {comp.code!r} has no scored round.")
    if round_code is not None:
        rnd = lookup.round_(s, comp.id, round_code)
        if rnd.kind != RoundKind.SCORED.value:
            raise lookup.NotFoundError(f"Round {round_code!r} is a screening round; it has no scores.")
        return [rnd], RoundCombination.LAST_ROUND, None
    if comp.round_combination == RoundCombination.WEIGHTED.value:
        assigned = set(s.scalars(select(Assignment.round_id).distinct()))
        started = [r for r in scored if r.id in assigned] or scored[:1]
        if started[-1].id == scored[-1].id:
            return scored, RoundCombination.WEIGHTED, None
        note = (f"Round {scored[-1].code!r} has not started, so the weighted final score cannot "
                f"be computed yet; showing round {started[-1].code!r} alone.")
        return [started[-1]], RoundCombination.LAST_ROUND, note
    with_sheets = set(s.scalars(
        select(ScoreSheet.round_id).where(ScoreSheet.state == "submitted").distinct()
    ))
    started = [r for r in scored if r.id in with_sheets]
    return [started[-1] if started else scored[0]], RoundCombination.LAST_ROUND, None


def chair_decisions(s: Session, comp_id: int, entry_ids: dict[str, int]) -> dict[int, int]:
    """Entry id -> position (1 = best) from recorded tie-break decisions, latest last."""
    out: dict[int, int] = {}
    rows = s.scalars(select(Decision).where(
        Decision.competition_id == comp_id, Decision.kind == DecisionKind.TIE_BREAK.value
    ).order_by(Decision.id))
    known = set(entry_ids.values())
    for d in rows:
        outcome = json.loads(d.outcome)
        if "entry_ids" in outcome:  # by id: survives a change of entry codes
            ordered = [e for e in outcome["entry_ids"] if e in known]
        else:
            ordered = [entry_ids[c] for c in outcome.get("order", []) if c in entry_ids]
        for position, entry_id in enumerate(ordered, start=1):
            out[entry_id] = position
    return out


def load_results_input(s: Session, competition: str | int, round_code: str | None = None) -> ResultsInput:
    comp = lookup.competition(s, competition)
    setup = setup_rows.read_setup(s, comp.id)
    spec_by_code = {r.code: r for r in setup.rounds}
    rows = s.execute(
        select(Entry.id, Entry.code, Entry.title, Unit.name, Category.code)
        .join(Unit, Unit.id == Entry.unit_id).join(Category, Category.id == Entry.category_id)
        .where(Entry.competition_id == comp.id, Entry.status == "eligible")
    ).all()
    entries = [EntryInfo(i, code, title, unit, cat) for i, code, title, unit, cat in rows]
    chosen, combination, note = rounds_to_rank(s, comp, round_code)
    rounds = [_round_data(s, _round_info(s, r, spec_by_code)) for r in chosen]
    codes = {e.code: e.id for e in entries}
    return ResultsInput(
        competition=comp, setup=setup, entries=entries, rounds=rounds,
        chair_decisions=chair_decisions(s, comp.id, codes),
        category_order=[c.code for c in setup.categories],
        category_names={c.code: c.name for c in setup.categories},
        combination=combination, note=note,
    )

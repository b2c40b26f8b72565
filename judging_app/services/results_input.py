"""Loading what the scoring engine needs from the database, cheaply: plain SQL on a
`RowReader` (store.rows), so that the read-only results command can run without SQLAlchemy.
Callers inside a session pass the session; it is wrapped."""

from __future__ import annotations

import dataclasses
import json
from dataclasses import dataclass
from typing import Any

from judging_app.core.enums import DecisionKind, RoundCombination, RoundKind
from judging_app.core.messages import Message
from judging_app.core.numbers import from_milli
from judging_app.core.scoring import (
    CriterionInfo,
    EntryInfo,
    RoundData,
    RoundInfo,
    SheetScores,
    SheetTotals,
)
from judging_app.core.scoring.inputs import LazyRows
from judging_app.core.setup import AdvancementRule, CompetitionSetup, ResultRules
from judging_app.services.errors import NotFoundError
from judging_app.store import score_queries, setup_read
from judging_app.store.rows import RowReader
from judging_app.store.setup_read import CompetitionRow


def as_reader(source: Any) -> RowReader:
    """A RowReader as it is, or one on a SQLAlchemy session's connection."""
    return source if isinstance(source, RowReader) else RowReader.of_session(source)


def competition_row(reader: RowReader, ref: str | int) -> CompetitionRow:
    comp = setup_read.find_competition(reader, ref)
    if comp is None:
        raise NotFoundError(Message("lookup.no_competition", ref=ref))
    return comp


@dataclass(frozen=True)
class ResultsInput:
    competition: CompetitionRow
    setup: CompetitionSetup
    entries: list[EntryInfo]
    rounds: list[RoundData]
    chair_decisions: dict[int, int]
    category_order: list[str]
    category_names: dict[str, str]
    combination: RoundCombination  # what the ranking uses (may differ from the rules)
    note: Message | None = None  # why it differs

    def read_sheet_totals(self) -> None:
        """Read the per-sheet totals now (they are read on first use otherwise), for a
        caller that uses them after the transaction."""
        for data in self.rounds:
            len(data.totals.rows)


def rules_for(inp: ResultsInput) -> ResultRules:
    """The competition's rules, combining rounds as this ranking does (`inp.combination`)."""
    return dataclasses.replace(inp.setup.rules, round_combination=inp.combination)


@dataclass(frozen=True)
class _Round:
    id: int
    code: str
    position: int
    kind: str
    weight_milli: int


def _round_info(reader: RowReader, rnd: _Round, spec_by_code) -> RoundInfo:
    crits = reader.all(
        "SELECT id, code, weight_milli, scale_max_milli, position FROM criteria"
        " WHERE round_id = :r ORDER BY position", {"r": rnd.id})
    spec = spec_by_code[rnd.code]
    return RoundInfo(
        id=rnd.id, code=rnd.code, position=rnd.position, weight=from_milli(rnd.weight_milli),
        criteria=tuple(
            CriterionInfo(cid, code, from_milli(w), from_milli(m), position)
            for cid, code, w, m, position in crits
        ),
        advancement=spec.advancement if spec else AdvancementRule(),
    )


def _round_data(reader: RowReader, info: RoundInfo, entry_ids: set[int]) -> RoundData:
    lcm = score_queries.round_lcm(reader, info.id)
    rid = info.id

    totals: list = []  # entry_round_totals, read once for both uses below

    def round_totals():
        if not totals:
            totals.append(score_queries.entry_round_totals(reader, rid))
        return totals[0]

    def entry_sums():
        return [(e, n, s) for e, n, s, _k, _m in round_totals() if e in entry_ids]

    keys: dict[str, dict] = {}  # built once, whichever rankings ask (rank stability: several)

    def criteria_keys():
        if "mean" not in keys:
            keys["mean"] = {e: k for e, _n, _s, k, _m in round_totals()}
        return keys["mean"]

    def median_keys():
        if "median" not in keys:
            keys["median"] = {e: m for e, _n, _s, _k, m in round_totals()}
        return keys["median"]

    expected = score_queries.expected_sheet_counts(reader, rid)
    most: list[int] = []  # read once, on the first tie-break that needs it

    def criterion_keys(criterion_id, floor, entry_ids, median=False):
        if not most:
            most.append(score_queries.max_sheets(reader, rid))
        return score_queries.criterion_keys(reader, rid, criterion_id, floor, most[0], entry_ids,
                                            median)

    def provider(entry_ids):
        # Values in integer thousandths: tie-breaks only compare them with each other.
        sheets: dict[tuple[int, int], dict[int, int]] = {}
        for e, j, c, v in score_queries.criterion_scores_milli(reader, rid, entry_ids):
            sheets.setdefault((e, j), {})[c] = v
        return [SheetScores(rid, j, e, scores) for (e, j), scores in sorted(sheets.items())]

    return RoundData(
        info,
        SheetTotals(1000 * lcm, LazyRows(lambda: [
            r for r in score_queries.sheet_numerators(reader, rid) if r[0] in entry_ids])),
        {e: n for e, n in expected.items() if e in entry_ids},
        criterion_scores=provider,
        criterion_summaries=lambda criterion_id, extremes=True: (
            score_queries.criterion_summaries_milli(reader, rid, criterion_id, extremes)),
        criterion_values=lambda criterion_id: (
            score_queries.criterion_values_milli(reader, rid, criterion_id)),
        entry_sums=LazyRows(entry_sums),
        criterion_keys=criterion_keys,
        mean_criteria_keys=criteria_keys,
        median_criteria_keys=median_keys,
        sheet_totals_of=lambda wanted: [
            r for r in score_queries.sheet_numerators_of(reader, rid, wanted) if r[0] in entry_ids],
    )


def _scored_rounds(reader: RowReader, comp_id: int) -> list[_Round]:
    return [_Round(*r) for r in reader.all(
        "SELECT id, code, position, kind, weight_milli FROM rounds"
        " WHERE competition_id = :c AND kind = :k ORDER BY position",
        {"c": comp_id, "k": RoundKind.SCORED.value})]


def rounds_to_rank(
    source: Any, comp: CompetitionRow, round_code: str | None
) -> tuple[list[_Round], RoundCombination, Message | None]:
    """The scored rounds whose scores make the result (ordered by position), how they
    combine, and a note when that is not what the rules say.

    A named round: that round alone. Otherwise: every scored round when rounds are combined
    by weight, as long as the last one has started (has assignments); before that, the last
    round that has started, alone. With 'last round': the last scored round that has a
    submitted sheet (or the first scored round when nothing is submitted yet)."""
    reader = as_reader(source)
    scored = _scored_rounds(reader, comp.id)
    if not scored:
        raise NotFoundError(Message("lookup.no_scored_round", competition=comp.code))
    if round_code is not None:
        row = reader.one(
            "SELECT id, code, position, kind, weight_milli FROM rounds"
            " WHERE competition_id = :c AND code = :code", {"c": comp.id, "code": round_code})
        if row is None:
            raise NotFoundError(Message("lookup.no_round", code=round_code))
        rnd = _Round(*row)
        if rnd.kind != RoundKind.SCORED.value:
            raise NotFoundError(Message("lookup.screening_round_no_scores", round=round_code))
        return [rnd], RoundCombination.LAST_ROUND, None
    ids = [r.id for r in scored]
    if comp.round_combination == RoundCombination.WEIGHTED.value:
        assigned = {r for r in ids if reader.one(
            "SELECT 1 FROM assignments WHERE round_id = :r LIMIT 1", {"r": r})}
        started = [r for r in scored if r.id in assigned] or scored[:1]
        if started[-1].id == scored[-1].id:
            return scored, RoundCombination.WEIGHTED, None
        note = Message("results.note.last_round_not_started", last=scored[-1].code,
                       shown=started[-1].code)
        return [started[-1]], RoundCombination.LAST_ROUND, note
    with_sheets = {r for r in ids if reader.one(
        "SELECT 1 FROM entry_round_totals WHERE round_id = :r LIMIT 1", {"r": r})}
    started = [r for r in scored if r.id in with_sheets]
    return [started[-1] if started else scored[0]], RoundCombination.LAST_ROUND, None


def chair_decisions(source: Any, comp_id: int, entry_ids: dict[str, int]) -> dict[int, int]:
    """Entry id -> position (1 = best) from recorded tie-break decisions, latest last."""
    out: dict[int, int] = {}
    rows = as_reader(source).column(
        "SELECT outcome FROM decisions WHERE competition_id = :c AND kind = :k ORDER BY id",
        {"c": comp_id, "k": DecisionKind.TIE_BREAK.value})
    known = set(entry_ids.values())
    for text in rows:
        outcome = json.loads(text)
        if "entry_ids" in outcome:  # by id: survives a change of entry codes
            ordered = [e for e in outcome["entry_ids"] if e in known]
        else:
            ordered = [entry_ids[c] for c in outcome.get("order", []) if c in entry_ids]
        for position, entry_id in enumerate(ordered, start=1):
            out[entry_id] = position
    return out


def load_results_input(source: Any, competition: str | int, round_code: str | None = None,
                       *, titles: bool = True) -> ResultsInput:
    """Everything the engine needs to rank a competition (or one round). Without `titles`
    the entries come without their title and unit (empty title, no unit): for a caller that
    shows neither (30,000 titles and the join with the units are most of what reading the
    entries costs; the join never drops an entry: its unit is a required foreign key)."""
    reader = as_reader(source)
    comp = competition_row(reader, competition)
    setup = setup_read.read_setup(reader, comp.id)
    spec_by_code = {r.code: r for r in setup.rounds}
    details = "e.title, u.name" if titles else "'', NULL"
    units = " JOIN units u ON u.id = e.unit_id" if titles else ""
    rows = reader.all(
        f"SELECT e.id, e.code, {details}, c.code FROM entries e{units}"
        " JOIN categories c ON c.id = e.category_id"
        " WHERE e.competition_id = :c AND e.status = 'eligible'", {"c": comp.id})
    entries = [EntryInfo._make(row) for row in rows]
    chosen, combination, note = rounds_to_rank(reader, comp, round_code)
    eligible = {e.id for e in entries}
    rounds = [_round_data(reader, _round_info(reader, r, spec_by_code), eligible) for r in chosen]
    codes = {e.code: e.id for e in entries}
    return ResultsInput(
        competition=comp, setup=setup, entries=entries, rounds=rounds,
        chair_decisions=chair_decisions(reader, comp.id, codes),
        category_order=[c.code for c in setup.categories],
        category_names={c.code: c.name for c in setup.categories},
        combination=combination, note=note,
    )

"""What the Results view shows, read and prepared on a worker thread (`load_results`): the
competition's setup, status, snapshot, chairs and scored rounds, the results of the round
and method asked for, whether they can be finalized, the winners overview and the ranking
split by category. The GUI thread then only assigns (issue 11: on the 30,000-entry demo
these reads and the winners took the window's event loop for over a tenth of a second)."""

from __future__ import annotations

from dataclasses import dataclass, field

from judging_app.core.enums import AggregationMethod, JudgeRole
from judging_app.core.scoring import RankedRow
from judging_app.core.scoring.winners import CategoryWinners, winners
from judging_app.core.setup import CompetitionSetup
from judging_app.services import competitions, judges, progress, results
from judging_app.services.results import ResultsView as ComputedResults
from judging_app.store.database import Database


@dataclass(frozen=True)
class ResultsContext:
    """The competition around its results (what the bar, the hints and the actions need)."""

    setup: CompetitionSetup
    status: str
    snapshot: progress.SnapshotInfo | None
    chairs: tuple[str, ...]  # names of the chairs (the tie decision's default signatory)
    rounds: tuple[progress.RoundChoice, ...]  # the scored rounds, in order


@dataclass(frozen=True)
class LoadedResults:
    context: ResultsContext
    round_code: str | None  # None: all rounds (the final result)
    method: AggregationMethod
    computed: ComputedResults | None = None  # None while no round is scored
    readiness: progress.FinalizeReadiness | None = None
    winners: tuple[CategoryWinners, ...] = ()
    # the ranking per category (None: overall), categories in the results' order
    by_group: dict[str | None, tuple[RankedRow, ...]] = field(default_factory=dict)


def read_context(db: Database, competition: str) -> ResultsContext:
    return ResultsContext(
        competitions.get_setup(db, competition),
        competitions.get_summary(db, competition).status,
        progress.final_snapshot(db, competition),
        tuple(j.name for j in judges.list_judges(db, competition) if j.role == JudgeRole.CHAIR),
        tuple(progress.scored_rounds(db, competition)))


def load_results(db: Database, competition: str, round_code: str | None,
                 method: AggregationMethod | None) -> LoadedResults:
    """The context and the results of `round_code` (dropped when that round is gone) with
    `method` (None: the competition's own)."""
    context = read_context(db, competition)
    if round_code not in {r.code for r in context.rounds}:
        round_code = None
    method = method or context.setup.rules.aggregation
    if not context.rounds:
        return LoadedResults(context, round_code, method)
    computed = results.compute(db, competition, round_code, method)
    by_group: dict[str | None, list[RankedRow]] = {}
    for row in computed.results.rows:
        by_group.setdefault(row.group, []).append(row)
    return LoadedResults(
        context, round_code, method, computed,
        progress.finalize_readiness(computed, context.status),
        tuple(winners(computed.results)),
        {g: tuple(rows) for g, rows in by_group.items()})


@dataclass(frozen=True)
class Names:
    """Codes -> names in the language shown (English names where given, else Indonesian)."""

    tiers: dict[str, str] = field(default_factory=dict)
    categories: dict[str, str] = field(default_factory=dict)
    rounds: dict[str, str] = field(default_factory=dict)
    criteria: dict[str, str] = field(default_factory=dict)  # the latest round's first


def names_in(context: ResultsContext | None, english: bool) -> Names:
    if context is None:
        return Names()

    def name(local: str, en: str) -> str:
        return en or local if english else local

    setup = context.setup
    return Names(
        {t.code: name(t.label, t.label_en) for t in setup.award_tiers},
        {c.code: name(c.name, c.name_en) for c in setup.categories},
        {r.code: name(r.name, r.name_en) for r in context.rounds},
        {c.code: name(c.name, c.name_en) for rnd in setup.rounds for c in rnd.criteria})

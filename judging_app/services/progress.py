"""Read use cases on a competition's way to its results.

* `round_progress`: per judge and per entry of a scored round, how many score sheets are
  submitted, in draft, or not started; the entries that block the results (fewer submitted
  sheets than expected while the rules do not allow incomplete entries — the same rule the
  results use, see docs/results.md). Counts follow the results: assignments of judges
  without a conflict, eligible entries only.
* `finalize_readiness`: what still stops `results.finalize`, read from computed results.
* `final_snapshot`: the frozen result snapshot of a finalized competition (its digest).
* `judge_distributions`: every judge's sheet totals per round and ranking group, with the
  five-number summary (exact), for the fairness plots.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from sqlalchemy import and_, case, exists, func, select

from judging_app.core.enums import (
    CompetitionStatus,
    EntryStatus,
    RoundKind,
    SheetState,
)
from judging_app.core.messages import Message
from judging_app.services import lookup
from judging_app.services.assignments import round_entry_ids
from judging_app.services.fairness_view import (  # noqa: F401 (read here by the views)
    Distributions,
    JudgeDistribution,
    distribution,
    distributions_of,
)
from judging_app.services.results import ResultsView
from judging_app.services.results_input import load_results_input
from judging_app.store.database import Database
from judging_app.store.models import (
    Assignment,
    Category,
    Conflict,
    Entry,
    Judge,
    ResultSnapshot,
    Round,
    ScoreSheet,
    Unit,
)
from judging_app.store.rows import RowReader


@dataclass(frozen=True)
class RoundChoice:
    code: str
    name: str
    name_en: str
    started: bool  # has assignments


@dataclass(frozen=True)
class JudgeProgress:
    code: str
    name: str
    active: bool
    assigned: int
    submitted: int
    draft: int

    @property
    def not_started(self) -> int:
        return self.assigned - self.submitted - self.draft

    @property
    def percent_submitted(self) -> int:
        """Whole percent of the assigned sheets submitted (rounded down; 0 when none)."""
        return self.submitted * 100 // self.assigned if self.assigned else 0


@dataclass(frozen=True)
class EntryProgress:
    code: str
    title: str
    unit: str
    category: str  # code
    category_name: str
    expected: int  # assignments of judges without a conflict
    submitted: int
    draft: int
    blocking: bool  # the results cannot be final while this entry misses sheets

    @property
    def missing(self) -> int:
        """Expected sheets nobody has started."""
        return self.expected - self.submitted - self.draft

    @property
    def assigned(self) -> bool:
        return self.expected > 0

    @property
    def complete(self) -> bool:
        return self.assigned and self.submitted >= self.expected


@dataclass(frozen=True)
class RoundProgress:
    competition_code: str
    round_code: str
    allow_incomplete: bool
    judges: tuple[JudgeProgress, ...]
    entries: tuple[EntryProgress, ...]

    # counted once (30,000 entries; the view asks on every retranslation)
    @cached_property
    def expected(self) -> int:
        return sum(e.expected for e in self.entries)

    @cached_property
    def submitted(self) -> int:
        return sum(e.submitted for e in self.entries)

    @cached_property
    def draft(self) -> int:
        return sum(e.draft for e in self.entries)

    @cached_property
    def not_started(self) -> int:
        return sum(e.missing for e in self.entries)

    @property
    def percent_submitted(self) -> int:
        return self.submitted * 100 // self.expected if self.expected else 0

    @property
    def blocking_entries(self) -> tuple[EntryProgress, ...]:
        return tuple(e for e in self.entries if e.blocking)

    @property
    def unassigned_entries(self) -> tuple[EntryProgress, ...]:
        return tuple(e for e in self.entries if not e.assigned)


def scored_rounds(db: Database, competition: str | int) -> list[RoundChoice]:
    """The competition's scored rounds in order, and whether each has started."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        started = set(s.scalars(select(Assignment.round_id).distinct()))
        rounds = s.scalars(select(Round).where(
            Round.competition_id == comp.id, Round.kind == RoundKind.SCORED.value,
        ).order_by(Round.position))
        return [RoundChoice(r.code, r.name, r.name_en, r.id in started) for r in rounds]


def default_round(rounds: Sequence[RoundChoice]) -> str | None:
    """The round to show first: the last one that has started, else the first one."""
    started = [r for r in rounds if r.started]
    return (started[-1] if started else rounds[0]).code if rounds else None


def _sheet_counts(s, round_id: int, key):
    """key -> (assigned, submitted, draft) over the counted assignments of a round."""
    state = ScoreSheet.state
    q = (
        select(key, func.count(),
               func.sum(case((state == SheetState.SUBMITTED.value, 1), else_=0)),
               func.sum(case((state == SheetState.DRAFT.value, 1), else_=0)))
        .select_from(Assignment)
        .join(Entry, and_(Entry.id == Assignment.entry_id,
                          Entry.status == EntryStatus.ELIGIBLE.value))
        .outerjoin(ScoreSheet, and_(ScoreSheet.round_id == Assignment.round_id,
                                    ScoreSheet.judge_id == Assignment.judge_id,
                                    ScoreSheet.entry_id == Assignment.entry_id))
        .where(Assignment.round_id == round_id,
               ~exists().where(Conflict.judge_id == Assignment.judge_id,
                               Conflict.entry_id == Assignment.entry_id))
        .group_by(key)
    )
    return {k: (int(n), int(sub or 0), int(dr or 0)) for k, n, sub, dr in s.execute(q)}


def round_progress(db: Database, competition: str | int, round_code: str | None = None
                   ) -> RoundProgress:
    """Sheets of a scored round (default: `default_round`) per judge and per entry."""
    if round_code is None:
        round_code = default_round(scored_rounds(db, competition))
        if round_code is None:
            raise lookup.NotFoundError(Message("lookup.no_scored_round", competition=competition))
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = lookup.round_(s, comp.id, round_code)
        if rnd.kind != RoundKind.SCORED.value:
            raise lookup.NotFoundError(Message("lookup.screening_round_no_scores",
                                                 round=round_code))
        by_judge = _sheet_counts(s, rnd.id, Assignment.judge_id)
        by_entry = _sheet_counts(s, rnd.id, Assignment.entry_id)
        judges = []
        for jid, code, name, active in s.execute(
            select(Judge.id, Judge.code, Judge.name, Judge.active)
            .where(Judge.competition_id == comp.id).order_by(Judge.code)
        ):
            n, sub, dr = by_judge.get(jid, (0, 0, 0))
            if active or n:
                judges.append(JudgeProgress(code, name, bool(active), n, sub, dr))
        in_round = set(round_entry_ids(s, comp.id, rnd)) | set(by_entry)
        entries = []
        for eid, code, title, unit, cat, cat_name in s.execute(
            select(Entry.id, Entry.code, Entry.title, Unit.name, Category.code, Category.name)
            .join(Unit, Unit.id == Entry.unit_id).join(Category, Category.id == Entry.category_id)
            .where(Entry.competition_id == comp.id, Entry.status == EntryStatus.ELIGIBLE.value)
            .order_by(Entry.code)
        ):
            if eid not in in_round:
                continue
            n, sub, dr = by_entry.get(eid, (0, 0, 0))
            blocking = not comp.allow_incomplete and sub < n
            entries.append(EntryProgress(code, title, unit, cat, cat_name, n, sub, dr, blocking))
        return RoundProgress(comp.code, rnd.code, bool(comp.allow_incomplete), tuple(judges),
                             tuple(entries))


def blocking_entries(db: Database, competition: str | int, round_code: str | None = None
                     ) -> tuple[EntryProgress, ...]:
    """Entries of the round whose missing sheets keep the results from being final."""
    return round_progress(db, competition, round_code).blocking_entries


@dataclass(frozen=True)
class FinalizeReadiness:
    status: str
    blocking_ties: int
    incomplete_entries: tuple[str, ...]  # codes of unranked incomplete entries

    @property
    def ready(self) -> bool:
        return (self.status == CompetitionStatus.JUDGING.value and not self.blocking_ties
                and not self.incomplete_entries)


def finalize_readiness(view: ResultsView, status: str) -> FinalizeReadiness:
    """What `results.finalize` would refuse, read from the results it would freeze (all
    rounds, the competition's method) and the competition's status."""
    res = view.results
    incomplete = tuple(view.entries[r.entry_id].code for r in res.rows
                       if r.incomplete and r.rank is None)
    return FinalizeReadiness(status, len(res.blocking_ties), incomplete)


@dataclass(frozen=True)
class SnapshotInfo:
    digest: str
    created_at: datetime
    created_by: str
    method: str


def final_snapshot(db: Database, competition: str | int) -> SnapshotInfo | None:
    """The latest result snapshot of the competition (None before finalizing)."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        snap = s.scalars(select(ResultSnapshot).where(ResultSnapshot.competition_id == comp.id)
                         .order_by(ResultSnapshot.id.desc()).limit(1)).first()
        if snap is None:
            return None
        return SnapshotInfo(snap.digest, snap.created_at, snap.created_by, snap.method)


def judge_distributions(db: Database, competition: str | int, round_code: str | None = None
                        ) -> Distributions:
    """(round id, group) -> each judge's counted sheet totals there, the same panels as
    `results.fairness` (group = category, or None when ranking overall)."""
    with db.read() as s:
        reader = RowReader.of_session(s)
        inp = load_results_input(reader, competition, round_code)
        names = {j: (c, n) for j, c, n in reader.all(
            "SELECT id, code, name FROM judges WHERE competition_id = :c",
            {"c": inp.competition.id})}
        return distributions_of(inp, names)

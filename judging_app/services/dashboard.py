"""A competition at a glance: where it stands in its life, its counts, and what to do next.

* `dashboard(db, competition)`: the stage (setup → registration → screening → judging →
  results → finalized), the counts (entries by status, active judges, the current scored
  round's assignments and sheets submitted / expected) and the next actions, from a few
  aggregate queries (no row per entry is read: fast on 30,000 entries).
* `undecided(db, competition)`: what still keeps the results from being final (blocking
  ties, entries missing sheets, sheets not submitted): it computes the results, so callers
  run it in the background. `with_undecided` adds it to a dashboard (the next actions then
  include deciding ties or finalizing).

The stage is derived, not stored: the competition's status says draft / registration /
judging / finalized; within registration, screening has begun once an entry has been
declared eligible, disqualified or withdrawn; within judging, the results stage starts when
every expected sheet of the last scored round is submitted.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import and_, case, exists, func, select

from judging_app.core.enums import (
    CompetitionStatus,
    EntryStatus,
    JudgeRole,
    RoundKind,
    SheetState,
)
from judging_app.services import lookup
from judging_app.store.database import Database
from judging_app.store.models import Assignment, Conflict, Entry, Judge, Round, ScoreSheet


class Stage(StrEnum):
    SETUP = "setup"
    REGISTRATION = "registration"
    SCREENING = "screening"
    JUDGING = "judging"
    RESULTS = "results"
    FINALIZED = "finalized"


STAGES = tuple(Stage)


class NextAction(StrEnum):
    """What the secretariat should do next; the UI turns each into a button."""

    CHECK_SETUP = "check_setup"  # the Setup view
    OPEN_REGISTRATION = "open_registration"  # status draft -> registration
    ADD_ENTRIES = "add_entries"  # the Entries view
    SCREEN_ENTRIES = "screen_entries"  # the Entries view: eligible or disqualified
    ADD_JUDGES = "add_judges"  # the Judges view
    ASSIGN_JUDGES = "assign_judges"  # the Assignments view
    START_JUDGING = "start_judging"  # status registration -> judging
    SEND_TO_JUDGES = "send_to_judges"  # the Reports view: packages, Excel or paper sheets
    FOLLOW_PROGRESS = "follow_progress"  # the Progress view
    ADVANCE = "advance"  # the Results view: take entries on to the next round
    DECIDE_TIES = "decide_ties"  # the Results view: the chair decides blocking ties
    FINALIZE = "finalize"  # the Results view
    REVIEW_RESULTS = "review_results"  # the Results view
    EXPORT_DOCUMENTS = "export_documents"  # the Reports view


@dataclass(frozen=True)
class RoundCounts:
    code: str
    name: str
    name_en: str
    position: int  # 1 = the first scored round
    of: int  # how many scored rounds the competition has
    assignments: int  # judge-entry pairs counted (eligible entries, no conflict)
    submitted: int
    draft: int

    @property
    def expected(self) -> int:
        return self.assignments

    @property
    def complete(self) -> bool:
        return self.assignments > 0 and self.submitted >= self.assignments


@dataclass(frozen=True)
class Undecided:
    """What keeps the results from being final (0 everywhere: nothing)."""

    blocking_ties: int
    incomplete_entries: int  # left unranked for missing sheets
    unsubmitted_sheets: int  # expected sheets of the last scored round not submitted
    unscored_entries: int  # taking part without any submitted sheet

    @property
    def anything(self) -> bool:
        return bool(self.blocking_ties or self.incomplete_entries or self.unsubmitted_sheets
                    or self.unscored_entries)


@dataclass(frozen=True)
class Dashboard:
    code: str
    name: str
    year: int
    status: str
    stage: Stage
    entries: int
    registered: int  # waiting for screening
    eligible: int
    disqualified: int  # disqualified or withdrawn
    judges: int  # active
    chairs: int
    assignments: int  # in every round
    round: RoundCounts | None  # the current scored round (None: the setup has none)
    later_rounds: int  # scored rounds after the current one
    next_actions: tuple[NextAction, ...]
    undecided: Undecided | None = None  # None: not computed (see `undecided`)


def _counted(s, round_id: int) -> tuple[int, int, int]:
    """(assignments, submitted sheets, draft sheets) of a round that count: eligible entries,
    judges without a conflict (the rule of the results and of services.progress). Four plain
    aggregates, the few conflicted ones subtracted (one join of the whole round with the
    conflicts took twice as long on 30,000 entries)."""
    eligible = select(Entry.id).where(Entry.status == EntryStatus.ELIGIBLE.value)
    assigned = s.scalar(select(func.count()).select_from(Assignment).where(
        Assignment.round_id == round_id, Assignment.entry_id.in_(eligible)))
    states = dict(s.execute(select(ScoreSheet.state, func.count()).where(
        ScoreSheet.round_id == round_id, ScoreSheet.entry_id.in_(eligible),
    ).group_by(ScoreSheet.state)).all())
    # the conflicts (a few thousand) drive these two: one index lookup each
    conflicts = select(Conflict.judge_id, Conflict.entry_id).join(Entry, and_(
        Entry.id == Conflict.entry_id, Entry.status == EntryStatus.ELIGIBLE.value)).subquery()
    conflicted = s.scalar(select(func.count()).select_from(conflicts).where(exists().where(
        Assignment.round_id == round_id, Assignment.judge_id == conflicts.c.judge_id,
        Assignment.entry_id == conflicts.c.entry_id)))
    state = select(ScoreSheet.state).where(
        ScoreSheet.round_id == round_id, ScoreSheet.judge_id == conflicts.c.judge_id,
        ScoreSheet.entry_id == conflicts.c.entry_id).scalar_subquery()
    per_conflict = select(state.label("state")).select_from(conflicts).subquery()
    for name, n in s.execute(select(per_conflict.c.state, func.count()).where(
            per_conflict.c.state.is_not(None)).group_by(per_conflict.c.state)).all():
        states[name] = states.get(name, 0) - n
    return (int(assigned or 0) - int(conflicted or 0),
            int(states.get(SheetState.SUBMITTED.value, 0)),
            int(states.get(SheetState.DRAFT.value, 0)))


def _round_counts(s, comp_id: int) -> tuple[RoundCounts | None, int]:
    rounds = s.execute(select(Round.id, Round.code, Round.name, Round.name_en).where(
        Round.competition_id == comp_id, Round.kind == RoundKind.SCORED.value,
    ).order_by(Round.position)).all()
    if not rounds:
        return None, 0
    started = set(s.scalars(select(Assignment.round_id).where(
        Assignment.round_id.in_([r[0] for r in rounds])).distinct()))
    index = max((i for i, r in enumerate(rounds) if r[0] in started), default=0)
    rid, code, name, name_en = rounds[index]
    assigned, submitted, draft = _counted(s, rid)
    counts = RoundCounts(code, name, name_en, index + 1, len(rounds), assigned, submitted,
                         draft)
    return counts, len(rounds) - index - 1


def dashboard(db: Database, competition: str | int) -> Dashboard:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        by_status = dict(s.execute(select(Entry.status, func.count()).where(
            Entry.competition_id == comp.id).group_by(Entry.status)).all())
        judges, chairs = s.execute(select(
            func.count(), func.sum(case((Judge.role == JudgeRole.CHAIR.value, 1), else_=0)),
        ).where(Judge.competition_id == comp.id, Judge.active.is_(True))).one()
        assignments = s.scalar(select(func.count()).select_from(Assignment).join(
            Round, Round.id == Assignment.round_id).where(Round.competition_id == comp.id))
        current, later = _round_counts(s, comp.id)
        status, code, name, year = comp.status, comp.code, comp.name, comp.year
    count = {k: int(v) for k, v in by_status.items()}
    entries = sum(count.values())
    out = Dashboard(
        code=code, name=name, year=year, status=status, stage=Stage.SETUP,
        entries=entries, registered=count.get(EntryStatus.REGISTERED.value, 0),
        eligible=count.get(EntryStatus.ELIGIBLE.value, 0),
        disqualified=count.get(EntryStatus.DISQUALIFIED.value, 0)
        + count.get(EntryStatus.WITHDRAWN.value, 0),
        judges=int(judges or 0), chairs=int(chairs or 0), assignments=int(assignments or 0),
        round=current, later_rounds=later, next_actions=(),
    )
    return _decide(out)


def _stage(d: Dashboard) -> Stage:
    if d.status == CompetitionStatus.FINALIZED.value:
        return Stage.FINALIZED
    if d.status == CompetitionStatus.DRAFT.value:
        return Stage.SETUP
    if d.status == CompetitionStatus.REGISTRATION.value:
        return Stage.SCREENING if d.entries > d.registered else Stage.REGISTRATION
    if d.round is not None and d.round.complete and not d.later_rounds:
        return Stage.RESULTS
    return Stage.JUDGING


def _next_actions(d: Dashboard) -> tuple[NextAction, ...]:
    a = NextAction
    if d.stage == Stage.SETUP:
        return (a.CHECK_SETUP, a.OPEN_REGISTRATION)
    if d.stage in (Stage.REGISTRATION, Stage.SCREENING):
        if not d.entries:
            return (a.ADD_ENTRIES,)
        if d.registered:
            return (a.SCREEN_ENTRIES,)
        if not d.judges:
            return (a.ADD_JUDGES,)
        if d.round is not None and not d.round.assignments:
            return (a.ASSIGN_JUDGES,)
        return (a.START_JUDGING,)
    if d.stage == Stage.FINALIZED:
        return (a.EXPORT_DOCUMENTS, a.REVIEW_RESULTS)
    if d.round is None or not d.round.assignments:
        return (a.ASSIGN_JUDGES,)
    if d.stage == Stage.JUDGING:
        if d.round.complete:  # a later round waits for the entries taken on
            return (a.ADVANCE, a.ASSIGN_JUDGES)
        if not d.round.submitted and not d.round.draft:
            return (a.SEND_TO_JUDGES, a.FOLLOW_PROGRESS)
        return (a.FOLLOW_PROGRESS, a.REVIEW_RESULTS)
    u = d.undecided
    if u is not None and u.blocking_ties:
        return (a.DECIDE_TIES, a.REVIEW_RESULTS)
    if u is not None and not u.anything:
        return (a.FINALIZE, a.REVIEW_RESULTS)
    return (a.REVIEW_RESULTS,)


def _decide(d: Dashboard) -> Dashboard:
    d = dataclasses.replace(d, stage=_stage(d))
    return dataclasses.replace(d, next_actions=_next_actions(d))


def undecided(db: Database, competition: str | int) -> Undecided:
    """Computes the final results (all rounds, the competition's method): seconds on large
    competitions."""
    from judging_app.services.results import compute

    view = compute(db, competition)
    res = view.results
    with db.read() as s:
        current, _later = _round_counts(s, lookup.competition(s, competition).id)
    missing = current.expected - current.submitted if current is not None else 0
    return Undecided(len(res.blocking_ties), len(res.unranked_incomplete), max(missing, 0),
                     len(view.unscored) if not res.rules.allow_incomplete else 0)


def with_undecided(d: Dashboard, u: Undecided) -> Dashboard:
    return _decide(dataclasses.replace(d, undecided=u))

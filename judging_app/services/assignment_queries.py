"""Reads for the Judges and Assignments views: judges with their unit and conflict count, one
judge's conflicts explained, a round's entries with their judges (who started, who is
conflicted) and every judge's load, and an automatic-assignment preview with each judge's
load before and after. Nothing here writes."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from judging_app.core.enums import ConflictSource, RoundKind
from judging_app.core.messages import Message
from judging_app.services import lookup
from judging_app.services.assignments import (
    AssignmentPreview,
    preview_auto_assign,
    round_entry_ids,
)
from judging_app.services.conflicts import conflicted_pairs
from judging_app.services.errors import ServiceError
from judging_app.store.database import Database
from judging_app.store.models import (
    Assignment,
    Category,
    Conflict,
    Entry,
    Judge,
    ScoreSheet,
    Unit,
)

Progress = Callable[[int, int], None]


@dataclass(frozen=True)
class JudgeOverview:
    code: str
    name: str
    affiliation: str
    unit_code: str | None
    unit_name: str
    email: str
    phone: str
    role: str
    active: bool
    conflicts: int  # automatic and declared


@dataclass(frozen=True)
class JudgeConflict:
    entry_code: str
    entry_title: str
    unit_code: str  # the entry's unit
    unit_name: str
    source: str  # ConflictSource
    reason: str  # ConflictReason
    reason_text: str
    declared_by: str

    @property
    def declared(self) -> bool:
        return self.source == ConflictSource.DECLARED.value


@dataclass(frozen=True)
class EntryChoice:
    code: str
    title: str
    unit_name: str


@dataclass(frozen=True)
class EntryAssignments:
    code: str
    title: str
    unit_code: str
    unit_name: str
    category_name: str
    status: str
    in_round: bool  # False: assigned earlier, but no longer taking part (e.g. disqualified)
    judges: tuple[str, ...]  # assigned judge codes, sorted
    started: tuple[str, ...]  # assigned judges who already have a sheet (cannot be removed)
    conflicted: tuple[str, ...]  # judges who may never score this entry

    @property
    def count(self) -> int:
        return len(self.judges)


@dataclass(frozen=True)
class JudgeLoad:
    code: str
    name: str
    role: str
    active: bool
    load: int  # assignments in the round
    started: int  # of which with a sheet


@dataclass(frozen=True)
class RoundAssignments:
    round_code: str
    entries: list[EntryAssignments]
    judges: list[JudgeLoad]

    def short_entries(self, k: int) -> list[str]:
        """Codes of the round's entries with fewer than k judges."""
        return [e.code for e in self.entries if e.in_round and e.count < k]

    def assignment_count(self) -> int:
        return sum(j.load for j in self.judges)


@dataclass(frozen=True)
class LoadChange:
    code: str
    name: str
    active: bool
    current: int
    added: int

    @property
    def after(self) -> int:
        return self.current + self.added


@dataclass(frozen=True)
class LoadPreview:
    preview: AssignmentPreview
    loads: list[LoadChange]  # every judge, by code
    proposed: dict[str, tuple[str, ...]]  # entry code -> judges it would get

    @property
    def unbalanced(self) -> bool:
        """Active judges' loads after applying differ by more than one."""
        after = [c.after for c in self.loads if c.active]
        return bool(after) and max(after) - min(after) > 1


def judge_overview(db: Database, competition: str | int) -> list[JudgeOverview]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        counts = dict(s.execute(
            select(Conflict.judge_id, func.count(Conflict.id))
            .join(Judge, Judge.id == Conflict.judge_id)
            .where(Judge.competition_id == comp.id).group_by(Conflict.judge_id)
        ).all())
        rows = s.execute(
            select(Judge.id, Judge.code, Judge.name, Judge.affiliation, Unit.code, Unit.name,
                   Judge.email, Judge.phone, Judge.role, Judge.active)
            .outerjoin(Unit, Unit.id == Judge.unit_id)
            .where(Judge.competition_id == comp.id).order_by(Judge.code)
        ).all()
        return [
            JudgeOverview(code, name, aff, ucode, uname or "", email, phone, role, bool(active),
                          counts.get(jid, 0))
            for jid, code, name, aff, ucode, uname, email, phone, role, active in rows
        ]


def conflicts_of_judge(db: Database, competition: str | int, judge_code: str) -> list[JudgeConflict]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        judge = lookup.judge(s, comp.id, judge_code)
        rows = s.execute(
            select(Entry.code, Entry.title, Unit.code, Unit.name, Conflict.source, Conflict.reason,
                   Conflict.reason_text, Conflict.declared_by)
            .join(Entry, Entry.id == Conflict.entry_id).join(Unit, Unit.id == Entry.unit_id)
            .where(Conflict.judge_id == judge.id).order_by(Entry.code)
        ).all()
        return [JudgeConflict(*r) for r in rows]


def entry_choices(db: Database, competition: str | int) -> list[EntryChoice]:
    """Every entry (any status) by code, for choosing one in a form."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rows = s.execute(
            select(Entry.code, Entry.title, Unit.name).join(Unit, Unit.id == Entry.unit_id)
            .where(Entry.competition_id == comp.id).order_by(Entry.code)
        ).all()
        return [EntryChoice(*r) for r in rows]


def _scored_round(s, comp_id: int, round_code: str):
    rnd = lookup.round_(s, comp_id, round_code)
    if rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("lookup.screening_round_not_scored", round=round_code))
    return rnd


def round_assignments(db: Database, competition: str | int, round_code: str,
                      progress: Progress | None = None) -> RoundAssignments:
    """The round's entries (those taking part, plus any still assigned) with their judges,
    and every judge's load. `progress(step, steps)` is called between the reads."""
    report = progress or (lambda done, total: None)
    steps = 5
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = _scored_round(s, comp.id, round_code)
        report(0, steps)
        in_round = set(round_entry_ids(s, comp.id, rnd))
        judges = s.execute(
            select(Judge.id, Judge.code, Judge.name, Judge.role, Judge.active)
            .where(Judge.competition_id == comp.id).order_by(Judge.code)
        ).all()
        code_of = {jid: code for jid, code, *_ in judges}
        report(1, steps)
        assigned: dict[int, list[int]] = defaultdict(list)
        for jid, eid in s.execute(
            select(Assignment.judge_id, Assignment.entry_id).where(Assignment.round_id == rnd.id)
        ):
            assigned[eid].append(jid)
        report(2, steps)
        started = set(s.execute(
            select(ScoreSheet.judge_id, ScoreSheet.entry_id).where(ScoreSheet.round_id == rnd.id)
        ).all())
        blocked: dict[int, list[int]] = defaultdict(list)
        for jid, eid in conflicted_pairs(s, comp.id):
            blocked[eid].append(jid)
        report(3, steps)
        wanted = in_round | set(assigned)
        c = aliased(Category)
        rows = s.execute(
            select(Entry.id, Entry.code, Entry.title, Unit.code, Unit.name, c.name, Entry.status)
            .join(Unit, Unit.id == Entry.unit_id).join(c, c.id == Entry.category_id)
            .where(Entry.competition_id == comp.id).order_by(Entry.code)
        ).all()
        report(4, steps)

    def codes(ids) -> tuple[str, ...]:
        return tuple(sorted(code_of[j] for j in ids))

    entries = [
        EntryAssignments(
            code=code, title=title, unit_code=ucode, unit_name=uname, category_name=cname,
            status=status, in_round=eid in in_round, judges=codes(assigned.get(eid, ())),
            started=codes(j for j in assigned.get(eid, ()) if (j, eid) in started),
            conflicted=codes(blocked.get(eid, ())),
        )
        for eid, code, title, ucode, uname, cname, status in rows if eid in wanted
    ]
    loads = Counter(j for js in assigned.values() for j in js)
    begun = Counter(j for j, e in started if j in assigned.get(e, ()))
    report(steps, steps)
    return RoundAssignments(
        round_code=rnd.code, entries=entries,
        judges=[JudgeLoad(code, name, role, bool(active), loads.get(jid, 0), begun.get(jid, 0))
                for jid, code, name, role, active in judges],
    )


def preview_with_loads(db: Database, competition: str | int, round_code: str, k: int) -> LoadPreview:
    """What automatic assignment would add (nothing is written), with every judge's load in
    the round now and after applying, and the judges each entry would get."""
    preview = preview_auto_assign(db, competition, round_code, k)
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = _scored_round(s, comp.id, round_code)
        current = dict(s.execute(
            select(Assignment.judge_id, func.count(Assignment.id))
            .where(Assignment.round_id == rnd.id).group_by(Assignment.judge_id)
        ).all())
        judges = s.execute(
            select(Judge.id, Judge.code, Judge.name, Judge.active)
            .where(Judge.competition_id == comp.id).order_by(Judge.code)
        ).all()
    added = Counter(j for j, _ in preview.new_assignments)
    proposed: dict[str, list[str]] = defaultdict(list)
    for judge, entry in preview.new_assignments:
        proposed[entry].append(judge)
    return LoadPreview(
        preview=preview,
        loads=[LoadChange(code, name, bool(active), current.get(jid, 0), added.get(code, 0))
               for jid, code, name, active in judges],
        proposed={e: tuple(sorted(js)) for e, js in proposed.items()},
    )

"""Use cases for assignments: which judge scores which entry in which round."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from sqlalchemy import delete, insert, select
from sqlalchemy.orm import Session, aliased

from judging_app.core.assignment import plan_assignments
from judging_app.core.enums import AssignmentSource, EntryStatus, RoundKind
from judging_app.core.messages import Message, first_of
from judging_app.core.people import Role
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.competitions import now
from judging_app.services.conflicts import conflicted_pairs
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Assignment, Entry, Judge, Round, ScoreSheet


@dataclass(frozen=True)
class AssignmentPreview:
    round_code: str
    judges_per_entry: int
    new_assignments: list[tuple[str, str]]  # (judge code, entry code)
    loads: dict[str, int]  # judge code -> load after applying
    short_entries: dict[str, int]  # entry code -> judges still missing
    panel_too_small: bool

    def warnings(self) -> list[Message]:
        out = []
        if self.panel_too_small:
            out.append(Message("assignments.panel_too_small", count=self.judges_per_entry))
        if self.short_entries:
            out.append(Message("assignments.short_entries", short=len(self.short_entries),
                               count=self.judges_per_entry,
                               codes=first_of(sorted(self.short_entries))))
        if self.loads and max(self.loads.values()) - min(self.loads.values()) > 1:
            out.append(Message("assignments.uneven_loads"))
        return out


def round_entry_ids(s: Session, comp_id: int, rnd: Round) -> list[int]:
    """Entries taking part in a round: eligible ones, limited to those advanced from the
    previous scored round when that round has an advancement rule."""
    from judging_app.services.results_view import round_entry_ids as taking_part
    from judging_app.store.rows import RowReader

    return taking_part(RowReader.of_session(s), comp_id, rnd.id)


def _scored_round(s: Session, comp_id: int, code: str) -> Round:
    rnd = lookup.round_(s, comp_id, code)
    if rnd.kind != RoundKind.SCORED.value:
        raise ServiceError(Message("lookup.screening_round_not_scored", round=code))
    return rnd


def _plan(s: Session, comp_id: int, rnd: Round, k: int):
    entry_ids = round_entry_ids(s, comp_id, rnd)
    judges = s.execute(
        select(Judge.id, Judge.code).where(Judge.competition_id == comp_id, Judge.active.is_(True))
    ).all()
    existing = set(s.execute(
        select(Assignment.judge_id, Assignment.entry_id).where(Assignment.round_id == rnd.id)
    ).all())
    plan = plan_assignments(
        entry_ids, [j for j, _ in judges], k,
        conflicts=conflicted_pairs(s, comp_id), existing=existing,
    )
    return plan, dict(judges), len(judges)


def _preview(s: Session, comp_id: int, rnd: Round, k: int):
    plan, judge_codes, n_judges = _plan(s, comp_id, rnd, k)
    entry_codes = dict(s.execute(select(Entry.id, Entry.code).where(Entry.competition_id == comp_id)).all())
    preview = AssignmentPreview(
        round_code=rnd.code,
        judges_per_entry=k,
        new_assignments=[(judge_codes[j], entry_codes[e]) for j, e in plan.new_pairs],
        loads={judge_codes[j]: n for j, n in plan.loads.items()},
        short_entries={entry_codes[e]: n for e, n in plan.short.items()},
        panel_too_small=n_judges < k,
    )
    return plan, preview


def preview_auto_assign(db: Database, competition: str | int, round_code: str, k: int) -> AssignmentPreview:
    """What automatic assignment would add, and each judge's load, without changing anything."""
    if k < 1:
        raise ValidationError(Message("assignments.at_least_one_judge"))
    with db.read() as s:
        comp = lookup.competition(s, competition)
        return _preview(s, comp.id, _scored_round(s, comp.id, round_code), k)[1]


def auto_assign(ws: Workspace, competition: str | int, round_code: str, k: int) -> AssignmentPreview:
    """Give every entry of the round k judges (keeping existing assignments)."""
    if k < 1:
        raise ValidationError(Message("assignments.at_least_one_judge"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        rnd = _scored_round(s, comp.id, round_code)
        plan, preview = _preview(s, comp.id, rnd, k)
        stamp = now()
        if plan.new_pairs:
            s.execute(
                insert(Assignment),
                [
                    {"round_id": rnd.id, "judge_id": j, "entry_id": e,
                     "source": AssignmentSource.AUTOMATIC.value, "created_at": stamp}
                    for j, e in plan.new_pairs
                ],
            )
        audit.record(
            s, ws.actor, "assignment.auto", "round", rnd.code,
            new={"judges_per_entry": k, "added": len(plan.new_pairs),
                 "loads": preview.loads, "short": preview.short_entries},
            competition_id=comp.id,
        )
        return preview


def assign(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
           entry_codes: list[str]) -> int:
    """Manual assignment; refuses a conflicted or inactive judge. Returns how many added."""
    added = 0
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        rnd = _scored_round(s, comp.id, round_code)
        judge = lookup.judge(s, comp.id, judge_code)
        if not judge.active:
            raise ServiceError(Message("assignments.judge_inactive", judge=judge_code))
        conflicts = conflicted_pairs(s, comp.id)
        for code in entry_codes:
            entry = lookup.entry(s, comp.id, code)
            if entry.status != EntryStatus.ELIGIBLE.value:
                raise ServiceError(Message("assignments.entry_not_eligible", entry=code,
                                           status=EntryStatus(entry.status)))
            if (judge.id, entry.id) in conflicts:
                raise ServiceError(Message("assignments.conflicted", judge=judge_code, entry=code))
            if s.scalar(select(Assignment.id).where(
                Assignment.round_id == rnd.id, Assignment.judge_id == judge.id,
                Assignment.entry_id == entry.id,
            )):
                continue
            s.add(Assignment(round_id=rnd.id, judge_id=judge.id, entry_id=entry.id,
                             source=AssignmentSource.MANUAL.value, created_at=now()))
            added += 1
        audit.record(s, ws.actor, "assignment.add", "round", rnd.code,
                     new={"judge": judge_code, "entries": entry_codes, "added": added},
                     competition_id=comp.id)
    return added


def unassign(ws: Workspace, competition: str | int, round_code: str, judge_code: str,
             entry_codes: list[str]) -> int:
    """Remove assignments; refused where the judge already has a sheet for the entry."""
    removed = 0
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        rnd = _scored_round(s, comp.id, round_code)
        judge = lookup.judge(s, comp.id, judge_code)
        for code in entry_codes:
            entry = lookup.entry(s, comp.id, code)
            if s.scalar(select(ScoreSheet.id).where(
                ScoreSheet.round_id == rnd.id, ScoreSheet.judge_id == judge.id,
                ScoreSheet.entry_id == entry.id,
            )):
                raise LockedError(Message("assignments.already_scoring", judge=judge_code,
                                          entry=code))
            removed += s.execute(delete(Assignment).where(
                Assignment.round_id == rnd.id, Assignment.judge_id == judge.id,
                Assignment.entry_id == entry.id,
            )).rowcount
        audit.record(s, ws.actor, "assignment.remove", "round", rnd.code,
                     old={"judge": judge_code, "entries": entry_codes, "removed": removed},
                     competition_id=comp.id)
    return removed


def list_assignments(db: Database, competition: str | int, round_code: str) -> list[tuple[str, str]]:
    """(judge code, entry code) pairs of a round, sorted."""
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rnd = lookup.round_(s, comp.id, round_code)
        j, e = aliased(Judge), aliased(Entry)
        rows = s.execute(
            select(j.code, e.code).select_from(Assignment)
            .join(j, j.id == Assignment.judge_id).join(e, e.id == Assignment.entry_id)
            .where(Assignment.round_id == rnd.id).order_by(j.code, e.code)
        ).all()
        return [(a, b) for a, b in rows]


def judge_loads(db: Database, competition: str | int, round_code: str) -> dict[str, int]:
    return dict(Counter(j for j, _ in list_assignments(db, competition, round_code)))

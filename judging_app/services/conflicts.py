"""Conflicts of interest: automatic (the judge's unit is the entry's unit) and declared.

Automatic conflicts are kept as rows so every reader (assignment, results, exports) sees one
truth; they are re-derived whenever an entry's or a judge's unit changes.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import Session, aliased

from judging_app.core.enums import ConflictReason, ConflictSource, SheetState
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.records import ConflictRecord
from judging_app.services import audit, lookup
from judging_app.services.authorization import require, require_judge_or
from judging_app.services.errors import LockedError, ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store import entry_totals
from judging_app.store.database import Database
from judging_app.store.models import Assignment, Conflict, Entry, Judge, ScoreSheet


def _now():
    from judging_app.services.competitions import now

    return now()


def sync_unit_conflicts(
    s: Session,
    comp_id: int,
    *,
    entry_ids: Iterable[int] | None = None,
    judge_ids: Iterable[int] | None = None,
) -> None:
    """Make the automatic conflicts of the given entries/judges match their units."""
    q_entries = select(Entry.id, Entry.unit_id).where(Entry.competition_id == comp_id)
    q_judges = select(Judge.id, Judge.unit_id).where(
        Judge.competition_id == comp_id, Judge.unit_id.is_not(None)
    )
    if entry_ids is not None:
        q_entries = q_entries.where(Entry.id.in_(list(entry_ids)))
    if judge_ids is not None:
        q_judges = q_judges.where(Judge.id.in_(list(judge_ids)))
    entries = s.execute(q_entries).all()
    judges = s.execute(q_judges).all()
    by_unit: dict[int, list[int]] = {}
    for jid, uid in judges:
        by_unit.setdefault(uid, []).append(jid)
    wanted = {(jid, eid) for eid, uid in entries for jid in by_unit.get(uid, [])}
    existing_q = select(Conflict).where(Conflict.source == ConflictSource.AUTOMATIC.value)
    if entry_ids is not None:
        existing_q = existing_q.where(Conflict.entry_id.in_([e for e, _ in entries]))
    if judge_ids is not None:
        existing_q = existing_q.where(Conflict.judge_id.in_([j for j, _ in judges] + list(judge_ids)))
    if entry_ids is None and judge_ids is None:
        existing_q = existing_q.join(Entry, Entry.id == Conflict.entry_id).where(
            Entry.competition_id == comp_id
        )
    existing = {(c.judge_id, c.entry_id): c for c in s.scalars(existing_q)}
    touched = set()
    for key, row in existing.items():
        if key not in wanted:
            s.delete(row)
            touched.add(key[1])
    declared = set()
    if wanted:
        declared = set(s.execute(
            select(Conflict.judge_id, Conflict.entry_id)
            .join(Entry, Entry.id == Conflict.entry_id)
            .where(Entry.competition_id == comp_id, Conflict.source == ConflictSource.DECLARED.value)
        ).all())
    for jid, eid in sorted(wanted - existing.keys() - declared):
        _drop_work_of_conflicted_pair(s, jid, eid)
        s.add(Conflict(
            judge_id=jid, entry_id=eid, source=ConflictSource.AUTOMATIC.value,
            reason=ConflictReason.SAME_UNIT.value, declared_by="", declared_at=_now(),
        ))
        touched.add(eid)
    s.flush()
    entry_totals.refresh(s, touched)  # which sheets count depends on the conflicts


def _drop_work_of_conflicted_pair(s: Session, judge_id: int, entry_id: int) -> None:
    """A judge who turns out to be conflicted loses the assignment and any draft sheet;
    a submitted sheet must be reopened first."""
    pair = (ScoreSheet.judge_id == judge_id, ScoreSheet.entry_id == entry_id)
    if s.scalar(select(ScoreSheet.id).where(*pair, ScoreSheet.state == SheetState.SUBMITTED.value)):
        judge = s.get_one(Judge, judge_id)
        entry = s.get_one(Entry, entry_id)
        raise LockedError(Message("conflicts.submitted_blocks_change", judge=judge.code,
                                  entry=entry.code))
    s.execute(delete(ScoreSheet).where(*pair))
    s.execute(delete(Assignment).where(Assignment.judge_id == judge_id, Assignment.entry_id == entry_id))


def declare_conflict(
    ws: Workspace, competition: str | int, judge_code: str, entry_code: str,
    reason: ConflictReason, text: str = "",
) -> None:
    """A declared conflict: the judge never scores the entry. Their assignment for it is
    removed; a submitted sheet blocks the declaration (reopen it first)."""
    reason = ConflictReason(reason)
    if reason == ConflictReason.SAME_UNIT:
        raise ValidationError(Message("conflicts.same_unit_is_automatic"))
    if reason == ConflictReason.OTHER and not text.strip():
        raise ValidationError(Message("conflicts.other_needs_text"))
    with ws.db.write() as s:
        comp = lookup.writable_competition(s, competition)
        judge = lookup.judge(s, comp.id, judge_code)
        require_judge_or(s, ws, judge, Role.SECRETARIAT)
        entry = lookup.entry(s, comp.id, entry_code)
        row = s.scalar(select(Conflict).where(Conflict.judge_id == judge.id, Conflict.entry_id == entry.id))
        if row is not None and row.source == ConflictSource.DECLARED.value:
            raise ServiceError(Message("conflicts.already_declared", judge=judge_code,
                                       entry=entry_code))
        submitted = s.scalar(select(ScoreSheet.id).where(
            ScoreSheet.judge_id == judge.id, ScoreSheet.entry_id == entry.id,
            ScoreSheet.state == SheetState.SUBMITTED.value,
        ))
        if submitted:
            raise LockedError(Message("conflicts.submitted_blocks_declaration", judge=judge_code,
                                      entry=entry_code))
        if row is None:
            row = Conflict(judge_id=judge.id, entry_id=entry.id)
            s.add(row)
        row.source = ConflictSource.DECLARED.value
        row.reason = reason.value
        row.reason_text = text
        row.declared_by = ws.actor
        row.declared_at = _now()
        s.execute(delete(ScoreSheet).where(ScoreSheet.judge_id == judge.id, ScoreSheet.entry_id == entry.id))
        removed = s.execute(delete(Assignment).where(
            Assignment.judge_id == judge.id, Assignment.entry_id == entry.id
        )).rowcount
        entry_totals.refresh(s, [entry.id])
        audit.record(s, ws.actor, "conflict.declare", "conflict", f"{judge_code}/{entry_code}",
                     new={"reason": reason.value, "text": text, "assignments_removed": removed},
                     competition_id=comp.id)


def withdraw_conflict(ws: Workspace, competition: str | int, judge_code: str, entry_code: str) -> None:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        judge = lookup.judge(s, comp.id, judge_code)
        entry = lookup.entry(s, comp.id, entry_code)
        row = s.scalar(select(Conflict).where(
            Conflict.judge_id == judge.id, Conflict.entry_id == entry.id,
            Conflict.source == ConflictSource.DECLARED.value,
        ))
        if row is None:
            raise lookup.NotFoundError(Message("conflicts.none_declared", judge=judge_code,
                                               entry=entry_code))
        old = {"reason": row.reason, "text": row.reason_text}
        s.delete(row)
        s.flush()
        sync_unit_conflicts(s, comp.id, entry_ids=[entry.id])
        entry_totals.refresh(s, [entry.id])
        audit.record(s, ws.actor, "conflict.withdraw", "conflict", f"{judge_code}/{entry_code}",
                     old=old, competition_id=comp.id)


def list_conflicts(db: Database, competition: str | int) -> list[ConflictRecord]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        j, e = aliased(Judge), aliased(Entry)
        rows = s.execute(
            select(j.code, e.code, Conflict.source, Conflict.reason, Conflict.reason_text)
            .join(j, j.id == Conflict.judge_id).join(e, e.id == Conflict.entry_id)
            .where(e.competition_id == comp.id).order_by(j.code, e.code)
        ).all()
        return [ConflictRecord(*r) for r in rows]


def conflicted_pairs(s: Session, comp_id: int) -> set[tuple[int, int]]:
    """(judge_id, entry_id) pairs that must never be scored."""
    rows = s.execute(
        select(Conflict.judge_id, Conflict.entry_id)
        .join(Entry, Entry.id == Conflict.entry_id).where(Entry.competition_id == comp_id)
    ).all()
    return {(j, e) for j, e in rows}

"""Use cases for judges: enrol, edit, deactivate."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import aliased

from judging_app.core.enums import JudgeRole
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.records import JudgeRecord
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.conflicts import sync_unit_conflicts
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Judge, Unit


@dataclass(frozen=True)
class JudgeInput:
    code: str
    name: str
    affiliation: str = ""
    unit: str | None = None  # unit code, when the judge belongs to a government unit
    email: str = ""
    phone: str = ""
    role: JudgeRole = JudgeRole.JUDGE
    active: bool = True


def _check(data: JudgeInput) -> None:
    problems = judge_problems(data)
    if problems:
        raise ValidationError(Message("judges.invalid", code=data.code), problems)


def judge_problems(data: JudgeInput) -> list[Message]:
    """What is wrong with a judge's details as typed (nothing: an empty list)."""
    problems: list[Message] = []
    if not data.code.strip():
        problems.append(Message("judges.code_required"))
    if not data.name.strip():
        problems.append(Message("judges.name_required"))
    if data.email and "@" not in data.email:
        problems.append(Message("judges.bad_email", email=data.email))
    try:
        JudgeRole(data.role)
    except ValueError:
        problems.append(Message("judges.bad_role", value=data.role, choices=list(JudgeRole)))
    return problems


def _state(j: Judge, unit_code: str | None) -> dict:
    return {"code": j.code, "name": j.name, "affiliation": j.affiliation, "unit": unit_code,
            "email": j.email, "phone": j.phone, "role": j.role, "active": j.active}


def list_judges(db: Database, competition: str | int) -> list[JudgeRecord]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        u = aliased(Unit)
        rows = s.execute(
            select(Judge, u.code).outerjoin(u, u.id == Judge.unit_id)
            .where(Judge.competition_id == comp.id).order_by(Judge.code)
        ).all()
        return [
            JudgeRecord(j.id, j.code, j.name, j.affiliation, ucode, j.email, j.phone, j.role, j.active)
            for j, ucode in rows
        ]


def get_judge(db: Database, competition: str | int, code: str) -> JudgeRecord:
    """One judge by code (NotFoundError naming it when there is none)."""
    found = [j for j in list_judges(db, competition) if j.code == code]
    if not found:
        raise lookup.NotFoundError(Message("lookup.no_judge", code=code))
    return found[0]


def add_judge(ws: Workspace, competition: str | int, data: JudgeInput) -> JudgeRecord:
    data = dataclasses.replace(data, code=data.code.strip())
    _check(data)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        return insert_judge(s, ws.actor, comp.id, data)


def code_taken(s, comp_id: int, code: str, besides: int | None = None) -> str | None:
    """The code of another judge of the competition equal to `code` ignoring letter case
    ('j01' beside 'J01' would be a second row for the same judge), or None."""
    folded = code.strip().casefold()
    rows = s.execute(select(Judge.id, Judge.code).where(Judge.competition_id == comp_id)).all()
    return next((c for i, c in rows if i != besides and c.casefold() == folded), None)


def insert_judge(s, actor: str, comp_id: int, data: JudgeInput) -> JudgeRecord:
    """`add_judge` inside the caller's transaction (a checked `data`)."""
    taken = code_taken(s, comp_id, data.code)
    if taken:
        raise ServiceError(Message("judges.code_exists", code=taken))
    unit_id = lookup.unit(s, comp_id, data.unit).id if data.unit else None
    j = Judge(
        competition_id=comp_id, code=data.code.strip(), name=data.name.strip(),
        affiliation=data.affiliation, unit_id=unit_id, email=data.email, phone=data.phone,
        role=JudgeRole(data.role).value, active=data.active,
    )
    s.add(j)
    s.flush()
    sync_unit_conflicts(s, comp_id, judge_ids=[j.id])
    audit.record(s, actor, "judge.add", "judge", j.code, new=_state(j, data.unit),
                 competition_id=comp_id)
    return JudgeRecord(j.id, j.code, j.name, j.affiliation, data.unit, j.email, j.phone,
                       j.role, j.active)


def edit_judge(ws: Workspace, competition: str | int, code: str, data: JudgeInput) -> list[str]:
    """Change a judge's details. A judge made inactive loses the assignments not started
    yet: returns them ('round/entry')."""
    data = dataclasses.replace(data, code=data.code.strip())
    _check(data)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        j = lookup.judge(s, comp.id, code)
        old_unit = s.get_one(Unit, j.unit_id).code if j.unit_id else None
        old = _state(j, old_unit)
        taken = code_taken(s, comp.id, data.code, besides=j.id)
        if taken:
            raise ServiceError(Message("judges.code_exists", code=taken))
        j.code, j.name, j.affiliation = data.code.strip(), data.name.strip(), data.affiliation
        j.unit_id = lookup.unit(s, comp.id, data.unit).id if data.unit else None
        j.email, j.phone = data.email, data.phone
        j.role, j.active = JudgeRole(data.role).value, data.active
        s.flush()
        if data.unit != old_unit:
            sync_unit_conflicts(s, comp.id, judge_ids=[j.id])
        dropped = _drop_unstarted_assignments(s, j) if old["active"] and not j.active else []
        new = _state(j, data.unit)
        changed = {k: v for k, v in old.items() if new[k] != v}
        after = {k: new[k] for k in changed}
        if dropped:
            after["assignments_removed"] = dropped
        audit.record(s, ws.actor, "judge.edit", "judge", j.code, old=changed,
                     new=after, competition_id=comp.id)
        return dropped


def _drop_unstarted_assignments(s, judge: Judge) -> list[str]:
    """A judge made inactive keeps the sheets already started; the entries not started yet
    no longer expect a sheet from them (reassign them). Returns 'round/entry' keys."""
    from sqlalchemy import delete

    from judging_app.store.models import Assignment, Entry, Round, ScoreSheet

    started = select(ScoreSheet.id).where(
        ScoreSheet.round_id == Assignment.round_id, ScoreSheet.judge_id == Assignment.judge_id,
        ScoreSheet.entry_id == Assignment.entry_id).exists()
    rows = s.execute(
        select(Assignment.id, Round.code, Entry.code)
        .join(Round, Round.id == Assignment.round_id).join(Entry, Entry.id == Assignment.entry_id)
        .where(Assignment.judge_id == judge.id, ~started)).all()
    if rows:
        s.execute(delete(Assignment).where(Assignment.id.in_([r[0] for r in rows])))
    return sorted(f"{rnd}/{entry}" for _, rnd, entry in rows)

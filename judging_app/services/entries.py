"""Use cases for units and entries: register, edit, screen, disqualify, withdraw."""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, fields
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from judging_app.core.enums import DecisionKind, EntryStatus, InnovationStage, InnovationType
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.records import EntryRecord, UnitRecord
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.competitions import now
from judging_app.services.conflicts import sync_unit_conflicts
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.programme_links import link_competition
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Category, Decision, Entry, Unit


@dataclass(frozen=True)
class EntryInput:
    """What a person types for an entry; codes, not ids."""

    code: str
    title: str
    unit: str  # unit code
    category: str  # category code
    innovators: str = ""
    contact: str = ""
    stage: InnovationStage = InnovationStage.IMPLEMENTATION
    innovation_type: InnovationType = InnovationType.DIGITAL
    started_on: date | None = None
    summary: str = ""
    links: str = ""


TITLE_LIMIT = 500


def _check_entry_input(data: EntryInput) -> None:
    problems: list[Message] = []
    if not data.code.strip():
        problems.append(Message("entries.code_required"))
    if not data.title.strip():
        problems.append(Message("entries.title_required"))
    if len(data.title) > TITLE_LIMIT:
        problems.append(Message("entries.title_too_long", limit=TITLE_LIMIT))
    try:
        InnovationStage(data.stage)
    except ValueError:
        problems.append(Message("entries.bad_stage", value=data.stage,
                                choices=list(InnovationStage)))
    try:
        InnovationType(data.innovation_type)
    except ValueError:
        problems.append(Message("entries.bad_type", value=data.innovation_type,
                                choices=list(InnovationType)))
    if problems:
        raise ValidationError(Message("entries.invalid", code=data.code), problems)


def _entry_state(e: Entry, unit_code: str, category_code: str) -> dict:
    return {
        "code": e.code, "title": e.title, "unit": unit_code, "category": category_code,
        "innovators": e.innovators, "contact": e.contact, "stage": e.stage,
        "innovation_type": e.innovation_type, "started_on": e.started_on,
        "summary": e.summary, "links": e.links, "status": e.status,
        "status_reason": e.status_reason,
    }


# ---- units -------------------------------------------------------------------------------

def list_units(db: Database, competition: str | int) -> list[UnitRecord]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        rows = s.scalars(select(Unit).where(Unit.competition_id == comp.id).order_by(Unit.name))
        return [UnitRecord(u.id, u.code, u.name, u.kind) for u in rows]


def add_unit_in_session(s: Session, actor: str, comp_id: int, code: str, name: str, kind: str) -> Unit:
    code, name = code.strip(), name.strip()
    if not code or not name:
        raise ValidationError(Message("units.code_and_name_required"))
    # letter case and spaces ignored, as the entry import finds units by code or name
    rows = s.execute(select(Unit.code, Unit.name).where(Unit.competition_id == comp_id)).all()
    folded, words = code.casefold(), " ".join(name.casefold().split())
    for other_code, other_name in rows:
        if other_code.casefold() == folded:
            raise ServiceError(Message("units.code_exists", code=other_code))
        if " ".join(other_name.casefold().split()) == words:
            raise ServiceError(Message("units.name_exists", name=other_name))
    unit = Unit(competition_id=comp_id, code=code.strip(), name=name.strip(), kind=kind)
    s.add(unit)
    s.flush()
    audit.record(s, actor, "unit.add", "unit", unit.code,
                 new={"code": unit.code, "name": unit.name, "kind": kind}, competition_id=comp_id)
    link_competition(s, actor, comp_id, unit_ids=[unit.id], entry_ids=[])  # the register
    return unit


def add_unit(ws: Workspace, competition: str | int, code: str, name: str, kind: str = "") -> UnitRecord:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        u = add_unit_in_session(s, ws.actor, comp.id, code, name, kind)
        return UnitRecord(u.id, u.code, u.name, u.kind)


def rename_unit(ws: Workspace, competition: str | int, code: str, name: str, kind: str | None = None) -> None:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        unit = lookup.unit(s, comp.id, code)
        old = {"name": unit.name, "kind": unit.kind}
        if name != unit.name and s.scalar(
            select(Unit.id).where(Unit.competition_id == comp.id, Unit.name == name)
        ):
            raise ServiceError(Message("units.name_exists", name=name))
        unit.name = name
        if kind is not None:
            unit.kind = kind
        audit.record(s, ws.actor, "unit.edit", "unit", code, old=old,
                     new={"name": unit.name, "kind": unit.kind}, competition_id=comp.id)


# ---- entries -----------------------------------------------------------------------------

def _record_query(comp_id: int):
    u, c = aliased(Unit), aliased(Category)
    return (
        select(Entry, u.code, u.name, c.code, c.name)
        .join(u, u.id == Entry.unit_id)
        .join(c, c.id == Entry.category_id)
        .where(Entry.competition_id == comp_id)
    )


def _to_record(row) -> EntryRecord:
    e, ucode, uname, ccode, cname = row
    return EntryRecord(
        id=e.id, code=e.code, title=e.title, unit_code=ucode, unit_name=uname,
        category_code=ccode, category_name=cname, innovators=e.innovators, contact=e.contact,
        stage=e.stage, innovation_type=e.innovation_type, started_on=e.started_on,
        summary=e.summary, links=e.links, status=e.status, status_reason=e.status_reason,
    )


def list_entries(db: Database, competition: str | int) -> list[EntryRecord]:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        return [_to_record(r) for r in s.execute(_record_query(comp.id).order_by(Entry.code))]


def get_entry(db: Database, competition: str | int, code: str) -> EntryRecord:
    with db.read() as s:
        comp = lookup.competition(s, competition)
        row = s.execute(_record_query(comp.id).where(Entry.code == code)).first()
        if row is None:
            raise lookup.NotFoundError(Message("lookup.no_entry", code=code))
        return _to_record(row)


def _fill(e: Entry, data: EntryInput, unit_id: int, category_id: int) -> None:
    e.code = data.code.strip()
    e.title = data.title.strip()
    e.unit_id = unit_id
    e.category_id = category_id
    e.innovators = data.innovators
    e.contact = data.contact
    e.stage = InnovationStage(data.stage).value
    e.innovation_type = InnovationType(data.innovation_type).value
    e.started_on = data.started_on
    e.summary = data.summary
    e.links = data.links
    e.updated_at = now()


def add_entry(ws: Workspace, competition: str | int, data: EntryInput) -> EntryRecord:
    data = dataclasses.replace(data, code=data.code.strip())
    _check_entry_input(data)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        if s.scalar(select(Entry.id).where(Entry.competition_id == comp.id, Entry.code == data.code)):
            raise ServiceError(Message("entries.code_exists", code=data.code))
        unit = lookup.unit(s, comp.id, data.unit)
        cat = lookup.category(s, comp.id, data.category)
        e = Entry(competition_id=comp.id, status=EntryStatus.REGISTERED.value, created_at=now())
        _fill(e, data, unit.id, cat.id)
        s.add(e)
        s.flush()
        sync_unit_conflicts(s, comp.id, entry_ids=[e.id])
        audit.record(s, ws.actor, "entry.add", "entry", e.code,
                     new=_entry_state(e, unit.code, cat.code), competition_id=comp.id)
        link_competition(s, ws.actor, comp.id, unit_ids=[], entry_ids=[e.id])  # the register
        code = e.code
    return get_entry(ws.db, competition, code)


def edit_entry(ws: Workspace, competition: str | int, code: str, data: EntryInput) -> EntryRecord:
    """Replace an entry's details (its code may change too)."""
    data = dataclasses.replace(data, code=data.code.strip())
    _check_entry_input(data)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        e = lookup.entry(s, comp.id, code)
        old_unit = s.get_one(Unit, e.unit_id).code
        old_cat = s.get_one(Category, e.category_id).code
        old = _entry_state(e, old_unit, old_cat)
        if data.code != code and s.scalar(
            select(Entry.id).where(Entry.competition_id == comp.id, Entry.code == data.code)
        ):
            raise ServiceError(Message("entries.code_exists", code=data.code))
        unit = lookup.unit(s, comp.id, data.unit)
        cat = lookup.category(s, comp.id, data.category)
        _fill(e, data, unit.id, cat.id)
        s.flush()
        if unit.code != old_unit:
            sync_unit_conflicts(s, comp.id, entry_ids=[e.id])
        new = _entry_state(e, unit.code, cat.code)
        changed = {k: v for k, v in old.items() if new[k] != v}
        audit.record(s, ws.actor, "entry.edit", "entry", e.code, old=changed,
                     new={k: new[k] for k in changed}, competition_id=comp.id)
        new_code = e.code
    return get_entry(ws.db, competition, new_code)


def set_entry_status(
    ws: Workspace, competition: str | int, codes: list[str], status: EntryStatus, reason: str = ""
) -> int:
    """Screening in bulk: mark entries eligible, disqualified or withdrawn (the last two need
    a reason; a disqualification is also recorded as a decision). Returns how many changed."""
    status = EntryStatus(status)
    if status in (EntryStatus.DISQUALIFIED, EntryStatus.WITHDRAWN) and not reason.strip():
        raise ValidationError(Message("entries.status_needs_reason", status=status))
    changed = 0
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        found: dict[str, Entry] = {}
        wanted = list(dict.fromkeys(codes))
        for start in range(0, len(wanted), 500):  # one query per 500 codes, not one per code
            chunk = wanted[start:start + 500]
            found.update((e.code, e) for e in s.scalars(
                select(Entry).where(Entry.competition_id == comp.id, Entry.code.in_(chunk))))
        missing = [c for c in wanted if c not in found]
        if missing:
            raise lookup.NotFoundError(Message("lookup.no_entry", code=missing[0]))
        for code in wanted:
            e = found[code]
            new_reason = "" if status == EntryStatus.ELIGIBLE else reason
            if e.status == status.value and e.status_reason == new_reason:
                continue
            old = {"status": e.status, "reason": e.status_reason}
            e.status = status.value
            e.status_reason = new_reason
            e.updated_at = now()
            if status == EntryStatus.DISQUALIFIED:
                s.add(Decision(
                    competition_id=comp.id, kind=DecisionKind.DISQUALIFICATION.value,
                    subject=audit.canonical_json({"entry": e.code}),
                    outcome=audit.canonical_json({"status": status.value}),
                    reason=reason, decided_by=ws.actor, decided_at=now(),
                ))
            audit.record(s, ws.actor, "entry.set_status", "entry", e.code, old=old,
                         new={"status": e.status, "reason": e.status_reason},
                         competition_id=comp.id, decisions=status == EntryStatus.DISQUALIFIED)
            changed += 1
    return changed


ENTRY_INPUT_FIELDS = [f.name for f in fields(EntryInput)]

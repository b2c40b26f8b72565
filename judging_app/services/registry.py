"""The register of government units across years: add, rename from a date, merge into a
successor, dissolve; listing it. Every change is one transaction with its audit event
(database-wide: no competition). See docs/programme.md."""

from __future__ import annotations

from datetime import UTC, date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.programme import UnitTimeline, merger_would_loop
from judging_app.core.programme_records import RegistryUnitRecord
from judging_app.services import audit
from judging_app.services.authorization import require
from judging_app.services.errors import NotFoundError, ServiceError, ValidationError
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.programme_models import RegistryUnit, RegistryUnitName

MAX_CODE, MAX_NAME, MAX_KIND = 64, 300, 64


def now() -> datetime:
    return datetime.now(UTC)


def unit_by_code(s: Session, code: str) -> RegistryUnit:
    row = s.scalar(select(RegistryUnit).where(RegistryUnit.code == code.strip()))
    if row is None:
        raise NotFoundError(Message("programme.unit_not_found", unit=code))
    return row


def timelines(s: Session) -> dict[int, UnitTimeline]:
    """Every register unit's names and end, for core.programme (one query per table)."""
    names: dict[int, list[tuple[date | None, str]]] = {}
    for unit_id, valid_from, name in s.execute(
            select(RegistryUnitName.unit_id, RegistryUnitName.valid_from, RegistryUnitName.name)):
        names.setdefault(unit_id, []).append((valid_from, name))
    out = {}
    for u in s.scalars(select(RegistryUnit)):
        history = sorted(names.get(u.id) or [(None, u.name)], key=lambda n: n[0] or date.min)
        out[u.id] = UnitTimeline(u.id, u.code, u.kind, tuple(history), u.established_on,
                                 u.ended_on, u.successor_id)
    return out


def list_registry_units(db: Database) -> list[RegistryUnitRecord]:
    with db.read() as s:
        return records_in(s)


def records_in(s: Session) -> list[RegistryUnitRecord]:
    succ = aliased(RegistryUnit)
    lines = timelines(s)
    rows = s.execute(select(RegistryUnit, succ.code)
                     .outerjoin(succ, succ.id == RegistryUnit.successor_id)
                     .order_by(RegistryUnit.code)).all()
    return [RegistryUnitRecord(u.id, u.code, u.name, u.kind, u.established_on, u.ended_on,
                               successor, lines[u.id].names) for u, successor in rows]


def get_registry_unit(db: Database, code: str) -> RegistryUnitRecord:
    with db.read() as s:
        unit = unit_by_code(s, code)
        return next(r for r in records_in(s) if r.id == unit.id)


def check_unit_fields(code: str, name: str, kind: str) -> list[Message]:
    """Problems with a unit's code, name and kind."""
    problems = []
    if not code.strip():
        problems.append(Message("programme.unit_code_required"))
    elif len(code.strip()) > MAX_CODE:
        problems.append(Message("programme.too_long", field=Message("programme.field_code"), limit=MAX_CODE))
    if not name.strip():
        problems.append(Message("programme.unit_name_required"))
    elif len(name.strip()) > MAX_NAME:
        problems.append(Message("programme.too_long", field=Message("programme.field_name"), limit=MAX_NAME))
    if len(kind.strip()) > MAX_KIND:
        problems.append(Message("programme.too_long", field=Message("programme.field_kind"), limit=MAX_KIND))
    return problems


def add_unit_in_session(s: Session, actor: str, code: str, name: str, kind: str = "",
                        established_on: date | None = None) -> RegistryUnit:
    code, name, kind = code.strip(), " ".join(name.split()), kind.strip()
    problems = check_unit_fields(code, name, kind)
    if problems:
        raise ValidationError(Message("programme.unit_invalid", unit=code or name), problems)
    if s.scalar(select(RegistryUnit.id).where(RegistryUnit.code == code)) is not None:
        raise ServiceError(Message("programme.unit_exists", unit=code))
    unit = RegistryUnit(code=code, name=name, kind=kind, established_on=established_on,
                        created_at=now())
    s.add(unit)
    s.flush()
    s.add(RegistryUnitName(unit_id=unit.id, name=name, valid_from=established_on))
    audit.record(s, actor, "registry.unit_add", "registry_unit", code,
                 new={"code": code, "name": name, "kind": kind, "established_on": established_on})
    return unit


def add_registry_unit(ws: Workspace, code: str, name: str, kind: str = "",
                      established_on: date | None = None) -> RegistryUnitRecord:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        unit = add_unit_in_session(s, ws.actor, code, name, kind, established_on)
        code = unit.code
    return get_registry_unit(ws.db, code)


def rename_in_session(s: Session, actor: str, unit: RegistryUnit, name: str, on: date,
                      kind: str | None = None) -> bool:
    """A new name from `on` (the old one stays in the history). False: nothing changed."""
    name = " ".join(name.split())
    problems = check_unit_fields(unit.code, name, kind or "")
    if problems:
        raise ValidationError(Message("programme.unit_invalid", unit=unit.code), problems)
    history = s.scalars(select(RegistryUnitName).where(RegistryUnitName.unit_id == unit.id)
                        .order_by(RegistryUnitName.valid_from)).all()
    current = max(history, key=lambda n: n.valid_from or date.min)
    if name == current.name and (kind is None or kind == unit.kind):
        return False
    if unit.ended_on is not None:
        raise ServiceError(Message("programme.unit_ended", unit=unit.code, on=unit.ended_on))
    if current.valid_from is not None and on < current.valid_from:
        raise ServiceError(Message("programme.rename_before_last", unit=unit.code,
                                   on=current.valid_from))
    old = {"name": unit.name, "kind": unit.kind}
    if name != current.name:
        same_day = next((n for n in history if n.valid_from == on), None)
        if same_day is not None:
            same_day.name = name
        else:
            s.add(RegistryUnitName(unit_id=unit.id, name=name, valid_from=on))
        unit.name = name
    if kind is not None:
        unit.kind = kind.strip()
    s.flush()
    audit.record(s, actor, "registry.unit_rename", "registry_unit", unit.code, old=old,
                 new={"name": unit.name, "kind": unit.kind, "valid_from": on})
    return True


def rename_registry_unit(ws: Workspace, code: str, name: str, on: date,
                         kind: str | None = None) -> bool:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        return rename_in_session(s, ws.actor, unit_by_code(s, code), name, on, kind)


def merge_registry_unit(ws: Workspace, code: str, into: str, on: date) -> None:
    """`code` is merged into `into` on `on`: from then its innovations and entries count
    for `into` (its own history stays)."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        unit, successor = unit_by_code(s, code), unit_by_code(s, into)
        if unit.ended_on is not None:
            raise ServiceError(Message("programme.unit_ended", unit=unit.code, on=unit.ended_on))
        if merger_would_loop(timelines(s), unit.id, successor.id):
            raise ServiceError(Message("programme.merge_loop", unit=unit.code,
                                       into=successor.code))
        if successor.ended_on is not None and successor.ended_on <= on:
            raise ServiceError(Message("programme.unit_ended", unit=successor.code,
                                       on=successor.ended_on))
        _check_end_date(unit, on)
        unit.ended_on, unit.successor_id = on, successor.id
        audit.record(s, ws.actor, "registry.unit_merge", "registry_unit", unit.code,
                     new={"into": successor.code, "on": on})


def end_registry_unit(ws: Workspace, code: str, on: date) -> None:
    """The unit is dissolved on `on`, without a successor."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        unit = unit_by_code(s, code)
        if unit.ended_on is not None:
            raise ServiceError(Message("programme.unit_ended", unit=unit.code, on=unit.ended_on))
        _check_end_date(unit, on)
        unit.ended_on = on
        audit.record(s, ws.actor, "registry.unit_end", "registry_unit", unit.code,
                     new={"on": on})


def _check_end_date(unit: RegistryUnit, on: date) -> None:
    if unit.established_on is not None and on <= unit.established_on:
        raise ServiceError(Message("programme.end_before_start", unit=unit.code,
                                   on=unit.established_on))

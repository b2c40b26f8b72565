"""Innovations across years: registering one a unit reports (with or without an entry),
listing them, and monitoring: the secretariat's finding for a later year (continued or
stopped, and the units that replicated it that year). Also a competition's level."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.programme import CompetitionLevel, InnovationState
from judging_app.core.programme_records import InnovationRecord
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.programme_links import CodeMaker
from judging_app.services.programme_matches import innovation_by_code
from judging_app.services.registry import unit_by_code
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Competition, Entry
from judging_app.store.programme_models import (
    CompetitionLevelSetting,
    EntryInnovation,
    Innovation,
    InnovationReplication,
    InnovationStatus,
    RegistryUnit,
)

MAX_TITLE = 500


def now() -> datetime:
    return datetime.now(UTC)


def _check_year(year: int) -> None:
    if not 2000 <= year <= 2200:
        raise ValidationError(Message("programme.year_out_of_range", year=year))


def add_innovation(ws: Workspace, unit: str, title: str, year: int, summary: str = "") -> str:
    """An innovation the unit reported for `year` (it may never enter a competition);
    returns its code."""
    title = " ".join(title.split())
    _check_year(year)
    if not title or len(title) > MAX_TITLE:
        raise ValidationError(Message("programme.innovation_title_invalid", limit=MAX_TITLE))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        owner = unit_by_code(s, unit)
        innovation = Innovation(code=CodeMaker(s, year).next(), title=title, unit_id=owner.id,
                                first_year=year, summary=summary, created_at=now())
        s.add(innovation)
        s.flush()
        audit.record(s, ws.actor, "innovation.add", "innovation", innovation.code,
                     new={"title": title, "unit": owner.code, "year": year})
        return innovation.code


def list_innovations(db: Database, unit: str | None = None) -> list[InnovationRecord]:
    with db.read() as s:
        query = (select(Innovation, RegistryUnit.code, RegistryUnit.name)
                 .join(RegistryUnit, RegistryUnit.id == Innovation.unit_id)
                 .order_by(Innovation.first_year, Innovation.code))
        if unit is not None:
            query = query.where(Innovation.unit_id == unit_by_code(s, unit).id)
        rows = s.execute(query).all()
        years: dict[int, set[int]] = defaultdict(set)
        counts: dict[int, int] = defaultdict(int)
        for ident, year in s.execute(
                select(EntryInnovation.innovation_id, Competition.year)
                .join(Entry, Entry.id == EntryInnovation.entry_id)
                .join(Competition, Competition.id == Entry.competition_id)
                .where(EntryInnovation.confirmed)):
            years[ident].add(year)
            counts[ident] += 1
        latest: dict[int, tuple[int, str]] = {}
        for ident, year, state in s.execute(
                select(InnovationStatus.innovation_id, InnovationStatus.year,
                       InnovationStatus.state).order_by(InnovationStatus.year)):
            latest[ident] = (year, state)
    return [InnovationRecord(i.id, i.code, i.title, ucode, uname, i.first_year, i.summary,
                             counts[i.id], tuple(sorted(years[i.id])),
                             latest.get(i.id, (None, None))[1], latest.get(i.id, (None, None))[0])
            for i, ucode, uname in rows]


def record_status(ws: Workspace, innovation: str, year: int, state: InnovationState,
                  replicated_by: Sequence[str] = (), note: str = "") -> None:
    """The secretariat's finding for `year` (after the first year): replaces an earlier
    finding for that year."""
    state = InnovationState(state)
    _check_year(year)
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        inno = innovation_by_code(s, innovation)
        if year <= inno.first_year:
            raise ServiceError(Message("programme.status_not_later", innovation=inno.code,
                                       year=inno.first_year))
        units = _replicating_units(s, inno, replicated_by)
        row = s.scalar(select(InnovationStatus).where(InnovationStatus.innovation_id == inno.id,
                                                      InnovationStatus.year == year))
        old = None
        if row is None:
            row = InnovationStatus(innovation_id=inno.id, year=year)
            s.add(row)
        else:
            old = status_state(s, row)
            s.execute(delete(InnovationReplication)
                      .where(InnovationReplication.status_id == row.id))
        row.state, row.note = state.value, note.strip()
        row.recorded_by, row.recorded_at = ws.actor, now()
        s.flush()
        for unit in units:
            s.add(InnovationReplication(status_id=row.id, unit_id=unit.id))
        s.flush()
        audit.record(s, ws.actor, "innovation.status", "innovation", inno.code, old=old,
                     new=status_state(s, row))


def status_state(s: Session, row: InnovationStatus) -> dict:
    replicas = s.scalars(select(RegistryUnit.code).join(
        InnovationReplication, InnovationReplication.unit_id == RegistryUnit.id)
        .where(InnovationReplication.status_id == row.id).order_by(RegistryUnit.code)).all()
    return {"year": row.year, "state": row.state, "replicated_by": list(replicas),
            "note": row.note}


def _replicating_units(s: Session, inno: Innovation, codes: Sequence[str]) -> list[RegistryUnit]:
    units = []
    for code in dict.fromkeys(c.strip() for c in codes if c.strip()):
        unit = unit_by_code(s, code)
        if unit.id == inno.unit_id:
            raise ServiceError(Message("programme.replicated_by_owner", unit=unit.code,
                                       innovation=inno.code))
        units.append(unit)
    return units


def remove_status(ws: Workspace, innovation: str, year: int) -> None:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        inno = innovation_by_code(s, innovation)
        row = s.scalar(select(InnovationStatus).where(InnovationStatus.innovation_id == inno.id,
                                                      InnovationStatus.year == year))
        if row is None:
            raise ServiceError(Message("programme.no_status", innovation=inno.code, year=year))
        old = status_state(s, row)
        s.delete(row)
        audit.record(s, ws.actor, "innovation.status_remove", "innovation", inno.code, old=old)


def competition_level(db: Database, competition: str) -> CompetitionLevel:
    with db.read() as s:
        return level_of(s, lookup.competition(s, competition).id)


def level_of(s: Session, comp_id: int) -> CompetitionLevel:
    row = s.get(CompetitionLevelSetting, comp_id)
    return CompetitionLevel(row.level) if row else CompetitionLevel.CITY


def set_level_in_session(s: Session, actor: str, comp: Competition, level: CompetitionLevel) -> None:
    level = CompetitionLevel(level)
    old = level_of(s, comp.id)
    if old == level:
        return
    row = s.get(CompetitionLevelSetting, comp.id)
    if row is None:
        s.add(CompetitionLevelSetting(competition_id=comp.id, level=level.value))
    else:
        row.level = level.value
    s.flush()
    audit.record(s, actor, "competition.set_level", "competition", comp.code, old=old.value,
                 new=level.value, competition_id=comp.id)


def set_competition_level(ws: Workspace, competition: str, level: CompetitionLevel) -> None:
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        set_level_in_session(s, ws.actor, lookup.competition(s, competition), level)

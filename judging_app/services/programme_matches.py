"""What a person decides about the links to the register: run the matching for a
competition, see what waits (uncertain matches, units not in the register), confirm or
reject a match, choose another one, add a unit to the register from a competition's unit,
start a new innovation for an entry. Each decision is one transaction with its audit event.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.programme import InnovationRelation, LinkMethod
from judging_app.core.programme_records import (
    LinkReport,
    Matches,
    PendingEntryMatch,
    PendingUnitMatch,
)
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.errors import NotFoundError, ServiceError
from judging_app.services.programme_links import (
    CodeMaker,
    link_competition,
    now,
    relink_unit_entries,
)
from judging_app.services.registry import add_unit_in_session, timelines, unit_by_code
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Competition, Entry, Unit
from judging_app.store.programme_models import (
    EntryInnovation,
    Innovation,
    RegistryUnit,
    UnitLink,
)


def link(ws: Workspace, competition: str) -> LinkReport:
    """Match every unlinked unit and entry of the competition (`programme link`)."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp = lookup.competition(s, competition)
        return link_competition(s, ws.actor, comp.id)


def add_register_units(ws: Workspace, competition: str) -> int:
    """Give the competition every register unit that exists in its year and that it does
    not have yet (by link or by code), named as in that year and linked; returns how many
    were added. A new city competition then needs no typing of units."""
    from judging_app.services.entries import add_unit_in_session as add_competition_unit

    with ws.db.write() as s:

        require(s, ws, Role.SECRETARIAT)
        comp = lookup.writable_competition(s, competition)
        linked = set(s.scalars(select(UnitLink.registry_unit_id).join(
            Unit, Unit.id == UnitLink.unit_id).where(Unit.competition_id == comp.id)))
        taken = {c.casefold() for c in s.scalars(select(Unit.code).where(
            Unit.competition_id == comp.id))}
        names = {n.casefold() for n in s.scalars(select(Unit.name).where(
            Unit.competition_id == comp.id))}
        added = 0
        for line in sorted(timelines(s).values(), key=lambda t: t.code):
            name = line.name_in(comp.year)
            if (not line.listed_in(comp.year) or line.id in linked
                    or line.code.casefold() in taken or name.casefold() in names):
                continue
            add_competition_unit(s, ws.actor, comp.id, line.code, name, line.kind)  # linked
            added += 1
        return added


def pending(db: Database, competition: str | None = None) -> Matches:
    with db.read() as s:
        comp_filter = []
        if competition is not None:
            comp_filter = [Competition.id == lookup.competition(s, competition).id]
        units = [PendingUnitMatch(*row) for row in s.execute(
            select(Competition.code, Unit.code, Unit.name, RegistryUnit.code, RegistryUnit.name)
            .join(Unit, Unit.competition_id == Competition.id)
            .outerjoin(UnitLink, UnitLink.unit_id == Unit.id)
            .outerjoin(RegistryUnit, RegistryUnit.id == UnitLink.registry_unit_id)
            .where(UnitLink.confirmed.is_not(True), *comp_filter)
            .order_by(Competition.year, Competition.code, Unit.code))]
        registered = s.scalar(select(RegistryUnit.id).limit(1)) is not None
        entries = [PendingEntryMatch(*row) for row in s.execute(
            select(Competition.code, Entry.code, Entry.title, Innovation.code, Innovation.title,
                   Innovation.first_year)
            .join(Entry, Entry.competition_id == Competition.id)
            .join(EntryInnovation, EntryInnovation.entry_id == Entry.id)
            .join(Innovation, Innovation.id == EntryInnovation.innovation_id)
            .where(EntryInnovation.confirmed.is_(False), *comp_filter)
            .order_by(Competition.year, Competition.code, Entry.code))]
    return Matches(units if registered else [], entries)


def _unit(s: Session, competition: str, unit_code: str) -> tuple[Competition, Unit]:
    comp = lookup.competition(s, competition)
    return comp, lookup.unit(s, comp.id, unit_code)


def confirm_unit(ws: Workspace, competition: str, unit_code: str,
                 registry_code: str | None = None) -> LinkReport:
    """Confirm the proposed register unit, or link to `registry_code` instead."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp, unit = _unit(s, competition, unit_code)
        row = s.get(UnitLink, unit.id)
        if registry_code is None and row is None:
            raise ServiceError(Message("programme.no_proposal", unit=unit.code))
        target = unit_by_code(s, registry_code) if registry_code else s.get_one(
            RegistryUnit, row.registry_unit_id)
        old = None if row is None else {"register": s.get_one(
            RegistryUnit, row.registry_unit_id).code, "confirmed": row.confirmed}
        if row is None:
            row = UnitLink(unit_id=unit.id)
            s.add(row)
        row.registry_unit_id, row.confirmed = target.id, True
        row.method = LinkMethod.MANUAL.value if registry_code else row.method
        row.linked_at, row.linked_by = now(), ws.actor
        s.flush()
        audit.record(s, ws.actor, "programme.unit_link", "unit", unit.code, old=old,
                     new={"register": target.code, "confirmed": True}, competition_id=comp.id)
        return relink_unit_entries(s, ws.actor, unit)


def reject_unit(ws: Workspace, competition: str, unit_code: str) -> None:
    """Drop an uncertain proposal: the unit stays outside the register."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp, unit = _unit(s, competition, unit_code)
        row = s.get(UnitLink, unit.id)
        if row is None or row.confirmed:
            raise ServiceError(Message("programme.no_proposal", unit=unit.code))
        proposed = s.get_one(RegistryUnit, row.registry_unit_id).code
        s.delete(row)
        audit.record(s, ws.actor, "programme.unit_reject", "unit", unit.code,
                     old={"register": proposed}, competition_id=comp.id)


def register_unit(ws: Workspace, competition: str, unit_code: str,
                  registry_code: str | None = None) -> LinkReport:
    """Add the competition's unit to the register (its code and name) and link it."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp, unit = _unit(s, competition, unit_code)
        row = s.get(UnitLink, unit.id)
        if row is not None and row.confirmed:
            raise ServiceError(Message("programme.unit_already_linked", unit=unit.code))
        created = add_unit_in_session(s, ws.actor, registry_code or unit.code, unit.name,
                                      unit.kind)
        if row is not None:
            s.delete(row)
            s.flush()
        s.add(UnitLink(unit_id=unit.id, registry_unit_id=created.id,
                       method=LinkMethod.CREATED.value, confirmed=True, linked_at=now(),
                       linked_by=ws.actor))
        s.flush()
        audit.record(s, ws.actor, "programme.unit_link", "unit", unit.code,
                     new={"register": created.code, "confirmed": True}, competition_id=comp.id)
        return relink_unit_entries(s, ws.actor, unit)


def _entry(s: Session, competition: str, entry_code: str) -> tuple[Competition, Entry]:
    comp = lookup.competition(s, competition)
    return comp, lookup.entry(s, comp.id, entry_code)


def innovation_by_code(s: Session, code: str) -> Innovation:
    row = s.scalar(select(Innovation).where(Innovation.code == code.strip()))
    if row is None:
        raise NotFoundError(Message("programme.innovation_not_found", innovation=code))
    return row


def confirm_entry(ws: Workspace, competition: str, entry_code: str,
                  innovation_code: str | None = None,
                  relation: InnovationRelation | None = None) -> None:
    """Confirm the proposed innovation (optionally as a development of it), or link the
    entry to `innovation_code` instead."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp, entry = _entry(s, competition, entry_code)
        row = s.get(EntryInnovation, entry.id)
        if innovation_code is None and (row is None or (row.confirmed and relation is None)):
            raise ServiceError(Message("programme.no_entry_proposal", entry=entry.code))
        target = innovation_by_code(s, innovation_code) if innovation_code else s.get_one(
            Innovation, row.innovation_id)
        if target.first_year > comp.year:
            raise ServiceError(Message("programme.innovation_later", innovation=target.code,
                                       year=target.first_year, entry=entry.code))
        old = None if row is None else {"innovation": s.get_one(
            Innovation, row.innovation_id).code, "relation": row.relation,
            "confirmed": row.confirmed}
        if row is None:
            row = EntryInnovation(entry_id=entry.id)
            s.add(row)
        row.innovation_id, row.confirmed = target.id, True
        row.relation = (relation or InnovationRelation(row.relation or "continues")).value
        row.linked_at, row.linked_by = now(), ws.actor
        s.flush()
        audit.record(s, ws.actor, "programme.entry_link", "entry", entry.code, old=old,
                     new={"innovation": target.code, "relation": row.relation},
                     competition_id=comp.id)


def new_innovation_for_entry(ws: Workspace, competition: str, entry_code: str) -> str:
    """The entry is an innovation of its own (the proposal was wrong); returns its code."""
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        comp, entry = _entry(s, competition, entry_code)
        row = s.get(EntryInnovation, entry.id)
        link_row = s.get(UnitLink, entry.unit_id)
        if link_row is None or not link_row.confirmed:
            raise ServiceError(Message("programme.entry_unit_unlinked", entry=entry.code))
        if row is not None and row.confirmed:
            raise ServiceError(Message("programme.entry_already_linked", entry=entry.code))
        old = None
        if row is not None:
            old = {"innovation": s.get_one(Innovation, row.innovation_id).code}
            s.delete(row)
            s.flush()
        innovation = Innovation(code=CodeMaker(s, comp.year).next(), title=entry.title,
                                unit_id=link_row.registry_unit_id, first_year=comp.year,
                                summary=entry.summary, created_at=now())
        s.add(innovation)
        s.flush()
        s.add(EntryInnovation(entry_id=entry.id, innovation_id=innovation.id,
                              relation=InnovationRelation.NEW.value, confirmed=True,
                              linked_at=now(), linked_by=ws.actor))
        audit.record(s, ws.actor, "programme.entry_link", "entry", entry.code, old=old,
                     new={"innovation": innovation.code, "relation": "new"},
                     competition_id=comp.id)
        return innovation.code

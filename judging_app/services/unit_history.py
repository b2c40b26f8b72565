"""A unit's history over the years: its names, the units merged into it, and per year its
entries (every competition, with awards from finalized results and where they were
forwarded), the monitoring of its innovations (continued, stopped, replicated by whom),
the innovations of others it replicated, and its compliance numbers."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from judging_app.core.compliance import ComplianceRow
from judging_app.core.enums import CompetitionStatus
from judging_app.core.programme import CompetitionLevel
from judging_app.core.programme_records import RegistryUnitRecord
from judging_app.services.compliance import compliance_in
from judging_app.services.programme_awards import awards_by_entry
from judging_app.services.registry import records_in, timelines, unit_by_code
from judging_app.store.database import Database
from judging_app.store.models import Competition, Entry
from judging_app.store.programme_models import (
    CompetitionLevelSetting,
    EntryForward,
    EntryInnovation,
    Innovation,
    InnovationReplication,
    InnovationStatus,
    RegistryUnit,
    UnitLink,
)


@dataclass(frozen=True)
class HistoryEntry:
    competition: str
    competition_name: str
    level: str
    entry: str
    title: str
    status: str
    award: str | None
    innovation: str | None
    relation: str | None
    unit: str  # the register unit it was entered under (the unit itself or one merged in)
    forwarded_to: tuple[str, ...]  # competitions it was taken on to


@dataclass(frozen=True)
class HistoryStatus:
    innovation: str
    title: str
    owner: str  # register unit code
    state: str
    replicated_by: tuple[tuple[str, str], ...]  # (code, name)
    note: str


@dataclass(frozen=True)
class HistoryYear:
    year: int
    numbers: ComplianceRow | None  # None: the unit had no line that year (merged, not yet)
    entries: tuple[HistoryEntry, ...]
    statuses: tuple[HistoryStatus, ...]  # its own innovations' monitoring that year
    replicated: tuple[HistoryStatus, ...]  # others' innovations it replicated that year


@dataclass(frozen=True)
class UnitHistory:
    unit: RegistryUnitRecord
    absorbed: tuple[RegistryUnitRecord, ...]  # merged into it (directly or not)
    years: tuple[HistoryYear, ...]  # oldest first


def unit_history(db: Database, code: str) -> UnitHistory:
    with db.read() as s:
        unit = unit_by_code(s, code)
        records = {r.id: r for r in records_in(s)}
        lines = timelines(s)
        family = _family(lines, unit.id)
        entries = _entries(s, family)
        statuses, replicated = _statuses(s, family)
        years = sorted({*entries, *statuses, *replicated} | _innovation_years(s, family))
        if years:  # from its first activity to the programme's latest year (gaps show)
            last = max([*years, *s.scalars(select(Competition.year))])
            years = list(range(years[0], last + 1))
        out = []
        for year in years:
            row = next((r for r in compliance_in(s, year).compliance.rows if r.unit_id == unit.id),
                       None)
            out.append(HistoryYear(year, row, tuple(entries.get(year, ())),
                                   tuple(statuses.get(year, ())), tuple(replicated.get(year, ()))))
        return UnitHistory(records[unit.id],
                           tuple(records[i] for i in sorted(family - {unit.id},
                                                            key=lambda i: records[i].code)),
                           tuple(out))


def _family(lines, unit_id: int) -> set[int]:
    """The unit and every unit merged into it, directly or through another."""
    family = {unit_id}
    changed = True
    while changed:
        changed = False
        for line in lines.values():
            if line.successor_id in family and line.id not in family:
                family.add(line.id)
                changed = True
    return family


def _innovation_years(s: Session, family: set[int]) -> set[int]:
    return set(s.scalars(select(Innovation.first_year).where(Innovation.unit_id.in_(family))))


def _entries(s: Session, family: set[int]) -> dict[int, list[HistoryEntry]]:
    target = aliased(Competition)
    forwards: dict[int, list[str]] = defaultdict(list)
    rows = s.execute(
        select(Competition, Entry, RegistryUnit.code, Innovation.code, EntryInnovation.relation,
               CompetitionLevelSetting.level)
        .join(Entry, Entry.competition_id == Competition.id)
        .join(UnitLink, (UnitLink.unit_id == Entry.unit_id) & UnitLink.confirmed)
        .join(RegistryUnit, RegistryUnit.id == UnitLink.registry_unit_id)
        .outerjoin(EntryInnovation,
                   (EntryInnovation.entry_id == Entry.id) & EntryInnovation.confirmed)
        .outerjoin(Innovation, Innovation.id == EntryInnovation.innovation_id)
        .outerjoin(CompetitionLevelSetting,
                   CompetitionLevelSetting.competition_id == Competition.id)
        .where(UnitLink.registry_unit_id.in_(family))
        .order_by(Competition.year, Competition.code, Entry.code)).all()
    ids = [e.id for _, e, *_ in rows]
    if ids:
        for from_id, code in s.execute(
                select(EntryForward.from_entry_id, target.code)
                .join(target, target.id == EntryForward.to_competition_id)
                .where(EntryForward.from_entry_id.in_(ids))):
            forwards[from_id].append(code)
    finalized = {c.id for c, *_ in rows if c.status == CompetitionStatus.FINALIZED}
    awards = awards_by_entry(s, finalized)
    out: dict[int, list[HistoryEntry]] = defaultdict(list)
    for comp, e, unit_code, innovation, relation, level in rows:
        out[comp.year].append(HistoryEntry(
            comp.code, comp.name, level or CompetitionLevel.CITY.value, e.code, e.title,
            e.status, awards.get(e.id), innovation, relation, unit_code,
            tuple(sorted(forwards.get(e.id, ())))))
    return out


def _statuses(s: Session, family: set[int]):
    """(own innovations' statuses by year, others' innovations it replicated by year)."""
    replicas: dict[int, list[tuple[str, str]]] = defaultdict(list)
    replicated_ids: set[int] = set()
    for status_id, unit_id, code, name in s.execute(
            select(InnovationReplication.status_id, RegistryUnit.id, RegistryUnit.code,
                   RegistryUnit.name)
            .join(RegistryUnit, RegistryUnit.id == InnovationReplication.unit_id)
            .order_by(RegistryUnit.code)):
        replicas[status_id].append((code, name))
        if unit_id in family:
            replicated_ids.add(status_id)
    own: dict[int, list[HistoryStatus]] = defaultdict(list)
    others: dict[int, list[HistoryStatus]] = defaultdict(list)
    for st, inno, owner in s.execute(
            select(InnovationStatus, Innovation, RegistryUnit.code)
            .join(Innovation, Innovation.id == InnovationStatus.innovation_id)
            .join(RegistryUnit, RegistryUnit.id == Innovation.unit_id)
            .order_by(InnovationStatus.year, Innovation.code)):
        line = HistoryStatus(inno.code, inno.title, owner, st.state,
                             tuple(replicas.get(st.id, ())), st.note)
        if inno.unit_id in family:
            own[st.year].append(line)
        elif st.id in replicated_ids:
            others[st.year].append(line)
    return own, others

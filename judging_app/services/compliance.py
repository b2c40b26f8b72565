"""Compliance of a programme year (core/compliance.py says what is counted): the rows
are loaded in a handful of whole-table queries, so a year of 300 entries and 60 units
takes milliseconds, and ten years a fraction of a second (benchmarks/bench_programme.py)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.compliance import Compliance, YearEntry, compute_compliance
from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.core.programme import CompetitionLevel
from judging_app.services.programme_awards import awards_by_entry
from judging_app.services.registry import timelines
from judging_app.store.database import Database
from judging_app.store.models import Competition, Entry
from judging_app.store.programme_models import (
    CompetitionLevelSetting,
    EntryInnovation,
    Innovation,
    InnovationReplication,
    InnovationStatus,
    UnitLink,
)


@dataclass(frozen=True)
class CountedCompetition:
    code: str
    name: str
    finalized: bool


@dataclass(frozen=True)
class ComplianceReport:
    compliance: Compliance
    competitions: tuple[CountedCompetition, ...]  # the year's city competitions
    innovation_titles: dict[int, tuple[str, str]]  # innovation id → (code, title)

    @property
    def year(self) -> int:
        return self.compliance.year


def compliance(db: Database, year: int) -> ComplianceReport:
    with db.read() as s:
        return compliance_in(s, year)


def city_competitions(s: Session, year: int) -> list[Competition]:
    """The year's competitions at city level (those without a level are the city's)."""
    return list(s.scalars(
        select(Competition)
        .outerjoin(CompetitionLevelSetting,
                   CompetitionLevelSetting.competition_id == Competition.id)
        .where(Competition.year == year,
               (CompetitionLevelSetting.level.is_(None))
               | (CompetitionLevelSetting.level == CompetitionLevel.CITY.value))
        .order_by(Competition.code)))


def compliance_in(s: Session, year: int) -> ComplianceReport:
    units = timelines(s)
    comps = city_competitions(s, year)
    comp_ids = [c.id for c in comps]
    new = s.execute(select(Innovation.id, Innovation.unit_id)
                    .where(Innovation.first_year == year)).all()
    replications = s.execute(
        select(InnovationStatus.innovation_id, InnovationReplication.unit_id)
        .join(InnovationReplication, InnovationReplication.status_id == InnovationStatus.id)
        .where(InnovationStatus.year == year)).all()
    awards = awards_by_entry(s, [c.id for c in comps if c.status == CompetitionStatus.FINALIZED])
    entries = []
    if comp_ids:
        for entry_id, unit_id, confirmed, innovation_id, linked, status in s.execute(
                select(Entry.id, UnitLink.registry_unit_id, UnitLink.confirmed,
                       EntryInnovation.innovation_id, EntryInnovation.confirmed, Entry.status)
                .outerjoin(UnitLink, UnitLink.unit_id == Entry.unit_id)
                .outerjoin(EntryInnovation, EntryInnovation.entry_id == Entry.id)
                .where(Entry.competition_id.in_(comp_ids))):
            entries.append(YearEntry(
                entry_id, unit_id if confirmed else None, innovation_id if linked else None,
                status == EntryStatus.ELIGIBLE.value, awards.get(entry_id)))
    result = compute_compliance(year, units, new, replications, entries)
    ids = {i for row in result.rows for i in row.innovations}
    titles = {}
    if ids:
        titles = {i: (c, t) for i, c, t in s.execute(
            select(Innovation.id, Innovation.code, Innovation.title)
            .where(Innovation.id.in_(ids)))}
    return ComplianceReport(
        result, tuple(CountedCompetition(c.code, c.name, c.status == CompetitionStatus.FINALIZED)
                      for c in comps), titles)


def programme_years(db: Database) -> list[int]:
    """Years with a competition or an innovation, newest first (for choosing a year)."""
    with db.read() as s:
        years = set(s.scalars(select(Competition.year)))
        years |= set(s.scalars(select(Innovation.first_year)))
        years |= set(s.scalars(select(InnovationStatus.year)))
    return sorted(years, reverse=True)

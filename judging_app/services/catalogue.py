"""The public catalogue (the innovation information network): every innovation of the
register with its unit (as it is now: a merged unit's successor), years, categories,
awards from finalized results, its latest entry's summary, stage, type and links, and its
monitoring. Innovators and contacts (personal data) only when the secretariat includes
them. Written as an offline static site with an Excel copy beside its index."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus
from judging_app.core.messages import Message
from judging_app.core.programme import CompetitionLevel, InnovationState, resolve
from judging_app.exchange.catalogue_data import Catalogue, CatalogueEntry, CatalogueItem
from judging_app.exchange.catalogue_site import replaceable, write_catalogue_site
from judging_app.exchange.catalogue_workbook import write_catalogue_workbook
from judging_app.services.errors import ServiceError
from judging_app.services.programme_awards import awards_by_entry
from judging_app.services.registry import timelines
from judging_app.store.database import Database
from judging_app.store.models import Category, Competition, Entry
from judging_app.store.programme_models import (
    CompetitionLevelSetting,
    EntryInnovation,
    Innovation,
    InnovationReplication,
    InnovationStatus,
)

Progress = Callable[[int, int], None]
WORKBOOK_NAMES = {"id": "katalog-inovasi.xlsx", "en": "innovation-catalogue.xlsx"}


@dataclass(frozen=True)
class CatalogueReport:
    index: Path
    workbook: Path
    innovations: int


def build_catalogue(db: Database, year: int | None = None, include_contacts: bool = False,
                    workbook: str = "") -> Catalogue:
    with db.read() as s:
        items = _items(s, include_contacts)
    if year is not None:
        items = [i for i in items if year in i.years]
    items.sort(key=lambda i: (-max(i.years), i.title.casefold(), i.code))
    return Catalogue(tuple(items), year, include_contacts, date.today(), workbook)


def _items(s: Session, contacts: bool) -> list[CatalogueItem]:
    lines = timelines(s)
    now = max([date.today().year, *s.scalars(select(Competition.year))])
    entries = defaultdict(list)
    finalized = set()
    for row in s.execute(
            select(EntryInnovation.innovation_id, Competition.id.label("comp_id"),
                   Competition.year, Competition.name.label("competition"),
                   Competition.status.label("comp_status"), CompetitionLevelSetting.level,
                   Entry.id.label("entry_id"), Entry.code, Entry.status,
                   Category.name.label("category"), Entry.stage, Entry.innovation_type,
                   Entry.summary, Entry.links, Entry.innovators, Entry.contact)
            .join(Entry, Entry.id == EntryInnovation.entry_id)
            .join(Competition, Competition.id == Entry.competition_id)
            .join(Category, Category.id == Entry.category_id)
            .outerjoin(CompetitionLevelSetting,
                       CompetitionLevelSetting.competition_id == Competition.id)
            .where(EntryInnovation.confirmed)
            .order_by(Competition.year, Competition.code, Entry.code)):
        entries[row.innovation_id].append(row)
        if row.comp_status == CompetitionStatus.FINALIZED:
            finalized.add(row.comp_id)
    awards = awards_by_entry(s, finalized)
    states: dict[int, list[tuple[int, str, int]]] = defaultdict(list)
    for ident, year, state, status_id in s.execute(
            select(InnovationStatus.innovation_id, InnovationStatus.year, InnovationStatus.state,
                   InnovationStatus.id).order_by(InnovationStatus.year)):
        states[ident].append((year, state, status_id))
    replicas: dict[int, list[int]] = defaultdict(list)
    for status_id, unit_id in s.execute(select(InnovationReplication.status_id,
                                               InnovationReplication.unit_id)):
        replicas[status_id].append(unit_id)
    out = []
    for inno in s.scalars(select(Innovation)):
        mine = entries.get(inno.id, [])
        found = states.get(inno.id, [])
        owner = lines[resolve(lines, inno.unit_id, now)]
        latest = next((r for r in reversed(mine) if r.summary.strip()), mine[-1] if mine else None)
        years = {inno.first_year, *(r.year for r in mine),
                 *(y for y, st, _ in found if st == InnovationState.CONTINUED)}
        replicated = sorted({lines[u].name_in(y) for y, _, sid in found
                             for u in replicas.get(sid, ())})
        out.append(CatalogueItem(
            code=inno.code, title=inno.title, unit_code=owner.code,
            unit_name=owner.name_in(now), first_year=inno.first_year,
            years=tuple(sorted(years)), categories=tuple(sorted({r.category for r in mine})),
            awards=tuple(f"{awards[r.entry_id]} — {r.competition}" for r in mine
                         if r.entry_id in awards),
            stage=latest.stage if latest else "",
            innovation_type=latest.innovation_type if latest else "",
            summary=(latest.summary if latest else "") or inno.summary,
            links=tuple(x for x in (latest.links if latest else "").split("\n") if x.strip()),
            state=found[-1][1] if found else None, state_year=found[-1][0] if found else None,
            replicated_by=tuple(replicated),
            history=tuple(CatalogueEntry(r.year, r.competition,
                                         r.level or CompetitionLevel.CITY.value, r.code,
                                         r.status, awards.get(r.entry_id)) for r in mine),
            innovators=latest.innovators if latest and contacts else "",
            contact=latest.contact if latest and contacts else ""))
    return out


def write_catalogue(db: Database, folder: Path | str, year: int | None = None,
                    include_contacts: bool = False, lang: str = "id",
                    progress: Progress | None = None) -> CatalogueReport:
    folder = Path(folder)
    if not replaceable(folder):
        raise ServiceError(Message("programme.catalogue_folder_taken", folder=str(folder)))
    name = WORKBOOK_NAMES.get(lang, WORKBOOK_NAMES["id"])
    cat = build_catalogue(db, year, include_contacts, name)
    index = write_catalogue_site(folder, cat, lang, progress,
                                 extra=lambda work: write_catalogue_workbook(work / name, cat,
                                                                             lang))
    return CatalogueReport(index, folder / name, len(cat.items))

"""Tying a competition's own units and entries to the register, inside the caller's
transaction: `link_competition` runs when units are added or entries imported (and on
`programme link`).

- A unit with the code of a register unit, or its name (now or in its history), is linked
  at once; a similar name is proposed (unconfirmed, counted nowhere) for a person to
  confirm; a unit like nothing stays unlinked (listed as not in the register).
- An entry of a linked unit is linked to an innovation of that unit (or of the units
  merged into it) from an earlier year or another competition: the same title continues
  it; a similar title is proposed; otherwise the entry starts a new innovation.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import UTC, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from judging_app.core.programme import (
    Candidate,
    InnovationRelation,
    UnitTimeline,
    best_similar,
    match_unit,
    name_key,
    resolve,
)
from judging_app.core.programme_records import LinkReport
from judging_app.services import audit
from judging_app.services.registry import timelines
from judging_app.store.models import Competition, Entry, Unit
from judging_app.store.programme_models import (
    EntryInnovation,
    Innovation,
    RegistryUnit,
    UnitLink,
)


def now() -> datetime:
    return datetime.now(UTC)


def link_competition(s: Session, actor: str, comp_id: int, *,
                     unit_ids: Iterable[int] | None = None,
                     entry_ids: Iterable[int] | None = None) -> LinkReport:
    """Link the competition's unlinked units (only `unit_ids` when given) and entries (only
    `entry_ids`); one audit event when anything was linked or proposed."""
    if s.scalar(select(func.count()).select_from(RegistryUnit)) == 0:
        return LinkReport()  # no register yet: the programme is not in use
    comp = s.get_one(Competition, comp_id)
    lines = timelines(s)
    report = link_units(s, actor, comp, lines, unit_ids)
    report += link_entries(s, actor, comp, lines, entry_ids)
    if report.changed:
        audit.record(s, actor, "programme.link", "competition", comp.code,
                     new=dict(zip(("units_linked", "units_proposed", "units_unmatched",
                                   "entries_linked", "entries_proposed",
                                   "innovations_created"), report.as_tuple(), strict=True)),
                     competition_id=comp.id)
    return report


def link_units(s: Session, actor: str, comp: Competition, lines: dict[int, UnitTimeline],
               unit_ids: Iterable[int] | None = None) -> LinkReport:
    query = (select(Unit).outerjoin(UnitLink, UnitLink.unit_id == Unit.id)
             .where(Unit.competition_id == comp.id, UnitLink.unit_id.is_(None)))
    if unit_ids is not None:
        query = query.where(Unit.id.in_(list(unit_ids)))
    units = s.scalars(query).all()
    if not units:
        return LinkReport()
    candidates = [Candidate(t.id, t.code, tuple(n for _, n in reversed(t.names)))
                  for t in lines.values()]
    linked = proposed = unmatched = 0
    for unit in units:
        match = match_unit(unit.code, unit.name, candidates)
        if match.id is None:
            unmatched += 1
            continue
        s.add(UnitLink(unit_id=unit.id, registry_unit_id=match.id, method=match.method.value,
                       confirmed=match.certain, linked_at=now(), linked_by=actor))
        linked += match.certain
        proposed += not match.certain
    s.flush()
    return LinkReport(units_linked=linked, units_proposed=proposed, units_unmatched=unmatched)


def link_entries(s: Session, actor: str, comp: Competition, lines: dict[int, UnitTimeline],
                 entry_ids: Iterable[int] | None = None) -> LinkReport:
    query = (select(Entry.id, Entry.title, Entry.summary, UnitLink.registry_unit_id)
             .join(UnitLink, (UnitLink.unit_id == Entry.unit_id) & UnitLink.confirmed)
             .outerjoin(EntryInnovation, EntryInnovation.entry_id == Entry.id)
             .where(Entry.competition_id == comp.id, EntryInnovation.entry_id.is_(None))
             .order_by(Entry.id))
    if entry_ids is not None:
        query = query.where(Entry.id.in_(list(entry_ids)))
    rows = s.execute(query).all()
    if not rows:
        return LinkReport()
    pool = _innovation_pool(s, comp, lines)
    codes = CodeMaker(s, comp.year)
    linked = proposed = created = 0
    for entry_id, title, summary, registry_unit_id in rows:
        owner = resolve(lines, registry_unit_id, comp.year)
        candidates = pool[owner]
        key = name_key(title)
        same = [i for i, k, _ in candidates if k == key]
        if same:
            _link(s, actor, entry_id, same[0], InnovationRelation.CONTINUES, True)
            linked += 1
            pool[owner] = [c for c in candidates if c[0] != same[0]]
            continue
        similar = best_similar(key, [(i, [t]) for i, _, t in candidates])
        if similar.id is not None:
            _link(s, actor, entry_id, similar.id, InnovationRelation.CONTINUES, False)
            proposed += 1
            pool[owner] = [c for c in candidates if c[0] != similar.id]
            continue
        innovation = Innovation(code=codes.next(), title=title, unit_id=registry_unit_id,
                                first_year=comp.year, summary=summary, created_at=now())
        s.add(innovation)
        s.flush()
        _link(s, actor, entry_id, innovation.id, InnovationRelation.NEW, True)
        created += 1
    s.flush()
    return LinkReport(entries_linked=linked + created, entries_proposed=proposed,
                      innovations_created=created)


def _link(s: Session, actor: str, entry_id: int, innovation_id: int,
          relation: InnovationRelation, confirmed: bool) -> None:
    s.add(EntryInnovation(entry_id=entry_id, innovation_id=innovation_id,
                          relation=relation.value, confirmed=confirmed, linked_at=now(),
                          linked_by=actor))


def _innovation_pool(s: Session, comp: Competition, lines: dict[int, UnitTimeline]
                     ) -> dict[int, list[tuple[int, str, str]]]:
    """Innovations an entry of `comp` may continue, by the unit they count for in its year:
    (id, title key, title), first registered by then, not already in this competition."""
    taken = select(EntryInnovation.innovation_id).join(
        Entry, Entry.id == EntryInnovation.entry_id).where(Entry.competition_id == comp.id)
    pool: dict[int, list[tuple[int, str, str]]] = defaultdict(list)
    for ident, title, unit_id in s.execute(
            select(Innovation.id, Innovation.title, Innovation.unit_id)
            .where(Innovation.first_year <= comp.year, Innovation.id.not_in(taken))
            .order_by(Innovation.first_year, Innovation.id)):
        pool[resolve(lines, unit_id, comp.year)].append((ident, name_key(title), title))
    return pool


class CodeMaker:
    """Innovation codes INO-<year>-<number>, numbered on from the year's highest."""

    def __init__(self, s: Session, year: int) -> None:
        self.prefix = f"INO-{year}-"
        taken = s.scalars(select(Innovation.code).where(Innovation.code.like(f"{self.prefix}%")))
        numbers = [int(c[len(self.prefix):]) for c in taken if c[len(self.prefix):].isdigit()]
        self.last = max(numbers, default=0)

    def next(self) -> str:
        self.last += 1
        return f"{self.prefix}{self.last:04d}"


def relink_unit_entries(s: Session, actor: str, unit: Unit) -> LinkReport:
    """After a person confirmed or chose a unit's link: link its entries."""
    comp = s.get_one(Competition, unit.competition_id)
    ids = s.scalars(select(Entry.id).where(Entry.unit_id == unit.id)).all()
    return link_entries(s, actor, comp, timelines(s), ids)

"""Forwarding: the winners (or chosen entries) of a city competition taken into a regional
or national one (for instance a competition made from the KIPP template), all or nothing.

Each forwarded entry keeps its code, title, innovators, contact, stage, type, start date,
summary, links and documents (proposal, evidence: services/forwarding_documents), its
unit (found in the target by
code or name, else created, with its link to the register) and its innovation (related as
"forwarded"); it starts as registered, to be screened again. Refused as a whole when an
entry was already forwarded there, when its innovation is already entered there, or when
its code is taken. One audit event per entry, in the target competition's trail. The
target may be made from a template by the same transaction (`NewTarget`): a refused
forwarding leaves no competition behind.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from judging_app.core.enums import CompetitionStatus, EntryStatus
from judging_app.core.messages import Message
from judging_app.core.people import Role
from judging_app.core.programme import CompetitionLevel, InnovationRelation
from judging_app.services import audit, lookup
from judging_app.services.authorization import require
from judging_app.services.competitions import insert_competition
from judging_app.services.conflicts import sync_unit_conflicts
from judging_app.services.errors import ServiceError, ValidationError
from judging_app.services.forwarding_documents import (
    check_document_room,
    copy_documents,
    round_map,
)
from judging_app.services.innovations import level_of, set_level_in_session
from judging_app.services.programme_awards import awards_by_entry
from judging_app.services.programme_links import now
from judging_app.services.templates import template_setup
from judging_app.services.workspace import Workspace
from judging_app.store.database import Database
from judging_app.store.models import Category, Competition, Entry, Unit
from judging_app.store.programme_models import EntryForward, EntryInnovation, UnitLink

COPIED = ("title", "innovators", "contact", "stage", "innovation_type", "started_on",
          "summary", "links")


@dataclass(frozen=True)
class ForwardedEntry:
    code: str
    title: str
    unit: str
    category: str  # in the target
    award: str | None  # in the source's finalized results


@dataclass(frozen=True)
class ForwardReport:
    source: str
    target: str
    level: CompetitionLevel
    entries: tuple[ForwardedEntry, ...]
    units_created: tuple[str, ...]
    attachments: int  # documents and links carried
    created: bool = False  # the target was made from a template by this forwarding


@dataclass(frozen=True)
class NewTarget:
    """Make the target competition from a template in the same transaction (nothing is
    made when the forwarding is refused). Its year defaults to the source's year + 1."""

    template: str  # a template key, e.g. "national_kipp"
    name: str | None = None
    year: int | None = None


def forward_entries(ws: Workspace, source: str, target: str, *,
                    entry_codes: Sequence[str] | None = None, winners: bool = False,
                    category: str | None = None,
                    level: CompetitionLevel | None = None,
                    new_target: NewTarget | None = None) -> ForwardReport:
    if winners == (entry_codes is not None):
        raise ValidationError(Message("programme.forward_what"))
    with ws.db.write() as s:
        require(s, ws, Role.SECRETARIAT)
        src = lookup.competition(s, source)
        if new_target is None and src.id == lookup.competition(s, target).id:
            raise ServiceError(Message("programme.forward_same", competition=src.code))
        chosen, awards = _chosen(s, src, entry_codes, winners)
        if new_target is not None:
            _create_target(s, ws.actor, src, target, new_target, chosen, category, level)
        dst = lookup.writable_competition(s, target)
        level = _target_level(s, dst, level)
        cats = {c.code: c for c in s.scalars(select(Category).where(
            Category.competition_id == dst.id).order_by(Category.position))}
        _check_duplicates(s, src, dst, chosen)
        check_document_room(s, dst, chosen)
        rounds = round_map(s, src, dst)
        set_level_in_session(s, ws.actor, dst, level)
        units = _UnitFinder(s, ws.actor, dst)
        out, new_ids, carried = [], [], 0
        for e in chosen:
            cat = _category(s, e, cats, category, dst)
            unit = units.unit_for(s.get_one(Unit, e.unit_id))
            new = Entry(competition_id=dst.id, code=e.code, unit_id=unit.id, category_id=cat.id,
                        status=EntryStatus.REGISTERED.value, status_reason="",
                        created_at=now(), updated_at=now(),
                        **{f: getattr(e, f) for f in COPIED})
            s.add(new)
            s.flush()
            new_ids.append(new.id)
            documents, links = copy_documents(s, ws.actor, e, new, rounds)
            carried += len(documents) + len(links)
            link = s.get(EntryInnovation, e.id)
            innovation = None
            if link is not None and link.confirmed:
                innovation = link.innovation_id
                s.add(EntryInnovation(entry_id=new.id, innovation_id=innovation,
                                      relation=InnovationRelation.FORWARDED.value,
                                      confirmed=True, linked_at=now(), linked_by=ws.actor))
            s.add(EntryForward(from_entry_id=e.id, to_entry_id=new.id, to_competition_id=dst.id,
                               forwarded_at=now(), forwarded_by=ws.actor))
            s.flush()
            audit.record(s, ws.actor, "entry.forward", "entry", new.code, new={
                "from_competition": src.code, "from_entry": e.code, "unit": unit.code,
                "category": cat.code, "award": awards.get(e.id),
                "innovation": innovation is not None,
                "documents": documents, "links": links},
                competition_id=dst.id)
            out.append(ForwardedEntry(new.code, new.title, unit.code, cat.code, awards.get(e.id)))
        sync_unit_conflicts(s, dst.id, entry_ids=new_ids)
        return ForwardReport(src.code, dst.code, level, tuple(out), tuple(units.created),
                             carried, created=new_target is not None)


def _create_target(s: Session, actor: str, src: Competition, code: str, new: NewTarget,
                   chosen: list[Entry], category: str | None,
                   level: CompetitionLevel | None) -> None:
    """The new target, once what can be checked before it exists holds (its code is free,
    its level is not the city's, every entry finds a category in the template)."""
    if s.scalar(select(Competition.id).where(Competition.code == code)) is not None:
        raise ServiceError(Message("programme.forward_target_exists", competition=code))
    if level is not None and CompetitionLevel(level) == CompetitionLevel.CITY:
        raise ServiceError(Message("programme.forward_to_city", competition=code))
    setup = template_setup(new.template, new.name, new.year or src.year + 1)
    codes = [c.code for c in setup.categories]
    for e in chosen:
        _category_code(s.get_one(Category, e.category_id).code, codes, category, code)
    insert_competition(s, actor, setup, code=code)


def _target_level(s: Session, dst: Competition, level: CompetitionLevel | None) -> CompetitionLevel:
    current = level_of(s, dst.id)
    if level is not None:
        level = CompetitionLevel(level)
    elif current != CompetitionLevel.CITY:
        level = current
    else:
        level = CompetitionLevel.NATIONAL  # forwarding goes up; without a level: national
    if level == CompetitionLevel.CITY:
        raise ServiceError(Message("programme.forward_to_city", competition=dst.code))
    return level


def _chosen(s: Session, src: Competition, codes: Sequence[str] | None,
            winners: bool) -> tuple[list[Entry], dict[int, str]]:
    finalized = src.status == CompetitionStatus.FINALIZED
    awards = awards_by_entry(s, [src.id]) if finalized else {}
    if winners:
        if not finalized:
            raise ServiceError(Message("programme.forward_not_finalized", competition=src.code))
        if not awards:
            raise ServiceError(Message("programme.forward_no_winners", competition=src.code))
        return list(s.scalars(select(Entry).where(Entry.id.in_(list(awards)))
                              .order_by(Entry.code))), awards
    wanted = list(dict.fromkeys(c.strip() for c in codes or () if c.strip()))
    if not wanted:
        raise ValidationError(Message("programme.forward_what"))
    chosen = [lookup.entry(s, src.id, code) for code in wanted]
    excluded = [e.code for e in chosen
                if e.status in (EntryStatus.DISQUALIFIED, EntryStatus.WITHDRAWN)]
    if excluded:
        raise ServiceError(Message("programme.forward_excluded", entries=excluded))
    return chosen, awards


def _check_duplicates(s: Session, src: Competition, dst: Competition, chosen: list[Entry]) -> None:
    ids = [e.id for e in chosen]
    problems = []
    done = set(s.scalars(select(EntryForward.from_entry_id).where(
        EntryForward.to_competition_id == dst.id, EntryForward.from_entry_id.in_(ids))))
    target_codes = set(s.scalars(select(Entry.code).where(Entry.competition_id == dst.id)))
    there = set(s.scalars(select(EntryInnovation.innovation_id).join(
        Entry, Entry.id == EntryInnovation.entry_id).where(Entry.competition_id == dst.id)))
    for e in chosen:
        link = s.get(EntryInnovation, e.id)
        if e.id in done:
            problems.append(Message("programme.forward_again", entry=e.code, competition=dst.code))
        elif link is not None and link.confirmed and link.innovation_id in there:
            problems.append(Message("programme.forward_innovation_there", entry=e.code,
                                    competition=dst.code))
        elif e.code in target_codes:
            problems.append(Message("programme.forward_code_taken", entry=e.code,
                                    competition=dst.code))
    if problems:
        raise ValidationError(Message("programme.forward_refused", source=src.code,
                                      target=dst.code), problems)


def _category(s: Session, e: Entry, cats: dict[str, Category], chosen: str | None,
              dst: Competition) -> Category:
    return cats[_category_code(s.get_one(Category, e.category_id).code, list(cats), chosen,
                               dst.code)]


def _category_code(source: str, codes: list[str], chosen: str | None, target: str) -> str:
    """The target's category for an entry of category `source`: the one chosen, else the
    same code, else the target's only one."""
    if chosen is not None:
        if chosen not in codes:
            raise ServiceError(Message("programme.forward_category_unknown", category=chosen,
                                       competition=target, choices=codes))
        return chosen
    if source in codes:
        return source
    if len(codes) == 1:
        return codes[0]
    raise ServiceError(Message("programme.forward_category_needed", category=source,
                               competition=target, choices=codes))


class _UnitFinder:
    """The target's unit for a source unit: same code, else same name, else a new one
    (linked to the register unit the source's unit is linked to)."""

    def __init__(self, s: Session, actor: str, dst: Competition) -> None:
        self.s, self.actor, self.dst = s, actor, dst
        units = s.scalars(select(Unit).where(Unit.competition_id == dst.id)).all()
        self.by_code = {u.code: u for u in units}
        self.by_name = {u.name: u for u in units}
        self.created: list[str] = []

    def unit_for(self, source: Unit) -> Unit:
        found = self.by_code.get(source.code) or self.by_name.get(source.name)
        if found is not None:
            return found
        unit = Unit(competition_id=self.dst.id, code=source.code, name=source.name,
                    kind=source.kind)
        self.s.add(unit)
        self.s.flush()
        link = self.s.get(UnitLink, source.id)
        if link is not None and link.confirmed:
            self.s.add(UnitLink(unit_id=unit.id, registry_unit_id=link.registry_unit_id,
                                method=link.method, confirmed=True, linked_at=now(),
                                linked_by=self.actor))
        audit.record(self.s, self.actor, "unit.add", "unit", unit.code,
                     new={"code": unit.code, "name": unit.name, "kind": unit.kind},
                     competition_id=self.dst.id)
        self.by_code[unit.code], self.by_name[unit.name] = unit, unit
        self.created.append(unit.code)
        return unit


def forward_candidates(db: Database, source: str) -> list[ForwardedEntry]:
    """The source's entries that may be forwarded, with their awards (winners first)."""
    with db.read() as s:
        src = lookup.competition(s, source)
        awards = (awards_by_entry(s, [src.id])
                  if src.status == CompetitionStatus.FINALIZED else {})
        rows = s.execute(select(Entry, Unit.code, Category.code)
                         .join(Unit, Unit.id == Entry.unit_id)
                         .join(Category, Category.id == Entry.category_id)
                         .where(Entry.competition_id == src.id,
                                Entry.status.not_in([EntryStatus.DISQUALIFIED.value,
                                                     EntryStatus.WITHDRAWN.value]))).all()
    out = [ForwardedEntry(e.code, e.title, unit, cat, awards.get(e.id)) for e, unit, cat in rows]
    return sorted(out, key=lambda f: (f.award is None, f.code))
